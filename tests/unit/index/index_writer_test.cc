#include "newsarc/index_writer.h"
#include "newsarc/searcher.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "commit_gate.h"
#include "newsarc/extract.h"
#include "index_test_util.h"
#include "schema.h"
#include "stored_fields.h"
#include "xapian_error.h"

namespace newsarc {
namespace {
namespace fs = std::filesystem;

class IndexWriterTest : public testing::TempDirTest {
 protected:
  IndexWriterTest() : TempDirTest("writer") {}

  static Article MakeArticle(const std::string& url, int version, const std::string& path,
                             const std::string& title = "A title") {
    Article a;
    a.url = url;
    a.version = version;
    a.source_path = path;
    a.title = title;
    a.body = "Some body text about encryption.";
    return a;
  }

  // The stored fields of `url`'s article, std::nullopt if it is not in the
  // index.
  std::optional<internal::StoredFields> Stored(const std::string& url) {
    Xapian::Database db(dir_.string());
    Article probe;
    probe.url = url;
    const std::string term =
        std::string(internal::schema::kId) + IndexWriter::ArticleId(probe);
    auto it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) return std::nullopt;
    return internal::LoadFields(db.get_document(*it), false);
  }

  // The version stored for `url`, or -1 if the article is not in the index.
  int StoredVersion(const std::string& url) {
    const auto f = Stored(url);
    return f ? f->version : -1;
  }

