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

}  // namespace citegraph::output
