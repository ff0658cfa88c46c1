#include "graph/load.hpp"

#include "graph/text.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>

namespace citegraph::graph {

InputSummary summarize(const ParsedDigest& d) {
    InputSummary s;
    s.path = d.path;
    s.kind = "digest";
    s.month = d.month;
    for (Section sec : d.sections) s.sections.emplace_back(to_string(sec));
    std::set<std::string> tree, contrib, all;
    for (const auto& leaf : d.leaves)
        for (const auto& id : leaf.ids) tree.insert(id.id);
    for (const auto& c : d.contributions) contrib.insert(c.id.id);
    for (const auto& occ : d.ids) all.insert(occ.id.id);
    s.tree_papers = tree.size();
    s.topics = d.topics.size();
    s.highlights = d.highlights.size();
    s.contributions = d.contributions.size();
    s.contribution_papers = contrib.size();
    s.gaps = d.gaps.size();
    s.ideas = d.ideas.size();
    s.reading_list = d.reading.size();
    s.ids = all.size();
    return s;
}

namespace {

std::string format_of(const std::string& path, const LoadOptions& options) {
    if (!options.input_format.empty()) return options.input_format;
    std::filesystem::path p(path);
    std::string ext = text::ascii_lower(p.extension().string());
    if (ext == ".gz") ext = text::ascii_lower(p.stem().extension().string());
    if (ext == ".jsonl" || ext == ".ndjson") return "jsonl";
    if (ext == ".tsv" || ext == ".csv" || ext == ".el" || ext == ".edges" || ext == ".cites") return "edges";
    return "";  // decided by content: a digest if it has section headings, else an edge list
}

void add_citation_file(LoadResult& result, const std::string& path, const std::string& format, const LoadOptions& options) {
    EdgeListOptions eo;
    eo.order = options.column_order;
    eo.max_line_bytes = options.limits.max_line_bytes;
    eo.provenance = options.edge_provenance;
    InputSummary s;
    s.path = path;
    const std::size_t skipped_before = result.citations.skipped_lines;
    if (format == "openalex" || (format == "jsonl" && options.input_format.empty() && file_looks_like_openalex(path))) {
        s.kind = "openalex";
        const std::size_t ids_before = result.citations.ids.size();
        const std::size_t edges_before = result.citations.edges.size();
        s.records = read_openalex_works(path, result.citations, result.openalex, result.diagnostics, eo);
        s.edges = result.citations.edges.size() - edges_before;
        s.ids = result.citations.ids.size() - ids_before;
    } else if (format == "jsonl") {
        s.kind = "metadata";
        s.records = read_paper_metadata(path, result.citations, result.diagnostics, eo);
    } else {
        s.kind = "edges";
        const std::size_t ids_before = result.citations.ids.size();
        s.edges = read_edge_list(path, result.citations, result.diagnostics, eo);
        s.ids = result.citations.ids.size() - ids_before;
    }
    s.skipped_lines = result.citations.skipped_lines - skipped_before;
    result.inputs.push_back(std::move(s));
}

void add_source(LoadResult& result, const SourceText& src, const LoadOptions& options) {
    const std::string ext = text::ascii_lower(std::filesystem::path(src.path).extension().string());
    const bool digest_ext = ext == ".md" || ext == ".markdown" || ext == ".txt" || ext.empty();
    if (options.input_format != "digest" && !options.input_format.empty()) return;
    if (options.input_format.empty() && !digest_ext && !looks_like_digest(src)) {
        result.diagnostics.error("E-FORMAT", src.path, 0, 0,
                                 "unsupported input format '" + ext + "' (supported: digest .md/.txt)");
        return;
    }
    ParsedDigest digest = parse_digest(src, result.diagnostics);
    if (digest.sections.empty()) return;  // E-NOT-DIGEST already reported
    add_digest(digest, result.graph);
    result.inputs.push_back(summarize(digest));
    result.digests.push_back(std::move(digest));
}

// SNAP-style edge lists drop the leading zeros of numeric ids (cit-HepTh's 1001 is
// hep-th/0001001) while metadata files keep them (0001001). A metadata id that matches no paper
// is joined to the paper its digits name once the zeros are dropped, and the join is reported.
void join_zero_padded_metadata(LoadResult& result, const std::vector<std::string>& paths) {
    CitationData& c = result.citations;
    if (c.metadata.empty() || c.ids.empty()) return;
    std::vector<std::pair<std::string, std::string>> moves;  // padded -> stripped
    for (const auto& [id, meta] : c.metadata) {
        if (id.size() < 2 || id[0] != '0' || c.find(id)) continue;
        if (!std::all_of(id.begin(), id.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) continue;
        const std::string stripped = id.substr(std::min(id.find_first_not_of('0'), id.size() - 1));
        if (c.find(stripped) && !c.metadata.count(stripped)) moves.emplace_back(id, stripped);
    }
    if (moves.empty()) return;
    std::sort(moves.begin(), moves.end());  // the metadata map is unordered: fix the order
    for (auto& [padded, stripped] : moves) {
        auto node = c.metadata.extract(padded);
        node.key() = stripped;
        c.metadata.insert(std::move(node));
    }
    std::string metadata_files;
    for (const auto& s : result.inputs)
        if (s.kind == "metadata") metadata_files += (metadata_files.empty() ? "" : ", ") + s.path;
    result.diagnostics.note("N-ID-LEADING-ZEROS", metadata_files.empty() && !paths.empty() ? paths.front() : metadata_files, 0, 0,
                            std::to_string(moves.size()) + " metadata record(s) joined to edge-list ids written without "
                            "leading zeros (e.g. " + moves.front().first + " -> " + moves.front().second + ")");
}

void finish(LoadResult& result) { result.names = resolve_names(result.digests, result.graph); }

}  // namespace

LoadResult load_inputs(const std::vector<std::string>& paths, const LoadOptions& options) {
    if (paths.empty()) return load_digest_text(std::string(embedded_example_name()), std::string(embedded_example_digest()), options);
    LoadResult result;
    result.diagnostics.set_max_errors(options.limits.max_errors);
    // Limits hook (graph/parse/source.hpp): the inputs' total size is checked before any is
    // read, and loading stops at the error limit.
    std::size_t total_bytes = 0;
    for (const auto& path : paths) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) continue;
        const auto size = std::filesystem::file_size(path, ec);
        if (!ec) total_bytes += static_cast<std::size_t>(size);
    }
    if (total_bytes > options.limits.max_input_bytes) {
        result.diagnostics.error("E-TOO-LARGE", paths.size() == 1 ? paths.front() : std::string("citegraph"), 0, 0,
                                 "the input" + std::string(paths.size() == 1 ? " is " : "s total ") + std::to_string(total_bytes) +
                                     " bytes; the limit is " + std::to_string(options.limits.max_input_bytes) + " (--max-input-bytes)");
        return result;
    }
    for (const auto& path : paths) {
        if (result.diagnostics.stopped()) break;
        std::string format = format_of(path, options);
        if (format == "edges" || format == "jsonl" || format == "openalex") {
            add_citation_file(result, path, format, options);
            continue;
        }
        auto src = load_source_file(path, result.diagnostics, options.limits);
        if (!src) continue;
        if (format.empty() && !looks_like_digest(*src) && text::ascii_lower(std::filesystem::path(path).extension().string()) == ".txt") {
            add_citation_file(result, path, "edges", options);  // a .txt without headings: an edge list
            continue;
        }
        add_source(result, *src, options);
    }
    join_zero_padded_metadata(result, paths);
    finish(result);
    return result;
}

