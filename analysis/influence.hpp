#pragma once
// The influence ranking: an explainable composite of documented signals. Each signal is
// scaled to [0, 1] by its maximum over the papers; the score is the weighted mean of the
// scaled signals over the signals that are available for this input (a signal that is zero
// for every paper, e.g. citation PageRank without citation data, is left out and its weight
// is not counted). Every paper's result keeps each signal's raw value, scaled value, weight
// and share of the score, so a ranking can be explained line by line.
//
// Signals (DESIGN.md, "Influence ranking"):
//   mention_pagerank   PageRank of the paper in the mention graph (gaps and ideas -> papers,
//                      weighted by evidence), damping 0.85
//   citation_pagerank  PageRank in the citation graph, when citation data is given
//   sota               best SOTA_HIGHLIGHTS rank r of K rows, as (K + 1 - r) / K
//   reading_list       best reading-list position p of L entries, as (L + 1 - p) / L
//   sections           number of digest sections that mention the paper (by id or name)
//   months             number of digest months that mention the paper
//   reliance           number of distinct gaps and ideas with an edge to the paper
#include "analysis/centrality.hpp"
#include "graph/load.hpp"

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace citegraph::analysis {

inline const std::vector<std::string>& influence_signal_names() {
    static const std::vector<std::string> names = {"mention_pagerank", "citation_pagerank", "sota", "reading_list",
                                                   "sections", "months", "reliance"};
    return names;
}

struct InfluenceOptions {
    // Weights by signal name; defaults below. Negative weights are rejected.
    std::map<std::string, double> weights = {{"mention_pagerank", 0.20}, {"citation_pagerank", 0.25}, {"sota", 0.15},
                                             {"reading_list", 0.10},     {"sections", 0.10},          {"months", 0.05},
                                             {"reliance", 0.15}};
};

struct SignalValue {
    double value = 0;       // raw
    double normalized = 0;  // value / max over papers
    double weight = 0;      // 0 when the signal is not available for this input
    double share = 0;       // weight * normalized / (sum of available weights) / score; 0 when score is 0
};

struct InfluenceEntry {
    std::string id;
    std::string name;
    double score = 0;
    int rank = 0;  // 1-based; ties broken by id
    std::map<std::string, SignalValue> signals;
};

struct InfluenceResult {
    std::vector<InfluenceEntry> ranking;  // best first
    std::vector<std::string> available;   // signals that carried information
};

// `mention_pagerank` and `citation_pagerank` map paper id -> PageRank (either may be empty).
// Papers are the typed graph's papers plus the citation data's ids. O(P log P).
InfluenceResult influence_ranking(const graph::LoadResult& loaded,
                                  const std::unordered_map<std::string, double>& mention_pagerank,
                                  const std::unordered_map<std::string, double>& citation_pagerank,
                                  const InfluenceOptions& options = {});

// The two PageRank signals influence_ranking takes, by paper id: PageRank on the mention
// projection (when digests were loaded) and on the citation projection (when citation data
// was); a map stays empty when its input is absent. Used by `rank`, `map` and the exports, so
// that sizes and rankings come from one computation.
struct InfluencePageRanks {
    std::unordered_map<std::string, double> mentions;
    std::unordered_map<std::string, double> citations;
};
InfluencePageRanks influence_pageranks(const graph::LoadResult& loaded, const PageRankOptions& options = {});

}  // namespace citegraph::analysis
