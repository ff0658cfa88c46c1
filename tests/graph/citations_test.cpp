// Edge lists and JSON-lines metadata. Expected values by hand from the inline files.
#include "graph/load.hpp"
#include "graph/parse/citations.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

using namespace citegraph::graph;

namespace {

class TempDir {
public:
    TempDir() : path_(std::filesystem::temp_directory_path() / ("citegraph-cit-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++))) {
        std::filesystem::create_directories(path_);
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    std::string write(const std::string& name, const std::string& bytes) const {
        const auto p = (path_ / name).string();
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }
    std::string write_gz(const std::string& name, const std::string& bytes) const {
        const auto p = (path_ / name).string();
        gzFile f = gzopen(p.c_str(), "wb");
        gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
        gzclose(f);
        return p;
    }

private:
    static inline int counter_ = 0;
    std::filesystem::path path_;
};

std::vector<std::pair<std::string, std::string>> named_edges(const CitationData& d) {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto [u, v] : d.edges) out.emplace_back(d.ids[u], d.ids[v]);
    return out;
}

}  // namespace

TEST(EdgeList, TabCommentsAndHeader) {
    TempDir dir;
    auto path = dir.write("e.tsv", "# a comment\nciting\tcited\n1001\t2002\n% other comment\n\n2002\t3003\n");
    CitationData d;
    DiagnosticSink sink;
    EXPECT_EQ(read_edge_list(path, d, sink), 2u);
    EXPECT_TRUE(sink.all().empty());
    EXPECT_EQ(named_edges(d), (std::vector<std::pair<std::string, std::string>>{{"1001", "2002"}, {"2002", "3003"}}));
    EXPECT_EQ(d.edge_lines, (std::vector<std::uint32_t>{3, 6}));
    EXPECT_TRUE(d.weights.empty());
}

TEST(EdgeList, CommaSpaceWeightsAndColumnOrder) {
    TempDir dir;
    CitationData d;
    DiagnosticSink sink;
    EdgeListOptions reversed;
    reversed.order = ColumnOrder::CitedCiting;  // as Cora's cora.cites
    read_edge_list(dir.write("a.csv", "a,b\nb,c,2.5\n"), d, sink);
    read_edge_list(dir.write("b.txt", "x   y\n"), d, sink, reversed);
    EXPECT_TRUE(sink.all().empty());
    EXPECT_EQ(named_edges(d), (std::vector<std::pair<std::string, std::string>>{{"a", "b"}, {"b", "c"}, {"y", "x"}}));
    EXPECT_EQ(d.weights, (std::vector<double>{1.0, 2.5, 1.0}));
}

TEST(EdgeList, GzipIsReadDirectlyAndArxivIdsNormalize) {
    TempDir dir;
    CitationData d;
    DiagnosticSink sink;
    EXPECT_EQ(read_edge_list(dir.write_gz("e.tsv.gz", "2405.10300v2\thep-th/9901001\n"), d, sink), 1u);
    EXPECT_EQ(named_edges(d), (std::vector<std::pair<std::string, std::string>>{{"2405.10300", "hep-th/9901001"}}));
}

TEST(EdgeList, BadLinesAreReportedWithPositionAndCounted) {
    TempDir dir;
    CitationData d;
    DiagnosticSink sink;
    auto path = dir.write("e.tsv", "1\t2\nlonely\n3\t4\tnan\n5\t6\t-1\n7\t8\t9\t10\n11\t12\n");
    EXPECT_EQ(read_edge_list(path, d, sink), 2u);
    ASSERT_EQ(sink.all().size(), 5u);
    EXPECT_EQ(format(sink.all()[0]), path + ":2:1: warning[W-EDGE-LINE]: expected 2 or 3 fields, found 1; line skipped");
    EXPECT_EQ(format(sink.all()[1]), path + ":3:5: warning[W-EDGE-LINE]: weight 'nan' is not a finite non-negative number; line skipped");
    EXPECT_EQ(sink.all()[2].line, 4);
    EXPECT_EQ(sink.all()[3].line, 5);
    EXPECT_EQ(format(sink.all()[4]), path + ": warning[W-EDGE-SKIPPED]: 4 line(s) skipped");
    EXPECT_EQ(d.skipped_lines, 4u);
    EXPECT_FALSE(sink.has_errors());
}

TEST(EdgeList, NoEdgesAndMissingFileAreErrors) {
    TempDir dir;
    CitationData d;
    DiagnosticSink sink;
    read_edge_list(dir.write("e.tsv", "# only a comment\n"), d, sink);
    ASSERT_TRUE(sink.has_errors());
    EXPECT_EQ(sink.all().back().code, "E-NO-EDGES");
    DiagnosticSink sink2;
    read_edge_list("/nonexistent/e.tsv", d, sink2);
    EXPECT_EQ(sink2.all().at(0).code, "E-IO");
}

TEST(PaperMetadata, JsonLinesWithBadAndDeepLines) {
    TempDir dir;
    std::string deep(200, '[');
    deep += std::string(200, ']');
    auto path = dir.write("p.jsonl", "{\"id\": \"0001001\", \"title\": \"T\", \"abstract\": \"A\", \"date\": \"2000\"}\n"
                                     "not json\n{\"title\": \"no id\"}\n" + deep + "\n{\"id\": 42}\n");
    CitationData d;
    DiagnosticSink sink;
    EXPECT_EQ(read_paper_metadata(path, d, sink), 2u);
    EXPECT_EQ(d.metadata.at("0001001").title, "T");
    EXPECT_EQ(d.metadata.at("0001001").abstract, "A");
    EXPECT_TRUE(d.metadata.count("42"));
    EXPECT_EQ(d.skipped_lines, 3u);
    EXPECT_EQ(sink.all().at(0).line, 2);
    EXPECT_EQ(sink.all().at(2).message, "JSON nested deeper than 64 levels; line skipped");
}

TEST(LoadCitations, MergedIntoTheTypedGraphWithProvenance) {
    TempDir dir;
    auto edges = dir.write("e.tsv", "1\t2\n1\t2\n2\t3\n");
    auto meta = dir.write("p.jsonl", "{\"id\": \"2\", \"title\": \"Two\"}\n");
    auto loaded = load_inputs({edges, meta});
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded.citations.edges.size(), 3u);  // as read, duplicates kept
    merge_citations(loaded);
    EXPECT_EQ(loaded.graph.count(NodeKind::Paper), 3u);
    EXPECT_EQ(loaded.graph.count(EdgeKind::Cites), 2u);  // one edge per pair, both lines in its provenance
    auto v1 = *loaded.graph.find(NodeKind::Paper, "1");
    auto v2 = *loaded.graph.find(NodeKind::Paper, "2");
    auto e = loaded.graph.find_edge(v1, v2, EdgeKind::Cites);
    ASSERT_TRUE(e);
    EXPECT_EQ(loaded.graph[*e].seen.size(), 2u);
    EXPECT_EQ(loaded.graph[*e].seen[1].line, 2);
    EXPECT_EQ(loaded.graph[v2].paper().title, "Two");
    EXPECT_EQ(loaded.graph[v2].label, "Two");
}

