#pragma once
#include "cli/common.hpp"

#include <map>

namespace citegraph::cli {

struct RankOptions {
    CommonOptions common;
    std::string by = "influence";
    std::size_t top = 20;
    std::string projection = "auto";
    std::vector<std::string> weights;  // "signal=value"
    double damping = 0.85;
    double tolerance = 1e-10;
    std::string solver = "auto";  // PageRank: auto, components or power
    std::uint32_t samples = 0;  // betweenness: 0 = exact
    std::uint64_t seed = 42;
    int threads = 0;
    bool timings = false;
};

void setup_rank(CLI::App& app, RankOptions& options);
int run_rank(const RankOptions& options, std::ostream& out, std::ostream& err);

}  // namespace citegraph::cli
