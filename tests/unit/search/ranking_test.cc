// Ranking (shared/src/ranking.h) on tiny hand-made indexes: each test pins
// one behaviour the evaluations kept (README "Ranking").
#include "ranking.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "keys.h"
#include "newsarc/index_writer.h"
#include "newsarc/searcher.h"
#include "query_parser.h"
#include "regularise.h"
#include "schema.h"
#include "stored_fields.h"

namespace newsarc::internal {
namespace {

namespace fs = std::filesystem;

std::set<std::string> Terms(const Xapian::Query& q) {
  return {q.get_terms_begin(), q.get_terms_end()};
}

class RankingIndex : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsarc-ranking-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Index(const std::vector<Article>& articles) {
    auto writer = IndexWriter::Open(dir_);
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    for (const Article& a : articles) {
      ASSERT_TRUE(writer.value().Add(a).ok());
    }
    ASSERT_TRUE(writer.value().Commit().ok());
  }

  std::vector<std::string> Ids(const SearchRequest& request) {
    auto searcher = Searcher::Open(dir_);
    EXPECT_TRUE(searcher.ok());
    auto results = searcher.value().Search(request);
    EXPECT_TRUE(results.ok()) << results.status().message();
    std::vector<std::string> ids;
    for (const Hit& h : results.value().hits) ids.push_back(h.id);
    return ids;
  }

  fs::path dir_;
};

Article Make(std::string id, std::string title, std::string body) {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.body = std::move(body);
  a.language = "en";
  return a;
}

TEST_F(RankingIndex, PhraseMatchRanksAboveScatteredWords) {
  // "scattered" is shorter and comes first: plain BM25 prefers it.
  Index({Make("scattered", "Report one",
              "Rudd met the officials. Later Amber said the plan was ready."),
         Make("phrase", "Report two",
              "Amber Rudd met the officials. Later she said the plan was "
              "ready.")});
  SearchRequest request;
  request.query = "amber rudd";
  EXPECT_EQ(Ids(request), (std::vector<std::string>{"phrase", "scattered"}));

  // Without the boost the order is the other way round (and without the
  // speaker boost: "she said" makes Amber Rudd the second one's speaker).
  Xapian::Database db(dir_.string());
  auto parsed = ParseQuery("amber rudd", DefaultOp::kAnd, &db);
  ASSERT_TRUE(parsed.ok());
  RankingOptions off = ForMode(Ranking(), /*any=*/false);
  off.prox = 0;
  off.entity = 0;
  Xapian::Enquire enquire(db);
  enquire.set_query(AddBoosts(db, parsed.value().query, "amber rudd", off));
  enquire.set_weighting_scheme(*MakeWeight(off));
  Xapian::MSet plain = enquire.get_mset(0, 10);
  ASSERT_EQ(plain.size(), 2u);
  EXPECT_EQ(internal::LoadFields(plain.begin().get_document(), false)->id, "scattered");

  // The adjacent-words boost alone puts the phrase first.
  RankingOptions prox_only = ForMode(Ranking(), /*any=*/false);
  prox_only.entity = 0;
  enquire.set_query(AddBoosts(db, parsed.value().query, "amber rudd", prox_only));
  Xapian::MSet boosted = enquire.get_mset(0, 10);
  ASSERT_EQ(boosted.size(), 2u);
  EXPECT_EQ(internal::LoadFields(boosted.begin().get_document(), false)->id, "phrase");
}

TEST_F(RankingIndex, AQueryNamingASpeakerRanksTheArticleQuotingThemFirst) {
  // Other news, so that being quoted is rare (the bonus is idf-scaled).
  std::vector<Article> articles;
  for (int i = 0; i < 40; ++i)
    articles.push_back(Make("other" + std::to_string(i), "Weather " + std::to_string(i),
                            "Rain fell on the coast for the " + std::to_string(i) + "th day."));
  articles.push_back(Make("mentions", "School visit",
                          "Rudd visited the school and met the teachers. Critics of Rudd "
                          "waited outside."));
  articles.push_back(Make("quotes", "Encryption row",
                          "\"Nobody should have a secret place to hide,\" said Home Secretary "
                          "Amber Rudd of the messaging services and their encryption, at length, "
                          "to the committee."));
  Index(articles);
  SearchRequest request;
  request.query = "rudd";
  EXPECT_EQ(Ids(request), (std::vector<std::string>{"quotes", "mentions"}));
  request.query = "amber rudd";
  EXPECT_EQ(Ids(request), (std::vector<std::string>{"quotes"}));
  // Question mode has no such boost: BM25 prefers two mentions.
  request.query = "rudd";
  request.any = true;
  EXPECT_EQ(Ids(request), (std::vector<std::string>{"mentions", "quotes"}));
}

TEST_F(RankingIndex, BoostsNeverChangeWhichArticlesMatch) {
  Index({Make("a", "Budget talks", "The budget talks in Paris ended."),
         Make("b", "Paris budget", "Paris budget debate continues."),
         Make("c", "Weather", "Rain in Paris.")});
  Xapian::Database db(dir_.string());
  auto parsed = ParseQuery("paris budget", DefaultOp::kAnd, &db);
  ASSERT_TRUE(parsed.ok());
  RankingOptions all = Ranking();
  all.prox = 1;
  all.entity = 1;
  all.prf_docs = 2;
  all.prf_terms = 5;
  all.prf_weight = 0.5;
  Xapian::Query q = parsed.value().query;
  Xapian::Query boosted = Expand(db, AddBoosts(db, q, "paris budget", all), all);
  Xapian::Enquire e1(db), e2(db);
  e1.set_query(q);
  e2.set_query(boosted);
  std::set<Xapian::docid> m1, m2;
  Xapian::MSet ms1 = e1.get_mset(0, 10);
  for (auto it = ms1.begin(); it != ms1.end(); ++it) m1.insert(*it);
  Xapian::MSet ms2 = e2.get_mset(0, 10);
  for (auto it = ms2.begin(); it != ms2.end(); ++it) m2.insert(*it);
  EXPECT_EQ(m1, m2);
  EXPECT_EQ(m1.size(), 2u);
}

// Past prox_rescore_over possible matches, the adjacent-words boost
// reorders only the best prox_rescore articles (plus the hits asked for, at
// most 3 copies of a story) of the ranking without it (RankingOptions;
// e2e.ProximityWindow checks the window against the boost over every match).
TEST_F(RankingIndex, OverManyMatchesTheAdjacentWordsBoostReordersTheBestOnly) {
  const RankingOptions& o = Ranking();
  ASSERT_GT(o.prox_rescore, 0u) << "set off by NEWSARC_RANKING";
  std::vector<Article> articles;
  const unsigned n = o.prox_rescore_over + 50;
  for (unsigned i = 0; i < n; ++i)
    articles.push_back(Make("o" + std::to_string(i), "Notes " + std::to_string(i),
                            "The harbour board met. Later the tax office replied."));
  // 200 copies of one story, above every other without the boost: the
  // window must hold it once, not fill up with its copies.
  const unsigned kCopies = 200;
  for (unsigned i = 0; i < kCopies; ++i)
    articles.push_back(Make("copy" + std::to_string(i), "Harbour dues",
                            "The harbour master said harbour dues and the tax on fuel would rise "
                            "with the harbour tax office fees, as the tax office confirmed on "
                            "Monday after a long meeting with the boat owners of the town and "
                            "their lawyers, who spoke for an hour."));
  // Both words together, in a longer article: below every other without
  // the boost, above the notes with it.
  std::string filler;
  for (int i = 0; i < 2; ++i) filler += " The committee spoke about the plans for the year.";
  articles.push_back(Make("x", "Evening notes", "Members debated the harbour tax." + filler));
  Index(articles);
  auto searcher = Searcher::Open(dir_);
  ASSERT_TRUE(searcher.ok());
  auto rank = [](const SearchResults& r, const std::string& id) {
    for (const Hit& h : r.hits)
      if (h.id == id) return h.rank;
    return 0u;
  };
  SearchRequest request;
  request.query = "harbour tax";
  request.snippets = false;
  request.limit = n + 2;  // the window holds every story: the boost is exact
  auto all = searcher.value().Search(request);
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all.value().hits.size(), n + 2);  // the copies are one hit
  EXPECT_EQ(all.value().hits[0].duplicates, kCopies - 1);
  EXPECT_EQ(rank(all.value(), "x"), 2u);
  EXPECT_EQ(all.value().estimated_total, n + 2);
  // Facets are counted over every match, without the window; and a search
  // after them does not report them again.
  request.limit = 10;
  request.facets = true;
  auto counted = searcher.value().Search(request);
  ASSERT_TRUE(counted.ok());
  EXPECT_EQ(rank(counted.value(), "x"), 2u);
  EXPECT_EQ(counted.value().facet_articles, n + kCopies + 1);
  request.facets = false;
  auto top = searcher.value().Search(request);
  ASSERT_TRUE(top.ok());
  EXPECT_TRUE(top.value().facets.empty());
  EXPECT_EQ(top.value().facet_articles, 0u);
  // 10 hits: x, the last story of the ranking without the boost, is
  // outside the window of the best 110; the story in 200 copies is in it
  // (3 copies, not 110), one hit with every copy counted.
  ASSERT_EQ(top.value().hits.size(), 10u);
  EXPECT_EQ(rank(top.value(), "x"), 0u);
  EXPECT_EQ(top.value().hits[0].duplicates, kCopies - 1);
  EXPECT_TRUE(top.value().hits[0].id.starts_with("copy")) << top.value().hits[0].id;
  for (size_t k = 1; k < top.value().hits.size(); ++k) {
    EXPECT_TRUE(top.value().hits[k].id.starts_with("o")) << top.value().hits[k].id;
    EXPECT_EQ(top.value().hits[k].duplicates, 0u);
  }
  EXPECT_GT(top.value().estimated_total, o.prox_rescore);
  EXPECT_LE(top.value().estimated_total, n + 2);
}

