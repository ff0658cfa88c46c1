#pragma once
// The map document (what a map shows: nested clusters, nodes, edges, a legend) and the one
// DOT writer for it. Maps are drawn by Graphviz from this DOT (svg_render.hpp); the DOT is
// ours so that it is deterministic and testable without Graphviz.
//
// Every string that came from an input (names, descriptions, ids, titles) is written through
// escape.hpp's dot_quote, so no input can end a string early or add a statement. Attribute
// keys are ours and must be identifiers ([a-z_][a-z0-9_]*); anything else is a bug and
// throws std::invalid_argument. HTML-like values (legends) are written between < and >
// unquoted: whoever builds one escapes every piece of text in it with xml_escape.
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace citegraph::output {

struct DotAttr {
    std::string key;
    std::string value;
    bool html = false;  // value is an HTML-like label body, written as <value>
};
using DotAttrs = std::vector<DotAttr>;

struct MapNode {
    std::string id;  // the DOT node name (also the SVG <title>): a paper id, "topic:<key>", ...
    DotAttrs attrs;  // label, tooltip, shape, ... in the order given
};

struct MapEdge {
    std::string from;
    std::string to;
    DotAttrs attrs;
};

// A Graphviz cluster (drawn as a box around its members by dot and fdp). `name` must be
// unique in the document; the writer prefixes it with "cluster_".
struct MapCluster {
    std::string name;
    DotAttrs attrs;
    std::vector<std::string> node_ids;  // members declared directly in this cluster
    std::vector<MapCluster> children;
};

struct MapDocument {
    std::string name;  // the graph's name: the SVG's top <title> (an unnamed graph gets "%3")
    DotAttrs graph_attrs;
    DotAttrs node_defaults;
    DotAttrs edge_defaults;
    std::vector<MapCluster> clusters;
    std::vector<MapNode> nodes;  // every node, each once; cluster membership is by id
    std::vector<MapEdge> edges;
};

// Writes `doc` as a DOT digraph: graph/node/edge defaults, then the cluster tree (members
// listed by name), then every node with its attributes, then every edge, all in the order
// of `doc`. The same document gives the same bytes. Throws std::invalid_argument for an
// attribute key that is not an identifier, a cluster member or edge end that is not a node,
// or a node declared twice. O(size of the document).
void write_map_dot(std::ostream& os, const MapDocument& doc);

// A short one-line label: whitespace runs (newlines included) become one space, ill-formed
// UTF-8 becomes U+FFFD, and text longer than `max_chars` code points is cut (at a word
// boundary when one lies in the last third) and ends with "…". The cut never separates a
// character from the combining marks, variation selectors or zero-width joiner sequence
// after it, so Vietnamese diacritics and emoji sequences stay whole. max_chars >= 2.
std::string short_label(std::string_view text, std::size_t max_chars);

// `text` broken into lines of at most `width` code points at spaces (a longer word stays
// whole on its own line), joined by '\n', which dot_quote turns into a centred line break.
// Whitespace is collapsed first, as in short_label.
std::string wrap_label(std::string_view text, std::size_t width);

}  // namespace citegraph::output
