#include "readers/feed_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "newsarc/index_writer.h"
#include "reader_test_util.h"
#include "readers/reader.h"

namespace newsarc::indexer {
namespace {

using testing::Gzip;
using testing::ReadAs;

TEST(FeedReaderTest, Rss) {
  // As feeds are written: the whole text CDATA-wrapped beside a shorter
  // description of escaped HTML, HTML's entities undeclared, a bare
  // ampersand, Media RSS's elements under the same names as RSS's.
  const std::string rss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>Example News</title><link>https://news.example.org/</link>
  <language>en-gb</language>
  <lastBuildDate>Sat, 01 Apr 2017 08:00:00 +0000</lastBuildDate>
  <pubDate>Fri, 31 Mar 2017 18:00:00 +0000</pubDate>
  <image><title>Logo</title><url>https://news.example.org/logo.png</url></image>
  <item>
    <title>Rudd meets AT&T&nbsp;chiefs</title>
    <link>https://news.example.org/rudd</link>
    <guid isPermaLink="false">item-1</guid>
    <pubDate>Thu, 30 Mar 2017 09:15:00 +0100</pubDate>
    <dc:creator>Jane Reporter</dc:creator>
    <description>&lt;p&gt;Amber Rudd met the firms.&lt;/p&gt;</description>
    <media:title>Photo</media:title>
    <media:description>A photo caption</media:description>
    <content:encoded><![CDATA[<p>Amber Rudd met the firms on Thursday.</p>
      <p>&ldquo;No place to hide,&rdquo; she said.</p><figure>Photo: caption</figure>]]></content:encoded>
  </item>
  <item>
    <title>Storm closes schools</title>
    <link>https://news.example.org/storm</link>
    <author>desk@example.org (Sam Writer)</author>
    <description>A storm closed schools on Tuesday.</description>
  </item>
</channel></rss>)";
  std::vector<testing::Item> items = ReadAs("news.rss", rss);
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].ok) << items[0].error;
  const Article& a = items[0].article;
  EXPECT_EQ(a.title, "Rudd meets AT&T\u00a0chiefs");
  EXPECT_EQ(a.body, "Amber Rudd met the firms on Thursday.\n\n\u201cNo place to hide,\u201d she said.");
  EXPECT_EQ(a.url, "https://news.example.org/rudd");
  EXPECT_EQ(a.id, "");  // the URL is the article's identity
  EXPECT_EQ(a.date, "2017-03-30T09:15:00+01:00");
  EXPECT_EQ(a.byline, "Jane Reporter");
  EXPECT_EQ(a.language, "en-gb");
  EXPECT_EQ(a.source_path, "news.rss");
  EXPECT_EQ(a.record, 1u);
  ASSERT_TRUE(items[1].ok) << items[1].error;
  EXPECT_EQ(items[1].article.title, "Storm closes schools");
  EXPECT_EQ(items[1].article.body, "A storm closed schools on Tuesday.");
  EXPECT_EQ(items[1].article.byline, "Sam Writer");
  EXPECT_EQ(items[1].article.record, 2u);
  // No date of its own: published by the time the feed was.
  EXPECT_EQ(items[1].article.date, "2017-03-31T18:00:00+00:00");
  // Without the channel's pubDate, its last build.
  items = ReadAs("b.rss", "<rss><channel><title>C</title>"
                          "<lastBuildDate>Sat, 01 Apr 2017 08:00:00 GMT</lastBuildDate>"
                          "<item><title>T</title><description>D</description></item>"
                          "</channel></rss>");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].article.date, "2017-04-01T08:00:00Z");
  EXPECT_EQ(items[0].article.title, "T");  // not the channel's title
  // A channel dated at the Unix epoch (a time of 0) dates no item.
  items = ReadAs("c.rss", "<rss><channel><pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate>"
                          "<item><title>T</title></item><item><title>U</title>"
                          "<pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate></item>"
                          "</channel></rss>");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].article.date, "");
  EXPECT_EQ(items[1].article.date, "1970-01-01T00:00:00Z");  // as the item says
}

