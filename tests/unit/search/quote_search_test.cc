// Quotes as results: which quotes answer a query (QuoteMatcher) and how the
// searcher ranks them (SearchRequest::quotes), over a small index built by
// hand so that the quotes are under the test's control.
#include "quote_search.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

#include "keys.h"
#include "newsarc/normalizer.h"
#include "newsarc/searcher.h"
#include "query_parser.h"
#include "schema.h"
#include "stored_fields.h"

namespace newsarc::internal {
namespace {

namespace fs = std::filesystem;

// The quote as matched, with [brackets] around highlights, or "-" when the
// matcher drops it.
std::string Shown(const std::string& query, const Quote& quote,
                  double* coverage = nullptr) {
  auto parsed = ParseQuery(query);
  EXPECT_TRUE(parsed.ok()) << query;
  if (!parsed.ok()) return "?";
  QuoteMatcher matcher(parsed.value().query, parsed.value().stemmer);
  auto m = matcher.Match(quote);
  if (!m) return "-";
  if (coverage != nullptr) *coverage = m->coverage;
  std::string out;
  size_t pos = 0;
  for (const Highlight& h : m->shown.highlights) {
    out += m->shown.text.substr(pos, h.begin - pos) + "[" +
           m->shown.text.substr(h.begin, h.end - h.begin) + "]";
    pos = h.end;
  }
  return out + m->shown.text.substr(pos);
}

struct MatchCase {
  const char* query;
  const char* speaker;
  const char* text;
  const char* expected;
};

TEST(QuoteMatcher, Table) {
  const MatchCase cases[] = {
      // Free text: stems and folding as in snippets.
      {"encryption", "Amber Rudd", "situations like encrypted WhatsApp",
       "situations like [encrypted] WhatsApp"},
      {"zurich", "Anna Müller", "Zürich is  back\n\nin business",
       "[Zürich] is back in business"},
      {"encryption", "Amber Rudd", "no place for terrorists to hide", "-"},
      // Phrases match as one run.
      {"\"place for terrorists\"", "Amber Rudd",
       "no place for terrorists to hide", "no [place for terrorists] to hide"},
      // speaker: keeps only that speaker's quotes, by a word or the whole
      // name; the name itself is not a match inside the quote.
      {"speaker:rudd", "Amber Rudd", "Rudd will act", "Rudd will act"},
      {"speaker:rudd", "Craig Mackey", "Rudd will act", "-"},
      {"speaker:\"amber rudd\"", "Amber Rudd", "we will act", "we will act"},
      {"speaker:\"amber rudd\"", "Amber Smith", "we will act", "-"},
      {"speaker:rudd speaker:mackey", "Craig Mackey", "challenges",
       "challenges"},
      {"speaker:rudd hide", "Amber Rudd", "no place to hide",
       "no place to [hide]"},
      {"speaker:rudd hide", "Amber Rudd", "we will act", "-"},
      // A negated speaker is no filter on quotes.
      {"encryption -speaker:mackey", "Amber Rudd", "encryption matters",
       "[encryption] matters"},
      // Only filters: every quote answers.
      {"org:whatsapp", "Amber Rudd", "we will act", "we will act"},
      // Empty quotes never do.
      {"speaker:rudd", "Amber Rudd", "", "-"},
  };
  for (const MatchCase& c : cases) {
    EXPECT_EQ(Shown(c.query, {c.speaker, c.text, true, 1}), c.expected)
        << c.query << " / " << c.speaker << " / " << c.text;
  }
}

TEST(QuoteMatcher, CoverageIsTheShareOfQueryTerms) {
  double coverage = -1;
  const Quote both{"A B", "encrypted messages are safe", true, 1};
  const Quote one{"A B", "encrypted things", true, 1};
  ASSERT_NE(Shown("encryption messages", both, &coverage), "-");
  EXPECT_DOUBLE_EQ(coverage, 1.0);
  ASSERT_NE(Shown("encryption messages", one, &coverage), "-");
  EXPECT_DOUBLE_EQ(coverage, 0.5);
  ASSERT_NE(Shown("speaker:b", one, &coverage), "-");
  EXPECT_DOUBLE_EQ(coverage, 1.0);
}

TEST(QuoteMatcher, LongQuotesAreCutAroundTheirMatches) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "filler ";
  text += "encryption at last";
  const std::string shown = Shown("encryption", {"A B", text, true, 1});
  EXPECT_LE(shown.size(), kMaxQuoteChars + 20);
  EXPECT_NE(shown.find("[encryption] at last"), std::string::npos);
  EXPECT_TRUE(shown.starts_with("\xE2\x80\xA6")) << shown;
}

// ---- Through the Searcher ---------------------------------------------------

struct TestArticle {
  std::string id, title, body, date;
  std::vector<std::string> speakers;
  std::vector<Quote> quotes;
  bool old_format = false;  // stored fields of format 1: no quotes
};

Xapian::Document MakeDocument(const TestArticle& a) {
  Xapian::Document doc;
  Xapian::TermGenerator tg;
  tg.set_document(doc);
  tg.set_stemmer(Xapian::Stem("english"));
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  tg.index_text(FoldText(a.title), 1, std::string(schema::kTitle));
  tg.increase_termpos(schema::kFieldGap);
  tg.index_text(FoldText(a.title));
  tg.increase_termpos(schema::kFieldGap);
  tg.index_text(FoldText(a.body));
  for (const std::string& name : a.speakers) {
    doc.add_term(EntityNameTerm(schema::kSpeaker, name));
    for (const std::string& t : EntityWordTerms(schema::kSpeakerWord, name))
      doc.add_term(t);
  }
  doc.add_value(schema::kSlotDate, DateKey(a.date));
  doc.add_boolean_term(std::string(schema::kId) + a.id);
  doc.add_boolean_term(std::string(schema::kLanguage) + "en");
  StoredFields f;
  f.id = a.id;
  f.title = a.title;
  f.body = a.body;
  f.url = "https://example.org/" + a.id;
  f.date = a.date;
  f.path = "/archive/" + a.id + ".txt";
  f.speakers = a.speakers;
  f.quotes = a.quotes;
  std::string data = SerializeFields(f);
  if (a.old_format) {
    // Format 1 is format 2 without the quote list (an empty list is one
    // length byte and one digit).
    EXPECT_TRUE(a.quotes.empty());
    data[0] = '\x01';
    data.resize(data.size() - 2);
  }
  doc.set_data(data);
  return doc;
}

const std::vector<TestArticle>& Articles() {
  static const std::vector<TestArticle> articles = {
      {"rudd",
       "Rudd: encryption must not hide terrorists",
       "Amber Rudd said: \"Encryption must not be a place for terrorists to "
       "hide.\" Craig Mackey said \"Encryption is a challenge\" and that "
       "encryption slowed the police. Rudd added: \"We will talk to the "
       "firms.\" Encryption, encryption, encryption.",
       "2017-03-26",
       {"Amber Rudd", "Craig Mackey"},
       {{"Amber Rudd", "Encryption must not be a place for terrorists to hide.",
         true, 1},
        {"Craig Mackey", "Encryption is a challenge", true, 1},
        {"Craig Mackey", "encryption slowed the police", false, 1},
        {"Amber Rudd", "We will talk to the firms.", true, 1}}},
      {"smith",
       "Microsoft answers police",
       "Brad Smith said: \"We answered the police in under 30 minutes; "
       "encryption did not stop us.\" The firm spoke about terrorists.",
       "2017-03-27",
       {"Brad Smith"},
       {{"Brad Smith",
         "We answered the police in under 30 minutes; encryption did not stop "
         "us.",
         true, 1}}},
      {"old",
       "Encryption in an old index",
       "Old articles say encryption too, and terrorists, but keep no quotes.",
       "2016-01-01",
       {"Amber Rudd"},
       {},
       true},
  };
  return articles;
}

class QuoteSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("newsarc-quote-test-" + std::to_string(getpid())));
    fs::remove_all(*dir_);
    Xapian::WritableDatabase db(dir_->string(), Xapian::DB_CREATE_OR_OVERWRITE);
    for (const TestArticle& a : Articles()) db.add_document(MakeDocument(a));
    db.commit();
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }

  SearchResults Quotes(const std::string& query, uint32_t offset = 0,
                       uint32_t limit = 10,
                       SortOrder sort = SortOrder::kRelevance) {
    auto searcher = Searcher::Open(*dir_);
    EXPECT_TRUE(searcher.ok()) << searcher.status().message();
    SearchRequest request;
    request.query = query;
    request.quotes = true;
    request.offset = offset;
    request.limit = limit;
    request.sort = sort;
    auto results = searcher.value().Search(request);
    EXPECT_TRUE(results.ok()) << query << ": " << results.status().message();
    return results.ok() ? results.value() : SearchResults{};
  }

  // "speaker: first two words" per quote, in rank order, joined with " | ".
  std::string List(const std::string& query, uint32_t offset = 0,
                   uint32_t limit = 10,
                   SortOrder sort = SortOrder::kRelevance) {
    std::string out;
    for (const QuoteHit& q : Quotes(query, offset, limit, sort).quotes) {
      if (!out.empty()) out += " | ";
      out += q.speaker + ": " +
             q.text.substr(0, q.text.find(' ', q.text.find(' ') + 1));
    }
    return out;
  }

  static fs::path* dir_;
};

