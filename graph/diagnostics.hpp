#pragma once
// Diagnostics: what a parser reports instead of throwing on bad content.
// A diagnostic keeps a file, a 1-based line and a 1-based column (in bytes), a stable
// code and a message; it renders as `file:line:col: error[CODE]: message`.
#include <cstddef>
#include <string>
#include <vector>

namespace citegraph::graph {

enum class Severity { Note, Warning, Error };

std::string_view to_string(Severity severity);

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string code;  // stable, e.g. "E-EMPTY", "W-DUP-HEADING"
    std::string file;
    int line = 0;  // 1-based; 0 when the finding is about the whole file
    int column = 0;  // 1-based byte column; 0 when not applicable
    std::string message;
};

// `file:line:col: error[CODE]: message` (line and column omitted when 0).
std::string format(const Diagnostic& diagnostic);

// Collects diagnostics in the order they were reported.
//
// Error limit (`--max-errors`): after `max_errors` errors the sink adds one more error,
// E-TOO-MANY-ERRORS "too many errors (more than N), stopping", drops every later error and
// says so through stopped(); loaders check it to stop reading further input. Warnings and
// notes are never dropped (lint reads some of them back). 0 means no limit.
class DiagnosticSink {
public:
    static constexpr std::size_t kDefaultMaxErrors = 100;

    void set_max_errors(std::size_t max_errors) { max_errors_ = max_errors; }
    std::size_t max_errors() const { return max_errors_; }
    // True once the error limit was hit: further input should not be read.
    bool stopped() const { return stopped_; }
    // Errors reported after the limit and not kept.
    std::size_t dropped_errors() const { return dropped_errors_; }

    void report(Diagnostic diagnostic);
    void error(std::string code, std::string file, int line, int column, std::string message);
    void warning(std::string code, std::string file, int line, int column, std::string message);
    void note(std::string code, std::string file, int line, int column, std::string message);

    const std::vector<Diagnostic>& all() const { return diagnostics_; }
    std::size_t error_count() const;
    std::size_t warning_count() const;
    bool has_errors() const { return error_count() > 0; }

private:
    std::vector<Diagnostic> diagnostics_;
    std::size_t errors_ = 0;
    std::size_t max_errors_ = kDefaultMaxErrors;
    std::size_t dropped_errors_ = 0;
    bool stopped_ = false;
};

}  // namespace citegraph::graph
