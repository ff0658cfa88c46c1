#include "graph/parse/digest.hpp"

#include "graph/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <regex>

namespace citegraph::graph {
namespace {

using text::starts_with;
using text::strip_markup;
using text::trim;

constexpr std::array<std::pair<Section, std::string_view>, kSectionCount> kSectionNames = {{
    {Section::TopicTree, "TOPIC_TREE"},
    {Section::SotaHighlights, "SOTA_HIGHLIGHTS"},
    {Section::Contributions, "NOVEL_TECH_CONTRIBUTIONS"},
    {Section::Gaps, "GAPS_AND_OPPORTUNITIES"},
    {Section::Ideas, "FUTURE_IDEAS"},
    {Section::ReadingList, "READING_LIST"},
    {Section::Reflection, "META_REFLECTION"},
}};

bool is_roman(std::string_view s) {
    return !s.empty() && s.find_first_not_of("IVXLC") == std::string_view::npos;
}

// Removes a list or heading number: "1.", "1)", "IV.", "(2)".
std::string_view strip_number(std::string_view s) {
    std::size_t i = 0;
    if (i < s.size() && s[i] == '(') ++i;
    std::size_t j = i;
    while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || std::string_view("IVXLC").find(s[j]) != std::string_view::npos)) ++j;
    if (j == i || j >= s.size()) return s;
    const std::string_view number = s.substr(i, j - i);
    if (!is_roman(number) && number.find_first_not_of("0123456789") != std::string_view::npos) return s;
    if (s[j] != '.' && s[j] != ')' && s[j] != ':') return s;
    return trim(s.substr(j + 1));
}

// The section a heading line opens, if it is one. The keyword must be written in capitals
// (TOPIC_TREE or TOPIC TREE); anything after it must not continue the word, so suffixes such
// as "(Top-10)" or ": ..." are allowed.
std::optional<Section> match_heading(std::string_view line) {
    std::string_view s = trim(line);
    if (s.size() > 160) return std::nullopt;
    while (!s.empty() && s.front() == '#') s.remove_prefix(1);
    s = trim(s);
    std::string plain = strip_markup(s);
    std::string_view p = strip_number(plain);
    // Optional "Section 3:" style prefix.
    for (std::string_view prefix : {"SECTION ", "Section "}) {
        if (starts_with(p, prefix)) p = strip_number(trim(p.substr(prefix.size())));
    }
    for (const auto& [section, name] : kSectionNames) {
        if (p.size() < name.size()) continue;
        bool equal = true;
        for (std::size_t k = 0; k < name.size(); ++k) {
            const char want = name[k];
            const char got = p[k];
            if (want == '_' ? (got != '_' && got != ' ' && got != '-') : got != want) {
                equal = false;
                break;
            }
        }
        if (!equal) continue;
        // After the keyword: nothing, a parenthesised suffix "(Top-10)", or a colon or dash
        // with a subtitle. A comma or running words mean prose that names the section.
        const std::string_view rest = trim(p.substr(name.size()));
        if (rest.empty() || rest.front() == '(' || rest.front() == ':' || starts_with(rest, "–") || starts_with(rest, "—") ||
            starts_with(rest, "- "))
            return section;
    }
    return std::nullopt;
}