  // The title stored for `url`, or "" if the article is not in the index.
  std::string StoredTitle(const std::string& url) {
    const auto f = Stored(url);
    return f ? f->title : "";
  }
};

TEST_F(IndexWriterTest, AddsAndCounts) {
  auto w = IndexWriter::Open(dir_);
  ASSERT_TRUE(w.ok()) << w.status().message();
  ASSERT_OK(w.value().Add(MakeArticle("http://x.org/a", 0, "/f/a.txt")));
  ASSERT_OK(w.value().Add(MakeArticle("http://x.org/b", 0, "/f/b.txt")));
  EXPECT_EQ(w.value().ArticleCount(), 2u);
  ASSERT_OK(w.value().Commit());
  EXPECT_EQ(Xapian::Database(dir_.string()).get_doccount(), 2u);
}

// One writer committing again and again (as a program embedding the
// library does) marks the copies among the articles written since its last
// commit without reading every key again: the marks stay complete through
// copies added, deleted and rewritten.
TEST_F(IndexWriterTest, MarksCopiesAtEveryCommit) {
  const std::string story =
      "The council voted on Tuesday to close the old bridge over the river for "
      "repairs that will take most of the coming year, the mayor said.";
  auto article = [](const std::string& url, const std::string& body) {
    Article a = MakeArticle(url, 0, "/f/" + url.substr(url.rfind('/') + 1) + ".txt");
    a.body = body;
    return a;
  };
  // A mark whose copy has gone may stay (harmless): not exact.
  auto check = [&](size_t copies) {
    EXPECT_EQ(testing::ExpectCopiesMarked(dir_, /*exact=*/false), copies);
  };
  auto w = IndexWriter::Open(dir_);
  ASSERT_TRUE(w.ok()) << w.status().message();
  IndexWriter& writer = w.value();
  ASSERT_OK(writer.Add(article("http://x.org/a", story)));
  ASSERT_OK(writer.Add(article("http://x.org/other", "A quiet day on the markets, with "
                                                      "shares and bonds little changed.")));
  ASSERT_OK(writer.Commit());
  check(0);
  ASSERT_OK(writer.Add(article("http://y.org/b", story)));  // a copy of a
  ASSERT_OK(writer.Commit());
  check(2);
  ASSERT_OK(writer.Add(article("http://z.org/c", story)));
  ASSERT_OK(writer.Delete(IndexWriter::ArticleId(article("http://x.org/a", ""))));
  ASSERT_OK(writer.Commit());
  check(2);  // b and c
  // b rewritten as another story; then a copy of that one.
  const std::string other =
      "Heavy rain flooded the main road into the town overnight, and the "
      "police asked drivers to stay at home until the water went down.";
  ASSERT_OK(writer.Add(article("http://y.org/b", other)));
  ASSERT_OK(writer.Commit());
  check(0);
  ASSERT_OK(writer.Add(article("http://w.org/d", other)));
  ASSERT_OK(writer.Add(article("http://w.org/e", story)));
  ASSERT_OK(writer.Commit());
  check(4);  // b and d, c and e

  // The searcher folds each story into one hit.
  auto searcher = Searcher::Open(dir_);
  ASSERT_TRUE(searcher.ok()) << searcher.status().message();
  SearchRequest r;
  r.query = "bridge OR flooded";
  auto hits = searcher.value().Search(r);
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  EXPECT_EQ(hits.value().hits.size(), 2u);
}

TEST_F(IndexWriterTest, HighestVersionWinsWhateverTheOrder) {
  auto w = IndexWriter::Open(dir_);
  ASSERT_TRUE(w.ok());
  ASSERT_OK(w.value().Add(MakeArticle("http://x.org/a", 1, "/f/v1.txt")));
  ASSERT_OK(w.value().Add(MakeArticle("https://www.x.org/a/", 3, "/f/v3.txt")));
  ASSERT_OK(w.value().Add(MakeArticle("http://x.org/a", 2, "/f/v2.txt")));
  ASSERT_OK(w.value().Commit());
  EXPECT_EQ(w.value().ArticleCount(), 1u);
  EXPECT_EQ(StoredVersion("http://x.org/a"), 3);
}

TEST_F(IndexWriterTest, SameVersionFromAnotherFileIsNotAddedTwice) {
  auto w = IndexWriter::Open(dir_);
  ASSERT_TRUE(w.ok());
  ASSERT_OK(w.value().Add(MakeArticle("http://x.org/a", 1, "/f/first.txt", "First")));
  ASSERT_OK(w.value().Add(MakeArticle("http://x.org/a", 1, "/f/copy.txt", "Copy")));
  ASSERT_OK(w.value().Commit());
  EXPECT_EQ(w.value().ArticleCount(), 1u);
}

// Equal versions in two files: the later date wins, then the file whose
// path sorts last, in whichever order they come (reader threads race).
TEST_F(IndexWriterTest, EqualVersionsInTwoFilesGoToTheLaterDateThenTheLastPath) {
  auto dated = [](const std::string& path, const std::string& date, const std::string& title) {
    Article a = MakeArticle("http://x.org/a", 0, path, title);
    a.date = date;
    return a;
  };
  for (bool reversed : {false, true}) {
    SCOPED_TRACE(reversed ? "the later file first" : "the earlier file first");
    fs::remove_all(dir_);
    auto w = IndexWriter::Open(dir_);
    ASSERT_TRUE(w.ok());
    std::vector<Article> undated = {dated("/crawl/2019-05.warc", "", "May"),
                                    dated("/crawl/2019-06.warc", "", "June")};
    if (reversed) std::swap(undated[0], undated[1]);
    for (const Article& a : undated) ASSERT_OK(w.value().Add(a));
    ASSERT_OK(w.value().Commit());
    EXPECT_EQ(StoredTitle("http://x.org/a"), "June");
    // A date beats no date, and a later date an earlier one, whatever the
    // paths.
    ASSERT_OK(w.value().Add(dated("/crawl/0-old.warc", "2019-05-02", "Dated")));
    ASSERT_OK(w.value().Commit());
    EXPECT_EQ(StoredTitle("http://x.org/a"), "Dated");
    ASSERT_OK(w.value().Add(dated("/crawl/z-newer.warc", "2019-05-01", "Earlier date")));
    ASSERT_OK(w.value().Commit());
    EXPECT_EQ(StoredTitle("http://x.org/a"), "Dated");
    // A higher version beats them all.
    Article v1 = dated("/crawl/a.warc", "", "Version 1");
    v1.version = 1;
    ASSERT_OK(w.value().Add(v1));
    ASSERT_OK(w.value().Commit());
    EXPECT_EQ(StoredTitle("http://x.org/a"), "Version 1");
    EXPECT_EQ(w.value().ArticleCount(), 1u);
  }
}

TEST_F(IndexWriterTest, RemovingTheWinningFileAsksForTheNextBest) {
  auto w = IndexWriter::Open(dir_);
  ASSERT_TRUE(w.ok());
  IndexWriter& writer = w.value();
  ASSERT_OK(writer.Add(MakeArticle("http://x.org/a", 1, "/f/v1.txt")));
  ASSERT_OK(writer.FinishFile("/f/v1.txt", {1, 10}));
  ASSERT_OK(writer.Add(MakeArticle("http://x.org/a", 2, "/f/v2.txt")));
  ASSERT_OK(writer.FinishFile("/f/v2.txt", {2, 20}));
  ASSERT_OK(writer.Commit());
  EXPECT_EQ(StoredVersion("http://x.org/a"), 2);

  auto reread = writer.RemoveFile("/f/v2.txt");
  ASSERT_TRUE(reread.ok());
  EXPECT_EQ(reread.value(), std::vector<std::string>{"/f/v1.txt"});
  EXPECT_EQ(writer.ArticleCount(), 0u);
  EXPECT_FALSE(writer.StampOf("/f/v2.txt").has_value());

  // Removing a file that won nothing asks for nothing.
  ASSERT_OK(writer.Add(MakeArticle("http://x.org/a", 1, "/f/v1.txt")));
  ASSERT_OK(writer.Add(MakeArticle("http://x.org/a", 0, "/f/v0.txt")));
  auto none = writer.RemoveFile("/f/v0.txt");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none.value().empty());
  ASSERT_OK(writer.Commit());
  EXPECT_EQ(StoredVersion("http://x.org/a"), 1);
}

