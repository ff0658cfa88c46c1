// Leiden and Louvain for modularity (see clusters.hpp for the definition and the contract).
//
// Layout: every level of the multilevel scheme is a CSR graph with loops held apart (as
// UndirectedGraph). Cluster bookkeeping uses dense arrays indexed by cluster id plus a
// "touched" list, so the inner loops never hash. Randomness comes from one std::mt19937_64
// drawn through our own bounded-integer and unit-interval helpers (std::shuffle and the
// std distributions are not specified bit for bit across standard libraries).
#include "analysis/clusters.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>

namespace citegraph::analysis {

namespace {

using Rng = std::mt19937_64;

// Uniform integer in [0, bound), bound >= 1, by rejection (no modulo bias).
std::uint64_t uniform_below(Rng& rng, std::uint64_t bound) {
    const std::uint64_t limit =
        std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % bound;
    std::uint64_t x;
    do x = rng();
    while (x >= limit);
    return x % bound;
}

// Uniform double in [0, 1) from the top 53 bits.
double uniform_unit(Rng& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

void shuffle(std::span<std::uint32_t> v, Rng& rng) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[uniform_below(rng, i)]);
}

// One level: a read-only view, either of the input graph or of an aggregate owned by Level.
struct LevelView {
    std::uint32_t n = 0;
    const std::uint64_t* off = nullptr;
    const std::uint32_t* tgt = nullptr;
    const double* w = nullptr;
    const double* k = nullptr;  // strength; loops count in it but are not stored otherwise,
                                // since no modularity gain depends on them
};

struct Level {
    std::vector<std::uint64_t> off;
    std::vector<std::uint32_t> tgt;
    std::vector<double> w;
    std::vector<double> k;
    LevelView view() const {
        return {static_cast<std::uint32_t>(k.size()), off.data(), tgt.data(), w.data(), k.data()};
    }
};

// Sparse accumulator of weight per cluster: `weight[c]` is the sum so far and `list` the
// clusters touched. The level graphs hold no zero-weight edges (UndirectedGraph drops them and
// aggregation only sums positive weights), so weight[c] > 0 marks c as touched and no separate
// mark array is needed. Raw pointers keep the hot loops free of reloads through aliasing.
struct Accumulator {
    double* weight = nullptr;
    std::uint32_t* list = nullptr;
    std::uint32_t size = 0;
    // Branch-free: whether c is new is unpredictable, and a mispredicted branch here would
    // serialize the (cache-missing) loads of consecutive edges.
    void add(std::uint32_t c, double w) {
        const double old = weight[c];
        list[size] = c;
        size += old == 0.0;
        weight[c] = old + w;
    }
    void clear() {
        for (std::uint32_t i = 0; i < size; ++i) weight[list[i]] = 0.0;
        size = 0;
    }
};

// Scratch arrays sized for the input graph and reused by every level and pass.
struct Workspace {
    explicit Workspace(std::uint32_t n)
        : weight_to(static_cast<std::size_t>(n) + 1, 0.0),
          touched(static_cast<std::size_t>(n) + 2),
          cluster_weight(n, 0.0),
          cluster_size(n, 0),
          in_queue(n, 0),
          queue(n),
          ref_weight(n, 0.0),
          ref_external(n, 0.0),
          grown(n, 0),
          order(n),
          start(static_cast<std::size_t>(n) + 1),
          remap(n),
          node_of(n),
          level_memb(n),
          next_memb(n),
          refined(n) {}
    Accumulator accumulator() { return {weight_to.data(), touched.data(), 0}; }

