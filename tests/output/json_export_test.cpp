#include "output/json_export.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "output/escape.hpp"
#include "sample_graph.hpp"

namespace citegraph::output {
namespace {

using namespace citegraph::graph;
using nlohmann::ordered_json;
using namespace std::string_literals;

std::string to_json_text(const KnowledgeGraph& kg, const JsonExportOptions& options = {}) {
    std::ostringstream os;
    write_node_link_json(os, kg, options);
    return os.str();
}

std::vector<std::string> keys_of(const ordered_json& object) {
    std::vector<std::string> keys;
    for (const auto& item : object.items()) keys.push_back(item.key());
    return keys;
}

const ordered_json& node_with_id(const ordered_json& doc, const std::string& id) {
    for (const auto& node : doc["nodes"])
        if (node["id"] == id) return node;
    throw std::runtime_error("no node " + id);
}

TEST(NodeLinkJson, EmptyGraph) {
    EXPECT_EQ(to_json_text(KnowledgeGraph{}),
              "{\n"
              "  \"directed\": true,\n"
              "  \"multigraph\": true,\n"
              "  \"graph\": {\"name\": \"citegraph\", \"format\": \"citegraph-node-link\", \"format_version\": 1},\n"
              "  \"nodes\": [],\n"
              "  \"links\": []\n"
              "}\n");
}

// topic:ml <-classified_as- paper:2405.10300, written out by hand.
TEST(NodeLinkJson, TinyGraphExactText) {
    KnowledgeGraph kg;
    const Vertex topic = kg.ensure(NodeKind::Topic, "ml");
    kg[topic].label = "ML";
    kg[topic].topic() = {"ML", "ML", 0, {}};
    const Vertex paper = kg.ensure(NodeKind::Paper, "2405.10300");
    kg[paper].seen.push_back({"d.md", 3, "TOPIC_TREE"});
    EdgeProps e;
    e.kind = EdgeKind::ClassifiedAs;
    e.seen.push_back({"d.md", 3, "TOPIC_TREE"});
    kg.link(paper, topic, e);

    EXPECT_EQ(to_json_text(kg, {"tiny"}),
              "{\n"
              "  \"directed\": true,\n"
              "  \"multigraph\": true,\n"
              "  \"graph\": {\"name\": \"tiny\", \"format\": \"citegraph-node-link\", \"format_version\": 1},\n"
              "  \"nodes\": [\n"
              "    {\"id\": \"topic:ml\", \"kind\": \"topic\", \"key\": \"ml\", \"label\": \"ML\", \"seen\": [], "
              "\"name\": \"ML\", \"path\": \"ML\", \"depth\": 0, \"notes\": []},\n"
              "    {\"id\": \"paper:2405.10300\", \"kind\": \"paper\", \"key\": \"2405.10300\", \"label\": \"2405.10300\", "
              "\"seen\": [{\"file\": \"d.md\", \"line\": 3, \"section\": \"TOPIC_TREE\"}], \"version\": \"\", "
              "\"names\": [], \"tree_entries\": [], \"sota\": [], \"contributions\": [], \"reading\": [], "
              "\"months\": [], \"mentions_per_section\": {}, \"same_as\": [], \"title\": \"\", \"abstract\": \"\", \"date\": \"\"}\n"
              "  ],\n"
              "  \"links\": [\n"
              "    {\"source\": \"paper:2405.10300\", \"target\": \"topic:ml\", \"key\": 0, \"kind\": \"classified_as\", "
              "\"evidence\": \"id\", \"score\": 1.0, \"matched_text\": \"\", "
              "\"seen\": [{\"file\": \"d.md\", \"line\": 3, \"section\": \"TOPIC_TREE\"}]}\n"
              "  ]\n"
              "}\n");
}

TEST(NodeLinkJson, EveryNodeKindHasItsAttributesInAFixedOrder) {
    const ordered_json doc = ordered_json::parse(to_json_text(testing::sample_graph()));
    const std::vector<std::string> common = {"id", "kind", "key", "label", "seen"};
    const auto with_common = [&](std::vector<std::string> attrs) {
        attrs.insert(attrs.begin(), common.begin(), common.end());
        return attrs;
    };
    EXPECT_EQ(keys_of(node_with_id(doc, "paper:2405.10300")),
              with_common({"version", "names", "tree_entries", "sota", "contributions", "reading", "months",
                           "mentions_per_section", "same_as", "title", "abstract", "date"}));
    EXPECT_EQ(keys_of(node_with_id(doc, "topic:machine learning")), with_common({"name", "path", "depth", "notes"}));
    EXPECT_EQ(keys_of(node_with_id(doc, "gap:2024-05/g1")), with_common({"title", "text", "sub_points", "month"}));
    EXPECT_EQ(keys_of(node_with_id(doc, "idea:2024-05/i1")),
              with_common({"title", "tag", "motivation", "novelty", "approach", "data_metrics", "risk",
                           "other_fields", "month"}));
    for (const auto& link : doc["links"])
        EXPECT_EQ(keys_of(link), (std::vector<std::string>{"source", "target", "key", "kind", "evidence", "score",
                                                           "matched_text", "seen"}));
}

TEST(NodeLinkJson, AttributeValues) {
    const ordered_json doc = ordered_json::parse(to_json_text(testing::sample_graph()));
    const ordered_json& kan = node_with_id(doc, "paper:2405.10300");
    EXPECT_EQ(kan["kind"], "paper");
    EXPECT_EQ(kan["key"], "2405.10300");
    EXPECT_EQ(kan["label"], "KAN");
    EXPECT_EQ(kan["version"], "v2");
    EXPECT_EQ(kan["names"][0], ordered_json::parse(R"({"text": "KAN", "source": "tree", "file": "digests/2024-05.md",
                                                       "line": 14, "section": "TOPIC_TREE"})"));
    EXPECT_EQ(kan["names"][1]["text"], sanitize_utf8(testing::kHostileName));
    EXPECT_EQ(kan["sota"][0]["rank"], 1);
    EXPECT_EQ(kan["contributions"].size(), 2u);
    EXPECT_EQ(kan["contributions"][1]["title"], "KAN 2");
    EXPECT_EQ(kan["reading"][0]["position"], 1);
    EXPECT_EQ(kan["mentions_per_section"], ordered_json::parse(R"({"CONTRIBUTIONS": 2, "TOPIC_TREE": 1})"));
    EXPECT_EQ(kan["abstract"], "Line one.\nLine \"two\".");
    EXPECT_EQ(kan["seen"].size(), 2u);
    EXPECT_EQ(kan["same_as"], ordered_json::parse(R"(["2405.10300v9"])"));

    const ordered_json& topic = node_with_id(doc, "topic:machine learning/interpretability");
    EXPECT_EQ(topic["path"], "Machine Learning > Interpretability");
    EXPECT_EQ(topic["depth"], 1);
    EXPECT_EQ(topic["notes"], ordered_json::parse(R"--(["(mostly KANs)"])--"));

    const ordered_json& idea = node_with_id(doc, "idea:2024-05/i1");
    EXPECT_EQ(idea["tag"], "Moon-shot");
    EXPECT_EQ(idea["other_fields"],
              ordered_json::parse(R"([{"label": "Timeline", "text": "6 months"}, {"label": "Team", "text": "2 people"}])"));
    EXPECT_EQ(node_with_id(doc, "gap:2024-05/g1")["sub_points"], ordered_json::parse(R"(["sub one", "sub two"])"));
}

TEST(NodeLinkJson, NodesInVertexOrderAndLinksInOutEdgeOrder) {
    const KnowledgeGraph kg = testing::sample_graph();
    const ordered_json doc = ordered_json::parse(to_json_text(kg));
    ASSERT_EQ(doc["nodes"].size(), kg.node_count());
    for (Vertex v = 0; v < kg.node_count(); ++v) EXPECT_EQ(doc["nodes"][v]["id"], node_link_id(kg[v]));

    ASSERT_EQ(doc["links"].size(), kg.edge_count());
    std::size_t i = 0;
    for (auto [vit, vend] = boost::vertices(kg.g()); vit != vend; ++vit) {
        for (auto [eit, eend] = boost::out_edges(*vit, kg.g()); eit != eend; ++eit, ++i) {
            EXPECT_EQ(doc["links"][i]["source"], node_link_id(kg[*vit]));
            EXPECT_EQ(doc["links"][i]["target"], node_link_id(kg[boost::target(*eit, kg.g())]));
            EXPECT_EQ(doc["links"][i]["kind"], std::string(to_string(kg[*eit].kind)));
        }
    }
}

TEST(NodeLinkJson, MultigraphKeysNumberEdgesPerPair) {
    const ordered_json doc = ordered_json::parse(to_json_text(testing::sample_graph()));
    std::map<std::pair<std::string, std::string>, std::vector<int>> keys;
    for (const auto& link : doc["links"]) keys[{link["source"], link["target"]}].push_back(link["key"]);
    EXPECT_EQ((keys[{"gap:2024-05/g1", "paper:2404.19756"}]), (std::vector<int>{0, 1}));
    EXPECT_EQ((keys[{"paper:2405.10300", "topic:machine learning/interpretability"}]), (std::vector<int>{0, 1}));
    EXPECT_EQ((keys[{"gap:2024-05/g1", "paper:2405.10300"}]), (std::vector<int>{0}));
    EXPECT_EQ((keys[{"idea:2024-05/i1", "gap:2024-05/g1"}]), (std::vector<int>{0}));
}

TEST(NodeLinkJson, EvidenceAndScores) {
    const std::string text = to_json_text(testing::sample_graph());
    const ordered_json doc = ordered_json::parse(text);
    std::map<std::string, ordered_json> by_kind_and_target;
    for (const auto& link : doc["links"])
        by_kind_and_target[link["kind"].get<std::string>() + "->" + link["target"].get<std::string>()] = link;
    EXPECT_EQ(by_kind_and_target["mentions->paper:2405.10300"]["evidence"], "name");
    EXPECT_EQ(by_kind_and_target["mentions->paper:2405.10300"]["matched_text"], "KAN");
    EXPECT_EQ(by_kind_and_target["mentions->paper:2404.19756"]["evidence"], "id");
    EXPECT_EQ(by_kind_and_target["related_to->paper:2404.19756"]["evidence"], "inferred");
    EXPECT_EQ(by_kind_and_target["related_to->paper:2404.19756"]["score"].get<double>(), 0.42);
    EXPECT_EQ(by_kind_and_target["suggested_topic->topic:machine learning/interpretability"]["score"].get<double>(),
              0.1 + 0.2);
    EXPECT_EQ(by_kind_and_target["addresses->gap:2024-05/g1"]["score"].get<double>(), 1e-7);
    // Shortest round-trip form, and explicit scores stay floats ("1.0", not "1").
    EXPECT_NE(text.find("\"score\": 0.30000000000000004,"), std::string::npos);
    EXPECT_NE(text.find("\"score\": 1e-07,"), std::string::npos);
    EXPECT_NE(text.find("\"score\": 1.0,"), std::string::npos);
    EXPECT_EQ(text.find("\"score\": 1,"), std::string::npos);
}

TEST(NodeLinkJson, NonFiniteScoresBecomeNull) {
    KnowledgeGraph kg;
    const Vertex a = kg.ensure(NodeKind::Gap, "a");
    const Vertex b = kg.ensure(NodeKind::Paper, "b");
    EdgeProps nan_edge;
    nan_edge.kind = EdgeKind::RelatedTo;
    nan_edge.score = std::numeric_limits<double>::quiet_NaN();
    kg.link(a, b, nan_edge);
    EdgeProps inf_edge;
    inf_edge.kind = EdgeKind::Mentions;
    inf_edge.score = std::numeric_limits<double>::infinity();
    kg.link(a, b, inf_edge);
    const ordered_json doc = ordered_json::parse(to_json_text(kg));
    EXPECT_TRUE(doc["links"][0]["score"].is_null());
    EXPECT_TRUE(doc["links"][1]["score"].is_null());
}

TEST(NodeLinkJson, HostileKeysAndLabelsStayValidJson) {
    KnowledgeGraph kg;
    const std::string key = "x\"}, {\"id\": \"injected\0\xFF"s;
    const Vertex v = kg.ensure(NodeKind::Idea, key);
    kg[v].label = "</script><script>alert(1)</script>\n\xE2\x80\xA8";
    kg[v].idea().other_fields = {{"\"label\"", "\\text\\"}};
    const ordered_json doc = ordered_json::parse(to_json_text(kg));
    ASSERT_EQ(doc["nodes"].size(), 1u);
    EXPECT_EQ(doc["nodes"][0]["id"], "idea:" + sanitize_utf8(key));
    EXPECT_EQ(doc["nodes"][0]["key"], sanitize_utf8(key));
    EXPECT_EQ(doc["nodes"][0]["label"], kg[v].label);
    EXPECT_EQ(doc["nodes"][0]["other_fields"][0]["text"], "\\text\\");
}

TEST(NodeLinkJson, SameGraphGivesSameBytes) {
    const KnowledgeGraph kg = testing::sample_graph();
    const std::string first = to_json_text(kg);
    const std::string second = to_json_text(testing::sample_graph());
    EXPECT_EQ(first, second);
    // One node or link per line, plus 4 lines before the nodes, 2 between, 3 after the links.
    const auto lines = static_cast<std::size_t>(std::count(first.begin(), first.end(), '\n'));
    EXPECT_EQ(lines, 4 + kg.node_count() + 2 + kg.edge_count() + 3);
}

}  // namespace
}  // namespace citegraph::output
