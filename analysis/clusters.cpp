// The undirected view, modularity, components and partition comparison. Leiden and Louvain
// are in leiden.cpp.
#include "analysis/clusters.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>

namespace citegraph::analysis {

namespace {

// Dense labels 0..k-1 (in order of first appearance is not needed; any bijection will do).
// Direct indexing when the labels are small, a sort otherwise.
std::uint32_t dense_labels(std::span<const std::uint32_t> labels, std::vector<std::uint32_t>& out) {
    const std::size_t n = labels.size();
    out.resize(n);
    if (n == 0) return 0;
    const std::uint32_t max_label = *std::max_element(labels.begin(), labels.end());
    if (max_label < 4 * n + 16) {
        std::vector<std::uint32_t> map(static_cast<std::size_t>(max_label) + 1,
                                       std::numeric_limits<std::uint32_t>::max());
        std::uint32_t k = 0;
        for (std::size_t i = 0; i < n; ++i) {
            auto& slot = map[labels[i]];
            if (slot == std::numeric_limits<std::uint32_t>::max()) slot = k++;
            out[i] = slot;
        }
        return k;
    }
    std::vector<std::uint32_t> uniq(labels.begin(), labels.end());
    std::sort(uniq.begin(), uniq.end());
    uniq.erase(std::unique(uniq.begin(), uniq.end()), uniq.end());
    for (std::size_t i = 0; i < n; ++i)
        out[i] = static_cast<std::uint32_t>(std::lower_bound(uniq.begin(), uniq.end(), labels[i]) - uniq.begin());
    return static_cast<std::uint32_t>(uniq.size());
}

void check_resolution(double resolution, const char* where) {
    if (!std::isfinite(resolution) || resolution < 0.0)
        throw std::invalid_argument(std::string(where) + ": resolution must be finite and >= 0, got " +
                                    std::to_string(resolution));
}

ComponentsResult components_from_labels(std::span<const std::uint32_t> labels) {
    ComponentsResult r;
    r.membership = renumber_clusters(labels);
    for (std::uint32_t c : r.membership) {
        if (c >= r.sizes.size()) r.sizes.resize(static_cast<std::size_t>(c) + 1, 0);
        ++r.sizes[c];
    }
    return r;
}

}  // namespace

// ---------------------------------------------------------------------------------------

UndirectedGraph::UndirectedGraph(const CsrGraph& g, UndirectedMode mode) {
    const std::uint32_t n = g.num_vertices();
    const bool sum = mode == UndirectedMode::Sum;
    if (sum) {
        for (std::uint32_t k = 0; k < g.num_edges(); ++k) {
            const double w = g.out_weight(k);
            if (!std::isfinite(w) || w < 0.0)
                throw std::invalid_argument("UndirectedGraph: edge weights must be finite and >= 0, got " +
                                            std::to_string(w));
        }
    }
    self_loop_.assign(n, 0.0);
    strength_.assign(n, 0.0);
    offsets_.assign(static_cast<std::size_t>(n) + 1, 0);
    targets_.reserve(2 * static_cast<std::size_t>(g.num_edges()));
    weights_.reserve(2 * static_cast<std::size_t>(g.num_edges()));

    // Per vertex: accumulate out- and in-neighbours in a dense array, then emit them sorted.
    // Every pair {u,v} is seen from both sides with the same edges, so both lists agree.
    std::vector<double> acc(n, 0.0);
    std::vector<char> seen(n, 0);
    std::vector<std::uint32_t> touched;
    for (std::uint32_t v = 0; v < n; ++v) {
        touched.clear();
        auto add = [&](std::uint32_t u, double w) {
            if (!seen[u]) {
                seen[u] = 1;
                touched.push_back(u);
            }
            if (sum) acc[u] += w;
        };
        const std::uint32_t ob = g.out_begin(v);
        const auto outs = g.out_neighbors(v);
        for (std::uint32_t i = 0; i < outs.size(); ++i) {
            const std::uint32_t u = outs[i];
            if (u == v) {
                if (sum) self_loop_[v] += g.out_weight(ob + i);
                continue;
            }
            add(u, g.out_weight(ob + i));
        }
        const std::uint32_t ib = g.in_begin(v);
        const auto ins = g.in_neighbors(v);
        for (std::uint32_t i = 0; i < ins.size(); ++i) {
            const std::uint32_t u = ins[i];
            if (u == v) continue;  // the loop was counted once among the out-edges
            add(u, g.out_weight(g.in_edge_index(ib + i)));
        }
        std::sort(touched.begin(), touched.end());
        double s = 2.0 * self_loop_[v];
        for (std::uint32_t u : touched) {
            const double w = sum ? acc[u] : 1.0;
            acc[u] = 0.0;
            seen[u] = 0;
            if (w == 0.0) continue;  // only zero-weight edges joined u and v: no edge
            targets_.push_back(u);
            weights_.push_back(w);
            s += w;
        }
        strength_[v] = s;
        offsets_[v + 1] = targets_.size();
    }
    // m = (sum of strengths) / 2; summed per vertex first so that 2m is exactly sum_v k_v.
    double total = 0.0;
    for (double s : strength_) total += s;
    total_weight_ = total / 2.0;
}

std::uint64_t UndirectedGraph::num_loops() const {
    return static_cast<std::uint64_t>(
        std::count_if(self_loop_.begin(), self_loop_.end(), [](double w) { return w != 0.0; }));
}

// ---------------------------------------------------------------------------------------

std::vector<std::uint32_t> renumber_clusters(std::span<const std::uint32_t> labels) {
    std::vector<std::uint32_t> dense;
    const std::uint32_t k = dense_labels(labels, dense);
    std::vector<std::uint32_t> size(k, 0);
    std::vector<std::uint32_t> first(k, std::numeric_limits<std::uint32_t>::max());
    for (std::size_t i = 0; i < dense.size(); ++i) {
        ++size[dense[i]];
        first[dense[i]] = std::min(first[dense[i]], static_cast<std::uint32_t>(i));
    }
    std::vector<std::uint32_t> order(k);
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b];
    });
    std::vector<std::uint32_t> rank(k);
    for (std::uint32_t r = 0; r < k; ++r) rank[order[r]] = r;
    for (auto& d : dense) d = rank[d];
    return dense;
}

