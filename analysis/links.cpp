#include "analysis/links.hpp"

#include "analysis/tokenize.hpp"
#include "graph/ids.hpp"
#include "graph/parse/build.hpp"
#include "graph/parse/names.hpp"

#include <algorithm>
#include <set>

namespace citegraph::analysis {
namespace {

void append(std::string& out, std::string_view piece) {
    if (piece.empty()) return;
    if (!out.empty()) out += '\n';
    out += piece;
}

}  // namespace

std::pair<std::size_t, std::size_t> sentence_around(std::string_view line, std::size_t at) {
    auto is_end = [&](std::size_t i) {
        const char c = line[i];
        if (c == ';') return true;
        if (c == '.' || c == '!' || c == '?') return i + 1 >= line.size() || line[i + 1] == ' ';
        return false;
    };
    std::size_t begin = at;
    while (begin > 0 && !is_end(begin - 1)) --begin;
    std::size_t end = at;
    while (end < line.size() && !is_end(end)) ++end;
    return {begin, end};
}

namespace {

// The clause an id belongs to inside its sentence: from the previous ',', '(', ';', ':' to
// the next ',', ')', ';', ':' (or the sentence's ends). It holds the name the sentence
// gives the paper ("..., Griffin 2402.19427, ..." or "FRet 2403.20327 cho embedding").
std::pair<std::size_t, std::size_t> clause_around(std::string_view line, std::size_t sentence_begin, std::size_t sentence_end,
                                                  std::size_t at, std::size_t length) {
    constexpr std::string_view open = ",(;:";
    constexpr std::string_view close = ",);:";
    std::size_t begin = at;
    while (begin > sentence_begin && open.find(line[begin - 1]) == std::string_view::npos) --begin;
    std::size_t end = at + length;
    while (end < sentence_end && close.find(line[end]) == std::string_view::npos) ++end;
    return {begin, end};
}

std::vector<std::string> query_terms(std::string_view text) { return index_terms(remove_ids(text)); }

// Every accepted paper name, longest first (so "Layer-Condensed KV Cache" is blanked before
// "KV Cache" could be), with its owners: the resolver's view of names (build.cpp).
struct NameTable {
    std::vector<std::string> ordered;
    std::map<std::string, std::set<graph::Vertex>> owners;
};

NameTable name_table(const graph::KnowledgeGraph& kg) {
    NameTable t;
    for (auto v : kg.vertices(graph::NodeKind::Paper))
        for (const auto& n : kg[v].paper().names) t.owners[n.text].insert(v);
    for (const auto& [name, set] : t.owners) t.ordered.push_back(name);
    std::stable_sort(t.ordered.begin(), t.ordered.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    return t;
}

std::string remove_names(std::string text, const NameTable& names) {
    for (const auto& name : names.ordered)
        for (const auto& m : graph::names::find_name(text, name))
            std::fill(text.begin() + static_cast<std::ptrdiff_t>(m.offset), text.begin() + static_cast<std::ptrdiff_t>(m.offset + m.length), ' ');
    return text;
}

graph::Provenance heading(const graph::NodeProps& node) { return node.seen.empty() ? graph::Provenance{} : node.seen.front(); }

std::vector<std::string> first_terms(const std::vector<std::string>& terms, std::size_t n) {
    return {terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(std::min(n, terms.size()))};
}

// Splits a term into its words: "kv cache" and "kv-cache" -> {"kv", "cache"}.
std::vector<std::string> term_words(const std::string& term) {
    std::vector<std::string> words;
    std::string cur;
    for (char c : term) {
        if (c == ' ' || c == '-') {
            if (!cur.empty()) words.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) words.push_back(std::move(cur));
    return words;
}

}  // namespace

std::vector<std::string> distinct_terms(const std::vector<std::string>& terms) {
    std::vector<std::string> out;
    for (const auto& t : terms) {
        const auto words = term_words(t);
        bool covered = false;
        for (const auto& other : terms) {
            if (&other == &t) continue;
            const auto ow = term_words(other);
            // A term is covered by a longer one that contains all its words ("cứu" by
            // "nghiên cứu"), or by the hyphenated spelling of the same words.
            const bool contains = std::all_of(words.begin(), words.end(), [&](const std::string& w) {
                return std::find(ow.begin(), ow.end(), w) != ow.end();
            });
            if (contains && (ow.size() > words.size() || (ow.size() == words.size() && other.find('-') != std::string::npos && t.find('-') == std::string::npos)))
                covered = true;
        }
        if (!covered) out.push_back(t);
    }
    return out;
}

std::string paper_own_text(const graph::PaperProps& p) {
    std::string out;
    for (const auto& t : p.tree_entries) append(out, t.description);
    for (const auto& c : p.contributions) {
        append(out, c.title);
        append(out, c.text);
        append(out, c.comment);
    }
    for (const auto& s : p.sota) {
        append(out, s.keywords);
        append(out, s.breakthrough);
        append(out, s.impact);
    }
    for (const auto& r : p.reading) {
        append(out, r.label);
        append(out, r.reason);
    }
    append(out, p.title);
    append(out, p.abstract);
    return out;
}

std::string gap_text(const graph::GapProps& g) {
    std::string out = g.title;
    append(out, g.text);
    for (const auto& s : g.sub_points) append(out, s);
    return out;
}

std::string idea_text(const graph::IdeaProps& i) {
    std::string out = i.title;
    for (const auto* field : {&i.motivation, &i.novelty, &i.approach, &i.data_metrics, &i.risk}) append(out, *field);
    for (const auto& [label, text] : i.other_fields) append(out, text);
    return out;
}

std::string remove_ids(std::string_view text) {
    std::string out(text);
    for (const auto& m : graph::find_arxiv_ids(text))
        std::fill(out.begin() + static_cast<std::ptrdiff_t>(m.offset), out.begin() + static_cast<std::ptrdiff_t>(m.offset + m.length), ' ');
    return out;
}

std::map<std::string, std::vector<std::string>> mention_sentences(const std::vector<graph::ParsedDigest>& digests,
                                                                  const std::vector<graph::Section>& sections) {
    std::map<std::string, std::vector<std::string>> out;
    // A sentence often lists several papers, "(Jamba 2403.19887, Zamba 2405.16712, ...)":
    // each paper gets the sentence without the other papers' clauses (their names are not
    // its text), plus its own clause once more.
    auto scan = [&](const graph::TextLine& line) {
        const auto ids = graph::find_arxiv_ids(line.text);
        for (const auto& m : ids) {
            if (!m.id) continue;
            const auto [b, e] = sentence_around(line.text, m.offset);
            const auto own = clause_around(line.text, b, e, m.offset, m.length);
            std::string sentence = line.text.substr(b, e - b);
            for (const auto& other : ids) {
                if (other.offset == m.offset || other.offset < b || other.offset >= e) continue;
                const auto [ob, oe] = clause_around(line.text, b, e, other.offset, other.length);
                if (ob < own.second && own.first < oe) continue;  // shares the clause: "A (also B)"
                std::fill(sentence.begin() + static_cast<std::ptrdiff_t>(ob - b), sentence.begin() + static_cast<std::ptrdiff_t>(oe - b), ' ');
            }
            out[m.id->id].push_back(remove_ids(sentence));
            out[m.id->id].push_back(remove_ids(std::string_view(line.text).substr(own.first, own.second - own.first)));
        }
    };
    auto wanted = [&](graph::Section s) { return std::find(sections.begin(), sections.end(), s) != sections.end(); };
    for (const auto& d : digests) {
        if (wanted(graph::Section::Gaps))
            for (const auto& g : d.gaps)
                for (const auto& l : g.lines) scan(l);
        if (wanted(graph::Section::Ideas))
            for (const auto& i : d.ideas)
                for (const auto& l : i.lines) scan(l);
        if (wanted(graph::Section::Reflection))
            for (const auto& l : d.reflection) scan(l);
    }
    return out;
}

PaperCorpus build_paper_corpus(const graph::LoadResult& loaded, const CorpusOptions& options) {
    PaperCorpus corpus;
    const auto& kg = loaded.graph;
    std::map<std::string, std::vector<std::string>> context;
    if (options.reflection_context) context = mention_sentences(loaded.digests, {graph::Section::Reflection});
    for (auto v : kg.vertices(graph::NodeKind::Paper)) {
        std::string text = paper_own_text(kg[v].paper());
        if (text.empty()) {
            // Citation data not merged into the typed graph keeps its metadata apart.
            auto it = loaded.citations.metadata.find(kg[v].key);
            if (it != loaded.citations.metadata.end()) text = it->second.title + "\n" + it->second.abstract;
        }
        if (auto it = context.find(kg[v].key); it != context.end())
            for (const auto& s : it->second) append(text, s);
        auto terms = index_terms(remove_ids(text));
        if (terms.empty()) continue;
        corpus.doc_of[v] = corpus.index.add_document(terms);
        corpus.paper.push_back(v);
    }
    std::vector<double> self;
    for (std::size_t d = 0; d < corpus.index.size(); ++d) self.push_back(corpus.index.self_score(d));
    if (!self.empty()) {
        std::nth_element(self.begin(), self.begin() + static_cast<std::ptrdiff_t>(self.size() / 2), self.end());
        corpus.median_self_score = self[self.size() / 2];
    }
    return corpus;
}

double link_score(const PaperCorpus& corpus, const Bm25Hit& hit) {
    const double norm = std::max(corpus.index.self_score(hit.doc), corpus.median_self_score);
    return norm > 0 ? std::min(1.0, hit.score / norm) : 0.0;
}

std::string describe_terms(const std::vector<std::string>& terms) {
    std::string out = "terms: ";
    for (std::size_t i = 0; i < terms.size(); ++i) out += (i ? ", " : "") + terms[i];
    return out;
}

LinkResult infer_links(const graph::LoadResult& loaded, const LinkOptions& options) {
    const auto& kg = loaded.graph;
    const PaperCorpus corpus = build_paper_corpus(loaded, options.corpus);
    LinkResult result;

    // `explicit_kind` is the kind of the parser's id and name links (a paper they already link
    // is not inferred again); `kind` the kind of the inferred edge. DESIGN.md: an inferred
    // gap -> paper link is `related_to`, an inferred idea -> paper link `builds_on` (evidence
    // inferred either way).
    auto link_papers = [&](graph::Vertex from, const std::string& text, graph::EdgeKind kind, graph::EdgeKind explicit_kind) {
        const auto hits = corpus.index.search(query_terms(text));
        std::size_t considered = 0;
        for (std::size_t r = 0; r < hits.size() && considered < options.max_links; ++r) {
            const graph::Vertex paper = corpus.paper[hits[r].doc];
            if (kg.find_edge(from, paper, explicit_kind) || kg.find_edge(from, paper, kind)) continue;  // already linked
            ++considered;
            const double score = link_score(corpus, hits[r]);
            const auto terms = distinct_terms(hits[r].terms);
            if (score < options.min_normalized || terms.size() < options.min_terms) continue;
            result.links.push_back({from, paper, kind, score, hits[r].score, static_cast<int>(r + 1), first_terms(terms, 8), heading(kg[from])});
        }
    };
    const auto gaps = kg.vertices(graph::NodeKind::Gap);
    const auto ideas = kg.vertices(graph::NodeKind::Idea);
    for (auto g : gaps) link_papers(g, gap_text(kg[g].gap()), graph::EdgeKind::RelatedTo, graph::EdgeKind::Mentions);
    for (auto i : ideas) link_papers(i, idea_text(kg[i].idea()), graph::EdgeKind::BuildsOn, graph::EdgeKind::BuildsOn);

    // Idea -> gap: the gaps are the documents; an idea answers a gap of its own digest.
    // Two signals, because ideas are often written in English and gaps in Vietnamese: the
    // text (normalized BM25 of the idea against the gap) and the papers both cite
    // explicitly (id or name links; share = shared / the idea's explicit papers). They
    // combine as a noisy-or, 1 - (1 - text)(1 - papers).
    Bm25Index gap_index;
    for (auto g : gaps) gap_index.add_document(query_terms(gap_text(kg[g].gap())));
    auto explicit_papers = [&](graph::Vertex from, graph::EdgeKind kind) {
        std::set<graph::Vertex> out;
        for (auto [e, end] = boost::out_edges(from, kg.g()); e != end; ++e)
            if (kg[*e].kind == kind && kg[*e].evidence != graph::Evidence::Inferred) out.insert(boost::target(*e, kg.g()));
        return out;
    };
    auto same_digest = [&](graph::Vertex idea, graph::Vertex gap) {
        const auto& a = kg[idea].idea().month;
        const auto& b = kg[gap].gap().month;
        if (!a.empty() && !b.empty()) return a == b;
        return !kg[idea].seen.empty() && !kg[gap].seen.empty() && kg[idea].seen.front().file == kg[gap].seen.front().file;
    };
    for (auto i : ideas) {
        const auto hits = gap_index.search(query_terms(idea_text(kg[i].idea())));
        const auto idea_papers = explicit_papers(i, graph::EdgeKind::BuildsOn);
        struct Candidate {
            graph::Vertex gap;
            double score, text, bm25;
            int rank;
            std::vector<std::string> terms;
        };
        std::vector<Candidate> candidates;
        for (std::size_t d = 0; d < gaps.size(); ++d) {
            const graph::Vertex gap = gaps[d];
            if (!same_digest(i, gap) || kg.find_edge(i, gap, graph::EdgeKind::Addresses)) continue;
            Candidate c{gap, 0.0, 0.0, 0.0, 0, {}};
            auto hit = std::find_if(hits.begin(), hits.end(), [&](const Bm25Hit& h) { return h.doc == d; });
            if (hit != hits.end()) {
                const auto terms = distinct_terms(hit->terms);
                if (hit->normalized >= options.min_gap_normalized && terms.size() >= options.min_gap_terms) {
                    c.text = hit->normalized;
                    c.terms = first_terms(terms, 8);
                }
                c.bm25 = hit->score;
                c.rank = static_cast<int>(hit - hits.begin()) + 1;
            }
            std::size_t shared = 0;
            for (auto p : explicit_papers(gap, graph::EdgeKind::Mentions))
                if (idea_papers.count(p)) {
                    ++shared;
                    c.terms.push_back("paper " + kg[p].key);
                }
            const double paper_share = idea_papers.empty() ? 0.0 : static_cast<double>(shared) / static_cast<double>(idea_papers.size());
            c.score = 1.0 - (1.0 - c.text) * (1.0 - paper_share);
            if (c.score > 0) candidates.push_back(std::move(c));
        }
        std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
        if (candidates.size() > options.max_gaps) candidates.resize(options.max_gaps);
        for (auto& c : candidates)
            result.links.push_back({i, c.gap, graph::EdgeKind::Addresses, c.score, c.bm25, c.rank, std::move(c.terms), heading(kg[i])});
    }
    return result;
}

std::size_t add_inferred_links(graph::KnowledgeGraph& kg, const LinkResult& result) {
    std::size_t added = 0;
    for (const auto& l : result.links) {
        if (kg.find_edge(l.from, l.to, l.kind)) continue;
        graph::EdgeProps e;
        e.kind = l.kind;
        e.evidence = graph::Evidence::Inferred;
        e.score = l.score;
        e.matched_text = describe_terms(l.terms);
        e.seen.push_back(l.where);
        added += kg.link(l.from, l.to, std::move(e)).second ? 1 : 0;
    }
    return added;
}

LinkEvaluation evaluate_masked_links(const graph::LoadResult& loaded, MaskMode mode, const LinkOptions& options) {
    const auto& kg = loaded.graph;
    const PaperCorpus corpus = build_paper_corpus(loaded, options.corpus);
    std::vector<std::pair<double, bool>> candidates;  // link score, is a hidden paper
    const NameTable names = name_table(kg);
    LinkEvaluation ev;
    ev.mode = mode;
    double rr = 0;

    auto evaluate = [&](graph::Vertex from, const std::string& text, graph::EdgeKind kind) {
        std::vector<std::pair<graph::Vertex, graph::Evidence>> hidden;
        for (auto [e, end] = boost::out_edges(from, kg.g()); e != end; ++e) {
            const auto& p = kg[*e];
            if (p.kind != kind) continue;
            if (p.evidence == graph::Evidence::Id || (mode == MaskMode::Names && p.evidence == graph::Evidence::Name))
                hidden.emplace_back(boost::target(*e, kg.g()), p.evidence);
        }
        if (hidden.empty()) return;
        ++ev.queries;
        std::string masked = mode == MaskMode::Names ? remove_names(text, names) : text;
        const auto hits = corpus.index.search(query_terms(masked));
        std::map<graph::Vertex, int> rank;
        for (std::size_t r = 0; r < hits.size(); ++r) rank.emplace(corpus.paper[hits[r].doc], static_cast<int>(r + 1));
        std::sort(hidden.begin(), hidden.end(), [&](const auto& a, const auto& b) { return kg[a.first].key < kg[b.first].key; });
        // The candidates infer_links would consider: the best unlinked papers. Papers still
        // linked explicitly (names, in mode ids) are not candidates, as in infer_links.
        std::size_t considered = 0;
        for (std::size_t r = 0; r < hits.size() && considered < options.max_links; ++r) {
            const graph::Vertex paper = corpus.paper[hits[r].doc];
            const bool is_hidden = std::any_of(hidden.begin(), hidden.end(), [&](const auto& h) { return h.first == paper; });
            if (!is_hidden && kg.find_edge(from, paper, kind)) continue;
            ++considered;
            if (distinct_terms(hits[r].terms).size() >= options.min_terms) candidates.emplace_back(link_score(corpus, hits[r]), is_hidden);
        }
        for (const auto& [paper, evidence] : hidden) {
            HiddenLink h;
            h.from = kg[from].key;
            h.paper = kg[paper].key;
            h.evidence = evidence;
            h.has_text = corpus.doc_of.count(paper) != 0;
            if (auto it = rank.find(paper); it != rank.end()) h.rank = it->second;
            ++ev.hidden;
            ev.hidden_with_text += h.has_text;
            ev.found_at_5 += h.rank > 0 && h.rank <= 5;
            ev.found_at_10 += h.rank > 0 && h.rank <= 10;
            if (h.rank > 0) rr += 1.0 / h.rank;
            ev.links.push_back(std::move(h));
        }
    };
    for (auto g : kg.vertices(graph::NodeKind::Gap)) evaluate(g, gap_text(kg[g].gap()), graph::EdgeKind::Mentions);
    for (auto i : kg.vertices(graph::NodeKind::Idea)) evaluate(i, idea_text(kg[i].idea()), graph::EdgeKind::BuildsOn);
    if (ev.hidden > 0) {
        ev.recall_at_5 = static_cast<double>(ev.found_at_5) / static_cast<double>(ev.hidden);
        ev.recall_at_10 = static_cast<double>(ev.found_at_10) / static_cast<double>(ev.hidden);
        ev.mean_reciprocal_rank = rr / static_cast<double>(ev.hidden);
    }
    for (int step = 1; step <= 10; ++step) {
        ThresholdPrecision tp;
        tp.threshold = step / 20.0;
        for (const auto& [score, is_hidden] : candidates)
            if (score >= tp.threshold - 1e-12) {
                ++tp.candidates;
                tp.hidden += is_hidden;
            }
        tp.precision = tp.candidates ? static_cast<double>(tp.hidden) / static_cast<double>(tp.candidates) : 0.0;
        ev.precision.push_back(tp);
    }
    return ev;
}

NamePrecision name_resolution_precision(const graph::LoadResult& loaded) {
    const auto& kg = loaded.graph;
    const NameTable names = name_table(kg);
    NamePrecision np;

    // The resolver's rules (graph/parse/build.cpp, resolve_names), replayed to see each
    // mention: longest names claim their span first; a name several papers carry means, in
    // one file, the paper that file names so; papers a digest declares the same ("A (also
    // B)") share their names.
    auto mutual_aliases = [&](const std::set<graph::Vertex>& set) {
        for (auto v : set)
            for (auto w : set) {
                const auto& same = kg[v].paper().same_as;
                if (v != w && std::find(same.begin(), same.end(), kg[w].key) == same.end()) return false;
            }
        return true;
    };
    auto scan = [&](const std::string& file, const graph::TextLine& line, graph::Section section) {
        std::vector<std::pair<std::size_t, std::size_t>> claimed;
        const auto ids = graph::find_arxiv_ids(line.text);
        for (const auto& name : names.ordered) {
            for (const auto& m : graph::names::find_name(line.text, name)) {
                const bool overlaps = std::any_of(claimed.begin(), claimed.end(), [&](const auto& s) {
                    return m.offset < s.second && s.first < m.offset + m.length;
                });
                if (overlaps) continue;
                claimed.emplace_back(m.offset, m.offset + m.length);
                std::set<graph::Vertex> set = names.owners.at(name);
                if (set.size() > 1) {
                    std::set<graph::Vertex> local;
                    for (auto v : set)
                        for (const auto& n : kg[v].paper().names)
                            if (n.text == name && n.where.file == file) local.insert(v);
                    if (!local.empty()) set = std::move(local);
                }
                if (set.size() != 1 && !mutual_aliases(set)) continue;  // ambiguous: not resolved
                const graph::Vertex paper = *set.begin();
                ++np.resolved;
                // The id written right after the name.
                std::size_t at = m.offset + m.length;
                auto skip_spaces = [&] { while (at < line.text.size() && line.text[at] == ' ') ++at; };
                skip_spaces();
                if (at < line.text.size() && (line.text[at] == '(' || line.text[at] == '[' || line.text[at] == ',')) {
                    ++at;
                    skip_spaces();
                }
                if (at < line.text.size() && line.text[at] == '`') ++at;
                auto next = std::find_if(ids.begin(), ids.end(), [&](const graph::IdMatch& im) {
                    return im.id && (im.offset == at || (im.offset + 1 == at && im.raw.front() == '`'));
                });
                if (next == ids.end()) continue;
                ++np.judged;
                NameCheck check;
                check.name = line.text.substr(m.offset, m.length);
                check.resolved = kg[paper].key;
                check.written = next->id->id;
                const auto& same = kg[paper].paper().same_as;
                check.correct = check.written == check.resolved || std::find(same.begin(), same.end(), check.written) != same.end();
                check.where = {file, line.line, std::string(graph::to_string(section))};
                if (check.correct) ++np.correct;
                else np.wrong.push_back(std::move(check));
            }
        }
    };
    for (const auto& d : loaded.digests) {
        for (const auto& g : d.gaps)
            for (const auto& l : g.lines) scan(d.path, l, graph::Section::Gaps);
        for (const auto& i : d.ideas)
            for (const auto& l : i.lines) scan(d.path, l, graph::Section::Ideas);
        for (const auto& l : d.reflection) scan(d.path, l, graph::Section::Reflection);
    }
    if (np.judged > 0) np.precision = static_cast<double>(np.correct) / static_cast<double>(np.judged);
    return np;
}

}  // namespace citegraph::analysis
