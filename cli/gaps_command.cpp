#include "cli/gaps_command.hpp"

#include <iomanip>
#include <map>
#include <ostream>
#include <sstream>

namespace citegraph::cli {

std::string tsv_field(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return out;
}

void add_link_options(CLI::App& command, LinkCommandOptions& options) {
    add_common_options(command, options.common);
    command.add_flag("--tsv", options.tsv, "One tab-separated row per link");
    command.add_flag("--no-inferred", options.no_inferred, "Only the digest's own links (ids and names)");
    command.add_option("--min-score", options.min_score, "Inferred links: least share of the paper's text the query covers, in [0,1]")
        ->check(CLI::Range(0.0, 1.0));
    command.add_option("--max-links", options.max_links, "Inferred links: candidates per gap or idea (best unlinked papers by BM25)")
        ->check(CLI::Range(0, 1000));
}

std::optional<graph::LoadResult> load_with_links(const LinkCommandOptions& options, std::ostream& err) {
    if (options.tsv && options.common.json) throw UsageError("--json and --tsv exclude each other");
    auto loaded = load_or_report(options.common, err, true);
    if (!loaded || options.no_inferred) return loaded;
    analysis::LinkOptions lo;
    lo.min_normalized = options.min_score;
    lo.max_links = options.max_links;
    analysis::add_inferred_links(loaded->graph, analysis::infer_links(*loaded, lo));
    return loaded;
}

std::string format_score(double score) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(3) << score;
    return s.str();
}

std::string join_list(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += separator;
        out += items[i];
    }
    return out;
}

nlohmann::ordered_json paper_link_json(const graph::LoadResult& loaded, const analysis::EvidenceLink& link) {
    const std::string& paper = loaded.graph[link.target].key;
    return {{"paper", paper}, {"name", display_name(loaded, paper)}, {"evidence", graph::to_string(link.evidence)},
            {"score", link.score}, {"terms", link.terms}, {"file", link.where.file}, {"line", link.where.line}};
}

std::string tsv_link_cells(std::string_view target, std::string_view name, const analysis::EvidenceLink& link) {
    std::string cells = tsv_field(target) + '\t' + tsv_field(name) + '\t';
    cells += graph::to_string(link.evidence);
    cells += '\t' + format_score(link.score) + '\t' + tsv_field(join_list(link.terms, ", ")) + '\n';
    return cells;
}

void print_paper_link(std::ostream& out, const graph::LoadResult& loaded, const analysis::EvidenceLink& link, int evidence_width) {
    const std::string& paper = loaded.graph[link.target].key;
    out << "    " << std::left << std::setw(evidence_width) << graph::to_string(link.evidence) << std::setw(16) << paper
        << display_name(loaded, paper);
    if (link.evidence == graph::Evidence::Inferred) out << "  (" << format_score(link.score) << "; " << join_list(link.terms, ", ") << ')';
    out << '\n';
}

void setup_gaps(CLI::App& app, LinkCommandOptions& options) {
    auto* cmd = app.add_subcommand("gaps", "Research gaps with the papers that bear on them (id, name, inferred) and coverage");
    add_link_options(*cmd, options);
    cmd->add_option("--theme-similarity", options.theme_similarity, "Recurring themes: least tf-idf cosine between gaps of two months")
        ->check(CLI::Range(0.0, 1.0));
}

int run_gaps(const LinkCommandOptions& options, std::ostream& out, std::ostream& err) {
    auto loaded = load_with_links(options, err);
    if (!loaded) return kInputError;
    const auto& kg = loaded->graph;
    const auto coverage = analysis::gap_coverage(kg);
    const auto themes = analysis::recurring_gap_themes(kg, {options.theme_similarity});
    std::map<graph::Vertex, std::size_t> theme_of;
    for (std::size_t t = 0; t < themes.size(); ++t)
        for (auto g : themes[t].gaps) theme_of[g] = t;

    if (options.common.json) {
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        for (const auto& c : coverage) {
            const auto& gap = kg[c.gap];
            nlohmann::ordered_json links = nlohmann::ordered_json::array();
            for (const auto& l : c.links) links.push_back(paper_link_json(*loaded, l));
            nlohmann::ordered_json item;
            item["gap"] = gap.key;
            item["title"] = gap.gap().title;
            item["month"] = gap.gap().month;
            item["links"] = std::move(links);
            item["supported"] = c.supported;
            item["counts"] = {{"id", c.by_id}, {"name", c.by_name}, {"inferred", c.inferred}};
            if (auto it = theme_of.find(c.gap); it != theme_of.end()) {
                nlohmann::ordered_json others = nlohmann::ordered_json::array();
                for (auto g : themes[it->second].gaps) others.push_back(kg[g].key);
                item["recurs"] = {{"months", themes[it->second].months}, {"gaps", others}, {"terms", themes[it->second].terms}};
            } else {
                item["recurs"] = nullptr;
            }
            j.push_back(std::move(item));
        }
        out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
        return kOk;
    }
    if (options.tsv) {
        out << "gap\tmonth\ttitle\tsupported\tpaper\tname\tevidence\tscore\tterms\n";
        for (const auto& c : coverage) {
            const auto& gap = kg[c.gap];
            const std::string head = tsv_field(gap.key) + '\t' + tsv_field(gap.gap().month) + '\t' + tsv_field(gap.gap().title) + '\t' +
                                     (c.supported ? "yes" : "no") + '\t';
            if (c.links.empty()) out << head << "\t\t\t\t\n";
            for (const auto& l : c.links) out << head << tsv_link_cells(kg[l.target].key, display_name(*loaded, kg[l.target].key), l);
        }
        return kOk;
    }
    std::size_t supported = 0;
    for (const auto& c : coverage) supported += c.supported;
    out << "# " << coverage.size() << " gaps: " << supported << " supported by an id or a name, " << coverage.size() - supported
        << " flagged (no id or name support)\n";
    out << "# inferred links: BM25 text similarity, score = share of the paper's text the gap covers; never the digest's own citation\n";
    for (const auto& c : coverage) {
        const auto& gap = kg[c.gap];
        out << '\n' << gap.key << "  " << gap.gap().title << "\n    " << c.by_id << " by id, " << c.by_name << " by name, " << c.inferred
            << " inferred" << (c.supported ? "" : "  ** FLAGGED: no id or name support **") << '\n';
        for (const auto& l : c.links) print_paper_link(out, *loaded, l, 9);
    }
    if (!themes.empty()) {
        out << "\n# gap themes that recur across months\n";
        for (const auto& t : themes) {
            out << "  " << join_list(t.months, ", ") << ": " << join_list(t.terms, ", ") << '\n';
            for (auto g : t.gaps) out << "    " << kg[g].key << "  " << kg[g].gap().title << '\n';
        }
    }
    return kOk;
}

}  // namespace citegraph::cli