TEST_F(IndexWriterTest, RemoveFileDeletesAllItsArticles) {
  auto w = IndexWriter::Open(dir_);
  ASSERT_TRUE(w.ok());
  for (int i = 0; i < 5; ++i) {
    Article a = MakeArticle("", 0, "/f/feed.jsonl");
    a.record = static_cast<uint64_t>(i + 1);
    ASSERT_OK(w.value().Add(a));
  }
  ASSERT_OK(w.value().Add(MakeArticle("", 0, "/f/other.txt")));
  EXPECT_EQ(w.value().ArticleCount(), 6u);
  ASSERT_TRUE(w.value().RemoveFile("/f/feed.jsonl").ok());
  EXPECT_EQ(w.value().ArticleCount(), 1u);
}

TEST_F(IndexWriterTest, FileRecords) {
  auto w = IndexWriter::Open(dir_);
  ASSERT_TRUE(w.ok());
  IndexWriter& writer = w.value();
  EXPECT_FALSE(writer.StampOf("/a/x.txt").has_value());
  ASSERT_OK(writer.FinishFile("/a/x.txt", {123456789012345, 42}));
  ASSERT_OK(writer.FinishFile("/a/sub/y.txt", {1, 1}));
  ASSERT_OK(writer.FinishFile("/ab/z.txt", {1, 1}));
  const std::string long_path = "/a/" + std::string(400, 'l') + ".txt";
  const std::string odd_path = "/a/new\nline\tand tab.txt";
  ASSERT_OK(writer.FinishFile(odd_path, {5, 5}));
  ASSERT_OK(writer.FinishFile(long_path, {7, 7}));
  ASSERT_OK(writer.Commit());
  EXPECT_EQ(writer.StampOf("/a/x.txt"), (FileStamp{123456789012345, 42}));
  EXPECT_EQ(writer.StampOf(long_path), (FileStamp{7, 7}));
  EXPECT_EQ(writer.StampOf(odd_path), (FileStamp{5, 5}));
  auto known = writer.KnownFiles("/a/");
  std::sort(known.begin(), known.end());
  std::vector<std::string> want = {long_path, odd_path, "/a/sub/y.txt", "/a/x.txt"};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(known, want);
}

