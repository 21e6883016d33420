// The C API (newsarc/newsarc.h) over the C++ one. Nothing may throw out of
// these functions: every body that allocates is wrapped in Guard().
#include "newsarc/newsarc.h"

#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <string>
#include <utility>

#include "newsarc/searcher.h"

struct newsarc_searcher {
  newsarc::Searcher searcher;
};

struct newsarc_results {
  newsarc::SearchResults results;
};

namespace {

newsarc_status ToC(newsarc::StatusCode code) {
  switch (code) {
    case newsarc::StatusCode::kOk: return NEWSARC_OK;
    case newsarc::StatusCode::kInvalidArgument: return NEWSARC_INVALID_ARGUMENT;
    case newsarc::StatusCode::kNotFound: return NEWSARC_NOT_FOUND;
    case newsarc::StatusCode::kIOError: return NEWSARC_IO_ERROR;
    case newsarc::StatusCode::kCorruption: return NEWSARC_CORRUPTION;
    case newsarc::StatusCode::kLocked: return NEWSARC_LOCKED;
    case newsarc::StatusCode::kInternal: break;
  }
  return NEWSARC_INTERNAL;
}

void SetError(char** error, const std::string& message) {
  if (error == nullptr) return;
  *error = static_cast<char*>(std::malloc(message.size() + 1));
  if (*error != nullptr) std::memcpy(*error, message.c_str(), message.size() + 1);
}

newsarc_status Fail(char** error, newsarc_status status, const std::string& message) {
  SetError(error, message);
  return status;
}

// Runs fn, turning any exception (std::bad_alloc) into NEWSARC_INTERNAL.
template <typename Fn>
newsarc_status Guard(char** error, Fn&& fn) {
  try {
    return fn();
  } catch (const std::exception& e) {
    return Fail(error, NEWSARC_INTERNAL, e.what());
  } catch (...) {
    return Fail(error, NEWSARC_INTERNAL, "unexpected error");
  }
}

const newsarc::Hit* HitAt(const newsarc_results* r, size_t i) {
  if (r == nullptr || i >= r->results.hits.size()) return nullptr;
  return &r->results.hits[i];
}

const newsarc::Facet* FacetAt(const newsarc_results* r, size_t f) {
  if (r == nullptr || f >= r->results.facets.size()) return nullptr;
  return &r->results.facets[f];
}

}  // namespace