TEST_F(RankingIndex, AnyModeMatchesSomeWordsWithoutRelaxing) {
  Index({Make("a", "Budget talks", "The budget talks in Paris ended."),
         Make("b", "Weather", "Rain in Lyon.")});
  auto searcher = Searcher::Open(dir_);
  ASSERT_TRUE(searcher.ok());
  SearchRequest request;
  request.query = "what happened to the budget in lyon";
  request.any = true;
  auto any = searcher.value().Search(request);
  ASSERT_TRUE(any.ok());
  EXPECT_FALSE(any.value().relaxed);
  EXPECT_EQ(any.value().hits.size(), 2u);
  request.any = false;
  auto keyword = searcher.value().Search(request);
  ASSERT_TRUE(keyword.ok());
  EXPECT_TRUE(keyword.value().relaxed);  // nothing has every word
}

TEST(Ranking, StopWordsLeaveFreeTextButStayInPhrases) {
  auto free = ParseQuery("the markets of paris", DefaultOp::kAnd);
  ASSERT_TRUE(free.ok());
  std::set<std::string> t = Terms(free.value().query);
  EXPECT_EQ(t.count("Zthe") + t.count("the") + t.count("Zof") + t.count("of"), 0u);
  EXPECT_TRUE(t.count("Zmarket"));
  EXPECT_EQ(free.value().free_terms, 2u);

  auto phrase = ParseQuery("\"the markets\"", DefaultOp::kAnd);
  ASSERT_TRUE(phrase.ok());
  EXPECT_TRUE(Terms(phrase.value().query).count("the"));
}

