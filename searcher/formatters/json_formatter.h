// --json: the results as one JSON document (UTF-8, one line, then '\n').
//
// Schema (version 1):
//   {
//     "schema_version": 1,
//     "query":    string,   the query as given
//     "total":    integer,  Xapian's estimate of all matching articles
//     "relaxed":  bool,     true if no article had every word, so the
//                           words were AND'd without those no article
//                           has ("missing"), or else OR'd
//     "missing":  [string], those words, folded ([] when not relaxed or
//                           when the words were OR'd)
//     "offset":   integer,  hits skipped (--offset)
//     "hits": [             in rank order
//       {
//         "rank":   integer, 1-based, counting the offset
//         "score":  number,  BM25 weight, 4 decimals (0 for filters only)
//         "id":     string,  the article's key
//         "title":  string,
//         "date":   string,  ISO date as the source gave it, "" if unknown
//         "url":    string,  "" if unknown
//         "site":   string,  host without "www.", "" if unknown
//         "path":   string,  absolute path of the source file
//         "version": integer, "Version N of M." of the archive format, else 0
//         "language": string, ISO 639-1 code, "" if unknown
//         "byline": string,
//         "speakers":      [string], people quoted, display names
//         "organisations": [string], organisations named, display names
//         "snippet": string, plain text, "…" where cut
//         "highlights": [[begin, end]], byte offsets into the UTF-8 snippet
//                       of the words (or whole phrases) matching the query,
//                       [begin, end)
//         "duplicates": integer, other copies of this story folded into
//                       this hit (at least; 0 with --all)
//       }
//     ],
//     "suggestion": string, "did you mean": the query with misspelt words
//                   replaced, "" if there is nothing to suggest
//     "facets": null without --facets, else
//       { "articles": integer, matching articles counted
//         "exact":    bool,    true if every matching article was counted
//         "speakers" | "organisations" | "site" | "year" | "language":
//                     [ { "value": string, "count": integer } ]  most
//                     frequent first (then by value), at most 10 }
//     "quotes": null without --quotes (then "hits" holds the articles), else
//               [ in rank order ("hits" is then empty)
//       { "rank":    integer, 1-based, counting the offset
//         "score":   number, 4 decimals: the article's score times (1 + the
//                    share of the query's words the quote has)
//         "speaker": string, display name
//         "text":    string, the quoted words without quote marks, one line;
//                    "…" where a very long quote was cut
//         "highlights": [[begin, end]], byte offsets into "text" of the
//                    words matching the query
//         "direct":  bool, false for reported speech ("X said that ...")
//         "paragraph": integer, 0 the title, 1 the first body paragraph
//         "article": { "id", "title", "date", "url", "site", "path": string,
//                      "score": number (the article's BM25 weight) } } ]
//     "quote_total": integer, quotes that matched in the articles read
//                    (0 without --quotes)
//     "warnings": [string], one sentence each: shards left out
//                 (--allow-partial), features degraded over remote shards;
//                 [] for a local index (added without a version bump)
//   }
// Fields are only ever added to this schema; a removal or change of
// meaning bumps schema_version.
#ifndef NEWSARC_SEARCHER_FORMATTERS_JSON_FORMATTER_H_
#define NEWSARC_SEARCHER_FORMATTERS_JSON_FORMATTER_H_

#include "formatters/formatter.h"

namespace newsarc::cli {

inline constexpr int kJsonSchemaVersion = 1;

class JsonFormatter : public Formatter {
 public:
  explicit JsonFormatter(const FormatOptions& options = {})
      : quotes_(options.quotes) {}
  void Write(const SearchResults& results, std::ostream& out) override;

 private:
  bool quotes_;  // "quotes" is an array, not null
};

}  // namespace newsarc::cli

#endif  // NEWSARC_SEARCHER_FORMATTERS_JSON_FORMATTER_H_
