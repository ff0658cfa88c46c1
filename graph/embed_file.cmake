# Writes OUTPUT, a C++ source defining citegraph::graph::embedded_example_digest(), from INPUT.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE "${OUTPUT}" "// Generated from examples/example-digest.md by graph/embed_file.cmake. Do not edit.
#include <string_view>
namespace citegraph::graph {
namespace { const char kBytes[] = {${bytes} '\\0'}; }
std::string_view embedded_example_digest() { return std::string_view(kBytes, ${byte_count}); }
std::string_view embedded_example_name() { return \"examples/example-digest.md\"; }
}  // namespace citegraph::graph
")
