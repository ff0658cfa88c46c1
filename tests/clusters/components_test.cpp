// Weak and strong components: a hand-checked graph, a reference by reachability closure on
// seeded random directed graphs, and a long path that would overflow a recursive DFS.
#include "clusters_test_util.hpp"

using namespace citegraph::analysis;
using citegraph::analysis::test::Edges;

namespace {

// Canonical labels of the classes of an equivalence given as a closure matrix.
std::vector<std::uint32_t> classes(const std::vector<std::vector<char>>& same) {
    const auto n = static_cast<std::uint32_t>(same.size());
    std::vector<std::uint32_t> label(n);
    for (std::uint32_t v = 0; v < n; ++v) {
        label[v] = v;
        for (std::uint32_t u = 0; u < v; ++u)
            if (same[u][v]) {
                label[v] = label[u];
                break;
            }
    }
    return renumber_clusters(label);
}

}  // namespace

TEST(Components, HandCheckedDirectedGraph) {
    //   0 -> 1 -> 2 -> 0      a 3-cycle
    //             2 -> 3      3 alone (no way back)
    //   4 <-> 5               a 2-cycle
    //   6 -> 6                a loop, alone
    //   7                     isolated
    CsrGraph g(8, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {4, 5}, {5, 4}, {6, 6}});
    // By hand. Weak: {0,1,2,3} {4,5} {6} {7}. Strong: {0,1,2} {4,5} {3} {6} {7}.
    const auto weak = weakly_connected_components(g);
    EXPECT_EQ(weak.membership, (std::vector<std::uint32_t>{0, 0, 0, 0, 1, 1, 2, 3}));
    EXPECT_EQ(weak.sizes, (std::vector<std::uint32_t>{4, 2, 1, 1}));
    EXPECT_EQ(weak.count(), 4u);
    const auto strong = strongly_connected_components(g);
    EXPECT_EQ(strong.membership, (std::vector<std::uint32_t>{0, 0, 0, 2, 1, 1, 3, 4}));
    EXPECT_EQ(strong.sizes, (std::vector<std::uint32_t>{3, 2, 1, 1, 1}));
}

TEST(Components, EmptyGraph) {
    EXPECT_EQ(weakly_connected_components(CsrGraph(0, {})).count(), 0u);
    EXPECT_EQ(strongly_connected_components(CsrGraph(0, {})).count(), 0u);
}

TEST(Components, MatchReachabilityClosureOnRandomGraphs) {
    std::mt19937_64 rng(424242);
    for (int trial = 0; trial < 200; ++trial) {
        const auto rg = test::random_graph(rng, 40);
        const CsrGraph g = rg.csr();
        const auto undirected = test::reachability(rg.n, rg.edges, true);
        const auto directed = test::reachability(rg.n, rg.edges, false);
        auto mutual = directed;
        for (std::uint32_t u = 0; u < rg.n; ++u)
            for (std::uint32_t v = 0; v < rg.n; ++v) mutual[u][v] = directed[u][v] && directed[v][u];
        const auto weak = weakly_connected_components(g);
        const auto strong = strongly_connected_components(g);
        EXPECT_EQ(weak.membership, classes(undirected)) << "trial " << trial;
        EXPECT_EQ(strong.membership, classes(mutual)) << "trial " << trial;
        test::expect_canonical_partition(weak.membership, weak.sizes, rg.n);
        test::expect_canonical_partition(strong.membership, strong.sizes, rg.n);
    }
}

TEST(Components, LongPathAndLongCycleNeedNoRecursion) {
    // A path 0 -> 1 -> ... -> n-1 closed into a cycle by n-1 -> 0, two million vertices deep:
    // a recursive DFS would overflow the stack.
    constexpr std::uint32_t n = 2'000'000;
    Edges path;
    for (std::uint32_t v = 0; v + 1 < n; ++v) path.emplace_back(v, v + 1);
    Edges cycle = path;
    cycle.emplace_back(n - 1, 0);
    EXPECT_EQ(strongly_connected_components(CsrGraph(n, path)).count(), n);
    EXPECT_EQ(strongly_connected_components(CsrGraph(n, cycle)).count(), 1u);
    EXPECT_EQ(weakly_connected_components(CsrGraph(n, path)).count(), 1u);
}
