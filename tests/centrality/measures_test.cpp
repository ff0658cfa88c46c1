// Degree, HITS, k-core and harmonic closeness (analysis/centrality.hpp): hand-checked tiny
// graphs, references from the definitions on seeded random multigraphs, parameter checks.
#include "analysis/centrality.hpp"
#include "support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace citegraph::test {
namespace {

using namespace citegraph::analysis;

void expect_near_all(const std::vector<double>& got, const std::vector<double>& want, double tol) {
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i)
        EXPECT_NEAR(got[i], want[i], tol * std::max(1.0, std::abs(want[i]))) << "vertex " << i;
}

template <typename F>
void expect_invalid(F&& f, const std::string& needle) {
    try {
        f();
        ADD_FAILURE() << "no exception; expected one mentioning " << needle;
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    }
}

// ---------------------------------------------------------------------------------------------
// Degree

//   0 => 1 (two parallel edges), 1 -> 1 (self-loop), 2 -> 0
// By hand (networkx 2.8 MultiDiGraph.in_degree / out_degree / degree agree): out (2, 1, 1),
// in (1, 3, 0), total (3, 4, 1): the self-loop counts once in, once out.
TEST(DegreeTest, CountsParallelEdgesAndSelfLoops) {
    EdgeList g{3, {{0, 1}, {0, 1}, {1, 1}, {2, 0}}, {0.5, 2.0, 1.0, 4.0}, {}};
    const auto d = degree(g.csr());
    EXPECT_EQ(d.out, (std::vector<double>{2, 1, 1}));
    EXPECT_EQ(d.in, (std::vector<double>{1, 3, 0}));
    EXPECT_EQ(d.total, (std::vector<double>{3, 4, 1}));
    DegreeOptions w;
    w.weighted = true;
    const auto dw = degree(g.csr(), w);  // by hand: sums of weights
    EXPECT_EQ(dw.out, (std::vector<double>{2.5, 1, 4}));
    EXPECT_EQ(dw.in, (std::vector<double>{4, 3.5, 0}));
    EXPECT_EQ(dw.total, (std::vector<double>{6.5, 4.5, 4}));
    DegreeOptions norm;
    norm.normalized = true;  // networkx in_degree_centrality: divided by n - 1 = 2
    EXPECT_EQ(degree(g.csr(), norm).in, (std::vector<double>{0.5, 1.5, 0}));
    EXPECT_EQ(degree(CsrGraph(1, {}), norm).total, (std::vector<double>{1}));
}

// ---------------------------------------------------------------------------------------------
// HITS

//   0 -> 2 <- 1 -> 3
// By hand: A^T A on the authorities {2, 3} is [[2, 1], [1, 1]], whose top eigenvector is
// (1, 1/phi); scaled to sum 1: a2 = 1/phi, a3 = 1/phi^2. Hubs h = A a: h0 = a2, h1 = a2 + a3,
// scaled: h0 = 1/phi^2, h1 = 1/phi. networkx 2.8 hits gives 0.38196601125010515 / 0.6180339887498948.
TEST(HitsTest, GoldenRatio) {
    EdgeList g{4, {{0, 2}, {1, 2}, {1, 3}}, {}, {}};
    const double phi = (1 + std::sqrt(5.0)) / 2;
    HitsOptions o;
    o.tolerance = 1e-15;
    const auto r = hits(g.csr(), o);
    EXPECT_TRUE(r.converged);
    expect_near_all(r.hub, {1 / (phi * phi), 1 / phi, 0, 0}, 1e-12);
    expect_near_all(r.authority, {0, 0, 1 / phi, 1 / (phi * phi)}, 1e-12);
}

//   0 -(2)-> 1, 0 -(1)-> 2: one hub; authorities in proportion to the weights (by hand).
TEST(HitsTest, WeightedStar) {
    EdgeList g{3, {{0, 1}, {0, 2}}, {2.0, 1.0}, {}};
    const auto r = hits(g.csr());
    expect_near_all(r.hub, {1, 0, 0}, 1e-15);
    expect_near_all(r.authority, {0, 2 / 3.0, 1 / 3.0}, 1e-15);
    HitsOptions o;
    o.use_weights = false;
    expect_near_all(hits(g.csr(), o).authority, {0, 0.5, 0.5}, 1e-15);
    o.normalized = false;  // scaled to max 1, as networkx normalized=False
    expect_near_all(hits(g.csr(), o).authority, {0, 1, 1}, 1e-15);
}

TEST(HitsTest, EdgelessGraphIsUniform) {
    const auto r = hits(CsrGraph(4, {}));
    EXPECT_TRUE(r.converged);
    EXPECT_EQ(r.iterations, 0);
    expect_near_all(r.hub, {0.25, 0.25, 0.25, 0.25}, 0);
    expect_near_all(r.authority, {0.25, 0.25, 0.25, 0.25}, 0);
}

TEST(HitsTest, RejectsBadParameters) {
    EdgeList g{2, {{0, 1}}, {-2.0}, {}};
    HitsOptions o;
    o.tolerance = -1;
    expect_invalid([&] { hits(g.csr(), o); }, "tolerance must be finite and > 0");
    o = {};
    o.max_iterations = 0;
    expect_invalid([&] { hits(g.csr(), o); }, "max_iterations must be >= 1");
    expect_invalid([&] { hits(g.csr()); }, "edge weights must be finite and >= 0");
}

