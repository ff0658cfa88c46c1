// The digest parser on the layout variants of the series. tests/data/digests/variants.md
// packs them into one small file; every expected value below was read off that file by hand.
#include "graph/load.hpp"
#include "graph/parse/digest.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace citegraph::graph;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

ParsedDigest parse_text(const std::string& text, DiagnosticSink& sink, const std::string& name = "t.md") {
    auto src = make_source(name, text, sink);
    EXPECT_TRUE(src);
    return parse_digest(*src, sink);
}

bool has_code(const DiagnosticSink& sink, const std::string& code) {
    for (const auto& d : sink.all())
        if (d.code == code) return true;
    return false;
}

class Variants : public ::testing::Test {
protected:
    void SetUp() override {
        auto src = make_source("variants.md", read_file(CITEGRAPH_TEST_DATA "/digests/variants.md"), sink);
        ASSERT_TRUE(src);
        d = parse_digest(*src, sink);
    }
    DiagnosticSink sink;
    ParsedDigest d;
};

}  // namespace

TEST_F(Variants, HeadingsWithRomanNumeralsSuffixesAndNoBlankLine) {
    ASSERT_EQ(d.sections.size(), 6u);
    EXPECT_EQ(d.sections[0], Section::TopicTree);
    EXPECT_EQ(d.sections[5], Section::ReadingList);
    EXPECT_TRUE(has_code(sink, "W-MISSING-SECTION"));  // no META_REFLECTION
    EXPECT_FALSE(sink.has_errors());
    EXPECT_EQ(d.month, "2024-03");  // "March 2024" in the preamble
}

TEST_F(Variants, TreeInsideFenceWithMixedMarkersAndBacktickedLines) {
    ASSERT_EQ(d.topics.size(), 5u);
    EXPECT_EQ(d.topics[0].name, "Language Models");  // bold removed
    EXPECT_EQ(d.topics[1].path, (std::vector<std::string>{"Language Models", "Efficient Inference"}));
    EXPECT_EQ(d.topics[4].path, (std::vector<std::string>{"Vision", "Generation"}));
    ASSERT_EQ(d.topics[3].notes.size(), 1u);  // the parenthesised bullet is a note on Vision
    EXPECT_EQ(d.topics[3].notes[0], "Video papers moved to the next issue");
    ASSERT_EQ(d.leaves.size(), 4u);
    EXPECT_EQ(d.leaves[0].ids[0].id, "2403.09611");  // whole line in backticks
    EXPECT_EQ(d.leaves[0].topic, 1);
    EXPECT_EQ(d.leaves[1].ids[0].id, "2401.10774");  // backticked id
    EXPECT_EQ(d.leaves[1].description, "Medusa adds several decoding heads that draft tokens in parallel.");
    EXPECT_EQ(d.leaves[2].ids[0].id, "2402.03300");
    EXPECT_EQ(d.leaves[2].ids[0].version, "v2");
    EXPECT_EQ(d.leaves[3].topic, 4);  // '+' marker under a '-' topic
}

TEST_F(Variants, TruncatedTableRowIsKeptAndReported) {
    ASSERT_EQ(d.highlights.size(), 2u);
    EXPECT_EQ(d.highlights[0].id.id, "2403.03206");
    EXPECT_EQ(d.highlights[0].rank, 1);
    EXPECT_EQ(d.highlights[0].keywords, "rectified flow, MMDiT");
    EXPECT_EQ(d.highlights[1].breakthrough, "DeepSeekMath: GRPO for math reasoning.");
    EXPECT_EQ(d.highlights[1].impact, "");
    bool found = false;
    for (const auto& diag : sink.all()) found = found || (diag.code == "W-TABLE-ROW" && diag.line == 20);
    EXPECT_TRUE(found);
}

