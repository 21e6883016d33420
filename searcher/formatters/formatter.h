// Formatters turn SearchResults into output: text for people, JSON for
// programs, paths for xargs. They never see the index (STYLE.md §3).
#ifndef NEWSARC_SEARCHER_FORMATTERS_FORMATTER_H_
#define NEWSARC_SEARCHER_FORMATTERS_FORMATTER_H_

#include <iosfwd>
#include <memory>

#include "newsarc/searcher.h"

namespace newsarc::cli {

enum class OutputFormat { kText, kJson, kPaths };

struct FormatOptions {
  bool color = false;  // ANSI colour and bold (text only)
  // --quotes: SearchResults::quotes are the results (text and JSON).
  bool quotes = false;
};

class Formatter {
 public:
  virtual ~Formatter() = default;
  virtual void Write(const SearchResults& results, std::ostream& out) = 0;
};

std::unique_ptr<Formatter> MakeFormatter(OutputFormat format,
                                         const FormatOptions& options);

}  // namespace newsarc::cli

#endif  // NEWSARC_SEARCHER_FORMATTERS_FORMATTER_H_
