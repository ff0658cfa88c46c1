#include "cli/map_command.hpp"

#include "analysis/centrality.hpp"
#include "analysis/cluster_labels.hpp"
#include "analysis/clusters.hpp"
#include "analysis/influence.hpp"
#include "analysis/projection.hpp"
#include "cli/progress.hpp"
#include "output/atomic_file.hpp"
#include "output/map_dot.hpp"
#include "output/maps.hpp"
#include "output/svg_render.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <numeric>
#include <ostream>
#include <set>
#include <sstream>

namespace citegraph::cli {
namespace {

// The engine each kind is drawn with unless --engine says otherwise, chosen by looking at
// the maps of the shared digests: osage packs the topic tree's nested clusters like a
// treemap (dot put every topic in one row, 100+ inches wide); dot ranks the gaps map (gaps
// and ideas left, papers right); fdp keeps each cluster of the clusters map together while
// packing them in two dimensions (dot stacked them in one tall column); sfdp lays out a few
// hundred nodes and their aggregated citations in well under a second.
output::LayoutEngine default_engine(const std::string& kind) {
    if (kind == "citations") return output::LayoutEngine::Sfdp;
    if (kind == "topic") return output::LayoutEngine::Osage;
    if (kind == "clusters") return output::LayoutEngine::Fdp;
    return output::LayoutEngine::Dot;
}

std::string format_for(const MapOptions& options) {
    if (!options.format.empty()) return options.format;
    if (options.output == "-") return "svg";
    const std::string ext = std::filesystem::path(options.output).extension().string();
    if (ext == ".svg") return "svg";
    if (ext == ".dot" || ext == ".gv") return "dot";
    if (ext == ".png") return "png";
    throw UsageError("cannot tell the map format from '" + options.output + "' (use .svg, .dot, .gv or .png, or give --format)");
}

// Layout attributes that depend on the engine, not on the map: force-directed engines
// remove node overlaps (so labels do not cover each other) and draw straight edges.
void add_engine_attrs(output::MapDocument& doc, output::LayoutEngine engine) {
    using output::LayoutEngine;
    // A .dot file names its engine, so `dot -Tsvg map.dot` draws what `map -o map.svg` draws.
    doc.graph_attrs.push_back({"layout", std::string(output::to_string(engine))});
    switch (engine) {
        case LayoutEngine::Dot:
            doc.graph_attrs.push_back({"newrank", "true"});
            break;
        case LayoutEngine::Sfdp:
            doc.graph_attrs.push_back({"overlap", "prism"});
            doc.graph_attrs.push_back({"overlap_scaling", "-4"});
            doc.graph_attrs.push_back({"sep", "+6"});
            doc.graph_attrs.push_back({"splines", "false"});
            doc.graph_attrs.push_back({"outputorder", "edgesfirst"});
            break;
        case LayoutEngine::Fdp:
        case LayoutEngine::Neato:
            doc.graph_attrs.push_back({"overlap", "prism"});
            doc.graph_attrs.push_back({"sep", "+6"});
            doc.graph_attrs.push_back({"outputorder", "edgesfirst"});
            break;
        case LayoutEngine::Twopi:
        case LayoutEngine::Circo:
            doc.graph_attrs.push_back({"overlap", "false"});
            doc.graph_attrs.push_back({"outputorder", "edgesfirst"});
            break;
        case LayoutEngine::Osage:
            // Top-level clusters two to a row: a near-square page instead of one long row.
            doc.graph_attrs.push_back({"pack", "8"});
            doc.graph_attrs.push_back({"packmode", "array_c2"});
            break;
    }
}

std::vector<std::string> months_of(const graph::LoadResult& loaded) {
    std::vector<std::string> months;
    for (const auto& d : loaded.digests)
        if (!d.month.empty() && std::find(months.begin(), months.end(), d.month) == months.end()) months.push_back(d.month);
    std::sort(months.begin(), months.end());
    return months;
}

// The influence ranking of `rank --by influence` (default weights), scaled so that the most
// influential paper is 1.
std::unordered_map<std::string, double> influence_by_id(const graph::LoadResult& loaded) {
    const auto pr = analysis::influence_pageranks(loaded);
    const auto ranking = analysis::influence_ranking(loaded, pr.mentions, pr.citations);
    double top = 0;
    for (const auto& e : ranking.ranking) top = std::max(top, e.score);
    std::unordered_map<std::string, double> out;
    for (const auto& e : ranking.ranking) out[e.id] = top > 0 ? e.score / top : 0.0;
    return out;
}

struct Clustering {
    std::vector<std::uint32_t> membership;  // canonical: 0 is the largest
    double modularity = 0;
};

Clustering leiden_of(const analysis::Projection& p, analysis::UndirectedMode mode, const MapOptions& options) {
    analysis::UndirectedGraph ug(p.csr, mode);
    analysis::LeidenOptions lo;
    lo.resolution = options.resolution;
    lo.seed = options.seed;
    auto r = analysis::leiden(ug, lo);
    return {std::move(r.membership), r.modularity};
}

// What stands in for a cluster's term label when no term qualifies (too few members with
// text): "around" the member with the most incoming edges, ties to the first, as
// `citegraph clusters` does.
std::string interim_label(const graph::LoadResult& loaded, const analysis::CsrGraph& g, const std::vector<std::uint32_t>& members) {
    std::uint32_t best = members.front();
    for (auto v : members)
        if (g.in_degree(v) > g.in_degree(best)) best = v;
    return "around " + display_name(loaded, g.id(best));
}

output::MapDocument clusters_document(const graph::LoadResult& loaded, const MapOptions& options) {
    if (loaded.digests.empty())
        throw UsageError("--kind clusters draws the clusters of digests' gap/idea -> paper graph; for citation data use --kind citations");
    const auto p = analysis::project(loaded, analysis::ProjectionKind::Mentions);
    const auto clustering = leiden_of(p, analysis::UndirectedMode::Sum, options);
    std::uint32_t k = 0;
    for (auto c : clustering.membership) k = std::max(k, c + 1);
    std::vector<std::vector<std::uint32_t>> members(k), papers(k);
    for (std::uint32_t v = 0; v < clustering.membership.size(); ++v) {
        if (!p.typed[v]) continue;
        members[clustering.membership[v]].push_back(v);
        if (p.is_paper[v]) papers[clustering.membership[v]].push_back(v);
    }
    // The same labels `citegraph clusters` prints for this clustering.
    const auto labels = analysis::label_projection_clusters(loaded, p, clustering.membership);
    output::ClustersMapOptions o;
    o.modularity = clustering.modularity;
    o.seed = options.seed;
    o.months = months_of(loaded);
    // Numbered as `citegraph clusters` numbers them: clusters with papers, by decreasing
    // number of papers (ties by canonical label), so both name a cluster the same way.
    std::vector<std::uint32_t> order;
    for (std::uint32_t c = 0; c < k; ++c)
        if (!papers[c].empty()) order.push_back(c);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return papers[a].size() > papers[b].size(); });
    for (std::uint32_t id = 0; id < order.size(); ++id) {
        const auto c = order[id];
        // A cluster of one node is a paper nothing mentions: it says nothing about
        // structure, so it is counted in the legend instead of drawn.
        if (members[c].size() < 2) {
            o.left_out += papers[c].size();
            continue;
        }
        output::ClusterGroup group;
        group.id = id;
        group.label = labels[c].empty() ? interim_label(loaded, p.csr, papers[c]) : labels[c];
        for (auto v : members[c]) group.members.push_back(*p.typed[v]);
        o.clusters.push_back(std::move(group));
    }
    return output::clusters_map(loaded.graph, o);
}

