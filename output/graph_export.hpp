#pragma once
// What every graph export (GraphML, GEXF, Cytoscape.js, CSV, Pajek, VOSviewer, DOT) consumes:
// the typed graph, one visual row per node (size, colour, position, cluster) computed from the
// analyses, and the graph's attributes flattened into typed columns.
//
// Flattening (the same in every format, so a column means the same thing everywhere):
// - scalar attributes keep their type: string, int (depth), double (score, size, x, y,
//   influence), int (cluster);
// - structured attributes (a paper's names, tree entries, SOTA rows, contributions, reading
//   list entries, months, mentions per section, same_as; a topic's notes; a gap's sub-points;
//   an idea's other fields; every node's and edge's `seen` provenance) are written as one JSON
//   text with the same shape as in the node-link JSON export (`json_export.hpp`). JSON
//   formats (Cytoscape.js, VOSviewer) embed that JSON as a value; XML and CSV formats carry it
//   as a string, which `json.loads` turns back into the structure;
// - a column that does not apply to a node's kind is absent (GraphML/GEXF: no <data> or
//   <attvalue>; JSON: no key; CSV: an empty cell).
#include <cstdint>
#include <string>
#include <vector>

#include "graph/load.hpp"
#include "graph/model.hpp"

namespace citegraph::output {

// Per-node presentation computed from the analyses (see compute_visuals).
struct NodeVisual {
    double size = 10.0;           // > 0
    std::uint8_t r = 153, g = 153, b = 153;  // colour
    double x = 0.0, y = 0.0;      // layout position
    int cluster = 0;              // 1-based group the colour stands for (VOSviewer's convention)
    std::string group;            // what the cluster is: a top-level topic name, "cluster 3", ...
    double influence = 0.0;       // influence score in [0, 1] for papers, 0 otherwise
    int influence_rank = 0;       // 1-based; 0 when not ranked (not a paper)
};

std::string hex_color(const NodeVisual& visual);  // "#rrggbb", lower case

struct ExportInput {
    const graph::KnowledgeGraph* graph = nullptr;
    std::vector<NodeVisual> visuals;  // one per vertex, or empty (every node gets the defaults)
    std::string graph_name = "citegraph";
    std::string colored_by;  // "topic" or "cluster" (documents the colours in the file)

    const graph::KnowledgeGraph& kg() const { return *graph; }
    NodeVisual visual(graph::Vertex v) const { return visuals.empty() ? NodeVisual{} : visuals[v]; }
};

// ---- the analyses behind the visual rows ------------------------------------------------------

struct VisualOptions {
    std::uint64_t seed = 42;        // Leiden and the layout
    int layout_iterations = 100;
    std::uint32_t force_directed_limit = 3000;  // see analysis/layout.hpp
};

// Sizes: papers 6 + 24 * influence score (the explainable influence ranking of
// analysis/influence.hpp, with mention and citation PageRank as `rank --by influence`);
// topics 20 at the root, 14 below; gaps and ideas 12.
// Colours and clusters: when the graph has topics, by top-level topic (a topic's root through
// `subtopic_of`; a paper takes the root of its first `classified_as` or `suggested_topic`
// topic; gaps and ideas, and papers outside the tree, have groups of their own: "gap",
// "idea", "unclassified"). Without topics (citation data only), by Leiden cluster (seeded,
// modularity, resolution 1) of the whole graph read as undirected and simple.
// Positions: analysis::compute_layout over the whole graph (undirected), grouped by the same
// clusters. Deterministic for the same input and options.
std::vector<NodeVisual> compute_visuals(const graph::LoadResult& loaded, const VisualOptions& options, std::string* colored_by = nullptr);

// ---- flat typed columns ---------------------------------------------------------------------

enum class ColumnType { String, Int, Double, Json };  // Json: JSON text (a string in XML and CSV)

struct Column {
    std::string name;
    ColumnType type;
};

struct Cell {
    bool present = false;
    std::string text;  // String: the text; Json: the JSON text
    long long integer = 0;
    double number = 0.0;
};

// Node columns, in output order: kind, key, label, seen, size, color, x, y, cluster, group,
// influence, influence_rank, then the kinds' attributes (see graph/model.hpp): version, names,
// tree_entries, sota, contributions, reading, months, mentions_per_section, same_as, title,
// abstract, date, name, path, depth, notes, text, sub_points, month, tag, motivation, novelty,
// approach, data_metrics, risk, other_fields. (`title` and `month` are shared by the kinds
// that have them; `text` is a gap's.)
const std::vector<Column>& node_columns();
// Edge columns: kind, evidence, score, matched_text, seen.
const std::vector<Column>& edge_columns();

// The cells of one node or edge, parallel to node_columns() / edge_columns().
std::vector<Cell> node_cells(const ExportInput& input, graph::Vertex v);
std::vector<Cell> edge_cells(const ExportInput& input, graph::Edge e);

// A double as text: the shortest form that reads back to the same value, always with a '.'
// or an exponent; "NaN"/"INF" never occur (non-finite values are written as 0).
std::string format_double(double value);
// A coordinate or size rounded to 2 decimals ("12.5", "-3", ...), so files stay readable.
std::string format_fixed(double value);

// A stable id for a node in formats that need one: "<kind>:<key>" (json_export's node_link_id).
std::string export_node_id(const graph::NodeProps& node);

}  // namespace citegraph::output
