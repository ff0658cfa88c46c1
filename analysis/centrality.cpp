#include "analysis/centrality.hpp"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <numeric>
#include <optional>
#include <queue>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

namespace citegraph::analysis {
namespace {

using Vertex = CsrGraph::Vertex;

// Reductions run over blocks of this many vertices whose partial sums are added in block order:
// the block boundaries depend only on n, so the rounding (and the bytes of the result) do not
// depend on how many threads ran the blocks or in which order they finished. An OpenMP
// `reduction(+:err)` would combine per-thread partials in an unspecified order instead.
constexpr std::uint32_t kBlock = 2048;

std::uint32_t num_blocks(std::uint32_t n) { return (n + kBlock - 1) / kBlock; }

// Below this much work (edge visits and vertex updates) a parallel region costs more than it
// saves, and on a busy machine a fork/join can cost milliseconds: such calls run serially.
constexpr double kParallelWork = 1e6;

// PageRank meets at a barrier once per iteration; below this many vertices plus edges an
// iteration (~0.5 ms on cit-HepPh's 421k edges) is too short for two threads to win it back on
// a machine where another process may hold a core, so it runs on one thread.
constexpr double kPageRankParallelWork = 2e6;

// PageRankSolver::Auto on graphs probed with 3 power iterations (PageRankOptions::
// probe_from_edges): the iteration goes on when the third iteration's change is below
// kSlowMixing times the second's. The threshold sits between what an R-MAT graph shows (0.15)
// and a citation graph (cit-HepPh: 0.40, then rising towards alpha).
constexpr double kSlowMixing = 0.3;

template <typename T>
std::string str(const T& v) {
    std::ostringstream os;
    os.precision(17);
    os << v;
    return os.str();
}

[[noreturn]] void bad(const std::string& fn, const std::string& what) {
    throw std::invalid_argument(fn + ": " + what);
}

// Edge weights, when used, must be finite and >= 0 (positive = true: > 0, for path lengths).
void check_weights(const CsrGraph& g, const std::string& fn, bool positive) {
    if (!g.weighted()) return;
    const std::uint32_t m = g.num_edges();
    for (std::uint32_t k = 0; k < m; ++k) {
        const double w = g.out_weight(k);
        if (!std::isfinite(w) || w < 0.0 || (positive && w == 0.0))
            bad(fn, std::string("edge weights must be finite and ") + (positive ? "> 0" : ">= 0") + ", got " + str(w) +
                        " on edge " + std::to_string(k));
    }
}

// A user distribution (personalization / dangling): n finite values >= 0 with a positive sum,
// returned normalized to sum 1. Empty -> `fallback`.
std::vector<double> distribution(const std::vector<double>& given, std::uint32_t n, const std::string& name,
                                 const std::vector<double>& fallback) {
    if (given.empty()) return fallback;
    if (given.size() != n)
        bad("page_rank", name + " must be empty or have one value per vertex (" + std::to_string(n) + "), got " +
                                 std::to_string(given.size()));
    double sum = 0.0;
    for (double v : given) {
        if (!std::isfinite(v) || v < 0.0) bad("page_rank", name + " values must be finite and >= 0, got " + str(v));
        sum += v;
    }
    if (!(sum > 0.0) || !std::isfinite(sum)) bad("page_rank", name + " must have a positive finite sum, got " + str(sum));
    std::vector<double> out(given);
    for (double& v : out) v /= sum;
    return out;
}

double ordered_sum(const std::vector<double>& parts) {
    double s = 0.0;
    for (double p : parts) s += p;
    return s;
}

// The inputs of a PageRank computation, prepared once for either solver.
struct PageRankSystem {
    std::uint32_t n = 0;
    double alpha = 0.85;
    const std::vector<double>* p = nullptr;  // teleport distribution, sums to 1
    std::vector<double> inv_out;             // 1 / W(u), 0 when u is dangling
    std::vector<double> in_w;                // weight of the k-th in-edge; empty when unweighted
};

// y = p + alpha P^T y component by component (see PageRankSolver::SccGaussSeidel), returned
// normalized to sum 1. `threshold` is the power iteration's stop threshold (on the L1 change).
// Sets res.last_change to the L1 change one power iteration from the result would make, and
// res.converged when it is below the threshold. That change is known without the iteration:
// with r >= 0 the residual the solve leaves (y = p + alpha P^T y - r, r nonzero only inside
// cyclic components), R = sum(r) and s = sum(y), one iteration maps x = y / s to
// x + (r - R p) / s (because s (1 - alpha + alpha * dangling mass of x) = 1 - R), a change of
// |r - R p|_1 / s <= 2R / s <= 2R.
//
// The strongly connected components come from Pearce's variant of Tarjan's algorithm (one
// rindex array instead of lowlink and on-stack flags; iterative), run on the reversed graph by
// following in-edges. When it completes a component, every in-neighbour of its vertices is in
// it or in a component completed earlier, so the component is solved right then, while its
// in-edges are still in cache: the search itself sums what the solved in-neighbours send.
// Inside a component the vertices are in the order the search finished them: for every tree,
// forward or cross edge u -> v of g (v -> u when followed backwards) u finishes first, so only
// the search's back edges point against the order Gauss-Seidel sweeps in.
// `max_waiting`: when more vertices than this wait at once in unfinished cycles, the solve is
// abandoned and an empty vector returned (see PageRankSolver::Auto).
std::vector<double> solve_by_components(const CsrGraph& g, const PageRankSystem& sys, double threshold,
                                        int max_sweeps, std::uint32_t max_waiting, PageRankResult& res) {
    const std::uint32_t n = sys.n;
    const double alpha = sys.alpha;
    const double* const p = sys.p->data();
    const double* const inv = sys.inv_out.data();
    const bool weighted = !sys.in_w.empty();
    const double* const iw = sys.in_w.data();
    const Vertex* const in_src = g.num_edges() ? g.in_neighbors(0).data() : nullptr;
    const Vertex* const out_dst = g.num_edges() ? g.out_neighbors(0).data() : nullptr;

    // y[v]: once v is solved, its unnormalized score; between v's finish and its component's
    // completion, p[v] plus what v's solved in-neighbours send it. c[v] = alpha y[v] / W(v), what
    // v sends along each unit of out-weight, and 0 until v is solved, so the search's sums need
    // not test whether an in-neighbour is solved (nor whether it is v itself).
    std::vector<double> y(n, 0.0), c(n, 0.0), self_weight;
    // rindex[v]: 0 = not visited; while v is open or waits, the least discovery index (from 1,
    // below n + 2) it reaches; once its component is complete, the component's label, counted
    // down from 2^32 - 1, above every discovery index, so the min() below ignores it.
    static_assert(sizeof(Vertex) == 4);
    std::vector<std::uint32_t> rindex(n, 0);
    std::vector<Vertex> waiting;  // finished vertices whose component is not complete yet
    struct Frame {
        Vertex v;
        std::uint32_t next_edge;
        std::uint32_t discovered;  // v is a component's root if rindex[v] keeps this
        double sum;                // what v's solved in-neighbours send it, so far
        double self;               // weight of v's self-loops, so far
    };
    std::vector<Frame> calls;
    // Scratch for a cyclic component, indexed by position in it.
    std::vector<Vertex> members;
    std::vector<std::uint32_t> local, lbegin, ltarget;  // local: allocated at the first cycle
    std::vector<double> lweight, residual, ly, inv_diag, out_share;
    std::uint32_t index = 1, label = std::numeric_limits<std::uint32_t>::max();
    // The residual each cycle's solve leaves, per member; and sum(p) over those members.
    std::vector<std::pair<Vertex, double>> left;
    double p_left = 0.0;

    auto solve_cycle = [&](std::uint32_t own) {
        // Gauss-Seidel in push form: residual[i] is what member i has been sent but not yet
        // taken into y; taking it in (a push) sends alpha w / W of it along each inner out-edge.
        // All terms are >= 0, so residuals are too. A sweep pushes only members whose residual
        // exceeds eps: after a few sweeps only the members near tight cycles still move, and
        // they alone are revisited. It stops when the residuals sum to at most tol, a quarter
        // of the component's share of the threshold: the change one power iteration would
        // make is at most 2 * sum(r) (see above), so all components together keep it below
        // threshold / 2.
        const auto size = static_cast<std::uint32_t>(members.size());
        ++res.cyclic_components;
        res.largest_component = std::max(res.largest_component, size);
        if (local.empty()) local.resize(n);
        for (std::uint32_t i = 0; i < size; ++i) local[members[i]] = i;
        residual.resize(size);
        inv_diag.resize(size);
        out_share.resize(size);
        lbegin.resize(std::size_t{size} + 1);
        std::size_t out_edges = 0;
        for (std::uint32_t i = 0; i < size; ++i) out_edges += g.out_degree(members[i]);
        ltarget.resize(out_edges);
        if (weighted) lweight.resize(out_edges);
        std::uint32_t count = 0;
        for (std::uint32_t i = 0; i < size; ++i) {
            const Vertex v = members[i];
            lbegin[i] = count;
            residual[i] = y[v];
            inv_diag[i] = 1.0 / (1.0 - alpha * self_weight[v] * inv[v]);
            out_share[i] = alpha * inv[v];
            // Inner out-edges, self-loops left out (inv_diag accounts for them). Every edge is
            // written and only an inner one kept, without a branch the predictor would miss.
            // Membership by label: a vertex outside the component has another component's
            // label, 0 (not visited) or a discovery index.
            for (std::uint32_t k = g.out_begin(v), end = g.out_begin(v + 1); k < end; ++k) {
                const Vertex w = out_dst[k];
                ltarget[count] = local[w];
                if (weighted) lweight[count] = alpha * g.out_weight(k) * inv[v];
                count += rindex[w] == own && w != v;
            }
        }
        lbegin[size] = count;
        const double tol = threshold * (static_cast<double>(size) / n) * 0.25;
        // A sweep skips members whose residual is at most eps, the per-member share of tol;
        // eps is divided by 8 whenever a sweep finds nothing to push while the residuals still
        // sum to more than tol.
        double eps = tol / size;
        ly.assign(size, 0.0);
        int sweeps = 0;
        double left_sum = 0.0;
        for (std::uint32_t i = 0; i < size; ++i) left_sum += residual[i];
        while (left_sum > tol && sweeps < max_sweeps) {
            ++sweeps;
            bool pushed = false;
            for (std::uint32_t i = 0; i < size; ++i) {
                const double r = residual[i];
                if (!(r > eps)) continue;
                pushed = true;
                const double taken = r * inv_diag[i];
                ly[i] += taken;
                residual[i] = 0.0;
                const std::uint32_t e0 = lbegin[i], e1 = lbegin[i + 1];
                if (weighted) {
                    for (std::uint32_t e = e0; e < e1; ++e) residual[ltarget[e]] += taken * lweight[e];
                } else {
                    const double share = taken * out_share[i];
                    for (std::uint32_t e = e0; e < e1; ++e) residual[ltarget[e]] += share;
                }
            }
            if (!pushed) eps /= 8;
            left_sum = 0.0;
            for (std::uint32_t i = 0; i < size; ++i) left_sum += residual[i];
        }
        res.sweeps = std::max(res.sweeps, sweeps);
        for (std::uint32_t i = 0; i < size; ++i) {
            const Vertex v = members[i];
            y[v] = ly[i];
            c[v] = alpha * ly[i] * inv[v];
            left.emplace_back(v, residual[i]);
            p_left += p[v];
        }
    };

    auto open = [&](Vertex v) {
        rindex[v] = index;
        calls.push_back({v, g.in_begin(v), index, 0.0, 0.0});
        ++index;
    };
    for (Vertex root = 0; root < n; ++root) {
        if (rindex[root] != 0) continue;
        open(root);
        while (!calls.empty()) {
            Frame& f = calls.back();
            const Vertex v = f.v;
            std::uint32_t rv = rindex[v], k = f.next_edge;
            const std::uint32_t end = g.in_begin(v + 1);
            double sum = f.sum, self = f.self;
            Vertex child = n;
            for (; k < end; ++k) {
                const Vertex u = in_src[k];
                const std::uint32_t ru = rindex[u];
                if (ru == 0) {
                    child = u;
                    break;
                }
                rv = std::min(rv, ru);
                const double w = weighted ? iw[k] : 1.0;
                sum += c[u] * w;
                self += u == v ? w : 0.0;
            }
            rindex[v] = rv;
            f.sum = sum;
            f.self = self;
            if (child != n) {
                f.next_edge = k;  // the child's edge is taken up again when the child finishes
                // The search jumps to a random vertex's in-edges at every step, and waits for
                // memory each time. The rows of v's next in-neighbours are fetched now, so that
                // they are in cache when the search comes back from the child to them (on
                // cit-HepPh this saves a tenth of the solve).
                for (std::uint32_t j = k + 1; j < end && j <= k + 4; ++j)
                    __builtin_prefetch(in_src + g.in_begin(in_src[j]));
                open(child);
                continue;
            }
            const std::uint32_t discovered = f.discovered;
            calls.pop_back();
            if (rv == discovered && (waiting.empty() || rindex[waiting.back()] < discovered)) {
                // A component of v alone: one exact step. Self-loops put a multiple of y[v] on
                // both sides: y = (p + alpha sum_other) / (1 - alpha w_self / W).
                --index;
                rindex[v] = label--;
                const double yv = (p[v] + sum) / (1.0 - alpha * self * inv[v]);
                y[v] = yv;
                c[v] = alpha * yv * inv[v];
            } else if (rv == discovered) {
                // v is the root of a component: it and the waiting vertices it reaches, which
                // were pushed in finishing order; v finished last.
                members.clear();
                --index;
                while (!waiting.empty() && rindex[waiting.back()] >= discovered) {
                    members.push_back(waiting.back());
                    waiting.pop_back();
                    --index;
                }
                std::reverse(members.begin(), members.end());
                members.push_back(v);
                y[v] = p[v] + sum;
                if (self_weight.empty()) self_weight.assign(n, 0.0);
                self_weight[v] = self;
                const std::uint32_t own = label--;
                for (const Vertex w : members) rindex[w] = own;
                solve_cycle(own);
            } else {
                // v belongs to a component that completes later, at an open vertex.
                y[v] = p[v] + sum;
                if (self_weight.empty()) self_weight.assign(n, 0.0);
                self_weight[v] = self;
                waiting.push_back(v);
                if (waiting.size() > max_waiting) return {};
            }
            if (!calls.empty()) {
                // Back in the parent, at the edge from v: v's rindex joins the parent's, and
                // v's share if v is solved (0 if it is waiting, in the parent's component).
                Frame& parent = calls.back();
                const std::uint32_t kp = parent.next_edge++;
                std::uint32_t& rp = rindex[parent.v];
                rp = std::min(rp, rindex[v]);
                parent.sum += c[v] * (weighted ? iw[kp] : 1.0);
            }
        }
    }
    // The power iterations that follow keep the sum of x; an error e in it would show as a
    // change of about (1 - alpha) e per iteration, decaying only by alpha. So the sum is taken
    // with Neumaier's compensated summation (a plain sum of 10^5 terms can be off by 1e-13).
    double total = 0.0, carry = 0.0;
    for (const double v : y) {
        const double t = total + v;
        carry += std::abs(total) >= std::abs(v) ? (total - t) + v : (v - t) + total;
        total = t;
    }
    total += carry;
    for (double& v : y) v /= total;
    double resid = 0.0, change = 0.0;
    for (const auto& [v, r] : left) resid += r;
    for (const auto& [v, r] : left) change += std::abs(r - resid * p[v]);
    change += resid * std::max(0.0, 1.0 - p_left);
    res.last_change = change / total;
    res.converged = res.last_change < threshold;
    return y;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// PageRank

PageRankResult page_rank(const CsrGraph& g, const PageRankOptions& opt) {
    const std::string fn = "page_rank";
    if (!(opt.damping >= 0.0 && opt.damping <= 1.0)) bad(fn, "damping must be in [0, 1], got " + str(opt.damping));
    if (!(opt.tolerance > 0.0) || !std::isfinite(opt.tolerance))
        bad(fn, "tolerance must be finite and > 0, got " + str(opt.tolerance));
    if (opt.max_iterations < 1) bad(fn, "max_iterations must be >= 1, got " + std::to_string(opt.max_iterations));
    const bool weighted = opt.use_weights && g.weighted();
    if (weighted) check_weights(g, fn, false);

    const std::uint32_t n = g.num_vertices();
    const std::uint32_t m = g.num_edges();
    // (One array for p, and d only when it differs: on a graph of millions of vertices each
    // copy is megabytes of fresh pages.)
    const std::vector<double> p = opt.personalization.empty()
                                          ? std::vector<double>(n, n == 0 ? 0.0 : 1.0 / n)
                                          : distribution(opt.personalization, n, "personalization", {});
    const std::vector<double> d_given =
            opt.dangling.empty() ? std::vector<double>{} : distribution(opt.dangling, n, "dangling", {});
    const std::vector<double>& d = opt.dangling.empty() ? p : d_given;

    PageRankResult res;
    if (n == 0) {
        res.converged = true;
        return res;
    }
    const double alpha = opt.damping;
    const double threshold = opt.stop == PageRankStop::NetworkxScaled ? n * opt.tolerance : opt.tolerance;

    // inv_out[u] = 1 / W(u), 0 for a dangling vertex; in_w[k] = weight of the k-th in-edge, so
    // the pull loop reads weights sequentially instead of through in_edge_index.
    PageRankSystem sys;
    sys.n = n;
    sys.alpha = alpha;
    sys.p = &p;
    std::vector<double>& inv_out = sys.inv_out;
    inv_out.assign(n, 0.0);
    std::vector<unsigned char> is_dangling(n, 0);
    for (Vertex u = 0; u < n; ++u) {
        double w = 0.0;
        if (weighted)
            for (std::uint32_t k = g.out_begin(u); k < g.out_begin(u + 1); ++k) w += g.out_weight(k);
        else
            w = g.out_degree(u);
        if (w > 0.0)
            inv_out[u] = 1.0 / w;
        else
            is_dangling[u] = 1;
    }
    std::vector<double>& in_w = sys.in_w;
    if (weighted) {
        in_w.resize(m);
        for (std::uint32_t k = 0; k < m; ++k) in_w[k] = g.out_weight(g.in_edge_index(k));
    }

    // The component-wise solve, when it applies (component labels need vertex numbers below
    // 2^31); the power iteration from 1/n otherwise, or from the solve's result when that
    // missed the threshold (a component ran out of sweeps). Which one Auto picks is decided
    // after the power iteration's definition, below.
    const bool solvable = alpha < 1.0 && opt.dangling.empty() && n < (std::uint32_t{1} << 31);
    const bool by_components = opt.solver == PageRankSolver::SccGaussSeidel ||
                               (opt.solver == PageRankSolver::Auto && solvable);
    if (by_components && !(alpha < 1.0))
        bad(fn, "the SccGaussSeidel solver needs damping < 1, got " + str(alpha));
    if (by_components && !opt.dangling.empty())
        bad(fn, "the SccGaussSeidel solver needs the dangling distribution to be the personalization");
    if (by_components && !solvable) bad(fn, "the SccGaussSeidel solver needs fewer than 2^31 vertices");
    // The power iteration from x. With `probe`, it stops after 3 iterations when the third
    // changed the scores by at least kSlowMixing times the second (see the solver choice
    // below) and returns true; otherwise it runs to the stop test and leaves the result in res.
    auto iterate = [&](std::vector<double> x, bool probe) -> bool {
        // x: current scores; contrib[u] = x[u] / W(u), the share u sends along each unit of weight.
        // One sweep per iteration computes the new scores and, fused, the next contrib and the
        // next dangling mass, so each iteration reads the edges once.
        std::vector<double> next(n), contrib(n), next_contrib(n);
        const std::uint32_t nb = num_blocks(n);
        std::vector<double> block_dangling(nb, 0.0), block_err(nb, 0.0);
        for (std::uint32_t b = 0; b < nb; ++b) {
            const Vertex lo = b * kBlock, hi = std::min(n, lo + kBlock);
            double s = 0.0;
            for (Vertex u = lo; u < hi; ++u) {
                contrib[u] = x[u] * inv_out[u];
                if (is_dangling[u]) s += x[u];
            }
            block_dangling[b] = s;
        }
        const Vertex* const in_src = g.in_neighbors(0).data();
        const double* const pp = p.data();
        const double* const dd = d.data();
        const double* const inv = inv_out.data();
        const unsigned char* const dang = is_dangling.data();
        const double* const iw = in_w.data();

        // The state one iteration reads and the state it writes; swapped between iterations.
        struct Vectors {
            double* x;
            double* next;
            double* contrib;
            double* next_contrib;
        } vec{x.data(), next.data(), contrib.data(), next_contrib.data()};
        double dsum = ordered_sum(block_dangling);

        auto sweep_block = [&](const Vectors& s, double dangling_sum, std::uint32_t b) {
            const Vertex lo = b * kBlock, hi = std::min(n, lo + kBlock);
            double err = 0.0, dangling_next = 0.0;
            for (Vertex v = lo; v < hi; ++v) {
                const std::uint32_t k0 = g.in_begin(v), k1 = g.in_begin(v + 1);
                // Four partial sums: one chain of dependent additions would wait on each add's
                // latency (the loop is bound by that, not by memory, when contrib fits in cache).
                // The order of the additions is fixed per vertex, so the result does not depend
                // on the threads.
                double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
                std::uint32_t k = k0;
                if (weighted) {
                    for (; k + 4 <= k1; k += 4) {
                        s0 += s.contrib[in_src[k]] * iw[k];
                        s1 += s.contrib[in_src[k + 1]] * iw[k + 1];
                        s2 += s.contrib[in_src[k + 2]] * iw[k + 2];
                        s3 += s.contrib[in_src[k + 3]] * iw[k + 3];
                    }
                    for (; k < k1; ++k) s0 += s.contrib[in_src[k]] * iw[k];
                } else {
                    for (; k + 4 <= k1; k += 4) {
                        s0 += s.contrib[in_src[k]];
                        s1 += s.contrib[in_src[k + 1]];
                        s2 += s.contrib[in_src[k + 2]];
                        s3 += s.contrib[in_src[k + 3]];
                    }
                    for (; k < k1; ++k) s0 += s.contrib[in_src[k]];
                }
                const double sum = (s0 + s1) + (s2 + s3);
                const double xv = alpha * (sum + dangling_sum * dd[v]) + (1.0 - alpha) * pp[v];
                err += std::abs(xv - s.x[v]);
                s.next[v] = xv;
                s.next_contrib[v] = xv * inv[v];
                dangling_next += dang[v] ? xv : 0.0;
            }
            block_err[b] = err;
            block_dangling[b] = dangling_next;
        };
        // After a sweep (run by one thread): the iteration's change in block order, the stop test,
        // and the swap. Returns true when the iteration should stop.
        double second_change = 0.0;
        bool abandoned = false;
        auto finish_iteration = [&](int it) {
            std::swap(vec.x, vec.next);
            std::swap(vec.contrib, vec.next_contrib);
            res.iterations = it;
            res.last_change = ordered_sum(block_err);
            dsum = ordered_sum(block_dangling);
            if (res.last_change < threshold) res.converged = true;
            if (probe && it == 2) second_change = res.last_change;
            if (probe && it == 3 && !res.converged && res.last_change >= kSlowMixing * second_change) abandoned = true;
            return res.converged || abandoned || it >= opt.max_iterations;
        };

        // Threads only where an iteration has enough work to hide a barrier's cost. One parallel
        // region covers the whole run (a region per iteration made libgomp's idle threads spin
        // between ~200 short regions, which on a busy machine cost more than the sweep), and the
        // threads meet at a C++ barrier, which sleeps in the kernel after a short spin instead of
        // burning a core another process needs. Blocks are handed out through a shared counter,
        // so a thread that lost its core does not hold up the others; block results still land in
        // their own slots and are added in block order, so the bytes do not depend on the threads.
        const int max_threads = omp_get_max_threads();
        const bool parallel = max_threads > 1 && nb > 1 && static_cast<double>(n) + m > kPageRankParallelWork;
        if (!parallel) {
            for (int it = 1;; ++it) {
                for (std::uint32_t b = 0; b < nb; ++b) sweep_block(vec, dsum, b);
                if (finish_iteration(it)) break;
            }
        } else {
            std::atomic<std::uint32_t> next_block{0};
            bool stop = false;
            int it = 1;
            auto on_all_arrived = [&]() noexcept {
                stop = finish_iteration(it++);
                next_block.store(0, std::memory_order_relaxed);
            };
            std::optional<std::barrier<decltype(on_all_arrived)>> meet;
#pragma omp parallel num_threads(max_threads)
            {
#pragma omp single
                meet.emplace(omp_get_num_threads(), on_all_arrived);
                // (the implicit barrier of `single` publishes `meet` to every thread)
                while (!stop) {
                    const Vectors s = vec;
                    const double ds = dsum;
                    for (std::uint32_t b; (b = next_block.fetch_add(1, std::memory_order_relaxed)) < nb;) sweep_block(s, ds, b);
                    meet->arrive_and_wait();
                }
            }
        }
        if (vec.x != x.data()) x.swap(next);
        res.score = std::move(x);
        return abandoned;
    };

    // The solver. Auto on a graph of at least probe_from_edges edges first runs 3 power iterations:
    // where the L1 change falls fast (by a factor ~0.15 per iteration on R-MAT graphs, one giant
    // cycle that mixes in ~20 iterations) the iteration simply goes on, in parallel; where it
    // falls slowly (~0.4 on cit-HepPh, heading for alpha on a nearly acyclic citation graph that
    // needs ~150) the component solve takes over. On smaller graphs the solve runs first and
    // gives up only when more than half of the vertices wait in unfinished cycles at once.
    // Both rules depend only on the input, so the same input always takes the same path.
    const std::vector<double> start(n, 1.0 / n);
    const bool probe_first = opt.solver == PageRankSolver::Auto && solvable && m >= opt.probe_from_edges;
    if (probe_first) {
        res.solver = PageRankSolver::Power;
        if (!iterate(start, true)) return res;
        res = PageRankResult{};
    }
    std::vector<double> x;
    if (by_components) {
        const bool may_give_up = opt.solver == PageRankSolver::Auto && !probe_first;
        x = solve_by_components(g, sys, threshold, opt.max_iterations, may_give_up ? n / 2 : n, res);
        res.solver = PageRankSolver::SccGaussSeidel;
        if (res.converged) {
            res.score = std::move(x);
            return res;
        }
    }
    if (x.empty()) {
        res = PageRankResult{};
        res.solver = PageRankSolver::Power;
        x = start;
    }
    iterate(std::move(x), false);
    return res;
}

// ---------------------------------------------------------------------------------------------
// Shortest-path kernels: betweenness and harmonic closeness

namespace {

// Out-adjacency without self-loops and with parallel edges merged (smallest weight kept): a
// shortest path is a vertex sequence, so a parallel edge must not count as a second path.
// (Renumbering vertices by in-degree for cache locality was tried: on cit-HepPh it missed the
// cache more often than the input order.)
struct SimpleAdjacency {
    std::vector<std::uint32_t> begin;  // n + 1 offsets
    std::vector<Vertex> target;        // ascending within a row
    std::vector<double> length;        // empty when unweighted
};

SimpleAdjacency simple_out_adjacency(const CsrGraph& g, bool weighted) {
    const std::uint32_t n = g.num_vertices();
    SimpleAdjacency a;
    a.begin.assign(n + 1, 0);
    a.target.reserve(g.num_edges());
    if (weighted) a.length.reserve(g.num_edges());
    std::vector<std::pair<Vertex, double>> row;
    for (Vertex u = 0; u < n; ++u) {
        row.clear();
        const auto nb = g.out_neighbors(u);
        for (std::uint32_t i = 0; i < nb.size(); ++i)
            if (nb[i] != u) row.emplace_back(nb[i], weighted ? g.out_weight(g.out_begin(u) + i) : 1.0);
        std::sort(row.begin(), row.end());
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0 && row[i].first == row[i - 1].first) continue;  // sorted: the first has the least weight
            a.target.push_back(row[i].first);
            if (weighted) a.length.push_back(row[i].second);
        }
        a.begin[u + 1] = static_cast<std::uint32_t>(a.target.size());
    }
    return a;
}

double m_simple(const SimpleAdjacency& a) { return static_cast<double>(a.target.size()); }

// Uniform integer in [0, range), range >= 1, by rejection: unbiased, and the same on every
// platform (std::uniform_int_distribution is implementation-defined).
std::uint64_t bounded(std::mt19937_64& rng, std::uint64_t range) {
    const std::uint64_t threshold = (0 - range) % range;  // 2^64 mod range
    for (;;) {
        const std::uint64_t r = rng();
        if (r >= threshold) return r % range;
    }
}

// What an edge visit reads and writes about its far end, in 16 bytes (on large graphs Brandes
// is bound by these random accesses). `pc` is sigma, the number of shortest paths from the
// source, until the backward pass has finished the vertex; from then on only its
// coefficient (1 + delta) / sigma is needed, and it takes the place of sigma.
struct NodeState {
    double dist = std::numeric_limits<double>::infinity();  // hops or length; +inf = unreached
    double pc = 0.0;
};

// Per-thread scratch of one single-source pass. Only the vertices a pass reached are reset
// afterwards, so a pass costs O(reached), not O(n).
struct BrandesScratch {
    std::vector<NodeState> node;
    std::vector<Vertex> order;              // reached vertices in non-decreasing distance
    std::vector<Vertex> succ;               // BFS: DAG successors, grouped by position in order
    std::vector<std::uint32_t> succ_begin;  // BFS: succ offsets by position in order
    std::vector<unsigned char> settled;     // Dijkstra
    using Item = std::pair<double, Vertex>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;

