#pragma once
// CSR projections of a loaded input, built once per run for the heavy analyses:
//   citations  paper -> paper `cites` edges, straight from the interned edge lists (the typed
//              graph is not needed); duplicate (citing, cited) pairs collapse into one edge,
//              as in networkx's DiGraph; self-loops are kept.
//   mentions   gap -> paper and idea -> paper edges of the digests, weighted by evidence
//              (id 1.0, name 0.75, inferred: the link's score x 0.5).
//   union      both on one vertex set (papers matched by id).
#include "analysis/csr.hpp"
#include "graph/load.hpp"

#include <optional>
#include <string>
#include <vector>

namespace citegraph::analysis {

enum class ProjectionKind { Auto, Citations, Mentions, Union };

struct Projection {
    CsrGraph csr;
    ProjectionKind kind = ProjectionKind::Auto;  // what was built (never Auto)
    std::vector<bool> is_paper;                  // per CSR vertex
    std::vector<std::optional<graph::Vertex>> typed;  // the typed-graph node, when there is one
    std::string describe() const;                // "citation graph (34546 papers, 421578 edges)"
};

inline constexpr double kEvidenceWeightId = 1.0;
inline constexpr double kEvidenceWeightName = 0.75;
inline constexpr double kEvidenceWeightInferredFactor = 0.5;

// Auto: citations when only citation data was given, mentions when only digests, union when
// both. O(V + E log E).
Projection project(const graph::LoadResult& loaded, ProjectionKind kind = ProjectionKind::Auto);

// The same, but moves the interned citation ids, edges and weights out of `loaded.citations`
// into the projection instead of copying them (they are left empty; metadata stays): on a
// graph of millions of edges this saves a copy of the edge list at the peak.
Projection project_consuming(graph::LoadResult& loaded, ProjectionKind kind = ProjectionKind::Auto);

}  // namespace citegraph::analysis
