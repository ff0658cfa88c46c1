#include "output/gexf_export.hpp"

#include "output/escape.hpp"
#include "output/xml_writer.hpp"

namespace citegraph::output {
namespace {

std::string_view gexf_type(ColumnType type) {
    switch (type) {
        case ColumnType::Int: return "integer";
        case ColumnType::Double: return "double";
        case ColumnType::String:
        case ColumnType::Json: break;
    }
    return "string";
}

void append_attribute_declarations(std::string& out, std::string_view cls, const std::vector<Column>& columns) {
    out += "    <attributes class=\"" + std::string(cls) + "\" mode=\"static\">\n";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (cls == "node" && columns[i].name == "label") continue;
        out += "      <attribute id=\"" + std::to_string(i) + "\" title=\"" + xml_escape(columns[i].name) + "\" type=\"" +
               std::string(gexf_type(columns[i].type)) + "\"/>\n";
    }
    out += "    </attributes>\n";
}

void append_attvalues(std::string& out, const std::vector<Column>& columns, const std::vector<Cell>& cells, bool node) {
    out += "        <attvalues>\n";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (!cells[i].present || (node && columns[i].name == "label")) continue;
        out += "          <attvalue for=\"" + std::to_string(i) + "\" value=\"" + detail::xml_value(columns[i], cells[i]) + "\"/>\n";
    }
    out += "        </attvalues>\n";
}

}  // namespace

void write_gexf(std::ostream& os, const ExportInput& input) {
    const graph::Graph& g = input.kg().g();
    const auto& ncols = node_columns();
    const auto& ecols = edge_columns();
    std::string out(detail::kXmlDeclaration);
    out +=
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n";
    out += "  <meta>\n    <creator>citegraph</creator>\n    <description>" +
           xml_escape(input.graph_name + (input.colored_by.empty() ? "" : "; colours by " + input.colored_by) +
                      "; sizes by influence; positions from a seeded layout") +
           "</description>\n  </meta>\n";
    out += "  <graph mode=\"static\" defaultedgetype=\"directed\" name=\"" + xml_escape(input.graph_name) + "\">\n";
    append_attribute_declarations(out, "node", ncols);
    append_attribute_declarations(out, "edge", ecols);
    out += "    <nodes>\n";
    os << out;

    std::vector<std::string> ids;
    ids.reserve(boost::num_vertices(g));
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        ids.push_back(xml_escape(export_node_id(g[*it])));
        out = "      <node id=\"" + ids.back() + "\" label=\"" + xml_escape(g[*it].label) + "\">\n";
        append_attvalues(out, ncols, node_cells(input, *it), true);
        const NodeVisual vis = input.visual(*it);
        out += "        <viz:color r=\"" + std::to_string(vis.r) + "\" g=\"" + std::to_string(vis.g) + "\" b=\"" +
               std::to_string(vis.b) + "\"/>\n";
        out += "        <viz:size value=\"" + format_fixed(vis.size) + "\"/>\n";
        out += "        <viz:position x=\"" + format_fixed(vis.x) + "\" y=\"" + format_fixed(vis.y) + "\" z=\"0.0\"/>\n";
        out += "      </node>\n";
        os << out;
    }
    os << "    </nodes>\n    <edges>\n";
    std::size_t edge_number = 0;
    for (auto [vit, vend] = boost::vertices(g); vit != vend; ++vit) {
        for (auto [eit, eend] = boost::out_edges(*vit, g); eit != eend; ++eit) {
            const graph::EdgeProps& edge = g[*eit];
            out = "      <edge id=\"" + std::to_string(edge_number++) + "\" source=\"" + ids[*vit] + "\" target=\"" +
                  ids[boost::target(*eit, g)] + "\" label=\"" + std::string(graph::to_string(edge.kind)) + "\" weight=\"" +
                  format_double(edge.score) + "\">\n";
            append_attvalues(out, ecols, edge_cells(input, *eit), false);
            out += "      </edge>\n";
            os << out;
        }
    }
    os << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace citegraph::output
