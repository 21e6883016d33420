#include "staged_build.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "collapse_key.h"
#include "schema.h"
#include "shard_layout.h"
#include "xapian_error.h"

namespace newsarc::internal {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kUnsyncedBootFile = "unsynced-boot";
constexpr std::string_view kDiscardedStagingDir = ".staging.discarded";

}  // namespace

std::string CurrentBootId() {
  std::ifstream in("/proc/sys/kernel/random/boot_id");
  std::string id;
  if (!std::getline(in, id)) return "";
  return id;
}

Result<bool> SettleStagingSync(const fs::path& dir, const std::string& boot_id) {
  const fs::path staging = dir / kStagingDir;
  const fs::path marker = staging / kUnsyncedBootFile;
  // Where a discarded staging index goes first: a removal stopped half-way
  // must not leave a staging index without its record, which would then
  // pass for one written synced.
  const fs::path discarded = dir / kDiscardedStagingDir;
  std::error_code ec;
  fs::remove_all(discarded, ec);
  if (ec) return Status::IOError("cannot remove " + discarded.string() + ": " + ec.message());
  std::string written;
  if (fs::exists(marker, ec)) {
    std::ifstream in(marker);
    std::getline(in, written);
    if (boot_id.empty() || written != boot_id) {
      // Written unsynced before a restart (or a boot we cannot tell):
      // what reached the disk cannot be trusted.
      fs::rename(staging, discarded, ec);
      if (ec) return Status::IOError("cannot move " + staging.string() + ": " + ec.message());
      fs::remove_all(discarded, ec);
      if (ec) return Status::IOError("cannot remove " + discarded.string() + ": " + ec.message());
      if (Status s = RemoveStaging(dir); !s.ok()) return s;  // and a merge's copy
      written.clear();
    }
  }
  if (boot_id.empty()) return false;
  if (written == boot_id) return true;  // on disk since this build began
  fs::create_directories(staging, ec);
  if (ec) return Status::IOError("cannot create " + staging.string() + ": " + ec.message());
  if (Status s = WriteFileDurably(marker, boot_id + "\n"); !s.ok()) return s;
  // The staging folder's own entry, so that a crash cannot lose the marker
  // and keep what follows it.
  if (Status s = SyncPath(dir, O_RDONLY | O_DIRECTORY); !s.ok()) return s;
  return true;
}

bool HasStaging(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / kStagingDir, ec);
}

Status MergeStaging(const fs::path& dir, bool copies_marked) {
  const fs::path staging = dir / kStagingDir;
  const fs::path merging = dir / kMergingDir;
  std::error_code ec;
  fs::remove_all(merging, ec);
  if (ec) return Status::IOError("cannot remove " + merging.string() + ": " + ec.message());
  Status s = GuardXapian("merging " + staging.string(), [&] {
    // The stub lists the metadata database first: its file records come
    // along (metadata keys are unique across the shards, but for the
    // schema version and partition, the same in all).
    Xapian::Database(staging.string()).compact(merging.string());
    Xapian::WritableDatabase merged(merging.string(), Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
    merged.set_metadata(std::string(schema::kMetaLayout), std::string());
    const std::string rev(schema::kMetaShardRevision);
    std::vector<std::string> revisions;
    for (auto it = merged.metadata_keys_begin(rev); it != merged.metadata_keys_end(rev); ++it)
      revisions.push_back(*it);
    for (const std::string& key : revisions) merged.set_metadata(key, std::string());
    if (copies_marked) RecordCopiesMarked(merged);
    merged.commit();
  });
  if (!s.ok()) return s;
  // The tables first, the version file last: DIR is a database only once
  // all of it is there.
  std::vector<fs::path> tables;
  for (const auto& e : fs::directory_iterator(merging, ec)) {
    const std::string name = e.path().filename().string();
    if (name != "iamglass" && name != "flintlock") tables.push_back(e.path());
  }
  if (ec) return Status::IOError("cannot list " + merging.string() + ": " + ec.message());
  tables.push_back(merging / "iamglass");
  for (const fs::path& from : tables) {
    fs::rename(from, dir / from.filename(), ec);
    if (ec)
      return Status::IOError("cannot move " + from.string() + " into " + dir.string() + ": " +
                             ec.message());
  }
  return SyncPath(dir, O_RDONLY | O_DIRECTORY);
}

Status RemoveStaging(const fs::path& dir) {
  for (const std::string_view name : {kStagingDir, kMergingDir}) {
    std::error_code ec;
    fs::remove_all(dir / name, ec);
    if (ec)
      return Status::IOError("cannot remove " + (dir / name).string() + ": " + ec.message());
  }
  return Status::Ok();
}

Result<StagingLock> StagingLock::Acquire(const fs::path& dir, bool wait) {
  const fs::path path = dir / kStagingLockFile;
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    return Status::IOError("cannot open " + path.string() + ": " + std::strerror(errno));
  int rc;
  do {
    rc = ::flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB));
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    const int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK)
      return Status::Locked("index " + dir.string() +
                            ": another newsarc-index is writing to this index (it is building "
                            "it)");
    return Status::IOError("cannot lock " + path.string() + ": " + std::strerror(err));
  }
  return StagingLock(fd);
}

StagingLock::~StagingLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace newsarc::internal
