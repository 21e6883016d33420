// Near-duplicates, recency, "did you mean", more like this, facets and
// reading while a writer commits: the Searcher over small indexes written
// through the public IndexWriter, so documents are built exactly as
// newsarc-index builds them.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "../index/index_test_util.h"
#include "collapse_key.h"
#include "commit_gate.h"
#include "newsarc/index_writer.h"
#include "newsarc/normalizer.h"
#include "newsarc/searcher.h"
#include "query_parser.h"
#include "ranking.h"
#include "recency.h"
#include "schema.h"
#include "spelling.h"

namespace newsarc {
namespace {

namespace fs = std::filesystem;

const char kWire[] =
    "LONDON - Amber Rudd said on Sunday that WhatsApp must give the police "
    "access to encrypted messages after the attack in Westminster, in which "
    "four people died. The Home Secretary said there should be no place for "
    "terrorists to hide, and that she would meet technology companies this "
    "week to discuss the matter. Officials said the talks would be held in "
    "London.";

Article Make(std::string id, std::string title, std::string body,
             std::string url, std::string date) {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.body = std::move(body);
  a.url = std::move(url);
  a.date = std::move(date);
  a.language = "en";
  a.source_path = "/archive/" + a.id + ".txt";
  return a;
}

// `count` words of kWire drawn by `rnd`, each followed by a space: the
// bodies of articles that are not copies of each other (copies are
// collapsed).
std::string WireWords(std::mt19937& rnd, int count) {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> out;
    std::istringstream wire(kWire);
    for (std::string w; wire >> w;) out.push_back(w);
    return out;
  }();
  std::string body;
  for (int w = 0; w < count; ++w) body += words[rnd() % words.size()] + " ";
  return body;
}

// A writer's options for `shards` hash shards; 0: one database.
WriterOptions HashShards(uint32_t shards) {
  WriterOptions options;
  if (shards > 0) {
    options.shard_by = ShardBy::kHash;
    options.shards = shards;
  }
  return options;
}

class Index {
 public:
  // `options`: how each Add opens the writer (a sharded layout, ...).
  explicit Index(const std::string& name, WriterOptions options = {})
      : dir_(fs::temp_directory_path() /
             ("newsarc-" + name + "-" + std::to_string(getpid()))),
        options_(std::move(options)) {
    fs::remove_all(dir_);
  }
  ~Index() { fs::remove_all(dir_); }

  void Add(const std::vector<Article>& articles) {
    auto writer = IndexWriter::Open(dir_, options_);
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    for (const Article& a : articles) ASSERT_TRUE(writer.value().Add(a).ok());
    ASSERT_TRUE(writer.value().Commit().ok());
  }

  SearchResults Search(SearchRequest request) {
    auto searcher = Searcher::Open(dir_);
    EXPECT_TRUE(searcher.ok()) << searcher.status().message();
    if (!searcher.ok()) return {};
    auto r = searcher.value().Search(request);
    EXPECT_TRUE(r.ok()) << request.query << ": " << r.status().message();
    return r.ok() ? r.value() : SearchResults{};
  }

