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
#include <vector>

#include <fcntl.h>
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

TEST_P(InvalidInput, ExitsThreeWithExactlyTheExpectedDiagnostics) {
    const InvalidCase& c = GetParam();
    const fs::path expected_file = kInvalidDir / (c.input + ".expected");
    const RunResult r = run_citegraph({c.command, c.input}, kInvalidDir);

    if (std::getenv("UPDATE_GOLDEN") != nullptr && c.command == "stats") {
        // Keep the diagnostic lines, drop the summary line; review the diff before committing.
        std::string diagnostics;
        std::istringstream lines(r.err);
        for (std::string line; std::getline(lines, line);)
            if (line.rfind("citegraph: ", 0) != 0) diagnostics += line + '\n';
        write_file(expected_file, diagnostics);
    }

    const std::string expected = read_file(expected_file);
    const auto lines = static_cast<std::size_t>(std::count(expected.begin(), expected.end(), '\n'));
    ASSERT_GT(lines, 0u) << expected_file << " holds no diagnostic line";
    EXPECT_EQ(r.exit_code, 3) << r;
    EXPECT_EQ(r.err, expected + load_failure_summary(lines)) << "command: citegraph " << c.command << ' ' << c.input;
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
    EXPECT_FALSE(fs::exists(kInvalidDir / "missing.md")) << "missing.md must not exist";
    EXPECT_TRUE(fs::is_directory(kInvalidDir / "directory.md"));
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

}  // namespace
