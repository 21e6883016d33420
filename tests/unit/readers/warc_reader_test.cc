#include "readers/warc_reader.h"

#include <brotli/encode.h>
#include <gtest/gtest.h>
#include <zstd.h>

#include <algorithm>
#include <string>
#include <vector>

#include "reader_test_util.h"
#include "readers/reader.h"

namespace newsarc::indexer {
namespace {

using testing::Deflate;
using testing::Gzip;
using testing::Item;
using testing::ReadAs;

std::string Brotli(const std::string& bytes) {
  std::string out(BrotliEncoderMaxCompressedSize(bytes.size()) + 16, '\0');
  size_t size = out.size();
  BrotliEncoderCompress(BROTLI_DEFAULT_QUALITY, BROTLI_DEFAULT_WINDOW,
                        BROTLI_MODE_TEXT, bytes.size(),
                        reinterpret_cast<const uint8_t*>(bytes.data()), &size,
                        reinterpret_cast<uint8_t*>(out.data()));
  out.resize(size);
  return out;
}

std::string Zstd(const std::string& bytes) {
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  out.resize(
      ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), 3));
  return out;
}

// One WARC record as crawlers write it: CRLF line ends, the block, two CRLFs.
std::string Record(const std::string& type, const std::string& uri,
                   const std::string& content_type, const std::string& block,
                   const std::string& date = "2019-03-05T10:00:00Z") {
  std::string head = "WARC/1.0\r\nWARC-Type: " + type + "\r\n";
  if (!uri.empty()) head += "WARC-Target-URI: " + uri + "\r\n";
  head +=
      "WARC-Date: " + date +
      "\r\nWARC-Record-ID: <urn:uuid:0f0e0d0c-0b0a-4908-8706-050403020100>\r\n";
  if (!content_type.empty()) head += "Content-Type: " + content_type + "\r\n";
  return head + "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" +
         block + "\r\n\r\n";
}

// An HTTP response with `headers` (each ending in CRLF) and `body`.
std::string Http(const std::string& status, const std::string& headers,
                 const std::string& body) {
  return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body;
}

std::string Response(const std::string& uri, const std::string& http) {
  return Record("response", uri, "application/http; msgtype=response", http);
}

std::string ArticlePage(const std::string& title, const std::string& text,
                        const std::string& head = "") {
  return "<!DOCTYPE html><html><head><title>" + title + "</title>" + head +
         "</head><body><nav>Home</nav><article><h1>" + title + "</h1><p>" +
         text + "</p></article></body></html>";
}

// The 1-based line of `needle` in `text`.
uint64_t LineOf(const std::string& text, const std::string& needle) {
  const size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return 1 + static_cast<uint64_t>(
                 std::count(text.begin(), text.begin() + at, '\n'));
}

std::vector<std::string> Errors(const std::vector<Item>& items) {
  std::vector<std::string> errors;
  for (const Item& item : items)
    if (!item.ok) errors.push_back(item.error);
  return errors;
}

std::vector<Article> Articles(const std::vector<Item>& items) {
  std::vector<Article> articles;
  for (const Item& item : items)
    if (item.ok) articles.push_back(item.article);
  return articles;
}