TEST_F(Variants, ContributionLayouts) {
    ASSERT_EQ(d.contributions.size(), 3u);
    // **ID – Title – Thoughts:** comment
    EXPECT_EQ(d.contributions[0].id.id, "2401.10774");
    EXPECT_EQ(d.contributions[0].title, "Medusa heads: extra heads with tree attention");
    EXPECT_EQ(d.contributions[0].comment, "Simple and fast.");
    // **`ID` – Title** – text. *Thoughts: comment*
    EXPECT_EQ(d.contributions[1].title, "GRPO: group-relative advantages without a critic");
    EXPECT_EQ(d.contributions[1].text, "Saves memory.");
    EXPECT_EQ(d.contributions[1].comment, "Widely adopted.");
    // **ID – Title – Thoughts**: comment (colon outside the bold); a second contribution of one paper
    EXPECT_EQ(d.contributions[2].id.id, "2402.03300");
    EXPECT_EQ(d.contributions[2].title, "DeepSeekMath corpus");
    EXPECT_EQ(d.contributions[2].comment, "A second, distinct contribution.");
}

TEST_F(Variants, GapsWithMiddleDotSubBullets) {
    ASSERT_EQ(d.gaps.size(), 2u);
    EXPECT_EQ(d.gaps[0].title, "Cheaper decoding");
    ASSERT_EQ(d.gaps[0].sub_points.size(), 1u);
    EXPECT_EQ(d.gaps[0].sub_points[0], "Draft quality drops on long outputs (MM1, Sora).");
    ASSERT_EQ(d.gaps[0].ids.size(), 1u);
    EXPECT_EQ(d.gaps[0].ids[0].id.id, "2403.09611");
    EXPECT_EQ(d.gaps[1].title, "Open math reasoning (2402.03300)");
}

TEST_F(Variants, IdeaWithTagAndNumberedSteps) {
    ASSERT_EQ(d.ideas.size(), 1u);
    EXPECT_EQ(d.ideas[0].title, "Medusa for diffusion");
    EXPECT_EQ(d.ideas[0].tag, "Moon-shot");
    EXPECT_EQ(d.ideas[0].motivation, "Stable Diffusion 3 (2403.03206) samples slowly.");
    EXPECT_EQ(d.ideas[0].approach, "Attach draft heads as in Medusa.");
    EXPECT_EQ(d.ideas[0].risk, "High.");
}

TEST_F(Variants, NumberedReadingList) {
    ASSERT_EQ(d.reading.size(), 2u);
    EXPECT_EQ(d.reading[0].label, "Stable Diffusion 3");
    EXPECT_EQ(d.reading[0].reason, "Read for the MMDiT design.");
    EXPECT_EQ(d.reading[1].position, 2);
    EXPECT_EQ(d.reading[1].id.id, "2401.10774");
}

TEST_F(Variants, GraphFromVariants) {
    auto loaded = load_inputs({CITEGRAPH_TEST_DATA "/digests/variants.md"});
    const auto& kg = loaded.graph;
    EXPECT_EQ(kg.count(NodeKind::Paper), 4u);
    EXPECT_EQ(kg.count(NodeKind::Topic), 5u);
    EXPECT_EQ(kg.count(EdgeKind::SubtopicOf), 3u);
    EXPECT_EQ(kg.count(EdgeKind::ClassifiedAs), 4u);
    // gap 1 cites 2403.09611 by id and names Medusa; gap 2 cites 2402.03300 by id.
    EXPECT_EQ(kg.count(EdgeKind::Mentions, Evidence::Id), 2u);
    EXPECT_EQ(kg.count(EdgeKind::Mentions, Evidence::Name), 1u);
    // the idea cites 2403.03206 by id and names Medusa.
    EXPECT_EQ(kg.count(EdgeKind::BuildsOn, Evidence::Id), 1u);
    EXPECT_EQ(kg.count(EdgeKind::BuildsOn, Evidence::Name), 1u);
    auto paper = kg.find(NodeKind::Paper, "2402.03300");
    ASSERT_TRUE(paper);
    EXPECT_EQ(kg[*paper].paper().version, "v2");
    EXPECT_EQ(kg[*paper].paper().contributions.size(), 2u);
    // Every node and edge has provenance.
    for (auto [it, end] = boost::vertices(kg.g()); it != end; ++it) EXPECT_FALSE(kg[*it].seen.empty()) << kg[*it].key;
    for (auto [it, end] = boost::edges(kg.g()); it != end; ++it) {
        ASSERT_FALSE(kg[*it].seen.empty());
        EXPECT_GT(kg[*it].seen.front().line, 0);
        EXPECT_FALSE(kg[*it].seen.front().file.empty());
    }
}