    BrandesScratch(std::uint32_t n, std::size_t m, bool weighted) : node(n), order(n) {
        if (weighted) {
            settled.assign(n, 0);
        } else {
            succ.resize(m);
            succ_begin.resize(std::size_t{n} + 1);
        }
    }
};

// One Brandes pass from s by breadth-first search, adding the dependencies delta_s(v), v != s,
// to acc. When v (distance L) is scanned, every neighbour already has its final distance
// (<= L + 1), so the forward pass can list the DAG edges v->w (dist[w] == L + 1) as it goes,
// and the backward pass visits only those. The list is written without branches: the slot is
// always written and kept only for a DAG edge, which is unpredictable.
void brandes_bfs(const SimpleAdjacency& a, Vertex s, BrandesScratch& sc, double* acc) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    NodeState* const node = sc.node.data();
    const std::uint32_t* const begin = a.begin.data();
    const Vertex* const target = a.target.data();
    Vertex* const order = sc.order.data();
    Vertex* const succ = sc.succ.data();
    std::uint32_t* const succ_begin = sc.succ_begin.data();
    std::uint32_t tail = 0, count = 0;
    node[s].dist = 0.0;
    node[s].pc = 1.0;
    order[tail++] = s;
    for (std::uint32_t head = 0; head < tail; ++head) {
        const Vertex v = order[head];
        succ_begin[head] = count;
        const double dn = node[v].dist + 1.0, sv = node[v].pc;
        for (std::uint32_t k = begin[v], end = begin[v + 1]; k < end; ++k) {
            const Vertex wi = target[k];
            NodeState& w = node[wi];
            if (w.dist == inf) {
                w.dist = dn;
                order[tail++] = wi;
            }
            const bool dag = w.dist == dn;
            w.pc += dag ? sv : 0.0;
            succ[count] = wi;
            count += dag;
        }
    }
    succ_begin[tail] = count;
    // Backward: delta[w] = sigma[w] * sum over DAG successors x of (1 + delta[x]) / sigma[x].
    // Successors come later in `order`, so they are finished and hold their coefficient.
    for (std::uint32_t i = tail; i-- > 0;) {
        const Vertex wi = order[i];
        double sum = 0.0;
        for (std::uint32_t j = succ_begin[i], end = succ_begin[i + 1]; j < end; ++j) sum += node[succ[j]].pc;
        NodeState& w = node[wi];
        const double delta = w.pc * sum;
        w.pc = (1.0 + delta) / w.pc;
        if (wi != s) acc[wi] += delta;
    }
    for (std::uint32_t i = 0; i < tail; ++i) node[order[i]] = NodeState{};
}

// The same with Dijkstra (lengths > 0). sigma[w] sums sigma over the settled u with
// dist[u] + len(u,w) == dist[w], the same floating-point sums and comparisons as networkx's
// _single_source_dijkstra_path_basic; a strictly shorter path resets it. A settled vertex's
// out-neighbours may still get shorter distances later, so the backward pass re-tests the
// predicate dist[w] + len(w,x) == dist[x] on every out-edge instead of keeping a list.
void brandes_dijkstra(const SimpleAdjacency& a, Vertex s, BrandesScratch& sc, double* acc) {
    NodeState* const node = sc.node.data();
    const std::uint32_t* const begin = a.begin.data();
    const Vertex* const target = a.target.data();
    const double* const length = a.length.data();
    Vertex* const order = sc.order.data();
    std::uint32_t tail = 0;
    auto& heap = sc.heap;
    node[s].dist = 0.0;
    node[s].pc = 1.0;
    heap.emplace(0.0, s);
    while (!heap.empty()) {
        const auto [dv, v] = heap.top();
        heap.pop();
        if (sc.settled[v] || dv > node[v].dist) continue;
        sc.settled[v] = 1;
        order[tail++] = v;
        const double sv = node[v].pc;
        for (std::uint32_t k = begin[v], end = begin[v + 1]; k < end; ++k) {
            const Vertex wi = target[k];
            if (sc.settled[wi]) continue;
            NodeState& w = node[wi];
            const double nd = dv + length[k];
            if (nd < w.dist) {
                w.dist = nd;
                w.pc = sv;
                heap.emplace(nd, wi);
            } else if (nd == w.dist) {
                w.pc += sv;
            }
        }
    }
    for (std::uint32_t i = tail; i-- > 0;) {
        const Vertex wi = order[i];
        NodeState& w = node[wi];
        double sum = 0.0;
        for (std::uint32_t k = begin[wi], end = begin[wi + 1]; k < end; ++k) {
            const NodeState& x = node[target[k]];
            sum += x.dist == w.dist + length[k] ? x.pc : 0.0;
        }
        const double delta = w.pc * sum;
        w.pc = (1.0 + delta) / w.pc;
        if (wi != s) acc[wi] += delta;
    }
    for (std::uint32_t i = 0; i < tail; ++i) {
        node[order[i]] = NodeState{};
        sc.settled[order[i]] = 0;
    }
}

}  // namespace

