#include "readers/reader.h"

#include <gtest/gtest.h>

#include <string>

#include "reader_test_util.h"

namespace newsarc::indexer {
namespace {

TEST(IsArticleFileTest, Table) {
  struct Case {
    const char* path;
    bool want;
  } cases[] = {
      {"a.txt", true},    {"dir/a.TXT", true},  {"a.json", true},
      {"a.jsonl", true},  {"a.ndjson", true},   {"a.csv", true},
      {"a.txt.gz", true}, {"a.jsonl.GZ", true}, {"a.csv.gz", true},
      {"a.gz", false},    {"a.tar.gz", false},  {"a.pdf", false},
      {"txt", false},     {".txt.bak", false},  {"a.json.gz.bak", false},
      {"README", false},  {"a.xml", true},      {"a.html", true},
      {"a.HTM", true},    {"a.html.gz", true},  {"a.xhtml", false},
      {"a.rss", true},    {"a.ATOM", true},     {"a.xml.gz", true},
      {"a.rdf", false},   {"a.rss2", false},    {"a.warc", true},
      {"a.WARC.gz", true}, {"a.warc.wet.gz", true}, {"a.warc.wat.gz", false},
      {"a.arc", true},     {"a.ARC.gz", true},
  };
  for (const Case& c : cases)
    EXPECT_EQ(IsArticleFile(c.path), c.want) << c.path;
}

TEST(OpenReaderTest, Errors) {
  auto r = OpenReader("/nonexistent/dir/a.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kIOError);
  EXPECT_EQ(r.status().message(),
            "/nonexistent/dir/a.txt: No such file or directory");

  r = OpenReader("a.pdf");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "a.pdf: unsupported file type");
}

TEST(OpenReaderTest, ReaderStaysAtTheEnd) {
  auto r = OpenReaderFromMemory("a.jsonl", "{\"title\": \"x\"}\n");
  ASSERT_TRUE(r.ok());
  auto first = r.value()->Next();
  ASSERT_TRUE(first.ok() && first.value());
  for (int i = 0; i < 3; ++i) {
    auto next = r.value()->Next();
    ASSERT_TRUE(next.ok());
    EXPECT_FALSE(next.value());
  }
}

}  // namespace
}  // namespace newsarc::indexer
