#pragma once
// Placement of the papers a digest's topic tree does not list: a suggested topic for each,
// by text similarity to the papers each topic holds. A suggestion, never the digest's own
// classification: it is a `suggested_topic` edge (Evidence::Inferred), not `classified_as`.
//
// Texts:
//   topic  its path ("NLP > LLMs > Alignment") and the own text (links.hpp) of every paper the
//          tree classifies under it; topics that hold no paper are not candidates
//   paper  its own text and the sentences of the gaps, ideas and reflection that cite its id
//          (with the other papers' clauses removed, links.hpp mention_sentences)
// Score of a topic: its BM25 against the paper's text divided by the best topic's BM25, plus
// the votes of the classified papers cited in the same sentences as the paper (each such paper
// votes for its topics) divided by the most votes; each part is in [0, 1], so text and
// co-mentions weigh the same.
// Confidence: the best topic's share of the three best scores, s1 / (s1 + s2 + s3), in
// [1/3, 1] (1 when only one topic has a score). A paper with no shared term and no classified
// co-mention gets no suggestion.
#include "graph/load.hpp"

#include <string>
#include <vector>

namespace citegraph::analysis {

struct Placement {
    graph::Vertex paper = 0;
    graph::Vertex topic = 0;
    double confidence = 0.0;  // see above, in (0, 1]
    double score = 0.0;       // BM25 of the chosen topic (0 when chosen by co-mentions only)
    std::string basis;        // "text", "co-mentions" or "text+co-mentions"
    std::vector<std::string> terms;  // matched terms (text), at most 8
    std::optional<graph::Vertex> runner_up;  // the second topic, when there is one
};

struct PlacementResult {
    std::vector<Placement> placements;          // by paper id
    std::vector<graph::Vertex> unplaced;        // unclassified papers with no suggestion
    std::size_t unclassified = 0;               // papers seen in a digest that no tree leaf lists
};

// Every paper seen in a digest with no `classified_as` edge. Deterministic. O(text).
PlacementResult suggest_topics(const graph::LoadResult& loaded);

// Adds one `suggested_topic` edge (Evidence::Inferred, score = confidence, matched_text =
// basis and terms) per placement. Returns the number added.
std::size_t add_suggested_topics(graph::KnowledgeGraph& kg, const PlacementResult& result);

}  // namespace citegraph::analysis