TEST(FeedReaderTest, Atom) {
  const std::string atom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Example</title>
  <updated>2019-01-07T00:00:00Z</updated>
  <author><name>Example Desk</name></author>
  <entry>
    <title type="html">Floods &lt;b&gt;close&lt;/b&gt; roads</title>
    <link rel="related" href="https://other.example/x"/>
    <link rel="alternate" type="text/html" href="https://example.com/floods"/>
    <id>tag:example.com,2019:floods</id>
    <updated>2019-01-05T10:00:00Z</updated>
    <published>2019-01-04T08:00:00Z</published>
    <author><name>Ann Lee</name><email>ann@example.com</email></author>
    <author><name>Bo Chan</name></author>
    <summary>Roads closed.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Floods closed
      roads.</p><p>Rain <em>fell</em> all night.</p></div></content>
  </entry>
  <entry xml:lang="fr">
    <title>Sans lien</title>
    <id>urn:uuid:1225c695</id>
    <updated>2019-01-06T00:00:00Z</updated>
    <content type="text">Texte.</content>
  </entry>
</feed>)";
  std::vector<testing::Item> items = ReadAs("a.atom", atom);
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].ok) << items[0].error;
  const Article& a = items[0].article;
  EXPECT_EQ(a.title, "Floods close roads");
  EXPECT_EQ(a.body, "Floods closed roads.\n\nRain fell all night.");
  EXPECT_EQ(a.url, "https://example.com/floods");
  EXPECT_EQ(a.date, "2019-01-04T08:00:00Z");  // published, not updated
  EXPECT_EQ(a.byline, "Ann Lee, Bo Chan");
  EXPECT_EQ(a.language, "en");
  // No link: the entry's id is its identity; its own language.
  ASSERT_TRUE(items[1].ok) << items[1].error;
  EXPECT_EQ(items[1].article.url, "");
  EXPECT_EQ(items[1].article.id, "urn:uuid:1225c695");
  EXPECT_EQ(items[1].article.date, "2019-01-06T00:00:00Z");
  EXPECT_EQ(items[1].article.language, "fr");
  EXPECT_EQ(items[1].article.body, "Texte.");
  // No author of its own: the feed's (RFC 4287, 4.2.1).
  EXPECT_EQ(items[1].article.byline, "Example Desk");
}

TEST(FeedReaderTest, RssOneAndPermalinks) {
  const std::string rdf = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://x.org/"><title>X</title><dc:language>de</dc:language>
    <dc:date>2003-12-14T00:00:00Z</dc:date></channel>
  <item rdf:about="https://x.org/1"><title>Eins</title><link>https://x.org/1</link>
    <dc:date>2003-12-13T18:30:02Z</dc:date><dc:creator>A</dc:creator><dc:creator>B</dc:creator>
    <description>Text eins.</description></item>
</rdf:RDF>)";
  std::vector<testing::Item> items = ReadAs("feed.xml", rdf);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].ok) << items[0].error;
  EXPECT_EQ(items[0].article.title, "Eins");
  EXPECT_EQ(items[0].article.date, "2003-12-13T18:30:02Z");
  EXPECT_EQ(items[0].article.byline, "A, B");
  EXPECT_EQ(items[0].article.language, "de");
  EXPECT_EQ(ReadAs("undated.xml", rdf.substr(0, rdf.find("<dc:date>2003-12-13")) +
                                      rdf.substr(rdf.find("<dc:creator>A")))[0]
                .article.date,
            "2003-12-14T00:00:00Z");  // the channel's
  // A permalink guid stands in for a missing link; one that is no
  // permalink does not.
  items = ReadAs("a.rss", "<rss><channel><item><title>T</title><guid>https://x.org/p</guid>"
                          "</item><item><title>U</title><guid isPermaLink=\"false\">"
                          "https://x.org/q</guid></item></channel></rss>");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].article.url, "https://x.org/p");
  EXPECT_EQ(items[1].article.url, "");
  EXPECT_EQ(items[1].article.id, "https://x.org/q");
  // FeedBurner's redirect gives way to the story's own link.
  items = ReadAs("fb.rss", "<rss xmlns:feedburner=\"http://rssnamespace.org/feedburner/ext/1.0\">"
                           "<channel><item><title>T</title>"
                           "<link>http://feedproxy.google.com/~r/x/~3/abc/</link>"
                           "<feedburner:origLink>https://x.org/story</feedburner:origLink>"
                           "</item></channel></rss>");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].article.url, "https://x.org/story");
}

