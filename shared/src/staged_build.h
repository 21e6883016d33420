// A new one-database index built by several writer threads
// (WriterOptions::build_threads): the articles go to a hash-sharded index in
// DIR/.staging (one writer thread per shard, the sharded writer's own
// machinery: versions, claims, file records, resumption after a kill), and
// the first IndexWriter::Commit() compacts it into the one database in DIR.
//
// Every step of the merge leaves something a later run can go on from:
//   - DIR/.merging: the compacted copy being written; removed and redone.
//   - its tables moved into DIR, "iamglass" last: until that file is in
//     place, DIR holds an unfinished database, which the next run clears
//     (RemoveUnfinishedGlass) before it resumes the staging index.
//   - once DIR/iamglass is there, DIR is the index; a staging or merging
//     folder left beside it is what remains of a finished build: removed.
//
// The staging databases are written without an fsync at each commit
// (Xapian's DB_NO_SYNC): a killed build loses nothing by that, since its
// writes are in the kernel's page cache and reach the disk all the same,
// but a crash of the machine (a power cut) could leave a staging database
// whose version file names blocks that never reached the disk. So
// DIR/.staging/unsynced-boot names the boot of the machine under which
// they were written (Linux's boot id), on disk before any of them is; a
// staging index written under another boot, after a restart, is removed
// (moved aside to DIR/.staging.discarded first, so that a removal stopped
// half-way cannot leave one without its record) and the build starts again
// (SettleStagingSync). The merged database is synced as any index.
//
// A build holds an flock on DIR/.staging.lock from the moment it opens the
// staging index until it has removed it (the file itself stays): a second
// writer waits there (or is told the index is busy), and finds the merged
// database when its turn comes, never a staging index being deleted.
#ifndef NEWSARC_SRC_STAGED_BUILD_H_
#define NEWSARC_SRC_STAGED_BUILD_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "newsarc/status.h"

#include <utility>

namespace newsarc::internal {

inline constexpr std::string_view kStagingDir = ".staging";
inline constexpr std::string_view kMergingDir = ".merging";
// The build's lock file (StagingLock), in DIR.
inline constexpr std::string_view kStagingLockFile = ".staging.lock";

// Whether DIR holds a staging index (a build that has not been merged).
bool HasStaging(const std::filesystem::path& dir);

// This boot of the machine: /proc/sys/kernel/random/boot_id, "" where
// there is none.
std::string CurrentBootId();

// Before a build opens the staging index of DIR: removes it if it was
// written without syncing under a boot other than `boot_id` (or when
// `boot_id` is "", unknown), then, if `boot_id` is known, records it in
// DIR/.staging (created if need be), durably. True if the staging index
// may then be written without syncing; false (boot unknown) if each of its
// commits must sync, as an index's do.
Result<bool> SettleStagingSync(const std::filesystem::path& dir, const std::string& boot_id);

// Compacts the committed staging index of DIR into one database and moves
// it into DIR (which must hold no database). The staging index stays: the
// caller removes it once it has opened DIR (RemoveStaging). `copies_marked`:
// the copies were marked across the staging shards (collapse_key.h), which
// the merged database then records.
Status MergeStaging(const std::filesystem::path& dir, bool copies_marked);

// Removes DIR/.staging and DIR/.merging.
Status RemoveStaging(const std::filesystem::path& dir);

// The exclusive lock of a staged build on DIR (released when destroyed).
class StagingLock {
 public:
  // kLocked if another writer holds it and !wait.
  static Result<StagingLock> Acquire(const std::filesystem::path& dir, bool wait);
  StagingLock(StagingLock&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  StagingLock& operator=(StagingLock&& o) noexcept {
    std::swap(fd_, o.fd_);
    return *this;
  }
  ~StagingLock();

 private:
  explicit StagingLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_STAGED_BUILD_H_
