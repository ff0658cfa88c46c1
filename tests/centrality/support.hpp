#pragma once
// Test support for centrality_test: seeded random multigraphs, naive reference
// implementations written from the definitions (dense matrices, all-pairs distances; no code
// shared with analysis/centrality.cpp), and loaders for the real graphs in ../shared/data.
#include "analysis/csr.hpp"

#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace citegraph::test {

using analysis::CsrGraph;
using Vertex = CsrGraph::Vertex;

// An edge list that can be turned into a CsrGraph any number of times (CsrGraph consumes its input).
struct EdgeList {
    std::uint32_t n = 0;
    std::vector<std::pair<Vertex, Vertex>> edges;
    std::vector<double> weights;  // empty = unweighted
    std::vector<std::string> ids;

    CsrGraph csr() const { return CsrGraph(n, edges, weights, ids); }
    double weight(std::size_t i) const { return weights.empty() ? 1.0 : weights[i]; }
};

enum class Weights { None, Real, Dyadic };

// A random directed multigraph: n in [1, max_n], about `density` * n edges, with self-loops,
// parallel edges and (usually) dangling vertices. Dyadic weights (multiples of 0.5 up to 3) keep
// path sums exact, so shortest-path ties are ties in floating point too.
inline EdgeList random_graph(std::uint64_t seed, std::uint32_t max_n, double density, Weights weights) {
    std::mt19937_64 rng(seed);
    auto uniform = [&](std::uint64_t lo, std::uint64_t hi) { return lo + rng() % (hi - lo + 1); };
    EdgeList g;
    g.n = static_cast<std::uint32_t>(uniform(1, max_n));
    const auto m = static_cast<std::uint64_t>(density * g.n * static_cast<double>(uniform(0, 100)) / 100.0);
    for (std::uint64_t i = 0; i < m; ++i) {
        const auto s = static_cast<Vertex>(uniform(0, g.n - 1));
        auto t = static_cast<Vertex>(uniform(0, g.n - 1));
        if (rng() % 8 == 0 && !g.edges.empty()) {  // a parallel edge to an earlier one
            g.edges.push_back(g.edges[rng() % g.edges.size()]);
        } else {
            if (rng() % 16 == 0) t = s;  // self-loop
            g.edges.emplace_back(s, t);
        }
        if (weights == Weights::Real) g.weights.push_back(0.05 + static_cast<double>(rng() % 1000) / 250.0);
        if (weights == Weights::Dyadic) g.weights.push_back(0.5 * static_cast<double>(1 + rng() % 6));
    }
    return g;
}

// A citation-like multigraph: vertices in publication order, each citing a few earlier ones
// (a DAG), plus a few edges to later vertices that close cycles: mutual citations, rings of
// three, and now and then a long back edge that merges many vertices into one component. Also
// self-loops, parallel edges, and uncited or citing-nothing (dangling) vertices. The component
// structure PageRankSolver::SccGaussSeidel works through.
inline EdgeList citation_like_graph(std::uint64_t seed, std::uint32_t max_n, Weights weights) {
    std::mt19937_64 rng(seed);
    auto uniform = [&](std::uint64_t lo, std::uint64_t hi) { return lo + rng() % (hi - lo + 1); };
    EdgeList g;
    g.n = static_cast<std::uint32_t>(uniform(1, max_n));
    auto add = [&](Vertex s, Vertex t) {
        g.edges.emplace_back(s, t);
        if (weights == Weights::Real) g.weights.push_back(0.05 + static_cast<double>(rng() % 1000) / 250.0);
        if (weights == Weights::Dyadic) g.weights.push_back(0.5 * static_cast<double>(1 + rng() % 6));
    };
    for (Vertex v = 1; v < g.n; ++v) {
        const auto refs = uniform(0, 4);
        for (std::uint64_t i = 0; i < refs; ++i) add(v, static_cast<Vertex>(uniform(0, v - 1)));
    }
    const auto back = uniform(0, g.n / 4 + 1);
    for (std::uint64_t i = 0; i < back && g.n > 1; ++i) {
        const auto s = static_cast<Vertex>(uniform(0, g.n - 2));
        const auto kind = rng() % 4;
        const auto t = static_cast<Vertex>(kind == 0 ? uniform(s + 1, g.n - 1) : std::min<std::uint64_t>(g.n - 1, s + uniform(1, 3)));
        add(s, t);
        if (kind == 1) add(t, s);  // a mutual citation
    }
    if (g.n > 0 && rng() % 2) add(static_cast<Vertex>(uniform(0, g.n - 1)), static_cast<Vertex>(uniform(0, g.n - 1)));
    if (!g.edges.empty() && rng() % 2) {
        const auto e = g.edges[rng() % g.edges.size()];
        add(e.first, e.second);  // a parallel edge
    }
    if (g.n > 0 && rng() % 3 == 0) {
        const auto v = static_cast<Vertex>(uniform(0, g.n - 1));
        add(v, v);  // a self-loop
    }
    return g;
}