// A small crawl: what is not a page is passed over without a word.
std::string Crawl() {
  std::string png = "\x89PNG\r\n\x1a\n";
  png += std::string(300, '\0') + "IEND";
  return Record("warcinfo", "", "application/warc-fields",
                "software: test\r\nformat: WARC File Format 1.0\r\n") +
         Record("request", "https://news.example.org/heatwave",
                "application/http; msgtype=request",
                "GET /heatwave HTTP/1.1\r\nHost: news.example.org\r\n\r\n") +
         Response(
             "https://news.example.org/heatwave",
             Http("200 OK", "Content-Type: text/html; charset=utf-8\r\n",
                  ArticlePage("Heatwave closes schools",
                       "Schools closed on Thursday as temperatures passed 38C.",
                       "<meta property=\"article:published_time\" "
                       "content=\"2019-07-25T08:00:00Z\">"))) +
         Response("https://news.example.org/logo.png",
                  Http("200 OK", "Content-Type: image/png\r\n", png)) +
         Response(
             "https://news.example.org/old",
             Http("301 Moved Permanently",
                  "Location: https://news.example.org/new\r\nContent-Type: "
                  "text/html\r\n",
                  ArticlePage("Moved", "This page has moved."))) +
         Response("https://news.example.org/missing",
                  Http("404 Not Found", "Content-Type: text/html\r\n",
                       ArticlePage("Not found", "No such page."))) +
         Response("https://news.example.org/site.css",
                  Http("200 OK", "Content-Type: text/css\r\n",
                       "body { color: red }")) +
         // A DNS lookup is a response too, without HTTP.
         Record("response", "dns:news.example.org", "text/dns",
                "20190725080000\nnews.example.org. 300 IN A 192.0.2.7\n") +
         Record("metadata", "https://news.example.org/heatwave",
                "application/warc-fields",
                "outlink: https://news.example.org/new\r\n") +
         Record("revisit", "https://news.example.org/heatwave",
                "application/http; msgtype=response",
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n") +
         // No Content-Type, a path for its canonical link, no date of its own.
         Response("<https://news.example.org/floods?ref=home>",
                  Http("200 OK", "Server: test\r\n",
                       ArticlePage("Floods close roads",
                            "Roads in the valley closed after the rain.",
                            "<link rel=\"canonical\" href=\"/floods\">")));
}

TEST(WarcReaderTest, PagesAreArticlesAndTheRestIsPassedOver) {
  const std::string warc = Crawl();
  for (const std::string name : {"crawl.warc", "crawl.WARC.gz"}) {
    SCOPED_TRACE(name);
    const bool gz = name.ends_with(".gz");
    const std::vector<Item> items = ReadAs(name, gz ? Gzip(warc) : warc);
    EXPECT_EQ(Errors(items), std::vector<std::string>{});
    const std::vector<Article> a = Articles(items);
    ASSERT_EQ(a.size(), 2u);
    EXPECT_EQ(a[0].title, "Heatwave closes schools");
    EXPECT_EQ(a[0].body,
              "Schools closed on Thursday as temperatures passed 38C.");
    EXPECT_EQ(a[0].url, "https://news.example.org/heatwave");
    EXPECT_EQ(a[0].date.substr(0, 10), "2019-07-25");
    EXPECT_EQ(a[0].source_path, name);
    EXPECT_EQ(a[0].record, LineOf(warc, "WARC/1.0\r\nWARC-Type: response"));
    EXPECT_EQ(a[1].title, "Floods close roads");
    EXPECT_EQ(a[1].url, "https://news.example.org/floods");  // made absolute
    EXPECT_EQ(a[1].date, "2019-03-05T10:00:00Z");  // the time of capture
    EXPECT_EQ(
        a[1].record,
        LineOf(warc, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: <"));
  }
}

TEST(WarcReaderTest, AGzipMemberPerRecord) {
  // As Heritrix and Common Crawl write .warc.gz: each record its own member.
  std::string one =
      Response("https://a.example/one",
               Http("200 OK", "Content-Type: text/html\r\n",
                    ArticlePage("First story", "The first story's text.")));
  std::string two =
      Response("https://a.example/two",
               Http("200 OK", "Content-Type: text/html\r\n",
                    ArticlePage("Second story", "The second story's text.")));
  const std::vector<Article> a =
      Articles(ReadAs("x.warc.gz", Gzip(one) + Gzip(two)));
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].title, "First story");
  EXPECT_EQ(a[1].title, "Second story");
  EXPECT_EQ(a[1].record, LineOf(one + two, "https://a.example/two") - 2);
}

TEST(WarcReaderTest, BodiesChunkedAndCompressed) {
  const std::string page =
      ArticlePage("Ferry strike ends", "The ferry strike ended on Monday.");
  // Chunked (with an extension and a trailer), then gzip under chunks.
  std::string chunked;
  for (size_t at = 0; at < page.size(); at += 50) {
    const std::string part = page.substr(at, 50);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", part.size());
    chunked += std::string(size) + (at == 0 ? ";name=value" : "") + "\r\n" +
               part + "\r\n";
  }
  chunked += "0\r\nX-Trailer: 1\r\n\r\n";
  const std::string gz = Gzip(page);
  std::string gz_chunked = "10\r\n" + gz.substr(0, 16) + "\r\n";
  char size[16];
  std::snprintf(size, sizeof size, "%zX", gz.size() - 16);
  gz_chunked += std::string(size) + "\r\n" + gz.substr(16) + "\r\n0\r\n\r\n";
  const std::string html = "Content-Type: text/html\r\n";
  const std::string warc =
      Response(
          "https://a.example/1",
          Http("200 OK", html + "Transfer-Encoding: chunked\r\n", chunked)) +
      Response(
          "https://a.example/2",
          Http(
              "200 OK",
              html + "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
              gz_chunked)) +
      Response("https://a.example/3",
               Http("200 OK", html + "Content-Encoding: deflate\r\n",
                    Deflate(page, 15))) +
      Response("https://a.example/4",
               Http("200 OK", html + "Content-Encoding: deflate\r\n",
                    Deflate(page, -15))) +
      // Stored decoded under the headers of the original response.
      Response(
          "https://a.example/5",
          Http(
              "200 OK",
              html + "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
              page)) +
      // As browsers ask for it, and a list of codings.
      Response(
          "https://a.example/6",
          Http("200 OK", html + "Content-Encoding: br\r\n", Brotli(page))) +
      Response(
          "https://a.example/7",
          Http("200 OK", html + "Content-Encoding: zstd\r\n", Zstd(page))) +
      Response("https://a.example/8",
               Http("200 OK", html + "Content-Encoding: gzip, br\r\n",
                    Brotli(Gzip(page)))) +
      Response(
          "https://a.example/9",
          Http("200 OK", html + "Content-Encoding: compress\r\n", "\x1f\x9d"));
  const std::vector<Item> items = ReadAs("x.warc", warc);
  const std::vector<Article> a = Articles(items);
  ASSERT_EQ(a.size(), 8u);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].title, "Ferry strike ends") << i;
    EXPECT_EQ(a[i].body, "The ferry strike ended on Monday.") << i;
    EXPECT_EQ(a[i].url, "https://a.example/" + std::to_string(i + 1));
  }
  EXPECT_EQ(
      Errors(items),
      std::vector<std::string>{
          "x.warc:" +
          std::to_string(LineOf(warc,
                                "WARC/1.0\r\nWARC-Type: response\r\n"
                                "WARC-Target-URI: https://a.example/9")) +
          ": https://a.example/9: body compressed with \"compress\", which "
          "newsarc does not read"});
}

