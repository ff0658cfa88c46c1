#pragma once
#include "cli/common.hpp"

namespace citegraph::cli {

struct LintOptions {
    CommonOptions common;
};

void setup_lint(CLI::App& app, LintOptions& options);
// Exit code kFindings when any finding is an error.
int run_lint(const LintOptions& options, std::ostream& out, std::ostream& err);

}  // namespace citegraph::cli
