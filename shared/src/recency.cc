#include "recency.h"

#include <cmath>
#include <cstdio>

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

std::string DayString(long z) {
  // Howard Hinnant's civil_from_days.
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  if (y < 0 || y > 9999) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04ld%02u%02u", y, m, d);
  return buf;
}

double RecencyWeight(long age, double half_life_days, double max_weight) {
  if (!(half_life_days > 0)) half_life_days = 1;
  if (age <= 0) return max_weight;
  return max_weight * std::exp2(-static_cast<double>(age) / half_life_days);
}

Xapian::Query WithRecency(const Xapian::Query& query, const Xapian::Database& db,
                          double max_weight, double half_life_days) {
  if (!(max_weight > 0)) return query;
  std::optional<long> newest = DayNumber(db.get_value_upper_bound(schema::kSlotDate));
  if (!newest) return query;
  std::optional<long> oldest = DayNumber(db.get_value_lower_bound(schema::kSlotDate));
  if (!(half_life_days > 0)) half_life_days = 1;
  // Beyond 53 half-lives the bonus is under 2^-53 of max_weight.
  const long reach = static_cast<long>(std::ceil(53 * half_life_days));
  long first = *newest - reach;
  if (oldest && *oldest > first) first = *oldest;
  auto* source = new Xapian::ValueMapPostingSource(schema::kSlotDate);
  source->set_default_weight(0);
  for (long day = *newest; day >= first; --day) {
    std::string key = DayString(day);
    if (key.empty()) break;
    source->add_mapping(key, RecencyWeight(*newest - day, half_life_days, max_weight));
  }
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(source->release()));
}

}  // namespace newsarc::internal
