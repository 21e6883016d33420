// Searcher: query parsing, BM25 matching, stored fields and snippets.
#include "newsarc/searcher.h"

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "facets.h"
#include "more_like_this.h"
#include "query_parser.h"
#include "quote_search.h"
#include "ranking.h"
#include "recency.h"
#include "schema.h"
#include "snippets.h"
#include "spelling.h"
#include "stored_fields.h"
#include "xapian_error.h"

namespace newsarc {
namespace {

using internal::DefaultOp;
using internal::ParsedQuery;

// How often a search is retried when a writer commits meanwhile. Each retry
// reopens on the newest revision, which stays readable until the writer
// commits twice more: a search needs far less time than two commits.
constexpr int kMaxAttempts = 10;

void FillHit(const Xapian::Document& doc, Hit& hit) {
  std::optional<internal::StoredFields> f =
      internal::ParseFields(doc.get_data());
  if (!f) {
    hit.title =
        "(document " + std::to_string(hit.docid) + " has no readable data)";
    return;
  }
  hit.id = std::move(f->id);
  hit.title = std::move(f->title);
  hit.url = std::move(f->url);
  hit.site = std::move(f->site);
  hit.date = std::move(f->date);
  hit.version = f->version;
  hit.language = std::move(f->language);
  hit.byline = std::move(f->byline);
  hit.path = std::move(f->path);
  hit.speakers = std::move(f->speakers);
  hit.organisations = std::move(f->organisations);
  hit.snippet = std::move(f->body);  // turned into a snippet by the caller
}

}  // namespace

struct Searcher::Impl {
  Xapian::Database db;
  std::filesystem::path dir;
  // The facet counter of the last Run, when the request asks for facets.
  std::unique_ptr<internal::FacetSpy> facets;

  Result<SearchResults> SearchOnce(const SearchRequest& request);
  Xapian::MSet Run(const Xapian::Query& query, const SearchRequest& request,
                   std::string_view folded = {});
};

Xapian::MSet Searcher::Impl::Run(const Xapian::Query& query,
                                 const SearchRequest& request,
                                 std::string_view folded) {
  Xapian::Enquire enquire(db);
  // Weighting, boosts and feedback: see ranking.h. They reorder the
  // matches of `query`, never add or drop any.
  const internal::RankingOptions ranking =
      internal::ForMode(internal::Ranking(), request.any);
  if (request.sort == SortOrder::kRelevance && !folded.empty()) {
    enquire.set_query(internal::Expand(
        db, internal::AddBoosts(
                 db, internal::ReweightTerms(db, query, ranking), folded,
                 ranking), ranking));
  } else {
    enquire.set_query(query);
  }
  enquire.set_weighting_scheme(*internal::MakeWeight(ranking));
  switch (request.sort) {
    case SortOrder::kRelevance:
      break;  // ties by ascending docid, Xapian's default
    case SortOrder::kDate:
      enquire.set_sort_by_value_then_relevance(internal::schema::kSlotDate,
                                               /*reverse=*/false);
      break;
    case SortOrder::kDateDesc:
      enquire.set_sort_by_value_then_relevance(internal::schema::kSlotDate,
                                               /*reverse=*/true);
      break;
  }
  // Recency, near-duplicates and facets (recency.h, collapse_key.h,
  // facets.h). Recency needs the best weight first, to bound its bonus.
  if (request.recent && request.sort == SortOrder::kRelevance) {
    const double top = enquire.get_mset(0, 1).get_max_attained();
    enquire.set_query(internal::WithRecency(
        enquire.get_query(), db, top * request.recent_share,
        request.recent_half_life_days));
  }
  if (request.collapse_duplicates) {
    enquire.set_collapse_key(internal::schema::kSlotCollapse);
  }
  Xapian::doccount check_at_least = 0;
  facets.reset();
  if (request.facets) {
    facets = std::make_unique<internal::FacetSpy>();
    enquire.add_matchspy(facets.get());
    check_at_least = request.facet_sample;
  }
  return enquire.get_mset(request.offset, request.limit, check_at_least);
}

Result<SearchResults> Searcher::Impl::SearchOnce(const SearchRequest& request) {
  SearchResults results;
  results.query = request.query;
  results.offset = request.offset;
  auto parsed = internal::ParseQuery(
      request.query, request.any ? DefaultOp::kOr : DefaultOp::kAnd, &db);
  if (!parsed.ok()) return parsed.status();
  ParsedQuery& pq = parsed.value();
  // An empty query lists every article (useful with --sort -date).
  Xapian::Query query = pq.folded.empty() ? Xapian::Query::MatchAll : pq.query;

  std::string_view folded = pq.folded;
  if (!request.like.empty()) {
    // More like this; the query, if any, only filters.
    auto like = internal::MoreLikeThis(db, request.like);
    if (!like.ok()) return like.status();
    query = pq.folded.empty()
                ? like.value()
                : Xapian::Query(Xapian::Query::OP_FILTER, like.value(), pq.query);
    folded = {};
  }
  // --quotes reads the quotes of the best articles; offset and limit then
  // count quotes (quote_search.h).
  SearchRequest article_request;
  if (request.quotes) {
    article_request = request;
    article_request.offset = 0;
    article_request.limit = internal::QuoteArticles(request);
  }
  const SearchRequest& run = request.quotes ? article_request : request;
  Xapian::MSet mset = Run(query, run, folded);
  if (request.like.empty() && mset.get_matches_upper_bound() == 0 &&
      pq.free_terms > 1) {
    // No article has every word: settle for articles with some of them,
    // ranked by how many and how rare.
    auto relaxed = internal::ParseQuery(request.query, DefaultOp::kOr, &db);
    if (relaxed.ok() &&
        relaxed.value().query.get_description() != pq.query.get_description()) {
      pq = std::move(relaxed.value());
      mset = Run(pq.query, run, pq.folded);
      results.relaxed = true;
    }
  }
  results.estimated_total = mset.get_matches_estimated();
  if (request.suggest && request.like.empty() && !pq.folded.empty()) {
    // Unknown words always get a suggestion; rare ones when the query
    // finds little.
    const bool few = results.relaxed || mset.get_matches_estimated() <= 3;
    results.suggestion = internal::SuggestQuery(request.query, db, few);
  }
  if (facets) {
    results.facets = facets->Top(request.facet_values);
    results.facet_articles = facets->articles();
    results.facets_exact =
        facets->articles() >= mset.get_uncollapsed_matches_upper_bound();
  }

  if (request.quotes) {
    internal::CollectQuotes(mset, internal::QuoteMatcher(pq.query, pq.stemmer),
                            request, results);
    return results;
  }

  internal::SnippetTerms terms;
  if (request.snippets) terms = internal::SnippetTerms(pq.query, pq.stemmer);
  uint32_t rank = request.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = ++rank;
    hit.docid = *it;
    hit.score = it.get_weight();
    hit.duplicates = it.get_collapse_count();
    FillHit(it.get_document(), hit);
    std::string body = std::move(hit.snippet);
    hit.snippet.clear();
    if (request.snippets) {
      auto s = internal::MakeSnippet(body.empty() ? hit.title : body, terms,
                                     request.snippet_chars);
      hit.snippet = std::move(s.text);
      hit.highlights = std::move(s.highlights);
    }
    results.hits.push_back(std::move(hit));
  }
  return results;
}

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

