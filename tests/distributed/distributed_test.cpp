// citegraph-mpi under `mpirun --oversubscribe` on this machine (loopback), compared with the
// single-machine `citegraph rank --by pagerank` and `citegraph clusters --method components`:
// PageRank within 1e-9 (max abs) and components as identical partitions. Skipped when mpirun
// is absent; the shared-data cases also when ../shared is absent.
#include "tests/support/run_command.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

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

TEST(Distributed, CoraOnTwoRanksEqualsSingleMachine) {
    SKIP_WITHOUT_MPI();
    SKIP_WITHOUT(kCora);
    expect_pagerank_equal(2, q(kCora) + " --columns cited,citing");
    expect_components_equal(2, q(kCora) + " --columns cited,citing");
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
