#include "document_builder.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <set>
#include <string>

#include "schema.h"
#include "stored_fields.h"

namespace newsarc::internal {
namespace {

std::set<std::string> Terms(const Xapian::Document& doc) {
  std::set<std::string> terms;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.insert(*it);
  return terms;
}

Article Sample() {
  Article a;
  a.title = "Café owners in Zürich protest";
  a.body = "“We will not close,” Home Secretary Amber Rudd said on Tuesday.\n\nThe Metropolitan Police "
           "said officers were encrypting messages.";
  a.url = "http://www.example.co.uk/news/cafe";
  a.date = "Wed, 29 Mar 2017 10:00:00 GMT";
  a.version = 2;
  a.source_path = "/data/cafe.txt";
  return a;
}

TEST(BuildDocument, WritesTheTermsTheSchemaPromises) {
  const BuiltDocument b = BuildDocument(Sample());
  const auto terms = Terms(b.document);
  for (const char* want :
       {"Scafe", "cafe", "zurich", "Zzurich", "Szurich", "encrypting", "Zencrypt",
        "Hexample.co.uk", "Len", "XY2017", "Qexample.co.uk/news/cafe", "XF/data/cafe.txt"})
    EXPECT_TRUE(terms.count(want)) << "missing " << want;
  EXPECT_FALSE(terms.count("Café")) << "text must be folded before indexing";
  EXPECT_EQ(b.document.get_value(schema::kSlotDate), "20170329");
  EXPECT_EQ(b.id, "example.co.uk/news/cafe");
  EXPECT_EQ(b.version, 2);
}

TEST(BuildDocument, InitialismsAreOneWord) {
  Article a = Sample();
  a.title = "U.S. troops";
  a.body = "Sent by the U.K. to the U.N , with e.g. Route 6.5.";
  const auto terms = Terms(BuildDocument(a).document);
  for (const char* want : {"us", "Sus", "uk", "un", "eg", "6.5"})
    EXPECT_TRUE(terms.count(want)) << "missing " << want;
  for (const char* unwanted : {"u", "s", "k", "n", "Su"})
    EXPECT_FALSE(terms.count(unwanted)) << unwanted;
}

TEST(BuildDocument, HyphenatedCompoundsAreAlsoOneWord) {
  Article a = Sample();
  a.title = "Cease-fire holds";
  a.body = "Sent by e-mail, not by email.";
  const Xapian::Document doc = BuildDocument(a).document;
  const auto terms = Terms(doc);
  const Xapian::Stem english("english");
  // The parts as before, and the joined word with its stem, in the title
  // field and the body alike.
  for (const std::string& want :
       {std::string("e"), std::string("mail"), std::string("Scease"), std::string("Sfire"),
        std::string("ceasefire"), "Z" + english("ceasefire"), std::string("Sceasefire"),
        "ZS" + english("ceasefire"), std::string("email"), std::string("Zemail")})
    EXPECT_TRUE(terms.count(want)) << "missing " << want;
  auto positions = [&doc](const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    std::vector<Xapian::termpos> out;
    if (it != doc.termlist_end() && *it == term)
      out.assign(it.positionlist_begin(), it.positionlist_end());
    return out;
  };
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    // "email": written once, and once more for "e-mail".
    if (*it == "email") {
      EXPECT_EQ(it.get_wdf(), 2u);
    }
    if (*it == "ceasefire") {
      EXPECT_EQ(it.get_wdf(), schema::kTitleWdf);
    }
  }
  // The joined word stands where the first part and where the last part
  // stand (no wdf for those), and where it is written itself; in each field.
  const std::vector<Xapian::termpos> e = positions("e"), mail = positions("mail");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_EQ(mail, std::vector<Xapian::termpos>{e[0] + 1});
  const std::vector<Xapian::termpos> email = positions("email");
  ASSERT_EQ(email.size(), 3u);
  EXPECT_EQ(email[0], e[0]);
  EXPECT_EQ(email[1], e[0] + 1);
  EXPECT_GT(email[2], e[0] + 1);  // "not by email"
  const std::vector<Xapian::termpos> scease = positions("Scease"), sfire = positions("Sfire");
  ASSERT_EQ(scease.size(), 1u);
  ASSERT_EQ(sfire.size(), 1u);
  EXPECT_EQ(positions("Sceasefire"), (std::vector<Xapian::termpos>{scease[0], sfire[0]}));
  const std::vector<Xapian::termpos> title = positions("ceasefire");
  ASSERT_EQ(title.size(), 2u);
  EXPECT_EQ(title[1], title[0] + 1);
  EXPECT_EQ(positions("cease"), std::vector<Xapian::termpos>{title[0]});
  // Not the stems: they carry no positions (STEM_SOME).
  EXPECT_TRUE(positions("Zemail").empty());
}

TEST(BuildDocument, TitleWordsWeighMoreThanBodyWords) {
  const BuiltDocument b = BuildDocument(Sample());
  Xapian::termcount title_wdf = 0, body_wdf = 0;
  for (auto it = b.document.termlist_begin(); it != b.document.termlist_end(); ++it) {
    if (*it == "zurich") title_wdf = it.get_wdf();
    if (*it == "tuesday") body_wdf = it.get_wdf();
  }
  EXPECT_EQ(title_wdf, schema::kTitleWdf);
  EXPECT_EQ(body_wdf, 1u);
}

TEST(BuildDocument, StoresDisplayFields) {
  const BuiltDocument b = BuildDocument(Sample());
  const auto f = LoadFields(b.document);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->title, "Café owners in Zürich protest");
  EXPECT_EQ(f->date, "2017-03-29");
  EXPECT_EQ(f->site, "example.co.uk");
  EXPECT_EQ(f->path, "/data/cafe.txt");
  EXPECT_EQ(f->language, "en");
}

