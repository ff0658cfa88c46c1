#pragma once
// Runs a shell command for the end-to-end tests and returns its exit status and stdout.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace citegraph::test {

struct CommandRun {
    int status = -1;  // exit code; -1 when the command could not run or was killed
    std::string out;
};

inline CommandRun run_command(const std::string& command) {
    CommandRun r;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return r;
    std::array<char, 65536> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    const int status = pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

// Single-quotes a path for the shell.
inline std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

}  // namespace citegraph::test
