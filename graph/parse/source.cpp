#include "graph/parse/source.hpp"

#include "graph/text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace citegraph::graph {

std::string_view SourceText::line(std::size_t n) const {
    if (n == 0 || n > line_starts.size()) return {};
    const std::size_t start = line_starts[n - 1];
    std::size_t end = n < line_starts.size() ? line_starts[n] - 1 : text.size();
    if (n == line_starts.size() && end > start && text[end - 1] == '\n') --end;  // the file's final newline
    if (end < start) end = start;
    return std::string_view(text).substr(start, end - start);
}

std::pair<int, int> SourceText::position(std::size_t offset) const {
    auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
    const auto line_index = static_cast<std::size_t>(it - line_starts.begin());  // 1-based line
    const std::size_t start = line_index == 0 ? 0 : line_starts[line_index - 1];
    return {static_cast<int>(line_index), static_cast<int>(offset - start + 1)};
}

namespace {

std::vector<std::size_t> compute_line_starts(std::string_view text) {
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n' && i + 1 < text.size()) starts.push_back(i + 1);
    return starts;
}

}  // namespace

std::optional<SourceText> make_source(std::string path, std::string bytes, DiagnosticSink& sink,
                                      const SourceLimits& limits) {
    if (bytes.size() > limits.max_input_bytes) {
        sink.error("E-TOO-LARGE", path, 0, 0,
                   "input is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                       std::to_string(limits.max_input_bytes) + " (--max-input-bytes)");
        return std::nullopt;
    }
    if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
        sink.error("E-UTF16", path, 1, 1, "the file is UTF-16 (byte order mark found); convert it to UTF-8");
        return std::nullopt;
    }
    if (text::starts_with(bytes, "\xEF\xBB\xBF")) bytes.erase(0, 3);
    // CRLF and lone CR become LF, so columns count the same on every platform.
    if (bytes.find('\r') != std::string::npos) {
        std::string folded;
        folded.reserve(bytes.size());
        for (std::size_t i = 0; i < bytes.size(); ++i) {
            if (bytes[i] == '\r') {
                folded += '\n';
                if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
            } else {
                folded += bytes[i];
            }
        }
        bytes = std::move(folded);
    }
    SourceText src;
    src.max_nesting_depth = limits.max_nesting_depth;
    src.path = std::move(path);
    src.text = std::move(bytes);
    src.line_starts = compute_line_starts(src.text);

    if (text::trim(src.text).empty()) {
        sink.error("E-EMPTY", src.path, 0, 0, src.text.empty() ? "the file is empty" : "the file holds only whitespace");
        return std::nullopt;
    }
    if (const auto nul = src.text.find('\0'); nul != std::string::npos) {
        const auto [line, col] = src.position(nul);
        sink.error("E-BINARY", src.path, line, col, "NUL byte: this is a binary file, not text");
        return std::nullopt;
    }
    if (const auto bad = text::find_invalid_utf8(src.text); bad != std::string_view::npos) {
        const auto [line, col] = src.position(bad);
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(src.text[bad])));
        sink.error("E-UTF8", src.path, line, col, std::string("invalid UTF-8 (byte ") + hex + "); the input must be UTF-8");
        return std::nullopt;
    }
    for (std::size_t n = 1; n <= src.line_count(); ++n) {
        const std::size_t length = src.line(n).size();
        if (length > limits.max_line_bytes) {
            sink.error("E-LINE-LENGTH", src.path, static_cast<int>(n), 1,
                       "line is " + std::to_string(length) + " bytes long; the limit is " +
                           std::to_string(limits.max_line_bytes));
            return std::nullopt;
        }
    }
    return src;
}

std::optional<SourceText> load_source_file(const std::string& path, DiagnosticSink& sink, const SourceLimits& limits) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        sink.error("E-IO", path, 0, 0, "is a directory, not a file");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        sink.error("E-IO", path, 0, 0, std::string("cannot open: ") + std::strerror(errno));
        return std::nullopt;
    }
    // Read at most one byte more than the limit, so that a huge file, /dev/zero or a pipe that
    // never ends is refused without first being held in memory.
    std::string bytes;
    std::vector<char> chunk(1u << 16);
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        bytes.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > limits.max_input_bytes) {
            sink.error("E-TOO-LARGE", path, 0, 0,
                       "input is more than " + std::to_string(limits.max_input_bytes) +
                           " bytes, the limit (--max-input-bytes)");
            return std::nullopt;
        }
    }
    if (in.bad()) {
        sink.error("E-IO", path, 0, 0, "read error");
        return std::nullopt;
    }
    return make_source(path, std::move(bytes), sink, limits);
}

}  // namespace citegraph::graph
