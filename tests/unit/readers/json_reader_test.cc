#include <gtest/gtest.h>

#include <string>

#include "reader_test_util.h"

namespace newsarc::indexer {
namespace {

using testing::Gzip;
using testing::ReadAs;
using testing::ReadOne;
using namespace std::string_literals;

TEST(JsonReaderTest, CrawlerFieldNames) {
  struct Case {
    std::string json;
    std::string want;  // title|body|url|date|byline|site|language|id
  } cases[] = {
      {R"({"title": "T", "text": "B", "url": "u", "date": "2017-03-29"})",
       "T|B|u|2017-03-29||||"},
      {R"({"headline": "T", "body": "B", "link": "u", "published": "March 29, 2017"})",
       "T|B|u|2017-03-29||||"},
      {R"({"title": "T", "maintext": "B", "date_publish": "2017-03-29 10:00:00",
           "authors": ["Ann Lee", "Bo Chan"], "source_domain": "www.bbc.co.uk",
           "language": "en"})",
       "T|B||2017-03-29T10:00:00|Ann Lee, Bo Chan|www.bbc.co.uk|en|"},
      {R"({"title": "T", "content": "B", "publishedAt": "2017-03-29T10:00:00Z",
           "author": "Ann Lee", "site": "https://example.com/x", "lang": "en-US",
           "id": 42})",
       "T|B||2017-03-29T10:00:00Z|Ann Lee|example.com|en-US|42"},  // code: when indexed
      {R"({"title": "T", "article": "B", "pubDate": "Wed, 29 Mar 2017 10:00:00 GMT",
           "byline": "By Ann", "domain": "x.org", "id": "abc"})",
       "T|B||2017-03-29T10:00:00Z|By Ann|x.org||abc"},
      {R"({"title": "T", "description": "D", "date_published": 1490781600})",
       "T|D||2017-03-29T10:00:00Z||||"},
      // The longest real text field wins; description only as a fallback.
      {R"({"title": "T", "content": "short…", "text": "the full text", "description": "a much longer description"})",
       "T|the full text||||||"},
      // Numbers, nulls and objects where strings are expected.
      {R"({"title": 2017, "text": null, "body": "B", "url": null, "authors": [{"name": "Ann"}, null, 3], "date": {"x": 1}})",
       "2017|B|||Ann, 3|||"},
      // schema.org's names (a NewsArticle written out as JSON), an author
      // as a Person object.
      {R"({"@type": "NewsArticle", "headline": "T", "articleBody": "B",
           "datePublished": "2017-03-29T10:00:00Z", "author": {"@type": "Person", "name": "Ann"},
           "inLanguage": "en-GB"})",
       "T|B||2017-03-29T10:00:00Z|Ann||en-GB|"},
      {R"({"headline": "T", "text": "B", "dateCreated": "2017-03-29"})", "T|B||2017-03-29||||"},
      // Text but no title: the first sentence is the title.
      {R"({"text": "Only text here.\n\nSecond paragraph."})",
       "Only text here.|Only text here.\n\nSecond paragraph.||||||"},
      // Title but no text: kept.
      {R"({"title": "Only a title"})", "Only a title|||||||"},
      // Dateline at the start of the text, no date field.
      {R"({"title": "T", "text": "Friday, January 4, 2019 \n\n\nBody."})",
       "T|Body.||2019-01-04||||"},
  };
  for (const Case& c : cases) {
    Article a = ReadOne("a.json", c.json);
    std::string got = a.title + "|" + a.body + "|" + a.url + "|" + a.date +
                      "|" + a.byline + "|" + a.site + "|" + a.language + "|" +
                      a.id;
    EXPECT_EQ(got, c.want) << c.json;
    EXPECT_EQ(a.record, 0u);
  }
}

TEST(JsonReaderTest, ArrayOfArticles) {
  auto items = ReadAs(
      "arr.json",
      R"([{"title": "A", "text": "a"}, {"url": "x"}, 7, {"title": "C"}])");
  ASSERT_EQ(items.size(), 4u);
  EXPECT_TRUE(items[0].ok);
  EXPECT_EQ(items[0].article.record, 1u);
  EXPECT_EQ(items[1].error, "arr.json:2: no \"title\" or \"text\" field");
  EXPECT_EQ(items[2].error, "arr.json:3: not a JSON object");
  EXPECT_EQ(items[3].article.title, "C");
  EXPECT_EQ(items[3].article.record, 4u);
}

TEST(JsonReaderTest, NewsApiResponse) {
  auto items = ReadAs("n.json", R"({"status": "ok", "articles": [{"title": "A",
      "description": "d", "content": "c", "publishedAt": "2020-01-02T03:04:05Z"}]})");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].article.title, "A");
  EXPECT_EQ(items[0].article.date, "2020-01-02T03:04:05Z");
}

TEST(JsonReaderTest, Errors) {
  struct Case {
    std::string json, want;
  } cases[] = {
      {R"({"url": "x"})", R"(x.json:1: no "title" or "text" field)"},
      {"{\n  \"title\": \"a\"\n  \"text\": \"b\"}",
       "x.json:3: invalid JSON (missing a comma or '}' at offset 19)"},
      {"", "x.json:1: invalid JSON (empty document at offset 0)"},
      {"[1, 2", "x.json:1: invalid JSON (missing a comma or ']' at offset 5)"},
      {R"("just a string")", "x.json:1: not a JSON object"},
  };
  for (const Case& c : cases) {
    auto items = ReadAs("x.json", c.json);
    ASSERT_EQ(items.size(), 1u) << c.json;
    EXPECT_FALSE(items[0].ok);
    EXPECT_EQ(items[0].error, c.want);
  }
}