TEST(Ranking, TheStopperHoldsSnowballsListAndNothingElse) {
  RankingOptions on;
  on.stop_words = true;
  const Xapian::Stopper* stop = QueryStopper(on);
  ASSERT_NE(stop, nullptr);
  // First, last, the longest, with an apostrophe, one letter.
  for (const char* w : {"i", "very", "themselves", "yourselves", "don't", "a", "the", "of"})
    EXPECT_TRUE((*stop)(w)) << w;
  // Near misses: a prefix, an extension, another case, empty, too long.
  for (const char* w : {"th", "theme", "thee", "The", "", "themselvesx", "market", "dont"})
    EXPECT_FALSE((*stop)(w)) << w;
  RankingOptions off;
  off.stop_words = false;
  EXPECT_EQ(QueryStopper(off), nullptr);
  EXPECT_FALSE(IsFeedbackWord("Zthe", false));
  EXPECT_FALSE(IsFeedbackWord("Zthemselves", false));
  EXPECT_TRUE(IsFeedbackWord("Zmarket", false));
  EXPECT_FALSE(IsFeedbackWord("their", true));
  EXPECT_TRUE(IsFeedbackWord("theirs2", true));
}

TEST(Ranking, EntityBoostRanksTheArticleQuotingTheSpeaker) {
  // Keyword mode: a query word that is a quoted speaker's name lifts the
  // article quoting them (scripts/eval-speaker-queries); organisations'
  // names only with entity_orgs, question mode not at all.
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document mentions, quotes, names;
  for (Xapian::Document* d : {&mentions, &quotes, &names}) {
    d->add_term("rudd", d == &mentions ? 3 : 1);
    d->add_term("Zrudd", d == &mentions ? 3 : 1);
    d->add_term("policy", d == &quotes ? 4 : 2);
  }
  for (const std::string& term : EntityWordTerms(schema::kSpeakerWord, "Amber Rudd"))
    quotes.add_term(term, 0);
  for (const std::string& term : EntityWordTerms(schema::kOrgWord, "Rudd Holdings"))
    names.add_term(term, 0);
  Xapian::docid mentions_id = db.add_document(mentions);
  Xapian::docid quotes_id = db.add_document(quotes);
  Xapian::docid names_id = db.add_document(names);
  db.add_document(Xapian::Document());  // so that "rudd" is not in every one

  auto weights = [&](const RankingOptions& o) {
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(*MakeWeight(o));
    enquire.set_query(AddBoosts(db, Xapian::Query("Zrudd"), "rudd", o));
    std::map<Xapian::docid, double> w;
    Xapian::MSet m = enquire.get_mset(0, 10);
    for (auto it = m.begin(); it != m.end(); ++it) w[*it] = it.get_weight();
    return std::make_pair(*m.begin(), w);
  };
  const RankingOptions keyword = ForMode(Ranking(), /*any=*/false);
  EXPECT_GT(keyword.entity, 0);
  EXPECT_FALSE(keyword.entity_orgs);
  const auto [best, with] = weights(keyword);
  EXPECT_EQ(best, quotes_id);
  RankingOptions o = keyword;
  o.entity = 0;
  const auto [plain_best, without] = weights(o);
  EXPECT_EQ(plain_best, mentions_id);
  EXPECT_GT(with.at(quotes_id), without.at(quotes_id));
  EXPECT_EQ(with.at(names_id), without.at(names_id));
  o = keyword;
  o.entity_orgs = true;
  EXPECT_GT(weights(o).second.at(names_id), without.at(names_id));
  EXPECT_EQ(ForMode(Ranking(), /*any=*/true).entity, 0.0);
}

TEST(Ranking, AWholeSpeakersNameAddsABonusOfItsOwn) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document quotes, other;
  for (Xapian::Document* d : {&quotes, &other}) {
    d->add_term("Zamber", 1);
    d->add_term("Zrudd", 1);
  }
  quotes.add_term(EntityNameTerm(schema::kSpeaker, "Amber Rudd"), 0);
  for (const std::string& term : EntityWordTerms(schema::kSpeakerWord, "Amber Rudd"))
    quotes.add_term(term, 0);
  db.add_document(other);
  db.add_document(quotes);
  db.add_document(Xapian::Document());
  const RankingOptions o = ForMode(Ranking(), /*any=*/false);
  Xapian::Query q(Xapian::Query::OP_AND, Xapian::Query("Zamber"), Xapian::Query("Zrudd"));
  std::set<std::string> boosted = Terms(AddBoosts(db, q, "amber rudd", o));
  EXPECT_TRUE(boosted.count(EntityNameTerm(schema::kSpeaker, "Amber Rudd")));
  EXPECT_TRUE(boosted.count(std::string(schema::kSpeakerWord) + "amber"));
  EXPECT_TRUE(boosted.count(std::string(schema::kSpeakerWord) + "rudd"));
  // In the other order the words are no one's name.
  boosted = Terms(AddBoosts(db, q, "rudd amber", o));
  EXPECT_FALSE(boosted.count(EntityNameTerm(schema::kSpeaker, "Rudd Amber")));
  EXPECT_TRUE(boosted.count(std::string(schema::kSpeakerWord) + "rudd"));
}

