#pragma once
// Paper short names: how a digest refers to a paper without its id ("BitNet", "Jamba",
// "Layer-Condensed KV Cache").
//
// A name is read from the start of the paper's own entries: the tree description ("BitNet
// giới thiệu ...", "Đề xuất Jamba, ..."), the contribution title ("FP8 Precision Decoupling
// ...", "KAN: ..."), the reading-list label ("KAN (Kolmogorov-Arnold Networks)") and the SOTA
// breakthrough cell ("Chameleon: ..."). The rule is structural: a run of capitalised tokens
// at the start of the text (after an optional "proposes"/"introduces" verb), ended by a
// lowercase word or punctuation; a parenthesised acronym or capitalised phrase right after
// the run is an alias. A run of one plain capitalised word ("Quy", "Atom") is kept only when
// punctuation or a predicate verb follows it, because Vietnamese sentences also start with a
// capital.
#include <string>
#include <string_view>
#include <vector>

namespace citegraph::graph::names {

enum class EntryKind { TreeDescription, ContributionTitle, ReadingLabel, SotaBreakthrough };

// Candidate names (most specific first) from the start of a markup-free entry text.
std::vector<std::string> extract_names(std::string_view plain, EntryKind kind);

struct NameMatch {
    std::size_t offset = 0;
    std::size_t length = 0;
};

// Occurrences of `name` in `text` as a whole word; a trailing plural "s" is allowed when the
// name ends in a capital letter ("KANs" for "KAN"). Case-sensitive.
std::vector<NameMatch> find_name(std::string_view text, std::string_view name);

// Name-like items of parenthesised comma lists, "(BitNet, FP8, VeRA)", "(PROMETHEUS,
// JudgeLM)": the words a gap uses to cite papers without ids. Items with an id, lowercase
// items and long phrases are skipped.
std::vector<std::string> listed_names(std::string_view text);

}  // namespace citegraph::graph::names
