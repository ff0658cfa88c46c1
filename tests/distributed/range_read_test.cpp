// graph::read_edge_list_range, which citegraph-mpi's ranks use to read their byte ranges of a
// file, against graph::read_edge_list on the whole file: for 1 to 7 ranges, the ranges' ids
// (first occurrences, in range order), edges, weights, line counts and diagnostics (line numbers
// shifted by the lines of the ranges before) put together equal the whole-file read. No MPI
// here: this is the reading half of the split, on one process.
#include "graph/parse/citations.hpp"
#include "graph/parse/lines.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

using namespace citegraph::graph;

struct Whole {
    std::vector<std::string> ids;
    std::vector<std::pair<std::string, std::string>> edges;  // by id: numbering differs per range
    std::vector<double> weights;
    std::vector<std::string> diagnostics;
    std::size_t skipped = 0;
};

// The test files, in a per-process directory removed at exit.
const std::filesystem::path& test_dir() {
    static const struct Dir {
        std::filesystem::path path = std::filesystem::temp_directory_path() / ("citegraph-range-" + std::to_string(::getpid()));
        Dir() { std::filesystem::create_directories(path); }
        ~Dir() {
            std::error_code ec;
            std::filesystem::remove_all(path, ec);
        }
    } dir;
    return dir.path;
}

std::string write_file(const std::string& name, const std::string& content) {
    const auto path = test_dir() / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
}

std::vector<std::string> formatted(const DiagnosticSink& sink, std::size_t line_shift) {
    std::vector<std::string> out;
    for (Diagnostic d : sink.all()) {
        if (d.code == "W-EDGE-SKIPPED" || d.code == "E-NO-EDGES") continue;  // whole-file verdicts
        if (d.line > 0) d.line += static_cast<int>(line_shift);
        out.push_back(format(d));
    }
    return out;
}

Whole read_whole(const std::string& path, const EdgeListOptions& options) {
    CitationData data;
    DiagnosticSink sink;
    read_edge_list(path, data, sink, options);
    Whole w;
    w.ids = data.ids;
    for (const auto& [u, v] : data.edges) w.edges.emplace_back(data.ids[u], data.ids[v]);
    w.weights = data.weights;
    w.diagnostics = formatted(sink, 0);
    w.skipped = data.skipped_lines;
    return w;
}

Whole read_in_ranges(const std::string& path, std::size_t ranges, const EdgeListOptions& options) {
    const auto size = static_cast<std::uint64_t>(std::filesystem::file_size(path));
    const EdgeListLayout layout = probe_edge_list(path, options);
    Whole w;
    CitationData ids;  // first occurrences over the ranges in order
    bool weighted = false;
    std::vector<std::vector<double>> range_weights;
    std::vector<std::size_t> range_edges;
    std::size_t lines_before = 0;
    for (std::size_t r = 0; r < ranges; ++r) {
        CitationData data;
        DiagnosticSink sink;
        const auto result = read_edge_list_range(path, layout, size * r / ranges, size * (r + 1) / ranges, data, sink, options);
        EXPECT_TRUE(result.ok);
        EXPECT_EQ(result.edges, data.edges.size());
        for (const auto& id : data.ids) ids.intern(id);
        for (const auto& [u, v] : data.edges) w.edges.emplace_back(data.ids[u], data.ids[v]);
        weighted = weighted || !data.weights.empty();
        range_weights.push_back(data.weights);
        range_edges.push_back(data.edges.size());
        const auto d = formatted(sink, lines_before);
        w.diagnostics.insert(w.diagnostics.end(), d.begin(), d.end());
        w.skipped += result.skipped;
        lines_before += result.lines;
    }
    w.ids = ids.ids;
    if (weighted)
        for (std::size_t r = 0; r < ranges; ++r) {
            if (range_weights[r].empty()) range_weights[r].assign(range_edges[r], 1.0);
            w.weights.insert(w.weights.end(), range_weights[r].begin(), range_weights[r].end());
        }
    return w;
}