TEST(Ranking, ModesAndSpec) {
  RankingOptions o = ParseRankingSpec("k1=1.6,b=0.7,prf=0,stop=0,prox=0.25,bogus=1",
                                      RankingOptions());
  EXPECT_DOUBLE_EQ(o.k1, 1.6);
  EXPECT_DOUBLE_EQ(o.b, 0.7);
  EXPECT_EQ(o.prf_docs, 0u);
  EXPECT_FALSE(o.stop_words);
  EXPECT_DOUBLE_EQ(o.prox, 0.25);

  RankingOptions d;
  EXPECT_EQ(ForMode(d, /*any=*/true).prox, 0.0);
  EXPECT_GT(ForMode(d, /*any=*/true).prf_docs, 0u);
  EXPECT_EQ(ForMode(d, /*any=*/false).prf_docs, 0u);
  EXPECT_GT(ForMode(d, /*any=*/false).prox, 0.0);
}

TEST(Ranking, EvaluationKnobsParse) {
  RankingOptions o = ParseRankingSpec(
      "stem=all,prf_scheme=rm3,prf_query=1,prf_flat=1,exact=0.3,any_prox=0.1,"
      "stemmer=porter",
      RankingOptions());
  EXPECT_TRUE(o.stem_all);
  EXPECT_EQ(o.prf_scheme, "rm3");
  EXPECT_TRUE(o.prf_query);
  EXPECT_TRUE(o.prf_flat);
  EXPECT_DOUBLE_EQ(o.exact, 0.3);
  EXPECT_DOUBLE_EQ(ForMode(o, /*any=*/true).prox, 0.1);
  EXPECT_EQ(o.stemmer, "porter");
  EXPECT_FALSE(ParseRankingSpec("stem=bogus", RankingOptions()).stem_all);
  EXPECT_FALSE(ParseRankingSpec("stem=all,stem=some", RankingOptions()).stem_all);
  // The defaults: STEM_SOME, Xapian's ESet, no exact-form boost.
  RankingOptions d;
  EXPECT_FALSE(d.stem_all);
  EXPECT_EQ(d.prf_scheme, "trad");
  EXPECT_EQ(d.exact, 0.0);

  // The knobs of the issue 7 experiments (README "Ranking"), all off or at
  // Xapian's values by default.
  RankingOptions e = ParseRankingSpec(
      "k2=0.5,k3=3,min_normlen=0.2,qtf=1,idf=lucene,prf_min_docs=2,prf_idf=1,"
      "prf_cap=0.5,prf_prox=0.3,prf_prox_window=16,reg=0.5,reg_top=30,reg_k=5,"
      "prf_reg=1",
      RankingOptions());
  EXPECT_DOUBLE_EQ(e.k2, 0.5);
  EXPECT_DOUBLE_EQ(e.k3, 3);
  EXPECT_DOUBLE_EQ(e.min_normlen, 0.2);
  EXPECT_EQ(e.qtf, 1u);
  EXPECT_EQ(e.idf, "lucene");
  EXPECT_EQ(e.prf_min_docs, 2u);
  EXPECT_TRUE(e.prf_idf);
  EXPECT_DOUBLE_EQ(e.prf_cap, 0.5);
  EXPECT_DOUBLE_EQ(e.prf_prox, 0.3);
  EXPECT_EQ(e.prf_prox_window, 16u);
  EXPECT_DOUBLE_EQ(e.reg, 0.5);
  EXPECT_EQ(e.reg_top, 30u);
  EXPECT_EQ(e.reg_k, 5u);
  EXPECT_TRUE(e.prf_reg);
  EXPECT_DOUBLE_EQ(ForMode(e, /*any=*/true).reg, 0.5);
  EXPECT_EQ(ForMode(e, /*any=*/false).reg, 0.0);  // question mode only
  EXPECT_EQ(d.k2, 0.0);
  EXPECT_EQ(d.k3, 1.0);
  EXPECT_EQ(d.min_normlen, 0.5);
  EXPECT_EQ(d.qtf, 0u);
  EXPECT_TRUE(d.idf.empty());
  EXPECT_TRUE(ParseRankingSpec("idf=bogus", RankingOptions()).idf.empty());
  EXPECT_EQ(d.prf_min_docs, 1u);
  EXPECT_FALSE(d.prf_idf);
  EXPECT_EQ(d.prf_prox, 0.0);
  EXPECT_EQ(d.reg, 0.0);
  EXPECT_FALSE(d.prf_reg);
}

TEST(Ranking, RepeatedQueryWordsLinearSaturatedOrOnce) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document d;
  d.add_term("Ztroop", 2);
  d.add_term("Zsaigon", 1);
  db.add_document(d);
  db.add_document(Xapian::Document());
  db.add_document(Xapian::Document());
  auto weight = [&](const RankingOptions& o, const Xapian::Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(*MakeWeight(o));
    enquire.set_query(ReweightTerms(db, q, o));
    return enquire.get_mset(0, 1).begin().get_weight();
  };
  Xapian::Query once("Ztroop");
  Xapian::Query twice(Xapian::Query::OP_OR, once, once);
  RankingOptions o;
  const double one = weight(o, once);
  EXPECT_NEAR(weight(o, twice), 2 * one, 1e-9);  // the query parser's way
  o.qtf = 1;  // one term with wqf 2: BM25's k3 = 1 gives 4/3
  EXPECT_NEAR(weight(o, twice), one * 4 / 3, 1e-9);
  o.qtf = 2;
  EXPECT_NEAR(weight(o, twice), one, 1e-9);
}