BetweennessResult betweenness(const CsrGraph& g, const BetweennessOptions& opt) {
    const std::string fn = "betweenness";
    const std::uint32_t n = g.num_vertices();
    if (opt.samples > n)
        bad(fn, "samples must be 0 (exact) or in [1, n] = [1, " + std::to_string(n) + "], got " +
                        std::to_string(opt.samples));
    const bool weighted = opt.weighted && g.weighted();
    if (weighted) check_weights(g, fn, true);

    BetweennessResult res;
    res.score.assign(n, 0.0);
    if (n == 0) return res;

    std::vector<Vertex> sources;
    if (opt.samples == 0) {
        sources.resize(n);
        std::iota(sources.begin(), sources.end(), Vertex{0});
    } else {
        std::vector<Vertex> perm(n);
        std::iota(perm.begin(), perm.end(), Vertex{0});
        std::mt19937_64 rng(opt.seed);
        for (std::uint32_t i = 0; i < opt.samples; ++i)
            std::swap(perm[i], perm[i + bounded(rng, n - i)]);
        sources.assign(perm.begin(), perm.begin() + opt.samples);
        std::sort(sources.begin(), sources.end());
        res.sources = sources;
    }

    const SimpleAdjacency adj = simple_out_adjacency(g, weighted);

    // Sources are cut into at most 256 chunks of consecutive sources; chunks run in waves of
    // `wave` chunks, each chunk summing into its own accumulator, and after a wave the
    // accumulators are added to the score in chunk order. Chunk boundaries, waves and the order
    // of every addition depend only on n and the sources, never on the thread count. A wave
    // holds as many accumulators as fit in 2^22 doubles (32 MiB; at least 2): each wave ends in
    // barriers, which cost little on an idle machine but up to a time slice each on a busy one.
    const std::size_t ns = sources.size();
    const std::size_t chunk = std::max<std::size_t>(1, (ns + 255) / 256);
    const std::size_t chunks = (ns + chunk - 1) / chunk;
    const std::size_t wave = std::min<std::size_t>(chunks, std::max<std::size_t>((std::size_t{1} << 22) / n, 2));
    std::vector<double> acc(wave * n);
    double* const score = res.score.data();
    const bool parallel = chunks > 1 && static_cast<double>(ns) * (static_cast<double>(n) + m_simple(adj)) > kParallelWork;

#pragma omp parallel if (parallel)
    {
        BrandesScratch sc(n, adj.target.size(), weighted);
        for (std::size_t c0 = 0; c0 < chunks; c0 += wave) {
            const std::size_t in_wave = std::min(wave, chunks - c0);
#pragma omp for schedule(dynamic, 1)
            for (std::size_t j = 0; j < in_wave; ++j) {
                double* const a = acc.data() + j * n;
                std::fill(a, a + n, 0.0);
                const std::size_t lo = (c0 + j) * chunk, hi = std::min(ns, lo + chunk);
                for (std::size_t i = lo; i < hi; ++i) {
                    const Vertex s = sources[i];
                    if (weighted)
                        brandes_dijkstra(adj, s, sc, a);
                    else
                        brandes_bfs(adj, s, sc, a);
                }
            }
#pragma omp for schedule(static)
            for (std::uint32_t v = 0; v < n; ++v) {
                double s = score[v];
                for (std::size_t j = 0; j < in_wave; ++j) s += acc[j * n + v];
                score[v] = s;
            }
        }
    }

    // networkx 2.8 _rescale for a directed graph (see the header for the n/k deviation).
    double scale = 1.0;
    bool rescale = false;
    if (opt.normalized && n > 2) {
        scale = 1.0 / static_cast<double>(std::uint64_t{n - 1} * std::uint64_t{n - 2});
        rescale = true;
    }
    if (opt.samples != 0) {
        scale = scale * n / opt.samples;
        rescale = true;
    }
    if (rescale)
        for (double& v : res.score) v *= scale;
    return res;
}

