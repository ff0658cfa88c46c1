// The influence composite on a hand-made digest; every expected value computed by hand.
#include "analysis/influence.hpp"
#include "analysis/projection.hpp"

#include <gtest/gtest.h>

using namespace citegraph;

namespace {

// Three papers: A is SOTA #1 of 2 and reading #1 of 2 and cited by two gaps; B is SOTA #2
// and reading #2 and cited by one gap; C is only in the tree.
const char* kDigest =
    "1. **TOPIC_TREE**\n* T\n  * 2401.00001 | Alpha is.\n  * 2401.00002 | Beta is.\n  * 2401.00003 | Gamma is.\n"
    "2. **SOTA_HIGHLIGHTS**\n| Rank | PaperID |\n| :- | :- |\n| 1 | 2401.00001 |\n| 2 | 2401.00002 |\n"
    "4. **GAPS_AND_OPPORTUNITIES**\n* **G1:** 2401.00001 and 2401.00002.\n* **G2:** 2401.00001 again.\n"
    "6. **READING_LIST**\n* 2401.00001 – Alpha · first\n* 2401.00002 – Beta · second\n";

}  // namespace

TEST(Influence, SignalsScoresAndShares) {
    auto loaded = graph::load_digest_text("d.md", kDigest);
    ASSERT_TRUE(loaded.ok());
    analysis::InfluenceOptions opt;
    opt.weights = {{"mention_pagerank", 0}, {"citation_pagerank", 1}, {"sota", 1}, {"reading_list", 1},
                   {"sections", 1},         {"months", 0},            {"reliance", 1}};
    auto r = analysis::influence_ranking(loaded, {}, {}, opt);
    // citation_pagerank has no data: left out. Available: sota, reading_list, sections, reliance.
    EXPECT_EQ(r.available, (std::vector<std::string>{"sota", "reading_list", "sections", "reliance"}));
    ASSERT_EQ(r.ranking.size(), 3u);
    const auto& a = r.ranking[0];
    EXPECT_EQ(a.id, "2401.00001");
    // A: sota (2+1-1)/2 = 1, reading 1, sections 4 (tree, sota, gaps, reading) / max 4, reliance 2/2.
    EXPECT_DOUBLE_EQ(a.score, 1.0);
    const auto& b = r.ranking[1];
    EXPECT_EQ(b.id, "2401.00002");
    // B: sota 0.5, reading 0.5, sections 4/4 = 1, reliance 1/2 -> (0.5 + 0.5 + 1 + 0.5) / 4 = 0.625.
    EXPECT_DOUBLE_EQ(b.score, 0.625);
    EXPECT_DOUBLE_EQ(b.signals.at("sota").value, 0.5);
    EXPECT_DOUBLE_EQ(b.signals.at("reliance").value, 1.0);
    EXPECT_DOUBLE_EQ(b.signals.at("sections").share, 0.25 / 0.625);
    double shares = 0;
    for (const auto& [name, s] : b.signals) shares += s.share;
    EXPECT_NEAR(shares, 1.0, 1e-12);
    // C: sections 1 (tree only) / 4 -> 0.25 / 4 = 0.0625.
    EXPECT_DOUBLE_EQ(r.ranking[2].score, 0.0625);
    EXPECT_EQ(r.ranking[2].rank, 3);
}

TEST(Influence, RejectsUnknownSignalsAndNegativeWeights) {
    auto loaded = graph::load_digest_text("d.md", kDigest);
    analysis::InfluenceOptions opt;
    opt.weights["popularity"] = 1;
    EXPECT_THROW(analysis::influence_ranking(loaded, {}, {}, opt), std::invalid_argument);
    analysis::InfluenceOptions neg;
    neg.weights["sota"] = -1;
    EXPECT_THROW(analysis::influence_ranking(loaded, {}, {}, neg), std::invalid_argument);
}

TEST(Projection, MentionGraphWeightsByEvidence) {
    auto loaded = graph::load_digest_text("d.md", kDigest);
    auto p = analysis::project(loaded);
    EXPECT_EQ(p.kind, analysis::ProjectionKind::Mentions);
    // 3 papers + 2 gaps; edges G1->A, G1->B, G2->A, all by id (weight 1: unweighted CSR).
    EXPECT_EQ(p.csr.num_vertices(), 5u);
    EXPECT_EQ(p.csr.num_edges(), 3u);
    EXPECT_FALSE(p.csr.weighted());
    EXPECT_EQ(std::count(p.is_paper.begin(), p.is_paper.end(), true), 3);
}
