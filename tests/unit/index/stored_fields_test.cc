#include "stored_fields.h"

#include <gtest/gtest.h>

namespace newsarc::internal {
namespace {

TEST(StoredFields, RoundTrip) {
  StoredFields f;
  f.id = "independent.co.uk/a";
  f.title = "Title with\nnewline and \t tab";
  f.body = std::string(1000, 'x') + "\n\nZürich";
  f.url = "http://www.independent.co.uk/a";
  f.site = "independent.co.uk";
  f.date = "2017-03-29";
  f.language = "en";
  f.byline = "A, B";
  f.path = "/tmp/a.txt";
  f.version = 3;
  f.speakers = {"Amber Rudd", "Craig Mackey"};
  f.organisations = {"Metropolitan Police"};
  const auto back = ParseFields(SerializeFields(f));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->id, f.id);
  EXPECT_EQ(back->title, f.title);
  EXPECT_EQ(back->body, f.body);
  EXPECT_EQ(back->url, f.url);
  EXPECT_EQ(back->date, f.date);
  EXPECT_EQ(back->path, f.path);
  EXPECT_EQ(back->version, 3);
  EXPECT_EQ(back->speakers, f.speakers);
  EXPECT_EQ(back->organisations, f.organisations);
}

TEST(StoredFields, RoundTripQuotes) {
  StoredFields f;
  f.title = "t";
  f.speakers = {"Amber Rudd", "Craig Mackey"};
  f.quotes = {{"Amber Rudd", "There should be no place for terrorists to hide,", true, 9},
              {"Craig Mackey", "officers faced challenges", false, 3},
              {"Amber Rudd", "", true, 0}};
  const auto back = ParseFields(SerializeFields(f));
  ASSERT_TRUE(back.has_value());
  ASSERT_EQ(back->quotes.size(), 3u);
  for (size_t i = 0; i < f.quotes.size(); ++i) {
    EXPECT_EQ(back->quotes[i].speaker, f.quotes[i].speaker) << i;
    EXPECT_EQ(back->quotes[i].text, f.quotes[i].text) << i;
    EXPECT_EQ(back->quotes[i].direct, f.quotes[i].direct) << i;
    EXPECT_EQ(back->quotes[i].paragraph, f.quotes[i].paragraph) << i;
  }
}

// Indexes built before quotes were stored hold format 1: still readable.
TEST(StoredFields, ReadsFormatOneWithoutQuotes) {
  // Format 1 as it was written: version byte 1, nine strings, the version,
  // then the speaker and organisation lists.
  std::string v1 = "\x01";
  for (const char* s : {"id", "Title", "Body", "http://a", "a", "2017-03-29",
                        "en", "", "/a.txt", "2", "1", "Amber Rudd", "0"}) {
    v1 += static_cast<char>(std::string(s).size());
    v1 += s;
  }
  const auto back = ParseFields(v1);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->title, "Title");
  EXPECT_EQ(back->version, 2);
  EXPECT_EQ(back->speakers, std::vector<std::string>{"Amber Rudd"});
  EXPECT_TRUE(back->quotes.empty());
  // A format 2 document whose quote list is missing is not format 1.
  std::string v2 = v1;
  v2[0] = '\x02';
  EXPECT_FALSE(ParseFields(v2).has_value());
}

TEST(StoredFields, RejectsTruncatedOrForeignData) {
  StoredFields f;
  f.title = "t";
  f.speakers = {"x"};
  f.quotes = {{"x", "said so", false, 1}};
  const std::string data = SerializeFields(f);
  for (size_t n = 0; n < data.size(); ++n)
    EXPECT_FALSE(ParseFields(data.substr(0, n)).has_value()) << n;
  EXPECT_FALSE(ParseFields("sample=omega data").has_value());
}

}  // namespace
}  // namespace newsarc::internal