TEST(WarcReaderTest, TheResponsesCharsetDecides) {
  // The page says Latin-1, the response windows-1251: browsers take the
  // response's, and so does newsarc.
  const std::string cyrillic =
      "\xcd\xee\xe2\xee\xf1\xf2\xe8";  // "Новости" in windows-1251
  const std::string warc = Response(
      "https://ru.example/",
      Http("200 OK", "Content-Type: text/html; charset=\"Windows-1251\"\r\n",
           ArticlePage(cyrillic, cyrillic + " " + cyrillic,
                "<meta charset=\"iso-8859-1\">")));
  const std::vector<Article> a = Articles(ReadAs("ru.warc", warc));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].title, "Новости");
  // Without a charset in the response, the page's own declaration decides.
  const std::string latin = Response(
      "https://de.example/", Http("200 OK", "Content-Type: text/html\r\n",
                                  ArticlePage("Z\xfcrich", "Z\xfcrich im Schnee.",
                                       "<meta charset=\"iso-8859-1\">")));
  const std::vector<Article> b = Articles(ReadAs("de.warc", latin));
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].title, "Zürich");
}

TEST(WarcReaderTest, ResourcesAndExtractedText) {
  const std::string warc =
      Record("resource", "https://a.example/saved", "text/html",
             ArticlePage("Saved page", "A page saved as a resource.")) +
      Record("resource", "https://a.example/robots.txt", "text/plain",
             "User-agent: *\n") +
      // Common Crawl's WET files: the page's text, its title on the first line.
      Record("conversion", "https://b.example/story", "text/plain",
             "Budget approved\nThe council approved the budget.\nIt takes "
             "effect in May.\n",
             "2021-05-01T12:30:00Z");
  // (Common Crawl names them .warc.wet.gz.)
  const std::vector<Item> items = ReadAs("x.warc.wet.gz", Gzip(warc));
  EXPECT_EQ(Errors(items), std::vector<std::string>{});
  const std::vector<Article> a = Articles(items);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].title, "Saved page");
  EXPECT_EQ(a[0].url, "https://a.example/saved");
  EXPECT_EQ(a[1].title, "Budget approved");
  EXPECT_EQ(a[1].body,
            "The council approved the budget. It takes effect in May.");
  EXPECT_EQ(a[1].url, "https://b.example/story");
  EXPECT_EQ(a[1].date, "2021-05-01T12:30:00Z");
}

