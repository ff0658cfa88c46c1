#pragma once
// Helpers of the map tests: scratch files, the SVG summary from Python's xml.etree, xmllint.
#include "tests/support/run_command.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace citegraph::map_testing {

using test::run_command;
using test::shell_quote;

class Scratch {
public:
    Scratch() {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() / ("citegraph-map-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    ~Scratch() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

inline bool have_program(const std::string& name) { return run_command("command -v " + name + " >/dev/null 2>&1").status == 0; }

// tests/map/svg_summary.py's JSON for an SVG file; fails the test if Python cannot parse it.
inline nlohmann::json svg_summary(const std::string& svg_path) {
    const auto r = run_command(std::string(CITEGRAPH_SYSTEM_PYTHON) + " " + shell_quote(CITEGRAPH_SVG_SUMMARY) + " " + shell_quote(svg_path) + " 2>&1");
    EXPECT_EQ(r.status, 0) << "xml.etree could not read " << svg_path << ":\n" << r.out.substr(0, 2000);
    if (r.status != 0) return nlohmann::json::object();
    return nlohmann::json::parse(r.out);
}

// xmllint --noout: "" when well-formed, else its complaint. Tests skip without xmllint.
inline std::string xmllint_errors(const std::string& path) {
    const auto r = run_command("xmllint --noout " + shell_quote(path) + " 2>&1");
    return r.status == 0 ? "" : (r.out.empty() ? "xmllint failed" : r.out);
}

inline bool contains(const nlohmann::json& list, const std::string& value) {
    for (const auto& x : list)
        if (x.get<std::string>() == value) return true;
    return false;
}

}  // namespace citegraph::map_testing
