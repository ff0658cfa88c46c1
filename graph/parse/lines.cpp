#include "graph/parse/lines.hpp"

#include "graph/text.hpp"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
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
    std::vector<char> buffer(1u << 20);
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

}  // namespace citegraph::graph
