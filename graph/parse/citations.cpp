#include "graph/parse/citations.hpp"
#include "graph/parse/lines.hpp"

#include "graph/ids.hpp"
#include "graph/text.hpp"

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <cstdint>
#include <functional>

namespace citegraph::graph {

std::uint64_t DigitIdIndex::key_of(std::string_view id) {
    if (id.empty() || id.size() > 17) return 0;
    std::uint64_t value = 0;
    for (char c : id) {
        if (c < '0' || c > '9') return 0;
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return value * 32 + id.size();  // < 10^17 * 32 + 17 < 2^62; never 0
}

namespace {
std::size_t slot_of(std::uint64_t key, std::size_t mask) {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
}
}  // namespace

void DigitIdIndex::grow() {
    std::vector<Slot> old(slots_.empty() ? 1024 : slots_.size() * 2);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
        if (s.key == 0) continue;
        std::size_t at = slot_of(s.key, mask);
        while (slots_[at].key != 0) at = (at + 1) & mask;
        slots_[at] = s;
    }
}

namespace {
// The array position of a key that goes into the direct array, else kNoDirect: the value
// below the limit, with no leading zero (or the id "0"), whose digit count is the value's own.
constexpr std::uint64_t kNoDirect = ~std::uint64_t{0};
std::uint64_t direct_position(std::uint64_t key, std::uint64_t limit) {
    constexpr std::uint64_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    const std::uint64_t value = key / 32, len = key % 32;
    if (value >= limit || len > 8) return kNoDirect;
    // `len` digits spelled `value`: without a leading zero exactly when value >= 10^(len-1).
    return len == 1 || value >= kPow10[len - 1] ? value : kNoDirect;
}
}  // namespace

std::pair<std::uint32_t, bool> DigitIdIndex::try_emplace(std::uint64_t key, std::uint32_t next) {
    if (const std::uint64_t at = direct_position(key, kDirectLimit); at != kNoDirect) {
        if (at >= direct_.size()) direct_.resize(std::max<std::size_t>(std::size_t{1} << 16, std::bit_ceil(at + 1)), kAbsent);
        if (direct_[at] != kAbsent) return {direct_[at], false};
        direct_[at] = next;
        ++size_;
        return {next, true};
    }
    if ((hashed_ + 1) * 2 > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = slot_of(key, mask);; at = (at + 1) & mask) {
        Slot& s = slots_[at];
        if (s.key == key) return {s.value, false};
        if (s.key == 0) {
            s = Slot{key, next};
            ++size_;
            ++hashed_;
            return {next, true};
        }
    }
}

const std::uint32_t* DigitIdIndex::find(std::uint64_t key) const {
    if (const std::uint64_t at = direct_position(key, kDirectLimit); at != kNoDirect)
        return at < direct_.size() && direct_[at] != kAbsent ? &direct_[at] : nullptr;
    if (slots_.empty()) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = slot_of(key, mask);; at = (at + 1) & mask) {
        if (slots_[at].key == key) return &slots_[at].value;
        if (slots_[at].key == 0) return nullptr;
    }
}

void DigitIdIndex::clear() {
    std::vector<std::uint32_t>().swap(direct_);
    std::vector<Slot>().swap(slots_);
    size_ = 0;
    hashed_ = 0;
}

std::uint32_t CitationData::intern(std::string_view id) {
    const auto next = static_cast<std::uint32_t>(ids.size());
    if (const std::uint64_t key = DigitIdIndex::key_of(id)) {
        const auto [at, inserted] = digit_index.try_emplace(key, next);
        if (inserted) ids.emplace_back(id);
        return at;
    }
    auto [it, inserted] = index.try_emplace(std::string(id), next);
    if (inserted) ids.emplace_back(id);
    return it->second;
}

const std::uint32_t* CitationData::find(std::string_view id) const {
    if (const std::uint64_t key = DigitIdIndex::key_of(id)) return digit_index.find(key);
    const auto it = index.find(std::string(id));
    return it == index.end() ? nullptr : &it->second;
}

std::string normalize_paper_id(std::string_view raw) {
    raw = text::trim(raw);
    if (!raw.empty() && (raw.front() == '"' || raw.front() == '`')) raw.remove_prefix(1);
    if (!raw.empty() && (raw.back() == '"' || raw.back() == '`')) raw.remove_suffix(1);
    if (auto id = parse_arxiv_id(raw)) return id->id;
    return std::string(raw);
}

