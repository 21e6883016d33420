// The queries through the newsarc library as newsarc-search runs them:
// default request (10 hits, snippets, near-duplicates collapsed, "did you
// mean"), stored fields read for every hit.
#include <newsarc/searcher.h>

#include <cstdio>

#include "bench_common.h"

int main(int argc, char** argv) {
  bench::Args args;
  if (!bench::ParseArgs(argc, argv, args)) return 2;
  auto searcher = newsarc::Searcher::Open(args.db);
  if (!searcher.ok()) {
    std::fprintf(stderr, "%s\n", searcher.status().message().c_str());
    return 2;
  }
  return bench::Run("library", args, [&](const std::string& q) -> size_t {
    newsarc::SearchRequest request;
    request.query = q;
    request.limit = 10;
    request.snippets = args.snippets;
    auto r = searcher.value().Search(request);
    return r.ok() ? r.value().hits.size() : 0;
  });
}
