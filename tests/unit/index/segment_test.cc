#include "segment.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace newsarc::internal {
namespace {

TEST(SpaceOutWords, ThaiAndItsNeighboursWordByWord) {
  // Thai is written without spaces between words; ICU's dictionary finds
  // them ("hello" + polite particle; "Thai language" = "language" + "Thai").
  EXPECT_EQ(SpaceOutWords("สวัสดีครับ"), "สวัสดี ครับ");
  EXPECT_EQ(SpaceOutWords("ภาษาไทย"), "ภาษา ไทย");
  // Other text stays as it is, around and between the runs.
  EXPECT_EQ(SpaceOutWords("tlug: ภาษาไทย 2548, ok"), "tlug: ภาษา ไทย 2548, ok");
  EXPECT_EQ(SpaceOutWords("สวัสดีครับ\n\nภาษาไทย"), "สวัสดี ครับ\n\nภาษา ไทย");
  // Lao, the same way.
  EXPECT_EQ(SpaceOutWords("ພາສາລາວ"), "ພາສາ ລາວ");
}

TEST(SpaceOutWords, EverythingElseUnchanged) {
  for (const std::string& text :
       {std::string(), std::string("plain ascii text"), std::string("Zürich, Москва, Αθήνα"),
        std::string("東京 中文 한국어"),  // Xapian's own n-grams
        std::string("broken \xE0\xB8 utf-8 \xE1"), std::string("\xE0\xB8\x81\xFF\xE0\xB8\x82")}) {
    EXPECT_EQ(SpaceOutWords(text), text) << text;
  }
}

TEST(MayHoldUnspaced, ByTheirLeadBytes) {
  EXPECT_TRUE(MayHoldUnspaced("tlug: ภาษาไทย"));  // Thai: 0xE0
  EXPECT_TRUE(MayHoldUnspaced("ພາສາລາວ"));        // Lao: 0xE0
  EXPECT_TRUE(MayHoldUnspaced("ភាសាខ្មែរ"));        // Khmer: 0xE1
  EXPECT_TRUE(MayHoldUnspaced("a \xE1"));         // a lead byte alone is enough
  EXPECT_FALSE(MayHoldUnspaced(""));
  EXPECT_FALSE(MayHoldUnspaced("plain ascii text, Zürich, Москва, Αθήνα"));
  EXPECT_FALSE(MayHoldUnspaced("東京 中文 한국어"));  // lead bytes 0xE4 to 0xED
  EXPECT_FALSE(MayHoldUnspaced(std::string_view("\0\xE2\x80\x99", 4)));
}

TEST(WordBreaks, WhereTheSpacesGo) {
  const std::string text = "ขอเชิญร่วมสัมมนา";  // "ขอ เชิญ ร่วม สัมมนา"
  std::string spaced;
  size_t from = 0;
  for (size_t b : WordBreaks(text)) {
    spaced += text.substr(from, b - from) + " ";
    from = b;
  }
  spaced += text.substr(from);
  EXPECT_EQ(spaced, SpaceOutWords(text));
  EXPECT_EQ(WordBreaks(text).size(), 3u);
  EXPECT_TRUE(WordBreaks("plain ascii text").empty());
  EXPECT_TRUE(WordBreaks("broken \xE0\xB8 utf-8 \xE1").empty());
}

}  // namespace
}  // namespace newsarc::internal
