#pragma once
// The whole typed graph as Graphviz DOT (`export --format dot`), for `dot`, `gvpr`, Gephi and
// networkx/pydot. (The topic maps have their own DOT writer; this one keeps every node, edge
// and attribute.)
#include <ostream>

#include "output/graph_export.hpp"

namespace citegraph::output {

// Writes `digraph "<graph_name>" { ... }`:
// - graph and default node attributes (filled nodes, Helvetica);
// - one statement per vertex in vertex order: its id "<kind>:<key>" with Graphviz attributes
//   label (the node label), tooltip (the key), fillcolor (the visual colour), shape by kind
//   (paper ellipse, topic box, gap diamond, idea hexagon), width/height from the visual size
//   (size / 30 inches), then every node column of graph_export.hpp that applies to its kind
//   as an attribute of the same name (except `group`, written as `topic_group` because
//   Graphviz's `group` changes the dot layout; `label` is already there);
// - one statement per edge in vertex order then out-edge order with every edge column, and
//   style=dashed for inferred edges.
// Every id and value goes through dot_quote, so no text can end a string early, add a
// statement or fire a label escape; the statements are exactly one per node and per edge.
// Deterministic; O(V + E) plus the attribute text.
void write_dot_export(std::ostream& os, const ExportInput& input);

}  // namespace citegraph::output
