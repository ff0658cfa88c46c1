#include "analysis/distributed/vertex_distribution.hpp"

#include <numeric>
#include <stdexcept>

namespace citegraph::analysis::distributed {
namespace {

// PBGL's distributions ask a "linear process group" for its rank and size; this answers for
// a communicator, so that the loader (which has no PBGL process group) builds the same object.
struct Ranks {
    int rank;
    int size;
};
int process_id(const Ranks& r) { return r.rank; }
int num_processes(const Ranks& r) { return r.size; }

}  // namespace

std::vector<std::size_t> balanced_blocks(const std::vector<std::uint64_t>& out_degree, std::size_t ranks) {
    if (ranks == 0) throw std::invalid_argument("balanced_blocks: no ranks");
    const std::size_t n = out_degree.size();
    std::vector<std::size_t> sizes(ranks, 0);
    if (n < ranks) {
        // One vertex each for the first n ranks; the empty blocks come last, where they are safe.
        for (std::size_t r = 0; r < n; ++r) sizes[r] = 1;
        return sizes;
    }
    const std::uint64_t total = std::accumulate(out_degree.begin(), out_degree.end(), std::uint64_t{0});
    std::size_t begin = 0;  // the current block's first vertex
    std::size_t v = 0;
    std::uint64_t before_v = 0;  // sum of out_degree[0..v)
    for (std::size_t r = 1; r < ranks; ++r) {
        // The first cut at or past r/ranks of the edges, then kept where each block (this one
        // and every later one) still gets at least one vertex.
        while (v < n && before_v * ranks < total * r) before_v += out_degree[v++];
        const std::size_t lowest = begin + 1, highest = n - (ranks - r);
        std::size_t end = std::min(std::max(v, lowest), highest);
        sizes[r - 1] = end - begin;
        begin = end;
        // The scan restarts from the cut when the clamp moved it back.
        if (end < v) {
            v = end;
            before_v = std::accumulate(out_degree.begin(), out_degree.begin() + static_cast<std::ptrdiff_t>(v), std::uint64_t{0});
        }
    }
    sizes[ranks - 1] = n - begin;
    return sizes;
}

boost::parallel::uneven_block vertex_distribution(const boost::mpi::communicator& world, const EdgeListGraph& graph) {
    const Ranks ranks{world.rank(), world.size()};
    const auto p = static_cast<std::size_t>(world.size());
    if (!graph.vertices_per_rank.empty()) {
        std::size_t total = 0;
        for (auto s : graph.vertices_per_rank) total += s;
        if (graph.vertices_per_rank.size() != p || total != graph.ids.size())
            throw std::logic_error("the vertex blocks do not cover the graph's vertices once per rank");
        return boost::parallel::uneven_block(ranks, graph.vertices_per_rank);
    }
    const boost::parallel::block equal(ranks, graph.ids.size());
    std::vector<std::size_t> sizes(p);
    for (std::size_t r = 0; r < p; ++r) sizes[r] = equal.block_size(r, graph.ids.size());
    return boost::parallel::uneven_block(ranks, sizes);
}

}  // namespace citegraph::analysis::distributed
