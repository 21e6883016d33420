// Staged builds (WriterOptions::build_threads): a new one-database index
// written by several threads into DIR/.staging and merged into DIR at the
// first Commit; resumption after a kill at any step.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "index_test_util.h"
#include "newsarc/index_writer.h"
#include "newsarc/searcher.h"
#include "schema.h"
#include "staged_build.h"

namespace newsarc {
namespace {
namespace fs = std::filesystem;
namespace schema = internal::schema;

const std::vector<std::string> kWords = {"bridge", "council", "river", "storm",  "police",
                                         "vote",   "court",   "school", "energy", "market"};

// Article i of file i % 5; articles 0-9 come again, as version 2, in
// /f/v2.txt (every version of one URL is one article).
Article MakeArticle(int i, int version = 0) {
  Article a;
  a.url = "http://x.org/" + std::to_string(i);
  a.version = version;
  a.source_path = version ? "/f/v2.txt" : "/f/" + std::to_string(i % 5) + ".txt";
  a.title = kWords[i % kWords.size()] + " " + kWords[(i * 7) % kWords.size()];
  for (int k = 0; k < 5 + i % 13; ++k) a.body += kWords[(i * 31 + k * k * 17) % kWords.size()] + " ";
  if (version) a.body += "revised";
  a.date = "2017-0" + std::to_string(1 + i % 9) + "-01";
  return a;
}

std::vector<std::string> Files() {
  std::vector<std::string> files;
  for (int f = 0; f < 5; ++f) files.push_back("/f/" + std::to_string(f) + ".txt");
  files.push_back("/f/v2.txt");
  return files;
}

// Writes what the indexer would for the files not yet stamped: each file's
// articles, then its record.
void IndexFiles(IndexWriter& w, int n) {
  for (const std::string& file : Files()) {
    if (w.StampOf(file)) continue;
    ASSERT_TRUE(w.RemoveFile(file).ok());
    for (int i = 0; i < n; ++i)
      if (MakeArticle(i).source_path == file) ASSERT_OK(w.Add(MakeArticle(i)));
    if (file == "/f/v2.txt")
      for (int i = 0; i < 10; ++i) ASSERT_OK(w.Add(MakeArticle(i, 2)));
    ASSERT_OK(w.FinishFile(file, {1, 1}));
  }
}

// The first line of a file ("" if none).
std::string FirstLine(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line;
}

WriterOptions Staged(uint32_t threads = 2, uint32_t commit_every = 2000) {
  WriterOptions o;
  o.build_threads = threads;
  o.commit_every = commit_every;
  o.wait_for_lock = true;  // a killed child's Xapian lock goes a moment later
  return o;
}

class StagedBuildTest : public testing::TempDirTest {
 protected:
  StagedBuildTest() : TempDirTest("staged") {}

  // Runs `body` in a child process; `body` ends with Die(), so that the
  // child stops without closing anything, as a killed indexer does.
  static void InKilledChild(const std::function<void()>& body) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      body();
      ::_exit(2);  // body returned early: an assertion failed
    }
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the child failed";
  }

  // Every search of `queries` over `a` equals the one over `b`: ids and
  // scores (to 1e-9, relative) and totals.
  static void ExpectSameSearches(const fs::path& a, const fs::path& b) {
    auto sa = Searcher::Open(a);
    auto sb = Searcher::Open(b);
    ASSERT_TRUE(sa.ok()) << sa.status().message();
    ASSERT_TRUE(sb.ok()) << sb.status().message();
    for (const char* q : {"bridge", "police court", "storm OR vote", "title:energy",
                          "\"river storm\"", "revised", "market -school"}) {
      SearchRequest r;
      r.query = q;
      r.limit = 500;
      r.snippets = false;
      auto ra = sa.value().Search(r);
      auto rb = sb.value().Search(r);
      ASSERT_TRUE(ra.ok() && rb.ok()) << q;
      testing::ExpectSameResults(ra.value(), rb.value(), q);
    }
  }


  static void Die() { ::_exit(::testing::Test::HasFailure() ? 1 : 0); }

};

