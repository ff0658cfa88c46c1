#include "analysis/layout.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace citegraph::analysis {
namespace {

using SimpleGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using Topology = boost::square_topology<boost::minstd_rand>;

// One undirected edge per pair of distinct vertices: Fruchterman-Reingold pulls once per
// edge, so a reciprocal citation would otherwise pull twice.
std::vector<std::pair<std::uint32_t, std::uint32_t>> simple_pairs(
    std::span<const std::pair<std::uint32_t, std::uint32_t>> edges) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    pairs.reserve(edges.size());
    for (auto [u, v] : edges) {
        if (u == v) continue;
        pairs.emplace_back(std::min(u, v), std::max(u, v));
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return pairs;
}

LayoutResult force_directed(std::uint32_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs,
                            const LayoutOptions& options) {
    SimpleGraph g(pairs.begin(), pairs.end(), n);
    boost::minstd_rand gen(static_cast<std::uint32_t>(options.seed % 2147483646u) + 1u);  // minstd needs a nonzero seed
    const Topology topology(gen, options.side / 2);
    std::vector<Topology::point_type> position(n);
    auto position_map = boost::make_iterator_property_map(position.begin(), boost::get(boost::vertex_index, g));
    boost::random_graph_layout(g, position_map, topology);
    // Boost's default cooling starts at iterations / 10, which barely moves anything in a
    // square of side 1000; start at a tenth of the side and cool linearly to zero.
    boost::fruchterman_reingold_force_directed_layout(
        g, position_map, topology,
        boost::cooling(boost::linear_cooling<double>(static_cast<std::size_t>(options.iterations), options.side / 10)));
    LayoutResult result;
    result.force_directed = true;
    result.iterations = options.iterations;
    result.x.resize(n);
    result.y.resize(n);
    for (std::uint32_t v = 0; v < n; ++v) {
        // The topology is centred on 0; exports want [0, side] (no negative numbers in CSV).
        result.x[v] = std::clamp(position[v][0] + options.side / 2, 0.0, options.side);
        result.y[v] = std::clamp(position[v][1] + options.side / 2, 0.0, options.side);
    }
    return result;
}

LayoutResult grid_by_cluster(std::uint32_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs,
                             std::span<const std::uint32_t> membership, const LayoutOptions& options) {
    std::vector<std::uint32_t> degree(n, 0);
    for (auto [u, v] : pairs) {
        ++degree[u];
        ++degree[v];
    }
    // Group members by label; groups ordered by size (largest first), then smallest member.
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    const auto label = [&](std::uint32_t v) { return membership.empty() ? v : membership[v]; };
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return label(a) < label(b); });
    std::vector<std::pair<std::size_t, std::size_t>> groups;  // [begin, end) in `order`
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && label(order[j]) == label(order[i])) ++j;
        groups.emplace_back(i, j);
        i = j;
    }
    std::stable_sort(groups.begin(), groups.end(), [&](const auto& a, const auto& b) {
        const std::size_t sa = a.second - a.first, sb = b.second - b.first;
        if (sa != sb) return sa > sb;
        return order[a.first] < order[b.first];
    });

    // Members of a group sit on a sunflower spiral of unit spacing: radius sqrt(i + 0.5),
    // angle i times the golden angle, which fills a disk of radius ~sqrt(size) evenly.
    const double golden_angle = M_PI * (3.0 - std::sqrt(5.0));
    const double gap = 2.0;  // between disks, in member spacings
    const double row_width = std::max(4.0, 1.6 * std::sqrt(static_cast<double>(n)) + 8.0);
    LayoutResult result;
    result.x.assign(n, 0.0);
    result.y.assign(n, 0.0);
    double cursor_x = 0, cursor_y = 0, row_height = 0;
    for (const auto& [begin, end] : groups) {
        std::stable_sort(order.begin() + static_cast<std::ptrdiff_t>(begin), order.begin() + static_cast<std::ptrdiff_t>(end),
                         [&](std::uint32_t a, std::uint32_t b) { return degree[a] > degree[b]; });
        const double radius = std::sqrt(static_cast<double>(end - begin)) + 0.5;
        if (cursor_x > 0 && cursor_x + 2 * radius > row_width) {
            cursor_x = 0;
            cursor_y += row_height + gap;
            row_height = 0;
        }
        const double cx = cursor_x + radius, cy = cursor_y + radius;
        for (std::size_t i = begin; i < end; ++i) {
            const double k = static_cast<double>(i - begin);
            const double r = std::sqrt(k + 0.5);
            result.x[order[i]] = cx + r * std::cos(k * golden_angle);
            result.y[order[i]] = cy + r * std::sin(k * golden_angle);
        }
        cursor_x += 2 * radius + gap;
        row_height = std::max(row_height, 2 * radius);
    }
    // Same scale as the force-directed layout: fit into [0, side].
    double extent = 1.0;
    for (std::uint32_t v = 0; v < n; ++v) extent = std::max({extent, result.x[v], result.y[v]});
    const double scale = options.side / extent;
    for (std::uint32_t v = 0; v < n; ++v) {
        result.x[v] *= scale;
        result.y[v] *= scale;
    }
    return result;
}

}  // namespace

LayoutResult compute_layout(std::uint32_t n, std::span<const std::pair<std::uint32_t, std::uint32_t>> edges,
                            std::span<const std::uint32_t> membership, const LayoutOptions& options) {
    if (options.iterations < 1) throw std::invalid_argument("layout iterations must be >= 1, got " + std::to_string(options.iterations));
    if (!(options.side > 0) || !std::isfinite(options.side)) throw std::invalid_argument("layout side must be a positive number");
    if (!membership.empty() && membership.size() != n)
        throw std::invalid_argument("layout membership has " + std::to_string(membership.size()) + " labels for " +
                                    std::to_string(n) + " vertices");
    for (auto [u, v] : edges)
        if (u >= n || v >= n) throw std::invalid_argument("layout edge (" + std::to_string(u) + ", " + std::to_string(v) + ") outside " + std::to_string(n) + " vertices");
    if (n == 0) return {};
    const auto pairs = simple_pairs(edges);
    if (n <= options.force_directed_limit) return force_directed(n, pairs, options);
    return grid_by_cluster(n, pairs, membership, options);
}

}  // namespace citegraph::analysis
