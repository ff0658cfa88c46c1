// Tests of the citegraph command line: each test runs the real binary (fork + exec, stdout and
// stderr captured to files) and checks the exit code and both streams.
//
// Exit codes (DESIGN.md, "Command line"): 0 ok, 1 lint errors, 2 usage, 3 input error,
// 4 internal error. Input diagnostics: `file:line:col: error[CODE]: message` on stderr.
//
// Data:
//   tests/data/invalid/NAME + NAME.expected  bad inputs and the exact diagnostics they must give
//                                            (NAME may be absent or a directory on purpose)
//   tests/data/cli/                          small digests that must load, some with warnings
// Test data is located through compile-time paths; a test that needs a working directory
// (so that the file names in diagnostics are predictable) sets it in the child process only.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kBinary = CITEGRAPH_BINARY;
const fs::path kTestData = CITEGRAPH_TEST_DATA;
const fs::path kInvalidDir = kTestData / "invalid";
const fs::path kCliDir = kTestData / "cli";
const fs::path kSharedDigests = fs::path(CITEGRAPH_SHARED_DIR) / "digests";

// The line citegraph prints after the diagnostics of a failed load (cli/common.cpp).
std::string load_failure_summary(std::size_t errors) {
    return "citegraph: " + std::to_string(errors) + " input error(s); nothing was written\n";
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_file(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

// A fresh directory under the system temporary directory, removed with everything in it.
class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "citegraph-cli-test-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
        path_ = pattern;
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// Names of the entries of a directory, sorted (hidden files included: a leftover temporary
// such as ".out.json.tmp-123-0" must show up).
std::vector<std::string> list_dir(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

struct RunResult {
    int exit_code = -1;  // the exit status, or 128 + signal number when the child was killed
    std::string out;
    std::string err;
};

std::ostream& operator<<(std::ostream& os, const RunResult& r) {
    return os << "exit " << r.exit_code << "\n--- stdout ---\n" << r.out.substr(0, 2000) << "\n--- stderr ---\n" << r.err.substr(0, 2000);
}

// Runs citegraph with `args`, in `cwd` when given. stdout and stderr go to files (a pipe could
// fill up and deadlock on large outputs); stdin is /dev/null.
RunResult run_citegraph(const std::vector<std::string>& args, const fs::path& cwd = {}) {
    TempDir capture;
    const std::string out_path = (capture.path() / "stdout").string();
    const std::string err_path = (capture.path() / "stderr").string();
    const std::string binary = kBinary.string();
    const std::string dir = cwd.string();

    std::vector<std::string> storage;
    storage.push_back(binary);
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& s : storage) argv.push_back(s.data());
    argv.push_back(nullptr);

    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (pid == 0) {
        // Child: only async-signal-safe calls until exec.
        const int in = ::open("/dev/null", O_RDONLY);
        const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || out < 0 || err < 0) ::_exit(125);
        if (::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0) ::_exit(125);
        if (!dir.empty() && ::chdir(dir.c_str()) != 0) ::_exit(126);
        ::execv(binary.c_str(), argv.data());
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) throw std::runtime_error(std::string("waitpid: ") + std::strerror(errno));
    }
    RunResult r;
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    else if (WIFSIGNALED(status)) r.exit_code = 128 + WTERMSIG(status);
    r.out = read_file(out_path);
    r.err = read_file(err_path);
    return r;
}

json parse_json(const std::string& text) {
    try {
        return json::parse(text);
    } catch (const json::parse_error& e) {
        ADD_FAILURE() << "not valid JSON: " << e.what() << "\n" << text.substr(0, 2000);
        return json();
    }
}

// ------------------------------------------------------------------------------------------
// 1. Bad inputs: tests/data/invalid/NAME.expected holds the exact diagnostic line(s) that
//    `citegraph COMMAND NAME` (run inside tests/data/invalid) must print on stderr. Every
//    command must refuse them the same way: exit 3, those lines, the summary line, no stdout.
// ------------------------------------------------------------------------------------------

struct InvalidCase {
    std::string input;    // file name inside tests/data/invalid (may not exist)
    std::string command;  // stats, lint or export
};

// Readable test parameters in gtest and ctest listings (instead of a byte dump).
void PrintTo(const InvalidCase& c, std::ostream* os) { *os << "citegraph " << c.command << ' ' << c.input; }

// Sidecar files of a case NAME (all optional):
//   NAME.inputs  the input arguments, one per line, when the case needs several inputs
//                (e.g. an edge list and its metadata); default: NAME itself
//   NAME.lint    the exact stdout of `citegraph lint`: the case is an input that must LOAD
//                (exit 0 for stats and export, 0 or 1 for lint as the findings say) with
//                exactly NAME.expected on stderr (its warnings; may be empty). Without it the
//                case is an input error: exit 3 for every command.
std::vector<std::string> case_inputs(const std::string& name) {
    const fs::path list = kInvalidDir / (name + ".inputs");
    if (!fs::exists(list)) return {name};
    std::vector<std::string> inputs;
    std::istringstream lines(read_file(list));
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) inputs.push_back(line);
    return inputs;
}

bool case_loads(const std::string& name) { return fs::exists(kInvalidDir / (name + ".lint")); }

std::vector<InvalidCase> invalid_cases() {
    std::vector<std::string> inputs;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(kInvalidDir, ec)) {
        const std::string name = entry.path().filename().string();
        const std::string suffix = ".expected";
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            inputs.push_back(name.substr(0, name.size() - suffix.size()));
    }
    std::sort(inputs.begin(), inputs.end());
    std::vector<InvalidCase> cases;
    for (const auto& input : inputs)
        for (const char* command : {"stats", "lint", "export"}) cases.push_back({input, command});
    return cases;
}

