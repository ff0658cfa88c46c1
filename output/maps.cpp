#include "output/maps.hpp"

#include "output/escape.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

namespace citegraph::output {
namespace {

using graph::EdgeKind;
using graph::Evidence;
using graph::KnowledgeGraph;
using graph::NodeKind;
using graph::Vertex;

// ColorBrewer "Set3": 12 pastel colours that keep black text readable.
constexpr const char* kPalette[] = {"#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
                                    "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"};

// `hex` mixed with white: 0 = hex, 1 = white. For cluster backgrounds behind pastel nodes.
std::string tint(const std::string& hex, double white) {
    auto channel = [&](int i) { return std::stoi(hex.substr(static_cast<std::size_t>(1 + 2 * i), 2), nullptr, 16); };
    char out[8];
    const auto mix = [&](int c) { return static_cast<int>(std::lround(c + (255 - c) * white)); };
    std::snprintf(out, sizeof out, "#%02x%02x%02x", mix(channel(0)), mix(channel(1)), mix(channel(2)));
    return out;
}

std::string fixed(double x, int digits) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, x);
    return buf;
}

std::string month_text(const std::vector<std::string>& months) {
    std::string out;
    for (const auto& m : months) out += (out.empty() ? "" : ", ") + m;
    return out;
}

// ---- legend: an HTML-like table; every piece of text goes through xml_escape ----------------

struct Legend {
    double scale = 1.0;  // large drawings (the citation map) get a larger legend
    std::string heading;
    std::string rows;
    std::string pt(double size) const { return std::to_string(static_cast<int>(std::lround(size * scale))); }
    std::string cell(const std::string& text) const {
        return "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"" + pt(12) + "\">" + xml_escape(text) + "</FONT></TD>";
    }
    // Long text as left-aligned lines of at most 48 characters: Graphviz widens the key's
    // first column (the swatches) to the widest heading or note, so these stay narrow.
    static std::string lines(const std::string& text, std::size_t width) {
        const std::string wrapped = wrap_label(text, width);
        std::string out;
        std::size_t start = 0;
        while (true) {
            const auto end = wrapped.find('\n', start);
            out += xml_escape(wrapped.substr(start, end == std::string::npos ? std::string::npos : end - start)) + "<BR ALIGN=\"LEFT\"/>";
            if (end == std::string::npos) break;
            start = end + 1;
        }
        return out;
    }
    std::string box(int width, int height) const {
        return " WIDTH=\"" + pt(width) + "\" HEIGHT=\"" + pt(height) + "\"";
    }
    void title(const std::string& text, const std::string& subtitle) {
        heading = "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"" + pt(22) + "\"><B>" + xml_escape(text) + "</B></FONT></TD></TR>";
        if (!subtitle.empty())
            heading += "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"" + pt(12) + "\" COLOR=\"#444444\">" + lines(subtitle, 48) + "</FONT></TD></TR>";
    }
    void swatch(const std::string& fill, const std::string& text, int border = 1, const std::string& style = "") {
        rows += "<TR><TD BORDER=\"" + std::to_string(border) + "\" BGCOLOR=\"" + fill + "\"" + (style.empty() ? "" : " STYLE=\"" + style + "\"") +
                box(40, 18) + "> </TD>" + cell(text) + "</TR>";
    }
    void double_border(const std::string& fill, const std::string& text) {
        rows += "<TR><TD BORDER=\"1\" CELLPADDING=\"2\"><TABLE BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\"><TR><TD BORDER=\"1\" BGCOLOR=\"" +
                fill + "\"" + box(30, 8) + "> </TD></TR></TABLE></TD>" + cell(text) + "</TR>";
    }
    void line(const std::string& glyphs, const std::string& color, const std::string& text) {
        rows += "<TR><TD" + box(40, 22) + "><FONT POINT-SIZE=\"" + pt(12) + "\" COLOR=\"" + color + "\">" + xml_escape(glyphs) + "</FONT></TD>" + cell(text) + "</TR>";
    }
    void note(const std::string& text) {
        rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"" + pt(11) + "\">" + lines(text, 48) + "</FONT></TD></TR>";
    }
    // The key is a table of its own, so a long subtitle does not stretch its columns.
    std::string html() const {
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">" + heading +
               "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\">" + rows +
               "</TABLE></TD></TR></TABLE>";
    }
};

