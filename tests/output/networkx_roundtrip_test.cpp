// The node-link JSON read back by the tool its users open it with: networkx
// (`node_link_graph`, Debian 12's python3-networkx 2.8) via /usr/bin/python3.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <tuple>

#include "output/atomic_file.hpp"
#include "output/escape.hpp"
#include "output/json_export.hpp"
#include "sample_graph.hpp"
#include "test_util.hpp"

namespace citegraph::output {
namespace {

using namespace citegraph::graph;
using nlohmann::json;

TEST(NetworkxRoundTrip, NodeLinkGraphLoadsEveryNodeEdgeAndAttribute) {
    const std::string python = CITEGRAPH_SYSTEM_PYTHON;
    if (!testing::is_executable(python)) GTEST_SKIP() << python << " is not installed";

    const KnowledgeGraph kg = testing::sample_graph();
    testing::ScratchDir dir;
    const std::string path = dir.file("graph.json");
    write_file_atomically(path, [&](std::ostream& os) { write_node_link_json(os, kg); });

    const testing::CommandResult result = testing::run_command(
        testing::shell_quote(python) + " " + testing::shell_quote(CITEGRAPH_NETWORKX_ROUNDTRIP_SCRIPT) + " " +
        testing::shell_quote(path));
    if (result.exit_code == 77) GTEST_SKIP() << "networkx is not installed for " << python;
    ASSERT_EQ(result.exit_code, 0) << result.output;
    const json seen = json::parse(result.output);

    EXPECT_EQ(seen["type"], "MultiDiGraph");
    EXPECT_EQ(seen["directed"], true);
    EXPECT_EQ(seen["multigraph"], true);
    EXPECT_EQ(seen["graph"]["name"], "citegraph");

    // Per-kind counts: networkx's against the C++ graph's.
    EXPECT_EQ(seen["node_count"], kg.node_count());
    EXPECT_EQ(seen["edge_count"], kg.edge_count());
    json want_nodes = json::object(), want_edges = json::object();
    for (NodeKind kind : kAllNodeKinds)
        if (kg.count(kind) > 0) want_nodes[std::string(to_string(kind))] = kg.count(kind);
    for (EdgeKind kind : kAllEdgeKinds)
        if (kg.count(kind) > 0) want_edges[std::string(to_string(kind))] = kg.count(kind);
    EXPECT_EQ(seen["nodes"], want_nodes);
    EXPECT_EQ(seen["edges"], want_edges);
    EXPECT_EQ(want_nodes.size(), 4u) << "the sample graph should have every node kind";
    EXPECT_EQ(want_edges.size(), 7u);

    // Every attribute networkx holds equals what we wrote (minus the fields it consumes).
    const json written = json::parse(testing::read_file(path));
    for (json node : written["nodes"]) {
        const std::string id = node["id"];
        node.erase("id");
        ASSERT_TRUE(seen["node_attrs"].contains(id)) << id;
        EXPECT_EQ(seen["node_attrs"][id], node) << id;
    }
    std::map<std::tuple<std::string, std::string, int>, json> nx_edges;
    for (const json& e : seen["edge_attrs"]) nx_edges[{e[0], e[1], e[2]}] = e[3];
    ASSERT_EQ(nx_edges.size(), kg.edge_count());
    for (json link : written["links"]) {
        const std::tuple<std::string, std::string, int> k{link["source"], link["target"], link["key"]};
        for (const char* consumed : {"source", "target", "key"}) link.erase(consumed);
        ASSERT_EQ(nx_edges.count(k), 1u) << std::get<0>(k) << " -> " << std::get<1>(k);
        EXPECT_EQ(nx_edges[k], link);
    }

    // Spot checks by hand from sample_graph.hpp.
    const json& kan = seen["node_attrs"]["paper:2405.10300"];
    EXPECT_EQ(kan["names"][0]["text"], "KAN");
    EXPECT_EQ(kan["names"][1]["text"], sanitize_utf8(testing::kHostileName));
    EXPECT_EQ(kan["contributions"].size(), 2u);
    const json& pair0 = nx_edges[{"gap:2024-05/g1", "paper:2404.19756", 0}];
    const json& pair1 = nx_edges[{"gap:2024-05/g1", "paper:2404.19756", 1}];
    EXPECT_EQ(pair0["kind"], "mentions");
    EXPECT_EQ(pair0["evidence"], "id");
    EXPECT_EQ(pair1["kind"], "related_to");
    EXPECT_EQ(pair1["score"].get<double>(), 0.42);
    EXPECT_EQ((nx_edges[{"gap:2024-05/g1", "paper:2405.10300", 0}]["evidence"]), "name");
    EXPECT_EQ((nx_edges[{"paper:2405.10300", "topic:machine learning/interpretability", 1}]["score"].get<double>()),
              0.1 + 0.2);
}

}  // namespace
}  // namespace citegraph::output
