#pragma once
// Coverage of gaps and lineage of ideas, read off the typed graph after the links are in
// (explicit ones from the parser, inferred ones from links.hpp):
//   gap   -> the papers that bear on it, by evidence (id, name, inferred); a gap with no id
//            or name support is flagged
//   idea  -> the gaps it addresses (inferred) and the papers it builds on (id, name, inferred)
//   themes: gaps of different months whose texts are similar (tf-idf cosine), reported with
//            the months they recur in
#include "graph/model.hpp"

#include <string>
#include <vector>

namespace citegraph::analysis {

struct EvidenceLink {
    graph::Vertex target = 0;  // paper, or gap for an idea's `gaps`
    graph::Evidence evidence = graph::Evidence::Id;
    double score = 1.0;
    std::vector<std::string> terms;  // inferred: matched terms; id/name: the id or name as written
    graph::Provenance where;
};

struct GapCoverage {
    graph::Vertex gap = 0;
    std::vector<EvidenceLink> links;  // id, then name, then inferred; by score, then key
    std::size_t by_id = 0, by_name = 0, inferred = 0;
    bool supported = false;  // at least one id or name link
};

// Every gap in creation order. O(E).
std::vector<GapCoverage> gap_coverage(const graph::KnowledgeGraph& kg);

struct IdeaLineage {
    graph::Vertex idea = 0;
    std::vector<EvidenceLink> gaps;    // addresses edges
    std::vector<EvidenceLink> papers;  // builds_on edges, ordered as GapCoverage::links
    std::size_t by_id = 0, by_name = 0, inferred = 0;
    bool supported = false;  // builds on at least one paper by id or name
};

std::vector<IdeaLineage> idea_lineage(const graph::KnowledgeGraph& kg);

struct RecurringTheme {
    std::vector<graph::Vertex> gaps;  // by month, then creation order
    std::vector<std::string> months;  // distinct, sorted
    std::vector<std::string> terms;   // terms the gaps of at least two months share, rarest first (at most 6)
    double similarity = 0.0;          // the weakest cosine that joined the theme
};

struct ThemeOptions {
    // Two gaps of different months join one theme when the cosine of their tf-idf vectors
    // (text_index.hpp) reaches this; themes are the connected groups (single linkage).
    double min_similarity = 0.2;
};

// Themes that appear in two or more months; empty with one month. O(G^2 * terms).
std::vector<RecurringTheme> recurring_gap_themes(const graph::KnowledgeGraph& kg, const ThemeOptions& options = {});

}  // namespace citegraph::analysis
