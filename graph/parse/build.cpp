#include "graph/parse/build.hpp"

#include "graph/parse/names.hpp"
#include "graph/text.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace citegraph::graph {
namespace {

std::string digest_stem(const ParsedDigest& d) {
    if (!d.month.empty()) return d.month;
    return std::filesystem::path(d.path).stem().string();
}

Provenance where(const ParsedDigest& d, int line, std::optional<Section> section) {
    return Provenance{d.path, line, section ? std::string(to_string(*section)) : std::string()};
}

void add_seen(NodeProps& node, Provenance p) {
    if (std::find(node.seen.begin(), node.seen.end(), p) == node.seen.end()) node.seen.push_back(std::move(p));
}

template <class T>
void add_unique(std::vector<T>& v, const T& x) {
    if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

EdgeProps edge(EdgeKind kind, Evidence evidence, std::string matched, Provenance p) {
    EdgeProps e;
    e.kind = kind;
    e.evidence = evidence;
    e.matched_text = std::move(matched);
    e.seen.push_back(std::move(p));
    return e;
}

std::string join_path(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
        if (!out.empty()) out += " > ";
        out += n;
    }
    return out;
}

}  // namespace

std::string gap_key(const ParsedDigest& digest, std::size_t index) {
    return digest_stem(digest) + "/gap-" + std::to_string(index + 1);
}
std::string idea_key(const ParsedDigest& digest, std::size_t index) {
    return digest_stem(digest) + "/idea-" + std::to_string(index + 1);
}

namespace {

// True when the first key of this digest's kind already belongs to another input: then this
// digest's keys are qualified by its path. Decided on the first key, so all keys of one digest
// are qualified alike, before and after the digest's own nodes exist.
bool keys_taken_by_other_input(const KnowledgeGraph& kg, NodeKind kind, const std::string& first_key, const std::string& path) {
    const auto v = kg.find(kind, first_key);
    if (!v) return false;
    const auto& seen = kg[*v].seen;
    return !seen.empty() && seen.front().file != path;
}

}  // namespace

std::string gap_key_in(const KnowledgeGraph& kg, const ParsedDigest& digest, std::size_t index) {
    const std::string key = gap_key(digest, index);
    return keys_taken_by_other_input(kg, NodeKind::Gap, gap_key(digest, 0), digest.path) ? key + "@" + digest.path : key;
}
std::string idea_key_in(const KnowledgeGraph& kg, const ParsedDigest& digest, std::size_t index) {
    const std::string key = idea_key(digest, index);
    return keys_taken_by_other_input(kg, NodeKind::Idea, idea_key(digest, 0), digest.path) ? key + "@" + digest.path : key;
}

