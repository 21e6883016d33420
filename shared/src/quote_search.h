// Quotes as results (SearchRequest::quotes): which stored quotes of the
// matching articles answer the query, how well, and in what order.
#ifndef NEWSARC_SRC_QUOTE_SEARCH_H_
#define NEWSARC_SRC_QUOTE_SEARCH_H_

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "newsarc/article.h"
#include "newsarc/searcher.h"
#include "snippets.h"

namespace newsarc::internal {

// Quotes longer than this many characters are cut around their matches.
inline constexpr size_t kMaxQuoteChars = 800;

// How many of the best articles --quotes reads the quotes of.
uint32_t QuoteArticles(const SearchRequest& request);

// A quote as shown, and how much of the query it matches.
struct MatchedQuote {
  Snippet shown;          // the quote's text with its matched words
  double coverage = 1.0;  // share of the query's free-text terms in it, 0..1
};

// What a quote must match, from a parsed query: its free-text terms (folded
// and stemmed as for snippets; speaker: and org: names do not count) and
// the names of its speaker: filters. Filters under NOT are ignored.
class QuoteMatcher {
 public:
  // `stemmer` as for SnippetTerms.
  QuoteMatcher(const Xapian::Query& query, const std::string& stemmer);

  // Whether a quote by `speaker` (a display name) may answer: always when
  // the query has no speaker: filter, else when one of them names the
  // speaker (a word of the name, or the whole name).
  bool SpeakerMatches(std::string_view speaker) const;

  // The quote as shown and its coverage; std::nullopt if it does not
  // answer (speaker filtered out, or none of the query's free-text terms).
  std::optional<MatchedQuote> Match(const Quote& quote) const;

 private:
  SnippetTerms terms_;
  std::set<std::string, std::less<>>
      speaker_terms_;  // kSpeaker / kSpeakerWord terms
};

// The quotes of the articles in `mset` (best first) that the matcher for
// their language (`matcher_for`, given an article's language code) accepts,
// ranked as SearchRequest::quotes says: fills results.quotes (request's
// offset and limit applied) and results.quote_total.
void CollectQuotes(const Xapian::MSet& mset,
                   const std::function<const QuoteMatcher&(std::string_view)>& matcher_for,
                   const SearchRequest& request, SearchResults& results);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_QUOTE_SEARCH_H_
