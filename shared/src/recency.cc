#include "recency.h"

#include <cmath>

#include "schema.h"

namespace newsarc::internal {
namespace {

bool AllDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

// Howard Hinnant's days_from_civil.
long DaysFromCivil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

}  // namespace

std::optional<long> DayNumber(std::string_view v) {
  if (v.size() < 8 || !AllDigits(v.substr(0, 8))) return std::nullopt;
  long y = std::stol(std::string(v.substr(0, 4)));
  unsigned m = static_cast<unsigned>(std::stoi(std::string(v.substr(4, 2))));
  unsigned d = static_cast<unsigned>(std::stoi(std::string(v.substr(6, 2))));
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  return DaysFromCivil(y, m, d);
}

RecencySource::RecencySource(Xapian::valueno slot, long newest_day,
                             double half_life_days, double max_weight)
    : Xapian::ValuePostingSource(slot),
      newest_day_(newest_day),
      half_life_days_(half_life_days > 0 ? half_life_days : 1),
      max_weight_(max_weight) {}

double RecencySource::get_weight() const {
  std::optional<long> day = DayNumber(get_value());
  if (!day) return 0;
  long age = newest_day_ - *day;
  if (age <= 0) return max_weight_;
  return max_weight_ * std::exp2(-static_cast<double>(age) / half_life_days_);
}

RecencySource* RecencySource::clone() const {
  return new RecencySource(get_slot(), newest_day_, half_life_days_, max_weight_);
}

void RecencySource::init(const Xapian::Database& db) {
  Xapian::ValuePostingSource::init(db);
  set_maxweight(max_weight_);
}

Xapian::Query WithRecency(const Xapian::Query& query, const Xapian::Database& db,
                          double max_weight, double half_life_days) {
  if (!(max_weight > 0)) return query;
  std::optional<long> newest = DayNumber(db.get_value_upper_bound(schema::kSlotDate));
  if (!newest) return query;
  auto* source = new RecencySource(schema::kSlotDate, *newest, half_life_days, max_weight);
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(source->release()));
}

}  // namespace newsarc::internal
