// citegraph-mpi: the distributed mode. Run under MPI, e.g.
//     mpirun -np 4 citegraph-mpi rank edges.tsv.gz --top 20 --json
//     mpirun -np 4 citegraph-mpi components cora.cites --columns cited,citing --json
// Each rank parses its byte range of every plain edge-list file (gzip and JSON lines files are
// read whole by every rank); rank 0 prints the results and the diagnostics.
// The results equal `citegraph rank --by pagerank` and `citegraph clusters --method
// components` on one machine (PageRank within 1e-9, components as the same partition).
// Exit codes as citegraph's: 0 ok, 2 usage, 3 input, 4 internal.
#include "analysis/distributed/distributed.hpp"
#include "analysis/distributed/edge_list_load.hpp"
#include "graph/parse/citations.hpp"
#include "output/escape.hpp"

#include <CLI/CLI.hpp>
#include <boost/mpi/collectives.hpp>
#include <boost/mpi/environment.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <numeric>
#include <sstream>

namespace {

using citegraph::analysis::distributed::EdgeListGraph;

constexpr int kOk = 0, kUsage = 2, kInputError = 3, kInternal = 4;

struct Options {
    std::vector<std::string> inputs;
    std::string columns = "citing,cited";
    double damping = 0.85;
    double tolerance = 1e-10;
    int max_iterations = 1000;
    std::size_t top = 10;
    bool json = false;
    bool quiet = false;
    bool verbose = false;
};

// Reads the edge lists, split between the ranks (analysis/distributed/edge_list_load.hpp).
bool load(const boost::mpi::communicator& world, const Options& options, EdgeListGraph& graph,
          citegraph::graph::DiagnosticSink& sink, citegraph::analysis::distributed::EdgeListLoad& loaded) {
    citegraph::graph::EdgeListOptions edge_options;
    edge_options.order = options.columns == "cited,citing" ? citegraph::graph::ColumnOrder::CitedCiting
                                                           : citegraph::graph::ColumnOrder::CitingCited;
    return citegraph::analysis::distributed::load_edge_lists(world, options.inputs, edge_options, graph, sink, loaded);
}

std::string seconds(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", value);
    return buffer;
}

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

void print_ranking(const Options& options, const EdgeListGraph& graph, const std::vector<double>& score, std::ostream& out) {
    std::vector<std::uint32_t> order(score.size());
    std::iota(order.begin(), order.end(), 0u);
    // Highest score first; ties by id so that the output does not depend on input order.
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (score[a] != score[b]) return score[a] > score[b];
        return graph.ids[a] < graph.ids[b];
    });
    const std::size_t shown = options.top == 0 ? order.size() : std::min(options.top, order.size());
    if (options.json) out << "[";
    for (std::size_t r = 0; r < shown; ++r) {
        const auto v = order[r];
        if (options.json)
            out << (r ? ",\n " : "") << "{\"id\": " << citegraph::output::json_string(graph.ids[v]) << ", \"rank\": " << r + 1
                << ", \"score\": " << number(score[v]) << "}";
        else
            out << r + 1 << '\t' << graph.ids[v] << '\t' << number(score[v]) << '\n';
    }
    if (options.json) out << "]\n";
}

void print_components(const Options& options, const EdgeListGraph& graph, const std::vector<std::uint32_t>& component,
                      std::ostream& out) {
    std::uint32_t count = 0;
    for (auto c : component) count = std::max(count, c + 1);
    std::vector<std::vector<std::uint32_t>> members(count);
    for (std::uint32_t v = 0; v < component.size(); ++v) members[component[v]].push_back(v);
    std::vector<std::uint32_t> order(count);
    std::iota(order.begin(), order.end(), 0u);
    // Largest first; ties by first member, the way `citegraph clusters` lists them.
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return members[a].size() > members[b].size(); });
    if (options.json) {
        out << "{\"method\": \"components\", \"graph\": \"citations, undirected, weakly connected components\", \"clusters\": [";
        for (std::size_t k = 0; k < order.size(); ++k) {
            const auto& m = members[order[k]];
            out << (k ? ",\n " : "\n ") << "{\"id\": " << k << ", \"size\": " << m.size() << ", \"members\": [";
            for (std::size_t i = 0; i < m.size(); ++i) out << (i ? ", " : "") << citegraph::output::json_string(graph.ids[m[i]]);
            out << "]}";
        }
        out << "]}\n";
        return;
    }
    out << count << " weakly connected components over " << component.size() << " papers\n";
    const std::size_t shown = options.top == 0 ? order.size() : std::min(options.top, order.size());
    for (std::size_t k = 0; k < shown; ++k) out << k << '\t' << members[order[k]].size() << " papers\n";
}

}  // namespace

