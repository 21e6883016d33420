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

TEST(StoredFields, RejectsTruncatedOrForeignData) {
  StoredFields f;
  f.title = "t";
  f.speakers = {"x"};
  const std::string data = SerializeFields(f);
  for (size_t n = 0; n < data.size(); ++n)
    EXPECT_FALSE(ParseFields(data.substr(0, n)).has_value()) << n;
  EXPECT_FALSE(ParseFields("sample=omega data").has_value());
}

}  // namespace
}  // namespace newsarc::internal
