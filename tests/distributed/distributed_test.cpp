// citegraph-mpi under `mpirun --oversubscribe` on this machine (loopback), compared with the
// single-machine `citegraph rank --by pagerank` and `citegraph clusters --method components`:
// PageRank within 1e-9 (max abs) and components as identical partitions. Skipped when mpirun
// is absent; the shared-data cases also when ../shared is absent.
#include "tests/support/run_command.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <vector>

namespace {

using citegraph::test::CommandRun;
const auto& run = citegraph::test::run_command;
const auto& q = citegraph::test::shell_quote;

const std::string kBin = CITEGRAPH_BINARY;
const std::string kMpiBin = CITEGRAPH_MPI_BINARY;
const std::string kData = CITEGRAPH_TEST_DATA "/distributed/";
const std::string kCora = CITEGRAPH_SHARED_DIR "/data/cora/cora.cites";
const std::string kHepPh = CITEGRAPH_SHARED_DIR "/data/cit-hepph/edges.tsv.gz";

bool have_mpirun() { return run("command -v mpirun >/dev/null 2>&1").status == 0; }

#define SKIP_WITHOUT_MPI() \
    if (!have_mpirun()) GTEST_SKIP() << "skipped: no mpirun (Open MPI) on this machine"
#define SKIP_WITHOUT(path) \
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "skipped: no shared data at " << (path)

// --allow-run-as-root: CI runs as root; --oversubscribe: more ranks than cores is fine here.
CommandRun mpi(int ranks, const std::string& args) {
    return run("mpirun --allow-run-as-root --oversubscribe -np " + std::to_string(ranks) + " " + q(kMpiBin) + " " + args +
               " 2>/dev/null");
}

std::map<std::string, double> scores_of(const std::string& json_text) {
    std::map<std::string, double> out;
    for (const auto& row : nlohmann::json::parse(json_text)) out[row["id"].get<std::string>()] = row["score"].get<double>();
    return out;
}

// A partition as a set of member sets, so that cluster numbering does not matter.
std::set<std::set<std::string>> partition_of(const std::string& json_text) {
    std::set<std::set<std::string>> out;
    const auto parsed = nlohmann::json::parse(json_text);  // kept alive for the loop below
    for (const auto& c : parsed.at("clusters")) {
        std::set<std::string> members;
        for (const auto& m : c["members"]) members.insert(m.get<std::string>());
        out.insert(members);
    }
    return out;
}

double max_abs_difference(const std::map<std::string, double>& a, const std::map<std::string, double>& b) {
    double worst = 0.0;
    for (const auto& [id, score] : a) worst = std::max(worst, std::abs(score - b.at(id)));
    return worst;
}

// Both sides at a tolerance where each is within ~1e-11 of the exact scores: the single-machine
// default solves the system component by component, the distributed mode runs the power
// iteration, so at a looser tolerance they would differ by how far the iteration stopped short.
void expect_pagerank_equal(int ranks, const std::string& input_args) {
    const std::string tight = " --tolerance 1e-15 ";
    const auto single = run(kBin + " rank --by pagerank --top 0 --json -q" + tight + input_args);
    ASSERT_EQ(single.status, 0);
    const auto distributed = mpi(ranks, "rank --top 0 --json -q" + tight + input_args);
    ASSERT_EQ(distributed.status, 0);
    const auto expected = scores_of(single.out);
    const auto got = scores_of(distributed.out);
    ASSERT_EQ(got.size(), expected.size());
    EXPECT_LE(max_abs_difference(got, expected), 1e-9);
}

void expect_components_equal(int ranks, const std::string& input_args) {
    const auto single = run(kBin + " clusters --method components --json -q " + input_args);
    ASSERT_EQ(single.status, 0);
    const auto distributed = mpi(ranks, "components --top 0 --json -q " + input_args);
    ASSERT_EQ(distributed.status, 0);
    EXPECT_EQ(partition_of(distributed.out), partition_of(single.out));
}

// A file under a per-process temporary directory, removed with it at exit of the test.
class TempDir {
public:
    TempDir() : path_(std::filesystem::temp_directory_path() / ("citegraph-distributed-" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    std::string write(const std::string& name, const std::string& content) const {
        const auto file = (path_ / name).string();
        std::ofstream(file, std::ios::binary) << content;
        return file;
    }
    std::string path(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

// The diagnostics a run printed about `file` (lines that start with its path), in order.
std::vector<std::string> diagnostics_about(const std::string& file, const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (line.rfind(file + ":", 0) == 0) out.push_back(line);
    return out;
}

// stderr only (stdout dropped) of a single-machine run and of an MPI run.
CommandRun single_stderr(const std::string& args) { return run(kBin + " " + args + " 2>&1 >/dev/null"); }
CommandRun mpi_stderr(int ranks, const std::string& args) {
    return run("mpirun --allow-run-as-root --oversubscribe -np " + std::to_string(ranks) + " " + q(kMpiBin) + " " + args +
               " 2>&1 >/dev/null");
}

}  // namespace

// Hand-computed: for a -> b with alpha 0.85, networkx's equations are
// a = 0.075 + 0.425 b and b = 0.075 + 0.85 a + 0.425 b, so a = 20/57 and b = 37/57.
TEST(Distributed, TwoNodePageRankMatchesHandComputation) {
    SKIP_WITHOUT_MPI();
    const auto r = mpi(2, "rank --top 0 --json -q " + q(kData + "two.tsv"));
    ASSERT_EQ(r.status, 0);
    const auto s = scores_of(r.out);
    EXPECT_NEAR(s.at("a"), 20.0 / 57.0, 1e-9);
    EXPECT_NEAR(s.at("b"), 37.0 / 57.0, 1e-9);
}

TEST(Distributed, HandMadeGraphEqualsSingleMachineOnOneTwoAndThreeRanks) {
    SKIP_WITHOUT_MPI();
    for (int ranks : {1, 2, 3}) {
        SCOPED_TRACE("ranks = " + std::to_string(ranks));
        expect_pagerank_equal(ranks, q(kData + "mixed.tsv"));
        expect_components_equal(ranks, q(kData + "mixed.tsv"));
    }
    // Components by hand: {p1 p2 p3 p4 sink}, {q1 q2}, {r1 r2}.
    const auto r = mpi(2, "components --top 0 --json -q " + q(kData + "mixed.tsv"));
    ASSERT_EQ(r.status, 0) << r.out;
    const std::set<std::set<std::string>> expected = {{"p1", "p2", "p3", "p4", "sink"}, {"q1", "q2"}, {"r1", "r2"}};
    EXPECT_EQ(partition_of(r.out), expected);
}

TEST(Distributed, CoraOnTwoAndThreeRanksEqualsSingleMachine) {
    SKIP_WITHOUT_MPI();
    SKIP_WITHOUT(kCora);
    for (int ranks : {2, 3}) {
        SCOPED_TRACE("ranks = " + std::to_string(ranks));
        expect_pagerank_equal(ranks, q(kCora) + " --columns cited,citing");
        expect_components_equal(ranks, q(kCora) + " --columns cited,citing");
    }
}

TEST(Distributed, CitHepPhOnTwoRanksEqualsSingleMachine) {
    SKIP_WITHOUT_MPI();
    SKIP_WITHOUT(kHepPh);
    expect_pagerank_equal(2, q(kHepPh));
    expect_components_equal(2, q(kHepPh));
}

TEST(Distributed, SameInputGivesSameBytes) {
    SKIP_WITHOUT_MPI();
    const auto a = mpi(2, "rank --top 0 --json -q " + q(kData + "mixed.tsv"));
    const auto b = mpi(2, "rank --top 0 --json -q " + q(kData + "mixed.tsv"));
    ASSERT_EQ(a.status, 0);
    EXPECT_EQ(a.out, b.out);
}

TEST(Distributed, MissingInputIsAnInputErrorReportedOnce) {
    SKIP_WITHOUT_MPI();
    const auto r = run("mpirun --allow-run-as-root --oversubscribe -np 2 " + q(kMpiBin) + " rank " +
                       q(kData + "no-such-file.tsv") + " 2>&1");
    EXPECT_NE(r.status, 0);
    const std::string needle = "no-such-file.tsv";
    std::size_t count = 0;
    for (auto pos = r.out.find("error[E-IO]"); pos != std::string::npos; pos = r.out.find("error[E-IO]", pos + 1)) ++count;
    EXPECT_EQ(count, 1u) << r.out;
    EXPECT_NE(r.out.find(needle), std::string::npos) << r.out;
}

// The plain-file path on real data: cit-HepPh decompressed, so that each rank reads a byte range
// (the shared .gz is read whole by every rank).
TEST(Distributed, CitHepPhDecompressedIsSplitAndEqualsSingleMachineOnTwoAndThreeRanks) {
    SKIP_WITHOUT_MPI();
    SKIP_WITHOUT(kHepPh);
    if (run("command -v gzip >/dev/null 2>&1").status != 0) GTEST_SKIP() << "skipped: no gzip";
    const TempDir dir;
    const std::string plain = dir.path("cit-hepph.tsv");
    ASSERT_EQ(run("gzip -dc " + q(kHepPh) + " > " + q(plain)).status, 0);
    for (int ranks : {2, 3}) {
        SCOPED_TRACE("ranks = " + std::to_string(ranks));
        expect_pagerank_equal(ranks, q(plain));
        expect_components_equal(ranks, q(plain));
    }
    // 421,578 lines of edges (one comment line), all distinct: the sum over the ranks' ranges.
    const auto r = mpi_stderr(3, "rank --top 1 " + q(plain));
    ASSERT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("34546 papers, 421578 citations"), std::string::npos) << r.out;
}

// Many short lines, a header, comments and a blank line, so that every cut between the ranks'
// byte ranges falls inside a line: the ranks must still read each line exactly once.
TEST(Distributed, RangesThatCutLinesEqualSingleMachine) {
    SKIP_WITHOUT_MPI();
    std::string text = "source,target\n";
    for (int i = 1; i <= 4000; ++i) {
        if (i % 250 == 0) text += "# a comment line in the middle\n";
        if (i == 2222) text += "\n";
        text += "a" + std::to_string(i % 151) + ",b" + std::to_string((i * 7) % 163) + "\n";
        if (i % 5 == 0) text += "b" + std::to_string(i % 163) + ",a" + std::to_string((i * 3) % 151) + "\n";
    }
    // A comment at the end moves the cuts (rank r of N starts at byte size * r / N) until none
    // falls just after a newline.
    auto cut_at_line_start = [](const std::string& t) {
        for (std::size_t ranks : {2u, 3u})
            for (std::size_t r = 1; r < ranks; ++r)
                if (t[t.size() * r / ranks - 1] == '\n') return true;
        return false;
    };
    while (cut_at_line_start(text)) text += "%\n";
    const TempDir dir;
    const std::string file = dir.write("short-lines.csv", text);
    for (int ranks : {2, 3}) {
        SCOPED_TRACE("ranks = " + std::to_string(ranks));
        expect_pagerank_equal(ranks, q(file));
        expect_components_equal(ranks, q(file));
    }
    // And cuts exactly at line starts: 300 lines of 10 bytes, cut at bytes 1000 and 2000 (3
    // ranks) or 1500 (2 ranks); no last newline either.
    std::string even;
    char line[16];
    for (int i = 0; i < 300; ++i) {
        std::snprintf(line, sizeof line, "a%03d\tb%03d\n", i % 70, (i * 13) % 90);
        even += line;
    }
    even.pop_back();
    even += "0";  // still 3000 bytes: the last line is "a..\tb..0"
    ASSERT_EQ(even.size(), 3000u);
    const std::string even_file = dir.write("even-lines.tsv", even);
    for (int ranks : {2, 3}) {
        SCOPED_TRACE("even lines, ranks = " + std::to_string(ranks));
        expect_pagerank_equal(ranks, q(even_file));
        expect_components_equal(ranks, q(even_file));
    }
}

// A bad line in the second half of a file, read by rank 1 or 2 of 3, is reported at its line in
// the whole file, exactly as one machine reports it; 25 bad lines over all ranks: the first 20
// are listed and the total counted, as on one machine. A line over the 1 MiB limit is an input
// error: exit 3 on every rank, at its line.
TEST(Distributed, DiagnosticsOfLaterRangesCarryWholeFileLineNumbers) {
    SKIP_WITHOUT_MPI();
    const TempDir dir;
    std::string text;
    for (int i = 1; i <= 1200; ++i) {
        if (i == 1000)
            text += "u\tv\tnot-a-weight\n";  // line 1000, column 5
        else if (i % 45 == 0)
            text += "lonely\n";  // 26 lines: 1 field
        else
            text += "n" + std::to_string(i % 113) + "\tn" + std::to_string((i * 11) % 127) + "\n";
    }
    const std::string bad = dir.write("bad-lines.tsv", text);
    const auto single = single_stderr("rank --by pagerank " + q(bad));
    ASSERT_EQ(single.status, 0) << single.out;
    const auto expected = diagnostics_about(bad, single.out);
    ASSERT_EQ(expected.size(), 21u) << single.out;  // 20 listed, then W-EDGE-SKIPPED
    EXPECT_EQ(expected.back(), bad + ": warning[W-EDGE-SKIPPED]: 27 line(s) skipped (the first 20 are listed)");
    const auto distributed = mpi_stderr(3, "rank " + q(bad));
    ASSERT_EQ(distributed.status, 0) << distributed.out;
    EXPECT_EQ(diagnostics_about(bad, distributed.out), expected) << distributed.out;

    // Only the line at 1000 and the over-long line at 900 (read by rank 2 of 3).
    std::string lines;
    for (int i = 1; i <= 1200; ++i) {
        if (i == 900)
            lines += std::string(3u << 20, 'L') + "\n";
        else if (i == 1000)
            lines += "u\tv\tnot-a-weight\n";
        else
            lines += "n" + std::to_string(i % 113) + "\tn" + std::to_string((i * 11) % 127) + "\n";
    }
    const std::string long_line = dir.write("long-line.tsv", lines);
    const auto single_long = single_stderr("rank --by pagerank " + q(long_line));
    EXPECT_EQ(single_long.status, 3);
    const auto expected_long = diagnostics_about(long_line, single_long.out);
    ASSERT_FALSE(expected_long.empty()) << single_long.out;
    EXPECT_EQ(expected_long.front(), long_line + ":900:1: error[E-LINE-LENGTH]: line is longer than the limit of 1048576 bytes");
    EXPECT_EQ(expected_long[1], long_line + ":1000:5: warning[W-EDGE-LINE]: weight 'not-a-weight' is not a finite non-negative number; line skipped");
    for (int ranks : {2, 3}) {
        SCOPED_TRACE("ranks = " + std::to_string(ranks));
        const auto distributed_long = mpi_stderr(ranks, "rank " + q(long_line));
        EXPECT_EQ(distributed_long.status, 3) << distributed_long.out;
        EXPECT_EQ(diagnostics_about(long_line, distributed_long.out), expected_long) << distributed_long.out;
    }
}

// One pair cited twice, in different ranks' ranges, with different weights: one machine keeps
// one edge with the first occurrence's weight, and so must the ranks. The scores then equal one
// machine's, and differ from those of a file that keeps the later weight instead.
TEST(Distributed, DuplicatesAcrossRangesKeepTheFirstOccurrence) {
    SKIP_WITHOUT_MPI();
    auto edges = [](const std::string& first_weight, const std::string& last_weight) {
        std::string text = "x\ty\t" + first_weight + "\n";
        for (int i = 1; i <= 600; ++i) text += "f" + std::to_string(i % 37) + "\tf" + std::to_string((i * 5) % 41) + "\t1\n";
        text += "y\tx\t2\n";
        for (int i = 1; i <= 600; ++i) text += "f" + std::to_string(i % 37) + "\tx\t1\n";  // duplicates too
        return text + "x\ty\t" + last_weight + "\nx\tf1\n";  // the last line without a weight: 1
    };
    const TempDir dir;
    const std::string file = dir.write("duplicates.tsv", edges("9", "0.25"));
    for (int ranks : {2, 3}) {
        SCOPED_TRACE("ranks = " + std::to_string(ranks));
        expect_pagerank_equal(ranks, q(file));
        expect_components_equal(ranks, q(file));
    }
    // Distinct pairs: f->f pairs (i % 37, 5i % 41) over i = 1..600, then y->x, f->x for 37 f's,
    // x->f1: counted by the single-machine run of this file (see the summary line).
    const auto distributed = mpi_stderr(3, "rank " + q(file));
    std::set<std::pair<int, int>> ff;
    for (int i = 1; i <= 600; ++i) ff.emplace(i % 37, (i * 5) % 41);
    const std::size_t distinct = 1 + ff.size() + 1 + 37 + 1;
    EXPECT_NE(distributed.out.find(std::to_string(distinct) + " citations"), std::string::npos) << distributed.out;

    // The weight of the first x -> y matters: 9 (first) gives other scores than 0.25 (last).
    const std::string tight = " --tolerance 1e-15 ";
    const auto first_wins = scores_of(mpi(3, "rank --top 0 --json -q" + tight + q(file)).out);
    const std::string swapped = dir.write("swapped.tsv", edges("0.25", "9"));
    const auto last_wins = scores_of(mpi(3, "rank --top 0 --json -q" + tight + q(swapped)).out);
    EXPECT_GT(std::abs(first_wins.at("y") - last_wins.at("y")), 1e-3);
}

// Several inputs, plain ones split and a gzip one read whole, sharing papers and pairs with other
// weights: the numbering and the first occurrence run over the files in order, as on one machine.
TEST(Distributed, SeveralFilesSplitAndWholeEqualSingleMachine) {
    SKIP_WITHOUT_MPI();
    if (run("command -v gzip >/dev/null 2>&1").status != 0) GTEST_SKIP() << "skipped: no gzip";
    const TempDir dir;
    std::string first, second, third;
    for (int i = 1; i <= 300; ++i) {
        first += "k" + std::to_string(i % 41) + "\tk" + std::to_string((i * 3) % 43) + "\t" + std::to_string(1 + i % 4) + "\n";
        second += "k" + std::to_string(i % 43) + "\tm" + std::to_string(i % 19) + "\n";
        third += "m" + std::to_string(i % 19) + "\tk" + std::to_string((i * 5) % 41) + "\t0.5\n";
    }
    third += "k1\tk3\t100\n";  // k1 -> k3 came first in the first file with weight 2
    const std::string a = dir.write("a.tsv", first);
    const std::string b = dir.write("b.tsv", second);
    const std::string c = dir.write("c.tsv", third);
    ASSERT_EQ(run("gzip -c " + q(c) + " > " + q(c + ".gz")).status, 0);
    const std::string inputs = q(a) + " " + q(c + ".gz") + " " + q(b);
    for (int ranks : {1, 2, 3}) {
        SCOPED_TRACE("ranks = " + std::to_string(ranks));
        expect_pagerank_equal(ranks, inputs);
        expect_components_equal(ranks, inputs);
    }
}

// Papers that cite much come first (40 "hubs" citing 250 papers each, then 2000 papers citing
// one or two): with equal vertex counts per rank the first rank would hold the hubs' 10,000
// edges of 13,000. The blocks split by out-edges instead: each rank's share is within the
// largest out-degree (250) of m/N (the cut falls at a vertex boundary, so a block can be off by
// at most one vertex's edges), and the results still equal one machine's.
TEST(Distributed, SkewedGraphSplitsTheEdgesEvenlyBetweenRanks) {
    SKIP_WITHOUT_MPI();
    std::string text;
    std::set<std::pair<std::string, std::string>> distinct;
    auto add = [&](const std::string& citing, const std::string& cited) {
        text += citing + "\t" + cited + "\n";
        distinct.emplace(citing, cited);
    };
    for (int h = 0; h < 40; ++h)
        for (int k = 0; k < 250; ++k) add("h" + std::to_string(h), "l" + std::to_string((h * 53 + k) % 2000));
    for (int j = 0; j < 2000; ++j) {
        add("l" + std::to_string(j), "l" + std::to_string((j * 7 + 1) % 2000));
        if (j < 1000) add("l" + std::to_string(j), "l" + std::to_string((j * 11 + 3) % 2000));
    }
    const std::size_t m = distinct.size();
    ASSERT_EQ(m, 13000u);
    constexpr std::size_t kLargestOutDegree = 250;
    const TempDir dir;
    const std::string file = dir.write("skewed.tsv", text);
    for (int ranks : {2, 3}) {
        SCOPED_TRACE("ranks = " + std::to_string(ranks));
        const auto r = mpi_stderr(ranks, "rank -v " + q(file));
        ASSERT_EQ(r.status, 0) << r.out;
        std::size_t papers_total = 0, edges_total = 0;
        for (int k = 0; k < ranks; ++k) {
            const std::string prefix = "rank " + std::to_string(k) + ": ";
            const auto at = r.out.find(prefix);
            ASSERT_NE(at, std::string::npos) << r.out;
            std::size_t papers = 0, edges = 0;
            ASSERT_EQ(std::sscanf(r.out.c_str() + at + prefix.size(), "%zu papers, %zu citations", &papers, &edges), 2) << r.out;
            const double share = static_cast<double>(m) / ranks;
            EXPECT_LE(std::abs(static_cast<double>(edges) - share), static_cast<double>(kLargestOutDegree)) << r.out;
            papers_total += papers;
            edges_total += edges;
        }
        EXPECT_EQ(papers_total, 2040u);
        EXPECT_EQ(edges_total, m);
        expect_pagerank_equal(ranks, q(file));
        expect_components_equal(ranks, q(file));
    }
    // The per-rank lines are printed only when asked for.
    const auto quiet = mpi_stderr(2, "rank " + q(file));
    ASSERT_EQ(quiet.status, 0);
    EXPECT_EQ(quiet.out.find("rank 0: "), std::string::npos) << quiet.out;
}