TEST_F(StagedBuildTest, MergesIntoOneDatabaseEqualToADirectBuild) {
  const fs::path direct = dir_ / "direct", staged = dir_ / "staged";
  {
    auto w = IndexWriter::Open(direct);
    ASSERT_TRUE(w.ok()) << w.status().message();
    IndexFiles(w.value(), 120);
  }
  {
    auto w = IndexWriter::Open(staged, Staged(3, 7));
    ASSERT_TRUE(w.ok()) << w.status().message();
    IndexFiles(w.value(), 120);
    EXPECT_EQ(w.value().ArticleCount(), 120u);
    EXPECT_EQ(w.value().KnownFiles("/f/").size(), 6u);
    EXPECT_EQ(w.value().LayoutDescription(), IndexWriter::Open(direct).value().LayoutDescription());
    // Nothing is in DIR until the merge: three shards are being written.
    EXPECT_FALSE(fs::exists(staged / "iamglass"));
    EXPECT_TRUE(fs::exists(staged / ".staging" / "shards" / "002" / "iamglass"));
    ASSERT_OK(w.value().Commit());
    EXPECT_TRUE(fs::exists(staged / "iamglass"));
    EXPECT_FALSE(fs::exists(staged / ".staging"));
    EXPECT_FALSE(fs::exists(staged / ".merging"));
    EXPECT_EQ(w.value().ArticleCount(), 120u);
    // The writer goes on in the merged database.
    ASSERT_OK(w.value().Add(MakeArticle(500)));
    ASSERT_OK(w.value().FinishFile("/f/more.txt", {1, 1}));
    ASSERT_OK(w.value().Commit());
    EXPECT_EQ(Xapian::Database(staged.string()).get_doccount(), 121u);
  }
  {
    auto w = IndexWriter::Open(direct);
    ASSERT_OK(w.value().Add(MakeArticle(500)));
    ASSERT_OK(w.value().FinishFile("/f/more.txt", {1, 1}));
  }
  ExpectSameSearches(direct, staged);
  // The same file records and claims; no trace of the staging shards.
  auto want = testing::AllMetadata(direct), got = testing::AllMetadata(staged);
  EXPECT_EQ(got, want);
  for (const auto& [key, value] : got) {
    EXPECT_NE(key.rfind(std::string(schema::kMetaShardRevision), 0), 0u) << key;
    EXPECT_NE(key, std::string(schema::kMetaLayout));
  }
  // Later runs write the one database directly, even when asked for threads.
  auto again = IndexWriter::Open(staged, Staged());
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(again.value().StampOf("/f/v2.txt"));
  auto reread = again.value().RemoveFile("/f/v2.txt");
  ASSERT_TRUE(reread.ok());
  EXPECT_EQ(reread.value().size(), 5u);  // the files holding version 0 of 0-9
  EXPECT_FALSE(fs::exists(staged / ".staging"));
}

// Copies of a story written by different threads are in one database after
// the merge: they are marked across the staging shards, and a search of
// the index folds them.
TEST_F(StagedBuildTest, MarksCopiesAcrossTheThreads) {
  {
    auto w = IndexWriter::Open(dir_, Staged(3));
    ASSERT_TRUE(w.ok()) << w.status().message();
    for (int i = 0; i < 30; ++i) ASSERT_OK(w.value().Add(MakeArticle(i)));
    for (int k = 0; k < 4; ++k) {  // stories 20-23 again, under other URLs
      Article copy = MakeArticle(20 + k);
      copy.url = "http://mirror.example/" + std::to_string(k);
      ASSERT_OK(w.value().Add(copy));
    }
    ASSERT_OK(w.value().Commit());
  }
  EXPECT_GE(testing::ExpectCopiesMarked(dir_), 8u);
  // One hit per story: per near-duplicate key, and per article without one.
  std::set<std::string> keys;
  size_t stories = 0;
  {
    Xapian::Database db(dir_.string());
    for (Xapian::docid id = 1; id <= db.get_lastdocid(); ++id) {
      const std::string key = db.get_document(id).get_value(schema::kSlotCollapse);
      if (key.empty() || keys.insert(key).second) ++stories;
    }
  }
  auto searcher = Searcher::Open(dir_);
  ASSERT_TRUE(searcher.ok()) << searcher.status().message();
  SearchRequest r;
  r.query = "site:mirror.example OR site:x.org";
  r.limit = 100;
  auto folded = searcher.value().Search(r);
  ASSERT_TRUE(folded.ok()) << folded.status().message();
  EXPECT_EQ(folded.value().hits.size(), stories);
  r.collapse_duplicates = false;
  auto all = searcher.value().Search(r);
  ASSERT_TRUE(all.ok()) << all.status().message();
  EXPECT_EQ(all.value().hits.size(), 34u);
}

TEST_F(StagedBuildTest, OneThreadOrAnExistingIndexWritesDirectly) {
  auto w = IndexWriter::Open(dir_, Staged(1));
  ASSERT_TRUE(w.ok());
  ASSERT_OK(w.value().Add(MakeArticle(1)));
  EXPECT_TRUE(fs::exists(dir_ / "iamglass"));
  EXPECT_FALSE(fs::exists(dir_ / ".staging"));
}

