#include "keys.h"

#include <gtest/gtest.h>

#include "schema.h"

namespace newsarc::internal {
namespace {

TEST(DateKey, AcceptsIsoAndNewsForms) {
  const std::pair<const char*, const char*> cases[] = {
      {"2017-03-29", "20170329"},
      {"2017-03-29T10:00:00Z", "20170329"},
      {"2017-03-29 10:00", "20170329"},
      {"2017-03", "20170301"},
      {"2017", "20170101"},
      {"20170329", "20170329"},
      {"Wed, 29 Mar 2017 10:00:00 GMT", "20170329"},
      {"Friday, January 4, 2019", "20190104"},
      {"4 January 2019", "20190104"},
      {"2017-02-30", ""},
      {"2019-02-29", ""},
      {"2020-02-29", "20200229"},
      {"2017-13-01", ""},
      {"yesterday", ""},
      {"", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(DateKey(in), want) << in;
}

TEST(HostOf, StripsSchemeWwwPortAndPath) {
  EXPECT_EQ(HostOf("http://www.independent.co.uk/news/a.html"), "independent.co.uk");
  EXPECT_EQ(HostOf("https://en.wikinews.org//wiki/X"), "en.wikinews.org");
  EXPECT_EQ(HostOf("HTTPS://User@Example.COM:8080/x?y"), "example.com");
  EXPECT_EQ(HostOf("bbc.co.uk"), "bbc.co.uk");
  EXPECT_EQ(HostOf("not a url"), "");
  EXPECT_EQ(HostOf(""), "");
}

TEST(SiteTerms, HostAndParentDomains) {
  const auto terms = SiteTerms("news.bbc.co.uk");
  const std::vector<std::string> want = {"Hnews.bbc.co.uk", "Hbbc.co.uk", "Hco.uk"};
  EXPECT_EQ(terms, want);
  EXPECT_TRUE(SiteTerms("").empty());
}

TEST(CanonicalUrl, VersionsOfOneUrlShareIt) {
  EXPECT_EQ(CanonicalUrl("http://www.Independent.co.uk/news/a/"),
            CanonicalUrl("https://independent.co.uk/news/a#comments"));
  EXPECT_EQ(CanonicalUrl("https://x.org/a?b=1"), "x.org/a?b=1");
  EXPECT_NE(CanonicalUrl("https://x.org/A"), CanonicalUrl("https://x.org/a"));
}

TEST(EntityTerms, WholeNameAndWords) {
  EXPECT_EQ(EntityNameTerm("XSP", "Amber  Rudd"), "XSPamber rudd");
  EXPECT_EQ(EntityNameTerm("XSP", " , "), "");
  const std::vector<std::string> words = {"XSWjean-claude", "XSWjean", "XSWclaude",
                                          "XSWjuncker"};
  EXPECT_EQ(EntityWordTerms("XSW", "Jean-Claude Juncker"), words);
  const std::vector<std::string> folded = {"XOWzurich", "XOWinsurance"};
  EXPECT_EQ(EntityWordTerms("XOW", "Zürich Insurance"), folded);
}

TEST(EntityTerms, InitialismsAreOneWordWithOrWithoutStops) {
  EXPECT_EQ(EntityNameTerm("XOP", "U.S. Supreme Court"), "XOPus supreme court");
  EXPECT_EQ(EntityNameTerm("XOP", "US Supreme Court"), "XOPus supreme court");
  EXPECT_EQ(EntityNameTerm("XSP", "J.K. Rowling"), EntityNameTerm("XSP", "jk rowling"));
  const std::vector<std::string> words = {"XSWjk", "XSWrowling"};
  EXPECT_EQ(EntityWordTerms("XSW", "J.K. Rowling"), words);
  // Not an initialism: a dotted name keeps its stops, as FoldKey has them.
  EXPECT_EQ(EntityNameTerm("XOP", "Amazon.com Inc"), "XOPamazon.com inc");
}

TEST(FileIds, PackedAgainstTheirOwnPathOnly) {
  const std::string path = "/news/feed.jsonl";
  EXPECT_EQ(FileArticleId(path, 12), "file:/news/feed.jsonl#12");
  EXPECT_EQ(PackFileId(FileArticleId(path, 12), path), "\x01" "12");
  EXPECT_EQ(UnpackFileId(PackFileId(FileArticleId(path, 0), path), path), FileArticleId(path, 0));
  // Anything else stays as it is: other files, no or odd record numbers,
  // URLs and given ids.
  for (const std::string& id : {FileArticleId("/news/other.jsonl", 3), "file:" + path + "#",
                               "file:" + path + "#1a", "file:" + path + "#1#2",
                               std::string("bbc.co.uk/news/1"), std::string("#1")}) {
    EXPECT_EQ(PackFileId(id, path), id);
    EXPECT_EQ(UnpackFileId(id, path), id);
  }
}

TEST(ShortKey, LongKeysAreCutAndHashed) {
  const std::string shortk(50, 'a');
  EXPECT_EQ(ShortKey(shortk), shortk);
  const std::string a(500, 'a'), b = std::string(499, 'a') + "b";
  EXPECT_LE(ShortKey(a).size(), schema::kMaxKeyBytes);
  EXPECT_NE(ShortKey(a), ShortKey(b));
  // Never cuts inside a UTF-8 sequence.
  std::string utf8;
  for (int i = 0; i < 150; ++i) utf8 += "é";
  const std::string k = ShortKey(utf8);
  EXPECT_EQ(k.substr(0, k.find('#')).size() % 2, 0u);
}

}  // namespace
}  // namespace newsarc::internal
