#include "cli/stats_command.hpp"

#include "analysis/stats.hpp"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <ostream>

namespace citegraph::cli {

void setup_stats(CLI::App& app, StatsOptions& options) {
    auto* cmd = app.add_subcommand("stats", "Counts per node and edge kind, and per input file");
    add_common_options(*cmd, options.common);
}

int run_stats(const StatsOptions& options, std::ostream& out, std::ostream& err) {
    auto loaded = load_or_report(options.common, err);
    if (!loaded) return kInputError;
    const auto stats = analysis::graph_stats(loaded->graph);

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
