// Recency: a bounded bonus for newer articles, added to relevance with
// OP_AND_MAYBE (it reorders the matches, never adds any). Like Xapian's
// ValueWeightPostingSource over schema::kSlotDate, but the weight decays
// with the article's age and is capped, so a strong older match is not
// buried under weak new ones.
#ifndef NEWSARC_SRC_RECENCY_H_
#define NEWSARC_SRC_RECENCY_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

namespace newsarc::internal {

// Days since 1970-01-01 of a "YYYYMMDD" value, std::nullopt if malformed.
std::optional<long> DayNumber(std::string_view yyyymmdd);

// Weight max_weight * 2^(-age / half_life_days), where age is the number of
// days between the document's date and `newest_day`; articles without a date
// get nothing.
class RecencySource : public Xapian::ValuePostingSource {
 public:
  RecencySource(Xapian::valueno slot, long newest_day, double half_life_days,
                double max_weight);

  double get_weight() const override;
  RecencySource* clone() const override;
  void init(const Xapian::Database& db) override;
  std::string name() const override { return "newsarc.RecencySource"; }

 private:
  long newest_day_;
  double half_life_days_;
  double max_weight_;
};

// `query` OP_AND_MAYBE a RecencySource over schema::kSlotDate with weight at
// most `max_weight`, ageing from the newest date in `db`. `query` unchanged
// when no article has a date or max_weight <= 0.
Xapian::Query WithRecency(const Xapian::Query& query, const Xapian::Database& db,
                          double max_weight, double half_life_days);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_RECENCY_H_
