#pragma once
// Pajek .net (Pajek manual, "Network" files), read by Pajek, igraph's Graph.Read_Pajek,
// networkx.read_pajek and Gephi.
#include <ostream>

#include "output/graph_export.hpp"

namespace citegraph::output {

// Writes
//   *Vertices N
//   <i> "<label>" <x> <y> 0.5 <shape>        one line per vertex, i = vertex number + 1
//   *Arcs
//   <s> <t> <score> l "<kind>"               one line per edge, in vertex then out-edge order
// Labels go through pajek_label (no line breaks, no `"`). x and y are the layout position
// scaled to [0, 1] as Pajek expects; the shape stands for the node kind (paper ellipse,
// topic box, gap diamond, idea triangle), which igraph reads as the `shape` attribute; the
// edge label `l` carries the edge kind (igraph: `label`), the number after the endpoints is
// the weight (igraph: `weight`). Other attributes are not kept: Pajek has no place for them.
// Deterministic; O(V + E).
void write_pajek(std::ostream& os, const ExportInput& input);

}  // namespace citegraph::output