// The block of a response record with a good page, and the record.
std::string GoodBlock() {
  return Http("200 OK", "Content-Type: text/html\r\n",
              ArticlePage("Good page", "Its text."));
}
std::string Good() { return Response("https://a.example/good", GoodBlock()); }

TEST(WarcReaderTest, BrokenRecordsAreReportedAndTheRestRead) {
  const std::string good = Good();
  const std::string empty = Response(
      "https://a.example/empty",
      Http("200 OK", "Content-Type: text/html\r\n", "<nav>Home</nav>"));
  const std::string no_length =
      "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: "
      "https://a.example/x\r\n"
      "Content-Length: 12x\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>lost</p>\r\n\r\n";
  const std::string warc = good + empty + no_length + good;
  std::vector<Item> items = ReadAs("x.warc", warc);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_TRUE(items[0].ok);
  EXPECT_EQ(items[1].error,
            "x.warc:" +
                std::to_string(LineOf(warc,
                                      "WARC/1.0\r\nWARC-Type: "
                                      "response\r\nWARC-Target-URI: "
                                      "https://a.example/empty")) +
                ": https://a.example/empty: no title or text");
  // Its block is passed over, up to the next record's "WARC/" line.
  EXPECT_EQ(items[2].error,
            "x.warc:" + std::to_string(LineOf(warc, no_length)) +
                ": record without a valid Content-Length: skipped to the next "
                "record");
  ASSERT_TRUE(items[3].ok) << items[3].error;
  EXPECT_EQ(items[3].article.title, "Good page");
  EXPECT_EQ(items[3].article.record, LineOf(warc, "<p>lost</p>") + 2);
  // A response to an HTTP request that holds no HTTP response: reported,
  // and the next record read.
  const std::string no_http = Response("https://a.example/cut", "<html><p>half a pa");
  const std::string huge_head =
      Response("https://a.example/cookies",
               "HTTP/1.1 200 OK\r\nSet-Cookie: " + std::string(70000, 'c') +
                   "\r\nContent-Type: text/html\r\n\r\n" + ArticlePage("Lost", "Its text."));
  const std::string odd = no_http + huge_head + good;
  items = ReadAs("x.warc", odd);
  ASSERT_EQ(items.size(), 3u);
  for (const auto& [k, uri] :
       std::vector<std::pair<size_t, std::string>>{{0, "https://a.example/cut"},
                                                   {1, "https://a.example/cookies"}}) {
    EXPECT_EQ(items[k].error,
              "x.warc:" +
                  std::to_string(LineOf(odd, "WARC/1.0\r\nWARC-Type: response\r\n"
                                             "WARC-Target-URI: " + uri)) +
                  ": " + uri +
                  ": the record holds no HTTP response (no status line, or a head that does "
                  "not end within 64 KiB): passed over");
  }
  ASSERT_TRUE(items[2].ok) << items[2].error;
  EXPECT_EQ(items[2].article.title, "Good page");
  // Lines between records that start none: one report, then the next record.
  const std::string stray = good + "stray line\r\nand another\r\n" + good;
  items = ReadAs("x.warc", stray);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[1].error,
            "x.warc:" + std::to_string(LineOf(stray, "stray line")) +
                ": no record starts here (the previous record's Content-Length "
                "is wrong?): skipped to the next record");
  ASSERT_TRUE(items[2].ok);
  EXPECT_EQ(items[2].article.record, LineOf(stray, "and another") + 1);
}

