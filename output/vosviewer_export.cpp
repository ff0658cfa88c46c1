#include "output/vosviewer_export.hpp"

#include <algorithm>
#include <map>

#include "graph/ids.hpp"
#include "output/escape.hpp"

namespace citegraph::output {
namespace {

// The node's longest piece of prose, shown under its title.
std::string main_text(const graph::NodeProps& node) {
    if (node.kind == graph::NodeKind::Paper) {
        const auto& p = node.paper();
        if (!p.title.empty()) return p.title;
        if (!p.tree_entries.empty()) return p.tree_entries.front().description;
        if (!p.contributions.empty()) return p.contributions.front().title;
        return {};
    }
    if (node.kind == graph::NodeKind::Topic) return node.topic().path;
    if (node.kind == graph::NodeKind::Gap) return node.gap().text;
    return node.idea().motivation;
}

std::string description(const graph::NodeProps& node) {
    std::string html = "<b>" + xml_escape(node.label) + "</b><br>" + xml_escape(std::string(graph::to_string(node.kind))) +
                       " " + xml_escape(node.key);
    const std::string text = main_text(node);
    if (!text.empty()) html += "<br>" + xml_escape(text);
    return html;
}

}  // namespace

void write_vosviewer_json(std::ostream& os, const ExportInput& input) {
    const graph::Graph& g = input.kg().g();
    const std::size_t n = boost::num_vertices(g);

    std::map<std::pair<std::size_t, std::size_t>, double> links;  // (smaller, larger) -> strength
    for (auto [e, end] = boost::edges(g); e != end; ++e) {
        const std::size_t u = boost::source(*e, g), v = boost::target(*e, g);
        if (u == v) continue;
        links[{std::min(u, v), std::max(u, v)}] += g[*e].score;
    }
    std::vector<std::size_t> neighbours(n, 0);
    std::vector<double> strength(n, 0.0);
    for (const auto& [pair, s] : links) {
        ++neighbours[pair.first], ++neighbours[pair.second];
        strength[pair.first] += s, strength[pair.second] += s;
    }

    std::string out =
        "{\"config\": {\"terminology\": {\"item\": \"Node\", \"items\": \"Nodes\", \"link\": \"Link\", \"links\": \"Links\", "
        "\"link_strength\": \"Strength\", \"total_link_strength\": \"Total strength\"}},\n"
        " \"network\": {\"items\": [";
    os << out;
    for (std::size_t v = 0; v < n; ++v) {
        const graph::NodeProps& node = g[v];
        const NodeVisual vis = input.visual(v);
        out = v == 0 ? "\n  " : ",\n  ";
        out += "{\"id\": " + std::to_string(v + 1) + ", \"label\": " + json_string(node.label) + ", \"x\": " + format_fixed(vis.x) +
               ", \"y\": " + format_fixed(vis.y) + ", \"cluster\": " + std::to_string(std::max(1, vis.cluster)) +
               ", \"weights\": {\"Links\": " + std::to_string(neighbours[v]) + ", \"Total link strength\": " +
               format_double(strength[v]) + ", \"Size\": " + format_fixed(vis.size) + "}, \"scores\": {\"Influence\": " +
               format_double(vis.influence) + "}, \"description\": " + json_string(description(node));
        if (node.kind == graph::NodeKind::Paper && graph::parse_arxiv_id(node.key))
            out += ", \"url\": " + json_string("https://arxiv.org/abs/" + node.key);
        out += '}';
        os << out;
    }
    os << (n == 0 ? "],\n  \"links\": [" : "\n ],\n  \"links\": [");
    bool first = true;
    for (const auto& [pair, s] : links) {
        out = first ? "\n  " : ",\n  ";
        first = false;
        out += "{\"source_id\": " + std::to_string(pair.first + 1) + ", \"target_id\": " + std::to_string(pair.second + 1) +
               ", \"strength\": " + format_double(s) + "}";
        os << out;
    }
    os << (first ? "]}}\n" : "\n ]}}\n");
}

}  // namespace citegraph::output
