// Facets: counts of speakers, organisations, sites, years and languages
// over the articles a query matches, gathered while the matcher runs by
// Xapian's built-in ValueCountMatchSpy, one per value slot. Built-in spies
// serialise, so remote shards (xapian-tcpsrv, which knows only Xapian's own
// classes) count their share and Xapian merges the counts.
//
// Speakers and organisations are several per article ('\n'-joined in
// schema::kSlotSpeakers / kSlotOrgs): the spy counts the distinct joined
// lists, and Top() splits each list and adds its count to every name in
// it, which gives each name exactly the number of articles naming it. Years
// are the first four characters of the dates counted.
#ifndef NEWSARC_SRC_FACETS_H_
#define NEWSARC_SRC_FACETS_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsarc/searcher.h"

namespace newsarc::internal {

using FacetCounts = std::unordered_map<std::string, uint64_t>;

// Adds `count` to each name of the '\n'-joined `names` (empty names
// skipped; a name listed twice counts twice, as the article lists it).
void AddSplitCount(std::string_view names, uint64_t count, FacetCounts& counts);

// The `n` most frequent values of `counts`, by count then value.
Facet TopOf(const char* name, const FacetCounts& counts, size_t n);

// Not thread-safe; one per Enquire::get_mset, alive until Top() is read.
class FacetCounter {
 public:
  FacetCounter();
  // Registers the spies with `enquire` (before get_mset).
  void Attach(Xapian::Enquire& enquire);

  // The `n` most frequent values of each facet, in the order speakers,
  // organisations, site, year, language (facets with no value included).
  std::vector<Facet> Top(size_t n) const;
  // Articles counted.
  uint64_t articles() const;

 private:
  Xapian::ValueCountMatchSpy speakers_, orgs_, sites_, dates_, languages_;
};

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_FACETS_H_
