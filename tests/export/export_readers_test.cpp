// Every export format read back by what its users open it with (issue 5: "the readers are the
// test"). For each input (the bundled example, the hostile digest, the three shared digests
// merged, Cora), `citegraph export` writes every format once; then each reader opens its file
// and reports the node and edge counts per kind it saw, which must equal citegraph's own
// (`stats --json`, i.e. KnowledgeGraph::count), and the problems it stumbled on (none allowed).
//
// Readers: networkx 2.8 (read_graphml, read_gexf, node_link_graph, cytoscape_graph) and igraph
// 0.10 (Read_GraphML, Read_Pajek) through Debian's /usr/bin/python3; graphology-graphml,
// graphology-gexf and Cytoscape.js (headless) under node, from scripts/install-node-readers.sh;
// Graphviz's gvpr (its own DOT parser) and `dot -Tsvg`; xmllint for every XML file; Python's
// csv module for the neo4j-admin CSV; json for VOSviewer's documented structure.
// A reader that is not installed skips its test (GTEST_SKIP) and says which.
#include "output/atomic_file.hpp"
#include "output/csv_export.hpp"
#include "output/cytoscape_export.hpp"
#include "output/dot_export.hpp"
#include "output/gexf_export.hpp"
#include "output/graph_export.hpp"
#include "output/graphml_export.hpp"
#include "output/json_export.hpp"
#include "output/pajek_export.hpp"
#include "output/vosviewer_export.hpp"
#include "tests/output/hostile_strings.hpp"
#include "tests/support/run_command.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using citegraph::test::CommandRun;
using nlohmann::json;
const auto& run = citegraph::test::run_command;
const auto& quote = citegraph::test::shell_quote;

const std::string kBinary = CITEGRAPH_BINARY;
const std::string kShared = CITEGRAPH_SHARED_DIR;

bool have(const std::string& program) { return run("command -v " + program + " >/dev/null 2>&1").status == 0; }

std::string node_readers_dir() {
    if (const char* dir = std::getenv("CITEGRAPH_NODE_READERS")) return dir;
    return CITEGRAPH_NODE_READERS;
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// ---- inputs -----------------------------------------------------------------------------------

struct InputCase {
    std::string name;
    std::string args;  // INPUT... and input options, shell-quoted
    bool large = false;  // skip `dot -Tsvg` (layout of thousands of nodes is slow)
    std::vector<std::string> files = {};  // input files, part of the export cache's stamp
};

// The input named `name`, or nothing when its files are absent.
std::optional<InputCase> input_case(const std::string& name) {
    if (name == "example") return InputCase{name, ""};
    if (name == "hostile") {
        const std::string path = std::string(CITEGRAPH_TEST_DATA) + "/digests/hostile.md";
        return InputCase{name, quote(path), false, {path}};
    }
    if (name == "merged") {
        std::string args;
        for (const char* month : {"2023-10", "2024-05", "2025-02"}) {
            const std::string path = kShared + "/digests/" + month + ".md";
            if (!fs::exists(path)) return std::nullopt;
            args += " " + quote(path);
        }
        return InputCase{name, args};
    }
    if (name == "cora") {
        const std::string path = kShared + "/data/cora/cora.cites";
        if (!fs::exists(path)) return std::nullopt;
        return InputCase{name, "--columns cited,citing " + quote(path), true};
    }
    return std::nullopt;
}

// (file name, export flags) of every format; csv writes graph.nodes.csv and graph.edges.csv.
const std::vector<std::pair<std::string, std::string>> kFiles = {
    {"graph.graphml", ""},          {"graph.gexf", ""},  {"graph.json", ""}, {"graph.cyjs", ""},
    {"graph.csv", ""},              {"graph.net", ""},   {"graph.dot", ""},  {"graph.vos.json", "--format vosviewer"},
};

struct Exported {
    fs::path dir;
    json stats;
    bool ok = false;
    std::string error;
};

fs::path scratch_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("citegraph-readers-" + std::to_string(::getpid())) / name;
    fs::create_directories(dir);
    return dir;
}

