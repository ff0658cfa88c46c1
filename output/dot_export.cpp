#include "output/dot_export.hpp"

#include "output/escape.hpp"

namespace citegraph::output {
namespace {

std::string_view shape(graph::NodeKind kind) {
    switch (kind) {
        case graph::NodeKind::Paper: return "ellipse";
        case graph::NodeKind::Topic: return "box";
        case graph::NodeKind::Gap: return "diamond";
        case graph::NodeKind::Idea: return "hexagon";
    }
    return "ellipse";
}

std::string cell_text(const Column& column, const Cell& cell) {
    switch (column.type) {
        case ColumnType::Int: return std::to_string(cell.integer);
        case ColumnType::Double: return format_double(cell.number);
        case ColumnType::String:
        case ColumnType::Json: break;
    }
    return cell.text;
}

void append_columns(std::string& out, const std::vector<Column>& columns, const std::vector<Cell>& cells) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (!cells[i].present || columns[i].name == "label") continue;
        const std::string_view name = columns[i].name == "group" ? "topic_group" : std::string_view(columns[i].name);
        out += ", ";
        out += name;
        out += '=';
        out += dot_quote(cell_text(columns[i], cells[i]));
    }
}

}  // namespace

void write_dot_export(std::ostream& os, const ExportInput& input) {
    const graph::Graph& g = input.kg().g();
    std::string out = "digraph " + dot_quote(input.graph_name) + " {\n";
    out += "  graph [fontname=\"Helvetica\", overlap=false, outputorder=edgesfirst";
    if (!input.colored_by.empty()) out += ", comment=" + dot_quote("colours by " + input.colored_by + "; sizes by influence");
    out += "];\n  node [style=filled, fontname=\"Helvetica\", fontsize=10];\n  edge [color=\"#00000066\"];\n";
    os << out;

    std::vector<std::string> ids;
    ids.reserve(boost::num_vertices(g));
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        const graph::NodeProps& node = g[*it];
        const NodeVisual vis = input.visual(*it);
        ids.push_back(dot_quote(export_node_id(node)));
        const std::string inches = format_fixed(vis.size / 30.0);
        out = "  " + ids.back() + " [label=" + dot_quote(node.label) + ", tooltip=" + dot_quote(node.key) +
              ", fillcolor=" + dot_quote(hex_color(vis)) + ", shape=" + std::string(shape(node.kind)) + ", width=" + inches +
              ", height=" + inches;
        append_columns(out, node_columns(), node_cells(input, *it));
        out += "];\n";
        os << out;
    }
    for (auto [vit, vend] = boost::vertices(g); vit != vend; ++vit) {
        for (auto [eit, eend] = boost::out_edges(*vit, g); eit != eend; ++eit) {
            out = "  " + ids[*vit] + " -> " + ids[boost::target(*eit, g)] + " [";
            std::string attrs;
            append_columns(attrs, edge_columns(), edge_cells(input, *eit));
            out += attrs.substr(2);  // drop the first ", "
            if (g[*eit].evidence == graph::Evidence::Inferred) out += ", style=dashed";
            out += "];\n";
            os << out;
        }
    }
    os << "}\n";
}

}  // namespace citegraph::output
