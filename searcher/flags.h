// Command-line flags of newsarc-search, parsed into plain structs.
#ifndef NEWSARC_SEARCHER_FLAGS_H_
#define NEWSARC_SEARCHER_FLAGS_H_

#include <filesystem>
#include <iosfwd>
#include <string>

#include "formatters/formatter.h"
#include "newsarc/searcher.h"
#include "newsarc/status.h"

namespace newsarc::cli {

enum class ColorMode { kAuto, kAlways, kNever };

struct SearchFlags {
  std::filesystem::path index_dir;  // --db, default DefaultIndexPath()
  OpenOptions open;       // --timeout, --allow-partial
  SearchRequest request;  // QUERY words joined with spaces, --limit...
  OutputFormat format = OutputFormat::kText;  // --json, --paths
  ColorMode color = ColorMode::kAuto;         // --color
  bool help = false;  // --help or --version: printed to `out`, exit 0
};

// Parses argv. Words of the query that look like options ("-boris") are
// taken as query words unless they are one of ours, so that
// `newsarc-search brexit -boris` works; `--` ends the options.
// Prints the usage to `out` for -h/--help, the version for --version (the
// flags after either are not looked at). kInvalidArgument, naming the flag
// and the problem, for an unknown --option, a missing or bad value, a value
// option given twice, --json with --paths, --recent with --sort, or no query
// (and no --like).
Result<SearchFlags> ParseSearchFlags(int argc, const char* const* argv,
                                     std::ostream& out);

// Whether to colour the output: always/never as asked; auto only when
// stdout is a terminal, NO_COLOR is unset or empty and TERM is not "dumb".
bool UseColor(ColorMode mode, bool stdout_is_tty, const char* no_color,
              const char* term);

}  // namespace newsarc::cli

#endif  // NEWSARC_SEARCHER_FLAGS_H_