// Evidence as line style: the one convention of the gaps and clusters maps.
std::string evidence_style(Evidence e) {
    switch (e) {
        case Evidence::Id: return "solid";
        case Evidence::Name: return "dashed";
        case Evidence::Inferred: return "dotted";
    }
    return "solid";
}

void evidence_legend(Legend& legend) {
    legend.line("\u2500\u2500\u2500\u2500", "#333333", "link by arXiv id (solid)");
    legend.line("\u254C\u254C\u254C\u254C", "#333333", "link by the paper's name (dashed)");
    legend.line("\u2508\u2508\u2508\u2508", "#333333", "inferred link, text similarity (dotted)");
}

DotAttrs base_graph_attrs(const std::string& legend_html) {
    return {{"label", legend_html, true}, {"labelloc", "t"},   {"labeljust", "l"}, {"fontname", kMapFont},
            {"fontsize", "12"},           {"bgcolor", "white"}, {"pad", "0.3"}};
}

DotAttrs base_node_defaults() {
    return {{"fontname", kMapFont}, {"fontsize", "10"}, {"shape", "box"}, {"style", "rounded,filled"}, {"fillcolor", "white"},
            {"color", "#555555"},   {"margin", "0.08,0.04"}};
}

DotAttrs base_edge_defaults() { return {{"fontname", kMapFont}, {"fontsize", "9"}, {"color", "#666666"}, {"arrowsize", "0.6"}}; }

double influence_of(const std::unordered_map<std::string, double>& influence, const std::string& id) {
    auto it = influence.find(id);
    return it == influence.end() ? 0.0 : std::clamp(it->second, 0.0, 1.0);
}

// A paper's label: its short name, else its id, on at most two lines.
std::string paper_label(const graph::NodeProps& p) { return wrap_label(short_label(p.label.empty() ? p.key : p.label, 30), 16); }

std::string paper_tooltip(const graph::NodeProps& node, double influence) {
    const auto& p = node.paper();
    std::string out = node.key;
    if (!node.label.empty() && node.label != node.key) out += " \u00B7 " + node.label;
    if (!p.title.empty()) out += "\n" + p.title;
    for (const auto& t : p.tree_entries) out += "\n[" + t.topic_path + "] " + t.description;
    if (!p.sota.empty()) out += "\nSOTA #" + std::to_string(p.sota.front().rank) + ": " + p.sota.front().keywords;
    if (!p.reading.empty()) out += "\nReading list #" + std::to_string(p.reading.front().position) + ": " + p.reading.front().reason;
    out += "\nInfluence " + fixed(influence, 2);
    return out;
}

// Papers grow with influence: font 10..16 pt.
std::string paper_fontsize(double influence) { return fixed(10.0 + 6.0 * influence, 1); }

void mark_paper(DotAttrs& attrs, const graph::PaperProps& p) {
    if (!p.sota.empty()) attrs.push_back({"peripheries", "2"});
    if (!p.reading.empty()) attrs.push_back({"penwidth", "2.5"});
    if (!p.reading.empty()) attrs.push_back({"color", "#222222"});
}

std::string gap_id(const graph::NodeProps& n) { return std::string(graph::to_string(n.kind)) + ":" + n.key; }

std::string node_id(const KnowledgeGraph& kg, Vertex v) {
    const auto& n = kg[v];
    return n.kind == NodeKind::Paper ? n.key : gap_id(n);
}

MapNode gap_or_idea_node(const KnowledgeGraph& kg, Vertex v) {
    const auto& n = kg[v];
    MapNode out{node_id(kg, v), {}};
    std::string tooltip;
    if (n.kind == NodeKind::Gap) {
        tooltip = "Gap: " + n.gap().title + (n.gap().text.empty() ? "" : "\n" + n.gap().text);
        for (const auto& s : n.gap().sub_points) tooltip += "\n- " + s;
        out.attrs = {{"label", wrap_label(short_label(n.label, 64), 24)}, {"shape", "note"}, {"style", "filled"}, {"fillcolor", "#fde0dd"}, {"fontsize", "11"}};
    } else {
        const auto& i = n.idea();
        tooltip = "Idea: " + i.title;
        if (!i.motivation.empty()) tooltip += "\nMotivation: " + i.motivation;
        if (!i.novelty.empty()) tooltip += "\nNovelty: " + i.novelty;
        out.attrs = {{"label", wrap_label(short_label(n.label, 64), 24)}, {"shape", "box"}, {"style", "filled"}, {"fillcolor", "#e5f5e0"}, {"fontsize", "11"}};
    }
    out.attrs.push_back({"tooltip", tooltip});
    return out;
}

