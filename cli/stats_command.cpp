#include "cli/stats_command.hpp"

#include "analysis/stats.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iomanip>
#include <optional>
#include <ostream>

namespace citegraph::cli {

void setup_stats(CLI::App& app, StatsOptions& options) {
    auto* cmd = app.add_subcommand("stats", "Counts per node and edge kind, and per input file");
    add_common_options(*cmd, options.common);
}

namespace {

// The counts merge_citations would add to the typed graph, without building it: one paper node
// per citation id the graph does not have, one `cites` edge (evidence id) per distinct
// (citing, cited) pair it does not have, and an existing `cites` edge of weaker evidence
// raised to id. Merging a multi-million-edge citation graph into the typed graph costs
// seconds and gigabytes; counting it is a bucket sort of the edge list.
void add_citation_counts(const graph::LoadResult& loaded, analysis::GraphStats& stats) {
    const auto& c = loaded.citations;
    const auto& kg = loaded.graph;
    std::vector<std::optional<graph::Vertex>> typed(c.ids.size());
    for (std::size_t i = 0; i < c.ids.size(); ++i) {
        typed[i] = kg.find(graph::NodeKind::Paper, c.ids[i]);
        if (!typed[i]) ++stats.nodes[graph::NodeKind::Paper];
    }
    // Distinct pairs: the cited ids bucketed by citing id (a counting sort, 4 bytes per edge),
    // then each short bucket sorted on its own.
    const std::size_t n = c.ids.size();
    std::vector<std::uint32_t> start(n + 1, 0);
    for (const auto& e : c.edges) ++start[e.first + 1];
    for (std::size_t u = 0; u < n; ++u) start[u + 1] += start[u];
    std::vector<std::uint32_t> cited(c.edges.size());
    {
        std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
        for (const auto& e : c.edges) cited[fill[e.first]++] = e.second;
    }
    std::size_t added = 0;
    for (std::uint32_t u = 0; u < n; ++u) {
        std::uint32_t* const first = cited.data() + start[u];
        std::uint32_t* const end = cited.data() + start[u + 1];
        std::sort(first, end);
        std::uint32_t* const last = std::unique(first, end);
        for (const std::uint32_t* it = first; it != last; ++it) {
            const std::uint32_t v = *it;
            const auto existing =
                typed[u] && typed[v] ? kg.find_edge(*typed[u], *typed[v], graph::EdgeKind::Cites) : std::nullopt;
            if (!existing) {
                ++added;
                continue;
            }
            auto& by_evidence = stats.edges_by_evidence[graph::EdgeKind::Cites];
            const graph::Evidence was = kg[*existing].evidence;
            if (was != graph::Evidence::Id) {
                if (--by_evidence[was] == 0) by_evidence.erase(was);
                ++by_evidence[graph::Evidence::Id];
            }
        }
    }
    stats.edges[graph::EdgeKind::Cites] += added;
    if (added > 0) stats.edges_by_evidence[graph::EdgeKind::Cites][graph::Evidence::Id] += added;
}

}  // namespace

int run_stats(const StatsOptions& options, std::ostream& out, std::ostream& err) {
    auto loaded = load_or_report(options.common, err, false);
    if (!loaded) return kInputError;
    auto stats = analysis::graph_stats(loaded->graph);
    add_citation_counts(*loaded, stats);

    nlohmann::ordered_json j;
    for (const auto& [kind, n] : stats.nodes) j["nodes"][std::string(graph::to_string(kind))] = n;
    for (const auto& [kind, n] : stats.edges) j["edges"][std::string(graph::to_string(kind))] = n;
    for (const auto& [kind, by] : stats.edges_by_evidence)
        for (const auto& [evidence, n] : by)
            j["edges_by_evidence"][std::string(graph::to_string(kind))][std::string(graph::to_string(evidence))] = n;
    j["inputs"] = nlohmann::ordered_json::array();
    for (const auto& in : loaded->inputs) {
        nlohmann::ordered_json i;
        i["path"] = in.path;
        i["kind"] = in.kind;
        i["month"] = in.month.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(in.month);
        i["sections"] = in.sections;
        i["tree_papers"] = in.tree_papers;
        i["topics"] = in.topics;
        i["highlights"] = in.highlights;
        i["contributions"] = in.contributions;
        i["contribution_papers"] = in.contribution_papers;
        i["gaps"] = in.gaps;
        i["ideas"] = in.ideas;
        i["reading_list"] = in.reading_list;
        i["ids"] = in.ids;
        if (in.kind != "digest") {
            i["edges"] = in.edges;
            i["records"] = in.records;
            i["skipped_lines"] = in.skipped_lines;
        }
        j["inputs"].push_back(std::move(i));
    }
    if (options.common.json) {
        out << j.dump(2) << '\n';
        return kOk;
    }

    out << "nodes\n";
    for (const auto& [kind, n] : stats.nodes) out << "  " << std::left << std::setw(16) << graph::to_string(kind) << n << '\n';
    out << "edges\n";
    for (const auto& [kind, n] : stats.edges) {
        if (n == 0 && (kind == graph::EdgeKind::RelatedTo || kind == graph::EdgeKind::Addresses || kind == graph::EdgeKind::SuggestedTopic)) continue;
        out << "  " << std::left << std::setw(16) << graph::to_string(kind) << n;
        if (auto it = stats.edges_by_evidence.find(kind); it != stats.edges_by_evidence.end() && (kind == graph::EdgeKind::Mentions || kind == graph::EdgeKind::BuildsOn)) {
            out << "  (";
            bool first = true;
            for (const auto& [evidence, m] : it->second) {
                out << (first ? "" : ", ") << "by " << graph::to_string(evidence) << ' ' << m;
                first = false;
            }
            out << ')';
        }
        out << '\n';
    }
    for (const auto& in : loaded->inputs) {
        if (in.kind != "digest") {
            out << "input " << in.path << " (" << in.kind << ")\n  ";
            if (in.kind == "edges") out << in.edges << " edges, " << in.ids << " new ids";
            else out << in.records << " records";
            out << ", " << in.skipped_lines << " lines skipped\n";
            continue;
        }
        out << "input " << in.path << " (" << in.kind << (in.month.empty() ? "" : ", " + in.month) << ")\n";
        out << "  sections " << in.sections.size() << " of 7; " << in.ids << " ids; " << in.tree_papers << " tree papers; " << in.topics
            << " topics\n  " << in.highlights << " highlights; " << in.contributions << " contributions over " << in.contribution_papers
            << " papers; " << in.gaps << " gaps; " << in.ideas << " ideas; " << in.reading_list << " reading-list entries\n";
    }
    return kOk;
}

}  // namespace citegraph::cli
