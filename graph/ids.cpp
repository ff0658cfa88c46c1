#include "graph/ids.hpp"

#include <algorithm>
#include <array>

namespace citegraph::graph {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }

int two_digits(std::string_view s, std::size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

// Archives that used old-style identifiers before April 2007.
constexpr std::array<std::string_view, 38> kOldArchives = {
    "acc-phys", "adap-org", "alg-geom", "ao-sci",   "astro-ph", "atom-ph",  "bayes-an", "chao-dyn",
    "chem-ph",  "cmp-lg",   "comp-gas", "cond-mat", "cs",       "dg-ga",    "funct-an", "gr-qc",
    "hep-ex",   "hep-lat",  "hep-ph",   "hep-th",   "math",     "math-ph",  "mtrl-th",  "nlin",
    "nucl-ex",  "nucl-th",  "patt-sol", "physics",  "plasm-ph", "q-alg",    "q-bio",    "quant-ph",
    "solv-int", "supr-con", "q-fin",    "stat",     "econ",     "eess"};

bool is_old_archive(std::string_view name) {
    return std::find(kOldArchives.begin(), kOldArchives.end(), name) != kOldArchives.end();
}

// Length of a `vN` suffix starting at `at`, or 0.
std::size_t version_length(std::string_view s, std::size_t at) {
    if (at >= s.size() || s[at] != 'v') return 0;
    std::size_t end = at + 1;
    while (end < s.size() && is_digit(s[end])) ++end;
    if (end == at + 1) return 0;
    if (end < s.size() && is_alpha(s[end])) return 0;
    return end - at;
}

// A new-style id at `at` (the first of four digits); returns its length without version, or 0.
std::size_t new_style_length(std::string_view s, std::size_t at) {
    if (at + 9 > s.size()) return 0;
    for (std::size_t k = 0; k < 4; ++k)
        if (!is_digit(s[at + k])) return 0;
    if (s[at + 4] != '.') return 0;
    std::size_t end = at + 5;
    while (end < s.size() && is_digit(s[end])) ++end;
    const std::size_t digits = end - (at + 5);
    if (digits != 4 && digits != 5) return 0;
    if (end < s.size() && (is_alpha(s[end]) && s[end] != 'v')) return 0;
    return end - at;
}

bool new_style_valid(std::string_view id) {
    const int yy = two_digits(id, 0);
    const int mm = two_digits(id, 2);
    if (mm < 1 || mm > 12) return false;
    const int yymm = yy * 100 + mm;
    const std::size_t digits = id.size() - 5;
    if (yymm < 704) return false;  // new-style numbering began in April 2007
    if (digits == 4) return yymm <= 1412;
    return yymm >= 1501;
}

}  // namespace

std::vector<IdMatch> find_arxiv_ids(std::string_view s) {
    std::vector<IdMatch> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        // New style: four digits not preceded by a digit, letter or dot.
        if (is_digit(c) && (i == 0 || (!is_alnum(s[i - 1]) && s[i - 1] != '.' && s[i - 1] != '/'))) {
            const std::size_t len = new_style_length(s, i);
            if (len > 0) {
                const std::size_t vlen = version_length(s, i + len);
                const std::size_t end = i + len + vlen;
                if (end >= s.size() || !(is_alnum(s[end]) || (s[end] == '.' && end + 1 < s.size() && is_digit(s[end + 1])))) {
                    IdMatch m;
                    m.offset = i;
                    m.length = end - i;
                    m.raw = std::string(s.substr(i, m.length));
                    const std::string id(s.substr(i, len));
                    if (new_style_valid(id)) m.id = ArxivId{id, std::string(s.substr(i + len, vlen))};
                    out.push_back(std::move(m));
                    i = end;
                    continue;
                }
            }
        }
        // Old style: archive[.XX]/YYMMNNN.
        if (c == '/' && i + 8 <= s.size()) {
            bool seven = true;
            for (std::size_t k = 1; k <= 7; ++k)
                if (!is_digit(s[i + k])) { seven = false; break; }
            if (seven && (i + 8 == s.size() || !is_digit(s[i + 8]))) {
                std::size_t start = i;
                while (start > 0 && (is_alpha(s[start - 1]) || s[start - 1] == '-' || s[start - 1] == '.')) --start;
                std::string_view archive = s.substr(start, i - start);
                std::string_view base = archive;
                if (const auto dot = archive.find('.'); dot != std::string_view::npos) base = archive.substr(0, dot);
                if (is_old_archive(base) && (start == 0 || !is_digit(s[start - 1]))) {
                    const std::size_t len = i + 8 - start;
                    const std::size_t vlen = version_length(s, i + 8);
                    IdMatch m;
                    m.offset = start;
                    m.length = len + vlen;
                    m.raw = std::string(s.substr(start, m.length));
                    const int mm = two_digits(s, i + 3);
                    // The subject class (".CO" in "math.CO/0101001") is not part of the identity.
                    if (mm >= 1 && mm <= 12)
                        m.id = ArxivId{std::string(base) + std::string(s.substr(i, 8)), std::string(s.substr(i + 8, vlen))};
                    out.push_back(std::move(m));
                    i += 8 + vlen;
                    continue;
                }
            }
        }
        ++i;
    }
    return out;
}

std::optional<ArxivId> parse_arxiv_id(std::string_view token) {
    auto trim = [](std::string_view t) {
        while (!t.empty() && (t.front() == ' ' || t.front() == '`' || t.front() == '\t')) t.remove_prefix(1);
        while (!t.empty() && (t.back() == ' ' || t.back() == '`' || t.back() == '\t')) t.remove_suffix(1);
        return t;
    };
    token = trim(token);
    if (token.size() > 6 && (token.substr(0, 6) == "arXiv:" || token.substr(0, 6) == "arxiv:")) token.remove_prefix(6);
    const auto matches = find_arxiv_ids(token);
    if (matches.size() != 1 || matches[0].offset != 0 || matches[0].length != token.size()) return std::nullopt;
    return matches[0].id;
}

}  // namespace citegraph::graph
