// Passage-based feedback (shared/src/passage_feedback.h): expansion terms
// come from the words near the query's words, not from the whole article.
#include "passage_feedback.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ranking.h"

namespace newsarc::internal {
namespace {

// Accepts what feedback accepts by default (stemmed content words).
class Words : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return IsFeedbackWord(term, /*stem_all=*/false);
  }
};

std::set<std::string> TermsOf(
    const std::vector<std::pair<std::string, double>>& picked) {
  std::set<std::string> out;
  for (const auto& [term, weight] : picked) out.insert(term);
  return out;
}

// Two articles about a budget vote in parliament, followed by a longer
// stretch about football: over the whole article, football is the word most
// often found with "budget"; near "budget", parliament and vote are.
class PassageFeedbackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string football;
    for (int i = 0; i < 10; ++i) football += " football match goals";
    const std::string gap = " the the the the the the the the the the";
    Add("budget parliament vote budget parliament vote" + gap + gap + football);
    Add("the budget vote in parliament" + gap + gap + football);
    for (int i = 0; i < 6; ++i) Add("weather rain wind");
  }

  void Add(const std::string& text) {
    Xapian::Document doc;
    Xapian::TermGenerator tg;
    tg.set_document(doc);
    tg.set_stemmer(Xapian::Stem("english"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    tg.index_text(text);
    db_.add_document(doc);
  }

  std::vector<std::pair<std::string, double>> Feedback(const RankingOptions& o) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query_);
    const Xapian::MSet top = enquire.get_mset(0, o.prf_docs);
    return PassageFeedback(db_, std::vector<Xapian::docid>(top.begin(), top.end()),
                           query_, o, Words());
  }

  Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
  Xapian::Query query_{"Zbudget"};
};

// Feedback from 2 documents, 2 terms, passages of 10 words.
RankingOptions Options(const std::string& scheme) {
  RankingOptions o;
  o.prf_docs = 2;
  o.prf_terms = 2;
  o.prf_scheme = scheme;
  o.prf_passage = 10;
  o.prf_min_words = 1;  // the query here is one word
  return o;
}

class PassageSchemeTest
    : public PassageFeedbackTest,
      public ::testing::WithParamInterface<const char*> {};

TEST_P(PassageSchemeTest, TakesTheWordsNearTheQueryWords) {
  RankingOptions o = Options(GetParam());
  EXPECT_EQ(TermsOf(Feedback(o)),
            (std::set<std::string>{"Zparliament", "Zvote"}));
  // One passage as long as the article: football co-occurs most.
  o.prf_passage = 1000;
  o.prf_terms = 1;
  EXPECT_EQ(TermsOf(Feedback(o)), std::set<std::string>{"Zfootbal"});
}

INSTANTIATE_TEST_SUITE_P(Schemes, PassageSchemeTest,
                         ::testing::Values("lca", "passage"));

TEST_F(PassageFeedbackTest, LcaWeighsByRankAndReadsWindows) {
  RankingOptions o = Options("lca");
  auto picked = Feedback(o);
  ASSERT_EQ(picked.size(), 2u);
  EXPECT_DOUBLE_EQ(picked[0].second, 1.0);  // LCA's weights by rank
  EXPECT_DOUBLE_EQ(picked[1].second, 0.55);
  // Windows of 3 positions around each "budget" see the same words.
  o.prf_window = 3;
  EXPECT_EQ(TermsOf(Feedback(o)),
            (std::set<std::string>{"Zparliament", "Zvote"}));
  o.prf_window = 30;  // now the football too
  o.prf_terms = 1;
  EXPECT_EQ(TermsOf(Feedback(o)), std::set<std::string>{"Zfootbal"});
}

TEST_F(PassageFeedbackTest, ExpandAddsThemToTheQuery) {
  Xapian::Query expanded = Expand(db_, query_, Options("lca"));
  std::set<std::string> terms(expanded.get_terms_begin(),
                              expanded.get_terms_end());
  EXPECT_EQ(terms,
            (std::set<std::string>{"Zbudget", "Zparliament", "Zvote"}));
  // The same matches: the feedback terms are AND_MAYBE'd on.
  Xapian::Enquire enquire(db_);
  enquire.set_query(expanded);
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 2u);
}

TEST(PassageFeedback, KnobsParse) {
  RankingOptions o = ParseRankingSpec(
      "prf_scheme=lca,prf_passage=50,prf_window=25", RankingOptions());
  EXPECT_EQ(o.prf_scheme, "lca");
  EXPECT_EQ(o.prf_passage, 50u);
  EXPECT_EQ(o.prf_window, 25u);
  RankingOptions d;  // off by default: whole-document feedback
  EXPECT_EQ(d.prf_scheme, "trad");
  EXPECT_EQ(d.prf_window, 0u);
}

}  // namespace
}  // namespace newsarc::internal