    std::vector<double> weight_to;
    std::vector<std::uint32_t> touched;
    // Local moving.
    std::vector<double> cluster_weight;
    std::vector<std::uint32_t> cluster_size;
    std::vector<std::uint32_t> empty;
    std::vector<std::uint32_t> in_queue;
    std::vector<std::uint32_t> queue;
    // Refinement.
    std::vector<double> ref_weight;
    std::vector<double> ref_external;
    std::vector<std::uint32_t> grown;
    std::vector<std::pair<std::uint32_t, double>> candidates;
    // Grouping vertices by label (counting sort) and renumbering.
    std::vector<std::uint32_t> order;
    std::vector<std::uint64_t> start;
    std::vector<std::uint32_t> remap;
    // The multilevel scheme: the two most recent aggregate graphs, the map from input vertices
    // to nodes of the current level, clusters per node, refined labels per node.
    std::array<Level, 2> levels;
    std::vector<std::uint32_t> node_of;
    std::vector<std::uint32_t> level_memb;
    std::vector<std::uint32_t> next_memb;
    std::vector<std::uint32_t> refined;

    // order[start[c] .. start[c+1]) = the vertices with label c, in increasing vertex order.
    void group(std::span<const std::uint32_t> label, std::uint32_t k) {
        std::fill(start.begin(), start.begin() + k + 1, 0);
        for (std::uint32_t c : label) ++start[c + 1];
        for (std::uint32_t c = 0; c < k; ++c) start[c + 1] += start[c];
        for (std::uint32_t v = 0; v < label.size(); ++v) order[start[label[v]]++] = v;
        for (std::uint32_t c = k; c > 0; --c) start[c] = start[c - 1];
        start[0] = 0;
    }
};

// Renumbers labels (each < label.size()) to 0..k-1 in order of first appearance; returns k.
std::uint32_t compress(std::span<std::uint32_t> label, Workspace& ws) {
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::fill(ws.remap.begin(), ws.remap.begin() + label.size(), kNone);
    std::uint32_t k = 0;
    for (auto& c : label) {
        if (ws.remap[c] == kNone) ws.remap[c] = k++;
        c = ws.remap[c];
    }
    return k;
}

struct Params {
    double gamma_over_2m;  // resolution / (2m)
    double gamma;
    double theta;
};

// Fast local moving with a queue (Leiden paper, Algorithm A.2 MoveNodesFast). `membership`
// holds labels < g.n on entry and on exit. Returns whether any vertex moved.
// kUnit: every edge weighs 1 (the input in CollapseSimple mode), so the weights are not read.
template <bool kUnit>
bool move_nodes(const LevelView& g, std::span<std::uint32_t> membership, const Params& p, Rng& rng, Workspace& ws) {
    const std::uint32_t n = g.n;
    const std::uint64_t* const off = g.off;
    const std::uint32_t* const tgt = g.tgt;
    const double* const w = g.w;
    const double* const k = g.k;
    std::uint32_t* const memb = membership.data();
    double* const cw = ws.cluster_weight.data();
    std::uint32_t* const csize = ws.cluster_size.data();
    std::uint32_t* const in_queue = ws.in_queue.data();
    std::uint32_t* const queue = ws.queue.data();
    Accumulator acc = ws.accumulator();

    std::fill(cw, cw + n, 0.0);
    std::fill(csize, csize + n, 0u);
    for (std::uint32_t v = 0; v < n; ++v) {
        cw[memb[v]] += k[v];
        ++csize[memb[v]];
    }
    ws.empty.clear();
    for (std::uint32_t c = n; c > 0; --c)
        if (csize[c - 1] == 0) ws.empty.push_back(c - 1);

    std::iota(queue, queue + n, 0u);
    shuffle({queue, n}, rng);
    std::fill(in_queue, in_queue + n, 1u);
    std::uint32_t head = 0;
    std::uint32_t count = n;

    bool changed = false;
    while (count > 0) {
        const std::uint32_t v = queue[head];
        head = head + 1 == n ? 0 : head + 1;
        --count;
        in_queue[v] = 0;

        const std::uint32_t cv = memb[v];
        const double kv = k[v];
        const std::uint64_t e0 = off[v];
        const std::uint64_t e1 = off[v + 1];
        for (std::uint64_t e = e0; e < e1; ++e) acc.add(memb[tgt[e]], kUnit ? 1.0 : w[e]);

        // Gain of joining cluster c once v has left cv: w(v,c) - gamma k_v K_c / (2m); the
        // terms that do not depend on c cancel in the comparison.
        cw[cv] -= kv;
        const double scale = kv * p.gamma_over_2m;
        const double stay = acc.weight[cv] - scale * cw[cv];
        std::uint32_t best = cv;
        double best_gain = stay;
        for (std::uint32_t i = 0; i < acc.size; ++i) {
            const std::uint32_t c = acc.list[i];
            const double gain = acc.weight[c] - scale * cw[c];
            if (gain > best_gain) {
                best_gain = gain;
                best = c;
            }
        }
        acc.clear();
        // An empty cluster has gain 0 (only relevant when v is not alone already).
        if (0.0 > best_gain && csize[cv] > 1 && !ws.empty.empty()) {
            best_gain = 0.0;
            best = ws.empty.back();
        }
        // Move only on a gain above rounding noise, so that every move raises Q and the
        // procedure terminates.
        if (best != cv && best_gain - stay > 1e-12 * kv * (1.0 + p.gamma)) {
            if (csize[best] == 0) ws.empty.pop_back();
            cw[best] += kv;
            ++csize[best];
            if (--csize[cv] == 0) ws.empty.push_back(cv);
            memb[v] = best;
            changed = true;
            for (std::uint64_t e = e0; e < e1; ++e) {
                const std::uint32_t u = tgt[e];
                if (!in_queue[u] && memb[u] != best) {
                    in_queue[u] = 1;
                    std::uint32_t tail = head + count;
                    if (tail >= n) tail -= n;
                    queue[tail] = u;
                    ++count;
                }
            }
        } else {
            cw[cv] += kv;
        }
    }
    return changed;
}

// Refinement (Leiden paper, Algorithm A.2 RefinePartition / MergeNodesSubset). `membership`
// holds dense cluster labels 0..k-1; writes refined labels 0..r-1 into `refined`, returns r.
std::uint32_t refine(const LevelView& g, std::span<const std::uint32_t> membership, std::uint32_t k,
                     std::span<std::uint32_t> refined, const Params& p, Rng& rng, Workspace& ws) {
    const std::uint32_t n = g.n;
    const std::uint64_t* const off = g.off;
    const std::uint32_t* const tgt = g.tgt;
    const double* const w = g.w;
    const double* const kk = g.k;
    const std::uint32_t* const memb = membership.data();
    std::uint32_t* const ref = refined.data();
    double* const ref_weight = ws.ref_weight.data();
    double* const ref_external = ws.ref_external.data();
    std::uint32_t* const grown = ws.grown.data();
    Accumulator acc = ws.accumulator();
    const double g2m = p.gamma_over_2m;

    ws.group(membership, k);
    // Every vertex starts as its own refined cluster, id = vertex, with external weight
    // w(v, C - v) (loops are not in the lists).
    for (std::uint32_t v = 0; v < n; ++v) {
        ref[v] = v;
        ref_weight[v] = kk[v];
        grown[v] = 0;
        const std::uint32_t cv = memb[v];
        double ext = 0.0;
        for (std::uint64_t e = off[v]; e < off[v + 1]; ++e)
            if (memb[tgt[e]] == cv) ext += w[e];
        ref_external[v] = ext;
    }
    for (std::uint32_t c = 0; c < k; ++c) {
        const std::span<std::uint32_t> nodes(ws.order.data() + ws.start[c], ws.start[c + 1] - ws.start[c]);
        if (nodes.size() < 2) continue;
        double total = 0.0;  // K_C
        for (std::uint32_t v : nodes) total += kk[v];
        shuffle(nodes, rng);
        for (std::uint32_t v : nodes) {
            if (grown[v]) continue;  // others joined v: it is no longer a singleton
            const double kv = kk[v];
            if (ref_external[v] < g2m * kv * (total - kv)) continue;  // not well connected to C
            // Edges leaving C go to the spare slot n, unconditionally: a branch on membership
            // would mispredict often.
            for (std::uint64_t e = off[v]; e < off[v + 1]; ++e) {
                const std::uint32_t u = tgt[e];
                acc.add(memb[u] == c ? ref[u] : n, w[e]);
            }
            // Candidates: staying alone (gain 0) and every well-connected neighbouring refined
            // cluster with a non-negative gain.
            auto& cand = ws.candidates;
            cand.clear();
            cand.emplace_back(v, 0.0);
            double max_gain = 0.0;
            std::uint32_t best = v;
            for (std::uint32_t i = 0; i < acc.size; ++i) {
                const std::uint32_t s = acc.list[i];
                if (s == n) continue;
                const double ks = ref_weight[s];
                if (ref_external[s] < g2m * ks * (total - ks)) continue;
                const double gain = acc.weight[s] - g2m * kv * ks;
                if (gain < 0.0) continue;
                cand.emplace_back(s, gain);
                if (gain > max_gain) {
                    max_gain = gain;
                    best = s;
                }
            }
            if (p.theta > 0.0 && cand.size() > 1) {
                // P(s) ~ exp(gain / theta), shifted by the maximum so nothing overflows;
                // terms below exp(-40) cannot change the double sum and are skipped.
                double sum = 0.0;
                std::size_t live = 0;
                for (auto& [s, gain] : cand) {
                    const double x = (gain - max_gain) / p.theta;
                    gain = x < -40.0 ? 0.0 : std::exp(x);
                    sum += gain;
                    if (gain > 0.0) ++live;
                }
                if (live > 1) {
                    const double r = uniform_unit(rng) * sum;
                    double cum = 0.0;
                    for (const auto& [s, weight] : cand) {
                        if (weight == 0.0) continue;
                        cum += weight;
                        best = s;
                        if (r < cum) break;
                    }
                }
            }
            if (best != v) {
                ref[v] = best;
                ref_weight[best] += kv;
                ref_weight[v] = 0.0;
                // Edges between v and best become internal to the refined cluster.
                ref_external[best] += ref_external[v] - 2.0 * acc.weight[best];
                grown[best] = 1;
            }
            acc.clear();
        }
    }
    return compress(refined, ws);
}

// Aggregates `g` by `refined` (labels 0..r-1) into `out`: one node per label, edge weights summed,
// strengths summed; edges inside a label become part of the node (a loop, not stored).
void aggregate(const LevelView& g, std::span<const std::uint32_t> refined, std::uint32_t r, Level& out, Workspace& ws) {
    const std::uint64_t* const off = g.off;
    const std::uint32_t* const tgt = g.tgt;
    const double* const w = g.w;
    const std::uint32_t* const ref = refined.data();
    Accumulator acc = ws.accumulator();
    ws.group(refined, r);
    out.off.assign(static_cast<std::size_t>(r) + 1, 0);
    out.k.assign(r, 0.0);
    // Capacity for the worst case; only the pages written are ever touched.
    out.tgt.clear();
    out.w.clear();
    out.tgt.reserve(off[g.n]);
    out.w.reserve(off[g.n]);
    for (std::uint32_t s = 0; s < r; ++s) {
        double strength = 0.0;
        for (std::uint64_t i = ws.start[s]; i < ws.start[s + 1]; ++i) {
            const std::uint32_t v = ws.order[i];
            strength += g.k[v];
            for (std::uint64_t e = off[v]; e < off[v + 1]; ++e) acc.add(ref[tgt[e]], w[e]);
        }
        for (std::uint32_t i = 0; i < acc.size; ++i) {
            const std::uint32_t t = acc.list[i];
            if (t == s) continue;  // edges inside s: part of the node
            out.tgt.push_back(t);
            out.w.push_back(acc.weight[t]);
        }
        acc.clear();
        out.k[s] = strength;
        out.off[s + 1] = out.tgt.size();
    }
}

// One pass of the multilevel scheme, starting from `memb` (labels < n) on the input graph.
// `unit_weights`: every input edge weighs 1. Returns whether any vertex moved at any level.
bool run_pass(const UndirectedGraph& input, bool unit_weights, std::span<std::uint32_t> memb, bool refine_step,
              const Params& p, Rng& rng, Workspace& ws) {
    const std::uint32_t n = input.num_vertices();
    LevelView g{n, input.offsets().data(), input.targets().data(), input.edge_weights().data(),
                input.strengths().data()};
    auto& node_of = ws.node_of;  // input vertex -> node of the current level
    std::iota(node_of.begin(), node_of.end(), 0u);
    auto& level_memb = ws.level_memb;
    std::copy(memb.begin(), memb.end(), level_memb.begin());
    int next = 0;
    bool changed = false;
    for (bool first = true;; first = false) {
        const std::span<std::uint32_t> lm(level_memb.data(), g.n);
        changed =
            (first && unit_weights ? move_nodes<true>(g, lm, p, rng, ws) : move_nodes<false>(g, lm, p, rng, ws)) ||
            changed;
        const std::uint32_t k = compress(lm, ws);
        if (k == g.n) break;  // every cluster is a single node
        const std::span<std::uint32_t> lr(ws.refined.data(), g.n);
        std::uint32_t r = g.n;
        if (refine_step) r = refine(g, lm, k, lr, p, rng, ws);
        if (r == g.n) {  // refinement merged nothing (or Louvain): aggregate by the clusters
            std::copy(lm.begin(), lm.end(), lr.begin());
            r = k;
        }
        for (auto& x : node_of) x = lr[x];
        Level& out = ws.levels[next];
        aggregate(g, lr, r, out, ws);
        // Each aggregate node starts in the cluster of its members (all in one cluster).
        for (std::uint32_t v = 0; v < g.n; ++v) ws.next_memb[lr[v]] = lm[v];
        level_memb.swap(ws.next_memb);
        g = out.view();
        next ^= 1;
    }
    for (std::uint32_t v = 0; v < n; ++v) memb[v] = level_memb[node_of[v]];
    return changed;
}

void check_options(const UndirectedGraph& g, const LeidenOptions& opt) {
    if (!std::isfinite(opt.resolution) || opt.resolution < 0.0)
        throw std::invalid_argument("leiden: resolution must be finite and >= 0, got " +
                                    std::to_string(opt.resolution));
    if (!std::isfinite(opt.randomness) || opt.randomness < 0.0)
        throw std::invalid_argument("leiden: randomness must be finite and >= 0, got " +
                                    std::to_string(opt.randomness));
    if (opt.n_iterations < -1 || opt.n_iterations == 0)
        throw std::invalid_argument("leiden: n_iterations must be -1 (until stable) or >= 1, got " +
                                    std::to_string(opt.n_iterations));
    if (!opt.initial_membership.empty() && opt.initial_membership.size() != g.num_vertices())
        throw std::invalid_argument("leiden: initial_membership must be empty or have one label per vertex (" +
                                    std::to_string(g.num_vertices()) + "), got " +
                                    std::to_string(opt.initial_membership.size()));
}

}  // namespace

