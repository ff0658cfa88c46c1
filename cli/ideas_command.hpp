#pragma once
#include "cli/gaps_command.hpp"

namespace citegraph::cli {

void setup_ideas(CLI::App& app, LinkCommandOptions& options);
int run_ideas(const LinkCommandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace citegraph::cli
