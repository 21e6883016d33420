// Searcher over a small index built in a temporary directory. Documents are
// built by hand following schema.h (so speakers and organisations are under
// the test's control), with the same helpers the document builder uses.
#include "newsarc/searcher.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "keys.h"
#include "language.h"
#include "newsarc/normalizer.h"
#include "schema.h"
#include "stored_fields.h"

namespace newsarc {
namespace {

namespace fs = std::filesystem;
using internal::StoredFields;
namespace schema = internal::schema;

struct TestEntity {
  std::string name;
  std::vector<std::string> aliases;
};

struct TestArticle {
  std::string id, title, body, url, date, language = "en";
  std::vector<TestEntity> speakers, orgs;
};

void AddEntities(Xapian::Document& doc, const std::vector<TestEntity>& entities,
                 std::string_view name_prefix, std::string_view word_prefix) {
  for (const TestEntity& e : entities) {
    std::vector<std::string> names = e.aliases;
    names.push_back(e.name);
    for (const std::string& n : names) {
      doc.add_term(internal::EntityNameTerm(name_prefix, n));
      for (const std::string& t : internal::EntityWordTerms(word_prefix, n)) {
        doc.add_term(t);
      }
    }
  }
}

Xapian::Document MakeDocument(const TestArticle& a) {
  Xapian::Document doc;
  Xapian::TermGenerator tg;
  tg.set_document(doc);
  tg.set_stemmer(Xapian::Stem(internal::StemmerFor(a.language)));
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  std::string title = FoldText(a.title);
  tg.index_text(title, 1, std::string(schema::kTitle));
  tg.increase_termpos(schema::kFieldGap);
  tg.index_text(title, schema::kTitleWdf);
  tg.increase_termpos(schema::kFieldGap);
  tg.index_text(FoldText(a.body));
  AddEntities(doc, a.speakers, schema::kSpeaker, schema::kSpeakerWord);
  AddEntities(doc, a.orgs, schema::kOrg, schema::kOrgWord);
  std::string host = internal::HostOf(a.url);
  for (const std::string& t : internal::SiteTerms(host))
    doc.add_boolean_term(t);
  doc.add_boolean_term(std::string(schema::kLanguage) + a.language);
  std::string date = internal::DateKey(a.date);
  if (!date.empty()) {  // as BuildDocument: the value and the year term
    doc.add_value(schema::kSlotDate, date);
    doc.add_boolean_term(std::string(schema::kYear) + date.substr(0, 4));
  }
  doc.add_boolean_term(std::string(schema::kId) + a.id);

  StoredFields f;
  f.id = a.id;
  f.title = a.title;
  f.body = a.body;
  f.url = a.url;
  f.site = host;
  f.date = a.date;
  f.language = a.language;
  f.path = "/archive/" + a.id + ".txt";
  f.version = 1;
  for (const TestEntity& e : a.speakers) f.speakers.push_back(e.name);
  for (const TestEntity& e : a.orgs) f.organisations.push_back(e.name);
  doc.set_data(internal::SerializeFields(f));
  return doc;
}

const std::vector<TestArticle>& Articles() {
  static const std::vector<TestArticle> articles = {
      {"rudd",
       "Encryption row over messaging apps",
       "Amber Rudd said that the messaging service must open up to the "
       "police. Ms Rudd spoke after the attack, before lunch at a café in "
       "Zürich. The Met confirmed the talks.",
       "https://www.independent.co.uk/news/rudd",
       "2017-03-26",
       "en",
       {{"Amber Rudd", {"Rudd", "Ms Rudd"}}},
       {{"WhatsApp", {}}, {"Metropolitan Police", {"Met"}}}},
      {"markets",
       "Markets calm on Monday",
       "Markets were calm. Analysts said encryption of payments was not a "
       "worry. Craig Mackey spoke to reporters about the police response.",
       "https://news.bbc.co.uk/markets",
       "2017-01-10",
       "en",
       {{"Craig Mackey", {"Mackey"}}},
       {{"Metropolitan Police", {}}}},
      {"brexit",
       "Brexit vote",
       "Boris Johnson won the Conservative leadership vote in London.",
       "https://www.bbc.co.uk/brexit",
       "2019-07-24",
       "en",
       {},
       {}},
      {"paris",
       "Élection à Paris",
       "Les élections municipales ont eu lieu à Paris dimanche.",
       "https://www.lemonde.fr/paris",
       "2018-05-01",
       "fr",
       {},
       {}},
  };
  return articles;
}

class SearcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("newsarc-searcher-test-" + std::to_string(getpid())));
    fs::remove_all(*dir_);
    Xapian::WritableDatabase db(dir_->string(), Xapian::DB_CREATE_OR_OVERWRITE);
    for (const TestArticle& a : Articles()) db.add_document(MakeDocument(a));
    db.commit();
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }

  SearchResults Search(const std::string& query,
                       SortOrder sort = SortOrder::kRelevance,
                       uint32_t offset = 0, uint32_t limit = 10) {
    auto searcher = Searcher::Open(*dir_);
    EXPECT_TRUE(searcher.ok()) << searcher.status().message();
    SearchRequest request;
    request.query = query;
    request.sort = sort;
    request.offset = offset;
    request.limit = limit;
    auto results = searcher.value().Search(request);
    EXPECT_TRUE(results.ok()) << query << ": " << results.status().message();
    return results.ok() ? results.value() : SearchResults{};
  }

  // The ids of the hits, in rank order, space-separated.
  std::string Ids(const std::string& query,
                  SortOrder sort = SortOrder::kRelevance) {
    std::string out;
    for (const Hit& hit : Search(query, sort).hits) {
      out += (out.empty() ? "" : " ") + hit.id;
    }
    return out;
  }

  static fs::path* dir_;
};

