#include "graph/parse/names.hpp"

#include "graph/ids.hpp"
#include "graph/text.hpp"

#include <algorithm>
#include <array>

namespace citegraph::graph::names {
namespace {

using text::starts_with;
using text::trim;

struct Token {
    std::string_view word;  // without surrounding punctuation
    std::string_view raw;
    bool ends_clause = false;  // punctuation after the word (",", ":", ";", ")", ...)
    bool opens_paren = false;  // the raw token starts with "("
};

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ') ++j;
        if (j == i) break;
        Token t;
        t.raw = s.substr(i, j - i);
        std::string_view w = t.raw;
        t.opens_paren = !w.empty() && w.front() == '(';
        while (!w.empty() && (w.front() == '(' || w.front() == '"' || w.front() == '\'')) w.remove_prefix(1);
        while (!w.empty() && std::string_view(",.;:!?)\"'").find(w.back()) != std::string_view::npos) {
            t.ends_clause = true;
            w.remove_suffix(1);
        }
        t.word = w;
        tokens.push_back(t);
        i = j;
    }
    return tokens;
}

struct Shape {
    bool capitalised = false;  // first letter upper case, or starts with a digit
    bool strong = false;       // an inner capital, a digit or a joiner: "BitNet", "FP8", "MM-VID"
    bool lower = false;        // starts with a lower-case letter
};

Shape shape_of(std::string_view w) {
    Shape sh;
    if (w.empty()) return sh;
    std::size_t i = 0;
    const char32_t first = text::decode(w, i);
    if (text::is_upper(first)) sh.capitalised = true;
    else if (text::is_digit(first)) sh.capitalised = true, sh.strong = true;
    else if (text::is_lower(first)) {
        sh.lower = true;
    }
    bool any_letter = text::is_letter(first);
    while (i < w.size()) {
        const char32_t c = text::decode(w, i);
        if (text::is_upper(c) || text::is_digit(c)) sh.strong = true;
        if (c == '-' || c == '*' || c == '/' || c == '+' || c == 0x3B1 /* α */) sh.strong = sh.strong || sh.capitalised;
        any_letter = any_letter || text::is_letter(c);
    }
    if (!any_letter && !text::is_digit(first)) sh.capitalised = false;
    // "iVideoGPT", "mmMamba", "s1K": lower-case first letter but inner capitals.
    if (sh.lower && sh.strong) sh.capitalised = true, sh.lower = false;
    if (sh.lower) sh.strong = false;
    return sh;
}

// Verbs (and the copula) that follow a paper's name at the start of a description. Vietnamese
// verbs are mostly two syllables, so they are matched as whole words or word pairs.
constexpr std::array<std::string_view, 44> kPredicates = {
    "giới thiệu", "đề xuất", "là", "sử dụng", "dùng", "tích hợp", "kết hợp", "triển khai", "phát triển",
    "mở rộng", "cho phép", "cải thiện", "áp dụng", "học", "tạo", "xây dựng", "trộn", "tiếp tục", "dự đoán",
    "chuyển đổi", "hiện đại hóa", "cung cấp", "tăng cường", "giải quyết", "đạt", "chứng minh", "thực hiện",
    "is", "introduces", "proposes", "presents", "uses", "combines", "extends", "trains", "adds", "learns", "shows",
    "replaces", "achieves", "builds", "makes", "predicts", "applies"};

bool is_predicate(std::string_view w) {
    return std::find(kPredicates.begin(), kPredicates.end(), w) != kPredicates.end();
}

bool is_ascii(std::string_view w) {
    return std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Leading verbs after which the next capitalised run is the name: "Đề xuất Jamba, ...".
constexpr std::array<std::string_view, 10> kIntroducers = {
    "Đề xuất", "Giới thiệu", "Khung", "Proposes", "Introduces",
    "Presents", "Propose", "Introduce", "We propose", "We introduce"};

// Lower-case words allowed inside a multi-word alias: "Panel of Experts".
bool is_connector(std::string_view w) {
    return w == "of" || w == "for" || w == "and" || w == "in" || w == "on" || w == "to" || w == "with" || w == "the" ||
           w == "a" || w == "via" || w == "&";
}

std::string join(const std::vector<Token>& tokens, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t k = from; k < to; ++k) {
        if (!out.empty()) out += ' ';
        out += tokens[k].word;
    }
    return out;
}

