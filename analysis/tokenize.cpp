#include "analysis/tokenize.hpp"

#include "graph/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace citegraph::analysis {
namespace {

const icu::Normalizer2& nfkc_casefold() {
    // ICU returns a process-lifetime singleton; the lookup itself is thread-safe.
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || n == nullptr) throw std::runtime_error(std::string("ICU nfkc_cf normalizer unavailable: ") + u_errorName(status));
    return *n;
}

bool is_mark(char32_t c) { return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0; }

bool is_alnum(char32_t c) { return graph::text::is_word_char(c) || is_mark(c); }

// Characters that stay inside a word when flanked by letters or digits. U+2010 and U+2011
// (hyphen, non-breaking hyphen) are written as '-'; U+2019 as an apostrophe.
bool is_connector(char32_t c) { return c == '-' || c == '.' || c == '_' || c == '\'' || c == 0x2010 || c == 0x2011 || c == 0x2019; }

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

std::string normalize_text(std::string_view text) {
    // fromUTF8 turns every ill-formed sequence into U+FFFD, so hostile bytes cannot reach
    // the normalizer.
    const icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString out = nfkc_casefold().normalize(in, status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalization failed: ") + u_errorName(status));
    std::string utf8;
    out.toUTF8String(utf8);
    return utf8;
}

std::vector<Word> split_words(std::string_view s) {
    std::vector<Word> words;
    std::size_t phrase = 0;
    std::string current;
    bool phrase_has_words = false;
    auto end_word = [&] {
        if (current.empty()) return;
        words.push_back({std::move(current), phrase});
        current.clear();
        phrase_has_words = true;
    };
    auto end_phrase = [&] {
        end_word();
        if (phrase_has_words) ++phrase;
        phrase_has_words = false;
    };
    std::size_t i = 0;
    while (i < s.size()) {
        const char32_t c = graph::text::decode(s, i);
        if (is_alnum(c)) {
            append_utf8(current, c);
            continue;
        }
        if (is_connector(c) && !current.empty() && i < s.size()) {
            std::size_t j = i;
            const char32_t next = graph::text::decode(s, j);
            if (is_alnum(next)) {
                const bool hyphen = c == '-' || c == 0x2010 || c == 0x2011;
                const bool apostrophe = c == '\'' || c == 0x2019;
                current += hyphen ? '-' : apostrophe ? '\'' : static_cast<char>(c);
                continue;
            }
        }
        if (c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000) end_word();
        else end_phrase();
    }
    end_word();
    return words;
}

bool is_pure_number(std::string_view w) {
    bool digit = false;
    std::size_t i = 0;
    while (i < w.size()) {
        const char32_t c = graph::text::decode(w, i);
        if (graph::text::is_digit(c)) digit = true;
        else if (c != '.' && c != '-' && c != '_' && c != ',') return false;
    }
    return digit;
}

bool is_content_word(std::string_view w) {
    return code_points(w) >= 2 && !is_pure_number(w) && !is_stop_word(w);
}

std::vector<std::string> index_terms_normalized(std::string_view normalized, const TermOptions& options) {
    const auto words = split_words(normalized);
    std::vector<std::string> terms;
    terms.reserve(words.size() * 2);
    for (std::size_t k = 0; k < words.size(); ++k) {
        const std::string& w = words[k].text;
        const bool content = is_content_word(w);
        if (content) terms.push_back(w);
        if (options.compound_parts && w.find('-') != std::string::npos) {
            // The parts let "KV-cache" match "KV cache", and "Mixture-of-Experts" match
            // "experts"; a pure-number part ("4" of "4-bit") is no term.
            std::vector<std::string> parts;
            std::size_t start = 0;
            while (start <= w.size()) {
                const std::size_t dash = w.find('-', start);
                const std::size_t end = dash == std::string::npos ? w.size() : dash;
                parts.push_back(w.substr(start, end - start));
                if (dash == std::string::npos) break;
                start = dash + 1;
            }
            for (std::size_t p = 0; p < parts.size(); ++p) {
                if (!is_content_word(parts[p])) continue;
                terms.push_back(parts[p]);
                if (options.bigrams && p + 1 < parts.size() && is_content_word(parts[p + 1]) && !is_stop_bigram(parts[p], parts[p + 1]))
                    terms.push_back(parts[p] + " " + parts[p + 1]);
            }
        }
        if (options.bigrams && content && k + 1 < words.size() && words[k + 1].phrase == words[k].phrase) {
            const std::string& next = words[k + 1].text;
            if (is_content_word(next) && !is_stop_bigram(w, next)) terms.push_back(w + " " + next);
        }
    }
    return terms;
}

std::vector<std::string> index_terms(std::string_view text, const TermOptions& options) {
    return index_terms_normalized(normalize_text(text), options);
}

}  // namespace citegraph::analysis
