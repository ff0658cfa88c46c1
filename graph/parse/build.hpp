#pragma once
// Turns parsed digests into graph nodes and edges, then resolves paper names mentioned in
// gaps, ideas and reflections once every input's names are known.
#include "graph/diagnostics.hpp"
#include "graph/model.hpp"
#include "graph/parse/digest.hpp"

#include <string>
#include <vector>

namespace citegraph::graph {

// A name mention that could not be turned into an edge.
struct NameFinding {
    enum class Kind { Ambiguous, Unresolved };
    Kind kind = Kind::Unresolved;
    std::string name;
    std::vector<std::string> candidates;  // paper ids, for ambiguous names
    Provenance where;
};

// A name that several papers use in their own entries, with the papers.
struct SharedName {
    std::string name;
    std::vector<std::string> papers;
    bool within_one_file = true;  // false: each input uses the name for one paper only
};

struct NameReport {
    std::vector<NameFinding> findings;
    std::vector<SharedName> shared;  // names on two or more ids (not counting declared aliases)
    std::size_t resolved_mentions = 0;
};

// Gap and idea keys: "<month or file stem>/gap-<n>", 1-based.
std::string gap_key(const ParsedDigest& digest, std::size_t index);
std::string idea_key(const ParsedDigest& digest, std::size_t index);

// The key gap (idea) `index` of `digest` has in `kg`: gap_key (idea_key), unless another input
// of the same month (or file stem) came first and holds those keys; then every gap (idea) of
// this digest gets "<gap_key>@<digest path>", so both inputs keep all their gaps and ideas.
// Look gaps and ideas up with these, not with gap_key / idea_key.
std::string gap_key_in(const KnowledgeGraph& kg, const ParsedDigest& digest, std::size_t index);
std::string idea_key_in(const KnowledgeGraph& kg, const ParsedDigest& digest, std::size_t index);

// Adds one digest's papers, topics, gaps and ideas, and its id-evidenced edges.
void add_digest(const ParsedDigest& digest, KnowledgeGraph& kg);

// Extracts paper names from their entries, then links every unambiguous name mention in
// the digests' gaps (mentions, evidence name) and ideas (builds_on, evidence name), and
// counts reflection mentions. Names that other papers' entries also use are treated as
// vocabulary, not names.
NameReport resolve_names(const std::vector<ParsedDigest>& digests, KnowledgeGraph& kg);

}  // namespace citegraph::graph