// Records leave out what their key already says: the path, and the path
// inside the ids of articles named after the file. Other ids stay whole.
TEST_F(IndexWriterTest, FileRecordsLeaveOutThePath) {
  const std::string path = "/f/feed.jsonl";
  {
    auto w = IndexWriter::Open(dir_);
    ASSERT_TRUE(w.ok());
    for (uint64_t i = 1; i <= 2; ++i) {
      Article a = MakeArticle("", 0, path);
      a.record = i;
      ASSERT_OK(w.value().Add(a));
    }
    ASSERT_OK(w.value().Add(MakeArticle("http://x.org/u", 0, path)));
    ASSERT_OK(w.value().FinishFile(path, {11, 22}));
    ASSERT_OK(w.value().Commit());
    EXPECT_EQ(w.value().ArticleCount(), 3u);
  }
  const std::string record = Xapian::Database(dir_.string())
                                 .get_metadata(std::string(internal::schema::kMetaFile) + path);
  EXPECT_EQ(record.find(path), std::string::npos) << record;
  const std::string url_id = IndexWriter::ArticleId(MakeArticle("http://x.org/u", 0, path));
  EXPECT_NE(record.find(url_id), std::string::npos) << record;
  auto w = IndexWriter::Open(dir_);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w.value().StampOf(path), (FileStamp{11, 22}));
  EXPECT_EQ(w.value().KnownFiles("/f/"), std::vector<std::string>{path});
  ASSERT_TRUE(w.value().RemoveFile(path).ok());
  ASSERT_OK(w.value().Commit());
  EXPECT_EQ(w.value().ArticleCount(), 0u);
}

// An index written by a newsarc of schema 1 spelled its records out: they
// read the same, and writing to the index marks it schema 2, so that an
// older newsarc refuses it rather than misreading the shorter records.
TEST_F(IndexWriterTest, ReadsSchema1RecordsAndMarksTheIndexOnWriting) {
  const std::string path = "/f/old.txt";
  {
    auto w = IndexWriter::Open(dir_);
    ASSERT_TRUE(w.ok());
    ASSERT_OK(w.value().Add(MakeArticle("", 0, path)));
    ASSERT_OK(w.value().Commit());
  }
  {
    Xapian::WritableDatabase db(dir_.string(), Xapian::DB_OPEN);
    db.set_metadata(std::string(internal::schema::kMetaSchemaVersion), "1");
    db.set_metadata(std::string(internal::schema::kMetaFile) + path,
                    path + '\0' + "33" + '\0' + "44" + '\0' + "file:" + path + "#0");
    db.commit();
  }
  auto searcher = Searcher::Open(dir_);
  ASSERT_TRUE(searcher.ok()) << searcher.status().message();
  auto w = IndexWriter::Open(dir_);
  ASSERT_TRUE(w.ok()) << w.status().message();
  EXPECT_EQ(w.value().StampOf(path), (FileStamp{33, 44}));
  EXPECT_EQ(w.value().KnownFiles("/f/"), std::vector<std::string>{path});
  ASSERT_TRUE(w.value().RemoveFile(path).ok());
  ASSERT_OK(w.value().Commit());
  EXPECT_EQ(w.value().ArticleCount(), 0u);
  EXPECT_EQ(Xapian::Database(dir_.string())
                .get_metadata(std::string(internal::schema::kMetaSchemaVersion)),
            internal::schema::kSchemaVersion);
}

TEST_F(IndexWriterTest, RefusesAnIndexOfANewerSchema) {
  {
    auto w = IndexWriter::Open(dir_);
    ASSERT_TRUE(w.ok());
    ASSERT_OK(w.value().Add(MakeArticle("http://x.org/a", 0, "/f/a.txt")));
    ASSERT_OK(w.value().Commit());
  }
  {
    Xapian::WritableDatabase db(dir_.string(), Xapian::DB_OPEN);
    db.set_metadata(std::string(internal::schema::kMetaSchemaVersion), "3");
    db.commit();
  }
  auto w = IndexWriter::Open(dir_);
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.status().message().find("schema version 3"), std::string::npos)
      << w.status().message();
  auto searcher = Searcher::Open(dir_);
  ASSERT_FALSE(searcher.ok());
  EXPECT_NE(searcher.status().message().find("schema version 3"), std::string::npos)
      << searcher.status().message();
}

TEST_F(IndexWriterTest, SecondWriterIsToldTheIndexIsLocked) {
  auto first = IndexWriter::Open(dir_);
  ASSERT_TRUE(first.ok());
  auto second = IndexWriter::Open(dir_);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kLocked);
  EXPECT_NE(second.status().message().find("another newsarc-index"), std::string::npos)
      << second.status().message();
}

