// Leiden and Louvain for modularity (see clusters.hpp for the definition and the contract).
//
// Layout: every level of the multilevel scheme is a CSR graph with loops held apart (as
// UndirectedGraph). Cluster bookkeeping uses dense arrays indexed by cluster id plus a
// "touched" list, so the inner loops never hash. Randomness comes from one std::mt19937_64
// drawn through our own bounded-integer and unit-interval helpers (std::shuffle and the
// std distributions are not specified bit for bit across standard libraries).
#include "analysis/clusters.hpp"

#include <algorithm>
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
    const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % bound;
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
    const double* self = nullptr;  // loop weight (A_vv / 2)
    const double* k = nullptr;     // strength
};

struct Level {
    std::vector<std::uint64_t> off;
    std::vector<std::uint32_t> tgt;
    std::vector<double> w;
    std::vector<double> self;
    std::vector<double> k;
    LevelView view() const {
        return {static_cast<std::uint32_t>(k.size()), off.data(), tgt.data(), w.data(), self.data(), k.data()};
    }
};

// Scratch arrays sized for the input graph and reused by every level and pass.
struct Workspace {
    explicit Workspace(std::uint32_t n)
        : weight_to(n, 0.0), mark(n, 0), cluster_weight(n, 0.0), cluster_size(n, 0), in_queue(n, 0), queue(n),
          ref_weight(n, 0.0), ref_external(n, 0.0), grown(n, 0), order(n), start(static_cast<std::size_t>(n) + 1),
          remap(n) {
        touched.reserve(n);
    }
    // Weight from the current vertex to each touched cluster; mark[c] says c is in touched.
    std::vector<double> weight_to;
    std::vector<char> mark;
    std::vector<std::uint32_t> touched;
    // Local moving.
    std::vector<double> cluster_weight;
    std::vector<std::uint32_t> cluster_size;
    std::vector<std::uint32_t> empty;
    std::vector<char> in_queue;
    std::vector<std::uint32_t> queue;
    // Refinement.
    std::vector<double> ref_weight;
    std::vector<double> ref_external;
    std::vector<char> grown;
    std::vector<std::pair<std::uint32_t, double>> candidates;
    // Grouping vertices by label (counting sort) and renumbering.
    std::vector<std::uint32_t> order;
    std::vector<std::uint64_t> start;
    std::vector<std::uint32_t> remap;