double modularity(const UndirectedGraph& g, std::span<const std::uint32_t> membership, double resolution) {
    check_resolution(resolution, "modularity");
    const std::uint32_t n = g.num_vertices();
    if (membership.size() != n)
        throw std::invalid_argument("modularity: membership must have one label per vertex (" + std::to_string(n) +
                                    "), got " + std::to_string(membership.size()));
    const double two_m = 2.0 * g.total_weight();
    if (!(two_m > 0.0)) return std::numeric_limits<double>::quiet_NaN();
    std::vector<std::uint32_t> c;
    const std::uint32_t k = dense_labels(membership, c);
    std::vector<double> inside(k, 0.0);  // 2 * in_c: both directions of inner edges, 2 * loops
    std::vector<double> strength(k, 0.0);
    const auto off = g.offsets();
    const auto tgt = g.targets();
    const auto wgt = g.edge_weights();
    for (std::uint32_t v = 0; v < n; ++v) {
        const std::uint32_t cv = c[v];
        strength[cv] += g.strength(v);
        double in = 2.0 * g.self_loop(v);
        for (std::uint64_t e = off[v]; e < off[v + 1]; ++e)
            if (c[tgt[e]] == cv) in += wgt[e];
        inside[cv] += in;
    }
    double q = 0.0;
    for (std::uint32_t i = 0; i < k; ++i) q += inside[i] - resolution * strength[i] * strength[i] / two_m;
    return q / two_m;
}

// ---------------------------------------------------------------------------------------

ComponentsResult weakly_connected_components(const CsrGraph& g) {
    const std::uint32_t n = g.num_vertices();
    std::vector<std::uint32_t> parent(n);
    std::vector<std::uint32_t> size(n, 1);
    std::iota(parent.begin(), parent.end(), 0u);
    auto find = [&](std::uint32_t x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];  // path halving
            x = parent[x];
        }
        return x;
    };
    for (std::uint32_t v = 0; v < n; ++v) {
        for (std::uint32_t u : g.out_neighbors(v)) {
            std::uint32_t a = find(v);
            std::uint32_t b = find(u);
            if (a == b) continue;
            if (size[a] < size[b]) std::swap(a, b);
            parent[b] = a;
            size[a] += size[b];
        }
    }
    for (std::uint32_t v = 0; v < n; ++v) parent[v] = find(v);
    return components_from_labels(parent);
}

