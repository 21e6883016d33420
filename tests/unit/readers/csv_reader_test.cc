#include <gtest/gtest.h>

#include <string>

#include "reader_test_util.h"

namespace newsarc::indexer {
namespace {

using testing::Gzip;
using testing::ReadAs;
using namespace std::string_literals;

TEST(CsvReaderTest, WikinewsExcerpt) {
  std::string path = testing::TestData("wikinews_excerpt.csv");
  auto reader = OpenReader(path);
  ASSERT_TRUE(reader.ok());
  auto items = testing::Drain(*reader.value());
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].ok) << items[0].error;
  const Article& a = items[0].article;
  EXPECT_EQ(
      a.title,
      "Magnitogorsk apartment building collapses after explosion, dozens dead");
  EXPECT_EQ(a.date, "2019-01-04");
  EXPECT_EQ(a.url.substr(0, 30), "https://en.wikinews.org//wiki/");
  EXPECT_EQ(a.body.substr(0, 39),
            "An apartment building collapsed on Mond");  // dateline gone
  EXPECT_NE(a.body.find("act.\n\nThe 1973 building"), std::string::npos);
  EXPECT_NE(a.body.find("of \"presumably between"),
            std::string::npos);  // doubled quotes
  EXPECT_EQ(a.record, 2u);
  EXPECT_EQ(a.source_path, path);
  ASSERT_TRUE(items[1].ok) << items[1].error;
  EXPECT_GT(items[1].article.record, 2u);
}

TEST(CsvReaderTest, QuotingAnyColumnOrderAndRecordLines) {
  std::string csv =
      "Title,Body,URL,date,extra\r\n"
      "\"Quoted, with comma\",\"Line one\r\nline two\r\n\r\nPara "
      "\"\"two\"\"\",u1,2019-01-04,\r\n"
      "\r\n"
      "Plain,text,u2,,x\r\n"
      ",\"Only text here. More text.\",u3,,\r\n"
      "Title only,,u4,,\r\n";
  auto items = ReadAs("c.csv", csv);
  ASSERT_EQ(items.size(), 4u);
  for (const auto& item : items) ASSERT_TRUE(item.ok) << item.error;
  EXPECT_EQ(items[0].article.title, "Quoted, with comma");
  EXPECT_EQ(items[0].article.body, "Line one line two\n\nPara \"two\"");
  EXPECT_EQ(items[0].article.url, "u1");
  EXPECT_EQ(items[0].article.record, 2u);
  EXPECT_EQ(items[1].article.title, "Plain");
  EXPECT_EQ(items[1].article.record, 7u);
  EXPECT_EQ(items[2].article.title, "Only text here.");
  EXPECT_EQ(items[3].article.title, "Title only");
  EXPECT_EQ(items[3].article.body, "");
  EXPECT_EQ(items[3].article.record, 9u);
}

TEST(CsvReaderTest, BrokenRowsAmongGoodOnes) {
  std::string csv =
      "title,text\n"
      "Good one,a\n"                  // 2
      "\"Bad\"x,b\n"                  // 3: text after a closing quote
      "Good two,c\n"                  // 4
      "too,many,fields\n"             // 5
      ",\n"                           // 6: neither title nor text
      "Good three,\"multi\nline\"\n"  // 7
      "\"Unclosed,d\n"                // 9: quote never closes
      "Good four,e\n";                // 10
  auto items = ReadAs("dir/c.csv", csv);
  std::string got;
  for (const auto& item : items)
    got += (item.ok ? item.article.title : item.error) + "\n";
  EXPECT_EQ(got,
            "Good one\n"
            "dir/c.csv:3: unexpected character after a closing quote\n"
            "Good two\n"
            "dir/c.csv:5: 3 fields, header has 2\n"
            "dir/c.csv:6: no \"title\" or \"text\" field\n"
            "Good three\n"
            "dir/c.csv:9: unclosed quoted field\n"
            "Good four\n");
  EXPECT_EQ(items.back().article.record, 10u);
}

TEST(CsvReaderTest, EncodingsAndDelimiters) {
  auto items = ReadAs("l.csv",
                      "title;text\nCaf\xe9;cr\xe8me br\xfbl\xe9"
                      "e\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].article.title, "Caf\xc3\xa9");
  EXPECT_EQ(items[0].article.body,
            "cr\xc3\xa8me br\xc3\xbbl\xc3\xa9"
            "e");

  std::string text = "\xef\xbb\xbftitle\ttext\nA\t\"x\ny\"\n";
  items = ReadAs("t.csv", text);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].article.title, "A");
  EXPECT_EQ(items[0].article.body, "x y");

  std::string utf16 = "\xff\xfe";
  for (char c : "title,text\r\nB,\"q\"\"q\"\r\n"s) utf16 += {c, '\0'};
  items = ReadAs("u.csv", utf16);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].article.title, "B");
  EXPECT_EQ(items[0].article.body, "q\"q");
}

TEST(CsvReaderTest, PythonListAuthorsAndGzip) {
  std::string csv = "title,text,authors\nT,x,\"['Ann Lee', 'Bo Chan']\"\n";
  auto items = ReadAs("a.csv.gz", Gzip(csv));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].article.byline, "Ann Lee, Bo Chan");
  EXPECT_EQ(items[0].article.source_path, "a.csv.gz");

  std::string gz = Gzip(csv);
  gz[gz.size() - 5] ^= 0x55;  // damage the CRC/size trailer
  items = ReadAs("b.csv.gz", gz);
  ASSERT_FALSE(items.empty());
  EXPECT_FALSE(items.back().ok);
  EXPECT_NE(items.back().error.find("b.csv.gz:"), std::string::npos);
  EXPECT_NE(items.back().error.find("corrupt gzip data"), std::string::npos)
      << items.back().error;
}

}  // namespace
}  // namespace newsarc::indexer