TEST(WarcReaderTest, NotAWarcFileAndAFileCutShort) {
  std::vector<Item> items =
      ReadAs("x.warc", "<html><title>Not an archive</title></html>\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error,
            "x.warc:1: not a WARC file (it does not start with a WARC/1.0 or "
            "WARC/1.1 line)");
  const std::string block = GoodBlock();
  const std::string good = Good();
  const std::string cut = good + good.substr(0, good.size() - 40);
  items = ReadAs("x.warc", cut);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_TRUE(items[0].ok);
  EXPECT_EQ(items[1].error,
            "x.warc:" +
                std::to_string(1 + std::count(good.begin(), good.end(), '\n')) +
                ": the file ends inside this record (Content-Length " +
                std::to_string(block.size()) + ")");
  // A file cut inside a header, or right after one ("\r" and all).
  items = ReadAs("x.warc", good.substr(0, good.find("\r\n\r\n") + 1));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error,
            "x.warc:1: the file ends inside this record's header");
  items = ReadAs("x.warc", good.substr(0, 60));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error,
            "x.warc:1: the file ends inside this record's header");
  EXPECT_TRUE(ReadAs("x.warc", "").empty());
}

TEST(WarcReaderTest, APageOverTheLimitIsSkippedNotHeld) {
  const std::string big = ArticlePage("Big", std::string(kMaxArticleBytes, 'a'));
  const std::string warc =
      Response("https://a.example/big",
               Http("200 OK", "Content-Type: text/html\r\n", big)) +
      Response("https://a.example/small",
               Http("200 OK", "Content-Type: text/html\r\n",
                    ArticlePage("Small page", "Its text.")));
  const std::vector<Item> items = ReadAs("x.warc", warc);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].error,
            "x.warc:1: https://a.example/big: longer than 16 MiB: not read");
  ASSERT_TRUE(items[1].ok);
  EXPECT_EQ(items[1].article.title, "Small page");
}

TEST(DecodeHttpBodyTest, LimitsAndBrokenBodies) {
  const std::string text(1000, 'x');
  EXPECT_EQ(DecodeHttpBody(Gzip(text), "", "gzip", 1000).value(), text);
  EXPECT_EQ(DecodeHttpBody(Gzip(text), "", "gzip", 999).status().message(),
            "longer than 0 MiB: not read");
  // Two members, as gunzip reads them; a member cut short keeps what came out.
  EXPECT_EQ(DecodeHttpBody(Gzip("ab") + Gzip("cd"), "", "x-gzip", 100).value(),
            "abcd");
  const std::string gz = Gzip(text);
  auto cut = DecodeHttpBody(gz.substr(0, gz.size() - 8), "", "gzip", 2000);
  ASSERT_TRUE(cut.ok());
  EXPECT_EQ(cut.value(), text);
  std::string corrupt = gz;
  corrupt[12] = static_cast<char>(corrupt[12] ^ 0xff);
  corrupt[13] = static_cast<char>(corrupt[13] ^ 0xff);
  EXPECT_EQ(DecodeHttpBody(corrupt, "", "gzip", 2000)
                .status()
                .message()
                .rfind("corrupt compressed body (", 0),
            0u);
  // Chunks cut short keep the whole ones; a body that is not chunked stays.
  EXPECT_EQ(DecodeHttpBody("3\r\nabc\r\n5\r\nde", "chunked", "", 100).value(),
            "abcde");
  EXPECT_EQ(DecodeHttpBody("<p>plain</p>", "chunked", "", 100).value(),
            "<p>plain</p>");
  EXPECT_EQ(DecodeHttpBody("abc", "", "compress", 100).status().message(),
            "body compressed with \"compress\", which newsarc does not read");
  // Brotli and Zstandard: limits, bodies cut short, corrupt ones.
  EXPECT_EQ(DecodeHttpBody(Brotli(text), "", "br", 1000).value(), text);
  EXPECT_EQ(DecodeHttpBody(Zstd(text), "", "zstd", 1000).value(), text);
  EXPECT_FALSE(DecodeHttpBody(Brotli(text), "", "br", 999).ok());
  EXPECT_FALSE(DecodeHttpBody(Zstd(text), "", "zstd", 999).ok());
  const std::string long_text = ArticlePage("Long", std::string(100000, 'y'));
  const std::string br = Brotli(long_text), zst = Zstd(long_text);
  for (const auto& [coding, packed] :
       {std::pair{"br", br}, std::pair{"zstd", zst}}) {
    auto half =
        DecodeHttpBody(packed.substr(0, packed.size() / 2), "", coding, 200000);
    ASSERT_TRUE(half.ok()) << coding << ": " << half.status().message();
    EXPECT_EQ(long_text.substr(0, half.value().size()), half.value()) << coding;
    EXPECT_EQ(DecodeHttpBody("\xff\xff\xff\xff" + packed, "", coding, 200000)
                  .status()
                  .message()
                  .rfind("corrupt compressed body (", 0),
              0u)
        << coding;
  }
}

