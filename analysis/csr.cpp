#include "analysis/csr.hpp"

#include <stdexcept>

namespace citegraph::analysis {

CsrGraph::CsrGraph(std::uint32_t n, std::vector<std::pair<Vertex, Vertex>> edges, std::vector<double> weights,
                   std::vector<std::string> ids)
    : weighted_(!weights.empty()), ids_(std::move(ids)) {
    if (!weights.empty() && weights.size() != edges.size())
        throw std::invalid_argument("CsrGraph: weights must be empty or one per edge");
    if (!ids_.empty() && ids_.size() != n) throw std::invalid_argument("CsrGraph: ids must be empty or one per vertex");
    if (ids_.empty()) ids_.resize(n);
    for (const auto& [s, t] : edges)
        if (s >= n || t >= n) throw std::invalid_argument("CsrGraph: edge endpoint out of range");
    std::vector<CsrEdgeWeight> props(edges.size());
    for (std::size_t i = 0; i < weights.size(); ++i) props[i].value = weights[i];
    graph_ = Graph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), props.begin(), n);
}

}  // namespace citegraph::analysis