MapNode paper_node(const KnowledgeGraph& kg, Vertex v, double influence, const std::string& fill) {
    const auto& n = kg[v];
    MapNode out{n.key, {{"label", paper_label(n)}, {"tooltip", paper_tooltip(n, influence)}, {"fillcolor", fill}, {"fontsize", paper_fontsize(influence)}}};
    mark_paper(out.attrs, n.paper());
    return out;
}

struct LinkStyle {
    const char* color;
    const char* name;
};

LinkStyle link_style(EdgeKind k) {
    switch (k) {
        case EdgeKind::Mentions: return {"#b2182b", "mentions"};
        case EdgeKind::BuildsOn: return {"#1b7837", "builds on"};
        case EdgeKind::RelatedTo: return {"#878787", "related to"};
        case EdgeKind::Addresses: return {"#762a83", "addresses"};
        default: return {"#666666", "link"};
    }
}

bool is_reliance(EdgeKind k) {
    return k == EdgeKind::Mentions || k == EdgeKind::BuildsOn || k == EdgeKind::RelatedTo || k == EdgeKind::Addresses;
}

MapEdge reliance_edge(const KnowledgeGraph& kg, const graph::Edge& e) {
    const auto& props = kg[e];
    const auto style = link_style(props.kind);
    std::string tip = std::string(style.name) + " (" + std::string(graph::to_string(props.evidence)) + ")";
    if (!props.matched_text.empty()) tip += ": " + props.matched_text;
    return {node_id(kg, boost::source(e, kg.g())), node_id(kg, boost::target(e, kg.g())),
            {{"style", evidence_style(props.evidence)}, {"color", style.color}, {"tooltip", tip}}};
}

}  // namespace

std::string map_palette_color(std::size_t i) { return kPalette[i % std::size(kPalette)]; }

// ---- topic --------------------------------------------------------------------------------

