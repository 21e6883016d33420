// Formatters: JSON parsed back with RapidJSON, paths, human text.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <sstream>
#include <string>

#include "formatters/formatter.h"
#include "formatters/json_formatter.h"
#include "formatters/text_formatter.h"

namespace newsarc::cli {
namespace {

SearchResults Sample() {
  SearchResults r;
  r.query = "café rudd";
  r.estimated_total = 12;
  r.relaxed = true;
  Hit a;
  a.rank = 1;
  a.score = 3.14159265;
  a.id = "independent.co.uk/rudd";
  a.title = "Rudd \x1b[2Jwarns";
  a.date = "2017-03-26";
  a.url = "https://www.independent.co.uk/rudd";
  a.site = "independent.co.uk";
  a.path = "/news/a.txt";
  a.version = 2;
  a.language = "en";
  a.byline = "Jo Bloggs";
  a.speakers = {"Amber Rudd"};
  a.organisations = {"WhatsApp", "Metropolitan Police"};
  a.snippet = "…at a café, Rudd said…";
  a.highlights = {{8, 13}, {15, 19}};  // "café", "Rudd"
  Hit b;
  b.rank = 2;
  b.id = "b";
  b.title = "Other";
  b.path = "/news/a.txt";  // same file as a
  Hit c;
  c.rank = 3;
  c.id = "c";
  c.path = "/news/c.txt";
  r.hits = {a, b, c};
  return r;
}

// Sample() with a suggestion, a folded copy and facets.
SearchResults WithExtras() {
  SearchResults r = Sample();
  r.hits[0].duplicates = 2;
  r.suggestion = "Rudd \x1b[2JWhatsApp";
  r.facets = {{"speakers", {{"Amber Rudd", 3}, {"Craig Mackey", 1}}},
              {"organisations", {}},
              {"site", {{"bbc.co.uk", 4}}},
              {"year", {{"2017", 4}}},
              {"language", {{"en", 4}}}};
  r.facet_articles = 4;
  r.facets_exact = true;
  return r;
}

std::string Write(OutputFormat format, bool color = false) {
  std::ostringstream out;
  FormatOptions options;
  options.color = color;
  MakeFormatter(format, options)->Write(Sample(), out);
  return out.str();
}

TEST(JsonFormatter, ParsesBack) {
  std::string json = Write(OutputFormat::kJson);
  ASSERT_EQ(json.back(), '\n');
  rapidjson::Document d;
  d.Parse(json.c_str());
  ASSERT_FALSE(d.HasParseError()) << json;
  EXPECT_EQ(d["schema_version"].GetInt(), kJsonSchemaVersion);
  EXPECT_STREQ(d["query"].GetString(), "café rudd");
  EXPECT_EQ(d["total"].GetUint64(), 12u);
  EXPECT_FALSE(d["total_exact"].GetBool());
  EXPECT_TRUE(d["relaxed"].GetBool());
  ASSERT_TRUE(d["missing"].IsArray());
  EXPECT_EQ(d["missing"].Size(), 0u);
  EXPECT_EQ(d["offset"].GetUint(), 0u);
  const auto& hits = d["hits"];
  ASSERT_EQ(hits.Size(), 3u);
  const auto& h = hits[0];
  EXPECT_EQ(h["rank"].GetUint(), 1u);
  EXPECT_DOUBLE_EQ(h["score"].GetDouble(), 3.1416);
  EXPECT_STREQ(h["id"].GetString(), "independent.co.uk/rudd");
  EXPECT_STREQ(h["title"].GetString(), "Rudd \x1b[2Jwarns");  // escaped, intact
  EXPECT_STREQ(h["date"].GetString(), "2017-03-26");
  EXPECT_STREQ(h["url"].GetString(), "https://www.independent.co.uk/rudd");
  EXPECT_STREQ(h["site"].GetString(), "independent.co.uk");
  EXPECT_STREQ(h["path"].GetString(), "/news/a.txt");
  EXPECT_EQ(h["version"].GetInt(), 2);
  EXPECT_STREQ(h["language"].GetString(), "en");
  EXPECT_STREQ(h["byline"].GetString(), "Jo Bloggs");
  ASSERT_EQ(h["speakers"].Size(), 1u);
  EXPECT_STREQ(h["speakers"][0].GetString(), "Amber Rudd");
  ASSERT_EQ(h["organisations"].Size(), 2u);
  EXPECT_STREQ(h["organisations"][1].GetString(), "Metropolitan Police");
  std::string snippet = h["snippet"].GetString();
  ASSERT_EQ(h["highlights"].Size(), 2u);
  unsigned b = h["highlights"][0][0].GetUint(),
           e = h["highlights"][0][1].GetUint();
  EXPECT_EQ(snippet.substr(b, e - b), "café");
  EXPECT_EQ(json.find('\x1b'), std::string::npos);  // control chars escaped
}

TEST(JsonFormatter, SuggestionDuplicatesFacets) {
  std::string json = Write(OutputFormat::kJson);
  rapidjson::Document d;
  d.Parse(json.c_str());
  ASSERT_FALSE(d.HasParseError()) << json;
  EXPECT_STREQ(d["suggestion"].GetString(), "");
  EXPECT_TRUE(d["facets"].IsNull());
  EXPECT_EQ(d["hits"][0]["duplicates"].GetUint(), 0u);

  std::ostringstream out;
  MakeFormatter(OutputFormat::kJson, {})->Write(WithExtras(), out);
  d.Parse(out.str().c_str());
  ASSERT_FALSE(d.HasParseError()) << out.str();
  EXPECT_STREQ(d["suggestion"].GetString(), "Rudd \x1b[2JWhatsApp");
  EXPECT_EQ(d["hits"][0]["duplicates"].GetUint(), 2u);
  const auto& f = d["facets"];
  ASSERT_TRUE(f.IsObject());
  EXPECT_EQ(f["articles"].GetUint64(), 4u);
  EXPECT_TRUE(f["exact"].GetBool());
  ASSERT_EQ(f["speakers"].Size(), 2u);
  EXPECT_STREQ(f["speakers"][0]["value"].GetString(), "Amber Rudd");
  EXPECT_EQ(f["speakers"][0]["count"].GetUint64(), 3u);
  EXPECT_EQ(f["organisations"].Size(), 0u);
  EXPECT_STREQ(f["site"][0]["value"].GetString(), "bbc.co.uk");
  EXPECT_STREQ(f["year"][0]["value"].GetString(), "2017");
  EXPECT_STREQ(f["language"][0]["value"].GetString(), "en");
}

TEST(TextFormatter, SuggestionDuplicatesFacets) {
  std::ostringstream out;
  MakeFormatter(OutputFormat::kText, {})->Write(WithExtras(), out);
  std::string text = out.str();
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
  EXPECT_EQ(text.rfind("Did you mean: Rudd  [2JWhatsApp\n\n", 0), 0u) << text;
  EXPECT_NE(text.find("2017-03-26  (+2 copies)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Facets over 4 articles:\n"), std::string::npos) << text;
  EXPECT_NE(text.find("   speakers: Amber Rudd (3), Craig Mackey (1)\n"),
            std::string::npos);
  EXPECT_EQ(text.find("organisations: \n"), std::string::npos);  // empty: left out
  EXPECT_NE(text.find("   year: 2017 (4)\n"), std::string::npos);
}

TEST(TextFormatter, FacetsOverOneArticle) {
  SearchResults r = WithExtras();
  r.facet_articles = 1;
  std::ostringstream out;
  MakeFormatter(OutputFormat::kText, {})->Write(r, out);
  EXPECT_NE(out.str().find("Facets over 1 article:\n"), std::string::npos) << out.str();
  r.facets_exact = false;
  out.str("");
  MakeFormatter(OutputFormat::kText, {})->Write(r, out);
  EXPECT_NE(out.str().find("Facets over 1 (first checked) article:\n"), std::string::npos)
      << out.str();
}

// Relaxed without the words no article has: named, in JSON and in text;
// relaxed to OR: the words are not named.
TEST(Formatters, MissingWords) {
  SearchResults r = Sample();
  r.missing = {"zzyzx", "q\x1b[2Jq"};
  std::ostringstream json;
  MakeFormatter(OutputFormat::kJson, {})->Write(r, json);
  rapidjson::Document d;
  d.Parse(json.str().c_str());
  ASSERT_FALSE(d.HasParseError()) << json.str();
  ASSERT_EQ(d["missing"].Size(), 2u);
  EXPECT_STREQ(d["missing"][0].GetString(), "zzyzx");
  EXPECT_STREQ(d["missing"][1].GetString(), "q\x1b[2Jq");
  std::ostringstream text;
  MakeFormatter(OutputFormat::kText, {})->Write(r, text);
  EXPECT_NE(text.str().find(
                "3 of about 12 results (no article has \"zzyzx\", \"q [2Jq\"; showing those "
                "with the other words)\n"),
            std::string::npos)
      << text.str();
  EXPECT_EQ(text.str().find('\x1b'), std::string::npos);
  r.missing.clear();
  std::ostringstream any;
  MakeFormatter(OutputFormat::kText, {})->Write(r, any);
  EXPECT_NE(any.str().find("3 of about 12 results (no article has every word; showing any)\n"),
            std::string::npos)
      << any.str();
}

TEST(PathsFormatter, UniquePathsInRankOrder) {
  EXPECT_EQ(Write(OutputFormat::kPaths), "/news/a.txt\n/news/c.txt\n");
}

TEST(TextFormatter, Plain) {
  std::string text = Write(OutputFormat::kText);
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
  EXPECT_NE(text.find("1. Rudd  [2Jwarns  2017-03-26\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("speakers: Amber Rudd\n"), std::string::npos);
  EXPECT_NE(text.find("organisations: WhatsApp, Metropolitan Police\n"),
            std::string::npos);
  EXPECT_NE(text.find("…at a café, Rudd said…\n"), std::string::npos);
  EXPECT_NE(text.find("3 of about 12 results"), std::string::npos) << text;
  // A count, not an estimate: no "about".
  SearchResults counted = Sample();
  counted.total_exact = true;
  std::ostringstream out;
  MakeFormatter(OutputFormat::kText, FormatOptions{})->Write(counted, out);
  EXPECT_NE(out.str().find("3 of 12 results"), std::string::npos) << out.str();
}

TEST(TextFormatter, Color) {
  std::string text = Write(OutputFormat::kText, /*color=*/true);
  EXPECT_NE(text.find("\x1b[1;31mcafé\x1b[0m"), std::string::npos) << text;
  EXPECT_NE(text.find("\x1b[1;31mRudd\x1b[0m said"), std::string::npos);
  EXPECT_EQ(text.find("\x1b[2J"), std::string::npos);  // not from the article
}

// --quotes: two quotes, one reported, from two articles.
SearchResults QuoteSample() {
  SearchResults r;
  r.query = "speaker:rudd terrorists";
  r.estimated_total = 2;
  r.quote_total = 3;
  QuoteHit a;
  a.rank = 1;
  a.score = 6.283185;
  a.speaker = "Amber Rudd";
  a.text = "There should be no place for terrorists to hide,";
  a.highlights = {{29, 39}};  // "terrorists"
  a.paragraph = 9;
  a.article_score = 3.1415926;
  a.id = "independent.co.uk/rudd";
  a.title = "Rudd \x1b[2Jwarns";
  a.date = "2017-03-26";
  a.url = "https://www.independent.co.uk/rudd";
  a.site = "independent.co.uk";
  a.path = "/news/a.txt";
  QuoteHit b;
  b.rank = 2;
  b.speaker = "Amber Rudd";
  b.text = "terrorists must not hide";
  b.highlights = {{0, 10}};
  b.direct = false;
  b.title = "Other";
  b.path = "/news/b.txt";
  r.quotes = {a, b};
  return r;
}

std::string WriteQuotes(OutputFormat format, bool color = false) {
  std::ostringstream out;
  FormatOptions options;
  options.color = color;
  options.quotes = true;
  MakeFormatter(format, options)->Write(QuoteSample(), out);
  return out.str();
}

TEST(JsonFormatter, Quotes) {
  rapidjson::Document d;
  d.Parse(Write(OutputFormat::kJson).c_str());
  ASSERT_FALSE(d.HasParseError());
  EXPECT_TRUE(d["quotes"].IsNull());  // not asked for
  EXPECT_EQ(d["quote_total"].GetUint64(), 0u);

  const std::string json = WriteQuotes(OutputFormat::kJson);
  d.Parse(json.c_str());
  ASSERT_FALSE(d.HasParseError()) << json;
  EXPECT_EQ(d["schema_version"].GetInt(), 1);
  EXPECT_EQ(d["hits"].Size(), 0u);
  EXPECT_EQ(d["quote_total"].GetUint64(), 3u);
  const auto& quotes = d["quotes"];
  ASSERT_EQ(quotes.Size(), 2u);
  const auto& q = quotes[0];
  EXPECT_EQ(q["rank"].GetUint(), 1u);
  EXPECT_DOUBLE_EQ(q["score"].GetDouble(), 6.2832);
  EXPECT_STREQ(q["speaker"].GetString(), "Amber Rudd");
  const std::string text = q["text"].GetString();
  EXPECT_EQ(text, "There should be no place for terrorists to hide,");
  ASSERT_EQ(q["highlights"].Size(), 1u);
  const unsigned b = q["highlights"][0][0].GetUint(), e = q["highlights"][0][1].GetUint();
  EXPECT_EQ(text.substr(b, e - b), "terrorists");
  EXPECT_TRUE(q["direct"].GetBool());
  EXPECT_EQ(q["paragraph"].GetUint(), 9u);
  const auto& article = q["article"];
  EXPECT_STREQ(article["id"].GetString(), "independent.co.uk/rudd");
  EXPECT_STREQ(article["title"].GetString(), "Rudd \x1b[2Jwarns");
  EXPECT_STREQ(article["date"].GetString(), "2017-03-26");
  EXPECT_STREQ(article["url"].GetString(), "https://www.independent.co.uk/rudd");
  EXPECT_STREQ(article["site"].GetString(), "independent.co.uk");
  EXPECT_STREQ(article["path"].GetString(), "/news/a.txt");
  EXPECT_DOUBLE_EQ(article["score"].GetDouble(), 3.1416);
  EXPECT_FALSE(quotes[1]["direct"].GetBool());
  EXPECT_STREQ(quotes[1]["article"]["url"].GetString(), "");
}

TEST(TextFormatter, Quotes) {
  const std::string text = WriteQuotes(OutputFormat::kText);
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
  EXPECT_EQ(text,
            "1. Amber Rudd: \u201CThere should be no place for terrorists to hide,\u201D\n"
            "   Rudd  [2Jwarns  2017-03-26  https://www.independent.co.uk/rudd\n\n"
            "2. Amber Rudd (reported): terrorists must not hide\n"
            "   Other  /news/b.txt\n\n"
            "2 of 3 quotes from about 2 matching articles\n");
  const std::string colored = WriteQuotes(OutputFormat::kText, /*color=*/true);
  EXPECT_NE(colored.find("for \x1b[1;31mterrorists\x1b[0m to"), std::string::npos)
      << colored;
  EXPECT_EQ(colored.find("\x1b[2J"), std::string::npos);  // not from the article
}

TEST(TextFormatter, QuotesFromACountedTotal) {
  // The articles were counted, not estimated: no "about", as for hits.
  SearchResults r = QuoteSample();
  r.total_exact = true;
  std::ostringstream out;
  FormatOptions options;
  options.quotes = true;
  MakeFormatter(OutputFormat::kText, options)->Write(r, out);
  const std::string text = out.str();
  EXPECT_TRUE(text.ends_with("\n2 of 3 quotes from 2 matching articles\n")) << text;
  r.estimated_total = 1;
  std::ostringstream one;
  MakeFormatter(OutputFormat::kText, options)->Write(r, one);
  EXPECT_TRUE(one.str().ends_with("\n2 of 3 quotes from 1 matching article\n")) << one.str();
}

TEST(PathsFormatter, QuotePaths) {
  EXPECT_EQ(WriteQuotes(OutputFormat::kPaths), "/news/a.txt\n/news/b.txt\n");
}

TEST(TextFormatter, StripControls) {
  EXPECT_EQ(StripControls("a\x1b[31mb\tc\xc2\x9b"
                          "d"),
            "a [31mb c  d");
  EXPECT_EQ(StripControls("café"), "café");
  // DEL, a C1 control at the very start, a lone lead byte at the end.
  EXPECT_EQ(StripControls("\xc2\x85x\x7fy\xc2"), "  x y\xc2");
  EXPECT_EQ(StripControls(""), "");
}

}  // namespace
}  // namespace newsarc::cli
