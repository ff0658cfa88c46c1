#include "analysis/coverage.hpp"

#include "analysis/links.hpp"
#include "analysis/text_index.hpp"
#include "analysis/tokenize.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <set>

namespace citegraph::analysis {
namespace {

std::vector<std::string> terms_of(const graph::EdgeProps& e) {
    if (e.evidence != graph::Evidence::Inferred) return e.matched_text.empty() ? std::vector<std::string>{} : std::vector<std::string>{e.matched_text};
    std::string_view s = e.matched_text;
    constexpr std::string_view prefix = "terms: ";
    if (s.substr(0, prefix.size()) == prefix) s.remove_prefix(prefix.size());
    std::vector<std::string> out;
    while (!s.empty()) {
        const auto comma = s.find(", ");
        out.emplace_back(s.substr(0, comma));
        if (comma == std::string_view::npos) break;
        s.remove_prefix(comma + 2);
    }
    return out;
}

int evidence_order(graph::Evidence e) { return e == graph::Evidence::Id ? 0 : e == graph::Evidence::Name ? 1 : 2; }

// Links of `kind` and, when given, of `also` (a gap's explicit `mentions` and its inferred
// `related_to` are one list of supporting papers, told apart by evidence).
std::vector<EvidenceLink> out_links(const graph::KnowledgeGraph& kg, graph::Vertex from, graph::EdgeKind kind,
                                    std::optional<graph::EdgeKind> also = std::nullopt) {
    std::vector<EvidenceLink> links;
    for (auto [e, end] = boost::out_edges(from, kg.g()); e != end; ++e) {
        const auto& p = kg[*e];
        if (p.kind != kind && p.kind != also) continue;
        links.push_back({boost::target(*e, kg.g()), p.evidence, p.score, terms_of(p), p.seen.empty() ? graph::Provenance{} : p.seen.front()});
    }
    std::sort(links.begin(), links.end(), [&](const EvidenceLink& a, const EvidenceLink& b) {
        if (evidence_order(a.evidence) != evidence_order(b.evidence)) return evidence_order(a.evidence) < evidence_order(b.evidence);
        if (a.score != b.score) return a.score > b.score;
        return kg[a.target].key < kg[b.target].key;
    });
    return links;
}

template <class T>
void count(T& item, const std::vector<EvidenceLink>& links) {
    for (const auto& l : links) {
        item.by_id += l.evidence == graph::Evidence::Id;
        item.by_name += l.evidence == graph::Evidence::Name;
        item.inferred += l.evidence == graph::Evidence::Inferred;
    }
    item.supported = item.by_id + item.by_name > 0;
}

}  // namespace

std::vector<GapCoverage> gap_coverage(const graph::KnowledgeGraph& kg) {
    std::vector<GapCoverage> out;
    for (auto g : kg.vertices(graph::NodeKind::Gap)) {
        GapCoverage c;
        c.gap = g;
        c.links = out_links(kg, g, graph::EdgeKind::Mentions, graph::EdgeKind::RelatedTo);
        count(c, c.links);
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<IdeaLineage> idea_lineage(const graph::KnowledgeGraph& kg) {
    std::vector<IdeaLineage> out;
    for (auto i : kg.vertices(graph::NodeKind::Idea)) {
        IdeaLineage l;
        l.idea = i;
        l.papers = out_links(kg, i, graph::EdgeKind::BuildsOn);
        l.gaps = out_links(kg, i, graph::EdgeKind::Addresses);
        count(l, l.papers);
        out.push_back(std::move(l));
    }
    return out;
}

std::vector<RecurringTheme> recurring_gap_themes(const graph::KnowledgeGraph& kg, const ThemeOptions& options) {
    const auto gaps = kg.vertices(graph::NodeKind::Gap);
    Bm25Index index;
    for (auto g : gaps) index.add_document(index_terms(remove_ids(gap_text(kg[g].gap()))));

    // Union-find over gaps of different months.
    std::vector<std::size_t> parent(gaps.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](std::size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    std::map<std::size_t, double> weakest;  // root -> weakest joining similarity
    for (std::size_t a = 0; a < gaps.size(); ++a)
        for (std::size_t b = a + 1; b < gaps.size(); ++b) {
            const auto& ma = kg[gaps[a]].gap().month;
            const auto& mb = kg[gaps[b]].gap().month;
            if (ma.empty() || mb.empty() || ma == mb) continue;
            const double s = index.cosine(a, b);
            if (s < options.min_similarity) continue;
            const auto ra = find(a), rb = find(b);
            double w = s;
            if (auto it = weakest.find(ra); it != weakest.end()) w = std::min(w, it->second);
            if (auto it = weakest.find(rb); it != weakest.end()) w = std::min(w, it->second);
            if (ra != rb) parent[rb] = ra;
            weakest[find(a)] = w;
        }

    std::map<std::size_t, std::vector<std::size_t>> groups;
    for (std::size_t a = 0; a < gaps.size(); ++a) groups[find(a)].push_back(a);
    std::vector<RecurringTheme> themes;
    for (const auto& [root, members] : groups) {
        std::set<std::string> months;
        for (auto m : members) months.insert(kg[gaps[m]].gap().month);
        if (months.size() < 2) continue;
        RecurringTheme t;
        t.months.assign(months.begin(), months.end());
        t.similarity = weakest[root];
        std::vector<std::size_t> sorted = members;
        std::stable_sort(sorted.begin(), sorted.end(), [&](auto x, auto y) { return kg[gaps[x]].gap().month < kg[gaps[y]].gap().month; });
        for (auto m : sorted) t.gaps.push_back(gaps[m]);
        // Shared terms: in the gaps of at least two months, rarest (highest idf) first.
        std::map<std::string, std::set<std::string>> term_months;
        for (auto m : members)
            for (const auto& [term, tf] : index.document_terms(m)) term_months[term].insert(kg[gaps[m]].gap().month);
        std::vector<std::pair<double, std::string>> shared;
        for (const auto& [term, ms] : term_months)
            if (ms.size() >= 2) shared.emplace_back(index.idf(term), term);
        std::sort(shared.begin(), shared.end(), [](const auto& x, const auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; });
        std::vector<std::string> ordered;
        for (const auto& [idf, term] : shared) ordered.push_back(term);
        const auto distinct = distinct_terms(ordered);  // "chất lượng" rather than "chất" and "lượng" too
        for (std::size_t k = 0; k < distinct.size() && k < 6; ++k) t.terms.push_back(distinct[k]);
        themes.push_back(std::move(t));
    }
    std::sort(themes.begin(), themes.end(), [&](const RecurringTheme& a, const RecurringTheme& b) {
        if (a.months.size() != b.months.size()) return a.months.size() > b.months.size();
        return kg[a.gaps.front()].key < kg[b.gaps.front()].key;
    });
    return themes;
}

}  // namespace citegraph::analysis