fs::path* SearcherTest::dir_ = nullptr;

struct QueryCase {
  const char* query;
  const char* ids;  // expected hits in rank order
};

class SearcherQueryTest : public SearcherTest,
                          public ::testing::WithParamInterface<QueryCase> {};

TEST_P(SearcherQueryTest, Finds) {
  EXPECT_EQ(Ids(GetParam().query), GetParam().ids) << GetParam().query;
}

const QueryCase kQueryCases[] = {
    // A title match ranks above a body match.
    {"encryption", "rudd markets"},
    {"Rudd", "rudd"},
    {"zurich", "rudd"},  // folding: Zürich
    {"CAFE", "rudd"},    // café
    {"\"amber rudd\"", "rudd"},
    {"“Amber Rudd”", "rudd"},
    {"\"rudd amber\"", ""},
    {"police NOT encryption", ""},
    {"police -mackey", "rudd"},
    {"messag*", "rudd"},
    {"title:markets", "markets"},
    {"title:police", ""},
    {"speaker:rudd", "rudd"},
    {"speaker:\"amber rudd\"", "rudd"},
    {"speaker:\"ms rudd\"", "rudd"},
    {"speaker:mackey", "markets"},
    {"speaker:\"craig rudd\"", ""},
    {"speaker:rudd OR speaker:mackey", "rudd markets"},
    {"org:whatsapp", "rudd"},
    {"org:met", "rudd"},
    {"org:\"metropolitan police\"", "rudd markets"},
    {"org:\"Metropolitan Police\" speaker:mackey", "markets"},
    {"site:bbc.co.uk", "markets brexit"},
    {"site:www.independent.co.uk", "rudd"},
    {"lang:fr élection", "paris"},
    {"lang:fr", "paris"},
    {"date:2017", "rudd markets"},
    {"date:2017-03", "rudd"},
    {"date:2017-01-10", "markets"},
    {"date:2017-01-11..2018-05", "rudd paris"},
    {"date:2018..", "brexit paris"},
    {"date:..2017-02", "markets"},
    {"vote date:2019", "brexit"},
};

INSTANTIATE_TEST_SUITE_P(Table, SearcherQueryTest,
                         ::testing::ValuesIn(kQueryCases));

TEST_F(SearcherTest, AndFallsBackToOr) {
  SearchResults r = Search("encryption brexit");
  EXPECT_TRUE(r.relaxed);
  ASSERT_EQ(r.hits.size(), 3u);
  EXPECT_EQ(r.hits[0].id, "brexit");  // rarer word, in the title

  r = Search("encryption rudd");
  EXPECT_FALSE(r.relaxed);
  ASSERT_EQ(r.hits.size(), 1u);

  r = Search("\"rudd amber\"");  // one phrase: nothing to relax
  EXPECT_FALSE(r.relaxed);
  EXPECT_TRUE(r.hits.empty());

  r = Search("nothingatall");
  EXPECT_FALSE(r.relaxed);
  EXPECT_TRUE(r.hits.empty());
  EXPECT_EQ(r.estimated_total, 0u);
}

