#include "fuzz/entry.hpp"

#include "analysis/lint.hpp"
#include "graph/load.hpp"
#include "output/csv_export.hpp"
#include "output/cytoscape_export.hpp"
#include "output/dot_export.hpp"
#include "output/gexf_export.hpp"
#include "output/graph_export.hpp"
#include "output/graphml_export.hpp"
#include "output/json_export.hpp"
#include "output/pajek_export.hpp"
#include "output/vosviewer_export.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <stdexcept>
#include <streambuf>

#include <unistd.h>

namespace citegraph::fuzz {
namespace {

namespace fs = std::filesystem;

// A stream buffer that only counts: exports run completely but nothing is kept.
class CountingNullBuf : public std::streambuf {
public:
    std::size_t count() const { return count_; }

protected:
    int_type overflow(int_type ch) override {
        if (!traits_type::eq_int_type(ch, traits_type::eof())) ++count_;
        return traits_type::not_eof(ch);
    }
    std::streamsize xsputn(const char*, std::streamsize n) override {
        count_ += static_cast<std::size_t>(n);
        return n;
    }

private:
    std::size_t count_ = 0;
};

// One private directory per process, created on first use and removed at exit, into which each
// call writes its input files (overwriting the previous call's): a fresh directory per call
// would cost a mkdtemp and a recursive removal on every fuzz execution.
class ScratchDir {
public:
    static const ScratchDir& get() {
        static const ScratchDir dir;
        return dir;
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    fs::path write(const std::string& name, const char* data, std::size_t size) const {
        const fs::path file = path_ / name;
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(data, static_cast<std::streamsize>(size));
        if (!out) throw std::runtime_error("cannot write " + file.string());
        return file;
    }

private:
    ScratchDir() {
        std::string pattern = (fs::temp_directory_path() / "citegraph-fuzz-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
        path_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    fs::path path_;
};

// The fixed edge list the metadata entry loads beside the fuzzed JSON lines: ids of the
// shapes the seeds use (new and old arXiv ids, plain integers as in cit-HepTh and Cora).
constexpr std::string_view kMetadataEdges =
    "# citing\tcited\n"
    "2405.04434\t2404.19737\n"
    "2405.12981\t2405.04434\n"
    "9201001\t9201002\n"
    "9901001\t9711200\n"
    "hep-th/9901001\thep-th/9711200\n"
    "1\t2\n"
    "35\t1033\n";

// Lint and every export, after a clean load, as `citegraph export --format F` writes them (the
// visual columns computed once, as there). A writer added to `export` belongs here too.
void analyse_and_export(graph::LoadResult& loaded, EntryOutcome& outcome) {
    graph::merge_citations(loaded);
    const analysis::LintResult findings = analysis::lint(loaded);
    outcome.lint_findings = findings.findings.size();
    CountingNullBuf sink;
    std::ostream os(&sink);
    output::write_node_link_json(os, loaded.graph);

    output::ExportInput input;
    input.graph = &loaded.graph;
    output::VisualOptions visual_options;
    // The layout's iterations cost time per execution, not coverage: a few are enough.
    visual_options.layout_iterations = 5;
    input.visuals = output::compute_visuals(loaded, visual_options, &input.colored_by);
    output::write_graphml(os, input);
    output::write_gexf(os, input);
    output::write_cytoscape_json(os, input);
    output::write_csv_nodes(os, input);
    output::write_csv_edges(os, input);
    output::write_pajek(os, input);
    output::write_vosviewer_json(os, input);
    output::write_dot_export(os, input);
    outcome.export_bytes = sink.count();
}

}  // namespace

const std::vector<std::string>& formats() {
    static const std::vector<std::string> all = {"digest", "edges", "jsonl", "openalex"};
    return all;
}

EntryOutcome run_entry(std::string_view format, const std::uint8_t* data, std::size_t size) {
    const char* bytes = reinterpret_cast<const char*>(data);
    graph::LoadResult loaded;
    if (format == "digest") {
        // In memory, as the bundled example is loaded: the same make_source checks as a file.
        loaded = graph::load_digest_text("fuzz.md", std::string(bytes, size));
    } else if (format == "edges") {
        const ScratchDir& dir = ScratchDir::get();
        graph::LoadOptions options;
        options.input_format = "edges";
        loaded = graph::load_inputs({dir.write("fuzz.tsv", bytes, size).string()}, options);
    } else if (format == "jsonl") {
        const ScratchDir& dir = ScratchDir::get();
        const std::string edges = dir.write("fixed.tsv", kMetadataEdges.data(), kMetadataEdges.size()).string();
        const std::string records = dir.write("fuzz.jsonl", bytes, size).string();
        loaded = graph::load_inputs({edges, records});
    } else if (format == "openalex") {
        // OpenAlex works: references, rebuilt abstracts, arXiv DOIs renamed at the end, topics
        // merged into the typed graph by analyse_and_export's merge.
        const ScratchDir& dir = ScratchDir::get();
        graph::LoadOptions options;
        options.input_format = "openalex";
        loaded = graph::load_inputs({dir.write("fuzz-openalex.jsonl", bytes, size).string()}, options);
    } else {
        throw std::invalid_argument("no fuzz entry for format '" + std::string(format) + "'");
    }
    EntryOutcome outcome;
    outcome.diagnostics = loaded.diagnostics.all().size();
    for (const auto& d : loaded.diagnostics.all()) outcome.rendered.push_back(graph::format(d));
    outcome.loaded = loaded.ok();
    if (outcome.loaded) analyse_and_export(loaded, outcome);
    return outcome;
}

}  // namespace citegraph::fuzz
