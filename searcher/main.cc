// newsarc-search: argv -> SearchRequest -> one library call -> a formatter.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "flags.h"
#include "formatters/formatter.h"
#include "formatters/text_formatter.h"
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

}  // namespace

int main(int argc, char** argv) {
  using namespace newsarc;
  auto flags = cli::ParseSearchFlags(argc, argv, std::cout);
  if (!flags.ok()) return Fail(flags.status());
  if (flags.value().help) return 0;
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
  const bool found = flags.value().request.quotes
                         ? !results.value().quotes.empty()
                         : !results.value().hits.empty();
  return found ? 0 : 1;
}