TEST(Ranking, RegularisationLiftsTheArticleLikeTheBestHits) {
  // "lone" mentions malaysia once but is about the federation like the two
  // best hits; "cricket" mentions it twice and is like only a weak hit.
  // Plain BM25 puts cricket first; regularisation (reg_k = 1: each hit
  // takes the weight of its most similar hit) puts lone first.
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  auto add = [&](const std::string& id,
                 const std::vector<std::pair<std::string, int>>& terms) {
    Xapian::Document d;
    d.add_boolean_term(std::string(schema::kId) + id);
    for (const auto& [t, wdf] : terms) d.add_term(t, wdf);
    return db.add_document(d);
  };
  add("best1",
      {{"Zmalaysia", 4}, {"Zfederation", 3}, {"Zborneo", 3}, {"Zsarawak", 2}});
  add("best2",
      {{"Zmalaysia", 4}, {"Zfederation", 2}, {"Zborneo", 3}, {"Zsarawak", 3}});
  Xapian::docid lone = add(
      "lone",
      {{"Zmalaysia", 1}, {"Zfederation", 3}, {"Zborneo", 3}, {"Zsarawak", 3}});
  Xapian::docid cricket =
      add("cricket",
          {{"Zmalaysia", 2}, {"Zcricket", 3}, {"Zwicket", 3}, {"Zinning", 3}});
  add("weak",
      {{"Zmalaysia", 1}, {"Zcricket", 3}, {"Zwicket", 3}, {"Zinning", 4}});
  for (int i = 0; i < 6; ++i)
    add("other" + std::to_string(i), {{"Zweather", 3}});
  Xapian::Query q("Zmalaysia");
  auto order = [&](const RankingOptions& o) {
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(*MakeWeight(o));
    enquire.set_query(Regularise(db, q, o));
    std::vector<Xapian::docid> ids;
    Xapian::MSet m = enquire.get_mset(0, 20);
    for (auto it = m.begin(); it != m.end(); ++it) ids.push_back(*it);
    return ids;
  };
  auto rank = [](const std::vector<Xapian::docid>& ids, Xapian::docid d) {
    return std::find(ids.begin(), ids.end(), d) - ids.begin();
  };
  RankingOptions o;  // off by default: the query comes back unchanged
  EXPECT_EQ(Regularise(db, q, o).get_description(), q.get_description());
  std::vector<Xapian::docid> plain = order(o);
  EXPECT_LT(rank(plain, cricket), rank(plain, lone));
  o.reg = 1;
  o.reg_k = 1;
  std::vector<Xapian::docid> reg = order(o);
  EXPECT_LT(rank(reg, lone), rank(reg, cricket));
  EXPECT_EQ(
      std::set<Xapian::docid>(reg.begin(), reg.end()),
      std::set<Xapian::docid>(plain.begin(), plain.end()));  // same matches
}

// Feedback on a tiny index: "budget" finds the two articles about the
// budget vote; the words they share come back as expansion terms, while
// stop words, numbers and the query's own term do not.
class FeedbackTest : public ::testing::TestWithParam<const char*> {};

TEST_P(FeedbackTest, AddsTheTopArticlesWordsOnly) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  auto add = [&](const std::vector<std::pair<std::string, int>>& terms) {
    Xapian::Document d;
    for (const auto& [t, wdf] : terms) d.add_term(t, wdf);
    db.add_document(d);
  };
  add({{"Zbudget", 3}, {"Zparliament", 4}, {"Zthe", 9}, {"Z2017", 5}});
  add({{"Zbudget", 2}, {"Zparliament", 3}, {"Zthe", 8}, {"Z2017", 5}});
  for (int i = 0; i < 6; ++i) add({{"Zweather", 2}, {"Zthe", 5}, {"Zrain", 1}});
  RankingOptions o;
  o.prf_docs = 2;
  o.prf_terms = 3;
  o.prf_weight = 0.2;
  o.prf_scheme = GetParam();
  o.prf_min_words = 1;  // a one-word query
  Xapian::Query q("Zbudget");
  std::set<std::string> t = Terms(Expand(db, q, o));
  EXPECT_TRUE(t.count("Zparliament"));
  EXPECT_FALSE(t.count("Zthe"));
  EXPECT_FALSE(t.count("Z2017"));
  EXPECT_FALSE(t.count("Zweather"));
  o.prf_weight = 0;
  EXPECT_EQ(Terms(Expand(db, q, o)), std::set<std::string>{"Zbudget"});
}

INSTANTIATE_TEST_SUITE_P(Schemes, FeedbackTest,
                         ::testing::Values("trad", "xapian-trad", "bo1", "rm3", "rocchio"));

// By default a query of one or two words gets no feedback: a word's stem
// and its exact form are one word, and field filters are not words; three
// words get it.
TEST(Ranking, FeedbackNeedsThreeWordsByDefault) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < 3; ++i) {
    Xapian::Document d;
    for (const char* t : {"Zbudget", "budget", "Zvote", "Ztax", "Zparliament", "XY2017"})
      d.add_term(t);
    db.add_document(d);
  }
  Xapian::Document other;
  other.add_term("Zweather");
  db.add_document(other);
  RankingOptions o;
  o.prf_docs = 2;
  o.prf_terms = 3;
  ASSERT_EQ(o.prf_min_words, 3u);
  const Xapian::Query one(Xapian::Query::OP_FILTER,
                          Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("Zbudget"),
                                        Xapian::Query("budget")),
                          Xapian::Query("XY2017"));
  EXPECT_EQ(Terms(Expand(db, one, o)), Terms(one));
  auto any = [](std::vector<Xapian::Query> qs) {
    return Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end());
  };
  const Xapian::Query two(
      Xapian::Query::OP_FILTER,
      any({Xapian::Query("Zbudget"), Xapian::Query("budget"), Xapian::Query("Zvote")}),
      Xapian::Query("XY2017"));
  EXPECT_EQ(Terms(Expand(db, two, o)), Terms(two));
  const Xapian::Query three = any({Xapian::Query("Zbudget"), Xapian::Query("Zvote"),
                                    Xapian::Query("Ztax")});
  EXPECT_TRUE(Terms(Expand(db, three, o)).count("Zparliament"));
  o.prf_min_words = 2;
  EXPECT_TRUE(Terms(Expand(db, two, o)).count("Zparliament"));
  EXPECT_EQ(Terms(Expand(db, one, o)), Terms(one));
  o.prf_min_words = 1;
  EXPECT_TRUE(Terms(Expand(db, one, o)).count("Zparliament"));
}

