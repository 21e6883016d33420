// Dates as news files write them, normalised to ISO 8601.
#ifndef NEWSARC_INDEXER_READERS_DATES_H_
#define NEWSARC_INDEXER_READERS_DATES_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace newsarc::indexer {

// Normalises a date field to ISO 8601, keeping the time and zone if given:
//   "2017-03-29"                       -> "2017-03-29"
//   "2017-03-29 10:00:00"              -> "2017-03-29T10:00:00"
//   "2017-03-29T10:00:00.123+01:00"    -> "2017-03-29T10:00:00.123+01:00"
//   "Wed, 29 Mar 2017 10:00:00 GMT"    -> "2017-03-29T10:00:00Z" (RFC 822)
//   "March 29, 2017", "29 March 2017", "2017/03/29", "20170329"
// Returns "" for anything unknown or ambiguous ("03/04/2017") and for
// impossible dates ("2017-02-30").
std::string NormalizeDate(std::string_view text);

// A Unix time (seconds, or milliseconds if it is too large for seconds) as
// "YYYY-MM-DDTHH:MM:SSZ"; "" if out of range.
std::string UnixTimeToIso(double t);

// If `line` is nothing but a calendar date, as Wikinews and many archives
// start their text ("Friday, January 4, 2019", "4 January 2019",
// "2019-01-04"), returns it as "YYYY-MM-DD"; else "".
std::string ParseDateline(std::string_view line);

}  // namespace newsarc::indexer

#endif  // NEWSARC_INDEXER_READERS_DATES_H_