TEST(BuildDocument, EntitiesBecomeWholeNameAndWordTerms) {
  const BuiltDocument b = BuildDocument(Sample());
  const auto terms = Terms(b.document);
  ASSERT_FALSE(b.extraction.speakers.empty());
  EXPECT_TRUE(terms.count("XSPamber rudd"));
  EXPECT_TRUE(terms.count("XSWrudd"));
  EXPECT_TRUE(terms.count("XORmetropolitan police"));
  EXPECT_TRUE(terms.count("XOWpolice"));
}

TEST(BuildDocument, UnknownLanguageIsStemmedLikeTheQueries) {
  Article a;
  a.title = "Zebras";
  a.body = "Zebras seen.";
  a.source_path = "/x";
  const auto terms = Terms(BuildDocument(a).document);
  EXPECT_TRUE(terms.count("Zzebra"));
  EXPECT_FALSE(std::any_of(terms.begin(), terms.end(),
                           [](const std::string& t) { return t.rfind("L", 0) == 0; }));
}

TEST(BuildDocument, GivenLanguageWinsAndCjkIsIndexed) {
  Article a = Sample();
  a.language = "fr-FR";
  EXPECT_TRUE(Terms(BuildDocument(a).document).count("Lfr"));
  a.language = "French";  // a name, as some crawlers give it
  EXPECT_TRUE(Terms(BuildDocument(a).document).count("Lfr"));
  a.language = "ger";
  EXPECT_TRUE(Terms(BuildDocument(a).document).count("Lde"));
  a.language = "Klingon";  // neither code nor name: detected (English)
  EXPECT_TRUE(Terms(BuildDocument(a).document).count("Len"));
  Article b;
  b.title = "東京 2020";
  b.body = "東京都は新しい計画を発表した。";
  b.source_path = "/x";
  const auto terms = Terms(BuildDocument(b).document);
  EXPECT_TRUE(terms.count("Lja"));
  EXPECT_TRUE(terms.count("東京") || terms.count("東"));
}

}  // namespace
}  // namespace newsarc::internal
