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

TEST(StemmerFor, MapsCodesToXapianNames) {
  EXPECT_EQ(StemmerFor("en"), "english");
  EXPECT_EQ(StemmerFor("EN-gb"), "english");
  EXPECT_EQ(StemmerFor("fr"), "french");
  EXPECT_EQ(StemmerFor("zh"), "");
  EXPECT_EQ(StemmerFor("el"), "");  // Xapian 1.4 has no Greek stemmer
  EXPECT_EQ(StemmerFor(""), "");
}

}  // namespace
}  // namespace newsarc::internal