void add_digest(const ParsedDigest& d, KnowledgeGraph& kg) {
    // Every id anywhere in the text is a paper.
    for (const auto& occ : d.ids) {
        const Vertex v = kg.ensure(NodeKind::Paper, occ.id.id);
        NodeProps& node = kg[v];
        add_seen(node, where(d, occ.line, occ.section));
        PaperProps& p = node.paper();
        if (!occ.id.version.empty() && p.version.empty()) p.version = occ.id.version;
        p.mentions_per_section[occ.section ? std::string(to_string(*occ.section)) : std::string("PREAMBLE")] += 1;
        if (!d.month.empty()) add_unique(p.months, d.month);
    }

    // Topics, merged by normalized path.
    std::vector<Vertex> topic_vertex;
    for (const auto& t : d.topics) {
        const Vertex v = kg.ensure(NodeKind::Topic, topic_key(t.path));
        NodeProps& node = kg[v];
        TopicProps& tp = node.topic();
        if (tp.name.empty()) {
            tp.name = t.name;
            tp.path = join_path(t.path);
            tp.depth = static_cast<int>(t.path.size()) - 1;
            node.label = t.name;
        }
        for (const auto& note : t.notes) add_unique(tp.notes, note);
        add_seen(node, where(d, t.line, Section::TopicTree));
        topic_vertex.push_back(v);
        if (t.parent >= 0)
            kg.link(v, topic_vertex[static_cast<std::size_t>(t.parent)],
                    edge(EdgeKind::SubtopicOf, Evidence::Id, {}, where(d, t.line, Section::TopicTree)));
    }

    for (const auto& leaf : d.leaves) {
        for (const auto& id : leaf.ids) {
            const Vertex pv = kg.ensure(NodeKind::Paper, id.id);
            PaperProps& p = kg[pv].paper();
            const std::string topic_path = leaf.topic >= 0 ? kg[topic_vertex[static_cast<std::size_t>(leaf.topic)]].topic().path : std::string();
            p.tree_entries.push_back({topic_path, leaf.description, where(d, leaf.line, Section::TopicTree)});
            for (const auto& other : leaf.ids)
                if (other.id != id.id) add_unique(p.same_as, other.id);
            if (leaf.topic >= 0)
                kg.link(pv, topic_vertex[static_cast<std::size_t>(leaf.topic)],
                        edge(EdgeKind::ClassifiedAs, Evidence::Id, id.id, where(d, leaf.line, Section::TopicTree)));
        }
    }

    for (const auto& h : d.highlights) {
        PaperProps& p = kg[kg.ensure(NodeKind::Paper, h.id.id)].paper();
        p.sota.push_back({h.rank, h.keywords, h.breakthrough, h.impact, where(d, h.line, Section::SotaHighlights)});
    }
    for (const auto& c : d.contributions) {
        PaperProps& p = kg[kg.ensure(NodeKind::Paper, c.id.id)].paper();
        p.contributions.push_back({c.title, c.text, c.comment, where(d, c.line, Section::Contributions)});
    }
    for (const auto& r : d.reading) {
        PaperProps& p = kg[kg.ensure(NodeKind::Paper, r.id.id)].paper();
        p.reading.push_back({r.position, r.label, r.reason, where(d, r.line, Section::ReadingList)});
    }

    for (std::size_t i = 0; i < d.gaps.size(); ++i) {
        const auto& g = d.gaps[i];
        const Vertex v = kg.ensure(NodeKind::Gap, gap_key_in(kg, d, i));
        NodeProps& node = kg[v];
        node.label = g.title;
        GapProps& gp = node.gap();
        gp.title = g.title;
        gp.text = g.text;
        gp.sub_points = g.sub_points;
        gp.month = d.month;
        add_seen(node, where(d, g.line, Section::Gaps));
        for (const auto& occ : g.ids)
            kg.link(v, kg.ensure(NodeKind::Paper, occ.id.id),
                    edge(EdgeKind::Mentions, Evidence::Id, occ.id.id, where(d, occ.line, Section::Gaps)));
    }
    for (std::size_t i = 0; i < d.ideas.size(); ++i) {
        const auto& idea = d.ideas[i];
        const Vertex v = kg.ensure(NodeKind::Idea, idea_key_in(kg, d, i));
        NodeProps& node = kg[v];
        node.label = idea.title;
        IdeaProps& ip = node.idea();
        ip.title = idea.title;
        ip.tag = idea.tag;
        ip.motivation = idea.motivation;
        ip.novelty = idea.novelty;
        ip.approach = idea.approach;
        ip.data_metrics = idea.data_metrics;
        ip.risk = idea.risk;
        ip.other_fields = idea.other_fields;
        ip.month = d.month;
        add_seen(node, where(d, idea.line, Section::Ideas));
        for (const auto& occ : idea.ids)
            kg.link(v, kg.ensure(NodeKind::Paper, occ.id.id),
                    edge(EdgeKind::BuildsOn, Evidence::Id, occ.id.id, where(d, occ.line, Section::Ideas)));
    }
}

