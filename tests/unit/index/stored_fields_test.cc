#include "stored_fields.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "schema.h"

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

// The id of an article named after its file is stored without the path it
// repeats, and read back whole.
TEST(StoredFields, FileIdStoredWithoutItsPath) {
  StoredFields f;
  f.path = "/archive/2019/feed.jsonl";
  f.id = "file:/archive/2019/feed.jsonl#7";
  f.title = "t";
  const std::string data = SerializeFields(f);
  EXPECT_EQ(data.find("file:"), std::string::npos);
  const auto back = ParseFields(data);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->id, f.id);
  EXPECT_EQ(back->path, f.path);
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

StoredFields Full() {
  StoredFields f;
  f.id = "x.org/a";
  f.title = "A title";
  f.body = "The body, said she.";
  f.url = "http://x.org/a";
  f.path = "/f/a.txt";
  f.version = 2;
  f.speakers = {"Amber Rudd"};
  f.quotes = {{"Amber Rudd", "the body", true, 1}};
  return f;
}

void ExpectSame(const StoredFields& got, const StoredFields& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.title, want.title);
  EXPECT_EQ(got.body, want.body);
  EXPECT_EQ(got.url, want.url);
  EXPECT_EQ(got.path, want.path);
  EXPECT_EQ(got.version, want.version);
  EXPECT_EQ(got.speakers, want.speakers);
  ASSERT_EQ(got.quotes.size(), want.quotes.size());
  for (size_t i = 0; i < got.quotes.size(); ++i) EXPECT_EQ(got.quotes[i].text, want.quotes[i].text);
}

TEST(StoredFields, HitFieldsAndTextAreStoredApart) {
  const StoredFields f = Full();
  auto [hit, text] = SerializeStoredParts(f);
  // The text part holds the body and quotes only; the value the rest.
  EXPECT_EQ(text.find("A title"), std::string::npos);
  EXPECT_EQ(hit.find("The body"), std::string::npos);
  Xapian::Document doc;
  doc.add_value(schema::kSlotHitFields, hit);
  doc.set_data(text);
  auto all = LoadFields(doc);
  ASSERT_TRUE(all.has_value());
  ExpectSame(*all, f);
  auto listed = LoadFields(doc, false);
  ASSERT_TRUE(listed.has_value());
  EXPECT_EQ(listed->title, f.title);
  EXPECT_TRUE(listed->body.empty());
  EXPECT_TRUE(listed->quotes.empty());
  // Without the text the data is not read: damaged data does not matter,
  // but it does when the text is asked for.
  doc.set_data("damaged");
  EXPECT_TRUE(LoadFields(doc, false).has_value());
  EXPECT_FALSE(LoadFields(doc).has_value());
}

TEST(StoredFields, DocumentsWithoutTheValueAreReadFromTheirData) {
  Xapian::Document doc;
  doc.set_data(SerializeFields(Full()));  // an index built before the value
  auto all = LoadFields(doc);
  ASSERT_TRUE(all.has_value());
  ExpectSame(*all, Full());
  auto listed = LoadFields(doc, false);
  ASSERT_TRUE(listed.has_value());
  EXPECT_EQ(listed->title, "A title");
}

}  // namespace
}  // namespace newsarc::internal
