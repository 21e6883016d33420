// --paths: the source path of each hit, once, one per line, in rank order.
#ifndef NEWSARC_SEARCHER_FORMATTERS_PATHS_FORMATTER_H_
#define NEWSARC_SEARCHER_FORMATTERS_PATHS_FORMATTER_H_

#include "formatters/formatter.h"

namespace newsarc::cli {

class PathsFormatter : public Formatter {
 public:
  void Write(const SearchResults& results, std::ostream& out) override;
};

}  // namespace newsarc::cli

#endif  // NEWSARC_SEARCHER_FORMATTERS_PATHS_FORMATTER_H_
