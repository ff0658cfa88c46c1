#include "analysis/stats.hpp"

namespace citegraph::analysis {

GraphStats graph_stats(const graph::KnowledgeGraph& kg) {
    GraphStats s;
    for (auto k : graph::kAllNodeKinds) s.nodes[k] = 0;
    for (auto k : graph::kAllEdgeKinds) s.edges[k] = 0;
    const auto& g = kg.g();
    for (auto [it, end] = boost::vertices(g); it != end; ++it) ++s.nodes[g[*it].kind];
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        ++s.edges[g[*it].kind];
        ++s.edges_by_evidence[g[*it].kind][g[*it].evidence];
    }
    return s;
}

}  // namespace citegraph::analysis
