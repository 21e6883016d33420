// libFuzzer target for newsarc-search's flag parser (searcher/flags.cc). The
// input is split at NUL bytes into argv[1...]. Properties checked:
//  - ParseSearchFlags never crashes and either fails with kInvalidArgument,
//    prints the help, or returns flags within their ranges;
//  - the flags it returns, written back as a command line (every option
//    spelled out, the query after "--"), parse to the same flags.
// Seeds: tests/testdata/fuzz/search_flags.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "flags.h"

namespace {

using newsarc::cli::ColorMode;
using newsarc::cli::SearchFlags;

[[noreturn]] void Violated(const char* what) {
  std::fprintf(stderr, "property violated: %s\n", what);
  std::abort();
}

newsarc::Result<SearchFlags> Parse(const std::vector<std::string>& args) {
  std::vector<const char*> argv = {"newsarc-search"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream help;
  return newsarc::cli::ParseSearchFlags(static_cast<int>(argv.size()), argv.data(), help);
}

bool Same(const SearchFlags& a, const SearchFlags& b) {
  return a.index_dir == b.index_dir && a.open.timeout_seconds == b.open.timeout_seconds &&
         a.open.allow_partial == b.open.allow_partial && a.request.query == b.request.query &&
         a.request.like == b.request.like && a.request.limit == b.request.limit &&
         a.request.offset == b.request.offset && a.request.sort == b.request.sort &&
         a.request.any == b.request.any && a.request.recent == b.request.recent &&
         a.request.facets == b.request.facets && a.request.quotes == b.request.quotes &&
         a.request.collapse_duplicates == b.request.collapse_duplicates &&
         a.request.snippets == b.request.snippets && a.format == b.format && a.color == b.color;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> args(1);
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == 0) {
      args.emplace_back();
    } else {
      args.back() += static_cast<char>(data[i]);
    }
  }
  if (args.size() > 64) return 0;
  auto parsed = Parse(args);
  if (!parsed.ok()) {
    if (parsed.status().code() != newsarc::StatusCode::kInvalidArgument) Violated("error code");
    return 0;
  }
  const SearchFlags& f = parsed.value();
  if (f.help) return 0;
  if (f.request.limit > 1000000) Violated("limit range");
  if (!(f.open.timeout_seconds >= 0 && f.open.timeout_seconds <= 86400)) Violated("timeout range");
  if (f.request.like.empty() && f.request.query.find_first_not_of(" \t") == std::string::npos)
    Violated("no query and no --like");
  if (f.request.recent && f.request.sort != newsarc::SortOrder::kRelevance)
    Violated("--recent with a date order");

  // The timeout exactly (std::to_string would keep 6 decimals).
  std::ostringstream seconds;
  seconds.precision(17);
  seconds << f.open.timeout_seconds;
  std::vector<std::string> again = {
      "--db",     f.index_dir.string(),
      "--timeout", seconds.str(),
      "--limit",  std::to_string(f.request.limit),
      "--offset", std::to_string(f.request.offset),
      "--color",  f.color == ColorMode::kAlways  ? "always"
                  : f.color == ColorMode::kNever ? "never"
                                                 : "auto"};
  if (!f.request.recent) {
    again.push_back(f.request.sort == newsarc::SortOrder::kDate       ? "--sort=date"
                    : f.request.sort == newsarc::SortOrder::kDateDesc ? "--sort=-date"
                                                                      : "--sort=relevance");
  }
  if (f.open.allow_partial) again.push_back("--allow-partial");
  if (f.format == newsarc::cli::OutputFormat::kJson) again.push_back("--json");
  if (f.format == newsarc::cli::OutputFormat::kPaths) again.push_back("--paths");
  if (f.request.any) again.push_back("--any");
  if (!f.request.collapse_duplicates) again.push_back("--all");
  if (f.request.recent) again.push_back("--recent");
  if (f.request.facets) again.push_back("--facets");
  if (f.request.quotes) again.push_back("--quotes");
  if (!f.request.like.empty()) again.push_back("--like=" + f.request.like);
  again.push_back("--");
  if (!f.request.query.empty()) again.push_back(f.request.query);
  auto reparsed = Parse(again);
  if (!reparsed.ok()) Violated("written back, the flags do not parse");
  if (!Same(f, reparsed.value())) Violated("written back, the flags parse differently");
  return 0;
}
