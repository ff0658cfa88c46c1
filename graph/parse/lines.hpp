#pragma once
// Line-by-line reading of plain or gzip files (zlib reads both through the same path), in
// large blocks: the input is never held whole in memory.
#include "graph/diagnostics.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace citegraph::graph {

// Calls `on_line(line_number, line)` (1-based, without the newline) for every line of `path`.
// A line longer than `max_line_bytes` is an E-LINE-LENGTH error and is not passed on. Returns
// false after an E-IO diagnostic when the file cannot be opened or read (a gzip stream cut short
// included), or when the last line was too long.
bool for_each_line(const std::string& path, DiagnosticSink& sink, std::size_t max_line_bytes,
                   const std::function<void(std::size_t, std::string_view)>& on_line);

}  // namespace citegraph::graph
