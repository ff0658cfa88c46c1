// The undirected view and modularity: hand-checked tiny graphs, then the fast modularity
// against the literal double sum on seeded random graphs and partitions.
#include "clusters_test_util.hpp"

#include <stdexcept>

using namespace citegraph::analysis;
using citegraph::analysis::test::Edges;

namespace {

// Two triangles joined by the edge 2-3:
//
//   0       5
//   | \   / |
//   |  2-3  |
//   | /   \ |
//   1       4
//
// m = 7; degrees 2 2 3 3 2 2.
const Edges kTwoTriangles{{0, 1}, {1, 2}, {0, 2}, {2, 3}, {3, 4}, {4, 5}, {3, 5}};

}  // namespace

TEST(UndirectedView, SumAddsReciprocalAndParallelEdgesAndKeepsLoops) {
    // 0 -> 1 (w 1), 1 -> 0 (w 2), 1 -> 1 (w 3), 1 -> 2 (w 4), 1 -> 2 again (w 0.5)
    //
    //   0 <==> 1 --> 2      {0,1}: 1 + 2 = 3, {1,2}: 4 + 0.5 = 4.5, loop at 1: 3
    //          @
    CsrGraph g(3, {{0, 1}, {1, 0}, {1, 1}, {1, 2}, {1, 2}}, {1, 2, 3, 4, 0.5});
    UndirectedGraph u(g, UndirectedMode::Sum);
    EXPECT_EQ(u.num_vertices(), 3u);
    EXPECT_EQ(u.num_edges(), 2u);
    EXPECT_EQ(u.num_loops(), 1u);
    ASSERT_EQ(u.neighbors(1).size(), 2u);
    EXPECT_EQ(u.neighbors(1)[0], 0u);
    EXPECT_EQ(u.neighbors(1)[1], 2u);
    EXPECT_DOUBLE_EQ(u.weights(1)[0], 3.0);
    EXPECT_DOUBLE_EQ(u.weights(1)[1], 4.5);
    EXPECT_DOUBLE_EQ(u.weights(0)[0], 3.0);
    EXPECT_DOUBLE_EQ(u.self_loop(1), 3.0);
    // Strengths as igraph's as_undirected("collapse", "sum").strength(): 3, 3+4.5+2*3, 4.5.
    EXPECT_DOUBLE_EQ(u.strength(0), 3.0);
    EXPECT_DOUBLE_EQ(u.strength(1), 13.5);
    EXPECT_DOUBLE_EQ(u.strength(2), 4.5);
    EXPECT_DOUBLE_EQ(u.total_weight(), 10.5);
}

TEST(UndirectedView, CollapseSimpleIsOneUnitEdgePerPairWithoutLoops) {
    CsrGraph g(3, {{0, 1}, {1, 0}, {1, 1}, {1, 2}, {1, 2}}, {1, 2, 3, 4, 0.5});
    UndirectedGraph u(g, UndirectedMode::CollapseSimple);
    EXPECT_EQ(u.num_edges(), 2u);
    EXPECT_EQ(u.num_loops(), 0u);
    EXPECT_DOUBLE_EQ(u.weights(1)[0], 1.0);
    EXPECT_DOUBLE_EQ(u.weights(1)[1], 1.0);
    EXPECT_DOUBLE_EQ(u.strength(1), 2.0);
    EXPECT_DOUBLE_EQ(u.total_weight(), 2.0);
}

TEST(UndirectedView, RejectsNegativeWeights) {
    CsrGraph g(2, {{0, 1}}, {-1.0});
    EXPECT_THROW(UndirectedGraph(g, UndirectedMode::Sum), std::invalid_argument);
    EXPECT_NO_THROW(UndirectedGraph(g, UndirectedMode::CollapseSimple));  // weights ignored
}

