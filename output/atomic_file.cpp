#include "output/atomic_file.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <streambuf>
#include <string>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace citegraph::output {
namespace {

namespace fs = std::filesystem;

std::string os_error(int err) { return std::strerror(err); }

// What the exception in flight says; called inside a catch block.
std::string current_exception_message() {
    try {
        throw;
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "unknown exception";
    }
}

// A stream buffer over a POSIX file descriptor. std::ofstream would hide errno (ENOSPC,
// EIO, EDQUOT); this one keeps the first OS error so the message can name it.
class FdStreamBuf : public std::streambuf {
public:
    explicit FdStreamBuf(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
    FdStreamBuf(const FdStreamBuf&) = delete;
    FdStreamBuf& operator=(const FdStreamBuf&) = delete;

    int error() const { return error_; }

protected:
    int_type overflow(int_type ch) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(ch, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(ch);
            pbump(1);
        }
        return traits_type::not_eof(ch);
    }

    int sync() override { return drain() ? 0 : -1; }

private:
    bool drain() {
        if (error_ != 0) return false;
        const char* p = pbase();
        std::size_t left = static_cast<std::size_t>(pptr() - pbase());
        while (left > 0) {
            const ssize_t n = ::write(fd_, p, left);
            if (n < 0) {
                if (errno == EINTR) continue;
                error_ = errno;
                return false;
            }
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        setp(buffer_, buffer_ + sizeof buffer_);
        return true;
    }

    int fd_;
    int error_ = 0;
    char buffer_[1 << 16];
};

// Temporaries being written, for the interrupt handler: fixed storage, because a signal
// handler may neither allocate nor lock. A slot is claimed with `claimed`, filled, then
// published with `live`; the handler reads only live slots.
constexpr int kInterruptSlots = 16;
constexpr std::size_t kSlotPathBytes = 4096;
struct InterruptSlot {
    std::atomic<bool> claimed{false};
    std::atomic<bool> live{false};
    char path[kSlotPathBytes];
};
InterruptSlot g_interrupt_slots[kInterruptSlots];

void remove_temporaries_and_exit(int signal_number) {
    for (auto& slot : g_interrupt_slots)
        if (slot.live.load()) ::unlink(slot.path);
    ::_exit(128 + signal_number);
}

// Blocks SIGINT and SIGTERM in this thread while a temporary is created and registered (or
// unregistered and removed), so no interrupt falls between the two and leaves it behind.
class InterruptsBlocked {
public:
    InterruptsBlocked() {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGINT);
        sigaddset(&set, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &set, &old_);
    }
    ~InterruptsBlocked() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
    InterruptsBlocked(const InterruptsBlocked&) = delete;
    InterruptsBlocked& operator=(const InterruptsBlocked&) = delete;

private:
    sigset_t old_;
};

// Owns the temporary: closes its descriptor and removes it unless committed.
struct TemporaryFile {
    std::string path;
    int fd = -1;
    bool committed = false;
    int slot = -1;  // index into g_interrupt_slots, -1 when not registered

    TemporaryFile() = default;
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    ~TemporaryFile() {
        InterruptsBlocked blocked;
        if (fd >= 0) ::close(fd);
        if (!committed && !path.empty()) ::unlink(path.c_str());
        unregister();
    }