void export_all(const InputCase& in, const fs::path& dir, Exported& out) {
    for (const auto& [file, flags] : kFiles) {
        const std::string cmd = kBinary + " export -q " + flags + " -o " + quote((dir / file).string()) + " " + in.args + " 2>&1";
        const CommandRun r = run(cmd);
        if (r.status != 0) {
            out.error = cmd + " -> exit " + std::to_string(r.status) + ": " + r.out;
            return;
        }
    }
    out.ok = true;
}

// Exports an input once for all the test processes (CTest runs each test in its own process,
// several at once): the files go to a directory in the build tree, guarded by an flock, and
// are reused while the stamp (binary size and time, arguments) matches.
const Exported& exported(const InputCase& in) {
    static std::map<std::string, Exported> cache;
    auto [it, added] = cache.try_emplace(in.name);
    if (!added) return it->second;
    Exported& e = it->second;
    const fs::path root(CITEGRAPH_EXPORT_CACHE);
    fs::create_directories(root);
    e.dir = root / in.name;
    const int lock = ::open((root / (in.name + ".lock")).c_str(), O_CREAT | O_RDWR, 0644);
    if (lock < 0 || ::flock(lock, LOCK_EX) != 0) {
        e.error = "cannot lock " + (root / (in.name + ".lock")).string();
        return e;
    }
    std::error_code ec;
    const auto binary_time = fs::last_write_time(kBinary, ec).time_since_epoch().count();
    std::string stamp = std::to_string(fs::file_size(kBinary, ec)) + " " + std::to_string(binary_time) + " " + in.args;
    for (const auto& file : in.files)
        stamp += " " + std::to_string(fs::file_size(file, ec)) + ":" + std::to_string(fs::last_write_time(file, ec).time_since_epoch().count());
    if (fs::exists(e.dir / ".stamp") && slurp(e.dir / ".stamp") == stamp) {
        e.stats = json::parse(slurp(e.dir / "stats.json"));
        e.ok = true;
    } else {
        fs::remove_all(e.dir, ec);
        fs::create_directories(e.dir);
        const CommandRun stats = run(kBinary + " stats -q --json " + in.args);
        if (stats.status != 0) {
            e.error = "stats failed: " + stats.out;
        } else {
            e.stats = json::parse(stats.out);
            export_all(in, e.dir, e);
            if (e.ok) {
                std::ofstream(e.dir / "stats.json") << stats.out;
                std::ofstream(e.dir / ".stamp") << stamp;
            }
        }
    }
    ::flock(lock, LOCK_UN);
    ::close(lock);
    return e;
}

// Counts that are not zero: readers only see kinds that occur.
std::map<std::string, long> nonzero(const json& counts) {
    std::map<std::string, long> out;
    for (const auto& [kind, n] : counts.items())
        if (n.get<long>() != 0) out[kind] = n.get<long>();
    return out;
}

long total(const std::map<std::string, long>& counts) {
    long sum = 0;
    for (const auto& [kind, n] : counts) sum += n;
    return sum;
}

// ---- readers ----------------------------------------------------------------------------------

struct ReaderRun {
    bool skipped = false;
    std::string why;
    json result;
};

// Runs a reader script; exit 3 (a module is missing) or 127 (no interpreter) means skip.
ReaderRun run_reader(const std::string& command, const std::string& what) {
    ReaderRun r;
    const CommandRun c = run(command + " 2>&1");
    if (c.status == 3 || c.status == 127) {
        r.skipped = true;
        r.why = what + " not available";
        return r;
    }
    if (c.status != 0) throw std::runtime_error(command + " failed (exit " + std::to_string(c.status) + "): " + c.out);
    r.result = json::parse(c.out);
    return r;
}

ReaderRun python_reader(const std::string& reader, const std::string& files) {
    if (!fs::exists("/usr/bin/python3")) return {true, "/usr/bin/python3 not available", {}};
    return run_reader("/usr/bin/python3 " + quote(CITEGRAPH_READ_BACK_PY) + " " + reader + " " + files,
                      "Python module for " + reader);
}

ReaderRun node_reader(const std::string& reader, const std::string& file) {
    if (!have("node")) return {true, "node not available", {}};
    if (!fs::exists(fs::path(node_readers_dir()) / "node_modules"))
        return {true, "node readers not installed in " + node_readers_dir() + " (scripts/install-node-readers.sh)", {}};
    return run_reader("node " + quote(CITEGRAPH_READ_BACK_JS) + " " + quote(node_readers_dir()) + " " + reader + " " + quote(file),
                      "npm module for " + reader);
}

