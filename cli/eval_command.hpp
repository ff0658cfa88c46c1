#pragma once
#include "cli/common.hpp"

namespace citegraph::cli {

// `citegraph eval links [INPUT...]`: measures the gap/idea linker by masking (see
// analysis/links.hpp). Each input is loaded and measured on its own.
struct EvalOptions {
    CommonOptions common;
    std::string what;          // "links"
    std::string mode = "both";  // ids, names, both
    bool details = false;       // every hidden link with its rank
    bool own_text_only = false;  // paper text without reflection sentences
};

void setup_eval(CLI::App& app, EvalOptions& options);
int run_eval(const EvalOptions& options, std::ostream& out, std::ostream& err);

}  // namespace citegraph::cli
