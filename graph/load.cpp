#include "graph/load.hpp"

#include "graph/text.hpp"

#include <filesystem>
#include <set>

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
    InputSummary s;
    s.path = path;
    const std::size_t skipped_before = result.citations.skipped_lines;
    if (format == "jsonl") {
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
        if (format == "edges" || format == "jsonl") {
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

void merge_citations(LoadResult& loaded) {
    if (loaded.citations_merged) return;
    loaded.citations_merged = true;
    CitationData& c = loaded.citations;
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
}

}  // namespace citegraph::graph
