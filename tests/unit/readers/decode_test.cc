#include "readers/decode.h"

#include <gtest/gtest.h>

#include <string>

namespace newsarc::indexer {
namespace {

using namespace std::string_literals;

TEST(IsUtf8Test, Table) {
  struct Case {
    std::string bytes;
    bool valid;
  } cases[] = {
      {"", true},
      {"caf\xc3\xa9", true},
      {"caf\xe9", false},
      {"\xc0\xaf", false},          // overlong '/'
      {"\xed\xa0\x80", false},      // surrogate
      {"\xf4\x90\x80\x80", false},  // above U+10FFFF
      {"\xf0\x9f\x98\x80", true},   // emoji
      {"\xe2\x80", false},          // truncated
  };
  for (const Case& c : cases) EXPECT_EQ(IsUtf8(c.bytes), c.valid) << c.bytes;
}

TEST(DecodeToUtf8Test, Table) {
  struct Case {
    std::string bytes;
    std::string want;
  } cases[] = {
      {"plain", "plain"},
      {"\xef\xbb\xbf"
       "bom",
       "bom"},
      {"caf\xe9 cr\xe8me br\xfbl\xe9"
       "e",
       "caf\xc3\xa9 cr\xc3\xa8me br\xc3\xbbl\xc3\xa9"
       "e"},
      // windows-1252 curly quotes, not ISO-8859-1 C1 controls.
      {"\x93quoted\x94 it\x92s",
       "\xe2\x80\x9cquoted\xe2\x80\x9d it\xe2\x80\x99s"},
      {"\xff\xfe"
       "c\0a\0f\0\xe9\0"s,
       "caf\xc3\xa9"},
      {"\xfe\xff\0c\0a\0f\0\xe9"s, "caf\xc3\xa9"},
      {"a\r\nb\rc", "a\nb\nc"},
      {"nul\0bell\a"s, "nulbell"},
  };
  for (const Case& c : cases) {
    std::string got = DecodeToUtf8(c.bytes);
    EXPECT_EQ(got, c.want);
    EXPECT_TRUE(IsUtf8(got));
  }
}

TEST(DecodeToUtf8Test, LongerLatin1TextIsDetected) {
  std::string latin1 =
      "Le gar\xe7on a command\xe9 un caf\xe9 et une cr\xe8me br\xfbl\xe9"
      "e \xe0 "
      "la terrasse, pr\xe8s de la fen\xeatre. Il \xe9tait tr\xe8s content.";
  std::string got = DecodeToUtf8(latin1);
  EXPECT_TRUE(IsUtf8(got));
  EXPECT_NE(got.find("gar\xc3\xa7on"), std::string::npos) << got;
}

TEST(SanitizeUtf8Test, ReplacesInvalidBytes) {
  EXPECT_EQ(SanitizeUtf8("a\xff"
                         "b"),
            "a\xef\xbf\xbd"
            "b");
  EXPECT_EQ(SanitizeUtf8("\xed\xa0\x80"),
            "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
}

TEST(RecordDecoderTest, KeepsTheCharsetOfTheFirstBadRecord) {
  RecordDecoder decoder;
  EXPECT_EQ(decoder.Decode("ascii"), "ascii");
  EXPECT_EQ(decoder.Decode("caf\xe9"), "caf\xc3\xa9");
  EXPECT_EQ(decoder.Decode("na\xefve"), "na\xc3\xafve");
  EXPECT_EQ(decoder.Decode("caf\xc3\xa9"), "caf\xc3\xa9");  // UTF-8 stays
}

TEST(ConvertToUtf8Test, UnknownCharsetFallsBackToWindows1252) {
  EXPECT_EQ(ConvertToUtf8("caf\xe9", "no-such-charset"), "caf\xc3\xa9");
}

}  // namespace
}  // namespace newsarc::indexer