TEST(FeedReaderTest, ItemsOfOnePageAreEachAnArticle) {
  // Blogs link each post as an anchor of an archive page, comment feeds each
  // comment: the fragment is part of the identity, not a tracking mark.
  std::vector<testing::Item> items = ReadAs(
      "blog.atom",
      "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
      "<entry><title>One</title><link href=\"http://b.example/2005_12_archive.html#1135\"/>"
      "<id>tag:b,1999:post-1135</id><updated>2005-12-25T00:00:00Z</updated></entry>"
      "<entry><title>Two</title><link href=\"http://b.example/2005_12_archive.html#1136\"/>"
      "<id>tag:b,1999:post-1136</id><updated>2005-12-26T00:00:00Z</updated></entry>"
      "<entry><title>Three</title><link href=\"https://www.b.example/p?id=7#comments\"/>"
      "<updated>2005-12-27T00:00:00Z</updated></entry></feed>");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].article.id, "b.example/2005_12_archive.html#1135");
  EXPECT_EQ(items[1].article.id, "b.example/2005_12_archive.html#1136");
  EXPECT_EQ(items[2].article.id, "");  // "#comments": the URL is its identity
  EXPECT_EQ(IndexWriter::ArticleId(items[2].article), "b.example/p?id=7");
  // One URL for several items (a day's page): their guids, else their
  // contents tell them apart; the same item twice stays one article.
  items = ReadAs("day.rss",
                 "<rss><channel>"
                 "<item><title>A</title><link>http://d.example/2004/12/28/</link>"
                 "<guid isPermaLink=\"false\">a-1</guid></item>"
                 "<item><title>B</title><link>http://d.example/2004/12/28/</link>"
                 "<guid isPermaLink=\"false\">b-2</guid></item>"
                 "<item><description>C</description><link>http://d.example/2004/12/28</link>"
                 "</item><item><description>D</description>"
                 "<link>http://d.example/2004/12/28</link></item>"
                 "<item><title>E</title><link>http://d.example/e</link></item>"
                 "<item><title>E</title><link>http://d.example/e</link></item>"
                 "</channel></rss>");
  ASSERT_EQ(items.size(), 6u);
  EXPECT_EQ(items[0].article.id, "a-1");
  EXPECT_EQ(items[1].article.id, "b-2");
  EXPECT_TRUE(items[2].article.id.starts_with("d.example/2004/12/28#")) << items[2].article.id;
  EXPECT_TRUE(items[3].article.id.starts_with("d.example/2004/12/28#")) << items[3].article.id;
  EXPECT_NE(items[2].article.id, items[3].article.id);
  EXPECT_EQ(items[4].article.id, "");
  EXPECT_EQ(items[5].article.id, "");
}

TEST(FeedReaderTest, NitfStories) {
  // As the New York Times Annotated Corpus writes a story: the date in meta
  // tags, a print and a normalized byline, the lead paragraph twice.
  const std::string nyt = R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nitf SYSTEM "http://www.nitf.org/IPTC/NITF/3.3/specification/dtd/nitf-3-3.dtd">
<nitf change.date="June 10, 2005" change.time="19:30" version="-//IPTC//DTD NITF 3.3//EN">
  <head>
    <title>Harbor Cranes Return</title>
    <meta content="5" name="publication_day_of_month"/>
    <meta content="3" name="publication_month"/>
    <meta content="1987" name="publication_year"/>
    <docdata><doc-id id-string="0000123"/></docdata>
    <pubdata ex-ref="http://query.nytimes.com/gst/fullpage.html?res=0000123"/>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Harbor Cranes Return to Service</hl1></hedline>
      <byline class="print_byline">By ANN LEE</byline>
      <byline class="normalized_byline">Lee, Ann</byline>
    </body.head>
    <body.content>
      <block class="lead_paragraph"><p>The harbor cranes returned on Friday.</p></block>
      <block class="full_text">
        <p>The harbor cranes returned on Friday.</p>
        <p>"We are open again," the port director, Tom Ward, said.</p>
      </block>
    </body.content>
  </body>
</nitf>)";
  std::vector<testing::Item> items = ReadAs("1987/03/05/0000123.xml", nyt);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].ok) << items[0].error;
  const Article& a = items[0].article;
  EXPECT_EQ(a.title, "Harbor Cranes Return to Service");
  EXPECT_EQ(a.body,
            "The harbor cranes returned on Friday.\n\n\"We are open again,\" the port director, "
            "Tom Ward, said.");
  EXPECT_EQ(a.url, "http://query.nytimes.com/gst/fullpage.html?res=0000123");
  EXPECT_EQ(a.date, "1987-03-05");
  EXPECT_EQ(a.byline, "ANN LEE");
  EXPECT_EQ(a.record, 1u);
  // A news agency's story in NITF: the date and text as the standard puts
  // them, no URL (the doc-id is its id).
  items = ReadAs("wire.xml", R"(<nitf><head><docdata><doc-id id-string="AG-2019-0042"/>
<date.issue norm="20190704T101500+0000"/></docdata></head><body><body.head><hedline>
<hl1>Bridge reopens</hl1><hl2>After repairs</hl2></hedline></body.head><body.content>
<p>The bridge reopened on Thursday.</p><p>Traffic resumed at noon.</p></body.content>
<body.end><tagline>Agency</tagline></body.end></body></nitf>)");
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].ok) << items[0].error;
  EXPECT_EQ(items[0].article.title, "Bridge reopens");
  EXPECT_EQ(items[0].article.body, "The bridge reopened on Thursday.\n\nTraffic resumed at noon.");
  EXPECT_EQ(items[0].article.date, "2019-07-04");
  EXPECT_EQ(items[0].article.url, "");
  EXPECT_EQ(items[0].article.id, "AG-2019-0042");
}

