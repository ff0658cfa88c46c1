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

// What hostile input cannot exceed. Each limit has its own error; the defaults are documented
// in the README ("Limits") and are far above what real digests and citation files need.
struct SourceLimits {
    // A longer line is E-LINE-LENGTH. 1 MiB: the longest line of the real digests is ~3 KB.
    std::size_t max_line_bytes = 1u << 20;
    // All inputs of one run together, in bytes as stored on disk (a digest also as read):
    // more is E-TOO-LARGE (`--max-input-bytes`). 4 GiB: ten times cit-HepPh's uncompressed
    // edge list many times over, and still within one machine's memory for the parsed graph.
    std::size_t max_input_bytes = 4ull << 30;
    // Levels of nesting the TOPIC_TREE may have; deeper is E-NESTING-DEPTH. Real trees have
    // 3 to 6 levels. Bounded because every topic stores its full path (quadratic otherwise).
    std::size_t max_nesting_depth = 64;
    // Errors reported before E-TOO-MANY-ERRORS stops the run (`--max-errors`; 0 = no limit).
    std::size_t max_errors = DiagnosticSink::kDefaultMaxErrors;
};

struct SourceText {
    std::string path;  // as the user gave it; used in diagnostics
    std::string text;  // UTF-8, BOM removed, CRLF folded to LF
    std::vector<std::size_t> line_starts;  // byte offset of each line
    std::size_t max_nesting_depth = SourceLimits{}.max_nesting_depth;  // from the limits it was made with

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
