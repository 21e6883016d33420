// Block reads served from maps (mapped_reads.h): the bytes pread would give,
// for a file that grows, shrinks or is replaced behind its descriptor.
#include "mapped_reads.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <string>
#include <vector>

#include "../index/index_test_util.h"

namespace newsarc::internal {
namespace {

namespace fs = std::filesystem;

class MappedReadsTest : public testing::TempDirTest {
 protected:
  MappedReadsTest() : TempDirTest("mapped-reads") {}
  void SetUp() override {
    TempDirTest::SetUp();
    fs::create_directories(dir_);
  }
  void TearDown() override {
    for (int fd : open_) close(fd);
    TempDirTest::TearDown();
  }

  // A file of `blocks` 4096-byte blocks, block i filled with the byte
  // `first` + i; its path.
  fs::path Write(const std::string& name, int blocks, char first) {
    std::string bytes;
    for (int i = 0; i < blocks; ++i)
      bytes.append(4096, static_cast<char>(first + i));
    const fs::path path = dir_ / name;
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    EXPECT_GE(fd, 0);
    EXPECT_EQ(write(fd, bytes.data(), bytes.size()),
              static_cast<ssize_t>(bytes.size()));
    close(fd);
    return path;
  }
  int Open(const fs::path& path) {
    const int fd = open(path.c_str(), O_RDONLY);
    EXPECT_GE(fd, 0);
    open_.push_back(fd);
    return fd;
  }
  // pread's answer as a string ("" on error or at the end).
  static std::string Read(int fd, size_t n, off_t offset) {
    std::string buf(n, '\0');
    const ssize_t got = pread(fd, buf.data(), n, offset);
    buf.resize(got > 0 ? static_cast<size_t>(got) : 0);
    return buf;
  }

