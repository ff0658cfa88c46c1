// The text pipeline on hostile and mixed-script input, the BM25 index against numbers worked
// out by hand, and cluster labels on a tiny hand-made corpus.
#include "analysis/cluster_labels.hpp"
#include "analysis/text_index.hpp"
#include "analysis/tokenize.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace citegraph::analysis {
namespace {

std::vector<std::string> word_texts(std::string_view raw) {
    std::vector<std::string> out;
    for (const auto& w : split_words(normalize_text(raw))) out.push_back(w.text);
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

TEST(Tokenize, KeepsTechnicalTermsWhole) {
    EXPECT_EQ(word_texts("LoRA, KV-cache, 4-bit, 3DGS, GPT-4V and Mixture-of-Experts (GPT-3.5)."),
              (std::vector<std::string>{"lora", "kv-cache", "4-bit", "3dgs", "gpt-4v", "and", "mixture-of-experts", "gpt-3.5"}));
    // A dash with spaces, a slash and a final dot separate words.
    EXPECT_EQ(word_texts("RLHF/DPO - done. e.g. x"), (std::vector<std::string>{"rlhf", "dpo", "done", "e.g", "x"}));
}

TEST(Tokenize, NormalizesWithIcuNfkcCaseFold) {
    EXPECT_EQ(normalize_text("\xEF\xBC\xAC\xEF\xBD\x8F\xEF\xBC\xB2\xEF\xBC\xA1"), "lora");  // full-width ＬｏＲＡ
    EXPECT_EQ(normalize_text("\xEF\xAC\x81ne"), "fine");                                     // ﬁ ligature
    EXPECT_EQ(normalize_text("Ti\xE1\xBA\xBFNG"), normalize_text("tie\xCC\x82\xCC\x81ng"));  // precomposed ế vs e + U+0302 + U+0301
    EXPECT_EQ(normalize_text("STRASSE Stra\xC3\x9F" "e"), "strasse strasse");                  // ß case-folds to ss
}

TEST(Tokenize, VietnameseBigramsAndStopWords) {
    const auto terms = index_terms("Các mô hình của dữ liệu lớn và hiệu quả");
    EXPECT_TRUE(has(terms, "mô hình"));
    EXPECT_TRUE(has(terms, "dữ liệu"));
    EXPECT_TRUE(has(terms, "liệu lớn"));
    for (const char* stop : {"các", "của", "và"}) EXPECT_FALSE(has(terms, stop)) << stop;
    EXPECT_FALSE(has(terms, "hình dữ"));  // "của" stands between them
    // "tuy nhiên" (however) is a stop bigram; "tự nhiên" (natural) is not.
    const auto t2 = index_terms("tuy nhiên ngôn ngữ tự nhiên");
    EXPECT_FALSE(has(t2, "tuy nhiên"));
    EXPECT_TRUE(has(t2, "tự nhiên"));
}

TEST(Tokenize, CompoundPartsAndNumbers) {
    const auto terms = index_terms("KV-cache for 4-bit models: 2404.19756, 2024, 3.5 and GPT-3.5");
    EXPECT_TRUE(has(terms, "kv-cache"));
    EXPECT_TRUE(has(terms, "kv"));
    EXPECT_TRUE(has(terms, "cache"));
    EXPECT_TRUE(has(terms, "kv cache"));
    EXPECT_TRUE(has(terms, "4-bit"));
    EXPECT_TRUE(has(terms, "bit"));
    EXPECT_TRUE(has(terms, "gpt-3.5"));
    for (const char* n : {"2404.19756", "2024", "3.5", "4", "for", "and"}) EXPECT_FALSE(has(terms, n)) << n;
    EXPECT_TRUE(is_pure_number("2404.19756"));
    EXPECT_TRUE(is_pure_number("1,000"));
    EXPECT_FALSE(is_pure_number("3dgs"));
    EXPECT_FALSE(is_pure_number("-"));
}

TEST(Tokenize, BigramsDoNotCrossPunctuation) {
    const auto terms = index_terms("black hole. entropy bound");
    EXPECT_TRUE(has(terms, "black hole"));
    EXPECT_TRUE(has(terms, "entropy bound"));
    EXPECT_FALSE(has(terms, "hole entropy"));
}

TEST(Tokenize, HostileBytesNeverCrash) {
    // Ill-formed UTF-8 (a lone continuation byte, a truncated sequence, an overlong NUL,
    // a surrogate) becomes U+FFFD, which separates words.
    const std::string bad = std::string("abc\x80" "def \xC3 ghi \xC0\x80 jkl \xED\xA0\x80 mno") + std::string(1, '\0') + "pqr";
    const auto words = word_texts(bad);
    EXPECT_TRUE(has(words, "abc"));
    EXPECT_TRUE(has(words, "def"));
    EXPECT_TRUE(has(words, "mno"));
    EXPECT_TRUE(has(words, "pqr"));
    for (const auto& w : words) EXPECT_EQ(w.find('\x80'), std::string::npos);
    // Only separators, connectors and marks of no word.
    EXPECT_TRUE(index_terms("--- ... ''' /// ✨✨ \t\n").empty());
    EXPECT_TRUE(index_terms("").empty());
    // A long run of one letter is one word, not a crash.
    EXPECT_EQ(index_terms(std::string(100000, 'a')).size(), 1u);
}

TEST(Tokenize, MixedScripts) {
    const auto words = word_texts("Привет мир, 你好世界 and مرحبا KAN-ы 2404.19756");
    EXPECT_TRUE(has(words, "привет"));
    EXPECT_TRUE(has(words, "мир"));
    EXPECT_TRUE(has(words, "你好世界"));  // no spaces in Han script: one run
    EXPECT_TRUE(has(words, "مرحبا"));
    EXPECT_TRUE(has(words, "kan-ы"));
    EXPECT_TRUE(has(words, "2404.19756"));
}

TEST(Tokenize, Deterministic) {
    const std::string text = "Mô hình Mixture-of-Experts (MoE) với KV-cache 4-bit; dữ liệu lớn.";
    EXPECT_EQ(index_terms(text), index_terms(text));
}

// d0 = [a, b], d1 = [a], d2 = [c]; N = 3, avgdl = 4/3, k1 = 1.2, b = 0.75.
// idf(a) = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln 1.6 = 0.470004 (by hand; Python math.log)
// score(a, d0) = 0.470004 * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 2 / (4/3))) = 0.390192
// score(a, d1) = 0.470004 * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 1 / (4/3))) = 0.523548
// self(d0) = score(a, d0) + idf(b) * 2.2 / 2.65 with idf(b) = ln(1 + 2.5 / 1.5): 1.204465
TEST(Bm25, HandComputedScores) {
    Bm25Index index;
    index.add_document({"a", "b"});
    index.add_document({"a"});
    index.add_document({"c"});
    EXPECT_NEAR(index.idf("a"), 0.470004, 1e-6);
    const auto hits = index.search({"a", "a"});  // a repeated query term counts once
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].doc, 1u);
    EXPECT_NEAR(hits[0].score, 0.523548, 1e-6);
    EXPECT_EQ(hits[1].doc, 0u);
    EXPECT_NEAR(hits[1].score, 0.390192, 1e-6);
    EXPECT_NEAR(index.self_score(0), 1.204465, 1e-6);
    EXPECT_NEAR(hits[1].normalized, 0.390192 / 1.204465, 1e-6);
    EXPECT_EQ(hits[1].terms, std::vector<std::string>{"a"});
    EXPECT_TRUE(index.search({"zzz"}).empty());
    EXPECT_NEAR(index.cosine(1, 1), 1.0, 1e-12);
    EXPECT_EQ(index.cosine(1, 2), 0.0);
    EXPECT_THROW(Bm25Index(Bm25Options{0.0, 0.75}), std::invalid_argument);
    EXPECT_THROW(Bm25Index(Bm25Options{1.2, 1.5}), std::invalid_argument);
}

