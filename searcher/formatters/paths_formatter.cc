#include "formatters/paths_formatter.h"

#include <ostream>
#include <set>
#include <string>

namespace newsarc::cli {

void PathsFormatter::Write(const SearchResults& results, std::ostream& out) {
  std::set<std::string> seen;  // several articles may share one file
  for (const Hit& hit : results.hits) {
    if (hit.path.empty() || !seen.insert(hit.path).second) continue;
    out << hit.path << '\n';
  }
  for (const QuoteHit& quote : results.quotes) {  // --quotes
    if (quote.path.empty() || !seen.insert(quote.path).second) continue;
    out << quote.path << '\n';
  }
}

}  // namespace newsarc::cli
