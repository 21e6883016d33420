// In-process query latency in the format of ../shared/peers (PROJECT_BENCH),
// so newsarc is timed like the peers' in-process timers (xq for Xapian,
// LuceneBench, the FTS5 script) in the same run:
//
//   newsarc-bench-timer DB QUERIES_FILE [WARMUP=3] [REPS=10] [K=10] [MODES=or,and]
//
// prints, per mode and query, `LAT<TAB>mode<TAB>qid<TAB>hits<TAB>us1,us2,...`
// and `TOP<TAB>mode<TAB>qid<TAB>id1 id2 ...`. Mode "and" is newsarc-search's
// default (every word, relaxed when no article has them all), "or" is
// --any (words OR'd, with pseudo-relevance feedback). Each timed call is one
// Searcher::Search of K hits with their stored fields read, as the peers read
// their stored data; snippets are off (the peers make none) unless
// NEWSARC_BENCH_SNIPPETS=1. The hit count is Xapian's estimate, as xq's.
// From the second search on, the library serves Xapian's block reads from
// maps of the index's files (OpenOptions::map_files); NEWSARC_BENCH_MAP=0
// turns that off. NEWSARC_BENCH_SUGGEST=0 leaves out "did you mean"
// (SearchRequest::suggest), NEWSARC_BENCH_ALL=1 the folding of copies
// (collapse_duplicates, as --all), to measure what they cost.
#include <newsarc/searcher.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

int IntArg(int argc, char** argv, int i, int fallback) {
  return argc > i ? std::max(0, std::atoi(argv[i])) : fallback;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 7) {
    std::fprintf(stderr, "usage: %s DB QUERIES_FILE [WARMUP] [REPS] [K] [MODES]\n", argv[0]);
    return 2;
  }
  const int warmup = IntArg(argc, argv, 3, 3);
  const int reps = std::max(1, IntArg(argc, argv, 4, 10));
  const int k = std::max(1, IntArg(argc, argv, 5, 10));
  const std::string modes = argc > 6 ? argv[6] : "or,and";
  const char* snippets_env = std::getenv("NEWSARC_BENCH_SNIPPETS");
  const bool snippets = snippets_env != nullptr && std::string(snippets_env) == "1";
  const char* suggest_env = std::getenv("NEWSARC_BENCH_SUGGEST");
  const bool suggest = suggest_env == nullptr || std::string(suggest_env) != "0";
  const char* all_env = std::getenv("NEWSARC_BENCH_ALL");
  const bool all_copies = all_env != nullptr && std::string(all_env) == "1";

  std::vector<std::string> queries;
  {
    std::ifstream in(argv[2]);
    if (!in) {
      std::fprintf(stderr, "newsarc-bench-timer: cannot read %s\n", argv[2]);
      return 2;
    }
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) queries.push_back(line);
    }
  }
  newsarc::OpenOptions options;
  const char* map_env = std::getenv("NEWSARC_BENCH_MAP");
  options.map_files = map_env == nullptr || std::string(map_env) != "0";
  auto searcher = newsarc::Searcher::Open(argv[1], options);
  if (!searcher.ok()) {
    std::fprintf(stderr, "newsarc-bench-timer: %s\n", searcher.status().message().c_str());
    return 2;
  }

  std::stringstream mode_list(modes);
  for (std::string mode; std::getline(mode_list, mode, ',');) {
    if (mode != "or" && mode != "and") {
      std::fprintf(stderr, "newsarc-bench-timer: unknown mode '%s' (or, and)\n", mode.c_str());
      return 2;
    }
    std::vector<std::vector<long>> latency(queries.size());
    std::vector<std::vector<std::string>> top(queries.size());
    std::vector<uint64_t> hits(queries.size());
    for (int pass = 0; pass < warmup + reps; ++pass) {
      for (size_t i = 0; i < queries.size(); ++i) {
        newsarc::SearchRequest request;
        request.query = queries[i];
        request.limit = static_cast<uint32_t>(k);
        request.any = mode == "or";
        request.snippets = snippets;
        request.suggest = suggest;
        request.collapse_duplicates = !all_copies;
        const auto t0 = std::chrono::steady_clock::now();
        auto result = searcher.value().Search(request);
        const auto t1 = std::chrono::steady_clock::now();
        if (!result.ok()) {
          std::fprintf(stderr, "newsarc-bench-timer: query %zu: %s\n", i,
                       result.status().message().c_str());
          return 2;
        }
        if (pass >= warmup) {
          latency[i].push_back(
              std::chrono::duration_cast<std::chrono::microseconds>(t1 - t0).count());
        }
        if (pass == 0) {
          hits[i] = result.value().estimated_total;
          // The peers name a hit by its file (relative to the corpus).
          for (const newsarc::Hit& hit : result.value().hits) {
            top[i].push_back(std::filesystem::path(hit.path).filename().string());
          }
        }
      }
    }
    for (size_t i = 0; i < queries.size(); ++i) {
      std::printf("LAT\t%s\t%zu\t%llu\t", mode.c_str(), i,
                  static_cast<unsigned long long>(hits[i]));
      for (size_t j = 0; j < latency[i].size(); ++j) {
        std::printf("%s%ld", j ? "," : "", latency[i][j]);
      }
      std::printf("\nTOP\t%s\t%zu\t", mode.c_str(), i);
      for (size_t j = 0; j < top[i].size(); ++j) {
        std::printf("%s%s", j ? " " : "", top[i][j].c_str());
      }
      std::printf("\n");
    }
  }
  return 0;
}
