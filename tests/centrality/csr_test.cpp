// CsrGraph (analysis/csr.hpp) fills Boost's compressed_sparse_row_graph arrays itself. The
// reference here is Boost's own constructor on the same edges (with the weight as a bundled
// edge property): same rows, same order inside each row, same in-edge -> edge mapping and the
// same weight behind every edge, on ~100 seeded random multigraphs.
#include "analysis/csr.hpp"
#include "support.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace citegraph::test {
namespace {

struct BoostWeight {
    double value = 1.0;
};
using BoostCsr = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, BoostWeight,
                                                    boost::no_property, std::uint32_t, std::uint32_t>;

BoostCsr boost_reference(const EdgeList& g) {
    std::vector<BoostWeight> props(g.edges.size());
    for (std::size_t i = 0; i < g.edges.size(); ++i) props[i].value = g.weight(i);
    return BoostCsr(boost::edges_are_unsorted_multi_pass, g.edges.begin(), g.edges.end(), props.begin(), g.n);
}

TEST(CsrGraphTest, SameArraysAsBoostsOwnConstructor) {
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
        const EdgeList g = random_graph(seed, 60, 4.0, seed % 2 ? Weights::Real : Weights::None);
        const CsrGraph csr = g.csr();
        const BoostCsr ref = boost_reference(g);
        ASSERT_EQ(csr.num_vertices(), g.n);
        ASSERT_EQ(csr.num_edges(), g.edges.size());
        EXPECT_EQ(csr.g().m_forward.m_rowstart, ref.m_forward.m_rowstart) << "seed " << seed;
        EXPECT_EQ(csr.g().m_forward.m_column, ref.m_forward.m_column) << "seed " << seed;
        EXPECT_EQ(csr.g().m_backward.m_rowstart, ref.m_backward.m_rowstart) << "seed " << seed;
        EXPECT_EQ(csr.g().m_backward.m_column, ref.m_backward.m_column) << "seed " << seed;
        EXPECT_EQ(csr.g().m_backward.m_edge_properties, ref.m_backward.m_edge_properties) << "seed " << seed;
        EXPECT_EQ(csr.weighted(), !g.weights.empty());
        for (std::uint32_t k = 0; k < csr.num_edges(); ++k)
            ASSERT_EQ(csr.out_weight(k), ref.m_forward.m_edge_properties[k].value) << "seed " << seed << " edge " << k;
        // Boost's own accessors agree with the arrays.
        EXPECT_EQ(boost::num_vertices(csr.g()), g.n);
        EXPECT_EQ(boost::num_edges(csr.g()), g.edges.size());
    }
}

// CollapseFirst keeps one edge per (source, target), with the weight of its first edge in
// input order, and sorts each row by target. Reference: a std::map filled in input order.
TEST(CsrGraphTest, CollapseFirstKeepsTheFirstWeightOfEachPair) {
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
        const EdgeList g = random_graph(seed, 40, 5.0, seed % 3 ? Weights::Real : Weights::None);
        std::map<std::pair<Vertex, Vertex>, double> first;
        for (std::size_t i = 0; i < g.edges.size(); ++i) first.emplace(g.edges[i], g.weight(i));
        const CsrGraph csr(g.n, g.edges, g.weights, {}, analysis::ParallelEdges::CollapseFirst);
        ASSERT_EQ(csr.num_edges(), first.size()) << "seed " << seed;
        auto it = first.begin();
        for (Vertex u = 0; u < g.n; ++u) {
            const auto row = csr.out_neighbors(u);
            for (std::uint32_t i = 0; i < row.size(); ++i, ++it) {
                ASSERT_EQ(it->first, std::make_pair(u, row[i])) << "seed " << seed;
                EXPECT_EQ(csr.out_weight(csr.out_begin(u) + i), it->second) << "seed " << seed;
            }
        }
        std::set<std::pair<Vertex, Vertex>> in;
        for (Vertex v = 0; v < g.n; ++v)
            for (std::uint32_t k = csr.in_begin(v); k < csr.in_begin(v + 1); ++k) {
                const Vertex u = csr.g().m_backward.m_column[k];
                const std::uint32_t e = csr.in_edge_index(k);
                EXPECT_GE(e, csr.out_begin(u));
                EXPECT_LT(e, csr.out_begin(u + 1));
                EXPECT_EQ(csr.g().m_forward.m_column[e], v);
                in.emplace(u, v);
            }
        EXPECT_EQ(in.size(), first.size());
    }
}

TEST(CsrGraphTest, CollapsedEdgesThatAllWeighOneAreUnweighted) {
    // The 2.0 is on a repeated pair and is dropped with it: what is left weighs 1 everywhere.
    const CsrGraph csr(3, {{0, 1}, {0, 1}, {1, 2}}, {1.0, 2.0, 1.0}, {}, analysis::ParallelEdges::CollapseFirst);
    EXPECT_EQ(csr.num_edges(), 2u);
    EXPECT_FALSE(csr.weighted());
    const CsrGraph kept(3, {{0, 1}, {0, 1}, {1, 2}}, {1.0, 2.0, 1.0});
    EXPECT_EQ(kept.num_edges(), 3u);
    EXPECT_TRUE(kept.weighted());
    EXPECT_EQ(kept.out_weight(1), 2.0);
}

}  // namespace
}  // namespace citegraph::test
