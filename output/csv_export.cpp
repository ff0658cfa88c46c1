#include "output/csv_export.hpp"

#include <cctype>
#include <filesystem>

#include "output/escape.hpp"

namespace citegraph::output {
namespace {

std::string header_cell(const Column& column) {
    switch (column.type) {
        case ColumnType::Int: return csv_field(column.name + ":int");
        case ColumnType::Double: return csv_field(column.name + ":double");
        case ColumnType::String:
        case ColumnType::Json: break;
    }
    return csv_field(column.name);
}

void append_cells(std::string& out, const std::vector<Column>& columns, const std::vector<Cell>& cells) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        out += ',';
        if (!cells[i].present) continue;
        switch (columns[i].type) {
            case ColumnType::Int: out += std::to_string(cells[i].integer); break;
            case ColumnType::Double: out += format_double(cells[i].number); break;
            case ColumnType::String:
            case ColumnType::Json: out += csv_field(cells[i].text); break;
        }
    }
}

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

void write_csv_nodes(std::ostream& os, const ExportInput& input) {
    const graph::Graph& g = input.kg().g();
    const auto& columns = node_columns();
    std::string out = "id:ID,:LABEL";
    for (const auto& c : columns) out += ',' + header_cell(c);
    out += '\n';
    os << out;
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        const graph::NodeProps& node = g[*it];
        std::string label(graph::to_string(node.kind));
        label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
        out = csv_field(export_node_id(node)) + ',' + label;
        append_cells(out, columns, node_cells(input, *it));
        out += '\n';
        os << out;
    }
}

void write_csv_edges(std::ostream& os, const ExportInput& input) {
    const graph::Graph& g = input.kg().g();
    const auto& columns = edge_columns();
    std::string out = ":START_ID,:END_ID,:TYPE";
    for (const auto& c : columns) out += ',' + header_cell(c);
    out += '\n';
    os << out;
    std::vector<std::string> ids;
    ids.reserve(boost::num_vertices(g));
    for (auto [it, end] = boost::vertices(g); it != end; ++it) ids.push_back(csv_field(export_node_id(g[*it])));
    for (auto [vit, vend] = boost::vertices(g); vit != vend; ++vit) {
        for (auto [eit, eend] = boost::out_edges(*vit, g); eit != eend; ++eit) {
            out = ids[*vit] + ',' + ids[boost::target(*eit, g)] + ',' + upper(graph::to_string(g[*eit].kind));
            append_cells(out, columns, edge_cells(input, *eit));
            out += '\n';
            os << out;
        }
    }
}

std::pair<std::string, std::string> csv_file_names(const std::string& path) {
    std::error_code ec;
    if ((!path.empty() && path.back() == '/') || std::filesystem::is_directory(path, ec)) {
        const std::filesystem::path dir(path);
        return {(dir / "nodes.csv").string(), (dir / "edges.csv").string()};
    }
    std::string stem = path;
    if (stem.size() > 4 && stem.compare(stem.size() - 4, 4, ".csv") == 0) stem.resize(stem.size() - 4);
    return {stem + ".nodes.csv", stem + ".edges.csv"};
}

}  // namespace citegraph::output
