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

// Repulsion between the pairs of vertices closer than 2k, found through a grid of cells of
// side 2k (k = sqrt(area / n), Fruchterman and Reingold's ideal edge length). Boost 1.74's own
// grid_force_pairs computes its cell side from the area instead of its square root, so every
// vertex falls into one cell and each iteration costs O(n^2) (20 s for 50 iterations on Cora);
// this is the grid the paper describes, in deterministic vertex order.
class CellForcePairs {
public:
    CellForcePairs(const std::vector<Topology::point_type>& position, double side, std::size_t n)
        : position_(position), side_(side), two_k_(2.0 * std::sqrt(side * side / static_cast<double>(std::max<std::size_t>(n, 1)))) {
        cells_per_row_ = std::max<std::size_t>(1, static_cast<std::size_t>(side_ / two_k_) + 1);
    }

    template <typename Graph, typename ApplyForce>
    void operator()(const Graph& g, ApplyForce apply_force) const {
        const std::size_t cells = cells_per_row_;
        std::vector<std::vector<std::size_t>> buckets(cells * cells);
        const auto cell_of = [&](double coordinate) {
            const double shifted = (coordinate + side_ / 2) / two_k_;
            return std::min(cells - 1, static_cast<std::size_t>(std::max(0.0, shifted)));
        };
        for (std::size_t v = 0; v < boost::num_vertices(g); ++v)
            buckets[cell_of(position_[v][1]) * cells + cell_of(position_[v][0])].push_back(v);
        for (std::size_t row = 0; row < cells; ++row) {
            for (std::size_t column = 0; column < cells; ++column) {
                const auto& bucket = buckets[row * cells + column];
                for (std::size_t i = 0; i < bucket.size(); ++i) {
                    const std::size_t u = bucket[i];
                    for (std::size_t j = i + 1; j < bucket.size(); ++j) {
                        apply_force(u, bucket[j]);
                        apply_force(bucket[j], u);
                    }
                    // Neighbouring cells: each ordered pair is applied from its own side.
                    for (std::size_t r = row == 0 ? 0 : row - 1; r <= std::min(row + 1, cells - 1); ++r) {
                        for (std::size_t c = column == 0 ? 0 : column - 1; c <= std::min(column + 1, cells - 1); ++c) {
                            if (r == row && c == column) continue;
                            for (std::size_t v : buckets[r * cells + c]) {
                                const double dx = position_[u][0] - position_[v][0];
                                const double dy = position_[u][1] - position_[v][1];
                                if (dx * dx + dy * dy < two_k_ * two_k_) apply_force(u, v);
                            }
                        }
                    }
                }
            }
        }
    }

private:
    const std::vector<Topology::point_type>& position_;
    double side_;
    double two_k_;
    std::size_t cells_per_row_ = 1;
};

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
        boost::force_pairs(CellForcePairs(position, options.side, n))
            .cooling(boost::linear_cooling<double>(static_cast<std::size_t>(options.iterations), options.side / 10)));
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
        result.x[v] = std::min(result.x[v] * scale, options.side);  // rounding may overshoot by an ulp
        result.y[v] = std::min(result.y[v] * scale, options.side);
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
