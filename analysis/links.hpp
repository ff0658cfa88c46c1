#pragma once
// Gap -> paper, idea -> paper and idea -> gap links inferred from the digests' own text, and
// the honest evaluation of that inference.
//
// Three kinds of evidence, never mixed up (graph::Evidence):
//   id        the gap or idea cites the paper's arXiv id (made by the parser, graph/parse)
//   name      it names the paper by a short name the paper carries in its own entries
//             (graph/parse/build.hpp, resolve_names)
//   inferred  made here: BM25 similarity between the gap's (idea's) text and the paper's
//             text, above the thresholds of LinkOptions, with the matched terms
// An inferred link is added only where no id or name link of that kind joins the pair.
//
// What each side's text is:
//   paper    its own entries (tree descriptions, contributions with title, text and comment,
//            SOTA keywords/breakthrough/impact, reading-list label and reason; title and
//            abstract for citation metadata) and, when `reflection_context` is on, the
//            sentence of META_REFLECTION around each of its ids. Never the text of a gap or
//            an idea: those are the queries, and the evaluation must not see its answers.
//   gap      title, text and sub-points, with every arXiv id removed
//   idea     title, motivation, novelty, approach, data and metrics, risk, other fields, ids
//            removed
#include "analysis/text_index.hpp"
#include "graph/load.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace citegraph::analysis {

// ---- texts ---------------------------------------------------------------------------------

std::string paper_own_text(const graph::PaperProps& paper);
std::string gap_text(const graph::GapProps& gap);
std::string idea_text(const graph::IdeaProps& idea);

// `text` with every arXiv id (new and old style, with or without version) blanked out.
std::string remove_ids(std::string_view text);

// Bounds [begin, end) of the sentence around byte `at` of a line: after the previous ". ",
// ";", "! " or "? " and up to the next one, or the line's ends.
std::pair<std::size_t, std::size_t> sentence_around(std::string_view line, std::size_t at);

// The sentences of the given sections of the digests that mention each paper id, by id.
// A sentence ends at ". ", ";" or the end of its line. Used as extra paper text (reflection)
// and, for papers the tree does not list, as their only text (placement).
std::map<std::string, std::vector<std::string>> mention_sentences(const std::vector<graph::ParsedDigest>& digests,
                                                                  const std::vector<graph::Section>& sections);

// ---- the paper corpus ------------------------------------------------------------------------

struct CorpusOptions {
    bool reflection_context = true;  // add META_REFLECTION sentences around the paper's ids
};

// One BM25 document per paper with text (papers without any text are not documents).
struct PaperCorpus {
    Bm25Index index;
    double median_self_score = 0.0;  // over the documents
    std::vector<graph::Vertex> paper;  // document -> paper vertex
    std::map<graph::Vertex, std::size_t> doc_of;
};

PaperCorpus build_paper_corpus(const graph::LoadResult& loaded, const CorpusOptions& options = {});

// BM25(query, doc) / max(self_score(doc), median self-score), capped at 1: the score of an
// inferred link.
double link_score(const PaperCorpus& corpus, const Bm25Hit& hit);

// ---- inference -------------------------------------------------------------------------------

struct LinkOptions {
    CorpusOptions corpus;
    // A paper becomes an inferred link of a gap or idea when all of these hold:
    std::size_t max_links = 5;         // among the query's best `max_links` unlinked papers by BM25
    // The query covers at least this share of the paper's text: BM25(query, paper) divided
    // by the larger of the paper's self-score and the corpus's median self-score (see
    // text_index.hpp). The median floor keeps a paper known by one short sentence from
    // reaching a high share with two common words.
    // Calibrated by masking (`citegraph eval links`, "would-be inferred links") on the
    // bundled example digest only: the lowest threshold, in steps of 0.05, at which every
    // would-be link of the names-masked example is a hidden citation (0.15: 15 of 15; 0.10:
    // 24 of 25). The shared digests were not used to choose it; `eval links` reports the same
    // measurement on any digest.
    double min_normalized = 0.15;
    std::size_t min_terms = 2;         // and at least this many distinct terms match (distinct_terms)
    // An idea addresses a gap of its own digest (same month, else same file) when its text
    // covers at least `min_gap_normalized` of the gap (BM25 share, text_index.hpp) with at
    // least `min_gap_terms` distinct terms, or when both cite a paper explicitly; the text
    // and shared-paper signals combine as a noisy-or (links.cpp), and the best `max_gaps`
    // gaps are kept.
    std::size_t max_gaps = 2;
    double min_gap_normalized = 0.15;
    std::size_t min_gap_terms = 3;
};