  std::vector<int> open_;
};

TEST_F(MappedReadsTest, ServesReadsWithinAScopeFromTheMap) {
  const int fd = Open(Write("table.glass", 3, 'a'));
  MappedReads reads;
  {
    MappedReads::Scope scope(reads);
    EXPECT_EQ(Read(fd, 4096, 4096), std::string(4096, 'b'));
    EXPECT_EQ(Read(fd, 10, 4096 * 2 - 5), "bbbbbccccc");
    EXPECT_EQ(Read(fd, 4096, 4096 * 2),
              std::string(4096, 'c'));  // up to the end
    EXPECT_EQ(reads.served(), 3u);
    EXPECT_EQ(reads.passed(), 0u);
    // Past the end: pread answers (a short read, then nothing).
    EXPECT_EQ(Read(fd, 100, 4096 * 3 - 10), std::string(10, 'c'));
    EXPECT_EQ(Read(fd, 100, 4096 * 3), "");
    EXPECT_EQ(reads.passed(), 2u);
    EXPECT_EQ(reads.mapped_files(), 1u);
  }
  // Outside any scope, pread as always.
  EXPECT_EQ(Read(fd, 3, 0), "aaa");
  EXPECT_EQ(reads.served(), 3u);
  EXPECT_EQ(reads.passed(), 2u);
}

TEST_F(MappedReadsTest, PassesOnWhatItCannotMap) {
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  open_.push_back(pipe_fds[0]);
  open_.push_back(pipe_fds[1]);
  const int empty = Open(Write("empty.glass", 0, 'a'));
  MappedReads reads;
  MappedReads::Scope scope(reads);
  char c;
  errno = 0;
  EXPECT_EQ(pread(pipe_fds[0], &c, 1, 0),
            -1);  // a pipe cannot be read at an offset
  EXPECT_EQ(errno, ESPIPE);
  EXPECT_EQ(pread(-1, &c, 1, 0), -1);
  EXPECT_EQ(errno, EBADF);
  EXPECT_EQ(Read(empty, 10, 0), "");
  EXPECT_EQ(reads.served(), 0u);
  EXPECT_EQ(reads.passed(), 3u);
  EXPECT_EQ(reads.mapped_files(), 0u);
}

TEST_F(MappedReadsTest, FollowsTheFileBehindADescriptor) {
  const fs::path first = Write("first.glass", 2, 'a');
  const fs::path second = Write("second.glass", 2, 'p');
  MappedReads reads;
  int fd = Open(first);
  {
    MappedReads::Scope scope(reads);
    EXPECT_EQ(Read(fd, 4, 4096), "bbbb");
  }
  // As glass does when it reopens a table: the descriptor closed, and the
  // lowest free number given to the next file opened.
  close(fd);
  open_.pop_back();
  ASSERT_EQ(Open(second), fd);
  {
    MappedReads::Scope scope(reads);
    EXPECT_EQ(Read(fd, 4, 4096), "qqqq");
  }
  EXPECT_EQ(reads.served(), 2u);
  EXPECT_EQ(reads.mapped_files(), 2u);
}

TEST_F(MappedReadsTest, SeesAFileGrow) {
  const fs::path path = Write("growing.glass", 1, 'a');
  const int fd = Open(path);
  MappedReads reads;
  {
    MappedReads::Scope scope(reads);
    EXPECT_EQ(Read(fd, 2, 0), "aa");
    // A writer adds a block during the scope: beyond the map, pread reads it.
    const int writer = open(path.c_str(), O_WRONLY | O_APPEND);
    ASSERT_GE(writer, 0);
    const std::string block(4096, 'z');
    ASSERT_EQ(write(writer, block.data(), block.size()), 4096);
    close(writer);
    EXPECT_EQ(Read(fd, 2, 4096), "zz");
    EXPECT_EQ(reads.passed(), 1u);
  }
  {
    MappedReads::Scope scope(reads);  // mapped again, whole
    EXPECT_EQ(Read(fd, 2, 4096), "zz");
    EXPECT_EQ(reads.served(), 2u);
  }
}

TEST_F(MappedReadsTest, AFileCutShortUnderTheMapIsReadWithPread) {
  const fs::path path = Write("cut.glass", 4, 'a');
  const int fd = Open(path);
  MappedReads reads;
  MappedReads::Scope scope(reads);
  EXPECT_EQ(Read(fd, 2, 4096 * 3), "dd");
  // Another program overwrites the file in place: the map is longer than
  // the file now, and touching its last pages faults.
  ASSERT_EQ(truncate(path.c_str(), 4096), 0);
  EXPECT_EQ(Read(fd, 2, 4096 * 3), "");  // the end of the file, not a crash
  EXPECT_EQ(Read(fd, 2, 0), "aa");
  EXPECT_EQ(reads.served(), 1u);
  EXPECT_EQ(reads.passed(), 2u);
}

// Maps of files no longer read (tables of databases replaced by a
// compaction) are dropped beyond 64, the least recently read first.
TEST_F(MappedReadsTest, KeepsAtMost64MapsBeyondTheScopes) {
  MappedReads reads;
  std::vector<int> fds;
  for (int i = 0; i < 70; ++i)
    fds.push_back(Open(Write("t" + std::to_string(i) + ".glass", 1, 'a')));
  for (int i = 0; i < 70; ++i) {  // one file a scope: the oldest go first
    MappedReads::Scope scope(reads);
    EXPECT_EQ(Read(fds[i], 1, 0), "a");
  }
  EXPECT_EQ(reads.mapped_files(), 64u);
  {
    MappedReads::Scope scope(
        reads);  // every file in one scope: none dropped meanwhile
    for (int fd : fds) EXPECT_EQ(Read(fd, 1, 0), "a");
    EXPECT_EQ(reads.mapped_files(), 70u);
  }
  EXPECT_EQ(reads.mapped_files(), 70u);  // all read by the last scope
  EXPECT_EQ(reads.served(), 140u);
}

// The handler that catches faults of the copies leaves every other SIGBUS
// to what handled it before: here the default, which ends the process (or
// the sanitizer's report).
TEST_F(MappedReadsTest, OtherBusErrorsStillEndTheProcess) {
  const fs::path path = Write("other.glass", 4, 'a');
  EXPECT_DEATH(
      {
        const int fd = open(path.c_str(), O_RDONLY);
        MappedReads reads;
        MappedReads::Scope scope(reads);
        char c;
        if (pread(fd, &c, 1, 4096 * 3) != 1 || reads.served() != 1) _exit(0);
        const auto* other = static_cast<const volatile char*>(
            mmap(nullptr, 4096 * 4, PROT_READ, MAP_SHARED, fd, 0));
        if (truncate(path.c_str(), 4096) != 0) _exit(0);
        c = other[4096 * 3];  // not one of the copies: it must not return
        (void)c;
        _exit(0);
      },
      "");
}

}  // namespace
}  // namespace newsarc::internal
