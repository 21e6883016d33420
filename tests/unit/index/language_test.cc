#include "language.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace newsarc::internal