ReaderRun gvpr_reader(const std::string& file) {
    if (!have("gvpr")) return {true, "gvpr (graphviz) not available", {}};
    return run_reader("gvpr -f " + quote(CITEGRAPH_COUNT_KINDS_GVPR) + " " + quote(file), "gvpr");
}

// The reader named `reader` on the export in `dir`.
ReaderRun read_back(const std::string& reader, const fs::path& dir) {
    const auto f = [&](const char* name) { return quote((dir / name).string()); };
    if (reader == "graphml-networkx" || reader == "graphml-igraph") return python_reader(reader, f("graph.graphml"));
    if (reader == "gexf-networkx") return python_reader(reader, f("graph.gexf"));
    if (reader == "json-networkx") return python_reader(reader, f("graph.json"));
    if (reader == "cytoscape-networkx") return python_reader(reader, f("graph.cyjs"));
    if (reader == "pajek-igraph") return python_reader(reader, f("graph.net"));
    if (reader == "csv") return python_reader(reader, f("graph.nodes.csv") + " " + f("graph.edges.csv"));
    if (reader == "vosviewer") return python_reader(reader, f("graph.vos.json"));
    if (reader == "gexf-graphology") return node_reader(reader, (dir / "graph.gexf").string());
    if (reader == "graphml-graphology") return node_reader(reader, (dir / "graph.graphml").string());
    if (reader == "cytoscape") return node_reader(reader, (dir / "graph.cyjs").string());
    if (reader == "dot-gvpr") return gvpr_reader((dir / "graph.dot").string());
    throw std::logic_error("unknown reader " + reader);
}

const std::vector<std::string> kReaders = {
    "graphml-networkx", "graphml-igraph", "graphml-graphology", "gexf-networkx", "gexf-graphology", "json-networkx",
    "cytoscape-networkx", "cytoscape", "csv", "pajek-igraph", "vosviewer", "dot-gvpr",
};

// Readers whose labels must be exactly the node labels (node-link JSON read by networkx is the
// reference: json_string is the most direct encoding).
bool keeps_labels(const std::string& reader) {
    return reader == "graphml-networkx" || reader == "gexf-networkx" || reader == "cytoscape-networkx" || reader == "vosviewer";
}

// Checks what a reader saw against citegraph's counts.
void expect_counts(const std::string& reader, const json& seen, const std::map<std::string, long>& nodes,
                   const std::map<std::string, long>& edges, long undirected_pairs) {
    EXPECT_TRUE(seen["problems"].empty()) << reader << " stumbled on: " << seen["problems"].dump(1);
    std::map<std::string, long> seen_nodes, seen_edges;
    for (const auto& [kind, n] : seen["nodes"].items()) seen_nodes[kind] = n.get<long>();
    EXPECT_EQ(seen_nodes, nodes) << reader << ": nodes per kind";
    EXPECT_EQ(seen["graph_nodes"].get<long>(), total(nodes)) << reader;
    if (reader == "vosviewer") {
        // One undirected link per pair of distinct nodes (see vosviewer_export.hpp).
        if (undirected_pairs >= 0) {
            EXPECT_EQ(seen["graph_edges"].get<long>(), undirected_pairs) << reader;
        }
        return;
    }
    for (const auto& [kind, n] : seen["edges"].items()) seen_edges[kind] = n.get<long>();
    EXPECT_EQ(seen_edges, edges) << reader << ": edges per kind";
    EXPECT_EQ(seen["graph_edges"].get<long>(), total(edges)) << reader;
}

// ---- the reader tests -------------------------------------------------------------------------

class ReaderTest : public ::testing::TestWithParam<std::tuple<std::string, std::string>> {};

