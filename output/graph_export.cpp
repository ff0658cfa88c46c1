#include "output/graph_export.hpp"

#include <cmath>
#include <cstdio>
#include <string_view>
#include <unordered_map>
#include <variant>

#include "analysis/centrality.hpp"
#include "analysis/clusters.hpp"
#include "analysis/influence.hpp"
#include "analysis/layout.hpp"
#include "analysis/projection.hpp"
#include "output/json_writer.hpp"

namespace citegraph::output {
namespace {

using graph::EdgeKind;
using graph::NodeKind;

// Structured attributes are JSON text with the node-link JSON's shapes (json_writer.hpp).
using detail::to_json;

// ---- columns ---------------------------------------------------------------------------------

const std::vector<Column> kNodeColumns = {
    {"kind", ColumnType::String},
    {"key", ColumnType::String},
    {"label", ColumnType::String},
    {"seen", ColumnType::Json},
    {"size", ColumnType::Double},
    {"color", ColumnType::String},
    {"x", ColumnType::Double},
    {"y", ColumnType::Double},
    {"cluster", ColumnType::Int},
    {"group", ColumnType::String},
    {"influence", ColumnType::Double},
    {"influence_rank", ColumnType::Int},
    // paper
    {"version", ColumnType::String},
    {"names", ColumnType::Json},
    {"tree_entries", ColumnType::Json},
    {"sota", ColumnType::Json},
    {"contributions", ColumnType::Json},
    {"reading", ColumnType::Json},
    {"months", ColumnType::Json},
    {"mentions_per_section", ColumnType::Json},
    {"same_as", ColumnType::Json},
    {"title", ColumnType::String},  // paper, gap, idea
    {"abstract", ColumnType::String},
    {"date", ColumnType::String},
    // topic
    {"name", ColumnType::String},
    {"path", ColumnType::String},
    {"depth", ColumnType::Int},
    {"notes", ColumnType::Json},
    // gap
    {"text", ColumnType::String},
    {"sub_points", ColumnType::Json},
    {"month", ColumnType::String},  // gap, idea
    // idea
    {"tag", ColumnType::String},
    {"motivation", ColumnType::String},
    {"novelty", ColumnType::String},
    {"approach", ColumnType::String},
    {"data_metrics", ColumnType::String},
    {"risk", ColumnType::String},
    {"other_fields", ColumnType::Json},
};

const std::vector<Column> kEdgeColumns = {
    {"kind", ColumnType::String},
    {"evidence", ColumnType::String},
    {"score", ColumnType::Double},
    {"matched_text", ColumnType::String},
    {"seen", ColumnType::Json},
};

std::size_t column_index(const std::vector<Column>& columns, std::string_view name) {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].name == name) return i;
    return columns.size();  // a typo in this file: caught by the tests as a missing column
}

// Fills cells by column name.
class Row {
public:
    explicit Row(const std::vector<Column>& columns) : columns_(columns), cells_(columns.size()) {}
    void str(std::string_view name, std::string value) { cell(name).text = std::move(value); }
    void json(std::string_view name, std::string value) { cell(name).text = std::move(value); }
    template <typename Value>
    void structured(std::string_view name, const Value& value) {
        json(name, to_json(value));
    }
    void integer(std::string_view name, long long value) { cell(name).integer = value; }
    void number(std::string_view name, double value) { cell(name).number = std::isfinite(value) ? value : 0.0; }
    std::vector<Cell> take() { return std::move(cells_); }

private:
    Cell& cell(std::string_view name) {
        Cell& c = cells_.at(column_index(columns_, name));
        c.present = true;
        return c;
    }
    const std::vector<Column>& columns_;
    std::vector<Cell> cells_;
};

// ---- visuals ---------------------------------------------------------------------------------

struct Rgb {
    std::uint8_t r, g, b;
};

// Distinct, colour-blind-friendlier hues for topics and clusters (Tableau 10 without its red,
// green and grey, which mark gaps, ideas and unclassified papers, then darker companions).
constexpr Rgb kPalette[] = {{0x1f, 0x77, 0xb4}, {0xff, 0x7f, 0x0e}, {0x94, 0x67, 0xbd}, {0x8c, 0x56, 0x4b},
                            {0xe3, 0x77, 0xc2}, {0xbc, 0xbd, 0x22}, {0x17, 0xbe, 0xcf}, {0x39, 0x3b, 0x79},
                            {0x8c, 0x6d, 0x31}, {0x7b, 0x41, 0x73}, {0x31, 0x82, 0xbd}, {0xe6, 0x55, 0x0d},
                            {0x63, 0x79, 0x39}, {0x84, 0x3c, 0x39}};