// A random index of 300 articles on four topics: many words share a
// frequency and a wdf, so equal expand weights are common.
Xapian::WritableDatabase RandomIndex(std::vector<std::string>& topics) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  std::mt19937 rng(7);
  topics = {"Zbudget", "Zweather", "Zfootbal", "Zelect"};
  auto word = [](const char* prefix, unsigned n) {
    std::string t(prefix);
    t += std::to_string(n);
    return t;
  };
  for (unsigned i = 0; i < 300; ++i) {
    Xapian::Document d;
    d.add_boolean_term(word("Qdoc", i));
    d.add_term(topics[i % topics.size()], 1 + rng() % 4);
    const unsigned words = 3 + rng() % 40;
    for (unsigned w = 0; w < words; ++w) {
      // Zipf-like: low numbers are common words, high ones rare.
      const unsigned n = rng() % (1 + rng() % 400);
      d.add_term(word("Zw", n), 1 + rng() % 3);
      d.add_term(word("w", n));  // exact forms are not candidates
    }
    db.add_document(d);
  }
  return db;
}

// The default expand set ("trad") weighs only the candidates that can make
// it; it must pick the terms, and give them the weights, that Xapian's own
// ("xapian-trad") does, down to the order of equal weights.
TEST(Ranking, TradExpandSetIsXapians) {
  std::vector<std::string> topics;
  Xapian::WritableDatabase db = RandomIndex(topics);
  for (const std::string& topic : topics) {
    for (unsigned docs : {1u, 3u, 5u, 10u}) {
      for (unsigned terms : {1u, 5u, 20u}) {
        RankingOptions o;
        o.prf_docs = docs;
        o.prf_terms = terms;
        o.prf_weight = 0.1;
        const Xapian::Query q = Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(topic),
                                              Xapian::Query("Zw3"));
        const std::string ours = Expand(db, q, o).get_description();
        o.prf_scheme = "xapian-trad";
        EXPECT_EQ(ours, Expand(db, q, o).get_description())
            << topic << ", " << docs << " documents, " << terms << " terms";
      }
    }
  }
}

// --like asks for the expand set of many examples, without a query: the
// same terms and weights as Enquire::get_eset, whatever order and
// repetition the examples come in.
TEST(Ranking, TradExpandSetOfExamplesIsXapians) {
  std::vector<std::string> topics;
  Xapian::WritableDatabase db = RandomIndex(topics);
  class Words : public Xapian::ExpandDecider {
   public:
    bool operator()(const std::string& t) const override { return t[0] == 'Z' && t != "Zw3"; }
  } decider;
  for (unsigned step : {1u, 7u, 13u}) {
    std::vector<Xapian::docid> docs;
    for (Xapian::docid d = 300; d >= 1 && docs.size() < 40; d -= std::min<Xapian::docid>(d, step))
      docs.push_back(d);
    docs.push_back(docs.front());  // an example given twice counts once
    Xapian::RSet rset;
    for (Xapian::docid d : docs) rset.add_document(d);
    EXPECT_TRUE(TradExpandSet(db, docs, decider, {}, 0).empty());
    EXPECT_TRUE(TradExpandSet(db, {}, decider, {}, 5).empty());
    for (unsigned want : {1u, 25u, 400u}) {
      Xapian::Enquire enquire(db);
      const Xapian::ESet eset =
          enquire.get_eset(want, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider, 0);
      std::vector<std::pair<std::string, double>> xapian;
      for (auto it = eset.begin(); it != eset.end(); ++it) xapian.emplace_back(*it, it.get_weight());
      EXPECT_EQ(TradExpandSet(db, docs, decider, {}, want), xapian)
          << docs.size() << " examples, " << want << " terms";
    }
  }
}

// Equal weights across the cut: one feedback article whose words occur
// nowhere else all weigh the same, and which of them Xapian keeps depends on
// the order it meets them in, lower-weighted words included.
TEST(Ranking, TradExpandSetCutsTiesAsXapianDoes) {
  for (bool common_first : {false, true}) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document lead;
    lead.add_term("Zbudget", 3);
    // "Zaaa" is in other articles too: a lower weight, met first.
    if (common_first) lead.add_term("Zaaa", 1);
    for (const char* w : {"Zdelta", "Zalpha", "Zecho", "Zbravo", "Zfoxtrot", "Zcharlie"})
      lead.add_term(w, 1);
    db.add_document(lead);
    for (int i = 0; i < 8; ++i) {
      Xapian::Document d;
      d.add_term("Zweather", 2);
      d.add_term("Zaaa", 1);
      db.add_document(d);
    }
    for (unsigned terms : {1u, 2u, 3u, 6u, 7u}) {
      RankingOptions o;
      o.prf_docs = 1;
      o.prf_terms = terms;
      o.prf_weight = 0.1;
      const Xapian::Query q("Zbudget");
      const std::string ours = Expand(db, q, o).get_description();
      o.prf_scheme = "xapian-trad";
      EXPECT_EQ(ours, Expand(db, q, o).get_description()) << terms << " terms";
    }
  }
}

