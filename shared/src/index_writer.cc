#include "newsarc/index_writer.h"

#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "collapse_key.h"
#include "commit_gate.h"
#include "compact.h"
#include "document_builder.h"
#include "keys.h"
#include "newsarc/extract.h"
#include "schema.h"
#include "shard_layout.h"
#include "shard_worker.h"
#include "staged_build.h"
#include "stored_fields.h"
#include "stub.h"
#include "xapian_error.h"

namespace newsarc {

using internal::BuiltDocument;
namespace schema = internal::schema;
using internal::LayoutFromString;
using internal::LayoutToString;
using internal::DescribeLayout;
using internal::PartitionFromString;
using internal::PartitionToString;
using internal::ShortKey;

std::filesystem::path DefaultIndexPath() {
  if (const char* env = std::getenv("NEWSARC_DB"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "newsarc" / "index";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home && *home ? home : ".") / ".local" / "share" /
         "newsarc" / "index";
}

// ---- PreparedArticle ------------------------------------------------------

struct PreparedArticle::Impl {
  BuiltDocument built;
  std::string path;
};

PreparedArticle::PreparedArticle(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PreparedArticle::PreparedArticle(PreparedArticle&&) noexcept = default;
PreparedArticle& PreparedArticle::operator=(PreparedArticle&&) noexcept = default;
PreparedArticle::~PreparedArticle() = default;

PreparedArticle PreparedArticle::Prepare(const Article& article) {
  auto impl = std::make_unique<Impl>();
  impl->built = internal::BuildDocument(article);
  impl->path = article.source_path;
  return PreparedArticle(std::move(impl));
}

const std::string& PreparedArticle::id() const { return impl_->built.id; }
int PreparedArticle::version() const { return impl_->built.version; }
const Extraction& PreparedArticle::extraction() const { return impl_->built.extraction; }

// ---- File records and claims ------------------------------------------------
// A file record ("F" + file key) says which file was read completely, when,
// and which articles it holds. A claim list ("C" + id key) says which files
// hold a version of an article, so that removing the winning file brings the
// next best version back.

namespace {

// Records are fields separated by NUL, the one byte no path or id holds
// (file names may contain newlines and tabs).
constexpr char kSep = '\0';

std::vector<std::string> SplitFields(const std::string& s) {
  std::vector<std::string> fields;
  if (s.empty()) return fields;
  size_t start = 0;
  for (;;) {
    const size_t end = s.find(kSep, start);
    fields.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return fields;
    start = end + 1;
  }
}

struct FileRecord {
  std::string path;
  FileStamp stamp;
  std::vector<std::string> ids;
};

// A record is: path, mtime, size, then the ids of the file's articles.
// Written short (schema 2): the path field is empty when the key holds the
// path (FileKey did not shorten it; no path is empty), and ids are packed
// (PackFileId). Schema 1 records, which spell both out, read the same way.
// On Reuters' 19,043 files this took the records from 5.2 to 2.0 MB.
std::string SerializeRecord(const FileRecord& r) {
  std::string out = internal::FileKey(r.path) == r.path ? "" : r.path;
  out += kSep + std::to_string(r.stamp.mtime_ns) + kSep + std::to_string(r.stamp.size);
  for (const auto& id : r.ids) out += kSep + internal::PackFileId(id, r.path);
  return out;
}

// `meta_key`: the record's key, FileMetaKey(path).
std::optional<FileRecord> ParseRecord(std::string_view meta_key, const std::string& s) {
  std::vector<std::string> fields = SplitFields(s);
  if (fields.size() < 3) return std::nullopt;
  FileRecord r;
  r.path = fields[0].empty() ? std::string(meta_key.substr(schema::kMetaFile.size()))
                             : fields[0];
  try {
    r.stamp.mtime_ns = std::stoll(fields[1]);
    r.stamp.size = std::stoull(fields[2]);
  } catch (...) {
    return std::nullopt;
  }
  for (auto id = fields.begin() + 3; id != fields.end(); ++id) {
    r.ids.push_back(internal::UnpackFileId(std::move(*id), r.path));
  }
  return r;
}

// Claims: (file key, version, path) per file holding the article.
struct Claim {
  std::string file_key;
  int version = 0;
  std::string path;
};

std::vector<Claim> ParseClaims(const std::string& s) {
  std::vector<Claim> claims;
  const std::vector<std::string> fields = SplitFields(s);
  for (size_t i = 0; i + 2 < fields.size(); i += 3) {
    Claim c;
    c.file_key = fields[i];
    try {
      c.version = std::stoi(fields[i + 1]);
    } catch (...) {
      continue;
    }
    c.path = fields[i + 2];
    claims.push_back(std::move(c));
  }
  return claims;
}

std::string SerializeClaims(const std::vector<Claim>& claims) {
  std::string out;
  for (const auto& c : claims) {
    if (!out.empty()) out += kSep;
    out += c.file_key + kSep + std::to_string(c.version) + kSep + c.path;
  }
  return out;
}

std::string FileMetaKey(const std::string& path) {
  return std::string(schema::kMetaFile) + internal::FileKey(path);
}
std::string ClaimMetaKey(const std::string& id) {
  return std::string(schema::kMetaClaims) + internal::ShortKey(id);
}

}  // namespace

// ---- Operations on one database ---------------------------------------------
// The per-article logic (versions, claims, removal) works on one Xapian
// database: the index itself, or the shard that holds the article. All
// versions of one article go to the same shard, so it is the same logic.

namespace {

enum class Verdict {
  kNew,      // the database does not hold the article
  kKeep,     // it holds a version that stays
  kReplace,  // it holds a version that the new one replaces (old_id)
};

// The key of the file `doc` was read from: its kFile term (a document has
// one).
std::string SourceFileKey(const Xapian::Document& doc) {
  const std::string term =
      schema::TermWithPrefix(doc.termlist_begin(), doc.termlist_end(), schema::kFile);
  return term.empty() ? "" : term.substr(schema::kFile.size());
}

// Of two versions of one article in different files, whether the stored
// one (version, date key, source path) stays over the new one: the higher
// version; then the later date (none counts as earlier); then the file
// whose path sorts last. So the winner depends on the files alone, not on
// which reader thread got there first, and for crawls and dumps named by
// time it is the latest capture.
bool StaysOver(int old_version, const std::string& old_date, const std::string& old_path,
               int new_version, const std::string& new_date, const std::string& new_path) {
  if (old_version != new_version) return old_version > new_version;
  if (old_date != new_date) return old_date > new_date;
  return old_path >= new_path;
}

// The version rule, against what `db` holds under b.id_term. Records both
// claims when two files hold the article.
Verdict Judge(Xapian::WritableDatabase& db, const BuiltDocument& b, const std::string& path,
              Xapian::docid& old_id) {
  // One lookup serves both the version rule and the write: most articles
  // are new, and for them this is the only index read.
  Xapian::PostingIterator it = db.postlist_begin(b.id_term);
  if (it == db.postlist_end(b.id_term)) return Verdict::kNew;
  old_id = *it;
  const Xapian::Document old = db.get_document(old_id);
  const int old_version =
      static_cast<int>(Xapian::sortable_unserialise(old.get_value(schema::kSlotVersion)));
  const std::string old_file_key = SourceFileKey(old);
  if (old_file_key == b.file_key) {
    // The same file holds it again (read again, or several versions in one
    // file): a higher stored version stays, an equal one is replaced (the
    // later in the file wins).
    return old_version > b.version ? Verdict::kKeep : Verdict::kReplace;
  }
  // Two files hold this article: record both claims, so that removing the
  // winner later brings the other version back. Claims exist only for such
  // ids.
  const auto fields = internal::LoadFields(old, false);
  const std::string old_path = fields ? fields->path : std::string();
  const std::string claim_key = ClaimMetaKey(b.id);
  std::vector<Claim> claims = ParseClaims(db.get_metadata(claim_key));
  if (std::none_of(claims.begin(), claims.end(),
                   [&](const Claim& c) { return c.file_key == old_file_key; }))
    claims.push_back({old_file_key, old_version, old_path});
  std::erase_if(claims, [&](const Claim& c) { return c.file_key == b.file_key; });
  claims.push_back({b.file_key, b.version, path});
  db.set_metadata(claim_key, SerializeClaims(claims));
  return StaysOver(old_version, old.get_value(schema::kSlotDate), old_path, b.version,
                   b.document.get_value(schema::kSlotDate), path)
             ? Verdict::kKeep
             : Verdict::kReplace;
}

// Returns the document id written, 0 when the stored article stays.
Xapian::docid AddToDb(Xapian::WritableDatabase& db, const BuiltDocument& b,
                      const std::string& path) {
  Xapian::docid old_id = 0;
  switch (Judge(db, b, path, old_id)) {
    case Verdict::kNew: return db.add_document(b.document);
    case Verdict::kKeep: return 0;
    case Verdict::kReplace: db.replace_document(old_id, b.document); return old_id;
  }
  return 0;
}

struct Removal {
  std::vector<std::string> reread;  // files to read again
  std::vector<std::string> won;     // ids of the articles deleted
};

// Removes the articles the file `file_key` won from `db` and its claims on
// `ids`. `sharded`: the metadata database is committed after the shards, so
// a kill can leave this removal committed while the file record survives.
// The next run then removes the file again, finds no article, and must still
// bring the other versions back: so a claim list is kept when its winner is
// deleted (even with one claim left), and an id with claims but no article
// makes its claimants be read again.
void RemoveFromDb(Xapian::WritableDatabase& db, const std::string& file_key,
                  const std::set<std::string>& file_ids, bool sharded, Removal& out) {
  std::set<std::string> ids = file_ids;
  // The articles this file won: their ids come from the documents.
  std::set<std::string> won;
  const std::string file_term = std::string(schema::kFile) + file_key;
  for (auto it = db.postlist_begin(file_term); it != db.postlist_end(file_term); ++it) {
    if (auto f = internal::LoadFields(db.get_document(*it), false)) {
      won.insert(f->id);
      ids.insert(f->id);
    }
  }
  db.delete_document(file_term);
  for (const std::string& id : ids) {
    const std::string claim_key = ClaimMetaKey(id);
    std::vector<Claim> claims = ParseClaims(db.get_metadata(claim_key));
    if (claims.empty()) continue;  // no other file ever held this article
    std::erase_if(claims, [&](const Claim& c) { return c.file_key == file_key; });
    const bool gone = won.count(id) ||
                      (sharded && !db.term_exists(std::string(schema::kId) + ShortKey(id)));
    // A single claim left needs no record: that file simply holds the article.
    const bool keep = claims.size() >= 2 || (sharded && gone && !claims.empty());
    db.set_metadata(claim_key, keep ? SerializeClaims(claims) : std::string());
    if (gone)
      for (const Claim& c : claims) out.reread.push_back(c.path);
  }
  out.won.assign(won.begin(), won.end());
}

bool DeleteFromDb(Xapian::WritableDatabase& db, const std::string& id) {
  const std::string id_term = std::string(schema::kId) + internal::ShortKey(id);
  if (!db.term_exists(id_term)) return false;
  db.delete_document(id_term);
  db.set_metadata(ClaimMetaKey(id), std::string());
  return true;
}

// A kill while Xapian creates a glass database can leave its first table
// files without the version file "iamglass"; DB_CREATE_OR_OPEN then fails
// ("no index here") on every later run. Such files belong to a creation
// that never finished, so they hold nothing: remove them, to create anew.
bool RemoveUnfinishedGlass(const std::filesystem::path& dir) {
  std::error_code ec;
  if (std::filesystem::exists(dir / "iamglass", ec)) return false;
  bool removed = false;
  for (const char* name : {"postlist.glass", "termlist.glass", "docdata.glass", "position.glass",
                           "spelling.glass", "synonym.glass", "v.tmp"})
    removed |= std::filesystem::remove(dir / name, ec);
  return removed;
}

// Opens (creating if asked) one newsarc database and checks its schema.
// `extra_flags`: Xapian::DB_NO_SYNC for a staging database (staged_build.h).
Status OpenDatabase(const std::filesystem::path& path, bool create, bool wait_for_lock,
                    Xapian::WritableDatabase& db, int extra_flags = 0) {
  const std::string where = "index " + path.string();
  return internal::GuardXapian(where, [&]() -> Status {
    const int flags = (create ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN) |
                      Xapian::DB_BACKEND_GLASS | (wait_for_lock ? Xapian::DB_RETRY_LOCK : 0) |
                      extra_flags;
    try {
      db = Xapian::WritableDatabase(path.string(), flags);
    } catch (const Xapian::DatabaseNotFoundError&) {
      // Not found although asked to create: an unfinished creation (we
      // held the lock then, so no other writer is creating it now).
      if (!create || !RemoveUnfinishedGlass(path)) throw;
      db = Xapian::WritableDatabase(path.string(), flags);
    }
    const std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
    if (version.empty()) {
      if (db.get_doccount() != 0)
        return Status::InvalidArgument(where + " is a Xapian database but not a newsarc index");
      db.set_metadata(std::string(schema::kMetaSchemaVersion),
                      std::string(schema::kSchemaVersion));
      db.set_metadata(std::string(schema::kMetaExtractor), std::to_string(kExtractorVersion));
      db.commit();
    } else if (!schema::SchemaReadable(version)) {
      return Status::InvalidArgument(where + " has schema version " + version +
                                     "; this newsarc writes version " +
                                     std::string(schema::kSchemaVersion) +
                                     ": index into a new directory");
    } else if (version != schema::kSchemaVersion) {
      // A version 1 index: what this writer adds is in version 2's form, so
      // it is marked 2, committed with the first of it (see kSchemaVersion).
      db.set_metadata(std::string(schema::kMetaSchemaVersion),
                      std::string(schema::kSchemaVersion));
    }
    return Status::Ok();
  });
}

bool HasFileRecords(Xapian::WritableDatabase& db) {
  const std::string prefix(schema::kMetaFile);
  return db.metadata_keys_begin(prefix) != db.metadata_keys_end(prefix);
}

// The recorded extractor version (schema::kMetaExtractor); 0 if there is
// none or it is not a number. A new index (`fresh`: no article and no
// file record) is recorded as this newsarc's (OpenDatabase does so when it
// creates one), committed by the caller.
int SettleExtractorVersion(Xapian::WritableDatabase& db, bool fresh) {
  const std::string key(schema::kMetaExtractor);
  const std::string recorded = db.get_metadata(key);
  if (fresh) {
    if (recorded != std::to_string(kExtractorVersion))
      db.set_metadata(key, std::to_string(kExtractorVersion));
    return kExtractorVersion;
  }
  return schema::RecordedExtractorVersion(recorded);
}

// The partition an index holds: the recorded one, or the one asked for if
// the index is new. `fresh`: the index holds nothing yet.
Status SettlePartition(Xapian::WritableDatabase& db, const std::string& where, bool fresh,
                       const Partition& asked, Partition& out) {
  const std::string recorded = db.get_metadata(std::string(schema::kMetaPartition));
  const bool asking = asked.count > 1;
  if (recorded.empty()) {
    if (!asking) {
      out = {};
      return Status::Ok();
    }
    if (!fresh)
      return Status::InvalidArgument(where + " holds every article (it was built without "
                                     "--partition); --partition " + PartitionToString(asked) +
                                     " needs a new directory");
    db.set_metadata(std::string(schema::kMetaPartition), PartitionToString(asked));
    out = asked;
    return Status::Ok();
  }
  const auto stored = PartitionFromString(recorded);
  if (!stored) return Status::Corruption(where + " records a bad partition '" + recorded + "'");
  if (asking && !(*stored == asked))
    return Status::InvalidArgument(where + " holds partition " + recorded +
                                   "; it cannot be indexed as --partition " +
                                   PartitionToString(asked));
  out = *stored;
  return Status::Ok();
}

// Rough bytes a prepared article holds, for the queue budget.
uint64_t Weight(const BuiltDocument& b) {
  return 4 * static_cast<uint64_t>(b.document.get_data().size()) + 1024;
}

}  // namespace

// ---- IndexWriter -----------------------------------------------------------
//
// One database (the default): everything happens on the calling thread, in
// that database, as it always did.
//
// Sharded (shard_layout.h): the calling thread owns the metadata database
// (file records, layout, the time shards' article -> shard map) and routes
// each article to its shard's ShardWorker, which runs Judge/AddToDb there.
// Every version of an article has the same key, hence (hash shards) the
// same shard; time shards look the article up in the map and move it when
// a new version changes its period.
//
// Why a kill at any moment loses or duplicates no article (once the next
// run has finished; runs are what make the index match the folder):
// - Each shard commits atomically, and Commit commits every shard before
//   the metadata database, whose changes are held in a transaction so that
//   nothing else ever writes them to disk. So every file record on disk
//   describes articles that are committed in the shards; a kill leaves the
//   shards ahead of the file records, never behind.
// - Whatever the shards gained after the last metadata commit came from
//   files whose record was not committed: new files have none, changed or
//   re-read ones keep their old stamp. The next run sees them as new or
//   changed and first calls RemoveFile, which deletes their articles by the
//   file term (in the shards of the ids their record lists, and in every
//   shard whose revision is ahead of the one the metadata recorded: the
//   "dirty" shards of a killed run), then reads them again, adding by id
//   term, never a second copy. Removals of vanished files are redone the
//   same way (their records are still there); an id whose article was
//   deleted but whose claims survive brings its other versions back
//   (RemoveFromDb).
// - Hash shards: an article has one possible shard, so it cannot be in two.
// - Time shards: a move writes the new version to its new shard and commits
//   that shard before it deletes the old copy. A kill in between leaves a
//   duplicate until the next run (never a loss): the new copy's file is not
//   stamped and its shard is dirty, so it is removed there, the old copy's
//   file is read again (its claim), and the move is redone. The article ->
//   shard map is a hint: where it is stale, the version rule runs in the
//   shard the date gives, and the map is corrected.
struct IndexWriter::Impl {
  std::filesystem::path dir;
  WriterOptions options;
  // One database: the index. Sharded: the metadata database (shards/meta),
  // touched by this thread only, its changes held in a transaction.
  Xapian::WritableDatabase db;
  ShardBy shard_by = ShardBy::kNone;
  uint32_t hash_shards = 0;
  Partition partition;
  std::shared_ptr<internal::QueueBudget> budget;
  std::vector<std::unique_ptr<internal::ShardWorker>> shards;  // sharded only
  std::map<std::string, size_t> shard_index;                   // name -> index in shards
  // Shards committed after the metadata database was last committed (a
  // killed run): they may hold articles of files without a record.
  std::set<std::string> dirty;
  uint32_t pending = 0;  // changes since the last commit
  bool changed = false;  // articles or records changed since the copies were marked
  // One database: an article holding each near-duplicate key (by
  // internal::KeyHash), from the first marking of this writer on, and the
  // keys of the articles written since the last one, so that a later Commit
  // marks the new copies without reading every key again. A holder deleted
  // or rewritten since is harmless: MarkCopies marks an article only with
  // its own key.
  std::optional<std::unordered_map<uint64_t, Xapian::docid>> key_holders;
  std::vector<std::pair<Xapian::docid, uint64_t>> written_keys;
  // Ids added per file since its RemoveFile, written by FinishFile.
  std::map<std::string, std::set<std::string>> file_ids;
  // The recorded extractor version (ExtractorVersion) and, while it is an
  // older one, the record keys (FileMetaKey) of the files FinishFile has
  // recorded since the index was opened: read by this newsarc's extractor.
  int extractor_version = 0;
  std::unordered_set<std::string> read_by_this_extractor;
  // A staged build (staged_build.h): its lock, and the hash-sharded writer
  // of DIR/.staging, which every call goes to until Commit merges it.
  std::optional<internal::StagingLock> staging_lock;
  std::unique_ptr<IndexWriter> staged;
  // Flags every database of this writer is opened with: DB_NO_SYNC when
  // this is the writer of a staging index.
  int db_flags = 0;
  // Taken around each commit, so that a search losing to them can hold them
  // off (commit_gate.h). Opened with the index's database(s).
  std::optional<internal::CommitGate> gate;

  Status OpenGate() {
    auto g = internal::CommitGate::ForWriter(dir);
    if (!g.ok()) return g.status();
    gate.emplace(std::move(g.value()));
    return Status::Ok();
  }

  // Holds the gate while it lives (nothing when there is none).
  std::optional<internal::CommitGate::Hold> ShutGate() const {
    return gate ? gate->Exclusive() : std::nullopt;
  }

  bool sharded() const { return shard_by != ShardBy::kNone; }

  uint32_t CommitThreshold() const {
    if (!sharded()) return options.commit_every;
    // Each shard buffers about commit_every changes; time shards are many
    // but only a few are written to at a time.
    const uint32_t busy = std::min<uint32_t>(std::max<size_t>(1, shards.size()), 4);
    return options.commit_every * busy;
  }

  Status MaybeCommit() {
    changed = true;
    if (++pending < CommitThreshold()) return Status::Ok();
    return CommitAll();
  }

  Status ShardError() const {
    for (const auto& s : shards)
      if (Status e = s->error(); !e.ok()) return e;
    return Status::Ok();
  }

  using ShardFn = std::function<Status(size_t, Xapian::WritableDatabase&)>;
  // Runs `fn` on every shard at once and waits for all.
  Status Broadcast(const ShardFn& fn) {
    std::vector<size_t> all(shards.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    return RunOn(all, fn);
  }
  // Runs `fn` on the shards `which` at once and waits for all.
  Status RunOn(const std::vector<size_t>& which, const ShardFn& fn) {
    std::vector<std::future<Status>> done;
    done.reserve(which.size());
    for (const size_t i : which)
      done.push_back(shards[i]->Submit([&fn, i](Xapian::WritableDatabase& db) { return fn(i, db); }));
    Status first;
    for (auto& d : done) {
      Status s = d.get();
      if (first.ok() && !s.ok()) first = s;
    }
    return first;
  }

  // Copies within the one database (collapse_key.h), marked at each
  // Commit after a change: the writer's first marking pairs every keyed
  // article, later ones the articles written since.
  Status MarkOwnCopies() {
    return internal::GuardXapian("marking the copies in " + dir.string(), [&] {
      if (!changed && internal::CopiesMarked(db)) return;
      if (!key_holders) {
        key_holders.emplace();
        written_keys = internal::KeyedArticles(db);
      }
      std::vector<Xapian::docid> copies;
      for (const auto& [id, key] : written_keys) {
        auto [holder, added] = key_holders->try_emplace(key, id);
        if (added || holder->second == id) continue;
        copies.push_back(holder->second);
        copies.push_back(id);
      }
      internal::MarkCopies(db, copies);
      written_keys.clear();
      internal::RecordCopiesMarked(db);
      changed = false;
    });
  }

  // The shards of one index (or of a staging index, which the merge makes
  // one database): copies in different shards count, so the keyed articles
  // of all of them are paired, and each shard records its marks with one
  // group name for all (collapse_key.h). Every key is read at each marking.
  Status MarkCopiesAcrossShards() {
    if (!changed) {  // complete, and made together?
      std::vector<std::optional<std::string>> marks(shards.size());
      if (Status s = Broadcast([&](size_t i, Xapian::WritableDatabase& d) {
            return internal::GuardXapian("marking the copies in " + dir.string(),
                                         [&] { marks[i] = internal::CompleteMarks(d); });
          });
          !s.ok())
        return s;
      if (internal::MarkedTogether(marks)) return Status::Ok();
    }
    std::vector<std::vector<std::pair<Xapian::docid, uint64_t>>> keyed(shards.size());
    if (Status s = Broadcast([&](size_t i, Xapian::WritableDatabase& d) {
          return internal::GuardXapian("marking the copies in " + dir.string(),
                                       [&] { keyed[i] = internal::KeyedArticles(d); });
        });
        !s.ok())
      return s;
    std::unordered_map<uint64_t, std::pair<size_t, Xapian::docid>> holders;
    std::vector<std::vector<Xapian::docid>> copies(shards.size());
    for (size_t i = 0; i < keyed.size(); ++i) {
      for (const auto& [id, key] : keyed[i]) {
        auto [holder, added] = holders.try_emplace(key, i, id);
        if (added) continue;
        copies[holder->second.first].push_back(holder->second.second);
        copies[i].push_back(id);
      }
    }
    const std::string group = internal::NewMarkGroup();
    if (Status s = Broadcast([&](size_t i, Xapian::WritableDatabase& d) {
          return internal::GuardXapian("marking the copies in " + dir.string(), [&] {
            internal::MarkCopies(d, copies[i]);
            internal::RecordCopiesMarked(d, group);
          });
        });
        !s.ok())
      return s;
    changed = false;
    return Status::Ok();
  }

  // Commits the staging index, merges it into `dir`, and goes on writing
  // `dir` directly.
  Status FinishStaged() {
    // (The staging shards' Commit marks the copies across them, and records
    // the extractor version if it read every file.)
    if (Status s = staged->Commit(); !s.ok()) return s;
    std::error_code ec;
    // A database in `dir` already: this writer merged it and could not
    // open it (a retried Commit), or another one did.
    if (!std::filesystem::exists(dir / "iamglass", ec))
      if (Status s = internal::MergeStaging(dir, /*copies_marked=*/true); !s.ok()) return s;
    if (Status s = OpenDatabase(dir, false, options.wait_for_lock, db); !s.ok()) return s;
    if (Status s = OpenGate(); !s.ok()) return s;
    // Files begun but not finished keep their ids for FinishFile.
    for (auto& [path, ids] : staged->impl_->file_ids) file_ids[path].merge(ids);
    read_by_this_extractor = std::move(staged->impl_->read_by_this_extractor);
    if (Status s = internal::GuardXapian("index " + dir.string(), [&] {
          extractor_version = SettleExtractorVersion(db, false);
        });
        !s.ok())
      return s;
    staged.reset();
    // A leftover is harmless: the next Open removes it.
    (void)internal::RemoveStaging(dir);
    staging_lock.reset();
    pending = 0;
    return Status::Ok();
  }

  Status CommitAll() {
    const auto shut = ShutGate();
    if (!sharded()) {
      return internal::GuardXapian("committing", [&] {
        db.commit();
        pending = 0;
      });
    }
    // Shards first, then the file records (see the comment above), with
    // the revision each shard had then.
    std::vector<Xapian::rev> revisions(shards.size());
    if (Status s = Broadcast([&](size_t i, Xapian::WritableDatabase& d) {
          d.commit();
          revisions[i] = d.get_revision();
          return Status::Ok();
        });
        !s.ok())
      return s;
    return internal::GuardXapian("committing " + dir.string(), [&] {
      for (size_t i = 0; i < shards.size(); ++i)
        db.set_metadata(RevisionKey(shards[i]->name()), std::to_string(revisions[i]));
      db.commit_transaction();
      db.commit();
      db.begin_transaction(false);
      pending = 0;
    });
  }

  // IndexWriter::FilesFromOlderExtractor (Xapian errors are thrown).
  uint64_t FilesFromOlderExtractor() const {
    if (extractor_version >= kExtractorVersion) return 0;
    uint64_t older = 0;
    const std::string prefix(schema::kMetaFile);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
      older += !read_by_this_extractor.contains(*it);
    return older;
  }

  static std::string RevisionKey(const std::string& shard) {
    return std::string(schema::kMetaShardRevision) + shard;
  }

  Status OpenShard(const std::string& name) {
    Xapian::WritableDatabase shard;
    const std::filesystem::path path = dir / internal::kShardsDir / name;
    if (Status s = OpenDatabase(path, true, options.wait_for_lock, shard, db_flags); !s.ok())
      return s;
    (void)internal::RemoveCompactScratch(path);
    Status s = internal::GuardXapian("index " + path.string(), [&] {
      if (partition.count > 1) {
        shard.set_metadata(std::string(schema::kMetaPartition), PartitionToString(partition));
        shard.commit();
      }
      const std::string recorded = db.get_metadata(RevisionKey(name));
      const bool ahead = recorded.empty() ? shard.get_doccount() > 0
                                          : shard.get_revision() > std::stoull(recorded);
      if (ahead) dirty.insert(name);
    });
    if (!s.ok()) return s;
    shard_index[name] = shards.size();
    shards.push_back(std::make_unique<internal::ShardWorker>(name, path, std::move(shard), budget));
    return Status::Ok();
  }

  Status WriteStub() {
    std::vector<std::string> names;
    for (const auto& s : shards) names.push_back(s->name());
    return internal::WriteStub(dir, names);
  }

  // Time shards: the shard for a period, created (and added to the stub)
  // when the first article of the period comes.
  Result<size_t> TimeShard(const std::string& name) {
    if (auto it = shard_index.find(name); it != shard_index.end()) return it->second;
    if (Status s = OpenShard(name); !s.ok()) return s;
    std::sort(shards.begin(), shards.end(),
              [](const auto& a, const auto& b) { return a->name() < b->name(); });
    for (size_t i = 0; i < shards.size(); ++i) shard_index[shards[i]->name()] = i;
    if (Status s = WriteStub(); !s.ok()) return s;
    return shard_index[name];
  }

  // The shards that may hold articles of a file with these ids: where the
  // ids go, and the dirty ones.
  std::vector<size_t> ShardsHolding(const std::set<std::string>& ids) {
    std::set<size_t> which;
    for (const std::string& name : dirty)
      if (auto it = shard_index.find(name); it != shard_index.end()) which.insert(it->second);
    for (const std::string& id : ids) {
      if (shard_by == ShardBy::kHash) {
        which.insert(static_cast<size_t>(internal::Fnv1a64(id) / partition.count % hash_shards));
        continue;
      }
      const std::string at =
          db.get_metadata(std::string(schema::kMetaShardOf) + internal::ShortKey(id));
      if (auto it = shard_index.find(at); it != shard_index.end()) which.insert(it->second);
    }
    return {which.begin(), which.end()};
  }

  // Takes the article into a task (std::function needs a copyable callable).
  static internal::ShardWorker::Task AddTask(std::unique_ptr<PreparedArticle::Impl> prepared) {
    std::shared_ptr<PreparedArticle::Impl> p(std::move(prepared));
    return [p](Xapian::WritableDatabase& d) {
      AddToDb(d, p->built, p->path);
      return Status::Ok();
    };
  }

  Status AddSharded(std::unique_ptr<PreparedArticle::Impl> prepared);
  Status MoveArticle(size_t from, size_t to, std::unique_ptr<PreparedArticle::Impl>& prepared,
                     const std::string& map_key);
};

Status IndexWriter::Impl::AddSharded(std::unique_ptr<PreparedArticle::Impl> prepared) {
  const BuiltDocument& b = prepared->built;
  const uint64_t weight = Weight(b);
  if (shard_by == ShardBy::kHash) {
    // Within a partition of N, the hash divided by N spreads the articles
    // over the shards (all of them have the same hash % N).
    const uint64_t h = internal::Fnv1a64(b.id) / partition.count;
    const size_t i = static_cast<size_t>(h % hash_shards);
    return shards[i]->Post(AddTask(std::move(prepared)), weight);
  }
  const std::string name =
      internal::TimeShardName(shard_by, b.document.get_value(schema::kSlotDate));
  auto to = TimeShard(name);
  if (!to.ok()) return to.status();
  const std::string map_key = std::string(schema::kMetaShardOf) + internal::ShortKey(b.id);
  const std::string current = db.get_metadata(map_key);
  if (current != name) {
    auto from = shard_index.find(current);
    if (from != shard_index.end()) return MoveArticle(from->second, to.value(), prepared, map_key);
    db.set_metadata(map_key, name);
  }
  return shards[to.value()]->Post(AddTask(std::move(prepared)), weight);
}

// The article is mapped to shard `from` and its date is in shard `to`.
Status IndexWriter::Impl::MoveArticle(size_t from, size_t to,
                                      std::unique_ptr<PreparedArticle::Impl>& prepared,
                                      const std::string& map_key) {
  const BuiltDocument& b = prepared->built;
  const std::string path = prepared->path;
  Verdict verdict = Verdict::kNew;
  std::string claims;
  // The version rule where the article is (claims updated there).
  if (Status s = shards[from]->Run([&](Xapian::WritableDatabase& d) {
        Xapian::docid old_id = 0;
        verdict = Judge(d, b, path, old_id);
        if (verdict == Verdict::kReplace) claims = d.get_metadata(ClaimMetaKey(b.id));
        return Status::Ok();
      });
      !s.ok())
    return s;
  if (verdict == Verdict::kKeep) return Status::Ok();  // it stays where it is
  if (verdict == Verdict::kNew) {
    // The map was stale (a killed run): an ordinary add where it belongs.
    db.set_metadata(map_key, shards[to]->name());
    const uint64_t weight = Weight(b);
    return shards[to]->Post(AddTask(std::move(prepared)), weight);
  }
  // The new version moves, with the claims. Its new copy is committed
  // before the old one is deleted: a kill in between leaves a duplicate
  // that the next run removes, never a loss.
  if (Status s = shards[to]->Run([&](Xapian::WritableDatabase& d) {
        d.replace_document(b.id_term, b.document);
        d.set_metadata(ClaimMetaKey(b.id), claims);
        const auto shut = ShutGate();
        d.commit();
        return Status::Ok();
      });
      !s.ok())
    return s;
  const std::string id = b.id, id_term = b.id_term;
  if (Status s = shards[from]->Post(
          [id, id_term](Xapian::WritableDatabase& d) {
            d.delete_document(id_term);
            d.set_metadata(ClaimMetaKey(id), std::string());
            return Status::Ok();
          },
          256);
      !s.ok())
    return s;
  db.set_metadata(map_key, shards[to]->name());
  return Status::Ok();
}

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;
IndexWriter::~IndexWriter() {
  if (impl_) (void)Commit();
  // Shard threads stop (after their queues) before the metadata database
  // closes; an uncommitted metadata transaction is then dropped.
  if (impl_) impl_->shards.clear();
}

namespace {

// What a staged build opens: the staging index of DIR, with the options of
// its writer and the flags of its databases; std::nullopt if `dir` turned
// out to hold a database once the lock was ours (`lock` is then released).
struct StagedOpen {
  std::filesystem::path staging;
  WriterOptions options;
  int db_flags = 0;
};

Result<std::optional<StagedOpen>> PrepareStaged(const std::filesystem::path& dir,
                                                const WriterOptions& options,
                                                std::optional<internal::StagingLock>& lock) {
  namespace fs = std::filesystem;
  auto locked = internal::StagingLock::Acquire(dir, options.wait_for_lock);
  if (!locked.ok()) return locked.status();
  lock.emplace(std::move(locked.value()));
  std::error_code ec;
  if (fs::exists(dir / "iamglass", ec)) {
    lock.reset();
    return std::optional<StagedOpen>();
  }
  // (Removes a staging index left by a crash of the machine.)
  auto unsynced = internal::SettleStagingSync(dir, internal::CurrentBootId());
  if (!unsynced.ok()) return unsynced.status();
  StagedOpen open;
  open.staging = dir / internal::kStagingDir;
  open.db_flags = unsynced.value() ? Xapian::DB_NO_SYNC : 0;
  WriterOptions& nested = open.options;
  nested = options;
  nested.create = true;
  nested.build_threads = 0;
  // A staging index that has its metadata database keeps its layout (the
  // number of threads may differ on this run); a new one gets one shard
  // per thread.
  const fs::path meta = open.staging / internal::kShardsDir / internal::kMetaShard;
  bool has_layout = false;
  if (fs::exists(meta / "iamglass", ec)) {
    try {
      has_layout =
          !Xapian::Database(meta.string()).get_metadata(std::string(schema::kMetaLayout)).empty();
    } catch (const Xapian::Error&) {
      has_layout = true;  // unreadable: opening it below says why
    }
  }
  if (has_layout) {
    nested.shard_by = ShardBy::kNone;
  } else {
    nested.shard_by = ShardBy::kHash;
    nested.shards = std::clamp<uint32_t>(options.build_threads, 2, kMaxShards);
  }
  return std::optional<StagedOpen>(std::move(open));
}

}  // namespace

Result<IndexWriter> IndexWriter::Open(const std::filesystem::path& dir,
                                      const WriterOptions& options) {
  return OpenWithFlags(dir, options, 0);
}

Result<IndexWriter> IndexWriter::OpenWithFlags(const std::filesystem::path& dir,
                                               const WriterOptions& options, int db_flags) {
  namespace fs = std::filesystem;
  const std::string where = "index " + dir.string();
  if (options.shard_by == ShardBy::kHash && (options.shards < 1 || options.shards > kMaxShards))
    return Status::InvalidArgument("the number of shards must be 1 to " +
                                   std::to_string(kMaxShards) + ", not " +
                                   std::to_string(options.shards));
  if (options.partition.count < 1 || options.partition.count > kMaxShards ||
      options.partition.index >= options.partition.count)
    return Status::InvalidArgument("bad partition " + PartitionToString(options.partition) +
                                   ": it must be I/N with 0 <= I < N <= " +
                                   std::to_string(kMaxShards));
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    return Status::InvalidArgument(where + internal::WhyNotAnIndexDirectory(dir));
  if (options.create) {
    fs::create_directories(dir, ec);
    if (ec) return Status::IOError("cannot create " + where + ": " + ec.message());
  } else if (!fs::exists(dir, ec)) {
    return Status::NotFound("no " + where);
  }
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  impl->options = options;
  impl->db_flags = db_flags;
  if (impl->options.commit_every == 0) impl->options.commit_every = 1;
  const fs::path meta_path = dir / internal::kShardsDir / internal::kMetaShard;
  const bool has_meta = fs::exists(meta_path / "iamglass", ec);
  const bool has_single = fs::exists(dir / "iamglass", ec);
  const bool has_stub = fs::exists(dir / internal::kStubFile, ec);

  const bool has_staging = internal::HasStaging(dir);
  if (!has_meta && !has_single && has_staging && options.shard_by != ShardBy::kNone)
    return Status::InvalidArgument(where + " holds an unfinished one-database build (" +
                                   std::string(internal::kStagingDir) +
                                   "): run again without --shards or --shard-by to finish it, "
                                   "or index into a new directory");
  if (!has_meta && (has_single || options.shard_by == ShardBy::kNone)) {
    if (has_stub)
      return Status::InvalidArgument(where + " is a stub database that newsarc-index did not "
                                     "write: index into a new directory");
    if (options.shard_by != ShardBy::kNone)
      return Status::InvalidArgument(where + " is one database: it cannot be split into shards "
                                     "(--shards, --shard-by); index into a new directory");
    if (!has_single && (has_staging || (options.create && options.build_threads >= 2))) {
      auto staged = PrepareStaged(dir, options, impl->staging_lock);
      if (!staged.ok()) return staged.status();
      if (const auto& open = staged.value()) {
        auto writer = OpenWithFlags(open->staging, open->options, open->db_flags);
        if (!writer.ok()) return writer.status();
        // Tables of a merge stopped before its version file was moved in.
        RemoveUnfinishedGlass(dir);
        impl->partition = writer.value().partition();
        impl->staged = std::make_unique<IndexWriter>(std::move(writer.value()));
        return IndexWriter(std::move(impl));
      }
      // Another writer merged the build while this one waited: open it.
    }
    if (Status s = OpenDatabase(dir, options.create, options.wait_for_lock, impl->db,
                                impl->db_flags);
        !s.ok())
      return s;
    if (Status s = impl->OpenGate(); !s.ok()) return s;
    // What a merged build left if it was stopped before cleaning up, and a
    // killed compaction's scratch copy (the lock is ours: none is running).
    if (internal::HasStaging(dir)) (void)internal::RemoveStaging(dir);
    (void)internal::RemoveCompactScratch(dir);
    Status s = internal::GuardXapian(where, [&] {
      const bool fresh = impl->db.get_doccount() == 0 && !HasFileRecords(impl->db);
      Status p = SettlePartition(impl->db, where, fresh, options.partition, impl->partition);
      if (!p.ok()) return p;
      impl->extractor_version = SettleExtractorVersion(impl->db, fresh);
      impl->db.commit();
      return p;
    });
    if (!s.ok()) return s;
    return IndexWriter(std::move(impl));
  }

  // Sharded: the metadata database first (it holds the lock).
  if (!has_meta && !options.create) return Status::NotFound("no " + where);
  fs::create_directories(meta_path.parent_path(), ec);
  if (ec) return Status::IOError("cannot create " + where + ": " + ec.message());
  if (Status s = OpenDatabase(meta_path, true, options.wait_for_lock, impl->db, impl->db_flags);
      !s.ok())
    return s;
  if (Status s = impl->OpenGate(); !s.ok()) return s;
  // A killed compaction's scratch copy (of each shard: OpenShard).
  (void)internal::RemoveCompactScratch(meta_path);
  Status s = internal::GuardXapian(where, [&]() -> Status {
    Xapian::WritableDatabase& m = impl->db;
    const std::string recorded = m.get_metadata(std::string(schema::kMetaLayout));
    const bool fresh = recorded.empty() && !HasFileRecords(m);
    if (recorded.empty()) {
      if (options.shard_by == ShardBy::kNone)
        return Status::InvalidArgument(where + " was being created as a sharded index but has "
                                       "no layout yet: run again with --shards or --shard-by");
      impl->shard_by = options.shard_by;
      impl->hash_shards = options.shard_by == ShardBy::kHash ? options.shards : 0;
      m.set_metadata(std::string(schema::kMetaLayout),
                     LayoutToString(impl->shard_by, impl->hash_shards));
    } else {
      if (!LayoutFromString(recorded, impl->shard_by, impl->hash_shards))
        return Status::Corruption(where + " records an unknown layout '" + recorded + "'");
      if (options.shard_by != ShardBy::kNone &&
          (options.shard_by != impl->shard_by ||
           (options.shard_by == ShardBy::kHash && options.shards != impl->hash_shards)))
        return Status::InvalidArgument(
            where + " has " + DescribeLayout(impl->shard_by, impl->hash_shards) +
            "; it cannot be indexed with " + DescribeLayout(options.shard_by, options.shards) +
            ": leave the flag out to keep the layout, or index into a new directory");
    }
    if (Status p = SettlePartition(m, where, fresh, options.partition, impl->partition); !p.ok())
      return p;
    impl->extractor_version = SettleExtractorVersion(m, fresh);
    m.commit();
    m.begin_transaction(false);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  impl->budget = std::make_shared<internal::QueueBudget>(
      std::max<uint32_t>(1, options.shard_queue_articles),
      std::max<uint64_t>(1, options.shard_queue_bytes));
  std::vector<std::string> names;
  if (impl->shard_by == ShardBy::kHash) {
    for (uint32_t i = 0; i < impl->hash_shards; ++i) names.push_back(internal::HashShardName(i));
  } else {
    for (const auto& e : fs::directory_iterator(dir / internal::kShardsDir, ec)) {
      const std::string name = e.path().filename().string();
      if (internal::IsTimeShardName(impl->shard_by, name) && fs::exists(e.path() / "iamglass", ec))
        names.push_back(name);
    }
    if (ec) return Status::IOError("cannot list " + (dir / internal::kShardsDir).string() + ": " +
                                   ec.message());
    std::sort(names.begin(), names.end());
  }
  for (const std::string& name : names)
    if (Status o = impl->OpenShard(name); !o.ok()) return o;
  if (Status w = impl->WriteStub(); !w.ok()) return w;
  return IndexWriter(std::move(impl));
}

Result<CompactStats> IndexWriter::Compact(const std::filesystem::path& dir, bool wait_for_lock,
                                          unsigned threads) {
  return internal::CompactIndex(dir, wait_for_lock, threads);
}

std::string IndexWriter::ArticleId(const Article& article) {
  if (!article.id.empty()) return article.id;
  if (!article.url.empty()) {
    std::string url = internal::CanonicalUrl(article.url);
    if (!url.empty()) return url;
  }
  return internal::FileArticleId(article.source_path, article.record);
}

uint64_t IndexWriter::KeyHash(const std::string& article_id) {
  return internal::Fnv1a64(article_id);
}

bool IndexWriter::InPartition(const std::string& article_id, const Partition& partition) {
  if (partition.count <= 1) return true;
  return internal::Fnv1a64(article_id) % partition.count == partition.index;
}

Status IndexWriter::Add(const Article& article) {
  if (impl_->partition.count > 1 && !InPartition(ArticleId(article), impl_->partition))
    return Status::Ok();
  Status s = internal::GuardXapian("indexing " + article.source_path, [&] {
    return Add(PreparedArticle::Prepare(article));
  });
  return s;
}

Status IndexWriter::Add(PreparedArticle prepared) {
  Impl& w = *impl_;
  if (w.staged) return w.staged->Add(std::move(prepared));
  BuiltDocument& b = prepared.impl_->built;
  if (w.partition.count > 1 && !InPartition(b.id, w.partition)) return Status::Ok();
  const std::string& path = prepared.impl_->path;
  if (w.sharded()) {
    if (Status e = w.ShardError(); !e.ok()) return e;
    w.file_ids[path].insert(b.id);
    // The article moves to its shard's thread: nothing of it is used after.
    Status s = internal::GuardXapian("indexing " + path, [&] {
      return w.AddSharded(std::move(prepared.impl_));
    });
    if (!s.ok()) return s;
    return w.MaybeCommit();
  }
  Status s = internal::GuardXapian("indexing " + path, [&]() -> Status {
    w.file_ids[path].insert(b.id);
    if (const Xapian::docid id = AddToDb(w.db, b, path)) {
      const std::string key = b.document.get_value(schema::kSlotCollapse);
      if (!key.empty()) w.written_keys.emplace_back(id, internal::KeyHash(key));
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return w.MaybeCommit();
}

Status IndexWriter::Delete(const std::string& id) {
  Impl& w = *impl_;
  if (w.staged) return w.staged->Delete(id);
  bool found = false;
  if (w.sharded()) {
    std::vector<char> hit(w.shards.size(), 0);
    if (Status s = w.Broadcast([&](size_t i, Xapian::WritableDatabase& d) {
          hit[i] = DeleteFromDb(d, id);
          return Status::Ok();
        });
        !s.ok())
      return s;
    found = std::find(hit.begin(), hit.end(), 1) != hit.end();
    if (w.shard_by != ShardBy::kHash) {
      Status s = internal::GuardXapian("deleting " + id, [&] {
        w.db.set_metadata(std::string(schema::kMetaShardOf) + internal::ShortKey(id), "");
      });
      if (!s.ok()) return s;
    }
  } else {
    Status s = internal::GuardXapian("deleting " + id, [&] { found = DeleteFromDb(w.db, id); });
    if (!s.ok()) return s;
  }
  if (!found) return Status::NotFound("no article with id " + id);
  return w.MaybeCommit();
}

std::optional<FileStamp> IndexWriter::StampOf(const std::string& path) const {
  if (impl_->staged) return impl_->staged->StampOf(path);
  try {
    const std::string key = FileMetaKey(path);
    auto record = ParseRecord(key, impl_->db.get_metadata(key));
    if (record && record->path == path) return record->stamp;
  } catch (const Xapian::Error&) {
  }
  return std::nullopt;
}

Result<std::vector<std::string>> IndexWriter::RemoveFile(const std::string& path) {
  Impl& w = *impl_;
  if (w.staged) return w.staged->RemoveFile(path);
  std::vector<std::string> reread;
  const std::string file_key = internal::FileKey(path);
  if (Status e = w.ShardError(); !e.ok()) return e;
  Status s = internal::GuardXapian("removing " + path, [&]() -> Status {
    std::set<std::string> ids;
    const std::string key = FileMetaKey(path);
    if (auto record = ParseRecord(key, w.db.get_metadata(key)))
      ids.insert(record->ids.begin(), record->ids.end());
    auto added = w.file_ids.find(path);
    if (added != w.file_ids.end()) {
      ids.insert(added->second.begin(), added->second.end());
      w.file_ids.erase(added);
    }
    size_t won = 0;
    if (w.sharded()) {
      // Only the shards that can hold the file's articles: a new file in
      // a clean index costs no shard round trip.
      std::vector<Removal> removals(w.shards.size());
      Status b = w.RunOn(w.ShardsHolding(ids), [&](size_t i, Xapian::WritableDatabase& d) {
        RemoveFromDb(d, file_key, ids, true, removals[i]);
        return Status::Ok();
      });
      if (!b.ok()) return b;
      for (size_t i = 0; i < removals.size(); ++i) {
        const Removal& r = removals[i];
        reread.insert(reread.end(), r.reread.begin(), r.reread.end());
        won += r.won.size();
        if (w.shard_by == ShardBy::kHash) continue;
        // Forget where the deleted articles were, unless they moved since.
        for (const std::string& id : r.won) {
          const std::string where = std::string(schema::kMetaShardOf) + internal::ShortKey(id);
          if (w.db.get_metadata(where) == w.shards[i]->name()) w.db.set_metadata(where, "");
        }
      }
    } else {
      Removal r;
      RemoveFromDb(w.db, file_key, ids, false, r);
      reread = std::move(r.reread);
      won = r.won.size();
    }
    w.db.set_metadata(FileMetaKey(path), std::string());
    w.pending += static_cast<uint32_t>(won);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  std::sort(reread.begin(), reread.end());
  reread.erase(std::unique(reread.begin(), reread.end()), reread.end());
  return reread;
}

Status IndexWriter::FinishFile(const std::string& path, const FileStamp& stamp) {
  Impl& w = *impl_;
  if (w.staged) return w.staged->FinishFile(path, stamp);
  if (Status e = w.ShardError(); !e.ok()) return e;
  FileRecord record{path, stamp, {}};
  if (auto it = w.file_ids.find(path); it != w.file_ids.end()) {
    record.ids.assign(it->second.begin(), it->second.end());
    w.file_ids.erase(it);
  }
  Status s = internal::GuardXapian("recording " + path, [&] {
    const std::string key = FileMetaKey(path);
    w.db.set_metadata(key, SerializeRecord(record));
    if (w.extractor_version < kExtractorVersion) w.read_by_this_extractor.insert(key);
  });
  if (!s.ok()) return s;
  return w.MaybeCommit();
}

std::vector<std::string> IndexWriter::KnownFiles(const std::string& prefix) const {
  if (impl_->staged) return impl_->staged->KnownFiles(prefix);
  std::vector<std::string> files;
  try {
    const std::string meta_prefix(schema::kMetaFile);
    for (auto it = impl_->db.metadata_keys_begin(meta_prefix);
         it != impl_->db.metadata_keys_end(meta_prefix); ++it) {
      auto record = ParseRecord(*it, impl_->db.get_metadata(*it));
      if (record && record->path.compare(0, prefix.size(), prefix) == 0)
        files.push_back(record->path);
    }
  } catch (const Xapian::Error&) {
  }
  return files;
}

int IndexWriter::ExtractorVersion() const {
  if (impl_->staged) return impl_->staged->ExtractorVersion();
  return impl_->extractor_version;
}

Result<uint64_t> IndexWriter::FilesFromOlderExtractor() const {
  if (impl_->staged) return impl_->staged->FilesFromOlderExtractor();
  uint64_t older = 0;
  Status s = internal::GuardXapian("reading the file records of " + impl_->dir.string(),
                                   [&] { older = impl_->FilesFromOlderExtractor(); });
  if (!s.ok()) return s;
  return older;
}

Status IndexWriter::Commit() {
  if (impl_->staged) return impl_->FinishStaged();
  Impl& w = *impl_;
  if (Status e = w.ShardError(); !e.ok()) return e;
  Status marked = w.sharded() ? w.MarkCopiesAcrossShards() : w.MarkOwnCopies();
  if (!marked.ok()) return marked;
  if (w.extractor_version < kExtractorVersion) {
    Status s = internal::GuardXapian("recording the extractor version in " + w.dir.string(), [&] {
      if (w.FilesFromOlderExtractor() != 0) return;
      w.db.set_metadata(std::string(schema::kMetaExtractor), std::to_string(kExtractorVersion));
      w.extractor_version = kExtractorVersion;
      w.read_by_this_extractor.clear();
    });
    if (!s.ok()) return s;
  }
  return w.CommitAll();
}

uint64_t IndexWriter::ArticleCount() const {
  Impl& w = *impl_;
  if (w.staged) return w.staged->ArticleCount();
  if (!w.sharded()) {
    try {
      return w.db.get_doccount();
    } catch (const Xapian::Error&) {
      return 0;
    }
  }
  std::vector<uint64_t> counts(w.shards.size(), 0);
  (void)w.Broadcast([&](size_t i, Xapian::WritableDatabase& d) {
    counts[i] = d.get_doccount();
    return Status::Ok();
  });
  uint64_t total = 0;
  for (uint64_t c : counts) total += c;
  return total;
}

ShardBy IndexWriter::shard_by() const { return impl_->shard_by; }

uint32_t IndexWriter::shard_count() const {
  return impl_->sharded() ? static_cast<uint32_t>(impl_->shards.size()) : 1;
}

Partition IndexWriter::partition() const { return impl_->partition; }

std::string IndexWriter::LayoutDescription() const {
  if (impl_->shard_by == ShardBy::kYear || impl_->shard_by == ShardBy::kMonth)
    return internal::DescribeLayout(impl_->shard_by, 0) + ", " +
           std::to_string(impl_->shards.size()) + " shards";
  return internal::DescribeLayout(impl_->shard_by, impl_->hash_shards);
}

}  // namespace newsarc
