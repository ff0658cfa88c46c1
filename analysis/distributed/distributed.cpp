#include "analysis/distributed/distributed.hpp"
#include "analysis/distributed/vertex_distribution.hpp"

#include <boost/graph/use_mpi.hpp>
// use_mpi.hpp must come first: PBGL's headers refuse to compile without it.
#include <boost/graph/distributed/adjacency_list.hpp>
#include <boost/graph/distributed/connected_components.hpp>
#include <boost/graph/distributed/mpi_process_group.hpp>
#include <boost/graph/iteration_macros.hpp>
#include <boost/mpi/collectives.hpp>
#include <boost/property_map/parallel/distributed_property_map.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace citegraph::analysis::distributed {
namespace {

using ProcessGroup = boost::graph::distributed::mpi_process_group;
using DirectedGraph = boost::adjacency_list<boost::vecS, boost::distributedS<ProcessGroup, boost::vecS>, boost::directedS,
                                            boost::no_property, boost::property<boost::edge_weight_t, double>>;
using UndirectedGraph = boost::adjacency_list<boost::vecS, boost::distributedS<ProcessGroup, boost::vecS>, boost::undirectedS>;

// Remote contributions to a rank are summed at their owner: the same reducer PBGL's own
// page_rank uses, so that a put to a vertex of another rank adds instead of overwriting.
struct AddReducer {
    BOOST_STATIC_CONSTANT(bool, non_default_resolver = true);
    template <typename Key>
    double operator()(const Key&) const { return 0.0; }
    template <typename Key>
    double operator()(const Key&, double x, double y) const { return x + y; }
};

// Collects one value per local vertex on every rank into a vector indexed by global vertex on
// rank 0. The ranks' blocks are contiguous, but the mapping is asked of the graph's
// distribution (the one it was built with) rather than assumed.
template <typename Graph, typename T>
std::vector<T> gather_to_root(const boost::mpi::communicator& world, const Graph& g, const std::vector<T>& local,
                              std::size_t n) {
    std::vector<std::vector<T>> parts;
    boost::mpi::gather(world, local, parts, 0);
    std::vector<T> all;
    if (world.rank() != 0) return all;
    all.resize(n);
    for (std::size_t owner = 0; owner < parts.size(); ++owner)
        for (std::size_t i = 0; i < parts[owner].size(); ++i) all[g.distribution().global(owner, i)] = parts[owner][i];
    return all;
}

// PBGL's edge-list constructors (adjlist/initialize.hpp, for vecS vertex lists) add, on each
// rank, the listed edges whose source the rank owns under the given distribution, and skip the
// others: they were written for every rank passing the same list. Each rank here passes only
// its own edges (load_edge_lists routes them), so an edge of another rank would be lost
// silently; this says so instead, on every rank alike. (An undirected edge is still stored at
// both ends: PBGL sends it to the target's owner during the constructor's synchronize.)
void require_local_sources(const boost::mpi::communicator& world, const boost::parallel::uneven_block& owner_of,
                           const EdgeListGraph& graph, std::size_t n) {
    const auto me = static_cast<std::size_t>(world.rank());
    bool misplaced = false;
    for (const auto& [u, v] : graph.edges) misplaced = misplaced || u >= n || v >= n || owner_of(static_cast<std::size_t>(u)) != me;
    if (boost::mpi::all_reduce(world, misplaced, std::logical_or<bool>()))
        throw std::logic_error("an edge was given to a rank that does not own its source");
}

}  // namespace