// --------------------------------------------------------------------------------------------
// Naive PageRank: the explicit dense Google matrix
//   G[u][v] = alpha * (P[u][v] if W(u) > 0 else d[v]) + (1 - alpha) * p[v],
// P[u][v] = (total weight of u->v edges) / W(u), iterated as x <- x G from x = 1/n.
inline std::vector<double> naive_page_rank(const EdgeList& g, double alpha, std::vector<double> p,
                                           std::vector<double> d, double tol = 1e-14, int max_iter = 100000) {
    const std::size_t n = g.n;
    auto normalize = [&](std::vector<double>& v) {
        if (v.empty()) v.assign(n, 1.0 / static_cast<double>(n));
        double s = 0;
        for (double x : v) s += x;
        for (double& x : v) x /= s;
    };
    normalize(p);
    if (d.empty()) d = p;
    normalize(d);
    std::vector<std::vector<double>> A(n, std::vector<double>(n, 0.0));
    std::vector<double> W(n, 0.0);
    for (std::size_t i = 0; i < g.edges.size(); ++i) {
        A[g.edges[i].first][g.edges[i].second] += g.weight(i);
        W[g.edges[i].first] += g.weight(i);
    }
    std::vector<std::vector<double>> G(n, std::vector<double>(n));
    for (std::size_t u = 0; u < n; ++u)
        for (std::size_t v = 0; v < n; ++v)
            G[u][v] = alpha * (W[u] > 0 ? A[u][v] / W[u] : d[v]) + (1 - alpha) * p[v];
    std::vector<double> x(n, 1.0 / static_cast<double>(n)), y(n);
    for (int it = 0; it < max_iter; ++it) {
        std::fill(y.begin(), y.end(), 0.0);
        for (std::size_t u = 0; u < n; ++u)
            for (std::size_t v = 0; v < n; ++v) y[v] += x[u] * G[u][v];
        double err = 0;
        for (std::size_t v = 0; v < n; ++v) err += std::abs(y[v] - x[v]);
        x.swap(y);
        if (err < tol) break;
    }
    return x;
}

// One more PageRank iteration from `x`, serial and written from the definition over the edge
// list (the GAPBS-style verifier); returns the L1 change it makes. `p` and `d` normalized, n long.
inline double page_rank_one_more_iteration(const EdgeList& g, const std::vector<double>& x, double alpha,
                                           const std::vector<double>& p, const std::vector<double>& d) {
    const std::size_t n = g.n;
    std::vector<double> W(n, 0.0), y(n, 0.0);
    for (std::size_t i = 0; i < g.edges.size(); ++i) W[g.edges[i].first] += g.weight(i);
    double dangling = 0;
    for (std::size_t u = 0; u < n; ++u)
        if (W[u] == 0) dangling += x[u];
    for (std::size_t i = 0; i < g.edges.size(); ++i) {
        const auto [u, v] = g.edges[i];
        if (W[u] > 0) y[v] += alpha * x[u] * g.weight(i) / W[u];
    }
    double err = 0;
    for (std::size_t v = 0; v < n; ++v) {
        y[v] += alpha * dangling * d[v] + (1 - alpha) * p[v];
        err += std::abs(y[v] - x[v]);
    }
    return err;
}

// --------------------------------------------------------------------------------------------
// All-pairs shortest distances by Floyd-Warshall on the simple graph (self-loops dropped,
// parallel edges -> smallest weight); inf = no path. `weighted` false: every edge has length 1.
inline std::vector<std::vector<double>> all_pairs_distances(const EdgeList& g, bool weighted) {
    const std::size_t n = g.n;
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<std::vector<double>> D(n, std::vector<double>(n, inf));
    for (std::size_t v = 0; v < n; ++v) D[v][v] = 0;
    for (std::size_t i = 0; i < g.edges.size(); ++i) {
        const auto [u, v] = g.edges[i];
        if (u != v) D[u][v] = std::min(D[u][v], weighted ? g.weight(i) : 1.0);
    }
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j)
                if (D[i][k] + D[k][j] < D[i][j]) D[i][j] = D[i][k] + D[k][j];
    return D;
}