  std::string Ids(SearchRequest request) {
    std::string out;
    for (const Hit& h : Search(std::move(request)).hits)
      out += (out.empty() ? "" : " ") + h.id;
    return out;
  }

  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
  WriterOptions options_;
};

SearchRequest Query(std::string q) {
  SearchRequest r;
  r.query = std::move(q);
  return r;
}

// ---- Near-duplicates -------------------------------------------------------

TEST(CollapseKey, IgnoresCaseAndPunctuationNotWords) {
  std::string body = FoldText(kWire);
  std::string key = internal::CollapseKey("a", body);
  EXPECT_EQ(key.size(), 16u);
  // Another headline, other punctuation and case, more text after the lead.
  std::string copy = FoldText(
      "LONDON: AMBER RUDD SAID, ON SUNDAY, THAT WHATSAPP MUST GIVE THE POLICE "
      "ACCESS TO ENCRYPTED MESSAGES AFTER THE ATTACK IN WESTMINSTER IN WHICH "
      "FOUR PEOPLE DIED; THE HOME SECRETARY SAID THERE SHOULD BE NO PLACE FOR "
      "TERRORISTS TO HIDE AND THAT SHE WOULD MEET (UPDATED)");
  EXPECT_EQ(internal::CollapseKey("b", copy), key);
  std::string edited = body;
  edited.replace(edited.find("four"), 4, "five");
  EXPECT_NE(internal::CollapseKey("a", edited), key);
  // Short texts: title and body together, and nothing under 8 words.
  EXPECT_NE(internal::CollapseKey("one title", "the same short body of text"),
            internal::CollapseKey("another title", "the same short body of text"));
  EXPECT_EQ(internal::CollapseKey("tiny", "two words"), "");
}

TEST(Searcher, CollapsesCopiesOfAStory) {
  Index index("collapse");
  index.Add({Make("a", "Rudd: WhatsApp must open up", kWire,
                  "https://www.example.com/a", "2017-03-26"),
             Make("b", "Home Secretary calls on WhatsApp", kWire,
                  "https://news.example.org/b", "2017-03-26"),
             Make("c", "Encryption talks", "WhatsApp and encryption: a short note "
                  "on the talks in London this week with the companies.",
                  "https://news.example.org/c", "2017-03-27")});
  SearchResults r = index.Search(Query("whatsapp"));
  ASSERT_EQ(r.hits.size(), 2u);
  uint32_t folded = r.hits[0].duplicates + r.hits[1].duplicates;
  EXPECT_EQ(folded, 1u);

  SearchRequest all = Query("whatsapp");
  all.collapse_duplicates = false;
  r = index.Search(all);
  ASSERT_EQ(r.hits.size(), 3u);
  for (const Hit& h : r.hits) EXPECT_EQ(h.duplicates, 0u);
}

// A search of one database collapses on the marks of its copies while they
// are complete (collapse_key.h), else on the key every article has.
TEST(Searcher, CollapsesOnTheMarksOfCopiesWhileTheyAreComplete) {
  namespace schema = internal::schema;
  Index index("copies");
  index.Add({Make("a", "Rudd: WhatsApp must open up", kWire, "https://a.example/a", "2017-03-26"),
             Make("c", "Encryption talks", "WhatsApp and encryption: a short note on the "
                  "talks in London this week with the companies.",
                  "https://c.example/c", "2017-03-27")});
  // A copy of story a in a later run: both are marked then.
  index.Add({Make("b", "Home Secretary calls on WhatsApp", kWire, "https://b.example/b",
                  "2017-03-26")});
  auto marks = [&] {
    Xapian::Database db(index.dir().string());
    std::vector<std::string> out;
    for (Xapian::docid id = 1; id <= db.get_lastdocid(); ++id)
      out.push_back(db.get_document(id).get_value(schema::kSlotCopies));
    return out;
  };
  {
    Xapian::Database db(index.dir().string());
    EXPECT_TRUE(internal::CopiesMarked(db));
    const std::string key = db.get_document(1).get_value(schema::kSlotCollapse);
    ASSERT_EQ(key.size(), 16u);
    EXPECT_EQ(marks(), (std::vector<std::string>{key, "", key}));
  }
  auto stories = [&] { return index.Search(Query("whatsapp")).hits.size(); };
  EXPECT_EQ(stories(), 2u);
  {
    // Take one mark away but say the marks are complete: the search trusts
    // them, and story a is two hits.
    Xapian::WritableDatabase db(index.dir().string(), Xapian::DB_OPEN);
    Xapian::Document b = db.get_document(3);
    b.remove_value(schema::kSlotCopies);
    db.replace_document(3, b);
    internal::RecordCopiesMarked(db);
    db.commit();
  }
  EXPECT_EQ(stories(), 3u);
  {
    // Another commit: the marks are no longer known to be complete, and the
    // search folds on the key of every article.
    Xapian::WritableDatabase db(index.dir().string(), Xapian::DB_OPEN);
    db.set_metadata("note", "x");
    db.commit();
    EXPECT_FALSE(internal::CopiesMarked(db));
  }
  EXPECT_EQ(stories(), 2u);
  // The next run that writes marks them again.
  index.Add({Make("d", "Markets", "Shares rose in a quiet day of trading on the exchange "
                  "in London.", "https://d.example/d", "2017-03-28")});
  EXPECT_EQ(marks().at(2), marks().at(0));
  EXPECT_EQ(stories(), 2u);
}

TEST(Searcher, CountsTheMatchesOfFiltersExactly) {
  // A query of filters weighs nothing, and Xapian stops at the hits asked
  // for: its estimate was then about that many ("2 of about 2").
  Index index("filter-count");
  std::vector<Article> articles;
  for (int i = 0; i < 30; ++i) {
    const std::string n = std::to_string(i);
    const std::string month = i < 10 ? "04" : i < 25 ? "05" : "06";
    articles.push_back(Make("n" + n, "Note " + n,
                            "Note number " + n + " is about zebras and the river.",
                            "https://x.example/" + n, "2017-" + month + "-1" + n.substr(0, 1)));
  }
  for (const char* id : {"c1", "c2", "c3"})  // three copies of one story
    articles.push_back(Make(id, "Rudd", kWire, std::string("https://y.example/") + id,
                            "2017-05-20"));
  index.Add(articles);
  SearchRequest may = Query("date:2017-05");
  may.limit = 2;
  SearchResults r = index.Search(may);
  EXPECT_EQ(r.hits.size(), 2u);
  EXPECT_EQ(r.estimated_total, 16u);  // 15 notes and the story, its copies folded
  EXPECT_TRUE(r.total_exact);
  may.collapse_duplicates = false;
  EXPECT_EQ(index.Search(may).estimated_total, 18u);
  may.collapse_duplicates = true;
  may.facets = true;
  SearchResults with_facets = index.Search(may);
  EXPECT_EQ(with_facets.estimated_total, 16u);
  // The facets saw every match (Xapian's upper bound stays loose).
  EXPECT_TRUE(with_facets.facets_exact);
  EXPECT_EQ(with_facets.facet_articles, 18u);
  // Few facet articles asked for: counted once, not again by a second match.
  may.facet_sample = 5;
  with_facets = index.Search(may);
  EXPECT_FALSE(with_facets.facets_exact);
  EXPECT_LE(with_facets.facet_articles, 18u);
  // A whole year is its year term: the same articles, counted as well.
  SearchRequest year = Query("date:2017");
  year.limit = 2;
  EXPECT_EQ(index.Search(year).estimated_total, 31u);
  year.query = "date:2017-01-01..2017-12-31";
  EXPECT_EQ(index.Search(year).estimated_total, 31u);
  year.query = "date:2016";
  SearchResults none = index.Search(year);
  EXPECT_EQ(none.estimated_total, 0u);
  EXPECT_TRUE(none.total_exact);
  // Fewer matches than hits asked for: the count, copies folded.
  SearchRequest rudd = Query("rudd whatsapp");
  EXPECT_EQ(index.Search(rudd).estimated_total, 1u);
}

TEST(Searcher, WordsOfOtherLanguagesFoundAsWritten) {
  // Queries stem in English unless they say lang:. Greek has no stemmer
  // here, so its articles have no stems; a Russian article has Russian ones.
  Index index("other-languages");
  Article greek = Make("el1", "Παρουσίαση: Κώστας Χρονόπουλος",
                       "Ο Κώστας Χρονόπουλος παρουσιάζει την εκπομπή.", "https://gr.example/1",
                       "2005-12-01");
  greek.language = "el";
  Article russian = Make("ru1", "Можно ли переесть витаминов?",
                         "Осенью и зимой рекомендуют пить больше витаминов.",
                         "https://ru.example/1", "2005-12-02");
  russian.language = "ru";
  Article english = Make("en1", "Vitamins in winter", kWire, "https://en.example/1",
                         "2005-12-03");
  // Thai has no spaces between words: indexed and searched word by word.
  Article thai = Make("th1", "ขอเชิญร่วมสัมมนาภาษาไทย", "ขอเชิญร่วมสัมมนาภาษาไทยครั้งที่แปด",
                      "https://th.example/1", "2005-12-04");
  thai.language = "th";
  index.Add({greek, russian, english, thai});
  EXPECT_EQ(index.Ids(Query("สัมมนา")), "th1");  // a word inside a run
  EXPECT_EQ(index.Ids(Query("lang:th ภาษาไทย")), "th1");
  EXPECT_EQ(index.Ids(Query("\"สัมมนาภาษาไทย\"")), "th1");  // a phrase of its words
  // A field or a sign binds the whole run, its words in order, as a phrase.
  EXPECT_EQ(index.Ids(Query("title:ร่วมสัมมนา")), "th1");
  EXPECT_EQ(index.Ids(Query("title:สัมมนาร่วม")), "");
  EXPECT_EQ(index.Ids(Query("(title:ร่วมสัมมนา)")), "th1");
  EXPECT_EQ(index.Ids(Query("vitamins -ร่วมสัมมนา")), "en1");
  EXPECT_EQ(index.Ids(Query("lang:th -สัมมนาร่วม")), "th1");
  EXPECT_EQ(index.Ids(Query("+ร่วมสัมมนา")), "th1");
  // Beside NEAR or ADJ, the run's words join the chain.
  EXPECT_EQ(index.Ids(Query("ร่วมสัมมนา NEAR ครั้งที่")), "th1");
  EXPECT_EQ(index.Ids(Query("ร่วมสัมมนา ADJ ภาษาไทย")), "th1");
  EXPECT_EQ(index.Ids(Query("ภาษาไทย ADJ ร่วมสัมมนา")), "");  // ADJ keeps the order
  EXPECT_EQ(index.Ids(Query("lang:th (ร่วมสัมมนา NEAR/3 ครั้งที่)")), "th1");
  EXPECT_EQ(index.Ids(Query("lang:th (ร่วมสัมมนา NEAR/2 ครั้งที่)")), "");  // 3 apart
  SearchResults found = index.Search(Query("สัมมนา"));
  ASSERT_EQ(found.hits.size(), 1u);
  ASSERT_EQ(found.hits[0].highlights.size(), 1u);  // marked inside the run
  const Highlight& h = found.hits[0].highlights[0];
  EXPECT_EQ(found.hits[0].snippet.substr(h.begin, h.end - h.begin), "สัมมนา");
  // Before, each found nothing ("0 of 0 results").
  EXPECT_EQ(index.Ids(Query("Χρονόπουλος")), "el1");
  EXPECT_EQ(index.Ids(Query("Παρουσίαση: Κώστας Χρονόπουλος")), "el1");  // a pasted title
  EXPECT_EQ(index.Ids(Query("Можно ли переесть витаминов?")), "ru1");
  SearchRequest any = Query("переесть витаминов");
  any.any = true;
  EXPECT_EQ(index.Ids(any), "ru1");
  EXPECT_EQ(index.Ids(Query("site:gr.example Κώστας")), "el1");
  EXPECT_EQ(index.Ids(Query("title:Χρονόπουλος")), "el1");
  EXPECT_EQ(index.Ids(Query("+Χρονόπουλος Κώστας")), "el1");
  EXPECT_EQ(index.Ids(Query("title:Κώστας -εκπομπή")), "");  // an excluded word too
  SearchResults r = index.Search(Query("Κώστας Χρονόπουλος"));
  EXPECT_FALSE(r.relaxed);  // every word matched, as written
  // A word no article has in any form is still left out, and said so.
  r = index.Search(Query("Κώστας Ζζζζζ"));
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_TRUE(r.relaxed);
  // With lang:, as before: the language's stemmer, and its articles only.
  EXPECT_EQ(index.Ids(Query("lang:ru витамины")), "ru1");
  // English words stem as always.
  EXPECT_EQ(index.Ids(Query("vitamin winter")), "en1");
}

TEST(Searcher, InitialismsWithAndWithoutStopsAreOneWord) {
  // Written "U.S." in one article and "US" in another: the same word to
  // every query, whichever way it is typed, in phrases and title: too.
  Index index("initialisms");
  index.Add({Make("dots", "U.S. troops leave",
                  "The U.S. Army said U.S. troops would leave. The U.S. Supreme Court ruled.",
                  "https://a.example/1", "2020-01-01"),
             Make("plain", "UK and US agree", "The US and the UK signed the deal in London.",
                  "https://b.example/1", "2020-01-02"),
             Make("other", "Us and them", "Tell us what happened, said u of the s.",
                  "https://c.example/1", "2020-01-03")});
  for (const char* q : {"troops US", "troops U.S.", "troops u.s", "\"US Army\"",
                        "title:U.S. troops"})
    EXPECT_EQ(index.Ids(Query(q)), "dots") << q;
  EXPECT_EQ(index.Ids(Query("U.K.")), "plain");
  // Names too: an organisation found as "U.S. Supreme Court" (keys.h).
  for (const char* q : {"org:\"US Supreme Court\"", "org:\"u.s. supreme court\"", "org:us"})
    EXPECT_EQ(index.Ids(Query(q)), "dots") << q;
  EXPECT_EQ(index.Ids(Query("\"U.S. and the U.K.\"")), "plain");
  SearchResults r = index.Search(Query("U.S. Army"));
  ASSERT_EQ(r.hits.size(), 1u);
  std::vector<std::string> marked;
  for (const Highlight& h : r.hits[0].highlights)
    marked.push_back(r.hits[0].snippet.substr(h.begin, h.end - h.begin));
  EXPECT_EQ(marked, (std::vector<std::string>{"U.S", "Army", "U.S", "U.S"}));
  // The pronoun is the same word, as in any search that folds case.
  EXPECT_EQ(index.Search(Query("US")).estimated_total, 3u);
  EXPECT_TRUE(index.Search(Query("U.S.")).warnings.empty());

  // Files an older newsarc read hold "u" and "s": a query with an
  // initialism says so, other queries do not.
  {
    Xapian::WritableDatabase db(index.dir().string());
    db.set_metadata(std::string(internal::schema::kMetaExtractor), "3");
    db.commit();
  }
  const std::vector<std::string> warned = index.Search(Query("troops U.S.")).warnings;
  ASSERT_EQ(warned.size(), 1u);
  EXPECT_NE(warned[0].find("newsarc-index --reextract"), std::string::npos) << warned[0];
  for (const char* q : {"troops US", "speaker:\"J.K. Rowling\" OR troops", "6.5 troops"})
    EXPECT_TRUE(index.Search(Query(q)).warnings.empty()) << q;
}

TEST(Searcher, HyphenatedCompoundsAreFoundByTheirLettersTogether) {
  // "email" finds the article that writes "e-mail", and "e-mail" the one
  // that writes "email"; the hyphenated word is also the phrase of its
  // parts, and its parts are still words.
  Index index("compounds");
  index.Add({Make("hyphen", "Leaks", "The leak came by e-mail on Monday.",
                  "https://a.example/1", "2020-01-01"),
             Make("solid", "More leaks", "Another leak came by email on Friday.",
                  "https://b.example/1", "2020-01-02"),
             Make("spaced", "Post", "Send it by e mail or by post.", "https://c.example/1",
                  "2020-01-03"),
             Make("ceasefire", "Cease-fire holds", "The truce held.", "https://d.example/1",
                  "2020-01-04"),
             Make("joined", "Truce", "The ceasefire held in the north.", "https://e.example/1",
                  "2020-01-05"),
             Make("poll", "Vote", "The by election was held.", "https://f.example/1",
                  "2020-01-06")});
  // The ids found, in order of id.
  auto found = [&](const char* q) {
    std::set<std::string> ids;
    for (const Hit& h : index.Search(Query(q)).hits) ids.insert(h.id);
    std::string out;
    for (const std::string& id : ids) out += (out.empty() ? "" : " ") + id;
    return out;
  };
  EXPECT_EQ(found("email"), "hyphen solid");
  EXPECT_EQ(found("emails leak"), "hyphen solid");
  EXPECT_EQ(found("e-mail"), "hyphen solid spaced");
  EXPECT_EQ(found("e-mails"), "hyphen solid");  // no article has "e mails"
  EXPECT_EQ(found("+e-mail leak"), "hyphen solid");
  EXPECT_EQ(found("e-mail OR truce"), "ceasefire hyphen joined solid spaced");
  EXPECT_EQ(found("post -e-mail"), "");  // each way of writing it goes
  EXPECT_EQ(found("leak -e-mail"), "");
  EXPECT_EQ(found("mail"), "hyphen spaced");
  // A quoted phrase is searched as written; the joined word stands where
  // the compound's parts do, so a phrase with it finds the compound too.
  EXPECT_EQ(found("\"e-mail\""), "hyphen spaced");
  EXPECT_EQ(found("\"by e-mail\""), "hyphen spaced");
  EXPECT_EQ(found("\"by email\""), "hyphen solid");
  EXPECT_EQ(found("\"email on\""), "hyphen solid");
  EXPECT_EQ(found("\"the ceasefire held\""), "joined");
  EXPECT_EQ(found("\"ceasefire holds\""), "ceasefire");
  EXPECT_EQ(found("title:ceasefire"), "ceasefire");
  EXPECT_EQ(found("title:cease-fire"), "ceasefire");
  EXPECT_EQ(found("ceasefires"), "ceasefire joined");
  EXPECT_EQ(found("cease-fire"), "ceasefire joined");
  EXPECT_EQ(found("north cease-fire"), "joined");
  // A word no article has is left out as before (relaxation), also beside
  // a compound that no article writes as one word.
  EXPECT_EQ(found("zebra cease-fire"), "ceasefire joined");
  SearchResults relaxed = index.Search(Query("zebra by-election"));
  ASSERT_EQ(relaxed.hits.size(), 1u);
  EXPECT_EQ(relaxed.hits[0].id, "poll");
  EXPECT_EQ(relaxed.missing, std::vector<std::string>{"zebra"});
  // An article that writes the hyphen weighs what the phrase weighs, one
  // that writes the word what the word weighs: neither counts twice, and
  // no boost for the parts standing together favours one spelling.
  auto score = [&](const char* q, const std::string& id) {
    for (const Hit& h : index.Search(Query(q)).hits)
      if (h.id == id) return h.score;
    return -1.0;
  };
  EXPECT_DOUBLE_EQ(score("e-mail", "hyphen"), score("\"e-mail\"", "hyphen"));
  EXPECT_DOUBLE_EQ(score("e-mail", "spaced"), score("\"e-mail\"", "spaced"));
  EXPECT_DOUBLE_EQ(score("e-mail", "solid"), score("email", "solid"));
  SearchResults r = index.Search(Query("email Monday"));
  ASSERT_EQ(r.hits.size(), 1u);
  std::vector<std::string> marked;
  for (const Highlight& h : r.hits[0].highlights)
    marked.push_back(r.hits[0].snippet.substr(h.begin, h.end - h.begin));
  EXPECT_EQ(marked, (std::vector<std::string>{"e-mail", "Monday"}));
  // And the other way: "e-mail" marks "email".
  r = index.Search(Query("e-mail Friday"));
  ASSERT_EQ(r.hits.size(), 1u);
  marked.clear();
  for (const Highlight& h : r.hits[0].highlights)
    marked.push_back(r.hits[0].snippet.substr(h.begin, h.end - h.begin));
  EXPECT_EQ(marked, (std::vector<std::string>{"email", "Friday"}));
}

TEST(Searcher, QueriesStemEachLanguageInItsOwnWay) {
  // Hungarian articles are stemmed in Hungarian ("házakban", "in houses",
  // and "házak" both to "ház"), English ones in English. A query without
  // lang: stemmed in English only leaves "házakban" as it is: it found
  // nothing, and no article has that form.
  Index index("query-languages");
  std::vector<Article> articles;
  const char* bodies[] = {"A házak ára emelkedett.", "Új kormány alakult.",
                          "A házak előtt tüntettek.", "Esik a hó."};
  for (int i = 0; i < 4; ++i) {
    const std::string n = std::to_string(i);
    Article a = Make("hu" + n, "Hírek " + n, bodies[i], "https://hu.example/" + n,
                     "2006-01-0" + std::to_string(i + 1));
    a.language = "hu";
    articles.push_back(a);
  }
  articles.push_back(Make("en1", "Vitamins in winter", kWire, "https://en.example/1",
                          "2006-01-09"));
  Article houses = Make("en2", "Houses", "The houses were sold.", "https://en.example/2",
                        "2006-01-10");
  houses.language = "en";
  articles.push_back(houses);
  index.Add(articles);
  EXPECT_EQ(index.Ids(Query("házakban")), "hu0 hu2");
  SearchRequest any = Query("házakban előtt hó");
  any.any = true;
  EXPECT_EQ(index.Ids(any).substr(0, 3), "hu2");
  // English words stem in English, in the same query language.
  EXPECT_EQ(index.Ids(Query("vitamin")), "en1");
  EXPECT_EQ(index.Ids(Query("house")), "en2");
  EXPECT_EQ(index.Ids(Query("lang:en vitamin")), "en1");
  // Each article matches one language's branch: a Hungarian article weighs
  // what it weighs when the query names its language.
  SearchResults mixed = index.Search(Query("házakban"));
  SearchResults hungarian = index.Search(Query("lang:hu házakban"));
  ASSERT_EQ(mixed.hits.size(), 2u);
  ASSERT_EQ(hungarian.hits.size(), 2u);
  EXPECT_DOUBLE_EQ(mixed.hits[0].score, hungarian.hits[0].score);
  // A word in neither language's form is still left out, and said so.
  SearchResults r = index.Search(Query("házakban zzyzx"));
  EXPECT_TRUE(r.relaxed);
  EXPECT_EQ(r.missing, std::vector<std::string>{"zzyzx"});
  // Known by its Hungarian stem: not taken for a misspelling.
  SearchRequest suggest = Query("házakban");
  suggest.suggest = true;
  EXPECT_EQ(index.Search(suggest).suggestion, "");
  // Snippets mark the words the article's language's stem stands for.
  r = index.Search(Query("házakban ára"));
  ASSERT_EQ(r.hits.size(), 1u);
  const std::string& snippet = r.hits[0].snippet;
  std::vector<std::string> marked;
  for (const Highlight& h : r.hits[0].highlights)
    marked.push_back(snippet.substr(h.begin, h.end - h.begin));
  EXPECT_NE(std::find(marked.begin(), marked.end(), "házak"), marked.end()) << snippet;
  // Feedback (--any) counts the words of one branch: two words are two, and
  // two get none (RankingOptions::prf_min_words); three get it.
  Xapian::Database db(index.dir().string());
  const internal::RankingOptions ranking = internal::ForMode(internal::Ranking(), true);
  for (const char* words : {"házakban előtt", "házakban előtt tüntettek"}) {
    auto parsed = internal::ParseQuery(words, internal::DefaultOp::kOr, &db);
    ASSERT_TRUE(parsed.ok());
    ASSERT_EQ(parsed.value().parses.size(), 2u);  // English, Hungarian
    const Xapian::Query& q = parsed.value().query;
    const bool expanded = internal::Expand(db, q, ranking, parsed.value().folded)
                              .get_description() != q.get_description();
    EXPECT_EQ(expanded, std::string_view(words).ends_with("tüntettek")) << words;
  }
}

TEST(Searcher, CountsWordsThatGoTogetherExactly) {
  // --limit 0 asks for a count. Xapian estimates an AND as if its words
  // were independent and stops at the first match: for two words that
  // mostly go together, 180 articles, 120 with each, 60 with both, it
  // guessed 180 * (120/180)^2 = 80.
  Index index("word-count");
  std::mt19937 rnd(11);
  std::vector<Article> articles;
  for (int i = 0; i < 180; ++i) {
    std::string body = WireWords(rnd, 40);
    body += i < 60 ? "zebra quartz" : i < 120 ? "zebra" : "quartz";
    body += i < 3 ? "." : " river.";  // three articles without "river"
    const std::string n = std::to_string(i);
    articles.push_back(Make("w" + n, "Story " + n, body, "https://w.example/" + n,
                            "2018-02-0" + std::to_string(1 + i % 9)));
  }
  for (const char* id : {"c1", "c2"})  // two copies of one story with both words
    articles.push_back(Make(id, "Zebra quartz", std::string(kWire) + " zebra quartz river.",
                            std::string("https://c.example/") + id, "2018-02-10"));
  index.Add(articles);
  SearchRequest count = Query("zebra quartz");
  count.limit = 0;
  SearchResults r = index.Search(count);
  EXPECT_TRUE(r.hits.empty());
  EXPECT_EQ(r.estimated_total, 61u);  // the copies folded
  EXPECT_TRUE(r.total_exact);
  // The same with the copies, in date order, with recency, and past an offset.
  count.collapse_duplicates = false;
  EXPECT_EQ(index.Search(count).estimated_total, 62u);
  count.collapse_duplicates = true;
  count.sort = SortOrder::kDateDesc;
  EXPECT_EQ(index.Search(count).estimated_total, 61u);
  count.sort = SortOrder::kRelevance;
  count.recent = true;
  EXPECT_EQ(index.Search(count).estimated_total, 61u);
  count.recent = false;
  count.offset = 100;
  r = index.Search(count);
  EXPECT_EQ(r.estimated_total, 61u);
  EXPECT_TRUE(r.total_exact);
  count.offset = 0;
  // --any: every article with either word.
  count.any = true;
  EXPECT_EQ(index.Search(count).estimated_total, 181u);
  count.any = false;
  // Three words: those without the third are left out.
  count.query = "zebra quartz river";
  EXPECT_EQ(index.Search(count).estimated_total, 58u);
  // Hits asked for: the same articles matched, ranked (the total of ten
  // hits may be Xapian's estimate).
  SearchRequest hits = Query("zebra quartz");
  hits.limit = 100;
  r = index.Search(hits);
  EXPECT_EQ(r.hits.size(), 61u);
  EXPECT_EQ(r.estimated_total, 61u);
}

// ---- Recency -----------------------------------------------------------------

TEST(Recency, DayNumber) {
  EXPECT_EQ(internal::DayNumber("19700101"), 0);
  EXPECT_EQ(internal::DayNumber("19700201"), 31);
  EXPECT_EQ(internal::DayNumber("20000301").value() -
                internal::DayNumber("20000228").value(),
            2);  // a leap year
  EXPECT_FALSE(internal::DayNumber("2017"));
  EXPECT_FALSE(internal::DayNumber("2017x101"));
  EXPECT_FALSE(internal::DayNumber("20171301"));
}

TEST(Searcher, RecentBlendsRecencyWithoutBuryingStrongMatches) {
  Index index("recent");
  const std::string filler =
      " The rest of the article is about other things entirely, and goes on "
      "for a while about weather, markets, sport and the arts in the city.";
  index.Add({
      // A strong old match: in the title, many times in the body.
      Make("strong-old", "Budget vote: the budget vote explained",
           "The budget vote. Budget vote details, budget vote history.",
           "https://a.example/1", "2016-01-10"),
      // Two equal, weaker matches, one old and one recent.
      Make("weak-old", "City news", "There was a budget vote." + filler,
           "https://b.example/2", "2016-01-11"),
      Make("weak-new", "Town news", "There was a budget vote." + filler,
           "https://c.example/3", "2017-06-01"),
  });
  SearchRequest plain = Query("budget vote");
  plain.collapse_duplicates = false;
  EXPECT_EQ(index.Ids(plain), "strong-old weak-old weak-new");
  SearchRequest recent = plain;
  recent.recent = true;
  EXPECT_EQ(index.Ids(recent), "strong-old weak-new weak-old");
  SearchResults r = index.Search(recent);
  ASSERT_EQ(r.hits.size(), 3u);
  EXPECT_EQ(r.estimated_total, 3u);  // reorders, never adds matches
}

// ---- Did you mean --------------------------------------------------------------

TEST(Spelling, EditDistance) {
  struct Case {
    const char *a, *b;
    size_t max, expected;
  } cases[] = {
      {"rud", "rudd", 2, 1}, {"rudd", "rudd", 2, 0}, {"teh", "the", 2, 1},
      {"encrytion", "encryption", 2, 1}, {"abc", "xyz", 2, 3},
      {"a", "abcdef", 2, 3}, {"", "ab", 2, 2},
  };
  for (const Case& c : cases)
    EXPECT_EQ(internal::EditDistance(c.a, c.b, c.max), c.expected) << c.a << " " << c.b;
}

class SpellingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    index_ = new Index("spelling");
    std::vector<Article> articles = {
        Make("rudd", "Rudd and WhatsApp", kWire, "https://a.example/r", "2017-03-26")};
    for (int i = 0; i < 5; ++i) {
      articles.push_back(Make("run" + std::to_string(i), "Marathon run",
                              "They run and run in the park, a long run.",
                              "https://b.example/" + std::to_string(i), "2017-01-01"));
    }
    index_->Add(articles);
  }
  static void TearDownTestSuite() { delete index_; }
  static Index* index_;
};
Index* SpellingTest::index_ = nullptr;

