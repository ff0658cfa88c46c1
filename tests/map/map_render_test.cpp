// Rendering through Graphviz's gvc in-process: well-formed SVG with every node, every engine,
// Graphviz's own errors and warnings captured, PNG, and the global lock under threads.
#include "output/map_dot.hpp"
#include "output/svg_render.hpp"
#include "tests/map/map_test_util.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

namespace citegraph::output {
namespace {

using namespace citegraph::map_testing;

// a -> b inside cluster "c", and a lone node with Vietnamese text.
std::string small_dot() {
    MapDocument doc;
    doc.name = "small";
    doc.clusters = {{"c", {{"label", "Cụm"}}, {"a", "b"}, {}}};
    doc.nodes = {{"a", {{"label", "Tích hợp"}, {"tooltip", "full <text> & more"}}}, {"b", {}}, {"lone", {{"fontname", "DejaVu Sans"}}}};
    doc.edges = {{"a", "b", {}}};
    std::ostringstream os;
    write_map_dot(os, doc);
    return os.str();
}

TEST(MapRender, SvgIsWellFormedAndHasEveryNode) {
    const auto result = render_dot(small_dot(), LayoutEngine::Dot);
    Scratch dir;
    write_file(dir.file("small.svg"), result.data);
    if (have_program("xmllint")) {
        EXPECT_EQ(xmllint_errors(dir.file("small.svg")), "");
    }
    const auto s = svg_summary(dir.file("small.svg"));
    ASSERT_TRUE(s.contains("nodes"));
    EXPECT_EQ(s["nodes"], 3);
    EXPECT_EQ(s["edges"], 1);
    EXPECT_EQ(s["clusters"], 1);
    EXPECT_TRUE(contains(s["node_titles"], "lone"));
    EXPECT_TRUE(contains(s["texts"], "Tích hợp"));
    EXPECT_TRUE(contains(s["texts"], "Cụm"));
    EXPECT_TRUE(result.messages.empty()) << result.messages.front();
}

TEST(MapRender, EveryEngineLaysOutTheGraph) {
    for (const auto& name : layout_engine_names()) {
        const auto engine = layout_engine_from_string(name);
        ASSERT_TRUE(engine.has_value()) << name;
        EXPECT_EQ(to_string(*engine), name);
        const auto result = render_dot(small_dot(), *engine);
        Scratch dir;
        write_file(dir.file("e.svg"), result.data);
        const auto s = svg_summary(dir.file("e.svg"));
        EXPECT_EQ(s.value("nodes", -1), 3) << name;
    }
    EXPECT_FALSE(layout_engine_from_string("patchwork-not").has_value());
}

TEST(MapRender, GraphvizErrorsAreCapturedAndTheNextRenderWorks) {
    try {
        render_dot("digraph { a -> ; }", LayoutEngine::Dot);
        FAIL() << "a syntax error was accepted";
    } catch (const RenderError& e) {
        ASSERT_FALSE(e.messages.empty());
        std::string all;
        for (const auto& m : e.messages) all += m + "\n";
        EXPECT_NE(all.find("syntax error"), std::string::npos) << all;
    }
    // The parser recovers: the next graph renders.
    EXPECT_EQ(count_dot_nodes(small_dot()), 3u);
    EXPECT_NE(render_dot(small_dot(), LayoutEngine::Dot).data.find("</svg>"), std::string::npos);
}

TEST(MapRender, GraphvizWarningsAreReturned) {
    const auto result = render_dot("digraph w { a [shape=nosuchshape]; }", LayoutEngine::Dot);
    std::string all;
    for (const auto& m : result.messages) all += m + "\n";
    EXPECT_NE(all.find("nosuchshape"), std::string::npos) << all;
    EXPECT_EQ(all.find('\n'), all.size() - 1) << "one message expected, got:\n" << all;
}

TEST(MapRender, UnknownFormatIsAnError) { EXPECT_THROW(render_dot(small_dot(), LayoutEngine::Dot, "no-such-format"), RenderError); }

TEST(MapRender, PngThroughCairo) {
    try {
        const auto png = render_dot(small_dot(), LayoutEngine::Dot, "png");
        ASSERT_GT(png.data.size(), 8u);
        EXPECT_EQ(png.data.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    } catch (const RenderError& e) {
        GTEST_SKIP() << "skipped: Graphviz has no png renderer here (" << e.what() << ")";
    }
}

TEST(MapRender, ConcurrentRendersGiveTheSameBytes) {
    // Graphviz is not thread-safe; the global lock makes concurrent callers safe.
    const std::string dot = small_dot();
    const std::string expected = render_dot(dot, LayoutEngine::Fdp).data;
    std::vector<std::string> got(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < got.size(); ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 3; ++i) got[t] = render_dot(dot, LayoutEngine::Fdp).data;
        });
    for (auto& th : threads) th.join();
    for (const auto& g : got) EXPECT_EQ(g, expected);
}

}  // namespace
}  // namespace citegraph::output
