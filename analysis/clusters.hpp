#pragma once
// Clusterings of a CsrGraph: the undirected view clustering runs on, modularity, Leiden and
// Louvain, weak and strong components, and the comparison of two partitions (NMI, ARI).
//
// Every function is a free function: a read-only graph and an options struct in, a plain
// result out. Parameters are checked first; a bad one throws std::invalid_argument whose
// message names the parameter and its range. None of them uses threads, so every result is
// independent of the thread count.
//
// A partition ("membership") is one cluster label per vertex. Results returned here always
// use canonical labels: 0..k-1 by decreasing cluster size, ties broken by the smallest vertex
// in the cluster (see renumber_clusters). Inputs may use any std::uint32_t labels.
#include "analysis/csr.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace citegraph::analysis {

// ---------------------------------------------------------------------------------------
// The undirected view
// ---------------------------------------------------------------------------------------

// How a directed (multi)graph becomes the undirected graph that is clustered.
enum class UndirectedMode {
    // Every directed edge u->v adds its weight to the undirected pair {u,v}: parallel and
    // reciprocal edges sum (u->v and v->u of weight 1 give {u,v} weight 2). A self-loop u->u
    // of weight w is kept as a loop of weight w. This is igraph's
    // `as_undirected(mode="collapse", combine_edges="sum")`, and differs from networkx's
    // `to_undirected()`, which keeps one of the two reciprocal edges' weights. A pair whose
    // weights sum to 0 gets no edge (it would change no modularity).
    Sum,
    // igraph's `as_undirected(mode="collapse")` followed by `simplify()`: one edge of weight 1
    // per pair of distinct vertices joined by at least one edge in either direction, weights
    // ignored, self-loops removed. This is the "undirected, simple" graph of the issue's
    // cit-HepPh modularity bar.
    CollapseSimple,
};

// An undirected weighted graph in CSR form, with loops stored apart from the neighbour
// lists. Read-only after construction.
//
// Conventions (igraph's and networkx's, for modularity): the undirected edge {u,v} of weight w
// appears in both neighbour lists; a loop of weight w at v is not in v's list but in
// self_loop(v), adds 2w to the strength (weighted degree) of v, and counts as A_vv = 2w in the
// adjacency matrix. total_weight() = m = the sum of the weights of all edges, loops included,
// so that sum_v strength(v) = 2m.
class UndirectedGraph {
public:
    using Vertex = std::uint32_t;

    UndirectedGraph() = default;
    // Builds the undirected view of `g` (see UndirectedMode). Neighbour lists are sorted by
    // vertex. Throws std::invalid_argument if a weight is negative or not finite (mode Sum
    // only; CollapseSimple ignores weights). O(n + m log d_max) time, O(n + m) memory.
    explicit UndirectedGraph(const CsrGraph& g, UndirectedMode mode = UndirectedMode::Sum);

    std::uint32_t num_vertices() const { return static_cast<std::uint32_t>(strength_.size()); }
    // Number of undirected non-loop edges (each pair once) and of vertices with a loop.
    std::uint64_t num_edges() const { return targets_.size() / 2; }
    std::uint64_t num_loops() const;
    double total_weight() const { return total_weight_; }

    std::span<const Vertex> neighbors(Vertex v) const {
        return {targets_.data() + offsets_[v], static_cast<std::size_t>(offsets_[v + 1] - offsets_[v])};
    }
    std::span<const double> weights(Vertex v) const {
        return {weights_.data() + offsets_[v], static_cast<std::size_t>(offsets_[v + 1] - offsets_[v])};
    }
    double self_loop(Vertex v) const { return self_loop_[v]; }
    double strength(Vertex v) const { return strength_[v]; }

    // The raw arrays, for kernels: neighbours of v are targets()[offsets()[v] .. offsets()[v+1]).
    std::span<const std::uint64_t> offsets() const { return offsets_; }
    std::span<const Vertex> targets() const { return targets_; }
    std::span<const double> edge_weights() const { return weights_; }
    std::span<const double> self_loops() const { return self_loop_; }
    std::span<const double> strengths() const { return strength_; }

private:
    std::vector<std::uint64_t> offsets_{0};
    std::vector<Vertex> targets_;
    std::vector<double> weights_;
    std::vector<double> self_loop_;
    std::vector<double> strength_;
    double total_weight_ = 0.0;
};

// ---------------------------------------------------------------------------------------
// Partitions
// ---------------------------------------------------------------------------------------

// Canonical labels for a partition: clusters numbered 0..k-1 by decreasing size, ties by the
// smallest vertex in the cluster. Input labels may be any values. O(n log n).
std::vector<std::uint32_t> renumber_clusters(std::span<const std::uint32_t> labels);

// Modularity of a partition of an undirected weighted graph, by its definition (Newman 2006;
// with a resolution parameter, Reichardt & Bornholdt 2006):
//   Q = 1/(2m) * sum_ij [ A_ij - resolution * k_i k_j / (2m) ] * delta(c_i, c_j)
// with A_vv = 2 * loop weight, k_i the strength, m = total_weight(). This is igraph's
// `modularity(membership, weights, resolution)` and networkx's
// `community.modularity(G, communities, weight, resolution)`.
// Evaluated as sum_c [ 2 in_c - resolution * K_c^2 / (2m) ] / (2m) (in_c: weight inside c,
// K_c: strength of c). Returns NaN when m = 0 (as igraph).
// Throws std::invalid_argument unless membership.size() == num_vertices() and resolution is
// finite and >= 0. O(n log n + m).
double modularity(const UndirectedGraph& g, std::span<const std::uint32_t> membership, double resolution = 1.0);

// ---------------------------------------------------------------------------------------
// Leiden and Louvain
// ---------------------------------------------------------------------------------------

