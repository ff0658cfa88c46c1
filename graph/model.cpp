#include "graph/model.hpp"

#include <algorithm>
#include <cctype>

namespace citegraph::graph {

std::string_view to_string(NodeKind kind) {
    switch (kind) {
        case NodeKind::Paper: return "paper";
        case NodeKind::Topic: return "topic";
        case NodeKind::Gap: return "gap";
        case NodeKind::Idea: return "idea";
    }
    return "paper";
}

std::string_view to_string(EdgeKind kind) {
    switch (kind) {
        case EdgeKind::SubtopicOf: return "subtopic_of";
        case EdgeKind::ClassifiedAs: return "classified_as";
        case EdgeKind::Mentions: return "mentions";
        case EdgeKind::BuildsOn: return "builds_on";
        case EdgeKind::Cites: return "cites";
        case EdgeKind::RelatedTo: return "related_to";
        case EdgeKind::Addresses: return "addresses";
        case EdgeKind::SuggestedTopic: return "suggested_topic";
    }
    return "mentions";
}

std::string_view to_string(Evidence evidence) {
    switch (evidence) {
        case Evidence::Id: return "id";
        case Evidence::Name: return "name";
        case Evidence::Inferred: return "inferred";
    }
    return "id";
}

std::optional<NodeKind> node_kind_from_string(std::string_view text) {
    for (NodeKind k : kAllNodeKinds)
        if (to_string(k) == text) return k;
    return std::nullopt;
}

std::optional<EdgeKind> edge_kind_from_string(std::string_view text) {
    for (EdgeKind k : kAllEdgeKinds)
        if (to_string(k) == text) return k;
    return std::nullopt;
}

std::optional<Evidence> evidence_from_string(std::string_view text) {
    for (Evidence e : {Evidence::Id, Evidence::Name, Evidence::Inferred})
        if (to_string(e) == text) return e;
    return std::nullopt;
}

std::string topic_key(const std::vector<std::string>& path_names) {
    std::string key;
    for (std::size_t i = 0; i < path_names.size(); ++i) {
        if (i > 0) key += '/';
        bool pending_space = false;
        bool any = false;
        for (char c : path_names[i]) {
            // Markup and separators do not distinguish topics; '/' inside a name would
            // collide with the path separator, so it folds to a space as well.
            if (c == '*' || c == '`' || c == '_') continue;
            if (c == ' ' || c == '\t' || c == '/') {
                pending_space = any;
                continue;
            }
            if (pending_space) key += ' ';
            pending_space = false;
            any = true;
            key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return key;
}

std::string KnowledgeGraph::index_key(NodeKind kind, std::string_view key) {
    std::string k(to_string(kind));
    k += '\x1f';
    k += key;
    return k;
}

Vertex KnowledgeGraph::ensure(NodeKind kind, const std::string& key) {
    const std::string ik = index_key(kind, key);
    if (auto it = index_.find(ik); it != index_.end()) return it->second;
    NodeProps props;
    props.kind = kind;
    props.key = key;
    props.label = key;
    switch (kind) {
        case NodeKind::Paper: props.attrs = PaperProps{}; break;
        case NodeKind::Topic: props.attrs = TopicProps{}; break;
        case NodeKind::Gap: props.attrs = GapProps{}; break;
        case NodeKind::Idea: props.attrs = IdeaProps{}; break;
    }
    const Vertex v = boost::add_vertex(std::move(props), graph_);
    index_.emplace(ik, v);
    return v;
}

std::optional<Vertex> KnowledgeGraph::find(NodeKind kind, std::string_view key) const {
    if (auto it = index_.find(index_key(kind, key)); it != index_.end()) return it->second;
    return std::nullopt;
}

std::optional<Edge> KnowledgeGraph::find_edge(Vertex from, Vertex to, EdgeKind kind) const {
    for (auto [it, end] = boost::out_edges(from, graph_); it != end; ++it)
        if (boost::target(*it, graph_) == to && graph_[*it].kind == kind) return *it;
    return std::nullopt;
}

std::pair<Edge, bool> KnowledgeGraph::link(Vertex from, Vertex to, EdgeProps props) {
    if (auto existing = find_edge(from, to, props.kind)) {
        EdgeProps& e = graph_[*existing];
        // Evidence enum order is strongest first.
        if (static_cast<int>(props.evidence) < static_cast<int>(e.evidence)) {
            e.evidence = props.evidence;
            e.matched_text = props.matched_text;
        }
        e.score = std::max(e.score, props.score);
        for (auto& p : props.seen)
            if (std::find(e.seen.begin(), e.seen.end(), p) == e.seen.end()) e.seen.push_back(std::move(p));
        return {*existing, false};
    }
    return {boost::add_edge(from, to, std::move(props), graph_).first, true};
}

std::size_t KnowledgeGraph::count(NodeKind kind) const {
    std::size_t n = 0;
    for (auto [it, end] = boost::vertices(graph_); it != end; ++it) n += graph_[*it].kind == kind;
    return n;
}

std::size_t KnowledgeGraph::count(EdgeKind kind) const {
    std::size_t n = 0;
    for (auto [it, end] = boost::edges(graph_); it != end; ++it) n += graph_[*it].kind == kind;
    return n;
}

std::size_t KnowledgeGraph::count(EdgeKind kind, Evidence evidence) const {
    std::size_t n = 0;
    for (auto [it, end] = boost::edges(graph_); it != end; ++it)
        n += graph_[*it].kind == kind && graph_[*it].evidence == evidence;
    return n;
}

std::vector<Vertex> KnowledgeGraph::vertices(NodeKind kind) const {
    std::vector<Vertex> out;
    for (auto [it, end] = boost::vertices(graph_); it != end; ++it)
        if (graph_[*it].kind == kind) out.push_back(*it);
    return out;
}

}  // namespace citegraph::graph
