// PageRank (analysis/centrality.hpp): hand-checked tiny graphs, the dense Google-matrix
// reference on seeded random multigraphs, invariants, parameter checks.
#include "analysis/centrality.hpp"
#include "support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace citegraph::test {
namespace {

using analysis::page_rank;
using analysis::PageRankOptions;
using analysis::PageRankResult;
using analysis::PageRankSolver;
using analysis::PageRankStop;

PageRankOptions tight() {
    PageRankOptions o;
    o.tolerance = 1e-15;
    o.max_iterations = 10000;
    return o;
}

void expect_near_all(const std::vector<double>& got, const std::vector<double>& want, double tol) {
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], tol) << "vertex " << i;
}

// Invariants checked after every run: the scores sum to 1, and one more iteration (an
// independent serial one) changes them by less than the stop threshold.
void check_invariants(const EdgeList& g, const PageRankOptions& opt, const PageRankResult& r) {
    ASSERT_EQ(r.score.size(), g.n);
    if (g.n == 0) return;
    EXPECT_NEAR(std::accumulate(r.score.begin(), r.score.end(), 0.0), 1.0, 1e-12);
    if (!r.converged) return;
    auto normalized = [&](std::vector<double> v) {
        if (v.empty()) v.assign(g.n, 1.0);
        const double s = std::accumulate(v.begin(), v.end(), 0.0);
        for (double& x : v) x /= s;
        return v;
    };
    const auto p = normalized(opt.personalization);
    const auto d = opt.dangling.empty() ? p : normalized(opt.dangling);
    EdgeList weighted_or_not = g;
    if (!opt.use_weights) weighted_or_not.weights.clear();
    const double change = page_rank_one_more_iteration(weighted_or_not, r.score, opt.damping, p, d);
    const double threshold = opt.stop == PageRankStop::NetworkxScaled ? g.n * opt.tolerance : opt.tolerance;
    EXPECT_LT(change, std::max(threshold, 1e-14)) << "one more iteration moved the scores";
}

PageRankResult run(const EdgeList& g, const PageRankOptions& opt) {
    auto r = page_rank(g.csr(), opt);
    check_invariants(g, opt, r);
    return r;
}

// 0 -> 1, and 1 is dangling (its rank is spread uniformly).
// By hand, alpha = 0.85: x0 = 0.075 + 0.425 x1 and x0 + x1 = 1, so x0 = 0.5 / 1.425.
// networkx 2.8 pagerank(DiGraph([(0, 1)]), tol=1e-14) = {0: 0.3508771929824535, 1: 0.6491228070175465}.
TEST(PageRankTest, TwoVerticesOneDangling) {
    EdgeList g{2, {{0, 1}}, {}, {}};
    const auto r = run(g, tight());
    EXPECT_TRUE(r.converged);
    expect_near_all(r.score, {0.5 / 1.425, 1 - 0.5 / 1.425}, 1e-14);
}

//   0 -> 1 -> 2 -> 0      by symmetry every vertex has 1/3
TEST(PageRankTest, CycleIsUniform) {
    EdgeList g{3, {{0, 1}, {1, 2}, {2, 0}}, {}, {}};
    expect_near_all(run(g, tight()).score, {1 / 3.0, 1 / 3.0, 1 / 3.0}, 1e-15);
}

//   1 --> 0 <-- 3        0 is dangling. By hand: leaves a = 0.0375 + 0.2125 b, hub b = 1 - 3a,
//         ^              so a = 0.25 / 1.6375 = 0.15267175572519084, b = 1 - 3a.
//         2
TEST(PageRankTest, StarIntoDanglingHub) {
    EdgeList g{4, {{1, 0}, {2, 0}, {3, 0}}, {}, {}};
    const double a = 0.25 / 1.6375;
    expect_near_all(run(g, tight()).score, {1 - 3 * a, a, a, a}, 1e-14);
}

//   0 <-> 1, personalization (1, 0): x0 = 0.15 + 0.85 x1, x1 = 0.85 x0, so by hand
//   x0 = 1 / 1.85, x1 = 0.85 / 1.85.
TEST(PageRankTest, Personalization) {
    EdgeList g{2, {{0, 1}, {1, 0}}, {}, {}};
    auto o = tight();
    o.personalization = {3.0, 0.0};  // normalized to (1, 0)
    expect_near_all(run(g, o).score, {1 / 1.85, 0.85 / 1.85}, 1e-14);
}