Result<Searcher> Searcher::Open(const std::filesystem::path& dir) {
  std::error_code ec;
  if (dir.empty() || !std::filesystem::exists(dir, ec)) {
    return Status::NotFound("no index at " + dir.string());
  }
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  try {
    // Opening can race a writer's commit too (a table revision vanishing
    // under us): try again a few times before reporting it.
    for (int attempt = 1;; ++attempt) {
      try {
        impl->db = Xapian::Database(dir.string());
        break;
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == kMaxAttempts) throw;
      } catch (const Xapian::DatabaseCorruptError&) {
        if (attempt == kMaxAttempts) throw;
      }
    }
    std::string schema = impl->db.get_metadata(
        std::string(internal::schema::kMetaSchemaVersion));
    if (!schema.empty() && schema != internal::schema::kSchemaVersion) {
      return Status::Corruption(
          "the index at " + dir.string() + " has schema version " + schema +
          ", this newsarc reads version " +
          std::string(internal::schema::kSchemaVersion) + ": index again");
    }
  } catch (const Xapian::DatabaseNotFoundError&) {
    return Status::NotFound("no index at " + dir.string());
  } catch (const Xapian::DatabaseOpeningError&) {
    // Xapian 1.4 reports a directory without an index as an opening error.
    if (!std::filesystem::exists(dir / "iamglass", ec) &&
        !std::filesystem::exists(dir / "iamchert", ec) &&
        !std::filesystem::is_regular_file(dir, ec)) {
      return Status::NotFound("no index at " + dir.string());
    }
    return internal::StatusFromCurrentException("cannot open the index at " +
                                                dir.string());
  } catch (...) {
    return internal::StatusFromCurrentException("cannot open the index at " +
                                                dir.string());
  }
  return Searcher(std::move(impl));
}

Result<SearchResults> Searcher::Search(const SearchRequest& request) const {
  for (int attempt = 1;; ++attempt) {
    try {
      // See the latest commit (cheap when there is none). Inside the try:
      // the reopen itself can race a commit and is retried like the search.
      impl_->db.reopen();
      return impl_->SearchOnce(request);
    } catch (const Xapian::DatabaseError&) {
      // A writer committed twice since we opened (DatabaseModifiedError), or
      // a block we read was recycled by a commit in the same instant (glass
      // reports that as corruption): catch up and try again. Real damage
      // fails every attempt and is reported.
      if (attempt == kMaxAttempts) {
        return internal::StatusFromCurrentException("search");
      }
    } catch (...) {
      return internal::StatusFromCurrentException("search \"" + request.query +
                                                  "\"");
    }
  }
}

uint64_t Searcher::ArticleCount() const {
  for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
    try {
      return impl_->db.get_doccount();
    } catch (const Xapian::DatabaseModifiedError&) {
      try {
        impl_->db.reopen();
      } catch (const Xapian::Error&) {
        return 0;
      }
    } catch (const Xapian::Error&) {
      return 0;
    }
  }
  return 0;
}

}  // namespace newsarc
