// Recency: a bounded bonus for newer articles, added to relevance with
// OP_AND_MAYBE (it reorders the matches, never adds any). The weight decays
// with the article's age and is capped, so a strong older match is not
// buried under weak new ones. It is Xapian's built-in ValueMapPostingSource
// over schema::kSlotDate, mapping each calendar day to its bonus, so that
// remote shards (xapian-tcpsrv knows only Xapian's own classes) apply it
// too.
#ifndef NEWSARC_SRC_RECENCY_H_
#define NEWSARC_SRC_RECENCY_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

namespace newsarc::internal {

// Days since 1970-01-01 of a "YYYYMMDD" value, std::nullopt if malformed.
std::optional<long> DayNumber(std::string_view yyyymmdd);

// "YYYYMMDD" of a day number (the inverse of DayNumber).
std::string DayString(long day);

// The recency bonus of an article dated `age` days before the newest one:
// max_weight * 2^(-age / half_life_days) (max_weight when age <= 0).
double RecencyWeight(long age, double half_life_days, double max_weight);

// `query` OP_AND_MAYBE a ValueMapPostingSource over schema::kSlotDate giving
// each day from the newest date in `db` back to the oldest its
// RecencyWeight; days whose bonus is below 2^-53 of max_weight (beyond
// rounding of any score) are left out, as are malformed dates (no bonus).
// `query` unchanged when no article has a date or max_weight <= 0.
Xapian::Query WithRecency(const Xapian::Query& query, const Xapian::Database& db,
                          double max_weight, double half_life_days);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_RECENCY_H_
