#include "cli/ideas_command.hpp"

#include "analysis/coverage.hpp"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <ostream>
#include <sstream>

namespace citegraph::cli {
namespace {

std::string fixed(double x) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(3) << x;
    return s.str();
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? std::string(sep) : std::string()) + items[i];
    return out;
}

}  // namespace

void setup_ideas(CLI::App& app, LinkCommandOptions& options) {
    auto* cmd = app.add_subcommand("ideas", "Future ideas with their lineage: the gaps they address and the papers they build on");
    add_link_options(*cmd, options);
}

int run_ideas(const LinkCommandOptions& options, std::ostream& out, std::ostream& err) {
    if (options.tsv && options.common.json) throw UsageError("--json and --tsv exclude each other");
    auto loaded = load_with_links(options, err);
    if (!loaded) return kInputError;
    const auto& kg = loaded->graph;
    const auto lineage = analysis::idea_lineage(kg);

    if (options.common.json) {
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        for (const auto& l : lineage) {
            const auto& idea = kg[l.idea];
            nlohmann::ordered_json links = nlohmann::ordered_json::array();
            for (const auto& p : l.papers)
                links.push_back({{"paper", kg[p.target].key}, {"name", display_name(*loaded, kg[p.target].key)},
                                 {"evidence", graph::to_string(p.evidence)}, {"score", p.score}, {"terms", p.terms},
                                 {"file", p.where.file}, {"line", p.where.line}});
            nlohmann::ordered_json gaps = nlohmann::ordered_json::array();
            for (const auto& g : l.gaps)
                gaps.push_back({{"gap", kg[g.target].key}, {"title", kg[g.target].gap().title}, {"evidence", graph::to_string(g.evidence)},
                                {"score", g.score}, {"terms", g.terms}});
            nlohmann::ordered_json item;
            item["idea"] = idea.key;
            item["title"] = idea.idea().title;
            item["month"] = idea.idea().month;
            item["links"] = std::move(links);
            item["gaps"] = std::move(gaps);
            item["supported"] = l.supported;
            item["counts"] = {{"id", l.by_id}, {"name", l.by_name}, {"inferred", l.inferred}};
            j.push_back(std::move(item));
        }
        out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
        return kOk;
    }
    if (options.tsv) {
        out << "idea\tmonth\ttitle\tsupported\trelation\ttarget\tname\tevidence\tscore\tterms\n";
        for (const auto& l : lineage) {
            const auto& idea = kg[l.idea];
            const std::string head = tsv_field(idea.key) + '\t' + tsv_field(idea.idea().month) + '\t' + tsv_field(idea.idea().title) + '\t' +
                                     (l.supported ? "yes" : "no") + '\t';
            if (l.papers.empty() && l.gaps.empty()) out << head << "\t\t\t\t\t\n";
            for (const auto& g : l.gaps)
                out << head << "addresses\t" << tsv_field(kg[g.target].key) << '\t' << tsv_field(kg[g.target].gap().title) << '\t'
                    << graph::to_string(g.evidence) << '\t' << fixed(g.score) << '\t' << tsv_field(join(g.terms, ", ")) << '\n';
            for (const auto& p : l.papers)
                out << head << "builds_on\t" << tsv_field(kg[p.target].key) << '\t' << tsv_field(display_name(*loaded, kg[p.target].key)) << '\t'
                    << graph::to_string(p.evidence) << '\t' << fixed(p.score) << '\t' << tsv_field(join(p.terms, ", ")) << '\n';
        }
        return kOk;
    }
    out << "# " << lineage.size() << " ideas: the gap each answers (inferred), then the papers it builds on (id, name, inferred)\n";
    for (const auto& l : lineage) {
        const auto& idea = kg[l.idea];
        out << '\n' << idea.key << "  " << idea.idea().title << (l.supported ? "" : "  ** no id or name support **") << '\n';
        if (l.gaps.empty()) out << "    answers: (no gap above the threshold)\n";
        for (const auto& g : l.gaps)
            out << "    answers   " << kg[g.target].key << "  " << kg[g.target].gap().title << "  (" << fixed(g.score) << "; "
                << join(g.terms, ", ") << ")\n";
        for (const auto& p : l.papers) {
            out << "    " << std::left << std::setw(10) << graph::to_string(p.evidence) << std::setw(16) << kg[p.target].key
                << display_name(*loaded, kg[p.target].key);
            if (p.evidence == graph::Evidence::Inferred) out << "  (" << fixed(p.score) << "; " << join(p.terms, ", ") << ')';
            out << '\n';
        }
    }
    return kOk;
}

}  // namespace citegraph::cli