TEST(DigestHeadings, ProseIsNotAHeading) {
    DiagnosticSink sink;
    auto d = parse_text("1. **TOPIC_TREE**\n* A\n  * 2401.00001 | X is.\nThe topic tree of this month is small.\n"
                        "# 3) NOVEL_TECH_CONTRIBUTIONS:\n* **2401.00001 – X – Thoughts:** ok\n", sink);
    ASSERT_EQ(d.sections.size(), 2u);
    EXPECT_EQ(d.sections[1], Section::Contributions);
    EXPECT_EQ(d.contributions.size(), 1u);
}

TEST(DigestHeadings, NotADigest) {
    DiagnosticSink sink;
    auto d = parse_text("Dear reader,\nthis is a letter, not a digest. It cites 2401.00001 though.\n", sink);
    EXPECT_TRUE(d.sections.empty());
    ASSERT_TRUE(sink.has_errors());
    EXPECT_EQ(sink.all()[0].code, "E-NOT-DIGEST");
}

TEST(DigestHeadings, DuplicatedHeadingIsOneSection) {
    DiagnosticSink sink;
    auto d = parse_text("2. **SOTA_HIGHLIGHTS**\n2. **SOTA_HIGHLIGHTS**\n| Rank | PaperID |\n| :- | :- |\n| 1 | 2401.00001 |\n", sink);
    ASSERT_EQ(d.sections.size(), 1u);
    EXPECT_EQ(d.highlights.size(), 1u);
    EXPECT_TRUE(has_code(sink, "W-DUP-HEADING"));
}

TEST(DigestIds, EveryIdAnywhereIsAPaperEvenInThePreamble) {
    auto loaded = load_digest_text("t.md", "Preamble about 2312.00001.\n1. **TOPIC_TREE**\n* A\n  * 2312.00002 | B is.\n"
                                           "7. **META_REFLECTION**\nAlso 2312.00003 and hep-th/9901001.\n");
    EXPECT_EQ(loaded.graph.count(NodeKind::Paper), 4u);
    EXPECT_TRUE(loaded.graph.find(NodeKind::Paper, "hep-th/9901001"));
}

TEST(DigestMerge, PapersByIdTopicsByPath) {
    // Two inputs naming the same topic path with different emphasis and spacing merge into one
    // topic; the shared paper is one node seen in both files.
    const std::string a = "1. **TOPIC_TREE**\n* **Vision**\n  * Generation\n    * 2403.03206 | Stable Diffusion 3 scales flows.\n";
    const std::string b = "1. **TOPIC_TREE**\n* Vision\n  * Generation \n    * 2403.03206 | Stable Diffusion 3 again.\n    * 2403.00001 | Other is.\n";
    std::vector<ParsedDigest> parsed;
    KnowledgeGraph kg;
    for (const auto& [name, text] : {std::pair{std::string("a.md"), a}, std::pair{std::string("b.md"), b}}) {
        DiagnosticSink sink;
        auto src = make_source(name, text, sink);
        parsed.push_back(parse_digest(*src, sink));
        add_digest(parsed.back(), kg);
    }
    EXPECT_EQ(kg.count(NodeKind::Topic), 2u);
    EXPECT_EQ(kg.count(NodeKind::Paper), 2u);
    auto sd3 = kg.find(NodeKind::Paper, "2403.03206");
    ASSERT_TRUE(sd3);
    ASSERT_EQ(kg[*sd3].seen.size(), 2u);
    EXPECT_EQ(kg[*sd3].seen[0].file, "a.md");
    EXPECT_EQ(kg[*sd3].seen[1].file, "b.md");
    EXPECT_EQ(kg[*sd3].paper().tree_entries.size(), 2u);
    EXPECT_EQ(kg.count(EdgeKind::ClassifiedAs), 2u);  // one edge per (paper, topic), provenance merged
}
