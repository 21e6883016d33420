#include "facets.h"

#include <algorithm>

#include "schema.h"

namespace newsarc::internal {
namespace {

// Every distinct value the spy saw, with its count. Reads the spy's whole
// table (values(), not top_values(): a name's total is spread over the
// lists it appears in).
template <typename Fn>
void ForEachValue(const Xapian::ValueCountMatchSpy& spy, Fn&& fn) {
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    fn(*it, static_cast<uint64_t>(it.get_termfreq()));
  }
}

}  // namespace

void AddSplitCount(std::string_view names, uint64_t count, FacetCounts& counts) {
  size_t b = 0;
  while (b < names.size()) {
    size_t e = names.find('\n', b);
    if (e == std::string_view::npos) e = names.size();
    if (e > b) counts[std::string(names.substr(b, e - b))] += count;
    b = e + 1;
  }
}

Facet TopOf(const char* name, const FacetCounts& counts, size_t n) {
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

FacetCounter::FacetCounter()
    : speakers_(schema::kSlotSpeakers),
      orgs_(schema::kSlotOrgs),
      sites_(schema::kSlotSite),
      dates_(schema::kSlotDate),
      languages_(schema::kSlotLanguage) {}

void FacetCounter::Attach(Xapian::Enquire& enquire) {
  // Enquire keeps a reference; the spies outlive get_mset (owned by this).
  enquire.add_matchspy(&speakers_);
  enquire.add_matchspy(&orgs_);
  enquire.add_matchspy(&sites_);
  enquire.add_matchspy(&dates_);
  enquire.add_matchspy(&languages_);
}

std::vector<Facet> FacetCounter::Top(size_t n) const {
  FacetCounts speakers, orgs, sites, years, languages;
  ForEachValue(speakers_, [&](const std::string& v, uint64_t c) {
    AddSplitCount(v, c, speakers);
  });
  ForEachValue(orgs_, [&](const std::string& v, uint64_t c) {
    AddSplitCount(v, c, orgs);
  });
  ForEachValue(sites_, [&](const std::string& v, uint64_t c) {
    if (!v.empty()) sites[v] += c;
  });
  ForEachValue(dates_, [&](const std::string& v, uint64_t c) {
    if (v.size() >= 4) years[v.substr(0, 4)] += c;
  });
  ForEachValue(languages_, [&](const std::string& v, uint64_t c) {
    if (!v.empty()) languages[v] += c;
  });
  return {TopOf("speakers", speakers, n), TopOf("organisations", orgs, n),
          TopOf("site", sites, n), TopOf("year", years, n),
          TopOf("language", languages, n)};
}

uint64_t FacetCounter::articles() const { return speakers_.get_total(); }

}  // namespace newsarc::internal
