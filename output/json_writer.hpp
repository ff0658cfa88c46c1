#pragma once
// Shared by the JSON writers (Cytoscape.js, VOSviewer): a cell as a JSON value.
#include <string>

#include "output/escape.hpp"
#include "output/graph_export.hpp"

namespace citegraph::output::detail {

// Json columns are already JSON text built from json_string; the others are converted here.
inline std::string json_value(const Column& column, const Cell& cell) {
    switch (column.type) {
        case ColumnType::Int: return std::to_string(cell.integer);
        case ColumnType::Double: return format_double(cell.number);
        case ColumnType::Json: return cell.text;
        case ColumnType::String: break;
    }
    return json_string(cell.text);
}

}  // namespace citegraph::output::detail
