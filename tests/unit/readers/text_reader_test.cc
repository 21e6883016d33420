#include <gtest/gtest.h>

#include <string>

#include "reader_test_util.h"
#include "readers/archive_text_reader.h"
#include "readers/article_text.h"

namespace newsarc::indexer {
namespace {

using testing::Gzip;
using testing::ReadAs;
using testing::ReadOne;
using namespace std::string_literals;

const std::string kArchive =
    "Title here\n\nhttp://example.com/a.html\n\nVersion 2 of 3.\n\n"
    "First paragraph.\n\nSecond paragraph.\n";

TEST(ArchiveTextTest, ReadsTheFormat) {
  Article a = ReadOne("dir/a.txt", kArchive);
  EXPECT_EQ(a.title, "Title here");
  EXPECT_EQ(a.url, "http://example.com/a.html");
  EXPECT_EQ(a.version, 2);
  EXPECT_EQ(a.body, "First paragraph.\n\nSecond paragraph.");
  EXPECT_EQ(a.source_path, "dir/a.txt");
  EXPECT_EQ(a.record, 0u);
  EXPECT_EQ(a.id, "");
}

TEST(ArchiveTextTest, ToleratesCrlfBomTrailingSpacesAndMissingBlankLines) {
  struct Case {
    std::string name, bytes;
  } cases[] = {
      {"crlf",
       "Title here\r\n\r\nhttp://example.com/a.html\r\n\r\nVersion 2 of "
       "3.\r\n\r\n"
       "First paragraph.\r\n\r\nSecond paragraph.\r\n"},
      {"bom", "\xef\xbb\xbf" + kArchive},
      {"trailing spaces",
       "Title here  \n \nhttp://example.com/a.html \n\nVersion 2 of 3. \n\n"
       "First paragraph.  \n   \nSecond paragraph.\t\n"},
      {"missing blank lines",
       "Title here\nhttp://example.com/a.html\nVersion 2 of 3.\n"
       "First paragraph.\n\n\n\nSecond paragraph."},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Article a = ReadOne("a.txt", c.bytes);
    EXPECT_EQ(a.title, "Title here");
    EXPECT_EQ(a.url, "http://example.com/a.html");
    EXPECT_EQ(a.version, 2);
    EXPECT_EQ(a.body, "First paragraph.\n\nSecond paragraph.");
  }
}

TEST(ArchiveTextTest, SeedExcerptFromTestdata) {
  auto reader = OpenReader(testing::TestData("seed_excerpt.txt"));
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  auto items = testing::Drain(*reader.value());
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].ok) << items[0].error;
  const Article& a = items[0].article;
  EXPECT_EQ(a.title.substr(0, 26), "Google, Microsoft, Faceboo");
  EXPECT_EQ(a.version, 0);
  EXPECT_EQ(a.url.substr(0, 30), "http://www.independent.co.uk/n");
  EXPECT_EQ(a.body.substr(0, 43),
            "Technology firms are preparing for a crunch");
  EXPECT_NE(a.body.find("\n\nMs Rudd criticised"), std::string::npos);
  EXPECT_EQ(a.source_path, testing::TestData("seed_excerpt.txt"));
}

TEST(ArchiveTextTest, DatelineBecomesTheDate) {
  Article a =
      ReadOne("w.txt",
              "Title\n\nhttps://en.wikinews.org/wiki/X\n\nVersion 1 of 1.\n\n"
              "Friday, January 4, 2019\n\nBody text.\n");
  EXPECT_EQ(a.date, "2019-01-04");
  EXPECT_EQ(a.body, "Body text.");
}

TEST(PlainTextTest, FirstLineIsTheTitle) {
  Article a = ReadOne("p.txt",
                      "\n\n  A plain title \nline one\nline two\n\npara two\n");
  EXPECT_EQ(a.title, "A plain title");
  EXPECT_EQ(a.body, "line one line two\n\npara two");  // hard wraps joined
  EXPECT_EQ(a.url, "");
  EXPECT_EQ(a.version, 0);
}

