#include "newsarc/normalizer.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace newsarc {
namespace {

struct FoldCase {
  const char* input;
  const char* folded;
};

TEST(FoldText, FoldsCaseDiacriticsQuotesAndCompatibilityForms) {
  const FoldCase cases[] = {
      {"Zürich", "zurich"},
      {"CAFÉ café", "cafe cafe"},
      {"Masood’s", "masood's"},
      {"Masood's", "masood's"},
      {"“Amber Rudd”", "\"amber rudd\""},
      {"Straße", "strasse"},
      {"Øresund Łódź", "oresund lodz"},
      {"ﬁnance", "finance"},           // ligature (NFKC)
      {"Ｗｈａｔｓａｐｐ", "whatsapp"},  // full width (NFKC)
      {"Brudziński", "brudzinski"},
      {"ÆTHER", "aether"},
      {"plain ascii Text", "plain ascii text"},
      {"Ελληνικά", "ελληνικα"},
      {"Москва", "москва"},
      {"東京", "東京"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(FoldText(c.input), c.folded) << c.input;
}

TEST(FoldText, KeepsMarksThatArePartOfTheSpelling) {
  // Devanagari vowel signs and virama are non-spacing marks too.
  const std::string hindi = "हिन्दी";
  EXPECT_EQ(FoldText(hindi), hindi);
}

TEST(FoldText, InvalidUtf8BecomesReplacementCharacter) {
  const std::string out = FoldText("caf\xe9 ok");
  EXPECT_TRUE(IsValidUtf8(out));
  EXPECT_NE(out.find("ok"), std::string::npos);
}

TEST(FoldKey, CollapsesPunctuationAndSpace) {
  const FoldCase cases[] = {
      {"  Amber  Rudd ", "amber rudd"},
      {"Metropolitan Police,", "metropolitan police"},
      {"AT&T", "at&t"},
      {"Jean-Claude Juncker", "jean-claude juncker"},
      {"U.S. Congress", "u.s congress"},
      {"O’Brien", "o'brien"},
      {"\"Quoted\"", "quoted"},
      {"-leading dash", "leading dash"},
  };
  for (const auto& c : cases) EXPECT_EQ(FoldKey(c.input), c.folded) << c.input;
}

// ASCII keys skip ICU: they must come out as the ICU path makes them. A
// bullet at the end (punctuation, which the key drops, as it drops the end
// of the text) sends the same text down the ICU path.
TEST(FoldKey, AsciiTextFoldsAsThroughIcu) {
  const std::string alphabet = "aZk09 .-'`&,\"_/\t\x01\x7f";
  std::mt19937 random(7);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const size_t length = random() % 12;
    for (size_t i = 0; i < length; ++i) s += alphabet[random() % alphabet.size()];
    EXPECT_EQ(FoldKey(s), FoldKey(s + "\u2022")) << '[' << s << ']';
  }
}

// Found by fuzz_normalizer: the base character (unassigned U+0A55) was
// dropped and its virama kept alone, which FoldText then removed.
TEST(FoldKey, IsIdempotentWhenAMarkLosesItsBase) {
  const std::string input = "\xe0\xa9\x95\xe0\xa5\x8d";
  const std::string key = FoldKey(input);
  EXPECT_EQ(FoldKey(key), key);
  EXPECT_EQ(FoldKey("हिन्दी"), "हिन्दी");
  // A joiner whose left neighbour was dropped: U+0603 U+0613 "`J".
  const std::string joiner = FoldKey("\xd8\x83\xd8\x93`J");
  EXPECT_EQ(FoldKey(joiner), joiner);
}

TEST(CleanText, MakesValidNfcAndDropsControlCharacters) {
  EXPECT_EQ(CleanText("e\xcc\x81"), "\xc3\xa9");  // e + combining acute -> é
  EXPECT_EQ(CleanText("a\r\nb\x01"), "a\nb ");
  EXPECT_EQ(CleanText("curly ’quotes’ stay"), "curly ’quotes’ stay");
  const std::string bad = CleanText("bad \xff\xfe bytes");
  EXPECT_TRUE(IsValidUtf8(bad));
}

TEST(IsValidUtf8, RejectsMalformedSequences) {
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("Zürich 東京"));
  EXPECT_FALSE(IsValidUtf8("\xc3"));          // truncated
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));  // surrogate
  EXPECT_FALSE(IsValidUtf8("\xff"));
}

}  // namespace
}  // namespace newsarc
