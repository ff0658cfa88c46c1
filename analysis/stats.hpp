#pragma once
// Counts per node kind and edge kind (the `stats` command).
#include "graph/model.hpp"

#include <map>
#include <string>

namespace citegraph::analysis {

struct GraphStats {
    std::map<graph::NodeKind, std::size_t> nodes;  // every kind present, zero included
    std::map<graph::EdgeKind, std::size_t> edges;
    // Edges per kind and evidence: mentions/builds_on by id and by name.
    std::map<graph::EdgeKind, std::map<graph::Evidence, std::size_t>> edges_by_evidence;
};

// O(V + E).
GraphStats graph_stats(const graph::KnowledgeGraph& kg);

}  // namespace citegraph::analysis
