#include "graph/parse/lines.hpp"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
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
    std::vector<char> block(1u << 20);
    std::string partial;  // the start of a line that continues in the next block
    std::size_t line_number = 0;
    bool overlong = false;       // inside a line that is being dropped
    bool any_overlong = false;
    for (;;) {
        const int got = gzread(file, block.data(), static_cast<unsigned>(block.size()));
        if (got < 0) {
            int code = 0;
            sink.error("E-IO", path, static_cast<int>(line_number + 1), 0, std::string("read error: ") + gzerror(file, &code));
            gzclose(file);
            return false;
        }
        if (got == 0) break;
        const std::string_view chunk(block.data(), static_cast<std::size_t>(got));
        std::size_t begin = 0;
        while (begin <= chunk.size()) {
            const std::size_t end = chunk.find('\n', begin);
            if (end == std::string_view::npos) {
                if (!overlong) partial.append(chunk.substr(begin));
                if (!overlong && partial.size() > max_line_bytes) {
                    sink.error("E-LINE-LENGTH", path, static_cast<int>(line_number + 1), 1,
                               "line is longer than the limit of " + std::to_string(max_line_bytes) + " bytes");
                    overlong = true;
                    any_overlong = true;
                    partial.clear();
                }
                break;
            }
            ++line_number;
            const std::string_view piece = chunk.substr(begin, end - begin);
            if (overlong) {
                overlong = false;  // the rest of the overlong line ends here; it was reported
            } else if (!partial.empty()) {
                partial.append(piece);
                on_line(line_number, partial);
                partial.clear();
            } else {
                on_line(line_number, piece);
            }
            begin = end + 1;
        }
    }
    if (!partial.empty()) on_line(++line_number, partial);
    gzclose(file);
    return !any_overlong;
}

}  // namespace citegraph::graph
