#include "cli/eval_command.hpp"

#include "analysis/links.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iomanip>
#include <ostream>
#include <sstream>

namespace citegraph::cli {
namespace {

nlohmann::ordered_json to_json(const analysis::LinkEvaluation& ev, bool details) {
    nlohmann::ordered_json j;
    j["mode"] = ev.mode == analysis::MaskMode::Ids ? "ids" : "names";
    j["queries"] = ev.queries;
    j["hidden"] = ev.hidden;
    j["hidden_with_text"] = ev.hidden_with_text;
    j["found_at_5"] = ev.found_at_5;
    j["found_at_10"] = ev.found_at_10;
    j["recall_at_5"] = ev.recall_at_5;
    j["recall_at_10"] = ev.recall_at_10;
    j["mrr"] = ev.mean_reciprocal_rank;
    j["inferred_precision"] = nlohmann::ordered_json::array();
    for (const auto& p : ev.precision)
        j["inferred_precision"].push_back({{"threshold", p.threshold}, {"candidates", p.candidates}, {"hidden", p.hidden}, {"precision", p.precision}});
    if (details) {
        j["links"] = nlohmann::ordered_json::array();
        for (const auto& l : ev.links)
            j["links"].push_back({{"from", l.from}, {"paper", l.paper}, {"evidence", graph::to_string(l.evidence)},
                                  {"has_text", l.has_text}, {"rank", l.rank}});
    }
    return j;
}

nlohmann::ordered_json to_json(const analysis::NamePrecision& np) {
    nlohmann::ordered_json j;
    j["resolved"] = np.resolved;
    j["judged"] = np.judged;
    j["correct"] = np.correct;
    j["precision"] = np.precision ? nlohmann::ordered_json(*np.precision) : nlohmann::ordered_json(nullptr);
    j["wrong"] = nlohmann::ordered_json::array();
    for (const auto& w : np.wrong)
        j["wrong"].push_back({{"name", w.name}, {"resolved", w.resolved}, {"written", w.written},
                              {"file", w.where.file}, {"line", w.where.line}, {"section", w.where.section}});
    return j;
}

std::string fixed(double x, int digits = 3) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(digits) << x;
    return s.str();
}

}  // namespace

void setup_eval(CLI::App& app, EvalOptions& options) {
    auto* cmd = app.add_subcommand("eval", "Measure the text linker: `eval links` hides the cited ids (names) and ranks the papers");
    cmd->add_option("what", options.what, "What to evaluate")->required()->check(CLI::IsMember({"links"}));
    add_common_options(*cmd, options.common);
    cmd->add_option("--mode", options.mode, "Hide ids, names (ids and names) or run both")->check(CLI::IsMember({"ids", "names", "both"}));
    cmd->add_flag("--details", options.details, "List every hidden link with its rank");
    cmd->add_flag("--own-text-only", options.own_text_only, "Papers' text without the reflection sentences around their ids");
}

