// Escaped hostile strings read back by independent parsers: Python's json, xml.etree and
// csv modules, and Graphviz's DOT parser (`dot -Tjson`) when installed.
#include "output/escape.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "hostile_strings.hpp"
#include "test_util.hpp"

namespace citegraph::output {
namespace {

using testing::hostile_strings;

std::string hex(const std::string& bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += kDigits[c >> 4];
        out += kDigits[c & 0xF];
    }
    return out;
}

TEST(EscapeCrossCheck, PythonAndGraphvizReadBackHostileStrings) {
    const std::string python = CITEGRAPH_SYSTEM_PYTHON;
    if (!testing::is_executable(python)) GTEST_SKIP() << python << " is not installed";

    testing::ScratchDir dir;
    std::string raw, json = "[", xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r>\n", csv,
                     dot = "digraph \"escape\" {\n";
    const auto& strings = hostile_strings();
    for (std::size_t i = 0; i < strings.size(); ++i) {
        const std::string& s = strings[i];
        raw += hex(s) + "\n";
        json += (i > 0 ? ",\n" : "\n") + json_string(s);
        xml += "<s v=\"" + xml_escape(s) + "\">" + xml_escape(s) + "</s>\n";
        csv += csv_field(s) + ",sentinel\r\n";
        dot += "  n" + std::to_string(i) + " [label=" + dot_quote(s) + ", tooltip=" + dot_quote(s) + "];\n";
    }
    json += "\n]\n";
    xml += "</r>\n";
    dot += "}\n";
    testing::write_file(dir.file("raw.hex"), raw);
    testing::write_file(dir.file("escaped.json"), json);
    testing::write_file(dir.file("escaped.xml"), xml);
    testing::write_file(dir.file("escaped.csv"), csv);
    testing::write_file(dir.file("escaped.dot"), dot);

    const testing::CommandResult result =
        testing::run_command(testing::shell_quote(python) + " " + testing::shell_quote(CITEGRAPH_ESCAPE_CROSSCHECK_SCRIPT) +
                             " " + testing::shell_quote(dir.path().string()) + " /usr/bin/dot");
    EXPECT_EQ(result.exit_code, 0) << result.output;
    if (result.output.find("dot: skipped") != std::string::npos)
        std::printf("note: Graphviz not installed, DOT part of the cross-check skipped\n");
}

}  // namespace
}  // namespace citegraph::output
