/* The C API of newsarc: open an index, search it, read the hits.
 *
 * For programs in C and for other languages' foreign-function interfaces.
 * Plain C (C99), extern "C" in C++; no function throws or aborts on bad
 * input. Strings are UTF-8, NUL-terminated.
 *
 * Ownership: every object the library returns is freed by its own
 * function (newsarc_close, newsarc_results_free, newsarc_string_free).
 * Strings read from a results object stay valid until that object is
 * freed.
 *
 * Thread-safety: a newsarc_searcher may be used by one thread at a time;
 * open one per thread. Results objects are independent of their searcher
 * (they may outlive it) and may be read from any thread.
 *
 *   newsarc_searcher* s;
 *   char* error = NULL;
 *   if (newsarc_open("/path/to/index", &s, &error) != NEWSARC_OK) {
 *     fprintf(stderr, "%s\n", error);
 *     newsarc_string_free(error);
 *     return 2;
 *   }
 *   newsarc_request request;
 *   newsarc_request_init(&request);
 *   request.query = "speaker:rudd encryption";
 *   newsarc_results* r;
 *   if (newsarc_search(s, &request, &r, &error) == NEWSARC_OK) {
 *     for (size_t i = 0; i < newsarc_results_count(r); ++i) {
 *       newsarc_hit hit;
 *       newsarc_results_hit(r, i, &hit);
 *       printf("%u. %s\n", hit.rank, hit.title);
 *     }
 *     newsarc_results_free(r);
 *   }
 *   newsarc_close(s);
 */
#ifndef NEWSARC_NEWSARC_H_
#define NEWSARC_NEWSARC_H_

#include <stddef.h>
#include <stdint.h>

#include "newsarc/newsarc_export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Result codes; the same as newsarc::StatusCode. */
typedef enum newsarc_status {
  NEWSARC_OK = 0,
  NEWSARC_INVALID_ARGUMENT = 1, /* bad query, bad argument */
  NEWSARC_NOT_FOUND = 2,        /* no index there; --like names nothing */
  NEWSARC_IO_ERROR = 3,
  NEWSARC_CORRUPTION = 4,
  NEWSARC_LOCKED = 5,
  NEWSARC_INTERNAL = 6
} newsarc_status;

/* A short constant description of a code ("not found"); never NULL. */
NEWSARC_EXPORT const char* newsarc_status_string(newsarc_status status);

/* Frees a string the library allocated (error messages). NULL is fine. */
NEWSARC_EXPORT void newsarc_string_free(char* s);

typedef struct newsarc_searcher newsarc_searcher;
typedef struct newsarc_results newsarc_results;

/* Opens the index in directory `dir`. On success *out is the searcher;
 * on failure *out is NULL and, if `error` is not NULL, *error a message to
 * free with newsarc_string_free. */
NEWSARC_EXPORT newsarc_status newsarc_open(const char* dir,
                                           newsarc_searcher** out,
                                           char** error);
/* How newsarc_open_with reaches the shards of a sharded or remote index
 * (a stub: see newsarc::Searcher and newsarc::OpenOptions);
 * newsarc_open_options_init sets the defaults. */
typedef struct newsarc_open_options {
  double timeout_seconds; /* bound on each remote call; 0 = none (default 10) */
  int allow_partial;      /* nonzero: search the shards that can be reached
                             and warn (newsarc_results_warning) */
  int map_files;          /* nonzero (default): from the second search on,
                             read local shards' blocks from memory maps of
                             their files instead of a pread each */
} newsarc_open_options;
NEWSARC_EXPORT void newsarc_open_options_init(newsarc_open_options* options);
/* As newsarc_open, with options (NULL: the defaults). `dir` may be a stub
 * file or a directory with a XAPIANDB stub. */
NEWSARC_EXPORT newsarc_status newsarc_open_with(const char* dir,
                                                const newsarc_open_options* options,
                                                newsarc_searcher** out,
                                                char** error);
/* Closes a searcher. NULL is fine. */
NEWSARC_EXPORT void newsarc_close(newsarc_searcher* searcher);

/* Number of articles in the index (0 on error). */
NEWSARC_EXPORT uint64_t newsarc_article_count(newsarc_searcher* searcher);

typedef enum newsarc_sort {
  NEWSARC_SORT_RELEVANCE = 0,
  NEWSARC_SORT_DATE = 1,      /* oldest first */
  NEWSARC_SORT_DATE_DESC = 2  /* newest first */
} newsarc_sort;

/* What to search for; newsarc_request_init sets the defaults. The meaning
 * of each field is that of newsarc::SearchRequest (newsarc/searcher.h). */
