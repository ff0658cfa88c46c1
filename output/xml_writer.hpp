#pragma once
// Small helpers shared by the XML writers (GraphML, GEXF): the header and typed values.
#include <string>
#include <string_view>

#include "output/escape.hpp"
#include "output/graph_export.hpp"

namespace citegraph::output::detail {

inline constexpr std::string_view kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

// A cell as XML text: strings escaped, numbers in their shortest exact form.
inline std::string xml_value(const Column& column, const Cell& cell) {
    switch (column.type) {
        case ColumnType::Int: return std::to_string(cell.integer);
        case ColumnType::Double: return format_double(cell.number);
        case ColumnType::String:
        case ColumnType::Json: break;
    }
    return xml_escape(cell.text);
}

}  // namespace citegraph::output::detail
