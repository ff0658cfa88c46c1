#pragma once
// The distributed mode: PageRank and connected components on the Parallel Boost Graph Library
// (PBGL) over MPI, with the same definitions as the single-machine passes in
// analysis/centrality.hpp and analysis/clusters.hpp, so that their results agree.
//
// Every rank reads the same input (the edge list is parsed on every rank, which keeps vertex
// numbering identical without a global id exchange); each rank then keeps only the edges whose
// source it owns under PBGL's block distribution and builds its part of a distributed
// adjacency_list. Memory for the graph is therefore split across ranks; the parse is not.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <boost/mpi/communicator.hpp>

namespace citegraph::analysis::distributed {

// A citation graph as every rank sees it after parsing: vertices 0..n-1 (ids[i] is vertex i),
// edges (citing, cited) already deduplicated the way the single-machine citation projection
// does (one edge per ordered pair, the first occurrence's weight).
struct EdgeListGraph {
    std::vector<std::string> ids;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    std::vector<double> weights;  // empty = every edge weighs 1
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
// with the same graph.
PageRankResult page_rank(const boost::mpi::communicator& world, const EdgeListGraph& graph,
                         const PageRankOptions& options);

// Weakly connected components (edge directions ignored) by PBGL's parallel
// connected_components. On rank 0: the component of every vertex, numbered 0, 1, ... in order
// of each component's smallest vertex; empty on other ranks. Collective.
std::vector<std::uint32_t> weak_components(const boost::mpi::communicator& world, const EdgeListGraph& graph);

}  // namespace citegraph::analysis::distributed
