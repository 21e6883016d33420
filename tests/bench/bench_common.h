// Shared by the two latency benchmarks: reading the queries, timing and the
// summary line scripts/bench-search parses.
#ifndef NEWSARC_TESTS_BENCH_BENCH_COMMON_H_
#define NEWSARC_TESTS_BENCH_BENCH_COMMON_H_

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace bench {

struct Args {
  std::string db, queries;
  int rounds = 5;
  bool snippets = true;
};

// bench DB QUERIES_FILE [ROUNDS [nosnippets]]
inline bool ParseArgs(int argc, char** argv, Args& args) {
  if (argc < 3 || argc > 5) {
    std::fprintf(stderr, "usage: %s DB QUERIES_FILE [ROUNDS [nosnippets]]\n", argv[0]);
    return false;
  }
  args.db = argv[1];
  args.queries = argv[2];
  if (argc >= 4) args.rounds = std::max(1, std::atoi(argv[3]));
  if (argc == 5) args.snippets = std::string(argv[4]) != "nosnippets";
  return true;
}

inline std::vector<std::string> ReadQueries(const std::string& path) {
  std::vector<std::string> queries;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') queries.push_back(line);
  }
  return queries;
}

inline double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size()))) - 1;
  return v[std::min(i, v.size() - 1)];
}

// Runs every query once to warm the caches, then `rounds` times, timing
// each run of `search` (which returns the number of hits). Prints
// "name queries=N runs=M p50_ms=X p95_ms=Y mean_hits=Z".
inline int Run(const char* name, const Args& args,
               const std::function<size_t(const std::string&)>& search) {
  std::vector<std::string> queries = ReadQueries(args.queries);
  if (queries.empty()) {
    std::fprintf(stderr, "%s: no queries in %s\n", name, args.queries.c_str());
    return 2;
  }
  for (const std::string& q : queries) search(q);
  std::vector<double> ms;
  size_t hits = 0;
  for (int r = 0; r < args.rounds; ++r) {
    for (const std::string& q : queries) {
      auto t0 = std::chrono::steady_clock::now();
      hits += search(q);
      auto t1 = std::chrono::steady_clock::now();
      ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());

    }
  }
  if (std::getenv("BENCH_VERBOSE") != nullptr) {  // every run, after timing
    for (size_t i = 0; i < ms.size(); ++i)
      std::fprintf(stderr, "%s\t%.3f\t%s\n", name, ms[i], queries[i % queries.size()].c_str());
  }
  std::printf("%s queries=%zu runs=%zu p50_ms=%.3f p95_ms=%.3f mean_hits=%.1f\n", name,
              queries.size(), ms.size(), Percentile(ms, 50), Percentile(ms, 95),
              static_cast<double>(hits) / static_cast<double>(ms.size()));
  return 0;
}

}  // namespace bench

#endif  // NEWSARC_TESTS_BENCH_BENCH_COMMON_H_
