#pragma once
// An Okapi BM25 index over short documents (a paper's own text, a gap, a topic's papers).
//
// score(q, d) = sum over distinct query terms t in d of
//     idf(t) * tf(t,d) * (k1 + 1) / (tf(t,d) + k1 * (1 - b + b * |d| / avgdl))
// idf(t) = ln(1 + (N - df(t) + 0.5) / (df(t) + 0.5))   (always > 0; Lucene's variant)
// Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond" (2009).
// Query terms count once however often the query repeats them.
//
// normalized(q, d) = score(q, d) / score(terms of d, d), capped at 1: the share of what the
// document's own text would score against itself that the query reaches. It is 1 when the
// query contains every term of the document and falls with every document term the query
// lacks (weighted by idf), so it reads as "how much of this document the query covers".
//
// Deterministic: results are ordered by score, ties by document number.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace citegraph::analysis {

struct Bm25Options {
    double k1 = 1.2;   // term-frequency saturation, > 0 (the usual 1.2)
    double b = 0.75;   // length normalization in [0, 1] (the usual 0.75)
};

struct Bm25Hit {
    std::size_t doc = 0;
    double score = 0.0;       // BM25
    double normalized = 0.0;  // see the top of this file, in [0, 1]
    std::vector<std::string> terms;  // matched query terms, largest contribution first
};

class Bm25Index {
public:
    // Throws std::invalid_argument unless k1 > 0 and b in [0, 1].
    explicit Bm25Index(Bm25Options options = {});

    // Adds a document given its terms (repeats are term frequency); returns its number,
    // 0, 1, ... in order of addition. An empty document is allowed and never matches.
    std::size_t add_document(const std::vector<std::string>& terms);

    std::size_t size() const { return doc_length_.size(); }
    std::size_t length(std::size_t doc) const { return doc_length_[doc]; }
    std::size_t document_frequency(std::string_view term) const;
    double idf(std::string_view term) const;

    // Every document sharing at least one term with the query, best first; `limit` = 0 keeps
    // all. O(sum of the query terms' posting lengths + h log h) for h hits.
    std::vector<Bm25Hit> search(const std::vector<std::string>& query, std::size_t limit = 0) const;

    // The BM25 score of `doc`'s own distinct terms against itself (the normalizer).
    double self_score(std::size_t doc) const;

    // Cosine similarity of two documents' tf-idf vectors, weight (1 + ln tf) * idf. In [0, 1].
    double cosine(std::size_t a, std::size_t b) const;

    // A document's distinct terms with their frequencies.
    std::vector<std::pair<std::string, std::uint32_t>> document_terms(std::size_t doc) const;

private:
    double idf_of(std::uint32_t term) const;
    double term_score(std::uint32_t term, std::uint32_t tf, std::size_t doc) const;
    double average_length() const;

    Bm25Options options_;
    std::unordered_map<std::string, std::uint32_t> vocabulary_;
    std::vector<std::string> term_text_;
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> postings_;  // term -> (doc, tf)
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> documents_;  // doc -> (term, tf), by term id
    std::vector<std::size_t> doc_length_;
    std::size_t total_length_ = 0;
};

}  // namespace citegraph::analysis