struct InferredLink {
    graph::Vertex from = 0;   // gap or idea
    graph::Vertex to = 0;     // paper (mentions / builds_on) or gap (addresses)
    graph::EdgeKind kind = graph::EdgeKind::Mentions;
    double score = 0.0;  // normalized BM25 in [0, 1]: the edge's score
    double bm25 = 0.0;
    int rank = 0;        // 1-based rank of `to` in the query's BM25 ranking
    std::vector<std::string> terms;  // matched terms, largest contribution first (at most 8)
    graph::Provenance where;         // the gap's or idea's heading line
};

struct LinkResult {
    std::vector<InferredLink> links;  // gaps, then ideas (mentions, builds_on), then addresses
};

// Computes the inferred links of every gap and idea of a loaded input; the graph is not
// changed. Deterministic. O(total text + queries x postings).
LinkResult infer_links(const graph::LoadResult& loaded, const LinkOptions& options = {});

// Adds the links as edges with Evidence::Inferred: mentions (gap -> paper), builds_on
// (idea -> paper), addresses (idea -> gap). A pair already joined by an edge of that kind is
// left alone. Returns the number of edges added.
std::size_t add_inferred_links(graph::KnowledgeGraph& kg, const LinkResult& result);

// Matched terms without the ones a longer matched term already holds: "nghiên", "cứu" go
// when "nghiên cứu" matched, "kv cache" when "kv-cache" did. Order kept. The min_terms
// thresholds count these, so one word matched as unigrams and bigram counts once.
std::vector<std::string> distinct_terms(const std::vector<std::string>& terms);

// The text that inferred links record as `matched_text`: "terms: a, b, c".
std::string describe_terms(const std::vector<std::string>& terms);

// ---- evaluation --------------------------------------------------------------------------------

enum class MaskMode {
    Ids,    // hide the ids the gaps and ideas cite; their names stay in the text
    Names,  // hide the ids and every known paper name in the text
};

struct HiddenLink {
    std::string from;   // gap or idea key
    std::string paper;  // the hidden paper id
    graph::Evidence evidence = graph::Evidence::Id;  // how the digest linked it
    bool has_text = false;  // the paper is a document of the corpus (else it cannot be found)
    int rank = 0;           // 1-based rank in the masked query's ranking; 0 = not ranked
};

// Precision of would-be inferred links under masking: of the candidates a masked query would
// link at this threshold (its best `max_links` papers with at least `min_terms` matched
// terms and link_score >= threshold), the share that are the hidden papers.
struct ThresholdPrecision {
    double threshold = 0.0;
    std::size_t candidates = 0;
    std::size_t hidden = 0;
    double precision = 0.0;  // hidden / candidates; 0 without candidates
};

struct LinkEvaluation {
    MaskMode mode = MaskMode::Ids;
    std::size_t queries = 0;  // gaps and ideas with at least one hidden link
    std::size_t hidden = 0;
    std::size_t hidden_with_text = 0;
    std::size_t found_at_5 = 0, found_at_10 = 0;
    double recall_at_5 = 0.0, recall_at_10 = 0.0;  // over all hidden links (no text = a miss)
    double mean_reciprocal_rank = 0.0;
    std::vector<HiddenLink> links;
    std::vector<ThresholdPrecision> precision;  // thresholds 0.05, 0.10, ..., 0.50
};

// Hides the explicit links of every gap and idea, ranks all papers against the masked text
// with the same BM25 corpus as infer_links, and measures where the hidden papers land.
// The graph must be the one the parser built (no inferred edges). Deterministic.
LinkEvaluation evaluate_masked_links(const graph::LoadResult& loaded, MaskMode mode, const LinkOptions& options = {});

// A resolved name mention and the id written right after it, if any.
struct NameCheck {
    std::string name;
    std::string resolved;  // the paper id the name resolves to
    std::string written;   // the id written next to the name ("Jamba 2403.19887", "Kangaroo (2404.18911)")
    bool correct = false;
    graph::Provenance where;
};

// Precision of name resolution, judged where the digest writes an id right after a name: of
// the name mentions in gaps, ideas and the reflection that resolve to one paper and have an
// id next to them (after spaces and at most one '(' '[' or ','), the share whose id is the
// resolved paper's (or one the digest declares the same paper, "A (also B)"). Mentions with
// no id next to them cannot be judged and are only counted.
struct NamePrecision {
    std::size_t resolved = 0;  // resolved mentions
    std::size_t judged = 0;
    std::size_t correct = 0;
    std::optional<double> precision;  // empty when nothing could be judged
    std::vector<NameCheck> wrong;
};

NamePrecision name_resolution_precision(const graph::LoadResult& loaded);

}  // namespace citegraph::analysis
