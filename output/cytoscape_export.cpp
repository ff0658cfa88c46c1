#include "output/cytoscape_export.hpp"

#include <unordered_map>

#include "output/escape.hpp"
#include "output/json_writer.hpp"

namespace citegraph::output {

void write_cytoscape_json(std::ostream& os, const ExportInput& input) {
    const graph::Graph& g = input.kg().g();
    const auto& ncols = node_columns();
    const auto& ecols = edge_columns();
    std::string out = "{\"format_version\": \"1.0\", \"generated_by\": \"citegraph\", \"target_cytoscapejs_version\": \"~3\",\n";
    out += " \"data\": {\"name\": " + json_string(input.graph_name) + ", \"colored_by\": " + json_string(input.colored_by) + "},\n";
    out += " \"directed\": true, \"multigraph\": true,\n \"elements\": {\"nodes\": [";
    os << out;

    std::vector<std::string> ids;
    ids.reserve(boost::num_vertices(g));
    bool first = true;
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        ids.push_back(json_string(export_node_id(g[*it])));
        out = first ? "\n  " : ",\n  ";
        first = false;
        out += "{\"data\": {\"id\": " + ids.back() + ", \"value\": " + ids.back() + ", \"name\": " + json_string(g[*it].label);
        const auto cells = node_cells(input, *it);
        for (std::size_t i = 0; i < ncols.size(); ++i)
            if (cells[i].present) out += ", " + json_string(ncols[i].name) + ": " + detail::json_value(ncols[i], cells[i]);
        const NodeVisual vis = input.visual(*it);
        out += "}, \"position\": {\"x\": " + format_fixed(vis.x) + ", \"y\": " + format_fixed(vis.y) + "}}";
        os << out;
    }
    os << (first ? "],\n \"edges\": [" : "\n ],\n \"edges\": [");
    first = true;
    std::size_t edge_number = 0;
    std::unordered_map<graph::Vertex, long long> edges_to;  // per source: edges so far to each target
    for (auto [vit, vend] = boost::vertices(g); vit != vend; ++vit) {
        edges_to.clear();
        for (auto [eit, eend] = boost::out_edges(*vit, g); eit != eend; ++eit) {
            const graph::Vertex target = boost::target(*eit, g);
            out = first ? "\n  " : ",\n  ";
            first = false;
            out += "{\"data\": {\"id\": \"e" + std::to_string(edge_number++) + "\", \"source\": " + ids[*vit] +
                   ", \"target\": " + ids[target] + ", \"key\": " + std::to_string(edges_to[target]++);
            const auto cells = edge_cells(input, *eit);
            for (std::size_t i = 0; i < ecols.size(); ++i)
                if (cells[i].present) out += ", " + json_string(ecols[i].name) + ": " + detail::json_value(ecols[i], cells[i]);
            out += "}}";
            os << out;
        }
    }
    os << (first ? "]}}\n" : "\n ]}}\n");
}

}  // namespace citegraph::output