TEST(PlainTextTest, NotArchiveWithoutVersionLine) {
  EXPECT_FALSE(IsArchiveText("Title\n\nhttp://x.com/\n\nSome text.\n"));
  EXPECT_TRUE(IsArchiveText(kArchive));
  Article a = ReadOne("p.txt", "Title\n\nhttp://x.com/\n\nSome text.\n");
  EXPECT_EQ(a.title, "Title");
  EXPECT_EQ(a.body, "http://x.com/\n\nSome text.");
}

TEST(PlainTextTest, TitleOnly) {
  Article a = ReadOne("p.txt", "Just a title");
  EXPECT_EQ(a.title, "Just a title");
  EXPECT_EQ(a.body, "");
}

TEST(PlainTextTest, EmptyFileIsAnErrorRecord) {
  for (std::string bytes : {""s, "  \n\r\n \t\n"s, "\xef\xbb\xbf"s}) {
    auto items = ReadAs("dir/empty.txt", bytes);
    ASSERT_EQ(items.size(), 1u);
    EXPECT_FALSE(items[0].ok);
    EXPECT_EQ(items[0].error, "dir/empty.txt:1: empty file");
  }
}

TEST(PlainTextTest, Latin1AndUtf16) {
  EXPECT_EQ(ReadOne("l.txt", "Caf\xe9 news\n\nThe caf\xe9 opened.").title,
            "Caf\xc3\xa9 news");
  std::string utf16le =
      "\xff\xfe"
      "C\0a\0f\0\xe9\0\n\0\n\0B\0o\0d\0y\0"s;
  Article a = ReadOne("u.txt", utf16le);
  EXPECT_EQ(a.title, "Caf\xc3\xa9");
  EXPECT_EQ(a.body, "Body");
}

TEST(PlainTextTest, Gzipped) {
  Article a = ReadOne("dir/a.txt.gz", Gzip(kArchive));
  EXPECT_EQ(a.version, 2);
  EXPECT_EQ(a.source_path, "dir/a.txt.gz");
}

TEST(PlainTextTest, CorruptGzipIsAnErrorRecord) {
  std::string gz = Gzip(kArchive);
  auto items = ReadAs("a.txt.gz", gz.substr(0, gz.size() / 2));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_FALSE(items[0].ok);
  EXPECT_EQ(items[0].error.substr(0, 9), "a.txt.gz:");
  EXPECT_NE(items[0].error.find("corrupt gzip data"), std::string::npos)
      << items[0].error;

  items = ReadAs("b.txt.gz", "this is not gzip");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error,
            "b.txt.gz:1: corrupt gzip data (incorrect header check)");
}

TEST(NormalizeBodyTest, Table) {
  struct Case {
    std::string in, want;
  } cases[] = {
      {"", ""},
      {"a\nb", "a b"},
      {"a\n\nb", "a\n\nb"},
      {"  a  \n\n\n\n  b  ", "a\n\nb"},
      {"a\n \t\nb", "a\n\nb"},
      {"a\xc2\xa0\nb", "a b"},
  };
  for (const Case& c : cases) EXPECT_EQ(NormalizeBody(c.in), c.want) << c.in;
}

TEST(TitleFromTextTest, FirstSentenceOfLongParagraph) {
  EXPECT_EQ(TitleFromText("Short first line\n\nmore"), "Short first line");
  std::string sentence = "This is the first sentence of a long paragraph.";
  std::string para = sentence + " " + std::string(200, 'x');
  EXPECT_EQ(TitleFromText(para), sentence);
  std::string words;
  while (words.size() < 400) words += "word ";
  std::string t = TitleFromText(words);
  EXPECT_LE(t.size(), 160u);
  EXPECT_EQ(t.substr(t.size() - 3), "\u2026");
}

}  // namespace
}  // namespace newsarc::indexer