// A word no article has is left out of the relaxed search, and the others
// are still all required; when they never meet either, the words are OR'd.
TEST_F(SearcherTest, RelaxingLeavesOutWordsNoArticleHas) {
  const SearchResults both = Search("encryption rudd");
  ASSERT_EQ(both.hits.size(), 1u);
  SearchResults r = Search("Encryption zzyzx RUDD");
  EXPECT_TRUE(r.relaxed);
  EXPECT_EQ(r.missing, std::vector<std::string>{"zzyzx"});
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].id, both.hits[0].id);
  EXPECT_EQ(r.estimated_total, 1u);
  // Not "any": an OR would find both words' articles.
  EXPECT_GT(Search("encryption OR rudd").hits.size(), 1u);

  r = Search("encryption brexit zzyzx");  // the others never meet: OR'd
  EXPECT_TRUE(r.relaxed);
  EXPECT_TRUE(r.missing.empty());
  EXPECT_EQ(r.hits.size(), 3u);
  // Only for a query of words: with a phrase in it they are OR'd.
  r = Search("encryption rudd \"zzyzx\"");
  EXPECT_TRUE(r.relaxed);
  EXPECT_TRUE(r.missing.empty());
  EXPECT_EQ(r.hits.size(), Search("encryption OR rudd").hits.size());
  // Two missing: both listed, in query order.
  r = Search("qqxqq encryption zzyzx rudd");
  EXPECT_EQ(r.missing, (std::vector<std::string>{"qqxqq", "zzyzx"}));
  ASSERT_EQ(r.hits.size(), 1u);
}

TEST_F(SearcherTest, SortsByDate) {
  EXPECT_EQ(Ids("", SortOrder::kDate), "markets rudd paris brexit");
  EXPECT_EQ(Ids("", SortOrder::kDateDesc), "brexit paris rudd markets");
  EXPECT_EQ(Ids("encryption", SortOrder::kDateDesc), "rudd markets");
  EXPECT_EQ(Ids("encryption", SortOrder::kDate), "markets rudd");
}

TEST_F(SearcherTest, OffsetAndLimit) {
  SearchResults r = Search("", SortOrder::kDate, 1, 2);
  ASSERT_EQ(r.hits.size(), 2u);
  EXPECT_EQ(r.hits[0].rank, 2u);
  EXPECT_EQ(r.hits[0].id, "rudd");
  EXPECT_EQ(r.hits[1].rank, 3u);
  EXPECT_EQ(r.estimated_total, 4u);
  EXPECT_EQ(r.offset, 1u);
  EXPECT_TRUE(Search("", SortOrder::kDate, 10, 2).hits.empty());
}

// --limit 0 (a count): the total tells whether anything matches, and a
// query whose words never meet relaxes as it does with hits asked for (not
// Xapian's estimate from the words' frequencies).
TEST_F(SearcherTest, CountWithoutHits) {
  SearchResults r = Search("encryption brexit", SortOrder::kRelevance, 0, 0);
  EXPECT_TRUE(r.hits.empty());
  EXPECT_TRUE(r.relaxed);
  EXPECT_EQ(r.estimated_total, Search("encryption OR brexit").estimated_total);
  r = Search("\"rudd amber\"", SortOrder::kRelevance, 0, 0);  // both words, never so
  EXPECT_FALSE(r.relaxed);
  EXPECT_EQ(r.estimated_total, 0u);
  r = Search("encryption rudd", SortOrder::kRelevance, 0, 0);
  EXPECT_FALSE(r.relaxed);
  EXPECT_GT(r.estimated_total, 0u);
  r = Search("encryption", SortOrder::kRelevance, 5, 0);  // past the matches
  EXPECT_TRUE(r.hits.empty());
}

TEST_F(SearcherTest, FillsHits) {
  SearchResults r = Search("cafe");
  ASSERT_EQ(r.hits.size(), 1u);
  const Hit& hit = r.hits[0];
  EXPECT_EQ(r.query, "cafe");
  EXPECT_EQ(hit.rank, 1u);
  EXPECT_GT(hit.score, 0);
  EXPECT_EQ(hit.title, "Encryption row over messaging apps");
  EXPECT_EQ(hit.url, "https://www.independent.co.uk/news/rudd");
  EXPECT_EQ(hit.site, "independent.co.uk");
  EXPECT_EQ(hit.date, "2017-03-26");
  EXPECT_EQ(hit.path, "/archive/rudd.txt");
  EXPECT_EQ(hit.language, "en");
  EXPECT_EQ(hit.speakers, std::vector<std::string>{"Amber Rudd"});
  EXPECT_EQ(hit.organisations,
            (std::vector<std::string>{"WhatsApp", "Metropolitan Police"}));
  ASSERT_EQ(hit.highlights.size(), 1u);
  EXPECT_EQ(hit.snippet.substr(hit.highlights[0].begin,
                               hit.highlights[0].end - hit.highlights[0].begin),
            "café");
}

