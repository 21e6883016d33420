// Ranking: how newsarc weighs and rewrites a parsed query.
//
// Everything that decides the order of hits (rather than which articles
// match) lives here: the weighting scheme, query-side stop words, the
// proximity boost for adjacent query words ("amber rudd"), the boost for
// query words naming a speaker or organisation the article carries, and
// pseudo-relevance feedback. The boosts never change the set of matching
// articles: they are OP_AND_MAYBE'd onto the user's query.
//
// The defaults are the settings the evaluations (scripts/eval-retrieval,
// scripts/eval-known-item; README "Ranking") kept. For ablation the
// environment variable NEWSARC_RANKING overrides them, as comma-separated
// key=value pairs read once per process, e.g. NEWSARC_RANKING="prf=0,k1=1".
// Keys: weight (bm25|bm25+|pl2|dlh|lm|lmd|tfidf|inl2|ineb2|bb2|dph|ifb2|
// trad), k1, b, k2, k3, min_normlen, idf_power, idf (lucene|plain), qtf,
// stop (0|1), prox (weight of the adjacent-words boost, 0 = off),
// prox_window, any_prox (the same in question mode), exact, entity (weight
// of the speaker boost, 0 = off), any_entity (the same in question mode),
// entity_orgs (0|1), prf (feedback documents, 0 = off),
// prf_terms, prf_weight, prf_scheme (trad|xapian-trad|bo1|rm3|rocchio|lca|passage),
// prf_passage, prf_window, prf_query,
// prf_flat, prf_min_docs, prf_min_words, prf_idf, prf_cap, prf_prox, prf_prox_window,
// prf_reg, reg, reg_top, reg_k; at index time title_wdf, entity_wdf; on
// both sides stem (some|all) and stemmer. Index-time and both-sides keys
// must be the same when indexing and searching (the scripts build an index
// per value).
#ifndef NEWSARC_SRC_RANKING_H_
#define NEWSARC_SRC_RANKING_H_

#include <xapian.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema.h"