namespace {

bool is_header_word(std::string_view w) {
    std::string l = text::ascii_lower(text::trim(w));
    if (!l.empty() && (l.front() == '"' || l.front() == '\'')) l.erase(0, 1);
    if (!l.empty() && (l.back() == '"' || l.back() == '\'')) l.pop_back();
    for (std::string_view word : {"source", "target", "citing", "cited", "from", "to", "src", "dst", "node1", "node2",
                                  "id1", "id2", "paper", "cites", "citing_id", "cited_id", "weight", "u", "v"})
        if (l == word) return true;
    return false;
}

// Splits on the detected separator: tab, comma, or runs of spaces.
std::vector<std::string_view> split_fields(std::string_view line, char separator) {
    std::vector<std::string_view> fields;
    if (separator == ' ') {
        std::size_t i = 0;
        while (i < line.size()) {
            while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
            std::size_t j = i;
            while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
            if (j > i) fields.push_back(line.substr(i, j - i));
            i = j;
        }
        return fields;
    }
    std::size_t start = 0;
    for (;;) {
        const std::size_t pos = line.find(separator, start);
        fields.push_back(text::trim(line.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start)));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return fields;
}

}  // namespace

namespace {

// Where an edge-list parse stands between two lines.
struct EdgeLineState {
    char separator = 0;         // detected from the first data line; 0 until then
    bool first_data = true;     // the next data line is the file's first (it may be a header)
    bool at_file_start = true;  // line 1 of the numbering is the file's line 1
    std::size_t added = 0, skipped = 0, reported = 0;
};

// The line without its \r, trimmed; a data line is neither blank nor a comment.
std::string_view trimmed_line(std::string_view raw) {
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    return text::trim(raw);
}
bool is_data_line(std::string_view trimmed) { return !trimmed.empty() && trimmed.front() != '#' && trimmed.front() != '%'; }
char detect_separator(std::string_view trimmed) {
    return trimmed.find('\t') != std::string_view::npos ? '\t' : trimmed.find(',') != std::string_view::npos ? ',' : ' ';
}

// The one edge-list dialect: `for_each(on_line)` feeds lines (number, text) to `on_line` and
// returns false after an I/O error; read_edge_list gives it a whole file, read_edge_list_range
// the lines of a byte range. Adds the edges to `data`, bad lines to `sink` (the first
// options.max_reported of them), and counts in `state`.
template <typename ForEachLine>
bool parse_edge_lines(const std::string& path, CitationData& data, DiagnosticSink& sink, const EdgeListOptions& options,
                      EdgeLineState& state, ForEachLine&& for_each) {
    char& separator = state.separator;
    bool& first_data = state.first_data;
    std::size_t& added = state.added;
    std::size_t& skipped = state.skipped;
    std::size_t& reported = state.reported;
    const auto file_index = static_cast<std::uint16_t>(data.files.size());
    data.files.push_back(path);
    auto skip = [&](std::size_t line, int col, const std::string& why) {
        ++skipped;
        if (reported++ < options.max_reported) sink.warning("W-EDGE-LINE", path, static_cast<int>(line), col, why + "; line skipped");
    };
    const bool citing_first = options.order == ColumnOrder::CitingCited;
    auto add_edge = [&](std::uint32_t u, std::uint32_t v, std::size_t n, bool has_weight, double weight) {
        data.edges.emplace_back(citing_first ? u : v, citing_first ? v : u);
        if (options.provenance) {
            data.edge_lines.push_back(static_cast<std::uint32_t>(n));
            data.edge_files.push_back(file_index);
        }
        if (has_weight || !data.weights.empty()) {
            if (data.weights.empty()) data.weights.assign(data.edges.size() - 1, 1.0);
            data.weights.push_back(weight);
        }
        ++added;
    };
    // Fast path for the common line "DIGITS<separator>DIGITS" (an optional \r at the end), once
    // the separator is known and the first data line (a possible header) is behind: such a
    // line has nothing to trim, split, validate or normalize (digits are never an arXiv id),
    // so it is interned straight from its digits, without a string per field. Any other line
    // takes the general path below, with the same result for a line both could read.
    auto digit_run = [](const char*& at, const char* end) {
        std::uint64_t value = 0;
        const char* const start = at;
        while (at < end && *at >= '0' && *at <= '9' && at - start < 18) value = value * 10 + static_cast<std::uint64_t>(*at++ - '0');
        const auto len = static_cast<std::uint64_t>(at - start);
        return len == 0 || len > 17 ? std::uint64_t{0} : value * 32 + len;  // DigitIdIndex::key_of
    };
    auto fast_line = [&](std::size_t n, std::string_view raw) {
        const char* at = raw.data();
        const char* end = at + raw.size();
        if (end > at && end[-1] == '\r') --end;
        const std::uint64_t a = digit_run(at, end);
        if (a == 0 || at == end) return false;
        if (separator == ' ') {
            if (*at != ' ' && *at != '\t') return false;
            while (at < end && (*at == ' ' || *at == '\t')) ++at;
        } else {
            if (*at != separator) return false;
            ++at;
        }
        const char* const b_start = at;
        const std::uint64_t b = digit_run(at, end);
        if (b == 0 || at != end) return false;
        const auto next = static_cast<std::uint32_t>(data.ids.size());
        const auto [u, u_new] = data.digit_index.try_emplace(a, next);
        if (u_new) data.ids.emplace_back(raw.data(), static_cast<std::size_t>(a % 32));
        const auto [v, v_new] = data.digit_index.try_emplace(b, static_cast<std::uint32_t>(data.ids.size()));
        if (v_new) data.ids.emplace_back(b_start, static_cast<std::size_t>(b % 32));
        add_edge(u, v, n, false, 1.0);
        return true;
    };
    return for_each([&](std::size_t n, std::string_view raw) {
        if (separator != 0 && !first_data && fast_line(n, raw)) return;
        std::string_view line = raw;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const std::string_view trimmed = text::trim(line);
        if (!is_data_line(trimmed)) return;
        if (n == 1 && state.at_file_start && text::starts_with(trimmed, "\xEF\xBB\xBF")) line.remove_prefix(3);
        if (separator == 0) separator = detect_separator(trimmed);
        auto fields = split_fields(trimmed, separator);
        if (first_data) {
            first_data = false;
            if (fields.size() >= 2 && is_header_word(fields[0]) && is_header_word(fields[1])) return;
        }
        if (fields.size() < 2 || fields.size() > 3) {
            skip(n, 1, "expected 2 or 3 fields, found " + std::to_string(fields.size()));
            return;
        }
        if (fields[0].empty() || fields[1].empty()) {
            skip(n, 1, "empty paper id");
            return;
        }
        if (text::find_invalid_utf8(trimmed) != std::string_view::npos) {
            skip(n, 1, "invalid UTF-8");
            return;
        }
        double weight = 1.0;
        if (fields.size() == 3) {
            const std::string w(fields[2]);
            char* end = nullptr;
            errno = 0;
            weight = std::strtod(w.c_str(), &end);
            if (end == w.c_str() || *end != '\0' || errno == ERANGE || !(weight >= 0.0) || weight == HUGE_VAL) {
                const auto col = static_cast<int>(fields[2].data() - trimmed.data()) + 1;
                skip(n, col, "weight '" + w + "' is not a finite non-negative number");
                return;
            }
        }
        const std::string a = normalize_paper_id(fields[0]);
        const std::string b = normalize_paper_id(fields[1]);
        const std::uint32_t u = data.intern(a);
        const std::uint32_t v = data.intern(b);
        add_edge(u, v, n, fields.size() == 3, weight);
    });
}

}  // namespace

