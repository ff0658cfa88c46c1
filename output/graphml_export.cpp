#include "output/graphml_export.hpp"

#include "output/escape.hpp"
#include "output/xml_writer.hpp"

namespace citegraph::output {
namespace {

std::string_view graphml_type(ColumnType type) {
    switch (type) {
        case ColumnType::Int: return "int";
        case ColumnType::Double: return "double";
        case ColumnType::String:
        case ColumnType::Json: break;
    }
    return "string";
}

}  // namespace

void write_graphml(std::ostream& os, const ExportInput& input) {
    const graph::Graph& g = input.kg().g();
    const auto& ncols = node_columns();
    const auto& ecols = edge_columns();
    std::string out(detail::kXmlDeclaration);
    out +=
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    for (std::size_t i = 0; i < ncols.size(); ++i)
        out += "  <key id=\"n" + std::to_string(i) + "\" for=\"node\" attr.name=\"" + xml_escape(ncols[i].name) +
               "\" attr.type=\"" + std::string(graphml_type(ncols[i].type)) + "\"/>\n";
    for (std::size_t i = 0; i < ecols.size(); ++i)
        out += "  <key id=\"e" + std::to_string(i) + "\" for=\"edge\" attr.name=\"" + xml_escape(ecols[i].name) +
               "\" attr.type=\"" + std::string(graphml_type(ecols[i].type)) + "\"/>\n";
    const std::string inferred_key = "e" + std::to_string(ecols.size());
    out += "  <key id=\"" + inferred_key + "\" for=\"edge\" attr.name=\"is_inferred\" attr.type=\"boolean\"/>\n";
    out += "  <graph id=\"" + xml_escape(input.graph_name) + "\" edgedefault=\"directed\">\n";
    os << out;

    std::vector<std::string> ids;
    ids.reserve(boost::num_vertices(g));
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        ids.push_back(xml_escape(export_node_id(g[*it])));
        out = "    <node id=\"" + ids.back() + "\">\n";
        const auto cells = node_cells(input, *it);
        for (std::size_t i = 0; i < ncols.size(); ++i)
            if (cells[i].present)
                out += "      <data key=\"n" + std::to_string(i) + "\">" + detail::xml_value(ncols[i], cells[i]) + "</data>\n";
        out += "    </node>\n";
        os << out;
    }
    std::size_t edge_number = 0;
    for (auto [vit, vend] = boost::vertices(g); vit != vend; ++vit) {
        for (auto [eit, eend] = boost::out_edges(*vit, g); eit != eend; ++eit) {
            out = "    <edge id=\"e" + std::to_string(edge_number++) + "\" source=\"" + ids[*vit] + "\" target=\"" +
                  ids[boost::target(*eit, g)] + "\">\n";
            const auto cells = edge_cells(input, *eit);
            for (std::size_t i = 0; i < ecols.size(); ++i)
                if (cells[i].present)
                    out += "      <data key=\"e" + std::to_string(i) + "\">" + detail::xml_value(ecols[i], cells[i]) + "</data>\n";
            out += "      <data key=\"" + inferred_key + "\">" +
                   (g[*eit].evidence == graph::Evidence::Inferred ? "true" : "false") + "</data>\n";
            out += "    </edge>\n";
            os << out;
        }
    }
    os << "  </graph>\n</graphml>\n";
}

}  // namespace citegraph::output
