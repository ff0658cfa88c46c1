// output::compute_visuals, the adapter from the analyses to the exports' sizes, colours,
// clusters and positions (graph_export.hpp), on the hostile digest and a hand-made edge list.
#include "output/graph_export.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace {

using citegraph::graph::NodeKind;
using citegraph::output::compute_visuals;
using citegraph::output::hex_color;

citegraph::graph::LoadResult load(const std::vector<std::string>& paths) {
    auto loaded = citegraph::graph::load_inputs(paths);
    citegraph::graph::merge_citations(loaded);
    return loaded;
}

TEST(Visuals, DigestSizesByInfluenceColoursByTopLevelTopic) {
    const auto loaded = load({std::string(CITEGRAPH_TEST_DATA) + "/digests/hostile.md"});
    ASSERT_TRUE(loaded.ok());
    std::string colored_by;
    const auto visuals = compute_visuals(loaded, {}, &colored_by);
    const auto& g = loaded.graph.g();
    ASSERT_EQ(visuals.size(), boost::num_vertices(g));
    EXPECT_EQ(colored_by, "topic");
    std::map<int, std::string> colour_of_cluster;
    int best = 0;
    for (std::size_t v = 0; v < visuals.size(); ++v) {
        const auto& vis = visuals[v];
        const auto kind = g[v].kind;
        // The documented sizes.
        if (kind == NodeKind::Paper) {
            EXPECT_DOUBLE_EQ(vis.size, 6.0 + 24.0 * vis.influence);
            EXPECT_GE(vis.influence_rank, 1);
            if (vis.influence_rank == 1) best = static_cast<int>(v);
        } else if (kind == NodeKind::Topic) {
            EXPECT_EQ(vis.size, g[v].topic().depth == 0 ? 20.0 : 14.0);
        } else {
            EXPECT_EQ(vis.size, 12.0);
        }
        if (kind == NodeKind::Gap) {
            EXPECT_EQ(hex_color(vis), "#d62728");
        }
        if (kind == NodeKind::Idea) {
            EXPECT_EQ(hex_color(vis), "#2ca02c");
        }
        // One colour per cluster; clusters from 1.
        EXPECT_GE(vis.cluster, 1);
        auto [it, added] = colour_of_cluster.try_emplace(vis.cluster, hex_color(vis));
        EXPECT_EQ(it->second, hex_color(vis)) << "cluster " << vis.cluster;
        EXPECT_GE(vis.x, 0.0);
        EXPECT_LE(vis.x, 1000.0);
    }
    // The best-ranked paper has the largest paper size (influence 1 -> 30).
    EXPECT_DOUBLE_EQ(visuals[best].size, 30.0);
    // Two top-level topics (the script one and the Arabic one), then the gap and idea groups.
    EXPECT_EQ(colour_of_cluster.size(), 4u);
    // 2401.00001 sits under the first root, 2401.00004 under the second: different colours.
    const auto p1 = *loaded.graph.find(NodeKind::Paper, "2401.00001");
    const auto p4 = *loaded.graph.find(NodeKind::Paper, "2401.00004");
    EXPECT_EQ(visuals[p1].group, "<script>alert(1)</script> Models & \"Quoted\" Things");
    EXPECT_NE(visuals[p1].cluster, visuals[p4].cluster);
    // Deterministic.
    const auto again = compute_visuals(loaded, {});
    for (std::size_t v = 0; v < visuals.size(); ++v) {
        EXPECT_EQ(visuals[v].x, again[v].x);
        EXPECT_EQ(visuals[v].y, again[v].y);
    }
}

// Citation data only: colours by Leiden cluster. Two triangles joined by one edge
//   1-2-3-1   4-5-6-4   3-4
// split into the two triangles (modularity 0.357 against 0.0 for one cluster, by hand).
TEST(Visuals, CitationDataColoursByLeidenCluster) {
    const auto path = std::filesystem::temp_directory_path() / ("citegraph-visuals-" + std::to_string(::getpid()) + ".tsv");
    std::ofstream(path) << "1\t2\n2\t3\n3\t1\n4\t5\n5\t6\n6\t4\n3\t4\n";
    const auto loaded = load({path.string()});
    std::filesystem::remove(path);
    ASSERT_TRUE(loaded.ok());
    std::string colored_by;
    const auto visuals = compute_visuals(loaded, {}, &colored_by);
    EXPECT_EQ(colored_by, "cluster");
    const auto cluster = [&](const char* id) { return visuals[*loaded.graph.find(NodeKind::Paper, id)].cluster; };
    EXPECT_EQ(cluster("1"), cluster("2"));
    EXPECT_EQ(cluster("2"), cluster("3"));
    EXPECT_EQ(cluster("4"), cluster("5"));
    EXPECT_EQ(cluster("5"), cluster("6"));
    EXPECT_NE(cluster("1"), cluster("4"));
    EXPECT_EQ(visuals[*loaded.graph.find(NodeKind::Paper, "1")].group, "cluster " + std::to_string(cluster("1")));
}

}  // namespace