void report_skipped_edge_lines(const std::string& path, std::size_t skipped, DiagnosticSink& sink, const EdgeListOptions& options) {
    if (skipped > 0)
        sink.warning("W-EDGE-SKIPPED", path, 0, 0,
                     std::to_string(skipped) + " line(s) skipped" +
                         (skipped > options.max_reported ? " (the first " + std::to_string(options.max_reported) + " are listed)" : std::string()));
}

void report_no_edges(const std::string& path, DiagnosticSink& sink) {
    sink.error("E-NO-EDGES", path, 0, 0, "no edge found: is this an edge list?");
}

std::size_t read_edge_list(const std::string& path, CitationData& data, DiagnosticSink& sink, const EdgeListOptions& options) {
    EdgeLineState state;
    const bool ok = parse_edge_lines(path, data, sink, options, state, [&](const auto& on_line) {
        return for_each_line(path, sink, options.max_line_bytes, on_line);
    });
    data.skipped_lines += state.skipped;
    report_skipped_edge_lines(path, state.skipped, sink, options);
    if (ok && state.added == 0 && !sink.has_errors()) report_no_edges(path, sink);
    return state.added;
}

EdgeListLayout probe_edge_list(const std::string& path, const EdgeListOptions& options) {
    EdgeListLayout layout;
    DiagnosticSink ignored;  // whoever reads the line reports its problems
    std::size_t lines = 0;
    for_each_line_in_range(path, ignored, options.max_line_bytes, 0, UINT64_MAX,
                           [&](std::size_t, std::uint64_t offset, std::string_view raw) {
                               const std::string_view trimmed = trimmed_line(raw);
                               if (!is_data_line(trimmed)) return true;
                               layout.separator = detect_separator(trimmed);
                               layout.first_data_offset = offset;
                               return false;
                           },
                           lines);
    return layout;
}

