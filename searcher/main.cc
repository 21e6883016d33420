// newsarc-search: argv -> SearchRequest -> one library call -> a formatter.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "flags.h"
#include "formatters/formatter.h"
#include "formatters/text_formatter.h"
#include "huge_heap.h"
#include "newsarc/searcher.h"

namespace {

int Fail(const newsarc::Status& status) {
  std::cerr << "newsarc-search: " << status.message();
  if (status.code() == newsarc::StatusCode::kNotFound) {
    std::cerr << " (run newsarc-index first or pass --db)";
  }
  std::cerr << '\n';
  return 2;
}

// Ends the process once everything written is flushed, without the
// teardown: closing the databases and freeing every cache is the kernel's
// work at exit anyway, and skipping it saves 0.05-0.1 ms of a 3 ms search
// (README "Speed"). Sanitizer builds return normally, so that their leak
// checks still run.
int Finish(int code) {
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  if (!newsarc::cli::kSanitizedBuild) std::_Exit(code);
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace newsarc;
  auto flags = cli::ParseSearchFlags(argc, argv, std::cout);
  if (!flags.ok()) return Fail(flags.status());
  if (flags.value().help) return 0;
  cli::HeapOnHugePage();  // before the index is opened: huge_heap.h
  auto searcher = Searcher::Open(flags.value().index_dir, flags.value().open);
  if (!searcher.ok()) return Fail(searcher.status());
  auto results = searcher.value().Search(flags.value().request);
  if (!results.ok()) return Fail(results.status());
  cli::FormatOptions options;
  options.quotes = flags.value().request.quotes;
  options.color = cli::UseColor(flags.value().color, isatty(STDOUT_FILENO) == 1,
                                std::getenv("NO_COLOR"), std::getenv("TERM"));
  cli::MakeFormatter(flags.value().format, options)
      ->Write(results.value(), std::cout);
  std::cout.flush();
  // JSON carries the warnings in "warnings"; text and --paths output
  // keep stdout for results.
  if (flags.value().format != cli::OutputFormat::kJson) {
    for (const std::string& w : results.value().warnings) {
      std::cerr << "newsarc-search: warning: " << cli::StripControls(w) << '\n';
    }
  }
  // Like grep: 0 when something was found. With --limit 0 (a count) that
  // is whether anything matches; otherwise whether this page has hits.
  const SearchRequest& request = flags.value().request;
  const SearchResults& r = results.value();
  const bool found =
      request.quotes ? (request.limit == 0 ? r.quote_total > 0 : !r.quotes.empty())
                     : (request.limit == 0 ? r.estimated_total > 0 : !r.hits.empty());
  return Finish(found ? 0 : 1);
}
