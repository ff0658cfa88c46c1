#include "cli/common.hpp"

#include "analysis/links.hpp"
#include "analysis/placement.hpp"

#include <ostream>

namespace citegraph::cli {

void add_common_options(CLI::App& command, CommonOptions& options) {
    command.add_option("inputs", options.inputs,
                       "Digests (.md, .txt), edge lists (.tsv, .csv, .el, .txt; .gz read directly), paper metadata (.jsonl); "
                       "none: the bundled example digest");
    command.add_option("--input-format", options.input_format, "Force the input format")->check(CLI::IsMember({"digest", "edges", "jsonl", "openalex"}));
    command.add_option("--columns", options.columns, "Column order of edge lists (cora.cites is cited,citing)")
        ->check(CLI::IsMember({"citing,cited", "cited,citing"}));
    command.add_flag("--json", options.json, "Machine-readable output on stdout");
    command.add_flag("-q,--quiet", options.quiet, "Print no warnings, only errors");
    command.add_option("--max-errors", options.max_errors, "Stop after this many input errors (0: no limit)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    command.add_option("--max-input-bytes", options.max_input_bytes, "Refuse inputs larger than this in total (bytes)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
}

std::optional<graph::LoadResult> load_or_report(const CommonOptions& options, std::ostream& err, bool merge) {
    graph::LoadOptions load_options;
    load_options.input_format = options.input_format;
    load_options.limits.max_errors = options.max_errors;
    load_options.limits.max_input_bytes = options.max_input_bytes;
    load_options.column_order = options.columns == "cited,citing" ? graph::ColumnOrder::CitedCiting : graph::ColumnOrder::CitingCited;
    load_options.edge_provenance = merge;  // only merging reads each edge's file and line
    graph::LoadResult loaded = graph::load_inputs(options.inputs, load_options);
    if (merge && loaded.ok()) graph::merge_citations(loaded);
    for (const auto& d : loaded.diagnostics.all()) {
        if (options.quiet && d.severity != graph::Severity::Error) continue;
        err << graph::format(d) << '\n';
    }
    if (!loaded.ok()) {
        err << "citegraph: " << loaded.diagnostics.error_count() << " input error(s); nothing was written\n";
        return std::nullopt;
    }
    return loaded;
}

std::size_t add_text_inferences(graph::LoadResult& loaded) {
    if (loaded.digests.empty()) return 0;
    std::size_t added = analysis::add_inferred_links(loaded.graph, analysis::infer_links(loaded));
    added += analysis::add_suggested_topics(loaded.graph, analysis::suggest_topics(loaded));
    return added;
}

analysis::ProjectionKind projection_kind(const std::string& name) {
    if (name == "citations") return analysis::ProjectionKind::Citations;
    if (name == "mentions") return analysis::ProjectionKind::Mentions;
    if (name == "union") return analysis::ProjectionKind::Union;
    return analysis::ProjectionKind::Auto;
}

std::string display_name(const graph::LoadResult& loaded, const std::string& id) {
    if (auto v = loaded.graph.find(graph::NodeKind::Paper, id); v && loaded.graph[*v].label != id) return loaded.graph[*v].label;
    if (auto m = loaded.citations.metadata.find(id); m != loaded.citations.metadata.end() && !m->second.title.empty()) return m->second.title;
    return id;
}

}  // namespace citegraph::cli
