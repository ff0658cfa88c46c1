#pragma once
#include "cli/common.hpp"

namespace citegraph::cli {

struct StatsOptions {
    CommonOptions common;
};

void setup_stats(CLI::App& app, StatsOptions& options);
int run_stats(const StatsOptions& options, std::ostream& out, std::ostream& err);

}  // namespace citegraph::cli
