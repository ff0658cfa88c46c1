#include "cli/clusters_command.hpp"

#include "analysis/cluster_labels.hpp"
#include "analysis/clusters.hpp"
#include "analysis/placement.hpp"
#include "analysis/projection.hpp"
#include "analysis/tokenize.hpp"
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

// The topic a paper's first tree entry names, cut to `level` + 1 path components; empty
// when the tree does not list the paper.
std::string topic_at_level(const graph::PaperProps& paper, int level) {
    if (paper.tree_entries.empty()) return {};
    const std::string& path = paper.tree_entries.front().topic_path;
    std::size_t end = 0;
    for (int i = 0; i <= level; ++i) {
        const auto next = path.find(" > ", end == 0 ? 0 : end + 3);
        if (next == std::string::npos) return path;
        end = next;
    }
    return path.substr(0, end);
}

struct Disagreement {
    std::string paper, topic, cluster_topic;
    std::uint32_t cluster = 0;
};

struct Agreement {
    std::size_t papers = 0;
    double nmi = 0, ari = 0;
    std::vector<Disagreement> disagreements;
};

// Agreement of the clustering with the topic tree, over the papers the tree classifies.
// A paper disagrees when its topic is not its cluster's most common topic (ties: the
// topic first in name order); clusters with a single classified paper say nothing.
Agreement compare_with_topics(const graph::LoadResult& loaded, const analysis::Projection& p, const std::vector<std::uint32_t>& membership,
                              const std::vector<std::uint32_t>& cluster_rank, int level) {
    Agreement a;
    std::vector<std::uint32_t> va, vb;
    std::vector<std::pair<std::uint32_t, std::string>> classified;  // vertex, topic
    std::map<std::string, std::uint32_t> topic_id;
    for (std::uint32_t v = 0; v < membership.size(); ++v) {
        if (!p.is_paper[v] || !p.typed[v]) continue;
        const std::string topic = topic_at_level(loaded.graph[*p.typed[v]].paper(), level);
        if (topic.empty()) continue;
        auto [it, inserted] = topic_id.try_emplace(topic, static_cast<std::uint32_t>(topic_id.size()));
        va.push_back(membership[v]);
        vb.push_back(it->second);
        classified.emplace_back(v, topic);
    }
    a.papers = va.size();
    if (va.empty()) return a;
    a.nmi = analysis::normalized_mutual_information(va, vb);
    a.ari = analysis::adjusted_rand_index(va, vb);
    std::map<std::uint32_t, std::map<std::string, int>> counts;
    for (const auto& [v, topic] : classified) ++counts[membership[v]][topic];
    std::map<std::uint32_t, std::string> majority;
    for (const auto& [c, topics] : counts) {
        int total = 0;
        for (const auto& [t, n] : topics) total += n;
        if (total < 2) continue;
        auto best = std::max_element(topics.begin(), topics.end(), [](const auto& x, const auto& y) { return x.second < y.second; });
        majority[c] = best->first;
    }
    for (const auto& [v, topic] : classified) {
        auto it = majority.find(membership[v]);
        if (it == majority.end() || it->second == topic) continue;
        a.disagreements.push_back({p.csr.id(v), topic, it->second, cluster_rank[membership[v]]});
    }
    std::sort(a.disagreements.begin(), a.disagreements.end(), [](const Disagreement& x, const Disagreement& y) {
        return x.cluster != y.cluster ? x.cluster < y.cluster : x.paper < y.paper;
    });
    return a;
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
    cmd->add_option("--compare", options.compare, "topics: NMI, ARI and the papers whose cluster disagrees with their topic in the tree")
        ->check(CLI::IsMember({"topics"}));
    cmd->add_option("--topic-level", options.topic_level, "--compare topics: depth of the tree's topics (0 = root topics)")
        ->check(CLI::Range(0, 20));
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
        // The citation edge list moves into the projection (metadata, which the labels read,
        // stays): one copy of the edges fewer at the peak (R-MAT 16M, Leiden: 1466 -> 1310 MB).
        p = analysis::project_consuming(*loaded, projection_kind(options.projection));
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

    // Labels: the most distinctive terms of each cluster's members against every other paper
    // of the projection (analysis/cluster_labels.hpp). Gap and idea vertices have no text and
    // are left out. A cluster where no term occurs in two members has an empty label.
    std::vector<std::string> labels;
    std::vector<bool> has_text(k, false);
    {
        PassTimer t("labels", err, options.timings);
        labels = analysis::label_projection_clusters(*loaded, *p, membership);
        labels.resize(k);
        for (std::uint32_t v = 0; v < membership.size(); ++v)
            if (p->is_paper[v] && !has_text[membership[v]] && !analysis::paper_label_text(*loaded, p->csr.id(v)).empty()) has_text[membership[v]] = true;
    }
    auto label_of = [&](std::uint32_t c) { return labels[c]; };
    // The reported cluster number of each internal cluster (largest first, as listed).
    std::vector<std::uint32_t> cluster_rank(k, 0);
    for (std::uint32_t i = 0; i < order.size(); ++i) cluster_rank[order[i]] = i;

    std::optional<Agreement> agreement;
    if (options.compare == "topics") agreement = compare_with_topics(*loaded, *p, membership, cluster_rank, options.topic_level);
    std::optional<analysis::PlacementResult> placement;
    if (options.method == "topics" && !loaded->digests.empty()) placement = analysis::suggest_topics(*loaded);

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
        if (agreement) {
            nlohmann::ordered_json d = nlohmann::ordered_json::array();
            for (const auto& x : agreement->disagreements)
                d.push_back({{"paper", x.paper}, {"topic", x.topic}, {"cluster", x.cluster}, {"cluster_topic", x.cluster_topic}});
            j["agreement"] = {{"with", "topics"}, {"topic_level", options.topic_level}, {"papers", agreement->papers},
                              {"nmi", agreement->nmi}, {"ari", agreement->ari}, {"disagreements", std::move(d)}};
        }
        if (placement) {
            // Suggestions for the papers the tree does not list: never the digest's classification.
            nlohmann::ordered_json sug = nlohmann::ordered_json::array();
            for (const auto& pl : placement->placements)
                sug.push_back({{"paper", loaded->graph[pl.paper].key}, {"topic", loaded->graph[pl.topic].topic().path},
                               {"confidence", pl.confidence}, {"basis", pl.basis}, {"terms", pl.terms}});
            j["suggested_topics"] = std::move(sug);
        }
        out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
        return kOk;
    }
    out << "# " << options.method << " on the " << graph_note << '\n';
    out << "# " << order.size() << " clusters, modularity Q = " << std::setprecision(6) << q << " (resolution " << options.resolution << ")\n";
    const std::size_t shown = options.top == 0 ? order.size() : std::min(options.top, order.size());
    for (std::size_t i = 0; i < shown; ++i) {
        const auto c = order[i];
        std::string label = label_of(c);
        if (label.empty()) {
            // Not a label (the JSON keeps it empty): what the reader can see instead.
            std::uint32_t most_cited = members[c].front();
            for (auto v : members[c])
                if (p->csr.in_degree(v) > p->csr.in_degree(most_cited)) most_cited = v;
            const std::string who = display_name(*loaded, p->csr.id(most_cited));
            label = members[c].size() == 1 ? "(" + who + ")"
                    : !has_text[c]         ? "(no member text; most cited: " + who + ")"
                                           : "(no term in two members; most cited: " + who + ")";
        }
        out << std::setw(4) << i << "  " << std::setw(7) << members[c].size() << "  " << label << '\n';
    }
    if (agreement) {
        out << "\n# agreement with the topic tree (level " << options.topic_level << "), over " << agreement->papers
            << " classified papers: NMI = " << std::setprecision(4) << agreement->nmi << ", ARI = " << agreement->ari << '\n';
        out << "# " << agreement->disagreements.size() << " papers sit in a cluster whose most common topic is not theirs\n";
        for (const auto& x : agreement->disagreements)
            out << "  cluster " << x.cluster << "  " << x.paper << "  " << display_name(*loaded, x.paper) << ": " << x.topic << "  (cluster: " << x.cluster_topic
                << ")\n";
    }
    if (placement) {
        out << "\n# suggested topics for the " << placement->unclassified << " papers the tree does not list (inferred, not the digest's classification)\n";
        for (const auto& pl : placement->placements)
            out << "  " << std::left << std::setw(14) << loaded->graph[pl.paper].key << std::right << std::fixed << std::setprecision(2) << pl.confidence
                << std::defaultfloat << "  " << loaded->graph[pl.topic].topic().path << "  [" << pl.basis << (pl.terms.empty() ? "" : ": ")
                << [&] { std::string t; for (std::size_t x = 0; x < pl.terms.size() && x < 4; ++x) t += (x ? ", " : "") + pl.terms[x]; return t; }() << "]\n";
        for (auto v : placement->unplaced) out << "  " << loaded->graph[v].key << "  (no suggestion: no text and no classified co-mention)\n";
    }
    return kOk;
}

}  // namespace citegraph::cli
