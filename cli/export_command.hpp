#pragma once
#include "cli/common.hpp"

#include <cstdint>

namespace citegraph::cli {

struct ExportOptions {
    CommonOptions common;
    std::string format;  // "" = from the output file's extension
    std::string output = "-";
    std::uint64_t seed = 42;  // Leiden clusters and the layout behind colours and positions
};

void setup_export(CLI::App& app, ExportOptions& options);
int run_export(const ExportOptions& options, std::ostream& out, std::ostream& err);

}  // namespace citegraph::cli
