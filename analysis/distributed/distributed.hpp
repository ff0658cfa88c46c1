#pragma once
// The distributed mode: PageRank and connected components on the Parallel Boost Graph Library
// (PBGL) over MPI, with the same definitions as the single-machine passes in
// analysis/centrality.hpp and analysis/clusters.hpp, so that their results agree.
//
// The edge list is read in parts (analysis/distributed/edge_list_load.hpp): each rank parses a
// byte range of each plain file, the ranks agree on one vertex numbering, and each edge goes to
// the rank that owns its source, where it is stored in that rank's part of a distributed
// adjacency_list. Each rank owns a contiguous block of vertex numbers holding about an equal
// share of the edges (analysis/distributed/vertex_distribution.hpp). Only the id strings and
// the block sizes are on every rank.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <boost/mpi/communicator.hpp>

namespace citegraph::analysis::distributed {

// A citation graph as one rank holds it: every vertex's id (vertices 0..n-1, ids[i] is vertex i,
// the same on every rank), how many vertices each rank owns (rank 0 the first block of vertex
// numbers, rank 1 the next, ...; the same on every rank) and this rank's edges (citing, cited):
// those whose source it owns, deduplicated across all ranks the way the single-machine citation
// projection does (one edge per ordered pair, the first occurrence's weight). load_edge_lists
// builds it, with blocks that split the edges evenly; the passes below throw std::logic_error
// (on every rank) when an edge's source belongs to another rank.
struct EdgeListGraph {
    std::vector<std::string> ids;
    std::vector<std::size_t> vertices_per_rank;  // PBGL's uneven_block; empty = PBGL's block (equal counts)
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;  // this rank's
    std::vector<double> weights;  // one per edge; empty = every edge weighs 1
};

struct PageRankOptions {
    double damping = 0.85;
    double tolerance = 1e-10;  // networkx's stop rule: L1 change < n * tolerance
    int max_iterations = 1000;
};

struct PageRankResult {
    std::vector<double> score;  // on rank 0: one per vertex, by global id; empty on other ranks
    int iterations = 0;
    bool converged = false;
    double last_change = 0.0;
};

// PageRank by networkx's definition (dangling rank spread uniformly, uniform teleport, edge
// weights), computed on a PBGL distributed adjacency_list. Collective: every rank calls it
// with its part of the graph.
PageRankResult page_rank(const boost::mpi::communicator& world, const EdgeListGraph& graph,
                         const PageRankOptions& options);

// Weakly connected components (edge directions ignored) by PBGL's parallel
// connected_components. On rank 0: the component of every vertex, numbered 0, 1, ... in order
// of each component's smallest vertex; empty on other ranks. Collective.
std::vector<std::uint32_t> weak_components(const boost::mpi::communicator& world, const EdgeListGraph& graph);

}  // namespace citegraph::analysis::distributed
