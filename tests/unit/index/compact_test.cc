// IndexWriter::Compact: in-place compaction of one database and of every
// shard, what it keeps (articles, document ids, file records, the lock
// files; a killed run's dirty shards: shards_test.cc), what it refuses, and
// searches running while it swaps the databases.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <xapian.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "commit_gate.h"
#include "compact.h"
#include "index_test_util.h"
#include "newsarc/index_writer.h"
#include "newsarc/searcher.h"
#include "schema.h"
#include "shard_layout.h"
#include "staged_build.h"

namespace newsarc {
namespace {
namespace fs = std::filesystem;
namespace schema = internal::schema;

const std::vector<std::string> kQueries = {"encryption", "minister", "police report",
                                           "\"home secretary\"", "speaker:rudd", "org:whatsapp",
                                           "article 7"};

class CompactTest : public testing::TempDirTest {
 protected:
  CompactTest() : TempDirTest("compact") {}

  static Article MakeArticle(int i, int version = 0, const std::string& date = "") {
    Article a;
    a.url = "http://news.example/" + std::to_string(i);
    a.version = version;
    a.source_path = "/f/" + std::to_string(i % 7) + ".txt";
    a.title = "Article " + std::to_string(i) + (i % 3 ? " on encryption" : " from the minister");
    a.body = "\"Nobody should have a secret place to hide,\" said Home Secretary Amber Rudd "
             "of WhatsApp. She spoke to the police about report number " +
             std::to_string(i) + (version ? ", updated." : ".");
    a.date = date;
    return a;
  }

  // Writes articles 0..n-1 in seven files, then rewrites a third of them
  // (new versions) and removes one file: the increments that leave free
  // space behind in the B-trees.
  static void Fill(IndexWriter& w, int n, bool dated = false) {
    auto date = [&](int i) { return dated ? "201" + std::to_string(i % 3) + "-03-01" : ""; };
    for (int i = 0; i < n; ++i) ASSERT_OK(w.Add(MakeArticle(i, 0, date(i))));
    for (int f = 0; f < 7; ++f) ASSERT_OK(w.FinishFile("/f/" + std::to_string(f) + ".txt", {1, 1}));
    ASSERT_OK(w.Commit());
    for (int i = 0; i < n; i += 3) ASSERT_OK(w.Add(MakeArticle(i, 1, date(i))));
    ASSERT_OK(w.Commit());
    auto reread = w.RemoveFile("/f/6.txt");
    ASSERT_TRUE(reread.ok()) << reread.status().message();
    ASSERT_OK(w.Commit());
  }

  // Every query's hits, all of them, with their document ids.
  std::map<std::string, std::vector<std::pair<std::string, uint64_t>>> Hits(const fs::path& db) {
    std::map<std::string, std::vector<std::pair<std::string, uint64_t>>> all;
    auto s = Searcher::Open(db);
    EXPECT_TRUE(s.ok()) << s.status().message();
    if (!s.ok()) return all;
    for (const std::string& q : kQueries) {
      SearchRequest r;
      r.query = q;
      r.limit = 1000;
      r.snippets = false;
      auto got = s.value().Search(r);
      EXPECT_TRUE(got.ok()) << q << ": " << got.status().message();
      auto& hits = all[q];
      if (!got.ok()) continue;
      for (const Hit& h : got.value().hits) hits.emplace_back(h.id, h.docid);
    }
    return all;
  }

  void CheckShardedCompaction(const fs::path& dir, uint32_t shards, unsigned threads);

