#pragma once
// One entry point per input format, shared by the libFuzzer targets (fuzz/*_fuzzer.cpp, built
// with clang and -fsanitize=fuzzer) and the regression test (tests/regression/, built with the
// normal compiler), so a crash found by a fuzzer replays through exactly the same code.
//
// Each entry does what `citegraph export` does with one input of that format: load it (parse,
// build the typed graph, merge citation data, resolve names), and when the load has no input
// error, run lint and write every export format to a null stream (the node-link JSON and, as
// `export --format` does, GraphML, GEXF, Cytoscape.js, neo4j CSV, Pajek, VOSviewer and DOT). Input errors are the expected
// outcome for most fuzz inputs; they are not failures.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace citegraph::fuzz {

// The formats with a parser: "digest", "edges" (edge lists), "jsonl" (paper metadata, loaded
// together with a small fixed edge list so that records attach to paper nodes).
// citegraph node-link JSON and OpenAlex have no reader yet: no entry for them.
const std::vector<std::string>& formats();

struct EntryOutcome {
    bool loaded = false;            // the load had no input error (lint and export ran)
    std::size_t diagnostics = 0;    // how many the load reported
    std::size_t lint_findings = 0;
    std::size_t export_bytes = 0;   // bytes written by all exports together
    // Every diagnostic rendered, so a caller can check each is well formed.
    std::vector<std::string> rendered;
};

// Runs one input through the entry of `format`. Throws std::invalid_argument for an unknown
// format; anything else escaping is a bug (the fuzzer reports it as a crash).
// Inputs that need a file on disk (edge lists and metadata are read through zlib from a path)
// are written to a private temporary directory (one per process, removed at exit; $TMPDIR).
// Not thread-safe: one call at a time.
EntryOutcome run_entry(std::string_view format, const std::uint8_t* data, std::size_t size);

}  // namespace citegraph::fuzz
