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
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace newsarc::internal {

// Optimal-string-alignment distance between a and b (bytes), or max + 1 if
// it exceeds `max`.
size_t EditDistance(std::string_view a, std::string_view b, size_t max);

// How far `term` can be read before no term starting with it is within
// `max` of `word` (optimal-string-alignment distance, bytes): the length of
// that shortest prefix, or 0 when there is none. `distance` gets the
// distance from `word` to `term` itself, max + 1 beyond reach.
size_t UnreachablePrefix(std::string_view word, std::string_view term, size_t max,
                         size_t* distance);

// UnreachablePrefix for one `word` over many terms: the rows of the table
// for the bytes a term shares with the term before it are kept, so that a
// walk over terms in sorted order computes the row of each distinct prefix
// once, as a walk down a trie would. Any order gives the same answers.
class PrefixDistance {
 public:
  PrefixDistance(std::string_view word, size_t max);
  // As UnreachablePrefix(word, term, max, distance).
  size_t Reach(std::string_view term, size_t* distance);

 private:
  std::string word_;
  size_t max_;
  std::string last_;      // the term whose rows are held
  size_t held_ = 0;       // rows 0 to held_ of the table for last_
  bool dead_ = false;     // row held_ is beyond reach
  std::vector<size_t> rows_;  // row i at i * (word_.size() + 1)
};

// Calls `visit(term, distance, articles)` for each indexed term that starts
// with `prefix` and is within `max` edits of `word` (`word` itself left
// out), in term order, reading only the parts of the term list that can
// hold one.
void ForTermsWithin(
    const Xapian::Database& db, std::string_view word, const std::string& prefix, size_t max,
    const std::function<void(const std::string&, size_t, Xapian::doccount)>& visit);

// The indexed words under each initial, held in memory by a long-lived
// searcher for one set of revisions of its databases: a suggestion reads
// the term list of the word's initial, which is also where the posting
// lists are (on 100,000 articles about a millisecond for one initial), so
// a searcher that suggests again reads it once per revision instead.
class Vocabulary {
 public:
  struct Word {
    std::string term;
    Xapian::doccount freq;
  };
  // Words held at most, over all initials (about 40 bytes each).
  static constexpr size_t kMaxWords = size_t{1} << 20;

  // The databases searched now: every list is dropped when their revisions
  // differ from the last ones given; none is kept with no revisions (a
  // remote shard, or one whose revision Xapian cannot give).
  void Revise(const std::vector<Xapian::rev>& revisions);
  // The terms starting with `initial`, in term order, or nullptr (read
  // them from the index): the first time an initial is asked for in a
  // revision (a process that suggests once reads only what it needs), and
  // once the lists hold kMaxWords words. The second time it reads the
  // list; may throw Xapian::Error then.
  const std::vector<Word>* Words(const Xapian::Database& db, const std::string& initial);

 private:
  std::vector<Xapian::rev> revisions_;
  std::set<std::string> asked_;  // initials asked for once
  std::map<std::string, std::vector<Word>> lists_;
  size_t words_ = 0;
};

// ForTermsWithin over `words` (a Vocabulary's list, in term order) instead
// of the index.
void ForWordsWithin(
    const std::vector<Vocabulary::Word>& words, std::string_view word, size_t max,
    const std::function<void(const std::string&, size_t, Xapian::doccount)>& visit);

// The indexed word closest to the folded word `word` (see above), "" if none
// within reach. `min_freq`: articles the suggestion must be in at least;
// `context`: the other (folded, indexed) words of the query;
// `vocabulary`: the searcher's lists of words, if it keeps them.
std::string ClosestTerm(const Xapian::Database& db, std::string_view word,
                        Xapian::doccount min_freq,
                        const std::vector<std::string>& context = {},
                        Vocabulary* vocabulary = nullptr);

// `query` with its unknown words replaced, and its rare words too when
// `few_hits` (the query finds little) and a replacement one edit away is
// 20 times as frequent and finds articles with the other words: "" when
// nothing is replaced.
// Operators, field:values, wildcards and numbers are left alone; a
// replacement keeps the word's capitalisation ("Rud" -> "Rudd"). Queries of
// more than 64 words get no suggestion, and at most 8 words are corrected.
// `searched`, if given, is the result of searching `query` on `db`: it
// holds the frequencies of the terms searched, which then need no lookup
// in the index (a B-tree read each); `vocabulary`, as for ClosestTerm.
// `stemmers`: the names of the Xapian stemmers the query was parsed with
// ("" = none; ParsedQuery::parses), which tell whether a word is known by
// its stem. May throw Xapian::Error (the caller guards it).
std::string SuggestQuery(std::string_view query, const Xapian::Database& db,
                         const std::vector<std::string>& stemmers, bool few_hits,
                         const Xapian::MSet* searched = nullptr,
                         Vocabulary* vocabulary = nullptr);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_SPELLING_H_