// One ARC record: its header line (version 1: URL, IP address, archive
// date, content type, length), the block, a line end.
std::string ArcRecord(const std::string& url, const std::string& date,
                      const std::string& type, const std::string& block) {
  return url + " 192.0.2.7 " + date + " " + type + " " + std::to_string(block.size()) + "\n" +
         block + "\n";
}

// An ARC file's first record, which describes the file (version 1).
std::string ArcFileHead() {
  return ArcRecord("filedesc://crawl-0001.arc", "20050301120000", "text/plain",
                   "1 0 Example Crawl\nURL IP-address Archive-date Content-type "
                   "Archive-length\n");
}

TEST(ArcReaderTest, PagesOfAnArcFileAreArticles) {
  std::string png = "\x89PNG\r\n\x1a\n";
  png += std::string(200, '\0');
  const std::string arc =
      ArcFileHead() +
      ArcRecord("dns:news.example.org", "20050301120001", "text/dns", "192.0.2.7\n") +
      ArcRecord("http://news.example.org/robots.txt", "20050301120002", "text/plain",
                Http("200 OK", "Content-Type: text/plain\r\n", "User-agent: *\n")) +
      ArcRecord("http://news.example.org/storm", "20050301120003", "text/html",
                Http("200 OK", "Content-Type: text/html; charset=iso-8859-1\r\n",
                     ArticlePage("Storm hits the coast",
                          "The storm reached the coast at dawn, said the mayor, Ana "
                          "Pi\xf1\x65ro.")));
  // Version 2 headers: five more fields before the length (the offset,
  // where version 1 has the date, is a number of 9 digits here).
  const std::string v2_page =
      Http("200 OK", "Content-Type: text/html\r\n",
           ArticlePage("Harbour reopens", "The harbour reopened on Monday after the storm."));
  const std::string v2 = "http://news.example.org/harbour 192.0.2.7 20050302090000 text/html "
                         "200 ABCDEF0123456789 - 123456789 crawl-0001.arc " +
                         std::to_string(v2_page.size()) + "\n" + v2_page + "\n" +
                         // Crawlers wrote URLs with spaces in them.
                         ArcRecord("http://news.example.org/find?q=storm damage&p=1",
                                   "20050302090500", "text/html",
                                   Http("200 OK", "Content-Type: text/html\r\n",
                                        ArticlePage("Storm damage", "Three roofs were lost.")));
  for (const std::string name : {"crawl.arc", "crawl.ARC.gz"}) {
    SCOPED_TRACE(name);
    const std::vector<Item> items =
        ReadAs(name, name.ends_with(".gz") ? Gzip(arc) + Gzip(v2) : arc + v2);
    EXPECT_TRUE(Errors(items).empty()) << Errors(items)[0];
    const std::vector<Article> a = Articles(items);
    ASSERT_EQ(a.size(), 3u);
    EXPECT_EQ(a[0].title, "Storm hits the coast");
    EXPECT_NE(a[0].body.find("Ana Pi\xc3\xb1" "ero"), std::string::npos) << a[0].body;
    EXPECT_EQ(a[0].url, "http://news.example.org/storm");
    EXPECT_EQ(a[0].date, "2005-03-01T12:00:03Z");  // the time of capture
    EXPECT_EQ(a[0].record, LineOf(arc, "http://news.example.org/storm 192"));
    EXPECT_EQ(a[1].title, "Harbour reopens");
    EXPECT_EQ(a[1].date, "2005-03-02T09:00:00Z");
    EXPECT_EQ(a[1].source_path, name);
    EXPECT_EQ(a[2].url, "http://news.example.org/find?q=storm damage&p=1");
    EXPECT_EQ(a[2].date, "2005-03-02T09:05:00Z");
  }
}

