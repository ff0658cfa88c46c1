#include "analysis/csr.hpp"

#include <algorithm>
#include <stdexcept>
#include <tuple>

namespace citegraph::analysis {

CsrGraph::CsrGraph(std::uint32_t n, std::vector<std::pair<Vertex, Vertex>> edges, std::vector<double> weights,
                   std::vector<std::string> ids, ParallelEdges parallel)
    : weighted_(!weights.empty()), ids_(std::move(ids)) {
    if (!weights.empty() && weights.size() != edges.size())
        throw std::invalid_argument("CsrGraph: weights must be empty or one per edge");
    if (!ids_.empty() && ids_.size() != n) throw std::invalid_argument("CsrGraph: ids must be empty or one per vertex");
    if (edges.size() > std::size_t{0xFFFFFFFEu}) throw std::invalid_argument("CsrGraph: more than 2^32 - 2 edges");
    if (ids_.empty()) ids_.resize(n);
    for (const auto& [s, t] : edges)
        if (s >= n || t >= n) throw std::invalid_argument("CsrGraph: edge endpoint out of range");
    const auto m = static_cast<std::uint32_t>(edges.size());

    // Boost's arrays are filled directly (they are public members; the kernels read them the
    // same way): its own constructors need the edge list and a second copy of it at once.
    auto& fwd = graph_.m_forward;
    fwd.m_rowstart.assign(std::size_t{n} + 1, 0);
    for (const auto& e : edges) ++fwd.m_rowstart[e.first + 1];
    for (std::uint32_t v = 0; v < n; ++v) fwd.m_rowstart[v + 1] += fwd.m_rowstart[v];
    fwd.m_column.resize(m);
    const bool sorted = std::is_sorted(edges.begin(), edges.end(),
                                       [](const auto& a, const auto& b) { return a.first < b.first; });
    if (sorted) {
        for (std::uint32_t k = 0; k < m; ++k) fwd.m_column[k] = edges[k].second;
        weights_ = std::move(weights);
    } else {
        // Stable counting sort by source.
        std::vector<std::uint32_t> fill(fwd.m_rowstart.begin(), fwd.m_rowstart.end() - 1);
        std::vector<double> w(weighted_ ? m : 0);
        for (std::uint32_t k = 0; k < m; ++k) {
            const std::uint32_t at = fill[edges[k].first]++;
            fwd.m_column[at] = edges[k].second;
            if (weighted_) w[at] = weights[k];
        }
        weights_ = std::move(w);
    }
    std::vector<std::pair<Vertex, Vertex>>().swap(edges);
    std::vector<double>().swap(weights);
    if (parallel == ParallelEdges::CollapseFirst) collapse_parallel();

    build_in_edges();
}

void CsrGraph::collapse_parallel() {
    // Row by row (rows are short and contiguous, so this is cheap next to a global sort), the
    // kept edges are compacted towards the front of the arrays.
    auto& fwd = graph_.m_forward;
    const std::uint32_t n = static_cast<std::uint32_t>(fwd.m_rowstart.size() - 1);
    std::uint32_t out = 0;
    std::vector<std::tuple<Vertex, std::uint32_t, double>> row;  // (target, position in input order, weight)
    for (Vertex u = 0; u < n; ++u) {
        const std::uint32_t k0 = fwd.m_rowstart[u], k1 = fwd.m_rowstart[u + 1];
        fwd.m_rowstart[u] = out;
        if (!weighted_) {
            Vertex* const first = fwd.m_column.data() + k0;
            std::sort(first, fwd.m_column.data() + k1);
            Vertex* const last = std::unique(first, fwd.m_column.data() + k1);
            out = static_cast<std::uint32_t>(std::copy(first, last, fwd.m_column.data() + out) - fwd.m_column.data());
            continue;
        }
        row.clear();
        for (std::uint32_t k = k0; k < k1; ++k) row.emplace_back(fwd.m_column[k], k, weights_[k]);
        std::sort(row.begin(), row.end());  // by target, then input order: the first comes first
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0 && std::get<0>(row[i]) == std::get<0>(row[i - 1])) continue;
            fwd.m_column[out] = std::get<0>(row[i]);
            weights_[out] = std::get<2>(row[i]);
            ++out;
        }
    }
    fwd.m_rowstart[n] = out;
    // As in the projection before: a graph whose kept edges all weigh 1 is unweighted.
    if (weighted_ && std::all_of(weights_.begin(), weights_.begin() + out, [](double w) { return w == 1.0; })) {
        weighted_ = false;
        std::vector<double>().swap(weights_);
    }
    // Give the memory back only when much was removed (shrinking copies the array).
    const bool shrink = out < fwd.m_column.size() - fwd.m_column.size() / 8;
    fwd.m_column.resize(out);
    if (weighted_) weights_.resize(out);
    if (shrink) {
        fwd.m_column.shrink_to_fit();
        weights_.shrink_to_fit();
    }
}

void CsrGraph::build_in_edges() {
    auto& fwd = graph_.m_forward;
    auto& bwd = graph_.m_backward;
    const std::uint32_t n = static_cast<std::uint32_t>(fwd.m_rowstart.size() - 1);
    const auto m = static_cast<std::uint32_t>(fwd.m_column.size());
    // In-edges: a stable counting sort of the forward edges by target.
    bwd.m_rowstart.assign(std::size_t{n} + 1, 0);
    for (std::uint32_t k = 0; k < m; ++k) ++bwd.m_rowstart[fwd.m_column[k] + 1];
    for (std::uint32_t v = 0; v < n; ++v) bwd.m_rowstart[v + 1] += bwd.m_rowstart[v];
    bwd.m_column.resize(m);
    bwd.m_edge_properties.resize(m);
    std::vector<std::uint32_t> fill(bwd.m_rowstart.begin(), bwd.m_rowstart.end() - 1);
    for (Vertex u = 0; u < n; ++u) {
        for (std::uint32_t k = fwd.m_rowstart[u]; k < fwd.m_rowstart[u + 1]; ++k) {
            const std::uint32_t at = fill[fwd.m_column[k]]++;
            bwd.m_column[at] = u;
            bwd.m_edge_properties[at] = k;
        }
    }
}

}  // namespace citegraph::analysis
