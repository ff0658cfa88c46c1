#pragma once
#include "cli/common.hpp"

#include <cstdint>
#include <string>

namespace citegraph::cli {

struct MapOptions {
    CommonOptions common;
    std::string kind = "topic";  // topic | gaps | clusters | citations
    std::string engine;          // "" = the kind's default (see map_command.cpp)
    std::string format;          // "" = from the output file's extension (svg, dot/gv, png)
    std::string output = "-";
    std::size_t top = 300;           // citations: papers drawn on their own
    std::size_t min_cluster = 10;    // citations: smaller clusters are drawn as one node
    std::uint64_t seed = 42;         // Leiden (clusters, citations)
    double resolution = 1.0;
    bool timings = false;
};

void setup_map(CLI::App& app, MapOptions& options);
int run_map(const MapOptions& options, std::ostream& out, std::ostream& err);

}  // namespace citegraph::cli