LoadResult load_digest_text(std::string name, std::string bytes, const LoadOptions& options) {
    LoadResult result;
    result.diagnostics.set_max_errors(options.limits.max_errors);
    auto src = make_source(std::move(name), std::move(bytes), result.diagnostics, options.limits);
    if (src) add_source(result, *src, options);
    finish(result);
    return result;
}

}  // namespace citegraph::graph

namespace citegraph::graph {
namespace {

// OpenAlex's classification becomes topic nodes (domain > field > subfield > topic, by
// subtopic_of) and classified_as edges carrying OpenAlex's score. The provenance section
// "OPENALEX" keeps them apart from a digest's own topic tree.
void merge_openalex_topics(LoadResult& loaded, const std::vector<Vertex>& paper_vertex) {
    const OpenAlexData& oa = loaded.openalex;
    if (oa.topics.empty()) return;
    KnowledgeGraph& kg = loaded.graph;
    const std::string file = [&] {
        for (const auto& s : loaded.inputs)
            if (s.kind == "openalex") return s.path;
        return std::string();
    }();
    std::vector<Vertex> topic_vertex;
    std::unordered_map<std::string, std::size_t> index_of;
    for (std::size_t i = 0; i < oa.topics.size(); ++i) {
        const auto& t = oa.topics[i];
        index_of.emplace(t.key, i);
        const Vertex v = kg.ensure(NodeKind::Topic, t.key);
        topic_vertex.push_back(v);
        NodeProps& node = kg[v];
        TopicProps& props = node.topic();
        if (props.name.empty()) {
            props.name = t.name;
            props.depth = t.depth;
            // Parents come before children, so the parent's path is known.
            const auto parent = t.parent.empty() ? index_of.end() : index_of.find(t.parent);
            props.path = parent == index_of.end() ? t.name : kg[topic_vertex[parent->second]].topic().path + " > " + t.name;
            node.label = t.name;
        }
        if (node.seen.empty()) node.seen.push_back({file, 0, "OPENALEX"});
        if (const auto parent = t.parent.empty() ? index_of.end() : index_of.find(t.parent); parent != index_of.end()) {
            EdgeProps e;
            e.kind = EdgeKind::SubtopicOf;
            e.seen.push_back({file, 0, "OPENALEX"});
            kg.link(v, topic_vertex[parent->second], std::move(e));
        }
    }
    for (const auto& a : oa.assignments) {
        EdgeProps e;
        e.kind = EdgeKind::ClassifiedAs;
        e.score = a.score;
        e.seen.push_back({file, static_cast<int>(a.line), "OPENALEX"});
        kg.link(paper_vertex[a.work], topic_vertex[a.topic], std::move(e));
    }
}

}  // namespace

void merge_citations(LoadResult& loaded) {
    if (loaded.citations_merged) return;
    loaded.citations_merged = true;
    CitationData& c = loaded.citations;
    if (c.edge_lines.size() != c.edges.size() || c.edge_files.size() != c.edges.size())
        throw std::logic_error("merge_citations: the citation data was loaded without edge provenance");
    KnowledgeGraph& kg = loaded.graph;
    std::vector<Vertex> vertex(c.ids.size());
    for (std::size_t i = 0; i < c.ids.size(); ++i) vertex[i] = kg.ensure(NodeKind::Paper, c.ids[i]);
    for (std::size_t e = 0; e < c.edges.size(); ++e) {
        const auto [u, v] = c.edges[e];
        EdgeProps props;
        props.kind = EdgeKind::Cites;
        props.evidence = Evidence::Id;
        props.score = c.weights.empty() ? 1.0 : c.weights[e];
        props.seen.push_back({c.files[c.edge_files[e]], static_cast<int>(c.edge_lines[e]), {}});
        kg.link(vertex[u], vertex[v], std::move(props));
        for (auto w : {u, v}) {
            NodeProps& node = kg[vertex[w]];
            if (node.seen.empty() || node.seen.back().file != c.files[c.edge_files[e]])
                node.seen.push_back({c.files[c.edge_files[e]], static_cast<int>(c.edge_lines[e]), {}});
        }
    }
    for (const auto& [id, meta] : c.metadata) {
        auto v = kg.find(NodeKind::Paper, id);
        if (!v) continue;  // metadata for a paper no input cites or mentions is not a node
        PaperProps& p = kg[*v].paper();
        p.title = meta.title;
        p.abstract = meta.abstract;
        p.date = meta.date;
        if (kg[*v].label == kg[*v].key && !meta.title.empty()) kg[*v].label = meta.title;
    }
    merge_openalex_topics(loaded, vertex);
}

}  // namespace citegraph::graph
