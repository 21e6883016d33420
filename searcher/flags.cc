#include "flags.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "newsarc/index_writer.h"

// The flags are parsed by hand rather than with CLI11 (which newsarc-index
// uses): building a CLI11 app (an object per option, with its validators and
// names) took ~0.1 ms of every search process's ~2.6 ms. One table below
// drives the parsing and the --help text.

namespace newsarc::cli {
namespace {

constexpr std::string_view kDescription =
    "Search a newsarc index of news articles. QUERY words are joined with "
    "spaces: free text (AND of all words; when nothing has them all, of the "
    "words some article has, else OR), \"phrases\", AND OR NOT XOR NEAR ADJ, +word -word, prefix*, "
    "title: speaker: org: site: lang: date:2017-03..2017-04.\n"
    "Exit status: 0 hits, 1 no hits, 2 error.";

enum class Flag {
  kHelp, kVersion, kDb, kTimeout, kAllowPartial, kJson, kPaths, kAny, kAll, kRecent,
  kLike, kFacets, kQuotes, kLimit, kOffset, kSort, kColor,
};

struct Spec {
  Flag flag;
  std::string_view names;  // comma-separated, as --help shows them
  std::string_view value;  // the value's name, "" for a flag without one
  std::string_view help;
};

constexpr std::array kSpecs = {
    Spec{Flag::kHelp, "-h,--help", "", "print this help and exit"},
    Spec{Flag::kVersion, "--version", "", "print the version and exit"},
    Spec{Flag::kDb, "--db", "DIR",
         "index directory, or a stub listing shards (a directory with a "
         "XAPIANDB file, or a file such as cluster.stub with auto PATH, remote "
         "HOST:PORT, remote :ssh HOST xapian-progsrv PATH lines) (default: "
         "$NEWSARC_DB, else ${XDG_DATA_HOME:-~/.local/share}/newsarc/index)"},
    Spec{Flag::kTimeout, "--timeout", "SECONDS",
         "seconds each call to a remote shard may take, connecting included "
         "(0 to 86400; default 10; 0 = no bound)"},
    Spec{Flag::kAllowPartial, "--allow-partial", "",
         "when shards are down or too slow, search the others and warn "
         "(default: fail with exit status 2)"},
    Spec{Flag::kJson, "--json", "",
         "one JSON document (schema in the README); not with --paths"},
    Spec{Flag::kPaths, "--paths", "",
         "source file paths, one per line, once each; not with --json"},
    Spec{Flag::kAny, "--any", "",
         "match articles with any of the words (OR), best first, instead of "
         "all of them"},
    Spec{Flag::kAll, "--all", "",
         "show every copy of a story (default: copies republished under "
         "other URLs or files are one hit, with their count)"},
    Spec{Flag::kRecent, "--recent", "",
         "blend relevance with recency: newer articles first when nearly as "
         "relevant; not with --sort"},
    Spec{Flag::kLike, "--like", "ARTICLE",
         "articles like this one: an indexed file's path, an article id or "
         "URL (QUERY, if given, filters them)"},
    Spec{Flag::kFacets, "--facets", "",
         "count speakers, organisations, sites, years and languages over the "
         "matching articles"},
    Spec{Flag::kQuotes, "--quotes", "",
         "show the quotes of the matching articles, best first: speaker, "
         "quoted words, article (speaker: keeps only that speaker's quotes; "
         "--limit and --offset count quotes)"},
    Spec{Flag::kLimit, "-n,--limit", "N", "hits to show (0 to 1000000; default 10)"},
    Spec{Flag::kOffset, "--offset", "N", "hits to skip (default 0)"},
    Spec{Flag::kSort, "--sort", "ORDER",
         "relevance (default), date (oldest first) or -date (newest first)"},
    Spec{Flag::kColor, "--color,--colour", "WHEN", "auto (default), always or never"},
};

static_assert(kSpecs.size() == static_cast<size_t>(Flag::kColor) + 1,
              "one spec per flag");

// The spec one of `names` is `name`, or nullptr.
const Spec* Find(std::string_view name) {
  for (const Spec& s : kSpecs) {
    std::string_view names = s.names;
    while (!names.empty()) {
      const size_t comma = names.find(',');
      if (names.substr(0, comma) == name) return &s;
      if (comma == std::string_view::npos) break;
      names.remove_prefix(comma + 1);
    }
  }
  return nullptr;
}

// `text` broken into lines of at most `width` characters at spaces, each
// after `indent` spaces except the first.
void Wrap(std::ostream& out, std::string_view text, size_t indent, size_t width) {
  size_t column = indent;
  bool first = true;
  while (!text.empty()) {
    const size_t space = text.find(' ');
    const std::string_view word = text.substr(0, space);
    if (!first && column + 1 + word.size() > width) {
      out << '\n' << std::string(indent, ' ');
      column = indent;
    } else if (!first) {
      out << ' ';
      ++column;
    }
    out << word;
    column += word.size();
    first = false;
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  out << '\n';
}

void PrintHelp(std::ostream& out) {
  Wrap(out, kDescription.substr(0, kDescription.find('\n')), 0, 80);
  out << kDescription.substr(kDescription.find('\n') + 1) << "\n\n"
      << "Usage: newsarc-search [OPTIONS] [--] [QUERY...]\n\n"
      << "Options (a value follows its option, or is glued on: --sort=-date):\n";
  constexpr size_t kColumn = 30;
  for (const Spec& s : kSpecs) {
    std::string left = "  ";
    left += s.names;
    if (!s.value.empty()) {
      left += ' ';
      left += s.value;
    }
    out << left;
    if (left.size() + 2 > kColumn) {
      out << '\n' << std::string(kColumn, ' ');
    } else {
      out << std::string(kColumn - left.size(), ' ');
    }
    Wrap(out, s.help, kColumn, 80);
  }
}

// A whole decimal number, no sign, at most `max`. (strtoul would also take
// "0x10", "+3" and " 3".)
std::optional<uint64_t> Decimal(std::string_view s, uint64_t max) {
  if (s.empty() || s.size() > 20) return std::nullopt;
  uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    const uint64_t digit = static_cast<uint64_t>(c - '0');
    if (n > (max - digit) / 10) return std::nullopt;
    n = n * 10 + digit;
  }
  return n;
}

// "NAME: WHY (see newsarc-search --help)"; `value`, if given, quoted first:
// "NAME: 'VALUE' WHY ...".
Status Bad(std::string_view name, std::string_view why,
           std::optional<std::string_view> value = std::nullopt) {
  std::string message(name);
  message += ": ";
  if (value) {
    message += '\'';
    message += *value;
    message += "' ";
  }
  message += why;
  message += " (see newsarc-search --help)";
  return Status::InvalidArgument(std::move(message));
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
  return term == nullptr || std::string_view(term) != "dumb";
}

Result<SearchFlags> ParseSearchFlags(int argc, const char* const* argv,
                                     std::ostream& out) {
  SearchFlags flags;
  std::string db;
  bool given[kSpecs.size()] = {};  // by Flag
  bool json = false, paths = false, all = false;
  std::vector<std::string_view> words;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") {
      for (++i; i < argc; ++i) words.emplace_back(argv[i]);
      break;
    }
    const size_t eq = arg.find('=');
    const std::string_view name = arg.substr(0, eq);
    const Spec* spec = name.starts_with('-') ? Find(name) : nullptr;
    if (spec == nullptr) {
      // A word of the query: "-boris" is one (`brexit -boris`); an unknown
      // "--option" is more likely a typo than a query word.
      if (arg.starts_with("--") && name.size() > 2) {
        return Bad(name, "no such option");
      }
      words.push_back(arg);
      continue;
    }
    std::string_view value;
    if (spec->value.empty()) {
      if (eq != std::string_view::npos) return Bad(name, "takes no value");
    } else if (eq != std::string_view::npos) {
      value = arg.substr(eq + 1);
    } else if (i + 1 < argc) {
      value = argv[++i];  // whatever it is: --sort -date, --like -odd-id
    } else {
      return Bad(name, std::string("needs a value (").append(spec->value).append(")"));
    }
    bool& seen = given[static_cast<size_t>(spec->flag)];
    if (seen && !spec->value.empty()) return Bad(name, "given twice");
    seen = true;
    // The flags without a value: each sets one switch.
    bool* on = nullptr;
    switch (spec->flag) {
      case Flag::kAllowPartial: on = &flags.open.allow_partial; break;
      case Flag::kJson: on = &json; break;
      case Flag::kPaths: on = &paths; break;
      case Flag::kAny: on = &flags.request.any; break;
      case Flag::kAll: on = &all; break;
      case Flag::kRecent: on = &flags.request.recent; break;
      case Flag::kFacets: on = &flags.request.facets; break;
      case Flag::kQuotes: on = &flags.request.quotes; break;
      default: break;
    }
    if (on != nullptr) {
      *on = true;
      continue;
    }
    switch (spec->flag) {
      case Flag::kHelp:
        PrintHelp(out);
        flags.help = true;
        return flags;
      case Flag::kVersion:
        out << "newsarc-search " NEWSARC_VERSION "\n";
        flags.help = true;
        return flags;
      case Flag::kDb:
        if (value.empty()) return Bad(name, "needs a directory");
        db = value;
        break;
      case Flag::kTimeout: {
        // Decimal only: strtod would also take "0x1p3", " 3" and "+3".
        double seconds = NAN;
        const char* end = value.data() + value.size();
        const auto [stop, err] = std::from_chars(value.data(), end, seconds);
        if (value.empty() || err != std::errc() || stop != end ||
            !(seconds >= 0 && seconds <= 86400)) {
          return Bad(name, "is not a number of seconds from 0 to 86400", value);
        }
        flags.open.timeout_seconds = seconds;
        break;
      }
      case Flag::kLike:
        if (value.empty()) return Bad(name, "needs an article");
        flags.request.like = value;
        break;
      case Flag::kLimit: {
        const auto n = Decimal(value, 1000000);
        if (!n) return Bad(name, "is not a whole number from 0 to 1000000", value);
        flags.request.limit = static_cast<uint32_t>(*n);
        break;
      }
      case Flag::kOffset: {
        const auto n = Decimal(value, UINT32_MAX);
        if (!n) return Bad(name, "is not a whole number from 0 to 4294967295", value);
        flags.request.offset = static_cast<uint32_t>(*n);
        break;
      }
      case Flag::kSort:
        if (value == "relevance") {
          flags.request.sort = SortOrder::kRelevance;
        } else if (value == "date") {
          flags.request.sort = SortOrder::kDate;
        } else if (value == "-date") {
          flags.request.sort = SortOrder::kDateDesc;
        } else {
          return Bad(name, "is not relevance, date or -date", value);
        }
        break;
      case Flag::kColor:
        if (value == "auto") {
          flags.color = ColorMode::kAuto;
        } else if (value == "always") {
          flags.color = ColorMode::kAlways;
        } else if (value == "never") {
          flags.color = ColorMode::kNever;
        } else {
          return Bad(name, "is not auto, always or never", value);
        }
        break;
      default:
        break;  // the switches above
    }
  }
  if (json && paths) return Bad("--json", "not with --paths");
  if (flags.request.recent && given[static_cast<size_t>(Flag::kSort)]) {
    return Bad("--recent", "not with --sort (it orders by relevance and recency)");
  }

  for (std::string_view w : words) {
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
  // --paths needs no snippets; they cost a read of each body.
  flags.request.snippets = flags.format != OutputFormat::kPaths;
  return flags;
}

}  // namespace newsarc::cli
