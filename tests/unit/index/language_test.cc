#include "language.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "schema.h"

namespace newsarc::internal {
namespace {

TEST(DetectLanguage, CommonLanguages) {
  EXPECT_EQ(DetectLanguage("The minister said that the police would investigate the attack "
                           "and it was a matter for the courts."),
            "en");
  EXPECT_EQ(DetectLanguage("Le ministre a dit que la police est dans une enquête sur les "
                           "attaques et pour le moment pas de suspects."),
            "fr");
  EXPECT_EQ(DetectLanguage("Der Minister sagte, dass die Polizei den Angriff nicht mit der "
                           "Regierung und den Behörden untersuchen wird."),
            "de");
  EXPECT_EQ(DetectLanguage("Министр заявил, что полиция расследует нападение."), "ru");
  EXPECT_EQ(DetectLanguage("東京都は新しい計画を発表した。"), "ja");
  EXPECT_EQ(DetectLanguage("12345 67890"), "");
  EXPECT_EQ(DetectLanguage(""), "");
}

TEST(LanguageCode, CodesTagsAndNames) {
  EXPECT_EQ(LanguageCode("en"), "en");
  EXPECT_EQ(LanguageCode(" EN "), "en");
  EXPECT_EQ(LanguageCode("en-GB"), "en");
  EXPECT_EQ(LanguageCode("EN_us"), "en");
  EXPECT_EQ(LanguageCode("zh-Hant-TW"), "zh");
  EXPECT_EQ(LanguageCode("eng"), "en");  // ISO 639-2
  EXPECT_EQ(LanguageCode("fre"), "fr");  // its bibliographic form
  EXPECT_EQ(LanguageCode("ger"), "de");
  EXPECT_EQ(LanguageCode("iw"), "he");   // withdrawn code
  EXPECT_EQ(LanguageCode("haw"), "haw");  // no two-letter code
  EXPECT_EQ(LanguageCode("English"), "en");
  EXPECT_EQ(LanguageCode("german"), "de");
  EXPECT_EQ(LanguageCode("Deutsch"), "de");   // its own name
  EXPECT_EQ(LanguageCode("français"), "fr");
  EXPECT_EQ(LanguageCode("FRANCAIS"), "fr");  // accents and case ignored
  EXPECT_EQ(LanguageCode("Ελληνικά"), "el");
  EXPECT_EQ(LanguageCode("Norwegian Bokmål"), "nb");
  EXPECT_EQ(LanguageCode("English (United States)"), "en");  // a locale's name
  EXPECT_EQ(LanguageCode("English (US"), "");
  EXPECT_EQ(LanguageCode("klingon"), "");
  EXPECT_EQ(LanguageCode("englsh"), "");
  EXPECT_EQ(LanguageCode("e"), "");
  EXPECT_EQ(LanguageCode("en GB"), "");
  EXPECT_EQ(LanguageCode(""), "");
  EXPECT_EQ(LanguageCode(std::string(200, 'a')), "");
}

TEST(StemmerFor, MapsCodesToXapianNames) {
  EXPECT_EQ(StemmerFor("en"), "english");
  EXPECT_EQ(StemmerFor("EN-gb"), "english");
  EXPECT_EQ(StemmerFor("fr"), "french");
  EXPECT_EQ(StemmerFor("zh"), "");
  EXPECT_EQ(StemmerFor("el"), "");  // Xapian 1.4 has no Greek stemmer
  EXPECT_EQ(StemmerFor(""), "");
  EXPECT_EQ(StemmerFor("fil"), "");  // Filipino, not Finnish
}

// An in-memory index of `counts` articles per language ("" = unknown: no
// language term or value).
Xapian::Database Languages(const std::vector<std::pair<std::string, int>>& counts) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const auto& [code, n] : counts) {
    for (int i = 0; i < n; ++i) {
      Xapian::Document doc;
      doc.add_term("word");
      if (!code.empty()) {  // as document_builder.cc writes them
        doc.add_boolean_term("L" + code);
        doc.add_value(schema::kSlotLanguage, code);
      }
      db.add_document(doc);
    }
  }
  return db;
}

TEST(QueryLanguages, OtherLanguagesOfOnePercentMostFirst) {
  using V = std::vector<std::string>;
  EXPECT_EQ(QueryLanguages(Languages({})), V{});
  EXPECT_EQ(QueryLanguages(Languages({{"en", 500}})), V{});
  EXPECT_EQ(QueryLanguages(Languages({{"en", 5}, {"", 5}})), V{});
  EXPECT_EQ(QueryLanguages(Languages({{"hu", 3}})), V{"hu"});
  // 1% of 500 articles is 5: Danish has 4, German 5.
  EXPECT_EQ(QueryLanguages(Languages({{"en", 491}, {"da", 4}, {"de", 5}})), V{"de"});
  // Articles of unknown language count in the whole, for no language.
  EXPECT_EQ(QueryLanguages(Languages({{"en", 300}, {"", 190}, {"de", 10}, {"ru", 40}})),
            (V{"ru", "de"}));
  // Ties by code; at most 8.
  std::vector<std::pair<std::string, int>> many = {{"en", 10}};
  for (const char* code : {"ar", "da", "de", "el", "es", "fi", "fr", "hu", "it", "ru"})
    many.emplace_back(code, 2);
  many.emplace_back("th", 3);
  EXPECT_EQ(QueryLanguages(Languages(many)),
            (V{"th", "ar", "da", "de", "el", "es", "fi", "fr"}));
}

}  // namespace
}  // namespace newsarc::internal
