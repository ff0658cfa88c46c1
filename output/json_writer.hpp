#pragma once
// The one way citegraph writes JSON text: an object, a list, a number, and the JSON shape of
// each structured attribute of the graph model. Shared by the node-link writer
// (json_export.cpp), the structured columns every other format carries (graph_export.cpp) and
// the Cytoscape.js and VOSviewer writers, so a value has the same shape in every format.
// Strings go through json_string (escape.hpp). Output is ", "-separated on one line.
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/model.hpp"
#include "output/escape.hpp"
#include "output/graph_export.hpp"

namespace citegraph::output::detail {

// Appends the shortest text that reads back as the same double, with a "." or an exponent
// always (so Python reads a float, not an int: 1 -> "1.0"); NaN and the infinities, which JSON
// lacks, as `null`.
void append_json_number(std::string& out, double value);

// The structured attributes (graph/model.hpp), one JSON shape each:
void append_json(std::string& out, const std::vector<std::string>& items);  // ["a", "b"]
// [{"file", "line", "section"}]: a `seen` list
void append_json(std::string& out, const std::vector<graph::Provenance>& seen);
// [{"text", "source", provenance}]
void append_json(std::string& out, const std::vector<graph::PaperName>& names);
// [{"topic_path", "description", provenance}]
void append_json(std::string& out, const std::vector<graph::TreeEntry>& entries);
// [{"rank", "keywords", "breakthrough", "impact", provenance}]
void append_json(std::string& out, const std::vector<graph::SotaEntry>& rows);
// [{"title", "text", "comment", provenance}]
void append_json(std::string& out, const std::vector<graph::Contribution>& contributions);
// [{"position", "label", "reason", provenance}]
void append_json(std::string& out, const std::vector<graph::ReadingEntry>& entries);
// {"section": mentions, ...}: a paper's mentions per section
void append_json(std::string& out, const std::map<std::string, int>& counts);
// [{"label", "text"}]: an idea's other fields, in the digest's order
void append_json(std::string& out, const std::vector<std::pair<std::string, std::string>>& fields);

// Appends `{"key": value, ...}` to `out`: '{' on construction, '}' on destruction, the
// separators in between.
class JsonObject {
public:
    explicit JsonObject(std::string& out) : out_(out) { out_ += '{'; }
    JsonObject(const JsonObject&) = delete;
    JsonObject& operator=(const JsonObject&) = delete;
    ~JsonObject() { out_ += '}'; }

    // Writes `"name": ` and returns the text, for the caller to append the value.
    std::string& key(std::string_view name) {
        if (!first_) out_ += ", ";
        first_ = false;
        out_ += json_string(name);
        out_ += ": ";
        return out_;
    }
    void str(std::string_view name, std::string_view value) { key(name) += json_string(value); }
    void integer(std::string_view name, long long value) { key(name) += std::to_string(value); }
    void number(std::string_view name, double value) { append_json_number(key(name), value); }
    // A structured attribute: one of the values append_json writes.
    template <typename Value>
    void structured(std::string_view name, const Value& value) {
        append_json(key(name), value);
    }
    // "file", "line", "section" of a place in an input.
    void provenance(const graph::Provenance& where) {
        str("file", where.file);
        integer("line", where.line);
        str("section", where.section);
    }

private:
    std::string& out_;
    bool first_ = true;
};

// Appends `[item, item, ...]`, each item written by `each(out, item)`.
template <typename Range, typename Each>
void append_json_list(std::string& out, const Range& items, Each&& each) {
    out += '[';
    bool first = true;
    for (const auto& item : items) {
        if (!first) out += ", ";
        first = false;
        each(out, item);
    }
    out += ']';
}

// The JSON text of one of the values above.
template <typename Value>
std::string to_json(const Value& value) {
    std::string out;
    append_json(out, value);
    return out;
}

// Every attribute of a node's kind (graph/model.hpp), in the model's order, under the name
// every format gives it: `sink.str(name, text)`, `sink.integer(name, number)` and
// `sink.structured(name, value)` for a value append_json writes. One list for the node-link
// JSON (JsonObject) and the columns of the other formats (graph_export.cpp), so an attribute
// added here reaches every format.
template <typename Sink>
void visit_attributes(const graph::PaperProps& p, Sink& sink) {
    sink.str("version", p.version);
    sink.structured("names", p.names);
    sink.structured("tree_entries", p.tree_entries);
    sink.structured("sota", p.sota);
    sink.structured("contributions", p.contributions);
    sink.structured("reading", p.reading);
    sink.structured("months", p.months);
    sink.structured("mentions_per_section", p.mentions_per_section);
    sink.structured("same_as", p.same_as);
    sink.str("title", p.title);
    sink.str("abstract", p.abstract);
    sink.str("date", p.date);
}

template <typename Sink>
void visit_attributes(const graph::TopicProps& t, Sink& sink) {
    sink.str("name", t.name);
    sink.str("path", t.path);
    sink.integer("depth", t.depth);
    sink.structured("notes", t.notes);
}

template <typename Sink>
void visit_attributes(const graph::GapProps& g, Sink& sink) {
    sink.str("title", g.title);
    sink.str("text", g.text);
    sink.structured("sub_points", g.sub_points);
    sink.str("month", g.month);
}

template <typename Sink>
void visit_attributes(const graph::IdeaProps& i, Sink& sink) {
    sink.str("title", i.title);
    sink.str("tag", i.tag);
    sink.str("motivation", i.motivation);
    sink.str("novelty", i.novelty);
    sink.str("approach", i.approach);
    sink.str("data_metrics", i.data_metrics);
    sink.str("risk", i.risk);
    sink.structured("other_fields", i.other_fields);
    sink.str("month", i.month);
}

// A cell as a JSON value: Json columns are already JSON text (built with the functions
// above); the others are converted here.
inline std::string json_value(const Column& column, const Cell& cell) {
    switch (column.type) {
        case ColumnType::Int: return std::to_string(cell.integer);
        case ColumnType::Double: return format_double(cell.number);
        case ColumnType::Json: return cell.text;
        case ColumnType::String: break;
    }
    return json_string(cell.text);
}

}  // namespace citegraph::output::detail
