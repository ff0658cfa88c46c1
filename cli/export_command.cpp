#include "cli/export_command.hpp"

#include "output/atomic_file.hpp"
#include "output/csv_export.hpp"
#include "output/cytoscape_export.hpp"
#include "output/dot_export.hpp"
#include "output/gexf_export.hpp"
#include "output/graph_export.hpp"
#include "output/graphml_export.hpp"
#include "output/json_export.hpp"
#include "output/pajek_export.hpp"
#include "output/vosviewer_export.hpp"

#include <filesystem>
#include <functional>
#include <ostream>

namespace citegraph::cli {
namespace {

const std::vector<std::string> kFormats = {"json", "graphml", "gexf", "cytoscape", "csv", "pajek", "vosviewer", "dot"};

std::string format_for(const ExportOptions& options) {
    if (!options.format.empty()) return options.format;
    if (options.output == "-") return "json";
    const std::string ext = std::filesystem::path(options.output).extension().string();
    if (ext == ".json") return "json";
    if (ext == ".graphml") return "graphml";
    if (ext == ".gexf") return "gexf";
    if (ext == ".cyjs") return "cytoscape";
    if (ext == ".csv") return "csv";
    if (ext == ".net") return "pajek";
    if (ext == ".dot" || ext == ".gv") return "dot";
    throw UsageError("cannot tell the export format from '" + options.output +
                     "'; give --format (json, graphml, gexf, cytoscape, csv, pajek, vosviewer, dot)");
}

using Writer = std::function<void(std::ostream&)>;

// Writes one file atomically; a failure is reported as E-OUTPUT (exit 3: the user's
// environment, the same class as an input that cannot be read).
bool write_one(const std::string& path, const Writer& write, std::ostream& out, std::ostream& err) {
    if (path == "-") {
        write(out);
        return true;
    }
    try {
        output::write_file_atomically(path, write);
    } catch (const std::runtime_error& e) {
        err << path << ": error[E-OUTPUT]: " << e.what() << '\n';
        return false;
    }
    return true;
}

}  // namespace

void setup_export(CLI::App& app, ExportOptions& options) {
    auto* cmd = app.add_subcommand("export", "Write the graph in a format other tools read");
    add_common_options(*cmd, options.common);
    cmd->add_option("--format", options.format,
                    "Output format: json (networkx node-link), graphml, gexf (1.3), cytoscape (Cytoscape.js), csv "
                    "(neo4j-admin: two files), pajek, vosviewer, dot")
        ->check(CLI::IsMember(kFormats));
    cmd->add_option("-o,--output", options.output,
                    "Output file ('-' = stdout; format from the extension .json .graphml .gexf .cyjs .csv .net .dot .gv "
                    "unless --format). csv: out.csv writes out.nodes.csv and out.edges.csv; a directory gets "
                    "nodes.csv and edges.csv");
    cmd->add_option("--seed", options.seed, "Seed of the Leiden clusters and the layout behind colours and positions");
}

int run_export(const ExportOptions& options, std::ostream& out, std::ostream& err) {
    const std::string format = format_for(options);
    if (format == "csv" && options.output == "-")
        throw UsageError("the csv export writes two files (nodes and edges): give -o FILE.csv or -o DIRECTORY/");
    auto loaded = load_or_report(options.common, err);
    if (!loaded) return kInputError;

    if (format == "json") {
        return write_one(options.output, [&](std::ostream& os) { output::write_node_link_json(os, loaded->graph); }, out, err)
                   ? kOk
                   : kInputError;
    }

    output::ExportInput input;
    input.graph = &loaded->graph;
    output::VisualOptions visual_options;
    visual_options.seed = options.seed;
    input.visuals = output::compute_visuals(*loaded, visual_options, &input.colored_by);

    if (format == "csv") {
        if (options.output.back() == '/') {
            // "-o neo4j/" names a directory for the two files: make it, as `mkdir -p` would.
            std::error_code ec;
            std::filesystem::create_directories(options.output, ec);
        }
        const auto [nodes_path, edges_path] = output::csv_file_names(options.output);
        if (!write_one(nodes_path, [&](std::ostream& os) { output::write_csv_nodes(os, input); }, out, err)) return kInputError;
        if (!write_one(edges_path, [&](std::ostream& os) { output::write_csv_edges(os, input); }, out, err)) return kInputError;
        return kOk;
    }
    Writer write;
    if (format == "graphml") write = [&](std::ostream& os) { output::write_graphml(os, input); };
    else if (format == "gexf") write = [&](std::ostream& os) { output::write_gexf(os, input); };
    else if (format == "cytoscape") write = [&](std::ostream& os) { output::write_cytoscape_json(os, input); };
    else if (format == "pajek") write = [&](std::ostream& os) { output::write_pajek(os, input); };
    else if (format == "vosviewer") write = [&](std::ostream& os) { output::write_vosviewer_json(os, input); };
    else if (format == "dot") write = [&](std::ostream& os) { output::write_dot_export(os, input); };
    else throw UsageError("unknown export format '" + format + "'");
    return write_one(options.output, write, out, err) ? kOk : kInputError;
}

}  // namespace citegraph::cli