constexpr Rgb kGapColor{0xd6, 0x27, 0x28};
constexpr Rgb kIdeaColor{0x2c, 0xa0, 0x2c};
constexpr Rgb kNeutralColor{0x99, 0x99, 0x99};

// The root topic above `v` through subtopic_of edges (memoized; a cycle stops at the start).
graph::Vertex root_topic(const graph::Graph& g, graph::Vertex v, std::unordered_map<graph::Vertex, graph::Vertex>& memo) {
    if (auto it = memo.find(v); it != memo.end()) return it->second;
    graph::Vertex at = v;
    std::vector<graph::Vertex> path{v};
    for (std::size_t steps = 0; steps < boost::num_vertices(g); ++steps) {
        std::optional<graph::Vertex> parent;
        for (auto [e, end] = boost::out_edges(at, g); e != end; ++e)
            if (g[*e].kind == EdgeKind::SubtopicOf) {
                parent = boost::target(*e, g);
                break;
            }
        if (!parent || *parent == v) break;
        if (auto it = memo.find(*parent); it != memo.end()) {
            at = it->second;
            break;
        }
        at = *parent;
        path.push_back(at);
    }
    for (graph::Vertex p : path) memo[p] = at;
    return at;
}

}  // namespace

std::string hex_color(const NodeVisual& visual) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", visual.r, visual.g, visual.b);
    return buffer;
}

std::vector<NodeVisual> compute_visuals(const graph::LoadResult& loaded, const VisualOptions& options, std::string* colored_by) {
    const graph::KnowledgeGraph& kg = loaded.graph;
    const graph::Graph& g = kg.g();
    const auto n = static_cast<std::uint32_t>(boost::num_vertices(g));
    std::vector<NodeVisual> visuals(n);

    // Sizes from the influence ranking, computed as `rank --by influence` does.
    const auto pr = analysis::influence_pageranks(loaded);
    const auto influence = analysis::influence_ranking(loaded, pr.mentions, pr.citations);
    for (const auto& entry : influence.ranking) {
        const auto v = kg.find(NodeKind::Paper, entry.id);
        if (!v) continue;
        visuals[*v].influence = std::isfinite(entry.score) ? entry.score : 0.0;
        visuals[*v].influence_rank = entry.rank;
    }
    for (std::uint32_t v = 0; v < n; ++v) {
        switch (g[v].kind) {
            case NodeKind::Paper: visuals[v].size = 6.0 + 24.0 * visuals[v].influence; break;
            case NodeKind::Topic: visuals[v].size = g[v].topic().depth == 0 ? 20.0 : 14.0; break;
            case NodeKind::Gap:
            case NodeKind::Idea: visuals[v].size = 12.0; break;
        }
    }

    // Every edge once, for the clusters and the layout.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    edges.reserve(boost::num_edges(g));
    for (auto [e, end] = boost::edges(g); e != end; ++e)
        edges.emplace_back(static_cast<std::uint32_t>(boost::source(*e, g)), static_cast<std::uint32_t>(boost::target(*e, g)));

    std::vector<std::uint32_t> membership(n, 0);  // 0-based, for the layout
    if (kg.count(NodeKind::Topic) > 0) {
        if (colored_by) *colored_by = "topic";
        std::unordered_map<graph::Vertex, graph::Vertex> memo;
        std::unordered_map<graph::Vertex, std::uint32_t> root_cluster;  // root topic -> 0-based cluster
        for (graph::Vertex t : kg.vertices(NodeKind::Topic)) {
            const graph::Vertex root = root_topic(g, t, memo);
            if (!root_cluster.count(root)) root_cluster.emplace(root, static_cast<std::uint32_t>(root_cluster.size()));
        }
        // Fixed groups after the topics, numbered only when used.
        std::unordered_map<std::string, std::uint32_t> extra;
        const auto extra_cluster = [&](const std::string& name) {
            auto it = extra.find(name);
            if (it == extra.end()) it = extra.emplace(name, static_cast<std::uint32_t>(root_cluster.size() + extra.size())).first;
            return it->second;
        };
        // Deterministic numbering of the extra groups: decide them in vertex order.
        for (std::uint32_t v = 0; v < n; ++v) {
            NodeVisual& vis = visuals[v];
            std::optional<graph::Vertex> root;
            std::string group;
            Rgb color = kNeutralColor;
            switch (g[v].kind) {
                case NodeKind::Topic: root = root_topic(g, v, memo); break;
                case NodeKind::Paper:
                    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e)
                        if (g[*e].kind == EdgeKind::ClassifiedAs || g[*e].kind == EdgeKind::SuggestedTopic) {
                            root = root_topic(g, boost::target(*e, g), memo);
                            break;
                        }
                    if (!root) group = "unclassified";
                    break;
                case NodeKind::Gap: group = "gap", color = kGapColor; break;
                case NodeKind::Idea: group = "idea", color = kIdeaColor; break;
            }
            if (root) {
                membership[v] = root_cluster.at(*root);
                color = kPalette[membership[v] % std::size(kPalette)];
                group = g[*root].topic().name.empty() ? g[*root].key : g[*root].topic().name;
            } else {
                membership[v] = extra_cluster(group);
            }
            vis.cluster = static_cast<int>(membership[v]) + 1;
            vis.group = group;
            vis.r = color.r, vis.g = color.g, vis.b = color.b;
        }
    } else if (n > 0) {
        if (colored_by) *colored_by = "cluster";
        const analysis::CsrGraph csr(n, edges);
        const analysis::UndirectedGraph undirected(csr, analysis::UndirectedMode::CollapseSimple);
        analysis::LeidenOptions leiden;
        leiden.seed = options.seed;
        membership = analysis::leiden(undirected, leiden).membership;
        for (std::uint32_t v = 0; v < n; ++v) {
            const Rgb color = kPalette[membership[v] % std::size(kPalette)];
            visuals[v].cluster = static_cast<int>(membership[v]) + 1;
            visuals[v].group = "cluster " + std::to_string(membership[v] + 1);
            visuals[v].r = color.r, visuals[v].g = color.g, visuals[v].b = color.b;
        }
    }

    analysis::LayoutOptions layout_options;
    layout_options.seed = options.seed;
    layout_options.iterations = options.layout_iterations;
    layout_options.force_directed_limit = options.force_directed_limit;
    const auto layout = analysis::compute_layout(n, edges, membership, layout_options);
    for (std::uint32_t v = 0; v < n; ++v) {
        visuals[v].x = layout.x[v];
        visuals[v].y = layout.y[v];
    }
    return visuals;
}

