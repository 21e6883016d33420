#include "readers/dates.h"

#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace newsarc::indexer {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool ValidDate(int y, int m, int d) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30,
                                                31, 31, 30, 31, 30, 31};
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
}

std::string Ymd(int y, int m, int d) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// 1-12 for an English month name or its 3-letter abbreviation (a trailing
// '.' is allowed: "Jan."), else 0.
int MonthNumber(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::string w = Lower(word);
  if (!w.empty() && w.back() == '.') w.pop_back();
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (w == kMonths[i] ||
        (w.size() >= 3 && kMonths[i].substr(0, w.size()) == w)) {
      return static_cast<int>(i) + 1;
    }
  }
  if (w == "sept") return 9;
  return 0;
}

bool IsWeekday(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "monday", "tuesday",  "wednesday", "thursday",
      "friday", "saturday", "sunday"};
  std::string w = Lower(word);
  if (!w.empty() && w.back() == '.') w.pop_back();
  for (auto d : kDays) {
    if (w == d || (w.size() >= 3 && d.substr(0, w.size()) == w)) return true;
  }
  return false;
}

bool AllDigits(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int Num(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// Splits on spaces and commas.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\t')) ++i;
    size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != ',' && s[i] != '\t') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

// Day of month written as "4", "04", "4th".
int DayNumber(std::string_view w) {
  if (w.size() > 2) {
    std::string suffix = Lower(w.substr(w.size() - 2));
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
      w.remove_suffix(2);
    }
  }
  if (w.empty() || w.size() > 2 || !AllDigits(w, w.size())) return 0;
  return Num(w);
}

// "[Weekday] Month D YYYY" or "[Weekday] D Month YYYY" (commas ignored).
// `rest` receives the words after the date.
std::string WordDate(const std::vector<std::string_view>& words, size_t* used) {
  size_t i = 0;
  if (i < words.size() && IsWeekday(words[i])) ++i;
  if (i + 3 > words.size() || !AllDigits(words[i + 2], 4)) return "";
  int y = Num(words[i + 2]);
  int m = MonthNumber(words[i]);
  int d = DayNumber(words[i + 1]);
  if (m == 0) {
    d = DayNumber(words[i]);
    m = MonthNumber(words[i + 1]);
  }
  if (m == 0 || !ValidDate(y, m, d)) return "";
  *used = i + 3;
  return Ymd(y, m, d);
}

// "YYYY-MM-DD" or "YYYY/MM/DD" at the start of `s`.
bool IsoDay(std::string_view s, int* y, int* m, int* d) {
  if (s.size() < 10 || (s[4] != '-' && s[4] != '/') || s[7] != s[4])
    return false;
  if (!AllDigits(s.substr(0, 4), 4) || !AllDigits(s.substr(5, 2), 2) ||
      !AllDigits(s.substr(8, 2), 2)) {
    return false;
  }
  *y = Num(s.substr(0, 4));
  *m = Num(s.substr(5, 2));
  *d = Num(s.substr(8, 2));
  return ValidDate(*y, *m, *d);
}

// "HH:MM[:SS[.fff]]" → normalised or "".
std::string Clock(std::string_view s) {
  if (s.size() < 5 || s[2] != ':' || !AllDigits(s.substr(0, 2), 2) ||
      !AllDigits(s.substr(3, 2), 2)) {
    return "";
  }
  if (Num(s.substr(0, 2)) > 23 || Num(s.substr(3, 2)) > 59) return "";
  if (s.size() == 5) return std::string(s) + ":00";
  if (s.size() < 8 || s[5] != ':' || !AllDigits(s.substr(6, 2), 2) ||
      Num(s.substr(6, 2)) > 60) {
    return "";
  }
  if (s.size() == 8) return std::string(s);
  if (s[8] != '.' || s.size() == 9 || !AllDigits(s.substr(9), s.size() - 9))
    return "";
  return std::string(s);
}