TEST_F(SpellingTest, SuggestsFromTheIndexedText) {
  struct Case {
    const char *query, *suggestion;
  } cases[] = {
      {"Rud WhatsApp", "Rudd WhatsApp"},  // "rudd" goes with whatsapp, "run" does not
      {"rud", "run"},                     // alone: the most frequent
      {"RUD whatsapp", "RUDD whatsapp"},
      {"encrytped westminster", "encrypted westminster"},
      {"\"amber rud\"", "\"amber rudd\""},
      {"Rudd WhatsApp", ""},              // known words
      {"speaker:rud", ""},                // fields are left alone
      {"speaker: rud", ""},               // with a space after the colon too
      {"speaker: \"amber rud\" rud", "speaker: \"amber rud\" run"},
      {"rud* OR zzzzzz", ""},             // wildcards; nothing close to zzzzzz
  };
  for (const Case& c : cases) {
    EXPECT_EQ(index_->Search(Query(c.query)).suggestion, c.suggestion) << c.query;
  }
  SearchRequest off = Query("Rud WhatsApp");
  off.suggest = false;
  EXPECT_EQ(index_->Search(off).suggestion, "");
}

// The searcher hands SuggestQuery the MSet of the search, whose term
// statistics spare it lookups in the index: the suggestions must be the
// ones the index alone gives, with few hits and with many, and for words
// the query searched as stems, as themselves, or not at all.
TEST_F(SpellingTest, SuggestsTheSameFromTheSearchStatistics) {
  Xapian::Database db(index_->dir().string());
  auto search = [&db](const char* query, internal::DefaultOp op) {
    auto parsed = internal::ParseQuery(query, op, &db);
    EXPECT_TRUE(parsed.ok()) << query;
    Xapian::Enquire enquire(db);
    enquire.set_query(parsed.ok() ? parsed.value().query : Xapian::Query());
    return enquire.get_mset(0, 10);
  };
  for (const char* query : {"Rud WhatsApp", "rud", "RUD whatsapp", "encrytped westminster",
                            "\"amber rud\"", "Rudd WhatsApp", "the run", "runs parks",
                            "whatsapp marathn", "zzzzzz whatsapp", "rud OR run"}) {
    for (auto op : {internal::DefaultOp::kAnd, internal::DefaultOp::kOr}) {
      const Xapian::MSet mset = search(query, op);
      for (bool few : {false, true}) {
        EXPECT_EQ(internal::SuggestQuery(query, db, {"english"}, few, &mset),
                  internal::SuggestQuery(query, db, {"english"}, few))
            << query << (few ? " (few hits)" : "");
      }
    }
  }
  // Not vacuous: the statistics path does correct.
  const Xapian::MSet mset = search("whatsapp marathn", internal::DefaultOp::kOr);
  EXPECT_EQ(internal::SuggestQuery("whatsapp marathn", db, {"english"}, false, &mset), "whatsapp marathon");
}

