#pragma once
// Helpers for the cluster tests: seeded random graphs, naive references (dense adjacency
// matrix, reachability closure) and the invariants every clustering must satisfy.
#include "analysis/clusters.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <map>
#include <random>
#include <utility>
#include <vector>

namespace citegraph::analysis::test {

using Edges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

struct RandomGraph {
    std::uint32_t n = 0;
    Edges edges;
    std::vector<double> weights;  // empty = unweighted
    CsrGraph csr() const { return CsrGraph(n, edges, weights); }
};

// A directed multigraph: n in [1, max_n], up to 3n edges, self-loops and parallel edges
// possible, weighted (uniform in [0.1, 2]) half of the time.
inline RandomGraph random_graph(std::mt19937_64& rng, std::uint32_t max_n) {
    RandomGraph g;
    g.n = 1 + static_cast<std::uint32_t>(rng() % max_n);
    const std::uint32_t m = static_cast<std::uint32_t>(rng() % (3 * g.n + 1));
    const bool weighted = rng() % 2 == 0;
    std::uniform_real_distribution<double> w(0.1, 2.0);
    for (std::uint32_t i = 0; i < m; ++i) {
        const auto u = static_cast<std::uint32_t>(rng() % g.n);
        const auto v = rng() % 8 == 0 ? u : static_cast<std::uint32_t>(rng() % g.n);
        g.edges.emplace_back(u, v);
        if (weighted) g.weights.push_back(w(rng));
    }
    return g;
}

inline std::vector<std::uint32_t> random_partition(std::mt19937_64& rng, std::uint32_t n) {
    const std::uint32_t k = 1 + static_cast<std::uint32_t>(rng() % n);
    std::vector<std::uint32_t> p(n);
    for (auto& c : p) c = 1000 + static_cast<std::uint32_t>(rng() % k) * 7;  // arbitrary labels
    return p;
}

// The dense adjacency matrix of the undirected view, straight from the directed edge list:
// Sum: A_uv += w and A_vu += w per edge, a loop adds 2w to A_uu; CollapseSimple: A_uv = 1 for
// u != v joined in either direction.
inline std::vector<std::vector<double>> dense_adjacency(const RandomGraph& g, UndirectedMode mode) {
    std::vector<std::vector<double>> a(g.n, std::vector<double>(g.n, 0.0));
    for (std::size_t i = 0; i < g.edges.size(); ++i) {
        const auto [u, v] = g.edges[i];
        const double w = g.weights.empty() ? 1.0 : g.weights[i];
        if (mode == UndirectedMode::Sum) {
            a[u][v] += w;
            a[v][u] += w;
        } else if (u != v) {
            a[u][v] = a[v][u] = 1.0;
        }
    }
    return a;
}

// Q = 1/(2m) sum_ij [A_ij - gamma k_i k_j / (2m)] delta(c_i, c_j), literally.
inline double naive_modularity(const std::vector<std::vector<double>>& a, const std::vector<std::uint32_t>& c,
                               double gamma) {
    const std::size_t n = a.size();
    std::vector<double> k(n, 0.0);
    double two_m = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            k[i] += a[i][j];
            two_m += a[i][j];
        }
    if (two_m == 0.0) return std::nan("");
    double q = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            if (c[i] == c[j]) q += a[i][j] - gamma * k[i] * k[j] / two_m;
    return q / two_m;
}

// reach[u][v]: v reachable from u by a directed path (u reaches itself). Warshall.
inline std::vector<std::vector<char>> reachability(std::uint32_t n, const Edges& edges, bool undirected) {
    std::vector<std::vector<char>> r(n, std::vector<char>(n, 0));
    for (std::uint32_t v = 0; v < n; ++v) r[v][v] = 1;
    for (const auto& [u, v] : edges) {
        r[u][v] = 1;
        if (undirected) r[v][u] = 1;
    }
    for (std::uint32_t k = 0; k < n; ++k)
        for (std::uint32_t i = 0; i < n; ++i)
            if (r[i][k])
                for (std::uint32_t j = 0; j < n; ++j)
                    if (r[k][j]) r[i][j] = 1;
    return r;
}

// A partition in canonical form: labels 0..k-1, every label used, sizes match and are
// non-increasing, ties ordered by smallest vertex.
inline void expect_canonical_partition(const std::vector<std::uint32_t>& membership,
                                       const std::vector<std::uint32_t>& sizes, std::uint32_t n) {
    ASSERT_EQ(membership.size(), n);
    std::vector<std::uint32_t> count(sizes.size(), 0);
    std::vector<std::uint32_t> first(sizes.size(), n);
    for (std::uint32_t v = 0; v < n; ++v) {
        ASSERT_LT(membership[v], sizes.size()) << "vertex " << v;
        ++count[membership[v]];
        if (first[membership[v]] == n) first[membership[v]] = v;
    }
    EXPECT_EQ(count, sizes);
    for (std::size_t c = 0; c < sizes.size(); ++c) {
        EXPECT_GT(sizes[c], 0u) << "cluster " << c << " is empty";
        if (c > 0) {
            EXPECT_GE(sizes[c - 1], sizes[c]);
            if (sizes[c - 1] == sizes[c]) {
                EXPECT_LT(first[c - 1], first[c]);
            }
        }
    }
}

// Number of clusters that do not induce a connected subgraph of the undirected view (edges of
// positive weight); 0 when every cluster is connected.
inline std::uint32_t disconnected_clusters(const UndirectedGraph& g, const std::vector<std::uint32_t>& membership) {
    const std::uint32_t n = g.num_vertices();
    std::vector<char> seen(n, 0);
    std::map<std::uint32_t, std::uint32_t> pieces;  // connected pieces found per cluster label
    std::uint32_t split = 0;
    for (std::uint32_t s = 0; s < n; ++s) {
        if (seen[s]) continue;
        if (++pieces[membership[s]] == 2) ++split;
        std::vector<std::uint32_t> stack{s};
        seen[s] = 1;
        while (!stack.empty()) {
            const std::uint32_t v = stack.back();
            stack.pop_back();
            const auto nb = g.neighbors(v);
            const auto wt = g.weights(v);
            for (std::size_t i = 0; i < nb.size(); ++i) {
                const std::uint32_t u = nb[i];
                if (!seen[u] && wt[i] > 0.0 && membership[u] == membership[v]) {
                    seen[u] = 1;
                    stack.push_back(u);
                }
            }
        }
    }
    return split;
}

// Largest modularity gain from moving one vertex to another cluster (a neighbour's or a new
// one), by recomputing Q from scratch for every move. <= 0 means locally optimal.
inline double best_single_move_gain(const UndirectedGraph& g, std::vector<std::uint32_t> membership, double gamma) {
    const double q0 = modularity(g, membership, gamma);
    double best = -1.0;
    const std::uint32_t fresh = static_cast<std::uint32_t>(membership.size()) + 1;
    for (std::uint32_t v = 0; v < g.num_vertices(); ++v) {
        const std::uint32_t own = membership[v];
        std::vector<std::uint32_t> targets{fresh};
        for (std::uint32_t u : g.neighbors(v)) targets.push_back(membership[u]);
        for (std::uint32_t c : targets) {
            if (c == own) continue;
            membership[v] = c;
            best = std::max(best, modularity(g, membership, gamma) - q0);
        }
        membership[v] = own;
    }
    return best;
}

}  // namespace citegraph::analysis::test
