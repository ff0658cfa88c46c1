#pragma once
// The read-only projection every heavy analysis runs on: a Boost.Graph
// compressed_sparse_row_graph (bidirectional, 32-bit vertex and edge indices) with a weight
// per edge. Built once per run from an edge list or from the typed graph; never mutated.
#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace citegraph::analysis {

struct CsrEdgeWeight {
    double value = 1.0;
};

class CsrGraph {
public:
    using Vertex = std::uint32_t;
    using Graph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, CsrEdgeWeight,
                                                     boost::no_property, std::uint32_t, std::uint32_t>;

    CsrGraph() = default;
    // `edges` are (source, target) pairs with vertices < n; `weights` is empty (every edge
    // weighs 1) or parallel to `edges`. Parallel edges and self-loops are kept as given.
    // O(n + m log m) for the sort Boost does; the input vectors are consumed.
    CsrGraph(std::uint32_t n, std::vector<std::pair<Vertex, Vertex>> edges, std::vector<double> weights = {},
             std::vector<std::string> ids = {});

    const Graph& g() const { return graph_; }
    std::uint32_t num_vertices() const { return static_cast<std::uint32_t>(boost::num_vertices(graph_)); }
    std::uint32_t num_edges() const { return static_cast<std::uint32_t>(boost::num_edges(graph_)); }
    bool weighted() const { return weighted_; }

    // Fast access for kernels: out-neighbours of v are targets()[out_begin(v) .. out_begin(v+1)),
    // with weights out_weight(k) at the same positions. In-neighbours through in_sources()
    // [in_begin(v) .. in_begin(v+1)), whose weights are out_weight(in_edge_index(k)).
    std::uint32_t out_begin(Vertex v) const { return graph_.m_forward.m_rowstart[v]; }
    std::uint32_t out_degree(Vertex v) const { return out_begin(v + 1) - out_begin(v); }
    std::span<const Vertex> out_neighbors(Vertex v) const {
        return {graph_.m_forward.m_column.data() + out_begin(v), out_degree(v)};
    }
    double out_weight(std::uint32_t k) const { return graph_.m_forward.m_edge_properties[k].value; }

    std::uint32_t in_begin(Vertex v) const { return graph_.m_backward.m_rowstart[v]; }
    std::uint32_t in_degree(Vertex v) const { return in_begin(v + 1) - in_begin(v); }
    std::span<const Vertex> in_neighbors(Vertex v) const {
        return {graph_.m_backward.m_column.data() + in_begin(v), in_degree(v)};
    }
    // Index (into the out-edge arrays) of the k-th in-edge overall.
    std::uint32_t in_edge_index(std::uint32_t k) const { return graph_.m_backward.m_edge_properties[k]; }

    // External identifier of a vertex (paper id); empty when the graph was built without ids.
    const std::string& id(Vertex v) const { return ids_[v]; }
    const std::vector<std::string>& ids() const { return ids_; }

private:
    Graph graph_;
    bool weighted_ = false;
    std::vector<std::string> ids_;
};

}  // namespace citegraph::analysis
