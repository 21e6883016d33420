#include "flags.h"

#include <CLI/CLI.hpp>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "newsarc/index_writer.h"

namespace newsarc::cli {
namespace {

constexpr const char* kDescription =
    "Search a newsarc index of news articles. QUERY words are joined with "
    "spaces: free text (AND of all words, relaxed to OR when nothing has "
    "them all), \"phrases\", AND OR NOT XOR NEAR ADJ, +word -word, prefix*, "
    "title: speaker: org: site: lang: date:2017-03..2017-04.\n"
    "Exit status: 0 hits, 1 no hits, 2 error.";

// Options that take a value in the next argument.
const std::set<std::string> kValueOptions = {"--db",     "--limit", "-n",
                                             "--offset", "--sort",  "--color",
                                             "--like",   "--timeout"};
const std::set<std::string> kFlagOptions = {"--json", "--paths", "--any",
                                            "-h", "--help", "--all", "--recent",
                                            "--facets", "--quotes",
                                            "--allow-partial"};

// Splits argv into option arguments and query words; a "-word" that is not
// one of our options is a query word (`brexit -boris`).
void SplitArgs(int argc, const char* const* argv,
               std::vector<std::string>& options,
               std::vector<std::string>& words) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--") {
      for (++i; i < argc; ++i) words.emplace_back(argv[i]);
      break;
    }
    const size_t eq = arg.find('=');
    std::string name = arg.substr(0, eq);
    if (kValueOptions.count(name)) {
      // Glue the value on ("--sort=-date"), so that CLI11 does not take a
      // value starting with '-' for an option.
      if (name == "-n") name = "--limit";
      if (eq != std::string::npos) {
        options.push_back(name + arg.substr(eq));
      } else if (i + 1 < argc) {
        options.push_back(name + "=" + argv[++i]);
      } else {
        options.push_back(name);  // CLI11 reports the missing value
      }
    } else if (kFlagOptions.count(arg) ||
               (arg.starts_with("--") && arg.size() > 2)) {
      options.push_back(arg);  // ours, or an unknown --option CLI11 reports
    } else {
      words.push_back(arg);
    }
  }
}

}  // namespace

bool UseColor(ColorMode mode, bool stdout_is_tty, const char* no_color,
              const char* term) {
  switch (mode) {
    case ColorMode::kAlways:
      return true;
    case ColorMode::kNever:
      return false;
    case ColorMode::kAuto:
      break;
  }
  if (!stdout_is_tty) return false;
  if (no_color != nullptr && no_color[0] != '\0') return false;  // no-color.org
  return term == nullptr || std::string(term) != "dumb";
}

Result<SearchFlags> ParseSearchFlags(int argc, const char* const* argv,
                                     std::ostream& out) {
  SearchFlags flags;
  std::vector<std::string> options, words;
  SplitArgs(argc, argv, options, words);

  CLI::App app(kDescription, "newsarc-search");
  std::string db;
  bool json = false, paths = false;
  std::string sort = "relevance", color = "auto";
  app.add_option("--db", db,
                 "index directory, or a stub listing shards (a directory with "
                 "a XAPIANDB file, or a file such as cluster.stub with auto "
                 "PATH, remote HOST:PORT, remote :ssh HOST xapian-progsrv PATH "
                 "lines) (default: $NEWSARC_DB, else "
                 "${XDG_DATA_HOME:-~/.local/share}/newsarc/index)");
  app.add_option("--timeout", flags.open.timeout_seconds,
                 "seconds each call to a remote shard may take, connecting "
                 "included (default 10; 0 = no bound)")
      ->check(CLI::Range(0.0, 86400.0));
  app.add_flag("--allow-partial", flags.open.allow_partial,
               "when shards are down or too slow, search the others and warn "
               "(default: fail with exit status 2)");
  app.add_flag("--json", json, "one JSON document (schema in the README)");
  app.add_flag("--paths", paths, "source file paths, one per line, once each");
  app.add_flag("--any", flags.request.any,
               "match articles with any of the words (OR), best first, "
               "instead of all of them");
  bool all = false;
  app.add_flag("--all", all,
               "show every copy of a story (default: copies republished "
               "under other URLs or files are one hit, with their count)");
  app.add_flag("--recent", flags.request.recent,
               "blend relevance with recency: newer articles first when "
               "nearly as relevant");
  app.add_option("--like", flags.request.like,
                 "articles like this one: an indexed file's path, an article "
                 "id or URL (QUERY, if given, filters them)");
  app.add_flag("--facets", flags.request.facets,
               "count speakers, organisations, sites, years and languages "
               "over the matching articles");
  app.add_flag("--quotes", flags.request.quotes,
               "show the quotes of the matching articles, best first: "
               "speaker, quoted words, article (speaker: keeps only that "
               "speaker's quotes; --limit and --offset count quotes)");
  app.add_option("-n,--limit", flags.request.limit, "hits to show (default 10)")
      ->check(CLI::Range(0u, 1000000u));
  app.add_option("--offset", flags.request.offset, "hits to skip (default 0)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--sort", sort,
                 "relevance (default), date (oldest first) or "
                 "-date (newest first)")
      ->check(CLI::IsMember({"relevance", "date", "-date"}));
  app.add_option("--color,--colour", color, "auto (default), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  std::vector<std::string> query;
  app.add_option("QUERY", query, "the query");
  app.get_option("--json")->excludes("--paths");
  app.get_option("--recent")->excludes("--sort");

  // CLI11 wants argv in reverse order.
  std::vector<std::string> args(options.rbegin(), options.rend());
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    flags.help = true;
    return flags;
  } catch (const CLI::ParseError& e) {
    return Status::InvalidArgument(std::string(e.what()) +
                                   " (see newsarc-search --help)");
  }

  for (const std::string& w : words) {
    if (!flags.request.query.empty()) flags.request.query += ' ';
    flags.request.query += w;
  }
  flags.request.collapse_duplicates = !all;
  if (flags.request.like.empty() &&
      flags.request.query.find_first_not_of(" \t") == std::string::npos) {
    return Status::InvalidArgument(
        "no query given (see newsarc-search --help)");
  }
  flags.index_dir = db.empty() ? DefaultIndexPath() : std::filesystem::path(db);
  flags.format = json    ? OutputFormat::kJson
                 : paths ? OutputFormat::kPaths
                         : OutputFormat::kText;
  flags.request.sort = sort == "date"    ? SortOrder::kDate
                       : sort == "-date" ? SortOrder::kDateDesc
                                         : SortOrder::kRelevance;
  // --paths needs no snippets; they cost a read of each body.
  flags.request.snippets = flags.format != OutputFormat::kPaths;
  flags.color = color == "always"  ? ColorMode::kAlways
                : color == "never" ? ColorMode::kNever
                                   : ColorMode::kAuto;
  return flags;
}

}  // namespace newsarc::cli