std::string invalid_case_name(const testing::TestParamInfo<InvalidCase>& case_info) {
    std::string name = case_info.param.command + "_" + case_info.param.input;
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

class InvalidInput : public testing::TestWithParam<InvalidCase> {};

TEST_P(InvalidInput, GivesExactlyTheExpectedDiagnosticsAndExitCode) {
    const InvalidCase& c = GetParam();
    const fs::path expected_file = kInvalidDir / (c.input + ".expected");
    const fs::path lint_file = kInvalidDir / (c.input + ".lint");
    const bool loads = case_loads(c.input);
    std::vector<std::string> args{c.command};
    for (const auto& input : case_inputs(c.input)) args.push_back(input);
    const RunResult r = run_citegraph(args, kInvalidDir);

    if (std::getenv("UPDATE_GOLDEN") != nullptr && c.command == "stats") {
        // Keep the diagnostic lines, drop the summary line; review the diff before committing.
        std::string diagnostics;
        std::istringstream lines(r.err);
        for (std::string line; std::getline(lines, line);)
            if (line.rfind("citegraph: ", 0) != 0) diagnostics += line + '\n';
        write_file(expected_file, diagnostics);
    }
    if (std::getenv("UPDATE_GOLDEN") != nullptr && c.command == "lint" && loads) write_file(lint_file, r.out);

    const std::string expected = read_file(expected_file);
    const auto lines = static_cast<std::size_t>(std::count(expected.begin(), expected.end(), '\n'));
    if (loads) {
        // An input that loads: its warnings, the same for every command, and no summary line.
        const std::string lint_out = read_file(lint_file);
        EXPECT_EQ(r.err, expected) << "command: citegraph " << c.command << ' ' << c.input;
        if (c.command == "lint") {
            EXPECT_EQ(r.exit_code, lint_out.find(" error[") != std::string::npos ? 1 : 0) << r;
            EXPECT_EQ(r.out, lint_out);
        } else {
            EXPECT_EQ(r.exit_code, 0) << r;
            if (c.command == "export") {
                EXPECT_TRUE(json::accept(r.out)) << "export of " << c.input << " is not valid JSON";
            }
        }
        return;
    }
    ASSERT_GT(lines, 0u) << expected_file << " holds no diagnostic line";
    // The summary counts the errors; warnings before them are printed too.
    std::size_t errors = 0;
    for (std::size_t at = expected.find(": error["); at != std::string::npos; at = expected.find(": error[", at + 1)) ++errors;
    EXPECT_EQ(r.exit_code, 3) << r;
    EXPECT_EQ(r.err, expected + load_failure_summary(errors)) << "command: citegraph " << c.command << ' ' << c.input;
    EXPECT_EQ(r.out, "") << "nothing may be written to stdout for a bad input";
}

INSTANTIATE_TEST_SUITE_P(Table, InvalidInput, testing::ValuesIn(invalid_cases()), invalid_case_name);

// The table above is built from the files present; this test makes sure none of the required
// cases has gone missing, and that each file still holds the bytes its case is about (an
// editor or a checkout filter could "repair" them).
TEST(InvalidInputTable, HoldsEveryRequiredCaseWithItsBytes) {
    for (const char* name : {"empty.md", "whitespace-only.md", "binary.png", "invalid-utf8.md", "utf16le-bom.md",
                             "utf16be-bom.md", "not-a-digest.md", "missing.md", "directory.md"})
        EXPECT_TRUE(fs::is_regular_file(kInvalidDir / (std::string(name) + ".expected"))) << "no expected file for " << name;

    EXPECT_EQ(fs::file_size(kInvalidDir / "empty.md"), 0u);
    const std::string blank = read_file(kInvalidDir / "whitespace-only.md");
    EXPECT_FALSE(blank.empty());
    EXPECT_EQ(blank.find_first_not_of(" \t\r\n"), std::string::npos);
    const std::string png = read_file(kInvalidDir / "binary.png");
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    EXPECT_NE(png.find('\0'), std::string::npos);
    const std::string utf8 = read_file(kInvalidDir / "invalid-utf8.md");
    EXPECT_EQ(std::count(utf8.begin(), utf8.end(), '\xC3'), 1);
    EXPECT_EQ(utf8.substr(0, 18), "1.  **TOPIC_TREE**");
    EXPECT_EQ(read_file(kInvalidDir / "utf16le-bom.md").substr(0, 4), std::string("\xFF\xFE" "1\0", 4));
    EXPECT_EQ(read_file(kInvalidDir / "utf16be-bom.md").substr(0, 4), std::string("\xFE\xFF\0" "1", 4));
    // Issue 7's cases (the 10 MB line and 10,000-deep indentation are generated below).
    for (const char* name : {"crlf-tabs.md", "deep-indentation.md", "dup-and-unknown-sections.md", "truncated-table-row.md",
                             "versioned-ids.md", "old-style-ids.md", "self-citations.tsv", "duplicate-edges.csv", "unknown-papers",
                             "nan-negative-weights.csv", "json-bomb.jsonl"})
        EXPECT_TRUE(fs::is_regular_file(kInvalidDir / (std::string(name) + ".expected"))) << "no expected file for " << name;
    const std::string crlf = read_file(kInvalidDir / "crlf-tabs.md");
    EXPECT_EQ(std::count(crlf.begin(), crlf.end(), '\r'), std::count(crlf.begin(), crlf.end(), '\n'));
    EXPECT_NE(crlf.find("\r\n\t\t\t*   2405.04434"), std::string::npos) << "tab-indented leaf";
    EXPECT_NE(crlf.find("\r\n            *   2405.12981"), std::string::npos) << "space-indented leaf";
    const std::string bomb = read_file(kInvalidDir / "json-bomb.jsonl");
    EXPECT_NE(bomb.find(std::string(50'000, '[')), std::string::npos) << "the 50,000-deep array";
    const std::string deep = read_file(kInvalidDir / "deep-indentation.md");
    EXPECT_NE(deep.find(std::string(4 + 99, ' ') + "*   Level 99\n"), std::string::npos) << "100 levels";
    EXPECT_NE(read_file(kInvalidDir / "truncated-table-row.md").find("| 2 | 2404.02905 | VAR, Next-Sc\n"), std::string::npos);
    EXPECT_FALSE(fs::exists(kInvalidDir / "missing.md")) << "missing.md must not exist";
    EXPECT_TRUE(fs::is_directory(kInvalidDir / "directory.md"));
}

// Every case of the table written to a file: an input error leaves the output directory empty
// (no file, no temporary); an input that loads leaves exactly the output, complete JSON.
TEST(InvalidInputTable, ExportToAFileWritesAllOrNothing) {
    std::set<std::string> inputs;
    for (const auto& c : invalid_cases()) inputs.insert(c.input);
    ASSERT_FALSE(inputs.empty());
    for (const auto& input : inputs) {
        SCOPED_TRACE("citegraph export " + input + " -o out.json");
        TempDir out_dir;
        std::vector<std::string> args{"export"};
        for (const auto& name : case_inputs(input)) args.push_back(name);
        args.push_back("-o");
        args.push_back((out_dir.path() / "out.json").string());
        const RunResult r = run_citegraph(args, kInvalidDir);
        if (case_loads(input)) {
            EXPECT_EQ(r.exit_code, 0) << r;
            EXPECT_EQ(list_dir(out_dir.path()), std::vector<std::string>{"out.json"});
            EXPECT_TRUE(json::accept(read_file(out_dir.path() / "out.json")));
        } else {
            EXPECT_EQ(r.exit_code, 3) << r;
            EXPECT_EQ(list_dir(out_dir.path()), std::vector<std::string>{}) << "a bad input must not leave any file";
        }
    }
}

// A 10 MB line is generated, never committed: a digest heading, then 10,000,000 'a' and a
// newline. The limit is SourceLimits::max_line_bytes = 1 MiB (graph/parse/source.hpp).
class LongLine : public testing::Test {
protected:
    static constexpr std::size_t kLength = 10'000'000;
    void SetUp() override {
        std::string text = "1.  **TOPIC_TREE**\n";
        text.append(kLength, 'a');
        text += '\n';
        write_file(dir_.path() / "long-line.md", text);
    }
    TempDir dir_;
};

TEST_F(LongLine, IsAnInputErrorAtLineTwo) {
    const RunResult r = run_citegraph({"stats", "long-line.md"}, dir_.path());
    EXPECT_EQ(r.exit_code, 3) << r;
    EXPECT_EQ(r.out, "");
    // Line 2, column 1: the heading is line 1 (by hand).
    EXPECT_EQ(r.err.rfind("long-line.md:2:1: error[E-LINE-LENGTH]: ", 0), 0u) << r.err.substr(0, 500);
    EXPECT_TRUE(r.err.ends_with(load_failure_summary(1))) << r.err.substr(0, 500);
}

TEST_F(LongLine, ReportsTheLengthWithoutTheNewline) {
    const RunResult r = run_citegraph({"stats", "long-line.md"}, dir_.path());
    EXPECT_EQ(r.exit_code, 3) << r;
    // 10,000,000 bytes of 'a' (generated above); the newline ends the line, it is not in it.
    EXPECT_EQ(r.err, "long-line.md:2:1: error[E-LINE-LENGTH]: line is 10000000 bytes long; the limit is 1048576\n" +
                         load_failure_summary(1));
}

// The same 10 MB line in an edge list and in JSON lines (read by the streaming citation
// reader, which never holds more than the limit of one line).
TEST(LongLineCitations, IsAnInputErrorInEdgeListsAndJsonLines) {
    TempDir dir;
    std::string text = "1\t2\n";
    text.append(10'000'000, '3');
    text += "\t4\n5\t6\n";
    write_file(dir.path() / "long.tsv", text);
    const RunResult edges = run_citegraph({"stats", "long.tsv"}, dir.path());
    EXPECT_EQ(edges.exit_code, 3) << edges;
    EXPECT_EQ(edges.out, "");
    EXPECT_EQ(edges.err, "long.tsv:2:1: error[E-LINE-LENGTH]: line is longer than the limit of 1048576 bytes\n" + load_failure_summary(1));
    std::string jsonl = "{\"id\": \"1\", \"title\": \"";
    jsonl.append(10'000'000, 'a');
    jsonl += "\"}\n";
    write_file(dir.path() / "long.jsonl", jsonl);
    const RunResult records = run_citegraph({"stats", "long.jsonl"}, dir.path());
    EXPECT_EQ(records.exit_code, 3) << records;
    EXPECT_EQ(records.err, "long.jsonl:1:1: error[E-LINE-LENGTH]: line is longer than the limit of 1048576 bytes\n" + load_failure_summary(1));
}

// A line of exactly the limit is allowed ("a longer line is an error", graph/parse/source.hpp),
// wherever it sits in the file.
TEST(LineLimit, LineOfExactlyTheLimitIsAcceptedAlsoAsTheLastLine) {
    constexpr std::size_t kLimit = 1u << 20;  // SourceLimits::max_line_bytes
    const std::string head = "1.  **TOPIC_TREE**\n\n    *   Language Models\n";
    std::string leaf = "        *   2405.04434 | DeepSeek-V2 ";
    leaf.append(kLimit - leaf.size(), 'a');
    ASSERT_EQ(leaf.size(), kLimit);
    TempDir dir;
    write_file(dir.path() / "middle.md", head + leaf + "\n    *   Vision\n");
    write_file(dir.path() / "last.md", head + leaf + "\n");
    const RunResult middle = run_citegraph({"stats", "-q", "middle.md"}, dir.path());
    EXPECT_EQ(middle.exit_code, 0) << middle;
    const RunResult last = run_citegraph({"stats", "-q", "last.md"}, dir.path());
    EXPECT_EQ(last.exit_code, 0) << last;
}

// ------------------------------------------------------------------------------------------
// 2. Inputs that load with warnings (tests/data/cli). tiny.md is the clean reference; the
//    others are variants of it. Counts of tiny.md by hand: 4 distinct ids (2405.04434,
//    2405.12981, 2404.19737, 2404.02905), all 4 as tree leaves under 5 topics (2 roots:
//    Language Models, Vision; 3 subtopics), 2 SOTA rows, 2 contributions on 2 papers, 1 gap
//    citing 2 ids, 1 idea citing 2 ids, 2 reading-list entries; month from "May 2024".
// ------------------------------------------------------------------------------------------

json stats_of(const std::string& file, RunResult* run = nullptr) {
    const RunResult r = run_citegraph({"stats", "--json", file}, kCliDir);
    EXPECT_EQ(r.exit_code, 0) << r;
    if (run) *run = r;
    return parse_json(r.out);
}

// The stats of a digest with the input path removed, to compare two files' contents.
json without_path(json stats) {
    for (auto& input : stats["inputs"]) input.erase("path");
    return stats;
}

// `export` of a digest with every occurrence of its file name replaced by "tiny.md", to
// compare a variant's whole graph (topic paths, descriptions, provenance lines) with tiny.md's.
std::string export_as_tiny(const std::string& file, const fs::path& cwd = kCliDir) {
    const RunResult r = run_citegraph({"export", file}, cwd);
    EXPECT_EQ(r.exit_code, 0) << r;
    EXPECT_EQ(r.err, "") << file << " should load without warnings";
    std::string out = r.out;
    const std::string from = "\"" + file + "\"";
    const std::string to = "\"tiny.md\"";
    for (auto at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size())) out.replace(at, from.size(), to);
    return out;
}

const std::vector<std::string> kAllSections = {"TOPIC_TREE",    "SOTA_HIGHLIGHTS", "NOVEL_TECH_CONTRIBUTIONS", "GAPS_AND_OPPORTUNITIES",
                                               "FUTURE_IDEAS", "READING_LIST",    "META_REFLECTION"};

TEST(CleanDigest, StatsMatchTheHandCountAndLintIsClean) {
    RunResult run;
    json s = stats_of("tiny.md", &run);
    EXPECT_EQ(run.err, "") << "a clean digest gives no warning";
    // By hand (see the block comment above).
    EXPECT_EQ(s["nodes"]["paper"], 4);
    EXPECT_EQ(s["nodes"]["topic"], 5);
    EXPECT_EQ(s["nodes"]["gap"], 1);
    EXPECT_EQ(s["nodes"]["idea"], 1);
    EXPECT_EQ(s["edges"]["subtopic_of"], 3);
    EXPECT_EQ(s["edges"]["classified_as"], 4);
    EXPECT_EQ(s["edges"]["mentions"], 2);
    EXPECT_EQ(s["edges"]["builds_on"], 2);
    EXPECT_EQ(s["edges"]["cites"], 0);
    json& in = s["inputs"][0];
    EXPECT_EQ(in["path"], "tiny.md");
    EXPECT_EQ(in["kind"], "digest");
    EXPECT_EQ(in["month"], "2024-05");
    EXPECT_EQ(in["sections"], json(kAllSections));
    EXPECT_EQ(in["tree_papers"], 4);
    EXPECT_EQ(in["topics"], 5);
    EXPECT_EQ(in["highlights"], 2);
    EXPECT_EQ(in["contributions"], 2);
    EXPECT_EQ(in["contribution_papers"], 2);
    EXPECT_EQ(in["gaps"], 1);
    EXPECT_EQ(in["ideas"], 1);
    EXPECT_EQ(in["reading_list"], 2);
    EXPECT_EQ(in["ids"], 4);

    const RunResult lint = run_citegraph({"lint", "tiny.md"}, kCliDir);
    EXPECT_EQ(lint.exit_code, 0) << lint;
    EXPECT_EQ(lint.out, "0 error(s), 0 warning(s)\n");
    EXPECT_EQ(lint.err, "");
}

TEST(WarningInputs, CrlfDigestReadsLikeLf) {
    const std::string bytes = read_file(kCliDir / "tiny-crlf.md");
    // Guard against a checkout that converted the line endings (tests/data/cli/.gitattributes).
    ASSERT_NE(bytes.find("\r\n"), std::string::npos);
    ASSERT_EQ(std::count(bytes.begin(), bytes.end(), '\r'), std::count(bytes.begin(), bytes.end(), '\n'));
    RunResult run;
    json crlf = stats_of("tiny-crlf.md", &run);
    EXPECT_EQ(run.err, "");
    EXPECT_EQ(without_path(crlf), without_path(stats_of("tiny.md")));
    // The same graph, line numbers included: CRLF is one line break and leaves no '\r' behind.
    EXPECT_TRUE(export_as_tiny("tiny-crlf.md") == export_as_tiny("tiny.md")) << "export of tiny-crlf.md differs from tiny.md";
}

TEST(WarningInputs, TabIndentedDigestReadsLikeSpaces) {
    const std::string bytes = read_file(kCliDir / "tiny-tabs.md");
    ASSERT_NE(bytes.find("\n\t\t\t*   2405.04434"), std::string::npos);
    ASSERT_EQ(bytes.find("\n    "), std::string::npos) << "the tab variant must not indent with spaces";
    RunResult run;
    json tabs = stats_of("tiny-tabs.md", &run);
    EXPECT_EQ(run.err, "");
    EXPECT_EQ(without_path(tabs), without_path(stats_of("tiny.md")));
    // The same graph: same topic nesting, same paper placement, same descriptions.
    EXPECT_TRUE(export_as_tiny("tiny-tabs.md") == export_as_tiny("tiny.md")) << "export of tiny-tabs.md differs from tiny.md";
}

// Two more encodings of tiny.md, generated rather than committed: a UTF-8 byte order mark, and
// old Mac line endings (a lone CR is a line break, graph/parse/source.cpp).
TEST(WarningInputs, Utf8BomAndLoneCrReadLikeTheOriginal) {
    const std::string lf = read_file(kCliDir / "tiny.md");
    std::string cr = lf;
    std::replace(cr.begin(), cr.end(), '\n', '\r');
    TempDir dir;
    write_file(dir.path() / "tiny-bom.md", "\xEF\xBB\xBF" + lf);
    write_file(dir.path() / "tiny-cr.md", cr);
    const std::string reference = export_as_tiny("tiny.md");
    EXPECT_TRUE(export_as_tiny("tiny-bom.md", dir.path()) == reference) << "export of tiny.md with a BOM differs";
    EXPECT_TRUE(export_as_tiny("tiny-cr.md", dir.path()) == reference) << "export of tiny.md with CR line ends differs";
}

TEST(WarningInputs, QuietHidesWarningsButNotErrors) {
    const RunResult quiet = run_citegraph({"stats", "-q", "missing-section.md"}, kCliDir);
    EXPECT_EQ(quiet.exit_code, 0) << quiet;
    EXPECT_EQ(quiet.err, "");
    const RunResult bad = run_citegraph({"stats", "-q", "../invalid/empty.md"}, kCliDir);
    EXPECT_EQ(bad.exit_code, 3) << bad;
    EXPECT_EQ(bad.err, "../invalid/empty.md: error[E-EMPTY]: the file is empty\n" + load_failure_summary(1));
}

// One bad input among good ones fails the whole run: exit 3, only the bad one's diagnostic,
// nothing on stdout (cli/common.cpp: "nothing was written").
TEST(MixedInputs, OneBadInputFailsTheRun) {
    const RunResult r = run_citegraph({"stats", "--json", "tiny.md", "../invalid/missing.md", "versioned-id.md"}, kCliDir);
    EXPECT_EQ(r.exit_code, 3) << r;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "../invalid/missing.md: error[E-IO]: cannot open: No such file or directory\n" + load_failure_summary(1));
}

TEST(WarningInputs, MissingSectionIsAWarning) {
    RunResult run;
    json s = stats_of("missing-section.md", &run);  // exit 0, checked inside
    // missing-section.md is tiny.md without section 6.
    EXPECT_EQ(run.err, "missing-section.md: warning[W-MISSING-SECTION]: section READING_LIST is missing\n");
    std::vector<std::string> six = kAllSections;
    six.erase(std::find(six.begin(), six.end(), "READING_LIST"));
    EXPECT_EQ(s["inputs"][0]["sections"], json(six));
    EXPECT_EQ(s["inputs"][0]["reading_list"], 0);
    EXPECT_EQ(s["inputs"][0]["tree_papers"], 4);  // as tiny.md
    EXPECT_EQ(s["nodes"], stats_of("tiny.md")["nodes"]);
}

TEST(WarningInputs, DuplicatedHeadingIsAWarningAndBothPartsAreRead) {
    RunResult run;
    json s = stats_of("dup-heading.md", &run);
    // dup-heading.md is tiny.md with its Vision subtree moved under a second "1.  **TOPIC_TREE**"
    // heading at line 17 (by hand), after SOTA_HIGHLIGHTS.
    EXPECT_EQ(run.err,
              "dup-heading.md:17:1: warning[W-DUP-HEADING]: section TOPIC_TREE heading repeated (first at line 1); "
              "the two parts are read as one section\n");
    EXPECT_EQ(s["inputs"][0]["sections"], json(kAllSections));  // each section once
    EXPECT_EQ(without_path(s), without_path(stats_of("tiny.md")));  // nothing lost from either part
}

TEST(WarningInputs, MalformedIdWarnsAndLintFails) {
    // malformed-id.md is tiny.md plus, at line 9 column 17 (by hand), a tree leaf with id
    // 2413.12345: month 13 does not exist.
    RunResult run;
    json s = stats_of("malformed-id.md", &run);
    const std::string warning =
        "malformed-id.md:9:17: warning[W-MALFORMED-ID]: '2413.12345' is shaped like an arXiv id but is not a valid one\n";
    EXPECT_EQ(run.err, warning);
    EXPECT_EQ(s["nodes"]["paper"], 4) << "the malformed id is not a paper";

    const RunResult lint = run_citegraph({"lint", "malformed-id.md"}, kCliDir);
    EXPECT_EQ(lint.exit_code, 1) << lint;
    EXPECT_NE(lint.out.find("malformed-id.md:9: error[L-MALFORMED-ID]: '2413.12345'"), std::string::npos) << lint.out;
    EXPECT_EQ(lint.err, warning);

    const RunResult lint_json = run_citegraph({"lint", "--json", "malformed-id.md"}, kCliDir);
    EXPECT_EQ(lint_json.exit_code, 1) << lint_json;
    json j = parse_json(lint_json.out);
    EXPECT_EQ(j["errors"], 1);  // the malformed id is the only problem of this digest
    std::size_t found = 0;
    for (auto& f : j["findings"]) {
        if (f["code"] != "L-MALFORMED-ID") continue;
        ++found;
        EXPECT_EQ(f["severity"], "error");
        EXPECT_EQ(f["file"], "malformed-id.md");
        EXPECT_EQ(f["line"], 9);
        EXPECT_NE(f["message"].get<std::string>().find("2413.12345"), std::string::npos);
    }
    EXPECT_EQ(found, 1u);
}

TEST(WarningInputs, VersionedIdIsNormalizedInExport) {
    // versioned-id.md is tiny.md plus a leaf "2405.10300v2 | Grounding DINO 1.5 ..." (line 13)
    // and a reading-list entry "2405.10300 – Grounding DINO 1.5" without version (line 46).
    const RunResult r = run_citegraph({"export", "versioned-id.md"}, kCliDir);
    EXPECT_EQ(r.exit_code, 0) << r;
    EXPECT_EQ(r.err, "");
    json j = parse_json(r.out);
    ASSERT_TRUE(j.contains("nodes"));
    int papers = 0;
    json* dino = nullptr;
    for (auto& n : j["nodes"]) {
        EXPECT_EQ(n["id"].get<std::string>().find("v2"), std::string::npos) << n["id"];
        EXPECT_EQ(n["key"].get<std::string>().find("v2"), std::string::npos) << n["key"];
        if (n["kind"] != "paper") continue;
        ++papers;
        if (n["key"] == "2405.10300") dino = &n;
    }
    EXPECT_EQ(papers, 5);  // tiny.md's 4 + 2405.10300, once
    ASSERT_NE(dino, nullptr) << "no paper node 2405.10300";
    EXPECT_EQ((*dino)["id"], "paper:2405.10300");
    EXPECT_EQ((*dino)["version"], "v2");
    std::set<int> lines;
    for (auto& seen : (*dino)["seen"]) lines.insert(seen["line"].get<int>());
    EXPECT_EQ(lines, (std::set<int>{13, 46})) << "the versioned and the plain mention are one paper";
    for (auto& link : j["links"]) {
        EXPECT_EQ(link["source"].get<std::string>().find("v2"), std::string::npos) << link;
        EXPECT_EQ(link["target"].get<std::string>().find("v2"), std::string::npos) << link;
    }
}

// ------------------------------------------------------------------------------------------
// 3. Usage errors exit 2, print something on stderr and nothing on stdout, and create no file.
// ------------------------------------------------------------------------------------------

struct UsageCase {
    std::string name;
    std::vector<std::string> args;
    std::string stderr_contains;  // empty: any message
};

void PrintTo(const UsageCase& c, std::ostream* os) {
    *os << "citegraph";
    for (const auto& a : c.args) *os << ' ' << a;
}

std::string usage_case_name(const testing::TestParamInfo<UsageCase>& case_info) { return case_info.param.name; }

class UsageError : public testing::TestWithParam<UsageCase> {};

TEST_P(UsageError, ExitsTwo) {
    const UsageCase& c = GetParam();
    TempDir dir;
    const RunResult r = run_citegraph(c.args, dir.path());
    EXPECT_EQ(r.exit_code, 2) << r;
    EXPECT_EQ(r.out, "");
    EXPECT_FALSE(r.err.empty());
    if (!c.stderr_contains.empty()) {
        EXPECT_NE(r.err.find(c.stderr_contains), std::string::npos) << r.err;
    }
    EXPECT_EQ(list_dir(dir.path()), std::vector<std::string>{}) << "a usage error must not create files";
}

INSTANTIATE_TEST_SUITE_P(
    Table, UsageError,
    testing::Values(UsageCase{"NoCommand", {}, ""},
                    UsageCase{"UnknownCommand", {"frobnicate"}, ""},
                    UsageCase{"UnknownOption", {"stats", "--frobnicate"}, "--frobnicate"},
                    UsageCase{"UnknownFormat", {"export", "--format", "nope"}, "nope"},
                    UsageCase{"UnknownExtension", {"export", "-o", "out.xyz"}, "out.xyz"},
                    UsageCase{"CsvToStdout", {"export", "--format", "csv"}, "two files"},
                    UsageCase{"CsvToStdoutDash", {"export", "--format", "csv", "-o", "-"}, "two files"},
                    UsageCase{"UnknownInputFormat", {"stats", "--input-format", "xml"}, "xml"}),
    usage_case_name);

// ------------------------------------------------------------------------------------------
// 4. stats --json on the bundled example.
// ------------------------------------------------------------------------------------------

TEST(ExampleStats, JsonHasTheDesignShapeAndTheExampleCounts) {
    const RunResult r = run_citegraph({"stats", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r;
    EXPECT_EQ(r.err, "") << "the bundled example loads without warnings";
    json j = parse_json(r.out);

    // The keys of DESIGN.md's "stats --json shape"; more may be added.
    for (const char* k : {"paper", "topic", "gap", "idea"}) EXPECT_TRUE(j["nodes"][k].is_number_integer()) << "nodes." << k;
    for (const char* k : {"subtopic_of", "classified_as", "mentions", "builds_on", "cites"})
        EXPECT_TRUE(j["edges"][k].is_number_integer()) << "edges." << k;
    ASSERT_TRUE(j["inputs"].is_array());
    ASSERT_EQ(j["inputs"].size(), 1u);
    json& in = j["inputs"][0];
    for (const char* k : {"path", "kind", "month"}) EXPECT_TRUE(in[k].is_string()) << "inputs[0]." << k;
    EXPECT_TRUE(in["sections"].is_array());
    for (const char* k : {"tree_papers", "topics", "highlights", "contributions", "contribution_papers", "gaps", "ideas",
                          "reading_list", "ids"})
        EXPECT_TRUE(in[k].is_number_integer()) << "inputs[0]." << k;

    // Counts by citegraph, checked against a by-hand count of examples/example-digest.md
    // (grep over its sections, December 2023 digest, 276 lines):
    //   ids 68: distinct arXiv ids in the file (by hand: grep -o of the id pattern | sort -u);
    //     2 of them (2309.17453 StreamingLLM, 2308.04079 3D Gaussian Splatting) appear only in ideas.
    //   tree_papers 66: 67 leaf lines in TOPIC_TREE, Gemini 2312.11805 twice (by hand).
    //   topics 85: TOPIC_TREE bullets that are neither leaves nor "(...)" notes; 6 roots (by hand).
    //   highlights 8, contributions 22 on 22 papers, gaps 7, ideas 4 (✨ titles), reading 10 (by hand).
    //   subtopic_of 79 = 85 topics - 6 roots; classified_as 67 = the leaf lines (by hand).
    //   builds_on 22: distinct (idea, id) pairs in FUTURE_IDEAS (by hand).
    //   mentions 34: 24 distinct (gap, id) pairs (by hand) + 10 resolved names (by citegraph only).
    EXPECT_EQ(j["nodes"]["paper"], 68);
    EXPECT_EQ(j["nodes"]["topic"], 85);
    EXPECT_EQ(j["nodes"]["gap"], 7);
    EXPECT_EQ(j["nodes"]["idea"], 4);
    EXPECT_EQ(j["edges"]["subtopic_of"], 79);
    EXPECT_EQ(j["edges"]["classified_as"], 67);
    EXPECT_EQ(j["edges"]["mentions"], 34);
    EXPECT_EQ(j["edges"]["builds_on"], 22);
    EXPECT_EQ(j["edges"]["cites"], 0);  // a digest holds no citation data
    EXPECT_EQ(in["path"], "examples/example-digest.md");
    EXPECT_EQ(in["kind"], "digest");
    EXPECT_EQ(in["month"], "2023-12");  // "December 2023" in META_REFLECTION
    EXPECT_EQ(in["sections"], json(kAllSections));  // all 7, in order (by hand)
    EXPECT_EQ(in["tree_papers"], 66);
    EXPECT_EQ(in["topics"], 85);
    EXPECT_EQ(in["highlights"], 8);
    EXPECT_EQ(in["contributions"], 22);
    EXPECT_EQ(in["contribution_papers"], 22);
    EXPECT_EQ(in["gaps"], 7);
    EXPECT_EQ(in["ideas"], 4);
    EXPECT_EQ(in["reading_list"], 10);
    EXPECT_EQ(in["ids"], 68);
}

// ------------------------------------------------------------------------------------------
// 5. Determinism: the same input gives the same bytes (DESIGN.md, "Outputs").
// ------------------------------------------------------------------------------------------

TEST(Determinism, ExportTwiceIsByteIdentical) {
    const RunResult a = run_citegraph({"export"});
    const RunResult b = run_citegraph({"export"});
    ASSERT_EQ(a.exit_code, 0) << a;
    ASSERT_EQ(b.exit_code, 0) << b;
    EXPECT_FALSE(a.out.empty());
    EXPECT_TRUE(a.out == b.out) << "two exports of the example differ";
}

TEST(Determinism, StatsJsonTwiceIsByteIdentical) {
    const RunResult a = run_citegraph({"stats", "--json"});
    const RunResult b = run_citegraph({"stats", "--json"});
    ASSERT_EQ(a.exit_code, 0) << a;
    ASSERT_EQ(b.exit_code, 0) << b;
    EXPECT_EQ(a.out, b.out);
}

// ------------------------------------------------------------------------------------------
// 6. Atomic output: files are written under a temporary name and renamed (DESIGN.md).
// ------------------------------------------------------------------------------------------

TEST(AtomicOutput, FailedExportLeavesNoFile) {
    TempDir dir;
    const fs::path target = dir.path() / "out.json";
    const RunResult r = run_citegraph({"export", "-o", target.string(), (kInvalidDir / "not-a-digest.md").string()});
    EXPECT_EQ(r.exit_code, 3) << r;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(list_dir(dir.path()), std::vector<std::string>{}) << "no out.json and no temporary file";
}

TEST(AtomicOutput, FailedExportKeepsTheExistingFile) {
    TempDir dir;
    const fs::path target = dir.path() / "out.json";
    const std::string previous = "{\"previous\": true}\n";
    write_file(target, previous);
    const RunResult r = run_citegraph({"export", "-o", target.string(), (kInvalidDir / "binary.png").string()});
    EXPECT_EQ(r.exit_code, 3) << r;
    EXPECT_EQ(read_file(target), previous);
    EXPECT_EQ(list_dir(dir.path()), std::vector<std::string>{"out.json"}) << "no temporary file left";
}

TEST(AtomicOutput, SuccessfulExportWritesTheFile) {
    TempDir dir;
    const fs::path target = dir.path() / "out.json";
    write_file(target, "stale\n");  // replaced, not appended to
    const RunResult r = run_citegraph({"export", "-o", target.string()});
    EXPECT_EQ(r.exit_code, 0) << r;
    EXPECT_EQ(r.out, "") << "with -o FILE nothing goes to stdout";
    EXPECT_EQ(list_dir(dir.path()), std::vector<std::string>{"out.json"}) << "no temporary file left";
    const RunResult to_stdout = run_citegraph({"export"});
    ASSERT_EQ(to_stdout.exit_code, 0) << to_stdout;
    EXPECT_TRUE(read_file(target) == to_stdout.out) << "the file holds what `export` prints on stdout";
}

// ------------------------------------------------------------------------------------------
// 7. The real digests in ../shared/digests (read-only; skipped when absent).
// ------------------------------------------------------------------------------------------

class SharedDigests : public testing::Test {
protected:
    void SetUp() override {
        if (!fs::is_directory(kSharedDigests)) GTEST_SKIP() << kSharedDigests << " is absent";
        digest_ = (kSharedDigests / "2024-05.md").string();
        if (!fs::is_regular_file(digest_)) GTEST_SKIP() << digest_ << " is absent";
    }
    std::string digest_;
};

TEST_F(SharedDigests, Stats2024_05) {
    const RunResult r = run_citegraph({"stats", "--json", digest_});
    ASSERT_EQ(r.exit_code, 0) << r;
    json j = parse_json(r.out);
    // Expected numbers from the project's count of 2024-05.md (the task brief), re-checked by
    // hand with grep over the file's sections:
    //   paper 138: distinct arXiv ids in the file (grep -o | sort -u).
    //   topic 162: TOPIC_TREE bullets (lines 2-256) that are neither id leaves nor "(...)" notes.
    //   gap 7: top-level bold bullets of GAPS_AND_OPPORTUNITIES; idea 4: the four ✨ titles.
    //   tree_papers 89: 89 leaf lines in TOPIC_TREE, all distinct ids.
    //   highlights 10: rows of the SOTA table.
    //   contributions 63 entries on 60 papers: 3 exact duplicates (digests/README.md).
    //   reading_list 10: bullets of READING_LIST.
    EXPECT_EQ(j["nodes"]["paper"], 138);
    EXPECT_EQ(j["nodes"]["topic"], 162);
    EXPECT_EQ(j["nodes"]["gap"], 7);
    EXPECT_EQ(j["nodes"]["idea"], 4);
    json& in = j["inputs"][0];
    EXPECT_EQ(in["month"], "2024-05");  // from the file name
    EXPECT_EQ(in["tree_papers"], 89);
    EXPECT_EQ(in["highlights"], 10);
    EXPECT_EQ(in["contributions"], 63);
    EXPECT_EQ(in["contribution_papers"], 60);
    EXPECT_EQ(in["reading_list"], 10);
}

TEST_F(SharedDigests, Lint2024_05) {
    const RunResult r = run_citegraph({"lint", "--json", digest_});
    ASSERT_EQ(r.exit_code, 1) << r;  // it has lint errors (below)
    json j = parse_json(r.out);
    ASSERT_TRUE(j["findings"].is_array());
    // The known defects of 2024-05.md, listed in ../shared/digests/README.md: the same id
    // described as two papers (2405.10300), one method under two ids (Layer-Condensed KV
    // Cache), three exact duplicate contribution entries, 49 ids outside the topic tree.
    bool two_papers = false;
    bool two_ids = false;
    int duplicates = 0;
    int outside = 0;
    for (auto& f : j["findings"]) {
        const std::string code = f["code"];
        const std::string message = f["message"];
        if (code == "L-ID-TWO-PAPERS") {
            const auto& papers = f["papers"];
            if (std::find(papers.begin(), papers.end(), "2405.10300") != papers.end()) two_papers = true;
        }
        if (code == "L-NAME-TWO-IDS" && message.find("Layer-Condensed KV Cache") != std::string::npos) two_ids = true;
        if (code == "L-DUP-ENTRY") ++duplicates;
        if (code == "L-OUTSIDE-TREE") ++outside;
    }
    EXPECT_TRUE(two_papers) << "no L-ID-TWO-PAPERS for 2405.10300";
    EXPECT_TRUE(two_ids) << "no L-NAME-TWO-IDS mentioning \"Layer-Condensed KV Cache\"";
    EXPECT_EQ(duplicates, 3);
    EXPECT_EQ(outside, 49);
}

// ------------------------------------------------------------------------------------------
// 8. Limits (graph/parse/source.hpp, README "Limits"): each has its own error and default.
// ------------------------------------------------------------------------------------------

// 10,000 levels of indentation, generated (one more space per line: ~50 MB, not committed).
// The TOPIC_TREE nesting limit is 64 levels: line 3 is level 1, so level 65 is line 67
// (column 68: 4 + 64 spaces of indentation, then the bullet).
TEST(Limits, TenThousandLevelsOfIndentationStopAtTheNestingLimit) {
    TempDir dir;
    std::string text = "1.  **TOPIC_TREE**\n\n";
    for (int k = 0; k < 10'000; ++k) text += std::string(static_cast<std::size_t>(4 + k), ' ') + "*   Level " + std::to_string(k) + "\n";
    write_file(dir.path() / "deep.md", text);
    const auto start = std::chrono::steady_clock::now();
    const RunResult r = run_citegraph({"stats", "deep.md"}, dir.path());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(r.exit_code, 3) << r;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("deep.md:67:69: error[E-NESTING-DEPTH]: TOPIC_TREE is nested more than 64 levels deep; the limit is 64\n"),
              std::string::npos) << r.err.substr(0, 2000);
    EXPECT_TRUE(r.err.ends_with(load_failure_summary(1))) << r.err.substr(0, 2000);
    EXPECT_LT(seconds, 60.0) << "nesting must cost linear time";
}

// --max-errors: 5 missing inputs with a limit of 3 give 3 E-IO errors, then the stop.
TEST(Limits, MaxErrorsStopsWithTooManyErrors) {
    TempDir dir;
    const RunResult r = run_citegraph({"stats", "--max-errors", "3", "a.md", "b.md", "c.md", "d.md", "e.md"}, dir.path());
    EXPECT_EQ(r.exit_code, 3) << r;
    EXPECT_EQ(r.out, "");
    const std::string io = ": error[E-IO]: cannot open: No such file or directory\n";
    EXPECT_EQ(r.err, "a.md" + io + "b.md" + io + "c.md" + io +
                         "d.md: error[E-TOO-MANY-ERRORS]: too many errors (more than 3), stopping; --max-errors sets the limit\n" +
                         load_failure_summary(4));
}

TEST(Limits, MaxErrorsDefaultsToOneHundred) {
    TempDir dir;
    std::vector<std::string> args{"stats"};
    for (int k = 0; k < 150; ++k) args.push_back("missing-" + std::to_string(k) + ".md");
    const RunResult r = run_citegraph(args, dir.path());
    EXPECT_EQ(r.exit_code, 3) << r;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 102) << "100 errors, the stop, the summary";
    EXPECT_NE(r.err.find("missing-100.md: error[E-TOO-MANY-ERRORS]: too many errors (more than 100), stopping"), std::string::npos);
    EXPECT_EQ(r.err.find("missing-101.md"), std::string::npos) << "nothing is read after the stop";
}

TEST(Limits, MaxInputBytesRefusesLargerInputsBeforeReadingThem) {
    const std::string tiny = (kCliDir / "tiny.md").string();
    const auto size = fs::file_size(tiny);  // 2602 bytes (ls -l)
    const RunResult over = run_citegraph({"stats", "--max-input-bytes", "1000", tiny});
    EXPECT_EQ(over.exit_code, 3) << over;
    EXPECT_EQ(over.err, tiny + ": error[E-TOO-LARGE]: the input is " + std::to_string(size) +
                            " bytes; the limit is 1000 (--max-input-bytes)\n" + load_failure_summary(1));
    // Two inputs count together.
    const std::string tabs = (kCliDir / "tiny-tabs.md").string();
    const auto both = size + fs::file_size(tabs);
    const RunResult total = run_citegraph({"stats", "--max-input-bytes", std::to_string(both - 1), tiny, tabs});
    EXPECT_EQ(total.exit_code, 3) << total;
    EXPECT_EQ(total.err, "citegraph: error[E-TOO-LARGE]: the inputs total " + std::to_string(both) + " bytes; the limit is " +
                             std::to_string(both - 1) + " (--max-input-bytes)\n" + load_failure_summary(1));
    const RunResult exact = run_citegraph({"stats", "-q", "--max-input-bytes", std::to_string(both), tiny, tabs});
    EXPECT_EQ(exact.exit_code, 0) << exact;
}

TEST(Limits, BadLimitValuesAreUsageErrors) {
    for (const auto& args : std::vector<std::vector<std::string>>{{"stats", "--max-errors", "-1"},
                                                                  {"stats", "--max-errors", "many"},
                                                                  {"stats", "--max-input-bytes", "0"}}) {
        const RunResult r = run_citegraph(args);
        EXPECT_EQ(r.exit_code, 2) << r;
    }
}

// ------------------------------------------------------------------------------------------
// 9. Nothing lost: an interrupted export leaves no file; two digests of one month keep both
//    months' gaps and ideas.
// ------------------------------------------------------------------------------------------

// SIGINT while the JSON export is being written: exit 130, neither the output nor a temporary
// left. The input is a generated edge list big enough that writing takes a while (400,000
// edges, ~60 MB of JSON); the test waits for the temporary to appear, then interrupts.
TEST(Interrupt, SigintDuringExportLeavesNoPartialFile) {
    TempDir dir;
    {
        std::string edges = "# citing\tcited\n";
        for (long long k = 0; k < 400'000; ++k) edges += std::to_string(100000 + k) + '\t' + std::to_string(100000 + (k * 7919) % 400'000) + '\n';
        write_file(dir.path() / "big.tsv", edges);
    }
    fs::create_directory(dir.path() / "out");
    const std::string binary = kBinary.string();
    const std::string input = (dir.path() / "big.tsv").string();
    const std::string output = (dir.path() / "out" / "graph.json").string();
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        const int null = ::open("/dev/null", O_RDWR);
        if (null < 0 || ::dup2(null, 0) < 0 || ::dup2(null, 1) < 0 || ::dup2(null, 2) < 0) ::_exit(125);
        ::execl(binary.c_str(), binary.c_str(), "export", input.c_str(), "-o", output.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // Wait (up to 5 minutes, for slow sanitizer builds) until the temporary exists.
    bool temporary_seen = false;
    int status = 0;
    bool exited = false;
    for (int waited = 0; waited < 300'000 && !temporary_seen; ++waited) {
        if (::waitpid(pid, &status, WNOHANG) == pid) { exited = true; break; }
        for (const auto& name : list_dir(dir.path() / "out"))
            if (name.find(".tmp-") != std::string::npos) temporary_seen = true;
        if (!temporary_seen) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ASSERT_FALSE(exited) << "export finished before it could be interrupted";
    ASSERT_TRUE(temporary_seen) << "no temporary appeared";
    ASSERT_EQ(::kill(pid, SIGINT), 0);
    while (::waitpid(pid, &status, 0) < 0) ASSERT_EQ(errno, EINTR);
    ASSERT_TRUE(WIFEXITED(status)) << "killed by a signal instead of exiting";
    EXPECT_EQ(WEXITSTATUS(status), 130);
    EXPECT_EQ(list_dir(dir.path() / "out"), std::vector<std::string>{}) << "no partial output and no temporary";
}

// Two digests of the same month (tiny.md and a copy) used to share gap and idea keys, and the
// second overwrote the first's. Each now keeps its own: 2 gaps and 2 ideas.
TEST(NothingLost, TwoDigestsOfOneMonthKeepEveryGapAndIdea) {
    TempDir dir;
    std::string other = read_file(kCliDir / "tiny.md");
    const std::string from = "**KV cache compression across layers and heads:**";
    ASSERT_NE(other.find(from), std::string::npos);
    other.replace(other.find(from), from.size(), "**Image generation at scale:**");
    write_file(dir.path() / "other.md", other);
    const RunResult r = run_citegraph({"export", (kCliDir / "tiny.md").string(), (dir.path() / "other.md").string()});
    ASSERT_EQ(r.exit_code, 0) << r;
    json j = parse_json(r.out);
    std::set<std::string> gap_titles;
    int gaps = 0, ideas = 0;
    for (auto& n : j["nodes"]) {
        if (n["kind"] == "gap") { ++gaps; gap_titles.insert(n["title"].get<std::string>()); }
        if (n["kind"] == "idea") ++ideas;
    }
    EXPECT_EQ(gaps, 2);
    EXPECT_EQ(ideas, 2);
    EXPECT_EQ(gap_titles, (std::set<std::string>{"KV cache compression across layers and heads", "Image generation at scale"}));
}

// The table's inputs that load keep what they hold: old-style ids are papers; the first of
// two versions is the paper's version (and lint names both, see versioned-ids.md.lint);
// self-citations and repeated citations are kept (once per pair).
TEST(NothingLost, TableInputsKeepTheirPapersAndEdges) {
    json old_style = parse_json(run_citegraph({"stats", "--json", "old-style-ids.md"}, kInvalidDir).out);
    EXPECT_EQ(old_style["nodes"]["paper"], 6);  // tiny.md's 4 + hep-th/9711200 + hep-th/9802150 (by hand)
    EXPECT_EQ(old_style["edges"]["classified_as"], 6);
    json versioned = parse_json(run_citegraph({"export", "versioned-ids.md"}, kInvalidDir).out);
    bool found = false;
    for (auto& n : versioned["nodes"])
        if (n["id"] == "paper:2405.04434") { found = true; EXPECT_EQ(n["version"], "v2"); }
    EXPECT_TRUE(found);
    // self-citations.tsv: 4 edges, 2 of them self-loops (by hand); duplicate-edges.csv: 5 lines,
    // 2 distinct pairs (by hand).
    EXPECT_EQ(parse_json(run_citegraph({"stats", "--json", "self-citations.tsv"}, kInvalidDir).out)["edges"]["cites"], 4);
    EXPECT_EQ(parse_json(run_citegraph({"stats", "--json", "duplicate-edges.csv"}, kInvalidDir).out)["edges"]["cites"], 2);
}

// A gzip edge list cut short (the first 300 bytes of cit-HepPh's, kept in
// tests/data/regression/edges/) used to load the 7 edges decoded before the cut, silently.
TEST(NothingLost, TruncatedGzipIsAnInputError) {
    const fs::path truncated = kTestData / "regression" / "edges" / "truncated-gzip.tsv.gz";
    const RunResult r = run_citegraph({"stats", truncated.filename().string()}, truncated.parent_path());
    EXPECT_EQ(r.exit_code, 3) << r;
    EXPECT_EQ(r.err, "truncated-gzip.tsv.gz:8: error[E-IO]: read error: unexpected end of file\n" + load_failure_summary(1));
}

}  // namespace