// Three articles weigh the same for "budget"; one feedback document is
// taken. Which one must not depend on the order they were indexed in (the
// document ids): the same articles give the same expansion either way.
TEST(Ranking, FeedbackTiesGoByArticleNotByIndexOrder) {
  const std::vector<std::pair<std::string, std::string>> articles = {
      {"Qa", "Zalpha"}, {"Qb", "Zbeta"}, {"Qc", "Zgamma"}};
  auto expansion = [&](bool reversed) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    auto add = [&](const std::string& id, const std::string& a, const std::string& b) {
      Xapian::Document d;
      if (!id.empty()) d.add_boolean_term(id);
      d.add_term(a, 2);
      d.add_term(b, 3);
      db.add_document(d);
    };
    std::vector<std::pair<std::string, std::string>> order = articles;
    if (reversed) std::reverse(order.begin(), order.end());
    for (const auto& [id, word] : order) add(id, "Zbudget", word);
    for (int i = 0; i < 6; ++i) add("", "Zweather", "Zrain");
    RankingOptions o;
    o.prf_docs = 1;
    o.prf_terms = 1;
    o.prf_weight = 0.2;
    o.prf_min_words = 1;  // one-word queries
    std::set<std::string> t = Terms(Expand(db, Xapian::Query("Zbudget"), o));
    t.erase("Zbudget");
    return t;
  };
  EXPECT_EQ(expansion(false), std::set<std::string>{"Zalpha"});
  EXPECT_EQ(expansion(true), std::set<std::string>{"Zalpha"});
}

TEST(Ranking, FeedbackTiesBeyondTheFirstWindowStillGoByArticle) {
  // Twelve articles tie for the one feedback document, more than the first
  // pass (2) and the second (8) hold; twenty weigh less and have article
  // ids that sort first. The feedback document is the tied one with the
  // smallest article id, however the articles were indexed.
  auto expansion = [](bool reversed) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    std::vector<int> tied(12);
    for (int i = 0; i < 12; ++i) tied[i] = i;
    if (reversed) std::reverse(tied.begin(), tied.end());
    auto two = [](int i) { return std::string(1, char('0' + i / 10)) + char('0' + i % 10); };
    for (int i : tied) {
      Xapian::Document d;
      d.add_boolean_term("Qt" + two(i));
      d.add_term("Zbudget", 2);
      d.add_term("Zunique" + two(i), 3);
      db.add_document(d);
    }
    for (int i = 0; i < 20; ++i) {
      Xapian::Document d;
      d.add_boolean_term("Qa" + two(i));
      d.add_term("Zbudget", 1);
      d.add_term("Zlower" + two(i), 4);
      db.add_document(d);
    }
    RankingOptions o;
    o.prf_docs = 1;
    o.prf_terms = 1;
    o.prf_weight = 0.2;
    o.prf_min_words = 1;
    std::set<std::string> t = Terms(Expand(db, Xapian::Query("Zbudget"), o));
    t.erase("Zbudget");
    return t;
  };
  EXPECT_EQ(expansion(false), std::set<std::string>{"Zunique00"});
  EXPECT_EQ(expansion(true), std::set<std::string>{"Zunique00"});
}

TEST(Ranking, ProximityBoostUsesTheTermsThatCarryPositions) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document d;
  d.add_posting("running", 1);
  d.add_posting("shoes", 2);
  db.add_document(d);
  RankingOptions o;
  o.prox = 0.5;
  Xapian::Query q("Zrun");
  // STEM_SOME: positions are on the exact words.
  std::set<std::string> some = Terms(AddBoosts(db, q, "running shoes", o));
  EXPECT_TRUE(some.count("running") && some.count("shoes"));
  // STEM_ALL: only stems, positions on them.
  o.stem_all = true;
  std::set<std::string> all = Terms(AddBoosts(db, Xapian::Query("run"),
                                              "running shoes", o));
  EXPECT_TRUE(all.count("run") && all.count("shoe"));
  EXPECT_FALSE(all.count("running") || all.count("shoes"));
}

// The parts of a hyphenated word are no pair (the word is one: its phrase
// or its letters together, query_parser.h); a part and the next word are.
TEST(Ranking, AHyphenatedWordsPartsAreNoPair) {
  RankingOptions o;
  o.prox = 0.5;
  auto pairs = [&o](std::string_view folded) {
    std::vector<std::string> out;
    for (const Xapian::Query& q : ProximityPairs(folded, o)) out.push_back(q.get_description());
    return out;
  };
  EXPECT_TRUE(pairs("co-operation").empty());
  EXPECT_EQ(pairs("e-mail privacy"),
            std::vector<std::string>{"Query((mail PHRASE 2 privacy))"});
  EXPECT_EQ(pairs("trade co-operation deal").size(), 2u);  // trade co, operation deal
  // Not a compound (digits): its parts are words as any.
  EXPECT_EQ(pairs("covid-19 cases").size(), 2u);
  // The same words written apart still are a pair.
  EXPECT_EQ(pairs("e mail").size(), 1u);
}

TEST(Ranking, ExactFormBoostPrefersTheWordAsWritten) {
  // Off by default (no gain on TIME); with it, an article with the query's
  // own word form beats one with another form of the same stem.
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document exact, other;
  exact.add_term("elections", 1);
  exact.add_term("Zelect", 1);
  exact.add_term("Zpoll", 2);  // longer: plain BM25 prefers `other`
  other.add_term("elected", 1);
  other.add_term("Zelect", 1);
  Xapian::docid exact_id = db.add_document(exact);
  Xapian::docid other_id = db.add_document(other);
  db.add_document(Xapian::Document());
  RankingOptions o;
  o.prox = 0;
  Xapian::Query q("Zelect");
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(*MakeWeight(o));
  enquire.set_query(AddBoosts(db, q, "elections", o));
  EXPECT_EQ(*enquire.get_mset(0, 10).begin(), other_id);
  o.exact = 1;
  enquire.set_query(AddBoosts(db, q, "elections", o));
  EXPECT_TRUE(Terms(enquire.get_query()).count("elections"));
  Xapian::MSet m = enquire.get_mset(0, 10);
  ASSERT_EQ(m.size(), 2u);  // the same matches
  EXPECT_EQ(*m.begin(), exact_id);
}

