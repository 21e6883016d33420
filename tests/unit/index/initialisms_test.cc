#include "initialisms.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsarc::internal {
namespace {

struct JoinCase {
  const char* text;
  const char* joined;
};

TEST(JoinInitialisms, LeavesOutTheFullStopsOfInitialismsOnly) {
  const JoinCase cases[] = {
      {"the U.S. said", "the US. said"},          // the last stop may end a sentence
      {"u.s. policy", "us. policy"},
      {"U.S . POLICY", "US . POLICY"},            // TIME's text: the stop stands apart
      {"the U.S", "the US"},
      {"U.S.A. and U.K.", "USA. and UK."},
      {"(U.N.)", "(UN.)"},
      {"\"u.s. military\"", "\"us. military\""},
      {"pro-U.S.-led", "pro-US.-led"},
      {"the U.S.'s", "the US.'s"},
      {"J.K. Rowling", "JK. Rowling"},
      {"e.g., a.m.", "eg., am."},
      {"“U.S.”", "“US.”"},                        // non-ASCII punctuation around it
      // Not initialisms: one letter, longer words, dotted names, numbers.
      {"George W. Bush", "George W. Bush"},
      {"u.sa", "u.sa"},
      {"www.u.s.gov", "www.u.s.gov"},
      {"u.s.gov", "u.s.gov"},
      {"U.S.1", "U.S.1"},
      {"ab.U.S.", "ab.U.S."},
      {"3.5 a.5", "3.5 a.5"},
      {"ab.c.d.", "ab.c.d."},
      {"éu.s.", "éu.s."},                          // after a letter of another script
      {"u.sé", "u.sé"},
      {"a...b", "a...b"},
      {"no stops at all", "no stops at all"},
      {".", "."},
      {"", ""},
  };
  for (const JoinCase& c : cases) EXPECT_EQ(JoinInitialisms(c.text), c.joined) << c.text;
}

TEST(JoinInitialisms, SaysWhereAnInitialismEnds) {
  EXPECT_EQ(InitialismAt("U.S. troops", 0), 3u);  // "U.S", not the last stop
  EXPECT_EQ(InitialismAt("the U.S.A", 4), 5u);
  EXPECT_EQ(InitialismAt("the U.S.A", 6), 0u);    // inside one
  EXPECT_EQ(InitialismAt("U.S", 1), 0u);
  EXPECT_EQ(InitialismAt("U", 0), 0u);
  EXPECT_EQ(InitialismAt("", 0), 0u);
}

TEST(JoinInitialisms, JoiningTwiceChangesNothing) {
  for (const char* text : {"U.S. and U.K.", "u.s.gov", "a.b.c. d.e", "U.S . x"}) {
    const std::string once = JoinInitialisms(text);
    EXPECT_EQ(JoinInitialisms(once), once) << text;
  }
}

TEST(Compounds, HyphenatedWordsAreAlsoTheirLettersTogether) {
  struct Case {
    const char* text;
    std::vector<std::string> joined;
  };
  const Case cases[] = {
      {"an e-mail to", {"email"}},
      {"Cease-Fire holds", {"ceasefire"}},
      {"co-operation, anti-trust and well-to-do.", {"cooperation", "antitrust", "welltodo"}},
      {"“e-mail”", {"email"}},                   // non-ASCII quotes around it
      {"(take-over)", {"takeover"}},
      {"x-ray, X-Ray", {"xray", "xray"}},        // once for each
      {"a-b-c-d", {"abcd"}},
      {"pre- and post-war", {"postwar"}},        // "pre-" alone is none
      {"e-mail. Then", {"email"}},               // a sentence's full stop
      {"'cease-fire' and ‘take-over’", {"ceasefire", "takeover"}},  // single quotes
      // None: digits, longer chains, addresses, possessives, other scripts.
      {"covid-19 and b-52s", {}},
      {"a 19-year-old", {}},
      {"a-b-c-d-e", {}},
      {"www.e-mail.org", {}},
      {"e-mail.org", {}},
      {"x@e-mail", {}},
      {"/e-mail", {}},
      {"AT&T-style", {}},
      {"e-mail's", {}},                          // Xapian's word is "mail's"
      {"e-mail’s", {}},
      {"rock'n-roll", {}},                       // Xapian's word is "rock'n"
      {"rock’n-roll", {}},
      {"e--mail", {}},
      {"e- mail", {}},
      {"café-bar", {}},
      {"e-mailé", {}},
      {"c-span+", {}},
      {"-", {}},
      {"", {}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> joined;
    for (const Compound& compound : Compounds(c.text)) joined.push_back(compound.joined);
    EXPECT_EQ(joined, c.joined) << c.text;
  }
}

TEST(Compounds, SaysWhereACompoundEnds) {
  std::string joined;
  EXPECT_EQ(CompoundAt("e-mail to", 0, &joined), 6u);
  EXPECT_EQ(joined, "email");
  EXPECT_EQ(CompoundAt("an E-Mail", 3, &joined), 6u);
  EXPECT_EQ(joined, "email");
  EXPECT_EQ(CompoundAt("e-mail to", 2), 0u);  // inside one
  EXPECT_EQ(CompoundAt("mail", 0), 0u);
  EXPECT_EQ(CompoundAt("", 0), 0u);
  // At most kMaxCompound letters.
  const std::string longest = std::string(20, 'a') + "-" + std::string(20, 'b');
  EXPECT_EQ(CompoundAt(longest, 0), longest.size());
  EXPECT_EQ(CompoundAt(longest + "b", 0), 0u);
  // Its parts, as written.
  EXPECT_EQ(CompoundParts("E-mail"), (std::vector<std::string>{"E", "mail"}));
  EXPECT_EQ(CompoundParts("a-b-c-d"), (std::vector<std::string>{"a", "b", "c", "d"}));
}

}  // namespace
}  // namespace newsarc::internal
