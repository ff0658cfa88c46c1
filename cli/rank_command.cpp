#include "cli/rank_command.hpp"

#include "analysis/centrality.hpp"
#include "analysis/influence.hpp"
#include "analysis/projection.hpp"
#include "cli/progress.hpp"

#include <nlohmann/json.hpp>
#include <omp.h>

#include <algorithm>
#include <iomanip>
#include <numeric>
#include <ostream>

namespace citegraph::cli {
namespace {

struct Row {
    std::string id;
    std::string name;
    double score = 0;
    nlohmann::ordered_json signals = nlohmann::ordered_json::object();
};

}  // namespace

void setup_rank(CLI::App& app, RankOptions& options) {
    auto* cmd = app.add_subcommand("rank", "Influential papers, with the signals behind each score");
    add_common_options(*cmd, options.common);
    cmd->add_option("--by", options.by, "Ranking")->check(CLI::IsMember({"influence", "pagerank", "betweenness", "degree", "hits", "harmonic", "kcore"}));
    cmd->add_option("--top", options.top, "How many papers to list (0 = all)");
    cmd->add_option("--projection", options.projection, "Graph to rank on (auto: citations, mentions or both, by input)")
        ->check(CLI::IsMember({"auto", "citations", "mentions", "union"}));
    cmd->add_option("--weight", options.weights, "Influence signal weight, SIGNAL=VALUE (repeatable)");
    cmd->add_option("--damping", options.damping, "PageRank damping")->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--tolerance", options.tolerance, "PageRank/HITS tolerance (networkx criterion: L1 change < n * tol)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--solver", options.solver,
                    "PageRank solver: components (strongly connected components in order, Gauss-Seidel inside), "
                    "power (networkx's iteration), auto (components unless --damping 1)")
        ->check(CLI::IsMember({"auto", "components", "power"}));
    cmd->add_option("--samples", options.samples, "Betweenness from K sampled sources (0 = exact)");
    cmd->add_option("--seed", options.seed, "Seed for sampling");
    cmd->add_option("--threads", options.threads, "Threads (0 = all cores)")->check(CLI::NonNegativeNumber);
    cmd->add_flag("--timings", options.timings, "Print each pass's time to stderr");
}

