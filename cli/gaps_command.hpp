#pragma once
#include "analysis/coverage.hpp"
#include "analysis/links.hpp"
#include "cli/common.hpp"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string_view>

namespace citegraph::cli {

// Options shared by `gaps` and `ideas`: how inferred links are made and shown.
struct LinkCommandOptions {
    CommonOptions common;
    bool tsv = false;
    bool no_inferred = false;  // explicit (id, name) links only
    double min_score = analysis::LinkOptions{}.min_normalized;
    std::size_t max_links = analysis::LinkOptions{}.max_links;
    double theme_similarity = 0.2;  // gaps: recurring themes across months
};

// Loads the inputs and adds the inferred links to the typed graph (nothing when
// `no_inferred`). Returns nothing on an input error (already reported to `err`). Throws
// UsageError when both --json and --tsv are set.
std::optional<graph::LoadResult> load_with_links(const LinkCommandOptions& options, std::ostream& err);

void add_link_options(CLI::App& command, LinkCommandOptions& options);

// A field of a TSV row: tabs and line breaks become spaces.
std::string tsv_field(std::string_view text);

// How `gaps` and `ideas` show a link (analysis/coverage.hpp), so both list links alike.

// A link's score with three decimals.
std::string format_score(double score);

// `items` with `separator` between them.
std::string join_list(const std::vector<std::string>& items, std::string_view separator);

// A link to a paper as JSON: paper, name (display_name), evidence, score, terms, file, line.
nlohmann::ordered_json paper_link_json(const graph::LoadResult& loaded, const analysis::EvidenceLink& link);

// The TSV cells of a link after the row's head: target, name, evidence, score, terms, then
// the line break.
std::string tsv_link_cells(std::string_view target, std::string_view name, const analysis::EvidenceLink& link);

// One text line for a link to a paper: four spaces, the evidence padded to `evidence_width`,
// the paper's id padded to 16, its name, and for an inferred link "  (score; terms)".
void print_paper_link(std::ostream& out, const graph::LoadResult& loaded, const analysis::EvidenceLink& link, int evidence_width);

void setup_gaps(CLI::App& app, LinkCommandOptions& options);
int run_gaps(const LinkCommandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace citegraph::cli