TEST_P(ReaderTest, CountsPerKindEqualCitegraphs) {
    const auto& [input_name, reader] = GetParam();
    const auto in = input_case(input_name);
    if (!in) GTEST_SKIP() << "skipped: no shared data for " << input_name;
    const Exported& e = exported(*in);
    ASSERT_TRUE(e.ok) << e.error;
    const ReaderRun r = read_back(reader, e.dir);
    if (r.skipped) GTEST_SKIP() << "skipped: " << r.why;

    long pairs = -1;
    std::optional<json> reference;
    if (reader == "vosviewer" || keeps_labels(reader)) {
        const ReaderRun ref = read_back("json-networkx", e.dir);
        if (!ref.skipped) {
            reference = ref.result;
            pairs = ref.result["undirected_pairs"].get<long>();
        }
    }
    expect_counts(reader, r.result, nonzero(e.stats["nodes"]), nonzero(e.stats["edges"]), pairs);
    // Hostile text survives: the labels the reader sees are the graph's labels, byte for byte.
    if (reference && keeps_labels(reader)) {
        EXPECT_EQ(r.result["labels"], (*reference)["labels"]) << reader;
    }
    if (reader == "pajek-igraph") {
        // Pajek labels are the node labels with `"` as `'` and line breaks and tabs as spaces
        // (pajek_label), nothing else changed.
        const ReaderRun ref = read_back("json-networkx", e.dir);
        if (!ref.skipped) {
            std::set<std::string> expected;
            for (std::string label : ref.result["labels"]) {
                for (char& c : label) {
                    if (c == '"') c = '\'';
                    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
                }
                expected.insert(label);
            }
            const std::set<std::string> seen_labels = r.result["labels"].get<std::set<std::string>>();
            EXPECT_EQ(seen_labels, expected);
        }
    }
}

std::string case_name(const ::testing::TestParamInfo<ReaderTest::ParamType>& info) {
    std::string name = std::get<0>(info.param) + "_" + std::get<1>(info.param);
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(Exports, ReaderTest,
                         ::testing::Combine(::testing::Values("example", "hostile", "merged", "cora"),
                                            ::testing::ValuesIn(kReaders)),
                         case_name);

// ---- XML well-formedness, DOT through Graphviz ------------------------------------------------

class InputTest : public ::testing::TestWithParam<std::string> {};

TEST_P(InputTest, XmlOutputsAreWellFormed) {
    const auto in = input_case(GetParam());
    if (!in) GTEST_SKIP() << "skipped: no shared data for " << GetParam();
    if (!have("xmllint")) GTEST_SKIP() << "skipped: xmllint (libxml2-utils) not available";
    const Exported& e = exported(*in);
    ASSERT_TRUE(e.ok) << e.error;
    for (const char* file : {"graph.graphml", "graph.gexf"}) {
        const CommandRun r = run("xmllint --noout " + quote((e.dir / file).string()) + " 2>&1");
        EXPECT_EQ(r.status, 0) << file << ": " << r.out;
    }
}

// `dot` lays the whole-graph DOT out and renders it; the SVG is well-formed and carries no
// script element, whatever the labels held.
TEST_P(InputTest, DotRendersToCleanSvg) {
    const auto in = input_case(GetParam());
    if (!in) GTEST_SKIP() << "skipped: no shared data for " << GetParam();
    if (in->large) GTEST_SKIP() << "skipped: laying out thousands of nodes with dot is slow; gvpr parses this one";
    if (!have("dot") || !have("xmllint")) GTEST_SKIP() << "skipped: graphviz or xmllint not available";
    const Exported& e = exported(*in);
    ASSERT_TRUE(e.ok) << e.error;
    const std::string svg = (e.dir / "graph.svg").string();
    const CommandRun r = run("dot -Tsvg -o " + quote(svg) + " " + quote((e.dir / "graph.dot").string()) + " 2>&1");
    ASSERT_EQ(r.status, 0) << r.out;
    EXPECT_EQ(run("xmllint --noout " + quote(svg) + " 2>&1").status, 0);
    const std::string text = slurp(svg);
    EXPECT_EQ(text.find("<script"), std::string::npos);
    // Each node and edge of the graph is one <g class="node"> / <g class="edge"> in the SVG.
    std::size_t nodes = 0, edges = 0;
    for (std::size_t at = 0; (at = text.find("class=\"node\"", at)) != std::string::npos; ++at) ++nodes;
    for (std::size_t at = 0; (at = text.find("class=\"edge\"", at)) != std::string::npos; ++at) ++edges;
    EXPECT_EQ(static_cast<long>(nodes), total(nonzero(e.stats["nodes"])));
    EXPECT_EQ(static_cast<long>(edges), total(nonzero(e.stats["edges"])));
}

// Exporting twice gives identical bytes, for every format.
TEST_P(InputTest, ExportingTwiceGivesIdenticalBytes) {
    const auto in = input_case(GetParam());
    if (!in) GTEST_SKIP() << "skipped: no shared data for " << GetParam();
    const Exported& e = exported(*in);
    ASSERT_TRUE(e.ok) << e.error;
    const fs::path again = scratch_dir(in->name + "-again");
    Exported second;
    export_all(*in, again, second);
    ASSERT_TRUE(second.ok) << second.error;
    for (const char* file : {"graph.graphml", "graph.gexf", "graph.json", "graph.cyjs", "graph.nodes.csv", "graph.edges.csv",
                             "graph.net", "graph.dot", "graph.vos.json"}) {
        const std::string a = slurp(e.dir / file), b = slurp(again / file);
        EXPECT_FALSE(a.empty()) << file;
        EXPECT_TRUE(a == b) << file << " differs between two runs";
    }
}

INSTANTIATE_TEST_SUITE_P(Exports, InputTest, ::testing::Values("example", "hostile", "merged", "cora"));

// ---- hostile text, specifically ------------------------------------------------------------

TEST(HostileExport, NoCsvCellStartsAFormulaAndDotHasNoInjectedStatement) {
    const auto in = input_case("hostile");
    const Exported& e = exported(*in);
    ASSERT_TRUE(e.ok) << e.error;
    // The fixture really is hostile: its formulas and DOT breakers reach the exports.
    const std::string nodes_csv = slurp(e.dir / "graph.nodes.csv");
    EXPECT_NE(nodes_csv.find("'=HYPERLINK"), std::string::npos) << "the formula cell was not neutralised with an apostrophe";
    const std::string dot = slurp(e.dir / "graph.dot");
    EXPECT_NE(dot.find("\\\"]; evil -> x ["), std::string::npos);
    // Outside quoted strings the DOT has exactly one statement per node and edge: count the
    // statement terminators that Graphviz would see.
    std::size_t statements = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < dot.size(); ++i) {
        if (in_string) {
            if (dot[i] == '\\') ++i;
            else if (dot[i] == '"') in_string = false;
        } else if (dot[i] == '"') {
            in_string = true;
        } else if (dot[i] == ';') {
            ++statements;
        }
    }
    // + 3 default statements: graph [...]; node [...]; edge [...];
    EXPECT_EQ(static_cast<long>(statements), total(nonzero(e.stats["nodes"])) + total(nonzero(e.stats["edges"])) + 3);
}