  static ino_t Inode(const fs::path& p) {
    struct stat st {};
    EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
    return st.st_ino;
  }
};

TEST_F(CompactTest, OneDatabaseKeepsArticlesIdsAndRecords) {
  {
    WriterOptions o;
    o.commit_every = 5;
    auto w = IndexWriter::Open(dir_, o);
    ASSERT_TRUE(w.ok()) << w.status().message();
    Fill(w.value(), 120);
  }
  const auto hits = Hits(dir_);
  for (const auto& [q, list] : hits) EXPECT_FALSE(list.empty()) << q;
  const auto metadata = testing::AllMetadata(dir_);
  const uint32_t docs = Xapian::Database(dir_.string()).get_doccount();
  const ino_t lock = Inode(dir_ / "flintlock");
  const ino_t gate = Inode(dir_ / internal::kCommitGateFile);

  auto done = IndexWriter::Compact(dir_);
  ASSERT_TRUE(done.ok()) << done.status().message();
  EXPECT_EQ(done.value().databases, 1u);
  EXPECT_LT(done.value().bytes_after, done.value().bytes_before);
  EXPECT_GT(done.value().bytes_after, 0u);

  EXPECT_EQ(Hits(dir_), hits);  // the same hits in the same order, the same docids
  // The same metadata, but for the revision whose marks of copies are
  // complete: the copy's own (collapse_key.h), so that they are still used.
  auto unmarked = [](std::map<std::string, std::string> m) {
    m.erase(std::string(schema::kMetaCopies));
    return m;
  };
  EXPECT_EQ(unmarked(testing::AllMetadata(dir_)), unmarked(metadata));
  testing::ExpectCopiesMarked(dir_);
  EXPECT_EQ(Xapian::Database(dir_.string()).get_doccount(), docs);
  // The lock files are the old ones (a waiting writer waits on the inode,
  // a search may hold the commit gate), and nothing is left beside the
  // index.
  EXPECT_EQ(Inode(dir_ / "flintlock"), lock);
  EXPECT_EQ(Inode(dir_ / internal::kCommitGateFile), gate);
  EXPECT_FALSE(fs::exists(internal::CompactScratch(dir_)));
  // (Only this index's: the folder is shared with tests running at the same
  // time, whose compactions leave their own scratch there for a moment.)
  for (const auto& e : fs::directory_iterator(dir_.parent_path())) {
    const std::string name = e.path().filename().string();
    if (name.find(dir_.filename().string()) == std::string::npos) continue;
    EXPECT_EQ(name.find(".compacting"), std::string::npos) << e.path();
  }

  // The writer goes on: the records say which files are done.
  auto w = IndexWriter::Open(dir_);
  ASSERT_TRUE(w.ok()) << w.status().message();
  EXPECT_TRUE(w.value().StampOf("/f/0.txt"));
  EXPECT_FALSE(w.value().StampOf("/f/6.txt"));
  ASSERT_OK(w.value().Add(MakeArticle(1000)));
  ASSERT_OK(w.value().Commit());
  EXPECT_EQ(w.value().ArticleCount(), docs + 1u);
}

TEST_F(CompactTest, ACompactIndexCompactsAgain) {
  {
    auto w = IndexWriter::Open(dir_);
    ASSERT_TRUE(w.ok());
    Fill(w.value(), 30);
  }
  const auto hits = Hits(dir_);
  ASSERT_TRUE(IndexWriter::Compact(dir_).ok());
  auto again = IndexWriter::Compact(dir_);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(Hits(dir_), hits);
}

// Builds a hash-sharded index of `shards` shards in `dir`, compacts it
// `threads` shards at a time and checks what it keeps.
void CompactTest::CheckShardedCompaction(const fs::path& dir, uint32_t shards, unsigned threads) {
  WriterOptions o;
  o.shard_by = ShardBy::kHash;
  o.shards = shards;
  o.commit_every = 4;
  {
    auto w = IndexWriter::Open(dir, o);
    ASSERT_TRUE(w.ok()) << w.status().message();
    Fill(w.value(), 90);
  }
  const auto hits = Hits(dir);
  const auto meta = testing::AllMetadata(dir / "shards/meta");
  auto done = IndexWriter::Compact(dir, false, threads);
  ASSERT_TRUE(done.ok()) << done.status().message();
  EXPECT_EQ(done.value().databases, shards + 1);
  EXPECT_LT(done.value().bytes_after, done.value().bytes_before);
  EXPECT_EQ(Hits(dir), hits);
  for (const auto& e : fs::directory_iterator(dir / "shards"))
    EXPECT_FALSE(e.path().filename().string().starts_with('.')) << e.path();

  // The file records are the same; each shard's recorded revision is its
  // new one (it is clean, as before).
  auto after = testing::AllMetadata(dir / "shards/meta");
  for (uint32_t i = 0; i < shards; ++i) {
    const std::string shard = internal::HashShardName(i);
    const std::string key = std::string(schema::kMetaShardRevision) + shard;
    ASSERT_TRUE(after.count(key)) << key;
    EXPECT_EQ(after[key],
              std::to_string(Xapian::Database((dir / "shards" / shard).string()).get_revision()));
    after.erase(key);
  }
  auto before = meta;
  std::erase_if(before, [](const auto& kv) {
    return kv.first.starts_with(std::string(schema::kMetaShardRevision));
  });
  EXPECT_EQ(after, before);
  // The shards' marks of copies (collapse_key.h) stay complete and made
  // together, at each compacted shard's own revision.
  std::vector<fs::path> compacted;
  for (uint32_t i = 0; i < shards; ++i)
    compacted.push_back(dir / "shards" / internal::HashShardName(i));
  testing::ExpectCopiesMarked(compacted);

  auto w = IndexWriter::Open(dir);
  ASSERT_TRUE(w.ok()) << w.status().message();
  EXPECT_EQ(w.value().shard_count(), shards);
  EXPECT_TRUE(w.value().StampOf("/f/1.txt"));
}

TEST_F(CompactTest, EveryHashShardAndTheMetadataDatabase) {
  // One shard at a time, two at a time, and every one at once.
  CheckShardedCompaction(dir_ / "one", 3, 1);
  CheckShardedCompaction(dir_ / "two", 5, 2);
  CheckShardedCompaction(dir_ / "all", 3, 8);
}

TEST_F(CompactTest, AShardThatCannotBeCompactedStopsTheRestAndLosesNothing) {
  WriterOptions o;
  o.shard_by = ShardBy::kHash;
  o.shards = 6;
  o.commit_every = 4;
  {
    auto w = IndexWriter::Open(dir_, o);
    ASSERT_TRUE(w.ok()) << w.status().message();
    Fill(w.value(), 90);
  }
  const auto hits = Hits(dir_);
  std::ofstream(dir_ / "shards/001/notes.txt") << "mine\n";
  auto done = IndexWriter::Compact(dir_, false, 2);
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(done.status().message().find("notes.txt"), std::string::npos)
      << done.status().message();
  EXPECT_TRUE(fs::exists(dir_ / "shards/001/notes.txt"));
  EXPECT_EQ(Hits(dir_), hits);
  // The shards compacted before it stopped are recorded at their new
  // revision, the others at their old one: none is taken for a killed
  // run's shard.
  const auto meta = testing::AllMetadata(dir_ / "shards/meta");
  for (uint32_t i = 0; i < 6; ++i) {
    const std::string shard = internal::HashShardName(i);
    EXPECT_EQ(meta.at(std::string(schema::kMetaShardRevision) + shard),
              std::to_string(Xapian::Database((dir_ / "shards" / shard).string()).get_revision()))
        << shard;
    EXPECT_FALSE(fs::exists(internal::CompactScratch(dir_ / "shards" / shard))) << shard;
  }
  fs::remove(dir_ / "shards/001/notes.txt");
  auto again = IndexWriter::Compact(dir_, false, 2);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again.value().databases, 7u);
  EXPECT_EQ(Hits(dir_), hits);
}

TEST_F(CompactTest, EveryTimeShard) {
  WriterOptions o;
  o.shard_by = ShardBy::kYear;
  {
    auto w = IndexWriter::Open(dir_, o);
    ASSERT_TRUE(w.ok()) << w.status().message();
    Fill(w.value(), 40, /*dated=*/true);
  }
  const auto hits = Hits(dir_);
  auto done = IndexWriter::Compact(dir_);
  ASSERT_TRUE(done.ok()) << done.status().message();
  EXPECT_EQ(done.value().databases, 4u);  // 2010, 2011, 2012 and meta
  EXPECT_EQ(Hits(dir_), hits);
}

TEST_F(CompactTest, RefusedWhileAWriterHoldsTheIndex) {
  {
    auto w = IndexWriter::Open(dir_);
    ASSERT_TRUE(w.ok());
    Fill(w.value(), 10);
    auto done = IndexWriter::Compact(dir_);
    ASSERT_FALSE(done.ok());
    EXPECT_EQ(done.status().code(), StatusCode::kLocked) << done.status().message();
    EXPECT_FALSE(fs::exists(internal::CompactScratch(dir_)));
  }
  // A first build that has merged its staging index but not yet opened
  // the result still holds the staging lock.
  auto building = internal::StagingLock::Acquire(dir_, false);
  ASSERT_TRUE(building.ok());
  auto done = IndexWriter::Compact(dir_);
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.status().code(), StatusCode::kLocked) << done.status().message();
}

