#include "output/atomic_file.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <streambuf>
#include <string>

#include <fcntl.h>
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

// Owns the temporary: closes its descriptor and removes it unless committed.
struct TemporaryFile {
    std::string path;
    int fd = -1;
    bool committed = false;

    TemporaryFile() = default;
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    ~TemporaryFile() {
        if (fd >= 0) ::close(fd);
        if (!committed && !path.empty()) ::unlink(path.c_str());
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
    for (int attempt = 0; tmp.fd < 0; ++attempt) {
        tmp.path = (dir / (stem + std::to_string(g_temporary_counter++))).string();
        tmp.fd = ::open(tmp.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (tmp.fd >= 0) break;
        const int err = errno;
        if ((err == EEXIST || err == EINTR) && attempt < 100) continue;
        tmp.path.clear();  // nothing was created, nothing to remove
        throw std::runtime_error(what + "cannot create a temporary file in '" + dir.string() + "': " + os_error(err));
    }

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
    if (::rename(tmp.path.c_str(), target.c_str()) != 0) throw std::runtime_error(what + os_error(errno));
    tmp.committed = true;

    // Make the rename itself durable; failing here loses nothing already written.
    const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {
        (void)::fsync(dir_fd);
        ::close(dir_fd);
    }
}

}  // namespace citegraph::output