TEST(FeedReaderTest, NewsMlG2Items) {
  // One item, its text in XHTML, its byline in <by>.
  std::vector<testing::Item> items = ReadAs("item.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:agency.example:20190704:ab12"
    version="2" standard="NewsML-G2" standardversion="2.29" xml:lang="en">
  <itemMeta><itemClass qcode="ninat:text"/><versionCreated>2019-07-04T12:00:00Z</versionCreated>
    <firstCreated>2019-07-04T10:15:00Z</firstCreated></itemMeta>
  <contentMeta><contentCreated>2019-07-04T10:00:00+02:00</contentCreated>
    <creator literal="Agency desk"/><by>By Ana Costa</by>
    <headline>Ferry strike ends</headline>
    <description role="drol:summary">The strike is over.</description></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml">
    <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Ferry</title></head>
    <body><p>The ferry strike ended on Monday.</p><p>Crossings resume tomorrow.</p></body></html>
  </inlineXML></contentSet>
</newsItem>)");
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].ok) << items[0].error;
  const Article& a = items[0].article;
  EXPECT_EQ(a.title, "Ferry strike ends");
  EXPECT_EQ(a.body, "The ferry strike ended on Monday.\n\nCrossings resume tomorrow.");
  EXPECT_EQ(a.date, "2019-07-04T10:00:00+02:00");
  EXPECT_EQ(a.byline, "Ana Costa");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.id, "urn:newsml:agency.example:20190704:ab12");
  // A message of two items: NITF inline, plain text inline, creators' names.
  items = ReadAs("message.xml", R"(<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
<header><sent>2019-07-05T08:00:00Z</sent></header><itemSet>
<newsItem guid="urn:1"><itemMeta><versionCreated>2019-07-05T07:00:00Z</versionCreated></itemMeta>
<contentMeta><creator><name>Tom Ward</name></creator><headline>Bridge reopens</headline>
<language tag="en-GB"/></contentMeta><contentSet><inlineXML contenttype="application/nitf+xml">
<nitf><body><body.head><hedline><hl1>Bridge reopens</hl1></hedline></body.head>
<body.content><p>The bridge reopened on Thursday.</p></body.content></body></nitf></inlineXML>
</contentSet></newsItem>
<newsItem guid="urn:2"><contentMeta><headline>Market closes higher</headline></contentMeta>
<contentSet><inlineData contenttype="text/plain">Shares rose.
Bonds fell.</inlineData></contentSet></newsItem>
</itemSet></newsMessage>)");
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].ok && items[1].ok);
  EXPECT_EQ(items[0].article.title, "Bridge reopens");
  EXPECT_EQ(items[0].article.body, "The bridge reopened on Thursday.");
  EXPECT_EQ(items[0].article.byline, "Tom Ward");
  EXPECT_EQ(items[0].article.date, "2019-07-05T07:00:00Z");
  EXPECT_EQ(items[0].article.language, "en-GB");
  EXPECT_EQ(items[0].article.id, "urn:1");
  EXPECT_EQ(items[1].article.title, "Market closes higher");
  EXPECT_EQ(items[1].article.body, "Shares rose.\n\nBonds fell.");
  EXPECT_EQ(items[1].article.record, 2u);
}

