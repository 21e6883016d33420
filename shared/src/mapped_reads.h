// Block reads served from memory maps of the index's files.
//
// Xapian 1.4's glass backend reads every B-tree block with pread(2) into a
// buffer of its own and keeps only the blocks on its cursors' paths, so a
// process that runs many searches reads the same blocks again and again,
// and on a virtual machine a pread of a cached block costs more in the
// system call than in the copy (README, "Speed"). While a thread holds a
// MappedReads::Scope, the preads that thread makes on regular files are
// served by copying from a read-only shared map of the file, that is from
// the same page cache pread copies from; every other pread goes to the C
// library as before. newsarc defines pread() for that, the function
// libxapian calls, and posix_fadvise(), whose advice to read ahead a mapped
// file does without (another system call a block, for long posting lists).
//
// A file is recognised by the descriptor read: the first read of a
// descriptor within a scope asks fstat() which file it is now and how long
// (glass closes and opens its tables again when the database is reopened,
// and a writer lengthens them), and the file is mapped, or mapped again when
// its length changed. Reads past the mapped length go to pread. A file cut
// shorter during a scope (another program overwriting the database in
// place) makes the copy fault: the fault is caught and that read goes to
// pread, which tells Xapian of the short read as it always would.
#ifndef NEWSARC_SRC_MAPPED_READS_H_
#define NEWSARC_SRC_MAPPED_READS_H_

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace newsarc::internal {

class MappedReads {
 public:
  MappedReads() = default;
  MappedReads(const MappedReads&) = delete;
  MappedReads& operator=(const MappedReads&) = delete;
  ~MappedReads();  // unmaps every file

  // The calling thread's preads go through `reads` while the scope lives.
  // Scopes nest; the innermost one serves. Descriptors are looked at again
  // in every scope, so a scope must not span a reopen of the database.
  class Scope {
   public:
    explicit Scope(MappedReads& reads);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    MappedReads* previous_;
  };

  // Serves pread(fd, buf, n, offset) from a map when it can: true and the
  // byte count in `result`; false when pread must do it (not a regular
  // file, outside the mapped length, a map that could not be made, or a
  // fault).
  bool Read(int fd, void* buf, size_t n, off_t offset, ssize_t& result);
  // Whether reads of `fd` come from a map in this scope.
  bool Mapped(int fd);
  // Unmaps every file, outside any scope (after the database was replaced:
  // the maps of its deleted files would keep their space taken).
  void Forget() { maps_.clear(); }

  // What the reads did so far (for tests and measurements).
  uint64_t served() const { return served_; }
  uint64_t passed() const { return passed_; }
  size_t mapped_files() const { return maps_.size(); }

 private:
  struct Map {
    dev_t device;
    ino_t inode;
    char* base;
    size_t size;
    uint64_t used;  // the last scope that read it
    ~Map();         // unmaps
  };
  struct Descriptor {
    int fd;
    Map* map;  // null: reads of it go to pread
  };
  Descriptor& Look(int fd);  // fd's entry in this scope, made at its first read
  Map* MapFor(int fd);
  void EndScope();

  std::vector<std::unique_ptr<Map>> maps_;
  std::vector<Descriptor> descriptors_;  // those seen in the current scope
  uint64_t scope_ = 0;                   // the current scope's number
  uint64_t served_ = 0;
  uint64_t passed_ = 0;
};

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_MAPPED_READS_H_
