#pragma once
// Citation data: edge lists (citing -> cited) and paper metadata in JSON lines.
//
// Edge lists: one edge per line, fields separated by a tab, a comma or spaces (detected from
// the first data line); `#` and `%` lines are comments; a first line of words such as
// "source,target" or "citing cited" is a header; an optional third field is a weight. Files
// ending in .gz are decompressed while reading (zlib also reads plain files through the same
// path). A bad line is a warning with its position and is skipped; the number of skipped
// lines is always reported.
#include "graph/diagnostics.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace citegraph::graph {

enum class ColumnOrder { CitingCited, CitedCiting };

struct PaperMetadata {
    std::string title;
    std::string abstract;
    std::string date;
    std::string authors;
};

// Interned citation data: vertex i is ids[i]; edges are (citing, cited) indices.
struct CitationData {
    std::vector<std::string> ids;
    std::unordered_map<std::string, std::uint32_t> index;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    std::vector<double> weights;  // empty unless some line carried a weight
    std::vector<std::uint32_t> edge_lines;  // provenance: line of each edge in its file
    std::vector<std::uint16_t> edge_files;  // provenance: index into files
    std::vector<std::string> files;
    std::unordered_map<std::string, PaperMetadata> metadata;  // by id
    std::size_t skipped_lines = 0;

    std::uint32_t intern(std::string_view id);
    bool empty() const { return edges.empty() && ids.empty(); }
};

struct EdgeListOptions {
    ColumnOrder order = ColumnOrder::CitingCited;
    std::size_t max_reported = 20;  // individual diagnostics per file; the rest are counted
    std::size_t max_line_bytes = 1u << 20;
};

// Reads an edge list into `data`. Returns the number of edges added; I/O failures are E-IO
// diagnostics, bad lines W-EDGE-LINE warnings, a file with no edge at all E-NO-EDGES.
std::size_t read_edge_list(const std::string& path, CitationData& data, DiagnosticSink& sink,
                           const EdgeListOptions& options = {});

// Reads JSON lines with at least "id" and attaches title/abstract/date/authors to the ids.
// Lines that are not JSON objects with a string or number "id" are W-JSONL-LINE warnings.
std::size_t read_paper_metadata(const std::string& path, CitationData& data, DiagnosticSink& sink,
                                const EdgeListOptions& options = {});

// Normalizes a citation-data id: an arXiv id loses its version and backticks; anything else
// is kept as written, trimmed.
std::string normalize_paper_id(std::string_view raw);

}  // namespace citegraph::graph
