#pragma once
// Cytoscape.js JSON (https://js.cytoscape.org/#notation/elements-json), also read by Cytoscape
// desktop ("Import Network from File", .cyjs) and networkx's cytoscape_graph.
#include <ostream>

#include "output/graph_export.hpp"

namespace citegraph::output {

// Writes
//   {"format_version": "1.0", "generated_by": "citegraph", "target_cytoscapejs_version": "~3",
//    "data": {"name": ..., "colored_by": ...}, "directed": true, "multigraph": true,
//    "elements": {"nodes": [{"data": {"id", "value", "name", <node columns>},
//                            "position": {"x", "y"}}, ...],
//                 "edges": [{"data": {"id": "e<i>", "source", "target", "key", <edge columns>}}, ...]}}
// Node ids are "<kind>:<key>"; `value` repeats the id and `name` the label, and edges carry
// `key` (0, 1, ... per node pair), which is what networkx.cytoscape_graph needs to rebuild a
// MultiDiGraph. Json columns are embedded as JSON values (lists and objects), the other
// columns as strings or numbers. One element per line; deterministic; O(V + E).
void write_cytoscape_json(std::ostream& os, const ExportInput& input);

}  // namespace citegraph::output
