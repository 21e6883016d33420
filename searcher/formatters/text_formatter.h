// Human output: "Did you mean: ..." when there is a suggestion, one block
// per hit (rank, title, date, "(+N copies)" folded into it, site/url or
// path, speakers, organisations, snippet with the matched words and phrases
// highlighted), then "N of about M results", then the facets if asked for.
// With FormatOptions::quotes, one block per quote instead: rank, speaker,
// the quoted words in “…” (reported speech marked "(reported)") with the
// matched words highlighted, then the article's title, date and URL or path.
// ANSI colour only if FormatOptions::color. Control characters in article
// text (escape sequences included) never reach the terminal.
#ifndef NEWSARC_SEARCHER_FORMATTERS_TEXT_FORMATTER_H_
#define NEWSARC_SEARCHER_FORMATTERS_TEXT_FORMATTER_H_

#include <string>
#include <string_view>

#include "formatters/formatter.h"

namespace newsarc::cli {

class TextFormatter : public Formatter {
 public:
  explicit TextFormatter(const FormatOptions& options) : options_(options) {}
  void Write(const SearchResults& results, std::ostream& out) override;

 private:
  void WriteQuotes(const SearchResults& results, std::ostream& out);

  FormatOptions options_;
};

// `text` with C0 and C1 control characters (ESC included) turned into spaces.
std::string StripControls(std::string_view text);

}  // namespace newsarc::cli

#endif  // NEWSARC_SEARCHER_FORMATTERS_TEXT_FORMATTER_H_
