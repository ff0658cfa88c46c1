#pragma once
// The one place where output files are created: write to a temporary, then rename.
#include <functional>
#include <ostream>
#include <string>

namespace citegraph::output {

// Writes a file so that readers see either the old content or the complete new content,
// never a partial file.
//
// `write` is called with a stream on a new temporary file in the same directory as `path`
// (named `.<name>.tmp-<pid>-<counter>`, created exclusively). Afterwards the stream is
// flushed and checked, the data is fsync'ed, and the temporary is renamed over `path`.
// If `path` is a symbolic link, the file it points to is replaced and the link is kept.
// A replaced file keeps its permission bits; a new file gets 0666 minus the umask.
//
// `path == "-"` calls `write` with std::cout and flushes it instead.
//
// Throws std::runtime_error whose message names `path` and the cause (the OS error, or the
// what() of an exception thrown by `write`, which is kept as a nested exception) when:
// the temporary cannot be created, `write` throws, `write` leaves the stream failed, or
// writing, syncing or renaming fails. The temporary is removed first; an existing file at
// `path` is then untouched.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

// Installs SIGINT and SIGTERM handlers that remove the temporary file of every
// write_file_atomically in progress and end the process with 128 + the signal number (130
// for Ctrl-C, 143 for SIGTERM), so an interrupted run leaves neither a partial output nor a
// stray temporary. The file at the final path is untouched (old content, or none). Call once,
// early in main; only the citegraph executable does (library code never installs handlers).
// The handler only calls async-signal-safe functions (unlink, _exit).
void install_interrupt_cleanup();

}  // namespace citegraph::output
