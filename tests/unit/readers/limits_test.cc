// Bad and huge input (issue 6): line and article limits, binary files,
// control characters, UTF-16 without a BOM.
#include <gtest/gtest.h>

#include <string>

#include "reader_test_util.h"
#include "readers/byte_source.h"
#include "readers/decode.h"
#include "readers/reader.h"

namespace newsarc::indexer {
namespace {

using testing::ReadAs;
using testing::ReadOne;

TEST(LineReader, CutsALongLineAndSkipsItsRest) {
  LineReader lines(NewMemorySource("short\n" + std::string(100000, 'x') + "\nafter\n"), 1000);
  std::string line;
  ASSERT_TRUE(lines.Next(&line).value());
  EXPECT_EQ(line, "short\n");
  EXPECT_FALSE(lines.truncated());
  ASSERT_TRUE(lines.Next(&line).value());
  EXPECT_EQ(line.size(), 1000u);
  EXPECT_TRUE(lines.truncated());
  EXPECT_EQ(lines.line_number(), 2u);
  ASSERT_TRUE(lines.Next(&line).value());
  EXPECT_EQ(line, "after\n");
  EXPECT_FALSE(lines.truncated());
  EXPECT_EQ(lines.line_number(), 3u);
  EXPECT_FALSE(lines.Next(&line).value());
}

TEST(LineReader, LongLastLineWithoutNewline) {
  LineReader lines(NewMemorySource(std::string(5000, 'x')), 1000);
  std::string line;
  ASSERT_TRUE(lines.Next(&line).value());
  EXPECT_TRUE(lines.truncated());
  EXPECT_FALSE(lines.Next(&line).value());
}

TEST(Limits, JsonLineLongerThanTheLimitIsReportedAndSkipped) {
  const std::string good = R"({"title": "Good", "text": "body"})";
  const std::string huge = R"({"title": "Huge", "text": ")" +
                           std::string(kMaxArticleBytes, 'a') + "\"}";
  auto items = ReadAs("big.jsonl", good + "\n" + huge + "\n" + good + "\n");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(items[0].ok);
  EXPECT_EQ(items[1].error, "big.jsonl:2: line longer than 16 MiB");
  EXPECT_TRUE(items[2].ok);
}

TEST(Limits, TextArticleIsCutAtTheLimitAndReported) {
  std::string text = "Title\n\n";
  while (text.size() <= kMaxArticleBytes) text += "word word word.\n\n";
  auto items = ReadAs("big.txt", text);
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].ok);
  EXPECT_EQ(items[0].article.title, "Title");
  EXPECT_LE(items[0].article.body.size(), kMaxArticleBytes);
  EXPECT_EQ(items[0].article.body.substr(items[0].article.body.size() - 5), "word.");
  EXPECT_EQ(items[1].error, "big.txt:1: longer than 16 MiB: only the first 16 MiB were indexed");
}

TEST(Limits, CsvRowLongerThanTheLimitIsReported) {
  const std::string csv = "title,text\nA,\"" + std::string(kMaxArticleBytes + 10, 'b') +
                          "\"\nB,good\n";
  auto items = ReadAs("big.csv", csv);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].error, "big.csv:2: row too long");
  ASSERT_TRUE(items[1].ok);
  EXPECT_EQ(items[1].article.title, "B");
}

TEST(Binary, RandomBytesAreRefusedTextIsNot) {
  std::string random;
  uint32_t x = 12345;
  for (int i = 0; i < 8192; ++i) {
    x = x * 1103515245 + 12345;
    random += static_cast<char>(x >> 24);
  }
  EXPECT_TRUE(LooksBinary(random));
  auto reader = OpenReaderFromMemory("x.txt", random);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().message(), "x.txt: a binary file, not text");
  EXPECT_FALSE(LooksBinary("Title\n\nSome text with a NUL\0 and an \x1b[31mescape.\n"));
  EXPECT_FALSE(LooksBinary(std::string("\xff\xfeT\0i\0t\0", 8)));
  EXPECT_FALSE(LooksBinary(std::string("T\0i\0t\0l\0e\0\n\0", 12)));
  EXPECT_FALSE(LooksBinary(""));
}

TEST(Decode, C1ControlsAndEscapesAreDropped) {
  EXPECT_EQ(SanitizeUtf8("a\x1b[31mb\xc2\x9b" "2Jc\xc2\x85" "d\xc2\xa0" "e"),
            "a[31mb2Jcd\xc2\xa0" "e");
}

TEST(Decode, Utf16WithoutBomInATextFile) {
  const std::string u16("T\0i\0t\0l\0e\0\n\0\n\0B\0o\0d\0y\0\n\0", 24);
  Article a = ReadOne("x.txt", u16);
  EXPECT_EQ(a.title, "Title");
  EXPECT_EQ(a.body, "Body");
}

}  // namespace
}  // namespace newsarc::indexer
