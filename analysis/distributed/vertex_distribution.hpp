#pragma once
// Which rank owns which vertex: one contiguous block of vertex numbers per rank, sized so that
// each block holds about an equal share of the out-edges (PBGL's boost::parallel::uneven_block).
// The loader routes each edge by it and the passes build their PBGL graphs with it, so that
// every global vertex <-> (owner, local index) mapping in the distributed mode is this one.
#include "analysis/distributed/distributed.hpp"

#include <boost/graph/use_mpi.hpp>
// use_mpi.hpp must come first: PBGL's headers refuse to compile without it.
#include <boost/graph/parallel/distribution.hpp>
#include <boost/mpi/communicator.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace citegraph::analysis::distributed {

// Block sizes (vertices per rank, ranks in order, summing to out_degree.size()) that cut the
// vertex numbers where the prefix sum of out_degree crosses r * total / ranks: the first block
// ends at the first vertex v with sum(out_degree[0..v)) * ranks >= total, and so on. A block
// is then off total / ranks by at most the largest out-degree, unless a cut had to move to
// leave every block a vertex: every block holds at least
// one vertex while there are enough (uneven_block finds the owner by a binary search over the
// block starts, which names the wrong rank after an empty block); with fewer vertices than
// ranks the last ranks get none. Deterministic: every rank computes the same from the same
// counts.
std::vector<std::size_t> balanced_blocks(const std::vector<std::uint64_t>& out_degree, std::size_t ranks);

// The distribution of `graph` on this rank: graph.vertices_per_rank as PBGL's uneven_block, or
// PBGL's block distribution of graph.ids.size() vertices (equal counts) when that is empty.
boost::parallel::uneven_block vertex_distribution(const boost::mpi::communicator& world, const EdgeListGraph& graph);

}  // namespace citegraph::analysis::distributed