namespace {

// The texts a paper writes about itself, to tell names from shared vocabulary.
std::vector<std::string> own_texts(const PaperProps& p) {
    std::vector<std::string> out;
    for (const auto& t : p.tree_entries) out.push_back(t.description);
    for (const auto& c : p.contributions) out.push_back(c.title + " " + c.text);
    for (const auto& s : p.sota) out.push_back(s.keywords + " " + s.breakthrough);
    for (const auto& r : p.reading) out.push_back(r.label);
    return out;
}

struct Candidate {
    std::string name;
    std::string source;
    Provenance where;
};

std::vector<Candidate> candidates_of(const PaperProps& p) {
    std::vector<Candidate> out;
    auto add = [&](const std::string& text, names::EntryKind kind, const char* source, const Provenance& w) {
        for (auto& n : names::extract_names(text, kind)) out.push_back({n, source, w});
    };
    for (const auto& t : p.tree_entries) add(t.description, names::EntryKind::TreeDescription, "tree", t.where);
    for (const auto& c : p.contributions) add(c.title, names::EntryKind::ContributionTitle, "contribution", c.where);
    for (const auto& r : p.reading) add(r.label, names::EntryKind::ReadingLabel, "reading_list", r.where);
    for (const auto& s : p.sota) add(s.breakthrough, names::EntryKind::SotaBreakthrough, "sota", s.where);
    return out;
}

}  // namespace