TEST_F(StagedBuildTest, AKilledBuildResumesFromItsLastCommit) {
  InKilledChild([&] {
    auto w = IndexWriter::Open(dir_, Staged(2, 5));
    ASSERT_TRUE(w.ok()) << w.status().message();
    IndexFiles(w.value(), 80);
    // Killed in the middle of a file after several commits.
    ASSERT_TRUE(w.value().RemoveFile("/f/late.txt").ok());
    for (int i = 200; i < 230; ++i) {
      Article a = MakeArticle(i);
      a.source_path = "/f/late.txt";
      ASSERT_OK(w.value().Add(a));
    }
    Die();
  });
  EXPECT_FALSE(fs::exists(dir_ / "iamglass"));
  EXPECT_TRUE(fs::exists(dir_ / ".staging"));
  auto searcher = Searcher::Open(dir_);
  ASSERT_FALSE(searcher.ok());
  EXPECT_NE(searcher.status().message().find("is being built"), std::string::npos)
      << searcher.status().message();
  {
    // --shards over an unfinished one-database build is refused.
    WriterOptions hash;
    hash.shard_by = ShardBy::kHash;
    hash.shards = 2;
    auto refused = IndexWriter::Open(dir_, hash);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.status().message().find(".staging"), std::string::npos);
  }
  // The next run (with another thread count) finds the finished files and
  // does the rest; late.txt was not finished, so it is read again.
  auto w = IndexWriter::Open(dir_, Staged(4));
  ASSERT_TRUE(w.ok()) << w.status().message();
  for (const std::string& file : Files()) EXPECT_TRUE(w.value().StampOf(file)) << file;
  EXPECT_FALSE(w.value().StampOf("/f/late.txt"));
  ASSERT_TRUE(w.value().RemoveFile("/f/late.txt").ok());
  for (int i = 200; i < 230; ++i) {
    Article a = MakeArticle(i);
    a.source_path = "/f/late.txt";
    ASSERT_OK(w.value().Add(a));
  }
  ASSERT_OK(w.value().FinishFile("/f/late.txt", {1, 1}));
  ASSERT_OK(w.value().Commit());
  EXPECT_FALSE(fs::exists(dir_ / ".staging"));
  Xapian::Database db(dir_.string());
  EXPECT_EQ(db.get_doccount(), 110u);
  std::set<std::string> ids;
  for (auto it = db.allterms_begin(std::string(schema::kId));
       it != db.allterms_end(std::string(schema::kId)); ++it) {
    EXPECT_EQ(it.get_termfreq(), 1u) << *it;
    ids.insert(*it);
  }
  EXPECT_EQ(ids.size(), 110u);
}

// The staging databases are written without syncing, under a record of the
// machine's boot: the same boot resumes them (the kill above), another one
// (a restart since, when what reached the disk cannot be trusted) or an
// unknown one removes them.
TEST_F(StagedBuildTest, AStagingIndexWrittenUnsyncedIsKeptOnlyWithinOneBoot) {
  const fs::path staging = dir_ / ".staging";
  const fs::path marker = staging / "unsynced-boot";
  auto marked = [&] { return FirstLine(marker); };
  // 1 if the staging index may be written unsynced, 0 if not, -1 on error.
  auto settle = [&](const std::string& boot) {
    auto r = internal::SettleStagingSync(dir_, boot);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? int{r.value()} : -1;
  };
  fs::create_directories(dir_);
  // Boot unknown, nothing written: each commit syncs, no record is made.
  EXPECT_EQ(settle(""), 0);
  EXPECT_FALSE(fs::exists(staging));
  EXPECT_EQ(settle("boot-a"), 1);
  EXPECT_EQ(marked(), "boot-a");
  std::ofstream(staging / "data") << "x";
  EXPECT_EQ(settle("boot-a"), 1);
  EXPECT_TRUE(fs::exists(staging / "data"));  // the same boot: kept
  fs::create_directories(dir_ / ".merging");
  EXPECT_EQ(settle("boot-b"), 1);
  EXPECT_FALSE(fs::exists(staging / "data"));  // another boot: removed
  EXPECT_FALSE(fs::exists(dir_ / ".merging"));
  EXPECT_FALSE(fs::exists(dir_ / ".staging.discarded"));
  EXPECT_EQ(marked(), "boot-b");
  std::ofstream(staging / "data") << "x";
  EXPECT_EQ(settle(""), 0);
  EXPECT_FALSE(fs::exists(staging));  // written unsynced, boot unknown now
  // A removal stopped after the staging index was moved aside is finished.
  fs::create_directories(dir_ / ".staging.discarded" / "shards");
  EXPECT_EQ(settle("boot-b"), 1);
  EXPECT_FALSE(fs::exists(dir_ / ".staging.discarded"));
  fs::remove_all(staging);
  // A staging index without the record (written synced) is kept and
  // recorded from then on.
  fs::create_directories(staging);
  std::ofstream(staging / "data") << "x";
  EXPECT_EQ(settle("boot-c"), 1);
  EXPECT_TRUE(fs::exists(staging / "data"));
  EXPECT_EQ(marked(), "boot-c");
  EXPECT_FALSE(internal::CurrentBootId().empty());  // Linux
}

