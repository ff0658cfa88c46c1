// `citegraph map` end to end: the real binary on the shared digests, the example, cit-HepTh
// and a digest of hostile strings. SVGs are read by xmllint and Python's xml.etree.
#include "graph/load.hpp"
#include "output/svg_render.hpp"
#include "tests/map/map_test_util.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <set>

namespace citegraph {
namespace {

using namespace citegraph::map_testing;

const std::string kBinary = CITEGRAPH_BINARY;

std::string shared(const std::string& rel) { return std::string(CITEGRAPH_SHARED_DIR) + "/" + rel; }

test::CommandRun citegraph(const std::string& args) { return run_command(shell_quote(kBinary) + " " + args + " 2>&1"); }

// Runs `map ARGS -o FILE` and returns the SVG summary after checking well-formedness.
nlohmann::json map_svg(const std::string& args, const std::string& svg) {
    const auto r = citegraph("map " + args + " -o " + shell_quote(svg));
    EXPECT_EQ(r.status, 0) << r.out;
    if (have_program("xmllint")) {
        EXPECT_EQ(xmllint_errors(svg), "") << svg;
    }
    return svg_summary(svg);
}

std::vector<std::string> ids_with_edge(const graph::KnowledgeGraph& kg, std::initializer_list<graph::EdgeKind> kinds, bool target) {
    std::set<std::string> ids;
    for (auto [e, end] = boost::edges(kg.g()); e != end; ++e) {
        if (std::find(kinds.begin(), kinds.end(), kg[*e].kind) == kinds.end()) continue;
        const auto v = target ? boost::target(*e, kg.g()) : boost::source(*e, kg.g());
        if (kg[v].kind == graph::NodeKind::Paper) ids.insert(kg[v].key);
    }
    return {ids.begin(), ids.end()};
}

TEST(MapCli, TopicMapOf2024_05ShowsEveryClassifiedPaper) {
    const auto digest = shared("digests/2024-05.md");
    if (!std::filesystem::exists(digest)) GTEST_SKIP() << "skipped: no shared data";
    const auto loaded = graph::load_inputs({digest});
    const auto classified = ids_with_edge(loaded.graph, {graph::EdgeKind::ClassifiedAs}, false);
    ASSERT_GT(classified.size(), 50u);
    Scratch dir;
    const auto s = map_svg("--kind topic " + shell_quote(digest), dir.file("map.svg"));
    for (const auto& id : classified) EXPECT_TRUE(contains(s["node_titles"], id)) << id << " is missing from the topic map";
    EXPECT_TRUE(contains(s["texts"], "Topic map \u2014 2024-05"));
    EXPECT_TRUE(contains(s["texts"], "SOTA highlight (double border)"));
    EXPECT_EQ(s["scripts"], 0);
    // Every topic with a paper below it is a cluster box.
    EXPECT_GE(s["clusters"].get<int>(), 20);
    const std::string svg = read_file(dir.file("map.svg"));
    EXPECT_NE(svg.find("font-family=\"DejaVu Sans"), std::string::npos);
    EXPECT_NE(svg.find("<title>topic map</title>"), std::string::npos);
}

TEST(MapCli, GapsMapShowsEveryGapIdeaAndReliedOnPaper) {
    const auto digest = shared("digests/2024-05.md");
    if (!std::filesystem::exists(digest)) GTEST_SKIP() << "skipped: no shared data";
    const auto loaded = graph::load_inputs({digest});
    const auto& kg = loaded.graph;
    Scratch dir;
    const auto s = map_svg("--kind gaps " + shell_quote(digest), dir.file("gaps.svg"));
    for (auto v : kg.vertices(graph::NodeKind::Gap)) EXPECT_TRUE(contains(s["node_titles"], "gap:" + kg[v].key));
    for (auto v : kg.vertices(graph::NodeKind::Idea)) EXPECT_TRUE(contains(s["node_titles"], "idea:" + kg[v].key));
    const auto papers = ids_with_edge(kg, {graph::EdgeKind::Mentions, graph::EdgeKind::BuildsOn}, true);
    ASSERT_FALSE(papers.empty());
    for (const auto& id : papers) EXPECT_TRUE(contains(s["node_titles"], id)) << id;
    EXPECT_EQ(s["nodes"].get<std::size_t>(), kg.count(graph::NodeKind::Gap) + kg.count(graph::NodeKind::Idea) + papers.size());
    EXPECT_EQ(s["edges"].get<std::size_t>(), kg.count(graph::EdgeKind::Mentions) + kg.count(graph::EdgeKind::BuildsOn) +
                                                 kg.count(graph::EdgeKind::RelatedTo) + kg.count(graph::EdgeKind::Addresses));
    // Vietnamese gap titles arrive as text.
    bool vietnamese = false;
    for (const auto& t : s["texts"]) vietnamese = vietnamese || t.get<std::string>().find("Tích hợp") != std::string::npos;
    EXPECT_TRUE(vietnamese);
}

TEST(MapCli, ClustersMapMatchesTheClustersCommand) {
    const auto digest = shared("digests/2024-05.md");
    if (!std::filesystem::exists(digest)) GTEST_SKIP() << "skipped: no shared data";
    const auto listing = citegraph("clusters --json -q --projection mentions --seed 42 " + shell_quote(digest));
    ASSERT_EQ(listing.status, 0) << listing.out;
    const auto clusters = nlohmann::json::parse(listing.out);
    Scratch dir;
    const auto s = map_svg("--kind clusters --seed 42 " + shell_quote(digest), dir.file("clusters.svg"));
    int drawn = 0;
    for (const auto& c : clusters["clusters"]) {
        if (c["size"].get<int>() < 2) continue;
        ++drawn;
        EXPECT_TRUE(contains(s["cluster_tooltips"], "Cluster " + std::to_string(c["id"].get<int>()) + ": " + c["label"].get<std::string>()))
            << c["label"];
        for (const auto& m : c["members"]) EXPECT_TRUE(contains(s["node_titles"], m.get<std::string>())) << m;
    }
    EXPECT_GT(drawn, 2);
    EXPECT_GE(s["clusters"].get<int>(), drawn);
}

TEST(MapCli, CitationMapOfHepThAggregatesBeyondTheTopPapers) {
    const auto edges = shared("data/cit-hepth/edges.tsv.gz");
    const auto papers = shared("data/cit-hepth/papers.jsonl.gz");
    if (!std::filesystem::exists(edges)) GTEST_SKIP() << "skipped: no shared data";
    Scratch dir;
    const auto start = std::chrono::steady_clock::now();
    const auto s = map_svg("--kind citations --top 300 " + shell_quote(edges) + " " + shell_quote(papers), dir.file("hepth.svg"));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // Reported, never asserted: the machine is shared.
    std::cout << "[ time     ] citegraph map --kind citations of cit-HepTh (27,770 papers), sfdp, SVG: " << seconds << " s\n";
    std::size_t top = 0, aggregates = 0;
    std::set<std::string> titles;
    for (const auto& t : s["node_titles"]) {
        const auto title = t.get<std::string>();
        titles.insert(title);
        (title.rfind("cluster:", 0) == 0 ? aggregates : top)++;
    }
    EXPECT_EQ(top, 300u);
    EXPECT_GE(aggregates, 1u);
    EXPECT_LE(s["nodes"].get<std::size_t>(), 300u + aggregates);
    EXPECT_GT(s["edges"].get<int>(), 300);
    // The drawn papers are the top of `rank --by pagerank` (allowing ties at the cut).
    const auto rank = citegraph("rank --by pagerank --top 290 --json -q " + shell_quote(edges));
    ASSERT_EQ(rank.status, 0) << rank.out.substr(0, 500);
    for (const auto& row : nlohmann::json::parse(rank.out)) EXPECT_TRUE(titles.count(row["id"].get<std::string>())) << row["id"];
}

TEST(MapCli, HostileLabelsStayTextAndInjectNothing) {
    const std::string digest = std::string(CITEGRAPH_TEST_DATA) + "/digests/hostile-map.md";
    Scratch dir;
    // Expected node counts, by hand from the fixture: the topic map draws the 4 classified
    // papers; the gaps map the 2 gaps, the 1 idea and the 4 papers they cite.
    for (const auto& [kind, expected] : {std::pair<std::string, std::size_t>{"topic", 4}, {"gaps", 7}}) {
        const std::string dot = dir.file(kind + ".dot");
        ASSERT_EQ(citegraph("map -q --kind " + kind + " " + shell_quote(digest) + " -o " + shell_quote(dot)).status, 0);
        EXPECT_EQ(output::count_dot_nodes(read_file(dot)), expected) << kind;
        if (have_program("dot")) {
            const auto canon = run_command("dot -Tcanon " + shell_quote(dot) + " 2>&1");
            EXPECT_EQ(canon.status, 0) << canon.out;
            EXPECT_EQ(canon.out.find("\tx ->"), std::string::npos) << "an injected edge statement reached Graphviz";
        }
        const auto s = map_svg("--kind " + kind + " " + shell_quote(digest), dir.file(kind + ".svg"));
        EXPECT_EQ(s["nodes"].get<std::size_t>(), expected) << kind;
        EXPECT_EQ(s["scripts"], 0) << kind;
        EXPECT_EQ(s["event_attributes"], 0) << kind;
        EXPECT_FALSE(contains(s["node_titles"], "x")) << kind;
        EXPECT_FALSE(contains(s["node_titles"], "y")) << kind;
    }
    // The hostile topic name arrives intact, as text, in its cluster's tooltip.
    const auto topic = svg_summary(dir.file("topic.svg"));
    EXPECT_TRUE(contains(topic["cluster_tooltips"], "<script>alert(\"topic\")</script> & \"Quotes\""));
    const std::string raw = read_file(dir.file("topic.svg"));
    EXPECT_EQ(raw.find("<script"), std::string::npos);
    // Graphviz's escapes (\N, \G, \L) stay literal text.
    EXPECT_TRUE(contains(topic["texts"], "Back\\slash \\N \\G \\L topic"));
}

TEST(MapCli, SameInputSameBytes) {
    const std::string digest = std::string(CITEGRAPH_TEST_DATA) + "/digests/hostile-map.md";
    Scratch dir;
    for (const std::string kind : {"topic", "gaps", "clusters"}) {
        for (const std::string ext : {".dot", ".svg"}) {
            const auto a = dir.file(kind + "-a" + ext), b = dir.file(kind + "-b" + ext);
            ASSERT_EQ(citegraph("map -q --kind " + kind + " " + shell_quote(digest) + " -o " + shell_quote(a)).status, 0);
            ASSERT_EQ(citegraph("map -q --kind " + kind + " " + shell_quote(digest) + " -o " + shell_quote(b)).status, 0);
            EXPECT_EQ(read_file(a), read_file(b)) << kind << ext;
            EXPECT_FALSE(read_file(a).empty());
        }
    }
    // The bundled example (no input), through every default engine's path.
    const auto a = dir.file("example-a.svg"), b = dir.file("example-b.svg");
    ASSERT_EQ(citegraph("map -q -o " + shell_quote(a)).status, 0);
    ASSERT_EQ(citegraph("map -q -o " + shell_quote(b)).status, 0);
    EXPECT_EQ(read_file(a), read_file(b));
    EXPECT_EQ(svg_summary(a)["nodes"].get<int>() >= 60, true);
}

TEST(MapCli, FormatFollowsTheExtension) {
    Scratch dir;
    ASSERT_EQ(citegraph("map -q -o " + shell_quote(dir.file("m.gv"))).status, 0);
    const std::string dot = read_file(dir.file("m.gv"));
    EXPECT_EQ(dot.rfind("digraph \"topic map\" {", 0), 0u);
    // The DOT names its engine, so Graphviz's own `dot` command draws the same map.
    EXPECT_NE(dot.find("layout=\"osage\""), std::string::npos);
    const auto png = citegraph("map -q --kind gaps -o " + shell_quote(dir.file("m.png")));
    if (png.status != 0 && png.out.find("png") != std::string::npos) GTEST_SKIP() << "skipped: Graphviz has no png renderer here";
    ASSERT_EQ(png.status, 0) << png.out;
    EXPECT_EQ(read_file(dir.file("m.png")).substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

TEST(MapCli, OutputAndUsageErrors) {
    Scratch dir;
    const auto unwritable = citegraph("map -q -o " + shell_quote(dir.file("no/such/dir/map.svg")));
    EXPECT_EQ(unwritable.status, 3) << unwritable.out;
    EXPECT_NE(unwritable.out.find("error[E-OUTPUT]"), std::string::npos) << unwritable.out;
    const auto extension = citegraph("map -q -o " + shell_quote(dir.file("map.xyz")));
    EXPECT_EQ(extension.status, 2) << extension.out;
    EXPECT_EQ(citegraph("map --engine nosuch -o x.svg").status, 2);
    EXPECT_EQ(citegraph("map --kind citations -o " + shell_quote(dir.file("c.svg"))).status, 2);
    EXPECT_FALSE(std::filesystem::exists(dir.file("c.svg")));
}

}  // namespace
}  // namespace citegraph