// Strongest outgoing and incoming links kept per node of the citation map.
constexpr std::size_t kLinksPerNode = 2;

std::string with_thousands(std::size_t n) {
    std::string s = std::to_string(n);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

output::MapDocument citations_document(const graph::LoadResult& loaded, const MapOptions& options, std::ostream& err) {
    if (loaded.citations.edges.empty()) throw UsageError("--kind citations needs citation data (an edge list such as edges.tsv.gz)");
    std::optional<analysis::Projection> p;
    {
        PassTimer t("projection", err, options.timings);
        p = analysis::project(loaded, analysis::ProjectionKind::Citations);
    }
    const auto& g = p->csr;
    const std::uint32_t n = g.num_vertices();
    analysis::PageRankResult pr;
    {
        PassTimer t("pagerank", err, options.timings);
        pr = analysis::page_rank(g);
    }
    Clustering clustering;
    {
        PassTimer t("leiden", err, options.timings);
        clustering = leiden_of(*p, analysis::UndirectedMode::CollapseSimple, options);
    }
    std::vector<std::string> labels;
    {
        PassTimer t("labels", err, options.timings);
        labels = analysis::label_projection_clusters(loaded, *p, clustering.membership);
    }

    // Top papers by PageRank, ties by id so the choice does not depend on input order.
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](auto a, auto b) {
        if (pr.score[a] != pr.score[b]) return pr.score[a] > pr.score[b];
        return g.id(a) < g.id(b);
    });
    const std::size_t top = std::min<std::size_t>(options.top, n);
    constexpr std::uint32_t kNone = UINT32_MAX;
    std::vector<std::uint32_t> node_of(n, kNone);
    output::CitationMapOptions o;
    for (std::size_t i = 0; i < top; ++i) {
        const auto v = order[i];
        node_of[v] = static_cast<std::uint32_t>(o.nodes.size());
        const std::string name = display_name(loaded, g.id(v));
        std::string tooltip = g.id(v) + (name != g.id(v) ? " \u00B7 " + name : "");
        if (auto m = loaded.citations.metadata.find(g.id(v)); m != loaded.citations.metadata.end() && !m->second.authors.empty())
            tooltip += "\n" + m->second.authors;
        tooltip += "\nPageRank #" + std::to_string(i + 1) + ", cited by " + std::to_string(g.in_degree(v)) + ", cluster " +
                   std::to_string(clustering.membership[v]);
        o.nodes.push_back({g.id(v), name, tooltip, pr.score[v], clustering.membership[v], false});
    }

    // The rest, one node per cluster; clusters under --min-cluster members share one node.
    std::uint32_t k = 0;
    for (auto c : clustering.membership) k = std::max(k, c + 1);
    std::vector<std::vector<std::uint32_t>> rest(k);
    std::vector<std::uint32_t> cluster_size(k, 0);
    for (std::uint32_t v = 0; v < n; ++v) {
        ++cluster_size[clustering.membership[v]];
        if (node_of[v] == kNone) rest[clustering.membership[v]].push_back(v);
    }
    std::vector<std::uint32_t> small;
    std::size_t small_clusters = 0;
    for (std::uint32_t c = 0; c < k; ++c) {
        if (rest[c].empty()) continue;
        if (cluster_size[c] < options.min_cluster) {
            small.insert(small.end(), rest[c].begin(), rest[c].end());
            ++small_clusters;
            continue;
        }
        const auto index = static_cast<std::uint32_t>(o.nodes.size());
        for (auto v : rest[c]) node_of[v] = index;
        const std::string around = labels[c].empty() ? interim_label(loaded, g, rest[c]) : labels[c];
        o.nodes.push_back({"cluster:" + std::to_string(c),
                           "C" + std::to_string(c) + " \u00B7 " + with_thousands(rest[c].size()) + " papers\n" + around,
                           "Cluster " + std::to_string(c) + " (" + with_thousands(cluster_size[c]) + " papers, " +
                               with_thousands(cluster_size[c] - rest[c].size()) + " of them drawn on their own), " + around,
                           static_cast<double>(rest[c].size()), c, true});
    }
    if (!small.empty()) {
        const auto index = static_cast<std::uint32_t>(o.nodes.size());
        for (auto v : small) node_of[v] = index;
        o.nodes.push_back({"cluster:small",
                           with_thousands(small.size()) + " papers in " + with_thousands(small_clusters) + " small clusters",
                           "Clusters with fewer than " + std::to_string(options.min_cluster) + " papers, together", static_cast<double>(small.size()),
                           k, true});
    }

    // Edges between drawn nodes, counted; a citation inside one node is not drawn. All of them
    // would be a hairball (about 5,800 on cit-HepTh), so each node keeps its strongest
    // outgoing and incoming links (ties to the lower node index): every node stays connected
    // to what it cites and what cites it most.
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint64_t> counts;
    for (std::uint32_t u = 0; u < n; ++u)
        for (auto v : g.out_neighbors(u))
            if (node_of[u] != node_of[v]) ++counts[{node_of[u], node_of[v]}];
    using Link = std::pair<std::uint64_t, std::pair<std::uint32_t, std::uint32_t>>;
    std::vector<std::vector<Link>> out_links(o.nodes.size()), in_links(o.nodes.size());
    for (const auto& [ends, c] : counts) {
        out_links[ends.first].push_back({c, ends});
        in_links[ends.second].push_back({c, ends});
    }
    std::set<std::pair<std::uint32_t, std::uint32_t>> kept;
    const auto keep_strongest = [&](std::vector<Link>& links) {
        std::sort(links.begin(), links.end(), [](const Link& a, const Link& b) {
            if (a.first != b.first) return a.first > b.first;
            return a.second < b.second;
        });
        for (std::size_t i = 0; i < std::min(links.size(), kLinksPerNode); ++i) kept.insert(links[i].second);
    };
    for (auto& links : out_links) keep_strongest(links);
    for (auto& links : in_links) keep_strongest(links);
    for (const auto& ends : kept) o.edges.push_back({ends.first, ends.second, counts.at(ends)});
    o.edges_total = counts.size();
    o.description = p->describe() + "; top " + std::to_string(top) + " by PageRank, the rest by Leiden cluster (seed " +
                    std::to_string(options.seed) + ", Q = " + std::to_string(clustering.modularity).substr(0, 5) + ")";
    return output::citation_map(o);
}

}  // namespace