bool plausible(const std::string& name) {
    if (name.size() < 2 || name.size() > 60) return false;
    if (!find_arxiv_ids(name).empty()) return false;
    bool letter = false;
    std::size_t i = 0;
    while (i < name.size() && !letter) letter = text::is_letter(text::decode(name, i));
    return letter;
}

// An alias in parentheses: "(MoD)", "(Mixture-of-Depths)", "(Self-Play Preference Optimization)".
std::string alias_in(std::string_view inside) {
    inside = trim(inside);
    if (inside.empty() || inside.size() > 60) return {};
    auto tokens = tokenize(inside);
    if (tokens.empty() || tokens.size() > 6) return {};
    bool any_strong = false;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const Shape sh = shape_of(tokens[k].word);
        if (sh.lower && !(k > 0 && is_connector(tokens[k].word))) return {};
        if (!sh.capitalised && !is_connector(tokens[k].word)) return {};
        if (tokens[k].ends_clause && k + 1 < tokens.size()) return {};  // "(A, B)" is a list, not an alias
        any_strong = any_strong || sh.strong;
    }
    if (!any_strong && tokens.size() == 1) return {};
    // Accented Latin letters mark Vietnamese prose ("(Anh-Hàn)" = English-Korean), not an acronym.
    std::size_t i = 0;
    while (i < inside.size()) {
        const char32_t c = text::decode(inside, i);
        if ((c >= 0xC0 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF)) return {};
    }
    return std::string(inside);
}

}  // namespace

std::vector<std::string> extract_names(std::string_view plain, EntryKind kind) {
    std::vector<std::string> names;
    std::string_view s = trim(plain);
    if (s.empty()) return names;

    if (kind == EntryKind::ReadingLabel || kind == EntryKind::SotaBreakthrough || kind == EntryKind::ContributionTitle) {
        // "AlphaGeometry2: Carl Sagan Update", "KAN: Hàm ...": the part before a colon is the name
        // when it is short.
        const auto colon = s.find(": ");
        if (colon != std::string_view::npos && colon <= 40) {
            std::string_view before = trim(s.substr(0, colon));
            if (tokenize(before).size() <= 5) s = before;
            else if (kind == EntryKind::SotaBreakthrough) return names;
        } else if (kind == EntryKind::SotaBreakthrough) {
            return names;
        }
        if (kind == EntryKind::ReadingLabel) {
            // A full title ("Overthinking in Large Reasoning Model Agents") is not a short name.
            auto tokens = tokenize(s);
            std::size_t outside = 0;
            int depth = 0;
            for (const auto& t : tokens) {
                if (t.opens_paren) ++depth;
                if (depth == 0) ++outside;
                if (!t.raw.empty() && t.raw.back() == ')') depth = std::max(0, depth - 1);
            }
            if (outside >= 5) return names;
        }
    }

    bool introduced = false;
    for (std::string_view intro : kIntroducers) {
        if (starts_with(s, intro) && s.size() > intro.size() && s[intro.size()] == ' ') {
            s = trim(s.substr(intro.size()));
            introduced = true;
            break;
        }
    }
    // Leading articles are not part of a name.
    for (std::string_view article : {"The ", "A ", "An "})
        if (starts_with(s, article)) s = trim(s.substr(article.size()));

    auto tokens = tokenize(s);
    std::size_t k = 0;
    bool any_strong = false;
    while (k < tokens.size()) {
        const Token& t = tokens[k];
        if (t.opens_paren) break;
        if (t.word == "&" || t.word.empty()) break;
        const Shape sh = shape_of(t.word);
        if (!sh.capitalised) break;
        any_strong = any_strong || sh.strong;
        ++k;
        if (t.ends_clause) break;
    }
    if (k == 0) return names;
    // Drop a trailing dash word ("Safe RLHF –").
    std::string run = join(tokens, 0, k);
    bool accept = any_strong || k >= 2 || introduced || kind != EntryKind::TreeDescription;
    if (!accept) {
        // One plain capitalised word: a name only if punctuation or a predicate follows.
        const bool punct_after = tokens[0].ends_clause || (k < tokens.size() && tokens[k].opens_paren) || k == tokens.size();
        bool verb_after = k < tokens.size() && is_predicate(tokens[k].word);
        if (k + 1 < tokens.size()) verb_after = verb_after || is_predicate(std::string(tokens[k].word) + " " + std::string(tokens[k + 1].word));
        // A lone capitalised Vietnamese syllable ("Phát triển ...") opens a sentence, not a name.
        accept = (punct_after || verb_after) && is_ascii(tokens[0].word);
    }
    if (kind == EntryKind::ContributionTitle && !any_strong && k == 1) {
        // "Regularization ...", "Quy trình ...": a title that starts with an ordinary word.
        const bool punct_after = tokens[0].ends_clause || (k < tokens.size() && tokens[k].opens_paren) || k == tokens.size();
        accept = punct_after;
    }
    if (accept && plausible(run)) names.push_back(run);
    // An alias right after the run: "MoD (Mixture-of-Depths)", "Set-of-Mark (SoM) Prompting".
    if (accept && k < tokens.size() && tokens[k].opens_paren) {
        const auto open = s.find('(', static_cast<std::size_t>(tokens[k].raw.data() - s.data()));
        const auto close = s.find(')', open);
        if (open != std::string_view::npos && close != std::string_view::npos) {
            std::string alias = alias_in(s.substr(open + 1, close - open - 1));
            if (!alias.empty() && plausible(alias) && alias != run) names.push_back(alias);
        }
    }
    return names;
}

