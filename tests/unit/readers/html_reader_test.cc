#include "readers/html_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "reader_test_util.h"
#include "readers/reader.h"

namespace newsarc::indexer {
namespace {

using testing::Gzip;
using testing::ReadAs;
using testing::ReadOne;

// A page: `head` inside <head>, `body` inside <body>.
std::string Page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>";
}

TEST(HtmlReaderTest, ReadsANewsPage) {
  auto reader = OpenReader(testing::TestData("news_page.html"));
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  auto next = reader.value()->Next();
  ASSERT_TRUE(next.ok()) << next.status().message();
  ASSERT_TRUE(next.value());
  const Article& a = *next.value();
  EXPECT_EQ(a.title, "Rudd meets tech firms over encryption");
  EXPECT_EQ(a.url, "https://www.example.com/news/rudd-encryption");
  EXPECT_EQ(a.date, "2017-03-30T09:15:00+01:00");
  EXPECT_EQ(a.byline, "Jane Reporter");  // not the profile URL
  EXPECT_EQ(a.language, "en-GB");
  EXPECT_EQ(a.record, 0u);
  // The article's own header stays (its byline), its headline does not
  // come twice; entities are decoded; a <br> joins its lines.
  EXPECT_EQ(a.body,
            "By Jane Reporter\n\n30 March 2017\n\n"
            "Home Secretary Amber Rudd met Google, Microsoft, Facebook and Twitter on Thursday "
            "after the attack in Westminster.\n\n"
            "\"There should be no place for terrorists to hide,\" Ms Rudd said. "
            "\u201CWe need to make sure that organisations like WhatsApp don\u2019t provide a "
            "secret place for terrorists.\u201D\n\n"
            "The Metropolitan Police said the attacker used WhatsApp minutes before the "
            "attack.\n\nFirst point\n\nSecond point");
  for (const char* absent : {"tracking", "color", "UK news", "zebras", "caption", "quagga",
                             "Copyright", "The Example Times"}) {
    EXPECT_EQ(a.body.find(absent), std::string::npos) << absent;
  }
  EXPECT_FALSE(reader.value()->Next().value());
}

TEST(HtmlReaderTest, TitleFromHeadingThenTitleWithoutTheSiteName) {
  Article a = ReadOne("a.html", Page("<title>Page title</title>",
                                     "<h1>  The\nheadline </h1><p>Text.</p>"));
  EXPECT_EQ(a.title, "The headline");
  EXPECT_EQ(a.body, "Text.");
  a = ReadOne("a.html", Page("<title>Floods close roads | Daily Example</title>"
                             "<meta property=\"og:site_name\" content=\"Daily Example\">",
                             "<p>Text.</p>"));
  EXPECT_EQ(a.title, "Floods close roads");
  // A title whose last part is not the site's name is kept whole.
  a = ReadOne("a.html", Page("<title>Rain - a report</title>", "<p>Text.</p>"));
  EXPECT_EQ(a.title, "Rain - a report");
  // No title anywhere: the first sentence of the text, as for other files.
  a = ReadOne("a.htm", Page("", "<p>Storms hit the coast. Roads closed.</p>"));
  EXPECT_EQ(a.title, "Storms hit the coast.");
}

TEST(HtmlReaderTest, TextOfTheArticleElseMainElseBody) {
  // No <article> or <main>: the body without navigation and footer.
  Article a = ReadOne("a.html", Page("<title>T</title>",
                                     "<nav>Home | World</nav><div>First.</div><div>Second "
                                     "<b>bold</b> text.</div><footer>About us</footer>"));
  EXPECT_EQ(a.body, "First.\n\nSecond bold text.");
  // A front page: small teasers in <article>s, most text elsewhere in
  // <main>; the main text is kept whole.
  a = ReadOne("a.html",
              Page("<title>T</title>",
                   "<main><article><p>Teaser one.</p></article><article><p>Teaser two.</p>"
                   "</article><p>A long introduction to the day's news, which is most of the "
                   "text of this page and not in any article element at all.</p></main>"));
  EXPECT_NE(a.body.find("Teaser one."), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("Teaser two."), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("long introduction"), std::string::npos) << a.body;
  // Of several articles, the one with the most text; role="main" counts as
  // <main>.
  a = ReadOne("a.html", Page("<title>T</title>",
                             "<div role=\"main\"><article><p>Short.</p></article>"
                             "<article><p>The real story, with much more text in it.</p>"
                             "</article></div><p>Outside.</p>"));
  EXPECT_EQ(a.body, "The real story, with much more text in it.");
  // An article inside another (a reader's comment) is part of it.
  a = ReadOne("a.html", Page("<title>T</title>",
                             "<article><p>Story.</p><article><p>A comment.</p></article>"
                             "</article>"));
  EXPECT_EQ(a.body, "Story.\n\nA comment.");
}

TEST(HtmlReaderTest, DatesAndUrls) {
  // No date in the meta tags: the first <time datetime> of the text.
  Article a = ReadOne("a.html", Page("<meta property=\"og:url\" content=\"https://x.org/a\">",
                                     "<article><h1>H</h1><time datetime=\"2019-01-04\">Friday"
                                     "</time><p>Text.</p></article>"));
  EXPECT_EQ(a.date, "2019-01-04");
  EXPECT_EQ(a.url, "https://x.org/a");
  // A relative canonical link gives way to an absolute og:url, and stands
  // when there is none.
  a = ReadOne("a.html", Page("<link rel=\"canonical\" href=\"/news/a\">"
                             "<meta property=\"og:url\" content=\"https://x.org/news/a\">",
                             "<p>Text.</p>"));
  EXPECT_EQ(a.url, "https://x.org/news/a");
  a = ReadOne("a.html", Page("<link rel=\"canonical\" href=\"/news/a\">", "<p>Text.</p>"));
  EXPECT_EQ(a.url, "/news/a");
  a = ReadOne("a.html", Page("<meta name=\"pubdate\" content=\"20170329\">"
                             "<meta name=\"author\" content=\"By Sam Writer\">",
                             "<p>Text.</p>"));
  EXPECT_EQ(a.date, "2017-03-29");
  EXPECT_EQ(a.byline, "Sam Writer");
  // A page with only a description.
  a = ReadOne("a.html", Page("<title>T</title><meta name=\"description\" content=\"Just this.\">",
                             "<script>x()</script>"));
  EXPECT_EQ(a.body, "Just this.");
}

TEST(HtmlReaderTest, DeclaredCharset) {
  EXPECT_EQ(DeclaredCharset("<meta charset=\"ISO-8859-1\">"), "iso-8859-1");
  EXPECT_EQ(DeclaredCharset("<META http-equiv=\"Content-Type\" "
                            "content=\"text/html; charset=windows-1251\">"),
            "windows-1251");
  EXPECT_EQ(DeclaredCharset("<meta charset = 'koi8-r' >"), "koi8-r");
  EXPECT_EQ(DeclaredCharset("<p>charset=latin1</p>"), "");
  EXPECT_EQ(DeclaredCharset("<meta name=\"x\">"), "");
  // Latin-1 bytes read as the page declares them.
  Article a = ReadOne("a.html", Page("<meta charset=\"iso-8859-1\"><title>Z\xfcrich</title>",
                                     "<p>Caf\xe9 \x93quoted\x94.</p>"));
  EXPECT_EQ(a.title, "Z\u00fcrich");
  EXPECT_EQ(a.body, "Caf\u00e9 \u201Cquoted\u201D.");
  // Cyrillic in windows-1251.
  a = ReadOne("a.html", Page("<meta http-equiv=\"content-type\" content=\"text/html; "
                             "charset=windows-1251\"><title>\xcc\xee\xf1\xea\xe2\xe0</title>",
                             "<p>Text.</p>"));
  EXPECT_EQ(a.title, "\u041c\u043e\u0441\u043a\u0432\u0430");
}

TEST(HtmlReaderTest, GzipAndBadPages) {
  std::vector<testing::Item> items =
      ReadAs("a.html.gz", Gzip(Page("<title>Zipped</title>", "<p>Text.</p>")));
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].ok) << items[0].error;
  EXPECT_EQ(items[0].article.title, "Zipped");
  // Nothing to index.
  items = ReadAs("dir/empty.html", Page("<style>p {}</style>", "<nav>Menu</nav>"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_FALSE(items[0].ok);
  EXPECT_EQ(items[0].error, "dir/empty.html:1: no title or text");
  // Nested deeper than the limit: refused, not parsed for minutes.
  std::string deep;
  for (size_t i = 0; i <= kMaxHtmlDepth; ++i) deep += "<div>";
  items = ReadAs("deep.html", deep + "x");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_FALSE(items[0].ok);
  EXPECT_EQ(items[0].error, "deep.html:1: elements nested more than 1000 deep: not read");
  // As deep as allowed, and many elements side by side, are read.
  deep.resize(deep.size() - 5);
  EXPECT_EQ(ReadOne("deep.html", "<title>Deep</title>" + deep + "x").title, "Deep");
  std::string wide = "<title>Wide</title>";
  for (int i = 0; i < 100000; ++i) wide += "<div><span>w</span></div>";
  EXPECT_EQ(ReadOne("wide.html", wide).title, "Wide");
}

TEST(HtmlReaderTest, NestingDepth) {
  struct Case {
    const char* html;
    size_t depth;
  } cases[] = {
      {"", 0},
      {"text only", 0},
      {"<div><div></div></div><div></div>", 2},
      {"<DIV><Div></dIV></div>", 2},
      {"<br><img src=x><hr/><meta charset=utf-8><x-y/>", 0},
      {"<p>a<p>b<p>c", 1},                  // a paragraph closes the one before
      {"<ul><li>a<li>b</ul><ul><li>c", 2},  // and so does a list item
      {"<div></span><div>", 2},             // a stray end tag closes nothing
      {"<b><i></b><u><s>", 2},              // an end tag closes what is inside it
      {"<script>if (a <b) '<div><div>'</script><div>", 1},
      {"<style>p</style><title><b><i></title>", 1},
      {"<!-- <div><div> --><p>", 1},
      {"<div a='>'><div>", 2},
      {"< div><3><div", 0},                 // not tags
  };
  for (const Case& c : cases) EXPECT_EQ(NestingDepth(c.html), c.depth) << c.html;
  EXPECT_EQ(NestingDepth("<div><div><div><div>", 2), 3u);  // stops past the bound
}

}  // namespace
}  // namespace newsarc::indexer
