#include "analysis/lint.hpp"

#include "graph/parse/names.hpp"
#include "graph/text.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace citegraph::analysis {
namespace {

using graph::KnowledgeGraph;
using graph::NodeKind;
using graph::Provenance;
using graph::Severity;
using graph::Vertex;

// Words that carry no topic in the digests' two languages; enough for the rough overlap
// test below (the text pipeline of the analysis passes has the full treatment).
const std::set<std::string>& stop_words() {
    static const std::set<std::string> words = {
        "the", "and", "for", "with", "from", "that", "this", "into", "via", "using", "are", "its", "than",
        "các", "cho", "của", "và", "với", "trong", "được",
        "một", "những", "có", "không", "này", "như", "từ",
        "bằng", "trên", "theo", "để", "khi", "hơn", "rất", "nhưng",
        "là", "vào", "ra", "đã", "sự", "việc", "cao", "mới"};
    return words;
}

std::set<std::string> terms(std::string_view s) {
    std::set<std::string> out;
    std::string word;
    auto flush = [&] {
        if (word.size() >= 3 && !stop_words().count(word)) out.insert(word);
        word.clear();
    };
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t start = i;
        const char32_t c = graph::text::decode(s, i);
        if (graph::text::is_word_char(c) || c == '-') {
            std::string piece(s.substr(start, i - start));
            if (piece.size() == 1) piece[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(piece[0])));
            word += piece;
        } else {
            flush();
        }
    }
    flush();
    return out;
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() || b.empty()) return 0.0;
    std::size_t common = 0;
    for (const auto& w : a) common += b.count(w);
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

struct Entry {
    std::string text;
    std::vector<std::string> names;
    Provenance where;
    std::string what;  // "tree entry", "contribution", ...
};

std::vector<Entry> entries_of(const graph::PaperProps& p) {
    std::vector<Entry> out;
    auto names_at = [&](const Provenance& w) {
        std::vector<std::string> n;
        for (const auto& name : p.names)
            if (name.where == w) n.push_back(name.text);
        return n;
    };
    for (const auto& t : p.tree_entries) out.push_back({t.description, names_at(t.where), t.where, "tree entry"});
    for (const auto& c : p.contributions) out.push_back({c.title + " " + c.text + " " + c.comment, names_at(c.where), c.where, "contribution"});
    for (const auto& s : p.sota) out.push_back({s.keywords + " " + s.breakthrough + " " + s.impact, names_at(s.where), s.where, "SOTA highlight"});
    for (const auto& r : p.reading) out.push_back({r.label + " " + r.reason, names_at(r.where), r.where, "reading-list entry"});
    return out;
}

bool mentions_any(const std::string& text, const std::vector<std::string>& names) {
    return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return !graph::names::find_name(text, n).empty(); });
}

std::string quote_list(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "\"" : ", \"") + s + "\"";
    return out;
}

// Each entry that repeats an earlier one of the same file exactly, once.
template <class Entries, class Same>
void report_duplicates(const Entries& entries, const std::string& what, const std::string& id, std::vector<LintFinding>& out, Same same) {
    for (std::size_t a = 0; a < entries.size(); ++a)
        for (std::size_t b = 0; b < a; ++b) {
            const auto& x = entries[a];
            const auto& y = entries[b];
            if (x.where.file == y.where.file && same(x, y)) {
                out.push_back({Severity::Warning, "L-DUP-ENTRY", what + " for " + id + " repeats line " + std::to_string(y.where.line) + " exactly", x.where, {id}});
                break;
            }
        }
}

std::string at(const Provenance& p) { return p.file + ":" + std::to_string(p.line); }

// One id written with different versions ("2405.10300v1" in one place, "v2" in another): the
// paper node keeps the first version it saw; the others are listed here.
void report_conflicts(const graph::LoadResult& loaded, std::vector<LintFinding>& out) {
    // id -> version -> first place it was written (ordered maps: deterministic messages)
    std::map<std::string, std::map<std::string, Provenance>> versions;
    for (const auto& digest : loaded.digests)
        for (const auto& occ : digest.ids) {
            if (occ.id.version.empty()) continue;
            Provenance where{digest.path, occ.line, occ.section ? std::string(graph::to_string(*occ.section)) : std::string()};
            versions[occ.id.id].try_emplace(occ.id.version, std::move(where));
        }
    for (const auto& [id, seen] : versions) {
        if (seen.size() < 2) continue;
        const auto v = loaded.graph.find(NodeKind::Paper, id);
        const std::string kept = v ? loaded.graph[*v].paper().version : std::string();
        std::string list;
        const Provenance* last = nullptr;
        for (const auto& [version, where] : seen) {
            list += (list.empty() ? "" : ", ") + version + " (" + at(where) + ")";
            last = &where;
        }
        out.push_back({Severity::Warning, "L-CONFLICT",
                       id + " is given with " + std::to_string(seen.size()) + " versions: " + list + "; the graph keeps " + kept,
                       *last, {id}});
    }
}

