#include "output/json_export.hpp"

#include <charconv>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <variant>

#include "output/escape.hpp"

namespace citegraph::output {
namespace {

using graph::Provenance;

void append_double(std::string& out, double value) {
    if (!std::isfinite(value)) {
        out += "null";  // JSON has no NaN or Infinity
        return;
    }
    char buffer[64];
    // Shortest representation that round-trips (std::to_chars without a precision).
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    const std::string_view text(buffer, ec == std::errc() ? static_cast<std::size_t>(end - buffer) : 0);
    out += text;
    // "1" would read back as a Python int; keep every score a float.
    if (text.find_first_of(".e") == std::string_view::npos) out += ".0";
}

// Appends `"key": value` pairs to one JSON object, separators included.
class ObjectWriter {
public:
    explicit ObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
    ObjectWriter(const ObjectWriter&) = delete;
    ObjectWriter& operator=(const ObjectWriter&) = delete;
    ~ObjectWriter() { out_ += '}'; }

    std::string& key(std::string_view name) {
        if (!first_) out_ += ", ";
        first_ = false;
        out_ += json_string(name);
        out_ += ": ";
        return out_;
    }
    void str(std::string_view name, std::string_view value) { key(name) += json_string(value); }
    void integer(std::string_view name, long long value) { key(name) += std::to_string(value); }
    void number(std::string_view name, double value) { append_double(key(name), value); }
    void provenance(const Provenance& where) {
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
void append_list(std::string& out, const Range& items, Each&& each) {
    out += '[';
    bool first = true;
    for (const auto& item : items) {
        if (!first) out += ", ";
        first = false;
        each(out, item);
    }
    out += ']';
}

void append_strings(std::string& out, const std::vector<std::string>& items) {
    append_list(out, items, [](std::string& o, const std::string& s) { o += json_string(s); });
}

void append_seen(std::string& out, const std::vector<Provenance>& seen) {
    append_list(out, seen, [](std::string& o, const Provenance& p) { ObjectWriter(o).provenance(p); });
}

void append_attributes(ObjectWriter& obj, const graph::PaperProps& p) {
    obj.str("version", p.version);
    append_list(obj.key("names"), p.names, [](std::string& o, const graph::PaperName& n) {
        ObjectWriter w(o);
        w.str("text", n.text);
        w.str("source", n.source);
        w.provenance(n.where);
    });
    append_list(obj.key("tree_entries"), p.tree_entries, [](std::string& o, const graph::TreeEntry& t) {
        ObjectWriter w(o);
        w.str("topic_path", t.topic_path);
        w.str("description", t.description);
        w.provenance(t.where);
    });
    append_list(obj.key("sota"), p.sota, [](std::string& o, const graph::SotaEntry& s) {
        ObjectWriter w(o);
        w.integer("rank", s.rank);
        w.str("keywords", s.keywords);
        w.str("breakthrough", s.breakthrough);
        w.str("impact", s.impact);
        w.provenance(s.where);
    });
    append_list(obj.key("contributions"), p.contributions, [](std::string& o, const graph::Contribution& c) {
        ObjectWriter w(o);
        w.str("title", c.title);
        w.str("text", c.text);
        w.str("comment", c.comment);
        w.provenance(c.where);
    });
    append_list(obj.key("reading"), p.reading, [](std::string& o, const graph::ReadingEntry& r) {
        ObjectWriter w(o);
        w.integer("position", r.position);
        w.str("label", r.label);
        w.str("reason", r.reason);
        w.provenance(r.where);
    });
    append_strings(obj.key("months"), p.months);
    {
        ObjectWriter counts(obj.key("mentions_per_section"));
        for (const auto& [section, count] : p.mentions_per_section) counts.integer(section, count);
    }
    obj.str("title", p.title);
    obj.str("abstract", p.abstract);
    obj.str("date", p.date);
}

void append_attributes(ObjectWriter& obj, const graph::TopicProps& t) {
    obj.str("name", t.name);
    obj.str("path", t.path);
    obj.integer("depth", t.depth);
    append_strings(obj.key("notes"), t.notes);
}

void append_attributes(ObjectWriter& obj, const graph::GapProps& g) {
    obj.str("title", g.title);
    obj.str("text", g.text);
    append_strings(obj.key("sub_points"), g.sub_points);
    obj.str("month", g.month);
}

void append_attributes(ObjectWriter& obj, const graph::IdeaProps& i) {
    obj.str("title", i.title);
    obj.str("tag", i.tag);
    obj.str("motivation", i.motivation);
    obj.str("novelty", i.novelty);
    obj.str("approach", i.approach);
    obj.str("data_metrics", i.data_metrics);
    obj.str("risk", i.risk);
    append_list(obj.key("other_fields"), i.other_fields,
                [](std::string& o, const std::pair<std::string, std::string>& field) {
                    ObjectWriter w(o);
                    w.str("label", field.first);
                    w.str("text", field.second);
                });
    obj.str("month", i.month);
}

}  // namespace

std::string node_link_id(const graph::NodeProps& node) {
    std::string id(graph::to_string(node.kind));
    id += ':';
    id += node.key;
    return id;
}

void write_node_link_json(std::ostream& os, const graph::KnowledgeGraph& kg, const JsonExportOptions& options) {
    const graph::Graph& g = kg.g();
    std::string line;

    line = "{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": ";
    {
        ObjectWriter graph_attrs(line);
        graph_attrs.str("name", options.graph_name);
        graph_attrs.str("format", "citegraph-node-link");
        graph_attrs.integer("format_version", 1);
    }
    line += ",\n  \"nodes\": [";
    os << line;

    // Ids are needed again for every link; compute each once.
    std::vector<std::string> ids;
    ids.reserve(boost::num_vertices(g));
    bool first = true;
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        const graph::NodeProps& node = g[*it];
        ids.push_back(node_link_id(node));
        line = first ? "\n    " : ",\n    ";
        first = false;
        {
            ObjectWriter obj(line);
            obj.str("id", ids.back());
            obj.str("kind", graph::to_string(node.kind));
            obj.str("key", node.key);
            obj.str("label", node.label);
            append_seen(obj.key("seen"), node.seen);
            std::visit([&obj](const auto& attrs) { append_attributes(obj, attrs); }, node.attrs);
        }
        os << line;
    }
    os << (first ? "],\n  \"links\": [" : "\n  ],\n  \"links\": [");

    first = true;
    std::unordered_map<graph::Vertex, long long> edges_to;  // per source: links so far to each target
    for (auto [vit, vend] = boost::vertices(g); vit != vend; ++vit) {
        edges_to.clear();
        for (auto [eit, eend] = boost::out_edges(*vit, g); eit != eend; ++eit) {
            const graph::EdgeProps& edge = g[*eit];
            const graph::Vertex target = boost::target(*eit, g);
            line = first ? "\n    " : ",\n    ";
            first = false;
            {
                ObjectWriter obj(line);
                obj.str("source", ids[*vit]);
                obj.str("target", ids[target]);
                obj.integer("key", edges_to[target]++);
                obj.str("kind", graph::to_string(edge.kind));
                obj.str("evidence", graph::to_string(edge.evidence));
                obj.number("score", edge.score);
                obj.str("matched_text", edge.matched_text);
                append_seen(obj.key("seen"), edge.seen);
            }
            os << line;
        }
    }
    os << (first ? "]\n}\n" : "\n  ]\n}\n");
}

}  // namespace citegraph::output
