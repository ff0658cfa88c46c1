// Escaping on hostile strings. Expected replacements of ill-formed UTF-8 are those of
// Python 3.11 `bytes.decode("utf-8", "replace")` (maximal subparts), checked by hand.
#include "output/escape.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

#include "hostile_strings.hpp"

namespace citegraph::output {
namespace {

using namespace std::string_literals;
using testing::hostile_strings;

const std::string kFffd = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// ---- sanitize_utf8 -------------------------------------------------------------------------

TEST(SanitizeUtf8, KeepsValidText) {
    for (const std::string& s : {"plain"s, "\xF0\x9F\x98\x80"s, "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"s, "nul\0in"s,
                                "\xF4\x8F\xBF\xBF"s /* U+10FFFF */, "\xEF\xBF\xBE"s /* U+FFFE */})
        EXPECT_EQ(sanitize_utf8(s), s);
}

TEST(SanitizeUtf8, ReplacesMaximalSubpartsLikePython) {
    EXPECT_EQ(sanitize_utf8("\xFF\xFE"), kFffd + kFffd);
    EXPECT_EQ(sanitize_utf8("\xC3\x28"), kFffd + "(");                          // bad continuation
    EXPECT_EQ(sanitize_utf8("\xE2\x82"), kFffd);                                // truncated at the end
    EXPECT_EQ(sanitize_utf8("\xF0\x9F\x98x"), kFffd + "x");                     // truncated emoji
    EXPECT_EQ(sanitize_utf8("\xED\xA0\x80"), kFffd + kFffd + kFffd);            // surrogate U+D800
    EXPECT_EQ(sanitize_utf8("\xF4\x90\x80\x80"), kFffd + kFffd + kFffd + kFffd);  // above U+10FFFF
    EXPECT_EQ(sanitize_utf8("\xC0\xAF"), kFffd + kFffd);                        // overlong '/'
    EXPECT_EQ(sanitize_utf8("\xE0\x80\xAF"), kFffd + kFffd + kFffd);            // overlong '/'
    EXPECT_EQ(sanitize_utf8("a\x80" "b"), "a" + kFffd + "b");                   // lone continuation
}

// ---- xml_escape ----------------------------------------------------------------------------

TEST(XmlEscape, EscapesMarkup) {
    EXPECT_EQ(xml_escape("<script>alert('x')</script>"), "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;");
    EXPECT_EQ(xml_escape("He said \"hi\" & left"), "He said &quot;hi&quot; &amp; left");
    EXPECT_EQ(xml_escape("]]>"), "]]&gt;");
    EXPECT_EQ(xml_escape("&amp;"), "&amp;amp;");
    EXPECT_EQ(xml_escape(""), "");
}

TEST(XmlEscape, KeepsWhitespaceAsCharacterReferences) {
    EXPECT_EQ(xml_escape("a\tb\nc\r\nd"), "a&#9;b&#10;c&#13;&#10;d");
}

TEST(XmlEscape, ReplacesCharactersIllegalInXml10) {
    EXPECT_EQ(xml_escape("nul\0byte"s), "nul" + kFffd + "byte");
    EXPECT_EQ(xml_escape("\x01\x08\x0B\x0C\x1F"), kFffd + kFffd + kFffd + kFffd + kFffd);
    EXPECT_EQ(xml_escape("\xEF\xBF\xBE\xEF\xBF\xBF"), kFffd + kFffd);  // U+FFFE, U+FFFF
    EXPECT_EQ(xml_escape("\x7F"), "\x7F");                               // DEL is legal XML 1.0
}

TEST(XmlEscape, ReplacesInvalidUtf8) {
    EXPECT_EQ(xml_escape("a\xFF<"), "a" + kFffd + "&lt;");
    EXPECT_EQ(xml_escape("\xC3\x28"), kFffd + "(");
}

TEST(XmlEscape, PassesUnicodeThrough) {
    const std::string emoji = "\xF0\x9F\x98\x80 \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB";
    const std::string rtl = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xE2\x80\xAE";
    EXPECT_EQ(xml_escape(emoji), emoji);
    EXPECT_EQ(xml_escape(rtl), rtl);
}

TEST(XmlEscape, HostileStringsContainNoMarkup) {
    for (const std::string& s : hostile_strings()) {
        const std::string e = xml_escape(s);
        EXPECT_EQ(e.find_first_of("<>\"'\t\n\r"s + '\0'), std::string::npos) << e;
        EXPECT_EQ(sanitize_utf8(e), e) << "not valid UTF-8: " << e;
        for (std::size_t pos = e.find('&'); pos != std::string::npos; pos = e.find('&', pos + 1))
            EXPECT_NE(e.find(';', pos), std::string::npos) << e;
    }
}

// ---- dot_quote -----------------------------------------------------------------------------

TEST(DotQuote, QuotesAndEscapes) {
    EXPECT_EQ(dot_quote(""), R"("")");
    EXPECT_EQ(dot_quote("plain"), R"("plain")");
    EXPECT_EQ(dot_quote(R"("]; evil -> x [)"), R"("\"]; evil -> x [")");
    EXPECT_EQ(dot_quote(R"(a\b)"), R"("a\\b")");
    EXPECT_EQ(dot_quote(R"(trailing\)"), R"("trailing\\")");   // must not escape the closing quote
    EXPECT_EQ(dot_quote(R"(\N \G \l)"), R"("\\N \\G \\l")");  // no Graphviz label escapes fire
    EXPECT_EQ(dot_quote("<b>html</b>"), R"("<b>html</b>")");  // quoted, so never an HTML label
}

TEST(DotQuote, TurnsLineBreaksIntoEscapedNewlines) {
    EXPECT_EQ(dot_quote("l1\nl2\r\nl3\rl4"), R"("l1\nl2\nl3\nl4")");
    EXPECT_EQ(dot_quote("tab\tkept"), "\"tab\tkept\"");
}

TEST(DotQuote, ReplacesControlsAndInvalidUtf8) {
    EXPECT_EQ(dot_quote("nul\0byte"s), "\"nul" + kFffd + "byte\"");
    EXPECT_EQ(dot_quote("\x01\x1B\x7F"), "\"" + kFffd + kFffd + kFffd + "\"");
    EXPECT_EQ(dot_quote("bad\xFF"), "\"bad" + kFffd + "\"");
    const std::string emoji = "\xF0\x9F\x98\x80";
    EXPECT_EQ(dot_quote(emoji), "\"" + emoji + "\"");
}

// Every quote inside the result is escaped by an odd number of backslashes, so the string
// ends exactly at its last character.
TEST(DotQuote, HostileStringsStayOneToken) {
    for (const std::string& s : hostile_strings()) {
        const std::string q = dot_quote(s);
        ASSERT_GE(q.size(), 2u);
        EXPECT_EQ(q.front(), '"');
        EXPECT_EQ(q.back(), '"');
        EXPECT_EQ(q.find_first_of("\n\r"s + '\0'), std::string::npos) << q;
        std::size_t backslashes = 0;
        for (std::size_t i = 1; i + 1 < q.size(); ++i) {
            if (q[i] == '"') {
                EXPECT_EQ(backslashes % 2, 1u) << "unescaped quote at " << i << " in " << q;
            }
            backslashes = q[i] == '\\' ? backslashes + 1 : 0;
        }
        EXPECT_EQ(backslashes % 2, 0u) << "escaped closing quote in " << q;
    }
}

// ---- csv_field -----------------------------------------------------------------------------

TEST(CsvField, QuotesPerRfc4180) {
    EXPECT_EQ(csv_field(""), "");
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field("a,b"), R"("a,b")");
    EXPECT_EQ(csv_field(R"(say "hi")"), R"("say ""hi""")");
    EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csv_field("cr\r\nlf"), "\"cr\r\nlf\"");
    EXPECT_EQ(csv_field("semi;colon"), "semi;colon");
}

TEST(CsvField, DefusesFormulas) {
    EXPECT_EQ(csv_field(R"--(=HYPERLINK("http://x"))--"), R"--("'=HYPERLINK(""http://x"")")--");
    EXPECT_EQ(csv_field("+1"), "'+1");
    EXPECT_EQ(csv_field("-1"), "'-1");
    EXPECT_EQ(csv_field("@SUM(A1:A2)"), "'@SUM(A1:A2)");
    EXPECT_EQ(csv_field("\tx"), "'\tx");
    EXPECT_EQ(csv_field("\rx"), "\"'\rx\"");
    EXPECT_EQ(csv_field("a=1"), "a=1");  // only the first character matters
}

TEST(CsvField, ReplacesNulAndInvalidUtf8) {
    EXPECT_EQ(csv_field("nul\0byte"s), "nul" + kFffd + "byte");
    EXPECT_EQ(csv_field("bad\xC0\xAF"), "bad" + kFffd + kFffd);
    const std::string rtl = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D";
    EXPECT_EQ(csv_field(rtl), rtl);
}

// ---- json_string ---------------------------------------------------------------------------

TEST(JsonString, EscapesPerRfc8259) {
    EXPECT_EQ(json_string(""), R"("")");
    EXPECT_EQ(json_string("<script>"), R"("<script>")");
    EXPECT_EQ(json_string(R"(a"b\c)"), R"("a\"b\\c")");
    EXPECT_EQ(json_string("\n\r\t\b\f"), R"("\n\r\t\b\f")");
    EXPECT_EQ(json_string("nul\0x\x1F"s), R"("nul\u0000x\u001f")");
    EXPECT_EQ(json_string("\xE2\x80\xA8\xE2\x80\xA9"), R"("\u2028\u2029")");
    EXPECT_EQ(json_string("\x7F"), "\"\x7F\"");
    const std::string emoji = "\xF0\x9F\x98\x80";
    EXPECT_EQ(json_string(emoji), "\"" + emoji + "\"");
}

TEST(JsonString, ReplacesInvalidUtf8) {
    EXPECT_EQ(json_string("bad\xFF\xC3\x28"), "\"bad" + kFffd + kFffd + "(\"");
}

// nlohmann::json is a strict, independent parser: it rejects ill-formed UTF-8 and raw
// control characters, and must read back the sanitized text.
TEST(JsonString, HostileStringsParseBackToTheirText) {
    for (const std::string& s : hostile_strings()) {
        const std::string literal = json_string(s);
        nlohmann::json parsed;
        ASSERT_NO_THROW(parsed = nlohmann::json::parse(literal)) << literal;
        ASSERT_TRUE(parsed.is_string());
        EXPECT_EQ(parsed.get<std::string>(), sanitize_utf8(s));
    }
}

}  // namespace
}  // namespace citegraph::output
