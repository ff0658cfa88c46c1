// Input checks of make_source: every rejection has its code and position (by hand).
#include "graph/parse/source.hpp"

#include <gtest/gtest.h>

using namespace citegraph::graph;

namespace {
std::vector<Diagnostic> check(std::string bytes, SourceLimits limits = {}) {
    DiagnosticSink sink;
    auto src = make_source("in.md", std::move(bytes), sink, limits);
    EXPECT_EQ(src.has_value(), !sink.has_errors());
    return sink.all();
}
}  // namespace

TEST(Source, EmptyAndWhitespace) {
    auto d = check("");
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(format(d[0]), "in.md: error[E-EMPTY]: the file is empty");
    d = check(" \n\t\n");
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].code, "E-EMPTY");
}

TEST(Source, BinaryNulByteHasItsPosition) {
    auto d = check(std::string("line one\nab\0cd", 14));
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(format(d[0]), "in.md:2:3: error[E-BINARY]: NUL byte: this is a binary file, not text");
}

TEST(Source, InvalidUtf8HasItsPosition) {
    auto d = check("ok\nxy\xC3(z\n");
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(format(d[0]), "in.md:2:3: error[E-UTF8]: invalid UTF-8 (byte 0xC3); the input must be UTF-8");
    EXPECT_EQ(check("\xED\xA0\x80")[0].code, "E-UTF8");  // a UTF-16 surrogate is not UTF-8
    EXPECT_EQ(check("\xC0\xAF")[0].code, "E-UTF8");      // overlong '/'
}

TEST(Source, Utf16ByteOrderMark) {
    auto d = check(std::string("\xFF\xFE" "a\0", 4));
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].code, "E-UTF16");
}

TEST(Source, LongLine) {
    SourceLimits limits;
    limits.max_line_bytes = 10;
    auto d = check("short\n" + std::string(11, 'a') + "\n", limits);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(format(d[0]), "in.md:2:1: error[E-LINE-LENGTH]: line is 11 bytes long; the limit is 10");
}

TEST(Source, CrLfAndBomAreNormalized) {
    DiagnosticSink sink;
    auto src = make_source("in.md", "\xEF\xBB\xBFone\r\ntwo\rthree", sink);
    ASSERT_TRUE(src);
    ASSERT_EQ(src->line_count(), 3u);
    EXPECT_EQ(src->line(1), "one");
    EXPECT_EQ(src->line(2), "two");
    EXPECT_EQ(src->line(3), "three");
    EXPECT_EQ(src->position(5), std::make_pair(2, 2));
}

TEST(Source, MissingFile) {
    DiagnosticSink sink;
    EXPECT_FALSE(load_source_file("/nonexistent/citegraph/x.md", sink));
    ASSERT_EQ(sink.all().size(), 1u);
    EXPECT_EQ(sink.all()[0].code, "E-IO");
}