//   0 -> 1, 1 dangling, dangling distribution (1, 0): 1's rank goes back to 0; by symmetry of
//   x0 = 0.075 + 0.85 x1 and x1 = 0.075 + 0.85 x0, both are 1/2 (by hand).
TEST(PageRankTest, DanglingDistribution) {
    EdgeList g{2, {{0, 1}}, {}, {}};
    auto o = tight();
    o.dangling = {1.0, 0.0};
    expect_near_all(run(g, o).score, {0.5, 0.5}, 1e-14);
}

//   0 -(3)-> 1 -> 0,  0 -(1)-> 2 -> 0. By hand: x0 = 0.05 + 0.85 (x1 + x2) = 0.05 + 0.85 (1 - x0),
//   so x0 = 0.9 / 1.85; x1 = 0.05 + 0.85 * 3/4 x0; x2 = 0.05 + 0.85 * 1/4 x0.
TEST(PageRankTest, WeightedOutEdgesAreNormalizedPerVertex) {
    EdgeList g{3, {{0, 1}, {0, 2}, {1, 0}, {2, 0}}, {3.0, 1.0, 1.0, 1.0}, {}};
    const double x0 = 0.9 / 1.85;
    expect_near_all(run(g, tight()).score, {x0, 0.05 + 0.6375 * x0, 0.05 + 0.2125 * x0}, 1e-14);
    // use_weights = false ignores them: 1 and 2 become symmetric.
    auto o = tight();
    o.use_weights = false;
    const auto r = run(g, o);
    EXPECT_NEAR(r.score[1], r.score[2], 1e-15);
}

// Parallel edges add up: 0 => 1 twice and 0 -> 2 once is the weighted graph 0 -(2)-> 1, 0 -(1)-> 2.
TEST(PageRankTest, ParallelEdgesSumLikeWeights) {
    EdgeList multi{3, {{0, 1}, {0, 1}, {0, 2}, {1, 0}, {2, 0}}, {}, {}};
    EdgeList weighted{3, {{0, 1}, {0, 2}, {1, 0}, {2, 0}}, {2.0, 1.0, 1.0, 1.0}, {}};
    expect_near_all(run(multi, tight()).score, run(weighted, tight()).score, 1e-15);
}

//   0 -> 0 (self-loop), 0 -> 1, 1 -> 0. The self-loop is an ordinary out-edge (networkx keeps it):
//   x1 = 0.075 + 0.425 x0 with x0 + x1 = 1, so by hand x1 = 0.5 / 1.425.
TEST(PageRankTest, SelfLoopIsAnOrdinaryEdge) {
    EdgeList g{2, {{0, 0}, {0, 1}, {1, 0}}, {}, {}};
    expect_near_all(run(g, tight()).score, {1 - 0.5 / 1.425, 0.5 / 1.425}, 1e-14);
}

//   0 -(0)-> 1 -(1)-> 0: a vertex whose out-edges all weigh 0 is dangling (networkx: S == 0).
//   By hand: x0 = 0.075 + 0.85 (x1 + x0/2), x1 = 0.075 + 0.425 x0, so x1 = 0.5 / 1.425.
TEST(PageRankTest, ZeroWeightOutEdgesMakeADanglingVertex) {
    EdgeList g{2, {{0, 1}, {1, 0}}, {0.0, 1.0}, {}};
    expect_near_all(run(g, tight()).score, {1 - 0.5 / 1.425, 0.5 / 1.425}, 1e-14);
}

TEST(PageRankTest, EmptyAndSingleVertex) {
    const auto empty = page_rank(CsrGraph(0, {}));
    EXPECT_TRUE(empty.score.empty());
    EXPECT_TRUE(empty.converged);
    const auto one = page_rank(CsrGraph(1, {}));
    ASSERT_EQ(one.score.size(), 1u);
    EXPECT_DOUBLE_EQ(one.score[0], 1.0);
    EXPECT_TRUE(one.converged);
}

TEST(PageRankTest, StopCriteria) {
    const auto g = random_graph(7, 200, 4.0, Weights::None);
    PageRankOptions scaled;
    scaled.solver = PageRankSolver::Power;
    scaled.tolerance = 1e-6;
    PageRankOptions absolute = scaled;
    absolute.stop = PageRankStop::Absolute;
    const auto rs = run(g, scaled), ra = run(g, absolute);
    ASSERT_TRUE(rs.converged && ra.converged);
    EXPECT_LT(rs.last_change, g.n * 1e-6);
    EXPECT_LT(ra.last_change, 1e-6);
    EXPECT_LE(rs.iterations, ra.iterations);

    PageRankOptions once;
    once.solver = PageRankSolver::Power;
    once.max_iterations = 1;
    const auto r1 = run(g, once);
    EXPECT_FALSE(r1.converged);
    EXPECT_EQ(r1.iterations, 1);
}

