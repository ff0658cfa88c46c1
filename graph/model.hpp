#pragma once
// The typed knowledge graph: papers, topics, gaps and ideas with typed, provenanced edges.
//
// Storage is a Boost.Graph adjacency_list (vecS, vecS, bidirectionalS) with bundled
// properties, plus an index from (kind, key) to vertex so that several inputs merge:
// papers by normalized arXiv id, topics by normalized path, gaps and ideas by their key.
// Heavy analytics never run on this structure; they build a CSR projection from it.
#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

namespace citegraph::graph {

enum class NodeKind { Paper, Topic, Gap, Idea };
enum class EdgeKind { SubtopicOf, ClassifiedAs, Mentions, BuildsOn, Cites, RelatedTo, Addresses, SuggestedTopic };
enum class Evidence { Id, Name, Inferred };

inline constexpr NodeKind kAllNodeKinds[] = {NodeKind::Paper, NodeKind::Topic, NodeKind::Gap, NodeKind::Idea};
inline constexpr EdgeKind kAllEdgeKinds[] = {EdgeKind::SubtopicOf, EdgeKind::ClassifiedAs, EdgeKind::Mentions,
                                             EdgeKind::BuildsOn,   EdgeKind::Cites,        EdgeKind::RelatedTo,
                                             EdgeKind::Addresses,  EdgeKind::SuggestedTopic};

std::string_view to_string(NodeKind kind);   // "paper", "topic", "gap", "idea"
std::string_view to_string(EdgeKind kind);   // "subtopic_of", "classified_as", ...
std::string_view to_string(Evidence evidence);  // "id", "name", "inferred"
std::optional<NodeKind> node_kind_from_string(std::string_view text);
std::optional<EdgeKind> edge_kind_from_string(std::string_view text);
std::optional<Evidence> evidence_from_string(std::string_view text);

// Where something was seen: input file, 1-based line, digest section (empty outside a digest).
struct Provenance {
    std::string file;
    int line = 0;
    std::string section;
    bool operator==(const Provenance&) const = default;
};

// ---- per-kind node attributes -------------------------------------------------------------

struct PaperName {
    std::string text;    // "KAN", "Layer-Condensed KV Cache"
    std::string source;  // "tree", "contribution", "reading_list", "sota"
    Provenance where;
};

struct TreeEntry {  // a leaf of the topic tree
    std::string topic_path;
    std::string description;
    Provenance where;
};

struct SotaEntry {
    int rank = 0;
    std::string keywords;      // as written, comma separated
    std::string breakthrough;  // "Đột phá"
    std::string impact;        // "Ảnh hưởng"
    Provenance where;
};

struct Contribution {
    std::string title;
    std::string text;     // explanation after the title, when the layout has one
    std::string comment;  // the author's remark ("Suy nghĩ")
    Provenance where;
};

struct ReadingEntry {
    int position = 0;  // 1-based position in the reading list
    std::string label;   // "KAN (Kolmogorov-Arnold Networks)" or a full title
    std::string reason;
    Provenance where;
};

struct PaperProps {
    std::string version;  // "v2" when an input gave a versioned id
    std::vector<PaperName> names;
    std::vector<TreeEntry> tree_entries;
    std::vector<SotaEntry> sota;
    std::vector<Contribution> contributions;
    std::vector<ReadingEntry> reading;
    std::vector<std::string> months;                  // digest months that mention the paper
    std::map<std::string, int> mentions_per_section;  // section -> mentions (by id, or by name on a line without the id)
    std::vector<std::string> same_as;  // other ids a digest gives for this same paper ("A (also B)")
    // citation data
    std::string title;
    std::string abstract;
    std::string date;
};

struct TopicProps {
    std::string name;  // as written, markup removed
    std::string path;  // "Natural Language Processing (NLP) > Large Language Models (LLMs)"
    int depth = 0;     // 0 for a root topic
    std::vector<std::string> notes;  // parenthesised bullets under the topic
};

struct GapProps {
    std::string title;
    std::string text;
    std::vector<std::string> sub_points;
    std::string month;
};

struct IdeaProps {
    std::string title;
    std::string tag;  // "Moon-shot", "Feasible, Interdisciplinary", ... when the title carries one
    std::string motivation;
    std::string novelty;
    std::string approach;
    std::string data_metrics;
    std::string risk;
    std::vector<std::pair<std::string, std::string>> other_fields;  // label -> text
    std::string month;
};

struct NodeProps {
    NodeKind kind = NodeKind::Paper;
    std::string key;    // paper id, normalized topic path, gap key or idea key
    std::string label;  // short display label: paper name (else id), topic name, gap/idea title
    std::vector<Provenance> seen;  // every place the node was seen, in input order
    std::variant<PaperProps, TopicProps, GapProps, IdeaProps> attrs;

    PaperProps& paper() { return std::get<PaperProps>(attrs); }
    const PaperProps& paper() const { return std::get<PaperProps>(attrs); }
    TopicProps& topic() { return std::get<TopicProps>(attrs); }
    const TopicProps& topic() const { return std::get<TopicProps>(attrs); }
    GapProps& gap() { return std::get<GapProps>(attrs); }
    const GapProps& gap() const { return std::get<GapProps>(attrs); }
    IdeaProps& idea() { return std::get<IdeaProps>(attrs); }
    const IdeaProps& idea() const { return std::get<IdeaProps>(attrs); }
};

struct EdgeProps {
    EdgeKind kind = EdgeKind::Mentions;
    Evidence evidence = Evidence::Id;
    double score = 1.0;        // 1 for explicit evidence; similarity for inferred edges
    std::string matched_text;  // the name or terms that made the link
    std::vector<Provenance> seen;  // every place the link was made
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeProps, EdgeProps>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

// Normalized topic key for a path of names: case-folded ASCII, markup and runs of spaces
// removed, components joined by '/'. Two digests that spell a path the same way merge.
std::string topic_key(const std::vector<std::string>& path_names);

class KnowledgeGraph {
public:
    // Returns the vertex for (kind, key), creating it with default attributes if absent.
    Vertex ensure(NodeKind kind, const std::string& key);
    std::optional<Vertex> find(NodeKind kind, std::string_view key) const;

    // Adds an edge or, when an edge of the same kind already joins u and v, merges into it:
    // the stronger evidence (id > name > inferred) and the higher score win, and the
    // provenance is appended. Returns the edge and whether it is new.
    std::pair<Edge, bool> link(Vertex from, Vertex to, EdgeProps props);

    std::optional<Edge> find_edge(Vertex from, Vertex to, EdgeKind kind) const;

    Graph& g() { return graph_; }
    const Graph& g() const { return graph_; }
    NodeProps& operator[](Vertex v) { return graph_[v]; }
    const NodeProps& operator[](Vertex v) const { return graph_[v]; }
    EdgeProps& operator[](Edge e) { return graph_[e]; }
    const EdgeProps& operator[](Edge e) const { return graph_[e]; }

    std::size_t node_count() const { return boost::num_vertices(graph_); }
    std::size_t edge_count() const { return boost::num_edges(graph_); }
    std::size_t count(NodeKind kind) const;
    std::size_t count(EdgeKind kind) const;
    std::size_t count(EdgeKind kind, Evidence evidence) const;

    // Vertices of one kind, in creation order (deterministic).
    std::vector<Vertex> vertices(NodeKind kind) const;

private:
    static std::string index_key(NodeKind kind, std::string_view key);
    Graph graph_;
    std::unordered_map<std::string, Vertex> index_;
};

}  // namespace citegraph::graph
