#pragma once
// Cluster labels: the most distinctive terms of a cluster's members against the rest.
//
// Each item (a paper) contributes the set of its index terms (tokenize.hpp: no stop words,
// no pure numbers, bigrams included). For a term w and a cluster c, with y_c the members
// whose text holds w among the n_c members that have text, and y_r, n_r the same for every
// other item, the score is the z-score of the smoothed log-odds ratio (Monroe, Colaresi &
// Quinn, "Fightin' Words", Political Analysis 16(4), 2008, with document counts):
//   a = prior * p_w + 0.5, b = prior * (1 - p_w) + 0.5, p_w = df(w) / N (the 0.5 keeps every
//   cell positive when a term is in every item or in none, as Haldane's correction)
//   delta = ln((y_c + a) / (n_c - y_c + b)) - ln((y_r + a) / (n_r - y_r + b))
//   z = delta / sqrt(1/(y_c + a) + 1/(n_c - y_c + b) + 1/(y_r + a) + 1/(n_r - y_r + b))
// A term must occur in at least `min_members` members (DESIGN.md: 2). Terms are taken by
// decreasing z (ties by term), skipping a term whose words a chosen term already holds or
// that holds a chosen term's words ("black hole" then not "black"), so a label names
// different things.
#include "analysis/projection.hpp"
#include "graph/load.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace citegraph::analysis {

inline constexpr std::uint32_t kNoCluster = 0xFFFFFFFFu;

struct LabelTerm {
    std::string term;
    double z = 0.0;
    std::uint32_t members = 0;  // members whose text holds the term
};

struct ClusterLabelOptions {
    std::size_t max_terms = 3;
    std::uint32_t min_members = 2;  // >= 1
    double prior = 10.0;            // > 0: pseudo-documents of the smoothing
};

// `item_terms[i]`: the index terms of item i (repeats and order ignored; empty = no text);
// `membership[i]`: its cluster, or kNoCluster to leave it out of every cluster (it still
// counts as "rest"). Returns, for every cluster 0..max label, its label terms (best first;
// empty when no term qualifies). Throws std::invalid_argument when the sizes differ or an
// option is out of range. Deterministic. O(total terms + clusters x candidate terms).
std::vector<std::vector<LabelTerm>> cluster_labels(const std::vector<std::vector<std::string>>& item_terms,
                                                   std::span<const std::uint32_t> membership,
                                                   const ClusterLabelOptions& options = {});

// "term1, term2, term3"; empty when there are no terms.
std::string format_label(const std::vector<LabelTerm>& terms);

// The text a paper is labelled by: its own digest text (links.hpp paper_own_text), else the
// title and abstract of its citation metadata. Empty when there is none.
std::string paper_label_text(const graph::LoadResult& loaded, const std::string& paper_id);

// Convenience for callers that hold paper ids (the maps): labels of the clusters of
// `paper_ids[i]` -> `membership[i]` (kNoCluster: text counted as "rest" only), each paper's
// text from paper_label_text. Returns one formatted label per cluster 0..max (empty when no
// term qualifies). Throws std::invalid_argument when the sizes differ.
std::vector<std::string> label_paper_clusters(const graph::LoadResult& loaded, const std::vector<std::string>& paper_ids,
                                              std::span<const std::uint32_t> membership, const ClusterLabelOptions& options = {});

// The labels `citegraph clusters` prints, for a clustering of a projection's vertices
// (`membership[v]` for CSR vertex v, any labels): every paper vertex's text counts, gap and
// idea vertices are left out. Returns one formatted label per cluster label value 0..max.
// A map that draws the same clustering and calls this names its clusters exactly as the
// `clusters` command does.
std::vector<std::string> label_projection_clusters(const graph::LoadResult& loaded, const Projection& projection,
                                                   std::span<const std::uint32_t> membership, const ClusterLabelOptions& options = {});

}  // namespace citegraph::analysis
