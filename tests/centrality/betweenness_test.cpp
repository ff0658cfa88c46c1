// Betweenness (analysis/centrality.hpp): hand-checked tiny graphs, the by-definition reference
// (all-pairs distances, path counts, pair dependencies) on seeded random multigraphs, sampling.
#include "analysis/centrality.hpp"
#include "support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>

namespace citegraph::test {
namespace {

using analysis::betweenness;
using analysis::BetweennessOptions;

BetweennessOptions raw(bool weighted = false) {
    BetweennessOptions o;
    o.normalized = false;
    o.weighted = weighted;
    return o;
}

void expect_near_all(const std::vector<double>& got, const std::vector<double>& want, double tol) {
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i)
        EXPECT_NEAR(got[i], want[i], tol * std::max(1.0, std::abs(want[i]))) << "vertex " << i;
}

//   0 -> 1 -> 2 -> 3
// By hand: 1 is inside the shortest paths 0->2 and 0->3, 2 inside 0->3 and 1->3: B = (0, 2, 2, 0);
// normalized by 1/((n-1)(n-2)) = 1/6: (0, 1/3, 1/3, 0) (networkx 2.8 betweenness_centrality).
TEST(BetweennessTest, Path) {
    EdgeList g{4, {{0, 1}, {1, 2}, {2, 3}}, {}, {}};
    expect_near_all(betweenness(g.csr(), raw()).score, {0, 2, 2, 0}, 1e-15);
    expect_near_all(betweenness(g.csr()).score, {0, 1 / 3.0, 1 / 3.0, 0}, 1e-15);
}

//     1
//   /   \        two shortest 0->3 paths, one through each middle vertex:
//  0     3       by hand B = (0, 1/2, 1/2, 0)
//   \   /
//     2
TEST(BetweennessTest, DiamondSplitsDependency) {
    EdgeList g{4, {{0, 1}, {0, 2}, {1, 3}, {2, 3}}, {}, {}};
    expect_near_all(betweenness(g.csr(), raw()).score, {0, 0.5, 0.5, 0}, 1e-15);
    // A parallel edge and a self-loop create no new path (paths are vertex sequences).
    EdgeList multi{4, {{0, 1}, {0, 1}, {1, 1}, {0, 2}, {1, 3}, {2, 3}}, {}, {}};
    expect_near_all(betweenness(multi.csr(), raw()).score, {0, 0.5, 0.5, 0}, 1e-15);
}

//     1                 lengths: 0-1 1, 1-3 1, 0-2 1, 2-3 3, 0-3 2
//   /   \               0->3: direct (2) ties with 0->1->3 (2); 0->2->3 (4) is longer.
//  0 --- 3              By hand B = (0, 1/2, 0, 0); networkx 2.8
//   \   /               betweenness_centrality(G, weight="weight", normalized=False) = {1: 0.5, others 0}.
//     2
TEST(BetweennessTest, WeightedTies) {
    EdgeList g{4, {{0, 1}, {1, 3}, {0, 2}, {2, 3}, {0, 3}}, {1, 1, 1, 3, 2}, {}};
    expect_near_all(betweenness(g.csr(), raw(true)).score, {0, 0.5, 0, 0}, 1e-15);
    // Unweighted, the direct edge is the only shortest path.
    expect_near_all(betweenness(g.csr(), raw(false)).score, {0, 0, 0, 0}, 1e-15);
    // Parallel edges: the shortest one counts. 0 -(5)-> 1 next to 0 -(1)-> 1 changes nothing.
    EdgeList multi{4, {{0, 1}, {0, 1}, {1, 3}, {0, 2}, {2, 3}, {0, 3}}, {5, 1, 1, 1, 3, 2}, {}};
    expect_near_all(betweenness(multi.csr(), raw(true)).score, {0, 0.5, 0, 0}, 1e-15);
}

TEST(BetweennessTest, TinyGraphsAreNotNormalized) {
    // networkx: n <= 2 leaves the scores as they are (all 0: no vertex lies between two others).
    EdgeList g{2, {{0, 1}, {1, 0}}, {}, {}};
    expect_near_all(betweenness(g.csr()).score, {0, 0}, 0);
    EXPECT_TRUE(betweenness(CsrGraph(0, {})).score.empty());
}

TEST(BetweennessTest, AllSourcesSampledEqualsExact) {
    const auto g = random_graph(11, 60, 3.0, Weights::None);
    BetweennessOptions all;
    all.samples = g.n;
    all.seed = 5;
    const auto exact = betweenness(g.csr());
    const auto sampled = betweenness(g.csr(), all);
    EXPECT_EQ(sampled.score, exact.score);  // same sources in the same order: identical bytes
    EXPECT_EQ(sampled.sources.size(), g.n);
    EXPECT_TRUE(exact.sources.empty());
}

TEST(BetweennessTest, SamplingIsSeededAndDistinct) {
    const auto g = random_graph(12, 200, 3.0, Weights::None);
    BetweennessOptions o;
    o.samples = std::min<std::uint32_t>(g.n, 17);
    o.seed = 42;
    const auto a = betweenness(g.csr(), o), b = betweenness(g.csr(), o);
    EXPECT_EQ(a.sources, b.sources);
    EXPECT_EQ(a.score, b.score);
    EXPECT_EQ(a.sources.size(), o.samples);
    EXPECT_TRUE(std::is_sorted(a.sources.begin(), a.sources.end()));
    EXPECT_EQ(std::set<Vertex>(a.sources.begin(), a.sources.end()).size(), a.sources.size());
    o.seed = 43;
    EXPECT_NE(betweenness(g.csr(), o).sources, a.sources);
}

// The sampling procedure is part of the contract (documented in the header, reproducible on
// every platform): the header's recipe, re-derived here, must give the same sources.
TEST(BetweennessTest, SamplingProcedureIsStable) {
    std::vector<Vertex> perm(10);
    for (Vertex i = 0; i < 10; ++i) perm[i] = i;
    std::mt19937_64 rng(7);
    for (std::uint64_t i = 0; i < 4; ++i) {
        const std::uint64_t range = 10 - i, threshold = (0 - range) % range;
        std::uint64_t r;
        do r = rng();
        while (r < threshold);
        std::swap(perm[i], perm[i + r % range]);
    }
    std::vector<Vertex> expected(perm.begin(), perm.begin() + 4);
    std::sort(expected.begin(), expected.end());
    BetweennessOptions o;
    o.samples = 4;
    o.seed = 7;
    EXPECT_EQ(betweenness(CsrGraph(10, {}), o).sources, expected);
}

void expect_invalid(const EdgeList& g, const BetweennessOptions& o, const std::string& needle) {
    try {
        betweenness(g.csr(), o);
        ADD_FAILURE() << "no exception; expected one mentioning " << needle;
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    }
}

TEST(BetweennessTest, RejectsBadParameters) {
    EdgeList g{3, {{0, 1}, {1, 2}}, {1.0, 0.0}, {}};
    BetweennessOptions o;
    o.samples = 4;
    expect_invalid(g, o, "samples must be 0 (exact) or in [1, n] = [1, 3], got 4");
    expect_invalid(g, raw(true), "edge weights must be finite and > 0");
    EXPECT_NO_THROW(betweenness(g.csr(), raw(false)));  // unweighted ignores the weights
}

// ~100 seeded random multigraphs, unweighted and with dyadic lengths (exact ties), against the
// definition: exact (normalized and not) and sampled (scaled by n/k on the same sources).
TEST(BetweennessTest, MatchesDefinitionOnRandomGraphs) {
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const bool weighted = seed % 2 == 0;
        const auto g = random_graph(seed, 30, 3.0, weighted ? Weights::Dyadic : Weights::None);
        const auto want = naive_betweenness(g, weighted);
        expect_near_all(betweenness(g.csr(), raw(weighted)).score, want, 1e-9);

        BetweennessOptions norm;
        norm.weighted = weighted;
        const double n = g.n;
        const double scale = g.n > 2 ? 1.0 / ((n - 1) * (n - 2)) : 1.0;
        auto want_norm = want;
        for (double& v : want_norm) v *= scale;
        expect_near_all(betweenness(g.csr(), norm).score, want_norm, 1e-9);

        BetweennessOptions sampled = norm;
        sampled.samples = static_cast<std::uint32_t>(1 + seed % g.n);
        sampled.seed = seed;
        const auto r = betweenness(g.csr(), sampled);
        auto want_sampled = naive_betweenness(g, weighted, r.sources);
        for (double& v : want_sampled) v *= scale * n / sampled.samples;
        expect_near_all(r.score, want_sampled, 1e-9);
    }
}

}  // namespace
}  // namespace citegraph::test
