// newsarc-search flags: argv -> SearchFlags.
#include "flags.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace newsarc::cli {
namespace {

Result<SearchFlags> Parse(std::vector<const char*> args,
                          std::string* out = nullptr) {
  args.insert(args.begin(), "newsarc-search");
  std::ostringstream help;
  auto r = ParseSearchFlags(static_cast<int>(args.size()), args.data(), help);
  if (out) *out = help.str();
  return r;
}

TEST(SearchFlags, Defaults) {
  auto f = Parse({"rudd", "WhatsApp", "encryption"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f.value().request.query, "rudd WhatsApp encryption");
  EXPECT_EQ(f.value().request.limit, 10u);
  EXPECT_EQ(f.value().request.offset, 0u);
  EXPECT_EQ(f.value().request.sort, SortOrder::kRelevance);
  EXPECT_EQ(f.value().format, OutputFormat::kText);
  EXPECT_EQ(f.value().color, ColorMode::kAuto);
  EXPECT_FALSE(f.value().index_dir.empty());
}

TEST(SearchFlags, All) {
  auto f = Parse({"--db", "/tmp/x", "--json", "--limit", "5", "--offset=3",
                  "--sort", "-date", "--color", "never", "speaker:rudd"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f.value().index_dir, "/tmp/x");
  EXPECT_EQ(f.value().format, OutputFormat::kJson);
  EXPECT_EQ(f.value().request.limit, 5u);
  EXPECT_EQ(f.value().request.offset, 3u);
  EXPECT_EQ(f.value().request.sort, SortOrder::kDateDesc);
  EXPECT_EQ(f.value().color, ColorMode::kNever);
  EXPECT_EQ(f.value().request.query, "speaker:rudd");

  f = Parse({"--paths", "-n", "2", "--sort=date", "x"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f.value().format, OutputFormat::kPaths);
  EXPECT_FALSE(f.value().request.snippets);
  EXPECT_EQ(f.value().request.limit, 2u);
  EXPECT_EQ(f.value().request.sort, SortOrder::kDate);
}

TEST(SearchFlags, Quotes) {
  auto f = Parse({"speaker:rudd", "encryption"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_FALSE(f.value().request.quotes);
  f = Parse({"--quotes", "speaker:rudd", "encryption", "-n", "3"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_TRUE(f.value().request.quotes);
  EXPECT_EQ(f.value().request.query, "speaker:rudd encryption");
  EXPECT_EQ(f.value().request.limit, 3u);
}

TEST(SearchFlags, DuplicatesRecencyLikeFacets) {
  auto f = Parse({"rudd"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_TRUE(f.value().request.collapse_duplicates);
  EXPECT_FALSE(f.value().request.recent);
  EXPECT_FALSE(f.value().request.facets);
  EXPECT_TRUE(f.value().request.like.empty());
  EXPECT_TRUE(f.value().request.suggest);

  f = Parse({"--all", "--recent", "--facets", "rudd"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_FALSE(f.value().request.collapse_duplicates);
  EXPECT_TRUE(f.value().request.recent);
  EXPECT_TRUE(f.value().request.facets);
  EXPECT_EQ(f.value().request.query, "rudd");

  // --like needs no query; a query then filters.
  f = Parse({"--like", "/news/a.txt"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f.value().request.like, "/news/a.txt");
  EXPECT_EQ(f.value().request.query, "");
  f = Parse({"--like=-odd-id", "date:2017"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f.value().request.like, "-odd-id");
  EXPECT_EQ(f.value().request.query, "date:2017");

  // --recent blends with relevance: no --sort with it.
  EXPECT_FALSE(Parse({"--recent", "--sort", "date", "x"}).ok());
  EXPECT_FALSE(Parse({"--like"}).ok());
}

TEST(SearchFlags, MinusWordsAreQueryWords) {
  auto f = Parse({"brexit", "-boris", "--limit", "3", "+may"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f.value().request.query, "brexit -boris +may");
  f = Parse({"--", "--weird", "-n"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f.value().request.query, "--weird -n");
}

TEST(SearchFlags, Errors) {
  for (std::vector<const char*> args :
       std::vector<std::vector<const char*>>{{},
                                             {"--json"},
                                             {"--sort", "size", "x"},
                                             {"--color", "sometimes", "x"},
                                             {"--limit", "many", "x"},
                                             {"--offset", "-1", "x"},
                                             {"--bogus", "x"},
                                             {"--json", "--paths", "x"},
                                             {"x", "--limit"}}) {
    auto f = Parse(args);
    EXPECT_FALSE(f.ok()) << (args.empty() ? "(none)" : args[0]);
    if (!f.ok()) {
      EXPECT_EQ(f.status().code(), StatusCode::kInvalidArgument);
    }
  }
}

TEST(SearchFlags, Help) {
  std::string out;
  auto f = Parse({"--help"}, &out);
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(f.value().help);
  EXPECT_NE(out.find("--sort"), std::string::npos);
}

TEST(SearchFlags, UseColor) {
  EXPECT_TRUE(UseColor(ColorMode::kAuto, true, nullptr, "xterm"));
  EXPECT_TRUE(UseColor(ColorMode::kAuto, true, "", "xterm"));
  EXPECT_FALSE(UseColor(ColorMode::kAuto, true, "1", "xterm"));
  EXPECT_FALSE(UseColor(ColorMode::kAuto, true, nullptr, "dumb"));
  EXPECT_FALSE(UseColor(ColorMode::kAuto, false, nullptr, "xterm"));
  EXPECT_TRUE(UseColor(ColorMode::kAlways, false, "1", "dumb"));
  EXPECT_FALSE(UseColor(ColorMode::kNever, true, nullptr, "xterm"));
}

}  // namespace
}  // namespace newsarc::cli