TEST(JsonReaderTest, Latin1AndUtf16) {
  EXPECT_EQ(
      ReadOne("l.json", "{\"title\": \"Caf\xe9\", \"text\": \"x\"}").title,
      "Caf\xc3\xa9");
  std::string ascii = R"({"title": "Zürich", "text": "x"})";
  std::string utf16 = "\xff\xfe";
  for (unsigned char c : std::string(R"({"title": "Z)"))
    utf16 += {static_cast<char>(c), '\0'};
  utf16 += "\xfc\0"s;
  for (unsigned char c : std::string(R"(rich", "text": "x"})")) {
    utf16 += {static_cast<char>(c), '\0'};
  }
  EXPECT_EQ(ReadOne("u.json", utf16).title, "Z\xc3\xbcrich");
}

TEST(JsonReaderTest, LoneSurrogateEscapeNeverReachesTheArticle) {
  auto items = ReadAs("s.json", R"({"title": "a\udc00b", "text": "\u0000x"})");
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].ok) << items[0].error;
  EXPECT_EQ(items[0].article.title,
            "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
            "b");
  EXPECT_EQ(items[0].article.body, "x");
}

TEST(JsonLinesReaderTest, BrokenLineAmongGoodOnesAndBlankLine) {
  auto reader = OpenReader(testing::TestData("mixed.jsonl"));
  ASSERT_TRUE(reader.ok());
  auto items = testing::Drain(*reader.value());
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].article.title, "First");
  EXPECT_EQ(items[0].article.record, 1u);
  EXPECT_EQ(items[0].article.date, "2019-01-04");
  EXPECT_EQ(items[1].article.title, "Second");
  EXPECT_EQ(items[1].article.byline, "A. Writer, B. Writer");
  EXPECT_EQ(items[1].article.record, 2u);
  EXPECT_FALSE(items[2].ok);
  EXPECT_EQ(items[2].error,
            testing::TestData("mixed.jsonl") +
                ":3: invalid JSON (missing a comma or '}' at offset 19)");
  EXPECT_EQ(items[3].article.title, "Fourth");
  EXPECT_EQ(items[3].article.record, 5u);  // line 4 is blank
  EXPECT_EQ(items[3].article.language, "en-GB");  // as given: LanguageCode when indexed
}

TEST(JsonLinesReaderTest, CrlfBomLatin1Ndjson) {
  std::string bytes =
      "\xef\xbb\xbf{\"title\": \"A\", \"text\": \"a\"}\r\n"
      "{\"title\": \"Caf\xe9\", \"text\": \"cr\xe8me\"}\r\n"
      "\r\n"
      "[1]\r\n"
      "{\"title\": \"Last\"}";  // no final newline
  auto items = ReadAs("feeds/x.ndjson", bytes);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].article.title, "A");
  EXPECT_EQ(items[1].article.title, "Caf\xc3\xa9");
  EXPECT_EQ(items[1].article.body, "cr\xc3\xa8me");
  EXPECT_EQ(items[2].error, "feeds/x.ndjson:4: not a JSON object");
  EXPECT_EQ(items[3].article.title, "Last");
  EXPECT_EQ(items[3].article.record, 5u);
}

TEST(JsonLinesReaderTest, Utf16WithAndWithoutBom) {
  std::string text = "{\"title\": \"A\"}\n{\"title\": \"B\"}\n";
  std::string le, be;
  for (char c : text) {
    le += {c, '\0'};
    be += {'\0', c};
  }
  for (const std::string& bytes : {"\xff\xfe" + le, "\xfe\xff" + be, le, be}) {
    auto items = ReadAs("u.jsonl", bytes);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].article.title, "A");
    EXPECT_EQ(items[1].article.title, "B");
    EXPECT_EQ(items[1].article.record, 2u);
  }
}

TEST(JsonLinesReaderTest, GzipAndCorruptGzipKeepsArticlesReadSoFar) {
  std::string text;
  for (int i = 1; i <= 2000; ++i) {
    text += R"({"title": "Article )" + std::to_string(i) +
            R"(", "text": "Text )" + std::to_string(i * 7919) + "\"}\n";
  }
  std::string gz = Gzip(text);
  auto items = ReadAs("x.jsonl.gz", gz);
  ASSERT_EQ(items.size(), 2000u);
  EXPECT_EQ(items[1999].article.title, "Article 2000");

  // Cut in the middle: the articles before the damage come, then one error.
  items = ReadAs("x.jsonl.gz", gz.substr(0, gz.size() / 2));
  ASSERT_GE(items.size(), 2u);
  size_t good = items.size() - 1;
  for (size_t i = 0; i < good; ++i) ASSERT_TRUE(items[i].ok) << items[i].error;
  EXPECT_GT(good, 100u);
  EXPECT_FALSE(items.back().ok);
  EXPECT_EQ(items.back().error,
            "x.jsonl.gz:" + std::to_string(good + 1) +
                ": corrupt gzip data (unexpected end of file)");
}

TEST(JsonReaderTest, JsonLinesInADotJsonFile) {
  auto items =
      ReadAs("x.json.gz", Gzip("{\"title\": \"A\"}\n{\"title\": \"B\"}\n"));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[1].article.title, "B");
  EXPECT_EQ(items[1].article.record, 2u);
}

}  // namespace
}  // namespace newsarc::indexer
