#include "readers/dates.h"

#include <gtest/gtest.h>

#include <string>

namespace newsarc::indexer {
namespace {

TEST(NormalizeDateTest, Table) {
  struct Case {
    std::string in, want;
  } cases[] = {
      {"2017-03-29", "2017-03-29"},
      {" 2017-03-29 ", "2017-03-29"},
      {"2017-03-29T10:00:00Z", "2017-03-29T10:00:00Z"},
      {"2017-03-29 10:00:00", "2017-03-29T10:00:00"},
      {"2017-03-29T10:00", "2017-03-29T10:00:00"},
      {"2017-03-29T10:00:00.123+01:00", "2017-03-29T10:00:00.123+01:00"},
      {"2017-03-29T10:00:00+0100", "2017-03-29T10:00:00+01:00"},
      {"2017/03/29", "2017-03-29"},
      {"20170329", "2017-03-29"},
      {"Wed, 29 Mar 2017 10:00:00 GMT", "2017-03-29T10:00:00Z"},
      {"Wed, 29 Mar 2017 10:00:00 +0000", "2017-03-29T10:00:00+00:00"},
      {"March 29, 2017", "2017-03-29"},
      {"29 March 2017", "2017-03-29"},
      {"Friday, January 4, 2019", "2019-01-04"},
      {"Sept. 3, 2019", "2019-09-03"},
      {"03/04/2017", ""},  // ambiguous
      {"2017-02-30", ""},
      {"2016-02-29", "2016-02-29"},
      {"yesterday", ""},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(NormalizeDate(c.in), c.want) << c.in;
}

TEST(UnixTimeToIsoTest, SecondsAndMilliseconds) {
  EXPECT_EQ(UnixTimeToIso(1490781600), "2017-03-29T10:00:00Z");
  EXPECT_EQ(UnixTimeToIso(1490781600000.0), "2017-03-29T10:00:00Z");
  EXPECT_EQ(UnixTimeToIso(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(UnixTimeToIso(-1), "");
}

TEST(ParseDatelineTest, Table) {
  struct Case {
    std::string in, want;
  } cases[] = {
      {"Friday, January 4, 2019 ", "2019-01-04"},
      {"January 4, 2019", "2019-01-04"},
      {"4 January 2019", "2019-01-04"},
      {"2019-01-04", "2019-01-04"},
      {"Tuesday, February 30, 2019", ""},
      {"January 4, 2019 was a Friday", ""},
      {"An apartment building collapsed", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(ParseDateline(c.in), c.want) << c.in;
}

}  // namespace
}  // namespace newsarc::indexer
