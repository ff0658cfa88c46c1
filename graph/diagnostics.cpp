#include "graph/diagnostics.hpp"

#include <algorithm>

namespace citegraph::graph {

std::string_view to_string(Severity severity) {
    switch (severity) {
        case Severity::Note: return "note";
        case Severity::Warning: return "warning";
        case Severity::Error: return "error";
    }
    return "error";
}

std::string format(const Diagnostic& d) {
    std::string out = d.file;
    if (d.line > 0) {
        out += ':' + std::to_string(d.line);
        if (d.column > 0) out += ':' + std::to_string(d.column);
    }
    out += ": ";
    out += to_string(d.severity);
    out += '[' + d.code + "]: " + d.message;
    return out;
}

void DiagnosticSink::report(Diagnostic diagnostic) {
    if (diagnostic.severity != Severity::Error) {
        diagnostics_.push_back(std::move(diagnostic));
        return;
    }
    if (stopped_) {
        ++dropped_errors_;
        return;
    }
    if (max_errors_ > 0 && errors_ == max_errors_) {
        // The stop is itself an error, so a run that hits the limit always fails (exit 3).
        stopped_ = true;
        ++dropped_errors_;
        ++errors_;
        diagnostics_.push_back({Severity::Error, "E-TOO-MANY-ERRORS", diagnostic.file, 0, 0,
                                "too many errors (more than " + std::to_string(max_errors_) +
                                    "), stopping; --max-errors sets the limit"});
        return;
    }
    ++errors_;
    diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticSink::error(std::string code, std::string file, int line, int column, std::string message) {
    report({Severity::Error, std::move(code), std::move(file), line, column, std::move(message)});
}
void DiagnosticSink::warning(std::string code, std::string file, int line, int column, std::string message) {
    report({Severity::Warning, std::move(code), std::move(file), line, column, std::move(message)});
}
void DiagnosticSink::note(std::string code, std::string file, int line, int column, std::string message) {
    report({Severity::Note, std::move(code), std::move(file), line, column, std::move(message)});
}

std::size_t DiagnosticSink::error_count() const { return errors_; }
std::size_t DiagnosticSink::warning_count() const {
    return static_cast<std::size_t>(std::count_if(diagnostics_.begin(), diagnostics_.end(),
        [](const Diagnostic& d) { return d.severity == Severity::Warning; }));
}

}  // namespace citegraph::graph