ComponentsResult strongly_connected_components(const CsrGraph& g) {
    // Iterative Tarjan: `frames` replaces the call stack, each frame holding a vertex and the
    // position of the next out-edge to explore.
    const std::uint32_t n = g.num_vertices();
    constexpr std::uint32_t kUnvisited = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> index(n, kUnvisited);
    std::vector<std::uint32_t> low(n, 0);
    std::vector<char> on_stack(n, 0);
    std::vector<std::uint32_t> stack;
    std::vector<std::uint32_t> label(n, 0);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> frames;  // (vertex, next edge index)
    std::uint32_t next_index = 0;
    std::uint32_t next_label = 0;
    for (std::uint32_t root = 0; root < n; ++root) {
        if (index[root] != kUnvisited) continue;
        auto open = [&](std::uint32_t v) {
            index[v] = low[v] = next_index++;
            stack.push_back(v);
            on_stack[v] = 1;
            frames.emplace_back(v, g.out_begin(v));
        };
        open(root);
        while (!frames.empty()) {
            auto& [v, e] = frames.back();
            const std::uint32_t end = g.out_begin(v + 1);
            if (e < end) {
                const std::uint32_t u = g.g().m_forward.m_column[e];
                ++e;
                if (index[u] == kUnvisited) {
                    open(u);  // invalidates v and e; they are re-read next round
                } else if (on_stack[u]) {
                    low[v] = std::min(low[v], index[u]);
                }
                continue;
            }
            const std::uint32_t done = v;
            frames.pop_back();
            if (low[done] == index[done]) {
                std::uint32_t w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[w] = 0;
                    label[w] = next_label;
                } while (w != done);
                ++next_label;
            }
            if (!frames.empty()) {
                const std::uint32_t parent = frames.back().first;
                low[parent] = std::min(low[parent], low[done]);
            }
        }
    }
    return components_from_labels(label);
}

// ---------------------------------------------------------------------------------------

namespace {

struct Contingency {
    std::vector<double> a;     // cluster sizes of a
    std::vector<double> b;     // cluster sizes of b
    std::vector<double> cell;  // non-zero cells n_ij
};

Contingency contingency(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b, const char* where) {
    if (a.size() != b.size())
        throw std::invalid_argument(std::string(where) + ": partitions must have the same size, got " +
                                    std::to_string(a.size()) + " and " + std::to_string(b.size()));
    std::vector<std::uint32_t> da;
    std::vector<std::uint32_t> db;
    Contingency c;
    c.a.assign(dense_labels(a, da), 0.0);
    c.b.assign(dense_labels(b, db), 0.0);
    std::vector<std::uint64_t> keys(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        c.a[da[i]] += 1.0;
        c.b[db[i]] += 1.0;
        keys[i] = (static_cast<std::uint64_t>(da[i]) << 32) | db[i];
    }
    std::sort(keys.begin(), keys.end());
    for (std::size_t i = 0; i < keys.size();) {
        std::size_t j = i;
        while (j < keys.size() && keys[j] == keys[i]) ++j;
        c.cell.push_back(static_cast<double>(j - i));
        i = j;
    }
    return c;
}

double entropy(const std::vector<double>& sizes, double n) {
    double h = 0.0;
    for (double s : sizes) h -= (s / n) * std::log(s / n);
    return h;
}

}  // namespace

double normalized_mutual_information(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
    const Contingency c = contingency(a, b, "normalized_mutual_information");
    const double n = static_cast<double>(a.size());
    if (a.empty()) return 1.0;
    const double ha = entropy(c.a, n);
    const double hb = entropy(c.b, n);
    if (ha == 0.0 && hb == 0.0) return 1.0;
    // I = H(A) + H(B) - H(A,B): entropies need only the marginals and the non-zero cells.
    const double i = std::max(0.0, ha + hb - entropy(c.cell, n));
    return std::min(1.0, i / ((ha + hb) / 2.0));
}

double adjusted_rand_index(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
    const Contingency c = contingency(a, b, "adjusted_rand_index");
    auto pairs = [](double x) { return x * (x - 1.0) / 2.0; };
    auto sum_pairs = [&](const std::vector<double>& v) {
        double s = 0.0;
        for (double x : v) s += pairs(x);
        return s;
    };
    const double total = pairs(static_cast<double>(a.size()));
    const double sa = sum_pairs(c.a);
    const double sb = sum_pairs(c.b);
    const double sab = sum_pairs(c.cell);
    if (total == 0.0) return 1.0;
    const double expected = sa * sb / total;
    const double max_index = (sa + sb) / 2.0;
    if (max_index == expected) return 1.0;
    return (sab - expected) / (max_index - expected);
}

}  // namespace citegraph::analysis
