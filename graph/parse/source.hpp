#pragma once
// Input text: read once, checked once (size, UTF-8, binary content, line length), then shared
// by every parser. Offsets become `line:col` only when a diagnostic is rendered.
#include "graph/diagnostics.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace citegraph::graph {

struct SourceLimits {
    std::size_t max_line_bytes = 1u << 20;     // 1 MiB: a longer line is an error
    std::size_t max_input_bytes = 1ull << 31;  // 2 GiB per file
};

struct SourceText {
    std::string path;  // as the user gave it; used in diagnostics
    std::string text;  // UTF-8, BOM removed, CRLF folded to LF
    std::vector<std::size_t> line_starts;  // byte offset of each line

    std::size_t line_count() const { return line_starts.size(); }
    // 1-based line `n`, without its newline.
    std::string_view line(std::size_t n) const;
    // 1-based (line, column) of a byte offset.
    std::pair<int, int> position(std::size_t offset) const;
};

// Checks raw bytes and returns the text, or reports E-EMPTY, E-BINARY, E-UTF16, E-UTF8,
// E-LINE-LENGTH or E-TOO-LARGE and returns nothing.
std::optional<SourceText> make_source(std::string path, std::string bytes, DiagnosticSink& sink,
                                      const SourceLimits& limits = {});

// Reads a file (E-IO when it cannot be opened or read) and applies make_source.
std::optional<SourceText> load_source_file(const std::string& path, DiagnosticSink& sink,
                                           const SourceLimits& limits = {});

}  // namespace citegraph::graph
