#pragma once
// Line-by-line reading of plain or gzip files (zlib reads both through the same path), in
// large blocks: the input is never held whole in memory.
#include "graph/diagnostics.hpp"

#include <cstddef>
#include <cstdint>
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

// The block size for_each_line reads in. It checks a line's length only at block ends (a line
// that spans no block end is passed on whole), so a line a little over the limit can pass;
// for_each_line_in_range applies the same rule to give the same result.
inline constexpr std::size_t kLineBlockBytes = std::size_t{1} << 20;

// Part of a plain (uncompressed) file, for readers that split one file between processes:
// calls `on_line(line_number, offset, line)` for every line that begins at a byte offset in
// [begin, end) (a line begins at offset 0 or after a newline; the last one may run past `end`).
// Line numbers count from 1 at the range's first line: the caller adds the lines before it.
// Lines are as for_each_line gives them (no newline; the same E-LINE-LENGTH rule, reported
// with the range's line number); `on_line` returns false to stop. `lines` receives the number
// of lines that begin in the range (too long ones included), so that the ranges of one file
// together count exactly its lines. Returns false after an E-IO diagnostic.
bool for_each_line_in_range(const std::string& path, DiagnosticSink& sink, std::size_t max_line_bytes,
                            std::uint64_t begin, std::uint64_t end,
                            const std::function<bool(std::size_t, std::uint64_t, std::string_view)>& on_line,
                            std::size_t& lines);

}  // namespace citegraph::graph