TEST_F(IndexWriterTest, RefusesAForeignXapianDatabase) {
  {
    Xapian::WritableDatabase db(dir_.string(), Xapian::DB_CREATE_OR_OPEN);
    db.add_document(Xapian::Document());
    db.commit();
  }
  auto w = IndexWriter::Open(dir_);
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.status().message().find("not a newsarc index"), std::string::npos);
}

TEST_F(IndexWriterTest, VeryLongUrlsAreKeptApart) {
  auto w = IndexWriter::Open(dir_);
  ASSERT_TRUE(w.ok());
  const std::string base = "http://x.org/" + std::string(400, 'p');
  ASSERT_OK(w.value().Add(MakeArticle(base + "1", 0, "/f/1.txt")));
  ASSERT_OK(w.value().Add(MakeArticle(base + "2", 0, "/f/2.txt")));
  EXPECT_EQ(w.value().ArticleCount(), 2u);
}

TEST_F(IndexWriterTest, DeleteById) {
  auto w = IndexWriter::Open(dir_);
  ASSERT_TRUE(w.ok());
  Article a = MakeArticle("http://x.org/a", 0, "/f/a.txt");
  ASSERT_OK(w.value().Add(a));
  ASSERT_OK(w.value().Add(MakeArticle("http://x.org/b", 0, "/f/b.txt")));
  ASSERT_OK(w.value().Delete(IndexWriter::ArticleId(a)));
  EXPECT_EQ(w.value().ArticleCount(), 1u);
  EXPECT_EQ(w.value().Delete(IndexWriter::ArticleId(a)).code(), StatusCode::kNotFound);
  ASSERT_OK(w.value().Commit());
  EXPECT_EQ(StoredVersion("http://x.org/a"), -1);
  EXPECT_EQ(StoredVersion("http://x.org/b"), 0);
}