TEST_F(CompactTest, AForeignFileInTheFolderIsRefusedAndKept) {
  {
    auto w = IndexWriter::Open(dir_);
    ASSERT_TRUE(w.ok());
    Fill(w.value(), 10);
  }
  std::ofstream(dir_ / "notes.txt") << "mine\n";
  auto done = IndexWriter::Compact(dir_);
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(done.status().message().find("notes.txt"), std::string::npos)
      << done.status().message();
  EXPECT_TRUE(fs::exists(dir_ / "notes.txt"));
  EXPECT_EQ(Xapian::Database(dir_.string()).get_doccount(), 9u);  // 10, less /f/6.txt's one
}

TEST_F(CompactTest, AKilledCompactionsScratchIsRemoved) {
  {
    auto w = IndexWriter::Open(dir_);
    ASSERT_TRUE(w.ok());
    Fill(w.value(), 10);
  }
  const fs::path scratch = internal::CompactScratch(dir_);
  EXPECT_EQ(scratch.parent_path(), fs::canonical(dir_).parent_path());
  fs::create_directories(scratch);
  std::ofstream(scratch / "postlist.glass") << "half a table";
  { ASSERT_TRUE(IndexWriter::Open(dir_).ok()); }
  EXPECT_FALSE(fs::exists(scratch));

  // In a sharded index, beside the shard it was compacting.
  const fs::path sharded = dir_.string() + "-sharded";
  WriterOptions o;
  o.shard_by = ShardBy::kHash;
  o.shards = 2;
  {
    auto w = IndexWriter::Open(sharded, o);
    ASSERT_TRUE(w.ok());
    Fill(w.value(), 10);
  }
  for (const std::string db : {"001", "meta"}) {
    const fs::path s = internal::CompactScratch(sharded / "shards" / db);
    EXPECT_EQ(s, fs::canonical(sharded) / "shards" / ("." + db + ".compacting"));
    fs::create_directories(s);
  }
  { ASSERT_TRUE(IndexWriter::Open(sharded).ok()); }
  for (const auto& e : fs::directory_iterator(sharded / "shards"))
    EXPECT_FALSE(e.path().filename().string().starts_with('.')) << e.path();
  fs::remove_all(sharded);
}

