#include "output/json_export.hpp"

#include <string_view>
#include <unordered_map>
#include <variant>

#include "output/json_writer.hpp"

namespace citegraph::output {
namespace {

using detail::JsonObject;

}  // namespace

// One id scheme for every format.
std::string node_link_id(const graph::NodeProps& node) { return export_node_id(node); }

void write_node_link_json(std::ostream& os, const graph::KnowledgeGraph& kg, const JsonExportOptions& options) {
    const graph::Graph& g = kg.g();
    std::string line;

    line = "{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": ";
    {
        JsonObject graph_attrs(line);
        graph_attrs.str("name", options.graph_name);
        graph_attrs.str("format", "citegraph-node-link");
        graph_attrs.integer("format_version", 1);
    }
    line += ",\n  \"nodes\": [";
    os << line;

    // Ids are needed again for every link; compute each once.
    std::vector<std::string> ids;
    ids.reserve(boost::num_vertices(g));
    bool first = true;
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        const graph::NodeProps& node = g[*it];
        ids.push_back(node_link_id(node));
        line = first ? "\n    " : ",\n    ";
        first = false;
        {
            JsonObject obj(line);
            obj.str("id", ids.back());
            obj.str("kind", graph::to_string(node.kind));
            obj.str("key", node.key);
            obj.str("label", node.label);
            obj.structured("seen", node.seen);
            std::visit([&obj](const auto& attrs) { detail::visit_attributes(attrs, obj); }, node.attrs);
        }
        os << line;
    }
    os << (first ? "],\n  \"links\": [" : "\n  ],\n  \"links\": [");

    first = true;
    std::unordered_map<graph::Vertex, long long> edges_to;  // per source: links so far to each target
    for (auto [vit, vend] = boost::vertices(g); vit != vend; ++vit) {
        edges_to.clear();
        for (auto [eit, eend] = boost::out_edges(*vit, g); eit != eend; ++eit) {
            const graph::EdgeProps& edge = g[*eit];
            const graph::Vertex target = boost::target(*eit, g);
            line = first ? "\n    " : ",\n    ";
            first = false;
            {
                JsonObject obj(line);
                obj.str("source", ids[*vit]);
                obj.str("target", ids[target]);
                obj.integer("key", edges_to[target]++);
                obj.str("kind", graph::to_string(edge.kind));
                obj.str("evidence", graph::to_string(edge.evidence));
                obj.number("score", edge.score);
                obj.str("matched_text", edge.matched_text);
                obj.structured("seen", edge.seen);
            }
            os << line;
        }
    }
    os << (first ? "]\n}\n" : "\n  ]\n}\n");
}

}  // namespace citegraph::output