// Betweenness by its definition: sigma(s,t) counted on the shortest-path DAG of the simple graph
// (sigma(s,s) = 1; sigma(s,t) = sum of sigma(s,u) over edges u->t with D[s][u] + len(u,t) ==
// D[s][t]), then B(v) = sum over s != v != t, s != t of [D[s][v] + D[v][t] == D[s][t]] *
// sigma(s,v) sigma(v,t) / sigma(s,t). Only sources in `sources` (all when empty). Not scaled.
inline std::vector<double> naive_betweenness(const EdgeList& g, bool weighted, const std::vector<Vertex>& sources = {}) {
    const std::size_t n = g.n;
    const double inf = std::numeric_limits<double>::infinity();
    const auto D = all_pairs_distances(g, weighted);
    std::vector<std::vector<double>> len(n, std::vector<double>(n, inf));
    for (std::size_t i = 0; i < g.edges.size(); ++i) {
        const auto [u, v] = g.edges[i];
        if (u != v) len[u][v] = std::min(len[u][v], weighted ? g.weight(i) : 1.0);
    }
    std::vector<std::vector<double>> sigma(n, std::vector<double>(n, 0.0));
    for (std::size_t s = 0; s < n; ++s) {
        std::vector<std::size_t> by_dist;
        for (std::size_t t = 0; t < n; ++t)
            if (D[s][t] < inf) by_dist.push_back(t);
        std::stable_sort(by_dist.begin(), by_dist.end(), [&](auto a, auto b) { return D[s][a] < D[s][b]; });
        for (const std::size_t t : by_dist) {
            if (t == s) {
                sigma[s][t] = 1;
                continue;
            }
            for (std::size_t u = 0; u < n; ++u)
                if (len[u][t] < inf && D[s][u] + len[u][t] == D[s][t]) sigma[s][t] += sigma[s][u];
        }
    }
    std::vector<double> b(n, 0.0);
    std::vector<std::size_t> src;
    if (sources.empty())
        for (std::size_t s = 0; s < n; ++s) src.push_back(s);
    else
        src.assign(sources.begin(), sources.end());
    for (const std::size_t s : src)
        for (std::size_t t = 0; t < n; ++t) {
            if (t == s || D[s][t] == inf) continue;
            for (std::size_t v = 0; v < n; ++v)
                if (v != s && v != t && D[s][v] + D[v][t] == D[s][t])
                    b[v] += sigma[s][v] * sigma[v][t] / sigma[s][t];
        }
    return b;
}

// Harmonic closeness from the definition: H(u) = sum over v != u with a path v -> u of 1/d(v,u).
inline std::vector<double> naive_harmonic(const EdgeList& g, bool weighted) {
    const auto D = all_pairs_distances(g, weighted);
    std::vector<double> h(g.n, 0.0);
    for (std::size_t u = 0; u < g.n; ++u)
        for (std::size_t v = 0; v < g.n; ++v)
            if (v != u && D[v][u] < std::numeric_limits<double>::infinity()) h[u] += 1.0 / D[v][u];
    return h;
}

// HITS from the definition: h is the limit of (A A^T)^k 1 (A[u][v] = total u->v weight), here
// reached by repeated squaring of M = A A^T (M <- M^2 / max entry, 64 times), a = A^T h; both
// scaled to sum 1.
inline std::pair<std::vector<double>, std::vector<double>> naive_hits(const EdgeList& g) {
    const std::size_t n = g.n;
    std::vector<std::vector<double>> A(n, std::vector<double>(n, 0.0)), M(n, std::vector<double>(n, 0.0));
    for (std::size_t i = 0; i < g.edges.size(); ++i) A[g.edges[i].first][g.edges[i].second] += g.weight(i);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            for (std::size_t k = 0; k < n; ++k) M[i][j] += A[i][k] * A[j][k];
    auto scale_max = [&](std::vector<std::vector<double>>& X) {
        double mx = 0;
        for (auto& r : X)
            for (double v : r) mx = std::max(mx, std::abs(v));
        if (mx > 0)
            for (auto& r : X)
                for (double& v : r) v /= mx;
    };
    scale_max(M);
    for (int rep = 0; rep < 64; ++rep) {
        std::vector<std::vector<double>> S(n, std::vector<double>(n, 0.0));
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t k = 0; k < n; ++k)
                if (M[i][k] != 0)
                    for (std::size_t j = 0; j < n; ++j) S[i][j] += M[i][k] * M[k][j];
        M.swap(S);
        scale_max(M);
    }
    std::vector<double> h(n, 0.0), a(n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) h[i] += M[i][j];
    for (std::size_t u = 0; u < n; ++u)
        for (std::size_t v = 0; v < n; ++v) a[v] += A[u][v] * h[u];
    auto to_sum1 = [](std::vector<double>& v) {
        double s = 0;
        for (double x : v) s += x;
        for (double& x : v) x /= s;
    };
    to_sum1(h);
    to_sum1(a);
    return {h, a};
}

