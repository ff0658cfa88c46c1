#pragma once
// Centrality kernels over the read-only CSR projection (analysis/csr.hpp).
//
// Every kernel is a free function: a CsrGraph and an options struct in, a plain result struct
// out, vectors indexed by vertex. Options are checked before any work; a bad value throws
// std::invalid_argument whose message names the parameter and its allowed range. Kernels are
// parallel with OpenMP where it pays, and their results do not depend on the number of threads
// (same bytes for 1 and N threads): every reduction runs over fixed blocks combined in a fixed
// order, never in the order threads finish.
//
// Multigraph conventions (a CsrGraph keeps parallel edges and self-loops as given):
// - PageRank, HITS, degree: parallel edges add up (their weights are summed), exactly as
//   networkx does for a MultiDiGraph. A networkx DiGraph built from an edge list collapses
//   parallel edges instead, so cross-checks against networkx use a deduplicated (simple) graph,
//   or sum the weights on the networkx side. Self-loops count like any other edge.
// - Betweenness, harmonic closeness: a path is a sequence of vertices, so parallel edges never
//   make two paths out of one; with lengths, a step u->v costs the smallest weight among the
//   parallel u->v edges (networkx's rule for multigraphs). Self-loops are never on a shortest path.
// - k-core: the graph as an undirected multigraph without its self-loops (see core_number).
#include "analysis/csr.hpp"

#include <cstdint>
#include <vector>