TEST_F(CompactTest, NoIndexOrAnUnfinishedBuild) {
  auto missing = IndexWriter::Compact(dir_);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  fs::create_directories(dir_);
  auto empty = IndexWriter::Compact(dir_);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), StatusCode::kNotFound);
  // A first build with writer threads, stopped before its merge.
  {
    WriterOptions o;
    o.build_threads = 2;
    auto w = IndexWriter::Open(dir_, o);
    ASSERT_TRUE(w.ok());
    ASSERT_OK(w.value().Add(MakeArticle(1)));
    ASSERT_TRUE(fs::exists(dir_ / ".staging"));
    auto busy = IndexWriter::Compact(dir_);
    ASSERT_FALSE(busy.ok());
    EXPECT_EQ(busy.status().code(), StatusCode::kInvalidArgument) << busy.status().message();
  }
  // Closing the writer merged it: now there is an index to compact.
  EXPECT_TRUE(IndexWriter::Compact(dir_).ok());
}

// A stub that lists indexes (for newsarc-search) is not an index to write
// or compact: both refuse it, name what it lists, and leave it and the
// indexes alone; any other file is refused as a file.
TEST_F(CompactTest, AStubOfSeveralIndexesIsRefusedByNameAndKept) {
  for (const char* name : {"a", "b"}) {
    auto w = IndexWriter::Open(dir_ / name);
    ASSERT_TRUE(w.ok()) << w.status().message();
    ASSERT_OK(w.value().Add(MakeArticle(name[0])));
    ASSERT_OK(w.value().Commit());
  }
  const fs::path stub = dir_ / "both.stub";
  const std::string text = "# the two together\nauto a\nauto b\n";
  std::ofstream(stub) << text;
  auto all = Hits(stub);  // searchable through the stub
  ASSERT_EQ(all["encryption"].size() + all["minister"].size(), 2u);

  // Refused as invalid, with `why` in the message.
  auto refused = [](const auto& result, const std::string& why) -> ::testing::AssertionResult {
    if (result.ok()) return ::testing::AssertionFailure() << "accepted";
    if (result.status().code() != StatusCode::kInvalidArgument ||
        result.status().message().find(why) == std::string::npos)
      return ::testing::AssertionFailure() << result.status().message();
    return ::testing::AssertionSuccess();
  };
  const std::string listing = "is a stub file listing 2 databases (" + (dir_ / "a").string() +
                              ", " + (dir_ / "b").string() + ")";
  EXPECT_TRUE(refused(IndexWriter::Compact(stub), listing));
  EXPECT_TRUE(refused(IndexWriter::Open(stub), listing));
  std::ifstream in(stub);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), text);
  EXPECT_EQ(Hits(stub), all);

  // The same stub as a directory's XAPIANDB: not written by newsarc-index.
  const fs::path foreign = dir_ / "foreign";
  fs::create_directories(foreign);
  std::ofstream(foreign / "XAPIANDB") << "auto ../a\nauto ../b\n";
  const std::string foreign_stub = "is a stub database that newsarc-index did not write";
  EXPECT_TRUE(refused(IndexWriter::Compact(foreign), foreign_stub));
  EXPECT_TRUE(refused(IndexWriter::Open(foreign), foreign_stub));
  EXPECT_EQ(Hits(foreign), all);

  // A file that is no stub.
  const fs::path notes = dir_ / "notes.txt";
  std::ofstream(notes) << "not a list of databases\n";
  EXPECT_TRUE(refused(IndexWriter::Compact(notes), "is a file, not an index directory"));
  EXPECT_TRUE(refused(IndexWriter::Open(notes), "is a file, not an index directory"));
}