enum class ClusterAlgorithm {
    Leiden,   // with the refinement phase
    Louvain,  // the same code without refinement: aggregate on the local-moving partition
};

struct LeidenOptions {
    ClusterAlgorithm algorithm = ClusterAlgorithm::Leiden;
    // gamma in the modularity above; >= 0, finite. Higher gives more, smaller clusters.
    double resolution = 1.0;
    // Randomness theta of the refinement: a singleton joins a neighbouring refined cluster S
    // with probability proportional to exp(dQ(S) / theta), over the S with dQ >= 0 (staying
    // alone has dQ = 0), where dQ = w(v,S) - resolution * k_v K_S / (2m) is measured in units
    // of edge weight, as igraph's `beta` (default 0.01 in both). theta = 0 picks the best S
    // deterministically (ties: the first seen). >= 0, finite.
    double randomness = 0.01;
    // Number of passes, >= 1, each starting from the previous pass's partition; or -1: repeat
    // until a pass moves no vertex (igraph's documented n_iterations=-1). The default, 2, is
    // python-igraph's. Measured on cit-HepPh (undirected, simple): 1 pass Q ~= 0.726, 2 passes
    // ~= 0.734, until stable ~= 0.737 after 16-32 passes. (python-igraph 0.10.2's
    // n_iterations=-1 returns its 1-pass result there: Q ~= 0.725.)
    int n_iterations = 2;
    // Seed of the std::mt19937_64 that orders the vertices and draws in the refinement.
    std::uint64_t seed = 42;
    // Optional starting partition (any labels), one per vertex; empty = singletons.
    std::vector<std::uint32_t> initial_membership;
};

struct LeidenResult {
    std::vector<std::uint32_t> membership;  // canonical labels, see the top of this file
    std::vector<std::uint32_t> sizes;       // sizes[c], non-increasing
    double modularity = 0.0;                // Q of `membership`, recomputed from scratch
    int iterations = 0;  // passes run (with n_iterations = -1 the last one moved nothing); 0 without edges
};

// Leiden (Traag, Waltman & van Eck, "From Louvain to Leiden: guaranteeing well-connected
// communities", Sci. Rep. 9, 5233, 2019) maximizing modularity with a resolution parameter,
// or Louvain (Blondel et al. 2008) with algorithm = Louvain.
//
// A pass, as in igraph's `community_leiden`: (1) fast local moving: vertices in a seeded
// random order in a queue; each moves to the neighbouring (or an empty) cluster with the
// largest modularity gain, if strictly positive, and re-queues its neighbours outside the
// new cluster; (2) refinement: inside each cluster, starting from singletons, every singleton
// that is well connected to its cluster (w(v, C-v) >= gamma k_v (K_C - k_v)/(2m)), visited in
// random order, may join a well-connected refined cluster (chosen as described under
// `randomness`); (3) aggregation of the graph by the refined partition, each aggregate node
// starting in its local-moving cluster. When refinement merges nothing, the aggregation uses
// the local-moving partition (as igraph). Levels repeat until every cluster is one node.
// Guarantees (Leiden): every cluster is connected; after a pass that moves nothing, no single
// vertex can move to improve Q.
//
// Deterministic: the same graph, options and seed give the same membership. Single-threaded.
// Throws std::invalid_argument for parameters out of the ranges above, or an
// initial_membership whose size is not num_vertices().
// Time O(m) per level and pass in practice (dense neighbour-cluster arrays, no hashing);
// memory O(n + m). On cit-HepPh (34,546 vertices, 420,877 edges) one pass takes ~0.07 s of
// CPU on the project's 2-core machine, about a third of python-igraph 0.10.2's.
LeidenResult leiden(const UndirectedGraph& g, const LeidenOptions& opt = {});

// ---------------------------------------------------------------------------------------
// Components
// ---------------------------------------------------------------------------------------

struct ComponentsResult {
    std::vector<std::uint32_t> membership;  // canonical labels
    std::vector<std::uint32_t> sizes;       // sizes[c], non-increasing
    std::uint32_t count() const { return static_cast<std::uint32_t>(sizes.size()); }
};

// Weakly connected components of a directed graph: the connected components of its
// undirected view (edge direction ignored). Union-find with union by size and path halving.
// O(n + m alpha(n)) time, O(n) extra memory. (Boost's connected_components on a directed graph
// is wrong for this; see STYLE.md.)
ComponentsResult weakly_connected_components(const CsrGraph& g);

// Strongly connected components of a directed graph (u and v in one component iff each is
// reachable from the other). Tarjan (1972) with an explicit stack, so the recursion depth
// does not depend on the input. O(n + m) time, O(n) extra memory.
ComponentsResult strongly_connected_components(const CsrGraph& g);

// ---------------------------------------------------------------------------------------
// Comparing partitions
// ---------------------------------------------------------------------------------------

// Normalized mutual information with arithmetic normalization:
//   NMI = I(A;B) / ((H(A) + H(B)) / 2)
// sklearn's normalized_mutual_info_score (average_method="arithmetic", the default) and
// igraph's compare_communities(method="nmi"). 1 when both partitions have zero entropy
// (including n = 0). Labels are arbitrary. Throws std::invalid_argument unless a.size() ==
// b.size(). O(n log n).
double normalized_mutual_information(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);

// Adjusted Rand index (Hubert & Arabie 1985), as sklearn's adjusted_rand_score and igraph's
// compare_communities(method="adjusted_rand"). 1 when the partitions are equal; about 0 for
// independent ones; 1 when the index is undefined (both partitions all singletons or both one
// cluster, or n < 2), as sklearn. Throws std::invalid_argument unless a.size() == b.size().
// O(n log n).
double adjusted_rand_index(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);

}  // namespace citegraph::analysis