LeidenResult leiden(const UndirectedGraph& g, const LeidenOptions& opt) {
    check_options(g, opt);
    const std::uint32_t n = g.num_vertices();
    LeidenResult result;
    std::vector<std::uint32_t> memb(n);
    if (opt.initial_membership.empty())
        std::iota(memb.begin(), memb.end(), 0u);
    else
        memb = renumber_clusters(opt.initial_membership);

    const double two_m = 2.0 * g.total_weight();
    if (n > 0 && two_m > 0.0) {
        const Params p{opt.resolution / two_m, opt.resolution, opt.randomness};
        Rng rng(opt.seed);
        Workspace ws(n);
        const auto w = g.edge_weights();
        const bool unit_weights = std::all_of(w.begin(), w.end(), [](double x) { return x == 1.0; });
        for (;;) {
            const bool changed = run_pass(g, unit_weights, memb, opt.algorithm == ClusterAlgorithm::Leiden, p, rng, ws);
            ++result.iterations;
            if (opt.n_iterations < 0 ? !changed : result.iterations >= opt.n_iterations) break;
        }
    }
    result.membership = renumber_clusters(memb);
    for (std::uint32_t c : result.membership) {
        if (c >= result.sizes.size()) result.sizes.resize(static_cast<std::size_t>(c) + 1, 0);
        ++result.sizes[c];
    }
    result.modularity = modularity(g, result.membership, opt.resolution);
    return result;
}

}  // namespace citegraph::analysis
