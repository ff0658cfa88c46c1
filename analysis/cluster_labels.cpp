#include "analysis/cluster_labels.hpp"

#include "analysis/links.hpp"
#include "analysis/tokenize.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <unordered_map>

namespace citegraph::analysis {
namespace {

std::vector<std::string> words_of(const std::string& term) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : term) {
        if (c == ' ' || c == '-') {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

// Two words name the same thing for a label when equal or when one is the other's English
// plural ("hole", "holes"; "orbifold", "orbifolds"; "branch", "branches"). Only for choosing
// label terms, never for the index.
bool same_word(const std::string& x, const std::string& y) {
    if (x == y) return true;
    const std::string& s = x.size() < y.size() ? x : y;
    const std::string& l = x.size() < y.size() ? y : x;
    if (l.compare(0, s.size(), s) != 0) return false;
    const std::string_view tail = std::string_view(l).substr(s.size());
    return tail == "s" || tail == "es";
}

bool subset(const std::vector<std::string>& x, const std::vector<std::string>& y) {
    return std::all_of(x.begin(), x.end(), [&](const std::string& w) {
        return std::any_of(y.begin(), y.end(), [&](const std::string& v) { return same_word(w, v); });
    });
}

bool overlaps(const std::string& a, const std::string& b) {
    const auto wa = words_of(a);
    const auto wb = words_of(b);
    return subset(wa, wb) || subset(wb, wa);
}

}  // namespace

std::vector<std::vector<LabelTerm>> cluster_labels(const std::vector<std::vector<std::string>>& item_terms,
                                                   std::span<const std::uint32_t> membership, const ClusterLabelOptions& options) {
    if (item_terms.size() != membership.size()) throw std::invalid_argument("cluster_labels: item_terms and membership must have the same size");
    if (options.min_members < 1) throw std::invalid_argument("cluster_labels: min_members must be >= 1");
    if (!(options.prior > 0) || !std::isfinite(options.prior)) throw std::invalid_argument("cluster_labels: prior must be a finite number > 0");

    // Intern terms; each item's distinct term ids.
    std::unordered_map<std::string, std::uint32_t> vocab;
    std::vector<std::string> text;
    std::vector<std::vector<std::uint32_t>> items(item_terms.size());
    for (std::size_t i = 0; i < item_terms.size(); ++i) {
        for (const auto& t : item_terms[i]) {
            auto [it, inserted] = vocab.try_emplace(t, static_cast<std::uint32_t>(text.size()));
            if (inserted) text.push_back(t);
            items[i].push_back(it->second);
        }
        std::sort(items[i].begin(), items[i].end());
        items[i].erase(std::unique(items[i].begin(), items[i].end()), items[i].end());
    }
    std::vector<std::uint32_t> df(text.size(), 0);
    std::size_t n_with_text = 0;
    for (const auto& it : items) {
        n_with_text += !it.empty();
        for (auto t : it) ++df[t];
    }
    std::uint32_t k = 0;
    for (auto c : membership)
        if (c != kNoCluster) k = std::max(k, c + 1);
    std::vector<std::vector<std::size_t>> members(k);
    for (std::size_t i = 0; i < membership.size(); ++i)
        if (membership[i] != kNoCluster) members[membership[i]].push_back(i);

    std::vector<std::vector<LabelTerm>> labels(k);
    const double big_n = static_cast<double>(n_with_text);
    for (std::uint32_t c = 0; c < k; ++c) {
        std::unordered_map<std::uint32_t, std::uint32_t> in_cluster;
        std::size_t n_c = 0;
        for (auto i : members[c]) {
            n_c += !items[i].empty();
            for (auto t : items[i]) ++in_cluster[t];
        }
        if (n_c == 0) continue;
        const double nc = static_cast<double>(n_c);
        const double nr = big_n - nc;
        std::vector<LabelTerm> scored;
        for (const auto& [t, yc_count] : in_cluster) {
            if (yc_count < options.min_members) continue;
            const double p = static_cast<double>(df[t]) / big_n;
            const double a = options.prior * p + 0.5, b = options.prior * (1 - p) + 0.5;
            const double yc = yc_count, yr = static_cast<double>(df[t] - yc_count);
            const double delta = std::log((yc + a) / (nc - yc + b)) - std::log((yr + a) / (nr - yr + b));
            const double var = 1 / (yc + a) + 1 / (nc - yc + b) + 1 / (yr + a) + 1 / (nr - yr + b);
            const double z = delta / std::sqrt(var);
            if (z <= 0) continue;  // not more frequent here than elsewhere
            scored.push_back({text[t], z, yc_count});
        }
        std::sort(scored.begin(), scored.end(), [](const LabelTerm& x, const LabelTerm& y) { return x.z != y.z ? x.z > y.z : x.term < y.term; });
        // A phrase replaces a chosen single word it contains when it is nearly as telling
        // (at least half the z and half the members): "black hole" rather than "black".
        for (const auto& s : scored) {
            if (labels[c].size() >= options.max_terms) break;
            bool redundant = false;
            for (auto& chosen : labels[c]) {
                if (!overlaps(chosen.term, s.term)) continue;
                redundant = true;
                const auto cw = words_of(chosen.term);
                const auto sw = words_of(s.term);
                const bool replaces = cw.size() == 1 && sw.size() > 1 && subset(cw, sw) && s.z >= 0.5 * chosen.z && 2 * s.members >= chosen.members;
                const bool clashes = std::any_of(labels[c].begin(), labels[c].end(), [&](const LabelTerm& o) { return &o != &chosen && overlaps(o.term, s.term); });
                if (replaces && !clashes) chosen = s;
                break;
            }
            if (!redundant) labels[c].push_back(s);
        }
    }
    return labels;
}

std::string format_label(const std::vector<LabelTerm>& terms) {
    std::string out;
    for (std::size_t i = 0; i < terms.size(); ++i) out += (i ? ", " : "") + terms[i].term;
    return out;
}

std::string paper_label_text(const graph::LoadResult& loaded, const std::string& paper_id) {
    if (auto v = loaded.graph.find(graph::NodeKind::Paper, paper_id)) {
        std::string text = paper_own_text(loaded.graph[*v].paper());
        if (!text.empty()) return text;
    }
    if (auto it = loaded.citations.metadata.find(paper_id); it != loaded.citations.metadata.end())
        return it->second.title + "\n" + it->second.abstract;
    return {};
}

std::vector<std::string> label_paper_clusters(const graph::LoadResult& loaded, const std::vector<std::string>& paper_ids,
                                              std::span<const std::uint32_t> membership, const ClusterLabelOptions& options) {
    if (paper_ids.size() != membership.size()) throw std::invalid_argument("label_paper_clusters: paper_ids and membership must have the same size");
    std::vector<std::vector<std::string>> terms;
    terms.reserve(paper_ids.size());
    for (const auto& id : paper_ids) terms.push_back(index_terms(paper_label_text(loaded, id)));
    std::vector<std::string> out;
    for (const auto& label : cluster_labels(terms, membership, options)) out.push_back(format_label(label));
    return out;
}

std::vector<std::string> label_projection_clusters(const graph::LoadResult& loaded, const Projection& projection,
                                                   std::span<const std::uint32_t> membership, const ClusterLabelOptions& options) {
    const std::uint32_t n = projection.csr.num_vertices();
    if (membership.size() != n) throw std::invalid_argument("label_projection_clusters: one membership entry per projection vertex");
    std::vector<std::vector<std::string>> item_terms(n);
    std::vector<std::uint32_t> label_membership(n, kNoCluster);
    std::uint32_t k = 0;
    for (std::uint32_t v = 0; v < n; ++v) {
        k = std::max(k, membership[v] + 1);
        if (!projection.is_paper[v]) continue;
        item_terms[v] = index_terms(paper_label_text(loaded, projection.csr.id(v)));
        label_membership[v] = membership[v];
    }
    std::vector<std::string> out(k);
    const auto labels = cluster_labels(item_terms, label_membership, options);
    for (std::size_t c = 0; c < labels.size(); ++c) out[c] = format_label(labels[c]);
    return out;
}

}  // namespace citegraph::analysis