void expect_invalid(const EdgeList& g, const PageRankOptions& o, const std::string& needle) {
    try {
        page_rank(g.csr(), o);
        ADD_FAILURE() << "no exception; expected one mentioning " << needle;
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    }
}

TEST(PageRankTest, RejectsBadParameters) {
    EdgeList g{2, {{0, 1}}, {}, {}};
    PageRankOptions o;
    o.damping = 1.5;
    expect_invalid(g, o, "damping must be in [0, 1]");
    o.damping = std::numeric_limits<double>::quiet_NaN();
    expect_invalid(g, o, "damping");
    o = {};
    o.tolerance = 0;
    expect_invalid(g, o, "tolerance must be finite and > 0");
    o = {};
    o.max_iterations = 0;
    expect_invalid(g, o, "max_iterations must be >= 1");
    o = {};
    o.personalization = {1.0};
    expect_invalid(g, o, "personalization must be empty or have one value per vertex");
    o.personalization = {1.0, -1.0};
    expect_invalid(g, o, "personalization values must be finite and >= 0");
    o.personalization = {0.0, 0.0};
    expect_invalid(g, o, "personalization must have a positive finite sum");
    o = {};
    o.dangling = {0.0, 0.0};
    expect_invalid(g, o, "dangling must have a positive finite sum");
    EdgeList negative{2, {{0, 1}}, {-1.0}, {}};
    expect_invalid(negative, {}, "edge weights must be finite and >= 0");
    PageRankOptions unweighted;
    unweighted.use_weights = false;
    EXPECT_NO_THROW(page_rank(negative.csr(), unweighted));
}

// ~100 seeded random multigraphs (self-loops, parallel edges, dangling vertices), unweighted and
// weighted, with and without personalization / dangling vectors, against the dense Google matrix.
TEST(PageRankTest, MatchesDenseGoogleMatrixOnRandomGraphs) {
    const double alphas[] = {0.5, 0.85, 0.95};
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const auto g = random_graph(seed, 40, 3.0, seed % 2 ? Weights::Real : Weights::None);
        auto o = tight();
        o.damping = alphas[seed % 3];
        std::mt19937_64 rng(seed * 977);
        if (seed % 4 == 1) {
            o.personalization.resize(g.n);
            for (double& v : o.personalization) v = static_cast<double>(rng() % 4);  // zeros included
            o.personalization[rng() % g.n] = 1.0;
        }
        if (seed % 5 == 2) {
            o.dangling.resize(g.n);
            for (double& v : o.dangling) v = static_cast<double>(rng() % 3);
            o.dangling[rng() % g.n] = 2.0;
        }
        const auto want = naive_page_rank(g, o.damping, o.personalization, o.dangling);
        for (const auto solver : {PageRankSolver::Auto, PageRankSolver::Power, PageRankSolver::SccGaussSeidel}) {
            if (solver == PageRankSolver::SccGaussSeidel && !o.dangling.empty()) continue;
            SCOPED_TRACE("solver " + std::to_string(static_cast<int>(solver)));
            o.solver = solver;
            const auto r = run(g, o);
            EXPECT_TRUE(r.converged);
            if (solver != PageRankSolver::Auto) {
                EXPECT_EQ(r.solver, solver);
            }
            expect_near_all(r.score, want, 1e-9);
        }

        // The default options too (tolerance 1e-10, networkx's criterion): invariants only.
        PageRankOptions def;
        def.personalization = o.personalization;
        run(g, def);
    }
}

// The component-wise solve on ~100 citation-like graphs (a DAG plus mutual citations, short
// rings and long back edges, so components of every size), unweighted and weighted, with and
// without personalization, against the dense Google matrix; and the power iteration on the same
// graphs agreeing with it.
TEST(PageRankTest, ComponentSolveMatchesDenseGoogleMatrixOnCitationLikeGraphs) {
    const double alphas[] = {0.5, 0.85, 0.99};
    int cyclic = 0, several = 0;
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const auto g = citation_like_graph(seed, 60, seed % 3 == 0 ? Weights::Real : Weights::None);
        auto o = tight();
        o.damping = alphas[seed % 3];
        o.solver = PageRankSolver::SccGaussSeidel;
        std::mt19937_64 rng(seed * 31);
        if (seed % 4 == 1) {
            o.personalization.resize(g.n);
            for (double& v : o.personalization) v = static_cast<double>(rng() % 4);
            o.personalization[rng() % g.n] = 1.0;
        }
        const auto r = run(g, o);
        EXPECT_TRUE(r.converged);
        EXPECT_EQ(r.solver, PageRankSolver::SccGaussSeidel);
        EXPECT_EQ(r.iterations, 0) << "the solve alone should meet the threshold";
        expect_near_all(r.score, naive_page_rank(g, o.damping, o.personalization, {}), 1e-9);
        cyclic += r.cyclic_components > 0;
        several += r.cyclic_components > 1;

        auto power = o;
        power.solver = PageRankSolver::Power;
        expect_near_all(run(g, power).score, r.score, 1e-9);
    }
    // The generator must give the solve cycles to work through, and often more than one.
    EXPECT_GE(cyclic, 60);
    EXPECT_GE(several, 20);
}