int main(int argc, char** argv) {
    boost::mpi::environment env(argc, argv);
    boost::mpi::communicator world;
    const bool root = world.rank() == 0;

    CLI::App app{"citegraph-mpi: PageRank and connected components over MPI (Parallel Boost Graph Library)"};
    app.require_subcommand(1);
    Options options;
    auto add_common = [&](CLI::App* cmd) {
        cmd->add_option("INPUT", options.inputs, "Edge lists (.tsv .csv .txt .el, optionally .gz)")->required();
        cmd->add_option("--columns", options.columns, "Column order of edge lists")->check(CLI::IsMember({"citing,cited", "cited,citing"}));
        cmd->add_option("--top", options.top, "How many rows to print (0 = all)");
        cmd->add_flag("--json", options.json, "Machine-readable output on stdout");
        cmd->add_flag("-q,--quiet", options.quiet, "No summary on stderr");
        cmd->add_flag("-v,--verbose", options.verbose, "Also each rank's share of the papers and citations on stderr");
    };
    auto* rank = app.add_subcommand("rank", "PageRank (networkx's definition)");
    add_common(rank);
    rank->add_option("--damping", options.damping, "Damping factor")->check(CLI::Range(0.0, 1.0));
    rank->add_option("--tolerance", options.tolerance, "Stop when the L1 change is below n * tolerance")->check(CLI::PositiveNumber);
    rank->add_option("--max-iterations", options.max_iterations, "Iteration limit")->check(CLI::PositiveNumber);
    auto* components = app.add_subcommand("components", "Weakly connected components");
    add_common(components);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // Only rank 0 speaks, so that a usage error is printed once.
        if (!root) return e.get_exit_code() == 0 ? kOk : kUsage;
        const int code = app.exit(e);
        return code == 0 ? kOk : kUsage;
    }

    try {
        citegraph::graph::DiagnosticSink sink;
        EdgeListGraph graph;
        const auto start = std::chrono::steady_clock::now();
        citegraph::analysis::distributed::EdgeListLoad loaded;
        const bool ok = load(world, options, graph, sink, loaded);
        if (root)
            for (const auto& d : sink.all()) std::cerr << citegraph::graph::format(d) << '\n';
        if (!ok) return kInputError;
        const double load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (options.verbose) {
            // Every rank parsed the same options, so every rank takes part in this gather.
            std::vector<std::size_t> edges_per_rank;
            boost::mpi::gather(world, graph.edges.size(), edges_per_rank, 0);
            if (root)
                for (std::size_t r = 0; r < edges_per_rank.size(); ++r)
                    std::cerr << "rank " << r << ": " << graph.vertices_per_rank.at(r) << " papers, " << edges_per_rank[r]
                              << " citations\n";
        }
        std::ostringstream out;
        std::ostringstream summary;
        const auto pass_start = std::chrono::steady_clock::now();
        if (rank->parsed()) {
            const auto r = citegraph::analysis::distributed::page_rank(world, graph, {options.damping, options.tolerance, options.max_iterations});
            if (root) {
                print_ranking(options, graph, r.score, out);
                summary << "pagerank: " << r.iterations << " iterations, " << (r.converged ? "converged" : "NOT converged")
                        << ", last L1 change " << number(r.last_change);
            }
        } else {
            const auto c = citegraph::analysis::distributed::weak_components(world, graph);
            if (root) print_components(options, graph, c, out);
            if (root) summary << "components";
        }
        const double pass_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - pass_start).count();
        if (root) {
            std::cout << out.str();
            if (!options.quiet)
                std::cerr << summary.str() << "; " << world.size() << " MPI ranks, " << graph.ids.size() << " papers, "
                          << loaded.edges << " citations; load " << seconds(load_seconds) << " s, pass "
                          << seconds(pass_seconds) << " s\n";
        }
        return kOk;
    } catch (const std::exception& e) {
        std::cerr << "citegraph-mpi: internal error (rank " << world.rank() << "): " << e.what() << '\n';
        return kInternal;
    }
}
