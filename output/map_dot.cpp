#include "output/map_dot.hpp"

#include "output/escape.hpp"

#include <cstdint>
#include <ostream>
#include <stdexcept>
#include <unordered_set>

namespace citegraph::output {
namespace {

bool is_identifier(std::string_view key) {
    if (key.empty() || !((key[0] >= 'a' && key[0] <= 'z') || key[0] == '_')) return false;
    for (char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

void write_attrs(std::ostream& os, const DotAttrs& attrs) {
    bool first = true;
    for (const auto& a : attrs) {
        if (!is_identifier(a.key)) throw std::invalid_argument("map DOT: attribute key is not an identifier: " + json_string(a.key));
        os << (first ? "" : ", ") << a.key << '=';
        if (a.html)
            os << '<' << a.value << '>';
        else
            os << dot_quote(a.value);
        first = false;
    }
}

void write_cluster(std::ostream& os, const MapCluster& c, int depth, const std::unordered_set<std::string>& nodes) {
    const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
    os << indent << "subgraph " << dot_quote("cluster_" + c.name) << " {\n";
    if (!c.attrs.empty()) {
        os << indent << "  graph [";
        write_attrs(os, c.attrs);
        os << "];\n";
    }
    for (const auto& child : c.children) write_cluster(os, child, depth + 1, nodes);
    for (const auto& id : c.node_ids) {
        if (!nodes.count(id)) throw std::invalid_argument("map DOT: cluster member is not a node: " + json_string(id));
        os << indent << "  " << dot_quote(id) << ";\n";
    }
    os << indent << "}\n";
}

// Code points of well-formed UTF-8 (the input went through sanitize_utf8 first).
std::vector<std::string_view> code_points(std::string_view s) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<std::uint8_t>(s[i]);
        const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        out.push_back(s.substr(i, len));
        i += len;
    }
    return out;
}

char32_t decode(std::string_view cp) {
    const auto b = [&](std::size_t i) { return static_cast<char32_t>(static_cast<std::uint8_t>(cp[i])); };
    switch (cp.size()) {
        case 1: return b(0);
        case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
        case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
        default: return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    }
}

// Code points that belong to the character before them: a cut must not fall just before one.
bool extends_previous(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) || (c >= 0xFE00 && c <= 0xFE0F) ||
           (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F) || c == 0x200D;
}

bool is_space(std::string_view cp) { return cp.size() == 1 && (cp[0] == ' ' || cp[0] == '\t' || cp[0] == '\n' || cp[0] == '\r' || cp[0] == '\f' || cp[0] == '\v'); }

// Whitespace runs -> one space, trimmed; split into code points.
std::vector<std::string_view> collapsed(const std::string& clean) {
    std::vector<std::string_view> out;
    for (auto cp : code_points(clean)) {
        if (is_space(cp)) {
            if (!out.empty() && out.back() != " ") out.push_back(" ");
        } else {
            out.push_back(cp);
        }
    }
    while (!out.empty() && out.back() == " ") out.pop_back();
    return out;
}

}  // namespace

void write_map_dot(std::ostream& os, const MapDocument& doc) {
    std::unordered_set<std::string> node_ids;
    for (const auto& n : doc.nodes)
        if (!node_ids.insert(n.id).second) throw std::invalid_argument("map DOT: node declared twice: " + json_string(n.id));
    os << "digraph " << dot_quote(doc.name) << " {\n";
    const auto defaults = [&](const char* what, const DotAttrs& attrs) {
        if (attrs.empty()) return;
        os << "  " << what << " [";
        write_attrs(os, attrs);
        os << "];\n";
    };
    defaults("graph", doc.graph_attrs);
    defaults("node", doc.node_defaults);
    defaults("edge", doc.edge_defaults);
    for (const auto& c : doc.clusters) write_cluster(os, c, 1, node_ids);
    for (const auto& n : doc.nodes) {
        os << "  " << dot_quote(n.id);
        if (!n.attrs.empty()) {
            os << " [";
            write_attrs(os, n.attrs);
            os << ']';
        }
        os << ";\n";
    }
    for (const auto& e : doc.edges) {
        if (!node_ids.count(e.from) || !node_ids.count(e.to))
            throw std::invalid_argument("map DOT: edge end is not a node: " + json_string(e.from) + " -> " + json_string(e.to));
        os << "  " << dot_quote(e.from) << " -> " << dot_quote(e.to);
        if (!e.attrs.empty()) {
            os << " [";
            write_attrs(os, e.attrs);
            os << ']';
        }
        os << ";\n";
    }
    os << "}\n";
}

std::string short_label(std::string_view text, std::size_t max_chars) {
    if (max_chars < 2) throw std::invalid_argument("short_label: max_chars must be >= 2");
    const std::string clean = sanitize_utf8(text);
    const auto cps = collapsed(clean);
    std::string out;
    if (cps.size() <= max_chars) {
        for (auto cp : cps) out += cp;
        return out;
    }
    // Keep max_chars - 1 code points and the ellipsis; move the cut back to the last space
    // when that loses at most a third, and never leave combining marks behind the cut.
    std::size_t keep = max_chars - 1;
    for (std::size_t i = keep; i > keep - keep / 3 && i > 0; --i) {
        if (cps[i] == " ") {
            keep = i;
            break;
        }
    }
    while (keep > 0 && keep < cps.size() && extends_previous(decode(cps[keep]))) --keep;
    // A dangling zero-width joiner would glue the ellipsis to the emoji before it.
    while (keep > 0 && decode(cps[keep - 1]) == 0x200D) --keep;
    while (keep > 0 && cps[keep - 1] == " ") --keep;
    for (std::size_t i = 0; i < keep; ++i) out += cps[i];
    return out + "\u2026";
}

std::string wrap_label(std::string_view text, std::size_t width) {
    const std::string clean = sanitize_utf8(text);
    const auto cps = collapsed(clean);
    std::string out;
    std::size_t line = 0;  // code points on the current line
    std::size_t i = 0;
    while (i < cps.size()) {
        std::size_t j = i;
        while (j < cps.size() && cps[j] != " ") ++j;
        const std::size_t word = j - i;
        if (line > 0 && line + 1 + word > width) {
            out += '\n';
            line = 0;
        } else if (line > 0) {
            out += ' ';
            ++line;
        }
        for (std::size_t k = i; k < j; ++k) out += cps[k];
        line += word;
        i = j + 1;
    }
    return out;
}

}  // namespace citegraph::output