// ---- the command line ---------------------------------------------------------------------------

TEST(ExportCommand, FormatFromExtensionAndFlags) {
    const fs::path dir = scratch_dir("cli");
    // .cyjs is Cytoscape.js; .json without --format stays node-link JSON.
    ASSERT_EQ(run(kBinary + " export -q -o " + quote((dir / "a.cyjs").string())).status, 0);
    EXPECT_NE(slurp(dir / "a.cyjs").find("\"elements\""), std::string::npos);
    ASSERT_EQ(run(kBinary + " export -q -o " + quote((dir / "b.json").string())).status, 0);
    EXPECT_NE(slurp(dir / "b.json").find("\"links\""), std::string::npos);
    ASSERT_EQ(run(kBinary + " export -q --format cytoscape -o " + quote((dir / "c.json").string())).status, 0);
    EXPECT_NE(slurp(dir / "c.json").find("\"elements\""), std::string::npos);
    // .gv is DOT; stdout works for every single-file format.
    ASSERT_EQ(run(kBinary + " export -q -o " + quote((dir / "d.gv").string())).status, 0);
    EXPECT_EQ(slurp(dir / "d.gv").rfind("digraph \"citegraph\" {", 0), 0u);
    const CommandRun pajek = run(kBinary + " export -q --format pajek -o -");
    EXPECT_EQ(pajek.status, 0);
    EXPECT_EQ(pajek.out.rfind("*Vertices ", 0), 0u);
    // csv into a directory: nodes.csv and edges.csv.
    const fs::path csv_dir = dir / "neo4j";
    fs::create_directories(csv_dir);
    ASSERT_EQ(run(kBinary + " export -q --format csv -o " + quote(csv_dir.string())).status, 0);
    EXPECT_TRUE(fs::exists(csv_dir / "nodes.csv"));
    EXPECT_TRUE(fs::exists(csv_dir / "edges.csv"));
    // Leftover temporaries would mean a write that was not atomic.
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
}

