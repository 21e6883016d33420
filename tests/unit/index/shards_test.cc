// Sharded indexes: hash and time shards, the stub, the remembered layout,
// partitions, and the per-article rules (versions, claims, removal) across
// shards.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <sstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "collapse_key.h"
#include "document_builder.h"
#include "index_test_util.h"
#include "newsarc/index_writer.h"
#include "newsarc/searcher.h"
#include "schema.h"
#include "shard_layout.h"
#include "shard_worker.h"
#include "stored_fields.h"

namespace newsarc {
namespace {
namespace fs = std::filesystem;
namespace schema = internal::schema;

class ShardedWriterTest : public testing::TempDirTest {
 protected:
  ShardedWriterTest() : TempDirTest("shards") {}

  static Article MakeArticle(const std::string& url, int version, const std::string& path,
                             const std::string& date = "") {
    Article a;
    a.url = url;
    a.version = version;
    a.source_path = path;
    a.title = "A title";
    a.body = "Some body text about encryption.";
    a.date = date;
    return a;
  }

  static WriterOptions Hash(uint32_t n) {
    WriterOptions o;
    o.shard_by = ShardBy::kHash;
    o.shards = n;
    return o;
  }
  static WriterOptions ByTime(ShardBy by) {
    WriterOptions o;
    o.shard_by = by;
    return o;
  }

  std::vector<std::string> ShardNames() {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_ / "shards"))
      if (e.path().filename() != "meta") names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  // Where each article id is: id -> (shard names holding it).
  std::map<std::string, std::vector<std::string>> Placement() {
    std::map<std::string, std::vector<std::string>> where;
    for (const std::string& name : ShardNames()) {
      Xapian::Database db((dir_ / "shards" / name).string());
      for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        auto f = internal::LoadFields(db.get_document(*it), false);
        where[f->id].push_back(name);
      }
    }
    return where;
  }

  // (version, shard) of the article with this URL; version -1 if absent.
  std::pair<int, std::string> Stored(const std::string& url) {
    const auto where = Placement();
    const std::string id = IndexWriter::ArticleId(MakeArticle(url, 0, "/x"));
    auto it = where.find(id);
    if (it == where.end()) return {-1, ""};
    EXPECT_EQ(it->second.size(), 1u) << id << " is in several shards";
    Xapian::Database db((dir_ / "shards" / it->second[0]).string());
    auto p = db.postlist_begin(std::string(schema::kId) + id);
    return {internal::LoadFields(db.get_document(*p), false)->version, it->second[0]};
  }

  void LeaveAKilledRun();
  void ExpectTheKilledRunRepaired();

