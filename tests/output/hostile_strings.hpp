#pragma once
// Strings that break naive writers. Shared by the escaping unit tests and the cross-checks.
#include <string>
#include <vector>

namespace citegraph::output::testing {

inline const std::vector<std::string>& hostile_strings() {
    using namespace std::string_literals;
    static const std::vector<std::string> strings = {
        ""s,
        "plain text"s,
        "<script>alert('x')</script>"s,
        "He said \"hi\" & 'bye' <b>"s,
        "back\\slash \\\\ double \\N \\G \\l trailing\\"s,
        "line1\nline2\r\nline3\rline4\n"s,
        "\"]; evil -> x ["s,
        "a\" -> \"b"s,
        "=HYPERLINK(\"http://x\")"s,
        "+1"s,
        "-1"s,
        "@SUM(A1:A2)"s,
        "\tindented"s,
        "\rcarriage"s,
        "a,b;c\td"s,
        "emoji \xF0\x9F\x98\x80\xF0\x9F\x9A\x80 ZWJ \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB"s,
        "RTL \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 override \xE2\x80\xAE" "evil"s,
        "Vi\xE1\xBB\x87t: \xC4\x90\xE1\xBB\x99t ph\xC3\xA1, \xE1\xBA\xA2nh h\xC6\xB0\xE1\xBB\x9Fng"s,
        "invalid \xFF\xFE \xC3\x28 \xED\xA0\x80 \xF4\x90\x80\x80 \xC0\xAF truncated \xF0\x9F\x98"s,
        "nul\0byte"s,
        "controls \x01\x08\x0B\x0C\x1B\x1F\x7F end"s,
        "]]> <![CDATA[ x ]]>"s,
        "separators \xE2\x80\xA8 \xE2\x80\xA9 end"s,
        "nonchars \xEF\xBF\xBE \xEF\xBF\xBF end"s,
        "{\"json\": [1, 2]}"s,
    };
    return strings;
}

}  // namespace citegraph::output::testing
