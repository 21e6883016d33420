// The query language: each case is a query and the Xapian::Query it must
// parse to, as get_description() writes it (operators kept, text folded,
// prefixes from schema.h, date shorthand boundaries), or an error.
#include "query_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "ranking.h"

namespace newsarc::internal {
namespace {

struct ParseCase {
  const char* query;
  const char* expected;  // description, or "error: <part of the message>"
};

class QueryParserTest : public ::testing::TestWithParam<ParseCase> {};

TEST_P(QueryParserTest, Parses) {
  const ParseCase& c = GetParam();
  auto parsed = ParseQuery(c.query);
  std::string expected = c.expected;
  if (expected.starts_with("error: ")) {
    ASSERT_FALSE(parsed.ok())
        << c.query << " parsed as " << parsed.value().query.get_description();
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(parsed.status().message().find(expected.substr(7)),
              std::string::npos)
        << parsed.status().message();
  } else {
    ASSERT_TRUE(parsed.ok()) << c.query << ": " << parsed.status().message();
    EXPECT_EQ(parsed.value().query.get_description(), "Query(" + expected + ")")
        << c.query;
  }
}

const ParseCase kCases[] = {
    // Free text: AND by default, folded, stemmed (English).
    {"Rudd WhatsApp encryption", "(Zrudd@1 AND Zwhatsapp@2 AND Zencrypt@3)"},
    {"Zürich", "Zzurich@1"},
    {"CAFÉ", "Zcafe@1"},
    {"Masood’s", "Zmasood@1"},
    {"ＮＥＡＲ b", "(Znear@1 AND Zb@2)"},  // full-width is text, not an operator
    {"and or", "(Zand@1 AND Zor@2)"},   // lower case is text too
    // Phrases, with straight or curly quotes.
    {"\"amber rudd\"", "(amber@1 PHRASE 2 rudd@2)"},
    {"“Amber Rudd”", "(amber@1 PHRASE 2 rudd@2)"},
    // Operators stay operators.
    {"a OR b", "(Za@1 OR Zb@2)"},
    {"a AND NOT b", "(Za@1 AND_NOT Zb@2)"},
    {"(Zürich OR Genève) XOR c", "((Zzurich@1 OR Zgenev@2) XOR Zc@3)"},
    {"a NEAR b", "(a@1 NEAR 11 b@2)"},
    {"a NEAR/3 b", "(a@1 NEAR 4 b@2)"},
    {"a ADJ b", "(a@1 PHRASE 11 b@2)"},
    {"a ADJ/2 b", "(a@1 PHRASE 3 b@2)"},
    // A NEAR or ADJ chain among other words binds its own (Xapian 1.4 alone
    // would search the word "near" instead).
    {"Amber Rudd NEAR encryption", "(Zamber@1 AND (rudd@2 NEAR 11 encryption@3))"},
    {"oil prices NEAR/3 record NEAR high",
     "(Zoil@1 AND (prices@2 NEAR 5 record@3 NEAR 5 high@4))"},
    {"(amber rudd NEAR x) date:2017",
     "((Zamber@1 AND (rudd@2 NEAR 11 x@3)) FILTER XY2017)"},
    {"+rudd -boris", "(Zrudd@1 AND_NOT Zbori@2)"},
    {"NOT rudd", "(<alldocuments> AND_NOT Zrudd@1)"},
    // Exclusions alone exclude (Xapian alone would drop the minus signs).
    {"-rudd", "(<alldocuments> AND_NOT Zrudd@1)"},
    {"-rudd -boris", "(<alldocuments> AND_NOT (Zrudd@1 OR Zbori@2))"},
    {"-\"amber rudd\"", "(<alldocuments> AND_NOT (amber@1 PHRASE 2 rudd@2))"},
    {"-speaker:rudd -org:met", "(<alldocuments> AND_NOT (0 * XSWrudd OR 0 * XOWmet))"},
    {"-title:rudd -encrypt*",
     "(<alldocuments> AND_NOT (ZSrudd@1 OR WILDCARD SYNONYM encrypt))"},
    {"-\"amber rudd", "(<alldocuments> AND_NOT (amber@1 PHRASE 2 rudd@2))"},
    {"-rudd -", "(<alldocuments> AND_NOT Zrudd@1)"},
    {"-(rudd OR boris) -\"a (b\"",
     "(<alldocuments> AND_NOT (Zrudd@1 OR Zbori@2 OR (a@3 PHRASE 2 b@4)))"},
    {"-rudd date:2017", "(0 * XY2017 AND_NOT Zrudd@1)"},  // a filter to exclude from
    // Stop words are left out, so they leave nothing to exclude from.
    {"the -rudd", "(<alldocuments> AND_NOT Zrudd@1)"},
    {"the -\"amber rudd\" -a",
     "(<alldocuments> AND_NOT ((amber@1 PHRASE 2 rudd@2) OR Za@3))"},  // -a: as asked
    {"the -rudd who", "(<alldocuments> AND_NOT Zrudd@1)"},
    // Two or more side by side are searched, as Xapian searches them.
    {"the who", "(Zthe@1 AND Zwho@2)"},
    {"the who -rudd", "((Zthe@1 AND Zwho@2) AND_NOT Zrudd@3)"},
    // Groups of exclusions (Xapian drops their minus signs: `x AND rudd`).
    {"x (-rudd)", "(Zx@1 AND_NOT Zrudd@2)"},
    {"x ( -rudd -boris )", "(Zx@1 AND_NOT (Zrudd@2 OR Zbori@3))"},
    {"(-rudd) x", "(Zx@2 AND_NOT Zrudd@1)"},
    {"x (the -rudd)", "(Zx@1 AND_NOT Zrudd@3)"},
    {"x (y (-rudd))", "(Zx@1 AND (Zy@2 AND_NOT Zrudd@3))"},
    {"((-rudd))", "(<alldocuments> AND_NOT Zrudd@1)"},
    {"(-rudd) (-boris)", "(<alldocuments> AND_NOT (Zrudd@1 OR Zbori@2))"},
    {"x (-rudd", "(Zx@1 AND_NOT Zrudd@2)"},  // unclosed: to the end
    {"x (-speaker:rudd)", "(Zx@1 AND_NOT XSWrudd)"},
    // ... and taken by an operator: the articles without the words.
    {"x AND (-rudd)", "(Zx@1 AND (<alldocuments> AND_NOT Zrudd@2))"},
    {"x OR (-rudd -boris)", "(Zx@1 OR (<alldocuments> AND_NOT (Zrudd@2 OR Zbori@3)))"},
    {"x NOT (-rudd)", "(Zx@1 AND_NOT (<alldocuments> AND_NOT Zrudd@2))"},
    {"\"(-rudd)\" x", "(rudd@1 AND Zx@2)"},  // in quotes: words
    {"encrypt*", "WILDCARD SYNONYM encrypt"},
    // Fields.
    {"title:brexit", "ZSbrexit@1"},
    {"Title:Brexit vote", "(ZSbrexit@1 AND Zvote@2)"},
    {"title:\"amber rudd\"", "(Samber@1 PHRASE 2 Srudd@2)"},
    {"speaker:Rudd", "0 * XSWrudd"},
    {"speaker:\"Amber Rudd\"", "0 * XSPamber rudd"},
    {"speaker:“Amber Rudd”", "0 * XSPamber rudd"},
    {"speaker:\"rudd\"", "0 * XSWrudd"},
    {"org:\"Metropolitan Police\"", "0 * XORmetropolitan police"},
    {"org:WhatsApp speaker:rudd", "0 * (XOWwhatsapp AND XSWrudd)"},
    // A space after a field name's colon: the value is still the field's.
    {"speaker: Rudd", "0 * XSWrudd"},
    {"Title: Brexit vote", "(ZSbrexit@1 AND Zvote@2)"},
    {"date: 2017", "0 * XY2017"},
    {"-speaker: rudd", "(<alldocuments> AND_NOT XSWrudd)"},
    {"speaker: \"amber rudd\" x", "(Zx@1 FILTER XSPamber rudd)"},
    {"\"speaker: rudd\"", "(speaker@1 PHRASE 2 rudd@2)"},  // words of a phrase
    {"note: x", "(Znote@1 AND Zx@2)"},                       // not a field
    {"speaker:rudd speaker:mackey", "0 * (XSWrudd AND XSWmackey)"},
    {"speaker:rudd OR speaker:mackey", "(0 * XSWrudd OR 0 * XSWmackey)"},
    {"encryption speaker:rudd", "(Zencrypt@1 FILTER XSWrudd)"},
    {"site:www.BBC.co.uk", "0 * Hbbc.co.uk"},
    {"site:https://www.independent.co.uk/news/x", "0 * Hindependent.co.uk"},
    {"site:a.com site:b.com", "0 * (Ha.com OR Hb.com)"},
    {"site:localhost:8080", "0 * Hlocalhost"},
    {"site:user@News.Example.org/x?y", "0 * Hnews.example.org"},
    {"lang:en", "0 * Len"},
    {"lang:el", "0 * Lel"},
    {"lang:en-GB x", "(Zx@1 FILTER Len)"},  // as the indexer keeps "en-GB"
    {"lang:EN_us lang:fr", "0 * (Len OR Lfr)"},  // OR'd, as site: is
    {"lang:fr élection", "(Zelect@1 FILTER Lfr)"},  // French stemmer
    {"lang:de Häuser", "(Zhaus@1 FILTER Lde)"},     // German stemmer
    {"lang:English", "0 * Len"},                   // a language's name
    {"lang:german Häuser", "(Zhaus@1 FILTER Lde)"},  // its stemmer too
    {"lang:français élection", "(Zelect@1 FILTER Lfr)"},
    {"lang:ger", "0 * Lde"},                       // ISO 639-2
    // Dates: a year or month as an upper bound means its end.
    {"date:2017", "0 * XY2017"},  // whole years: the year terms
    {"date:2017-03", "VALUE_RANGE 0 20170301 20170331"},
    {"date:2017-02", "VALUE_RANGE 0 20170201 20170228"},
    {"date:2016-02", "VALUE_RANGE 0 20160201 20160229"},
    {"date:2000-02", "VALUE_RANGE 0 20000201 20000229"},
    {"date:1900-02", "VALUE_RANGE 0 19000201 19000228"},
    {"date:2017-03-01", "VALUE_RANGE 0 20170301 20170301"},
    {"date:2017..2018", "0 * (XY2017 OR XY2018)"},
    {"date:2017-01-01..2018-12-31", "0 * (XY2017 OR XY2018)"},
    {"date:1900..2017", "VALUE_RANGE 0 19000101 20171231"},  // over 100 years
    {"date:2017-03..2017-04", "VALUE_RANGE 0 20170301 20170430"},
    {"date:2017-03-01..2017-03-31", "VALUE_RANGE 0 20170301 20170331"},
    {"date:2017-03..", "VALUE_GE 0 20170301"},
    {"date:..2017-03", "VALUE_LE 0 20170331"},
    {"date:..2017", "VALUE_LE 0 20171231"},
    {"date:20170301..20170331", "VALUE_RANGE 0 20170301 20170331"},
    {"date:2017 date:2019", "0 * (XY2017 OR XY2019)"},
    {"rudd date:2017", "(Zrudd@1 FILTER XY2017)"},
    {"rudd date:2017-03", "(Zrudd@1 FILTER VALUE_RANGE 0 20170301 20170331)"},
    // CJK is split into n-grams, as the index does.
    {"中国人", "(中@1 AND 中国@1 AND 国@1 AND 国人@1 AND 人@1)"},
    // Among other words too (Xapian 1.4.22 alone: "parse error").
    {"rudd 東京 whatsapp", "(Zrudd@1 AND (東@2 AND 東京@2 AND 京@2) AND Zwhatsapp@3)"},
    {"rudd title:東京 whatsapp", "(Zrudd@1 AND (S東@2 AND S東京@2 AND S京@2) AND Zwhatsapp@3)"},
    // Bad queries.
    {"date:2017-13", "error: bad date \"2017-13\""},
    {"date:2017-02-29", "error: bad date"},
    {"date:2017-3", "error: bad date"},
    {"date:17", "error: bad date"},
    {"date:..", "error: bad date"},
    {"date:\"\"", "error: bad date \"\""},  // found by fuzz_query_parser
    {"date:\"", "error: bad date \"\""},
    {"date:2018..2017", "error: ends before it starts"},
    {"x AND", "error: syntax error"},
    {"OR", "error: syntax error"},
    {"a NOT", "error: syntax error"},
    {"speaker:\"\"", "error: speaker: needs a name"},
    {"speaker:", "error: speaker: needs a value"},
    // Operators Xapian 1.4 would quietly read as words.
    {"\"amber rudd\" NEAR encryption", "error: NEAR and ADJ go between single words"},
    {"speaker:rudd NEAR x", "error: NEAR and ADJ go between single words"},
    {"x NEAR", "error: NEAR and ADJ go between single words"},
    {"a NEAR b ADJ c", "error: do not mix in one chain"},
    {"-rudd OR x", "error: the operators do not fit together"},
    {"rudd date:", "error: date: needs a value"},
    {"title: AND x", "error: title: needs a value"},
    {"(org: ) x", "error: org: needs a value"},
    {"lang:englsh", "error: lang: 'englsh' is neither a language code"},
    {"lang:\"\"", "error: lang: needs a language code"},
    // A filter's group: the filter on each value in it (Xapian alone read
    // "-speaker:(abc)" as requiring the speaker).
    {"x -speaker:(abc)", "(Zx@1 AND_NOT XSWabc)"},
    {"x speaker:(rudd OR may)", "(Zx@1 AND (0 * XSWrudd OR 0 * XSWmay))"},
    {"x -org:(bbc \"sky news\")", "(Zx@1 AND_NOT (XOWbbc AND XORsky news))"},
    {"x site:(bbc.co.uk cnn.com)", "(Zx@1 AND 0 * (Hbbc.co.uk OR Hcnn.com))"},
    {"x date:(2017 OR 2019..2020)", "(Zx@1 AND (0 * XY2017 OR 0 * (XY2019 OR XY2020)))"},
    {"x speaker:((rudd OR may) -boris)",
     "(Zx@1 AND ((0 * XSWrudd OR 0 * XSWmay) AND_NOT XSWboris))"},
    {"-speaker: (rudd OR may)", "(<alldocuments> AND_NOT (0 * XSWrudd OR 0 * XSWmay))"},
    {"x speaker:()", "error: speaker: needs a value inside its brackets"},
    {"x org:( OR )", "error: org: needs a value inside its brackets"},
    // A hyphenated word is the phrase of its parts, or the word of its
    // letters together where an article has that and not the phrase
    // (JoinCompoundPhrases; the phrase checked where the word is); stemmed
    // as a word, also in titles, also excluded; as written inside quotes.
    // Not a compound: digits, five parts.
    {"e-mail",
     "((e@1 PHRASE 2 mail@2) OR "
     "(Zemail AND_NOT (Zemail AND (e@1 PHRASE 2 mail@2))))"},
    {"x e-mails",
     "(Zx@1 AND ((e@2 PHRASE 2 mails@3) OR "
     "(Zemail AND_NOT (Zemail AND (e@2 PHRASE 2 mails@3)))))"},
    {"title:cease-fires",
     "((Scease@1 PHRASE 2 Sfires@2) OR "
     "(ZSceasefir AND_NOT (ZSceasefir AND (Scease@1 PHRASE 2 Sfires@2))))"},
    {"+e-mail x",
     "(((e@1 PHRASE 2 mail@2) OR "
     "(Zemail AND_NOT (Zemail AND (e@1 PHRASE 2 mail@2)))) AND Zx@3)"},
    {"x -e-mail",
     "(Zx@1 AND_NOT ((e@2 PHRASE 2 mail@3) OR "
     "(Zemail AND_NOT (Zemail AND (e@2 PHRASE 2 mail@3)))))"},
    {"-e-mail",
     "(<alldocuments> AND_NOT ((e@1 PHRASE 2 mail@2) OR "
     "(Zemail AND_NOT (Zemail AND (e@1 PHRASE 2 mail@2)))))"},
    {"(e-mail OR post) -x",
     "((((e@1 PHRASE 2 mail@2) OR "
     "(Zemail AND_NOT (Zemail AND (e@1 PHRASE 2 mail@2)))) OR Zpost@3) AND_NOT Zx@4)"},
    {"state-of-the-art",
     "((state@1 PHRASE 4 of@2 PHRASE 4 the@3 PHRASE 4 art@4) OR "
     "(Zstateoftheart AND_NOT "
     "(Zstateoftheart AND (state@1 PHRASE 4 of@2 PHRASE 4 the@3 PHRASE 4 art@4))))"},
    {"\"e-mail\"", "(e@1 PHRASE 2 mail@2)"},
    {"“e-mail” x", "((e@1 PHRASE 2 mail@2) AND Zx@3)"},
    {"\"send e-mail\" e-mail",
     "((send@1 PHRASE 3 e@2 PHRASE 3 mail@3) AND "
     "((e@4 PHRASE 2 mail@5) OR (Zemail AND_NOT (Zemail AND (e@4 PHRASE 2 mail@5)))))"},
    {"covid-19 e-mail-address-book-entry",
     "((covid@1 PHRASE 2 19@2) AND "
     "(e@3 PHRASE 5 mail@4 PHRASE 5 address@5 PHRASE 5 book@6 PHRASE 5 entry@7))"},
    {"e-mail NEAR x", "error: NEAR and ADJ go between single words"},
};

INSTANTIATE_TEST_SUITE_P(Table, QueryParserTest, ::testing::ValuesIn(kCases));

TEST(QueryParser, FoldQueryKeepsOperators) {
  EXPECT_EQ(FoldQuery("Zürich  AND (Genève OR Bern) NEAR/2 x"),
            "zurich AND (geneve OR bern) NEAR/2 x");
  EXPECT_EQ(FoldQuery("(NOT“Café”)"), "(not\"cafe\")");
  EXPECT_EQ(FoldQuery("(NOT \"a\")"), "(NOT \"a\")");
}

TEST(QueryParser, FoldQueryJoinsInitialismsButInNamesAndKeys) {
  EXPECT_EQ(FoldQuery("U.S. troops"), "us. troops");
  EXPECT_EQ(FoldQuery("\"U.K. Parliament\" OR title:U.N."), "\"uk. parliament\" OR title:un.");
  EXPECT_EQ(FoldQuery("-u.s.a +E.U"), "-usa +eu");
  // Fields matched as written keep their stops, in phrases and groups too.
  EXPECT_EQ(FoldQuery("speaker:\"Rowling J.K.\" U.S."), "speaker:\"rowling j.k.\" us.");
  EXPECT_EQ(FoldQuery("speaker: J.K. U.S."), "speaker: j.k. us.");
  EXPECT_EQ(FoldQuery("org:(U.N. OR A.B.C.) U.K."), "org:(u.n. OR a.b.c.) uk.");
  EXPECT_EQ(FoldQuery("site:a.b.gov u.s.gov"), "site:a.b.gov u.s.gov");
}

TEST(QueryParser, FoldQueryIsIdempotent) {
  for (const ParseCase& c : kCases) {
    std::string once = FoldQuery(c.query);
    EXPECT_EQ(FoldQuery(once), once) << c.query;
  }
}

TEST(QueryParser, SimpleQueryWordsOnlyForWords) {
  using Words = std::vector<std::string_view>;
  EXPECT_EQ(SimpleQueryWords("japan  trade\tsurplus"), (Words{"japan", "trade", "surplus"}));
  EXPECT_EQ(SimpleQueryWords("zürich 2017"), (Words{"zürich", "2017"}));
  EXPECT_EQ(SimpleQueryWords(""), Words{});
  for (const char* q : {"a OR b", "a AND b", "a NEAR/3 b", "\"a b\" c", "a (b c)", "+a b",
                        "a -b", "a b*", "speaker:rudd a", "title: a b"})
    EXPECT_EQ(SimpleQueryWords(q), Words{}) << q;
}

TEST(QueryParser, CountsFreeTerms) {
  EXPECT_EQ(ParseQuery("rudd").value().free_terms, 1u);
  EXPECT_EQ(ParseQuery("rudd encryption speaker:x").value().free_terms, 2u);
  EXPECT_EQ(ParseQuery("encrypt* rudd").value().free_terms, 2u);
  EXPECT_EQ(ParseQuery("speaker:rudd org:met").value().free_terms, 0u);
}

TEST(QueryParser, WordsOfChineseJapaneseKoreanAmongOthers) {
  for (const char* query : {"sqlsrv_query 스타일 mysql_query", "東京 rudd 大阪 x", "a 東京abc b"}) {
    for (DefaultOp op : {DefaultOp::kAnd, DefaultOp::kOr}) {
      auto parsed = ParseQuery(query, op);
      EXPECT_TRUE(parsed.ok()) << query << ": " << parsed.status().message();
    }
  }
}

// Wide punctuation (`、`) or U+FFFD between stop words, after a sign with no
// word: the token was once put in brackets as a CJK word is, a group of
// nothing, and Xapian 1.4.22's parser crashed (found by fuzz_query_parser).
TEST(QueryParser, StopWordsAroundWidePunctuationAfterASign) {
  for (const std::string& query : std::vector<std::string>{
           "h +, or\u3001or", "h +\u3001 the\u3001the", "rudd +, or\uFFFDor",
           "h\x01+\x80 OR\xE1OR"}) {
    for (DefaultOp op : {DefaultOp::kAnd, DefaultOp::kOr}) {
      auto parsed = ParseQuery(query, op);
      ASSERT_TRUE(parsed.ok()) << query << ": " << parsed.status().message();
      EXPECT_NE(parsed.value().query.get_description().find("Z"), std::string::npos) << query;
    }
  }
  // A CJK word there is still searched.
  auto parsed = ParseQuery("rudd +, or\u3001\u4E2D");
  ASSERT_TRUE(parsed.ok());
  EXPECT_NE(parsed.value().query.get_description().find("\u4E2D"), std::string::npos);
}

TEST(QueryParser, OrOperator) {
  auto parsed = ParseQuery("rudd whatsapp", DefaultOp::kOr);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value().query.get_description(),
            "Query((Zrudd@1 OR Zwhatsapp@2))");
}

TEST(QueryParser, DeeplyNestedExclusionsDoNotExhaustTheStack) {
  // Each level of rewritten groups is a call: 200,000 levels crashed.
  const std::string deep = std::string(200000, '(') + "-rudd" + std::string(200000, ')');
  auto parsed = ParseQuery("x " + deep);
  EXPECT_TRUE(parsed.ok() || parsed.status().code() == StatusCode::kInvalidArgument);
  // Shallow ones are still rewritten: x AND_NOT rudd, not x AND rudd.
  const std::string some = std::string(20, '(') + "-rudd" + std::string(20, ')');
  ASSERT_TRUE(ParseQuery("x " + some).ok());
  EXPECT_EQ(ParseQuery("x " + some).value().query.get_description(),
            "Query((Zx@1 AND_NOT Zrudd@2))");
}

TEST(QueryParser, StopWordsInNestedExclusionsDoNotCrashXapian) {
  // Xapian 1.4.22's parser dereferenced a null query on stop words joined by
  // a symbol or a lone operator in an exclusion nested after "word(" (found
  // by fuzz_query_parser): each of these crashed newsarc-search.
  for (const char* q : {"-r(-(a\xE2\x82\xAC" "or", "x -r(-(the\xC2\xA9of", "-r(-(a + or",
                        "x -r(-(the - of))", "x -r(-(the | of))", "-r.(-(a + or",
                        "-r\xEF\xBF\xBD(-(a + or", "-r-(-(a + or", "-r:(-(a + or",
                        "dR bda0t AD(-a#- c OR((-( a\x96\xD6+\xE1OR )", "-r\x01\x80(-(a + or",
                        // and without a glued bracket (a later fuzz_query_parser finding)
                        "-r -(a + or", "-r\x01\x80 -(a + or", "x -r -(a+or",
                        "-r -(a\xE2\x82\xAC" "or", "-r -(-(a + or))", "-r -(the\xE2\x82\xAC" "the)",
                        // a sign, then symbols or a field before the group; groups within
                        // an unsigned group; a loved group (later findings)
                        "-O -\xE1(a\xE1OR", "-o -. (a;or)", "-o -title:(a;or)", "x +(a;or)",
                        "~-a#cO  -#cO  -[((-( a\x96\xD6+\xE1( a\x96\xD6+\xE1OR )",
                        "-[((-( a\xE2\x82\xAC+\xE2\x82\xAC( a\xE2\x82\xAC+\xE2\x82\xAC" "OR )",
                        // a field with a bad value in a hated group
                        "\xE1(-3(-((-date:\xD1", "x (-3 (-((-date:zz", "x -a -(-speaker:,)",
                        // a sign after a control character; spaces among the symbols
                        "-o\x17-title:(a;or", "-o -. \xFF(a;or", "-o -. . (a;or)", "-o -(a (a;or))",
                        // a colon, a quote, a star or a title field that make no term
                        "-o -(a;or:", "-o -(a;or\"", "-o -(title:the;or)", "-o -(a * or*the)",
                        "-o -title:(a\"\"\"\"or",
                        // a sign after DEL, white space to Xapian (CI's 15 s run found it)
                        "d\x7F+\xE1(a\xE1OR", "d\x7F+(a;or", "x\xC2\x85-y -(a;or)",
                        "x\xC2\xA0-y\xC2\xA0-(a;or)",
                        // quotes in pairs between the sign and the group
                        "-o -\"\"\"\" (a\xFFor", "-o -\"\" \"\" (a;or)",
                        // a quote in a filter's value, which opens no phrase (a 90 s
                        // fuzz_query_parser run found the first)
                        "\"\"speaker:d\" t\x7F+\xE1(a\xD4OR", "speaker:d\" t +(a;or)",
                        "'speaker:d\" t +(a;or)", "x -y org:a\"b t -(a;or)",
                        // ... after a Chinese character, which Xapian splits off (the next
                        // run's finding)
                        "\"\"\xE4\xB8\xADspeaker:d\" t\x7F+\xE1(a\xD4OR",
                        "\xE4\xB8\xADspeaker:d\" t +(a;or)",
                        // a bracket Xapian skips, whose closing one closes the group around it
                        "x -r -( ;or \"\"(a) rudd)"}) {
    auto parsed = ParseQuery(q);
    EXPECT_TRUE(parsed.ok() || parsed.status().code() == StatusCode::kInvalidArgument) << q;
  }
  // In --any mode Xapian ANDs loved terms apart: "+y +(a;or)" crashed it there.
  for (const char* q : {"+y +(a;or)", "x +y +(a;or)", "x -y -(a;or)", "d\x7F+(a;or"}) {
    auto parsed = ParseQuery(q, DefaultOp::kOr);
    EXPECT_TRUE(parsed.ok() || parsed.status().code() == StatusCode::kInvalidArgument) << q;
  }
  for (const char* q : {"x (-3 (-((-date:zz", "x -a -(-speaker:,)", "x -a -((-site:/))"}) {
    EXPECT_EQ(ParseQuery(q).status().code(), StatusCode::kInvalidArgument) << q;
  }
  // A bracket glued to a word means what it means after a space.
  ASSERT_TRUE(ParseQuery("rudd(whatsapp OR facebook)").ok());
  EXPECT_EQ(ParseQuery("rudd(whatsapp OR facebook)").value().query.get_description(),
            ParseQuery("rudd (whatsapp OR facebook)").value().query.get_description());
}

// A query and what DropEmptyGroups leaves of it.
struct DropCase {
  const char* query;
  const char* dropped;
};

TEST(QueryParser, DropEmptyGroupsKeepsWhatMatters) {
  const Xapian::Stopper* stop = QueryStopper(Ranking());
  ASSERT_NE(stop, nullptr);
  for (const DropCase& c : {
           DropCase{"x -(a + or) y", "x   y"},
           DropCase{"-r -(-(a + or))", "-r  "},
           DropCase{"-r -(a\xE2\x82\xAC" "or", "-r  "},
           // The sign goes too, also across symbols and spaces, and a field;
           // groups within go first, and the group is read without them.
           DropCase{"-o -. (a;or) x", "-o   x"},
           DropCase{"-o -(a;or; (a;or)) x", "-o   x"},
           DropCase{"-o -title:(a;or) x", "-o   x"},
           DropCase{"-r -[ ((-( a;or;( a;or )", "-r  "},
           DropCase{"x +(a;or)", "x  "},
           DropCase{"-o -. . \xFF (a;or) x", "-o   x"},
           DropCase{"d\x7F+(a;or) x", "d\x7F  x"},
           DropCase{"-o -\"\" (a;or) x", "-o   x"},
           DropCase{"x -(a;or (a;or))", "x  "},
           // A + or - that is no sign stays (Xapian skips it).
           DropCase{"d;+(a;or) x", "d;+  x"},
           DropCase{"-o \"-\" (a;or) x", "-o \"-\"   x"},
           // Unsigned groups go too: Xapian leaves them out anyway.
           DropCase{"x ((a;or))", "x  "},
           DropCase{"x (the -(a;or))", "x (the  )"},
           // A lone quote, "", a star or a colon alone makes no word.
           DropCase{"x -(a;or\"", "x  "},
           DropCase{"x -(a\"\";\"\"or)", "x  "},
           DropCase{"x -(a;or:)", "x  "},
           DropCase{"x -(a * or*the)", "x  "},
           // A group is read without the groups within it that go: "(a  )"
           // holds a lone word, which Xapian does not stop.
           DropCase{"-o -(a (a;or)) x", "-o -(a  ) x"},
           // A bracket after anything but white space, a bracket or a sign
           // opens no group: its closing one closes the group around it.
           DropCase{"-r -( ;or \"\"(a) rudd)", "-r   rudd)"},
           DropCase{"-r -( ;or \"x\"(a) rudd)", "-r -( ;or \"x\"(a) rudd)"},
           // A filter's value is one term, read as Xapian reads it: to a space
           // or a closing bracket, or within quotes ("" a quote in them), so
           // that a quote or a bracket in it opens nothing.
           DropCase{"speaker:d\" t +(a;or) x", "speaker:d\" t   x"},
           DropCase{"speaker:\"d \"\" e\" +(a;or) x", "speaker:\"d \"\" e\"   x"},
           DropCase{"x -speaker:(a;or) y", "x -speaker:(a;or) y"},
           DropCase{"x -(speaker:a) -(a;or)", "x -(speaker:a)  "},
           // ... but only where Xapian reads a field: spelt exactly, where a
           // term starts, outside a phrase. Elsewhere the quote opens a
           // phrase, and in a phrase it closes it.
           DropCase{"Speaker:d\" +(a;or) x", "Speaker:d\" +(a;or) x"},
           DropCase{"a-speaker:d\" +(a;or) x", "a-speaker:d\" +(a;or) x"},
           DropCase{"o'speaker:d\" +(a;or) x", "o'speaker:d\" +(a;or) x"},
           DropCase{"\"speaker:d\" +(a;or) x", "\"speaker:d\"   x"},
       }) {
    EXPECT_EQ(DropEmptyGroups(c.query, stop), c.dropped) << c.query;
  }
  // Kept, as Xapian keeps them: a content word, a phrase, a field, a
  // wildcard, a lone word even if a stop word (Xapian stops no lone word),
  // stop words separated only by spaces (Xapian reads them again without its
  // stop list), a group that holds a kept one.
  for (const char* q : {"x -((rudd) the)", "x -(a 'rudd')", "x -(the whatsapp)",
                        "x -(\"the who\")", "x -(title:rudd)", "x -(speaker:the)",
                        "x -(a \"or\")", "x -(or*;the)", "x -(th*)", "x -(a * or*;the)",
                        "x -(title:the)", "x -(a)", "(the who)", "-r -[ ((-( a ( a or )",
                        "x -(a\xE2\x80\x8Bnd don\xE2\x80\x99t)", "x \"-(a;or)\""}) {
    EXPECT_EQ(DropEmptyGroups(q, stop), q) << q;
  }
  EXPECT_EQ(DropEmptyGroups("x -(a;or)", nullptr), "x -(a;or)");
  // TextForXapian spaces out a field glued to what comes before it, so that
  // it is a field wherever it stands.
  EXPECT_EQ(DropEmptyGroups(TextForXapian("a-speaker:d\" +(a;or) x"), stop),
            "a- speaker:d\"   x");
  EXPECT_EQ(DropEmptyGroups(TextForXapian("'speaker:d\" t +(a;or) x"), stop),
            "' speaker:d\" t   x");
  EXPECT_EQ(DropEmptyGroups(TextForXapian("\xE4\xB8\xADspeaker:d\" +(a;or) x"), stop),
            "\xE4\xB8\xAD speaker:d\"   x");
  EXPECT_EQ(DropEmptyGroups(TextForXapian("-o\x17-title:(a;or) x"), stop), "-o\x17-   x");
  // Each group is read once, however deep: 20,000 levels of stop words.
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "-(a;or;";
  EXPECT_TRUE(DropEmptyGroups("x " + deep, stop) == "x  ");
  // The query means the same without them.
  EXPECT_EQ(ParseQuery("rudd -(the + of)").value().query.get_description(),
            ParseQuery("rudd").value().query.get_description());
  // Before the exclusions are read: "-rudd -(the + of)" excludes Rudd.
  ASSERT_TRUE(ParseQuery("-rudd -(the + of)").ok());
  EXPECT_EQ(ParseQuery("-rudd -(the + of)").value().query.get_description(),
            ParseQuery("-rudd").value().query.get_description());
}

TEST(QueryParser, ExpandFilterGroupsPutsTheFieldOnEachValue) {
  const std::pair<const char*, const char*> cases[] = {
      {"-speaker:(abc)", "-(speaker:abc)"},
      {"x +org:(a OR \"b c\" -d) y", "x +(org:a OR org:\"b c\" -org:d) y"},
      {"(site:(a b)) c", "((site:a site:b)) c"},
      {"lang:((en OR fr) -de)", "((lang:en OR lang:fr) -lang:de)"},
      {"speaker:(\"amber rudd\")", "(speaker:\"amber rudd\")"},
      {"speaker:(a)b c", "(speaker:a)b c"},
      {"speaker:(a b", "(speaker:a speaker:b"},      // unclosed, as Xapian reads it
      {"speaker:(org:x)", "(org:x)"},                 // a value with its own field
      {"title:(a b) x:(c)", "title:(a b) x:(c)"},     // Xapian's own field group
      {"\"speaker:(a)\" b", "\"speaker:(a)\" b"},  // in a phrase
      {"date:(2017..2018) lang:en", "(date:2017..2018) lang:en"},
      {"speaker:(d\"x y) z", "(speaker:d\"x speaker:y) z"},  // a quote within a value
      {"org:(\"a b c\" -d)", "(org:\"a b c\" -org:d)"},
  };
  for (const auto& [in, want] : cases) {
    auto got = ExpandFilterGroups(in);
    ASSERT_TRUE(got.ok()) << in << ": " << got.status().message();
    EXPECT_EQ(got.value(), want) << in;
  }
  for (const char* bad : {"speaker:()", "x -org:( AND ) y", "site:(("}) {
    auto got = ExpandFilterGroups(bad);
    ASSERT_FALSE(got.ok()) << bad << " gave " << got.value();
    EXPECT_NE(got.status().message().find("needs a value inside its brackets"),
              std::string::npos);
  }
  // Means what the filters written out mean.
  for (const auto& [group, spelled] :
       {std::pair{"x -speaker:(rudd may)", "x -(speaker:rudd speaker:may)"},
        std::pair{"x org:(bbc OR itv)", "x (org:bbc OR org:itv)"}}) {
    EXPECT_EQ(ParseQuery(group).value().query.get_description(),
              ParseQuery(spelled).value().query.get_description());
  }
}

TEST(QueryParser, TextForXapianSpacesOutGluedFields) {
  // Where Xapian sees a field depends on what comes before it; after a
  // space, a bracket, a quote or a sign it always does.
  EXPECT_EQ(TextForXapian("a-speaker:x o'org:y \xE4\xB8\xADsite:z \xC3\xA9lang:w title:date:v"),
            "a- speaker:x o' org:y \xE4\xB8\xAD site:z \xC3\xA9 lang:w title: date:v");
  for (const char* q : {"speaker:x -org:y (site:z \"lang:w\" +date:v", "_speaker:x 5org:y",
                        "subspeaker:x speaker: x org:) Speaker:x"}) {
    EXPECT_EQ(TextForXapian(q), q);
  }
}

TEST(QueryParser, TextForXapianSpacesOutGluedBrackets) {
  EXPECT_EQ(TextForXapian("r(-(a) 5(x) ((y) f:(z) -(w) +(v) \"(u)\" x-(t) .(s)"),
            "r (-(a) 5 (x) ((y) f: (z) -(w) +(v) \"(u)\" x- (t) . (s)");
  // A field's group stays one: "title:(a b)" is both words in titles.
  EXPECT_EQ(TextForXapian("title:(a b) -speaker:(c) subtitle:(d)"),
            "title:(a b) -speaker:(c) subtitle: (d)");
  EXPECT_EQ(TextForXapian("caf\xC3\xA9(x) \xE2\x82\xAC(z)"),
            "caf\xC3\xA9 (x) \xE2\x82\xAC (z)");
  EXPECT_EQ(TextForXapian("(-(a))"), "(-(a))");
  EXPECT_EQ(TextForXapian("-(a)"), "-(a)");
  EXPECT_EQ(TextForXapian(""), "");
}

TEST(QueryParser, StemmerFollowsLang) {
  EXPECT_EQ(ParseQuery("x").value().stemmer, "english");
  EXPECT_EQ(ParseQuery("lang:fr x").value().stemmer, "french");
}

TEST(DateRange, Bounds) {
  auto b = ParseDateRange("2017-03..");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b.value().from.value_or("-"), "20170301");
  EXPECT_FALSE(b.value().to.has_value());
}

}  // namespace
}  // namespace newsarc::internal