    // Makes the interrupt handler remove this temporary. A path too long for a slot, or all
    // slots taken (16 concurrent writes), leaves it unregistered: still removed on every
    // ordinary failure, only not on an interrupt.
    void register_for_interrupts() {
        if (path.size() >= kSlotPathBytes) return;
        for (int i = 0; i < kInterruptSlots; ++i) {
            bool expected = false;
            if (!g_interrupt_slots[i].claimed.compare_exchange_strong(expected, true)) continue;
            std::memcpy(g_interrupt_slots[i].path, path.c_str(), path.size() + 1);
            g_interrupt_slots[i].live.store(true);
            slot = i;
            return;
        }
    }
    void unregister() {
        if (slot < 0) return;
        g_interrupt_slots[slot].live.store(false);
        g_interrupt_slots[slot].claimed.store(false);
        slot = -1;
    }
};

// The file that `path` finally names: symbolic links are followed so that replacing the
// file keeps the link (as editors do), even when the link dangles.
fs::path resolve_target(const fs::path& path) {
    fs::path target = path;
    for (int hops = 0; hops < 40; ++hops) {
        std::error_code ec;
        if (!fs::is_symlink(fs::symlink_status(target, ec))) break;
        const fs::path next = fs::read_symlink(target, ec);
        if (ec) break;
        target = next.is_absolute() ? next : target.parent_path() / next;
    }
    return target;
}

std::atomic<unsigned long> g_temporary_counter{0};

void write_to_stdout(const std::function<void(std::ostream&)>& write) {
    try {
        write(std::cout);
    } catch (...) {
        std::throw_with_nested(
            std::runtime_error("cannot write to standard output: " + current_exception_message()));
    }
    std::cout.flush();
    if (!std::cout) throw std::runtime_error("cannot write to standard output: the stream failed");
}

}  // namespace

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    if (path == "-") {
        write_to_stdout(write);
        return;
    }
    const std::string what = "cannot write '" + path + "': ";
    if (path.empty()) throw std::runtime_error("cannot write a file with an empty path");

    const fs::path target = resolve_target(path);
    const std::string name = target.filename().string();
    if (name.empty() || name == "." || name == "..")
        throw std::runtime_error(what + "the path names a directory, not a file");
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");

    // Keep the temporary's name under NAME_MAX even for a long target name.
    const std::string stem = "." + name.substr(0, 200) + ".tmp-" + std::to_string(::getpid()) + "-";
    TemporaryFile tmp;
    std::optional<InterruptsBlocked> creating(std::in_place);
    for (int attempt = 0; tmp.fd < 0; ++attempt) {
        tmp.path = (dir / (stem + std::to_string(g_temporary_counter++))).string();
        tmp.fd = ::open(tmp.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (tmp.fd >= 0) break;
        const int err = errno;
        if ((err == EEXIST || err == EINTR) && attempt < 100) continue;
        tmp.path.clear();  // nothing was created, nothing to remove
        throw std::runtime_error(what + "cannot create a temporary file in '" + dir.string() + "': " + os_error(err));
    }
    tmp.register_for_interrupts();
    creating.reset();

    // A replaced file keeps its permissions (the new file would otherwise get the umask's).
    struct stat old_stat {};
    if (::stat(target.c_str(), &old_stat) == 0 && S_ISREG(old_stat.st_mode))
        (void)::fchmod(tmp.fd, old_stat.st_mode & 07777);

    FdStreamBuf buffer(tmp.fd);
    std::ostream os(&buffer);
    try {
        write(os);
    } catch (...) {
        std::throw_with_nested(std::runtime_error(what + current_exception_message()));
    }
    os.flush();
    if (!os) {
        if (buffer.error() != 0) throw std::runtime_error(what + os_error(buffer.error()));
        throw std::runtime_error(what + "the writer left the output stream in a failed state");
    }
    // Without fsync a crash after the rename can leave an empty file under the final name.
    if (::fsync(tmp.fd) != 0) throw std::runtime_error(what + os_error(errno));
    const int fd = tmp.fd;
    tmp.fd = -1;
    if (::close(fd) != 0) throw std::runtime_error(what + os_error(errno));
    {
        // The rename and the end of the registration happen with interrupts held back: after
        // the rename the handler must not remove a name another write may reuse.
        InterruptsBlocked renaming;
        if (::rename(tmp.path.c_str(), target.c_str()) != 0) throw std::runtime_error(what + os_error(errno));
        tmp.committed = true;
        tmp.unregister();
    }

    // Make the rename itself durable; failing here loses nothing already written.
    const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {
        (void)::fsync(dir_fd);
        ::close(dir_fd);
    }
}

void install_interrupt_cleanup() {
    struct sigaction action {};
    action.sa_handler = remove_temporaries_and_exit;
    sigemptyset(&action.sa_mask);
    // While one handler runs the other signal waits: the cleanup runs once.
    sigaddset(&action.sa_mask, SIGINT);
    sigaddset(&action.sa_mask, SIGTERM);
    action.sa_flags = 0;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

}  // namespace citegraph::output
