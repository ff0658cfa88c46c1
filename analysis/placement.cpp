#include "analysis/placement.hpp"

#include "analysis/links.hpp"
#include "analysis/text_index.hpp"
#include "analysis/tokenize.hpp"
#include "graph/ids.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace citegraph::analysis {
namespace {

bool has_out_edge(const graph::KnowledgeGraph& kg, graph::Vertex v, graph::EdgeKind kind) {
    for (auto [e, end] = boost::out_edges(v, kg.g()); e != end; ++e)
        if (kg[*e].kind == kind) return true;
    return false;
}

std::vector<graph::Vertex> topics_of(const graph::KnowledgeGraph& kg, graph::Vertex paper) {
    std::vector<graph::Vertex> out;
    for (auto [e, end] = boost::out_edges(paper, kg.g()); e != end; ++e)
        if (kg[*e].kind == graph::EdgeKind::ClassifiedAs) out.push_back(boost::target(*e, kg.g()));
    return out;
}

}  // namespace

PlacementResult suggest_topics(const graph::LoadResult& loaded) {
    const auto& kg = loaded.graph;
    PlacementResult result;

    // Topic documents.
    std::map<graph::Vertex, std::string> topic_text;
    for (auto p : kg.vertices(graph::NodeKind::Paper))
        for (auto t : topics_of(kg, p)) {
            std::string& text = topic_text[t];
            if (text.empty()) text = kg[t].topic().path;
            text += '\n';
            text += paper_own_text(kg[p].paper());
        }
    if (topic_text.empty()) return result;
    Bm25Index index;
    std::vector<graph::Vertex> topic_of_doc;
    for (const auto& [t, text] : topic_text) {
        index.add_document(index_terms(remove_ids(text)));
        topic_of_doc.push_back(t);
    }

    std::set<std::string> digest_files;
    for (const auto& d : loaded.digests) digest_files.insert(d.path);
    const auto sentences = mention_sentences(loaded.digests, {graph::Section::Gaps, graph::Section::Ideas, graph::Section::Reflection});

    // Lines of the gaps, ideas and reflection, for the co-mention fallback.
    std::vector<const graph::TextLine*> lines;
    for (const auto& d : loaded.digests) {
        for (const auto& g : d.gaps)
            for (const auto& l : g.lines) lines.push_back(&l);
        for (const auto& i : d.ideas)
            for (const auto& l : i.lines) lines.push_back(&l);
        for (const auto& l : d.reflection) lines.push_back(&l);
    }

    for (auto p : kg.vertices(graph::NodeKind::Paper)) {
        const auto& node = kg[p];
        const bool in_digest = std::any_of(node.seen.begin(), node.seen.end(), [&](const graph::Provenance& w) { return digest_files.count(w.file) != 0; });
        if (!in_digest || has_out_edge(kg, p, graph::EdgeKind::ClassifiedAs)) continue;
        ++result.unclassified;
        std::string text = paper_own_text(node.paper());
        if (auto it = sentences.find(node.key); it != sentences.end())
            for (const auto& s : it->second) text += "\n" + s;
        const auto hits = index.search(index_terms(remove_ids(text)));
        // The topics of classified papers cited in the same sentences vote.
        std::map<graph::Vertex, int> votes;
        for (const auto* line : lines) {
            const auto ids = graph::find_arxiv_ids(line->text);
            std::set<graph::Vertex> others;
            for (const auto& mine : ids) {
                if (!mine.id || mine.id->id != node.key) continue;
                const auto [b, e] = sentence_around(line->text, mine.offset);
                for (const auto& m : ids)
                    if (m.id && m.id->id != node.key && m.offset >= b && m.offset < e)
                        if (auto other = kg.find(graph::NodeKind::Paper, m.id->id)) others.insert(*other);
            }
            for (auto o : others)
                for (auto t : topics_of(kg, o)) ++votes[t];
        }
        const double best_text = hits.empty() ? 0.0 : hits.front().score;
        int best_votes = 0;
        for (const auto& [t, n] : votes) best_votes = std::max(best_votes, n);
        std::map<graph::Vertex, double> combined;
        std::map<graph::Vertex, const Bm25Hit*> hit_of;
        for (const auto& h : hits) {
            combined[topic_of_doc[h.doc]] += h.score / best_text;
            hit_of[topic_of_doc[h.doc]] = &h;
        }
        for (const auto& [t, n] : votes) combined[t] += static_cast<double>(n) / best_votes;
        if (combined.empty()) {
            result.unplaced.push_back(p);
            continue;
        }
        std::vector<std::pair<double, graph::Vertex>> ranked;
        for (const auto& [t, sc] : combined) ranked.emplace_back(sc, t);
        std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
        double top3 = 0;
        for (std::size_t r = 0; r < ranked.size() && r < 3; ++r) top3 += ranked[r].first;
        Placement pl;
        pl.paper = p;
        pl.topic = ranked[0].second;
        pl.confidence = ranked[0].first / top3;
        if (ranked.size() > 1) pl.runner_up = ranked[1].second;
        const bool by_text = hit_of.count(pl.topic) != 0;
        const bool by_votes = votes.count(pl.topic) != 0;
        pl.basis = by_text && by_votes ? "text+co-mentions" : by_text ? "text" : "co-mentions";
        if (by_text) {
            pl.score = hit_of[pl.topic]->score;
            const auto terms = distinct_terms(hit_of[pl.topic]->terms);
            pl.terms.assign(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(8, terms.size())));
        }
        result.placements.push_back(std::move(pl));
    }
    std::sort(result.placements.begin(), result.placements.end(), [&](const Placement& a, const Placement& b) { return kg[a.paper].key < kg[b.paper].key; });
    return result;
}

std::size_t add_suggested_topics(graph::KnowledgeGraph& kg, const PlacementResult& result) {
    std::size_t added = 0;
    for (const auto& pl : result.placements) {
        graph::EdgeProps e;
        e.kind = graph::EdgeKind::SuggestedTopic;
        e.evidence = graph::Evidence::Inferred;
        e.score = pl.confidence;
        e.matched_text = pl.basis == "text" ? describe_terms(pl.terms) : std::string("co-mentions");
        if (!kg[pl.paper].seen.empty()) e.seen.push_back(kg[pl.paper].seen.front());
        added += kg.link(pl.paper, pl.topic, std::move(e)).second ? 1 : 0;
    }
    return added;
}

}  // namespace citegraph::analysis
