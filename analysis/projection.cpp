#include "analysis/projection.hpp"

#include <algorithm>
#include <unordered_map>

namespace citegraph::analysis {

std::string Projection::describe() const {
    const char* what = kind == ProjectionKind::Citations ? "citation graph"
                       : kind == ProjectionKind::Mentions ? "mention graph (gaps and ideas -> papers)"
                                                          : "citation + mention graph";
    std::size_t papers = static_cast<std::size_t>(std::count(is_paper.begin(), is_paper.end(), true));
    return std::string(what) + " (" + std::to_string(csr.num_vertices()) + " nodes, " + std::to_string(papers) + " papers, " +
           std::to_string(csr.num_edges()) + " edges)";
}

namespace {

double evidence_weight(const graph::EdgeProps& e) {
    switch (e.evidence) {
        case graph::Evidence::Id: return kEvidenceWeightId;
        case graph::Evidence::Name: return kEvidenceWeightName;
        case graph::Evidence::Inferred: return e.score * kEvidenceWeightInferredFactor;
    }
    return 1.0;
}

}  // namespace

namespace {

// One edge per (citing, cited) pair, as networkx's DiGraph builds it; a weighted pair keeps
// the weight of its first line. The result is sorted by (citing, cited). Unweighted (the usual
// citation dump) it is an in-place sort, with no memory beyond the edge list.
void collapse_parallel_citations(std::vector<std::pair<CsrGraph::Vertex, CsrGraph::Vertex>>& edges,
                                 std::vector<double>& weights) {
    if (weights.empty()) {
        std::sort(edges.begin(), edges.end());
        edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
        return;
    }
    std::vector<std::uint32_t> order(edges.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return edges[a] < edges[b]; });
    std::vector<std::pair<CsrGraph::Vertex, CsrGraph::Vertex>> kept;
    std::vector<double> kept_weights;
    for (std::size_t k = 0; k < order.size(); ++k) {
        if (k > 0 && edges[order[k - 1]] == edges[order[k]]) continue;
        kept.push_back(edges[order[k]]);
        kept_weights.push_back(weights[order[k]]);
    }
    edges = std::move(kept);
    weights = std::move(kept_weights);
}

Projection build(const graph::LoadResult& loaded, graph::CitationData* consumed, ProjectionKind kind) {
    const auto& cit = loaded.citations;
    const auto& kg = loaded.graph;
    const bool has_citations = !cit.edges.empty();
    const bool has_mentions = kg.count(graph::EdgeKind::Mentions) + kg.count(graph::EdgeKind::BuildsOn) > 0 ||
                              !loaded.digests.empty();
    if (kind == ProjectionKind::Auto)
        kind = has_citations && has_mentions ? ProjectionKind::Union : has_citations ? ProjectionKind::Citations : ProjectionKind::Mentions;

    Projection p;
    p.kind = kind;
    std::vector<std::string> ids;
    std::vector<std::pair<CsrGraph::Vertex, CsrGraph::Vertex>> edges;
    std::vector<double> weights;
    std::unordered_map<std::string, CsrGraph::Vertex> paper_index;
    const bool mentions = kind == ProjectionKind::Mentions || kind == ProjectionKind::Union;

    auto add_paper = [&](const std::string& id) {
        auto [it, inserted] = paper_index.try_emplace(id, static_cast<CsrGraph::Vertex>(ids.size()));
        if (inserted) {
            ids.push_back(id);
            p.is_paper.push_back(true);
            p.typed.push_back(kg.find(graph::NodeKind::Paper, id));
        }
        return it->second;
    };

    if (kind == ProjectionKind::Citations || kind == ProjectionKind::Union) {
        // The citation ids come first, so citation vertex i is CSR vertex i: the edges need no
        // renumbering. The id map is only needed to match the digests' papers (union).
        if (consumed) {
            ids = std::move(consumed->ids);
            edges = std::move(consumed->edges);
            weights = std::move(consumed->weights);
            consumed->index.clear();
            consumed->digit_index.clear();
        } else {
            ids = cit.ids;
            edges = cit.edges;
            weights = cit.weights;
        }
        p.is_paper.assign(ids.size(), true);
        p.typed.resize(ids.size());
        const bool typed_papers = kg.node_count() > 0;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (typed_papers) p.typed[i] = kg.find(graph::NodeKind::Paper, ids[i]);
            if (mentions) paper_index.emplace(ids[i], static_cast<CsrGraph::Vertex>(i));
        }
        // Citations alone: the CSR collapses the pairs row by row as it is built (cheaper than
        // sorting the whole edge list); with mentions, only the citation edges may collapse.
        if (mentions) collapse_parallel_citations(edges, weights);
    }
    if (mentions) {
        const auto& g = kg.g();
        for (graph::Vertex v : kg.vertices(graph::NodeKind::Paper)) add_paper(kg[v].key);
        std::unordered_map<graph::Vertex, CsrGraph::Vertex> source_index;
        for (auto kind_of_source : {graph::NodeKind::Gap, graph::NodeKind::Idea}) {
            for (graph::Vertex v : kg.vertices(kind_of_source)) {
                source_index[v] = static_cast<CsrGraph::Vertex>(ids.size());
                ids.push_back(std::string(graph::to_string(kind_of_source)) + ":" + kg[v].key);
                p.is_paper.push_back(false);
                p.typed.push_back(v);
            }
        }
        for (auto [it, end] = boost::edges(g); it != end; ++it) {
            const auto& e = g[*it];
            if (e.kind != graph::EdgeKind::Mentions && e.kind != graph::EdgeKind::BuildsOn) continue;
            edges.emplace_back(source_index.at(boost::source(*it, g)), paper_index.at(kg[boost::target(*it, g)].key));
            const double w = evidence_weight(e);
            if (weights.empty() && w != 1.0) weights.assign(edges.size() - 1, 1.0);
            if (!weights.empty()) weights.push_back(w);
        }
    }
    const auto n = static_cast<std::uint32_t>(ids.size());
    const bool all_one = std::all_of(weights.begin(), weights.end(), [](double w) { return w == 1.0; });
    if (all_one) std::vector<double>().swap(weights);
    p.csr = CsrGraph(n, std::move(edges), std::move(weights), std::move(ids),
                     kind == ProjectionKind::Citations ? ParallelEdges::CollapseFirst : ParallelEdges::Keep);
    return p;
}

}  // namespace

Projection project(const graph::LoadResult& loaded, ProjectionKind kind) { return build(loaded, nullptr, kind); }

Projection project_consuming(graph::LoadResult& loaded, ProjectionKind kind) { return build(loaded, &loaded.citations, kind); }

}  // namespace citegraph::analysis