TEST_F(SearcherTest, SnippetsHighlightStems) {
  SearchResults r = Search("encrypted");
  ASSERT_EQ(r.hits.size(), 2u);
  const Hit& hit = r.hits[1];  // body match
  ASSERT_EQ(hit.highlights.size(), 1u);
  EXPECT_EQ(hit.snippet.substr(hit.highlights[0].begin,
                               hit.highlights[0].end - hit.highlights[0].begin),
            "encryption");
}

TEST_F(SearcherTest, NoSnippetsWhenNotAsked) {
  auto searcher = Searcher::Open(*dir_);
  ASSERT_TRUE(searcher.ok());
  SearchRequest request;
  request.query = "rudd";
  request.snippets = false;
  auto r = searcher.value().Search(request);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value().hits.size(), 1u);
  EXPECT_EQ(r.value().hits[0].snippet, "");
  EXPECT_EQ(searcher.value().ArticleCount(), 4u);
}

TEST_F(SearcherTest, BadQueryIsInvalidArgument) {
  auto searcher = Searcher::Open(*dir_);
  ASSERT_TRUE(searcher.ok());
  for (const char* q : {"rudd AND", "date:2017-13", "date:2018..2017"}) {
    SearchRequest request;
    request.query = q;
    auto r = searcher.value().Search(request);
    ASSERT_FALSE(r.ok()) << q;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << q;
    EXPECT_NE(r.status().message().find(q), std::string::npos)
        << r.status().message();
  }
}

