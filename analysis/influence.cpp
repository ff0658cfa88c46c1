#include "analysis/influence.hpp"

#include "analysis/projection.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace citegraph::analysis {

InfluenceResult influence_ranking(const graph::LoadResult& loaded, const std::unordered_map<std::string, double>& mention_pagerank,
                                  const std::unordered_map<std::string, double>& citation_pagerank, const InfluenceOptions& options) {
    for (const auto& [name, w] : options.weights) {
        if (std::find(influence_signal_names().begin(), influence_signal_names().end(), name) == influence_signal_names().end())
            throw std::invalid_argument("unknown influence signal '" + name + "'");
        if (!(w >= 0.0)) throw std::invalid_argument("weight of signal '" + name + "' must be >= 0");
    }
    const auto& kg = loaded.graph;
    const auto& g = kg.g();

    // Papers: typed graph first (creation order), then citation-only ids.
    std::vector<std::string> ids;
    std::unordered_map<std::string, std::size_t> row;
    auto add = [&](const std::string& id) {
        if (row.try_emplace(id, ids.size()).second) ids.push_back(id);
    };
    for (graph::Vertex v : kg.vertices(graph::NodeKind::Paper)) add(kg[v].key);
    for (const auto& id : loaded.citations.ids) add(id);

    // SOTA and reading-list table sizes per file, for the (K + 1 - r) / K scaling.
    std::map<std::string, int> sota_rows, reading_rows;
    for (graph::Vertex v : kg.vertices(graph::NodeKind::Paper)) {
        for (const auto& s : kg[v].paper().sota) sota_rows[s.where.file] = std::max(sota_rows[s.where.file], s.rank);
        for (const auto& r : kg[v].paper().reading) reading_rows[r.where.file] = std::max(reading_rows[r.where.file], r.position);
    }

    const auto& names = influence_signal_names();
    std::vector<std::map<std::string, double>> raw(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        auto& r = raw[i];
        for (const auto& n : names) r[n] = 0.0;
        if (auto it = mention_pagerank.find(ids[i]); it != mention_pagerank.end()) r["mention_pagerank"] = it->second;
        if (auto it = citation_pagerank.find(ids[i]); it != citation_pagerank.end()) r["citation_pagerank"] = it->second;
        auto v = kg.find(graph::NodeKind::Paper, ids[i]);
        if (!v) continue;
        const auto& p = kg[*v].paper();
        for (const auto& s : p.sota) {
            const double k = sota_rows[s.where.file];
            if (k > 0 && s.rank >= 1) r["sota"] = std::max(r["sota"], (k + 1 - s.rank) / k);
        }
        for (const auto& e : p.reading) {
            const double l = reading_rows[e.where.file];
            if (l > 0 && e.position >= 1) r["reading_list"] = std::max(r["reading_list"], (l + 1 - e.position) / l);
        }
        std::set<std::string> sections;
        for (const auto& [section, count] : p.mentions_per_section)
            if (count > 0 && section != "PREAMBLE") sections.insert(section);
        r["sections"] = static_cast<double>(sections.size());
        r["months"] = static_cast<double>(p.months.size());
        std::set<graph::Vertex> relying;
        for (auto [it, end] = boost::in_edges(*v, g); it != end; ++it)
            if (g[*it].kind == graph::EdgeKind::Mentions || g[*it].kind == graph::EdgeKind::BuildsOn) relying.insert(boost::source(*it, g));
        r["reliance"] = static_cast<double>(relying.size());
    }

    InfluenceResult result;
    std::map<std::string, double> max_of;
    for (const auto& n : names) {
        double m = 0;
        for (const auto& r : raw) m = std::max(m, r.at(n));
        max_of[n] = m;
        const auto w = options.weights.find(n);
        if (m > 0 && w != options.weights.end() && w->second > 0) result.available.push_back(n);
    }
    double weight_sum = 0;
    for (const auto& n : result.available) weight_sum += options.weights.at(n);

    result.ranking.resize(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        InfluenceEntry& e = result.ranking[i];
        e.id = ids[i];
        auto v = kg.find(graph::NodeKind::Paper, ids[i]);
        e.name = v ? kg[*v].label : ids[i];
        if (!v || e.name == e.id)
            if (auto m = loaded.citations.metadata.find(ids[i]); m != loaded.citations.metadata.end() && !m->second.title.empty()) e.name = m->second.title;
        for (const auto& n : names) {
            SignalValue s;
            s.value = raw[i].at(n);
            s.normalized = max_of[n] > 0 ? s.value / max_of[n] : 0.0;
            const bool on = std::find(result.available.begin(), result.available.end(), n) != result.available.end();
            s.weight = on ? options.weights.at(n) : 0.0;
            e.signals[n] = s;
            if (on && weight_sum > 0) e.score += s.weight * s.normalized / weight_sum;
        }
        for (auto& [n, s] : e.signals)
            s.share = e.score > 0 && weight_sum > 0 ? s.weight * s.normalized / weight_sum / e.score : 0.0;
    }
    std::sort(result.ranking.begin(), result.ranking.end(), [](const InfluenceEntry& a, const InfluenceEntry& b) {
        return a.score != b.score ? a.score > b.score : a.id < b.id;
    });
    for (std::size_t i = 0; i < result.ranking.size(); ++i) result.ranking[i].rank = static_cast<int>(i) + 1;
    return result;
}

namespace {

std::unordered_map<std::string, double> paper_pagerank(const Projection& p, const PageRankOptions& options) {
    std::unordered_map<std::string, double> out;
    if (p.csr.num_vertices() == 0) return out;
    const auto pr = page_rank(p.csr, options);
    for (std::uint32_t v = 0; v < p.csr.num_vertices(); ++v)
        if (p.is_paper[v]) out[p.csr.id(v)] = pr.score[v];
    return out;
}

}  // namespace

InfluencePageRanks influence_pageranks(const graph::LoadResult& loaded, const PageRankOptions& options) {
    InfluencePageRanks out;
    if (!loaded.digests.empty()) out.mentions = paper_pagerank(project(loaded, ProjectionKind::Mentions), options);
    if (!loaded.citations.edges.empty()) out.citations = paper_pagerank(project(loaded, ProjectionKind::Citations), options);
    return out;
}

}  // namespace citegraph::analysis
