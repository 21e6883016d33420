// Snippets: window choice, cuts at word boundaries, and highlights that
// match through folding and stemming. Expected strings mark highlights
// with [brackets].
#include "snippets.h"

#include <gtest/gtest.h>

#include <string>

#include "query_parser.h"

namespace newsarc::internal {
namespace {

std::string Render(const Snippet& s) {
  std::string out;
  size_t pos = 0;
  for (const Highlight& h : s.highlights) {
    EXPECT_LE(pos, h.begin);
    EXPECT_LT(h.begin, h.end);
    EXPECT_LE(h.end, s.text.size());
    out += s.text.substr(pos, h.begin - pos) + "[" +
           s.text.substr(h.begin, h.end - h.begin) + "]";
    pos = h.end;
  }
  return out + s.text.substr(pos);
}

std::string SnippetFor(const std::string& text, const std::string& query,
                       size_t chars) {
  auto parsed = ParseQuery(query);
  EXPECT_TRUE(parsed.ok()) << query;
  if (!parsed.ok()) return "";
  SnippetTerms terms(parsed.value().query, parsed.value().stemmer);
  return Render(MakeSnippet(text, terms, chars));
}

struct SnippetCase {
  const char* text;
  const char* query;
  size_t chars;
  const char* expected;
};

class SnippetTest : public ::testing::TestWithParam<SnippetCase> {};

TEST_P(SnippetTest, Makes) {
  const SnippetCase& c = GetParam();
  EXPECT_EQ(SnippetFor(c.text, c.query, c.chars), c.expected) << c.query;
}

const char kLong[] =
    "The weather was mild on Monday and the markets were calm. Nobody "
    "expected anything to happen. Then the Home Secretary, Amber Rudd, said "
    "that WhatsApp encryption was completely unacceptable and that there "
    "should be no place for terrorists to hide. Officials later added that "
    "the talks would continue next week in London with other companies.";

const SnippetCase kSnippetCases[] = {
    // Folding: cafe finds café, CAFÉ finds cafe; case is kept in the text.
    {"We met at the Café de Flore.", "cafe", 100,
     "We met at the [Café] de Flore."},
    {"The cafe was shut.", "CAFÉ", 100, "The [cafe] was shut."},
    {"In Zürich today.", "zurich", 100, "In [Zürich] today."},
    // Initialisms: "U.S." is the word "us", with or without its stops.
    {"The U.S. Army and the US Navy, said u.s. officials.", "US", 100,
     "The [U.S]. Army and the [US] Navy, said [u.s]. officials."},
    {"Sent to the UK and the U.K; not to u.sa or www.u.s.gov.", "U.K.", 100,
     "Sent to the [UK] and the [U.K]; not to u.sa or www.u.s.gov."},
    {"The U.S. Army marched.", "\"U.S. Army\"", 100, "The [U.S. Army] marched."},
    // Stemming: encryption ~ encrypted ~ encrypting.
    {"It was encrypted; encryption matters.", "encryption", 100,
     "It was [encrypted]; [encryption] matters."},
    // Forms whose stem does not begin them (Porter2's exceptions), short
    // stems, and stems that end in another letter than the word.
    {"He was dying; they died.", "die", 100, "He was [dying]; they [died]."},
    {"Lying and lies.", "lie", 100, "[Lying] and [lies]."},
    {"A policy, two policies.", "policies", 100, "A [policy], two [policies]."},
    {"Skis and ski.", "skies", 100, "Skis and ski."},
    {"Oil in the news.", "news", 100, "Oil in the [news]."},
    {"We are happy; happiness.", "happiness", 100, "We are [happy]; [happiness]."},
    {"As is, as are.", "a", 100, "As is, as are."},
    // Curly apostrophes match straight ones.
    {"Khalid Masood’s car.", "masood's", 100, "Khalid [Masood’s] car."},
    // Phrases highlight their words.
    {"Said Amber Rudd on Sunday.", "\"amber rudd\"", 100,
     "Said [Amber Rudd] on Sunday."},
    // A phrase's words alone are not a match; a hyphenated word is a phrase.
    {"Rudd met Amber Smith. Then Amber Rudd spoke.", "\"amber rudd\"", 100,
     "Rudd met Amber Smith. Then [Amber Rudd] spoke."},
    {"Rudd said: Amber Rudd spoke.", "rudd \"amber rudd\"", 100,
     "[Rudd] said: [Amber Rudd] spoke."},
    {"End to end: end-to-end encryption.", "\"end-to-end encryption\"", 100,
     "End to end: [end-to-end encryption]."},
    {"Its END-TO-END design.", "end-to-end", 100, "Its [END-TO-END] design."},
    // The window goes to the phrase, not to the scattered words.
    {"Amber was here. Rudd was there. Filler words go on and on for a while "
     "here. Then Amber Rudd spoke.",
     "\"amber rudd\"", 30, "…Then [Amber Rudd] spoke."},
    // Wildcards.
    {"Encryption and encrypting.", "encrypt*", 100,
     "[Encryption] and [encrypting]."},
    // Title terms and the names of speaker: and org: highlight in the text;
    // other filters do not.
    {"Rudd spoke.", "title:rudd", 100, "[Rudd] spoke."},
    {"Rudd spoke.", "speaker:rudd", 100, "[Rudd] spoke."},
    {"Amber Rudd spoke.", "speaker:\"amber rudd\"", 100,
     "[Amber] [Rudd] spoke."},
    {"The Met said.", "org:met", 100, "The [Met] said."},
    {"In Paris.", "site:paris.fr lang:fr", 100, "In Paris."},
    // The window with the most distinct terms, centred, cut at words.
    {kLong, "rudd whatsapp encryption", 80,
     "…Home Secretary, Amber [Rudd], said that [WhatsApp] [encryption] was "
     "completely…"},
    {kLong, "weather", 40, "The [weather] was mild on Monday and the…"},
    // Near the end: the window runs to the end of the text.
    {kLong, "london", 40, "…next week in [London] with other companies."},
    // No match: the start.
    {kLong, "zebra", 30, "The weather was mild on Monday…"},
    // White space collapses; control characters never get through.
    {"One\n\ntwo\x1b[31m red\x1b[0m\tthree", "red", 100,
     "One two [31m [red] [0m three"},
    {"C1 \xc2\x9b" "31m red \xc2\x9d" "0;title\x07 bell", "red", 100,
     "C1 31m [red] 0;title bell"},
    // CJK: each character is a word.
    {"我们在中国人民", "中国", 100, "我们在[中][国]人民"},
    {"", "x", 100, ""},
};

INSTANTIATE_TEST_SUITE_P(Table, SnippetTest,
                         ::testing::ValuesIn(kSnippetCases));

TEST(Snippet, ZeroCharsGivesNothing) {
  EXPECT_EQ(SnippetFor("Some text.", "text", 0), "");
}

// Match remembers stems: asking again, across texts, gives the same answer,
// and a word that only shares a stem's first letter stays unmatched.
TEST(Snippet, RepeatedWordsMatchTheSame) {
  auto parsed = ParseQuery("encryption");
  ASSERT_TRUE(parsed.ok());
  SnippetTerms terms(parsed.value().query, parsed.value().stemmer);
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(terms.Match("Encrypted"), "encrypt");
    EXPECT_EQ(terms.Match("encrypts"), "encrypt");
    EXPECT_EQ(terms.Match("energy"), "");
    EXPECT_EQ(terms.Match("apples"), "");
  }
  EXPECT_EQ(Render(MakeSnippet("Encrypted energy, encrypts.", terms, 100)),
            "[Encrypted] energy, [encrypts].");
  EXPECT_EQ(Render(MakeSnippet("encrypted_files are encrypted", terms, 100)),
            "encrypted_files are [encrypted]");
}

// A hyphenated query word is its phrase or its letters together
// (query_parser.h): the phrase counts once, and either is one run.
TEST(Snippet, HyphenatedQueryWordMarksEachSpelling) {
  auto parsed = ParseQuery("e-mail");
  ASSERT_TRUE(parsed.ok());
  SnippetTerms terms(parsed.value().query, parsed.value().stemmer);
  EXPECT_EQ(terms.phrases(), (std::vector<std::vector<std::string>>{{"e", "mail"}}));
  EXPECT_EQ(terms.size(), 2u);  // the phrase and the stem "email"
  EXPECT_EQ(Render(MakeSnippet("An e-mail, an email, emails and an e mail.", terms, 100)),
            "An [e-mail], an [email], [emails] and an [e mail].");
}

// Words folded on the stack (short ASCII) and those folded by ICU (longer
// than the buffer, or not ASCII) match alike.
TEST(Snippet, LongAndNonAsciiWordsMatch) {
  const std::string long_word(70, 'q');
  const std::string upper_long(70, 'Q');
  auto parsed = ParseQuery(long_word + " zurich");
  ASSERT_TRUE(parsed.ok());
  SnippetTerms terms(parsed.value().query, parsed.value().stemmer);
  EXPECT_EQ(terms.Match(upper_long), long_word);
  EXPECT_EQ(terms.Match("Zürich"), "zurich");
  EXPECT_EQ(terms.Match("ZURICH"), "zurich");
  EXPECT_EQ(terms.Match(std::string(64, 'Q')), "");
}

TEST(Snippet, ThaiWordsInsideARun) {
  // Thai puts no spaces between words: the run is split as indexing splits
  // it, and the query's words are marked inside it.
  const std::string run = "ขอเชิญร่วมสัมมนาภาษาไทยครั้งที่แปด";
  EXPECT_EQ(SnippetFor(run + " (TLUG)", "สัมมนา tlug", 200),
            "ขอเชิญร่วม[สัมมนา]ภาษาไทยครั้งที่แปด ([TLUG])");
  EXPECT_EQ(SnippetFor(run, "\"สัมมนาภาษาไทย\"", 200),
            "ขอเชิญร่วม[สัมมนาภาษาไทย]ครั้งที่แปด");  // a phrase of its words
  // Cut to length between Thai words, by code points.
  EXPECT_EQ(SnippetFor(run + " " + run, "ครั้ง", 12), "…ไทย[ครั้ง]ที่…");
}

TEST(Snippet, InvalidUtf8DoesNotCrash) {
  std::string text = "ab\xff\xfe cd \xc3";
  SnippetFor(text, "cd", 10);
}

}  // namespace
}  // namespace newsarc::internal
