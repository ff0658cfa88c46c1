// The map DOT writer and the label helpers, without Graphviz: exact bytes for a hand-built
// document, refused documents, and labels cut without breaking characters.
#include "output/map_dot.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>

namespace citegraph::output {
namespace {

// Cluster "a" holds n1 and cluster "b" (holding n2); one node name tries to end the string
// and add an edge statement; it is one quoted name and nothing more.
MapDocument sample_document() {
    MapDocument doc;
    doc.name = "t\"est";
    doc.graph_attrs = {{"label", "<B>x</B>", true}, {"rankdir", "LR"}};
    doc.node_defaults = {{"shape", "box"}};
    doc.clusters = {{"a", {{"label", "Top & \"A\""}}, {"n1"}, {{"b", {}, {"n2"}, {}}}}};
    doc.nodes = {{"n1", {{"label", "one\ntwo"}}}, {"n2", {}}, {"evil\"]; x -> y [", {{"tooltip", "back\\slash"}}}};
    doc.edges = {{"n1", "evil\"]; x -> y [", {{"style", "dashed"}}}};
    return doc;
}

std::string dot_of(const MapDocument& doc) {
    std::ostringstream os;
    write_map_dot(os, doc);
    return os.str();
}

TEST(MapDot, WritesTheDocumentAsExpected) {
    // Expected text written by hand from the writer's contract (map_dot.hpp).
    const std::string expected =
        "digraph \"t\\\"est\" {\n"
        "  graph [label=<<B>x</B>>, rankdir=\"LR\"];\n"
        "  node [shape=\"box\"];\n"
        "  subgraph \"cluster_a\" {\n"
        "    graph [label=\"Top & \\\"A\\\"\"];\n"
        "    subgraph \"cluster_b\" {\n"
        "      \"n2\";\n"
        "    }\n"
        "    \"n1\";\n"
        "  }\n"
        "  \"n1\" [label=\"one\\ntwo\"];\n"
        "  \"n2\";\n"
        "  \"evil\\\"]; x -> y [\" [tooltip=\"back\\\\slash\"];\n"
        "  \"n1\" -> \"evil\\\"]; x -> y [\" [style=\"dashed\"];\n"
        "}\n";
    EXPECT_EQ(dot_of(sample_document()), expected);
    EXPECT_EQ(dot_of(sample_document()), dot_of(sample_document()));
}

TEST(MapDot, RefusesMalformedDocuments) {
    auto bad_key = sample_document();
    bad_key.nodes[0].attrs.push_back({"label]; x", "y"});
    EXPECT_THROW(dot_of(bad_key), std::invalid_argument);
    auto bad_edge = sample_document();
    bad_edge.edges.push_back({"n1", "missing", {}});
    EXPECT_THROW(dot_of(bad_edge), std::invalid_argument);
    auto twice = sample_document();
    twice.nodes.push_back({"n2", {}});
    EXPECT_THROW(dot_of(twice), std::invalid_argument);
    auto stray = sample_document();
    stray.clusters[0].node_ids.push_back("nowhere");
    EXPECT_THROW(dot_of(stray), std::invalid_argument);
}

TEST(MapDot, ShortLabelCutsAtWordsAndKeepsCharactersWhole) {
    // By hand: 24 code points, room for 9 + "…", no space in the last third of the kept part.
    EXPECT_EQ(short_label("Layer-Condensed KV Cache", 10), "Layer-Con\u2026");
    // A space at position 10 lies in the last third of 13 kept code points: cut there.
    EXPECT_EQ(short_label("Kolmogorov Arnold Networks", 14), "Kolmogorov\u2026");
    EXPECT_EQ(short_label("KAN", 14), "KAN");
    EXPECT_EQ(short_label("  a\n\n b\tc  ", 10), "a b c");
    // Decomposed Vietnamese "Việt": e + U+0302 + U+0323. A cut after 3 code points would
    // strand the marks; the cut moves before the "e".
    EXPECT_EQ(short_label("Vie\u0302\u0323t Nam", 4), "Vi\u2026");
    // Precomposed Vietnamese is one code point per letter.
    EXPECT_EQ(short_label("T\u00EDch h\u1EE3p Nh\u1EADn th\u1EE9c", 8), "T\u00EDch h\u1EE3\u2026");
    // Family emoji: man ZWJ woman ZWJ girl. The cut falls after the first ZWJ, which is dropped.
    EXPECT_EQ(short_label("ab\U0001F468\u200D\U0001F469\u200D\U0001F467cd", 5), "ab\U0001F468\u2026");
    // Ill-formed UTF-8 becomes U+FFFD, as everywhere in output/.
    EXPECT_EQ(short_label("a\xFFz", 10), "a\uFFFDz");
    EXPECT_THROW(short_label("abc", 1), std::invalid_argument);
}

TEST(MapDot, WrapLabelBreaksAtSpaces) {
    EXPECT_EQ(wrap_label("Mixture of Experts with Attention Router", 12), "Mixture of\nExperts with\nAttention\nRouter");
    EXPECT_EQ(wrap_label("Supercalifragilistic ab", 5), "Supercalifragilistic\nab");
    EXPECT_EQ(wrap_label("T\u00EDch h\u1EE3p Nh\u1EADn", 8), "T\u00EDch h\u1EE3p\nNh\u1EADn");
    EXPECT_EQ(wrap_label("", 8), "");
}

}  // namespace
}  // namespace citegraph::output
