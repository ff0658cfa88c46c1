#pragma once
// GraphML (http://graphml.graphdrawing.org/) with typed <key>s, for networkx.read_graphml,
// igraph's Graph.Read_GraphML, graphology-graphml, Gephi, Cytoscape and yEd.
#include <ostream>

#include "output/graph_export.hpp"

namespace citegraph::output {

// Writes one directed <graph> (id = input.graph_name) with:
// - a <key for="node"> per node column and a <key for="edge"> per edge column of
//   graph_export.hpp, ids "n0", "n1", ... and "e0", ..., attr.type "string" (Json columns
//   too: the JSON text), "int" or "double"; plus a boolean key "is_inferred" on edges
//   (evidence == inferred), which Gephi and igraph use for filtering;
// - a <node id="<kind>:<key>"> per vertex in vertex order with a <data> per column that
//   applies to its kind;
// - an <edge id="e<i>" source target> per edge, in vertex order then out-edge order.
// Parallel edges (e.g. a paper both classified under and suggested for a topic) are kept;
// networkx then returns a MultiDiGraph. Text goes through xml_escape. Deterministic.
// O(V + E) plus the attribute text.
void write_graphml(std::ostream& os, const ExportInput& input);

}  // namespace citegraph::output