fs::path* QuoteSearchTest::dir_ = nullptr;

TEST_F(QuoteSearchTest, SpeakerFilterKeepsOnlyThatSpeaker) {
  EXPECT_EQ(List("speaker:rudd"),
            "Amber Rudd: Encryption must | Amber Rudd: We will");
  EXPECT_EQ(List("speaker:mackey"),
            "Craig Mackey: Encryption is | Craig Mackey: encryption slowed");
  EXPECT_EQ(List("speaker:rudd terrorists"), "Amber Rudd: Encryption must");
  EXPECT_EQ(List("speaker:smith speaker:rudd"), "");  // no article quotes both
}

TEST_F(QuoteSearchTest, RanksByArticleAndOwnMatch) {
  // Quotes with both words first, then by the article's weight; the old
  // article matches but has no stored quotes.
  SearchResults r = Quotes("encryption terrorists");
  ASSERT_EQ(r.quotes.size(), 4u);
  EXPECT_EQ(r.quote_total, 4u);
  EXPECT_TRUE(r.hits.empty());
  EXPECT_EQ(r.estimated_total, 3u);
  EXPECT_EQ(r.quotes[0].speaker, "Amber Rudd");
  EXPECT_EQ(r.quotes[0].text,
            "Encryption must not be a place for terrorists to hide.");
  for (size_t i = 0; i < r.quotes.size(); ++i) {
    EXPECT_EQ(r.quotes[i].rank, i + 1);
    if (i > 0) {
      EXPECT_GE(r.quotes[i - 1].score, r.quotes[i].score) << i;
    }
    EXPECT_NEAR(r.quotes[i].score,
                r.quotes[i].article_score * (i == 0 ? 2.0 : 1.5), 1e-9)
        << i;
  }
  // Ties keep text order; a quote from a weaker article with the same
  // share of the query comes after.
  EXPECT_EQ(List("encryption"),
            "Amber Rudd: Encryption must | Craig Mackey: Encryption is | "
            "Craig Mackey: encryption slowed | Brad Smith: We answered");
  const QuoteHit& q = r.quotes[0];
  EXPECT_EQ(q.title, "Rudd: encryption must not hide terrorists");
  EXPECT_EQ(q.id, "rudd");
  EXPECT_EQ(q.url, "https://example.org/rudd");
  EXPECT_EQ(q.path, "/archive/rudd.txt");
  EXPECT_EQ(q.date, "2017-03-26");
  EXPECT_TRUE(q.direct);
  ASSERT_EQ(q.highlights.size(), 2u);
  EXPECT_EQ(q.text.substr(q.highlights[0].begin,
                          q.highlights[0].end - q.highlights[0].begin),
            "Encryption");
  EXPECT_FALSE(r.quotes[2].direct);  // "encryption slowed the police"
}

TEST_F(QuoteSearchTest, OffsetAndLimitCountQuotes) {
  EXPECT_EQ(List("encryption", 1, 2),
            "Craig Mackey: Encryption is | Craig Mackey: encryption slowed");
  SearchResults r = Quotes("encryption", 3, 5);
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(r.quotes[0].rank, 4u);
  EXPECT_EQ(r.quote_total, 4u);
  EXPECT_TRUE(Quotes("encryption", 10, 5).quotes.empty());
}

TEST_F(QuoteSearchTest, DateOrderKeepsArticleThenTextOrder) {
  EXPECT_EQ(List("encryption", 0, 10, SortOrder::kDateDesc),
            "Brad Smith: We answered | Amber Rudd: Encryption must | "
            "Craig Mackey: Encryption is | Craig Mackey: encryption slowed");
}

TEST_F(QuoteSearchTest, NoQuoteMatchesIsNoResult) {
  SearchResults r = Quotes("spoke");  // in an article, in no quote
  EXPECT_TRUE(r.quotes.empty());
  EXPECT_EQ(r.quote_total, 0u);
  EXPECT_GE(r.estimated_total, 1u);
}

}  // namespace
}  // namespace newsarc::internal
