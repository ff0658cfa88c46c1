#pragma once
// Consistency findings over a loaded graph (the `lint` command).
//
// Checks, with their codes and severities:
//   L-ID-TWO-PAPERS  error    one id whose entries describe two different papers: two entries
//                             give disjoint names, neither name appears in the other entry, and
//                             their texts share almost no terms (Jaccard < 0.1)
//   L-NAME-TWO-IDS   error    one short name used by two ids (ids declared "also" excepted)
//   L-DUP-ENTRY      warning  the exact same entry twice (contribution, tree leaf, reading item)
//   L-OUTSIDE-TREE   warning  an id a digest mentions but its TOPIC_TREE does not classify
//   L-EMPTY-TOPIC    warning  a topic with no paper anywhere below it
//   L-MALFORMED-ID   error    an id-shaped token that is not a valid arXiv id
//   L-AMBIGUOUS-NAME warning  a mention of a name several papers use
//   L-UNRESOLVED-NAME warning a listed name no paper of the inputs carries
//   L-CONFLICT       warning  inputs disagree on a value the graph keeps once: an id given with
//                             two versions (the first is kept), a citation given twice with
//                             different weights (the largest is kept); every source is listed
//   L-DUP-EDGE       warning  the same citation (citing -> cited) given more than once
//   L-SELF-CITE      warning  a paper that cites itself (kept as a self-loop)
//   L-ORPHAN-METADATA warning metadata records whose paper no input cites or mentions (they
//                             are not graph nodes); one finding per run, counted, first 5 ids
//   L-UNKNOWN-PAPER  warning  with metadata loaded: papers of an edge list's citations without a
//                             record; one finding per edge-list file, counted, first 5 ids
#include "graph/load.hpp"

#include <string>
#include <vector>

namespace citegraph::analysis {

struct LintFinding {
    graph::Severity severity = graph::Severity::Warning;
    std::string code;
    std::string message;
    graph::Provenance where;
    std::vector<std::string> papers;  // ids concerned
};

struct LintResult {
    std::vector<LintFinding> findings;  // sorted by file, line, code
    std::size_t errors() const;
    std::size_t warnings() const;
};

LintResult lint(const graph::LoadResult& loaded);

}  // namespace citegraph::analysis
