#pragma once
// Node-link JSON: the format of networkx's `node_link_data` / `node_link_graph`.
#include <ostream>
#include <string>

#include "graph/model.hpp"

namespace citegraph::output {

struct JsonExportOptions {
    std::string graph_name = "citegraph";  // "graph": {"name": ...}
};

// The node id used in node-link JSON for a node: "<kind>:<key>", e.g. "paper:2405.10300",
// "topic:natural language processing (nlp)/large language models (llms)". Unique per node,
// because the graph's index is unique per (kind, key).
std::string node_link_id(const graph::NodeProps& node);

// Writes `kg` as node-link JSON that networkx 2.8+ loads with every node, edge and
// attribute (`networkx.node_link_graph(json.load(f))` gives a MultiDiGraph):
//
//   {"directed": true, "multigraph": true,
//    "graph": {"name": "citegraph", "format": "citegraph-node-link", "format_version": 1},
//    "nodes": [{"id", "kind", "key", "label", "seen", <attributes of the kind>}, ...],
//    "links": [{"source", "target", "key", "kind", "evidence", "score", "matched_text",
//               "seen"}, ...]}
//
// "seen" is a list of {"file", "line", "section"}. Attributes per kind (always present,
// empty when unknown; structs become objects whose provenance is flattened into "file",
// "line", "section"):
//   paper: version, names [{text, source, file, line, section}],
//          tree_entries [{topic_path, description, ...}], sota [{rank, keywords,
//          breakthrough, impact, ...}], contributions [{title, text, comment, ...}],
//          reading [{position, label, reason, ...}], months [..],
//          mentions_per_section {section: count}, title, abstract, date
//   topic: name, path, depth, notes [..]
//   gap:   title, text, sub_points [..], month
//   idea:  title, tag, motivation, novelty, approach, data_metrics, risk,
//          other_fields [{label, text}], month
// A link's "key" numbers the edges between the same (source, target) pair 0, 1, ... in
// output order, as networkx expects of a multigraph.
//
// Deterministic: nodes in vertex order, links in vertex order then out-edge order, keys in
// the order above, one node or link per line. Strings go through json_string (invalid
// UTF-8 becomes U+FFFD); doubles are written in the shortest form that reads back to the
// same value, always with a '.' or an exponent so Python reads a float; NaN and infinities
// are written as null. Does not throw except on allocation failure or when `os` has
// exceptions enabled. O(V + E) time plus the attribute text; nothing is buffered.
void write_node_link_json(std::ostream& os, const graph::KnowledgeGraph& kg, const JsonExportOptions& options = {});

}  // namespace citegraph::output
