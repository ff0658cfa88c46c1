#pragma once
#include "analysis/links.hpp"
#include "cli/common.hpp"

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
// `no_inferred`). Returns nothing on an input error (already reported to `err`).
std::optional<graph::LoadResult> load_with_links(const LinkCommandOptions& options, std::ostream& err);

void add_link_options(CLI::App& command, LinkCommandOptions& options);

// A field of a TSV row: tabs and line breaks become spaces.
std::string tsv_field(std::string_view text);

void setup_gaps(CLI::App& app, LinkCommandOptions& options);
int run_gaps(const LinkCommandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace citegraph::cli
