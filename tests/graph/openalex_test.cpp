// OpenAlex works (JSON lines) on tests/data/openalex/works.jsonl, a hand-written sample in the
// shape the OpenAlex documentation gives for a Work. Every expected value below was counted by
// hand from that file (its lines are numbered 1..9 in the comments).
#include "graph/parse/openalex.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <unistd.h>

using namespace citegraph::graph;

namespace {

const std::string kSample = CITEGRAPH_TEST_DATA "/openalex/works.jsonl";

struct Read {
    CitationData data;
    OpenAlexData openalex;
    DiagnosticSink sink;
    std::size_t works = 0;
};

Read read_sample() {
    Read r;
    r.works = read_openalex_works(kSample, r.data, r.openalex, r.sink);
    return r;
}

std::set<std::pair<std::string, std::string>> distinct_edges(const CitationData& d) {
    std::set<std::pair<std::string, std::string>> out;
    for (auto [a, b] : d.edges) out.emplace(d.ids[a], d.ids[b]);
    return out;
}

std::vector<std::string> codes(const DiagnosticSink& sink) {
    std::vector<std::string> out;
    for (const auto& d : sink.all()) out.push_back(d.code + "@" + std::to_string(d.line));
    return out;
}

}  // namespace

TEST(OpenAlex, ShortIds) {
    EXPECT_EQ(openalex_short_id("https://openalex.org/W2741809807"), "W2741809807");
    EXPECT_EQ(openalex_short_id("W42"), "W42");
    EXPECT_EQ(openalex_short_id("https://openalex.org/A5000000001"), "");  // an author, not a work
    EXPECT_EQ(openalex_short_id("W12x"), "");
    EXPECT_EQ(openalex_short_id(""), "");
}

TEST(OpenAlex, SampleWorksEdgesAndDanglingReferences) {
    const auto r = read_sample();
    // Lines 1-6 and 9 are work records (9 repeats W1000000003); 7 is not JSON, 8 has no id.
    EXPECT_EQ(r.works, 7u);
    EXPECT_EQ(r.openalex.duplicate_works, 1u);
    EXPECT_EQ(r.openalex.skipped_lines, 2u);
    // 9 references in all: line 1 has 3, line 2 has 1, line 4 has 4 (one repeated), line 9 has 1;
    // line 6's is not a list.
    EXPECT_EQ(r.data.edges.size(), 9u);
    // W1000000001 has an arXiv DOI, so it is the paper 2405.10300, also where others cite it.
    const std::set<std::pair<std::string, std::string>> expected = {
        {"2405.10300", "W1000000002"}, {"2405.10300", "W1000000003"}, {"2405.10300", "W9999999901"},
        {"W1000000002", "W1000000003"}, {"W1000000004", "2405.10300"},  {"W1000000004", "W1000000002"},
        {"W1000000004", "W9999999902"}, {"W1000000003", "W1000000002"}};
    EXPECT_EQ(distinct_edges(r.data), expected);
    // Two works are cited but have no record: kept, counted, reported.
    EXPECT_EQ(r.openalex.dangling_works, 2u);
    EXPECT_EQ(r.openalex.dangling_references, 2u);
    // 6 works with records + 2 dangling = 8 papers; no id is lost or invented.
    EXPECT_EQ(r.data.ids.size(), 8u);
    EXPECT_EQ(r.data.index.count("W1000000001"), 0u);
    EXPECT_EQ(r.data.index.count("2405.10300"), 1u);
    // Edge provenance: the line each reference came from.
    ASSERT_EQ(r.data.edge_lines.size(), r.data.edges.size());
    EXPECT_EQ(r.data.edge_lines.front(), 1u);
    EXPECT_EQ(r.data.edge_lines.back(), 9u);
}