NameReport resolve_names(const std::vector<ParsedDigest>& digests, KnowledgeGraph& kg) {
    NameReport report;
    const auto papers = kg.vertices(NodeKind::Paper);

    // 1. Candidates per paper, and the texts each paper writes about itself.
    std::map<Vertex, std::vector<Candidate>> candidates;
    std::map<Vertex, std::vector<std::string>> texts;
    for (Vertex v : papers) {
        candidates[v] = candidates_of(kg[v].paper());
        texts[v] = own_texts(kg[v].paper());
    }

    // 2. A candidate that two or more other papers also use in their own entries is
    //    vocabulary ("Transformer", "LoRA"), not this paper's name.
    std::map<std::string, std::set<Vertex>> users;  // name -> papers whose own text contains it
    for (const auto& [v, cands] : candidates)
        for (const auto& c : cands) users[c.name];
    for (auto& [name, set] : users)
        for (const auto& [v, ts] : texts)
            for (const auto& t : ts)
                if (!names::find_name(t, name).empty()) { set.insert(v); break; }

    std::map<std::string, std::set<Vertex>> owners;  // accepted name -> papers
    for (auto& [v, cands] : candidates) {
        PaperProps& p = kg[v].paper();
        for (const auto& c : cands) {
            const auto& u = users[c.name];
            const std::size_t others = u.size() - (u.count(v) ? 1 : 0);
            if (others >= 2) continue;
            bool dup = false;
            for (const auto& n : p.names) dup = dup || (n.text == c.name && n.source == c.source);
            if (!dup) p.names.push_back({c.name, c.source, c.where});
            owners[c.name].insert(v);
        }
        // The label prefers how the paper names itself in the tree, then elsewhere.
        for (const char* source : {"tree", "reading_list", "sota", "contribution"}) {
            auto it = std::find_if(p.names.begin(), p.names.end(), [&](const PaperName& n) { return n.source == source; });
            if (it != p.names.end()) { kg[v].label = it->text; break; }
        }
    }

    // 3. Names on several ids, except ids a digest declares to be one paper.
    auto mutual_aliases = [&](const std::set<Vertex>& set) {
        for (Vertex v : set)
            for (Vertex w : set) {
                const auto& same = kg[v].paper().same_as;
                if (v != w && std::find(same.begin(), same.end(), kg[w].key) == same.end()) return false;
            }
        return true;
    };
    for (const auto& [name, set] : owners) {
        if (set.size() < 2 || mutual_aliases(set)) continue;
        std::set<std::string> ids;
        std::map<std::string, std::set<Vertex>> per_file;
        for (Vertex v : set) {
            ids.insert(kg[v].key);
            for (const auto& n : kg[v].paper().names)
                if (n.text == name) per_file[n.where.file].insert(v);
        }
        const bool same_file = std::any_of(per_file.begin(), per_file.end(), [](const auto& f) { return f.second.size() > 1; });
        report.shared.push_back({name, std::vector<std::string>(ids.begin(), ids.end()), same_file});
    }

    // Longest names first so "Safe RLHF" claims its span before "RLHF" could.
    std::vector<std::string> ordered;
    for (const auto& [name, set] : owners) ordered.push_back(name);
    std::stable_sort(ordered.begin(), ordered.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });

    auto scan = [&](const std::string& file, const TextLine& line, Section section, std::optional<Vertex> from, EdgeKind kind) {
        std::vector<std::pair<std::size_t, std::size_t>> claimed;
        const auto ids_here = find_arxiv_ids(line.text);
        for (const auto& name : ordered) {
            for (const auto& m : names::find_name(line.text, name)) {
                const bool overlaps = std::any_of(claimed.begin(), claimed.end(), [&](const auto& span) {
                    return m.offset < span.second && span.first < m.offset + m.length;
                });
                if (overlaps) continue;
                claimed.emplace_back(m.offset, m.offset + m.length);
                // A name several months use for different papers means, in each digest, the
                // paper that digest itself names so.
                std::set<Vertex> set = owners[name];
                if (set.size() > 1) {
                    std::set<Vertex> local;
                    for (Vertex v : set)
                        for (const auto& n : kg[v].paper().names)
                            if (n.text == name && n.where.file == file) local.insert(v);
                    if (!local.empty()) set = std::move(local);
                }
                const Provenance prov{file, line.line, std::string(to_string(section))};
                std::optional<Vertex> chosen;
                if (set.size() == 1) chosen = *set.begin();
                else if (mutual_aliases(set)) chosen = *set.begin();  // the id the digest gave first
                if (!chosen) {
                    NameFinding f;
                    f.kind = NameFinding::Kind::Ambiguous;
                    f.name = name;
                    for (Vertex v : set) f.candidates.push_back(kg[v].key);
                    std::sort(f.candidates.begin(), f.candidates.end());
                    f.where = prov;
                    report.findings.push_back(std::move(f));
                    continue;
                }
                const Vertex paper = *chosen;
                const bool id_on_line = std::any_of(ids_here.begin(), ids_here.end(), [&](const IdMatch& im) {
                    return im.id && im.id->id == kg[paper].key;
                });
                if (!id_on_line) kg[paper].paper().mentions_per_section[std::string(to_string(section))] += 1;
                ++report.resolved_mentions;
                if (from) {
                    EdgeProps e;
                    e.kind = kind;
                    e.evidence = Evidence::Name;
                    e.matched_text = line.text.substr(m.offset, m.length);
                    e.seen.push_back(prov);
                    kg.link(*from, paper, std::move(e));
                }
            }
        }
        // Items of "(A, B, C)" lists in gaps that name no known paper. Ideas and reflections
        // also list datasets and tools that way, so they are not checked.
        if (section != Section::Gaps) return;
        for (const auto& item : names::listed_names(line.text)) {
            bool known = false;
            for (const auto& name : ordered) known = known || !names::find_name(item, name).empty();
            for (const auto& [name, set] : users) known = known || (name == item);
            if (!known) report.findings.push_back({NameFinding::Kind::Unresolved, item, {}, Provenance{file, line.line, std::string(to_string(section))}});
        }
    };

    for (const auto& d : digests) {
        for (std::size_t i = 0; i < d.gaps.size(); ++i) {
            const auto v = kg.find(NodeKind::Gap, gap_key_in(kg, d, i));
            for (const auto& line : d.gaps[i].lines) scan(d.path, line, Section::Gaps, v, EdgeKind::Mentions);
        }
        for (std::size_t i = 0; i < d.ideas.size(); ++i) {
            const auto v = kg.find(NodeKind::Idea, idea_key_in(kg, d, i));
            for (const auto& line : d.ideas[i].lines) scan(d.path, line, Section::Ideas, v, EdgeKind::BuildsOn);
        }
        for (const auto& line : d.reflection) scan(d.path, line, Section::Reflection, std::nullopt, EdgeKind::Mentions);
    }
    return report;
}

}  // namespace citegraph::graph
