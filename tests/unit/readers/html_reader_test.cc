#include "readers/html_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "reader_test_util.h"
#include "readers/json_reader.h"
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

TEST(HtmlReaderTest, BlocksOfLinksAreNotText) {
  // A menu outside <nav>, tags, a "read more" line and a list of other
  // stories: each block at least half link text. A paragraph keeps the
  // links in its sentences, and anchors (<a name>) are no links.
  const Article a = ReadOne(
      "page.html",
      Page("<title>Floods close roads</title>",
           "<table><tr><td><a href='/'>Home</a></td><td><a href='/world'>World</a></td></tr>"
           "</table><article><h1>Floods close roads</h1><p>Roads in the <a href='/valley'>"
           "valley</a> closed after the rain, <a href='/police'>police</a> said.</p>"
           "<p><a name='more'></a>Repairs will take a week.</p>"
           "<ul class='tags'><li><a href='/t/rain'>Rain</a></li><li><a href='/t/roads'>Roads"
           "</a></li></ul><p>Read more: <a href='/floods-2019'>Floods of 2019 remembered</a></p>"
           "<h2>Most read</h2><ul><li><a href='/a'>Ferry strike ends</a></li>"
           "<li><a href='/b'>Bridge reopens after repairs</a> 2h ago</li></ul></article>"));
  EXPECT_EQ(a.title, "Floods close roads");
  EXPECT_EQ(a.body,
            "Roads in the valley closed after the rain, police said.\n\n"
            "Repairs will take a week.\n\nMost read");
  // A front page: headlines linked to their stories, leads beside them.
  const Article front = ReadOne(
      "front.html",
      Page("<title>The Example Post</title>",
           "<main><div class='teaser'><h2><a href='/ferry'>Ferry strike ends</a></h2>"
           "<p>The strike ended on Monday after talks.</p></div><div class='teaser'><h2>"
           "<a href='/bridge'>Bridge reopens</a></h2><p>Traffic resumed at noon.</p></div>"
           "</main>"));
  EXPECT_EQ(front.body, "The strike ended on Monday after talks.\n\nTraffic resumed at noon.");
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

// A page's JSON-LD block.
std::string JsonLd(const std::string& json) {
  return "<script type=\"application/ld+json\">" + json + "</script>";
}

TEST(HtmlReaderTest, JsonLdArticle) {
  // Behind a paywall: the page shows a teaser, the JSON-LD (in a @graph,
  // beside other types; a raw line break in a string, a trailing comma)
  // has the whole text and everything else.
  const std::string graph = R"({"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "The Daily Example", "url": "https://example.com/"},
      {"@type": ["NewsArticle", "ReportageNewsArticle"],
       "headline": "Rudd meets tech firms",
       "articleBody": "Amber Rudd met the firms on Thursday.
\"No place to hide,\" she said.",
       "datePublished": "2017-03-30T09:15:00+01:00",
       "author": [{"@type": "Person", "name": "Jane Reporter"},
                  {"@type": "Person", "name": "Sam Writer"}],
       "mainEntityOfPage": {"@id": "https://example.com/news/rudd"},
       "inLanguage": "en-GB",
       "publisher": {"@type": "Organization", "name": "The Daily Example"},},
  ]})";
  Article a = ReadOne("a.html", Page("<title>Rudd meets tech firms | The Daily Example</title>" +
                                         JsonLd(graph) +
                                         "<meta name=\"author\" content=\"Site Desk\">",
                                     "<article><p>Amber Rudd met the firms.</p>"
                                     "<p>Subscribe to read more.</p></article>"));
  EXPECT_EQ(a.title, "Rudd meets tech firms");
  EXPECT_EQ(a.body,
            "Amber Rudd met the firms on Thursday.\n\n\"No place to hide,\" she said.");
  EXPECT_EQ(a.date, "2017-03-30T09:15:00+01:00");
  EXPECT_EQ(a.byline, "Jane Reporter, Sam Writer");  // before the meta tag's
  EXPECT_EQ(a.url, "https://example.com/news/rudd");
  EXPECT_EQ(a.language, "en-GB");

  // The page's own text when it has more; Open Graph's title, publication
  // time and URL before the JSON-LD's; the JSON-LD's date before the other
  // meta tags'.
  const std::string article = R"({"@type": "Article", "headline": "JSON-LD headline",
      "articleBody": "Short.", "datePublished": "2020-05-06", "url": "https://x.org/ld",
      "author": "https://x.org/staff/ann"})";
  a = ReadOne("a.html", Page(JsonLd(article) +
                                 "<meta property=\"og:title\" content=\"OG title\">"
                                 "<meta property=\"og:url\" content=\"https://x.org/og\">"
                                 "<meta name=\"date\" content=\"2021-01-01\">"
                                 "<meta name=\"author\" content=\"Ann Lee\">",
                             "<p>The page's text, which is longer than the JSON-LD's.</p>"));
  EXPECT_EQ(a.title, "OG title");
  EXPECT_EQ(a.body, "The page's text, which is longer than the JSON-LD's.");
  EXPECT_EQ(a.date, "2020-05-06");
  EXPECT_EQ(a.url, "https://x.org/og");
  EXPECT_EQ(a.byline, "Ann Lee");  // the JSON-LD's author is a profile URL
  a = ReadOne("a.html", Page(JsonLd(article) + "<meta property=\"article:published_time\" "
                                               "content=\"2020-05-05\">",
                             "<p>Text.</p>"));
  EXPECT_EQ(a.title, "JSON-LD headline");
  EXPECT_EQ(a.date, "2020-05-05");
  EXPECT_EQ(a.url, "https://x.org/ld");
  EXPECT_EQ(a.body, "Short.");  // longer than "Text."

  // A body written as HTML, with character references: its paragraphs and
  // text, without its figures. A page that is only its JSON-LD is read.
  a = ReadOne("a.html",
              Page(JsonLd(R"({"@type": "BlogPosting", "name": "Post", "articleBody":
                   "<p>It&#8217;s <b>here</b>.</p><figure>caption</figure><p>Two &amp; three.</p>"
                   })"),
                   ""));
  EXPECT_EQ(a.title, "Post");
  EXPECT_EQ(a.body, "It\u2019s here.\n\nTwo & three.");
  // Character references in its other fields too.
  a = ReadOne("a.html", Page(JsonLd(R"({"@type": "NewsArticle", "headline": "Rudd&#8217;s plan",
                                        "author": "Ann Lee &amp; Bo Chan",
                                        "description": "A &lt;plan&gt;."})"),
                             ""));
  EXPECT_EQ(a.title, "Rudd\u2019s plan");
  EXPECT_EQ(a.byline, "Ann Lee & Bo Chan");
  EXPECT_EQ(a.body, "A <plan>.");  // the description, with no text

  // What is no article, or no JSON, is passed over: the page is read as if
  // it had none.
  for (const std::string& script :
       {std::string(R"({"@type": "WebPage", "name": "Not this", "text": "Nor this."})"),
        std::string(R"({"@type": "NewsArticle", "headline": "Broken", )"),
        std::string("not json at all"), std::string(R"([[[[[[]]]]]])")}) {
    a = ReadOne("a.html", Page("<title>Page</title>" + JsonLd(script), "<p>Text.</p>"));
    EXPECT_EQ(a.title, "Page") << script;
    EXPECT_EQ(a.body, "Text.") << script;
  }
}

