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
class DiagnosticSink {
public:
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
};

}  // namespace citegraph::graph
