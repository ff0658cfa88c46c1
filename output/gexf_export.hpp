#pragma once
// GEXF 1.3 (https://gexf.net/) with attribute values and the viz module, for Gephi,
// graphology-gexf and networkx.read_gexf.
#include <ostream>

#include "output/graph_export.hpp"

namespace citegraph::output {

// Writes <gexf version="1.3"> in the namespace http://gexf.net/1.3 with the viz namespace
// http://gexf.net/1.3/viz, one static directed <graph>:
// - <attributes class="node"> and <attributes class="edge">: one <attribute id="<i>"
//   title="<column>"> per column of graph_export.hpp except the node's `label` (it is the
//   GEXF node label), type "string" (Json columns: the JSON text), "integer" or "double";
// - <node id="<kind>:<key>" label="..."> in vertex order with <attvalues> for the columns
//   that apply to its kind, then viz:color (r, g, b), viz:size and viz:position (x, y, z=0)
//   from the visual row;
// - <edge id="<i>" source target label="<kind>" weight="<score>"> in vertex order then
//   out-edge order, with its <attvalues>.
// No <meta lastmodifieddate>: the same graph gives the same bytes. Text through xml_escape.
// O(V + E) plus the attribute text.
void write_gexf(std::ostream& os, const ExportInput& input);

}  // namespace citegraph::output