TEST(FeedReaderTest, DeclaredEntities) {
  // Entities of its own that stand for text, and HTML's declared in an
  // external DTD (as Drupal writes them), which is not read.
  std::vector<testing::Item> items = ReadAs(
      "a.rss", "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY % HTMLlat1 PUBLIC "
               "\"-//W3C//ENTITIES Latin 1 for XHTML//EN\" \"xhtml-lat1.ent\">"
               "<!ENTITY nbsp \"&#160;\"><!ENTITY site \"Example\">]>\n"
               "<rss><channel><item><title>&site;&nbsp;news</title>"
               "<description>Caf&eacute; opens.</description></item></channel></rss>");
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].ok) << items[0].error;
  EXPECT_EQ(items[0].article.title, "Example\u00a0news");
  EXPECT_EQ(items[0].article.body, "Caf\u00e9 opens.");
}

TEST(FeedReaderTest, EncodingsAndGzip) {
  // Latin-1 bytes, as the declaration says.
  std::vector<testing::Item> items =
      ReadAs("a.rss", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item>"
                      "<title>Z\xfcrich caf\xe9</title><description>\x93Quoted\x94.</description>"
                      "</item></channel></rss>");
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].ok) << items[0].error;
  EXPECT_EQ(items[0].article.title, "Z\u00fcrich caf\u00e9");
  EXPECT_EQ(items[0].article.body, "\u201cQuoted\u201d.");
  items = ReadAs("a.atom.gz", Gzip("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
                                   "<title>Zipped</title></entry></feed>"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].article.title, "Zipped");
}

TEST(FeedReaderTest, BadFeeds) {
  // An item with nothing to index is reported at its line; the rest stand.
  std::vector<testing::Item> items =
      ReadAs("dir/a.rss", "<rss><channel>\n<item><title>One</title></item>\n<item>\n"
                          "<link>https://x.org/empty</link></item>\n<item><title>Three</title>"
                          "</item></channel></rss>");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(items[0].ok);
  EXPECT_FALSE(items[1].ok);
  EXPECT_EQ(items[1].error, "dir/a.rss:3: no title or text");
  EXPECT_TRUE(items[2].ok);
  EXPECT_EQ(items[2].article.record, 3u);
  // Broken XML: the items before the error, then the error and its line.
  items = ReadAs("b.rss", "<rss><channel><item><title>Kept</title></item>\n\n"
                          "<item><title>Lost</tittle></item></channel></rss>");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].article.title, "Kept");
  EXPECT_EQ(items[1].error, "b.rss:3: invalid XML (mismatched tag)");
  // Not a feed: an .xml file of another kind.
  items = ReadAs("sitemap.xml", "<?xml version=\"1.0\"?>\n<urlset><url/></urlset>");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error,
            "sitemap.xml:2: not an RSS or Atom feed, nor a NITF or NewsML-G2 story (its root is <urlset>)");
  // Entities that refer to entities ("billion laughs"): refused before any
  // expansion. Many references to a long one: stopped at 4 times the size.
  items = ReadAs("lol.rss", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">"
                            "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                            "<rss><channel><item><title>&b;</title></item></channel></rss>");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error, "lol.rss:1: declares entities that refer to entities: not read");
  std::string many = "<!DOCTYPE rss [<!ENTITY a \"" + std::string(1000, 'a') +
                     "\">]><rss><channel><item><title>T</title><description>";
  for (int i = 0; i < 500000; ++i) many += "&a;";
  items = ReadAs("many.rss", many + "</description></item></channel></rss>");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error, "many.rss:1: its entities make it over 4 times as long: not read");
  // Empty, or no XML at all.
  items = ReadAs("e.rss", "");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error, "e.rss:1: invalid XML (no element found)");
  items = ReadAs("t.xml", "just text");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error, "t.xml:1: invalid XML (syntax error)");
  // An item longer than an article may be: reported, the others read.
  items = ReadAs("big.rss", "<rss><channel><item><title>Big</title><description>" +
                                std::string(kMaxArticleBytes + 1, 'x') +
                                "</description></item>\n<item><title>Small</title></item>"
                                "</channel></rss>");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].error, "big.rss:1: item longer than 16 MiB");
  EXPECT_EQ(items[1].article.title, "Small");
  // A feed without items has no articles and nothing to report.
  EXPECT_TRUE(ReadAs("n.rss", "<rss><channel><title>T</title></channel></rss>").empty());
  // Deep nesting reads (Expat keeps its own stack).
  std::string deep = "<rss><channel><item><title>Deep</title><description>";
  for (int i = 0; i < 20000; ++i) deep += "&lt;div&gt;";
  deep += "x</description>";
  for (int i = 0; i < 100000; ++i) deep += "<x>";
  items = ReadAs("deep.rss", deep);
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items.back().error.substr(0, 12), "deep.rss:1: ");
}

}  // namespace
}  // namespace newsarc::indexer
