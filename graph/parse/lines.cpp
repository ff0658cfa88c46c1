#include "graph/parse/lines.hpp"

#include "graph/text.hpp"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace citegraph::graph {

bool for_each_line(const std::string& path, DiagnosticSink& sink, std::size_t max_line_bytes,
                   const std::function<void(std::size_t, std::string_view)>& on_line) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        sink.error("E-IO", path, 0, 0, "is a directory, not a file");
        return false;
    }
    gzFile file = gzopen(path.c_str(), "rb");
    if (!file) {
        sink.error("E-IO", path, 0, 0, std::string("cannot open: ") + std::strerror(errno));
        return false;
    }
    gzbuffer(file, 1u << 20);
    std::vector<char> buffer(kLineBlockBytes);
    std::string carry;
    std::size_t line_number = 0;
    bool too_long = false;
    for (;;) {
        const int got = gzread(file, buffer.data(), static_cast<unsigned>(buffer.size()));
        if (got < 0) {
            int code = 0;
            const char* message = gzerror(file, &code);
            sink.error("E-IO", path, static_cast<int>(line_number + 1), 0, std::string("read error: ") + message);
            gzclose(file);
            return false;
        }
        if (got == 0) {
            // End of input, or a gzip stream cut short: zlib then returns what it decoded and
            // reports Z_BUF_ERROR only through gzerror. A truncated file must not pass as whole.
            int code = Z_OK;
            const char* message = gzerror(file, &code);
            if (code != Z_OK) {
                std::string_view why = message;
                if (text::starts_with(why, path + ": ")) why.remove_prefix(path.size() + 2);  // zlib prefixes the path
                sink.error("E-IO", path, static_cast<int>(line_number + 1), 0, "read error: " + std::string(why));
                gzclose(file);
                return false;
            }
            break;
        }
        std::string_view chunk(buffer.data(), static_cast<std::size_t>(got));
        std::size_t start = 0;
        for (;;) {
            const std::size_t nl = chunk.find('\n', start);
            if (nl == std::string_view::npos) {
                carry.append(chunk.substr(start));
                if (carry.size() > max_line_bytes && !too_long) {
                    sink.error("E-LINE-LENGTH", path, static_cast<int>(line_number + 1), 1,
                               "line is longer than the limit of " + std::to_string(max_line_bytes) + " bytes");
                    too_long = true;
                }
                if (too_long) carry.clear();
                break;
            }
            std::string_view line = chunk.substr(start, nl - start);
            ++line_number;
            if (!carry.empty() || too_long) {
                if (!too_long) {
                    carry.append(line);
                    on_line(line_number, carry);
                }
                carry.clear();
                too_long = false;
            } else {
                on_line(line_number, line);
            }
            start = nl + 1;
        }
    }
    if (!carry.empty()) on_line(++line_number, carry);
    gzclose(file);
    return !too_long;
}


bool for_each_line_in_range(const std::string& path, DiagnosticSink& sink, std::size_t max_line_bytes,
                            std::uint64_t begin, std::uint64_t end,
                            const std::function<bool(std::size_t, std::uint64_t, std::string_view)>& on_line,
                            std::size_t& lines) {
    lines = 0;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        sink.error("E-IO", path, 0, 0, "is a directory, not a file");
        return false;
    }
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) {
        sink.error("E-IO", path, 0, 0, std::string("cannot open: ") + std::strerror(errno));
        return false;
    }
    auto io_error = [&](const char* what) {
        sink.error("E-IO", path, 0, 0, std::string(what) + ": " + std::strerror(errno));
        return false;
    };
    if (fseeko(file.get(), 0, SEEK_END) != 0) return io_error("cannot seek");
    const off_t end_of_file = ftello(file.get());
    if (end_of_file < 0) return io_error("cannot seek");
    const auto size = static_cast<std::uint64_t>(end_of_file);
    end = std::min(end, size);
    if (begin >= end) return true;
    // A range that starts inside a line skips to the next line start: the byte before `begin`
    // tells whether `begin` itself starts a line.
    std::uint64_t position = begin == 0 ? 0 : begin - 1;
    bool seeking_line_start = begin != 0;
    if (fseeko(file.get(), static_cast<off_t>(position), SEEK_SET) != 0) return io_error("cannot seek");

    // for_each_line's rule: a line is too long when, at some block end inside it (or at the end
    // of the file, for an unterminated last line), more than max_line_bytes of it were read.
    auto too_long = [&](std::uint64_t line_start, std::uint64_t line_end, bool terminated) {
        const std::uint64_t last_check = terminated ? line_end / kLineBlockBytes * kLineBlockBytes : size;
        return last_check > line_start && last_check - line_start > max_line_bytes;
    };
    std::vector<char> buffer(kLineBlockBytes);
    std::string carry;
    bool dropping = false;  // the current line is already longer than any line that can pass
    std::uint64_t line_start = position;
    // Ends the line [line_start, line_end); false when the reader must stop.
    auto finish_line = [&](std::uint64_t line_end, std::string_view text, bool terminated) {
        ++lines;
        if (dropping || too_long(line_start, line_end, terminated)) {
            sink.error("E-LINE-LENGTH", path, static_cast<int>(lines), 1,
                       "line is longer than the limit of " + std::to_string(max_line_bytes) + " bytes");
            return true;
        }
        return on_line(lines, line_start, text);
    };
    for (;;) {
        const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), file.get());
        if (got == 0) {
            if (std::ferror(file.get())) return io_error("read error");
            break;
        }
        const std::string_view chunk(buffer.data(), got);
        std::size_t at = 0;
        if (seeking_line_start) {
            const std::size_t nl = chunk.find('\n');
            if (nl == std::string_view::npos) {
                position += got;
                continue;
            }
            at = nl + 1;
            seeking_line_start = false;
            line_start = position + at;
        }
        for (;;) {
            if (carry.empty() && !dropping && line_start >= end) return true;  // the next rank's line
            const std::size_t nl = chunk.find('\n', at);
            if (nl == std::string_view::npos) {
                if (!dropping) carry.append(chunk.substr(at));
                // No line this long can pass the block rule: stop keeping its bytes.
                if (carry.size() > max_line_bytes + kLineBlockBytes) {
                    dropping = true;
                    carry.clear();
                }
                break;
            }
            const std::string_view piece = chunk.substr(at, nl - at);
            bool go_on = true;
            if (carry.empty() && !dropping) {
                go_on = finish_line(position + nl, piece, true);
            } else {
                if (!dropping) carry.append(piece);
                go_on = finish_line(position + nl, carry, true);
                carry.clear();
                dropping = false;
            }
            if (!go_on) return true;
            at = nl + 1;
            line_start = position + at;
        }
        position += got;
    }
    // An unterminated last line (for_each_line passes it on when it is not empty).
    if (!seeking_line_start && line_start < size && line_start < end) finish_line(size, carry, false);
    return true;
}

}  // namespace citegraph::graph
