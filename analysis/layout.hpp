#pragma once
// Deterministic 2-D positions for the exports that carry coordinates (GEXF viz:position,
// Cytoscape.js positions, VOSviewer x/y, Pajek vertex coordinates).
//
// Small graphs (at most `force_directed_limit` vertices) get a Fruchterman-Reingold
// force-directed layout (Fruchterman & Reingold, "Graph Drawing by Force-directed Placement",
// Software: Practice and Experience 21(11), 1991) computed by Boost.Graph's
// `fruchterman_reingold_force_directed_layout`, started from a random layout drawn from a
// boost::minstd_rand seeded with `seed`, with repulsion only between vertices closer than 2k
// found through a grid (the paper's approximation; Boost 1.74's own grid is mis-sized and
// quadratic, see layout.cpp).
// Larger graphs, where even the grid approximation costs seconds per hundred iterations, get a
// grid by cluster: every cluster is a disk of members placed on a sunflower (Vogel) spiral,
// highest degree in the centre, and the disks are packed row by row, largest cluster first.
// That is O(n log n) and readable: clusters stay together and apart from each other.
//
// Deterministic: the same graph, membership and options give the same coordinates, bit for
// bit, on the same build (no threads, no clock, no unseeded randomness).
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace citegraph::analysis {

struct LayoutOptions {
    std::uint64_t seed = 42;
    // Force-directed iterations (linear cooling), >= 1.
    int iterations = 100;
    // Graphs with more vertices than this get the grid by cluster. Fruchterman-Reingold on
    // Cora (2,708 vertices, 5,429 edges) takes 1.5 s of CPU with 100 iterations on the
    // project's machine, and the cost grows a little faster than n; cit-HepPh (34,546
    // vertices) would take about half a minute, so it gets the grid (under a second).
    std::uint32_t force_directed_limit = 3000;
    // Side of the square the force-directed layout runs in; the grid uses the same scale.
    double side = 1000.0;
};

struct LayoutResult {
    std::vector<double> x, y;  // one per vertex, in [0, side]
    bool force_directed = false;
    int iterations = 0;  // 0 for the grid
};

// `edges` are pairs of vertices < n, read as undirected (direction, loops and duplicates do
// not matter). `membership` is empty or one cluster label per vertex (any labels); the grid
// groups by it, and without it every vertex is its own group of one. Throws
// std::invalid_argument when an edge or membership does not fit n, or iterations < 1.
// Time: force-directed O(iterations * (n + m)) in practice; grid O(n log n + m).
LayoutResult compute_layout(std::uint32_t n, std::span<const std::pair<std::uint32_t, std::uint32_t>> edges,
                            std::span<const std::uint32_t> membership, const LayoutOptions& options = {});

}  // namespace citegraph::analysis
