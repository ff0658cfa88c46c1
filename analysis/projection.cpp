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

Projection project(const graph::LoadResult& loaded, ProjectionKind kind) {
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
        std::vector<CsrGraph::Vertex> local(cit.ids.size());
        for (std::size_t i = 0; i < cit.ids.size(); ++i) local[i] = add_paper(cit.ids[i]);
        std::vector<std::size_t> order(cit.edges.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cit.edges[a] < cit.edges[b]; });
        for (std::size_t k = 0; k < order.size(); ++k) {
            const std::size_t e = order[k];
            if (k > 0 && cit.edges[order[k - 1]] == cit.edges[e]) continue;  // DiGraph semantics: one edge per pair
            edges.emplace_back(local[cit.edges[e].first], local[cit.edges[e].second]);
            weights.push_back(cit.weights.empty() ? 1.0 : cit.weights[e]);
        }
    }
    if (kind == ProjectionKind::Mentions || kind == ProjectionKind::Union) {
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
            weights.push_back(evidence_weight(e));
        }
    }
    const auto n = static_cast<std::uint32_t>(ids.size());
    const bool all_one = std::all_of(weights.begin(), weights.end(), [](double w) { return w == 1.0; });
    p.csr = CsrGraph(n, std::move(edges), all_one ? std::vector<double>{} : std::move(weights), std::move(ids));
    return p;
}

}  // namespace citegraph::analysis
