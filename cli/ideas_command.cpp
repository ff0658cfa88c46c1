#include "cli/ideas_command.hpp"

#include <ostream>

namespace citegraph::cli {

void setup_ideas(CLI::App& app, LinkCommandOptions& options) {
    auto* cmd = app.add_subcommand("ideas", "Future ideas with their lineage: the gaps they address and the papers they build on");
    add_link_options(*cmd, options);
}

int run_ideas(const LinkCommandOptions& options, std::ostream& out, std::ostream& err) {
    auto loaded = load_with_links(options, err);
    if (!loaded) return kInputError;
    const auto& kg = loaded->graph;
    const auto lineage = analysis::idea_lineage(kg);

    if (options.common.json) {
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        for (const auto& l : lineage) {
            const auto& idea = kg[l.idea];
            nlohmann::ordered_json links = nlohmann::ordered_json::array();
            for (const auto& p : l.papers) links.push_back(paper_link_json(*loaded, p));
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
            for (const auto& g : l.gaps) out << head << "addresses\t" << tsv_link_cells(kg[g.target].key, kg[g.target].gap().title, g);
            for (const auto& p : l.papers)
                out << head << "builds_on\t" << tsv_link_cells(kg[p.target].key, display_name(*loaded, kg[p.target].key), p);
        }
        return kOk;
    }
    out << "# " << lineage.size() << " ideas: the gap each answers (inferred), then the papers it builds on (id, name, inferred)\n";
    for (const auto& l : lineage) {
        const auto& idea = kg[l.idea];
        out << '\n' << idea.key << "  " << idea.idea().title << (l.supported ? "" : "  ** no id or name support **") << '\n';
        if (l.gaps.empty()) out << "    answers: (no gap above the threshold)\n";
        for (const auto& g : l.gaps)
            out << "    answers   " << kg[g.target].key << "  " << kg[g.target].gap().title << "  (" << format_score(g.score) << "; "
                << join_list(g.terms, ", ") << ")\n";
        for (const auto& p : l.papers) print_paper_link(out, *loaded, p, 10);
    }
    return kOk;
}

}  // namespace citegraph::cli
