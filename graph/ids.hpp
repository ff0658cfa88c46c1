#pragma once
// arXiv identifiers: recognition in free text and normalization.
//
// New-style ids are `YYMM.NNNN` (2007-04 .. 2014-12) or `YYMM.NNNNN` (from 2015-01), with an
// optional `vN` version; old-style ids are `archive[.SC]/YYMMNNN` (e.g. `hep-th/9901001`).
// The normalized id drops backticks, an `arXiv:` prefix and the version; the version is kept
// separately. Reference: arXiv identifier scheme, https://info.arxiv.org/help/arxiv_identifier.html
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace citegraph::graph {

struct ArxivId {
    std::string id;       // normalized, e.g. "2405.10300" or "hep-th/9901001"
    std::string version;  // "v2", or empty
};

// Parses one whole token (backticks and `arXiv:` allowed around it). Returns nothing when the
// token is not shaped like an id or names an impossible month or number width.
std::optional<ArxivId> parse_arxiv_id(std::string_view token);

struct IdMatch {
    std::size_t offset = 0;  // byte offset of the match in the scanned text
    std::size_t length = 0;
    std::string raw;         // the matched text
    std::optional<ArxivId> id;  // empty when id-shaped but malformed (e.g. month 13)
};

// Every id-shaped token in `text`, left to right. Malformed ones are returned with `id` empty
// so callers can report them. O(n) in the text length.
std::vector<IdMatch> find_arxiv_ids(std::string_view text);

}  // namespace citegraph::graph
