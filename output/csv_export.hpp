#pragma once
// CSV nodes and edges with neo4j-admin import headers
// (https://neo4j.com/docs/operations-manual/current/tools/neo4j-admin/neo4j-admin-import/),
// which spreadsheets and pandas also read.
#include <ostream>
#include <string>

#include "output/graph_export.hpp"

namespace citegraph::output {

// The nodes file: header `id:ID,:LABEL,<node columns>` where a column is `name` for text
// (strings and Json columns, whose cell is the JSON text), `name:int` or `name:double`;
// then one row per vertex in vertex order: id "<kind>:<key>", label "Paper" | "Topic" |
// "Gap" | "Idea", a cell per column (empty when the column does not apply to the kind).
// Every text cell goes through csv_field (RFC 4180 quoting; a leading = + - @ TAB or CR gets
// an apostrophe, so no cell starts a spreadsheet formula); numbers are never negative
// (positions are in [0, side]). Rows end with "\n". O(V) rows.
void write_csv_nodes(std::ostream& os, const ExportInput& input);

// The edges file: header `:START_ID,:END_ID,:TYPE,<edge columns>`; one row per edge in
// vertex order then out-edge order; :TYPE is the kind in upper case ("CLASSIFIED_AS").
void write_csv_edges(std::ostream& os, const ExportInput& input);

// The two file names for `-o PATH`: PATH "out.csv" gives "out.nodes.csv" and
// "out.edges.csv"; a PATH that is an existing directory or ends with '/' gives
// "PATH/nodes.csv" and "PATH/edges.csv"; any other PATH gets ".nodes.csv"/".edges.csv"
// appended.
std::pair<std::string, std::string> csv_file_names(const std::string& path);

}  // namespace citegraph::output