TEST(ExportCommand, UsageErrors) {
    // No way to tell the format: exit 2 with a message naming the flag.
    CommandRun r = run(kBinary + " export -q -o graph.xyz 2>&1");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.out.find("--format"), std::string::npos) << r.out;
    // csv cannot go to stdout (two files).
    r = run(kBinary + " export -q --format csv -o - 2>&1");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.out.find("two files"), std::string::npos) << r.out;
    r = run(kBinary + " export -q --format svg -o x.svg 2>&1");
    EXPECT_EQ(r.status, 2);
}

TEST(ExportCommand, UnwritableDestinationIsAnOutputError) {
    for (const char* file : {"g.graphml", "g.gexf", "g.net", "g.csv", "g.dot", "g.cyjs"}) {
        const std::string target = std::string("/nonexistent-citegraph-dir/") + file;
        const CommandRun r = run(kBinary + " export -q -o " + quote(target) + " 2>&1");
        EXPECT_EQ(r.status, 3) << file << ": " << r.out;
        EXPECT_NE(r.out.find("error[E-OUTPUT]"), std::string::npos) << r.out;
    }
}

// ---- the writers on strings no digest can hold (NUL, CR, invalid UTF-8, controls) ---------------

// Every hostile string of tests/output/hostile_strings.hpp as a topic name, a paper's label,
// names and texts, a gap and an idea title, and the matched text of their edges:
//
//   topic:root <-subtopic_of- topic:root/<i><s> <-classified_as- paper:2401.1<i>
//                                                   ^mentions (name)   ^builds_on (inferred)
//                                               gap:g/<i><s> <-addresses (inferred)- idea:i/<i><s>
citegraph::graph::LoadResult hostile_graph() {
    using namespace citegraph::graph;
    LoadResult loaded;
    KnowledgeGraph& kg = loaded.graph;
    const Vertex root = kg.ensure(NodeKind::Topic, "root");
    kg[root].label = "Root";
    kg[root].topic() = {"Root", "Root", 0, {}};
    kg[root].seen.push_back({"hostile", 1, "TOPIC_TREE"});
    const auto& strings = citegraph::output::testing::hostile_strings();
    for (std::size_t i = 0; i < strings.size(); ++i) {
        const std::string& s = strings[i];
        const std::string n = std::to_string(i);
        const Provenance where{s, static_cast<int>(i) + 2, s};
        const Vertex t = kg.ensure(NodeKind::Topic, "root/" + n + s);
        kg[t].label = s;
        kg[t].topic() = {s, "Root > " + s, 1, {s}};
        kg[t].seen.push_back(where);
        kg.link(t, root, {EdgeKind::SubtopicOf, Evidence::Id, 1.0, "", {where}});

        const Vertex p = kg.ensure(NodeKind::Paper, "2401." + std::to_string(10000 + i));
        kg[p].label = s;
        kg[p].seen.push_back(where);
        PaperProps& paper = kg[p].paper();
        paper.names = {{s, "tree", where}};
        paper.tree_entries = {{"Root > " + s, s, where}};
        paper.sota = {{static_cast<int>(i) + 1, s, s, s, where}};
        paper.contributions = {{s, s, s, where}};
        paper.reading = {{static_cast<int>(i) + 1, s, s, where}};
        paper.months = {s};
        paper.mentions_per_section = {{s, 1}};
        paper.same_as = {s};
        paper.title = paper.abstract = paper.date = s;
        kg.link(p, t, {EdgeKind::ClassifiedAs, Evidence::Id, 1.0, "", {where}});

        const Vertex gap = kg.ensure(NodeKind::Gap, "g/" + n + s);
        kg[gap].label = s;
        kg[gap].gap() = {s, s, {s, s}, s};
        kg[gap].seen.push_back(where);
        kg.link(gap, p, {EdgeKind::Mentions, Evidence::Name, 1.0, s, {where}});

        const Vertex idea = kg.ensure(NodeKind::Idea, "i/" + n + s);
        kg[idea].label = s;
        kg[idea].idea() = {s, s, s, s, s, s, s, {{s, s}}, s};
        kg[idea].seen.push_back(where);
        kg.link(idea, p, {EdgeKind::BuildsOn, Evidence::Inferred, 0.25, s, {where}});
        kg.link(idea, gap, {EdgeKind::Addresses, Evidence::Inferred, 0.5, s, {where}});
    }
    return loaded;
}