// Which candidate ClosestTerm takes when several are within reach: one that
// goes with the other words beats a nearer one that does not; among those
// at one distance that do, the one most often with them relative to its
// own articles, even when a more frequent one came first. Candidates are
// counted against the context nearest first and the farther ones left
// once one fits: these cases fail if that stops too early.
TEST(ClosestTerm, TakesTheNearestCandidateThatFitsTheOtherWords) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  auto add = [&db](std::initializer_list<const char*> terms, int copies) {
    for (int i = 0; i < copies; ++i) {
      Xapian::Document doc;
      for (const char* t : terms) doc.add_term(t);
      db.add_document(doc);
    }
  };
  add({"garden"}, 5);              // one edit from "gardem", never with harbour
  add({"garten", "harbour"}, 1);   // two edits, with harbour
  add({"castor"}, 9);              // one edit from "caster": with island once in 10
  add({"castor", "island"}, 1);
  add({"castes", "island"}, 2);    // one edit too: always with island
  add({"castle"}, 20);             // two edits, the most frequent; never with island
  db.commit();
  auto closest = [&db](const char* word, std::vector<std::string> context) {
    return internal::ClosestTerm(db, word, 1, context, nullptr);
  };
  EXPECT_EQ(closest("gardem", {"harbour"}), "garten");
  EXPECT_EQ(closest("gardem", {}), "garden");        // alone: the nearest
  EXPECT_EQ(closest("caster", {"island"}), "castes");
  EXPECT_EQ(closest("caster", {}), "castor");        // nearest, then most frequent
  EXPECT_EQ(closest("gardem", {"island"}), "garden");  // nothing fits: the nearest
}

