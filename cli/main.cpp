// citegraph: the command line. Commands live in their own files; this file only wires them
// up and turns failures into exit codes (0 ok, 1 findings, 2 usage, 3 input, 4 internal).
#include "cli/clusters_command.hpp"
#include "cli/common.hpp"
#include "cli/export_command.hpp"
#include "cli/lint_command.hpp"
#include "cli/map_command.hpp"
#include "cli/rank_command.hpp"
#include "cli/stats_command.hpp"
#include "cli/eval_command.hpp"
#include "cli/gaps_command.hpp"
#include "cli/ideas_command.hpp"
#include "output/atomic_file.hpp"

#include <malloc.h>

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    using namespace citegraph::cli;
    // A run allocates and frees arrays of 0.1-30 MB pass after pass (line buffers, edge lists,
    // CSR arrays, score vectors). glibc's defaults hand those back to the kernel on free and
    // grow the heap in small steps, so the next pass takes fresh pages, each costing a fault
    // (about a sixth of PageRank's time on cit-HepPh). Growing the heap in 64 MiB steps and
    // keeping freed memory lets later passes reuse the pages; arrays above 32 MiB are still
    // mapped and unmapped on their own, so the peak memory of large graphs does not change.
    mallopt(M_TOP_PAD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    // Ctrl-C or SIGTERM during a write removes the temporary file and exits 130 / 143.
    citegraph::output::install_interrupt_cleanup();
    CLI::App app{"citegraph: graph analytics over research digests and citation data"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "citegraph 0.1.0");

    StatsOptions stats;
    LintOptions lint;
    ExportOptions exporting;
    RankOptions rank;
    ClustersOptions clusters;
    setup_stats(app, stats);
    setup_rank(app, rank);
    setup_clusters(app, clusters);
    setup_lint(app, lint);
    setup_export(app, exporting);
    EvalOptions eval;
    setup_eval(app, eval);
    LinkCommandOptions gaps;
    LinkCommandOptions ideas;
    setup_gaps(app, gaps);
    setup_ideas(app, ideas);
    MapOptions map;
    setup_map(app, map);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kOk : kUsage;
    }

    try {
        if (app.got_subcommand("stats")) return run_stats(stats, std::cout, std::cerr);
        if (app.got_subcommand("lint")) return run_lint(lint, std::cout, std::cerr);
        if (app.got_subcommand("export")) return run_export(exporting, std::cout, std::cerr);
        if (app.got_subcommand("rank")) return run_rank(rank, std::cout, std::cerr);
        if (app.got_subcommand("clusters")) return run_clusters(clusters, std::cout, std::cerr);
        if (app.got_subcommand("eval")) return run_eval(eval, std::cout, std::cerr);
        if (app.got_subcommand("gaps")) return run_gaps(gaps, std::cout, std::cerr);
        if (app.got_subcommand("ideas")) return run_ideas(ideas, std::cout, std::cerr);
        if (app.got_subcommand("map")) return run_map(map, std::cout, std::cerr);
    } catch (const UsageError& e) {
        std::cerr << "citegraph: " << e.what() << '\n';
        return kUsage;
    } catch (const std::exception& e) {
        std::cerr << "citegraph: internal error: " << e.what() << '\n';
        return kInternal;
    }
    return kUsage;
}
