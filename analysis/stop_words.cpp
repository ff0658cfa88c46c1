// Stop words for index terms and cluster labels.
//
// Where the lists come from: they are general-purpose lists of closed-class function words,
// written for this project from the word classes of each language's grammar, not collected
// from the digests and not tuned to any input (the link evaluation measures other months
// with the same lists).
//   English: articles and determiners, personal/possessive/relative/demonstrative pronouns,
//     prepositions, coordinating and subordinating conjunctions, auxiliary and modal verbs
//     with their contractions, negation, and the commonest degree, frequency and discourse
//     adverbs ("very", "also", "then"), plus the Latin abbreviations of running text
//     ("e.g", "i.e", "etc", "et", "al", "vs"). No content words ("model", "paper", "show").
//   Vietnamese (hư từ, the grammatical function words): giới từ (prepositions: của, với,
//     trong, trên, từ ...), liên từ (conjunctions: và, hoặc, nhưng, nếu, vì ...), phó từ
//     (tense/aspect, degree and negation adverbs: đã, đang, sẽ, rất, không, chưa ...),
//     trợ từ and tình thái từ (particles), đại từ (pronouns), lượng từ and plural markers
//     (các, những, mọi, mỗi ...), the copula "là" and the nominalizers "việc", "sự".
//     Vietnamese is written one syllable per word, so only syllables that are function words
//     on their own are listed; multi-syllable function phrases whose syllables also build
//     content words ("tuy nhiên": "nhiên" is in "tự nhiên", natural) are stop bigrams.
// Entries are in normalized form (NFKC, case-folded), as the tokenizer produces.
#include "analysis/tokenize.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

namespace citegraph::analysis {
namespace {

constexpr std::string_view kEnglish[] = {
    "a", "about", "above", "after", "again", "against", "al", "all", "almost", "along", "already", "also",
    "although", "always", "am", "among", "an", "and", "another", "any", "are", "aren't", "around", "as", "at",
    "be", "because", "been", "before", "being", "below", "besides", "between", "both", "but", "by", "can",
    "can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down",
    "during", "e.g", "each", "either", "else", "et", "etc", "even", "ever", "every", "few", "for", "from",
    "further", "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "hence", "her", "here",
    "hers", "herself", "him", "himself", "his", "how", "however", "i", "i.e", "if", "in", "into", "is",
    "isn't", "it", "it's", "its", "itself", "just", "less", "let", "many", "may", "me", "might", "more",
    "most", "much", "must", "my", "myself", "neither", "no", "nor", "not", "now", "of", "off", "often", "on",
    "once", "only", "onto", "or", "other", "others", "otherwise", "ought", "our", "ours", "ourselves", "out",
    "over", "own", "per", "quite", "rather", "same", "shall", "she", "should", "shouldn't", "since", "so",
    "some", "such", "than", "that", "that's", "the", "their", "theirs", "them", "themselves", "then",
    "there", "there's", "thereby", "therefore", "these", "they", "this", "those", "though", "through",
    "thus", "to", "too", "toward", "towards", "under", "unless", "until", "up", "upon", "us", "very", "via",
    "vs", "was", "wasn't", "we", "were", "weren't", "what", "whatever", "when", "whenever", "where",
    "whereas", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
    "without", "won't", "would", "wouldn't", "yet", "you", "your", "yours", "yourself", "yourselves",
};

constexpr std::string_view kVietnamese[] = {
    // liên từ (conjunctions)
    "và", "hoặc", "hay", "nhưng", "mà", "thì", "nếu", "vì", "nên", "tuy", "dù", "song", "rằng", "hễ", "khi",
    "lúc",
    // giới từ (prepositions)
    "của", "với", "cho", "trong", "trên", "dưới", "ngoài", "về", "từ", "đến", "tới", "tại", "ở", "bởi",
    "do", "bằng", "theo", "qua", "giữa", "sau", "trước", "như", "cùng", "để", "nhằm", "vào", "ra",
    // phó từ: tense/aspect, degree, negation, frequency
    "đã", "đang", "sẽ", "vừa", "mới", "từng", "sắp", "vẫn", "cũng", "còn", "lại", "rất", "quá", "hơn",
    "nhất", "khá", "hơi", "chỉ", "đều", "luôn", "thường", "không", "chưa", "chẳng", "chả", "đừng", "hãy",
    "được", "bị", "có", "cần", "phải", "nữa", "rồi", "ngay",
    // trợ từ, tình thái từ (particles)
    "à", "ạ", "ư", "nhé", "nhỉ", "chứ", "kìa", "thôi", "đấy", "vậy", "thế",
    // đại từ (pronouns, demonstratives, interrogatives)
    "tôi", "ta", "chúng", "họ", "nó", "mình", "này", "đó", "kia", "ấy", "nọ", "đây", "nào", "gì", "ai",
    "sao", "đâu", "bao",
    // lượng từ, plural markers, copula, nominalizers
    "các", "những", "một", "mỗi", "mọi", "cả", "tất", "mấy", "vài", "là", "việc", "sự", "cái",
};

// Vietnamese function words of two syllables whose syllables are not all stop words.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kVietnameseBigrams{{
    {"tuy", "nhiên"}, {"bởi", "vì"}, {"mặc", "dù"}, {"ví", "dụ"}, {"chẳng", "hạn"}, {"thay", "vì"},
    {"trong", "khi"}, {"đối", "với"}, {"vì", "vậy"}, {"do", "đó"}, {"ngoài", "ra"}, {"bên", "cạnh"},
    {"thông", "qua"}, {"dựa", "trên"},
}};

// Built once: the lookup runs for every word of every abstract of a citation graph.
const std::unordered_set<std::string_view>& stop_set() {
    static const std::unordered_set<std::string_view> set = [] {
        std::unordered_set<std::string_view> s(std::begin(kEnglish), std::end(kEnglish));
        s.insert(std::begin(kVietnamese), std::end(kVietnamese));
        return s;
    }();
    return set;
}

}  // namespace

bool is_stop_word(std::string_view w) { return stop_set().count(w) != 0; }

bool is_stop_bigram(std::string_view first, std::string_view second) {
    return std::any_of(kVietnameseBigrams.begin(), kVietnameseBigrams.end(),
                       [&](const auto& b) { return b.first == first && b.second == second; });
}

}  // namespace citegraph::analysis
