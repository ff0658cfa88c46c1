// The parallel kernels give the same bytes whatever the number of OpenMP threads.
#include "analysis/centrality.hpp"
#include "support.hpp"

#include <gtest/gtest.h>
#include <omp.h>

#include <cstring>
#include <functional>
#include <string>

namespace citegraph::test {
namespace {

using namespace citegraph::analysis;

// A random multigraph big enough for several reduction blocks (2048 vertices) and many
// betweenness chunks, with a few hubs so the per-vertex work is uneven.
EdgeList medium_graph(std::uint32_t n, std::uint32_t m, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    EdgeList g;
    g.n = n;
    for (std::uint32_t i = 0; i < m; ++i) {
        const auto s = static_cast<Vertex>(rng() % n);
        const auto t = static_cast<Vertex>(rng() % 4 == 0 ? rng() % 64 : rng() % n);
        g.edges.emplace_back(s, t);
        g.weights.push_back(0.5 * static_cast<double>(1 + rng() % 6));
    }
    return g;
}

bool same_bytes(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

// Runs `f` with 1, 2 and 3 threads and expects identical bytes.
void expect_thread_independent(const std::string& what, const std::function<std::vector<double>()>& f) {
    const int saved = omp_get_max_threads();
    omp_set_num_threads(1);
    const auto one = f();
    for (int t : {2, 3}) {
        omp_set_num_threads(t);
        EXPECT_TRUE(same_bytes(one, f())) << what << ": 1 vs " << t << " threads differ";
    }
    omp_set_num_threads(saved);
}

TEST(CentralityDeterminismTest, PageRank) {
    const auto g = medium_graph(60000, 400000, 1).csr();
    PageRankOptions o;
    expect_thread_independent("page_rank", [&] { return page_rank(g, o).score; });
    o.use_weights = false;
    expect_thread_independent("page_rank unweighted", [&] { return page_rank(g, o).score; });
}

// Above ~2e6 vertices + edges PageRank runs its threaded path (one parallel region, a barrier
// per iteration, blocks handed out through a counter); below, one thread. Both must give the
// bytes of the one-thread run.
TEST(CentralityDeterminismTest, PageRankThreadedPath) {
    const auto g = medium_graph(200000, 2000000, 5).csr();
    PageRankOptions o;
    o.use_weights = false;
    expect_thread_independent("page_rank threaded path", [&] { return page_rank(g, o).score; });
}

TEST(CentralityDeterminismTest, Hits) {
    const auto g = medium_graph(30000, 200000, 2).csr();
    expect_thread_independent("hits hubs", [&] { return hits(g).hub; });
    expect_thread_independent("hits authorities", [&] { return hits(g).authority; });
}

TEST(CentralityDeterminismTest, Betweenness) {
    const auto g = medium_graph(2500, 12000, 3).csr();
    BetweennessOptions o;
    expect_thread_independent("betweenness", [&] { return betweenness(g, o).score; });
    o.weighted = true;
    expect_thread_independent("weighted betweenness", [&] { return betweenness(g, o).score; });
    o.samples = 300;
    o.seed = 9;
    expect_thread_independent("sampled betweenness", [&] { return betweenness(g, o).score; });
}

TEST(CentralityDeterminismTest, Harmonic) {
    const auto g = medium_graph(2500, 12000, 4).csr();
    HarmonicOptions o;
    expect_thread_independent("harmonic", [&] { return harmonic_centrality(g, o).score; });
    o.weighted = true;
    expect_thread_independent("weighted harmonic", [&] { return harmonic_centrality(g, o).score; });
}

}  // namespace
}  // namespace citegraph::test
