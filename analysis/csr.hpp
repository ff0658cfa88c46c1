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

// What the constructor does with parallel edges (same source and target).
enum class ParallelEdges {
    Keep,           // every edge as given
    CollapseFirst,  // one edge per pair, with the weight of the pair's first edge in input order
};

class CsrGraph {
public:
    using Vertex = std::uint32_t;
    // No vertex or edge property inside Boost's arrays: weights live in `weights_`, in the
    // forward edge order, and only when some edge weighs other than 1 (8 bytes per edge saved
    // on an unweighted citation graph of millions of edges).
    using Graph = boost::compressed_sparse_row_graph<boost::bidirectionalS, void, void, boost::no_property,
                                                     std::uint32_t, std::uint32_t>;

    CsrGraph() = default;
    // `edges` are (source, target) pairs with vertices < n; `weights` is empty (every edge
    // weighs 1) or parallel to `edges`. Parallel edges and self-loops are kept as given.
    // The input vectors are consumed. Out-edges of a vertex keep their input order and in-edges
    // are ordered by forward edge index, as Boost's own constructor orders them; the arrays
    // are filled here by counting sorts, O(n + m), at a peak of ~12 bytes per edge beyond the
    // input (already sorted by source, as `project` hands it over: no copy of the input).
    // With ParallelEdges::CollapseFirst, out-edges are instead sorted by target, one per target.
    CsrGraph(std::uint32_t n, std::vector<std::pair<Vertex, Vertex>> edges, std::vector<double> weights = {},
             std::vector<std::string> ids = {}, ParallelEdges parallel = ParallelEdges::Keep);

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
    double out_weight(std::uint32_t k) const { return weighted_ ? weights_[k] : 1.0; }

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
    void collapse_parallel();  // ParallelEdges::CollapseFirst on the forward arrays
    void build_in_edges();     // the backward arrays from the forward ones
    Graph graph_;
    bool weighted_ = false;
    std::vector<double> weights_;  // by forward edge index; empty when unweighted
    std::vector<std::string> ids_;
};

}  // namespace citegraph::analysis
