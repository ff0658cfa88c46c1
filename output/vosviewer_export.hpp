#pragma once
// VOSviewer JSON (VOSviewer 1.6.16+ and VOSviewer Online: "JSON file format"): the map (items
// with coordinates, clusters, weights and scores) and the network (links) in one file.
#include <ostream>

#include "output/graph_export.hpp"

namespace citegraph::output {

// Writes
//   {"config": {"terminology": {"item": "Node", "items": "Nodes", "link": "Link", "links": "Links",
//                               "link_strength": "Strength", "total_link_strength": "Total strength"}},
//    "network": {"items": [{"id", "label", "x", "y", "cluster", "weights", "scores",
//                           "description", "url"}, ...],
//                "links": [{"source_id", "target_id", "strength"}, ...]}}
// - items: one per vertex in vertex order, id = vertex number + 1 (VOSviewer ids are
//   numbers); label = the node's label; x, y from the layout; cluster = the visual cluster
//   (>= 1); weights {"Links": distinct neighbours, "Total link strength": sum of the
//   strengths of its links, "Size": the export size}; scores {"Influence": influence score};
//   description: HTML (VOSviewer shows it as HTML) with the kind, key and the main text of
//   the node, every piece through xml_escape so no markup of the input reaches it; url: the
//   arXiv abstract page for papers whose id is an arXiv id, absent otherwise.
// - links: VOSviewer links are undirected and one per pair, so the edges between two nodes,
//   in either direction and of any kind, become one link whose strength is the sum of their
//   scores; pairs in order of (smaller id, larger id). Self-loops are dropped (VOSviewer has
//   none). Edge kinds are therefore not kept in this format (they are in every other one).
// Deterministic; O(V + E log E).
void write_vosviewer_json(std::ostream& os, const ExportInput& input);

}  // namespace citegraph::output
