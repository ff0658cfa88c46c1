// arXiv id recognition and normalization. Expected values by hand from the arXiv
// identifier scheme (info.arxiv.org/help/arxiv_identifier).
#include "graph/ids.hpp"

#include <gtest/gtest.h>

using citegraph::graph::find_arxiv_ids;
using citegraph::graph::parse_arxiv_id;

TEST(ArxivIds, NewStyleWithAndWithoutVersion) {
    auto a = parse_arxiv_id("2405.10300");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->id, "2405.10300");
    EXPECT_EQ(a->version, "");
    auto b = parse_arxiv_id("`2405.10300v2`");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->id, "2405.10300");
    EXPECT_EQ(b->version, "v2");
    auto c = parse_arxiv_id("arXiv:0704.0001");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->id, "0704.0001");
}

TEST(ArxivIds, NumberWidthMustMatchTheMonth) {
    EXPECT_TRUE(parse_arxiv_id("1412.9999"));    // four digits until 2014-12
    EXPECT_FALSE(parse_arxiv_id("1501.9999"));   // five digits from 2015-01
    EXPECT_TRUE(parse_arxiv_id("1501.00001"));
    EXPECT_FALSE(parse_arxiv_id("1412.00001"));
    EXPECT_FALSE(parse_arxiv_id("0703.0001"));   // new style began 2007-04
}

TEST(ArxivIds, ImpossibleMonthIsMalformed) {
    auto m = find_arxiv_ids("see 2413.12345 and 2400.00001");
    ASSERT_EQ(m.size(), 2u);
    EXPECT_FALSE(m[0].id);
    EXPECT_EQ(m[0].raw, "2413.12345");
    EXPECT_FALSE(m[1].id);
}

TEST(ArxivIds, OldStyle) {
    auto a = parse_arxiv_id("hep-th/9901001");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->id, "hep-th/9901001");
    auto b = parse_arxiv_id("math.CO/0101001v3");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->id, "math/0101001");
    EXPECT_EQ(b->version, "v3");
    EXPECT_FALSE(parse_arxiv_id("and/9901001"));  // not an arXiv archive
}

TEST(ArxivIds, FoundInProseWithOffsets) {
    const std::string text = "Jamba 2403.19887, Zamba (`2405.16712`) and hep-ph/0101001.";
    auto m = find_arxiv_ids(text);
    ASSERT_EQ(m.size(), 3u);
    EXPECT_EQ(m[0].id->id, "2403.19887");
    EXPECT_EQ(m[0].offset, 6u);
    EXPECT_EQ(m[1].id->id, "2405.16712");
    EXPECT_EQ(text.substr(m[1].offset, m[1].length), "2405.16712");
    EXPECT_EQ(m[2].id->id, "hep-ph/0101001");
}

TEST(ArxivIds, NotPartOfLongerNumbers) {
    EXPECT_TRUE(find_arxiv_ids("version 12405.10300").empty());
    EXPECT_TRUE(find_arxiv_ids("1.2405.10300").empty());
    EXPECT_TRUE(find_arxiv_ids("2405.103001").empty());
    EXPECT_TRUE(find_arxiv_ids("x2405.10300").empty());
    EXPECT_TRUE(find_arxiv_ids("4m45s 1.5 3.14159 2024").empty());
}
