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

void add_source(LoadResult& result, const SourceText& src, const LoadOptions& options) {
    const std::string ext = text::ascii_lower(std::filesystem::path(src.path).extension().string());
    const bool digest_ext = ext == ".md" || ext == ".markdown" || ext == ".txt" || ext.empty();
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
    for (const auto& path : paths) {
        auto src = load_source_file(path, result.diagnostics, options.limits);
        if (src) add_source(result, *src, options);
    }
    finish(result);
    return result;
}

LoadResult load_digest_text(std::string name, std::string bytes, const LoadOptions& options) {
    LoadResult result;
    auto src = make_source(std::move(name), std::move(bytes), result.diagnostics, options.limits);
    if (src) add_source(result, *src, options);
    finish(result);
    return result;
}

}  // namespace citegraph::graph
