// Facets: counts of speakers, organisations, sites, years and languages
// over the articles a query matches, gathered by a Xapian::MatchSpy while
// the matcher runs. Xapian's ValueCountMatchSpy counts one string per slot;
// speakers and organisations are several per article ('\n'-separated in
// schema::kSlotSpeakers / kSlotOrgs), so this spy splits them.
#ifndef NEWSARC_SRC_FACETS_H_
#define NEWSARC_SRC_FACETS_H_

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "newsarc/searcher.h"

namespace newsarc::internal {

// Local databases only: it is not serialisable for remote shards.
// Not thread-safe; one per Enquire::get_mset.
class FacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double weight) override;
  std::string name() const override { return "newsarc.FacetSpy"; }

  // The `n` most frequent values of each facet, in the order speakers,
  // organisations, site, year, language (facets with no value included).
  std::vector<Facet> Top(size_t n) const;
  // Articles counted.
  uint64_t articles() const { return articles_; }

 private:
  using Counts = std::unordered_map<std::string, uint64_t>;
  Counts speakers_, orgs_, sites_, years_, languages_;
  uint64_t articles_ = 0;
};

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_FACETS_H_