HarmonicResult harmonic_centrality(const CsrGraph& g, const HarmonicOptions& opt) {
    const bool weighted = opt.weighted && g.weighted();
    if (weighted) check_weights(g, "harmonic_centrality", true);
    const std::uint32_t n = g.num_vertices();
    HarmonicResult res;
    res.score.assign(n, 0.0);
    if (n == 0) return res;

    // Distances to u are distances from u in the reversed graph: search from u over in-edges.
    // Parallel and self-loop edges need no special care here: a search visits a vertex once,
    // and Dijkstra keeps the smallest length of parallel edges by itself.
    std::vector<double> in_len;
    if (weighted) {
        in_len.resize(g.num_edges());
        for (std::uint32_t k = 0; k < g.num_edges(); ++k) in_len[k] = g.out_weight(g.in_edge_index(k));
    }
    const Vertex* const in_src = g.num_edges() ? g.in_neighbors(0).data() : nullptr;
    const auto n_signed = static_cast<std::int64_t>(n);
    const bool parallel = static_cast<double>(n) * (static_cast<double>(n) + g.num_edges()) > kParallelWork;

#pragma omp parallel if (parallel)
    {
        std::vector<double> dist(n, std::numeric_limits<double>::infinity());
        std::vector<unsigned char> settled(n, 0);
        std::vector<Vertex> order;
        order.reserve(n);
        using Item = std::pair<double, Vertex>;
        std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
#pragma omp for schedule(dynamic, 16)
        for (std::int64_t ui = 0; ui < n_signed; ++ui) {
            const auto u = static_cast<Vertex>(ui);
            order.clear();
            dist[u] = 0.0;
            double h = 0.0;
            if (!weighted) {
                order.push_back(u);
                for (std::size_t head = 0; head < order.size(); ++head) {
                    const Vertex v = order[head];
                    const double dn = dist[v] + 1.0;
                    for (std::uint32_t k = g.in_begin(v); k < g.in_begin(v + 1); ++k) {
                        const Vertex w = in_src[k];
                        if (dist[w] == std::numeric_limits<double>::infinity()) {
                            dist[w] = dn;
                            order.push_back(w);
                            h += 1.0 / dn;
                        }
                    }
                }
            } else {
                heap.emplace(0.0, u);
                while (!heap.empty()) {
                    const auto [dv, v] = heap.top();
                    heap.pop();
                    if (settled[v] || dv > dist[v]) continue;
                    settled[v] = 1;
                    order.push_back(v);
                    if (v != u) h += 1.0 / dv;
                    for (std::uint32_t k = g.in_begin(v); k < g.in_begin(v + 1); ++k) {
                        const Vertex w = in_src[k];
                        const double nd = dv + in_len[k];
                        if (!settled[w] && nd < dist[w]) {
                            dist[w] = nd;
                            heap.emplace(nd, w);
                        }
                    }
                }
            }
            for (const Vertex v : order) {
                dist[v] = std::numeric_limits<double>::infinity();
                settled[v] = 0;
            }
            res.score[u] = h;
        }
    }
    return res;
}

