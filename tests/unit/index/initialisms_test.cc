#include "initialisms.h"

#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace newsarc::internal
