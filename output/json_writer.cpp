#include "output/json_writer.hpp"

#include <charconv>
#include <cmath>

namespace citegraph::output::detail {

void append_json_number(std::string& out, double value) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    char buffer[64];
    // Shortest representation that round-trips (std::to_chars without a precision).
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    const std::string_view text(buffer, ec == std::errc() ? static_cast<std::size_t>(end - buffer) : 0);
    out += text;
    if (text.find_first_of(".e") == std::string_view::npos) out += ".0";
}

void append_json(std::string& out, const std::vector<std::string>& items) {
    append_json_list(out, items, [](std::string& o, const std::string& s) { o += json_string(s); });
}

void append_json(std::string& out, const std::vector<graph::Provenance>& seen) {
    append_json_list(out, seen, [](std::string& o, const graph::Provenance& p) { JsonObject(o).provenance(p); });
}

void append_json(std::string& out, const std::vector<graph::PaperName>& names) {
    append_json_list(out, names, [](std::string& o, const graph::PaperName& n) {
        JsonObject w(o);
        w.str("text", n.text);
        w.str("source", n.source);
        w.provenance(n.where);
    });
}

void append_json(std::string& out, const std::vector<graph::TreeEntry>& entries) {
    append_json_list(out, entries, [](std::string& o, const graph::TreeEntry& t) {
        JsonObject w(o);
        w.str("topic_path", t.topic_path);
        w.str("description", t.description);
        w.provenance(t.where);
    });
}

void append_json(std::string& out, const std::vector<graph::SotaEntry>& rows) {
    append_json_list(out, rows, [](std::string& o, const graph::SotaEntry& s) {
        JsonObject w(o);
        w.integer("rank", s.rank);
        w.str("keywords", s.keywords);
        w.str("breakthrough", s.breakthrough);
        w.str("impact", s.impact);
        w.provenance(s.where);
    });
}

void append_json(std::string& out, const std::vector<graph::Contribution>& contributions) {
    append_json_list(out, contributions, [](std::string& o, const graph::Contribution& c) {
        JsonObject w(o);
        w.str("title", c.title);
        w.str("text", c.text);
        w.str("comment", c.comment);
        w.provenance(c.where);
    });
}

void append_json(std::string& out, const std::vector<graph::ReadingEntry>& entries) {
    append_json_list(out, entries, [](std::string& o, const graph::ReadingEntry& r) {
        JsonObject w(o);
        w.integer("position", r.position);
        w.str("label", r.label);
        w.str("reason", r.reason);
        w.provenance(r.where);
    });
}

void append_json(std::string& out, const std::map<std::string, int>& counts) {
    JsonObject w(out);
    for (const auto& [name, count] : counts) w.integer(name, count);
}

void append_json(std::string& out, const std::vector<std::pair<std::string, std::string>>& fields) {
    append_json_list(out, fields, [](std::string& o, const std::pair<std::string, std::string>& field) {
        JsonObject w(o);
        w.str("label", field.first);
        w.str("text", field.second);
    });
}

}  // namespace citegraph::output::detail
