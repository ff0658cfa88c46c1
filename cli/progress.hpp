#pragma once
// Progress and timings on stderr. A pass announces itself only when it has run for more than a
// second and stderr is a terminal; `--timings` prints every pass's time regardless.
#include <chrono>
#include <condition_variable>
#include <iosfwd>
#include <mutex>
#include <string>
#include <thread>

namespace citegraph::cli {

class PassTimer {
public:
    PassTimer(std::string name, std::ostream& err, bool print_timing);
    ~PassTimer();
    PassTimer(const PassTimer&) = delete;
    PassTimer& operator=(const PassTimer&) = delete;
    double seconds() const;

private:
    std::string name_;
    std::ostream& err_;
    bool print_timing_;
    bool terminal_;
    std::chrono::steady_clock::time_point start_;
    std::mutex mutex_;
    std::condition_variable done_cv_;
    bool done_ = false;
    bool announced_ = false;
    std::thread watcher_;
};

}  // namespace citegraph::cli