// Searches run while the databases are exchanged: a searcher opened before
// (which reopens at each search) and searchers opened meanwhile all get the
// same hits, never an error.
TEST_F(CompactTest, SearchesGoOnDuringCompaction) {
  WriterOptions o;
  o.commit_every = 3;
  {
    auto w = IndexWriter::Open(dir_, o);
    ASSERT_TRUE(w.ok());
    Fill(w.value(), 60);
  }
  const auto want = Hits(dir_);
  auto before = Searcher::Open(dir_);
  ASSERT_TRUE(before.ok());
  std::atomic<bool> stop = false;
  std::atomic<int> searches = 0, failures = 0;
  std::thread searching([&] {
    while (!stop) {
      auto fresh = Searcher::Open(dir_);
      for (const Searcher* s : {&before.value(), fresh.ok() ? &fresh.value() : nullptr}) {
        if (!s) {
          ++failures;
          continue;
        }
        SearchRequest r;
        r.query = kQueries[searches % kQueries.size()];
        r.limit = 1000;
        r.snippets = false;
        auto got = s->Search(r);
        std::vector<std::pair<std::string, uint64_t>> hits;
        if (got.ok())
          for (const Hit& h : got.value().hits) hits.emplace_back(h.id, h.docid);
        if (!got.ok() || hits != want.at(r.query)) ++failures;
        ++searches;
      }
    }
  });
  for (int i = 0; i < 5; ++i) {
    auto done = IndexWriter::Compact(dir_);
    EXPECT_TRUE(done.ok()) << done.status().message();
    if (!done.ok()) break;
  }
  while (searches < 50) std::this_thread::yield();
  stop = true;
  searching.join();
  EXPECT_EQ(failures, 0) << "of " << searches << " searches";
}

}  // namespace
}  // namespace newsarc
