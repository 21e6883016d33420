#include "keys.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <string>

#include "ascii.h"
#include "initialisms.h"
#include "newsarc/normalizer.h"
#include "schema.h"

namespace newsarc::internal {
namespace {

uint64_t Fnv1a64(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// "YYYYMMDD" if the parts make a real calendar date, else "".
std::string MakeDateKey(int y, int m, int d) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30,
                                                31, 31, 30, 31, 30, 31};
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1])
    return "";
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) return "";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
  return buf;
}

int MonthFromName(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun",
      "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  const std::string l = Lower(name.substr(0, 3));
  for (size_t i = 0; i < kMonths.size(); ++i)
    if (l == kMonths[i]) return static_cast<int>(i) + 1;
  return 0;
}

}  // namespace

std::string ShortKey(std::string_view key) {
  if (key.size() <= schema::kMaxKeyBytes) return std::string(key);
  size_t cut = schema::kMaxKeyBytes - 17;
  // Do not cut a UTF-8 sequence in half.
  while (cut > 0 && (static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80) --cut;
  char hash[18];
  std::snprintf(hash, sizeof hash, "#%016llx",
                static_cast<unsigned long long>(Fnv1a64(key)));
  return std::string(key.substr(0, cut)) + hash;
}

namespace {
constexpr char kPackedFileId = '\x01';
std::string FileIdPrefix(std::string_view path) { return "file:" + std::string(path) + "#"; }
}  // namespace

std::string FileArticleId(std::string_view path, uint64_t record) {
  return FileIdPrefix(path) + std::to_string(record);
}

std::string PackFileId(std::string_view id, std::string_view path) {
  const std::string prefix = FileIdPrefix(path);
  if (id.size() > prefix.size() && id.starts_with(prefix)) {
    const std::string_view record = id.substr(prefix.size());
    if (std::all_of(record.begin(), record.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return kPackedFileId + std::string(record);
  }
  return std::string(id);
}

std::string UnpackFileId(std::string packed, std::string_view path) {
  if (packed.empty() || packed[0] != kPackedFileId) return packed;  // moved, not copied
  return FileIdPrefix(path) + packed.substr(1);
}

std::string EntityKey(std::string_view name) { return JoinInitialisms(FoldKey(name)); }

std::string EntityNameTerm(std::string_view prefix, std::string_view name) {
  const std::string key = EntityKey(name);
  if (key.empty()) return "";
  return std::string(prefix) + ShortKey(key);
}

std::vector<std::string> EntityWordTerms(std::string_view prefix,
                                         std::string_view name) {
  std::vector<std::string> terms;
  auto add = [&](std::string_view word) {
    if (word.empty() || word.size() > schema::kMaxKeyBytes) return;
    std::string term = std::string(prefix) + std::string(word);
    for (const auto& t : terms)
      if (t == term) return;
    terms.push_back(std::move(term));
  };
  const std::string key = EntityKey(name);
  size_t start = 0;
  while (start < key.size()) {
    size_t end = key.find(' ', start);
    if (end == std::string::npos) end = key.size();
    const std::string_view word(key.data() + start, end - start);
    add(word);
    if (word.find('-') != std::string_view::npos) {
      size_t p = 0;
      while (p <= word.size()) {
        size_t q = word.find('-', p);
        if (q == std::string_view::npos) q = word.size();
        add(word.substr(p, q - p));
        p = q + 1;
      }
    }
    start = end + 1;
  }
  return terms;
}

std::string HostOf(std::string_view url) {
  size_t p = url.find("://");
  std::string_view rest = p == std::string_view::npos ? url : url.substr(p + 3);
  if (p == std::string_view::npos && rest.find('.') == std::string_view::npos)
    return "";
  size_t end = rest.find_first_of("/?#");
  std::string_view host = rest.substr(0, end);
  if (size_t at = host.rfind('@'); at != std::string_view::npos)
    host = host.substr(at + 1);
  if (size_t colon = host.rfind(':'); colon != std::string_view::npos)
    host = host.substr(0, colon);
  std::string h = Lower(host);
  while (!h.empty() && h.back() == '.') h.pop_back();
  if (StartsWith(h, "www.")) h.erase(0, 4);
  for (char c : h)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ||
          static_cast<unsigned char>(c) >= 0x80))
      return "";
  return h;
}

std::string SiteTerm(std::string_view host) {
  return std::string(schema::kSite) + ShortKey(host);
}

std::vector<std::string> SiteTerms(std::string_view host) {
  std::vector<std::string> terms;
  std::string h = HostOf(host);
  if (h.empty()) return terms;
  terms.push_back(SiteTerm(h));
  for (size_t dot = h.find('.'); dot != std::string::npos; dot = h.find('.', dot + 1)) {
    std::string_view parent(h.data() + dot + 1, h.size() - dot - 1);
    if (parent.find('.') == std::string_view::npos) break;  // keep two labels at least
    terms.push_back(SiteTerm(parent));
  }
  return terms;
}

std::string CanonicalUrl(std::string_view url) {
  std::string_view u = url;
  while (!u.empty() && std::isspace(static_cast<unsigned char>(u.front()))) u.remove_prefix(1);
  while (!u.empty() && std::isspace(static_cast<unsigned char>(u.back()))) u.remove_suffix(1);
  if (size_t p = u.find("://"); p != std::string_view::npos) u = u.substr(p + 3);
  if (size_t hash = u.find('#'); hash != std::string_view::npos) u = u.substr(0, hash);
  size_t host_end = u.find_first_of("/?");
  std::string host = Lower(u.substr(0, host_end));
  if (StartsWith(host, "www.")) host.erase(0, 4);
  std::string rest(host_end == std::string_view::npos ? "" : u.substr(host_end));
  while (!rest.empty() && rest.back() == '/') rest.pop_back();
  return host + rest;
}

std::string DateKey(std::string_view date) {
  std::string_view d = date;
  while (!d.empty() && std::isspace(static_cast<unsigned char>(d.front()))) d.remove_prefix(1);
  while (!d.empty() && std::isspace(static_cast<unsigned char>(d.back()))) d.remove_suffix(1);
  // ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm..., YYYYMMDD.
  if (d.size() >= 4 && IsDigits(d.substr(0, 4))) {
    const int y = std::stoi(std::string(d.substr(0, 4)));
    if (d.size() == 4) return MakeDateKey(y, 1, 1);
    if (d.size() >= 8 && IsDigits(d.substr(0, 8)))
      return d.size() == 8 ? MakeDateKey(y, std::stoi(std::string(d.substr(4, 2))),
                                         std::stoi(std::string(d.substr(6, 2))))
                           : "";
    if (d[4] == '-' && d.size() >= 7 && IsDigits(d.substr(5, 2))) {
      const int m = std::stoi(std::string(d.substr(5, 2)));
      if (d.size() == 7) return MakeDateKey(y, m, 1);
      if (d.size() >= 10 && d[7] == '-' && IsDigits(d.substr(8, 2)) &&
          (d.size() == 10 || d[10] == 'T' || d[10] == ' ' || d[10] == 't'))
        return MakeDateKey(y, m, std::stoi(std::string(d.substr(8, 2))));
    }
    return "";
  }
  // RFC 822: "Wed, 29 Mar 2017 10:00:00 GMT" or "29 Mar 2017"; also
  // "March 29, 2017" as datelines write it.
  std::vector<std::string> words;
  std::string cur;
  for (char c : d) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      cur += c;
    } else if (!cur.empty()) {
      words.push_back(cur);
      cur.clear();
    }
    if (c == ':') break;  // the time starts; what follows is not the date
  }
  if (!cur.empty()) words.push_back(cur);
  int day = 0, month = 0, year = 0;
  for (const std::string& w : words) {
    if (IsDigits(w)) {
      const int v = std::stoi(w.substr(0, 6));
      if (w.size() == 4 && !year) year = v;
      else if (w.size() <= 2 && !day) day = v;
    } else if (!month) {
      month = MonthFromName(w);
    }
  }
  if (!year || !month || !day) return "";
  return MakeDateKey(year, month, day);
}

}  // namespace newsarc::internal
