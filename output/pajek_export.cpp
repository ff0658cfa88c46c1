#include "output/pajek_export.hpp"

#include <algorithm>

#include "output/escape.hpp"

namespace citegraph::output {
namespace {

std::string_view shape(graph::NodeKind kind) {
    switch (kind) {
        case graph::NodeKind::Paper: return "ellipse";
        case graph::NodeKind::Topic: return "box";
        case graph::NodeKind::Gap: return "diamond";
        case graph::NodeKind::Idea: return "triangle";
    }
    return "ellipse";
}

std::string coordinate(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4f", value);
    return buffer;
}

}  // namespace

void write_pajek(std::ostream& os, const ExportInput& input) {
    const graph::Graph& g = input.kg().g();
    const std::size_t n = boost::num_vertices(g);
    double min_x = 0, max_x = 0, min_y = 0, max_y = 0;
    for (std::size_t v = 0; v < n; ++v) {
        const NodeVisual vis = input.visual(v);
        min_x = v == 0 ? vis.x : std::min(min_x, vis.x), max_x = v == 0 ? vis.x : std::max(max_x, vis.x);
        min_y = v == 0 ? vis.y : std::min(min_y, vis.y), max_y = v == 0 ? vis.y : std::max(max_y, vis.y);
    }
    // One scale for both axes keeps the layout's proportions; a margin keeps shapes inside.
    const double extent = std::max({max_x - min_x, max_y - min_y, 1e-9});
    const auto scaled = [&](double value, double low) { return 0.05 + 0.9 * (value - low) / extent; };

    std::string out = "*Vertices " + std::to_string(n) + "\n";
    os << out;
    for (std::size_t v = 0; v < n; ++v) {
        const NodeVisual vis = input.visual(v);
        out = std::to_string(v + 1) + ' ' + pajek_label(g[v].label) + ' ' + coordinate(scaled(vis.x, min_x)) + ' ' +
              coordinate(scaled(vis.y, min_y)) + " 0.5000 " + std::string(shape(g[v].kind)) + '\n';
        os << out;
    }
    os << "*Arcs\n";
    for (auto [vit, vend] = boost::vertices(g); vit != vend; ++vit) {
        for (auto [eit, eend] = boost::out_edges(*vit, g); eit != eend; ++eit) {
            out = std::to_string(*vit + 1) + ' ' + std::to_string(boost::target(*eit, g) + 1) + ' ' +
                  format_double(g[*eit].score) + " l " + pajek_label(graph::to_string(g[*eit].kind)) + '\n';
            os << out;
        }
    }
}

}  // namespace citegraph::output
