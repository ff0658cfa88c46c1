// Cross-checks against networkx 2.8 (Debian's /usr/bin/python3) on the real graphs in
// ../shared/data. Each test skips when the data, python3 or networkx is missing. The graphs are
// loaded here in C++ with deduplicated edges (self-loops kept), so they equal the networkx
// DiGraph that tests/centrality/networkx_reference.py builds from the same file on its own.
// Every test prints the largest difference and both timings (algorithm only, same run).
#include "analysis/centrality.hpp"
#include "support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <map>
#include <numeric>
#include <string>

namespace citegraph::test {
namespace {

using namespace citegraph::analysis;

struct Dataset {
    const char* graph;  // networkx_reference.py --graph
    const char* rel;    // under ../shared/data
    bool swap;          // `cited citing` lines
};
const Dataset kHepPh{"hepph", "cit-hepph/edges.tsv.gz", false};
const Dataset kCora{"cora", "cora/cora.cites", true};

// Loads (once per process) or returns nullptr when the file is absent.
const EdgeList* load(const Dataset& d) {
    static std::map<std::string, EdgeList> cache;
    if (auto it = cache.find(d.graph); it != cache.end()) return &it->second;
    const std::string path = shared_data(d.rel);
    if (!std::filesystem::exists(path)) return nullptr;
    EdgeList g;
    if (!load_edge_list(path, d.swap, g)) return nullptr;
    return &cache.emplace(d.graph, std::move(g)).first->second;
}

#define LOAD_OR_SKIP(var, dataset)                                                             \
    const EdgeList* var = load(dataset);                                                       \
    if (!var) GTEST_SKIP() << "skipped: no shared data (" << shared_data((dataset).rel) << ")"

NetworkxRun networkx(const Dataset& d, const std::string& algorithm, const std::string& extra = "") {
    return run_networkx(std::string("--graph ") + d.graph + " --input '" + shared_data(d.rel) + "' --algorithm " +
                        algorithm + " " + extra);
}

#define NETWORKX_OR_SKIP(var, call)                                                        \
    const NetworkxRun var = call;                                                          \
    if (var.status == 77) GTEST_SKIP() << "skipped: python3/networkx missing: " << var.log; \
    ASSERT_EQ(var.status, 0) << var.log

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Largest |ours - networkx| over all vertices; every vertex must have a networkx value.
double max_abs_diff(const EdgeList& g, const std::vector<double>& ours,
                    const std::unordered_map<std::string, double>& theirs) {
    EXPECT_EQ(theirs.size(), g.n);
    double worst = 0;
    for (Vertex v = 0; v < g.n; ++v) {
        const auto it = theirs.find(g.ids[v]);
        if (it == theirs.end()) {
            ADD_FAILURE() << "networkx has no value for " << g.ids[v];
            continue;
        }
        worst = std::max(worst, std::abs(ours[v] - it->second));
    }
    return worst;
}

void report(const std::string& what, double diff, double ours_s, const NetworkxRun& nx) {
    std::cout << "[ centrality ] " << what << ": max abs diff " << diff << "; citegraph " << ours_s
              << " s, networkx " << nx.seconds << " s (" << nx.impl << ")" << std::endl;
    ::testing::Test::RecordProperty("max_abs_diff", std::to_string(diff));
    ::testing::Test::RecordProperty("citegraph_seconds", std::to_string(ours_s));
    ::testing::Test::RecordProperty("networkx_seconds", std::to_string(nx.seconds));
}

std::vector<std::string> top_ids(const EdgeList& g, const std::vector<double>& score, std::size_t k) {
    std::vector<Vertex> order(g.n);
    std::iota(order.begin(), order.end(), Vertex{0});
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                      [&](Vertex a, Vertex b) { return score[a] > score[b]; });
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < k; ++i) ids.push_back(g.ids[order[i]]);
    return ids;
}

// nx.pagerank(G, alpha=0.85, tol=1e-15, max_iter=1000) against page_rank with the same tolerance
// and networkx's stop criterion (err < n * tol). The tolerance is that tight because our default
// solver does not repeat networkx's iteration: it solves the system to the tolerance, so each
// side is compared through its distance to the exact scores, and networkx's power iteration
// stopped at tol = 1e-12 is still ~5e-8 away from them on cit-HepPh.
void pagerank_crosscheck(const Dataset& d) {
    LOAD_OR_SKIP(g, d);
    NETWORKX_OR_SKIP(nx, networkx(d, "pagerank", "--tol 1e-15"));
    const CsrGraph csr = g->csr();
    PageRankOptions o;
    o.tolerance = 1e-15;
    o.max_iterations = 1000;
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = page_rank(csr, o);
    const double ours_s = seconds_since(t0);
    ASSERT_TRUE(r.converged);

    const double diff = max_abs_diff(*g, r.score, nx.values);
    report(std::string("pagerank ") + d.graph + " (" + std::to_string(g->n) + " vertices, " +
               std::to_string(g->edges.size()) + " edges, " + std::to_string(r.iterations) + " iterations)",
           diff, ours_s, nx);
    EXPECT_LT(diff, 1e-9);

    // Invariants on the real graph too.
    EXPECT_NEAR(std::accumulate(r.score.begin(), r.score.end(), 0.0), 1.0, 1e-12);
    const std::vector<double> uniform(g->n, 1.0 / g->n);
    EXPECT_LT(page_rank_one_more_iteration(*g, r.score, 0.85, uniform, uniform), g->n * o.tolerance);

    // The ten top papers are networkx's ten.
    std::vector<double> theirs(g->n);
    for (Vertex v = 0; v < g->n; ++v) theirs[v] = nx.values.at(g->ids[v]);
    EXPECT_EQ(top_ids(*g, r.score, 10), top_ids(*g, theirs, 10));
}

