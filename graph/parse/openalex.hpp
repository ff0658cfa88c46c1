#pragma once
// OpenAlex works in JSON lines (one Work object per line, as the OpenAlex API and snapshot give
// them): https://docs.openalex.org/api-entities/works/work-object
//
// Read per work: `id` (https://openalex.org/W... or a bare W...), `doi` (an arXiv DOI,
// 10.48550/arXiv.<id>, makes the arXiv id the paper's key, so OpenAlex data merges with
// digests), `title` (else `display_name`), `publication_date` (else `publication_year`),
// `authorships[].author.display_name`, `abstract_inverted_index` (rebuilt into text: each word
// at its positions), `referenced_works` (citing -> cited edges) and `topics` (with their
// subfield, field and domain: a topic tree) or, for works without topics, level-0/1 `concepts`.
// Missing or mistyped fields are skipped with a warning; a line that is not a JSON object
// with an id is skipped with a warning. References to works that are not in the file are kept
// as papers without metadata, counted and reported (N-OPENALEX-DANGLING).
#include "graph/diagnostics.hpp"
#include "graph/parse/citations.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace citegraph::graph {

// A node of OpenAlex's classification: a domain, field, subfield or topic (or a concept).
struct OpenAlexTopic {
    std::string key;     // "openalex:T10036", "openalex:fields/17", "openalex:C154945302"
    std::string name;    // display_name
    std::string parent;  // key of the parent ("" for a domain or a concept)
    int depth = 0;       // 0 domain, 1 field, 2 subfield, 3 topic; concepts: 0
};

struct OpenAlexAssignment {
    std::uint32_t work = 0;   // vertex in CitationData
    std::uint32_t topic = 0;  // index into OpenAlexData::topics
    double score = 0.0;       // OpenAlex's score for the work's topic
    std::uint32_t line = 0;
};

struct OpenAlexData {
    std::vector<OpenAlexTopic> topics;  // distinct; a parent always comes before its children
    std::vector<OpenAlexAssignment> assignments;
    std::size_t works = 0;                // work records read (duplicates included)
    std::size_t duplicate_works = 0;      // records of a work already read (merged into the first)
    std::size_t dangling_works = 0;       // referenced works without a record in the file
    std::size_t dangling_references = 0;  // edges to those works
    std::size_t skipped_lines = 0;
};

// Reads `path` (plain or .gz) into `data` (ids, edges with their lines, metadata) and
// `openalex` (topics). Returns the number of work records read.
std::size_t read_openalex_works(const std::string& path, CitationData& data, OpenAlexData& openalex,
                                DiagnosticSink& sink, const EdgeListOptions& options = {});

// "https://openalex.org/W123" -> "W123"; a bare "W123" stays; anything else -> "".
std::string openalex_short_id(std::string_view id);

// True when `first_line` looks like an OpenAlex work: a JSON object whose "id" is an
// openalex.org URL or that has "referenced_works" or "abstract_inverted_index".
bool looks_like_openalex(std::string_view first_line);

}  // namespace citegraph::graph