TEST(Ranking, PlainWordsSkipOperatorsFieldsAndPhrases) {
  auto runs = PlainWords("amber rudd speaker:rudd \"in quotes\" AND -not home office");
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0], (std::vector<std::string>{"amber", "rudd"}));
  EXPECT_EQ(runs[1], (std::vector<std::string>{"home", "office"}));
}

TEST(Ranking, MatchUpperBoundFromTermFrequencies) {
  // 10 articles: "a" in 6, "b" in 4 (3 of them with "a"), "c" in 2.
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < 10; ++i) {
    Xapian::Document d;
    d.add_term("x");
    if (i < 6) d.add_posting("a", 1);
    if (i >= 3 && i < 7) d.add_posting("b", 2);
    if (i >= 8) d.add_term("c");
    db.add_document(d);
  }
  using Q = Xapian::Query;
  const Q a("a"), b("b"), c("c");
  EXPECT_EQ(MatchUpperBound(db, a), 6u);
  EXPECT_EQ(MatchUpperBound(db, Q("missing")), 0u);
  EXPECT_EQ(MatchUpperBound(db, Q(Q::OP_AND, a, b)), 4u);
  EXPECT_EQ(MatchUpperBound(db, Q(Q::OP_PHRASE, a, b)), 4u);
  EXPECT_EQ(MatchUpperBound(db, Q(Q::OP_FILTER, a, c)), 2u);
  EXPECT_EQ(MatchUpperBound(db, Q(Q::OP_OR, b, c)), 6u);
  EXPECT_EQ(MatchUpperBound(db, Q(Q::OP_OR, a, b)), 10u);  // 6 + 4, no more than all
  EXPECT_EQ(MatchUpperBound(db, Q(Q::OP_OR, Q(Q::OP_OR, a, b), c)), 10u);
  EXPECT_EQ(MatchUpperBound(db, Q(Q::OP_AND_NOT, b, a)), 4u);
  EXPECT_EQ(MatchUpperBound(db, Q(Q::OP_AND_MAYBE, c, a)), 2u);
  EXPECT_EQ(MatchUpperBound(db, Q(2.0, Q(Q::OP_AND, a, c))), 2u);
  EXPECT_EQ(MatchUpperBound(db, Q(Q::OP_WILDCARD, "a")), 10u);
  EXPECT_EQ(MatchUpperBound(db, Q::MatchAll), 10u);
  EXPECT_EQ(MatchUpperBound(db, Q::MatchNothing), 0u);
  // Every bound holds.
  for (const Q& q : {Q(Q::OP_AND, a, b), Q(Q::OP_OR, b, c), Q(Q::OP_AND_NOT, b, a)}) {
    Xapian::Enquire e(db);
    e.set_query(q);
    EXPECT_LE(e.get_mset(0, 100).size(), MatchUpperBound(db, q)) << q.get_description();
  }
}

// The window filter over one database and over a combination of three,
// whose document ids interleave theirs.
TEST(Ranking, DocidWindowLimitsAMatchToItsArticles) {
  const fs::path dir = fs::temp_directory_path() /
                       ("newsarc-ranking-window-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  Xapian::Database combined;
  for (int shard = 0; shard < 3; ++shard) {
    Xapian::WritableDatabase w((dir / std::to_string(shard)).string(),
                               Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    for (int i = 0; i < 5; ++i) {
      Xapian::Document d;
      d.add_term(i % 2 ? "odd" : "even");
      d.add_term("s" + std::to_string(shard));
      w.add_document(d);
    }
    w.commit();
    combined.add_database(Xapian::Database((dir / std::to_string(shard)).string()));
  }
  // The matches of `word` filtered by `window`, in ascending order.
  auto matches = [](const Xapian::Database& db, const std::string& word,
                    const Xapian::Query& window) {
    Xapian::Enquire e(db);
    e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(word), window));
    std::vector<Xapian::docid> ids;
    Xapian::MSet m = e.get_mset(0, 100);
    for (auto it = m.begin(); it != m.end(); ++it) ids.push_back(*it);
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  const std::vector<Xapian::docid> window = {14, 2, 3, 7, 8, 15, 1};
  auto only = DocidWindow(combined, window);
  ASSERT_TRUE(only.has_value());
  // Combined id d is document (d - 1) / 3 + 1 of database (d - 1) % 3.
  EXPECT_EQ(matches(combined, "even", *only), (std::vector<Xapian::docid>{1, 2, 3, 7, 8, 14, 15}));
  EXPECT_EQ(matches(combined, "odd", *only), std::vector<Xapian::docid>{});
  EXPECT_EQ(matches(combined, "s1", *only), (std::vector<Xapian::docid>{2, 8, 14}));
  // It weighs nothing.
  Xapian::Enquire e(combined);
  e.set_query(*only);
  EXPECT_EQ(e.get_mset(0, 10).get_max_possible(), 0.0);

  Xapian::Database one((dir / "1").string());
  auto in_one = DocidWindow(one, {5, 1, 3});
  ASSERT_TRUE(in_one.has_value());
  EXPECT_EQ(matches(one, "even", *in_one), (std::vector<Xapian::docid>{1, 3, 5}));
  // Without a UUID of its own for each database: no window.
  Xapian::Database twice = one;
  twice.add_database(one);
  EXPECT_FALSE(DocidWindow(twice, {1}).has_value());
  Xapian::WritableDatabase memory(std::string(), Xapian::DB_BACKEND_INMEMORY);
  memory.add_document(Xapian::Document());
  EXPECT_FALSE(DocidWindow(memory, {1}).has_value());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace newsarc::internal