// The optimal-string-alignment distance from the whole table, without the
// early exits of the library's.
size_t FullDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                          d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

// FullDistance of every pair of `words`, by their indices: the tests below
// ask for each pair many times (and under the sanitizers, at -O0, computing
// it afresh each time took most of their run).
class FullDistances {
 public:
  explicit FullDistances(const std::vector<std::string>& words) : n_(words.size()) {
    table_.reserve(n_ * n_);
    for (const std::string& a : words)
      for (const std::string& b : words) table_.push_back(FullDistance(a, b));
  }
  size_t operator()(size_t a, size_t b) const { return table_[a * n_ + b]; }

 private:
  size_t n_;
  std::vector<size_t> table_;
};

// Every word over the letters a, b and c of up to five letters, "" first.
std::vector<std::string> WordsOverABC() {
  std::vector<std::string> words = {""};
  for (size_t begin = 0, length = 0; length < 5; ++length) {
    const size_t end = words.size();
    for (size_t i = begin; i < end; ++i)
      for (char c : {'a', 'b', 'c'}) words.push_back(words[i] + c);
    begin = end;
  }
  return words;
}

// For every pair of short words over a small alphabet (where many are
// within reach): both distances are the whole table's, and no word starting
// with a prefix found unreachable is within reach.
TEST(Spelling, UnreachablePrefixNeverHidesAWordWithinReach) {
  const std::vector<std::string> words = WordsOverABC();
  const FullDistances distance(words);
  size_t cut = 0;
  for (size_t max : {1, 2}) {
    for (size_t w = 0; w < words.size(); ++w) {
      const std::string& word = words[w];
      for (size_t t = 0; t < words.size(); ++t) {
        const std::string& term = words[t];
        size_t d = 99;
        const size_t dead = internal::UnreachablePrefix(word, term, max, &d);
        const size_t full = std::min(distance(w, t), max + 1);
        ASSERT_EQ(d, full) << word << " " << term;
        ASSERT_EQ(internal::EditDistance(word, term, max), full) << word << " " << term;
        if (dead == 0) continue;
        ++cut;
        const std::string_view prefix = std::string_view(term).substr(0, dead);
        for (size_t o = 0; o < words.size(); ++o) {
          if (words[o].starts_with(prefix)) {
            ASSERT_GT(distance(w, o), max) << word << " " << words[o];
          }
        }
      }
    }
  }
  EXPECT_GT(cut, 10000u);  // not vacuous
}