// Two clusters of three items each and one item outside: cluster 0 is about black holes,
// cluster 1 about strings; "theory" is everywhere and must not label anything; "rare" is in
// one member only and must not label anything (a term must be in two members).
TEST(ClusterLabels, DistinctiveTermsOfTwoOrMoreMembers) {
    const std::vector<std::string> texts = {
        "black hole entropy theory", "black hole horizon theory rare", "black hole entropy theory",
        "string duality theory", "string duality compactification theory", "string compactification theory",
        "theory of everything",
    };
    std::vector<std::vector<std::string>> terms;
    for (const auto& t : texts) terms.push_back(index_terms(t));
    const std::vector<std::uint32_t> membership = {0, 0, 0, 1, 1, 1, kNoCluster};
    const auto labels = cluster_labels(terms, membership, {3, 2, 10.0});
    ASSERT_EQ(labels.size(), 2u);
    const auto l0 = format_label(labels[0]);
    const auto l1 = format_label(labels[1]);
    EXPECT_NE(l0.find("black hole"), std::string::npos) << l0;
    EXPECT_NE(l0.find("entropy"), std::string::npos) << l0;
    EXPECT_NE(l1.find("string"), std::string::npos) << l1;
    for (const auto& label : labels)
        for (const auto& t : label) {
            EXPECT_NE(t.term, "theory");  // in every item: not distinctive
            EXPECT_EQ(t.term.find("rare"), std::string::npos);  // in one member only
            EXPECT_GE(t.members, 2u);
        }
    // "black hole" replaced "black"; "hole" is not listed beside it.
    for (const auto& t : labels[0]) EXPECT_TRUE(t.term != "black" && t.term != "hole") << t.term;
    EXPECT_EQ(cluster_labels(terms, membership, {3, 2, 10.0})[0][0].term, labels[0][0].term);  // deterministic
    EXPECT_THROW(cluster_labels(terms, std::vector<std::uint32_t>{0}), std::invalid_argument);
}

}  // namespace
}  // namespace citegraph::analysis
