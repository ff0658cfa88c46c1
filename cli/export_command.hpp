#pragma once
#include "cli/common.hpp"

namespace citegraph::cli {

struct ExportOptions {
    CommonOptions common;
    std::string format;  // "" = from the output file's extension
    std::string output = "-";
};

void setup_export(CLI::App& app, ExportOptions& options);
int run_export(const ExportOptions& options, std::ostream& out, std::ostream& err);

}  // namespace citegraph::cli
