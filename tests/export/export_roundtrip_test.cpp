// The JSON export read back by networkx (Debian's python3-networkx, node_link_graph): node and
// edge counts per kind, and per evidence, must equal citegraph's own `stats --json`.
#include "tests/support/run_command.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

using citegraph::test::CommandRun;
const auto& run = citegraph::test::run_command;
const auto& quote = citegraph::test::shell_quote;


void check_roundtrip(const std::string& input) {
    const auto dir = std::filesystem::temp_directory_path() / ("citegraph-export-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string json_path = (dir / "graph.json").string();
    const std::string in = input.empty() ? "" : " " + quote(input);
    ASSERT_EQ(run(std::string(CITEGRAPH_BINARY) + " export -q -o " + quote(json_path) + in).status, 0);
    const CommandRun stats = run(std::string(CITEGRAPH_BINARY) + " stats -q --json" + in);
    ASSERT_EQ(stats.status, 0);
    const CommandRun nx = run("/usr/bin/python3 " + quote(CITEGRAPH_NETWORKX_COUNTS) + " " + quote(json_path));
    std::filesystem::remove_all(dir);
    if (nx.status == 3 || nx.status == 127) GTEST_SKIP() << "skipped: /usr/bin/python3 with networkx not available";
    ASSERT_EQ(nx.status, 0) << nx.out;
    const auto ours = nlohmann::json::parse(stats.out);
    const auto theirs = nlohmann::json::parse(nx.out);
    std::size_t total_nodes = 0, total_edges = 0;
    for (const auto& [kind, n] : ours["nodes"].items()) {
        total_nodes += n.get<std::size_t>();
        EXPECT_EQ(theirs["nodes"].value(kind, 0), n.get<int>()) << "nodes of kind " << kind;
    }
    for (const auto& [kind, n] : ours["edges"].items()) {
        total_edges += n.get<std::size_t>();
        EXPECT_EQ(theirs["edges"].value(kind, 0), n.get<int>()) << "edges of kind " << kind;
    }
    for (const auto& [kind, by] : ours["edges_by_evidence"].items())
        for (const auto& [evidence, n] : by.items())
            EXPECT_EQ(theirs["evidence"][kind].value(evidence, 0), n.get<int>()) << kind << " by " << evidence;
    EXPECT_EQ(theirs["graph_nodes"].get<std::size_t>(), total_nodes);
    EXPECT_EQ(theirs["graph_edges"].get<std::size_t>(), total_edges);
    EXPECT_TRUE(theirs["attributes_ok"].get<bool>());
}

}  // namespace

TEST(ExportRoundTrip, BundledExample) { check_roundtrip(""); }

TEST(ExportRoundTrip, SharedDigests) {
    for (const char* name : {"2023-10.md", "2024-05.md", "2025-02.md"}) {
        const std::string path = std::string(CITEGRAPH_SHARED_DIR) + "/digests/" + name;
        if (!std::filesystem::exists(path)) GTEST_SKIP() << "skipped: no shared data";
        SCOPED_TRACE(name);
        check_roundtrip(path);
    }
}

// An output that cannot be written is an I/O error of the user's environment: exit 3 with a
// diagnostic naming the file, never an "internal error" (exit 4), and nothing left behind.
TEST(ExportOutput, UnwritableDestinationExitsThree) {
    const std::string target = "/nonexistent-citegraph-dir/graph.json";
    const CommandRun r = run(std::string(CITEGRAPH_BINARY) + " export -q -o " + quote(target) + " 2>&1");
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.out.find(target + ": error[E-OUTPUT]: cannot write"), std::string::npos) << r.out;
    EXPECT_FALSE(std::filesystem::exists(target));
}