MapDocument topic_map(const KnowledgeGraph& kg, const TopicMapOptions& options) {
    const auto& g = kg.g();
    const auto topics = kg.vertices(NodeKind::Topic);
    std::map<Vertex, std::vector<Vertex>> children;
    std::map<Vertex, Vertex> parent;
    for (auto t : topics)
        for (auto [e, end] = boost::out_edges(t, g); e != end; ++e)
            if (kg[*e].kind == EdgeKind::SubtopicOf) parent[t] = boost::target(*e, g);
    for (auto t : topics)
        if (auto p = parent.find(t); p != parent.end()) children[p->second].push_back(t);
    std::vector<Vertex> roots;
    for (auto t : topics)
        if (!parent.count(t)) roots.push_back(t);
    std::map<Vertex, std::size_t> root_index;
    for (std::size_t i = 0; i < roots.size(); ++i) root_index[roots[i]] = i;
    const auto root_of = [&](Vertex t) {
        while (parent.count(t)) t = parent.at(t);
        return t;
    };

    // Papers per topic, in the order the tree lists them; a paper's first topic holds it.
    std::map<Vertex, std::vector<std::string>> members;
    std::vector<MapNode> nodes;
    std::size_t classified = 0, aliases = 0;
    for (auto p : kg.vertices(NodeKind::Paper)) {
        std::vector<Vertex> under;
        for (auto [e, end] = boost::out_edges(p, g); e != end; ++e)
            if (kg[*e].kind == EdgeKind::ClassifiedAs) under.push_back(boost::target(*e, g));
        if (under.empty()) continue;
        ++classified;
        const double influence = influence_of(options.influence, kg[p].key);
        const std::string fill = map_palette_color(root_index[root_of(under.front())]);
        nodes.push_back(paper_node(kg, p, influence, fill));
        members[under.front()].push_back(kg[p].key);
        for (std::size_t i = 1; i < under.size(); ++i) {
            const std::string alias = kg[p].key + " @ " + kg[under[i]].key;
            MapNode copy{alias,
                         {{"label", paper_label(kg[p])},
                          {"tooltip", "Also classified here: " + paper_tooltip(kg[p], influence)},
                          {"fillcolor", "white"},
                          {"style", "rounded,dashed,filled"},
                          {"fontsize", "9"}}};
            nodes.push_back(std::move(copy));
            members[under[i]].push_back(alias);
            ++aliases;
        }
    }

    // Topics with no paper anywhere below them are not drawn (Graphviz drops empty clusters).
    std::map<Vertex, std::size_t> below;
    std::function<std::size_t(Vertex)> count_below = [&](Vertex t) {
        std::size_t n = members[t].size();
        for (auto c : children[t]) n += count_below(c);
        return below[t] = n;
    };
    for (auto r : roots) count_below(r);

    std::function<MapCluster(Vertex, int)> build = [&](Vertex t, int depth) {
        const auto& topic = kg[t];
        const std::string color = map_palette_color(root_index[root_of(t)]);
        MapCluster c{"t" + std::to_string(t),
                     {{"label", wrap_label(short_label(topic.label, 60), depth == 0 ? 36 : 28)},
                      {"tooltip", topic.topic().path.empty() ? topic.label : topic.topic().path},
                      {"style", "filled,rounded"},
                      {"fillcolor", depth == 0 ? tint(color, 0.75) : tint(color, std::min(0.95, 0.82 + 0.05 * depth))},
                      {"color", color},
                      {"penwidth", depth == 0 ? "2" : "1"},
                      {"fontsize", depth == 0 ? "16" : std::to_string(std::max(10, 14 - 2 * depth))},
                      {"fontname", kMapFont}},
                     members[t],
                     {}};
        if (depth == 0) c.attrs.push_back({"labeljust", "l"});
        for (auto ch : children[t])
            if (below[ch] > 0) c.children.push_back(build(ch, depth + 1));
        return c;
    };

    MapDocument doc;
    doc.name = "topic map";
    for (auto r : roots)
        if (below[r] > 0) doc.clusters.push_back(build(r, 0));
    doc.nodes = std::move(nodes);

    const std::size_t papers = kg.count(NodeKind::Paper);
    Legend legend;
    const std::string months = month_text(options.months);
    legend.title("Topic map" + (months.empty() ? "" : " \u2014 " + months),
                 std::to_string(classified) + " papers in " + std::to_string(topics.size()) + " topics" +
                     (papers > classified ? "; " + std::to_string(papers - classified) + " papers outside the topic tree are not drawn" : ""));
    for (auto r : roots)
        if (below[r] > 0) legend.swatch(map_palette_color(root_index[r]), kg[r].label);
    legend.double_border("white", "SOTA highlight (double border)");
    legend.swatch("white", "on the reading list (thick border)", 3);
    if (aliases > 0) legend.swatch("white", "also classified under this topic (dashed copy)", 1, "dashed");
    legend.note("Larger text = more influential (citegraph rank --by influence). Hover a paper for its description.");
    doc.graph_attrs = base_graph_attrs(legend.html());
    doc.node_defaults = base_node_defaults();
    doc.edge_defaults = base_edge_defaults();
    return doc;
}

// ---- gaps ---------------------------------------------------------------------------------

