// Short-name extraction and matching. Expected names by hand from the entry texts (Vietnamese
// structure words as listed in ../shared/digests/README.md).
#include "graph/parse/names.hpp"

#include <gtest/gtest.h>

using namespace citegraph::graph::names;

namespace {
std::vector<std::string> tree(const std::string& s) { return extract_names(s, EntryKind::TreeDescription); }
}  // namespace

TEST(Names, NameBeforeAVerb) {
    EXPECT_EQ(tree("BitNet giới thiệu kiến trúc Transformer 1-bit."), std::vector<std::string>{"BitNet"});
    EXPECT_EQ(tree("Safe RLHF tích hợp Safe RL vào RLHF."), std::vector<std::string>{"Safe RLHF"});
    EXPECT_EQ(tree("Atom giới thiệu lượng tử hóa 4-bit."), std::vector<std::string>{"Atom"});
    EXPECT_EQ(tree("Mamba introduces a selective state space model."), std::vector<std::string>{"Mamba"});
}

TEST(Names, AfterProposesAndWithAlias) {
    EXPECT_EQ(tree("Đề xuất Jamba, kiến trúc lai Transformer."), std::vector<std::string>{"Jamba"});
    EXPECT_EQ(tree("Đề xuất MoD (Mixture-of-Depths), phân bổ tính toán."), (std::vector<std::string>{"MoD", "Mixture-of-Depths"}));
    EXPECT_EQ(tree("Video Language Planning (VLP) kết hợp VLM."), (std::vector<std::string>{"Video Language Planning", "VLP"}));
    EXPECT_EQ(tree("Khung FP8 mixed-precision tự động cho huấn luyện LLM."), std::vector<std::string>{"FP8"});
    EXPECT_EQ(tree("Proposes Medusa, extra decoding heads."), std::vector<std::string>{"Medusa"});
}

TEST(Names, SentencesAreNotNames) {
    EXPECT_TRUE(tree("Quy trình giám tuyển dữ liệu s1K hiệu quả.").empty());
    EXPECT_TRUE(tree("Đề xuất phương pháp lượng tử hóa floating-point 4-bit.").empty());
    EXPECT_TRUE(tree("Phân tích lý thuyết Transformer học tìm đường.").empty());
    EXPECT_TRUE(tree("Đánh giá khả năng của GPT-4V.").empty());
    // A lowercase parenthetical is a description, not an alias.
    EXPECT_EQ(tree("Đề xuất Eagle (trạng thái ẩn ma trận đa đầu) và Finch."), std::vector<std::string>{"Eagle"});
}

TEST(Names, ContributionTitlesReadingLabelsAndSota) {
    EXPECT_EQ(extract_names("KAN: Hàm kích hoạt học được (B-spline) trên cạnh", EntryKind::ContributionTitle), std::vector<std::string>{"KAN"});
    EXPECT_EQ(extract_names("FP8 Precision Decoupling & Automatic Scaling for LLM Training", EntryKind::ContributionTitle),
              std::vector<std::string>{"FP8 Precision Decoupling"});
    EXPECT_TRUE(extract_names("Regularization Lcosine giảm độ tuyến tính", EntryKind::ContributionTitle).size() <= 1);
    EXPECT_TRUE(extract_names("Quy trình huấn luyện đa giai đoạn", EntryKind::ContributionTitle).empty());
    EXPECT_EQ(extract_names("KAN (Kolmogorov-Arnold Networks)", EntryKind::ReadingLabel), (std::vector<std::string>{"KAN", "Kolmogorov-Arnold Networks"}));
    EXPECT_EQ(extract_names("AlphaGeometry2: Carl Sagan Update", EntryKind::ReadingLabel), std::vector<std::string>{"AlphaGeometry2"});
    EXPECT_TRUE(extract_names("Overthinking in Large Reasoning Model Agents", EntryKind::ReadingLabel).empty());
    EXPECT_EQ(extract_names("Chameleon: MLLM early-fusion dựa trên token", EntryKind::SotaBreakthrough), std::vector<std::string>{"Chameleon"});
    EXPECT_TRUE(extract_names("Tạo nhạc dài chất lượng cao từ văn bản", EntryKind::SotaBreakthrough).empty());
}

TEST(Names, WholeWordMatching) {
    EXPECT_EQ(find_name("(BitNet, FP8, VeRA)", "FP8").size(), 1u);
    EXPECT_TRUE(find_name("FP8x and xFP8 and FP8-LM", "FP8").empty());
    EXPECT_EQ(find_name("KANs (2404.19756) hứa hẹn", "KAN").size(), 1u);   // plural after a capital
    EXPECT_TRUE(find_name("Kangaroo", "Kan").empty());
    EXPECT_EQ(find_name("ToolChain*, EUREKA", "ToolChain").size(), 1u);
    EXPECT_EQ(find_name("dùng S3 và TEQ.", "TEQ").size(), 1u);
}

TEST(Names, ListedNames) {
    EXPECT_EQ(listed_names("(PIXART-α, RECAP, AgentInstruct, phân tích length bias, 2310.11511, 3D)"),
              (std::vector<std::string>{"PIXART-α", "RECAP", "AgentInstruct"}));
    EXPECT_TRUE(listed_names("(Medusa)").empty());  // one item is not a list
}