// ---------------------------------------------------------------------------------------------
// Degree

DegreeResult degree(const CsrGraph& g, const DegreeOptions& opt) {
    const std::uint32_t n = g.num_vertices();
    const bool weighted = opt.weighted && g.weighted();
    DegreeResult r;
    r.in.assign(n, 0.0);
    r.out.assign(n, 0.0);
    r.total.assign(n, 0.0);
    for (Vertex v = 0; v < n; ++v) {
        if (weighted) {
            for (std::uint32_t k = g.out_begin(v); k < g.out_begin(v + 1); ++k) r.out[v] += g.out_weight(k);
            for (std::uint32_t k = g.in_begin(v); k < g.in_begin(v + 1); ++k)
                r.in[v] += g.out_weight(g.in_edge_index(k));
        } else {
            r.out[v] = g.out_degree(v);
            r.in[v] = g.in_degree(v);
        }
        r.total[v] = r.in[v] + r.out[v];
    }
    if (opt.normalized) {
        const double s = n > 1 ? 1.0 / (n - 1.0) : 0.0;
        for (Vertex v = 0; v < n; ++v) {
            if (n == 1) {
                r.in[v] = r.out[v] = r.total[v] = 1.0;  // networkx: a single node has centrality 1
            } else {
                r.in[v] *= s;
                r.out[v] *= s;
                r.total[v] *= s;
            }
        }
    }
    return r;
}