// Citation data: self-citations, edges given more than once (with their weights when those
// differ: the graph keeps the largest), and paper metadata that cannot attach to the graph or
// is missing for cited papers. Bulk findings are summarized once per file so a million-edge
// input gives a readable report.
void report_citation_findings(const graph::LoadResult& loaded, std::vector<LintFinding>& out) {
    const graph::CitationData& c = loaded.citations;
    const auto where_edge = [&](std::size_t e) {
        return Provenance{c.files[c.edge_files[e]], static_cast<int>(c.edge_lines[e]), {}};
    };
    for (std::size_t e = 0; e < c.edges.size(); ++e)
        if (c.edges[e].first == c.edges[e].second)
            out.push_back({Severity::Warning, "L-SELF-CITE", c.ids[c.edges[e].first] + " cites itself", where_edge(e), {c.ids[c.edges[e].first]}});

    std::vector<std::size_t> order(c.edges.size());
    for (std::size_t e = 0; e < order.size(); ++e) order[e] = e;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return c.edges[a] < c.edges[b]; });
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i + 1;
        while (j < order.size() && c.edges[order[j]] == c.edges[order[i]]) ++j;
        if (j - i > 1) {
            const auto [u, v] = c.edges[order[i]];
            std::string places;
            bool weights_differ = false;
            for (std::size_t k = i + 1; k < j; ++k) {
                places += (places.empty() ? "" : ", ") + at(where_edge(order[k]));
                if (!c.weights.empty() && c.weights[order[k]] != c.weights[order[i]]) weights_differ = true;
            }
            std::string message = "the citation " + c.ids[u] + " -> " + c.ids[v] + " is given " + std::to_string(j - i) +
                                  " times (first at " + at(where_edge(order[i])) + ", again at " + places + "); kept once";
            if (weights_differ) {
                std::string weights;
                for (std::size_t k = i; k < j; ++k) {
                    char buffer[32];
                    std::snprintf(buffer, sizeof buffer, "%g", c.weights[order[k]]);
                    weights += (weights.empty() ? "" : ", ") + std::string(buffer);
                }
                message += " with the largest of its weights (" + weights + ")";
            }
            out.push_back({Severity::Warning, weights_differ ? "L-CONFLICT" : "L-DUP-EDGE", message, where_edge(order[i + 1]),
                           {c.ids[u], c.ids[v]}});
        }
        i = j;
    }

    std::string metadata_file;
    for (const auto& input : loaded.inputs)
        if (input.kind == "metadata") { metadata_file = input.path; break; }
    if (metadata_file.empty()) return;
    auto first_ids = [](const std::vector<std::string>& ids) {
        std::string list;
        for (std::size_t k = 0; k < ids.size() && k < 5; ++k) list += (list.empty() ? "" : ", ") + ids[k];
        return list + (ids.size() > 5 ? ", ..." : "");
    };
    std::vector<std::string> orphans;
    for (const auto& [id, meta] : c.metadata)
        if (!loaded.graph.find(NodeKind::Paper, id)) orphans.push_back(id);
    std::sort(orphans.begin(), orphans.end());
    if (!orphans.empty())
        out.push_back({Severity::Warning, "L-ORPHAN-METADATA",
                       std::to_string(orphans.size()) + " metadata record(s) name papers no input cites or mentions, so they are not in the graph: " +
                           first_ids(orphans),
                       Provenance{metadata_file, 0, {}}, {}});
    // Per edge-list file: papers its edges name that have no metadata record.
    std::map<std::size_t, std::set<std::string>> unknown;  // file index -> ids
    for (std::size_t e = 0; e < c.edges.size(); ++e)
        for (auto w : {c.edges[e].first, c.edges[e].second})
            if (!c.metadata.count(c.ids[w])) unknown[c.edge_files[e]].insert(c.ids[w]);
    for (const auto& [file, ids] : unknown)
        out.push_back({Severity::Warning, "L-UNKNOWN-PAPER",
                       std::to_string(ids.size()) + " paper(s) of this file's citations have no metadata record: " +
                           first_ids(std::vector<std::string>(ids.begin(), ids.end())),
                       Provenance{c.files[file], 0, {}}, {}});
}

}  // namespace