// "Z", "GMT", "UTC", "+01:00", "+0100", "-05" → ISO form; "" if empty;
// "?" if not a zone.
std::string Zone(std::string_view z) {
  if (z.empty()) return "";
  std::string l = Lower(z);
  if (l == "z" || l == "gmt" || l == "utc" || l == "ut") return "Z";
  if (z[0] != '+' && z[0] != '-') return "?";
  std::string_view d = z.substr(1);
  if (AllDigits(d, 2)) return std::string(z) + ":00";
  if (AllDigits(d, 4))
    return std::string(z.substr(0, 3)) + ":" + std::string(d.substr(2));
  if (d.size() == 5 && d[2] == ':' && AllDigits(d.substr(0, 2), 2) &&
      AllDigits(d.substr(3), 2)) {
    return std::string(z);
  }
  return "?";
}

// Date, then optional time and zone: "2017-03-29T10:00:00Z".
std::string IsoDateTime(std::string_view s) {
  int y, m, d;
  if (!IsoDay(s, &y, &m, &d)) return "";
  std::string day = Ymd(y, m, d);
  std::string_view rest = s.substr(10);
  if (rest.empty()) return day;
  if (rest[0] != 'T' && rest[0] != ' ' && rest[0] != 't') return "";
  rest.remove_prefix(1);
  rest = Trim(rest);
  // Split the clock from the zone at the first Z/+/-/space after HH:MM.
  size_t end = 0;
  while (end < rest.size() &&
         (std::isdigit(static_cast<unsigned char>(rest[end])) ||
          rest[end] == ':' || rest[end] == '.')) {
    ++end;
  }
  std::string clock = Clock(rest.substr(0, end));
  std::string zone = Zone(Trim(rest.substr(end)));
  if (clock.empty() || zone == "?") return day;  // keep what is certain
  return day + "T" + clock + zone;
}

}  // namespace

std::string UnixTimeToIso(double t) {
  if (!std::isfinite(t) || t < 0) return "";
  if (t >= 1e11) t /= 1000;            // milliseconds
  if (t >= 253402300800.0) return "";  // year 10000
  auto secs = static_cast<int64_t>(t);
  int64_t days = secs / 86400, rem = secs % 86400;
  // Howard Hinnant's civil_from_days.
  int64_t z = days + 719468;
  int64_t era = z / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ",
                static_cast<int>(y), static_cast<int>(m), static_cast<int>(d),
                static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
                static_cast<int>(rem % 60));
  return buf;
}

std::string NormalizeDate(std::string_view text) {
  std::string_view s = Trim(text);
  if (s.empty() || s.size() > 64) return "";
  if (std::string iso = IsoDateTime(s); !iso.empty()) return iso;
  if (AllDigits(s, 8)) {
    int y = Num(s.substr(0, 4)), m = Num(s.substr(4, 2)),
        d = Num(s.substr(6, 2));
    return ValidDate(y, m, d) ? Ymd(y, m, d) : "";
  }
  // Words: "Wed, 29 Mar 2017 10:00:00 +0000", "March 29, 2017".
  std::vector<std::string_view> words = Words(s);
  size_t used = 0;
  std::string day = WordDate(words, &used);
  if (day.empty()) return "";
  if (used == words.size()) return day;
  std::string clock = Clock(words[used]);
  if (clock.empty()) return day;
  std::string zone = used + 1 < words.size() ? Zone(words[used + 1]) : "";
  if (zone == "?" || used + 2 < words.size()) return day;
  return day + "T" + clock + zone;
}

std::string ParseDateline(std::string_view line) {
  std::string_view s = Trim(line);
  if (s.size() < 8 || s.size() > 40) return "";
  int y, m, d;
  if (s.size() == 10 && IsoDay(s, &y, &m, &d) && s[4] == '-')
    return Ymd(y, m, d);
  std::vector<std::string_view> words = Words(s);
  size_t used = 0;
  std::string day = WordDate(words, &used);
  return used == words.size() ? day : "";
}

}  // namespace newsarc::indexer