TEST(HtmlReaderTest, ParseJsonLdArticle) {
  // The first article with a headline or a body, in document order, in
  // lists and members; types with their vocabulary.
  auto ld = ParseJsonLdArticle(R"([{"@type": "BreadcrumbList"},
      {"@type": "ItemList", "itemListElement": [
        {"@type": "schema:NewsArticle"},
        {"@type": "http://schema.org/NewsArticle", "headline": "First"},
        {"@type": "NewsArticle", "headline": "Second"}]}])");
  ASSERT_TRUE(ld);
  EXPECT_EQ(ld->headline, "First");
  // Authors by reference, as WordPress writes its graph: their names.
  ld = ParseJsonLdArticle(R"({"@graph": [
      {"@type": "Article", "headline": "H", "author": [{"@id": "#p1"}, {"@id": "#p2"},
                                                        {"@id": "#nobody"}]},
      {"@type": "Person", "@id": "#p2", "name": "Bo Chan"},
      {"@type": "Person", "@id": "#p1", "name": "Ann Lee"}]})");
  ASSERT_TRUE(ld);
  EXPECT_EQ(ld->author, "Ann Lee, Bo Chan");
  // An HTML comment around it, comments in it; a language as an object, a
  // URL as mainEntityOfPage's text.
  ld = ParseJsonLdArticle("\n<!--\n{\"@type\": \"LiveBlogPosting\", // live\n"
                          "\"articleBody\": \"B\", \"dateCreated\": \"2020\","
                          " \"inLanguage\": {\"@type\": \"Language\", \"name\": \"English\","
                          " \"alternateName\": \"en\"}, \"mainEntityOfPage\": \"https://a.b/c\","
                          " \"creator\": [\"Ann\", \"Bo\"], \"publisher\": \"P\"}\n-->\n");
  ASSERT_TRUE(ld);
  EXPECT_EQ(ld->headline, "");
  EXPECT_EQ(ld->body, "B");
  EXPECT_EQ(ld->date, "2020");
  EXPECT_EQ(ld->language, "en");
  EXPECT_EQ(ld->url, "https://a.b/c");
  EXPECT_EQ(ld->author, "Ann, Bo");
  EXPECT_EQ(ld->publisher, "P");
  // A raw tab, NUL and line break inside strings; outside them, white space.
  constexpr char kRaw[] =
      "{\"@type\":\n\t\"Report\", \"headline\": \"a\tb\0c\", \"articleBody\": \"one\ntwo\"}";
  ld = ParseJsonLdArticle(std::string_view(kRaw, sizeof kRaw - 1));
  ASSERT_TRUE(ld);
  EXPECT_EQ(ld->headline, "a b c");
  EXPECT_EQ(ld->body, "one\ntwo");
  for (const char* none : {"", "{}", "[]", "{\"@type\": \"Article\"}",
                           "{\"@type\": \"Person\", \"name\": \"N\"}",
                           "{\"@type\": \"Article\", \"headline\": \"unclosed}",
                           "{\"@type\": \"Article\", \"headline\": \"x\\"}) {
    EXPECT_FALSE(ParseJsonLdArticle(none)) << none;
  }
  std::string deep(100000, '[');
  EXPECT_FALSE(ParseJsonLdArticle(deep + std::string(100000, ']')));
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
