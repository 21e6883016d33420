// Searcher: query parsing, BM25 matching, stored fields and snippets.
#include "newsarc/searcher.h"

#include <xapian.h>

#include <filesystem>
#include <optional>
#include <string>
#include <system_error>
#include <utility>

#include "query_parser.h"
#include "schema.h"
#include "snippets.h"
#include "stored_fields.h"
#include "xapian_error.h"

namespace newsarc {
namespace {

using internal::DefaultOp;
using internal::ParsedQuery;

// BM25 as Lucene and most TREC runs use it (Xapian's defaults are k1=1,
// b=0.5): k1=1.2 lets a repeated word count for more before it saturates;
// b=0.75 normalises for length more strongly, since a long feature mentions
// everything once. k2=0, k3=1 and min_normlen=0.5 are Xapian's defaults.
// Title words get their weight from being indexed with wdf kTitleWdf.
Xapian::BM25Weight Bm25() { return Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5); }

// How often a search is retried when a writer commits meanwhile.
constexpr int kMaxAttempts = 5;

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

  Result<SearchResults> SearchOnce(const SearchRequest& request);
  Xapian::MSet Run(const Xapian::Query& query, const SearchRequest& request);
};

Xapian::MSet Searcher::Impl::Run(const Xapian::Query& query,
                                 const SearchRequest& request) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Bm25());
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
  return enquire.get_mset(request.offset, request.limit);
}

Result<SearchResults> Searcher::Impl::SearchOnce(const SearchRequest& request) {
  SearchResults results;
  results.query = request.query;
  results.offset = request.offset;
  auto parsed = internal::ParseQuery(request.query, DefaultOp::kAnd, &db);
  if (!parsed.ok()) return parsed.status();
  ParsedQuery& pq = parsed.value();
  // An empty query lists every article (useful with --sort -date).
  Xapian::Query query = pq.folded.empty() ? Xapian::Query::MatchAll : pq.query;

  Xapian::MSet mset = Run(query, request);
  if (mset.get_matches_upper_bound() == 0 && pq.free_terms > 1) {
    // No article has every word: settle for articles with some of them,
    // ranked by how many and how rare.
    auto relaxed = internal::ParseQuery(request.query, DefaultOp::kOr, &db);
    if (relaxed.ok() &&
        relaxed.value().query.get_description() != pq.query.get_description()) {
      pq = std::move(relaxed.value());
      mset = Run(pq.query, request);
      results.relaxed = true;
    }
  }
  results.estimated_total = mset.get_matches_estimated();

  internal::SnippetTerms terms;
  if (request.snippets) terms = internal::SnippetTerms(pq.query, pq.stemmer);
  uint32_t rank = request.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = ++rank;
    hit.docid = *it;
    hit.score = it.get_weight();
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
    impl->db = Xapian::Database(dir.string());
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
      return impl_->SearchOnce(request);
    } catch (const Xapian::DatabaseModifiedError&) {
      // A writer committed twice since we opened: catch up and try again.
      if (attempt == kMaxAttempts) {
        return internal::StatusFromCurrentException("search");
      }
      try {
        impl_->db.reopen();
      } catch (...) {
        return internal::StatusFromCurrentException("reopening the index at " +
                                                    impl_->dir.string());
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