int run_rank(const RankOptions& options, std::ostream& out, std::ostream& err) {
    analysis::InfluenceOptions influence;
    for (const auto& w : options.weights) {
        const auto eq = w.find('=');
        if (eq == std::string::npos) throw UsageError("--weight expects SIGNAL=VALUE, got '" + w + "'");
        const std::string name = w.substr(0, eq);
        const auto& names = analysis::influence_signal_names();
        if (std::find(names.begin(), names.end(), name) == names.end())
            throw UsageError("unknown influence signal '" + name + "' (signals: mention_pagerank, citation_pagerank, sota, reading_list, sections, months, reliance)");
        try {
            std::size_t used = 0;
            const double value = std::stod(w.substr(eq + 1), &used);
            if (used != w.size() - eq - 1 || !(value >= 0)) throw std::invalid_argument("range");
            influence.weights[name] = value;
        } catch (const std::exception&) {
            throw UsageError("weight of '" + name + "' must be a number >= 0, got '" + w.substr(eq + 1) + "'");
        }
    }
    if (options.threads > 0) omp_set_num_threads(options.threads);

    std::optional<graph::LoadResult> loaded;
    {
        PassTimer t("load", err, options.timings);
        loaded = load_or_report(options.common, err, false);
    }
    if (!loaded) return kInputError;

    analysis::PageRankOptions pr_opt;
    pr_opt.damping = options.damping;
    pr_opt.tolerance = options.tolerance;
    if (options.solver == "components") {
        if (!(options.damping < 1.0)) throw UsageError("--solver components needs --damping below 1");
        pr_opt.solver = analysis::PageRankSolver::SccGaussSeidel;
    } else if (options.solver == "power") {
        pr_opt.solver = analysis::PageRankSolver::Power;
    }

    std::vector<Row> rows;
    std::string graph_description;
    if (options.by == "influence") {
        analysis::InfluencePageRanks pr;
        {
            PassTimer t("projection+pagerank", err, options.timings);
            pr = analysis::influence_pageranks(*loaded, pr_opt);
        }
        analysis::InfluenceResult result;
        {
            PassTimer t("influence", err, options.timings);
            result = analysis::influence_ranking(*loaded, pr.mentions, pr.citations, influence);
        }
        graph_description = "composite of: ";
        for (const auto& s : result.available) graph_description += s + (s == result.available.back() ? "" : ", ");
        for (const auto& e : result.ranking) {
            Row r{e.id, e.name, e.score, nlohmann::ordered_json::object()};
            for (const auto& [name, s] : e.signals)
                r.signals[name] = {{"value", s.value}, {"normalized", s.normalized}, {"weight", s.weight}, {"share", s.share}};
            rows.push_back(std::move(r));
        }
    } else {
        std::optional<analysis::Projection> p;
        {
            PassTimer t("projection", err, options.timings);
            p = analysis::project_consuming(*loaded, projection_kind(options.projection));
        }
        graph_description = p->describe();
        const auto& g = p->csr;
        const std::uint32_t n = g.num_vertices();
        std::vector<double> score(n, 0.0);
        std::vector<std::vector<std::pair<const char*, double>>> extra(n);
        {
            PassTimer t(options.by, err, options.timings);
            if (options.by == "pagerank") {
                auto r = analysis::page_rank(g, pr_opt);
                score = std::move(r.score);
                if (!r.converged) err << "citegraph: warning: PageRank did not converge in " << r.iterations << " iterations\n";
                // The benchmarks divide the pass time by this to report seconds per iteration.
                if (options.timings) {
                    err << "citegraph: pagerank " << r.iterations << " iterations, last L1 change " << r.last_change;
                    if (r.solver == analysis::PageRankSolver::SccGaussSeidel)
                        err << " (after solving by components: " << r.cyclic_components << " cyclic, the largest of "
                            << r.largest_component << " vertices, at most " << r.sweeps << " Gauss-Seidel sweeps)";
                    err << '\n';
                }
            } else if (options.by == "betweenness") {
                analysis::BetweennessOptions b;
                b.samples = options.samples;
                b.seed = options.seed;
                score = analysis::betweenness(g, b).score;
            } else if (options.by == "degree") {
                auto d = analysis::degree(g);
                score = d.in;
                for (std::uint32_t v = 0; v < n; ++v) extra[v] = {{"in", d.in[v]}, {"out", d.out[v]}, {"total", d.total[v]}};
            } else if (options.by == "hits") {
                auto h = analysis::hits(g);
                score = h.authority;
                for (std::uint32_t v = 0; v < n; ++v) extra[v] = {{"authority", h.authority[v]}, {"hub", h.hub[v]}};
            } else if (options.by == "harmonic") {
                score = analysis::harmonic_centrality(g).score;
            } else if (options.by == "kcore") {
                auto c = analysis::core_number(g);
                for (std::uint32_t v = 0; v < n; ++v) score[v] = c.core[v];
            }
        }
        // Rows (names, JSON signals) only for the papers shown: on a graph of a million papers
        // building one per paper cost more memory than the graph.
        std::vector<std::uint32_t> papers;
        for (std::uint32_t v = 0; v < n; ++v)
            if (p->is_paper[v]) papers.push_back(v);
        const auto before = [&](std::uint32_t a, std::uint32_t b) { return score[a] != score[b] ? score[a] > score[b] : g.id(a) < g.id(b); };
        const std::size_t wanted = options.top == 0 ? papers.size() : std::min(options.top, papers.size());
        std::partial_sort(papers.begin(), papers.begin() + static_cast<std::ptrdiff_t>(wanted), papers.end(), before);
        papers.resize(wanted);
        for (std::uint32_t v : papers) {
            Row r{g.id(v), display_name(*loaded, g.id(v)), score[v], nlohmann::ordered_json::object()};
            r.signals[options.by] = score[v];
            for (const auto& [k, x] : extra[v]) r.signals[k] = x;
            rows.push_back(std::move(r));
        }
    }

    const std::size_t shown = options.top == 0 ? rows.size() : std::min(options.top, rows.size());
    if (options.common.json) {
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        for (std::size_t i = 0; i < shown; ++i)
            j.push_back({{"id", rows[i].id}, {"name", rows[i].name}, {"score", rows[i].score}, {"rank", i + 1}, {"signals", rows[i].signals}});
        out << j.dump(2) << '\n';
        return kOk;
    }
    out << "# " << options.by << (options.by == "influence" ? ", " : " on the ") << graph_description << '\n';
    for (std::size_t i = 0; i < shown; ++i) {
        out << std::setw(4) << i + 1 << "  " << std::setw(12) << std::setprecision(6) << rows[i].score << "  " << std::left
            << std::setw(12) << rows[i].id << std::right << "  " << rows[i].name << '\n';
    }
    return kOk;
}

}  // namespace citegraph::cli
