/* Searches an index through the C API.
 *   example_c INDEX_DIR QUERY */
#include <newsarc/newsarc.h>
#include <stdio.h>

int main(int argc, char** argv) {
  newsarc_searcher* searcher;
  newsarc_results* results;
  newsarc_request request;
  char* error = NULL;
  size_t i;
  if (argc != 3) {
    fprintf(stderr, "usage: example_c INDEX_DIR QUERY\n");
    return 2;
  }
  if (newsarc_open(argv[1], &searcher, &error) != NEWSARC_OK) {
    fprintf(stderr, "%s\n", error);
    newsarc_string_free(error);
    return 2;
  }
  newsarc_request_init(&request);
  request.query = argv[2];
  if (newsarc_search(searcher, &request, &results, &error) != NEWSARC_OK) {
    fprintf(stderr, "%s\n", error);
    newsarc_string_free(error);
    newsarc_close(searcher);
    return 2;
  }
  if (newsarc_results_suggestion(results)[0] != '\0')
    printf("Did you mean: %s\n", newsarc_results_suggestion(results));
  for (i = 0; i < newsarc_results_count(results); ++i) {
    newsarc_hit hit;
    newsarc_results_hit(results, i, &hit);
    printf("%u. %s  %s\n   %s\n", (unsigned)hit.rank, hit.title, hit.date, hit.path);
  }
  i = newsarc_results_count(results);
  newsarc_results_free(results);
  newsarc_close(searcher);
  return i == 0 ? 1 : 0;
}
