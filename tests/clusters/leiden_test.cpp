// Leiden and Louvain: hand-checked tiny graphs, invariants on seeded random graphs (a
// canonical partition; reported Q equals Q by the double sum; Leiden clusters connected; no
// single vertex move improves Q after convergence; determinism), parameter checks, and a
// planted partition.
#include "clusters_test_util.hpp"

#include <stdexcept>
#include <string>

using namespace citegraph::analysis;
using citegraph::analysis::test::Edges;

namespace {

const Edges kTwoTriangles{{0, 1}, {1, 2}, {0, 2}, {2, 3}, {3, 4}, {4, 5}, {3, 5}};

// networkx.ring_of_cliques(4, 4): cliques {0..3} {4..7} {8..11} {12..15}, joined in a ring by
// the edges 1-4, 5-8, 9-12, 13-0.
//
//    [0 1 2 3] -1-4- [4 5 6 7]
//        |               |
//      13-0             5-8
//        |               |
//  [12 13 14 15] -9-12- [8 9 10 11]
Edges ring_of_cliques() {
    Edges e;
    for (std::uint32_t c = 0; c < 4; ++c) {
        for (std::uint32_t i = 0; i < 4; ++i)
            for (std::uint32_t j = i + 1; j < 4; ++j) e.emplace_back(4 * c + i, 4 * c + j);
        e.emplace_back(4 * c + 1, (4 * c + 4) % 16);
    }
    return e;
}

LeidenOptions options(ClusterAlgorithm algorithm, std::uint64_t seed, double gamma = 1.0) {
    LeidenOptions o;
    o.algorithm = algorithm;
    o.seed = seed;
    o.resolution = gamma;
    return o;
}

std::string invalid_argument_message(const UndirectedGraph& g, const LeidenOptions& o) {
    try {
        leiden(g, o);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "no exception";
}

}  // namespace

TEST(Leiden, TwoTrianglesSplitAtTheBridge) {
    UndirectedGraph g(CsrGraph(6, kTwoTriangles));
    for (ClusterAlgorithm a : {ClusterAlgorithm::Leiden, ClusterAlgorithm::Louvain}) {
        for (std::uint64_t seed = 0; seed < 20; ++seed) {
            const LeidenResult r = leiden(g, options(a, seed));
            // By hand (and networkx): Q = 5/14, the optimum over all 203 partitions of 6 vertices.
            EXPECT_EQ(r.membership, (std::vector<std::uint32_t>{0, 0, 0, 1, 1, 1})) << "seed " << seed;
            EXPECT_EQ(r.sizes, (std::vector<std::uint32_t>{3, 3}));
            EXPECT_NEAR(r.modularity, 5.0 / 14.0, 1e-15);
            EXPECT_GE(r.iterations, 1);
        }
    }
}

TEST(Leiden, DisconnectedClustersHelperSeesASplitCluster) {
    // The verifier behind "Leiden clusters are connected": in the two triangles, {0,1,5} is
    // in two pieces ({0,1} and {5}); the triangles themselves are connected.
    UndirectedGraph g(CsrGraph(6, kTwoTriangles));
    EXPECT_EQ(test::disconnected_clusters(g, {0, 0, 1, 1, 1, 0}), 1u);
    EXPECT_EQ(test::disconnected_clusters(g, {0, 1, 0, 1, 0, 1}), 2u);
    EXPECT_EQ(test::disconnected_clusters(g, {0, 0, 0, 1, 1, 1}), 0u);
}

TEST(Leiden, RingOfCliquesFindsTheCliques) {
    UndirectedGraph g(CsrGraph(16, ring_of_cliques()));
    std::vector<std::uint32_t> cliques(16);
    for (std::uint32_t v = 0; v < 16; ++v) cliques[v] = v / 4;
    for (ClusterAlgorithm a : {ClusterAlgorithm::Leiden, ClusterAlgorithm::Louvain}) {
        for (std::uint64_t seed = 0; seed < 20; ++seed) {
            const LeidenResult r = leiden(g, options(a, seed));
            EXPECT_EQ(r.membership, cliques) << "seed " << seed;
            // By hand: m = 28, each clique 6 inner edges and strength 14:
            // Q = 4 (6/28 - (14/56)^2) = 17/28 (networkx 0.6071428571428571).
            EXPECT_NEAR(r.modularity, 17.0 / 28.0, 1e-15);
        }
    }
    // Merging two neighbouring cliques is worse: 2 (13/28 - (28/56)^2) = 3/7 (networkx
    // 0.42857142857142866).
    std::vector<std::uint32_t> pairs(16);
    for (std::uint32_t v = 0; v < 16; ++v) pairs[v] = v / 8;
    EXPECT_NEAR(modularity(g, pairs), 3.0 / 7.0, 1e-15);
}

TEST(Leiden, ZeroResolutionGivesTheConnectedComponents) {
    std::mt19937_64 rng(7);
    for (int trial = 0; trial < 50; ++trial) {
        const auto rg = test::random_graph(rng, 40);
        const CsrGraph csr = rg.csr();
        const UndirectedGraph g(csr);
        const auto components = weakly_connected_components(csr);
        for (ClusterAlgorithm a : {ClusterAlgorithm::Leiden, ClusterAlgorithm::Louvain})
            EXPECT_EQ(leiden(g, options(a, 1, 0.0)).membership, components.membership) << "trial " << trial;
    }
}

TEST(Leiden, EdgelessAndEmptyGraphs) {
    const LeidenResult r = leiden(UndirectedGraph(CsrGraph(3, {})));
    EXPECT_EQ(r.membership, (std::vector<std::uint32_t>{0, 1, 2}));
    EXPECT_EQ(r.sizes, (std::vector<std::uint32_t>{1, 1, 1}));
    EXPECT_TRUE(std::isnan(r.modularity));
    EXPECT_EQ(r.iterations, 0);
    const LeidenResult e = leiden(UndirectedGraph(CsrGraph(0, {})));
    EXPECT_TRUE(e.membership.empty());
    EXPECT_TRUE(e.sizes.empty());
}

TEST(Leiden, ChecksParameters) {
    UndirectedGraph g(CsrGraph(6, kTwoTriangles));
    LeidenOptions o;
    o.resolution = -0.5;
    EXPECT_EQ(invalid_argument_message(g, o), "leiden: resolution must be finite and >= 0, got -0.500000");
    o = {};
    o.resolution = std::numeric_limits<double>::infinity();
    EXPECT_NE(invalid_argument_message(g, o).find("resolution"), std::string::npos);
    o = {};
    o.randomness = -1;
    EXPECT_NE(invalid_argument_message(g, o).find("randomness must be finite and >= 0"), std::string::npos);
    o = {};
    o.n_iterations = 0;
    EXPECT_NE(invalid_argument_message(g, o).find("n_iterations must be -1 (until stable) or >= 1"), std::string::npos);
    o.n_iterations = -2;
    EXPECT_NE(invalid_argument_message(g, o).find("n_iterations"), std::string::npos);
    o = {};
    o.initial_membership = {0, 1};
    EXPECT_NE(invalid_argument_message(g, o).find("initial_membership must be empty or have one label per vertex (6)"),
              std::string::npos);
}

TEST(Leiden, InitialMembershipIsImprovedNeverWorsened) {
    std::mt19937_64 rng(99);
    for (int trial = 0; trial < 100; ++trial) {
        const auto rg = test::random_graph(rng, 30);
        const UndirectedGraph g(rg.csr());
        if (g.total_weight() == 0.0) continue;
        LeidenOptions o = options(trial % 2 ? ClusterAlgorithm::Leiden : ClusterAlgorithm::Louvain, trial);
        o.initial_membership = test::random_partition(rng, rg.n);
        o.n_iterations = 1;
        const double before = modularity(g, o.initial_membership);
        EXPECT_GE(leiden(g, o).modularity, before - 1e-12) << "trial " << trial;
    }
    // Starting at the optimum keeps it.
    UndirectedGraph tt(CsrGraph(6, kTwoTriangles));
    LeidenOptions o;
    o.n_iterations = -1;
    o.initial_membership = {8, 8, 8, 3, 3, 3};
    const LeidenResult r = leiden(tt, o);
    EXPECT_EQ(r.membership, (std::vector<std::uint32_t>{0, 0, 0, 1, 1, 1}));
    EXPECT_EQ(r.iterations, 1);  // the first pass moves nothing
}

// The invariants of every clustering, on ~100 seeded random graphs per configuration.
TEST(Leiden, InvariantsOnRandomGraphs) {
    struct Config {
        ClusterAlgorithm algorithm;
        double gamma;
        double theta;
        int n_iterations;
    };
    const Config configs[] = {
        {ClusterAlgorithm::Leiden, 1.0, 0.01, -1},  {ClusterAlgorithm::Leiden, 0.5, 0.01, -1},
        {ClusterAlgorithm::Leiden, 2.0, 0.01, -1},  {ClusterAlgorithm::Leiden, 1.0, 0.0, -1},
        {ClusterAlgorithm::Leiden, 1.0, 1.0, -1},   {ClusterAlgorithm::Leiden, 1.0, 0.01, 2},
        {ClusterAlgorithm::Louvain, 1.0, 0.01, -1}, {ClusterAlgorithm::Louvain, 2.0, 0.01, 1},
    };
    std::mt19937_64 rng(31337);
    for (const Config& cfg : configs) {
        for (int trial = 0; trial < 100; ++trial) {
            const auto rg = test::random_graph(rng, 40);
            for (UndirectedMode mode : {UndirectedMode::Sum, UndirectedMode::CollapseSimple}) {
                const UndirectedGraph g(rg.csr(), mode);
                LeidenOptions o = options(cfg.algorithm, rng(), cfg.gamma);
                o.randomness = cfg.theta;
                o.n_iterations = cfg.n_iterations;
                const LeidenResult r = leiden(g, o);
                SCOPED_TRACE("trial " + std::to_string(trial) + " gamma " + std::to_string(cfg.gamma) + " theta " +
                             std::to_string(cfg.theta) + " louvain " +
                             std::to_string(cfg.algorithm == ClusterAlgorithm::Louvain));
                test::expect_canonical_partition(r.membership, r.sizes, rg.n);
                const double naive = test::naive_modularity(test::dense_adjacency(rg, mode), r.membership, cfg.gamma);
                if (std::isnan(naive)) {
                    EXPECT_TRUE(std::isnan(r.modularity));
                    continue;
                }
                EXPECT_NEAR(r.modularity, naive, 1e-12);
                if (cfg.n_iterations > 0) {
                    EXPECT_LE(r.iterations, cfg.n_iterations);
                }
                if (cfg.algorithm == ClusterAlgorithm::Leiden) {
                    EXPECT_EQ(test::disconnected_clusters(g, r.membership), 0u);
                }
                if (cfg.n_iterations < 0) {
                    EXPECT_LE(test::best_single_move_gain(g, r.membership, cfg.gamma), 1e-10);
                }
                EXPECT_EQ(leiden(g, o).membership, r.membership) << "same seed, different result";
            }
        }
    }
}

// Planted partition: 40 groups of 50 vertices, each vertex with ~12 links inside its group
// and ~3 outside. Leiden recovers the groups almost exactly, deterministically per seed.
TEST(Leiden, RecoversAPlantedPartition) {
    constexpr std::uint32_t kGroups = 40;
    constexpr std::uint32_t kSize = 50;
    constexpr std::uint32_t n = kGroups * kSize;
    std::mt19937_64 rng(5);
    Edges edges;
    for (std::uint32_t v = 0; v < n; ++v) {
        const std::uint32_t group = v / kSize;
        for (int i = 0; i < 6; ++i) edges.emplace_back(v, group * kSize + static_cast<std::uint32_t>(rng() % kSize));
        if (rng() % 2 == 0) edges.emplace_back(v, static_cast<std::uint32_t>(rng() % n));
        if (rng() % 2 == 0) edges.emplace_back(static_cast<std::uint32_t>(rng() % n), v);
        if (rng() % 2 == 0) edges.emplace_back(v, static_cast<std::uint32_t>(rng() % n));
    }
    const UndirectedGraph g(CsrGraph(n, edges), UndirectedMode::CollapseSimple);
    std::vector<std::uint32_t> planted(n);
    for (std::uint32_t v = 0; v < n; ++v) planted[v] = v / kSize;
    for (ClusterAlgorithm a : {ClusterAlgorithm::Leiden, ClusterAlgorithm::Louvain}) {
        const LeidenResult r = leiden(g, options(a, 123));
        test::expect_canonical_partition(r.membership, r.sizes, n);
        EXPECT_GT(normalized_mutual_information(r.membership, planted), 0.95);
        EXPECT_GE(r.modularity, modularity(g, planted) - 1e-9);
        EXPECT_EQ(leiden(g, options(a, 123)).membership, r.membership);
        if (a == ClusterAlgorithm::Leiden) {
            EXPECT_EQ(test::disconnected_clusters(g, r.membership), 0u);
        }
    }
}