// A line written like a section heading ("8. **EXTRA_NOTES**", "## APPENDIX") whose keyword is
// not one of the seven sections: a '#' heading or a numbered line, the rest only capitals,
// digits, '_' and spaces. Its name, or nothing.
std::optional<std::string> match_unknown_heading(std::string_view line) {
    std::string_view s = trim(line);
    if (s.size() > 160) return std::nullopt;
    const bool hashes = !s.empty() && s.front() == '#';
    while (!s.empty() && s.front() == '#') s.remove_prefix(1);
    const std::string plain = strip_markup(trim(s));
    const std::string_view name = strip_number(plain);
    const bool numbered = name.size() != plain.size();
    if (!(hashes || numbered) || name.size() < 4) return std::nullopt;
    if (name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_ ") != std::string_view::npos) return std::nullopt;
    if (name.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string_view::npos) return std::nullopt;
    return std::string(name);
}

struct Bullet {
    int indent = 0;
    bool numbered = false;
    std::string content;  // the line after its marker, markup kept
};

// Recognizes a list item: "* x", "- x", "+ x", "· x", "• x", "1. x", "1) x"; a whole line in
// backticks ("`* x`") counts as its content.
std::optional<Bullet> match_bullet(std::string_view line) {
    Bullet b;
    b.indent = text::indentation(line);
    std::string_view s = trim(line);
    if (s.size() >= 2 && s.front() == '`' && s.back() == '`' && s.find('`', 1) == s.size() - 1) s = trim(s.substr(1, s.size() - 2));
    for (std::string_view marker : {"* ", "- ", "+ ", "· ", "• ", "*\t", "-\t"}) {
        if (starts_with(s, marker)) {
            b.content = std::string(trim(s.substr(marker.size())));
            return b;
        }
    }
    std::size_t j = 0;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    if (j > 0 && j < 4 && j + 1 < s.size() && (s[j] == '.' || s[j] == ')') && (s[j + 1] == ' ' || s[j + 1] == '\t')) {
        b.numbered = true;
        b.content = std::string(trim(s.substr(j + 1)));
        return b;
    }
    return std::nullopt;
}

bool is_fence(std::string_view line) { return starts_with(trim(line), "```") || starts_with(trim(line), "~~~"); }

// The text of a leading bold span ("**Title:** rest" -> {"Title:", " rest"}), if any.
std::optional<std::pair<std::string, std::string>> leading_bold(std::string_view s) {
    s = trim(s);
    if (!starts_with(s, "**")) return std::nullopt;
    const auto close = s.find("**", 2);
    if (close == std::string_view::npos) return std::nullopt;
    return std::make_pair(std::string(s.substr(2, close - 2)), std::string(s.substr(close + 2)));
}

// Removes separators from both ends: "– ", ": ", "| ", "- ", ".".
std::string strip_separators(std::string s) {
    auto is_sep_prefix = [](std::string_view t) {
        for (std::string_view sep : {"–", "—", "-", ":", "|", "·"})
            if (starts_with(t, sep)) return sep.size();
        return std::size_t{0};
    };
    auto is_sep_suffix = [](std::string_view t) {
        for (std::string_view sep : {"–", "—", "-", ":", "|"})
            if (text::ends_with(t, sep)) return sep.size();
        return std::size_t{0};
    };
    std::string_view v = trim(s);
    for (bool changed = true; changed && !v.empty();) {
        changed = false;
        if (auto n = is_sep_prefix(v)) { v = trim(v.substr(n)); changed = true; }
        if (auto n = is_sep_suffix(v); n && !v.empty()) { v = trim(v.substr(0, v.size() - n)); changed = true; }
    }
    return std::string(v);
}

// Drops the leading ids (and "(also X)" asides between them) from a plain entry text.
std::string drop_leading_ids(std::string_view plain, std::vector<ArxivId>* ids_out) {
    std::string_view s = trim(plain);
    for (;;) {
        auto matches = find_arxiv_ids(s);
        if (matches.empty() || matches[0].offset != 0) break;
        if (ids_out && matches[0].id) ids_out->push_back(*matches[0].id);
        s = trim(s.substr(matches[0].length));
        // "(cũng là X)", "(also X)", ", X", "/ X" between ids.
        if (!s.empty() && s.front() == '(') {
            const auto close = s.find(')');
            if (close != std::string_view::npos) {
                auto inner = find_arxiv_ids(s.substr(0, close));
                if (!inner.empty()) {
                    if (ids_out)
                        for (auto& m : inner)
                            if (m.id) ids_out->push_back(*m.id);
                    s = trim(s.substr(close + 1));
                }
            }
        }
        if (!s.empty() && (s.front() == ',' || s.front() == '/')) {
            std::string_view rest = trim(s.substr(1));
            auto next = find_arxiv_ids(rest);
            if (!next.empty() && next[0].offset == 0) { s = rest; continue; }
        }
        break;
    }
    return std::string(s);
}

std::string month_from_path(const std::string& path) {
    const std::string stem = std::filesystem::path(path).filename().string();
    static const std::regex pattern(R"((19|20)\d\d-(0[1-9]|1[0-2]))");
    std::smatch m;
    if (std::regex_search(stem, m, pattern)) return m.str(0);
    return {};
}

std::string month_from_text(const SourceText& src) {
    // "tháng 05/2024", "tháng 2023-10", "month 2023-10", "December 2023" are all common.
    static const std::regex numeric(R"((?:tháng|month|Month)\s+(\d{1,2})/(\d{4}))");
    static const std::regex iso(R"((?:tháng|month|Month)\s+(\d{4})-(\d{2}))");
    static const std::regex english(R"((January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4}))");
    static const std::array<std::string_view, 12> months = {"January", "February", "March", "April", "May", "June", "July",
                                                            "August", "September", "October", "November", "December"};
    const std::size_t limit = std::min<std::size_t>(src.line_count(), 400);
    for (std::size_t n = 1; n <= limit; ++n) {
        if (src.line(n).size() > 4096) continue;  // std::regex recursion grows with the input
        const std::string line(src.line(n));
        std::smatch m;
        if (std::regex_search(line, m, iso)) return m.str(1) + "-" + m.str(2);
        if (std::regex_search(line, m, numeric)) {
            const int mm = std::stoi(m.str(1));
            if (mm >= 1 && mm <= 12) return m.str(2) + "-" + (mm < 10 ? "0" : "") + std::to_string(mm);
        }
        if (std::regex_search(line, m, english)) {
            const auto idx = std::find(months.begin(), months.end(), m.str(1)) - months.begin();
            return m.str(2) + "-" + (idx < 9 ? "0" : "") + std::to_string(idx + 1);
        }
    }
    return {};
}

// One list item: its first line plus nested or continuation lines.
struct Item {
    int line = 0;
    Bullet head;
    std::vector<std::pair<int, std::string>> children;  // (line number, raw line)
};

// Groups the lines of a section into top-level items. A line indented no deeper than the
// first item (or a bullet at that depth) starts a new item; everything else belongs to the
// current one. Lines before the first item are returned in `preface`.
std::vector<Item> group_items(const SourceText& src, const std::vector<int>& lines, std::vector<std::pair<int, std::string>>* preface) {
    std::vector<Item> items;
    int base = -1;
    for (int n : lines) {
        const std::string_view raw = src.line(static_cast<std::size_t>(n));
        if (trim(raw).empty() || is_fence(raw)) continue;
        auto bullet = match_bullet(raw);
        if (bullet && (base < 0 || bullet->indent <= base)) {
            if (base < 0) base = bullet->indent;
            items.push_back(Item{n, *bullet, {}});
            continue;
        }
        if (items.empty()) {
            if (preface) preface->emplace_back(n, std::string(raw));
            continue;
        }
        items.back().children.emplace_back(n, std::string(raw));
    }
    return items;
}

class DigestParser {
public:
    DigestParser(const SourceText& src, DiagnosticSink& sink) : src_(src), sink_(sink) {}

    ParsedDigest run() {
        out_.path = src_.path;
        split_sections();
        if (out_.sections.empty()) {
            sink_.error("E-NOT-DIGEST", src_.path, 1, 1,
                        "no digest section heading found (expected e.g. '1. **TOPIC_TREE**'); is this a research digest?");
            scan_ids();
            return std::move(out_);
        }
        for (const auto& [section, name] : kSectionNames) {
            if (std::find(out_.sections.begin(), out_.sections.end(), section) == out_.sections.end())
                sink_.warning("W-MISSING-SECTION", src_.path, 0, 0, "section " + std::string(name) + " is missing");
        }
        scan_ids();
        out_.month = month_from_path(src_.path);
        if (out_.month.empty()) out_.month = month_from_text(src_);
        parse_tree(lines_of(Section::TopicTree));
        parse_highlights(lines_of(Section::SotaHighlights));
        parse_contributions(lines_of(Section::Contributions));
        parse_gaps(lines_of(Section::Gaps));
        parse_ideas(lines_of(Section::Ideas));
        parse_reading(lines_of(Section::ReadingList));
        for (int n : lines_of(Section::Reflection)) {
            const std::string plain = strip_markup(src_.line(static_cast<std::size_t>(n)));
            if (!plain.empty()) out_.reflection.push_back({n, plain});
        }
        return std::move(out_);
    }

private:
    const SourceText& src_;
    DiagnosticSink& sink_;
    bool depth_reported_ = false;
    ParsedDigest out_;
    std::vector<std::optional<Section>> section_of_line_;  // index = line number
    std::array<std::vector<int>, kSectionCount> section_lines_;

    const std::vector<int>& lines_of(Section s) const { return section_lines_[static_cast<std::size_t>(s)]; }

    void split_sections() {
        section_of_line_.assign(src_.line_count() + 1, std::nullopt);
        std::optional<Section> current;
        std::array<int, kSectionCount> heading_line{};
        for (std::size_t n = 1; n <= src_.line_count(); ++n) {
            const std::string_view line = src_.line(n);
            if (auto s = match_heading(line)) {
                out_.headings.emplace_back(static_cast<int>(n), *s);
                const auto idx = static_cast<std::size_t>(*s);
                if (heading_line[idx] != 0) {
                    sink_.warning("W-DUP-HEADING", src_.path, static_cast<int>(n), 1,
                                  "section " + std::string(to_string(*s)) + " heading repeated (first at line " +
                                      std::to_string(heading_line[idx]) + "); the two parts are read as one section");
                } else {
                    heading_line[idx] = static_cast<int>(n);
                    out_.sections.push_back(*s);
                }
                current = s;
                continue;
            }
            if (auto unknown = match_unknown_heading(line)) {
                // Its lines are not mistaken for the previous section's; ids in them still make papers.
                sink_.warning("W-UNKNOWN-SECTION", src_.path, static_cast<int>(n), 1,
                              "'" + *unknown + "' is not a digest section; the lines up to the next section heading belong to no section");
                current.reset();
                continue;
            }
            section_of_line_[n] = current;
            if (current) section_lines_[static_cast<std::size_t>(*current)].push_back(static_cast<int>(n));
        }
    }

    void scan_ids() {
        for (std::size_t n = 1; n <= src_.line_count(); ++n) {
            const std::string_view line = src_.line(n);
            for (auto& m : find_arxiv_ids(line)) {
                const int col = static_cast<int>(m.offset) + 1;
                if (!m.id) {
                    sink_.warning("W-MALFORMED-ID", src_.path, static_cast<int>(n), col,
                                  "'" + m.raw + "' is shaped like an arXiv id but is not a valid one");
                    continue;
                }
                out_.ids.push_back({*m.id, static_cast<int>(n), col, section_of_line_.empty() ? std::nullopt : section_of_line_[n]});
            }
        }
    }

    std::vector<IdOccurrence> ids_on_line(int n) const {
        std::vector<IdOccurrence> found;
        for (const auto& occ : out_.ids)
            if (occ.line == n) found.push_back(occ);
        return found;
    }

    // ---- TOPIC_TREE -----------------------------------------------------------------------
    void parse_tree(const std::vector<int>& lines) {
        struct Open { int indent; int topic; };
        std::vector<Open> stack;
        int leaf_indent = -1;  // indentation of the last paper line, for its detail bullets
        for (int n : lines) {
            const std::string_view raw = src_.line(static_cast<std::size_t>(n));
            if (trim(raw).empty() || is_fence(raw)) continue;
            auto bullet = match_bullet(raw);
            if (!bullet) {
                // A topic written as a plain line (no marker) is still a topic at its indentation.
                const std::string plain = strip_markup(raw);
                if (plain.empty()) continue;
                bullet = Bullet{text::indentation(raw), false, std::string(trim(raw))};
            }
            if (leaf_indent >= 0 && bullet->indent > leaf_indent && !out_.leaves.empty()) {
                // Detail under a paper line belongs to that paper's description.
                auto& leaf = out_.leaves.back();
                leaf.description += " " + strip_markup(bullet->content);
                continue;
            }
            leaf_indent = -1;
            while (!stack.empty() && stack.back().indent >= bullet->indent) stack.pop_back();
            const int parent = stack.empty() ? -1 : stack.back().topic;
            const std::string plain = strip_markup(bullet->content);
            if (plain.empty()) continue;

            std::vector<ArxivId> ids;
            const std::string rest = drop_leading_ids(plain, &ids);
            auto first = find_arxiv_ids(plain);
            if (!first.empty() && first[0].offset == 0) {
                DigestLeaf leaf;
                leaf.ids = std::move(ids);
                leaf.topic = parent;
                leaf.description = strip_separators(rest);
                leaf.line = n;
                if (leaf.ids.empty()) continue;  // malformed id only; already reported
                if (parent < 0)
                    sink_.warning("W-TREE-ORPHAN", src_.path, n, bullet->indent + 1,
                                  "paper " + leaf.ids[0].id + " sits in TOPIC_TREE with no topic above it");
                out_.leaves.push_back(std::move(leaf));
                leaf_indent = bullet->indent;
                continue;
            }
            if (plain.front() == '(' && plain.back() == ')') {
                if (parent >= 0) out_.topics[static_cast<std::size_t>(parent)].notes.push_back(plain.substr(1, plain.size() - 2));
                else sink_.warning("W-TREE-NOTE", src_.path, n, bullet->indent + 1, "note outside any topic: " + plain);
                continue;
            }
            if (parent >= 0 && out_.topics[static_cast<std::size_t>(parent)].path.size() >= src_.max_nesting_depth) {
                // Every topic keeps its whole path, so unbounded nesting would cost memory
                // quadratic in the number of lines. One error, then the deeper lines are skipped.
                if (!depth_reported_)
                    sink_.error("E-NESTING-DEPTH", src_.path, n, bullet->indent + 1,
                                "TOPIC_TREE is nested more than " + std::to_string(src_.max_nesting_depth) +
                                    " levels deep; the limit is " + std::to_string(src_.max_nesting_depth));
                depth_reported_ = true;
                continue;
            }
            DigestTopic topic;
            topic.name = strip_separators(plain);
            if (topic.name.empty()) continue;
            topic.parent = parent;
            topic.path = parent >= 0 ? out_.topics[static_cast<std::size_t>(parent)].path : std::vector<std::string>{};
            topic.path.push_back(topic.name);
            topic.line = n;
            out_.topics.push_back(std::move(topic));
            stack.push_back({bullet->indent, static_cast<int>(out_.topics.size()) - 1});
        }
    }

    // ---- SOTA_HIGHLIGHTS --------------------------------------------------------------------
    static std::vector<std::string> split_row(std::string_view row) {
        std::vector<std::string> cells;
        row = trim(row);
        if (!row.empty() && row.front() == '|') row.remove_prefix(1);
        if (!row.empty() && row.back() == '|' && (row.size() < 2 || row[row.size() - 2] != '\\')) row.remove_suffix(1);
        std::string cell;
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (row[i] == '\\' && i + 1 < row.size() && row[i + 1] == '|') { cell += '|'; ++i; continue; }
            if (row[i] == '|') { cells.push_back(std::string(trim(cell))); cell.clear(); continue; }
            cell += row[i];
        }
        cells.push_back(std::string(trim(cell)));
        return cells;
    }

    void parse_highlights(const std::vector<int>& lines) {
        std::vector<std::string> header;
        int col_rank = -1, col_id = -1, col_keywords = -1, col_break = -1, col_impact = -1;
        bool any_table = false;
        for (int n : lines) {
            const std::string_view raw = trim(src_.line(static_cast<std::size_t>(n)));
            if (raw.empty() || raw.front() != '|') continue;
            any_table = true;
            auto cells = split_row(raw);
            const bool separator = std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
                return !c.empty() && c.find_first_not_of(":- ") == std::string::npos;
            });
            if (separator) continue;
            if (header.empty()) {
                header = cells;
                for (std::size_t i = 0; i < cells.size(); ++i) {
                    const std::string h = text::ascii_lower(strip_markup(cells[i]));
                    const int c = static_cast<int>(i);
                    if (col_rank < 0 && (h.find("rank") != std::string::npos || h == "#" || h == "stt")) col_rank = c;
                    else if (col_id < 0 && (h.find("paper") != std::string::npos || h.find("id") != std::string::npos || h.find("arxiv") != std::string::npos)) col_id = c;
                    else if (col_keywords < 0 && h.find("keyword") != std::string::npos) col_keywords = c;
                    else if (col_break < 0 && (h.find("đột phá") != std::string::npos || h.find("breakthrough") != std::string::npos || h.find("Đột phá") != std::string::npos)) col_break = c;
                    else if (col_impact < 0 && (h.find("impact") != std::string::npos || h.find("ảnh hưởng") != std::string::npos || h.find("Ảnh hưởng") != std::string::npos)) col_impact = c;
                }
                continue;
            }
            if (cells == header) continue;  // the header again (a repeated section heading starts a second table)
            if (cells.size() < header.size())
                sink_.warning("W-TABLE-ROW", src_.path, n, 1,
                              "table row has " + std::to_string(cells.size()) + " of " + std::to_string(header.size()) + " cells");
            auto cell = [&](int c) { return c >= 0 && static_cast<std::size_t>(c) < cells.size() ? strip_markup(cells[static_cast<std::size_t>(c)]) : std::string(); };
            DigestHighlight h;
            std::optional<ArxivId> id;
            if (col_id >= 0) {
                auto m = find_arxiv_ids(cell(col_id));
                if (!m.empty() && m[0].id) id = m[0].id;
            }
            if (!id) {
                for (const auto& c : cells) {
                    auto m = find_arxiv_ids(c);
                    if (!m.empty() && m[0].id) { id = m[0].id; break; }
                }
            }
            if (!id) {
                sink_.warning("W-NO-ID", src_.path, n, 1, "SOTA_HIGHLIGHTS row without a paper id");
                continue;
            }
            h.id = *id;
            const std::string rank = cell(col_rank);
            h.rank = !rank.empty() && std::isdigit(static_cast<unsigned char>(rank[0])) ? std::atoi(rank.c_str()) : static_cast<int>(out_.highlights.size()) + 1;
            h.keywords = cell(col_keywords);
            h.breakthrough = cell(col_break);
            h.impact = cell(col_impact);
            h.line = n;
            out_.highlights.push_back(std::move(h));
        }
        if (!any_table) {
            // A highlights list written as bullets: each item with an id is a highlight.
            for (auto& item : group_items(src_, lines, nullptr)) {
                auto ids = find_arxiv_ids(strip_markup(item.head.content));
                if (ids.empty() || !ids[0].id) continue;
                DigestHighlight h;
                h.id = *ids[0].id;
                h.rank = static_cast<int>(out_.highlights.size()) + 1;
                h.breakthrough = strip_markup(item.head.content);
                h.line = item.line;
                out_.highlights.push_back(std::move(h));
            }
        }
    }

    // ---- NOVEL_TECH_CONTRIBUTIONS -----------------------------------------------------------
    // Finds the author's-comment marker ("Suy nghĩ", "Thoughts", "Comment") and returns the
    // byte offsets of the marker and of the comment text after its colon.
    static std::optional<std::pair<std::size_t, std::size_t>> find_comment_marker(std::string_view s) {
        for (std::string_view marker : {"Suy nghĩ", "Thoughts", "Comment", "Nhận xét"}) {
            std::size_t pos = 0;
            while ((pos = s.find(marker, pos)) != std::string_view::npos) {
                std::size_t after = pos + marker.size();
                while (after < s.size() && (s[after] == '*' || s[after] == '_' || s[after] == ' ')) ++after;
                if (after < s.size() && s[after] == ':') return std::make_pair(pos, after + 1);
                pos = after;
            }
        }
        return std::nullopt;
    }

    void parse_contributions(const std::vector<int>& lines) {
        for (auto& item : group_items(src_, lines, nullptr)) {
            std::string raw = item.head.content;
            for (auto& [n, child] : item.children) raw += " " + std::string(trim(child));
            const std::string plain_all = strip_markup(raw);
            std::vector<ArxivId> ids;
            drop_leading_ids(plain_all, &ids);
            if (ids.empty()) {
                auto any = find_arxiv_ids(plain_all);
                for (auto& m : any)
                    if (m.id) { ids.push_back(*m.id); break; }
            }
            if (ids.empty()) {
                sink_.warning("W-NO-ID", src_.path, item.line, item.head.indent + 1, "contribution entry without a paper id: " + plain_all.substr(0, 60));
                continue;
            }
            DigestContribution c;
            c.id = ids[0];
            c.line = item.line;
            c.raw = text::collapse_spaces(raw);
            std::string head = raw;
            if (auto marker = find_comment_marker(raw)) {
                head = raw.substr(0, marker->first);
                c.comment = strip_separators(strip_markup(raw.substr(marker->second)));
            }
            if (auto bold = leading_bold(head)) {
                c.title = bold->first;
                c.text = strip_separators(strip_markup(bold->second));
            } else {
                c.title = head;
            }
            c.title = strip_separators(drop_leading_ids(strip_markup(c.title), nullptr));
            if (c.title.empty() && !c.text.empty()) std::swap(c.title, c.text);
            out_.contributions.push_back(std::move(c));
        }
    }

    // ---- GAPS_AND_OPPORTUNITIES -------------------------------------------------------------
    static std::string title_from(std::string_view plain) {
        const auto colon = plain.find(':');
        if (colon != std::string_view::npos && colon <= 120) return std::string(trim(plain.substr(0, colon)));
        if (plain.size() <= 80) return std::string(plain);
        std::size_t cut = plain.rfind(' ', 80);
        return std::string(plain.substr(0, cut == std::string_view::npos ? 80 : cut)) + "...";
    }

    void parse_gaps(const std::vector<int>& lines) {
        for (auto& item : group_items(src_, lines, nullptr)) {
            DigestGap gap;
            gap.line = item.line;
            if (auto bold = leading_bold(item.head.content)) {
                gap.title = strip_separators(strip_markup(bold->first));
                gap.text = strip_separators(strip_markup(bold->second));
            } else {
                const std::string plain = strip_markup(item.head.content);
                gap.title = title_from(plain);
                gap.text = plain;
            }
            gap.lines.push_back({item.line, strip_markup(item.head.content)});
            for (auto& [n, child] : item.children) {
                const std::string plain = strip_markup(match_bullet(child) ? match_bullet(child)->content : std::string(trim(child)));
                if (plain.empty()) continue;
                if (match_bullet(child)) gap.sub_points.push_back(plain);
                else gap.text += (gap.text.empty() ? "" : " ") + plain;
                gap.lines.push_back({n, plain});
            }
            for (const auto& tl : gap.lines)
                for (auto& occ : ids_on_line(tl.line)) gap.ids.push_back(occ);
            out_.gaps.push_back(std::move(gap));
        }
    }

    // ---- FUTURE_IDEAS -----------------------------------------------------------------------
    enum class Field { None, Motivation, Novelty, Approach, DataMetrics, Risk, Other };

    static Field field_of(std::string_view label) {
        const std::string l = text::ascii_lower(label);
        if (l.size() > 40) return Field::None;
        if (l.find("motivation") != std::string::npos || l.find("động lực") != std::string::npos) return Field::Motivation;
        if (l.find("novelty") != std::string::npos) return Field::Novelty;
        if (l.find("approach") != std::string::npos || l.find("method") != std::string::npos) return Field::Approach;
        if (l.find("dataset") != std::string::npos || l.find("metric") != std::string::npos || l == "data") return Field::DataMetrics;
        if (l == "risk/feasibility" || l == "risk" || l == "feasibility" || l == "risk & feasibility" || l == "risks") return Field::Risk;
        if (!l.empty() && l.find_first_of(".!?") == std::string::npos && l.size() <= 30) return Field::Other;
        return Field::None;
    }

    // "Label: text" at the start of an idea line -> (label, text).
    static std::optional<std::pair<std::string, std::string>> split_field(const std::string& plain) {
        const auto colon = plain.find(':');
        if (colon == std::string::npos || colon == 0 || colon > 40) return std::nullopt;
        std::string label(trim(std::string_view(plain).substr(0, colon)));
        if (field_of(label) == Field::None) return std::nullopt;
        return std::make_pair(label, std::string(trim(std::string_view(plain).substr(colon + 1))));
    }

    bool is_idea_start(std::string_view raw, int base_indent) const {
        if (raw.find("✨") != std::string_view::npos) return true;  // ✨
        std::string_view s = trim(raw);
        while (!s.empty() && s.front() == '#') s.remove_prefix(1);
        s = trim(s);
        const auto bullet = match_bullet(raw);  // outlives the view `s` takes of it
        if (bullet) s = bullet->content;
        s = strip_number(s);
        const std::string plain = strip_markup(s);
        if (starts_with(plain, "Idea ") || starts_with(plain, "Ý tưởng ")) {
            const char c = plain.size() > 5 ? plain[5] : ' ';
            if (std::isdigit(static_cast<unsigned char>(c)) || starts_with(plain, "Ý")) return true;
        }
        if (text::indentation(raw) > base_indent) return false;
        if (starts_with(trim(raw), "#")) return true;
        auto bold = leading_bold(s);
        if (!bold) return false;
        const std::string label = strip_separators(strip_markup(bold->first));
        return field_of(label) == Field::None || field_of(label) == Field::Other ? !split_field(plain) : false;
    }

    static std::string clean_idea_title(std::string plain, std::string& tag) {
        // Remove the sparkle and an "Idea 3:" / "Idea 5 (Moon-shot):" prefix.
        for (std::string_view junk : {"✨"}) {
            std::size_t p;
            while ((p = plain.find(junk)) != std::string::npos) plain.erase(p, junk.size());
        }
        plain = std::string(trim(plain));
        if (plain.size() > 1000) return strip_separators(plain);  // std::regex recursion grows with the input
        static const std::regex prefix(R"(^(?:Idea|Ý tưởng)\s*\d*\s*(?:\(([^)]*)\))?\s*[:.\-–]?\s*)");
        std::smatch m;
        if (std::regex_search(plain, m, prefix) && m.length(0) > 0) {
            if (m[1].matched) tag = m.str(1);
            plain = m.suffix().str();
        }
        // A trailing "(Moon-shot)" / "(Feasible, Interdisciplinary)" qualifies the idea.
        static const std::regex trailing(R"(\s*\(([^()]*)\)\s*$)");
        if (std::regex_search(plain, m, trailing)) {
            const std::string inner = text::ascii_lower(m.str(1));
            for (std::string_view w : {"moon", "feasible", "interdisciplinary", "ambitious", "risk", "speculative"}) {
                if (inner.find(w) != std::string::npos) {
                    tag = tag.empty() ? m.str(1) : tag + ", " + m.str(1);
                    plain = m.prefix().str();
                    break;
                }
            }
        }
        return strip_separators(plain);
    }

    void parse_ideas(const std::vector<int>& lines) {
        int base_indent = -1;
        for (int n : lines) {
            const std::string_view raw = src_.line(static_cast<std::size_t>(n));
            if (!trim(raw).empty() && !is_fence(raw)) { base_indent = text::indentation(raw); break; }
        }
        DigestIdea* idea = nullptr;
        Field field = Field::None;
        std::string* other_text = nullptr;
        int field_indent = 0;
        for (int n : lines) {
            const std::string_view raw = src_.line(static_cast<std::size_t>(n));
            if (trim(raw).empty() || is_fence(raw)) continue;
            if (is_idea_start(raw, base_indent)) {
                out_.ideas.emplace_back();
                idea = &out_.ideas.back();
                idea->line = n;
                std::string_view s = trim(raw);
                while (!s.empty() && s.front() == '#') s.remove_prefix(1);
                const auto bullet = match_bullet(raw);  // outlives the view `s` takes of it
        if (bullet) s = bullet->content;
                idea->title = clean_idea_title(strip_markup(strip_number(trim(s))), idea->tag);
                idea->lines.push_back({n, idea->title});
                field = Field::None;
                other_text = nullptr;
                continue;
            }
            if (!idea) {
                sink_.warning("W-IDEA-TEXT", src_.path, n, 1, "text in FUTURE_IDEAS before the first idea title");
                continue;
            }
            auto bullet = match_bullet(raw);
            const int indent = text::indentation(raw);
            const std::string plain = strip_markup(bullet ? std::string_view(bullet->content) : trim(raw));
            idea->lines.push_back({n, plain});
            auto labelled = split_field(plain);
            if (labelled && (field == Field::None || indent <= field_indent)) {
                field = field_of(labelled->first);
                field_indent = indent;
                other_text = nullptr;
                if (field == Field::Other) {
                    idea->other_fields.emplace_back(labelled->first, labelled->second);
                    other_text = &idea->other_fields.back().second;
                } else {
                    append(field_text(*idea, field), labelled->second);
                }
                continue;
            }
            std::string* target = field == Field::Other ? other_text : field_text(*idea, field);
            if (!target) {
                idea->other_fields.emplace_back("text", plain);
                continue;
            }
            append(target, bullet && bullet->numbered ? plain : plain);
        }
        for (auto& i : out_.ideas)
            for (const auto& tl : i.lines)
                for (auto& occ : ids_on_line(tl.line)) i.ids.push_back(occ);
    }

    static std::string* field_text(DigestIdea& idea, Field f) {
        switch (f) {
            case Field::Motivation: return &idea.motivation;
            case Field::Novelty: return &idea.novelty;
            case Field::Approach: return &idea.approach;
            case Field::DataMetrics: return &idea.data_metrics;
            case Field::Risk: return &idea.risk;
            default: return nullptr;
        }
    }

    static void append(std::string* target, const std::string& piece) {
        if (!target || piece.empty()) return;
        if (!target->empty()) *target += '\n';
        *target += piece;
    }

    // ---- READING_LIST -----------------------------------------------------------------------
    void parse_reading(const std::vector<int>& lines) {
        int position = 0;
        for (auto& item : group_items(src_, lines, nullptr)) {
            std::string plain = strip_markup(item.head.content);
            for (auto& [n, child] : item.children) plain += " " + strip_markup(child);
            std::vector<ArxivId> ids;
            std::string rest = drop_leading_ids(plain, &ids);
            if (ids.empty()) {
                auto any = find_arxiv_ids(plain);
                for (auto& m : any)
                    if (m.id) { ids.push_back(*m.id); break; }
            }
            if (ids.empty()) {
                sink_.warning("W-NO-ID", src_.path, item.line, item.head.indent + 1, "reading-list entry without a paper id");
                continue;
            }
            DigestReading r;
            r.id = ids[0];
            r.position = ++position;
            r.line = item.line;
            rest = strip_separators(rest);
            const auto dot = rest.find("·");  // '·' separates the label from the reason
            if (dot != std::string::npos) {
                r.label = strip_separators(rest.substr(0, dot));
                r.reason = strip_separators(rest.substr(dot + 2));
            } else if (auto dash = rest.find(" – "); dash != std::string::npos) {
                r.label = strip_separators(rest.substr(0, dash));
                r.reason = strip_separators(rest.substr(dash + 4));
            } else {
                r.label = rest;
            }
            out_.reading.push_back(std::move(r));
        }
    }
};

}  // namespace

std::string_view to_string(Section section) {
    return kSectionNames[static_cast<std::size_t>(section)].second;
}

bool looks_like_digest(const SourceText& source) {
    for (std::size_t n = 1; n <= source.line_count(); ++n)
        if (match_heading(source.line(n))) return true;
    return false;
}

std::optional<Section> section_at(const ParsedDigest& digest, int line) {
    std::optional<Section> found;
    for (const auto& [start, section] : digest.headings)
        if (start <= line) found = section;
    return found;
}

ParsedDigest parse_digest(const SourceText& source, DiagnosticSink& sink) {
    return DigestParser(source, sink).run();
}

}  // namespace citegraph::graph
