#include "graph/parse/openalex.hpp"

#include "graph/ids.hpp"
#include "graph/parse/lines.hpp"
#include "graph/text.hpp"

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace citegraph::graph {
namespace {

constexpr int kMaxJsonDepth = 64;
// An inverted index names word positions; a hostile one could name position 2^31 and make us
// allocate that much. Real abstracts are a few hundred words.
constexpr std::size_t kMaxAbstractWords = 20000;

// The part after "openalex.org/", e.g. "T10036", "fields/17"; or the text itself when it has no
// URL prefix.
std::string_view after_openalex_host(std::string_view id) {
    const std::string_view host = "openalex.org/";
    const auto at = id.find(host);
    return at == std::string_view::npos ? id : id.substr(at + host.size());
}

const nlohmann::json* member(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string string_member(const nlohmann::json& object, const char* key) {
    const auto* m = member(object, key);
    return m && m->is_string() ? m->get<std::string>() : std::string();
}

// The arXiv id of an arXiv DOI (10.48550/arXiv.2405.10300, any case, with or without the
// https://doi.org/ prefix), or nothing.
std::optional<std::string> arxiv_id_of_doi(std::string_view doi) {
    std::string lower(doi);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::string prefix = "10.48550/arxiv.";
    const auto at = lower.find(prefix);
    if (at == std::string::npos) return std::nullopt;
    const auto parsed = parse_arxiv_id(doi.substr(at + prefix.size()));
    if (!parsed) return std::nullopt;
    return parsed->id;
}

// Words at their positions; positions no word claims are left out.
std::string rebuild_abstract(const nlohmann::json& inverted, bool& truncated) {
    std::map<std::size_t, std::string_view> at;
    for (const auto& [word, positions] : inverted.items()) {
        if (!positions.is_array()) continue;
        for (const auto& p : positions) {
            if (!p.is_number_unsigned() && !p.is_number_integer()) continue;
            const auto position = p.get<long long>();
            if (position < 0 || static_cast<std::size_t>(position) >= kMaxAbstractWords) {
                truncated = true;
                continue;
            }
            at.emplace(static_cast<std::size_t>(position), word);
        }
    }
    std::string text;
    for (const auto& [position, word] : at) {
        if (!text.empty()) text += ' ';
        text += word;
    }
    return text;
}

class Reader {
public:
    Reader(const std::string& path, CitationData& data, OpenAlexData& openalex, DiagnosticSink& sink,
           const EdgeListOptions& options)
        : path_(path), data_(data), openalex_(openalex), sink_(sink), options_(options) {
        for (std::size_t i = 0; i < openalex_.topics.size(); ++i) topic_index_[openalex_.topics[i].key] = static_cast<std::uint32_t>(i);
        data_.files.push_back(path);
        file_ = static_cast<std::uint16_t>(data_.files.size() - 1);
        first_new_vertex_ = static_cast<std::uint32_t>(data_.ids.size());
    }

    void line(std::size_t number, std::string_view raw) {
        const std::string_view text = text::trim(raw);
        if (text.empty()) return;
        bool too_deep = false;
        const nlohmann::json work = nlohmann::json::parse(
            text,
            [&](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
                if (depth > kMaxJsonDepth) too_deep = true;
                return !too_deep;
            },
            false);
        if (too_deep) return skip(number, "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        if (work.is_discarded() || !work.is_object()) return skip(number, "not a JSON object");
        const std::string short_id = openalex_short_id(string_member(work, "id"));
        if (short_id.empty()) return skip(number, "no OpenAlex work \"id\" (https://openalex.org/W... or W...)");

        ++openalex_.works;
        const std::uint32_t v = data_.intern(short_id);
        const bool duplicate = !recorded_.insert(v).second;
        if (duplicate) ++openalex_.duplicate_works;
        if (const auto arxiv = arxiv_id_of_doi(string_member(work, "doi"))) aliases_.emplace(v, *arxiv);

        PaperMetadata incoming;
        incoming.title = string_member(work, "title");
        if (incoming.title.empty()) incoming.title = string_member(work, "display_name");
        incoming.date = string_member(work, "publication_date");
        if (const auto* year = member(work, "publication_year"); incoming.date.empty() && year && year->is_number_integer())
            incoming.date = std::to_string(year->get<long long>());
        incoming.authors = authors_of(work);
        if (const auto* inverted = member(work, "abstract_inverted_index")) {
            if (inverted->is_object()) {
                bool truncated = false;
                incoming.abstract = rebuild_abstract(*inverted, truncated);
                if (truncated)
                    warn(number, "abstract_inverted_index has positions beyond " + std::to_string(kMaxAbstractWords) +
                                     " words; those words are left out");
            } else {
                warn(number, "\"abstract_inverted_index\" is not an object; ignored");
            }
        }
        merge_metadata(short_id, std::move(incoming), number);

        if (const auto* refs = member(work, "referenced_works")) {
            if (!refs->is_array()) {
                warn(number, "\"referenced_works\" is not a list; ignored");
            } else {
                std::size_t bad = 0;
                for (const auto& r : *refs) {
                    const std::string cited = r.is_string() ? openalex_short_id(r.get<std::string>()) : std::string();
                    if (cited.empty()) {
                        ++bad;
                        continue;
                    }
                    add_edge(v, data_.intern(cited), number);
                }
                if (bad > 0) warn(number, std::to_string(bad) + " entr" + (bad == 1 ? "y" : "ies") + " of \"referenced_works\" are not OpenAlex work ids; skipped");
            }
        }
        classify(work, v, number);
    }

    void finish() {
        // Works cited here but without a record of their own stay as papers (no metadata).
        std::unordered_set<std::uint32_t> dangling;
        for (std::size_t e = first_new_edge_; e < data_.edges.size(); ++e) {
            const auto cited = data_.edges[e].second;
            if (cited >= first_new_vertex_ && !recorded_.count(cited)) {
                dangling.insert(cited);
                ++openalex_.dangling_references;
            }
        }
        openalex_.dangling_works += dangling.size();
        if (!dangling.empty())
            sink_.note("N-OPENALEX-DANGLING", path_, 0, 0,
                       std::to_string(openalex_.dangling_references) + " reference(s) to " + std::to_string(dangling.size()) +
                           " work(s) without a record in this file are kept as papers without metadata");
        apply_arxiv_aliases();
        data_.skipped_lines += skipped_;
        openalex_.skipped_lines += skipped_;
        if (skipped_ > 0) sink_.warning("W-OPENALEX-SKIPPED", path_, 0, 0, std::to_string(skipped_) + " line(s) skipped");
    }

private:
    void skip(std::size_t line, const std::string& why) {
        ++skipped_;
        warn(line, why + "; line skipped");
    }
    void warn(std::size_t line, const std::string& message) {
        if (reported_++ < options_.max_reported) sink_.warning("W-OPENALEX-LINE", path_, static_cast<int>(line), 1, message);
    }

    static std::string authors_of(const nlohmann::json& work) {
        std::string authors;
        const auto* list = member(work, "authorships");
        if (!list || !list->is_array()) return authors;
        for (const auto& a : *list) {
            if (!a.is_object()) continue;
            const auto* author = member(a, "author");
            if (!author || !author->is_object()) continue;
            const std::string name = string_member(*author, "display_name");
            if (name.empty()) continue;
            if (!authors.empty()) authors += "; ";
            authors += name;
        }
        return authors;
    }

    // A second record of a work fills what the first left empty; a different non-empty value
    // is reported, and the first one is kept.
    void merge_metadata(const std::string& id, PaperMetadata incoming, std::size_t line) {
        PaperMetadata& kept = data_.metadata[id];
        auto merge = [&](std::string& into, std::string& value, const char* field) {
            if (value.empty()) return;
            if (into.empty()) {
                into = std::move(value);
            } else if (into != value) {
                warn(line, std::string("a second record of ") + id + " has a different " + field + " (\"" + value +
                               "\"); the first record's is kept");
            }
        };
        merge(kept.title, incoming.title, "title");
        merge(kept.abstract, incoming.abstract, "abstract");
        merge(kept.date, incoming.date, "date");
        merge(kept.authors, incoming.authors, "authors");
    }

    void add_edge(std::uint32_t citing, std::uint32_t cited, std::size_t line) {
        data_.edges.emplace_back(citing, cited);
        if (!data_.weights.empty()) data_.weights.push_back(1.0);  // keep weights parallel to edges
        if (!options_.provenance) return;
        data_.edge_lines.push_back(static_cast<std::uint32_t>(line));
        data_.edge_files.push_back(file_);
    }

    std::uint32_t topic(const nlohmann::json& object, std::string parent, int depth) {
        const std::string raw_id = string_member(object, "id");
        if (raw_id.empty()) return kNoTopic;
        std::string key = "openalex:" + std::string(after_openalex_host(raw_id));
        auto [it, inserted] = topic_index_.try_emplace(key, static_cast<std::uint32_t>(openalex_.topics.size()));
        if (inserted) {
            std::string name = string_member(object, "display_name");
            openalex_.topics.push_back({std::move(key), name.empty() ? raw_id : std::move(name), std::move(parent), depth});
        }
        return it->second;
    }

    void classify(const nlohmann::json& work, std::uint32_t v, std::size_t line) {
        const auto* topics = member(work, "topics");
        if (topics && topics->is_array() && !topics->empty()) {
            for (const auto& t : *topics) {
                if (!t.is_object()) continue;
                // domain > field > subfield > topic, each level only when the record has it.
                std::string parent;
                int depth = 0;
                for (const char* level : {"domain", "field", "subfield"}) {
                    const auto* node = member(t, level);
                    if (node && node->is_object()) {
                        const auto index = topic(*node, parent, depth);
                        if (index != kNoTopic) parent = openalex_.topics[index].key;
                    }
                    ++depth;
                }
                const auto index = topic(t, parent, 3);
                if (index == kNoTopic) continue;
                const auto* score = member(t, "score");
                openalex_.assignments.push_back({v, index, score && score->is_number() ? score->get<double>() : 0.0,
                                                 static_cast<std::uint32_t>(line)});
            }
            return;
        }
        const auto* concepts = member(work, "concepts");
        if (!concepts || !concepts->is_array()) return;
        for (const auto& c : *concepts) {
            if (!c.is_object()) continue;
            const auto* level = member(c, "level");
            // Only the broad levels: deeper concepts are many, noisy, and have no parent here.
            if (level && level->is_number_integer() && level->get<long long>() > 1) continue;
            const auto index = topic(c, "", 0);
            if (index == kNoTopic) continue;
            const auto* score = member(c, "score");
            openalex_.assignments.push_back({v, index, score && score->is_number() ? score->get<double>() : 0.0,
                                             static_cast<std::uint32_t>(line)});
        }
    }

    // Works with an arXiv DOI take their arXiv id as key, so that they are the same paper
    // nodes as the digests' ids. Done at the end because references may name a work before
    // its record (and its DOI) has been read.
    void apply_arxiv_aliases() {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> remap;  // W vertex -> existing arXiv vertex
        for (const auto& [v, arxiv] : aliases_) {
            const std::string old_id = data_.ids[v];
            auto meta = data_.metadata.find(old_id);
            if (const auto existing = data_.index.find(arxiv); existing != data_.index.end() && existing->second != v) {
                // The arXiv id is already a paper (e.g. from an edge list read before): the
                // work's edges move to it and its metadata fills that paper's gaps.
                remap.emplace_back(v, existing->second);
                if (meta != data_.metadata.end()) {
                    // Taken out before merging: merging may rehash the map and void `meta`.
                    PaperMetadata moved = std::move(meta->second);
                    data_.metadata.erase(meta);
                    merge_metadata(arxiv, std::move(moved), 0);
                }
                continue;
            }
            data_.index.erase(old_id);
            data_.index.emplace(arxiv, v);
            data_.ids[v] = arxiv;
            if (meta != data_.metadata.end()) {
                PaperMetadata moved = std::move(meta->second);
                data_.metadata.erase(meta);
                data_.metadata[arxiv] = std::move(moved);
            }
        }
        if (remap.empty()) return;
        std::unordered_map<std::uint32_t, std::uint32_t> to(remap.begin(), remap.end());
        for (std::size_t e = first_new_edge_; e < data_.edges.size(); ++e) {
            auto& [a, b] = data_.edges[e];
            if (auto it = to.find(a); it != to.end()) a = it->second;
            if (auto it = to.find(b); it != to.end()) b = it->second;
        }
        for (auto& assignment : openalex_.assignments)
            if (auto it = to.find(assignment.work); it != to.end()) assignment.work = it->second;
        sink_.warning("W-OPENALEX-ALIAS", path_, 0, 0,
                      std::to_string(remap.size()) + " work(s) with an arXiv DOI were merged into papers read before; their "
                      "OpenAlex ids remain as papers without edges");
    }

    static constexpr std::uint32_t kNoTopic = 0xFFFFFFFFu;
    const std::string& path_;
    CitationData& data_;
    OpenAlexData& openalex_;
    DiagnosticSink& sink_;
    const EdgeListOptions& options_;
    std::unordered_map<std::string, std::uint32_t> topic_index_;
    std::unordered_set<std::uint32_t> recorded_;
    std::map<std::uint32_t, std::string> aliases_;  // ordered: deterministic renaming
    std::uint16_t file_ = 0;
    std::uint32_t first_new_vertex_ = 0;
    std::size_t first_new_edge_ = data_.edges.size();
    std::size_t skipped_ = 0, reported_ = 0;
};

}  // namespace

std::string openalex_short_id(std::string_view id) {
    id = text::trim(id);
    const std::string_view rest = after_openalex_host(id);
    if (rest.size() < 2 || (rest[0] != 'W' && rest[0] != 'w')) return {};
    for (std::size_t i = 1; i < rest.size(); ++i)
        if (rest[i] < '0' || rest[i] > '9') return {};
    std::string out(rest);
    out[0] = 'W';
    return out;
}

bool file_looks_like_openalex(const std::string& path) {
    gzFile file = gzopen(path.c_str(), "rb");
    if (!file) return false;  // the reader that runs next reports why
    std::string line(4096, '\0');
    bool found = false;
    // The first non-blank line decides; 4 KiB of it is enough to see the id or the keys.
    for (int tries = 0; tries < 16 && gzgets(file, line.data(), static_cast<int>(line.size())); ++tries) {
        const std::string_view text = text::trim(std::string_view(line.c_str()));
        if (text.empty()) continue;
        found = looks_like_openalex(text);
        break;
    }
    gzclose(file);
    return found;
}

bool looks_like_openalex(std::string_view first_line) {
    const std::string_view line = text::trim(first_line);
    if (line.empty() || line.front() != '{') return false;
    return line.find("openalex.org/W") != std::string_view::npos || line.find("\"referenced_works\"") != std::string_view::npos ||
           line.find("\"abstract_inverted_index\"") != std::string_view::npos;
}

std::size_t read_openalex_works(const std::string& path, CitationData& data, OpenAlexData& openalex, DiagnosticSink& sink,
                                const EdgeListOptions& options) {
    Reader reader(path, data, openalex, sink, options);
    const std::size_t before = openalex.works;
    for_each_line(path, sink, options.max_line_bytes, [&](std::size_t n, std::string_view line) { reader.line(n, line); });
    reader.finish();
    return openalex.works - before;
}

}  // namespace citegraph::graph
