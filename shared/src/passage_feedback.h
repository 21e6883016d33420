// Passage-based feedback (RankingOptions::prf_scheme "lca" or "passage";
// evaluation only, README "Ranking"): expansion terms taken from the text
// around the query's words in the feedback documents rather than from the
// whole documents, in the spirit of Xu and Croft's Local Context Analysis.
// A long article about several things then lends only the words that stand
// near the request's words.
#ifndef NEWSARC_SRC_PASSAGE_FEEDBACK_H_
#define NEWSARC_SRC_PASSAGE_FEEDBACK_H_

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "ranking.h"

namespace newsarc::internal {

// The passages of the documents `top`: with prf_window > 0, the words
// within prf_window positions of each occurrence of a query word, one
// passage per occurrence; otherwise consecutive runs of prf_passage words,
// those holding a query word. A word is read through the terms that carry
// positions (the exact words under STEM_SOME, stemmed with the article's
// language, or the stems under STEM_ALL). Query words are the terms of
// `query`.
//
// Returns up to prf_terms (term, weight) pairs, best first, among the terms
// `accept` takes that are not query terms (unless prf_query):
// - "lca": LCA's belief, the product over the query words w of
//   (0.1 + log10(1 + co(c, w)) * idf(c) / log10(n))^idf(w), where co sums
//   tf(c) * tf(w) over the n passages and idf(t) = log(N / df) / log(N)
//   (LCA divides by a constant 5, fitted to a collection of ~10^5 to 10^6
//   documents); the i-th term weighs 1 - 0.9 * i / prf_terms, as in LCA.
// - "passage": the sum over the passages of the term's share of the
//   passage's words, times log(N / df): a Rocchio centroid of passages.
std::vector<std::pair<std::string, double>> PassageFeedback(
    const Xapian::Database& db, const std::vector<Xapian::docid>& top,
    const Xapian::Query& query, const RankingOptions& options,
    const Xapian::ExpandDecider& accept);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_PASSAGE_FEEDBACK_H_