void setup_map(CLI::App& app, MapOptions& options) {
    auto* cmd = app.add_subcommand("map", "Draw a map (SVG through Graphviz, or its DOT, or PNG)");
    add_common_options(*cmd, options.common);
    cmd->add_option("--kind", options.kind, "What to draw")->check(CLI::IsMember({"topic", "gaps", "clusters", "citations"}));
    cmd->add_option("--engine", options.engine, "Graphviz layout (default: osage for topic, dot for gaps, fdp for clusters, sfdp for citations)")
        ->check(CLI::IsMember(output::layout_engine_names()));
    cmd->add_option("--format", options.format, "Output format (default: from the extension)")->check(CLI::IsMember({"svg", "dot", "png"}));
    cmd->add_option("-o,--output", options.output, "Output file: .svg, .dot/.gv or .png ('-' = SVG on stdout)");
    cmd->add_option("--top", options.top, "citations: papers drawn on their own, by PageRank")->check(CLI::Range(1, 5000));
    cmd->add_option("--min-cluster", options.min_cluster, "citations: clusters smaller than this share one node")->check(CLI::Range(1, 1000000));
    cmd->add_option("--seed", options.seed, "Leiden seed (clusters, citations)");
    cmd->add_option("--resolution", options.resolution, "Leiden resolution (clusters, citations)")->check(CLI::PositiveNumber);
    cmd->add_flag("--timings", options.timings, "Print each pass's time to stderr");
    cmd->add_flag("--no-inferred", options.no_inferred, "gaps: leave out the inferred links (drawn dotted)");
}