PageRankResult page_rank(const boost::mpi::communicator& world, const EdgeListGraph& graph,
                         const PageRankOptions& options) {
    const std::size_t n = graph.ids.size();
    PageRankResult result;
    if (n == 0) return result;
    if (!(options.damping >= 0.0 && options.damping <= 1.0)) throw std::invalid_argument("damping must be in [0, 1]");
    if (!(options.tolerance > 0.0)) throw std::invalid_argument("tolerance must be > 0");

    ProcessGroup pg;
    std::vector<double> weights = graph.weights;
    if (weights.empty()) weights.assign(graph.edges.size(), 1.0);
    const auto distribution = vertex_distribution(world, graph);
    require_local_sources(world, distribution, graph, n);
    const DirectedGraph g(graph.edges.begin(), graph.edges.end(), weights.begin(), n, pg, distribution);
    const auto weight = get(boost::edge_weight, g);
    const auto index = get(boost::vertex_index, g);
    const std::size_t local_n = num_vertices(g);

    // Total out-weight of each local vertex; zero means dangling (networkx's rule).
    std::vector<double> out_weight(local_n, 0.0);
    BGL_FORALL_VERTICES(u, g, DirectedGraph) {
        double total = 0.0;
        BGL_FORALL_OUTEDGES(u, e, g, DirectedGraph) total += get(weight, e);
        out_weight[get(index, u)] = total;
    }

    std::vector<double> current(local_n, 1.0 / static_cast<double>(n));
    std::vector<double> incoming_storage(local_n, 0.0);
    auto incoming = boost::make_iterator_property_map(incoming_storage.begin(), index);
    incoming.set_reduce(AddReducer());
    incoming.set_consistency_model(boost::parallel::cm_flush | boost::parallel::cm_reset);

    // A put to another rank's vertex goes through the property map's ghost cell for it (a
    // hashed lookup); once per edge that costs more than the rest of the iteration when the
    // blocks split the edges evenly, since then many edges cross ranks. So each rank sums its
    // contributions to every other rank's vertex in a plain array (by global vertex) and puts
    // each sum once. The additions happen in the same order as before, so the scores are the
    // same bits.
    using Vertex = boost::graph_traits<DirectedGraph>::vertex_descriptor;
    const auto me = process_id(pg);
    std::vector<double> remote_sum(n, 0.0);
    std::vector<Vertex> remote_targets;  // each distinct target on another rank, once
    {
        std::vector<bool> seen(n, false);
        BGL_FORALL_VERTICES(u, g, DirectedGraph)
        BGL_FORALL_OUTEDGES(u, e, g, DirectedGraph) {
            const Vertex v = target(e, g);
            if (v.owner == me) continue;
            const std::size_t global = distribution.global(v.owner, v.local);
            if (!seen[global]) remote_targets.push_back(v);
            seen[global] = true;
        }
    }

    const double alpha = options.damping;
    const double threshold = static_cast<double>(n) * options.tolerance;
    for (int it = 1; it <= options.max_iterations; ++it) {
        double local_dangling = 0.0;
        BGL_FORALL_VERTICES(v, g, DirectedGraph) put(incoming, v, 0.0);
        BGL_FORALL_VERTICES(u, g, DirectedGraph) {
            const auto i = get(index, u);
            if (out_weight[i] == 0.0) {
                local_dangling += current[i];
                continue;
            }
            const double share = current[i] / out_weight[i];
            BGL_FORALL_OUTEDGES(u, e, g, DirectedGraph) {
                const Vertex v = target(e, g);
                const double contribution = share * get(weight, e);
                if (v.owner == me)
                    incoming_storage[v.local] += contribution;  // vecS: the local index is the vertex index
                else
                    remote_sum[distribution.global(v.owner, v.local)] += contribution;
            }
        }
        for (const Vertex v : remote_targets) {
            double& sum = remote_sum[distribution.global(v.owner, v.local)];
            put(incoming, v, sum);  // the ghost cell was reset by the last synchronize
            sum = 0.0;
        }
        synchronize(pg);  // every remote contribution has reached its owner
        const double dangling = boost::mpi::all_reduce(world, local_dangling, std::plus<double>());
        const double base = (alpha * dangling + (1.0 - alpha)) / static_cast<double>(n);
        double local_change = 0.0;
        for (std::size_t i = 0; i < local_n; ++i) {
            const double next = alpha * incoming_storage[i] + base;
            local_change += std::abs(next - current[i]);
            current[i] = next;
        }
        result.last_change = boost::mpi::all_reduce(world, local_change, std::plus<double>());
        result.iterations = it;
        if (result.last_change < threshold) {
            result.converged = true;
            break;
        }
    }
    incoming.reset();
    result.score = gather_to_root(world, g, current, n);
    return result;
}

std::vector<std::uint32_t> weak_components(const boost::mpi::communicator& world, const EdgeListGraph& graph) {
    const std::size_t n = graph.ids.size();
    if (n == 0) return {};
    ProcessGroup pg;
    const auto distribution = vertex_distribution(world, graph);
    require_local_sources(world, distribution, graph, n);
    UndirectedGraph g(graph.edges.begin(), graph.edges.end(), n, pg, distribution);
    std::vector<std::uint64_t> component_storage(num_vertices(g), 0);
    auto component = boost::make_iterator_property_map(component_storage.begin(), get(boost::vertex_index, g));
    boost::connected_components(g, component);
    synchronize(pg);

    // PBGL numbers components by its own rule; renumber them on rank 0 in order of each
    // component's smallest vertex, the order the single-machine pass uses.
    const std::vector<std::uint64_t> raw = gather_to_root(world, g, component_storage, n);
    std::vector<std::uint32_t> out;
    if (world.rank() != 0) return out;
    out.resize(n);
    std::unordered_map<std::uint64_t, std::uint32_t> dense;
    for (std::size_t v = 0; v < n; ++v) {
        auto [it, inserted] = dense.try_emplace(raw[v], static_cast<std::uint32_t>(dense.size()));
        out[v] = it->second;
    }
    return out;
}

}  // namespace citegraph::analysis::distributed
