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
#include <string_view>
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

// Index of ids made of 1 to 17 ASCII digits (SNAP's and most citation dumps' ids), keyed by
// value and length together (so "007" and "7" stay distinct ids): open addressing over one flat
// array, 16 bytes per slot at most 50% load, where a std::unordered_map<std::string, ...>
// costs a heap node (~64 bytes) per id and hashes the string on every edge.
class DigitIdIndex {
public:
    // The key of `id`, or 0 when `id` is not 1 to 17 digits.
    static std::uint64_t key_of(std::string_view id);
    // The index stored for `key` (!= 0), inserting `next` when the key is new.
    std::pair<std::uint32_t, bool> try_emplace(std::uint64_t key, std::uint32_t next);
    const std::uint32_t* find(std::uint64_t key) const;
    std::size_t size() const { return size_; }
    void clear();

private:
    void grow();
    // Ids up to kDirectLimit without a leading zero (dense numbering, as in R-MAT or Graph500
    // dumps) are looked up in a plain array indexed by value: a hash probe into a table of
    // millions of slots misses the cache on nearly every edge, and the array is 4 bytes per
    // value up to the largest seen (16 MiB at most).
    static constexpr std::uint64_t kDirectLimit = std::uint64_t{1} << 22;
    static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;
    std::vector<std::uint32_t> direct_;
    struct Slot {
        std::uint64_t key = 0;  // 0 = empty
        std::uint32_t value = 0;
    };
    std::vector<Slot> slots_;  // key and value side by side: one cache miss per probe
    std::size_t size_ = 0;
    std::size_t hashed_ = 0;  // keys in slots_
};

// Interned citation data: vertex i is ids[i]; edges are (citing, cited) indices.
struct CitationData {
    std::vector<std::string> ids;
    std::unordered_map<std::string, std::uint32_t> index;  // ids that are not all digits
    DigitIdIndex digit_index;                                // ids of 1 to 17 digits
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    std::vector<double> weights;  // empty unless some line carried a weight
    // Provenance (file and line of each edge), kept unless EdgeListOptions::provenance is off:
    // only merging into the typed graph reads it.
    std::vector<std::uint32_t> edge_lines;  // line of each edge in its file
    std::vector<std::uint16_t> edge_files;  // index into files
    std::vector<std::string> files;
    std::unordered_map<std::string, PaperMetadata> metadata;  // by id
    std::size_t skipped_lines = 0;

    std::uint32_t intern(std::string_view id);
    // The vertex of an id, or nullptr.
    const std::uint32_t* find(std::string_view id) const;
    bool empty() const { return edges.empty() && ids.empty(); }
};

struct EdgeListOptions {
    ColumnOrder order = ColumnOrder::CitingCited;
    std::size_t max_reported = 20;  // individual diagnostics per file; the rest are counted
    std::size_t max_line_bytes = 1u << 20;
    bool provenance = true;  // record each edge's file and line (edge_lines, edge_files)
};

// Reads an edge list into `data`. Returns the number of edges added; I/O failures are E-IO
// diagnostics, bad lines W-EDGE-LINE warnings, a file with no edge at all E-NO-EDGES.
std::size_t read_edge_list(const std::string& path, CitationData& data, DiagnosticSink& sink,
                           const EdgeListOptions& options = {});

// Reading one plain (uncompressed) edge-list file in parts, one byte range per process
// (citegraph-mpi): the same dialect and diagnostics as read_edge_list, split so that the parts'
// results put together equal a whole-file read.
//
// What a part needs from the file's start: the separator (detected from the first data line,
// the first that is neither blank nor a comment) and where that line begins, since only it can
// be a header. Read from the start up to that line; a file without one gives separator 0.
struct EdgeListLayout {
    char separator = 0;
    std::uint64_t first_data_offset = UINT64_MAX;
};
EdgeListLayout probe_edge_list(const std::string& path, const EdgeListOptions& options = {});

struct EdgeListRangeResult {
    std::size_t edges = 0;    // edges added to `data`
    std::size_t lines = 0;    // lines that begin in the range
    std::size_t skipped = 0;  // bad lines (W-EDGE-LINE), also added to data.skipped_lines
    bool ok = true;           // false after an E-IO error
};

// Reads the lines of `path` that begin at a byte offset in [begin, end) (see
// for_each_line_in_range) into `data`, exactly as read_edge_list reads them. Diagnostics carry
// line numbers counted from 1 at the range's first line (the caller adds the lines of the
// ranges before: the sum of their `lines`); at most options.max_reported bad lines are reported
// per range. The file-wide verdicts are the caller's, once every range is read:
// report_skipped_edge_lines with the total of `skipped`, report_no_edges when no range found an
// edge. With options.provenance, edge_lines are numbered within the range too.
EdgeListRangeResult read_edge_list_range(const std::string& path, const EdgeListLayout& layout, std::uint64_t begin,
                                         std::uint64_t end, CitationData& data, DiagnosticSink& sink,
                                         const EdgeListOptions& options = {});

// read_edge_list's closing diagnostics for a whole file: W-EDGE-SKIPPED (when skipped > 0) and
// E-NO-EDGES.
void report_skipped_edge_lines(const std::string& path, std::size_t skipped, DiagnosticSink& sink,
                               const EdgeListOptions& options = {});
void report_no_edges(const std::string& path, DiagnosticSink& sink);

// Reads JSON lines with at least "id" and attaches title/abstract/date/authors to the ids.
// Lines that are not JSON objects with a string or number "id" are W-JSONL-LINE warnings.
std::size_t read_paper_metadata(const std::string& path, CitationData& data, DiagnosticSink& sink,
                                const EdgeListOptions& options = {});

// Normalizes a citation-data id: an arXiv id loses its version and backticks; anything else
// is kept as written, trimmed.
std::string normalize_paper_id(std::string_view raw);

}  // namespace citegraph::graph