TEST(Modularity, TwoTrianglesByHandAndNetworkx) {
    UndirectedGraph g(CsrGraph(6, kTwoTriangles));
    // By hand: each triangle has 3 inner edges and strength 7, so
    // Q = 2 (3/7 - (7/14)^2) = 5/14; networkx 2.8 modularity gives 0.35714285714285715.
    EXPECT_NEAR(modularity(g, std::vector<std::uint32_t>{0, 0, 0, 1, 1, 1}), 5.0 / 14.0, 1e-15);
    // Resolution 2: 2 (3/7 - 2 (1/2)^2) = -1/7; networkx -0.1428571428571428.
    EXPECT_NEAR(modularity(g, std::vector<std::uint32_t>{0, 0, 0, 1, 1, 1}, 2.0), -1.0 / 7.0, 1e-15);
    // One cluster: 7/7 - 1 = 0. Pairs {0,1} {2,3} {4,5}: 3/7 - (16+36+16)/196 = 4/49
    // (networkx 0.0816326530612245).
    EXPECT_NEAR(modularity(g, std::vector<std::uint32_t>{5, 5, 5, 5, 5, 5}), 0.0, 1e-15);
    EXPECT_NEAR(modularity(g, std::vector<std::uint32_t>{0, 0, 1, 1, 2, 2}), 4.0 / 49.0, 1e-15);
}

TEST(Modularity, LoopsCountTwiceInTheAdjacencyMatrix) {
    // 0 -- 1 (w 3), loop at 1 (w 3), 1 -- 2 (w 4): the graph of the first test with summed
    // reciprocal edges. Clusters {0,1} {2}: 2m = 20; inner 2(3) + 2(3) = 12, K = 16 and 4:
    // Q = (12 - 16^2/20 - 4^2/20) / 20 = -0.08 (igraph 0.10 and networkx 2.8: -0.08000000000000004).
    CsrGraph csr(3, {{0, 1}, {1, 1}, {1, 2}}, {3, 3, 4});
    UndirectedGraph g(csr);
    EXPECT_NEAR(modularity(g, std::vector<std::uint32_t>{0, 0, 1}), -0.08, 1e-15);
}

TEST(Modularity, EdgelessGraphIsNaN) {
    UndirectedGraph g(CsrGraph(3, {}));
    EXPECT_TRUE(std::isnan(modularity(g, std::vector<std::uint32_t>{0, 1, 2})));
}

TEST(Modularity, ChecksParameters) {
    UndirectedGraph g(CsrGraph(6, kTwoTriangles));
    const std::vector<std::uint32_t> ok{0, 0, 0, 1, 1, 1};
    EXPECT_THROW(modularity(g, std::vector<std::uint32_t>{0, 0, 0}), std::invalid_argument);
    try {
        modularity(g, ok, -1.0);
        FAIL() << "no exception";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("resolution must be finite and >= 0"), std::string::npos) << e.what();
    }
    EXPECT_THROW(modularity(g, ok, std::nan("")), std::invalid_argument);
}

TEST(Modularity, MatchesTheDoubleSumOnRandomGraphs) {
    std::mt19937_64 rng(20240501);
    for (int trial = 0; trial < 100; ++trial) {
        const auto rg = test::random_graph(rng, 30);
        const CsrGraph csr = rg.csr();
        for (UndirectedMode mode : {UndirectedMode::Sum, UndirectedMode::CollapseSimple}) {
            const UndirectedGraph g(csr, mode);
            const auto a = test::dense_adjacency(rg, mode);
            for (double gamma : {1.0, 0.5, 2.0}) {
                const auto p = test::random_partition(rng, rg.n);
                const double naive = test::naive_modularity(a, p, gamma);
                const double fast = modularity(g, p, gamma);
                if (std::isnan(naive)) {
                    EXPECT_TRUE(std::isnan(fast)) << "trial " << trial;
                } else {
                    EXPECT_NEAR(fast, naive, 1e-12) << "trial " << trial << " gamma " << gamma;
                }
            }
        }
    }
}

TEST(Partitions, RenumberBySizeThenSmallestVertex) {
    // Labels 9 (vertices 2,3), 4 (vertex 0), 7 (vertices 1,4,5), 2 (vertex 6):
    // sizes 3, 2, 1, 1 -> 7 -> 0, 9 -> 1, 4 -> 2 (vertex 0 before vertex 6), 2 -> 3.
    const std::vector<std::uint32_t> in{4, 7, 9, 9, 7, 7, 2};
    EXPECT_EQ(renumber_clusters(in), (std::vector<std::uint32_t>{2, 0, 1, 1, 0, 0, 3}));
    const std::vector<std::uint32_t> big{4000000000u, 5, 4000000000u};
    EXPECT_EQ(renumber_clusters(big), (std::vector<std::uint32_t>{0, 1, 0}));
    EXPECT_TRUE(renumber_clusters(std::vector<std::uint32_t>{}).empty());
}