EdgeListRangeResult read_edge_list_range(const std::string& path, const EdgeListLayout& layout, std::uint64_t begin, std::uint64_t end,
                                         CitationData& data, DiagnosticSink& sink, const EdgeListOptions& options) {
    EdgeLineState state;
    state.separator = layout.first_data_offset >= begin ? 0 : layout.separator;
    state.first_data = layout.first_data_offset >= begin;
    state.at_file_start = begin == 0;
    EdgeListRangeResult result;
    result.ok = parse_edge_lines(path, data, sink, options, state, [&](const auto& on_line) {
        return for_each_line_in_range(path, sink, options.max_line_bytes, begin, end,
                                      [&](std::size_t n, std::uint64_t, std::string_view raw) {
                                          on_line(n, raw);
                                          return true;
                                      },
                                      result.lines);
    });
    data.skipped_lines += state.skipped;
    result.edges = state.added;
    result.skipped = state.skipped;
    return result;
}

std::size_t read_paper_metadata(const std::string& path, CitationData& data, DiagnosticSink& sink, const EdgeListOptions& options) {
    std::size_t added = 0, skipped = 0, reported = 0;
    auto skip = [&](std::size_t line, const std::string& why) {
        ++skipped;
        if (reported++ < options.max_reported) sink.warning("W-JSONL-LINE", path, static_cast<int>(line), 1, why + "; line skipped");
    };
    for_each_line(path, sink, options.max_line_bytes, [&](std::size_t n, std::string_view raw) {
        const std::string_view line = text::trim(raw);
        if (line.empty()) return;
        // Depth is bounded by the parser callback, so a deeply nested line cannot exhaust the stack.
        int depth_exceeded = 0;
        nlohmann::json j = nlohmann::json::parse(line, [&](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
            if (depth > 64) { depth_exceeded = 1; return false; }
            return true;
        }, false);
        if (depth_exceeded) { skip(n, "JSON nested deeper than 64 levels"); return; }
        if (j.is_discarded() || !j.is_object()) { skip(n, "not a JSON object"); return; }
        const auto it = j.find("id");
        if (it == j.end() || !(it->is_string() || it->is_number_integer())) { skip(n, "no string or integer \"id\""); return; }
        const std::string id = normalize_paper_id(it->is_string() ? it->get<std::string>() : std::to_string(it->get<long long>()));
        PaperMetadata& m = data.metadata[id];
        auto take = [&](const char* key, std::string& into) {
            auto f = j.find(key);
            if (f != j.end() && f->is_string()) into = f->get<std::string>();
        };
        take("title", m.title);
        take("abstract", m.abstract);
        take("date", m.date);
        take("authors", m.authors);
        ++added;
    });
    data.skipped_lines += skipped;
    if (skipped > 0) sink.warning("W-JSONL-SKIPPED", path, 0, 0, std::to_string(skipped) + " line(s) skipped");
    return added;
}

}  // namespace citegraph::graph
