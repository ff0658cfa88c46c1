#pragma once
// Rendering DOT in-process through Graphviz's gvc library (agmemread, gvLayout,
// gvRenderData). Graphviz keeps global state and is not thread-safe, even with one context
// per thread, so every call into it here runs under one process-wide mutex. Every Graphviz
// object (context, graph, layout, rendered buffer) is held by an RAII handle, so nothing is
// left behind when a step fails.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace citegraph::output {

enum class LayoutEngine { Dot, Fdp, Sfdp, Neato, Twopi, Circo, Osage };

std::string_view to_string(LayoutEngine engine);  // "dot", "fdp", ...
std::optional<LayoutEngine> layout_engine_from_string(std::string_view name);
// "dot, fdp, sfdp, neato, twopi, circo, osage"
std::vector<std::string> layout_engine_names();

struct RenderResult {
    std::string data;                   // the rendered bytes (SVG text, PNG, ...)
    std::vector<std::string> messages;  // Graphviz's own warnings, one per message, trimmed
};

// Graphviz refused the input or failed: `what()` says which step; `messages` holds
// Graphviz's own error and warning text.
struct RenderError : std::runtime_error {
    RenderError(const std::string& what, std::vector<std::string> graphviz_messages)
        : std::runtime_error(what), messages(std::move(graphviz_messages)) {}
    std::vector<std::string> messages;
};

// Lays out `dot` (one graph in the DOT language) with `engine` and renders it in `format`
// ("svg", "png", "dot", "canon", ...; "png" needs Graphviz's cairo plugin). Throws
// RenderError when the DOT does not parse, the layout fails, or the format is not
// available. Deterministic for a given Graphviz build: the layouts used here take no random
// seed from the environment (neato/fdp/sfdp use their fixed default start).
RenderResult render_dot(std::string_view dot, LayoutEngine engine, std::string_view format = "svg");

// Parses `dot` without layout and returns the number of nodes Graphviz sees (the "does this
// DOT say what we meant" check of the tests). Throws RenderError when it does not parse.
std::size_t count_dot_nodes(std::string_view dot);

}  // namespace citegraph::output