// PrefixDistance keeps the rows of the prefix a term shares with the one
// before: in sorted order (as the walks meet terms), in reverse and in a
// shuffled order, after prefixes found unreachable and within reach, it
// answers as a fresh one (UnreachablePrefix) does and as the whole table,
// for longer and shorter terms alike.
TEST(Spelling, PrefixDistanceAnswersAsUnreachablePrefixInAnyOrder) {
  std::vector<std::string> words = WordsOverABC();
  words.push_back("abcabcabca");  // longer than any word: dead past its band
  const FullDistances distance(words);
  // The orders, as indices into `words`.
  std::vector<size_t> sorted(words.size());
  std::iota(sorted.begin(), sorted.end(), size_t{0});
  std::sort(sorted.begin(), sorted.end(), [&](size_t a, size_t b) { return words[a] < words[b]; });
  std::vector<size_t> reversed(sorted.rbegin(), sorted.rend());
  std::vector<size_t> shuffled = sorted;
  std::mt19937 random(7);
  std::shuffle(shuffled.begin(), shuffled.end(), random);
  size_t dead_seen = 0, near_seen = 0;
  for (size_t max : {0, 1, 2, 3}) {
    for (size_t w = 0; w < words.size(); ++w) {
      const std::string& word = words[w];
      for (const auto* order : {&sorted, &reversed, &shuffled}) {
        internal::PrefixDistance reach(word, max);
        for (size_t t : *order) {
          const std::string& term = words[t];
          size_t want_d = 99, got_d = 98;
          const size_t want = internal::UnreachablePrefix(word, term, max, &want_d);
          const size_t got = reach.Reach(term, &got_d);
          ASSERT_EQ(got, want) << word << " " << term << " within " << max;
          ASSERT_EQ(got_d, want_d) << word << " " << term << " within " << max;
          ASSERT_EQ(got_d, std::min(distance(w, t), max + 1)) << word << " " << term;
          dead_seen += got != 0;
          near_seen += got_d <= max;
        }
      }
    }
  }
  EXPECT_GT(dead_seen, 100000u);  // not vacuous either way
  EXPECT_GT(near_seen, 10000u);
}

// The walks over an index's term list and over a list of its words in
// memory, against every term of it: a glass database of the words over a
// small alphabet, some in thousands of articles (posting lists of several
// chunks, which the walk jumps over), with bytes 0xff and a two-byte
// initial, searched for every word of up to four letters over that
// alphabet and one more letter.
class SpellingWalkTest : public testing::TempDirTest {
 protected:
  SpellingWalkTest() : TempDirTest("spelling-walk") {}
};