std::vector<NameMatch> find_name(std::string_view hay, std::string_view name) {
    std::vector<NameMatch> out;
    if (name.empty()) return out;
    auto word_before = [&](std::size_t pos) {
        if (pos == 0) return false;
        std::size_t start = pos - 1;
        while (start > 0 && (static_cast<unsigned char>(hay[start]) & 0xC0) == 0x80) --start;
        std::size_t i = start;
        const char32_t c = text::decode(hay, i);
        return text::is_word_char(c) || c == '-' || c == '_';
    };
    auto word_at = [&](std::size_t pos) {
        if (pos >= hay.size()) return false;
        std::size_t i = pos;
        const char32_t c = text::decode(hay, i);
        if (c == '-' && i < hay.size()) {
            std::size_t j = i;
            return text::is_word_char(text::decode(hay, j));
        }
        return text::is_word_char(c) || c == '_';
    };
    std::size_t i = 0;
    while ((i = hay.find(name, i)) != std::string_view::npos) {
        std::size_t end = i + name.size();
        if (!word_before(i)) {
            const char last = name.back();
            if (!word_at(end)) {
                out.push_back({i, name.size()});
            } else if (last >= 'A' && last <= 'Z' && end < hay.size() && hay[end] == 's' && !word_at(end + 1)) {
                out.push_back({i, name.size() + 1});
            }
        }
        i = end;
    }
    return out;
}

std::vector<std::string> listed_names(std::string_view hay) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while ((i = hay.find('(', i)) != std::string_view::npos) {
        const auto close = hay.find(')', i);
        if (close == std::string_view::npos) break;
        std::string_view inside = hay.substr(i + 1, close - i - 1);
        i = close;
        if (inside.find(',') == std::string_view::npos) continue;  // a list has commas
        std::size_t start = 0;
        while (start <= inside.size()) {
            auto comma = inside.find(',', start);
            if (comma == std::string_view::npos) comma = inside.size();
            std::string_view item = trim(inside.substr(start, comma - start));
            start = comma + 1;
            for (std::string_view lead : {"và ", "and "})
                if (starts_with(item, lead)) item = trim(item.substr(lead.size()));
            if (item.empty() || !find_arxiv_ids(item).empty()) continue;
            auto tokens = tokenize(item);
            if (tokens.empty() || tokens.size() > 3) continue;
            bool ok = true, strong = false;
            for (const auto& t : tokens) {
                const Shape sh = shape_of(t.word);
                if (!sh.capitalised) { ok = false; break; }
                strong = strong || sh.strong;
            }
            // Two characters ("3D", "AI") are too short to be told from ordinary words.
            if (ok && (strong || tokens.size() > 1) && item.size() > 2 && plausible(std::string(item))) out.emplace_back(item);
        }
    }
    return out;
}

}  // namespace citegraph::graph::names