    void clear_touched() {
        for (std::uint32_t c : touched) {
            weight_to[c] = 0.0;
            mark[c] = 0;
        }
        touched.clear();
    }
    void touch(std::uint32_t c, double w) {
        if (!mark[c]) {
            mark[c] = 1;
            touched.push_back(c);
        }
        weight_to[c] += w;
    }
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

// Fast local moving with a queue (Leiden paper, Algorithm A.2 MoveNodesFast). `memb` holds
// labels < g.n on entry and on exit. Returns whether any vertex moved.
bool move_nodes(const LevelView& g, std::span<std::uint32_t> memb, const Params& p, Rng& rng, Workspace& ws) {
    const std::uint32_t n = g.n;
    std::fill(ws.cluster_weight.begin(), ws.cluster_weight.begin() + n, 0.0);
    std::fill(ws.cluster_size.begin(), ws.cluster_size.begin() + n, 0u);
    for (std::uint32_t v = 0; v < n; ++v) {
        ws.cluster_weight[memb[v]] += g.k[v];
        ++ws.cluster_size[memb[v]];
    }
    ws.empty.clear();
    for (std::uint32_t c = n; c > 0; --c)
        if (ws.cluster_size[c - 1] == 0) ws.empty.push_back(c - 1);

    std::span<std::uint32_t> queue(ws.queue.data(), n);
    std::iota(queue.begin(), queue.end(), 0u);
    shuffle(queue, rng);
    std::fill(ws.in_queue.begin(), ws.in_queue.begin() + n, 1);
    std::size_t head = 0;
    std::size_t count = n;

    double* const cw = ws.cluster_weight.data();
    double* const wt = ws.weight_to.data();
    bool changed = false;
    while (count > 0) {
        const std::uint32_t v = queue[head];
        head = head + 1 == n ? 0 : head + 1;
        --count;
        ws.in_queue[v] = 0;

        const std::uint32_t cv = memb[v];
        const double kv = g.k[v];
        const std::uint64_t e0 = g.off[v];
        const std::uint64_t e1 = g.off[v + 1];
        for (std::uint64_t e = e0; e < e1; ++e) ws.touch(memb[g.tgt[e]], g.w[e]);

        // Gain of joining cluster c once v has left cv: w(v,c) - gamma k_v K_c / (2m); the
        // terms that do not depend on c cancel in the comparison.
        cw[cv] -= kv;
        const double scale = kv * p.gamma_over_2m;
        const double stay = wt[cv] - scale * cw[cv];
        std::uint32_t best = cv;
        double best_gain = stay;
        for (std::uint32_t c : ws.touched) {
            const double gain = wt[c] - scale * cw[c];
            if (gain > best_gain) {
                best_gain = gain;
                best = c;
            }
        }
        // An empty cluster has gain 0 (only relevant when v is not alone already).
        if (0.0 > best_gain && ws.cluster_size[cv] > 1 && !ws.empty.empty()) {
            best_gain = 0.0;
            best = ws.empty.back();
        }
        // Move only on a gain above rounding noise, so that every move raises Q and the
        // procedure terminates.
        if (best != cv && best_gain - stay > 1e-12 * kv * (1.0 + p.gamma)) {
            if (ws.cluster_size[best] == 0) ws.empty.pop_back();
            cw[best] += kv;
            ++ws.cluster_size[best];
            if (--ws.cluster_size[cv] == 0) ws.empty.push_back(cv);
            memb[v] = best;
            changed = true;
            for (std::uint64_t e = e0; e < e1; ++e) {
                const std::uint32_t u = g.tgt[e];
                if (!ws.in_queue[u] && memb[u] != best) {
                    ws.in_queue[u] = 1;
                    std::size_t tail = head + count;
                    if (tail >= n) tail -= n;
                    queue[tail] = u;
                    ++count;
                }
            }
        } else {
            cw[cv] += kv;
        }
        ws.clear_touched();
    }
    return changed;
}

// Refinement (Leiden paper, Algorithm A.2 RefinePartition / MergeNodesSubset). `memb` holds
// dense cluster labels 0..k-1; writes refined labels 0..r-1 into `ref` and returns r.
std::uint32_t refine(const LevelView& g, std::span<const std::uint32_t> memb, std::uint32_t k,
                     std::span<std::uint32_t> ref, const Params& p, Rng& rng, Workspace& ws) {
    const std::uint32_t n = g.n;
    ws.group(memb, k);
    // Every vertex starts as its own refined cluster, id = vertex.
    for (std::uint32_t v = 0; v < n; ++v) {
        ref[v] = v;
        ws.ref_weight[v] = g.k[v];
        ws.grown[v] = 0;
        double ext = 0.0;  // w(v, C - v): loops are not in the lists
        for (std::uint64_t e = g.off[v]; e < g.off[v + 1]; ++e)
            if (memb[g.tgt[e]] == memb[v]) ext += g.w[e];
        ws.ref_external[v] = ext;
    }
    double* const wt = ws.weight_to.data();
    for (std::uint32_t c = 0; c < k; ++c) {
        const std::span<std::uint32_t> nodes(ws.order.data() + ws.start[c], ws.start[c + 1] - ws.start[c]);
        if (nodes.size() < 2) continue;
        double total = 0.0;  // K_C
        for (std::uint32_t v : nodes) total += g.k[v];
        shuffle(nodes, rng);
        for (std::uint32_t v : nodes) {
            if (ws.grown[v]) continue;  // others joined v: it is no longer a singleton
            const double kv = g.k[v];
            if (ws.ref_external[v] < p.gamma_over_2m * kv * (total - kv)) continue;  // not well connected
            for (std::uint64_t e = g.off[v]; e < g.off[v + 1]; ++e) {
                const std::uint32_t u = g.tgt[e];
                if (memb[u] == c) ws.touch(ref[u], g.w[e]);
            }
            // Candidates: staying alone (gain 0) and every well-connected neighbouring refined
            // cluster with a non-negative gain.
            ws.candidates.clear();
            ws.candidates.emplace_back(v, 0.0);
            double max_gain = 0.0;
            std::uint32_t best = v;
            for (std::uint32_t s : ws.touched) {
                const double ks = ws.ref_weight[s];
                if (ws.ref_external[s] < p.gamma_over_2m * ks * (total - ks)) continue;
                const double gain = wt[s] - p.gamma_over_2m * kv * ks;
                if (gain < 0.0) continue;
                ws.candidates.emplace_back(s, gain);
                if (gain > max_gain) {
                    max_gain = gain;
                    best = s;
                }
            }
            if (p.theta > 0.0 && ws.candidates.size() > 1) {
                // P(s) ~ exp(gain / theta), shifted by the maximum so nothing overflows;
                // terms below exp(-40) cannot change the double sum and are skipped.
                double sum = 0.0;
                std::size_t live = 0;
                for (auto& [s, gain] : ws.candidates) {
                    const double x = (gain - max_gain) / p.theta;
                    gain = x < -40.0 ? 0.0 : std::exp(x);
                    sum += gain;
                    if (gain > 0.0) ++live;
                }
                if (live > 1) {
                    const double r = uniform_unit(rng) * sum;
                    double acc = 0.0;
                    for (const auto& [s, weight] : ws.candidates) {
                        if (weight == 0.0) continue;
                        acc += weight;
                        best = s;
                        if (r < acc) break;
                    }
                }
            }
            if (best != v) {
                ref[v] = best;
                ws.ref_weight[best] += kv;
                ws.ref_weight[v] = 0.0;
                // Edges between v and best become internal to the refined cluster.
                ws.ref_external[best] += ws.ref_external[v] - 2.0 * wt[best];
                ws.grown[best] = 1;
            }
            ws.clear_touched();
        }
    }
    return compress(ref, ws);
}

// Aggregates `g` by `ref` (labels 0..r-1) into `out`: one node per label, edge weights summed,
// edges inside a label becoming a loop.
void aggregate(const LevelView& g, std::span<const std::uint32_t> ref, std::uint32_t r, Level& out, Workspace& ws) {
    ws.group(ref, r);
    out.off.assign(static_cast<std::size_t>(r) + 1, 0);
    out.self.assign(r, 0.0);
    out.k.assign(r, 0.0);
    out.tgt.clear();
    out.w.clear();
    double* const wt = ws.weight_to.data();
    for (std::uint32_t s = 0; s < r; ++s) {
        double loop2 = 0.0;  // inner edges are met from both ends
        double self = 0.0;
        double strength = 0.0;
        for (std::uint64_t i = ws.start[s]; i < ws.start[s + 1]; ++i) {
            const std::uint32_t v = ws.order[i];
            self += g.self[v];
            strength += g.k[v];
            for (std::uint64_t e = g.off[v]; e < g.off[v + 1]; ++e) {
                const std::uint32_t t = ref[g.tgt[e]];
                if (t == s)
                    loop2 += g.w[e];
                else
                    ws.touch(t, g.w[e]);
            }
        }
        for (std::uint32_t t : ws.touched) {
            out.tgt.push_back(t);
            out.w.push_back(wt[t]);
        }
        ws.clear_touched();
        out.self[s] = self + loop2 / 2.0;
        out.k[s] = strength;
        out.off[s + 1] = out.tgt.size();
    }
}

// One pass of the multilevel scheme, starting from `memb` (labels < n) on the input graph.
// Returns whether any vertex moved at any level.
bool run_pass(const UndirectedGraph& input, std::span<std::uint32_t> memb, bool refine_step, const Params& p,
              Rng& rng, Workspace& ws) {
    const std::uint32_t n = input.num_vertices();
    LevelView g{n,
                input.offsets().data(),
                input.targets().data(),
                input.edge_weights().data(),
                input.self_loops().data(),
                input.strengths().data()};
    std::vector<std::uint32_t> node_of(n);  // input vertex -> node of the current level
    std::iota(node_of.begin(), node_of.end(), 0u);
    std::vector<std::uint32_t> level_memb(memb.begin(), memb.end());
    std::vector<std::uint32_t> ref(n);
    Level levels[2];
    int next = 0;
    bool changed = false;
    for (;;) {
        const std::span<std::uint32_t> lm(level_memb.data(), g.n);
        changed = move_nodes(g, lm, p, rng, ws) || changed;
        const std::uint32_t k = compress(lm, ws);
        if (k == g.n) break;  // every cluster is a single node
        const std::span<std::uint32_t> lr(ref.data(), g.n);
        std::uint32_t r = g.n;
        if (refine_step) r = refine(g, lm, k, lr, p, rng, ws);
        if (r == g.n) {  // refinement merged nothing (or Louvain): aggregate by the clusters
            std::copy(lm.begin(), lm.end(), lr.begin());
            r = k;
        }
        for (auto& x : node_of) x = lr[x];
        // Each aggregate node starts in the cluster of its members (all in one cluster).
        Level& out = levels[next];
        aggregate(g, lr, r, out, ws);
        std::vector<std::uint32_t> next_memb(r);
        for (std::uint32_t v = 0; v < g.n; ++v) next_memb[lr[v]] = lm[v];
        level_memb.swap(next_memb);
        g = out.view();
        next ^= 1;
    }
    for (std::uint32_t v = 0; v < n; ++v) memb[v] = level_memb[node_of[v]];
    return changed;
}

void check_options(const UndirectedGraph& g, const LeidenOptions& opt) {
    if (!std::isfinite(opt.resolution) || opt.resolution < 0.0)
        throw std::invalid_argument("leiden: resolution must be finite and >= 0, got " + std::to_string(opt.resolution));
    if (!std::isfinite(opt.randomness) || opt.randomness < 0.0)
        throw std::invalid_argument("leiden: randomness must be finite and >= 0, got " + std::to_string(opt.randomness));
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
        for (;;) {
            const bool changed = run_pass(g, memb, opt.algorithm == ClusterAlgorithm::Leiden, p, rng, ws);
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