TEST(OpenAlex, SampleMetadata) {
    const auto r = read_sample();
    const auto& first = r.data.metadata.at("2405.10300");
    EXPECT_EQ(first.title, "Grounding DINO 1.5: Advance the Edge of Open-Set Object Detection");
    EXPECT_EQ(first.date, "2024-05-16");
    EXPECT_EQ(first.authors, "Tianhe Ren");
    EXPECT_EQ(first.abstract, "We present an open-set detector that runs on edge devices.");
    // Line 2: words listed out of order, "as" at two positions.
    EXPECT_EQ(r.data.metadata.at("W1000000002").abstract, "Object as posed detection as set prediction.");
    EXPECT_EQ(r.data.metadata.at("W1000000002").date, "2020");
    // Line 3: a null inverted index is an absent abstract; line 9's second title is not taken.
    EXPECT_EQ(r.data.metadata.at("W1000000003").abstract, "");
    EXPECT_EQ(r.data.metadata.at("W1000000003").title, "Deep residual learning for image recognition");
    // Line 5: display_name stands in for a missing title.
    EXPECT_EQ(r.data.metadata.at("W1000000005").title, "A work written with a short id and no references field");
    // Line 4 has no title at all: the paper exists without one.
    EXPECT_EQ(r.data.metadata.at("W1000000004").title, "");
    EXPECT_EQ(r.data.metadata.count("W9999999901"), 0u);
}

TEST(OpenAlex, SampleTopicsFormATree) {
    const auto r = read_sample();
    std::vector<std::string> keys;
    for (const auto& t : r.openalex.topics) keys.push_back(t.key);
    // Line 1: domain, field, subfield, topic; line 2 adds a topic without its parents;
    // line 3 has no topics, so its two level-1/2 concepts are read and the level-2 one dropped.
    const std::vector<std::string> expected = {"openalex:domains/3", "openalex:fields/17", "openalex:subfields/1707",
                                               "openalex:T10036",    "openalex:T10627",    "openalex:C154945302"};
    EXPECT_EQ(keys, expected);
    EXPECT_EQ(r.openalex.topics[3].parent, "openalex:subfields/1707");
    EXPECT_EQ(r.openalex.topics[3].depth, 3);
    EXPECT_EQ(r.openalex.topics[2].parent, "openalex:fields/17");
    EXPECT_EQ(r.openalex.topics[0].parent, "");
    EXPECT_EQ(r.openalex.topics[4].parent, "");  // T10627's record names no subfield
    // Assignments: 2405.10300 -> T10036 (0.998), W2 -> T10036 (0.95) and T10627 (0.52),
    // W3 -> Artificial intelligence (0.58).
    ASSERT_EQ(r.openalex.assignments.size(), 4u);
    EXPECT_EQ(r.data.ids[r.openalex.assignments[0].work], "2405.10300");
    EXPECT_DOUBLE_EQ(r.openalex.assignments[0].score, 0.998);
    EXPECT_EQ(r.openalex.topics[r.openalex.assignments[3].topic].name, "Artificial intelligence");
}

TEST(OpenAlex, SampleDiagnosticsNameTheirLines) {
    const auto r = read_sample();
    const std::vector<std::string> expected = {"W-OPENALEX-LINE@6", "W-OPENALEX-LINE@7", "W-OPENALEX-LINE@8",
                                               "W-OPENALEX-LINE@9", "N-OPENALEX-DANGLING@0", "W-OPENALEX-SKIPPED@0"};
    EXPECT_EQ(codes(r.sink), expected);
    EXPECT_FALSE(r.sink.has_errors());
}

TEST(OpenAlex, HostileLinesAreSkippedNotFatal) {
    const auto dir = std::filesystem::temp_directory_path() / ("citegraph-openalex-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = (dir / "hostile.jsonl").string();
    {
        std::ofstream f(path);
        f << std::string(10000, '[') << '\n';                                                            // deep nesting
        f << R"({"id": "W1", "abstract_inverted_index": {"x": [4294967296, -1, 3]}})" << '\n';           // huge position
        f << R"({"id": "W2", "referenced_works": [1, null, "https://openalex.org/W1", {"id": "W3"}]})" << '\n';
        f << R"({"id": 7})" << '\n';
    }
    CitationData data;
    OpenAlexData openalex;
    DiagnosticSink sink;
    EXPECT_EQ(read_openalex_works(path, data, openalex, sink), 2u);
    EXPECT_EQ(data.metadata.at("W1").abstract, "x");
    EXPECT_EQ(distinct_edges(data), (std::set<std::pair<std::string, std::string>>{{"W2", "W1"}}));
    EXPECT_EQ(openalex.skipped_lines, 2u);
    std::filesystem::remove_all(dir);
}
