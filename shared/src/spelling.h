// "Did you mean": spelling suggestions built from the index's own term
// list, with no spelling table at index time (Xapian's TermGenerator
// FLAG_SPELLING costs about 11% of indexing time; README "Did you mean"
// gives the measurements behind this choice).
//
// For each plain word of the query that is not in the index (neither as a
// word nor as a stem), or is rare while the query finds little, the
// suggester looks at the indexed words that start with the same letter
// (as Lucene's DirectSpellChecker does by default), keeps those within
// Damerau-Levenshtein distance 1 (words of up to 4 letters) or 2, and takes
// among the 50 closest (then most frequent) the one that finds the most
// articles together with the query's other words, else the closest.
#ifndef NEWSARC_SRC_SPELLING_H_
#define NEWSARC_SRC_SPELLING_H_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsarc::internal {

// Optimal-string-alignment distance between a and b (bytes), or max + 1 if
// it exceeds `max`.
size_t EditDistance(std::string_view a, std::string_view b, size_t max);

// The indexed word closest to the folded word `word` (see above), "" if none
// within reach. `min_freq`: articles the suggestion must be in at least;
// `context`: the other (folded, indexed) words of the query.
std::string ClosestTerm(const Xapian::Database& db, std::string_view word,
                        Xapian::doccount min_freq,
                        const std::vector<std::string>& context = {});

// `query` with its unknown words replaced, and its rare words too when
// `few_hits` (the query finds little) and a replacement one edit away is
// 20 times as frequent and finds articles with the other words: "" when
// nothing is replaced.
// Operators, field:values, wildcards and numbers are left alone; a
// replacement keeps the word's capitalisation ("Rud" -> "Rudd"). Queries of
// more than 64 words get no suggestion, and at most 8 words are corrected.
// `searched`, if given, is the result of searching `query` on `db`: it
// holds the frequencies of the terms searched, which then need no lookup
// in the index (a B-tree read each).
// May throw Xapian::Error (the caller guards it).
std::string SuggestQuery(std::string_view query, const Xapian::Database& db,
                         bool few_hits, const Xapian::MSet* searched = nullptr);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_SPELLING_H_