TEST(ArcReaderTest, APageKeptWithoutItsHttpHeadIsReadByTheHeadersType) {
  // Some ARC writers kept the body alone: the header line's type says what
  // it is. A page is an article; anything else is passed over.
  const std::string arc =
      ArcFileHead() +
      ArcRecord("http://news.example.org/vote", "20050301120003", "text/html",
                ArticlePage("Vote count delayed", "The count was delayed until Friday.")) +
      ArcRecord("http://news.example.org/robots.txt", "20050301120004", "text/plain",
                "User-agent: *\nDisallow: /private\n") +
      ArcRecord("http://news.example.org/logo.gif", "20050301120005", "image/gif",
                "GIF89a\x01\x00\x01\x00") +
      // A type the writer did not know: the body decides.
      ArcRecord("http://news.example.org/recount", "20050301120006", "no-type",
                ArticlePage("Recount ordered", "A recount was ordered on Saturday.")) +
      ArcRecord("http://news.example.org/notes", "20050301120007", "unk", "plain notes\n");
  const std::vector<Item> items = ReadAs("old.arc", arc);
  EXPECT_TRUE(Errors(items).empty()) << Errors(items)[0];
  const std::vector<Article> a = Articles(items);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].title, "Vote count delayed");
  EXPECT_EQ(a[0].body, "The count was delayed until Friday.");
  EXPECT_EQ(a[0].url, "http://news.example.org/vote");
  EXPECT_EQ(a[0].date, "2005-03-01T12:00:03Z");
  EXPECT_EQ(a[1].title, "Recount ordered");
}

TEST(ArcReaderTest, BrokenHeadersAndFilesAreReported) {
  const std::string page = Http("200 OK", "Content-Type: text/html\r\n",
                                ArticlePage("Election called", "The election was called today."));
  // A length one byte short: the record's last byte lands where the next
  // header should start, which does not parse; the reader reports it once
  // and goes on at the next line that is a header.
  std::string shorter = ArcRecord("http://news.example.org/a", "20050301120003", "text/html",
                                  page);
  const std::string wrong = std::to_string(page.size());
  shorter.replace(shorter.find(wrong), wrong.size(), std::to_string(page.size() - 1));
  const std::string arc = ArcFileHead() + shorter + "stray line\n" +
                          ArcRecord("http://news.example.org/b", "20050301120004", "text/html",
                                    page);
  std::vector<Item> items = ReadAs("x.arc", arc);
  ASSERT_EQ(Errors(items).size(), 1u);
  EXPECT_EQ(Errors(items)[0],
            "x.arc:" + std::to_string(LineOf(arc, "stray line") - 1) +
                ": not an ARC record header (the previous record's length is wrong?): skipped "
                "to the next record");
  ASSERT_EQ(Articles(items).size(), 2u);
  EXPECT_EQ(Articles(items)[1].url, "http://news.example.org/b");
  // A file cut inside a record.
  const std::string cut = ArcFileHead() + shorter.substr(0, shorter.size() / 2);
  items = ReadAs("x.arc", cut);
  ASSERT_EQ(Errors(items).size(), 1u);
  EXPECT_EQ(Errors(items)[0], "x.arc:" + std::to_string(LineOf(cut, "http://news")) +
                                  ": the file ends inside this record (length " +
                                  std::to_string(page.size() - 1) + ")");
  // Not an ARC file: no filedesc:// record first.
  items = ReadAs("x.arc", ArcRecord("http://news.example.org/a", "20050301120003",
                                    "text/html", page));
  ASSERT_EQ(Errors(items).size(), 1u);
  EXPECT_EQ(Errors(items)[0],
            "x.arc:1: not an ARC file (it does not start with a filedesc:// record)");
  items = ReadAs("x.arc", "SEA ARC archive, not a web archive\n");
  ASSERT_EQ(Errors(items).size(), 1u);
  EXPECT_TRUE(Articles(items).empty());
}

}  // namespace
}  // namespace newsarc::indexer
