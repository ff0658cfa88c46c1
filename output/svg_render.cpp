#include "output/svg_render.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <array>
#include <memory>
#include <mutex>

namespace citegraph::output {
namespace {

constexpr std::array<std::pair<LayoutEngine, std::string_view>, 7> kEngines = {{
    {LayoutEngine::Dot, "dot"},
    {LayoutEngine::Fdp, "fdp"},
    {LayoutEngine::Sfdp, "sfdp"},
    {LayoutEngine::Neato, "neato"},
    {LayoutEngine::Twopi, "twopi"},
    {LayoutEngine::Circo, "circo"},
    {LayoutEngine::Osage, "osage"},
}};

// Graphviz has process-wide state (the error hook, the parser, plugin tables): one lock for
// every call into it.
std::mutex& graphviz_mutex() {
    static std::mutex m;
    return m;
}

// Messages Graphviz reports while the lock is held, and the text of the current one: Graphviz
// hands a message over in pieces ("Warning", ": ", the text, "\n"). Only touched under
// graphviz_mutex().
std::vector<std::string>* g_messages = nullptr;
std::string g_pending;

void flush_pending() {
    std::size_t start = 0;
    while (start < g_pending.size() && (g_pending[start] == ' ' || g_pending[start] == '\n')) ++start;
    std::string m = g_pending.substr(start);
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    if (g_messages && !m.empty()) g_messages->push_back(std::move(m));
    g_pending.clear();
}

int collect_message(char* text) {
    for (const char* c = text; c && *c; ++c) {
        if (*c == '\n')
            flush_pending();
        else
            g_pending += *c;
    }
    return 0;
}

// Installs our error hook for the lifetime of one locked call and restores Graphviz's own.
class ErrorCapture {
public:
    explicit ErrorCapture(std::vector<std::string>& sink) {
        g_messages = &sink;
        g_pending.clear();
        previous_hook_ = agseterrf(collect_message);
        previous_level_ = agseterr(AGWARN);
        agreseterrors();
    }
    ~ErrorCapture() {
        flush_pending();
        agseterr(previous_level_);
        agseterrf(previous_hook_);
        g_messages = nullptr;
    }
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;

private:
    agusererrf previous_hook_ = nullptr;
    agerrlevel_t previous_level_ = AGWARN;
};

// Throws with every message Graphviz has reported so far, the unfinished one included.
[[noreturn]] void fail(const std::string& what, std::vector<std::string>& messages) {
    flush_pending();
    throw RenderError(what, messages);
}

struct ContextFree {
    void operator()(GVC_t* c) const { gvFreeContext(c); }
};
struct GraphClose {
    void operator()(Agraph_t* g) const { agclose(g); }
};
using ContextHandle = std::unique_ptr<GVC_t, ContextFree>;
using GraphHandle = std::unique_ptr<Agraph_t, GraphClose>;

// A layout attached to a graph; freed before the graph is closed (declaration order).
class LayoutHandle {
public:
    LayoutHandle(GVC_t* c, Agraph_t* g) : context_(c), graph_(g) {}
    ~LayoutHandle() { gvFreeLayout(context_, graph_); }
    LayoutHandle(const LayoutHandle&) = delete;
    LayoutHandle& operator=(const LayoutHandle&) = delete;

private:
    GVC_t* context_;
    Agraph_t* graph_;
};

struct RenderDataFree {
    void operator()(char* p) const { gvFreeRenderData(p); }
};

// One context for the whole process, made on first use (under the lock) and freed at exit.
// A context per render would leak Graphviz's parsed plugin configuration (3.6 KB each, seen
// with valgrind), and the pango text plugin keeps a pointer into the context's font table
// from one render to the next: a new context each time left it reading freed memory.
GVC_t* shared_context() {
    static ContextHandle context(gvContext());
    return context.get();
}

GraphHandle parse(std::string_view dot, std::vector<std::string>& messages) {
    // agmemread wants a NUL-terminated buffer.
    const std::string text(dot);
    GraphHandle g(agmemread(text.c_str()));
    if (!g) fail("Graphviz could not parse the DOT text", messages);
    return g;
}

}  // namespace

std::string_view to_string(LayoutEngine engine) {
    for (const auto& [e, name] : kEngines)
        if (e == engine) return name;
    return "dot";
}

std::optional<LayoutEngine> layout_engine_from_string(std::string_view name) {
    for (const auto& [e, n] : kEngines)
        if (n == name) return e;
    return std::nullopt;
}

std::vector<std::string> layout_engine_names() {
    std::vector<std::string> out;
    for (const auto& [e, name] : kEngines) out.emplace_back(name);
    return out;
}

RenderResult render_dot(std::string_view dot, LayoutEngine engine, std::string_view format) {
    RenderResult result;
    std::lock_guard lock(graphviz_mutex());
    ErrorCapture capture(result.messages);
    GVC_t* context = shared_context();
    if (!context) fail("Graphviz could not create a context", result.messages);
    GraphHandle graph = parse(dot, result.messages);
    const std::string engine_name(to_string(engine));
    if (gvLayout(context, graph.get(), engine_name.c_str()) != 0)
        fail("Graphviz layout '" + engine_name + "' failed", result.messages);
    LayoutHandle layout(context, graph.get());
    char* raw = nullptr;
    unsigned int length = 0;
    const std::string format_name(format);
    const int rc = gvRenderData(context, graph.get(), format_name.c_str(), &raw, &length);
    std::unique_ptr<char, RenderDataFree> data(raw);
    if (rc != 0 || !data) fail("Graphviz cannot render format '" + format_name + "'", result.messages);
    result.data.assign(data.get(), length);
    return result;
}

std::size_t count_dot_nodes(std::string_view dot) {
    std::vector<std::string> messages;
    std::lock_guard lock(graphviz_mutex());
    ErrorCapture capture(messages);
    GraphHandle graph = parse(dot, messages);
    return static_cast<std::size_t>(agnnodes(graph.get()));
}

}  // namespace citegraph::output
