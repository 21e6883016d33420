// QueryParser: newsarc's query language -> Xapian::Query.
//
// Wraps Xapian::QueryParser. The query string is folded with the same ICU
// normalisation as the index (FoldText) before Xapian sees it, except for
// the operators AND OR NOT XOR NEAR NEAR/n ADJ ADJ/n, which stay upper case.
// Field prefixes come from schema.h:
//   title:word         free text in titles ("S")
//   speaker:rudd       one word of a speaker's name or alias (kSpeakerWord)
//   speaker:"a rudd"   a speaker's whole name or alias (kSpeaker)
//   org:met, org:"metropolitan police"    likewise (kOrgWord, kOrg)
//   site:bbc.co.uk     host or parent domain ("H"), "www." ignored
//   lang:en            language ("L"); also picks the stemmer
//   date:2017 date:2017-03 date:2017-03-01 date:A..B date:A.. date:..B
// Boolean filters of one kind (site:, lang:, date:) are OR'd together;
// speaker: and org: filters are AND'd (an article quoting both). A space
// may follow a field's colon (`speaker: rudd`); a field without a value is
// an error. A query of exclusions only (`-rudd`) means NOT (rudd).
#ifndef NEWSARC_SRC_QUERY_PARSER_H_
#define NEWSARC_SRC_QUERY_PARSER_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

#include "newsarc/status.h"

namespace newsarc::internal {

enum class DefaultOp { kAnd, kOr };

struct ParsedQuery {
  Xapian::Query query;
  // The folded query, which Xapian parses; but a query of exclusions only
  // (`-a -b`) it parses as `NOT (a OR b)`, what that means (Xapian 1.4
  // would drop the minus signs and find the articles with a and b).
  std::string folded;
  std::string stemmer;  // Xapian stemmer name used ("" = none)
  // Distinct free-text terms in the query (after stemming), for the
  // AND -> OR fallback: relaxing makes sense only when this is > 1.
  size_t free_terms = 0;
};

// FoldText()s everything in `query` but the operators, which must stay
// upper case for Xapian. Idempotent: FoldQuery(FoldQuery(q)) == FoldQuery(q).
std::string FoldQuery(std::string_view query);

// "YYYYMMDD" bounds of a `date:` value: "2017", "2017-03", "2017-03-01",
// "20170301", or ranges "A..B", "A..", "..B" of these. A year or month as
// an upper bound means its last day. Empty optional for an open end.
struct DateBounds {
  std::optional<std::string> from;
  std::optional<std::string> to;
};
Result<DateBounds> ParseDateRange(std::string_view value);

// Parses `query`. `db` (may be null) expands wildcards; without it `foo*`
// is kept as a wildcard query that the matcher expands. kInvalidArgument
// with Xapian's or our message if the query is malformed.
Result<ParsedQuery> ParseQuery(std::string_view query,
                               DefaultOp op = DefaultOp::kAnd,
                               const Xapian::Database* db = nullptr);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_QUERY_PARSER_H_
