// Regression inputs: every file under tests/data/regression/<format>/ goes through the fuzz entry
// of its format (fuzz/entry.hpp: load, build the graph, lint, every export to a null stream).
// Most are crashes, hangs or leaks a fuzzer found (file names crash-*, timeout-*, leak-*,
// oom-*); others are hand-made hostile inputs (described in tests/data/regression/README.md).
// Each must now end normally, either loaded or with input errors, and every diagnostic must
// be well formed: `file[:line[:col]]: severity[CODE]: message`. Under the asan preset this also
// checks for memory errors and leaks; a hang shows up as the test's timeout.
#include "fuzz/entry.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path kRegressionDir = fs::path(CITEGRAPH_TEST_DATA) / "regression";

struct RegressionCase {
    std::string format;  // directory name = fuzz entry
    fs::path file;
};

void PrintTo(const RegressionCase& c, std::ostream* os) { *os << c.format << '/' << c.file.filename().string(); }

std::vector<RegressionCase> regression_cases() {
    std::vector<RegressionCase> cases;
    for (const auto& format : citegraph::fuzz::formats()) {
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(kRegressionDir / format, ec))
            if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
                cases.push_back({format, entry.path()});
    }
    std::sort(cases.begin(), cases.end(), [](const auto& a, const auto& b) { return std::tie(a.format, a.file) < std::tie(b.format, b.file); });
    return cases;
}

std::string case_name(const testing::TestParamInfo<RegressionCase>& info) {
    std::string name = info.param.format + "_" + info.param.file.filename().string();
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class Regression : public testing::TestWithParam<RegressionCase> {};

TEST_P(Regression, EndsNormallyWithWellFormedDiagnostics) {
    const RegressionCase& c = GetParam();
    const std::string bytes = read_bytes(c.file);
    const auto start = std::chrono::steady_clock::now();
    const auto outcome = citegraph::fuzz::run_entry(c.format, reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    // The fuzzers' timeout is 10 s under ASan; a fixed hang must now be fast in any build.
    EXPECT_LT(seconds, 10.0) << "slow input: " << c.file;
    // A clean diagnostic or success: a failed load reports at least one error diagnostic.
    if (!outcome.loaded) {
        EXPECT_GT(outcome.diagnostics, 0u) << "a failed load must say why";
    } else {
        EXPECT_GT(outcome.export_bytes, 0u) << "a clean load exports the graph";
    }
    static const std::regex well_formed(R"(^[^\n]*?(:\d+(:\d+)?)?: (error|warning|note)\[[A-Z]+-[A-Z0-9-]+\]: [^\n]*$)");
    for (const auto& line : outcome.rendered) EXPECT_TRUE(std::regex_match(line, well_formed)) << line;
}

INSTANTIATE_TEST_SUITE_P(Inputs, Regression, testing::ValuesIn(regression_cases()), case_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Regression);

// The directory layout the fuzz script writes to must exist, one folder per entry.
TEST(RegressionLayout, HasAFolderPerFuzzEntry) {
    for (const auto& format : citegraph::fuzz::formats()) EXPECT_TRUE(fs::is_directory(kRegressionDir / format)) << format;
}

}  // namespace
