#include "facets.h"

#include <algorithm>
#include <string_view>

#include "schema.h"

namespace newsarc::internal {
namespace {

void CountLines(const std::string& lines, std::unordered_map<std::string, uint64_t>& counts) {
  size_t b = 0;
  while (b < lines.size()) {
    size_t e = lines.find('\n', b);
    if (e == std::string::npos) e = lines.size();
    if (e > b) ++counts[lines.substr(b, e - b)];
    b = e + 1;
  }
}

Facet TopOf(const char* name, const std::unordered_map<std::string, uint64_t>& counts,
            size_t n) {
  Facet facet;
  facet.name = name;
  facet.values.reserve(counts.size());
  for (const auto& [value, count] : counts) facet.values.push_back({value, count});
  auto by_count = [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  };
  if (facet.values.size() > n) {
    std::partial_sort(facet.values.begin(), facet.values.begin() + static_cast<long>(n),
                      facet.values.end(), by_count);
    facet.values.resize(n);
  } else {
    std::sort(facet.values.begin(), facet.values.end(), by_count);
  }
  return facet;
}

}  // namespace

void FacetSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
  ++articles_;
  CountLines(doc.get_value(schema::kSlotSpeakers), speakers_);
  CountLines(doc.get_value(schema::kSlotOrgs), orgs_);
  if (std::string site = doc.get_value(schema::kSlotSite); !site.empty())
    ++sites_[site];
  if (std::string date = doc.get_value(schema::kSlotDate); date.size() >= 4)
    ++years_[date.substr(0, 4)];
  if (std::string lang = doc.get_value(schema::kSlotLanguage); !lang.empty())
    ++languages_[lang];
}

std::vector<Facet> FacetSpy::Top(size_t n) const {
  return {TopOf("speakers", speakers_, n), TopOf("organisations", orgs_, n),
          TopOf("site", sites_, n), TopOf("year", years_, n),
          TopOf("language", languages_, n)};
}

}  // namespace newsarc::internal