const std::vector<Column>& node_columns() { return kNodeColumns; }
const std::vector<Column>& edge_columns() { return kEdgeColumns; }

std::vector<Cell> node_cells(const ExportInput& input, graph::Vertex v) {
    const graph::NodeProps& node = input.kg()[v];
    const NodeVisual vis = input.visual(v);
    Row row(kNodeColumns);
    row.str("kind", std::string(graph::to_string(node.kind)));
    row.str("key", node.key);
    row.str("label", node.label);
    row.json("seen", to_json(node.seen));
    row.number("size", vis.size);
    row.str("color", hex_color(vis));
    row.number("x", vis.x);
    row.number("y", vis.y);
    row.integer("cluster", vis.cluster);
    row.str("group", vis.group);
    row.number("influence", vis.influence);
    row.integer("influence_rank", vis.influence_rank);
    std::visit([&row](const auto& attrs) { detail::visit_attributes(attrs, row); }, node.attrs);
    return row.take();
}

std::vector<Cell> edge_cells(const ExportInput& input, graph::Edge e) {
    const graph::EdgeProps& edge = input.kg()[e];
    Row row(kEdgeColumns);
    row.str("kind", std::string(graph::to_string(edge.kind)));
    row.str("evidence", std::string(graph::to_string(edge.evidence)));
    row.number("score", edge.score);
    row.str("matched_text", edge.matched_text);
    row.json("seen", to_json(edge.seen));
    return row.take();
}

std::string format_double(double value) {
    std::string text;
    detail::append_json_number(text, std::isfinite(value) ? value : 0.0);
    return text;
}

std::string format_fixed(double value) {
    if (!std::isfinite(value)) value = 0.0;
    double rounded = std::round(value * 100.0) / 100.0;
    if (rounded == 0.0) rounded = 0.0;  // no "-0"
    return format_double(rounded);
}

std::string export_node_id(const graph::NodeProps& node) {
    std::string id(graph::to_string(node.kind));
    id += ':';
    id += node.key;
    return id;
}

}  // namespace citegraph::output