void expect_ranges_equal_whole(const std::string& path, const EdgeListOptions& options = {}) {
    const Whole whole = read_whole(path, options);
    for (std::size_t ranges = 1; ranges <= 7; ++ranges) {
        SCOPED_TRACE("ranges = " + std::to_string(ranges));
        const Whole split = read_in_ranges(path, ranges, options);
        EXPECT_EQ(split.ids, whole.ids);
        EXPECT_EQ(split.edges, whole.edges);
        EXPECT_EQ(split.weights, whole.weights);
        EXPECT_EQ(split.diagnostics, whole.diagnostics);
        EXPECT_EQ(split.skipped, whole.skipped);
    }
}

}  // namespace

TEST(EdgeListRanges, HeaderCommentsWeightsAndBadLinesReadAsAWhole) {
    // A byte-order mark, a header, CRLF lines, comments, blank lines, weights on some lines,
    // bad lines of each kind, arXiv ids with versions, and no newline at the end.
    std::string text = "\xEF\xBB\xBF" "citing\tcited\r\n# comment\r\n";
    for (int i = 0; i < 400; ++i) {
        text += "p" + std::to_string(i % 31) + "\tp" + std::to_string((i * 7) % 29);
        if (i % 3 == 0) text += "\t" + std::to_string(i % 5) + ".5";
        text += i % 2 ? "\r\n" : "\n";
        if (i % 50 == 7) text += "only-one-field\n";
        if (i % 70 == 9) text += "a\tb\t-1\n";
        if (i % 90 == 1) text += "\n% comment\n\t\n";
        if (i % 60 == 3) text += "hep-th/9901001v2\t2101.00001v3\n";
    }
    text += "last\tline";
    const std::string path = write_file("mixed.tsv", text);
    EXPECT_GE(read_whole(path, {}).diagnostics.size(), 10u);  // the bad lines are there to be compared
    expect_ranges_equal_whole(write_file("mixed.tsv", text));
    EdgeListOptions cited_first;
    cited_first.order = ColumnOrder::CitedCiting;
    expect_ranges_equal_whole(write_file("mixed.tsv", text), cited_first);
}

TEST(EdgeListRanges, CommaAndSpaceSeparatorsAndALongLeadingComment) {
    // The separator comes from the first data line, which lies beyond most ranges' starts.
    std::string comma = std::string(3000, '#') + "\n";
    for (int i = 0; i < 300; ++i) comma += std::to_string(i % 17) + "," + std::to_string(i % 13) + "\n";
    expect_ranges_equal_whole(write_file("comma.csv", comma));
    std::string spaces = "% header comment\n";
    for (int i = 0; i < 300; ++i) spaces += std::to_string(i % 17) + "   " + std::to_string(i % 13) + " \n";
    expect_ranges_equal_whole(write_file("spaces.txt", spaces));
}

TEST(EdgeListRanges, NoDataLineAtAll) {
    const std::string path = write_file("comments.tsv", "# one\n# two\n\n");
    const Whole split = read_in_ranges(path, 3, {});
    EXPECT_TRUE(split.edges.empty());
    EXPECT_TRUE(split.ids.empty());
}

// for_each_line checks a line's length only at its 1 MiB block ends; the range reader applies
// the same rule, so that a line a little over the limit passes or fails alike.
TEST(EdgeListRanges, LineLengthRuleAtBlockEndsMatchesTheWholeFileReader) {
    EdgeListOptions options;
    options.max_line_bytes = 1000;
    std::string text;
    int i = 0, long_lines = 0;
    while (text.size() < 3 * kLineBlockBytes + 5000) {
        ++i;
        // Every 97th line is 1500 bytes: over the limit, but an error only where a block end
        // falls more than 1000 bytes into it.
        if (i % 97 == 0 && ++long_lines)
            text += "x" + std::string(1500, 'y') + "\tz\n";
        else
            text += "v" + std::to_string(i % 1000) + "\tw" + std::to_string(i % 777) + "\n";
    }
    text += std::string(2000, 'u');  // an unterminated last line over the limit: an error
    const std::string path = write_file("long.tsv", text);
    const Whole whole = read_whole(path, options);
    std::size_t errors = 0;
    for (const auto& d : whole.diagnostics) errors += d.find("E-LINE-LENGTH") != std::string::npos;
    // Some long lines straddle a block end far enough to fail, the others pass; plus the last.
    EXPECT_GE(errors, 2u);
    EXPECT_LT(errors, static_cast<std::size_t>(long_lines));
    expect_ranges_equal_whole(path, options);
}
