#include "cli/lint_command.hpp"

#include "analysis/lint.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

namespace citegraph::cli {

void setup_lint(CLI::App& app, LintOptions& options) {
    auto* cmd = app.add_subcommand("lint", "Consistency findings; exit 1 when any is an error");
    add_common_options(*cmd, options.common);
}

int run_lint(const LintOptions& options, std::ostream& out, std::ostream& err) {
    auto loaded = load_or_report(options.common, err);
    if (!loaded) return kInputError;
    const auto result = analysis::lint(*loaded);
    if (options.common.json) {
        nlohmann::ordered_json j;
        j["errors"] = result.errors();
        j["warnings"] = result.warnings();
        j["findings"] = nlohmann::ordered_json::array();
        for (const auto& f : result.findings) {
            nlohmann::ordered_json o;
            o["severity"] = graph::to_string(f.severity);
            o["code"] = f.code;
            o["message"] = f.message;
            o["file"] = f.where.file;
            o["line"] = f.where.line;
            o["section"] = f.where.section;
            o["papers"] = f.papers;
            j["findings"].push_back(std::move(o));
        }
        out << j.dump(2) << '\n';
    } else {
        for (const auto& f : result.findings) {
            graph::Diagnostic d{f.severity, f.code, f.where.file, f.where.line, 0, f.message};
            out << graph::format(d) << '\n';
        }
        out << result.errors() << " error(s), " << result.warnings() << " warning(s)\n";
    }
    return result.errors() > 0 ? kFindings : kOk;
}

}  // namespace citegraph::cli
