#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <iomanip>
#include <ostream>

namespace citegraph::cli {

PassTimer::PassTimer(std::string name, std::ostream& err, bool print_timing)
    : name_(std::move(name)), err_(err), print_timing_(print_timing), terminal_(isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()) {
    if (!terminal_) return;
    watcher_ = std::thread([this] {
        std::unique_lock lock(mutex_);
        if (!done_cv_.wait_for(lock, std::chrono::seconds(1), [this] { return done_; })) {
            announced_ = true;
            err_ << "citegraph: " << name_ << " ..." << std::endl;
        }
    });
}

PassTimer::~PassTimer() {
    {
        std::lock_guard lock(mutex_);
        done_ = true;
    }
    done_cv_.notify_all();
    if (watcher_.joinable()) watcher_.join();
    if (print_timing_ || announced_)
        err_ << "citegraph: " << (print_timing_ ? "timing " : "") << name_ << " " << std::fixed << std::setprecision(4) << seconds()
             << " s" << std::defaultfloat << '\n';
}

double PassTimer::seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

}  // namespace citegraph::cli
