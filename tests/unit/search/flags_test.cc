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
  for (const char* option :
       {"-h,--help", "--version", "--db DIR", "--timeout SECONDS", "--allow-partial", "--json",
        "--paths", "--any", "--all", "--recent", "--like ARTICLE", "--facets",
        "--quotes", "-n,--limit N", "--offset N", "--sort ORDER",
        "--color,--colour WHEN", "Usage: newsarc-search"}) {
    EXPECT_NE(out.find(option), std::string::npos) << option;
  }
  // Wrapped for an 80-column terminal.
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    EXPECT_LE(line.size(), 80u) << line;
  }
  // -h ends the parsing: what follows it is not checked, what comes
  // before it is.
  f = Parse({"x", "--limit", "many", "-h"}, &out);
  ASSERT_FALSE(f.ok());  // the bad value comes first
  f = Parse({"x", "-h", "--limit", "many"}, &out);
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(f.value().help);
}

TEST(SearchFlags, Version) {
  std::string out;
  auto f = Parse({"--version"}, &out);
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(f.value().help);
  EXPECT_TRUE(out.starts_with("newsarc-search ")) << out;
  EXPECT_TRUE(out.ends_with("\n")) << out;
  EXPECT_NE(out.find_first_of("0123456789"), std::string::npos) << out;
  EXPECT_FALSE(Parse({"--version=1"}).ok());
}

TEST(SearchFlags, ValuesAsUsersWriteThem) {
  // Both spellings of --color take a value after a space or an '='.
  for (std::vector<const char*> args :
       std::vector<std::vector<const char*>>{{"--colour", "never", "x"},
                                             {"--colour=never", "x"},
                                             {"--color", "never", "x"},
                                             {"--color=never", "x"}}) {
    auto f = Parse(args);
    ASSERT_TRUE(f.ok()) << args[0] << ": " << f.status().message();
    EXPECT_EQ(f.value().color, ColorMode::kNever) << args[0];
    EXPECT_EQ(f.value().request.query, "x") << args[0];
  }
  // Numbers are decimal: a leading zero is not octal.
  auto f = Parse({"--limit", "010", "--offset=007", "x"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f.value().request.limit, 10u);
  EXPECT_EQ(f.value().request.offset, 7u);
  f = Parse({"-n=0", "--limit-less", "x"});
  EXPECT_FALSE(f.ok());  // --limit-less is no option of ours
  f = Parse({"-n=0", "x"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f.value().request.limit, 0u);
  f = Parse({"--limit", "1000000", "--offset", "4294967295", "x"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f.value().request.limit, 1000000u);
  EXPECT_EQ(f.value().request.offset, 4294967295u);
  f = Parse({"--timeout", "0.5", "--allow-partial", "x"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_DOUBLE_EQ(f.value().open.timeout_seconds, 0.5);
  EXPECT_TRUE(f.value().open.allow_partial);
  for (const auto& [text, seconds] : {std::pair{"1e1", 10.0}, {".25", 0.25}, {"0", 0.0},
                                      {"86400", 86400.0}}) {
    f = Parse({"--timeout", text, "x"});
    ASSERT_TRUE(f.ok()) << text << ": " << f.status().message();
    EXPECT_DOUBLE_EQ(f.value().open.timeout_seconds, seconds) << text;
  }
  // Flags may be repeated; a value may not be given twice.
  f = Parse({"--any", "--any", "x"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_TRUE(f.value().request.any);
  // Words with '=' or a single dash stay query words.
  f = Parse({"a=b", "-x=y", "--", "--limit=3"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f.value().request.query, "a=b -x=y --limit=3");
  EXPECT_EQ(f.value().request.limit, 10u);
}

TEST(SearchFlags, ErrorsNameTheFlagAndTheProblem) {
  auto message = [](std::vector<const char*> args) {
    auto f = Parse(std::move(args));
    return f.ok() ? std::string("(accepted)") : f.status().message();
  };
  EXPECT_EQ(message({"--limit", "0x3", "x"}),
            "--limit: '0x3' is not a whole number from 0 to 1000000 (see "
            "newsarc-search --help)");
  EXPECT_NE(message({"--limit", "+3", "x"}).find("'+3' is not a whole number"),
            std::string::npos);
  EXPECT_NE(message({"--limit", "1000001", "x"}).find("--limit: '1000001'"),
            std::string::npos);
  EXPECT_NE(message({"--offset", "4294967296", "x"}).find("--offset: '4294967296'"),
            std::string::npos);
  EXPECT_NE(message({"--timeout", "-1", "x"}).find("--timeout: '-1'"), std::string::npos);
  EXPECT_NE(message({"--timeout", "nan", "x"}).find("--timeout: 'nan'"), std::string::npos);
  EXPECT_NE(message({"--timeout", "2s", "x"}).find("--timeout: '2s'"), std::string::npos);
  // Decimal only, as the counts: no hexadecimal, sign or spaces.
  for (const char* bad : {"0x10", "0x1p3", "+3", " 3", "3 ", "inf", ""}) {
    EXPECT_NE(message({"--timeout", bad, "x"})
                  .find("--timeout: '" + std::string(bad) + "' is not a number of seconds"),
              std::string::npos)
        << bad;
  }
  EXPECT_NE(message({"--sort", "size", "x"}).find("--sort: 'size' is not relevance, date or -date"),
            std::string::npos);
  EXPECT_NE(message({"--colour", "pink", "x"}).find("--colour: 'pink'"), std::string::npos);
  EXPECT_NE(message({"--bogus", "x"}).find("--bogus: no such option"), std::string::npos);
  EXPECT_NE(message({"--bogus=1", "x"}).find("--bogus: no such option"), std::string::npos);
  EXPECT_NE(message({"--json=yes", "x"}).find("--json: takes no value"), std::string::npos);
  EXPECT_NE(message({"--sort", "date", "--sort=-date", "x"}).find("--sort: given twice"),
            std::string::npos);
  EXPECT_NE(message({"x", "--db"}).find("--db: needs a value (DIR)"), std::string::npos);
  EXPECT_NE(message({"--db=", "x"}).find("--db: needs a directory"), std::string::npos);
  EXPECT_NE(message({"--like="}).find("--like: needs an article"), std::string::npos);
  EXPECT_NE(message({"--paths", "--json", "x"}).find("not with --paths"), std::string::npos);
  EXPECT_NE(message({"--sort", "date", "--recent", "x"}).find("--recent: not with --sort"),
            std::string::npos);
  EXPECT_EQ(message({"--any"}), "no query given (see newsarc-search --help)");
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