namespace newsarc::internal {

struct RankingOptions {
  std::string weight = "bm25";
  // Each free-text query term is scaled by idf^idf_power on top of the
  // weighting scheme's own idf: with long queries, the rare words (names,
  // places) should outweigh several common ones. 0 = off; negative
  // flattens the idf instead (evaluation only).
  double idf_power = 0.0;
  double k1 = 1.2;
  double b = 0.75;
  // Xapian's other BM25 parameters (evaluation only): k2 (a document
  // length correction), k3 (query-side word frequency), min_normlen.
  double k2 = 0.0;
  double k3 = 1.0;
  double min_normlen = 0.5;
  // A word repeated in the query: each occurrence a term of its own, so
  // its weight grows linearly (0, the query parser's way), or one term
  // with the count as its query frequency, which BM25's k3 saturates (1),
  // or counted once (2). Evaluation only.
  unsigned qtf = 0;
  // The idf inside BM25: Xapian's (log of (N - n + 0.5) / (n + 0.5),
  // lifted below 2), "lucene" (log(1 + that ratio)) or "plain" (log N/n),
  // by scaling each query term. Evaluation only.
  std::string idf;
  // Drop common English function words from free-text queries (the index
  // keeps them, so phrases still match them).
  bool stop_words = true;
  // Adjacent query words found next to each other (within prox_window
  // positions, in order) add prox times their weight. Keyword mode; question
  // mode uses any_prox.
  double prox = 0.5;
  unsigned prox_window = 2;
  // The boost is checked on every matching article and, where the words of
  // a pair often stand in one article, keeps Xapian from skipping the
  // articles that cannot reach the hits shown: over a large archive, most
  // of a search. When more than prox_rescore_over articles may match
  // (MatchUpperBound) and the two words of its pairs may stand together in
  // more than prox_rescore_pairs (the rarer word's frequency, summed over
  // the pairs), it reorders only the best prox_rescore articles (plus the
  // hits asked for; at most 3 copies of a story) of the ranking without it,
  // as Lucene's rescorers do; otherwise every match gets it. prox_rescore
  // 0 = always every match. prox_rescore_per > 0 widens the window to 1
  // article in that many of the possible matches (evaluation only).
  unsigned prox_rescore = 100;
  unsigned prox_rescore_over = 1000;
  unsigned prox_rescore_pairs = 300;
  unsigned prox_rescore_per = 0;
  // The same boost in question mode (`any`). 0 = off.
  double any_prox = 0.0;
  // Query words found in their exact form (not only through their stem)
  // add exact times their weight. Needs the exact words in the index
  // (STEM_SOME). 0 = off.
  double exact = 0.0;
  // Query words that are a word of a quoted speaker's name, and adjacent
  // words that are a whole name, add entity times the entity term's idf (a
  // constant per article: mentions do not count). Keyword mode; question
  // mode uses any_entity. entity_orgs: organisations' names too
  // (evaluation only).
  double entity = 0.5;
  double any_entity = 0.0;
  bool entity_orgs = false;
  // Index time: entity terms carry their mention count as wdf (true) or are
  // boolean terms (false) that add nothing to the article's length, so
  // that extraction noise does not change its BM25 length normalisation.
  bool entity_wdf = true;
  // Pseudo-relevance feedback: the top prf_docs hits give prf_terms
  // expansion terms (Xapian's expand set), weighted prf_weight times
  // their weight. Question mode (SearchRequest::any) only.
  unsigned prf_docs = 5;
  unsigned prf_terms = 5;
  double prf_weight = 0.1;
  // trad | bo1 (Xapian's ESet) | rm3 | rocchio (the centroid of the
  // feedback documents' unit tf-idf vectors) | lca | passage (terms from
  // the passages around the query's words: passage_feedback.h).
  std::string prf_scheme = "trad";
  // The passages of lca and passage: runs of prf_passage words, or with
  // prf_window > 0 the words within prf_window positions of each query
  // word (evaluation only).
  unsigned prf_passage = 100;
  unsigned prf_window = 0;
  // Feedback may reweight the query's own terms too (Xapian's
  // INCLUDE_QUERY_TERMS; RM3 always scores them).
  bool prf_query = false;
  // Expansion terms all weighted prf_weight (true) or prf_weight times
  // their expand weight relative to the best (false).
  bool prf_flat = false;
  // Expansion terms must occur in at least this many feedback documents
  // (evaluation only).
  unsigned prf_min_docs = 1;
  // Feedback only for queries of at least this many distinct words (stop
  // words and field filters not counted): not for one or two words, where
  // it cost surname queries and two-word known-item searches in --any mode
  // (README "Ranking").
  unsigned prf_min_words = 3;
  // Score regularisation (the cluster hypothesis: similar articles are
  // relevant to the same requests): each of the top reg_top hits adds reg
  // times the mean weight of its reg_k most similar hits among them (cosine
  // of tf-idf vectors of their stems), weighted by the similarity. 0 = off
  // (evaluation only: no gain on TIME). Question mode only.
  double reg = 0.0;
  unsigned reg_top = 20;
  unsigned reg_k = 3;
  // Feedback documents chosen after regularising the first pass (true) or
  // by the first pass alone.
  bool prf_reg = false;
  // Expansion term weights scaled by the term's idf (relative to the best
  // such product) and capped at prf_cap times the best (evaluation only).
  bool prf_idf = false;
  double prf_cap = 1.0;
  // The feedback documents chosen by a first pass with a proximity boost
  // of this weight (pairs of adjacent content words within
  // prf_prox_window positions); 0 = the plain first pass (evaluation only).
  double prf_prox = 0.0;
  unsigned prf_prox_window = 8;
  // Stemmer name for English text instead of "english" (index and query
  // side; evaluation only, e.g. "porter").
  std::string stemmer;
  // wdf of the unprefixed copy of each title word (index time).
  unsigned title_wdf = schema::kTitleWdf;
  // Stemming strategy, index and query side: false = Xapian's STEM_SOME
  // (exact words with positions plus "Z" stems), true = STEM_ALL (only
  // unprefixed stems, positions on the stems).
  bool stem_all = false;
};

// The options in force: the defaults with NEWSARC_RANKING applied.
const RankingOptions& Ranking();

// The options for one query mode. Keyword mode (the default: AND, relaxed
// to OR) gets the proximity boost and no feedback: it serves names and
// titles, where adjacency matters and the first hit must be the article
// meant. Question mode (`any`: OR of the words of a natural-language
// request) gets feedback and no proximity boost: adjacent words of a
// sentence are rarely a name, and feedback finds the relevant articles
// that word the topic differently. Each was measured both ways (README).
RankingOptions ForMode(const RankingOptions& options, bool any);

// `base` with the key=value pairs of `spec` applied; unknown keys and bad
// values are ignored (this is an evaluation knob, not a user interface).
RankingOptions ParseRankingSpec(std::string_view spec, RankingOptions base);

// The weighting scheme for `options`.
std::unique_ptr<Xapian::Weight> MakeWeight(const RankingOptions& options);

// Whether `term` may be a feedback term: a stemmed free-text word ("Z"
// stem, or unprefixed under STEM_ALL) of at least three characters,
// starting with a letter, not a stop word.
bool IsFeedbackWord(const std::string& term, bool stem_all);

// The query-side English stop list, or nullptr when stop_words is off.
const Xapian::Stopper* QueryStopper(const RankingOptions& options);

// The plain words of a folded query, in runs: words outside quotes, field
// prefixes, operators and +/- marks, split as the term generator splits
// them, in order. Anything else ends a run. Empty when the query has no
// plain words.
std::vector<std::vector<std::string>> PlainWords(std::string_view folded);

// `query` with repeated words merged (qtf) and each term weighted by
// idf^idf_power or rescaled to another idf formula (see RankingOptions).
// Only AND/OR/AND_MAYBE/AND_NOT/FILTER/XOR nodes are rebuilt; the terms
// under phrases, NEAR, synonyms and wildcards keep their weight.
Xapian::Query ReweightTerms(const Xapian::Database& db,
                            const Xapian::Query& query,
                            const RankingOptions& options);

// The proximity boost's pairs of adjacent content words of `folded`, each
// a phrase (or, with prox_window > 2, a NEAR) of its two words.
std::vector<Xapian::Query> ProximityPairs(std::string_view folded,
                                          const RankingOptions& options);

// `query` with the proximity and entity boosts of `options` for the plain
// words of `folded`. Matches the same articles as `query`.
Xapian::Query AddBoosts(const Xapian::Database& db, const Xapian::Query& query,
                        std::string_view folded, const RankingOptions& options);

// An upper bound of the number of articles `query` matches, from term
// frequencies alone (no posting list is read): the smallest of an AND's
// parts, the sum of an OR's (at most the number of articles).
Xapian::doccount MatchUpperBound(const Xapian::Database& db, const Xapian::Query& query);

// A query matching the articles of `docids` (document ids of `db`, which
// may combine several local databases) that weighs nothing: as the filter
// of another query, it limits the match to them. Needs a UUID of its own
// for each database of `db`; std::nullopt otherwise (a remote database,
// one listed twice).
std::optional<Xapian::Query> DocidWindow(const Xapian::Database& db,
                                         std::vector<Xapian::docid> docids);

// The article id term ("Q...") of document `did`, or "" if it has none.
std::string ArticleIdTerm(const Xapian::Database& db, Xapian::docid did);

// The `want` best expansion terms of `docs` (feedback articles, --like
// examples) by Xapian's "trad" weights (TradEWeight, k = 1, exact term
// frequencies), leaving out the terms in `exclude` and those `decider`
// refuses: the same terms, weights and order as Enquire::get_eset(want,
// RSet of docs, USE_EXACT_TERMFREQ, decider) with `exclude` as the query's
// terms, without looking up the frequency of candidates that cannot make
// the set (each lookup is a B-tree search): a term's weight falls as its
// frequency n rises and n is at least the number r of `docs` holding it,
// so its weight at n = r bounds it, and candidates are weighed in order of
// that bound until it falls below the worst of the best `want` so far.
std::vector<std::pair<std::string, double>> TradExpandSet(
    const Xapian::Database& db, const std::vector<Xapian::docid>& docs,
    const Xapian::ExpandDecider& decider, const std::set<std::string>& exclude,
    unsigned want);

// Pseudo-relevance feedback: runs `query`, takes its top hits as relevant
// and returns `query` with the best expansion terms AND_MAYBE'd on.
// Returns `query` unchanged when feedback is off or finds nothing.
// `folded` (the folded request) is only read for prf_prox.
Xapian::Query Expand(const Xapian::Database& db, const Xapian::Query& query,
                     const RankingOptions& options,
                     std::string_view folded = {});

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_RANKING_H_
