#include "cli/clusters_command.hpp"

#include "analysis/clusters.hpp"
#include "analysis/projection.hpp"
#include "cli/progress.hpp"

#include <nlohmann/json.hpp>
#include <omp.h>

#include <algorithm>
#include <iomanip>
#include <map>
#include <ostream>

namespace citegraph::cli {
namespace {

// The topic tree as a clustering: a paper belongs to the root topic of its first tree entry;
// papers the tree does not classify, and gap/idea vertices, are singletons.
std::vector<std::uint32_t> topic_membership(const graph::LoadResult& loaded, const analysis::Projection& p) {
    const auto& kg = loaded.graph;
    const std::uint32_t n = p.csr.num_vertices();
    std::vector<std::uint32_t> labels(n);
    std::map<std::string, std::uint32_t> root_label;
    std::uint32_t next = 0;
    for (std::uint32_t v = 0; v < n; ++v) {
        std::string root;
        if (p.is_paper[v] && p.typed[v]) {
            const auto& entries = kg[*p.typed[v]].paper().tree_entries;
            if (!entries.empty()) root = entries.front().topic_path.substr(0, entries.front().topic_path.find(" > "));
        }
        if (root.empty()) {
            labels[v] = next++;
            continue;
        }
        auto [it, inserted] = root_label.try_emplace(root, 0);
        if (inserted) it->second = next++;
        labels[v] = it->second;
    }
    return analysis::renumber_clusters(labels);
}

}  // namespace

void setup_clusters(CLI::App& app, ClustersOptions& options) {
    auto* cmd = app.add_subcommand("clusters", "Clusters of papers with their modularity");
    add_common_options(*cmd, options.common);
    cmd->add_option("--method", options.method, "Clustering")->check(CLI::IsMember({"leiden", "louvain", "topics", "components"}));
    cmd->add_option("--projection", options.projection, "Graph to cluster (auto: citations, mentions or both, by input)")
        ->check(CLI::IsMember({"auto", "citations", "mentions", "union"}));
    cmd->add_option("--resolution", options.resolution, "Modularity resolution (gamma > 0)")->check(CLI::PositiveNumber);
    cmd->add_option("--seed", options.seed, "Seed (Leiden, Louvain)");
    cmd->add_option("--iterations", options.iterations, "Leiden/Louvain passes (-1 = until stable; python-igraph's default is 2)")
        ->check(CLI::Range(-1, 1000000));
    cmd->add_flag("--strong", options.strong, "components: strongly instead of weakly connected");
    cmd->add_option("--top", options.top, "Clusters listed in text output (0 = all)");
    cmd->add_option("--threads", options.threads, "Threads (0 = all cores)")->check(CLI::NonNegativeNumber);
    cmd->add_flag("--timings", options.timings, "Print each pass's time to stderr");
}

int run_clusters(const ClustersOptions& options, std::ostream& out, std::ostream& err) {
    if (options.threads > 0) omp_set_num_threads(options.threads);
    std::optional<graph::LoadResult> loaded;
    {
        PassTimer t("load", err, options.timings);
        loaded = load_or_report(options.common, err, false);
    }
    if (!loaded) return kInputError;
    std::optional<analysis::Projection> p;
    {
        PassTimer t("projection", err, options.timings);
        p = analysis::project(*loaded, projection_kind(options.projection));
    }
    // Citation graphs are clustered as undirected simple graphs (one edge of weight 1 per
    // cited pair, self-loops dropped), the graph igraph's as_undirected("collapse") gives; the
    // mention graph keeps its evidence weights, summed per pair.
    const bool citations = p->kind == analysis::ProjectionKind::Citations;
    const auto mode = citations ? analysis::UndirectedMode::CollapseSimple : analysis::UndirectedMode::Sum;
    std::optional<analysis::UndirectedGraph> ug;
    {
        PassTimer t("undirected view", err, options.timings);
        ug.emplace(p->csr, mode);
    }
    std::string graph_note = p->describe() + (citations ? ", clustered as an undirected simple graph" : ", clustered as an undirected weighted graph");

    std::vector<std::uint32_t> membership;
    double q = 0;
    {
        PassTimer t(options.method, err, options.timings);
        if (options.method == "leiden" || options.method == "louvain") {
            analysis::LeidenOptions lo;
            lo.algorithm = options.method == "leiden" ? analysis::ClusterAlgorithm::Leiden : analysis::ClusterAlgorithm::Louvain;
            lo.resolution = options.resolution;
            lo.seed = options.seed;
            lo.n_iterations = options.iterations;
            if (lo.n_iterations == 0) throw UsageError("--iterations must be -1 or at least 1");
            auto r = analysis::leiden(*ug, lo);
            membership = std::move(r.membership);
            q = r.modularity;
        } else if (options.method == "components") {
            auto r = options.strong ? analysis::strongly_connected_components(p->csr) : analysis::weakly_connected_components(p->csr);
            membership = std::move(r.membership);
            graph_note = p->describe() + (options.strong ? ", strongly connected components" : ", weakly connected components");
        } else {
            membership = topic_membership(*loaded, *p);
        }
        if (options.method != "leiden" && options.method != "louvain") q = analysis::modularity(*ug, membership, options.resolution);
    }

    // Clusters hold papers only; ids are canonical (largest first).
    std::uint32_t k = 0;
    for (auto c : membership) k = std::max(k, c + 1);
    std::vector<std::vector<std::uint32_t>> members(k);
    for (std::uint32_t v = 0; v < membership.size(); ++v)
        if (p->is_paper[v]) members[membership[v]].push_back(v);
    std::vector<std::uint32_t> order;
    for (std::uint32_t c = 0; c < k; ++c)
        if (!members[c].empty()) order.push_back(c);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return members[a].size() > members[b].size(); });

    // Interim label: the most cited (highest in-degree) member's name. Term-based labels
    // come with the text pipeline (issue 4).
    auto label_of = [&](std::uint32_t c) {
        std::uint32_t best = members[c].front();
        for (auto v : members[c])
            if (p->csr.in_degree(v) > p->csr.in_degree(best)) best = v;
        return "around " + display_name(*loaded, p->csr.id(best));
    };

    if (options.common.json) {
        nlohmann::ordered_json j;
        j["method"] = options.method;
        j["modularity"] = q;
        j["seed"] = options.seed;
        j["resolution"] = options.resolution;
        j["iterations"] = options.iterations;
        j["graph"] = graph_note;
        j["clusters"] = nlohmann::ordered_json::array();
        std::uint32_t id = 0;
        for (auto c : order) {
            nlohmann::ordered_json m = nlohmann::ordered_json::array();
            for (auto v : members[c]) m.push_back(p->csr.id(v));
            j["clusters"].push_back({{"id", id++}, {"size", members[c].size()}, {"label", label_of(c)}, {"members", std::move(m)}});
        }
        out << j.dump(2) << '\n';
        return kOk;
    }
    out << "# " << options.method << " on the " << graph_note << '\n';
    out << "# " << order.size() << " clusters, modularity Q = " << std::setprecision(6) << q << " (resolution " << options.resolution << ")\n";
    const std::size_t shown = options.top == 0 ? order.size() : std::min(options.top, order.size());
    for (std::size_t i = 0; i < shown; ++i) {
        const auto c = order[i];
        out << std::setw(4) << i << "  " << std::setw(7) << members[c].size() << "  " << label_of(c) << '\n';
    }
    return kOk;
}

}  // namespace citegraph::cli