// A build killed, then the machine restarted: the next run starts the
// build again and finishes it whole.
TEST_F(StagedBuildTest, ABuildInterruptedByARestartStartsAgain) {
  InKilledChild([&] {
    auto w = IndexWriter::Open(dir_, Staged(2, 5));
    ASSERT_TRUE(w.ok()) << w.status().message();
    IndexFiles(w.value(), 80);
    Die();
  });
  const fs::path marker = dir_ / ".staging" / "unsynced-boot";
  ASSERT_EQ(FirstLine(marker), internal::CurrentBootId());
  std::ofstream(marker, std::ios::trunc) << "a boot before this one\n";
  {
    auto w = IndexWriter::Open(dir_, Staged(3));
    ASSERT_TRUE(w.ok()) << w.status().message();
    EXPECT_EQ(w.value().ArticleCount(), 0u);
    for (const std::string& file : Files()) EXPECT_FALSE(w.value().StampOf(file)) << file;
    IndexFiles(w.value(), 80);
    ASSERT_OK(w.value().Commit());
  }
  EXPECT_FALSE(fs::exists(dir_ / ".staging"));
  // Every article once: 80, of which 0-9 as their second version.
  Xapian::Database db(dir_.string());
  EXPECT_EQ(db.get_doccount(), 80u);
  EXPECT_EQ(db.get_termfreq("revised"), 10u);
}

// A kill during the merge, before the version file moved in: DIR holds
// tables but no database; the next run clears them and merges again.
TEST_F(StagedBuildTest, AMergeStoppedBeforeItsVersionFileIsRedone) {
  InKilledChild([&] {
    auto w = IndexWriter::Open(dir_, Staged(2, 1));  // everything committed
    ASSERT_TRUE(w.ok());
    IndexFiles(w.value(), 40);
    Die();
  });
  ASSERT_OK(internal::MergeStaging(dir_, /*copies_marked=*/false));
  fs::remove(dir_ / "iamglass");
  ASSERT_TRUE(fs::exists(dir_ / "postlist.glass"));
  {
    auto w = IndexWriter::Open(dir_, Staged());
    ASSERT_TRUE(w.ok()) << w.status().message();
    EXPECT_FALSE(fs::exists(dir_ / "postlist.glass"));
    EXPECT_EQ(w.value().ArticleCount(), 40u);
    IndexFiles(w.value(), 40);  // nothing left to do
  }
  EXPECT_EQ(Xapian::Database(dir_.string()).get_doccount(), 40u);
  EXPECT_FALSE(fs::exists(dir_ / ".staging"));
}

// A kill after the merge, before the staging index was removed: DIR is the
// index; the leftover goes.
TEST_F(StagedBuildTest, AStagingIndexLeftBesideTheMergedOneIsRemoved) {
  InKilledChild([&] {
    auto w = IndexWriter::Open(dir_, Staged(2, 1));
    ASSERT_TRUE(w.ok());
    IndexFiles(w.value(), 40);
    Die();
  });
  ASSERT_OK(internal::MergeStaging(dir_, /*copies_marked=*/false));
  ASSERT_TRUE(fs::exists(dir_ / ".staging"));
  auto w = IndexWriter::Open(dir_, Staged());
  ASSERT_TRUE(w.ok()) << w.status().message();
  EXPECT_FALSE(fs::exists(dir_ / ".staging"));
  EXPECT_EQ(w.value().ArticleCount(), 40u);
  for (const std::string& file : Files()) EXPECT_TRUE(w.value().StampOf(file)) << file;
}

TEST_F(StagedBuildTest, ASecondWriterIsToldTheIndexIsBusy) {
  auto first = IndexWriter::Open(dir_, Staged());
  ASSERT_TRUE(first.ok());
  ASSERT_OK(first.value().Add(MakeArticle(1)));
  for (uint32_t threads : {0u, 2u}) {
    WriterOptions o;
    o.build_threads = threads;
    auto second = IndexWriter::Open(dir_, o);
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.status().code(), StatusCode::kLocked) << second.status().message();
    EXPECT_NE(second.status().message().find("another newsarc-index is writing"),
              std::string::npos);
  }
  ASSERT_OK(first.value().Commit());
  // Merged: the first writer now holds the database itself.
  WriterOptions o;
  auto third = IndexWriter::Open(dir_, o);
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.status().code(), StatusCode::kLocked);
}

}  // namespace
}  // namespace newsarc