int run_map(const MapOptions& options, std::ostream& out, std::ostream& err) {
    const std::string format = format_for(options);
    const auto engine = options.engine.empty() ? default_engine(options.kind) : *output::layout_engine_from_string(options.engine);
    std::optional<graph::LoadResult> loaded;
    {
        PassTimer t("load", err, options.timings);
        loaded = load_or_report(options.common, err, options.kind != "citations");
    }
    if (!loaded) return kInputError;

    output::MapDocument doc;
    {
        PassTimer t("map " + options.kind, err, options.timings);
        if (options.kind == "topic") {
            if (loaded->graph.count(graph::NodeKind::Topic) == 0) throw UsageError("--kind topic needs a digest with a TOPIC_TREE");
            doc = output::topic_map(loaded->graph, {influence_by_id(*loaded), months_of(*loaded)});
        } else if (options.kind == "gaps") {
            if (loaded->digests.empty()) throw UsageError("--kind gaps needs a digest");
            if (!options.no_inferred) add_text_inferences(*loaded);
            doc = output::gaps_map(loaded->graph, {influence_by_id(*loaded), months_of(*loaded)});
        } else if (options.kind == "clusters") {
            doc = clusters_document(*loaded, options);
        } else {
            doc = citations_document(*loaded, options, err);
        }
    }
    add_engine_attrs(doc, engine);
    std::ostringstream dot;
    output::write_map_dot(dot, doc);

    std::string bytes;
    if (format == "dot") {
        bytes = dot.str();
    } else {
        PassTimer t("layout+render " + std::string(output::to_string(engine)), err, options.timings);
        // Graphviz's messages have no position of their own: they are about the map being
        // written, so they carry its path, like E-OUTPUT.
        const std::string where = options.output == "-" ? "<stdout>" : options.output;
        try {
            auto rendered = output::render_dot(dot.str(), engine, format);
            // Graphviz's own warnings, as ours: they name what it could not draw as asked.
            for (const auto& m : rendered.messages)
                if (!options.common.quiet) err << where << ": warning[W-GRAPHVIZ]: " << m << '\n';
            bytes = std::move(rendered.data);
        } catch (const output::RenderError& e) {
            for (const auto& m : e.messages) err << where << ": error[E-RENDER]: Graphviz: " << m << '\n';
            err << where << ": error[E-RENDER]: " << e.what() << "; nothing was written\n";
            return kInternal;
        }
    }
    auto write = [&](std::ostream& os) { os.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); };
    if (options.output == "-") {
        write(out);
        return kOk;
    }
    try {
        output::write_file_atomically(options.output, write);
    } catch (const std::runtime_error& e) {
        err << options.output << ": error[E-OUTPUT]: " << e.what() << '\n';
        return kInputError;
    }
    if (!options.common.quiet) err << "citegraph: wrote " << options.output << " (" << options.kind << " map, " << format << ", " << output::to_string(engine) << ")\n";
    return kOk;
}

}  // namespace citegraph::cli
