// newsarc-index: argv -> flags -> one run -> summary and exit code
// (0 all well, 1 some input skipped, 2 fatal or interrupted).
#include <chrono>
#include <cstdio>
#include <iostream>

#include "flags.h"
#include "pipeline.h"

namespace {

int Fail(const newsarc::Status& s) {
  std::fprintf(stderr, "newsarc-index: %s\n", newsarc::indexer::Printable(s.message()).c_str());
  return 2;
}

// --compact: 0 or 2.
int Compact(const newsarc::indexer::IndexFlags& flags) {
  using namespace newsarc::indexer;
  const auto start = std::chrono::steady_clock::now();
  // It may take minutes, and shows no progress bar.
  if (flags.progress)
    std::fprintf(stderr, "newsarc-index: compacting %s\n",
                 Printable(flags.db.string()).c_str());
  auto done = RunCompact(flags);
  if (!done.ok()) return Fail(done.status());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!flags.quiet)
    std::fputs(FormatCompact(done.value(), seconds, Printable(flags.db.string())).c_str(), stderr);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace newsarc::indexer;
  std::ios::sync_with_stdio(false);
  auto parsed = ParseIndexFlags(argc, argv);
  if (!parsed.ok()) return Fail(parsed.status());
  if (parsed.value().exit_now) {
    std::fputs(parsed.value().text.c_str(), stdout);
    return 0;
  }
  const IndexFlags& flags = parsed.value().flags;
  if (flags.inputs.empty() && !flags.prune) return Compact(flags);  // --compact alone
  auto summary = flags.extract_only ? RunExtractOnly(flags, std::cout) : RunIndex(flags);
  if (!summary.ok()) return Fail(summary.status());
  const RunSummary& s = summary.value();
  if (flags.extract_only) {
    for (const auto& p : s.problems)
      std::fprintf(stderr, "newsarc-index: skipped: %s\n", Printable(p).c_str());
  } else if (!flags.quiet) {
    std::fputs(FormatSummary(s, Printable(flags.db.string())).c_str(), stderr);
  }
  if (s.interrupted) {
    // Exit 2: the run did not finish; what it did is safe in the index.
    std::fprintf(stderr,
                 "newsarc-index: interrupted: %llu articles committed; run again to finish\n",
                 static_cast<unsigned long long>(s.articles_indexed));
    return 2;
  }
  if (flags.compact)
    if (const int code = Compact(flags); code != 0) return code;
  return s.skipped_anything() ? 1 : 0;
}