namespace citegraph::analysis {

// ---------------------------------------------------------------------------------------------
// PageRank

// When the power iteration stops. `err` is the L1 change of the score vector in one iteration,
// sum over v of |x_new[v] - x[v]|, and n the number of vertices.
enum class PageRankStop {
    NetworkxScaled,  // err < n * tolerance: networkx 2.8 `pagerank`'s test (`err < N * tol`)
    Absolute,        // err < tolerance
};

// How the scores are computed. Both give the same fixed point and end with the same test (one
// power iteration from the result changes it by less than the tolerance); they differ in speed.
enum class PageRankSolver {
    // SccGaussSeidel when it applies (damping < 1 and no separate dangling distribution: then
    // the fixed point is a linear system, see below) and pays, else Power. It pays where the
    // power iteration is slow, on nearly acyclic graphs such as citation graphs; on a graph
    // that is mostly one giant cycle (R-MAT, social graphs) the iteration mixes in ~20 steps
    // and runs in parallel. Auto tells them apart by the input alone: from probe_from_edges
    // (2^22) edges on, by how fast the change falls over 3 power iterations (kept if the
    // iteration goes on: a third iteration's change below 0.3 times the second's); below, by
    // giving the solve up when more than half of the vertices wait in unfinished cycles.
    Auto,
    // Power iteration from x = 1/n (networkx's iteration), parallel over vertices.
    Power,
    // Solve (I - alpha P^T) y = p component by component: the strongly connected components in
    // topological order, one exact step for a component of one vertex, Gauss-Seidel sweeps
    // inside a larger one; then x = y / sum(y). The change one power iteration would make is
    // known from the solve's residuals without running it (see page_rank); only if it misses
    // the threshold do power iterations follow, from x. Serial. On a citation graph, where
    // most components are single papers, this reads each edge a few times where power
    // iteration reads it ~150 times.
    SccGaussSeidel,
};

struct PageRankOptions {
    double damping = 0.85;      // alpha, in [0, 1]
    double tolerance = 1e-10;   // > 0. networkx's default `tol` is 1e-6; ours is tighter
    PageRankStop stop = PageRankStop::NetworkxScaled;
    int max_iterations = 1000;  // >= 1 (networkx: 100; with tolerance 1e-10 a small graph needs ~150)
    bool use_weights = true;    // use the CsrGraph's edge weights when it has any; else every edge is 1
    // Teleport distribution: empty = uniform 1/n; otherwise one value per vertex, each finite and
    // >= 0, with a positive sum; normalized to sum 1 (networkx's `personalization`).
    std::vector<double> personalization;
    // Where the rank of a dangling vertex goes: empty = the personalization vector (networkx's
    // default `dangling=None`); otherwise one value per vertex as above, normalized to sum 1.
    std::vector<double> dangling;
    PageRankSolver solver = PageRankSolver::Auto;
    // Auto only: from this many edges on, 3 power iterations decide the solver (see Auto); the
    // component search costs ~1 s on a 64M-edge graph before it can give up.
    std::uint32_t probe_from_edges = std::uint32_t{1} << 22;
};

struct PageRankResult {
    std::vector<double> score;  // sums to 1 (up to rounding)
    int iterations = 0;         // power iterations performed (SccGaussSeidel: after the solve, usually 0)
    bool converged = false;     // the stop criterion held within max_iterations
    // L1 change of the last iteration; with SccGaussSeidel and 0 iterations, the change one
    // iteration from the result would make, computed from the solve's residuals.
    double last_change = 0.0;
    PageRankSolver solver = PageRankSolver::Power;  // the solver that ran (never Auto)
    // SccGaussSeidel only: components of more than one vertex, the largest one's size, and the
    // most Gauss-Seidel sweeps any component took.
    std::uint32_t cyclic_components = 0;
    std::uint32_t largest_component = 0;
    int sweeps = 0;
};

// PageRank by networkx 2.8's definition (`networkx.pagerank`, which is `pagerank_scipy`):
// W(u) is the total weight of u's out-edges; u is dangling when W(u) == 0 (no out-edges, or only
// zero-weight ones). Starting from x = 1/n, each iteration computes
//     x_new[v] = alpha * ( sum_{u->v} x[u] * w(u,v) / W(u)  +  d[v] * sum_{u dangling} x[u] )
//                + (1 - alpha) * p[v]
// with p the personalization and d the dangling distribution, and stops by `stop`. The scores
// are not renormalized; the iteration keeps their sum at 1. Unlike networkx, non-convergence
// is not an error: the last iterate is returned with converged == false.
// SccGaussSeidel: when d == p and alpha < 1 the fixed point is x = y / sum(y) with
//     y = p + alpha P^T y,   P[u][v] = w(u,v) / W(u) (rows of dangling vertices all zero),
// because x = alpha P^T x + (alpha * dangling mass + 1 - alpha) p, a multiple of y. y is found
// component by component (every in-neighbour of a component lies in it or in an earlier one);
// inside a component, Gauss-Seidel (in push form, revisiting only vertices with residual left)
// in DFS finishing order, in which only the DFS's back edges point against the order. A
// component stops when its residuals sum to at most threshold * (its size / n) / 4, or after
// max_iterations sweeps. One power iteration from x = y / sum(y) would change it by
// |r - sum(r) p|_1 / sum(y) (r: the residuals left), which is reported as last_change and
// judged by `stop` without running the iteration; when it misses the threshold, power
// iterations follow from x, with the stop test and max_iterations as above.
// Power iteration: pull-based over in-edges, parallel over fixed blocks of vertices.
// Throws std::invalid_argument for an option out of range, a personalization or dangling vector
// of the wrong size, negative or zero-sum, or (when weights are used) a negative or non-finite
// edge weight.
// Complexity: O(n + m) memory beyond the graph, O(n + m) work per iteration; SccGaussSeidel
// adds O(n) for the components and O(m_c) per sweep of a component with m_c inner edges.
// References: Page, Brin, Motwani, Winograd, "The PageRank citation ranking", 1999; the linear
// system and component-wise solve: Langville, Meyer, "Google's PageRank and beyond", 2006, and
// PRPACK (Gleich et al.), igraph's solver; components: Tarjan, SIAM J. Comput. 1(2), 1972; networkx 2.8
// networkx/algorithms/link_analysis/pagerank_alg.py. Boost.Graph's page_rank is a different
// computation (it drops dangling rank and runs a fixed number of iterations) and is not used.
PageRankResult page_rank(const CsrGraph& g, const PageRankOptions& opt = {});

// ---------------------------------------------------------------------------------------------
// Betweenness

struct BetweennessOptions {
    // false: every edge has length 1 (breadth-first search). true: edge weights are lengths
    // (Dijkstra); they must be finite and > 0. An unweighted CsrGraph has length 1 everywhere.
    bool weighted = false;
    // networkx's normalized=True for directed graphs: multiply by 1 / ((n-1)(n-2)) when n > 2.
    bool normalized = true;
    // 0: exact, every vertex is a source. k in [1, n]: estimate from k sources sampled without
    // replacement with `seed` (see betweenness()).
    std::uint32_t samples = 0;
    std::uint64_t seed = 0;
};

struct BetweennessResult {
    std::vector<double> score;
    std::vector<CsrGraph::Vertex> sources;  // the sampled sources, ascending; empty when exact
};

// Shortest-path betweenness of a directed graph,
//     B(v) = sum over s != v != t of sigma_st(v) / sigma_st,
// sigma_st the number of shortest s->t paths and sigma_st(v) the number through v (endpoints
// excluded; pairs with no path add nothing), by Brandes' algorithm (one BFS or Dijkstra per
// source, then dependency accumulation in reverse order of distance). Equal lengths are found
// by exact floating-point comparison of path sums, as networkx does; integer or dyadic weights
// make ties exact.
// Scaling as networkx 2.8 `betweenness_centrality(G, k, normalized, weight, seed)` on a DiGraph:
// normalized multiplies by 1/((n-1)(n-2)) (n > 2); an estimate from k sources multiplies by n/k
// as well. Deviation: networkx 2.8 leaves out the n/k factor when normalized=False for directed
// graphs; we always apply it, so the estimate is unbiased for the exact value either way.
// Sampling (reproducible across platforms, independent of the standard library): a partial
// Fisher-Yates shuffle of 0..n-1 driven by std::mt19937_64(seed); step i swaps position i with
// i + r, r uniform in [0, n-i) drawn by rejection (discard draws below 2^64 mod (n-i), then
// take the draw mod (n-i)); the first k positions, sorted, are the sources. networkx samples
// with Python's `random`, so its sample differs for the same seed.
// Parallel over sources: sources are cut into fixed chunks, each summed into its own
// accumulator and combined in chunk order, so the result does not depend on the thread count.
// Throws std::invalid_argument for samples > n, or (weighted) a weight that is not finite and > 0.
// Complexity: O(k m) unweighted, O(k (m + n log n)) weighted, k = number of sources. Memory:
// a deduplicated adjacency, O(n + m); per thread O(n), plus O(m) for the unweighted search's
// list of shortest-path DAG edges; and accumulators of n doubles, as many as fit in 32 MiB
// but at least 2.
// Reference: U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25(2),
// 2001; sampling: Brandes and Pich, "Centrality estimation in large networks", 2007; networkx 2.8
// networkx/algorithms/centrality/betweenness.py.
BetweennessResult betweenness(const CsrGraph& g, const BetweennessOptions& opt = {});

// ---------------------------------------------------------------------------------------------
// Degree

struct DegreeOptions {
    bool weighted = false;    // sum edge weights instead of counting edges (networkx degree(weight=...))
    bool normalized = false;  // divide by n-1 like networkx's (in_/out_)degree_centrality (n == 1: 1)
};

struct DegreeResult {
    std::vector<double> in;
    std::vector<double> out;
    std::vector<double> total;  // in + out; a self-loop counts twice, as in networkx's DiGraph.degree
};

// In-, out- and total degree; parallel edges count once each. O(n + m).
// Reference: networkx 2.8 DiGraph.in_degree/out_degree/degree and degree_centrality.
DegreeResult degree(const CsrGraph& g, const DegreeOptions& opt = {});

// ---------------------------------------------------------------------------------------------
// HITS

struct HitsOptions {
    double tolerance = 1e-10;   // > 0 (networkx's default `tol` is 1e-8)
    int max_iterations = 1000;  // >= 1 (networkx: 100)
    bool use_weights = true;    // A[u][v] = total weight of the u->v edges; else the edge count
    bool normalized = true;     // scale both vectors to sum 1; false: to max 1
};

struct HitsResult {
    std::vector<double> hub;
    std::vector<double> authority;
    int iterations = 0;
    bool converged = false;
    double last_change = 0.0;  // L1 change of the max-scaled hub vector in the last iteration
};

// Kleinberg's hubs and authorities by networkx 2.8's power iteration (`_hits_python`, the
// definition `nx.hits` computes with a sparse SVD): h = 1/n; each iteration a = A^T h, h = A a,
// both scaled to max 1; stop when sum |h - h_last| < tolerance. So h converges to the principal
// eigenvector of A A^T and a to that of A^T A. When the top eigenvalue is repeated, the result is
// the component of the uniform start vector in its eigenspace (svds may return any vector of it).
// A graph without an edge of positive weight has no dominant direction: every vertex gets 1/n
// (or 1 when not normalized), converged, 0 iterations.
// Parallel pull over in- and out-edges; the L1 change is summed over fixed blocks in order.
// Throws std::invalid_argument for an option out of range or (use_weights) a negative or
// non-finite weight. Complexity: O(n + m) per iteration.
// Reference: J. Kleinberg, "Authoritative sources in a hyperlinked environment", JACM 46(5),
// 1999; networkx 2.8 networkx/algorithms/link_analysis/hits_alg.py.
HitsResult hits(const CsrGraph& g, const HitsOptions& opt = {});

// ---------------------------------------------------------------------------------------------
// k-core

enum class CoreMode {
    All,  // degree = in + out: networkx 2.8 core_number on a DiGraph
    In,   // in-degree cores (igraph coreness(mode="in"))
    Out,  // out-degree cores (igraph coreness(mode="out"))
};

struct CoreOptions {
    CoreMode mode = CoreMode::All;
};

struct CoreResult {
    std::vector<std::uint32_t> core;
    std::uint32_t degeneracy = 0;  // the largest core number (0 for an empty graph)
};

// Core number: the largest k such that v lies in a subgraph where every vertex has degree >= k
// (degree counted inside the subgraph by `mode`). Self-loops are ignored: networkx refuses a
// graph with self-loops, and the result equals networkx's core_number after
// `G.remove_edges_from(nx.selfloop_edges(G))`. Parallel edges count with their multiplicity, and
// in mode All the pair u->v, v->u counts 2 for each end, as networkx's DiGraph degree does
// (so the 2-cycle 0 <-> 1 is a 2-core). Serial. Complexity: O(n + m).
// Reference: V. Batagelj, M. Zaversnik, "An O(m) algorithm for cores decomposition of networks",
// 2003; networkx 2.8 networkx/algorithms/core.py.
CoreResult core_number(const CsrGraph& g, const CoreOptions& opt = {});

// ---------------------------------------------------------------------------------------------
// Harmonic closeness

struct HarmonicOptions {
    // false: every edge has length 1. true: edge weights are lengths, finite and > 0.
    bool weighted = false;
};

struct HarmonicResult {
    std::vector<double> score;
};

// Harmonic centrality as networkx 2.8 `harmonic_centrality(G, distance=...)` on a DiGraph:
//     H(u) = sum over v != u reachable to u of 1 / d(v, u),
// the distance measured FROM v TO u (networkx sums 1/d over shortest_path_length(G, v), the
// paths leaving each source v). In a citation graph a paper scores high when many papers
// reach it through short citation chains. Not normalized. One BFS (or Dijkstra) per vertex over
// the in-edges; parallel over vertices, each sum computed by one thread.
// Throws std::invalid_argument when weighted and a weight is not finite and > 0.
// Complexity: O(n m) unweighted, O(n (m + n log n)) weighted; O(n) memory per thread.
// Reference: Marchiori, Latora, "Harmony in the small-world", Physica A 285, 2000; Boldi,
// Vigna, "Axioms for centrality", 2014; networkx 2.8 networkx/algorithms/centrality/harmonic.py.
HarmonicResult harmonic_centrality(const CsrGraph& g, const HarmonicOptions& opt = {});

}  // namespace citegraph::analysis