TEST(NetworkxCrossCheckTest, PageRankCitHepPh) { pagerank_crosscheck(kHepPh); }
TEST(NetworkxCrossCheckTest, PageRankCora) { pagerank_crosscheck(kCora); }

// nx.betweenness_centrality(G, normalized=True) on Cora, exact.
TEST(NetworkxCrossCheckTest, BetweennessCora) {
    LOAD_OR_SKIP(g, kCora);
    NETWORKX_OR_SKIP(nx, networkx(kCora, "betweenness"));
    const CsrGraph csr = g->csr();
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = betweenness(csr);
    const double ours_s = seconds_since(t0);
    const double diff = max_abs_diff(*g, r.score, nx.values);
    report("betweenness cora (normalized, exact)", diff, ours_s, nx);
    EXPECT_LT(diff, 1e-9);
}

// The same with integer lengths w(u,v) = 1 + (u + 3 v) mod 4 (ids as numbers), which makes many
// ties: nx.betweenness_centrality(G, normalized=True, weight="weight").
TEST(NetworkxCrossCheckTest, WeightedBetweennessCora) {
    LOAD_OR_SKIP(g0, kCora);
    NETWORKX_OR_SKIP(nx, networkx(kCora, "betweenness-weighted"));
    EdgeList g = *g0;
    g.weights.clear();
    for (const auto& [u, v] : g.edges)
        g.weights.push_back(static_cast<double>(1 + (std::stoll(g.ids[u]) + 3 * std::stoll(g.ids[v])) % 4));
    const CsrGraph csr = g.csr();
    BetweennessOptions o;
    o.weighted = true;
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = betweenness(csr, o);
    const double ours_s = seconds_since(t0);
    const double diff = max_abs_diff(g, r.score, nx.values);
    report("weighted betweenness cora (normalized, exact)", diff, ours_s, nx);
    EXPECT_LT(diff, 1e-9);
    // The lengths matter: the unweighted scores are different.
    const auto unweighted = betweenness(csr);
    double moved = 0;
    for (Vertex v = 0; v < g.n; ++v) moved = std::max(moved, std::abs(unweighted.score[v] - r.score[v]));
    EXPECT_GT(moved, 1e-6);
}

// nx.harmonic_centrality(G) on Cora (distances towards each vertex).
TEST(NetworkxCrossCheckTest, HarmonicCora) {
    LOAD_OR_SKIP(g, kCora);
    NETWORKX_OR_SKIP(nx, networkx(kCora, "harmonic"));
    const CsrGraph csr = g->csr();
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = harmonic_centrality(csr);
    const double ours_s = seconds_since(t0);
    const double diff = max_abs_diff(*g, r.score, nx.values);
    report("harmonic cora", diff, ours_s, nx);
    EXPECT_LT(diff, 1e-9);
}

// nx.core_number(G) on cit-HepPh without its self-loops (networkx refuses them; we ignore them).
TEST(NetworkxCrossCheckTest, CoreNumberCitHepPh) {
    LOAD_OR_SKIP(g, kHepPh);
    NETWORKX_OR_SKIP(nx, networkx(kHepPh, "core"));
    const CsrGraph csr = g->csr();
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = core_number(csr);
    const double ours_s = seconds_since(t0);
    const std::vector<double> ours(r.core.begin(), r.core.end());
    const double diff = max_abs_diff(*g, ours, nx.values);
    report("core number cit-HepPh (degeneracy " + std::to_string(r.degeneracy) + ")", diff, ours_s, nx);
    EXPECT_EQ(diff, 0.0);
}

// nx.hits(G, tol=1e-12) on Cora. networkx 2.8 computes it with a sparse SVD (ARPACK), we by the
// power iteration of its pure-Python definition; the two agree when the top singular value is
// simple, to the accuracy of both solvers.
TEST(NetworkxCrossCheckTest, HitsCora) {
    LOAD_OR_SKIP(g, kCora);
    NETWORKX_OR_SKIP(nx, networkx(kCora, "hits", "--tol 1e-12"));
    const CsrGraph csr = g->csr();
    HitsOptions o;
    o.tolerance = 1e-13;
    o.max_iterations = 100000;
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = hits(csr, o);
    const double ours_s = seconds_since(t0);
    ASSERT_TRUE(r.converged);
    const double dh = max_abs_diff(*g, r.hub, nx.values);
    const double da = max_abs_diff(*g, r.authority, nx.values2);
    report("hits cora hubs (" + std::to_string(r.iterations) + " iterations)", dh, ours_s, nx);
    report("hits cora authorities", da, ours_s, nx);
    EXPECT_LT(dh, 1e-9);
    EXPECT_LT(da, 1e-9);
}

}  // namespace
}  // namespace citegraph::test