std::size_t LintResult::errors() const {
    return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [](const LintFinding& f) { return f.severity == Severity::Error; }));
}
std::size_t LintResult::warnings() const {
    return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [](const LintFinding& f) { return f.severity == Severity::Warning; }));
}

LintResult lint(const graph::LoadResult& loaded) {
    LintResult result;
    auto& out = result.findings;
    const KnowledgeGraph& kg = loaded.graph;
    const auto& g = kg.g();
    const auto papers = kg.vertices(NodeKind::Paper);

    // One id, two papers: entries that share a name, mention each other's names or share
    // terms describe the same paper; when the entries fall apart into groups that each carry
    // a name of their own, the id is used for two papers. (A paper with several distinct
    // contributions stays one group through its tree entry or shared vocabulary.)
    for (Vertex v : papers) {
        const auto entries = entries_of(kg[v].paper());
        const std::size_t n = entries.size();
        if (n < 2) continue;
        std::vector<std::size_t> parent(n);
        for (std::size_t i = 0; i < n; ++i) parent[i] = i;
        auto find = [&](std::size_t x) {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        };
        std::vector<std::set<std::string>> entry_terms;
        for (const auto& e : entries) entry_terms.push_back(terms(e.text));
        for (std::size_t a = 0; a < n; ++a)
            for (std::size_t b = a + 1; b < n; ++b) {
                const Entry& ea = entries[a];
                const Entry& eb = entries[b];
                bool same = mentions_any(eb.text, ea.names) || mentions_any(ea.text, eb.names) ||
                            jaccard(entry_terms[a], entry_terms[b]) >= 0.1;
                for (const auto& name : ea.names) same = same || std::find(eb.names.begin(), eb.names.end(), name) != eb.names.end();
                if (same) parent[find(a)] = find(b);
            }
        std::map<std::size_t, std::vector<std::size_t>> groups;
        for (std::size_t i = 0; i < n; ++i) groups[find(i)].push_back(i);
        std::vector<std::vector<std::size_t>> named;
        for (auto& [root, members] : groups)
            if (std::any_of(members.begin(), members.end(), [&](std::size_t i) { return !entries[i].names.empty(); })) named.push_back(members);
        if (named.size() < 2) continue;
        auto describe = [&](const std::vector<std::size_t>& members) {
            std::vector<std::string> names;
            std::string lines;
            for (std::size_t i : members) {
                for (const auto& name : entries[i].names)
                    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
                lines += (lines.empty() ? "" : ", ") + entries[i].what + " line " + std::to_string(entries[i].where.line);
            }
            return quote_list(names) + " (" + lines + ")";
        };
        std::string message = kg[v].key + " is described as " + std::to_string(named.size()) + " different papers: " + describe(named[0]);
        for (std::size_t k = 1; k < named.size(); ++k) message += " and " + describe(named[k]);
        out.push_back({Severity::Error, "L-ID-TWO-PAPERS", message, entries[named[1].front()].where, {kg[v].key}});
    }

    // One name, two ids.
    for (const auto& shared : loaded.names.shared) {
        Provenance first;
        for (Vertex v : papers) {
            if (kg[v].key != shared.papers.front()) continue;
            for (const auto& n : kg[v].paper().names)
                if (n.text == shared.name) { first = n.where; break; }
        }
        std::string ids;
        for (const auto& id : shared.papers) ids += (ids.empty() ? "" : ", ") + id;
        // Within one digest it is an error; across months a name may fairly move to another
        // paper (mentions resolve within their own digest first), so it is a warning.
        out.push_back({shared.within_one_file ? Severity::Error : Severity::Warning, "L-NAME-TWO-IDS",
                       "the name \"" + shared.name + "\" is used for " + std::to_string(shared.papers.size()) + " ids: " + ids +
                           (shared.within_one_file ? "" : " (in different inputs)"),
                       first, shared.papers});
    }

    // Exact duplicate entries.
    for (Vertex v : papers) {
        const auto& p = kg[v].paper();
        const std::string& id = kg[v].key;
        report_duplicates(p.contributions, "contribution entry", id, out,
                          [](const auto& x, const auto& y) { return x.title == y.title && x.text == y.text && x.comment == y.comment; });
        report_duplicates(p.tree_entries, "tree entry", id, out,
                          [](const auto& x, const auto& y) { return x.topic_path == y.topic_path && x.description == y.description; });
        report_duplicates(p.reading, "reading-list entry", id, out,
                          [](const auto& x, const auto& y) { return x.label == y.label && x.reason == y.reason; });
    }

    // Ids outside the topic tree, per digest that has a tree.
    for (const auto& digest : loaded.digests) {
        if (std::find(digest.sections.begin(), digest.sections.end(), graph::Section::TopicTree) == digest.sections.end()) continue;
        for (Vertex v : papers) {
            const auto& node = kg[v];
            const auto first = std::find_if(node.seen.begin(), node.seen.end(), [&](const Provenance& p) { return p.file == digest.path; });
            if (first == node.seen.end()) continue;
            const auto& tree = node.paper().tree_entries;
            const bool in_tree = std::any_of(tree.begin(), tree.end(), [&](const graph::TreeEntry& t) { return t.where.file == digest.path; });
            if (!in_tree)
                out.push_back({Severity::Warning, "L-OUTSIDE-TREE", node.key + " is mentioned (first in " + (first->section.empty() ? std::string("the preamble") : first->section) + ") but not classified in TOPIC_TREE", *first, {node.key}});
        }
    }

    // Topics with no paper below them.
    {
        std::set<Vertex> filled;
        std::vector<Vertex> work;
        for (auto [it, end] = boost::edges(g); it != end; ++it)
            if (g[*it].kind == graph::EdgeKind::ClassifiedAs && filled.insert(boost::target(*it, g)).second) work.push_back(boost::target(*it, g));
        while (!work.empty()) {
            const Vertex t = work.back();
            work.pop_back();
            for (auto [it, end] = boost::out_edges(t, g); it != end; ++it)
                if (g[*it].kind == graph::EdgeKind::SubtopicOf && filled.insert(boost::target(*it, g)).second) work.push_back(boost::target(*it, g));
        }
        for (Vertex t : kg.vertices(NodeKind::Topic)) {
            if (filled.count(t)) continue;
            const auto& tp = kg[t].topic();
            std::string note = tp.notes.empty() ? std::string() : " (note: " + tp.notes.front() + ")";
            out.push_back({Severity::Warning, "L-EMPTY-TOPIC", "topic \"" + tp.path + "\" has no papers" + note, kg[t].seen.empty() ? Provenance{} : kg[t].seen.front(), {}});
        }
    }

    // Malformed ids, from the parser.
    for (const auto& d : loaded.diagnostics.all())
        if (d.code == "W-MALFORMED-ID") {
            Provenance where{d.file, d.line, {}};
            for (const auto& digest : loaded.digests)
                if (digest.path == d.file)
                    if (auto section = graph::section_at(digest, d.line)) where.section = std::string(graph::to_string(*section));
            out.push_back({Severity::Error, "L-MALFORMED-ID", d.message, where, {}});
        }

    // Names that could not be resolved.
    for (const auto& f : loaded.names.findings) {
        if (f.kind == graph::NameFinding::Kind::Ambiguous) {
            std::string ids;
            for (const auto& id : f.candidates) ids += (ids.empty() ? "" : ", ") + id;
            out.push_back({Severity::Warning, "L-AMBIGUOUS-NAME", "\"" + f.name + "\" could be any of " + ids + "; not linked", f.where, f.candidates});
        } else {
            out.push_back({Severity::Warning, "L-UNRESOLVED-NAME", "\"" + f.name + "\" names no paper of the inputs; not linked", f.where, {}});
        }
    }

    // Nothing lost in a merge: values that disagree are kept by the graph one way and reported
    // here with every source.
    report_conflicts(loaded, out);
    report_citation_findings(loaded, out);

    std::stable_sort(out.begin(), out.end(), [](const LintFinding& a, const LintFinding& b) {
        return std::tie(a.where.file, a.where.line, a.code) < std::tie(b.where.file, b.where.line, b.code);
    });
    return result;
}

}  // namespace citegraph::analysis