// Writes every format of the hostile graph once per process, through the library.
const fs::path& hostile_writer_dir() {
    static const fs::path dir = [] {
        const fs::path d = scratch_dir("writers");
        static const auto loaded = hostile_graph();
        static citegraph::output::ExportInput input;
        input.graph = &loaded.graph;
        input.visuals = citegraph::output::compute_visuals(loaded, {}, &input.colored_by);
        namespace out = citegraph::output;
        const auto write = [&](const char* name, const std::function<void(std::ostream&)>& w) {
            out::write_file_atomically((d / name).string(), w);
        };
        write("graph.graphml", [](std::ostream& os) { out::write_graphml(os, input); });
        write("graph.gexf", [](std::ostream& os) { out::write_gexf(os, input); });
        write("graph.json", [](std::ostream& os) { out::write_node_link_json(os, loaded.graph); });
        write("graph.cyjs", [](std::ostream& os) { out::write_cytoscape_json(os, input); });
        write("graph.nodes.csv", [](std::ostream& os) { out::write_csv_nodes(os, input); });
        write("graph.edges.csv", [](std::ostream& os) { out::write_csv_edges(os, input); });
        write("graph.net", [](std::ostream& os) { out::write_pajek(os, input); });
        write("graph.dot", [](std::ostream& os) { out::write_dot_export(os, input); });
        write("graph.vos.json", [](std::ostream& os) { out::write_vosviewer_json(os, input); });
        return d;
    }();
    return dir;
}

class HostileWriterTest : public ::testing::TestWithParam<std::string> {};

TEST_P(HostileWriterTest, ReaderSeesEveryNodeAndEdge) {
    const std::string& reader = GetParam();
    const fs::path& dir = hostile_writer_dir();
    const ReaderRun r = read_back(reader, dir);
    if (r.skipped) GTEST_SKIP() << "skipped: " << r.why;
    using citegraph::graph::EdgeKind;
    using citegraph::graph::NodeKind;
    const long n = static_cast<long>(citegraph::output::testing::hostile_strings().size());
    const std::map<std::string, long> nodes = {{"paper", n}, {"topic", n + 1}, {"gap", n}, {"idea", n}};
    const std::map<std::string, long> edges = {
        {"subtopic_of", n}, {"classified_as", n}, {"mentions", n}, {"builds_on", n}, {"addresses", n}};
    // Distinct undirected pairs: every edge joins a different pair here.
    expect_counts(reader, r.result, nodes, edges, 5 * n);
}

std::string reader_name(const ::testing::TestParamInfo<std::string>& param_info) {
    std::string name = param_info.param;
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(Writers, HostileWriterTest, ::testing::ValuesIn(kReaders), reader_name);

TEST(HostileWriters, XmlIsWellFormedAndDotParses) {
    const fs::path& dir = hostile_writer_dir();
    if (!have("xmllint")) GTEST_SKIP() << "skipped: xmllint not available";
    for (const char* file : {"graph.graphml", "graph.gexf"}) {
        const CommandRun r = run("xmllint --noout " + quote((dir / file).string()) + " 2>&1");
        EXPECT_EQ(r.status, 0) << file << ": " << r.out;
    }
    if (!have("dot")) GTEST_SKIP() << "skipped: graphviz not available";
    const CommandRun svg = run("dot -Tsvg " + quote((dir / "graph.dot").string()) + " 2>&1");
    ASSERT_EQ(svg.status, 0) << svg.out.substr(0, 2000);
    EXPECT_EQ(svg.out.find("<script"), std::string::npos);
}

}  // namespace