// Lines of bare digits take a fast path (no per-field strings); it must read exactly what the
// general path reads: the same ids (leading zeros kept: "007" and "7" are different papers),
// the same edges, lines and weights, and every other line still goes through the general path.
TEST(EdgeList, DigitLinesReadLikeAnyOtherLine) {
    TempDir dir;
    CitationData d;
    DiagnosticSink sink;
    const std::string text =
        "citing\tcited\n"         // 1: header (general path)
        "7\t007\n"                // 2: fast: two distinct ids
        "007\t7\r\n"              // 3: fast, CRLF
        " 7\t8\n"                 // 4: leading space: general path, same id 7
        "8\t9\t2.5\n"             // 5: a weight: general path; weights start here
        "9\t10\n"                 // 6: fast, weight 1 appended
        "10\tx1\n"                // 7: a non-digit id: general path
        "123456789012345678\t1\n" // 8: 18 digits: too long for the digit key, general path
        "1\t12a\n"                // 9: general path
        "5\t\n"                   // 10: empty field: skipped with a warning
        "\xff\t3\n";              // 11: invalid UTF-8: skipped
    EXPECT_EQ(read_edge_list(dir.write("d.tsv", text), d, sink), 8u);
    EXPECT_EQ(named_edges(d), (std::vector<std::pair<std::string, std::string>>{{"7", "007"},
                                                                              {"007", "7"},
                                                                              {"7", "8"},
                                                                              {"8", "9"},
                                                                              {"9", "10"},
                                                                              {"10", "x1"},
                                                                              {"123456789012345678", "1"},
                                                                              {"1", "12a"}}));
    EXPECT_EQ(d.ids, (std::vector<std::string>{"7", "007", "8", "9", "10", "x1", "123456789012345678", "1", "12a"}));
    EXPECT_EQ(d.edge_lines, (std::vector<std::uint32_t>{2, 3, 4, 5, 6, 7, 8, 9}));
    EXPECT_EQ(d.weights, (std::vector<double>{1.0, 1.0, 1.0, 2.5, 1.0, 1.0, 1.0, 1.0}));
    EXPECT_EQ(d.skipped_lines, 2u);
    ASSERT_EQ(sink.all().size(), 3u);  // two W-EDGE-LINE and the W-EDGE-SKIPPED summary
    EXPECT_EQ(sink.all()[0].code, "W-EDGE-LINE");
    EXPECT_EQ(sink.all()[0].line, 10);
    EXPECT_EQ(sink.all()[1].line, 11);
    // Both indexes answer for the ids they hold, and an id interned later is found again.
    ASSERT_NE(d.find("007"), nullptr);
    EXPECT_EQ(*d.find("007"), 1u);
    EXPECT_EQ(*d.find("x1"), 5u);
    EXPECT_EQ(d.find("0007"), nullptr);
    EXPECT_EQ(d.intern("10"), 4u);
    EXPECT_EQ(d.intern("123456789012345678"), 6u);
}

TEST(EdgeList, DigitIdIndexKeepsLargeAndSmallIdsApart) {
    // Values below the direct-array limit and above it, with and without leading zeros.
    CitationData d;
    const std::vector<std::string> ids = {"0", "00", "4194303", "4194304", "04194303", "99999999999999999", "1", "01"};
    for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(d.intern(ids[i]), i) << ids[i];
    for (std::size_t i = 0; i < ids.size(); ++i) {
        ASSERT_NE(d.find(ids[i]), nullptr) << ids[i];
        EXPECT_EQ(*d.find(ids[i]), i) << ids[i];
    }
    EXPECT_EQ(d.ids, ids);
}

TEST(EdgeList, ProvenanceCanBeLeftOut) {
    TempDir dir;
    CitationData d;
    DiagnosticSink sink;
    EdgeListOptions lean;
    lean.provenance = false;
    EXPECT_EQ(read_edge_list(dir.write("p.tsv", "1\t2\n2\t3\n"), d, sink, lean), 2u);
    EXPECT_EQ(d.edges.size(), 2u);
    EXPECT_TRUE(d.edge_lines.empty());
    EXPECT_TRUE(d.edge_files.empty());
}
