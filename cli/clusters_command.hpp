#pragma once
#include "cli/common.hpp"

namespace citegraph::cli {

struct ClustersOptions {
    CommonOptions common;
    std::string method = "leiden";
    std::string projection = "auto";
    double resolution = 1.0;
    std::uint64_t seed = 42;
    int iterations = 2;  // Leiden passes; -1 = until a pass moves nothing
    bool strong = false;  // components: strongly connected instead of weakly
    std::size_t top = 20;  // clusters listed in text output (JSON lists all)
    int threads = 0;
    bool timings = false;
    std::string compare;   // "topics": agreement of the clusters with the digest's topic tree
    int topic_level = 0;   // --compare topics: 0 = root topics, 1 = their children, ...
};

void setup_clusters(CLI::App& app, ClustersOptions& options);
int run_clusters(const ClustersOptions& options, std::ostream& out, std::ostream& err);

}  // namespace citegraph::cli