extern "C" {

const char* newsarc_status_string(newsarc_status status) {
  switch (status) {
    case NEWSARC_OK: return "ok";
    case NEWSARC_INVALID_ARGUMENT: return "invalid argument";
    case NEWSARC_NOT_FOUND: return "not found";
    case NEWSARC_IO_ERROR: return "I/O error";
    case NEWSARC_CORRUPTION: return "corruption";
    case NEWSARC_LOCKED: return "locked";
    case NEWSARC_INTERNAL: break;
  }
  return "internal error";
}

void newsarc_string_free(char* s) { std::free(s); }

void newsarc_open_options_init(newsarc_open_options* options) {
  if (options == nullptr) return;
  const newsarc::OpenOptions defaults;
  options->timeout_seconds = defaults.timeout_seconds;
  options->allow_partial = defaults.allow_partial ? 1 : 0;
  options->map_files = defaults.map_files ? 1 : 0;
}

newsarc_status newsarc_open(const char* dir, newsarc_searcher** out, char** error) {
  return newsarc_open_with(dir, nullptr, out, error);
}

newsarc_status newsarc_open_with(const char* dir, const newsarc_open_options* options,
                                 newsarc_searcher** out, char** error) {
  if (error != nullptr) *error = nullptr;
  if (out == nullptr) return Fail(error, NEWSARC_INVALID_ARGUMENT, "newsarc_open: out is NULL");
  *out = nullptr;
  if (dir == nullptr) return Fail(error, NEWSARC_INVALID_ARGUMENT, "newsarc_open: dir is NULL");
  return Guard(error, [&] {
    newsarc::OpenOptions o;
    if (options != nullptr) {
      o.timeout_seconds = options->timeout_seconds;
      o.allow_partial = options->allow_partial != 0;
      o.map_files = options->map_files != 0;
    }
    auto s = newsarc::Searcher::Open(dir, o);
    if (!s.ok()) return Fail(error, ToC(s.status().code()), s.status().message());
    *out = new newsarc_searcher{std::move(s.value())};
    return NEWSARC_OK;
  });
}

void newsarc_close(newsarc_searcher* searcher) { delete searcher; }

uint64_t newsarc_article_count(newsarc_searcher* searcher) {
  return searcher == nullptr ? 0 : searcher->searcher.ArticleCount();
}

void newsarc_request_init(newsarc_request* request) {
  if (request == nullptr) return;
  const newsarc::SearchRequest defaults;
  request->query = nullptr;
  request->offset = defaults.offset;
  request->limit = defaults.limit;
  request->sort = NEWSARC_SORT_RELEVANCE;
  request->snippets = defaults.snippets;
  request->collapse = defaults.collapse_duplicates;
  request->recent = defaults.recent;
  request->like = nullptr;
  request->facets = defaults.facets;
  request->suggest = defaults.suggest;
  request->quotes = defaults.quotes;
}

newsarc_status newsarc_search(newsarc_searcher* searcher, const newsarc_request* request,
                              newsarc_results** out, char** error) {
  if (error != nullptr) *error = nullptr;
  if (out == nullptr) return Fail(error, NEWSARC_INVALID_ARGUMENT, "newsarc_search: out is NULL");
  *out = nullptr;
  if (searcher == nullptr || request == nullptr) {
    return Fail(error, NEWSARC_INVALID_ARGUMENT, "newsarc_search: searcher or request is NULL");
  }
  return Guard(error, [&] {
    newsarc::SearchRequest r;
    r.query = request->query != nullptr ? request->query : "";
    r.offset = request->offset;
    r.limit = request->limit;
    switch (request->sort) {
      case NEWSARC_SORT_DATE: r.sort = newsarc::SortOrder::kDate; break;
      case NEWSARC_SORT_DATE_DESC: r.sort = newsarc::SortOrder::kDateDesc; break;
      case NEWSARC_SORT_RELEVANCE: break;
      default: return Fail(error, NEWSARC_INVALID_ARGUMENT, "newsarc_search: bad sort");
    }
    r.snippets = request->snippets != 0;
    r.collapse_duplicates = request->collapse != 0;
    r.recent = request->recent != 0;
    if (request->like != nullptr) r.like = request->like;
    r.facets = request->facets != 0;
    r.suggest = request->suggest != 0;
    r.quotes = request->quotes != 0;
    auto results = searcher->searcher.Search(r);
    if (!results.ok()) {
      return Fail(error, ToC(results.status().code()), results.status().message());
    }
    *out = new newsarc_results{std::move(results.value())};
    return NEWSARC_OK;
  });
}

void newsarc_results_free(newsarc_results* results) { delete results; }

uint64_t newsarc_results_total(const newsarc_results* results) {
  return results == nullptr ? 0 : results->results.estimated_total;
}

int newsarc_results_total_exact(const newsarc_results* results) {
  return results != nullptr && results->results.total_exact ? 1 : 0;
}

const char* newsarc_results_suggestion(const newsarc_results* results) {
  return results == nullptr ? "" : results->results.suggestion.c_str();
}

size_t newsarc_results_count(const newsarc_results* results) {
  return results == nullptr ? 0 : results->results.hits.size();
}

newsarc_status newsarc_results_hit(const newsarc_results* results, size_t index,
                                   newsarc_hit* hit) {
  const newsarc::Hit* h = HitAt(results, index);
  if (h == nullptr || hit == nullptr) return NEWSARC_INVALID_ARGUMENT;
  hit->rank = h->rank;
  hit->score = h->score;
  hit->id = h->id.c_str();
  hit->title = h->title.c_str();
  hit->url = h->url.c_str();
  hit->site = h->site.c_str();
  hit->date = h->date.c_str();
  hit->path = h->path.c_str();
  hit->language = h->language.c_str();
  hit->snippet = h->snippet.c_str();
  hit->duplicates = h->duplicates;
  hit->speaker_count = h->speakers.size();
  hit->organisation_count = h->organisations.size();
  return NEWSARC_OK;
}

const char* newsarc_hit_speaker(const newsarc_results* results, size_t index, size_t j) {
  const newsarc::Hit* h = HitAt(results, index);
  return h != nullptr && j < h->speakers.size() ? h->speakers[j].c_str() : nullptr;
}

const char* newsarc_hit_organisation(const newsarc_results* results, size_t index,
                                     size_t j) {
  const newsarc::Hit* h = HitAt(results, index);
  return h != nullptr && j < h->organisations.size() ? h->organisations[j].c_str()
                                                     : nullptr;
}

size_t newsarc_results_quote_count(const newsarc_results* results) {
  return results == nullptr ? 0 : results->results.quotes.size();
}

newsarc_status newsarc_results_quote(const newsarc_results* results, size_t index,
                                     newsarc_quote* quote) {
  if (results == nullptr || quote == nullptr ||
      index >= results->results.quotes.size()) {
    return NEWSARC_INVALID_ARGUMENT;
  }
  const newsarc::QuoteHit& q = results->results.quotes[index];
  quote->rank = q.rank;
  quote->score = q.score;
  quote->speaker = q.speaker.c_str();
  quote->text = q.text.c_str();
  quote->direct = q.direct ? 1 : 0;
  quote->paragraph = q.paragraph;
  quote->article_score = q.article_score;
  quote->id = q.id.c_str();
  quote->title = q.title.c_str();
  quote->url = q.url.c_str();
  quote->date = q.date.c_str();
  quote->path = q.path.c_str();
  return NEWSARC_OK;
}

size_t newsarc_results_warning_count(const newsarc_results* results) {
  return results == nullptr ? 0 : results->results.warnings.size();
}

const char* newsarc_results_warning(const newsarc_results* results, size_t i) {
  if (results == nullptr || i >= results->results.warnings.size()) return nullptr;
  return results->results.warnings[i].c_str();
}

size_t newsarc_results_facet_count(const newsarc_results* results) {
  return results == nullptr ? 0 : results->results.facets.size();
}

const char* newsarc_results_facet_name(const newsarc_results* results, size_t f) {
  const newsarc::Facet* facet = FacetAt(results, f);
  return facet == nullptr ? nullptr : facet->name.c_str();
}

size_t newsarc_results_facet_value_count(const newsarc_results* results, size_t f) {
  const newsarc::Facet* facet = FacetAt(results, f);
  return facet == nullptr ? 0 : facet->values.size();
}

const char* newsarc_results_facet_value(const newsarc_results* results, size_t f,
                                        size_t v, uint64_t* count) {
  const newsarc::Facet* facet = FacetAt(results, f);
  if (facet == nullptr || v >= facet->values.size()) {
    if (count != nullptr) *count = 0;
    return nullptr;
  }
  if (count != nullptr) *count = facet->values[v].count;
  return facet->values[v].value.c_str();
}

}  // extern "C"
