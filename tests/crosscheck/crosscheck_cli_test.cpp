// The commands, end to end, against networkx and igraph (Debian's python3 packages) on the
// shared data. Skipped when ../shared or the packages are absent.
#include "tests/support/run_command.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>

namespace {

using citegraph::test::CommandRun;
const auto& run = citegraph::test::run_command;
const auto& q = citegraph::test::shell_quote;

const std::string kBin = CITEGRAPH_BINARY;
const std::string kPy = "/usr/bin/python3 " + q(CITEGRAPH_REFERENCE_SCRIPT) + " ";
const std::string kHepPh = CITEGRAPH_SHARED_DIR "/data/cit-hepph/edges.tsv.gz";

#define SKIP_WITHOUT(path)                                                                        \
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "skipped: no shared data at " << (path); \
    if (!std::filesystem::exists("/usr/bin/python3")) GTEST_SKIP() << "skipped: no /usr/bin/python3"

}  // namespace

// Issue 3, done when: `rank --by pagerank cit-HepPh --top 10 --json` lists the same ten papers
// as networkx (nx.pagerank(alpha=0.85, tol=1e-12) on the DiGraph of the edge list).
TEST(CrossCheckCli, PageRankTopTenOnCitHepPhEqualsNetworkx) {
    SKIP_WITHOUT(kHepPh);
    const auto ref = run(kPy + "pagerank-edges " + q(kHepPh) + " 10");
    if (ref.status == 3) GTEST_SKIP() << "skipped: networkx missing";
    ASSERT_EQ(ref.status, 0);
    const auto ours = run(kBin + " rank --by pagerank --top 10 --json --tolerance 1e-13 " + q(kHepPh));
    ASSERT_EQ(ours.status, 0);
    std::vector<std::string> ids;
    for (const auto& row : nlohmann::json::parse(ours.out)) ids.push_back(row["id"]);
    EXPECT_EQ(ids, nlohmann::json::parse(ref.out).get<std::vector<std::string>>());
}

// Issue 3: Leiden modularity on cit-HepPh (undirected, simple) at least igraph's Leiden Q
// (best of 3 seeds) minus 0.005.
TEST(CrossCheckCli, LeidenModularityOnCitHepPhMeetsIgraph) {
    SKIP_WITHOUT(kHepPh);
    const auto ref = run(kPy + "leiden-q " + q(kHepPh));
    if (ref.status == 3) GTEST_SKIP() << "skipped: networkx or igraph missing";
    ASSERT_EQ(ref.status, 0);
    const auto ours = run(kBin + " clusters --method leiden --json " + q(kHepPh));
    ASSERT_EQ(ours.status, 0);
    const auto j = nlohmann::json::parse(ours.out);
    const double igraph_q = nlohmann::json::parse(ref.out)["q"];
    std::cout << "citegraph Q = " << j["modularity"].get<double>() << ", igraph Q = " << igraph_q << '\n';
    EXPECT_GE(j["modularity"].get<double>(), igraph_q - 0.005);
    // The clustering is a partition of all 34,546 papers.
    std::size_t members = 0;
    for (const auto& c : j["clusters"]) members += c["members"].size();
    EXPECT_EQ(members, 34546u);
}

// PageRank of the digests' mention graphs (gaps and ideas -> papers, weighted by evidence)
// within 1e-9 of networkx on the same graph rebuilt from citegraph's own JSON export.
TEST(CrossCheckCli, MentionGraphPageRankOfEachDigestEqualsNetworkx) {
    for (const char* name : {"2023-10.md", "2024-05.md", "2025-02.md"}) {
        const std::string digest = std::string(CITEGRAPH_SHARED_DIR) + "/digests/" + name;
        SKIP_WITHOUT(digest);
        SCOPED_TRACE(name);
        const auto json_path = std::filesystem::temp_directory_path() / ("citegraph-xc-" + std::to_string(::getpid()) + ".json");
        ASSERT_EQ(run(kBin + " export -q -o " + q(json_path.string()) + " " + q(digest)).status, 0);
        const auto ref = run(kPy + "pagerank-export " + q(json_path.string()));
        std::filesystem::remove(json_path);
        if (ref.status == 3) GTEST_SKIP() << "skipped: networkx missing";
        ASSERT_EQ(ref.status, 0);
        const auto ours = run(kBin + " rank -q --by pagerank --top 0 --json --tolerance 1e-15 " + q(digest));
        ASSERT_EQ(ours.status, 0);
        const auto theirs = nlohmann::json::parse(ref.out);
        const auto rows = nlohmann::json::parse(ours.out);
        ASSERT_EQ(rows.size(), theirs.size());
        double max_diff = 0;
        for (const auto& row : rows) max_diff = std::max(max_diff, std::abs(row["score"].get<double>() - theirs[row["id"].get<std::string>()].get<double>()));
        EXPECT_LT(max_diff, 1e-9);
    }
}
