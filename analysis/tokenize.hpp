#pragma once
// The text pipeline for the digests' mixed Vietnamese and English prose and for citation
// metadata (titles, abstracts): normalization, words, stop words and index terms.
//
//   normalize_text  any bytes -> valid UTF-8, Unicode NFKC, case-folded (ICU's nfkc_cf)
//   split_words     normalized text -> words, each tagged with its phrase (punctuation ends a
//                   phrase; spaces do not), technical terms kept whole
//   index_terms     words -> the terms an index stores: content unigrams, the parts of
//                   hyphenated compounds, and word bigrams inside a phrase
//
// A word is a maximal run of letters, digits and combining marks, in which a '-', '.', '_'
// or an apostrophe stays when it has a letter or digit on both sides: "KV-cache" ->
// "kv-cache", "GPT-4V" -> "gpt-4v", "4-bit", "3DGS" -> "3dgs", "Mixture-of-Experts" ->
// "mixture-of-experts", "GPT-3.5", "e.g." -> "e.g". Everything else ('/', brackets, dashes
// with spaces around them, a final '.') separates words.
//
// Vietnamese is written one syllable per space-separated word, so a Vietnamese word such as
// "mô hình" (model) or "dữ liệu" (data) appears as a bigram term; English multi-word terms
// ("black hole", "kv cache") come out the same way.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace citegraph::analysis {

// Replaces ill-formed UTF-8 with U+FFFD, then applies NFKC with case folding
// (icu::Normalizer2::getNFKCCasefoldInstance): full-width letters, ligatures and
// compatibility forms fold to their plain forms, "LoRA" and "LORA" both become "lora",
// decomposed Vietnamese ("e" + U+0302 + U+0301) composes to "ế". Never throws on content;
// throws std::runtime_error only if ICU itself fails to load its data. O(n).
std::string normalize_text(std::string_view text);

struct Word {
    std::string text;     // normalized
    std::size_t phrase = 0;  // words of one phrase share this number; bigrams never cross phrases
};

// Words of already normalized text (see the top of this file). O(n).
std::vector<Word> split_words(std::string_view normalized);

// Stop words: general-purpose English and Vietnamese function words (see stop_words.cpp for
// the criteria). Takes a normalized word. Multi-syllable Vietnamese function phrases
// ("tuy nhiên", "bởi vì") are stop bigrams.
bool is_stop_word(std::string_view normalized_word);
bool is_stop_bigram(std::string_view first, std::string_view second);

// True for a word made only of digits and the connectors . - _ (numbers, dates, arXiv ids).
bool is_pure_number(std::string_view word);

// True when the word may be an index term: not a stop word, not a pure number, at least two
// code points.
bool is_content_word(std::string_view normalized_word);

struct TermOptions {
    bool bigrams = true;         // adjacent content words of one phrase, "w1 w2"
    bool compound_parts = true;  // "kv-cache" also gives "kv", "cache" and "kv cache"
};

// Index terms of raw text (normalized here), in text order, repeats kept (term frequency).
std::vector<std::string> index_terms(std::string_view text, const TermOptions& options = {});

// The same for text that normalize_text already produced.
std::vector<std::string> index_terms_normalized(std::string_view normalized, const TermOptions& options = {});

}  // namespace citegraph::analysis
