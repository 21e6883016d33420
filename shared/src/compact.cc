#include "compact.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_EXCHANGE
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "collapse_key.h"
#include "commit_gate.h"
#include "schema.h"
#include "shard_layout.h"
#include "staged_build.h"
#include "stub.h"
#include "xapian_error.h"

namespace newsarc::internal {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kScratchSuffix = ".compacting";

// The files of a glass database and newsarc's lock files: anything else in
// a database folder would go with the old database.
bool BelongsToDatabase(const std::string& name) {
  return name.ends_with(".glass") || name == "iamglass" || name == "flintlock" ||
         name == "v.tmp" || name == kStagingLockFile || name == kCommitGateFile;
}

uint64_t FolderBytes(const fs::path& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const uint64_t size = e.is_regular_file(ec) ? e.file_size(ec) : 0;
    if (!ec) total += size;
  }
  return total;
}

// The write lock of the database at `db`: a WritableDatabase that is never
// written through (closing it writes nothing).
Status LockDatabase(const fs::path& db, bool wait, Xapian::WritableDatabase& lock) {
  return GuardXapian("index " + db.string(), [&] {
    lock = Xapian::WritableDatabase(
        db.string(),
        Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS | (wait ? Xapian::DB_RETRY_LOCK : 0));
  });
}

Status CheckSchema(const Xapian::Database& db, const std::string& where) {
  return GuardXapian(where, [&]() -> Status {
    const std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
    if (version.empty())
      return Status::InvalidArgument(where + " is a Xapian database but not a newsarc index");
    if (!schema::SchemaReadable(version))
      return Status::InvalidArgument(where + " has schema version " + version +
                                     ", which this newsarc does not know");
    return Status::Ok();
  });
}

std::string Errno(int err) { return std::strerror(err); }

// Compacts the database at `db`, whose write lock the caller holds, into its
// scratch folder and exchanges the two.
Status CompactOne(const fs::path& db, CompactStats& stats) {
  if (Status s = RemoveCompactScratch(db); !s.ok()) return s;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(db, ec)) {
    const std::string name = e.path().filename().string();
    if (!BelongsToDatabase(name))
      return Status::InvalidArgument(db.string() + " holds " + name +
                                     ", which is not part of the index: move it elsewhere "
                                     "before compacting");
  }
  if (ec) return Status::IOError("cannot list " + db.string() + ": " + ec.message());
  const fs::path scratch = CompactScratch(db);
  auto abandon = [&](Status why) {
    (void)RemoveCompactScratch(db);
    return why;
  };
  const uint64_t before = FolderBytes(db);
  // Document ids stay as they are (Hit::docid is part of the API).
  Status s = GuardXapian("compacting " + db.string(), [&] {
    Xapian::Database old(db.string());
    old.compact(scratch.string(), Xapian::DBCOMPACT_NO_RENUMBER);
    // The copy has a revision of its own: complete marks of copies
    // (collapse_key.h) stay complete in it, in their group.
    if (const std::optional<std::string> group = CompleteMarks(old)) {
      Xapian::WritableDatabase copy(scratch.string(), Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
      RecordCopiesMarked(copy, *group);
      copy.commit();
    }
  });
  if (!s.ok()) return abandon(s);
  // The new database gets the very lock files (inodes) of the old one: a
  // writer already waiting for the lock wakes up holding the lock of the
  // database in place, and one arriving after the exchange finds it taken
  // (and a search holding the commit gate holds it on the new one too).
  for (const std::string_view name :
       {std::string_view("flintlock"), kStagingLockFile, kCommitGateFile}) {
    const fs::path lock = db / name;
    if (!fs::exists(lock, ec)) continue;
    const fs::path link = scratch / (std::string(name) + ".link");
    if (::link(lock.c_str(), link.c_str()) != 0 ||
        ::rename(link.c_str(), (scratch / name).c_str()) != 0)
      return abandon(
          Status::IOError("cannot link " + lock.string() + " into " + scratch.string() + ": " +
                          Errno(errno)));
  }
  if (s = SyncPath(scratch, O_RDONLY | O_DIRECTORY); !s.ok()) return abandon(s);
  if (::renameat2(AT_FDCWD, scratch.c_str(), AT_FDCWD, db.c_str(), RENAME_EXCHANGE) != 0) {
    const int err = errno;
    return abandon(Status::IOError(
        "cannot put the compacted copy " + scratch.string() + " in the place of " +
        db.string() + " (renameat2 RENAME_EXCHANGE: " + Errno(err) +
        "; the filesystem must support exchanging two folders atomically)"));
  }
  // From here on the old database is the scratch folder.
  if (s = SyncPath(db.parent_path(), O_RDONLY | O_DIRECTORY); !s.ok()) return s;
  stats.databases += 1;
  stats.bytes_before += before;
  stats.bytes_after += FolderBytes(db);
  return RemoveCompactScratch(db);
}

std::string RevisionKey(const std::string& shard) {
  return std::string(schema::kMetaShardRevision) + shard;
}