MapDocument gaps_map(const KnowledgeGraph& kg, const GapsMapOptions& options) {
    const auto& g = kg.g();
    MapDocument doc;
    doc.name = "gaps map";
    std::set<Vertex> papers;
    std::map<EdgeKind, std::size_t> kinds;
    std::map<Evidence, std::size_t> evidences;
    std::size_t unsupported = 0;
    const auto gaps = kg.vertices(NodeKind::Gap);
    const auto ideas = kg.vertices(NodeKind::Idea);
    for (const auto* list : {&gaps, &ideas}) {
        for (auto v : *list) {
            doc.nodes.push_back(gap_or_idea_node(kg, v));
            bool supported = false;
            for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
                if (!is_reliance(kg[*e].kind)) continue;
                doc.edges.push_back(reliance_edge(kg, *e));
                ++kinds[kg[*e].kind];
                ++evidences[kg[*e].evidence];
                const auto t = boost::target(*e, g);
                if (kg[t].kind == NodeKind::Paper) {
                    papers.insert(t);
                    supported = true;
                }
            }
            if (!supported && kg[v].kind == NodeKind::Gap) ++unsupported;
        }
    }
    for (auto p : kg.vertices(NodeKind::Paper))
        if (papers.count(p)) doc.nodes.push_back(paper_node(kg, p, influence_of(options.influence, kg[p].key), "#deebf7"));
    // Papers in one column made the map a long strip (49 papers: 48 inches tall). Staggering
    // them over three columns, in the order the gaps cite them (what Graphviz's `unflatten
    // -l 3` does), keeps each paper next to its gap and makes the map a third as tall.
    std::map<std::string, int> column;
    for (auto& e : doc.edges) {
        if (e.to.rfind("gap:", 0) == 0 || e.to.rfind("idea:", 0) == 0) continue;
        auto [it, inserted] = column.try_emplace(e.to, static_cast<int>(column.size() % 3));
        e.attrs.push_back({"minlen", std::to_string(1 + it->second)});
    }

    Legend legend;
    const std::string months = month_text(options.months);
    legend.title("Gaps and ideas" + (months.empty() ? "" : " \u2014 " + months),
                 std::to_string(gaps.size()) + " gaps, " + std::to_string(ideas.size()) + " ideas, " + std::to_string(papers.size()) +
                     " papers they rely on" + (unsupported ? "; " + std::to_string(unsupported) + " gaps cite no paper" : ""));
    legend.swatch("#fde0dd", "research gap (GAPS_AND_OPPORTUNITIES)");
    legend.swatch("#e5f5e0", "future idea (FUTURE_IDEAS)");
    legend.swatch("#deebf7", "paper");
    legend.double_border("#deebf7", "SOTA highlight (double border)");
    legend.swatch("#deebf7", "on the reading list (thick border)", 3);
    for (auto k : {EdgeKind::Mentions, EdgeKind::BuildsOn, EdgeKind::RelatedTo, EdgeKind::Addresses})
        if (kinds.count(k)) legend.line("\u2500\u2500\u25B6", link_style(k).color, std::string(link_style(k).name) + " (" + std::to_string(kinds[k]) + ")");
    evidence_legend(legend);
    legend.note("Larger text = more influential paper. Hover a node for its full text.");
    doc.graph_attrs = base_graph_attrs(legend.html());
    doc.graph_attrs.push_back({"rankdir", "LR"});
    doc.graph_attrs.push_back({"ranksep", "0.7"});
    doc.graph_attrs.push_back({"nodesep", "0.12"});
    doc.node_defaults = base_node_defaults();
    doc.edge_defaults = base_edge_defaults();
    return doc;
}

// ---- clusters -----------------------------------------------------------------------------

MapDocument clusters_map(const KnowledgeGraph& kg, const ClustersMapOptions& options) {
    const auto& g = kg.g();
    MapDocument doc;
    doc.name = "clusters map";
    std::set<Vertex> drawn;
    for (std::size_t i = 0; i < options.clusters.size(); ++i) {
        const auto& c = options.clusters[i];
        const std::string color = map_palette_color(i);
        const std::string number = std::to_string(c.id);
        const auto paper_count = std::count_if(c.members.begin(), c.members.end(), [&](Vertex v) { return kg[v].kind == NodeKind::Paper; });
        MapCluster box{"c" + number,
                       {{"label", wrap_label("C" + number + ": " + short_label(c.label, 48) + " \u00B7 " + std::to_string(paper_count) + (paper_count == 1 ? " paper" : " papers"), 40)},
                        {"tooltip", "Cluster " + number + ": " + c.label},
                        {"style", "filled,rounded"},
                        {"fillcolor", tint(color, 0.7)},
                        {"color", color},
                        {"penwidth", "2"},
                        {"fontsize", "14"},
                        {"fontname", kMapFont}},
                       {},
                       {}};
        for (auto v : c.members) {
            if (!drawn.insert(v).second) continue;
            box.node_ids.push_back(node_id(kg, v));
            if (kg[v].kind == NodeKind::Paper)
                doc.nodes.push_back(paper_node(kg, v, 0.0, color));
            else
                doc.nodes.push_back(gap_or_idea_node(kg, v));
        }
        doc.clusters.push_back(std::move(box));
    }
    for (auto v : drawn)
        for (auto [e, end] = boost::out_edges(v, g); e != end; ++e)
            if (is_reliance(kg[*e].kind) && drawn.count(boost::target(*e, g))) doc.edges.push_back(reliance_edge(kg, *e));
    // Edges in a fixed order (by source node order, then target), whatever the set order.
    std::stable_sort(doc.edges.begin(), doc.edges.end(), [](const MapEdge& a, const MapEdge& b) {
        return std::tie(a.from, a.to) < std::tie(b.from, b.to);
    });

    Legend legend;
    const std::string months = month_text(options.months);
    legend.title("Clusters" + (months.empty() ? "" : " \u2014 " + months),
                 std::to_string(options.clusters.size()) + " Leiden clusters of the gap/idea \u2192 paper graph (seed " + std::to_string(options.seed) +
                     ", modularity Q = " + fixed(options.modularity, 3) + ")" +
                     (options.left_out ? "; " + std::to_string(options.left_out) + " papers no gap or idea mentions are not drawn" : ""));
    legend.swatch("#fde0dd", "research gap");
    legend.swatch("#e5f5e0", "future idea");
    legend.swatch(map_palette_color(0), "paper (coloured by its cluster)");
    legend.double_border("white", "SOTA highlight (double border)");
    legend.swatch("white", "on the reading list (thick border)", 3);
    evidence_legend(legend);
    legend.note("A cluster is named after its most mentioned member. Hover a node for its full text.");
    doc.graph_attrs = base_graph_attrs(legend.html());
    doc.graph_attrs.push_back({"rankdir", "LR"});
    doc.graph_attrs.push_back({"nodesep", "0.12"});
    doc.node_defaults = base_node_defaults();
    doc.edge_defaults = base_edge_defaults();
    return doc;
}

