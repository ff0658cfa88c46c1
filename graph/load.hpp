#pragma once
// Loading the command line's inputs into one merged graph.
#include "graph/diagnostics.hpp"
#include "graph/model.hpp"
#include "graph/parse/build.hpp"
#include "graph/parse/citations.hpp"
#include "graph/parse/digest.hpp"
#include "graph/parse/source.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace citegraph::graph {

// Counts for one input file, in the shape of `stats --json` ("inputs").
struct InputSummary {
    std::string path;
    std::string kind;  // "digest", "edges" or "metadata"
    std::string month;
    std::vector<std::string> sections;
    std::size_t tree_papers = 0;  // distinct ids on TOPIC_TREE leaves
    std::size_t topics = 0;
    std::size_t highlights = 0;
    std::size_t contributions = 0;  // entries, duplicates included
    std::size_t contribution_papers = 0;
    std::size_t gaps = 0;
    std::size_t ideas = 0;
    std::size_t reading_list = 0;
    std::size_t ids = 0;  // distinct paper ids anywhere in the file (edge lists: new ids)
    // edge lists and metadata
    std::size_t edges = 0;
    std::size_t records = 0;
    std::size_t skipped_lines = 0;
};

struct LoadOptions {
    SourceLimits limits;
    std::string input_format;  // "" = by extension and content; "digest", "edges", "jsonl"
    ColumnOrder column_order = ColumnOrder::CitingCited;
    // Keep each citation edge's file and line (6 bytes per edge). Only merge_citations needs
    // them; commands that never merge turn this off to save the memory on large graphs.
    bool edge_provenance = true;
};

struct LoadResult {
    KnowledgeGraph graph;
    std::vector<InputSummary> inputs;
    std::vector<ParsedDigest> digests;
    CitationData citations;  // edge lists and metadata, interned; not yet in `graph`
    bool citations_merged = false;
    NameReport names;
    DiagnosticSink diagnostics;
    bool ok() const { return !diagnostics.has_errors(); }
};

// The bundled example digest (examples/example-digest.md, compiled in).
std::string_view embedded_example_digest();
std::string_view embedded_example_name();

// Loads every input (the bundled example when `paths` is empty) and merges them. Input
// errors are diagnostics in the result, never exceptions.
LoadResult load_inputs(const std::vector<std::string>& paths, const LoadOptions& options = {});

// Loads digest text held in memory (tests, the embedded example).
LoadResult load_digest_text(std::string name, std::string text, const LoadOptions& options = {});

InputSummary summarize(const ParsedDigest& digest);

// Adds the citation data to the typed graph: a paper node per id (metadata attached) and a
// `cites` edge per distinct (citing, cited) pair with its file and line. Idempotent. Analyses
// on large citation graphs build their CSR from `citations` directly and never need this.
// Needs the edges' provenance (LoadOptions::edge_provenance): throws std::logic_error without.
void merge_citations(LoadResult& loaded);

}  // namespace citegraph::graph
