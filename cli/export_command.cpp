#include "cli/export_command.hpp"

#include "output/atomic_file.hpp"
#include "output/json_export.hpp"

#include <filesystem>
#include <ostream>

namespace citegraph::cli {
namespace {

// Formats of the design; the ones without a writer yet are refused as usage errors.
const std::vector<std::string> kFormats = {"json", "graphml", "gexf", "cytoscape", "csv", "pajek", "vosviewer", "dot"};

std::string format_for(const ExportOptions& options) {
    if (!options.format.empty()) return options.format;
    if (options.output == "-") return "json";
    const std::string ext = std::filesystem::path(options.output).extension().string();
    if (ext == ".json") return "json";
    if (ext == ".graphml") return "graphml";
    if (ext == ".gexf") return "gexf";
    if (ext == ".csv") return "csv";
    if (ext == ".net") return "pajek";
    if (ext == ".dot" || ext == ".gv") return "dot";
    throw UsageError("cannot tell the export format from '" + options.output + "'; give --format");
}

}  // namespace

void setup_export(CLI::App& app, ExportOptions& options) {
    auto* cmd = app.add_subcommand("export", "Write the graph in a format other tools read");
    add_common_options(*cmd, options.common);
    cmd->add_option("--format", options.format, "Output format")->check(CLI::IsMember(kFormats));
    cmd->add_option("-o,--output", options.output, "Output file ('-' = stdout; format from the extension unless --format)");
}

int run_export(const ExportOptions& options, std::ostream& out, std::ostream& err) {
    const std::string format = format_for(options);
    if (format != "json") throw UsageError("export format '" + format + "' is not implemented yet (available: json)");
    auto loaded = load_or_report(options.common, err);
    if (!loaded) return kInputError;
    auto write = [&](std::ostream& os) { output::write_node_link_json(os, loaded->graph); };
    if (options.output == "-") {
        write(out);
        return kOk;
    }
    try {
        output::write_file_atomically(options.output, write);
    } catch (const std::runtime_error& e) {
        // A file that cannot be written is the user's environment, not a bug: the same class
        // as an input that cannot be read.
        err << options.output << ": error[E-OUTPUT]: " << e.what() << '\n';
        return kInputError;
    }
    return kOk;
}

}  // namespace citegraph::cli