TEST(SearcherOpen, MissingIndexIsNotFound) {
  fs::path dir = fs::temp_directory_path() /
                 ("newsarc-no-index-" + std::to_string(getpid()));
  fs::remove_all(dir);
  auto r = Searcher::Open(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(r.status().message(), "no index at " + dir.string());

  fs::create_directories(dir);  // a directory, but no index in it
  r = Searcher::Open(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  fs::remove_all(dir);
}

TEST_F(SearcherTest, SeesCommitsOfAWriter) {
  auto searcher = Searcher::Open(*dir_);
  ASSERT_TRUE(searcher.ok());
  {
    Xapian::WritableDatabase db(dir_->string(), Xapian::DB_OPEN);
    for (int i = 0; i < 3; ++i) {  // more revisions than a reader keeps
      TestArticle a{
          "extra" + std::to_string(i), "Extra", "zebra", "", "", "en", {}, {}};
      db.add_document(MakeDocument(a));
      db.commit();
    }
    for (int i = 0; i < 3; ++i) {
      db.delete_document("Qextra" + std::to_string(i));
      db.commit();
    }
  }
  SearchRequest request;
  request.query = "rudd";
  auto r = searcher.value().Search(request);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value().hits.size(), 1u);
}

// From its second search on, a Searcher reads the index through maps of its
// files (OpenOptions::map_files, mapped_reads.h): the same hits, fields,
// scores and snippets as with every block read by pread.
TEST_F(SearcherTest, MappedReadsGiveTheSameResults) {
  OpenOptions unmapped;
  unmapped.map_files = false;
  auto mapped = Searcher::Open(*dir_);
  auto plain = Searcher::Open(*dir_, unmapped);
  ASSERT_TRUE(mapped.ok() && plain.ok());
  const std::vector<std::string> queries = {
      "rudd whatsapp encryption", "speaker:rudd", "org:\"metropolitan police\"",
      "\"amber rudd\"",           "police -rudd", "élection",
      "markets OR brexit",        "zurich",       "nothing matches this"};
  for (int round = 0; round < 3; ++round) {
    for (const std::string& query : queries) {
      for (bool any : {false, true}) {
        SearchRequest request;
        request.query = query;
        request.any = any;
        auto a = mapped.value().Search(request);
        auto b = plain.value().Search(request);
        ASSERT_TRUE(a.ok() && b.ok()) << query;
        EXPECT_EQ(a.value().estimated_total, b.value().estimated_total)
            << query;
        ASSERT_EQ(a.value().hits.size(), b.value().hits.size()) << query;
        for (size_t i = 0; i < a.value().hits.size(); ++i) {
          const Hit& x = a.value().hits[i];
          const Hit& y = b.value().hits[i];
          EXPECT_EQ(x.id, y.id) << query;
          EXPECT_EQ(x.score, y.score) << query;
          EXPECT_EQ(x.title, y.title) << query;
          EXPECT_EQ(x.speakers, y.speakers) << query;
          EXPECT_EQ(x.snippet, y.snippet) << query;
        }
      }
    }
  }
}

// The read system calls this process has made (/proc/self/io), -1 if unknown.
long ReadSyscalls() {
  std::ifstream io("/proc/self/io");
  std::string key;
  long value = -1;
  while (io >> key >> value) {
    if (key == "syscr:") return value;
  }
  return -1;
}

// The maps take the block reads off the system: Xapian's pread reaches
// newsarc's, which copies from the map (a check that the interposition
// works in the executable as linked). An index of 3,000 articles, so that
// a search reads blocks beyond the B-trees' roots.
TEST(SearcherMaps, MakeNoReadSystemCallPerBlock) {
  if (ReadSyscalls() < 0) GTEST_SKIP() << "no /proc/self/io here";
  const fs::path dir =
      fs::temp_directory_path() /
      ("newsarc-searcher-syscalls-" + std::to_string(getpid()));
  fs::remove_all(dir);
  {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    for (int i = 0; i < 3000; ++i) {
      const std::string n = std::to_string(i);
      std::string body = "article " + n + " about";
      for (int k : {7, 11, 13, 17, 19})
        body += " topic" + std::to_string(i % k) + "x" + std::to_string(k);
      TestArticle a{"a" + n, "Story " + n, body, "", "", "en", {}, {}};
      db.add_document(MakeDocument(a));
    }
    db.commit();
  }
  long calls[2] = {0, 0};
  for (int map = 0; map < 2; ++map) {
    OpenOptions options;
    options.map_files = map == 1;
    auto searcher = Searcher::Open(dir, options);
    ASSERT_TRUE(searcher.ok());
    SearchRequest request;
    request.query = "topic3x7 topic5x11";
    auto first = searcher.value().Search(request);  // never mapped
    ASSERT_TRUE(first.ok());
    ASSERT_FALSE(first.value().hits.empty());
    const long before = ReadSyscalls();
    for (int i = 0; i < 20; ++i)
      ASSERT_TRUE(searcher.value().Search(request).ok());
    calls[map] = ReadSyscalls() - before;
  }
  fs::remove_all(dir);
  // Without maps, blocks of every search; with them, little more than the
  // reopen's reads of the version file.
  EXPECT_GT(calls[0], 20 * 10) << calls[0];
  EXPECT_LT(calls[1], calls[0] / 3) << calls[1] << " against " << calls[0];
}

// A mapped Searcher follows a writer: its files grow under the maps, and
// each search sees the latest commit.
TEST_F(SearcherTest, MappedReadsFollowAWriter) {
  const fs::path dir = fs::temp_directory_path() /
                       ("newsarc-searcher-mapped-" + std::to_string(getpid()));
  fs::remove_all(dir);
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  for (const TestArticle& a : Articles()) db.add_document(MakeDocument(a));
  db.commit();
  auto searcher = Searcher::Open(dir);
  ASSERT_TRUE(searcher.ok());
  auto Count = [&](const std::string& query) -> uint64_t {
    SearchRequest request;
    request.query = query;
    request.limit = 100;
    auto r = searcher.value().Search(request);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r.value().hits.size() : 0;
  };
  EXPECT_EQ(Count("rudd"), 1u);
  EXPECT_EQ(Count("zebra"), 0u);  // mapped from here on
  for (int batch = 1; batch <= 4; ++batch) {
    for (int i = 0; i < 200; ++i) {
      const std::string n = std::to_string(batch) + "-" + std::to_string(i);
      TestArticle a{
          "zebra" + n,
          "Zebra " + n,
          "zebra number " + n + " crossed the road in the " + n + " herd",
          "",
          "",
          "en",
          {},
          {}};
      db.add_document(MakeDocument(a));
    }
    db.commit();
    EXPECT_EQ(Count("zebra"), std::min<uint64_t>(100, 200u * batch)) << batch;
    EXPECT_EQ(Count("\"number 3-17 crossed\""), batch >= 3 ? 1u : 0u) << batch;
  }
  db.delete_document("Qrudd");
  db.commit();
  EXPECT_EQ(Count("rudd"), 0u);
  db.close();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace newsarc