// k-core from the definition: for each k, peel vertices of degree < k until none is left; the
// survivors form the k-core. Degree without self-loops, parallel edges with multiplicity;
// `in`/`out` select which endpoints count (both: in + out).
inline std::vector<std::uint32_t> naive_core(const EdgeList& g, bool count_in, bool count_out) {
    const std::size_t n = g.n;
    std::vector<std::uint32_t> core(n, 0);
    for (std::uint32_t k = 1;; ++k) {
        std::vector<char> alive(n, 1);
        for (bool changed = true; changed;) {
            changed = false;
            std::vector<std::uint32_t> deg(n, 0);
            for (const auto& [u, v] : g.edges) {
                if (u == v || !alive[u] || !alive[v]) continue;
                if (count_out) ++deg[u];
                if (count_in) ++deg[v];
            }
            for (std::size_t v = 0; v < n; ++v)
                if (alive[v] && deg[v] < k) alive[v] = 0, changed = true;
        }
        bool any = false;
        for (std::size_t v = 0; v < n; ++v)
            if (alive[v]) core[v] = k, any = true;
        if (!any) return core;
    }
}

// --------------------------------------------------------------------------------------------
// Real graphs

inline std::string shared_data(const std::string& rel) { return std::string(CITEGRAPH_SHARED_DIR) + "/data/" + rel; }

// Reads a two-column edge list (gzip or plain; zlib reads both), skipping `#` lines. Edges are
// deduplicated, self-loops kept: the result equals networkx's DiGraph of the same file.
// `swap` reads `cited citing` lines (Cora). Vertices are numbered in first-seen order.
inline bool load_edge_list(const std::string& path, bool swap, EdgeList& out) {
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) return false;
    std::unordered_map<std::string, Vertex> index;
    auto id = [&](const std::string& s) {
        auto [it, fresh] = index.try_emplace(s, static_cast<Vertex>(out.ids.size()));
        if (fresh) out.ids.push_back(s);
        return it->second;
    };
    std::vector<char> buf(1 << 16);
    while (gzgets(f, buf.data(), static_cast<int>(buf.size()))) {
        std::string line(buf.data());
        if (line.empty() || line[0] == '#') continue;
        std::istringstream is(line);
        std::string a, b;
        if (!(is >> a >> b)) continue;
        if (swap) std::swap(a, b);
        const Vertex s = id(a);
        const Vertex t = id(b);
        out.edges.emplace_back(s, t);
    }
    gzclose(f);
    std::sort(out.edges.begin(), out.edges.end());
    out.edges.erase(std::unique(out.edges.begin(), out.edges.end()), out.edges.end());
    out.n = static_cast<std::uint32_t>(out.ids.size());
    return true;
}

// Runs tests/centrality/networkx_reference.py. Returns the process exit status (77: python3
// or networkx missing) and fills `values` (node id -> value) and `seconds` (networkx's own time
// for the algorithm, loading excluded) and `impl` (which networkx function ran).
struct NetworkxRun {
    int status = -1;
    std::unordered_map<std::string, double> values;
    std::unordered_map<std::string, double> values2;  // a second column (hits: authorities)
    double seconds = 0;
    std::string impl;
    std::string log;
};

inline NetworkxRun run_networkx(const std::string& args) {
    NetworkxRun r;
    const char* python = "/usr/bin/python3";
    if (!std::filesystem::exists(python)) {
        r.status = 77;
        return r;
    }
    const auto dir = std::filesystem::temp_directory_path();
    static int counter = 0;
    const std::string stem = "citegraph-centrality-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    const auto out = dir / (stem + ".tsv");
    const auto log = dir / (stem + ".log");
    const std::string cmd = std::string(python) + " " + CITEGRAPH_SOURCE_DIR +
                            "/tests/centrality/networkx_reference.py " + args + " --output '" + out.string() +
                            "' 2>'" + log.string() + "'";
    const int rc = std::system(cmd.c_str());
    r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    {
        std::ifstream lf(log);
        r.log.assign(std::istreambuf_iterator<char>(lf), std::istreambuf_iterator<char>());
    }
    std::ifstream in(out);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("#seconds\t", 0) == 0) {
            r.seconds = std::stod(line.substr(9));
            continue;
        }
        if (line.rfind("#impl\t", 0) == 0) {
            r.impl = line.substr(6);
            continue;
        }
        const auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        const std::string key = line.substr(0, tab), rest = line.substr(tab + 1);
        r.values[key] = std::stod(rest);
        if (const auto tab2 = rest.find('\t'); tab2 != std::string::npos) r.values2[key] = std::stod(rest.substr(tab2 + 1));
    }
    std::filesystem::remove(out);
    std::filesystem::remove(log);
    return r;
}

}  // namespace citegraph::test
