// Score regularisation (RankingOptions::reg; evaluation only, no gain on
// TIME, README "Ranking"): the cluster hypothesis says that similar
// articles are relevant to the same requests, so each of the top hits of a
// first pass takes a share of the weight of the hits most like it.
#ifndef NEWSARC_SRC_REGULARISE_H_
#define NEWSARC_SRC_REGULARISE_H_

#include <xapian.h>

#include "ranking.h"

namespace newsarc::internal {

// Runs `query` and returns it with a fixed bonus AND_MAYBE'd on for each of
// its top reg_top hits: reg times the mean weight of its reg_k most similar
// hits among them (cosine of the tf-idf vectors of their stems), weighted
// by the similarity. Matches the same articles as `query`. Returns `query`
// unchanged when reg is off or fewer than two articles match.
Xapian::Query Regularise(const Xapian::Database& db, const Xapian::Query& query,
                         const RankingOptions& options);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_REGULARISE_H_
