#pragma once
// What every command shares: inputs, common flags, loading with diagnostics, exit codes.
#include "analysis/projection.hpp"
#include "graph/load.hpp"

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace citegraph::cli {

enum ExitCode : int { kOk = 0, kFindings = 1, kUsage = 2, kInputError = 3, kInternal = 4 };

// A usage problem found after parsing (an unknown format, a bad combination of flags).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct CommonOptions {
    std::vector<std::string> inputs;
    std::string input_format;
    std::string columns = "citing,cited";
    bool json = false;
    bool quiet = false;
    // Limits (graph/parse/source.hpp, README "Limits"): errors before the run stops, and the
    // inputs' total size in bytes.
    std::size_t max_errors = graph::SourceLimits{}.max_errors;
    std::size_t max_input_bytes = graph::SourceLimits{}.max_input_bytes;
};

// Adds INPUT... and the common flags to a subcommand.
void add_common_options(CLI::App& command, CommonOptions& options);

// Loads the inputs and prints their diagnostics (warnings unless quiet, errors always) to
// `err`. Returns nothing when an input had an error: the caller exits with kInputError.
// With `merge` the citation data is also added to the typed graph (stats, lint, export);
// rank and clusters read it straight into a CSR instead.
std::optional<graph::LoadResult> load_or_report(const CommonOptions& options, std::ostream& err, bool merge = true);

// The analyses' text inferences, added to the typed graph of digests: inferred gap -> paper
// (related_to) and idea -> paper (builds_on) links, idea -> gap (addresses) links, and a
// suggested_topic for each paper the topic tree does not list. All carry evidence
// `inferred`, a score and the matched terms. Returns the number of edges added.
std::size_t add_text_inferences(graph::LoadResult& loaded);

// "--projection" values: auto, citations, mentions, union.
analysis::ProjectionKind projection_kind(const std::string& name);

// How a paper is shown: its short name, else its metadata title, else its id.
std::string display_name(const graph::LoadResult& loaded, const std::string& id);

}  // namespace citegraph::cli