// ---------------------------------------------------------------------------------------------
// HITS

HitsResult hits(const CsrGraph& g, const HitsOptions& opt) {
    const std::string fn = "hits";
    if (!(opt.tolerance > 0.0) || !std::isfinite(opt.tolerance))
        bad(fn, "tolerance must be finite and > 0, got " + str(opt.tolerance));
    if (opt.max_iterations < 1) bad(fn, "max_iterations must be >= 1, got " + std::to_string(opt.max_iterations));
    const bool weighted = opt.use_weights && g.weighted();
    if (weighted) check_weights(g, fn, false);

    const std::uint32_t n = g.num_vertices();
    const std::uint32_t m = g.num_edges();
    HitsResult res;
    if (n == 0) {
        res.converged = true;
        return res;
    }
    bool any_positive = false;
    for (std::uint32_t k = 0; k < m && !any_positive; ++k) any_positive = !weighted || g.out_weight(k) > 0.0;
    if (!any_positive) {
        const double v = opt.normalized ? 1.0 / n : 1.0;
        res.hub.assign(n, v);
        res.authority.assign(n, v);
        res.converged = true;
        return res;
    }

    std::vector<double> in_w;
    if (weighted) {
        in_w.resize(m);
        for (std::uint32_t k = 0; k < m; ++k) in_w[k] = g.out_weight(g.in_edge_index(k));
    }
    const Vertex* const in_src = g.in_neighbors(0).data();
    const Vertex* const out_dst = g.out_neighbors(0).data();
    const std::uint32_t nb = num_blocks(n);
    const bool parallel = nb > 1 && static_cast<double>(n) + m > kParallelWork / 8;
    std::vector<double> block(nb, 0.0), block_amax(nb, 0.0), block_hmax(nb, 0.0);
    std::vector<double> h(n, 1.0 / n), a(n, 0.0), hn(n, 0.0);
    auto max_of = [](const std::vector<double>& parts) {  // max is exact in any order
        return parts.empty() ? 0.0 : *std::max_element(parts.begin(), parts.end());
    };

    for (int it = 1; it <= opt.max_iterations; ++it) {
        // a = A^T h (pull over in-edges)
#pragma omp parallel for schedule(dynamic, 1) if (parallel)
        for (std::uint32_t b = 0; b < nb; ++b) {
            const Vertex lo = b * kBlock, hi = std::min(n, lo + kBlock);
            double mx = 0.0;
            for (Vertex v = lo; v < hi; ++v) {
                double s = 0.0;
                if (weighted)
                    for (std::uint32_t k = g.in_begin(v); k < g.in_begin(v + 1); ++k) s += h[in_src[k]] * in_w[k];
                else
                    for (std::uint32_t k = g.in_begin(v); k < g.in_begin(v + 1); ++k) s += h[in_src[k]];
                a[v] = s;
                mx = std::max(mx, s);
            }
            block_amax[b] = mx;
        }
        // h = A a (pull over out-edges)
#pragma omp parallel for schedule(dynamic, 1) if (parallel)
        for (std::uint32_t b = 0; b < nb; ++b) {
            const Vertex lo = b * kBlock, hi = std::min(n, lo + kBlock);
            double mx = 0.0;
            for (Vertex v = lo; v < hi; ++v) {
                double s = 0.0;
                if (weighted)
                    for (std::uint32_t k = g.out_begin(v); k < g.out_begin(v + 1); ++k) s += a[out_dst[k]] * g.out_weight(k);
                else
                    for (std::uint32_t k = g.out_begin(v); k < g.out_begin(v + 1); ++k) s += a[out_dst[k]];
                hn[v] = s;
                mx = std::max(mx, s);
            }
            block_hmax[b] = mx;
        }
        const double hmax = max_of(block_hmax), amax = max_of(block_amax);
        // A has a positive entry and h > 0 everywhere at the start, so both maxima are > 0
        // unless they underflowed: then the iteration cannot continue.
        if (!(hmax > 0.0) || !(amax > 0.0)) break;
        const double hs = 1.0 / hmax, as = 1.0 / amax;
#pragma omp parallel for schedule(static) if (parallel)
        for (std::uint32_t b = 0; b < nb; ++b) {
            const Vertex lo = b * kBlock, hi = std::min(n, lo + kBlock);
            double err = 0.0;
            for (Vertex v = lo; v < hi; ++v) {
                hn[v] *= hs;
                a[v] *= as;
                err += std::abs(hn[v] - h[v]);
            }
            block[b] = err;
        }
        h.swap(hn);
        res.iterations = it;
        res.last_change = ordered_sum(block);
        if (res.last_change < opt.tolerance) {
            res.converged = true;
            break;
        }
    }
    if (opt.normalized) {
        // Sums over fixed blocks in order, as everywhere else.
        auto normalize = [&](std::vector<double>& x) {
            for (std::uint32_t b = 0; b < nb; ++b) {
                const Vertex lo = b * kBlock, hi = std::min(n, lo + kBlock);
                double s = 0.0;
                for (Vertex v = lo; v < hi; ++v) s += x[v];
                block[b] = s;
            }
            const double inv = 1.0 / ordered_sum(block);
            for (double& v : x) v *= inv;
        };
        normalize(h);
        normalize(a);
    }
    res.hub = std::move(h);
    res.authority = std::move(a);
    return res;
}

