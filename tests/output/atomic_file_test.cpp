#include "output/atomic_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "test_util.hpp"

namespace citegraph::output {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::ScratchDir;
using testing::Contains;

using Names = std::vector<std::string>;

// Runs write_file_atomically and returns the message of the runtime_error it throws.
std::string error_of(const std::string& path, const std::function<void(std::ostream&)>& write) {
    try {
        write_file_atomically(path, write);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    ADD_FAILURE() << "no std::runtime_error for " << path;
    return {};
}

TEST(AtomicFile, WritesANewFile) {
    ScratchDir dir;
    const std::string path = dir.file("out.json");
    write_file_atomically(path, [](std::ostream& os) { os << "{\"a\": 1}\n"; });
    EXPECT_EQ(read_file(path), "{\"a\": 1}\n");
    EXPECT_EQ(dir.entries(), Names{"out.json"});  // no temporary left behind
}

TEST(AtomicFile, WritesLargeOutputCompletely) {
    ScratchDir dir;
    const std::string path = dir.file("big.txt");
    const std::string line(999, 'x');
    write_file_atomically(path, [&](std::ostream& os) {
        for (int i = 0; i < 1000; ++i) os << line << '\n';
    });
    EXPECT_EQ(fs::file_size(path), 1000u * 1000u);
}

TEST(AtomicFile, ReplacesAnExistingFileOnSuccess) {
    ScratchDir dir;
    const std::string path = dir.file("out.txt");
    testing::write_file(path, "old content that is longer than the new one\n");
    write_file_atomically(path, [](std::ostream& os) { os << "new\n"; });
    EXPECT_EQ(read_file(path), "new\n");
    EXPECT_EQ(dir.entries(), Names{"out.txt"});
}

TEST(AtomicFile, ThrowingWriterLeavesNeitherTargetNorTemporary) {
    ScratchDir dir;
    const std::string path = dir.file("out.json");
    try {
        write_file_atomically(path, [](std::ostream& os) {
            os << "partial";
            throw std::logic_error("writer gave up");
        });
        FAIL() << "expected an exception";
    } catch (const std::runtime_error& e) {
        EXPECT_TRUE(Contains(e.what(), path));
        EXPECT_TRUE(Contains(e.what(), "writer gave up"));
        // The writer's own exception is kept as the nested cause.
        EXPECT_THROW(std::rethrow_if_nested(e), std::logic_error);
    }
    EXPECT_EQ(dir.entries(), Names{});
}

TEST(AtomicFile, FailedWriteKeepsTheOldContent) {
    ScratchDir dir;
    const std::string path = dir.file("out.txt");
    testing::write_file(path, "old\n");
    EXPECT_THROW(write_file_atomically(path,
                                       [](std::ostream& os) {
                                           os << "half of the new";
                                           throw std::runtime_error("disk on fire");
                                       }),
                 std::runtime_error);
    EXPECT_EQ(read_file(path), "old\n");
    EXPECT_EQ(dir.entries(), Names{"out.txt"});
}

TEST(AtomicFile, FailedStreamIsAnError) {
    ScratchDir dir;
    const std::string path = dir.file("out.txt");
    testing::write_file(path, "old\n");
    const std::string message = error_of(path, [](std::ostream& os) {
        os << "new";
        os.setstate(std::ios::failbit);
    });
    EXPECT_TRUE(Contains(message, path));
    EXPECT_TRUE(Contains(message, "failed state"));
    EXPECT_EQ(read_file(path), "old\n");
    EXPECT_EQ(dir.entries(), Names{"out.txt"});
}

TEST(AtomicFile, MissingDirectoryGivesAClearError) {
    ScratchDir dir;
    const std::string path = dir.file("no/such/dir/out.json");
    const std::string message = error_of(path, [](std::ostream& os) { os << "x"; });
    EXPECT_TRUE(Contains(message, path));
    EXPECT_TRUE(Contains(message, "No such file or directory"));
    EXPECT_EQ(dir.entries(), Names{});
}

TEST(AtomicFile, ParentThatIsAFileGivesAClearError) {
    ScratchDir dir;
    testing::write_file(dir.file("plain"), "x");
    const std::string path = dir.file("plain/out.json");
    const std::string message = error_of(path, [](std::ostream& os) { os << "x"; });
    EXPECT_TRUE(Contains(message, path));
    EXPECT_TRUE(Contains(message, "Not a directory"));
}

TEST(AtomicFile, UnwritableDirectoryGivesAClearError) {
    if (::geteuid() == 0) GTEST_SKIP() << "running as root: directory permissions are not enforced";
    ScratchDir dir;
    const fs::path locked = dir.path() / "locked";
    fs::create_directory(locked);
    testing::write_file((locked / "out.txt").string(), "old\n");
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
    const std::string path = (locked / "out.txt").string();
    const std::string message = error_of(path, [](std::ostream& os) { os << "new"; });
    fs::permissions(locked, fs::perms::owner_all);
    EXPECT_TRUE(Contains(message, path));
    EXPECT_TRUE(Contains(message, "Permission denied"));
    EXPECT_EQ(read_file(path), "old\n");
}

TEST(AtomicFile, DirectoryAsTargetIsAnErrorAndLeavesNoTemporary) {
    ScratchDir dir;
    fs::create_directory(dir.path() / "sub");
    const std::string path = dir.file("sub");
    const std::string message = error_of(path, [](std::ostream& os) { os << "x"; });
    EXPECT_TRUE(Contains(message, path));
    EXPECT_TRUE(fs::is_directory(path));
    EXPECT_EQ(dir.entries(), Names{"sub"});
    EXPECT_TRUE(Contains(error_of(dir.path().string() + "/", [](std::ostream&) {}), "directory"));
}

TEST(AtomicFile, EmptyPathIsAnError) {
    EXPECT_TRUE(Contains(error_of("", [](std::ostream&) {}), "empty path"));
}

TEST(AtomicFile, ReplacedFileKeepsItsPermissions) {
    ScratchDir dir;
    const std::string path = dir.file("out.txt");
    testing::write_file(path, "old\n");
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    write_file_atomically(path, [](std::ostream& os) { os << "new\n"; });
    EXPECT_EQ(fs::status(path).permissions(), fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

TEST(AtomicFile, SymbolicLinkIsFollowedAndKept) {
    ScratchDir dir;
    testing::write_file(dir.file("real.txt"), "old\n");
    fs::create_symlink("real.txt", dir.path() / "link.txt");
    write_file_atomically(dir.file("link.txt"), [](std::ostream& os) { os << "new\n"; });
    EXPECT_TRUE(fs::is_symlink(dir.path() / "link.txt"));
    EXPECT_EQ(read_file(dir.file("real.txt")), "new\n");
    EXPECT_EQ(dir.entries(), (Names{"link.txt", "real.txt"}));
}

TEST(AtomicFile, RelativePathInTheWorkingDirectory) {
    ScratchDir dir;
    const fs::path previous = fs::current_path();
    fs::current_path(dir.path());
    write_file_atomically("relative.txt", [](std::ostream& os) { os << "here\n"; });
    fs::current_path(previous);
    EXPECT_EQ(read_file(dir.file("relative.txt")), "here\n");
    EXPECT_EQ(dir.entries(), Names{"relative.txt"});
}

TEST(AtomicFile, DashWritesToStandardOutput) {
    ::testing::internal::CaptureStdout();
    write_file_atomically("-", [](std::ostream& os) { os << "to stdout\n"; });
    EXPECT_EQ(::testing::internal::GetCapturedStdout(), "to stdout\n");
}

TEST(AtomicFile, DashWithThrowingWriterIsARuntimeError) {
    EXPECT_TRUE(Contains(error_of("-", [](std::ostream&) { throw std::logic_error("boom"); }), "standard output"));
}

// Concurrent writers of one file: each rename is atomic, so the result is one complete
// version and no temporary is left.
TEST(AtomicFile, ConcurrentWritersNeverLeaveAPartialFile) {
    ScratchDir dir;
    const std::string path = dir.file("shared.txt");
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&path, t] {
            const std::string body(100000, static_cast<char>('a' + t));
            for (int round = 0; round < 5; ++round)
                write_file_atomically(path, [&](std::ostream& os) { os << body; });
        });
    }
    for (auto& thread : threads) thread.join();
    const std::string content = read_file(path);
    ASSERT_EQ(content.size(), 100000u);
    EXPECT_EQ(content.find_first_not_of(content.front()), std::string::npos);
    EXPECT_EQ(dir.entries(), Names{"shared.txt"});
}

}  // namespace
}  // namespace citegraph::output
