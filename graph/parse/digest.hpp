#pragma once
// The research-digest parser: seven numbered sections (TOPIC_TREE, SOTA_HIGHLIGHTS,
// NOVEL_TECH_CONTRIBUTIONS, GAPS_AND_OPPORTUNITIES, FUTURE_IDEAS, READING_LIST,
// META_REFLECTION) written as markdown by people and language models.
//
// The parser is driven by structure, not by the three sample files: headings are found by
// their section keyword whatever the numbering (1., I., ##), suffix or emphasis; lists by
// indentation and any bullet marker (* - + · •, numbers); code fences are transparent; ids
// are found anywhere in any line. It never throws on content: problems become diagnostics
// and the parser returns what it recovered.
#include "graph/diagnostics.hpp"
#include "graph/ids.hpp"
#include "graph/parse/source.hpp"

#include <optional>
#include <string>
#include <vector>

namespace citegraph::graph {

enum class Section { TopicTree, SotaHighlights, Contributions, Gaps, Ideas, ReadingList, Reflection };
inline constexpr int kSectionCount = 7;
std::string_view to_string(Section section);  // "TOPIC_TREE", ...

// A piece of prose with the line it came from (markup removed).
struct TextLine {
    int line = 0;
    std::string text;
};

struct IdOccurrence {
    ArxivId id;
    int line = 0;
    int column = 0;
    std::optional<Section> section;  // empty outside any section (preamble)
};

struct DigestTopic {
    std::string name;
    std::vector<std::string> path;  // names from the root down to this topic
    int parent = -1;                // index into ParsedDigest::topics, -1 for a root
    int line = 0;
    std::vector<std::string> notes;
};

struct DigestLeaf {
    std::vector<ArxivId> ids;  // usually one; "`A` (also `B`)" gives two
    int topic = -1;            // index into topics; -1 when the leaf has no topic above it
    std::string description;
    int line = 0;
};

struct DigestHighlight {
    ArxivId id;
    int rank = 0;
    std::string keywords, breakthrough, impact;
    int line = 0;
};

struct DigestContribution {
    ArxivId id;
    std::string title, text, comment;
    std::string raw;  // whitespace-normalized source text, to find exact duplicates
    int line = 0;
};

struct DigestGap {
    std::string title;
    std::string text;
    std::vector<std::string> sub_points;
    std::vector<TextLine> lines;  // every line of the gap, for name mentions
    std::vector<IdOccurrence> ids;
    int line = 0;
};

struct DigestIdea {
    std::string title, tag;
    std::string motivation, novelty, approach, data_metrics, risk;
    std::vector<std::pair<std::string, std::string>> other_fields;
    std::vector<TextLine> lines;
    std::vector<IdOccurrence> ids;
    int line = 0;
};

struct DigestReading {
    ArxivId id;
    int position = 0;
    std::string label, reason;
    int line = 0;
};

struct ParsedDigest {
    std::string path;
    std::string month;  // "2024-05" from the file name or the text; empty when unknown
    std::vector<Section> sections;  // in the order they appear
    std::vector<std::pair<int, Section>> headings;  // line of every heading, repeated ones included
    std::vector<DigestTopic> topics;
    std::vector<DigestLeaf> leaves;
    std::vector<DigestHighlight> highlights;
    std::vector<DigestContribution> contributions;
    std::vector<DigestGap> gaps;
    std::vector<DigestIdea> ideas;
    std::vector<DigestReading> reading;
    std::vector<TextLine> reflection;
    std::vector<IdOccurrence> ids;  // every well-formed id occurrence in the file
};

// True when the text has at least one section heading (used to tell digests from other text).
bool looks_like_digest(const SourceText& source);

// The section that line `line` of a parsed digest belongs to, if any (preamble: none).
std::optional<Section> section_at(const ParsedDigest& digest, int line);

// Parses a digest. Reports E-NOT-DIGEST when no section heading is found, W-MISSING-SECTION
// for each absent section, W-DUP-HEADING, W-MALFORMED-ID, W-TABLE-ROW, W-NO-ID and friends.
ParsedDigest parse_digest(const SourceText& source, DiagnosticSink& sink);

}  // namespace citegraph::graph