// Against the definition (principal eigenvectors of A A^T and A^T A from the uniform start, by
// repeated squaring of a dense matrix) on ~100 seeded random multigraphs.
TEST(HitsTest, MatchesDefinitionOnRandomGraphs) {
    int compared = 0;
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const auto g = random_graph(seed, 30, 3.0, seed % 2 ? Weights::Real : Weights::None);
        if (g.edges.empty()) continue;
        HitsOptions o;
        o.tolerance = 1e-14;
        o.max_iterations = 1000000;
        const auto r = hits(g.csr(), o);
        EXPECT_TRUE(r.converged);
        EXPECT_NEAR(std::accumulate(r.hub.begin(), r.hub.end(), 0.0), 1.0, 1e-12);
        EXPECT_NEAR(std::accumulate(r.authority.begin(), r.authority.end(), 0.0), 1.0, 1e-12);
        const auto [h, a] = naive_hits(g);
        expect_near_all(r.hub, h, 1e-9);
        expect_near_all(r.authority, a, 1e-9);
        ++compared;
    }
    EXPECT_GE(compared, 90);
}

// ---------------------------------------------------------------------------------------------
// k-core

//   0 -> 1 -> 2 -> 0 <- 3,  0 -> 0
// By hand (total degree, self-loop ignored): the triangle is a 2-core, 3 hangs on with degree 1.
// networkx 2.8 core_number(DiGraph([(0,1),(1,2),(2,0),(3,0)])) = {0: 2, 1: 2, 2: 2, 3: 1}.
// In-degree cores: 3 has in-degree 0; without it everyone has in-degree 1: (1, 1, 1, 0).
// Out-degree cores: every vertex keeps out-degree 1 (3 -> 0 stays): (1, 1, 1, 1).
TEST(CoreNumberTest, TriangleWithPendant) {
    EdgeList g{4, {{0, 1}, {1, 2}, {2, 0}, {3, 0}, {0, 0}}, {}, {}};
    const auto all = core_number(g.csr());
    EXPECT_EQ(all.core, (std::vector<std::uint32_t>{2, 2, 2, 1}));
    EXPECT_EQ(all.degeneracy, 2u);
    CoreOptions in{CoreMode::In}, out{CoreMode::Out};
    EXPECT_EQ(core_number(g.csr(), in).core, (std::vector<std::uint32_t>{1, 1, 1, 0}));
    EXPECT_EQ(core_number(g.csr(), out).core, (std::vector<std::uint32_t>{1, 1, 1, 1}));
}

//   0 <-> 1: networkx counts DiGraph degree as in + out, so each end has degree 2 and
//   core_number(DiGraph([(0, 1), (1, 0)])) = {0: 2, 1: 2} (checked with networkx 2.8).
TEST(CoreNumberTest, MutualEdgesCountTwice) {
    EdgeList g{2, {{0, 1}, {1, 0}}, {}, {}};
    EXPECT_EQ(core_number(g.csr()).core, (std::vector<std::uint32_t>{2, 2}));
    EXPECT_EQ(core_number(CsrGraph(0, {})).degeneracy, 0u);
    EXPECT_EQ(core_number(CsrGraph(3, {})).core, (std::vector<std::uint32_t>{0, 0, 0}));
}

TEST(CoreNumberTest, MatchesPeelingOnRandomGraphs) {
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const auto g = random_graph(seed, 40, 4.0, Weights::None);
        EXPECT_EQ(core_number(g.csr()).core, naive_core(g, true, true));
        EXPECT_EQ(core_number(g.csr(), {CoreMode::In}).core, naive_core(g, true, false));
        EXPECT_EQ(core_number(g.csr(), {CoreMode::Out}).core, naive_core(g, false, true));
    }
}

// ---------------------------------------------------------------------------------------------
// Harmonic closeness

//   0 -> 1 -> 2
// Distances are measured towards the vertex (networkx): H(1) = 1/d(0,1) = 1,
// H(2) = 1/d(1,2) + 1/d(0,2) = 1.5, H(0) = 0. networkx 2.8 harmonic_centrality: {0: 0, 1: 1.0, 2: 1.5}.
TEST(HarmonicTest, PathCountsIncomingDistances) {
    EdgeList g{3, {{0, 1}, {1, 2}}, {}, {}};
    expect_near_all(harmonic_centrality(g.csr()).score, {0, 1, 1.5}, 0);
}

//   0 -(2)-> 1 -(2)-> 2, 0 -(5)-> 2, 2 -> 2 (self-loop, length 1)
// By hand: d(0,1) = 2, d(1,2) = 2, d(0,2) = 4 (< 5): H = (0, 1/2, 1/2 + 1/4).
TEST(HarmonicTest, WeightedLengths) {
    EdgeList g{3, {{0, 1}, {1, 2}, {0, 2}, {2, 2}}, {2, 2, 5, 1}, {}};
    HarmonicOptions o;
    o.weighted = true;
    expect_near_all(harmonic_centrality(g.csr(), o).score, {0, 0.5, 0.75}, 1e-15);
    EdgeList zero{2, {{0, 1}}, {0.0}, {}};
    expect_invalid([&] { harmonic_centrality(zero.csr(), o); }, "edge weights must be finite and > 0");
}

TEST(HarmonicTest, MatchesAllPairsOnRandomGraphs) {
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const bool weighted = seed % 2 == 0;
        const auto g = random_graph(seed, 40, 3.0, weighted ? Weights::Real : Weights::None);
        HarmonicOptions o;
        o.weighted = weighted;
        expect_near_all(harmonic_centrality(g.csr(), o).score, naive_harmonic(g, weighted), 1e-9);
    }
}

}  // namespace
}  // namespace citegraph::test