TEST_F(SpellingWalkTest, FindsEveryTermWithinReach) {
  std::vector<std::string> words = {""};
  for (size_t begin = 0, length = 0; length < 4; ++length) {
    const size_t end = words.size();
    for (size_t i = begin; i < end; ++i)
      for (const char* c : {"a", "b", "c", "\xc3\xa9"}) words.push_back(words[i] + c);
    begin = end;
  }
  words.erase(words.begin());
  std::vector<std::string> terms;
  for (const std::string& w : words)
    if (w.size() % 3 != 0) terms.push_back(w);  // some words left out of the index
  for (const char* t : {"a\xff", "a\xff\xff", "ab\xff", "ab\xff" "a", "b\xff", "\xc3\xff"})
    terms.push_back(t);
  const std::vector<std::string> common = {"ab", "abc", "ba", "\xc3\xa9" "a"};
  {
    fs::create_directories(dir_);
    Xapian::WritableDatabase db((dir_ / "db").string(),
                                Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    constexpr int kArticles = 3000;
    for (int i = 0; i < kArticles; ++i) {
      Xapian::Document doc;
      for (const std::string& t : common) doc.add_term(t);
      for (size_t k = static_cast<size_t>(i); k < terms.size(); k += kArticles)
        doc.add_term(terms[k]);
      db.add_document(doc);
    }
    db.commit();
  }
  Xapian::Database db((dir_ / "db").string());
  ASSERT_EQ(db.get_termfreq("abc"), 3000u);
  words.push_back("x");
  words.push_back("xab");
  size_t found = 0;
  for (size_t max : {1, 2}) {
    for (const std::string& word : words) {
      const std::string initial =
          word.substr(0, static_cast<unsigned char>(word[0]) >= 0x80 ? 2 : 1);
      std::vector<std::tuple<std::string, size_t, Xapian::doccount>> want, got, in_memory;
      std::vector<internal::Vocabulary::Word> list;
      for (auto it = db.allterms_begin(initial); it != db.allterms_end(initial); ++it) {
        list.push_back({*it, it.get_termfreq()});
        const size_t d = internal::EditDistance(word, *it, max);
        if (d <= max && *it != word) want.emplace_back(*it, d, it.get_termfreq());
      }
      internal::ForTermsWithin(db, word, initial, max,
                               [&](const std::string& term, size_t d, Xapian::doccount f) {
                                 got.emplace_back(term, d, f);
                               });
      ASSERT_EQ(got, want) << word << " within " << max;
      // The same walk over the list in memory.
      internal::ForWordsWithin(list, word, max,
                               [&](const std::string& term, size_t d, Xapian::doccount f) {
                                 in_memory.emplace_back(term, d, f);
                               });
      ASSERT_EQ(in_memory, want) << word << " within " << max << ", in memory";
      found += got.size();
    }
  }
  EXPECT_GT(found, 1000u);  // not vacuous
}

// The lists of words a searcher keeps give the suggestions the index gives,
// from the second time an initial is asked for, and are dropped when the
// index moves on.
TEST_F(SpellingTest, TheVocabularyGivesTheIndexsSuggestions) {
  Xapian::Database db(index_->dir().string());
  internal::Vocabulary vocabulary;
  vocabulary.Revise({db.get_revision()});
  EXPECT_EQ(vocabulary.Words(db, "r"), nullptr);  // the first time: read the index
  const auto* words = vocabulary.Words(db, "r");
  ASSERT_NE(words, nullptr);
  std::vector<std::string> terms;
  for (auto it = db.allterms_begin("r"); it != db.allterms_end("r"); ++it) terms.push_back(*it);
  ASSERT_EQ(words->size(), terms.size());
  for (size_t i = 0; i < terms.size(); ++i) {
    EXPECT_EQ((*words)[i].term, terms[i]);
    EXPECT_EQ((*words)[i].freq, db.get_termfreq(terms[i]));
  }
  size_t suggested = 0;
  for (const char* query : {"Rud WhatsApp", "rud", "runn", "rudds", "ru", "urn", "rdu whatsapp",
                            "encrytped westminster", "whatsap", "wahtsapp", "amber rud",
                            "zzzzzz", "polise", "plice acess", "marathn run", "parkk"}) {
    for (bool few : {false, true}) {
      const std::string want = internal::SuggestQuery(query, db, {"english"}, few);
      for (int i = 0; i < 3; ++i)
        EXPECT_EQ(internal::SuggestQuery(query, db, {"english"}, few, nullptr, &vocabulary), want) << query;
      suggested += !want.empty();
    }
  }
  EXPECT_GT(suggested, 10u);
  vocabulary.Revise({db.get_revision() + 1});
  EXPECT_EQ(vocabulary.Words(db, "r"), nullptr);  // dropped
  vocabulary.Revise({});                          // no revisions: nothing kept
  EXPECT_EQ(vocabulary.Words(db, "r"), nullptr);
  EXPECT_EQ(vocabulary.Words(db, "r"), nullptr);
}

// One searcher across commits, over one database and over 4 hash shards
// (a commit changes one shard's revision): a word written after its list of
// words was read is suggested at the next search.
TEST(Searcher, SuggestsWordsCommittedSinceTheLastSearch) {
  for (uint32_t shards : {0u, 4u}) {
    SCOPED_TRACE(shards);
    const WriterOptions options = HashShards(shards);
    Index index("spelling-commits", options);
    index.Add({Make("rudd", "Rudd and WhatsApp", kWire, "https://a.example/r", "2017-03-26")});
    auto searcher = Searcher::Open(index.dir());
    ASSERT_TRUE(searcher.ok());
    EXPECT_EQ(searcher.value().ShardCount() > 1, shards > 0);
    auto suggestion = [&](const char* query) {
      auto r = searcher.value().Search(Query(query));
      EXPECT_TRUE(r.ok()) << query;
      return r.ok() ? r.value().suggestion : std::string("(failed)");
    };
    for (int i = 0; i < 3; ++i) EXPECT_EQ(suggestion("zebrra"), "");  // nothing close
    index.Add({Make("zoo", "Zoo news", "A zebra was born at the zoo.", "https://z.example/1",
                    "2017-05-01")});
    EXPECT_EQ(suggestion("zebrra"), "zebra");
    EXPECT_EQ(suggestion("zebrra"), "zebra");
  }
}

// ---- More like this ------------------------------------------------------------

TEST(Searcher, MoreLikeThis) {
  Index index("like");
  index.Add({
      Make("", "Rudd and WhatsApp", kWire, "https://a.example/wire", "2017-03-26"),
      Make("similar", "Encryption row",
           "The Home Secretary Amber Rudd wants police access to encrypted "
           "WhatsApp messages after the Westminster attack; technology "
           "companies will meet her.",
           "https://b.example/similar", "2017-03-27"),
      Make("other", "Harvest begins",
           "Farmers began the wheat harvest early this year after a warm "
           "spring, and prices fell at the markets.",
           "https://c.example/other", "2017-07-01"),
  });
  // The id is the URL here (no id given).
  for (const std::string like : {"a.example/wire", "https://a.example/wire",
                                 "http://www.a.example/wire/", "/archive/.txt"}) {
    SearchRequest r;
    r.like = like;
    r.collapse_duplicates = false;
    EXPECT_EQ(index.Ids(r), "similar") << like;  // not itself, not unrelated
  }
  SearchRequest filtered;
  filtered.like = "a.example/wire";
  filtered.query = "harvest";
  EXPECT_EQ(index.Ids(filtered), "");

  auto searcher = Searcher::Open(index.dir());
  ASSERT_TRUE(searcher.ok());
  SearchRequest missing;
  missing.like = "no-such-article";
  auto r = searcher.value().Search(missing);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

// ---- Facets --------------------------------------------------------------------

TEST(Searcher, FacetsCountMatchingArticles) {
  Index index("facets");
  index.Add({
      Make("1", "Rudd on WhatsApp", kWire, "https://www.bbc.co.uk/1", "2017-03-26"),
      Make("2", "Police and encryption",
           "\"We need access,\" Amber Rudd said. The police want encrypted "
           "messages opened.",
           "https://www.bbc.co.uk/2", "2018-01-02"),
      Make("3", "Police budget", "The police budget was cut by the council.",
           "https://example.org/3", "2018-05-05"),
      Make("4", "Unrelated", "Nothing about that here at all today.",
           "https://example.org/4", "2019-05-05"),
  });
  SearchRequest r = Query("police");
  r.facets = true;
  SearchResults res = index.Search(r);
  ASSERT_EQ(res.hits.size(), 3u);
  EXPECT_TRUE(res.facets_exact);
  EXPECT_EQ(res.facet_articles, 3u);
  ASSERT_EQ(res.facets.size(), 5u);
  auto render = [](const Facet& f) {
    std::string out = f.name + ":";
    for (const FacetValue& v : f.values) out += " " + v.value + "=" + std::to_string(v.count);
    return out;
  };
  EXPECT_EQ(render(res.facets[2]), "site: bbc.co.uk=2 example.org=1");
  EXPECT_EQ(render(res.facets[3]), "year: 2018=2 2017=1");
  EXPECT_EQ(render(res.facets[4]), "language: en=3");
  // Speakers and organisations: what the extractor found in the hits.
  for (size_t f : {0, 1}) {
    std::map<std::string, uint64_t> expected;
    for (const Hit& h : res.hits)
      for (const std::string& n : f == 0 ? h.speakers : h.organisations) ++expected[n];
    std::map<std::string, uint64_t> got;
    for (const FacetValue& v : res.facets[f].values) got[v.value] = v.count;
    if (expected.size() <= 10) {
      EXPECT_EQ(got, expected) << res.facets[f].name;
    }
  }
  EXPECT_EQ(res.facets[0].name, "speakers");
  EXPECT_EQ(res.facets[1].name, "organisations");

  r.facet_values = 1;
  res = index.Search(r);
  EXPECT_EQ(render(res.facets[2]), "site: bbc.co.uk=2");
  r.facets = false;
  EXPECT_TRUE(index.Search(r).facets.empty());
}

// ---- Reading while a writer commits ---------------------------------------------

TEST(Searcher, SearchesWhileAWriterCommits) {
  Index index("concurrent");
  index.Add({Make("seed", "Rudd on WhatsApp", kWire, "https://a.example/s", "2017-03-26")});
  auto searcher = Searcher::Open(index.dir());
  ASSERT_TRUE(searcher.ok());
  std::atomic<bool> done{false};
  std::thread writer([&] {
    // `done` is set however the writer ends, or the search loop never stops.
    struct SetDone {
      std::atomic<bool>& flag;
      ~SetDone() { flag = true; }
    } set_done{done};
    auto w = IndexWriter::Open(index.dir());
    ASSERT_TRUE(w.ok()) << w.status().message();
    for (int i = 0; i < 60; ++i) {
      std::string n = std::to_string(i);
      ASSERT_TRUE(w.value()
                      .Add(Make("extra" + n, "Extra " + n,
                                "WhatsApp note number " + n + " about zebras.",
                                "https://x.example/" + n, "2017-04-01"))
                      .ok());
      ASSERT_TRUE(w.value().Commit().ok());
    }
    done = true;
  });
  int searches = 0;
  SearchRequest request = Query("whatsapp");
  request.facets = true;
  std::string failure;  // asserted after the join: a joinable thread must not be destroyed
  while (!done || searches < 20) {
    auto r = searcher.value().Search(request);
    if (!r.ok()) failure = r.status().message();
    else if (r.value().hits.empty()) failure = "no hits";
    if (!failure.empty()) break;
    ++searches;
  }
  writer.join();
  ASSERT_EQ(failure, "") << "after " << searches << " searches";
  // The searcher sees the last commit without being reopened by hand.
  auto r = searcher.value().Search(Query("zebras"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().estimated_total, 60u);
}

// A search that takes longer than a writer needs for two commits: every try
// reads a revision that is gone before it ends, so without the commit gate
// (commit_gate.h) each retry loses too (all ten, on the first search, here).
// Facets and snippets of 1,000 hits make the search slow; the writer adds a
// copy of an article and commits, as fast as Xapian can (no fsync), taking
// the gate around each commit as an IndexWriter does (which
// IndexWriter.CommitsWaitWhileASearchHoldsTheGate checks).
TEST(Searcher, ASearchSlowerThanTwoCommitsStillEnds) {
  Index index("slow-search");
  std::mt19937 rnd(7);
  std::vector<Article> base;
  for (int i = 0; i < 3000; ++i) {
    const std::string body = WireWords(rnd, 80);
    const std::string n = std::to_string(i);
    base.push_back(Make("b" + n, "WhatsApp story " + n, body + "WhatsApp.",
                        "https://b.example/" + n, "2017-03-26"));
  }
  index.Add(base);
  auto searcher = Searcher::Open(index.dir());
  ASSERT_TRUE(searcher.ok());
  auto gate = internal::CommitGate::ForWriter(index.dir());
  ASSERT_TRUE(gate.ok()) << gate.status().message();
  std::atomic<bool> done{false};
  std::atomic<int> commits{0};
  std::string writer_failure;  // read after the join
  std::thread writer([&] {
    try {
      Xapian::WritableDatabase db(index.dir().string(),
                                  Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
      std::mt19937 pick(11);
      while (!done) {
        db.add_document(db.get_document(1 + pick() % base.size()));
        const auto shut = gate.value().Exclusive();
        db.commit();
        ++commits;
      }
    } catch (const Xapian::Error& e) {
      writer_failure = e.get_description();
    }
  });
  SearchRequest request = Query("whatsapp");
  request.facets = true;
  request.limit = 1000;  // with their snippets
  std::string failure;
  int searches = 0;
  for (; searches < 30 && failure.empty(); ++searches) {
    auto r = searcher.value().Search(request);
    if (!r.ok()) failure = r.status().message();
    else if (r.value().facet_articles < base.size()) failure = "facets over too few articles";
  }
  done = true;
  writer.join();
  ASSERT_EQ(writer_failure, "");
  EXPECT_EQ(failure, "") << "after " << searches << " searches";
  // The writer went on committing (here about three times a search; how
  // often depends on the machine's load, so only that it did is checked).
  EXPECT_GT(commits.load(), 0);
}

// A long-lived Searcher (its block reads from maps of the files after the
// first search, mapped_reads.h) while the index is compacted in place (a
// new copy exchanged for the old: new files behind the same names) and
// written to between compactions.
TEST(Searcher, SearchesWhileTheIndexIsCompacted) {
  Index index("compacting");
  std::vector<Article> first;
  for (int i = 0; i < 50; ++i) {
    const std::string n = std::to_string(i);
    first.push_back(Make("a" + n, "WhatsApp story " + n, kWire, "https://a.example/" + n,
                         "2017-03-26"));
  }
  index.Add(first);
  auto searcher = Searcher::Open(index.dir());
  ASSERT_TRUE(searcher.ok());
  std::atomic<bool> done{false};
  std::string failure;  // the searching thread's, read after the join
  int searches = 0;
  std::thread reader([&] {
    SearchRequest request = Query("whatsapp police");
    while (!done || searches < 20) {
      auto r = searcher.value().Search(request);
      if (!r.ok()) failure = r.status().message();
      else if (r.value().hits.empty()) failure = "no hits";
      if (!failure.empty()) return;
      ++searches;
    }
  });
  std::string writer_failure;
  for (int round = 0; round < 3 && writer_failure.empty(); ++round) {
    auto compacted = IndexWriter::Compact(index.dir());
    if (!compacted.ok()) writer_failure = "compact: " + compacted.status().message();
    auto w = IndexWriter::Open(index.dir());
    if (!w.ok()) {
      writer_failure = "open: " + w.status().message();
      break;
    }
    for (int i = 0; i < 20; ++i) {
      const std::string n = std::to_string(round) + "-" + std::to_string(i);
      if (!w.value().Add(Make("z" + n, "Zebra " + n, "zebras number " + n, "", "")).ok())
        writer_failure = "add";
    }
    if (!w.value().Commit().ok()) writer_failure = "commit";
  }
  done = true;
  reader.join();
  ASSERT_EQ(writer_failure, "");
  ASSERT_EQ(failure, "") << "after " << searches << " searches";
  // The same Searcher sees the last commit, on the last compacted copy.
  SearchRequest zebras = Query("zebras");
  zebras.limit = 100;
  auto r = searcher.value().Search(zebras);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value().hits.size(), 60u);
}

// The files of the index at `dir` (or of its compaction's scratch copy)
// that this process holds open or mapped after they were deleted.
std::string DeletedFilesHeld(const fs::path& dir) {
  const std::string name = dir.filename().string();
  std::string held;
  auto note = [&](const std::string& what) {
    if (what.find(name) != std::string::npos && what.ends_with(" (deleted)"))
      held += what + "\n";
  };
  for (const auto& e : fs::directory_iterator("/proc/self/fd")) {
    std::error_code ec;
    const fs::path target = fs::read_symlink(e.path(), ec);
    if (!ec) note(target.string());
  }
  std::ifstream maps("/proc/self/maps");
  for (std::string line; std::getline(maps, line);) note(line);
  return held;
}

// Xapian's reopen goes by revision numbers, and a compacted copy starts
// them again. A Searcher opened before the compactions sees each article
// added after one, also when the new copy's revision comes back to the one
// it had open (here every round from the second), and lets go of the old
// copy's files; over one database and over 3 hash shards.
TEST(Searcher, SeesEachCompactedCopyWhateverItsRevision) {
  for (uint32_t shards : {0u, 3u}) {
    SCOPED_TRACE(shards);
    const WriterOptions options = HashShards(shards);
    Index index("recompacted", options);
    index.Add({Make("a", "WhatsApp story", kWire, "https://a.example/1", "2017-03-26")});
    auto searcher = Searcher::Open(index.dir());
    ASSERT_TRUE(searcher.ok());
    std::set<Xapian::rev> revisions;
    for (size_t round = 1; round <= 3; ++round) {
      ASSERT_TRUE(IndexWriter::Compact(index.dir()).ok());
      index.Add({Make("z" + std::to_string(round), "Zebra",
                      "zebras number " + std::to_string(round), "", "")});
      if (shards == 0) revisions.insert(Xapian::Database(index.dir().string()).get_revision());
      EXPECT_EQ(searcher.value().ArticleCount(), round + 1);
      SearchRequest zebras = Query("zebras");
      for (int search = 0; search < 2; ++search) {  // the second from maps
        auto r = searcher.value().Search(zebras);
        ASSERT_TRUE(r.ok()) << r.status().message();
        EXPECT_EQ(r.value().hits.size(), round) << "round " << round;
      }
      EXPECT_EQ(DeletedFilesHeld(index.dir()), "") << "round " << round;
    }
    // What the rounds test: the revision numbers repeat.
    if (shards == 0) {
      EXPECT_EQ(revisions.size(), 1u);
    }
  }
}

// An index deleted and built again in its folder with another layout (one
// database, hash shards of another count) while a Searcher holds it: the
// Searcher reads the new list of shards and searches the new index, and
// lets go of the old one's files.
TEST(Searcher, FollowsTheIndexBuiltAgainWithAnotherLayout) {
  const fs::path dir = fs::temp_directory_path() / ("newsarc-relaid-" + std::to_string(getpid()));
  fs::remove_all(dir);
  struct Cleanup {
    fs::path dir;
    ~Cleanup() { fs::remove_all(dir); }
  } cleanup{dir};
  auto build = [&dir](uint32_t shards, const std::string& word) {
    fs::remove_all(dir);
    auto writer = IndexWriter::Open(dir, HashShards(shards));
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    for (int i = 0; i < 4; ++i) {
      const std::string id = word + std::to_string(i);
      const Article a = Make(id, "Layout " + word, word + " story " + id, "", "");
      ASSERT_TRUE(writer.value().Add(a).ok());
    }
    ASSERT_TRUE(writer.value().Commit().ok());
  };
  build(0, "first");
  auto searcher = Searcher::Open(dir);
  ASSERT_TRUE(searcher.ok()) << searcher.status().message();
  const std::vector<std::pair<uint32_t, std::string>> layouts = {
      {3, "second"}, {2, "third"}, {0, "fourth"}, {2, "fifth"}};
  std::string before = "first";
  for (const auto& [shards, word] : layouts) {
    SCOPED_TRACE(word);
    build(shards, word);
    for (int search = 0; search < 2; ++search) {  // the one that follows, then another
      auto found = searcher.value().Search(Query(word));
      ASSERT_TRUE(found.ok()) << found.status().message();
      EXPECT_EQ(found.value().hits.size(), 4u);
      auto gone = searcher.value().Search(Query(before));
      ASSERT_TRUE(gone.ok()) << gone.status().message();
      EXPECT_EQ(gone.value().hits.size(), 0u);
    }
    // A sharded index lists its metadata database too.
    EXPECT_EQ(searcher.value().ShardCount(), shards == 0 ? 1u : shards + 1u);
    EXPECT_EQ(searcher.value().ArticleCount(), 4u);
    EXPECT_EQ(DeletedFilesHeld(dir), "");
    before = word;
  }
  // Removed: said as for an index never built; built again: found.
  fs::remove_all(dir);
  auto none = searcher.value().Search(Query(before));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(none.status().message(), "no index at " + dir.string());
  // Built again with another layout, then removed and built again with the
  // same one.
  for (const std::string word : {"sixth", "seventh"}) {
    build(3, word);
    auto again = searcher.value().Search(Query(word));
    ASSERT_TRUE(again.ok()) << again.status().message();
    EXPECT_EQ(again.value().hits.size(), 4u);
    EXPECT_EQ(DeletedFilesHeld(dir), "");
    fs::remove_all(dir);
    ASSERT_FALSE(searcher.value().Search(Query(word)).ok());
  }
}

}  // namespace
}  // namespace newsarc
