#include "analysis/text_index.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace citegraph::analysis {

Bm25Index::Bm25Index(Bm25Options options) : options_(options) {
    if (!(options_.k1 > 0) || !std::isfinite(options_.k1)) throw std::invalid_argument("BM25 k1 must be a finite number > 0");
    if (!(options_.b >= 0 && options_.b <= 1)) throw std::invalid_argument("BM25 b must be in [0, 1]");
}

std::size_t Bm25Index::add_document(const std::vector<std::string>& terms) {
    const auto doc = static_cast<std::uint32_t>(doc_length_.size());
    std::map<std::uint32_t, std::uint32_t> tf;
    for (const auto& t : terms) {
        auto [it, inserted] = vocabulary_.try_emplace(t, static_cast<std::uint32_t>(term_text_.size()));
        if (inserted) {
            term_text_.push_back(t);
            postings_.emplace_back();
        }
        ++tf[it->second];
    }
    documents_.emplace_back(tf.begin(), tf.end());
    for (const auto& [term, count] : tf) postings_[term].emplace_back(doc, count);
    doc_length_.push_back(terms.size());
    total_length_ += terms.size();
    return doc;
}

std::size_t Bm25Index::document_frequency(std::string_view term) const {
    auto it = vocabulary_.find(std::string(term));
    return it == vocabulary_.end() ? 0 : postings_[it->second].size();
}

double Bm25Index::idf_of(std::uint32_t term) const {
    const double n = static_cast<double>(size());
    const double df = static_cast<double>(postings_[term].size());
    return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
}

double Bm25Index::idf(std::string_view term) const {
    auto it = vocabulary_.find(std::string(term));
    if (it != vocabulary_.end()) return idf_of(it->second);
    return std::log(1.0 + (static_cast<double>(size()) + 0.5) / 0.5);
}

double Bm25Index::average_length() const {
    return size() == 0 ? 0.0 : static_cast<double>(total_length_) / static_cast<double>(size());
}

double Bm25Index::term_score(std::uint32_t term, std::uint32_t tf, std::size_t doc) const {
    const double avg = average_length();
    const double len_ratio = avg > 0 ? static_cast<double>(doc_length_[doc]) / avg : 1.0;
    const double f = static_cast<double>(tf);
    return idf_of(term) * f * (options_.k1 + 1) / (f + options_.k1 * (1 - options_.b + options_.b * len_ratio));
}

double Bm25Index::self_score(std::size_t doc) const {
    double s = 0;
    for (const auto& [term, tf] : documents_[doc]) s += term_score(term, tf, doc);
    return s;
}

std::vector<Bm25Hit> Bm25Index::search(const std::vector<std::string>& query, std::size_t limit) const {
    std::vector<std::uint32_t> qterms;
    for (const auto& t : query) {
        auto it = vocabulary_.find(t);
        if (it != vocabulary_.end()) qterms.push_back(it->second);
    }
    std::sort(qterms.begin(), qterms.end());
    qterms.erase(std::unique(qterms.begin(), qterms.end()), qterms.end());

    // doc -> (score, matched terms with contributions)
    std::unordered_map<std::uint32_t, std::pair<double, std::vector<std::pair<double, std::uint32_t>>>> acc;
    for (auto term : qterms)
        for (const auto& [doc, tf] : postings_[term]) {
            const double s = term_score(term, tf, doc);
            auto& a = acc[doc];
            a.first += s;
            a.second.emplace_back(s, term);
        }
    std::vector<Bm25Hit> hits;
    hits.reserve(acc.size());
    for (auto& [doc, a] : acc) {
        Bm25Hit h;
        h.doc = doc;
        h.score = a.first;
        const double self = self_score(doc);
        h.normalized = self > 0 ? std::min(1.0, a.first / self) : 0.0;
        std::sort(a.second.begin(), a.second.end(), [&](const auto& x, const auto& y) {
            return x.first != y.first ? x.first > y.first : term_text_[x.second] < term_text_[y.second];
        });
        for (const auto& [s, term] : a.second) h.terms.push_back(term_text_[term]);
        hits.push_back(std::move(h));
    }
    std::sort(hits.begin(), hits.end(), [](const Bm25Hit& x, const Bm25Hit& y) {
        return x.score != y.score ? x.score > y.score : x.doc < y.doc;
    });
    if (limit > 0 && hits.size() > limit) hits.resize(limit);
    return hits;
}

double Bm25Index::cosine(std::size_t a, std::size_t b) const {
    auto weight = [&](std::uint32_t term, std::uint32_t tf) { return (1.0 + std::log(static_cast<double>(tf))) * idf_of(term); };
    double na = 0, nb = 0, dot = 0;
    for (const auto& [t, tf] : documents_[a]) na += weight(t, tf) * weight(t, tf);
    for (const auto& [t, tf] : documents_[b]) nb += weight(t, tf) * weight(t, tf);
    // Both term lists are sorted by term id: a merge join.
    auto i = documents_[a].begin();
    auto j = documents_[b].begin();
    while (i != documents_[a].end() && j != documents_[b].end()) {
        if (i->first < j->first) ++i;
        else if (j->first < i->first) ++j;
        else {
            dot += weight(i->first, i->second) * weight(j->first, j->second);
            ++i;
            ++j;
        }
    }
    if (na <= 0 || nb <= 0) return 0.0;
    return std::min(1.0, dot / std::sqrt(na * nb));
}

std::vector<std::pair<std::string, std::uint32_t>> Bm25Index::document_terms(std::size_t doc) const {
    std::vector<std::pair<std::string, std::uint32_t>> out;
    for (const auto& [t, tf] : documents_[doc]) out.emplace_back(term_text_[t], tf);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace citegraph::analysis