int run_eval(const EvalOptions& options, std::ostream& out, std::ostream& err) {
    // Each input is measured alone: the numbers of one month must not depend on which other
    // months were given with it.
    std::vector<std::string> inputs = options.common.inputs;
    if (inputs.empty()) inputs.push_back("");
    analysis::LinkOptions link_options;
    link_options.corpus.reflection_context = !options.own_text_only;
    const auto& corpus = link_options.corpus;
    std::vector<analysis::MaskMode> modes;
    if (options.mode != "names") modes.push_back(analysis::MaskMode::Ids);
    if (options.mode != "ids") modes.push_back(analysis::MaskMode::Names);

    nlohmann::ordered_json report = nlohmann::ordered_json::array();
    std::ostringstream text;
    text << "# link evaluation: ids (and names) hidden from gaps and ideas, papers ranked by BM25 over their "
         << (corpus.reflection_context ? "own entries and reflection sentences" : "own entries") << '\n';
    text << "# recall counts every hidden link; a paper with no text of its own is a miss\n";
    text << std::left << std::setw(28) << "input" << std::setw(7) << "mode" << std::right << std::setw(8) << "queries" << std::setw(8)
         << "hidden" << std::setw(10) << "w/ text" << std::setw(8) << "R@5" << std::setw(8) << "R@10" << std::setw(8) << "MRR" << '\n';
    std::ostringstream names_text;
    std::ostringstream precision_text;
    for (const auto& input : inputs) {
        CommonOptions one = options.common;
        one.inputs.clear();
        if (!input.empty()) one.inputs.push_back(input);
        auto loaded = load_or_report(one, err, false);
        if (!loaded) return kInputError;
        const std::string shown = input.empty() ? std::string(graph::embedded_example_name()) : std::filesystem::path(input).filename().string();
        nlohmann::ordered_json entry;
        entry["path"] = input.empty() ? std::string(graph::embedded_example_name()) : input;
        entry["month"] = loaded->digests.empty() ? "" : loaded->digests.front().month;
        entry["masking"] = nlohmann::ordered_json::array();
        for (auto mode : modes) {
            const auto ev = analysis::evaluate_masked_links(*loaded, mode, link_options);
            entry["masking"].push_back(to_json(ev, options.details));
            text << std::left << std::setw(28) << shown << std::setw(7) << (mode == analysis::MaskMode::Ids ? "ids" : "names") << std::right
                 << std::setw(8) << ev.queries << std::setw(8) << ev.hidden << std::setw(10) << ev.hidden_with_text << std::setw(8)
                 << (ev.hidden ? fixed(ev.recall_at_5) : "-") << std::setw(8) << (ev.hidden ? fixed(ev.recall_at_10) : "-") << std::setw(8)
                 << (ev.hidden ? fixed(ev.mean_reciprocal_rank) : "-") << '\n';
            std::ostringstream prec;
            for (const auto& p : ev.precision)
                if (p.threshold < 0.51) prec << "  " << fixed(p.threshold, 2) << ':' << (p.candidates ? fixed(p.precision, 2) : "-") << '/' << p.candidates;
            precision_text << std::left << std::setw(28) << shown << std::setw(7) << (mode == analysis::MaskMode::Ids ? "ids" : "names") << prec.str() << '\n';
            if (options.details)
                for (const auto& l : ev.links)
                    text << "    " << l.from << " -> " << l.paper << " (" << graph::to_string(l.evidence) << ")  rank "
                         << (l.rank ? std::to_string(l.rank) : std::string("-")) << (l.has_text ? "" : "  (no text)") << '\n';
        }
        const auto np = analysis::name_resolution_precision(*loaded);
        entry["name_resolution"] = to_json(np);
        names_text << std::left << std::setw(28) << shown << std::right << std::setw(9) << np.resolved << std::setw(8) << np.judged
                   << std::setw(9) << np.correct << std::setw(11) << (np.precision ? fixed(*np.precision) : "n/a") << '\n';
        for (const auto& w : np.wrong)
            names_text << "    wrong: \"" << w.name << "\" resolved to " << w.resolved << ", written next to " << w.written << " ("
                       << w.where.file << ':' << w.where.line << ")\n";
        report.push_back(std::move(entry));
    }
    if (options.common.json) {
        out << report.dump(2) << '\n';
        return kOk;
    }
    out << text.str() << '\n';
    out << "# would-be inferred links under masking: threshold:precision/candidates (default threshold "
        << fixed(link_options.min_normalized, 2) << ")\n";
    out << precision_text.str() << '\n';
    out << "# name resolution: mentions judged against the id written right after the name\n";
    out << std::left << std::setw(28) << "input" << std::right << std::setw(9) << "resolved" << std::setw(8) << "judged" << std::setw(9)
        << "correct" << std::setw(11) << "precision" << '\n';
    out << names_text.str();
    return kOk;
}

}  // namespace citegraph::cli