// ---- citations ----------------------------------------------------------------------------

MapDocument citation_map(const CitationMapOptions& options) {
    MapDocument doc;
    doc.name = "citation map";
    // A citation map has thousands of links; light, thin lines keep the nodes readable.
    double max_paper = 0, max_cluster = 0;
    std::size_t papers = 0, aggregates = 0;
    for (const auto& n : options.nodes) {
        (n.aggregate ? max_cluster : max_paper) = std::max(n.aggregate ? max_cluster : max_paper, n.size);
        ++(n.aggregate ? aggregates : papers);
    }
    for (const auto& n : options.nodes) {
        const std::string color = map_palette_color(n.cluster);
        if (n.aggregate) {
            // Area grows with the member count.
            const double side = 0.6 + 2.4 * std::sqrt(max_cluster > 0 ? n.size / max_cluster : 0.0);
            doc.nodes.push_back({n.id,
                                 {{"label", wrap_label(short_label(n.label, 40), 18)},
                                  {"tooltip", n.tooltip},
                                  {"shape", "circle"},
                                  {"style", "filled"},
                                  {"fillcolor", tint(color, 0.35)},
                                  {"color", color},
                                  {"width", fixed(side, 2)},
                                  {"height", fixed(side, 2)},
                                  {"fontsize", "14"}}});
        } else {
            const double share = max_paper > 0 ? n.size / max_paper : 0.0;
            doc.nodes.push_back({n.id,
                                 {{"label", wrap_label(short_label(n.label, 36), 20)},
                                  {"tooltip", n.tooltip},
                                  {"fillcolor", color},
                                  {"fontsize", fixed(8.0 + 8.0 * std::sqrt(share), 1)}}});
        }
    }
    std::uint64_t max_weight = 1;
    for (const auto& e : options.edges) max_weight = std::max(max_weight, e.citations);
    for (const auto& e : options.edges) {
        const double w = std::log1p(static_cast<double>(e.citations)) / std::log1p(static_cast<double>(max_weight));
        doc.edges.push_back({options.nodes.at(e.from).id,
                             options.nodes.at(e.to).id,
                             {{"penwidth", fixed(0.5 + 5.5 * w, 2)},
                              {"tooltip", std::to_string(e.citations) + (e.citations == 1 ? " citation" : " citations")}}});
    }
    Legend legend;
    legend.scale = 2.5;
    legend.title("Citation map", options.description);
    legend.swatch(map_palette_color(0), "a top paper by PageRank (larger text = higher PageRank), coloured by its cluster");
    legend.swatch(tint(map_palette_color(0), 0.35), "circle: the other papers of one Leiden cluster (area = member count)");
    legend.line("\u2500\u2500\u25B6", "#666666", "citations (thicker = more citations aggregated)");
    if (options.edges_total > options.edges.size())
        legend.note("Drawn: each node's strongest citation links, " + std::to_string(options.edges.size()) + " of " +
                    std::to_string(options.edges_total) + " aggregated links.");
    legend.note(std::to_string(papers) + " papers and " + std::to_string(aggregates) + " cluster nodes. Hover a node for its title or members.");
    doc.graph_attrs = base_graph_attrs(legend.html());
    doc.node_defaults = base_node_defaults();
    doc.edge_defaults = {{"fontname", kMapFont}, {"color", "#7f7f7f66"}, {"arrowsize", "0.6"}};
    return doc;
}

}  // namespace citegraph::output
