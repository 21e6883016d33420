// IndexWriter: adds articles to a newsarc index and keeps track of the files
// they came from, so that re-runs only touch what changed.
#ifndef NEWSARC_INDEX_WRITER_H_
#define NEWSARC_INDEX_WRITER_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newsarc/article.h"
#include "newsarc/newsarc_export.h"
#include "newsarc/status.h"

namespace newsarc {

// The default index location: $NEWSARC_DB, else
// ${XDG_DATA_HOME:-~/.local/share}/newsarc/index. Shared by indexer and searcher.
NEWSARC_EXPORT std::filesystem::path DefaultIndexPath();

// An article turned into an index document: tokenised, normalised, with its
// speakers and organisations extracted. Building one is the expensive part
// of indexing and may run on any thread; adding it is cheap.
class NEWSARC_EXPORT PreparedArticle {
 public:
  // Thread-safe: shares no state with other calls.
  [[nodiscard]] static PreparedArticle Prepare(const Article& article);

  const std::string& id() const;
  int version() const;
  const Extraction& extraction() const;

  PreparedArticle(PreparedArticle&&) noexcept;
  PreparedArticle& operator=(PreparedArticle&&) noexcept;
  ~PreparedArticle();

 private:
  friend class IndexWriter;
  struct Impl;
  explicit PreparedArticle(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// When a file was last seen by the indexer.
struct FileStamp {
  int64_t mtime_ns = 0;
  uint64_t size = 0;
  bool operator==(const FileStamp&) const = default;
};

// How a sharded index splits its articles (see "Shards" in README.md).
enum class ShardBy {
  kNone,   // one database (the default), or: keep the existing layout
  kHash,   // `shards` databases, by KeyHash(ArticleId) % shards
  kYear,   // one database per year of the article's date, plus "undated"
  kMonth,  // one per month
};

// Largest --shards and --partition count.
inline constexpr uint32_t kMaxShards = 999;

// This index holds only the articles whose KeyHash % count == index: the
// articles shard `index` of `shards = count` would hold. {0, 1}: all.
struct Partition {
  uint32_t index = 0;
  uint32_t count = 1;
  bool operator==(const Partition&) const = default;
};

struct WriterOptions {
  // Create the index if it does not exist (default true).
  bool create = true;
  // Commit after this many added or removed articles. Bounds memory use and
  // the work lost if the process is killed.
  uint32_t commit_every = 2000;
  // If another writer holds the index, wait until it is done instead of
  // returning kLocked.
  bool wait_for_lock = false;
  // Layout of a new index. For an existing one, kNone keeps its layout and
  // anything else must match it (kInvalidArgument otherwise). kHash needs
  // 1 <= shards <= kMaxShards. A sharded index is a folder holding a Xapian
  // stub (XAPIANDB) and the shard databases; every reader opens it as one.
  ShardBy shard_by = ShardBy::kNone;
  uint32_t shards = 0;
  // Index only one partition of the articles. Recorded in the index; left
  // unset ({0, 1}) it keeps the recorded one, else it must match it.
  Partition partition;
  // Writer threads for a NEW one-database index (shard_by kNone, no index
  // in the directory yet). With 2 or more, the articles are written by that
  // many threads into a staging area (DIR/.staging: hash shards, one thread
  // each) and merged into one compacted database at the first Commit() or
  // when the writer closes. Searches see the articles from then on, not at
  // the periodic commits; a killed build resumes from its last periodic
  // commit. An existing index, or 0 or 1, writes directly on the calling
  // thread.
  uint32_t build_threads = 0;
  // Articles queued per shard writer thread, and their bytes, at most.
  uint32_t shard_queue_articles = 256;
  uint64_t shard_queue_bytes = uint64_t{64} << 20;
};

// What IndexWriter::Compact did.
struct CompactStats {
  uint32_t databases = 0;     // databases rewritten: 1, or every shard and the metadata one
  uint64_t bytes_before = 0;  // their files' sizes before and after
  uint64_t bytes_after = 0;
};

// Writes one index directory. Only one IndexWriter may hold an index at a
// time (across processes); Open returns kLocked otherwise.
// Not thread-safe: call it from one thread; Prepare articles on others.
class NEWSARC_EXPORT IndexWriter {
 public:
  [[nodiscard]] static Result<IndexWriter> Open(const std::filesystem::path& dir,
                                                const WriterOptions& options = {});

  // The key an article is stored under: its id, else its URL (without
  // scheme, "www." and trailing '/'), else "file:<source_path>#<record>".
  [[nodiscard]] static std::string ArticleId(const Article& article);

  // The stable hash that places an article in a hash shard or partition:
  // FNV-1a 64 over the bytes of its ArticleId.
  [[nodiscard]] static uint64_t KeyHash(const std::string& article_id);
  // Whether the article with this id belongs to `partition`.
  [[nodiscard]] static bool InPartition(const std::string& article_id,
                                        const Partition& partition);

  // Adds or replaces the article with the same id. A stored article with a
  // higher version from another file is kept (versions of one URL are one
  // article, the highest wins), and so is an equal version from another file
  // (the same article is never in the index twice). An article outside the
  // index's partition is ignored (Ok). In a sharded index the article is
  // written by its shard's thread: an error may surface on a later call.
  [[nodiscard]] Status Add(PreparedArticle article);
  [[nodiscard]] Status Add(const Article& article);

  // Removes the article stored under `id` (as ArticleId gives it), for
  // programs that manage articles themselves. kNotFound if there is none.
  [[nodiscard]] Status Delete(const std::string& id);

  // Incremental bookkeeping, keyed by absolute file path.
  // The stamp recorded by FinishFile, if the file was fully indexed.
  [[nodiscard]] std::optional<FileStamp> StampOf(const std::string& path) const;
  // Removes every article that came from `path` and forgets the file.
  // Returns the other files that hold a version of a removed article: they
  // must be read again so that their version comes back.
  [[nodiscard]] Result<std::vector<std::string>> RemoveFile(const std::string& path);
  // Records that `path` was read completely.
  [[nodiscard]] Status FinishFile(const std::string& path, const FileStamp& stamp);
  // Every file the index knows whose path starts with `prefix`.
  [[nodiscard]] std::vector<std::string> KnownFiles(const std::string& prefix) const;

  // Which extractor (kExtractorVersion, extract.h) found the speakers,
  // organisations and quotes of the index's files. An index keeps what the
  // newsarc that read each file found until the file is read again, so an
  // index written by an older newsarc holds what an older extractor found.
  //
  // The version that read every file of the index: this newsarc's for an
  // index it created, or once it has read again every file that an older
  // one read; 0 for an index written before versions were recorded. (A
  // newsarc older than this one that writes to the index later does not
  // lower it.)
  int ExtractorVersion() const;
  // How many of the index's files an older extractor may have read: 0 when
  // ExtractorVersion() is kExtractorVersion, else the files that this writer
  // has not recorded (FinishFile) since it opened the index. A walk over the
  // file records. The Commit that leaves none records kExtractorVersion.
  [[nodiscard]] Result<uint64_t> FilesFromOlderExtractor() const;

  // Makes everything so far durable, atomically. During a staged build
  // (WriterOptions::build_threads) it also merges the staging area into the
  // index, which the writer then updates directly. When articles changed,
  // a one-database index also marks the copies of a story among them (a
  // slot that searches of this database collapse on): a writer's first
  // marking reads every article's near-duplicate key (~35 ms for 19,000
  // articles) and keeps a holder of each (~40 bytes a key), later ones look
  // at the articles written since. The writer commits by itself every
  // WriterOptions::commit_every changes, without marking.
  [[nodiscard]] Status Commit();

  // Rewrites every database of the index in `dir` as xapian-compact does
  // (full blocks, no free space; the same articles, document ids and
  // records), each one copied into a folder beside it that then takes its
  // place in one atomic exchange: a search sees the old database or the
  // new one, and a crash leaves one of them in place (the next writer or
  // compaction removes the other). Worth it after large increments, which
  // leave an index about a third larger. The shards of a sharded index are
  // compacted `threads` at a time (0: one per core). Needs the free space
  // of a copy of the largest database (of the `threads` largest shards),
  // and the writer's lock: kLocked while an IndexWriter holds the index (or
  // it waits). An unfinished first build is refused: running the indexer
  // again finishes it compacted.
  [[nodiscard]] static Result<CompactStats> Compact(const std::filesystem::path& dir,
                                                    bool wait_for_lock = false,
                                                    unsigned threads = 0);

  // Number of articles in the index (committed or not).
  uint64_t ArticleCount() const;

  // The index's layout and partition (as opened: recorded or new).
  ShardBy shard_by() const;
  uint32_t shard_count() const;  // databases holding articles (1 if unsharded)
  Partition partition() const;
  // "one database", "4 shards by key hash (--shards 4)", ...
  std::string LayoutDescription() const;

  IndexWriter(IndexWriter&&) noexcept;
  IndexWriter& operator=(IndexWriter&&) noexcept;
  // Commits what is pending.
  ~IndexWriter();

 private:
  struct Impl;
  explicit IndexWriter(std::unique_ptr<Impl> impl);
  // Open, with Xapian flags added to every database it opens (a staged
  // build's staging index: DB_NO_SYNC).
  static Result<IndexWriter> OpenWithFlags(const std::filesystem::path& dir,
                                           const WriterOptions& options, int db_flags);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsarc

#endif  // NEWSARC_INDEX_WRITER_H_