// ---------------------------------------------------------------------------------------------
// k-core

CoreResult core_number(const CsrGraph& g, const CoreOptions& opt) {
    const std::uint32_t n = g.num_vertices();
    CoreResult r;
    r.core.assign(n, 0);
    if (n == 0) return r;
    const bool use_out = opt.mode != CoreMode::Out;  // whose degree drops when v is removed
    const bool use_in = opt.mode != CoreMode::In;

    // Degree without self-loops, by mode.
    std::vector<std::uint32_t> deg(n, 0);
    for (Vertex v = 0; v < n; ++v) {
        std::uint32_t dv = 0;
        if (opt.mode != CoreMode::Out)
            for (const Vertex u : g.in_neighbors(v)) dv += u != v;
        if (opt.mode != CoreMode::In)
            for (const Vertex u : g.out_neighbors(v)) dv += u != v;
        deg[v] = dv;
    }
    // Batagelj-Zaversnik: vertices bucket-sorted by current degree; taking them in order, each
    // removal lowers the degree of its not-yet-removed neighbours that have a higher degree.
    // Removing v lowers the in-degree of its out-neighbours and the out-degree of its
    // in-neighbours, hence `use_out` for mode In and `use_in` for mode Out.
    const std::uint32_t md = *std::max_element(deg.begin(), deg.end());
    std::vector<std::uint32_t> bin(md + 2, 0), pos(n), vert(n);
    for (Vertex v = 0; v < n; ++v) ++bin[deg[v] + 1];
    for (std::uint32_t d = 1; d <= md + 1; ++d) bin[d] += bin[d - 1];
    {
        std::vector<std::uint32_t> next(bin.begin(), bin.end() - 1);
        for (Vertex v = 0; v < n; ++v) {
            pos[v] = next[deg[v]]++;
            vert[pos[v]] = v;
        }
    }
    auto lower = [&](Vertex u, Vertex v) {
        if (u == v || deg[u] <= deg[v]) return;
        const std::uint32_t du = deg[u], pu = pos[u], pw = bin[du];
        const Vertex w = vert[pw];
        if (u != w) {
            pos[u] = pw;
            vert[pw] = u;
            pos[w] = pu;
            vert[pu] = w;
        }
        ++bin[du];
        --deg[u];
    };
    for (std::uint32_t i = 0; i < n; ++i) {
        const Vertex v = vert[i];
        if (use_out)
            for (const Vertex u : g.out_neighbors(v)) lower(u, v);
        if (use_in)
            for (const Vertex u : g.in_neighbors(v)) lower(u, v);
    }
    r.core = std::move(deg);
    r.degeneracy = *std::max_element(r.core.begin(), r.core.end());
    return r;
}

}  // namespace citegraph::analysis