// A search that lost to the writer's commits holds the commit gate shared
// (commit_gate.h): the writer's next commit waits until it lets go, in a
// one-database index and in a sharded one (the gate is the index folder's).
TEST_F(IndexWriterTest, CommitsWaitWhileASearchHoldsTheGate) {
  WriterOptions sharded;
  sharded.shard_by = ShardBy::kHash;
  sharded.shards = 2;
  for (const WriterOptions& options : {WriterOptions{}, sharded}) {
    const fs::path dir = dir_ / (options.shards ? "sharded" : "one");
    SCOPED_TRACE(dir.filename().string());
    auto w = IndexWriter::Open(dir, options);
    ASSERT_TRUE(w.ok()) << w.status().message();
    ASSERT_OK(w.value().Add(MakeArticle("http://x.org/a", 0, "/f/a.txt")));
    ASSERT_OK(w.value().Commit());
    auto gate = internal::CommitGate::ForReader(dir);
    ASSERT_TRUE(gate.has_value()) << "the writer makes the gate";
    auto held = gate->Shared();
    ASSERT_TRUE(held.has_value());
    // While it is held, another search may take it too.
    auto other = internal::CommitGate::ForReader(dir);
    ASSERT_TRUE(other.has_value());
    EXPECT_TRUE(other->Shared().has_value());

    std::atomic<bool> committed{false};
    Status status;
    std::thread writer([&] {
      status = w.value().Add(MakeArticle("http://x.org/b", 0, "/f/b.txt"));
      if (status.ok()) status = w.value().Commit();
      committed = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_FALSE(committed) << "the commit did not wait for the search";
    held.reset();
    writer.join();
    ASSERT_OK(status);
    auto searcher = Searcher::Open(dir);
    ASSERT_TRUE(searcher.ok()) << searcher.status().message();
    EXPECT_EQ(searcher.value().ArticleCount(), 2u);
  }
  // No gate where no writer has been.
  EXPECT_FALSE(internal::CommitGate::ForReader(dir_ / "nothing").has_value());
}

// The extractor version (IndexWriter::ExtractorVersion), in each layout:
// one database written directly, a staged build (merged at the commit) and
// hash shards (the version is kept with the file records, in the metadata
// database).
struct ExtractorLayout {
  const char* name;
  WriterOptions options;
  const char* records;  // the database holding the file records, under the index
};

class ExtractorVersionTest : public testing::TempDirTest,
                             public ::testing::WithParamInterface<ExtractorLayout> {
 protected:
  ExtractorVersionTest() : TempDirTest("extractor") {}

  static Article MakeArticle(const std::string& path) {
    Article a;
    a.source_path = path;
    a.title = "A title";
    a.body = "\"We will see,\" said Anna Berg of Acme Corp.";
    return a;
  }

  Result<IndexWriter> Open() { return IndexWriter::Open(dir_, GetParam().options); }

  // Reads `path` as the indexer does: its articles go, then come back.
  static void Read(IndexWriter& w, const std::string& path) {
    ASSERT_TRUE(w.RemoveFile(path).ok());
    ASSERT_OK(w.Add(MakeArticle(path)));
    ASSERT_OK(w.FinishFile(path, {1, 1}));
  }

  static uint64_t Older(const IndexWriter& w) {
    auto older = w.FilesFromOlderExtractor();
    EXPECT_TRUE(older.ok()) << older.status().message();
    return older.ok() ? older.value() : 0;
  }

  // What an older newsarc leaves: no version, or the one given.
  void Record(const std::string& version) {
    Xapian::WritableDatabase db((dir_ / GetParam().records).string(), Xapian::DB_OPEN);
    db.set_metadata(std::string(internal::schema::kMetaExtractor), version);
    db.commit();
  }
  std::string Recorded() {
    return Xapian::Database((dir_ / GetParam().records).string())
        .get_metadata(std::string(internal::schema::kMetaExtractor));
  }
};

TEST_P(ExtractorVersionTest, ANewIndexHasThisExtractorsVersion) {
  auto w = Open();
  ASSERT_TRUE(w.ok()) << w.status().message();
  Read(w.value(), "/f/a.txt");
  EXPECT_EQ(w.value().ExtractorVersion(), kExtractorVersion);
  EXPECT_EQ(Older(w.value()), 0u);
  ASSERT_OK(w.value().Commit());
  EXPECT_EQ(Recorded(), std::to_string(kExtractorVersion));
  EXPECT_EQ(Older(w.value()), 0u);
}

// The files an older newsarc read count until each is read again; then the
// index records this version. Only one version is recorded, so what a
// writer read again counts only while it is open.
TEST_P(ExtractorVersionTest, FilesOfAnOlderExtractorCountUntilEachIsReadAgain) {
  const std::vector<std::string> files = {"/f/a.txt", "/f/b.txt", "/g/c.txt"};
  {
    auto w = Open();
    ASSERT_TRUE(w.ok()) << w.status().message();
    for (const auto& f : files) Read(w.value(), f);
    ASSERT_OK(w.value().Commit());
  }
  Record("");
  {
    auto w = Open();
    ASSERT_TRUE(w.ok()) << w.status().message();
    EXPECT_EQ(w.value().ExtractorVersion(), 0);
    EXPECT_EQ(Older(w.value()), 3u);
    Read(w.value(), files[0]);
    ASSERT_TRUE(w.value().RemoveFile(files[2]).ok());  // gone: it counts no more
    EXPECT_EQ(Older(w.value()), 1u);
    ASSERT_OK(w.value().Commit());
    EXPECT_EQ(w.value().ExtractorVersion(), 0);
    EXPECT_EQ(Recorded(), "");
  }
  {
    auto w = Open();
    ASSERT_TRUE(w.ok()) << w.status().message();
    EXPECT_EQ(Older(w.value()), 2u);
    Read(w.value(), files[0]);
    Read(w.value(), files[1]);
    EXPECT_EQ(Older(w.value()), 0u);
    EXPECT_EQ(w.value().ExtractorVersion(), 0);  // until the commit
    ASSERT_OK(w.value().Commit());
    EXPECT_EQ(w.value().ExtractorVersion(), kExtractorVersion);
    EXPECT_EQ(Recorded(), std::to_string(kExtractorVersion));
    EXPECT_EQ(w.value().ArticleCount(), 2u);
  }
  // An unreadable record counts as the oldest version.
  Record("new");
  auto w = Open();
  ASSERT_TRUE(w.ok()) << w.status().message();
  EXPECT_EQ(w.value().ExtractorVersion(), 0);
  EXPECT_EQ(Older(w.value()), 2u);
}

// An index that an older newsarc created but that holds no file is this
// newsarc's once it commits.
TEST_P(ExtractorVersionTest, AnIndexWithoutFilesIsThisExtractors) {
  {
    auto w = Open();
    ASSERT_TRUE(w.ok()) << w.status().message();
    ASSERT_OK(w.value().Commit());
  }
  Record("");
  auto w = Open();
  ASSERT_TRUE(w.ok()) << w.status().message();
  EXPECT_EQ(Older(w.value()), 0u);
  ASSERT_OK(w.value().Commit());
  EXPECT_EQ(w.value().ExtractorVersion(), kExtractorVersion);
  EXPECT_EQ(Recorded(), std::to_string(kExtractorVersion));
}

WriterOptions StagedOptions() {
  WriterOptions o;
  o.build_threads = 2;
  return o;
}
WriterOptions HashShards() {
  WriterOptions o;
  o.shard_by = ShardBy::kHash;
  o.shards = 2;
  return o;
}

INSTANTIATE_TEST_SUITE_P(Layouts, ExtractorVersionTest,
                         ::testing::Values(ExtractorLayout{"one", {}, "."},
                                           ExtractorLayout{"staged", StagedOptions(), "."},
                                           ExtractorLayout{"shards", HashShards(),
                                                           "shards/meta"}),
                         [](const auto& param) { return std::string(param.param.name); });

TEST(ArticleId, UrlThenFileAndRecord) {
  Article a;
  a.source_path = "/f/feed.jsonl";
  a.record = 12;
  EXPECT_EQ(IndexWriter::ArticleId(a), "file:/f/feed.jsonl#12");
  a.url = "https://www.x.org/a/";
  EXPECT_EQ(IndexWriter::ArticleId(a), "x.org/a");
  a.id = "given";
  EXPECT_EQ(IndexWriter::ArticleId(a), "given");
}

TEST(DefaultIndexPath, EnvironmentThenXdg) {
  ::setenv("NEWSARC_DB", "/tmp/from-env", 1);
  EXPECT_EQ(DefaultIndexPath(), fs::path("/tmp/from-env"));
  ::unsetenv("NEWSARC_DB");
  ::setenv("XDG_DATA_HOME", "/tmp/xdg", 1);
  EXPECT_EQ(DefaultIndexPath(), fs::path("/tmp/xdg/newsarc/index"));
  ::unsetenv("XDG_DATA_HOME");
  ::setenv("HOME", "/home/u", 1);
  EXPECT_EQ(DefaultIndexPath(), fs::path("/home/u/.local/share/newsarc/index"));
}

// Xapian reports a full disk as a block it could not write; the message
// says what happened and that the index keeps its last commit (the e2e
// test FullDisk fills a real one where it may mount a file system).
TEST(XapianErrors, AFullDiskSaysSoAndWhatIsKept) {
  for (int err : {ENOSPC, EDQUOT}) {
    const Status s = internal::GuardXapian("indexing /x/a.txt", [&] {
      throw Xapian::DatabaseError("Error writing block 97", err);
    });
    EXPECT_EQ(s.code(), StatusCode::kIOError);
    EXPECT_EQ(s.message(),
              "indexing /x/a.txt: no space left for the index (Error writing block 97: " +
                  std::string(std::strerror(err)) +
                  "); it keeps what its last commit held: free some space and try again");
  }
  // Any other failure to write is reported as it was.
  const Status other = internal::GuardXapian("indexing /x/a.txt", [] {
    throw Xapian::DatabaseError("Error writing block 97", EIO);
  });
  EXPECT_EQ(other.message(), "indexing /x/a.txt: DatabaseError: Error writing block 97 (" +
                                 std::string(std::strerror(EIO)) + ")");
}

}  // namespace
}  // namespace newsarc