typedef struct newsarc_request {
  const char* query;    /* the query language of the README; NULL = "" */
  uint32_t offset;      /* 0 */
  uint32_t limit;       /* 10 */
  newsarc_sort sort;    /* NEWSARC_SORT_RELEVANCE */
  int snippets;         /* 1: build snippets */
  int collapse;         /* 1: fold copies of one story into one hit */
  int recent;           /* 0: blend relevance with recency */
  const char* like;     /* NULL: more like this file path, id or URL */
  int facets;           /* 0: count facets */
  int suggest;          /* 1: "did you mean" */
  int quotes;           /* 0: 1 answers with quotes (newsarc_results_quote)
                           instead of hits; offset and limit count quotes */
} newsarc_request;

NEWSARC_EXPORT void newsarc_request_init(newsarc_request* request);

/* Runs a search. On success *out holds the results (free them with
 * newsarc_results_free); on failure *out is NULL and *error (if `error` is
 * not NULL) a message. NEWSARC_INVALID_ARGUMENT for a bad query or NULL
 * arguments. */
NEWSARC_EXPORT newsarc_status newsarc_search(newsarc_searcher* searcher,
                                             const newsarc_request* request,
                                             newsarc_results** out,
                                             char** error);
NEWSARC_EXPORT void newsarc_results_free(newsarc_results* results);

/* Xapian's estimate of all matching articles, or their count: */
NEWSARC_EXPORT uint64_t newsarc_results_total(const newsarc_results* results);
/* 1 when newsarc_results_total counts every match (copies folded), else 0. */
NEWSARC_EXPORT int newsarc_results_total_exact(const newsarc_results* results);
/* The "did you mean" suggestion, "" if none. */
NEWSARC_EXPORT const char* newsarc_results_suggestion(
    const newsarc_results* results);
/* Number of hits returned (at most request.limit). */
NEWSARC_EXPORT size_t newsarc_results_count(const newsarc_results* results);

/* One hit. Strings are "" when unknown, never NULL. */
typedef struct newsarc_hit {
  uint32_t rank;        /* 1-based, counting the offset */
  double score;
  const char* id;
  const char* title;
  const char* url;
  const char* site;
  const char* date;     /* ISO 8601 */
  const char* path;     /* source file */
  const char* language;
  const char* snippet;  /* plain text */
  uint32_t duplicates;  /* copies folded into this hit */
  size_t speaker_count;
  size_t organisation_count;
} newsarc_hit;

/* Fills *hit with hit `index` (0-based). NEWSARC_INVALID_ARGUMENT if index
 * is out of range. */
NEWSARC_EXPORT newsarc_status newsarc_results_hit(const newsarc_results* results,
                                                  size_t index,
                                                  newsarc_hit* hit);
/* The j-th speaker / organisation of hit `index`, NULL if out of range. */
NEWSARC_EXPORT const char* newsarc_hit_speaker(const newsarc_results* results,
                                               size_t index, size_t j);
NEWSARC_EXPORT const char* newsarc_hit_organisation(
    const newsarc_results* results, size_t index, size_t j);

/* Quotes (with request.quotes), best first. Strings are "" when unknown,
 * never NULL. */
typedef struct newsarc_quote {
  uint32_t rank;        /* 1-based, counting the offset */
  double score;         /* see newsarc::SearchRequest::quotes */
  const char* speaker;  /* display name */
  const char* text;     /* the quoted words, one line, no quote marks */
  int direct;           /* 0: reported speech ("X said that ...") */
  uint32_t paragraph;   /* 0 the title, 1 the first body paragraph */
  /* The article it is from. */
  double article_score;
  const char* id;
  const char* title;
  const char* url;
  const char* date;     /* ISO 8601 */
  const char* path;     /* source file */
} newsarc_quote;

/* Number of quotes returned (0 without request.quotes). */
NEWSARC_EXPORT size_t newsarc_results_quote_count(const newsarc_results* results);
/* Fills *quote with quote `index` (0-based). NEWSARC_INVALID_ARGUMENT if
 * index is out of range. */
NEWSARC_EXPORT newsarc_status newsarc_results_quote(
    const newsarc_results* results, size_t index, newsarc_quote* quote);

/* Facets (with request.facets): facet f is "speakers", "organisations",
 * "site", "year" or "language"; value v of it has a count. NULL / 0 when
 * out of range. */
NEWSARC_EXPORT size_t newsarc_results_facet_count(const newsarc_results* results);
NEWSARC_EXPORT const char* newsarc_results_facet_name(
    const newsarc_results* results, size_t f);
NEWSARC_EXPORT size_t newsarc_results_facet_value_count(
    const newsarc_results* results, size_t f);
NEWSARC_EXPORT const char* newsarc_results_facet_value(
    const newsarc_results* results, size_t f, size_t v, uint64_t* count);

/* Warnings (newsarc::SearchResults::warnings): shards left out, features
 * degraded over remote shards. NULL when out of range. */
NEWSARC_EXPORT size_t newsarc_results_warning_count(const newsarc_results* results);
NEWSARC_EXPORT const char* newsarc_results_warning(const newsarc_results* results,
                                                   size_t i);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif  /* NEWSARC_NEWSARC_H_ */
