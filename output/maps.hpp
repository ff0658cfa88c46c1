#pragma once
// The four maps of `citegraph map` as MapDocuments (map_dot.hpp): what each shows, how it
// is coloured and sized, and its legend. Analysis results come in as plain columns (paper id
// -> influence, cluster membership, PageRank), so no analysis is run here.
//
// Conventions shared by every map: node labels are short (the paper's name, else its id;
// long ones end in "…"), the full description is the node's `tooltip` (SVG: xlink:title),
// the font is DejaVu Sans (it has the Vietnamese glyphs), and the legend is an HTML-like
// table in the graph's own label, which Graphviz places outside the drawing for every
// engine, so it never covers a node.
#include "graph/model.hpp"
#include "output/map_dot.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace citegraph::output {

inline constexpr const char* kMapFont = "DejaVu Sans";

struct TopicMapOptions {
    std::unordered_map<std::string, double> influence;  // paper id -> score in [0, 1]
    std::vector<std::string> months;                    // digest months, for the title
};

// The topic tree as nested clusters (one per topic, coloured by its root topic) holding the
// papers it classifies. A paper under several topics is drawn in its first topic and as a
// small dashed "also here" copy in the others. Papers' font and box grow with influence;
// SOTA papers have a double border, reading-list papers a thick one.
MapDocument topic_map(const graph::KnowledgeGraph& kg, const TopicMapOptions& options);

struct GapsMapOptions {
    std::unordered_map<std::string, double> influence;  // paper id -> score in [0, 1]
    std::vector<std::string> months;
};

// Gaps and ideas (left) with the papers they rely on (right): mentions (gap -> paper),
// builds_on (idea -> paper), related_to, and addresses (idea -> gap). The edge's evidence is
// its line style: id solid, name dashed, inferred dotted.
MapDocument gaps_map(const graph::KnowledgeGraph& kg, const GapsMapOptions& options);

struct ClusterGroup {
    std::uint32_t id = 0;                   // the cluster's number in `citegraph clusters`
    std::string label;                      // "around KAN"
    std::vector<graph::Vertex> members;     // typed-graph vertices (papers, gaps, ideas)
};

struct ClustersMapOptions {
    std::vector<ClusterGroup> clusters;     // largest first; singletons left out by the caller
    std::size_t left_out = 0;               // papers in singleton clusters (said in the legend)
    double modularity = 0;
    std::uint64_t seed = 0;
    std::vector<std::string> months;
};

// Algorithmic clusters as boxes, each with its label and members; the gap/idea -> paper
// edges between drawn members, styled by evidence.
MapDocument clusters_map(const graph::KnowledgeGraph& kg, const ClustersMapOptions& options);

struct CitationMapNode {
    std::string id;       // paper id, or "cluster:<n>" for an aggregate
    std::string label;    // full label; shortened here
    std::string tooltip;
    double size = 0;      // PageRank of a paper, member count of an aggregate
    std::uint32_t cluster = 0;
    bool aggregate = false;
};

struct CitationMapEdge {
    std::uint32_t from = 0;  // indices into nodes
    std::uint32_t to = 0;
    std::uint64_t citations = 1;
};

struct CitationMapOptions {
    std::vector<CitationMapNode> nodes;
    std::vector<CitationMapEdge> edges;  // the links to draw
    std::size_t edges_total = 0;         // aggregated links before pruning (said in the legend)
    std::string description;  // "cit-HepTh: 27,770 papers, ..." for the legend
};

// The top papers of a citation graph and one node per cluster for the rest, coloured by
// cluster, sized by PageRank (papers) or member count (clusters), edges weighted by the
// number of citations they stand for.
MapDocument citation_map(const CitationMapOptions& options);

// The colour of cluster or root topic number i (a fixed palette, repeating after 12).
std::string map_palette_color(std::size_t i);

}  // namespace citegraph::output
