#include "quote_search.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "keys.h"
#include "schema.h"
#include "stored_fields.h"

namespace newsarc::internal {
namespace {

// The speaker: terms of `query` outside the right-hand side of AND_NOT.
void CollectSpeakerTerms(const Xapian::Query& query,
                         std::set<std::string, std::less<>>& out) {
  const auto type = query.get_type();
  if (type == Xapian::Query::LEAF_TERM) {
    if (query.get_terms_begin() == query.get_terms_end()) return;
    const std::string term = *query.get_terms_begin();
    if (term.starts_with(schema::kSpeaker) ||
        term.starts_with(schema::kSpeakerWord)) {
      out.insert(term);
    }
    return;
  }
  const size_t n = type == Xapian::Query::OP_AND_NOT
                       ? std::min<size_t>(1, query.get_num_subqueries())
                       : query.get_num_subqueries();
  for (size_t k = 0; k < n; ++k)
    CollectSpeakerTerms(query.get_subquery(k), out);
}

struct Candidate {
  QuoteHit hit;
  size_t article = 0;   // rank of the article among those checked
  size_t position = 0;  // index of the quote in its article
};

}  // namespace

uint32_t QuoteArticles(const SearchRequest& request) {
  const uint64_t wanted =
      10 * (static_cast<uint64_t>(request.offset) + request.limit);
  return static_cast<uint32_t>(std::clamp<uint64_t>(wanted, 100, 100000));
}

QuoteMatcher::QuoteMatcher(const Xapian::Query& query,
                           const std::string& stemmer)
    : terms_(query, stemmer, /*entity_words=*/false) {
  CollectSpeakerTerms(query, speaker_terms_);
}

bool QuoteMatcher::SpeakerMatches(std::string_view speaker) const {
  if (speaker_terms_.empty()) return true;
  if (speaker_terms_.count(EntityNameTerm(schema::kSpeaker, speaker)))
    return true;
  for (const std::string& t : EntityWordTerms(schema::kSpeakerWord, speaker)) {
    if (speaker_terms_.count(t)) return true;
  }
  return false;
}

std::optional<MatchedQuote> QuoteMatcher::Match(const Quote& quote) const {
  if (!SpeakerMatches(quote.speaker)) return std::nullopt;
  MatchedQuote m;
  m.shown = MakeSnippet(quote.text, terms_, kMaxQuoteChars);
  if (m.shown.text.empty()) return std::nullopt;
  if (terms_.size() > 0) {
    if (m.shown.matched_terms == 0) return std::nullopt;
    m.coverage = std::min(1.0, static_cast<double>(m.shown.matched_terms) /
                                   static_cast<double>(terms_.size()));
  }
  return m;
}

void CollectQuotes(const Xapian::MSet& mset,
                   const std::function<const QuoteMatcher&(std::string_view)>& matcher_for,
                   const SearchRequest& request, SearchResults& results) {
  std::vector<Candidate> found;
  size_t article = 0;
  for (auto it = mset.begin(); it != mset.end(); ++it, ++article) {
    const Xapian::Document doc = it.get_document();
    std::optional<StoredFields> f = LoadFields(doc);
    if (!f) continue;
    const QuoteMatcher& matcher = matcher_for(f->language);
    for (size_t i = 0; i < f->quotes.size(); ++i) {
      const Quote& quote = f->quotes[i];
      std::optional<MatchedQuote> m = matcher.Match(quote);
      if (!m) continue;
      Candidate c;
      c.article = article;
      c.position = i;
      QuoteHit& h = c.hit;
      h.article_score = it.get_weight();
      h.score = h.article_score * (1.0 + m->coverage);
      h.speaker = quote.speaker;
      h.text = std::move(m->shown.text);
      h.highlights = std::move(m->shown.highlights);
      h.direct = quote.direct;
      h.paragraph = quote.paragraph;
      h.docid = *it;
      h.id = f->id;
      h.title = f->title;
      h.url = f->url;
      h.site = f->site;
      h.date = f->date;
      h.path = f->path;
      found.push_back(std::move(c));
    }
  }
  results.quote_total = found.size();
  auto in_order = [](const Candidate& a, const Candidate& b) {
    return a.article != b.article ? a.article < b.article
                                  : a.position < b.position;
  };
  if (request.sort == SortOrder::kRelevance) {
    std::stable_sort(found.begin(), found.end(),
                     [&](const Candidate& a, const Candidate& b) {
                       if (a.hit.score != b.hit.score)
                         return a.hit.score > b.hit.score;
                       return in_order(a, b);
                     });
  }
  const size_t begin = std::min<size_t>(request.offset, found.size());
  const size_t end = std::min<size_t>(
      found.size(), begin + static_cast<size_t>(request.limit));
  uint32_t rank = request.offset;
  for (size_t k = begin; k < end; ++k) {
    found[k].hit.rank = ++rank;
    results.quotes.push_back(std::move(found[k].hit));
  }
}

}  // namespace newsarc::internal