// The reported change is the change one power iteration would make: check it against one.
//   0 <-> 1 -> 2 -> 0 (one component), 3 -> 0, 2 -> 4 (4 dangling)
TEST(PageRankTest, ComponentSolveReportsTheChangeOfOneMoreIteration) {
    EdgeList g{5, {{0, 1}, {1, 0}, {1, 2}, {2, 0}, {3, 0}, {2, 4}}, {}, {}};
    PageRankOptions o;
    o.solver = PageRankSolver::SccGaussSeidel;
    o.tolerance = 1e-6;  // loose, so that the residual left is well above rounding
    const auto r = run(g, o);
    ASSERT_TRUE(r.converged);
    EXPECT_EQ(r.cyclic_components, 1u);
    EXPECT_EQ(r.largest_component, 3u);
    const std::vector<double> uniform(5, 0.2);
    const double change = page_rank_one_more_iteration(g, r.score, 0.85, uniform, uniform);
    EXPECT_GT(change, 1e-12);
    EXPECT_NEAR(r.last_change, change, 1e-15 + 1e-9 * change);
}

// Auto gives the component solve up on a graph that is mostly one cycle (a ring with chords):
// power iteration, from 1/n, gives the result.
TEST(PageRankTest, AutoUsesPowerIterationOnAGiantCycle) {
    EdgeList ring{50, {}, {}, {}};
    for (Vertex v = 0; v < 50; ++v) {
        ring.edges.emplace_back(v, (v + 1) % 50);
        ring.edges.emplace_back(v, (v + 7) % 50);
    }
    const auto r = run(ring, PageRankOptions{});
    EXPECT_EQ(r.solver, PageRankSolver::Power);
    EXPECT_GT(r.iterations, 0);
    expect_near_all(r.score, std::vector<double>(50, 0.02), 1e-12);
    auto forced = tight();
    forced.solver = PageRankSolver::SccGaussSeidel;
    const auto f = run(ring, forced);
    EXPECT_EQ(f.solver, PageRankSolver::SccGaussSeidel);
    EXPECT_EQ(f.largest_component, 50u);
    expect_near_all(f.score, r.score, 1e-12);
}

// Auto's probe (3 power iterations), forced onto small graphs: a dense random graph (40
// random out-edges per vertex) mixes fast (its change falls by a factor ~0.15 per iteration,
// numpy on the same kind of graph), so the iteration goes on; a citation-like graph does not,
// so the component solve takes over. Both give the reference.
TEST(PageRankTest, AutoProbeKeepsIteratingWhereItMixesFastAndSolvesWhereItDoesNot) {
    EdgeList dense{200, {}, {}, {}};
    std::mt19937_64 rng(5);
    for (Vertex v = 0; v < 200; ++v)
        for (int j = 0; j < 40; ++j) dense.edges.emplace_back(v, static_cast<Vertex>(rng() % 200));
    auto o = tight();
    o.probe_from_edges = 1;
    const auto fast = run(dense, o);
    EXPECT_EQ(fast.solver, PageRankSolver::Power);
    EXPECT_GT(fast.iterations, 3);
    expect_near_all(fast.score, naive_page_rank(dense, 0.85, {}, {}), 1e-12);

    int solved = 0;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const auto g = citation_like_graph(seed, 60, Weights::None);
        if (g.edges.empty()) continue;
        const auto r = run(g, o);
        EXPECT_TRUE(r.converged);
        solved += r.solver == PageRankSolver::SccGaussSeidel;
        expect_near_all(r.score, naive_page_rank(g, 0.85, {}, {}), 1e-9);
    }
    EXPECT_GE(solved, 15) << "a citation-like graph should look slow-mixing to the probe";
}

TEST(PageRankTest, ComponentSolverRejectsWhatItCannotSolve) {
    EdgeList g{2, {{0, 1}}, {}, {}};
    PageRankOptions o;
    o.solver = PageRankSolver::SccGaussSeidel;
    o.damping = 1.0;
    expect_invalid(g, o, "needs damping < 1");
    o.damping = 0.85;
    o.dangling = {1.0, 0.0};
    expect_invalid(g, o, "dangling distribution");
}

}  // namespace
}  // namespace citegraph::test