  std::string ReadStub() {
    std::ifstream in(dir_ / "XAPIANDB");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

};

TEST(KeyHash, IsFnv1a64) {
  // Reference values of FNV-1a 64 (the FNV test suite; "x.org/a" computed
  // with a separate Python implementation).
  EXPECT_EQ(IndexWriter::KeyHash(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(IndexWriter::KeyHash("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(IndexWriter::KeyHash("foobar"), 0x85944171f73967e8ull);
  EXPECT_EQ(IndexWriter::KeyHash("x.org/a"), 0xc16551f8bd06ffdbull);
  EXPECT_TRUE(IndexWriter::InPartition("x.org/a", {1, 2}));
  EXPECT_FALSE(IndexWriter::InPartition("x.org/a", {0, 2}));
  EXPECT_TRUE(IndexWriter::InPartition("x.org/a", {2, 3}));
  EXPECT_TRUE(IndexWriter::InPartition("anything", {}));
}

TEST(ShardLayout, Names) {
  EXPECT_EQ(internal::HashShardName(7), "007");
  EXPECT_EQ(internal::TimeShardName(ShardBy::kYear, "20170329"), "2017");
  EXPECT_EQ(internal::TimeShardName(ShardBy::kMonth, "20170329"), "2017-03");
  EXPECT_EQ(internal::TimeShardName(ShardBy::kMonth, ""), "undated");
  EXPECT_TRUE(internal::IsTimeShardName(ShardBy::kMonth, "2017-03"));
  EXPECT_FALSE(internal::IsTimeShardName(ShardBy::kYear, "2017-03"));
  EXPECT_FALSE(internal::IsTimeShardName(ShardBy::kYear, "meta"));
  auto p = internal::PartitionFromString("1/4");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->index, 1u);
  EXPECT_EQ(p->count, 4u);
  EXPECT_FALSE(internal::PartitionFromString("4/4"));
  EXPECT_FALSE(internal::PartitionFromString("1/0"));
  EXPECT_FALSE(internal::PartitionFromString("-1/2"));
  EXPECT_FALSE(internal::PartitionFromString("1"));
}

// The shards of one index mark copies together (collapse_key.h): an
// article whose copy lies in another shard is marked too, every shard
// records one group, and a search of the index folds on those marks; a
// stub of two indexes marked apart folds on the key every article has.
TEST_F(ShardedWriterTest, MarksCopiesAcrossShards) {
  const std::string story =
      "The council voted on Tuesday to close the old bridge over the river for "
      "repairs that will take most of the coming year, the mayor said.";
  {
    auto w = IndexWriter::Open(dir_, Hash(3));
    ASSERT_TRUE(w.ok()) << w.status().message();
    for (int i = 0; i < 8; ++i) {  // 8 copies: some land in each shard
      Article a = MakeArticle("http://site" + std::to_string(i) + ".example/story", 0,
                              "/f/" + std::to_string(i) + ".txt");
      a.body = story;
      ASSERT_OK(w.value().Add(a));
    }
    ASSERT_OK(w.value().Add(MakeArticle("http://x.org/other", 0, "/f/other.txt")));
    ASSERT_OK(w.value().Commit());
  }
  std::vector<fs::path> shards;
  for (const std::string& name : ShardNames()) shards.push_back(dir_ / "shards" / name);
  EXPECT_EQ(testing::ExpectCopiesMarked(shards), 8u);  // exactly the 8, made together
  const std::string group = *internal::CompleteMarks(Xapian::Database(shards[0].string()));

  auto stories = [&](const fs::path& where) -> size_t {
    auto searcher = Searcher::Open(where);
    EXPECT_TRUE(searcher.ok()) << searcher.status().message();
    if (!searcher.ok()) return 0;
    SearchRequest r;
    r.query = "bridge OR encryption";
    auto hits = searcher.value().Search(r);
    EXPECT_TRUE(hits.ok()) << hits.status().message();
    return hits.ok() ? hits.value().hits.size() : 0;
  };
  EXPECT_EQ(stories(dir_), 2u);
  std::string with_marks;  // a shard holding a marked copy
  for (const std::string& name : ShardNames()) {
    Xapian::Database d((dir_ / "shards" / name).string());
    if (d.valuestream_begin(schema::kSlotCopies) != d.valuestream_end(schema::kSlotCopies))
      with_marks = name;
  }
  ASSERT_FALSE(with_marks.empty());
  {
    // One mark taken away, the marks still said complete: the search uses
    // them (the story splits in two).
    Xapian::WritableDatabase db((dir_ / "shards" / with_marks).string(), Xapian::DB_OPEN);
    auto v = db.valuestream_begin(schema::kSlotCopies);
    Xapian::Document doc = db.get_document(v.get_docid());
    doc.remove_value(schema::kSlotCopies);
    db.replace_document(v.get_docid(), doc);
    internal::RecordCopiesMarked(db, group);
    db.commit();
  }
  EXPECT_EQ(stories(dir_), 3u);
  {
    // Marked apart from the others: the key of every article again.
    Xapian::WritableDatabase db((dir_ / "shards" / with_marks).string(), Xapian::DB_OPEN);
    internal::RecordCopiesMarked(db, internal::NewMarkGroup());
    db.commit();
  }
  EXPECT_EQ(stories(dir_), 2u);
  // The next run marks them together again.
  {
    auto w = IndexWriter::Open(dir_, Hash(3));
    ASSERT_TRUE(w.ok()) << w.status().message();
    ASSERT_OK(w.value().Commit());
  }
  EXPECT_EQ(stories(dir_), 2u);
  EXPECT_EQ(testing::ExpectCopiesMarked(shards), 8u);
}

TEST_F(ShardedWriterTest, RoutesByKeyHashAndOpensAsOneDatabase) {
  {
    auto w = IndexWriter::Open(dir_, Hash(3));
    ASSERT_TRUE(w.ok()) << w.status().message();
    for (int i = 0; i < 60; ++i)
      ASSERT_OK(w.value().Add(MakeArticle("http://x.org/" + std::to_string(i), 0, "/f/a.txt")));
    ASSERT_OK(w.value().FinishFile("/f/a.txt", {1, 2}));
    EXPECT_EQ(w.value().ArticleCount(), 60u);
    EXPECT_EQ(w.value().shard_count(), 3u);
    ASSERT_OK(w.value().Commit());
  }
  EXPECT_EQ(ShardNames(), (std::vector<std::string>{"000", "001", "002"}));
  EXPECT_NE(ReadStub().find("auto shards/meta\nauto shards/000\nauto shards/001\nauto shards/002\n"),
            std::string::npos);
  for (const auto& [id, shards] : Placement()) {
    ASSERT_EQ(shards.size(), 1u);
    EXPECT_EQ(shards[0], internal::HashShardName(IndexWriter::KeyHash(id) % 3)) << id;
  }
  Xapian::Database all(dir_.string());  // the stub
  EXPECT_EQ(all.get_doccount(), 60u);
  EXPECT_EQ(all.get_metadata(std::string(schema::kMetaSchemaVersion)), schema::kSchemaVersion);
  EXPECT_EQ(all.get_metadata(std::string(schema::kMetaLayout)), "hash 3");
  // The file records live in the first database of the stub.
  EXPECT_FALSE(all.get_metadata(std::string(schema::kMetaFile) + internal::FileKey("/f/a.txt"))
                   .empty());
}

TEST_F(ShardedWriterTest, SingleDatabaseHasNoStub) {
  {
    auto w = IndexWriter::Open(dir_);
    ASSERT_TRUE(w.ok());
    ASSERT_OK(w.value().Add(MakeArticle("http://x.org/a", 0, "/f/a.txt")));
    EXPECT_EQ(w.value().shard_by(), ShardBy::kNone);
  }
  EXPECT_FALSE(fs::exists(dir_ / "XAPIANDB"));
  EXPECT_FALSE(fs::exists(dir_ / "shards"));
  EXPECT_TRUE(fs::exists(dir_ / "iamglass"));
}

TEST_F(ShardedWriterTest, LayoutIsRememberedAndConflictsAreErrors) {
  {
    auto w = IndexWriter::Open(dir_, Hash(2));
    ASSERT_TRUE(w.ok());
    ASSERT_OK(w.value().Add(MakeArticle("http://x.org/a", 0, "/f/a.txt")));
  }
  {
    auto w = IndexWriter::Open(dir_);  // no layout asked: the recorded one
    ASSERT_TRUE(w.ok()) << w.status().message();
    EXPECT_EQ(w.value().shard_by(), ShardBy::kHash);
    EXPECT_EQ(w.value().shard_count(), 2u);
    EXPECT_EQ(w.value().ArticleCount(), 1u);
  }
  {
    auto w = IndexWriter::Open(dir_, Hash(2));  // the same: fine
    ASSERT_TRUE(w.ok()) << w.status().message();
  }
  auto three = IndexWriter::Open(dir_, Hash(3));
  ASSERT_FALSE(three.ok());
  EXPECT_EQ(three.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(three.status().message().find("--shards 2"), std::string::npos)
      << three.status().message();
  auto year = IndexWriter::Open(dir_, ByTime(ShardBy::kYear));
  ASSERT_FALSE(year.ok());
  EXPECT_EQ(year.status().code(), StatusCode::kInvalidArgument);

  const fs::path single = dir_ / "single";
  { ASSERT_TRUE(IndexWriter::Open(single).ok()); }
  auto split = IndexWriter::Open(single, Hash(2));
  ASSERT_FALSE(split.ok());
  EXPECT_EQ(split.status().code(), StatusCode::kInvalidArgument);

  auto zero = IndexWriter::Open(dir_ / "zero", Hash(0));
  EXPECT_EQ(zero.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(ShardedWriterTest, PartitionKeepsItsShareAndIsRecorded) {
  WriterOptions o;
  o.partition = {1, 2};
  {
    auto w = IndexWriter::Open(dir_, o);
    ASSERT_TRUE(w.ok()) << w.status().message();
    for (int i = 0; i < 40; ++i)
      ASSERT_OK(w.value().Add(MakeArticle("http://x.org/" + std::to_string(i), 0, "/f/a.txt")));
    ASSERT_OK(w.value().Commit());
  }
  Xapian::Database db(dir_.string());
  uint64_t expected = 0;
  for (int i = 0; i < 40; ++i) {
    const std::string id = "x.org/" + std::to_string(i);
    const bool mine = IndexWriter::KeyHash(id) % 2 == 1;
    expected += mine;
    EXPECT_EQ(db.term_exists(std::string(schema::kId) + id), mine) << id;
  }
  EXPECT_EQ(db.get_doccount(), expected);
  EXPECT_GT(expected, 5u);
  EXPECT_LT(expected, 35u);
  {
    auto w = IndexWriter::Open(dir_);  // recorded
    ASSERT_TRUE(w.ok());
    EXPECT_EQ(w.value().partition(), (Partition{1, 2}));
  }
  o.partition = {0, 2};
  auto other = IndexWriter::Open(dir_, o);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(ShardedWriterTest, VersionsAcrossFilesStayInOneShard) {
  auto w = IndexWriter::Open(dir_, Hash(2));
  ASSERT_TRUE(w.ok());
  IndexWriter& writer = w.value();
  ASSERT_OK(writer.Add(MakeArticle("http://x.org/a", 1, "/f/v1.txt")));
  ASSERT_OK(writer.FinishFile("/f/v1.txt", {1, 1}));
  ASSERT_OK(writer.Add(MakeArticle("https://www.x.org/a/", 3, "/f/v3.txt")));
  ASSERT_OK(writer.FinishFile("/f/v3.txt", {1, 1}));
  ASSERT_OK(writer.Add(MakeArticle("http://x.org/a", 2, "/f/v2.txt")));
  ASSERT_OK(writer.FinishFile("/f/v2.txt", {1, 1}));
  ASSERT_OK(writer.Commit());
  EXPECT_EQ(writer.ArticleCount(), 1u);
  EXPECT_EQ(Stored("http://x.org/a").first, 3);

  // Removing the winner brings the others back (they are read again).
  auto reread = writer.RemoveFile("/f/v3.txt");
  ASSERT_TRUE(reread.ok());
  EXPECT_EQ(reread.value(), (std::vector<std::string>{"/f/v1.txt", "/f/v2.txt"}));
  ASSERT_OK(writer.Commit());
  EXPECT_EQ(Stored("http://x.org/a").first, -1);
  for (const char* p : {"/f/v1.txt", "/f/v2.txt"}) {
    ASSERT_TRUE(writer.RemoveFile(p).ok());
    ASSERT_OK(writer.Add(MakeArticle("http://x.org/a", p[4] - '0', p)));
    ASSERT_OK(writer.FinishFile(p, {1, 2}));
  }
  ASSERT_OK(writer.Commit());
  EXPECT_EQ(Stored("http://x.org/a").first, 2);
  EXPECT_EQ(writer.ArticleCount(), 1u);
}

// A file record names the articles of its file with the path left out
// (PackFileId); removing the file must still reach the shard of an article
// named after it ("file:/f/N.txt#0"), which it finds only when the record's
// id reads back whole.
TEST_F(ShardedWriterTest, RemovingAFileReachesTheShardOfAnArticleNamedAfterIt) {
  // A file whose article's id, read back without the path, would hash to
  // another shard: the test fails if the path is not put back.
  std::string path;
  for (int i = 0; i < 10 && path.empty(); ++i) {
    const std::string p = "/f/" + std::to_string(i) + ".txt";
    if (IndexWriter::KeyHash("file:" + p + "#0") % 8 != IndexWriter::KeyHash("\x01" "0") % 8)
      path = p;
  }
  ASSERT_FALSE(path.empty());
  Article a = MakeArticle("", 0, path);
  const std::string id = IndexWriter::ArticleId(a);
  ASSERT_EQ(id, "file:" + path + "#0");
  {
    auto w = IndexWriter::Open(dir_, Hash(8));
    ASSERT_TRUE(w.ok());
    ASSERT_OK(w.value().Add(a));
    ASSERT_OK(w.value().FinishFile(path, {1, 1}));
    ASSERT_OK(w.value().Commit());
  }
  const std::string record = Xapian::Database((dir_ / "shards/meta").string())
                                 .get_metadata(std::string(schema::kMetaFile) + path);
  ASSERT_FALSE(record.empty());
  EXPECT_EQ(record.find(path), std::string::npos) << record;
  ASSERT_EQ(Placement().count(id), 1u);
  auto w = IndexWriter::Open(dir_);
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE(w.value().RemoveFile(path).ok());
  ASSERT_OK(w.value().Commit());
  EXPECT_TRUE(Placement().empty());
}

// A kill after the shards committed a removal but before the file records
// did: the next run removes the file again and must still bring the other
// version back, although the article is already gone.
TEST_F(ShardedWriterTest, RemovalRedoneAfterAKillRestoresTheOtherVersion) {
  const std::string f3_key = std::string(schema::kMetaFile) + internal::FileKey("/f/v3.txt");
  std::string f3_record;
  {
    auto w = IndexWriter::Open(dir_, Hash(2));
    ASSERT_TRUE(w.ok());
    ASSERT_OK(w.value().Add(MakeArticle("http://x.org/a", 1, "/f/v1.txt")));
    ASSERT_OK(w.value().FinishFile("/f/v1.txt", {1, 1}));
    ASSERT_OK(w.value().Add(MakeArticle("http://x.org/a", 3, "/f/v3.txt")));
    ASSERT_OK(w.value().FinishFile("/f/v3.txt", {1, 1}));
    ASSERT_OK(w.value().Commit());
    f3_record = Xapian::Database((dir_ / "shards/meta").string()).get_metadata(f3_key);
    ASSERT_FALSE(f3_record.empty());
    auto reread = w.value().RemoveFile("/f/v3.txt");
    ASSERT_TRUE(reread.ok());
    EXPECT_EQ(reread.value(), std::vector<std::string>{"/f/v1.txt"});
    ASSERT_OK(w.value().Commit());
  }
  {
    // What the kill would have left: the old record of v3 still there.
    Xapian::WritableDatabase meta((dir_ / "shards/meta").string(), Xapian::DB_OPEN);
    meta.set_metadata(f3_key, f3_record);
    meta.commit();
  }
  auto w = IndexWriter::Open(dir_);
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE(w.value().StampOf("/f/v3.txt"));
  auto reread = w.value().RemoveFile("/f/v3.txt");
  ASSERT_TRUE(reread.ok());
  EXPECT_EQ(reread.value(), std::vector<std::string>{"/f/v1.txt"});
}

// A kill after the shards committed the articles of a new file but before
// its record was: the next run sees the file as new, removes what it holds
// (the shards ahead of the metadata are searched) and reads it again.
// What a run killed between committing a shard and the file records
// leaves: the articles of /f/g.txt in a shard, no record of the file, and
// the shard revisions recorded before it (the shard is "dirty").
void ShardedWriterTest::LeaveAKilledRun() {
  std::map<std::string, std::string> revisions;
  const std::vector<std::string> keys = {std::string(schema::kMetaShardRevision) + "000",
                                         std::string(schema::kMetaShardRevision) + "001"};
  {
    auto w = IndexWriter::Open(dir_, Hash(2));
    ASSERT_TRUE(w.ok());
    ASSERT_OK(w.value().Add(MakeArticle("http://x.org/old", 0, "/f/old.txt")));
    ASSERT_OK(w.value().FinishFile("/f/old.txt", {1, 1}));
    ASSERT_OK(w.value().Commit());
    Xapian::Database meta((dir_ / "shards/meta").string());
    for (const auto& k : keys) revisions[k] = meta.get_metadata(k);
    for (int i = 0; i < 8; ++i)
      ASSERT_OK(w.value().Add(MakeArticle("http://x.org/" + std::to_string(i), 0, "/f/g.txt")));
    ASSERT_OK(w.value().FinishFile("/f/g.txt", {1, 1}));
    ASSERT_OK(w.value().Commit());
  }
  Xapian::WritableDatabase meta((dir_ / "shards/meta").string(), Xapian::DB_OPEN);
  meta.set_metadata(std::string(schema::kMetaFile) + internal::FileKey("/f/g.txt"), "");
  for (const auto& [k, v] : revisions) meta.set_metadata(k, v);
  meta.commit();
}

// The next writer finds the articles of the unrecorded file.
void ShardedWriterTest::ExpectTheKilledRunRepaired() {
  auto w = IndexWriter::Open(dir_);
  ASSERT_TRUE(w.ok());
  EXPECT_FALSE(w.value().StampOf("/f/g.txt"));
  ASSERT_TRUE(w.value().RemoveFile("/f/g.txt").ok());
  EXPECT_EQ(w.value().ArticleCount(), 1u);
}

TEST_F(ShardedWriterTest, ArticlesOfAnUnrecordedFileAreFoundAfterAKill) {
  LeaveAKilledRun();
  ExpectTheKilledRunRepaired();
}

// Compaction starts every database's revisions again: the dirty shard must
// stay recognisable.
TEST_F(ShardedWriterTest, ADirtyShardStaysDirtyThroughCompaction) {
  LeaveAKilledRun();
  auto done = IndexWriter::Compact(dir_);
  ASSERT_TRUE(done.ok()) << done.status().message();
  EXPECT_EQ(done.value().databases, 3u);
  ExpectTheKilledRunRepaired();
}

TEST_F(ShardedWriterTest, TimeShardsAreCreatedAsPeriodsAppear) {
  {
    auto w = IndexWriter::Open(dir_, ByTime(ShardBy::kMonth));
    ASSERT_TRUE(w.ok()) << w.status().message();
    ASSERT_OK(w.value().Add(MakeArticle("http://x.org/a", 0, "/f/a.txt", "2017-03-29")));
    ASSERT_OK(w.value().Add(MakeArticle("http://x.org/b", 0, "/f/a.txt", "2017-03-01")));
    ASSERT_OK(w.value().Add(MakeArticle("http://x.org/c", 0, "/f/a.txt", "2018-01-02")));
    ASSERT_OK(w.value().Add(MakeArticle("http://x.org/d", 0, "/f/a.txt")));
    ASSERT_OK(w.value().Commit());
    EXPECT_EQ(w.value().shard_count(), 3u);
  }
  EXPECT_EQ(ShardNames(), (std::vector<std::string>{"2017-03", "2018-01", "undated"}));
  EXPECT_NE(ReadStub().find("auto shards/meta\nauto shards/2017-03\nauto shards/2018-01\n"
                            "auto shards/undated\n"),
            std::string::npos)
      << ReadStub();
  EXPECT_EQ(Stored("http://x.org/b").second, "2017-03");
  EXPECT_EQ(Stored("http://x.org/d").second, "undated");
  {
    auto w = IndexWriter::Open(dir_);  // a new month in a later run
    ASSERT_TRUE(w.ok());
    EXPECT_EQ(w.value().shard_by(), ShardBy::kMonth);
    ASSERT_OK(w.value().Add(MakeArticle("http://x.org/e", 0, "/f/e.txt", "2016-12-31")));
  }
  EXPECT_EQ(ShardNames(), (std::vector<std::string>{"2016-12", "2017-03", "2018-01", "undated"}));
  EXPECT_NE(ReadStub().find("auto shards/meta\nauto shards/2016-12\nauto shards/2017-03\n"),
            std::string::npos);
  EXPECT_EQ(Xapian::Database(dir_.string()).get_doccount(), 5u);
}

TEST_F(ShardedWriterTest, ADateChangeMovesTheArticle) {
  auto w = IndexWriter::Open(dir_, ByTime(ShardBy::kYear));
  ASSERT_TRUE(w.ok());
  IndexWriter& writer = w.value();
  ASSERT_OK(writer.Add(MakeArticle("http://x.org/a", 1, "/f/v1.txt", "2017-05-01")));
  ASSERT_OK(writer.FinishFile("/f/v1.txt", {1, 1}));
  ASSERT_OK(writer.Commit());
  EXPECT_EQ(Stored("http://x.org/a"), (std::pair<int, std::string>{1, "2017"}));
  // A higher version dated otherwise moves it.
  ASSERT_OK(writer.Add(MakeArticle("http://x.org/a", 2, "/f/v2.txt", "2018-01-01")));
  ASSERT_OK(writer.FinishFile("/f/v2.txt", {1, 1}));
  ASSERT_OK(writer.Commit());
  EXPECT_EQ(Stored("http://x.org/a"), (std::pair<int, std::string>{2, "2018"}));
  // A lower one dated otherwise does not.
  ASSERT_OK(writer.Add(MakeArticle("http://x.org/a", 0, "/f/v0.txt", "2016-01-01")));
  ASSERT_OK(writer.FinishFile("/f/v0.txt", {1, 1}));
  ASSERT_OK(writer.Commit());
  EXPECT_EQ(Stored("http://x.org/a"), (std::pair<int, std::string>{2, "2018"}));
  EXPECT_EQ(writer.ArticleCount(), 1u);
  // Removing the winner: the others are read again and the best comes back
  // in its own year.
  auto reread = writer.RemoveFile("/f/v2.txt");
  ASSERT_TRUE(reread.ok());
  EXPECT_EQ(reread.value(), (std::vector<std::string>{"/f/v0.txt", "/f/v1.txt"}));
  for (const auto& [p, v, d] : {std::tuple{"/f/v0.txt", 0, "2016-01-01"},
                                std::tuple{"/f/v1.txt", 1, "2017-05-01"}}) {
    ASSERT_TRUE(writer.RemoveFile(p).ok());
    ASSERT_OK(writer.Add(MakeArticle("http://x.org/a", v, p, d)));
    ASSERT_OK(writer.FinishFile(p, {1, 2}));
  }
  ASSERT_OK(writer.Commit());
  EXPECT_EQ(Stored("http://x.org/a"), (std::pair<int, std::string>{1, "2017"}));
  EXPECT_EQ(writer.ArticleCount(), 1u);
  ASSERT_OK(writer.Delete("x.org/a"));
  ASSERT_OK(writer.Commit());
  EXPECT_EQ(writer.ArticleCount(), 0u);
  EXPECT_EQ(writer.Delete("x.org/a").code(), StatusCode::kNotFound);
}

TEST_F(ShardedWriterTest, ManyArticlesThroughSmallQueues) {
  WriterOptions o = Hash(4);
  o.shard_queue_articles = 3;
  o.shard_queue_bytes = 4096;
  o.commit_every = 7;
  {
    auto w = IndexWriter::Open(dir_, o);
    ASSERT_TRUE(w.ok());
    for (int i = 0; i < 400; ++i) {
      const std::string path = "/f/" + std::to_string(i % 10) + ".txt";
      ASSERT_OK(w.value().Add(MakeArticle("http://x.org/" + std::to_string(i), 0, path)));
    }
    for (int i = 0; i < 10; ++i)
      ASSERT_OK(w.value().FinishFile("/f/" + std::to_string(i) + ".txt", {1, 1}));
    EXPECT_EQ(w.value().ArticleCount(), 400u);
    EXPECT_EQ(w.value().KnownFiles("/f/").size(), 10u);
    auto reread = w.value().RemoveFile("/f/3.txt");
    ASSERT_TRUE(reread.ok());
    EXPECT_EQ(w.value().ArticleCount(), 360u);
  }
  EXPECT_EQ(Xapian::Database(dir_.string()).get_doccount(), 360u);
  for (const auto& [id, shards] : Placement()) EXPECT_EQ(shards.size(), 1u) << id;
}

// The article -> shard map of time shards is a hint: a stale entry (a
// killed run) neither duplicates nor loses the article.
TEST_F(ShardedWriterTest, AStaleShardMapIsHarmless) {
  {
    auto w = IndexWriter::Open(dir_, ByTime(ShardBy::kYear));
    ASSERT_TRUE(w.ok());
    ASSERT_OK(w.value().Add(MakeArticle("http://x.org/other", 0, "/f/o.txt", "2016-01-01")));
    ASSERT_OK(w.value().Add(MakeArticle("http://x.org/a", 1, "/f/v1.txt", "2017-01-01")));
  }
  const std::string key = std::string(schema::kMetaShardOf) + "x.org/a";
  {
    Xapian::WritableDatabase meta((dir_ / "shards/meta").string(), Xapian::DB_OPEN);
    EXPECT_EQ(meta.get_metadata(key), "2017");
    meta.set_metadata(key, "2016");  // wrong: the article is in 2017
    meta.commit();
  }
  auto w = IndexWriter::Open(dir_);
  ASSERT_TRUE(w.ok());
  ASSERT_OK(w.value().Add(MakeArticle("http://x.org/a", 2, "/f/v2.txt", "2017-06-01")));
  ASSERT_OK(w.value().Commit());
  EXPECT_EQ(Stored("http://x.org/a"), (std::pair<int, std::string>{2, "2017"}));
  EXPECT_EQ(w.value().ArticleCount(), 2u);
  EXPECT_EQ(Xapian::Database((dir_ / "shards/meta").string()).get_metadata(key), "2017");
}

// A kill while Xapian creates a database leaves table files without
// "iamglass"; Xapian then refuses to create or open it. The writer starts
// it again.
TEST_F(ShardedWriterTest, AnUnfinishedCreationIsStartedAgain) {
  for (const fs::path& db : {dir_ / "single", dir_ / "sharded" / "shards" / "000"}) {
    fs::create_directories(db);
    for (const char* name : {"postlist.glass", "termlist.glass", "v.tmp"}) std::ofstream(db / name);
  }
  auto single = IndexWriter::Open(dir_ / "single");
  ASSERT_TRUE(single.ok()) << single.status().message();
  auto sharded = IndexWriter::Open(dir_ / "sharded", Hash(2));
  ASSERT_TRUE(sharded.ok()) << sharded.status().message();
  ASSERT_OK(sharded.value().Add(MakeArticle("http://x.org/a", 0, "/f/a.txt")));
  EXPECT_EQ(sharded.value().ArticleCount(), 1u);
}

TEST(ShardWorker, AnErrorSurfacesOnTheNextCall) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  internal::ShardWorker w("t", "/x/shards/t", db,
                         std::make_shared<internal::QueueBudget>(2, 1 << 20));
  int ran = 0;
  ASSERT_OK(w.Post([&](Xapian::WritableDatabase&) { return ++ran, Status::Ok(); }, 10));
  ASSERT_OK(w.Post([&](Xapian::WritableDatabase&) -> Status { throw Xapian::DatabaseError("disk"); },
                   10));
  const Status s = w.Run([&](Xapian::WritableDatabase&) { return ++ran, Status::Ok(); });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "writing /x/shards/t: DatabaseError: disk");
  EXPECT_EQ(ran, 1);  // nothing runs after a failure
  EXPECT_FALSE(w.Post([](Xapian::WritableDatabase&) { return Status::Ok(); }, 1).ok());
  EXPECT_FALSE(w.error().ok());
}

// Waiters are woken once the budget has drained to half, not at every
// release; each of them still gets in without the queues running empty: one
// that fits once half is free, one that needs more than half; and one larger
// than the whole budget once it is empty.
TEST(QueueBudget, EveryWaiterGetsInAsTheTasksDrain) {
  using namespace std::chrono_literals;
  struct Case {
    std::vector<uint64_t> held;  // tasks in the queues
    uint64_t wanted;             // the waiter's task
    size_t released;             // tasks that end before it must be in
  };
  const std::vector<Case> cases = {{{10, 10, 10, 10}, 10, 2},  // full by count
                                   {{30, 30, 30}, 60, 2},      // by bytes, more than half
                                   {{20, 20}, 150, 2}};        // more than all of it
  for (const Case& c : cases) {
    SCOPED_TRACE(c.wanted);
    internal::QueueBudget budget(4, 100);
    for (uint64_t bytes : c.held) budget.Acquire(bytes);
    std::promise<void> in;
    std::thread waiter([&] {
      budget.Acquire(c.wanted);
      in.set_value();
    });
    std::future<void> got_in = in.get_future();
    EXPECT_EQ(got_in.wait_for(50ms), std::future_status::timeout);  // no room yet
    for (size_t i = 0; i < c.released; ++i) budget.Release(c.held[i]);
    EXPECT_EQ(got_in.wait_for(10s), std::future_status::ready) << "not let in";
    // (The rest, before joining: an empty budget lets in even a waiter that
    // the releases above failed to wake.)
    for (size_t i = c.released; i < c.held.size(); ++i) budget.Release(c.held[i]);
    waiter.join();
    budget.Release(c.wanted);
  }
}

// Over the stub, the library's searches equal those over one database with
// the same articles: ids, scores (to 1e-9, relative) and totals.
TEST_F(ShardedWriterTest, StubSearchesLikeOneDatabase) {
  const std::vector<std::string> words = {"bridge", "council", "river",  "storm",  "police",
                                          "vote",   "court",   "school", "energy", "market",
                                          "union",  "winter",  "budget", "health", "airport"};
  auto make = [&](int i) {
    Article a = MakeArticle("http://x.org/" + std::to_string(i), 0, "/f/a.txt",
                            i % 3 ? "2017-0" + std::to_string(1 + i % 9) + "-01" : "");
    a.title = words[i % words.size()] + " " + words[(i * 7) % words.size()];
    a.body.clear();
    for (int k = 0; k < 5 + i % 23; ++k) a.body += words[(i * 31 + k * k * 17) % words.size()] + " ";
    return a;
  };
  const fs::path single = dir_ / "single";
  for (const auto& [where, options] :
       {std::pair{single, WriterOptions{}}, std::pair{dir_ / "h3", Hash(3)},
        std::pair{dir_ / "m", ByTime(ShardBy::kMonth)}}) {
    auto w = IndexWriter::Open(where, options);
    ASSERT_TRUE(w.ok()) << w.status().message();
    for (int i = 0; i < 150; ++i) ASSERT_OK(w.value().Add(make(i)));
  }
  auto one = Searcher::Open(single);
  ASSERT_TRUE(one.ok()) << one.status().message();
  for (const char* sharded : {"h3", "m"}) {
    auto many = Searcher::Open(dir_ / sharded);
    ASSERT_TRUE(many.ok()) << many.status().message();
    for (const char* q : {"bridge", "police court", "storm OR winter OR budget", "title:energy",
                          "\"river storm\"", "health -market"}) {
      SearchRequest r;
      r.query = q;
      r.limit = 200;
      r.snippets = false;
      auto a = one.value().Search(r);
      auto b = many.value().Search(r);
      ASSERT_TRUE(a.ok() && b.ok()) << q;
      testing::ExpectSameResults(a.value(), b.value(), q);
    }
  }
}

}  // namespace
}  // namespace newsarc