Result<CompactStats> CompactSharded(const fs::path& root, const std::string& where, bool wait,
                                    unsigned threads) {
  const fs::path shards_dir = root / kShardsDir;
  const fs::path meta = shards_dir / kMetaShard;
  // The metadata database's lock keeps every newsarc writer out: a writer
  // of a sharded index takes it first.
  Xapian::WritableDatabase meta_lock;
  if (Status s = LockDatabase(meta, wait, meta_lock); !s.ok()) return s;
  if (Status s = CheckSchema(meta_lock, where); !s.ok()) return s;
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(shards_dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name != kMetaShard && !name.starts_with('.') && fs::exists(e.path() / "iamglass", ec))
      names.push_back(name);
  }
  if (ec) return Status::IOError("cannot list " + shards_dir.string() + ": " + ec.message());
  std::sort(names.begin(), names.end());

  // A writer recognises a shard that a killed run committed after the file
  // records (a "dirty" shard) by its revision being ahead of the one the
  // metadata database recorded for it. Compaction starts a database's
  // revisions again, so those records are rewritten: a dirty shard's to 0
  // (still behind it) before anything is compacted, the others' to the new
  // revision once their shard is in place.
  std::vector<bool> dirty(names.size());
  Status s = GuardXapian(where, [&] {
    for (size_t i = 0; i < names.size(); ++i) {
      const std::string recorded = meta_lock.get_metadata(RevisionKey(names[i]));
      if (recorded.empty()) continue;  // dirty by its article count, which stays
      dirty[i] = Xapian::Database((shards_dir / names[i]).string()).get_revision() >
                 std::stoull(recorded);
      if (dirty[i]) meta_lock.set_metadata(RevisionKey(names[i]), "0");
    }
    meta_lock.commit();
  });
  if (!s.ok()) return s;

  // The shards, `threads` at a time (each compaction is one thread's
  // work, and a shard's copy takes disk space until it is in place). The
  // metadata database is one Xapian object: its updates take turns.
  CompactStats stats;
  std::mutex mu;  // guards meta_lock and stats
  std::vector<Status> failed(names.size(), Status::Ok());
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  auto compact_shard = [&](size_t i) -> Status {
    const fs::path path = shards_dir / names[i];
    CompactStats mine;
    {
      Xapian::WritableDatabase lock;
      if (Status st = LockDatabase(path, wait, lock); !st.ok()) return st;
      if (Status st = CompactOne(path, mine); !st.ok()) return st;
    }
    std::lock_guard<std::mutex> hold(mu);
    stats.databases += mine.databases;
    stats.bytes_before += mine.bytes_before;
    stats.bytes_after += mine.bytes_after;
    return GuardXapian(where, [&] {
      const std::string key = RevisionKey(names[i]);
      if (dirty[i] || meta_lock.get_metadata(key).empty()) return;
      meta_lock.set_metadata(key, std::to_string(Xapian::Database(path.string()).get_revision()));
      meta_lock.commit();
    });
  };
  auto work = [&] {
    while (!stop) {
      const size_t i = next++;
      if (i >= names.size()) return;
      failed[i] = compact_shard(i);
      if (!failed[i].ok()) stop = true;  // the others finish the shard they are on
    }
  };
  const size_t count =
      std::clamp<size_t>(threads ? threads : std::thread::hardware_concurrency(), 1,
                         std::max<size_t>(1, names.size()));
  {
    std::vector<std::jthread> pool;
    for (size_t t = 1; t < count; ++t) pool.emplace_back(work);
    work();
  }
  for (const Status& f : failed)
    if (!f.ok()) return f;
  if (s = CompactOne(meta, stats); !s.ok()) return s;
  return stats;
}

}  // namespace

fs::path CompactScratch(const fs::path& db) {
  std::error_code ec;
  fs::path real = fs::canonical(db, ec);
  if (ec) real = fs::absolute(db).lexically_normal();
  if (!real.has_filename()) real = real.parent_path();
  return real.parent_path() / ("." + real.filename().string() + std::string(kScratchSuffix));
}

Status RemoveCompactScratch(const fs::path& db) {
  const fs::path scratch = CompactScratch(db);
  std::error_code ec;
  fs::remove_all(scratch, ec);
  if (ec) return Status::IOError("cannot remove " + scratch.string() + ": " + ec.message());
  return Status::Ok();
}

Result<CompactStats> CompactIndex(const fs::path& dir, bool wait_for_lock, unsigned threads) {
  const std::string where = "index " + dir.string();
  std::error_code ec;
  const fs::path root = fs::canonical(dir, ec);
  if (ec) return Status::NotFound("no " + where + ": " + ec.message());
  if (!fs::is_directory(root, ec))
    return Status::InvalidArgument(where + WhyNotAnIndexDirectory(root));
  if (fs::exists(root / "iamglass", ec)) {
    // A first build holds the staging lock until it has opened the database
    // it merged (and removed its staging index): take it first, as it does.
    auto building = StagingLock::Acquire(root, wait_for_lock);
    if (!building.ok()) return building.status();
    Xapian::WritableDatabase lock;
    if (Status s = LockDatabase(root, wait_for_lock, lock); !s.ok()) return s;
    if (Status s = CheckSchema(lock, where); !s.ok()) return s;
    // What a finished build may have left (as IndexWriter::Open removes).
    if (Status s = RemoveStaging(root); !s.ok()) return s;
    CompactStats stats;
    if (Status s = CompactOne(root, stats); !s.ok()) return s;
    return stats;
  }
  if (fs::exists(root / kShardsDir / kMetaShard / "iamglass", ec))
    return CompactSharded(root, where, wait_for_lock, threads);
  if (HasStaging(root))
    return Status::InvalidArgument(where + " holds an unfinished build: run newsarc-index on it "
                                   "again, which finishes it as one compacted database");
  if (fs::exists(root / kStubFile, ec))
    return Status::InvalidArgument(where + " is a stub database that newsarc-index did not write: "
                                   "compact each index it lists on its own");
  return Status::NotFound("no " + where);
}

}  // namespace newsarc::internal
