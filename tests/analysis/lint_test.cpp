// Lint findings on small digests written for each check (expected findings by hand), and on
// the shared 2024-05 digest (the figures).
#include "analysis/lint.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace citegraph;

namespace {

std::map<std::string, int> codes(const analysis::LintResult& r) {
    std::map<std::string, int> out;
    for (const auto& f : r.findings) ++out[f.code];
    return out;
}

const std::string kHeader = "1. **TOPIC_TREE**\n* Models\n  * Sequence\n";

}  // namespace

TEST(Lint, CleanDigestHasNoFindings) {
    auto loaded = graph::load_digest_text("a.md", kHeader +
        "    * 2312.00752 | Mamba introduces selective state spaces.\n"
        "4. **GAPS_AND_OPPORTUNITIES**\n* **Long context:** Mamba (2312.00752) is linear time.\n");
    ASSERT_TRUE(loaded.ok());
    auto r = analysis::lint(loaded);
    EXPECT_TRUE(r.findings.empty());
}

TEST(Lint, OneIdTwoPapers) {
    auto loaded = graph::load_digest_text("a.md", kHeader +
        "    * 2312.00752 | Mamba introduces selective state spaces for sequence modeling.\n"
        "3. **NOVEL_TECH_CONTRIBUTIONS**\n"
        "* **2312.00752 – Gaussian Avatars: rigged splats for talking heads – Thoughts:** Lifelike faces.\n");
    auto r = analysis::lint(loaded);
    EXPECT_EQ(codes(r)["L-ID-TWO-PAPERS"], 1);
    EXPECT_EQ(r.errors(), 1u);
}

TEST(Lint, SeveralContributionsOfOnePaperAreNotTwoPapers) {
    auto loaded = graph::load_digest_text("a.md", kHeader +
        "    * 2402.03300 | DeepSeekMath introduces GRPO and a math corpus.\n"
        "3. **NOVEL_TECH_CONTRIBUTIONS**\n"
        "* **2402.03300 – GRPO: critic-free policy optimization – Thoughts:** Cheap.\n"
        "* **2402.03300 – DeepSeekMath Corpus: web math pages – Thoughts:** Big.\n");
    EXPECT_EQ(codes(analysis::lint(loaded))["L-ID-TWO-PAPERS"], 0);
}

TEST(Lint, OneNameTwoIdsDuplicatesOutsideTreeEmptyTopicMalformed) {
    auto loaded = graph::load_digest_text("a.md", kHeader +
        "    * 2312.00752 | Mamba introduces selective state spaces.\n"
        "  * Empty Topic\n"
        "3. **NOVEL_TECH_CONTRIBUTIONS**\n"
        "* **2312.99999 – Mamba: a second id for the same name – Thoughts:** Odd.\n"
        "* **2312.00752 – Selective scan – Thoughts:** Fast.\n"
        "* **2312.00752 – Selective scan – Thoughts:** Fast.\n"
        "4. **GAPS_AND_OPPORTUNITIES**\n* **G:** see 2313.00001 and (FooNet, BarNet).\n");
    auto r = analysis::lint(loaded);
    auto c = codes(r);
    EXPECT_EQ(c["L-NAME-TWO-IDS"], 1);     // "Mamba" on 2312.00752 and 2312.99999
    EXPECT_EQ(c["L-DUP-ENTRY"], 1);        // the repeated "Selective scan"
    EXPECT_EQ(c["L-OUTSIDE-TREE"], 1);     // 2312.99999 (2313.00001 is malformed: month 13)
    EXPECT_EQ(c["L-EMPTY-TOPIC"], 1);      // "Models > Empty Topic"
    EXPECT_EQ(c["L-MALFORMED-ID"], 1);
    EXPECT_EQ(c["L-UNRESOLVED-NAME"], 2);  // FooNet, BarNet
    EXPECT_EQ(r.errors(), 2u);             // name on two ids, malformed id
    for (const auto& f : r.findings)
        if (f.code == "L-MALFORMED-ID") {
            EXPECT_EQ(f.where.line, 11);  // the gap line
            EXPECT_EQ(f.where.section, "GAPS_AND_OPPORTUNITIES");
        }
}

TEST(Lint, SharedDigest2024) {
    const std::string path = CITEGRAPH_SHARED_DIR "/digests/2024-05.md";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "skipped: no shared data";
    auto loaded = graph::load_inputs({path});
    auto r = analysis::lint(loaded);
    auto c = codes(r);
    // The issue: 2405.10300 described as two papers; "Layer-Condensed KV Cache" under two
    // ids; three duplicate contribution entries; 49 ids outside the tree. Also found, and true
    // of the file: MotionLCM is 2404.19759 in the tree but 2405.19759 in the contributions.
    EXPECT_EQ(c["L-ID-TWO-PAPERS"], 1);
    EXPECT_EQ(c["L-NAME-TWO-IDS"], 2);
    EXPECT_EQ(c["L-DUP-ENTRY"], 3);
    EXPECT_EQ(c["L-OUTSIDE-TREE"], 49);
    bool two_papers = false, lckv = false;
    for (const auto& f : r.findings) {
        two_papers = two_papers || (f.code == "L-ID-TWO-PAPERS" && f.papers == std::vector<std::string>{"2405.10300"} &&
                                    f.message.find("Grounding DINO 1.5 Edge") != std::string::npos);
        lckv = lckv || (f.code == "L-NAME-TWO-IDS" && f.message.find("Layer-Condensed KV Cache") != std::string::npos &&
                        f.papers == std::vector<std::string>{"2405.10637", "2405.12981"});
    }
    EXPECT_TRUE(two_papers);
    EXPECT_TRUE(lckv);
    EXPECT_EQ(r.errors(), 3u);
}
