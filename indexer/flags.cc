#include "flags.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <sstream>
#include <string>

#include "newsarc/extract.h"
#include "newsarc/index_writer.h"

namespace newsarc::indexer {
namespace {

// CLI11 reads a number as C does: "010" is octal 8 and "0x10" is 16. The
// counts here are decimal: leading zeros are dropped ("010" is 10), anything
// but digits is refused before CLI11 converts the value.
std::string DecimalOnly(std::string& value) {
  if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos)
    return "'" + value + "' is not a whole number";
  value.erase(0, std::min(value.find_first_not_of('0'), value.size() - 1));
  return {};
}

}  // namespace

Result<ParsedIndexFlags> ParseIndexFlags(int argc, char** argv) {
  ParsedIndexFlags out;
  IndexFlags& f = out.flags;
  std::string db;
  CLI::App app{
      "Index a folder of news articles (archive text, .txt, .json, .jsonl, .csv, .html, RSS and "
      "Atom feeds, NITF and NewsML-G2 .xml, web archives .warc, .wet and .arc, and .gz of them) "
      "into a newsarc index. Re-runs read only new and changed files and drop articles whose files "
      "are gone.",
      "newsarc-index"};
  app.add_option("--db", db,
                 "index directory (default: $NEWSARC_DB, else "
                 "${XDG_DATA_HOME:-~/.local/share}/newsarc/index)");
  const CLI::Validator decimal(DecimalOnly, "");
  app.add_option("-j,--jobs", f.jobs,
                 "reader threads, and with --compact the shards compacted at once (default: "
                 "one per core)")
      ->transform(decimal);
  app.add_option("--writers", f.writers,
                 "writer threads for a new index (default: one per core): each writes its "
                 "share of the articles, and the parts are merged into one compacted database "
                 "at the end of the run; 1: one thread writes the index as it goes")
      ->check(CLI::Range(1u, kMaxShards))
      ->transform(decimal);
  app.add_flag("--extract-only", f.extract_only,
               "print what would be extracted per article as JSON lines; no index is touched");
  app.add_flag("--json", f.json, "JSON lines output (the --extract-only format)");
  app.add_flag("--text", f.text,
               "with --extract-only: each article's text as well, as it is indexed");
  app.add_flag("-q,--quiet", f.quiet, "no progress bar and no summary");
  app.add_flag("--strict", f.strict, "stop at the first file or record that cannot be read");
  app.add_flag("--follow-symlinks", f.follow_symlinks,
               "follow symbolic links inside the folders, even to places outside them "
               "(default: links inside the folders are skipped)");
  app.add_flag("--wait", f.wait,
               "if another newsarc-index is writing to the index, wait for it to finish "
               "instead of failing");
  app.add_flag("--compact", f.compact,
               "then compact the index in place, as xapian-compact does (each database is "
               "copied and swapped in atomically: searches go on meanwhile); worth it after "
               "large increments. Needs free space for a copy of the index (of its --jobs largest "
               "shards, if sharded). Alone, without PATH, it only compacts");
  app.add_flag("--prune", f.prune,
               "also remove the articles of indexed files that no longer exist outside PATH "
               "(after a folder was moved, renamed or deleted; under PATH that is always "
               "done). Alone, without PATH, it only prunes");
  app.add_flag("--reextract", f.reextract,
               "read the files under PATH again even if unchanged, so that their words, "
               "speakers, organisations and quotes are what this newsarc finds (a run says when "
               "an older one read some of the index's files)");
  uint32_t shards = 0;
  std::string shard_by, partition;
  auto* shards_opt = app.add_option(
      "--shards", shards,
      "build N databases (shards) tied together by a Xapian stub database in --db, an article "
      "going to shard FNV-1a-64(key) % N; every program taking --db opens it as one index. "
      "Remembered: later runs need not repeat it (1 to " + std::to_string(kMaxShards) + ")");
  shards_opt->transform(decimal);
  auto* shard_by_opt = app.add_option(
      "--shard-by", shard_by,
      "shards by the article's date: one database per year (2017) or month (2017-03), plus one "
      "for undated articles, created as new periods appear. Remembered like --shards");
  shard_by_opt->check(CLI::IsMember({"year", "month"}));
  shards_opt->excludes(shard_by_opt);
  shard_by_opt->excludes(shards_opt);
  app.add_option("--partition", partition,
                 "index only partition I of N (0 <= I < N): the articles whose key hash % N is I, "
                 "what shard I of --shards N would hold, so N machines can each index their "
                 "share of one folder with no coordination. Recorded in the index");
  // Hidden (empty group): commits more often, so that tests of killed runs
  // see several commits on small data.
  app.add_option("--commit-every", f.commit_every, "commit after this many articles")
      ->transform(decimal)
      ->group("");
  app.add_option("PATH", f.inputs, "files and folders to index (folders are walked recursively)");
  app.set_version_flag("--version", "newsarc-index " NEWSARC_VERSION " (extractor version " +
                                        std::to_string(kExtractorVersion) + ")");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out.exit_now = true;
    out.text = app.help();
    return out;
  } catch (const CLI::CallForVersion& e) {
    out.exit_now = true;
    out.text = e.what() + std::string("\n");
    return out;
  } catch (const CLI::ParseError& e) {
    return Status::InvalidArgument(std::string(e.what()) + " (run with --help for usage)");
  }
  if (f.inputs.empty() && !f.compact && !f.prune)
    return Status::InvalidArgument(
        "PATH is required: the files and folders to index (or --compact or --prune alone to "
        "compact or prune the index; run with --help for usage)");
  if (f.compact && f.extract_only)
    return Status::InvalidArgument("--compact goes with indexing, not --extract-only");
  if (f.prune && f.extract_only)
    return Status::InvalidArgument("--prune goes with indexing, not --extract-only");
  if (f.json && !f.extract_only)
    return Status::InvalidArgument("--json goes with --extract-only");
  if (f.reextract && (f.extract_only || f.inputs.empty()))
    return Status::InvalidArgument(f.extract_only ? "--reextract goes with indexing, not "
                                                    "--extract-only"
                                                  : "--reextract needs PATH: the files to read "
                                                    "again");
  if (f.text && !f.extract_only)
    return Status::InvalidArgument("--text goes with --extract-only");
  if (app.count("--shards")) {
    if (shards < 1 || shards > kMaxShards)
      return Status::InvalidArgument("--shards must be 1 to " + std::to_string(kMaxShards) +
                                     ", not " + std::to_string(shards));
    f.shard_by = ShardBy::kHash;
    f.shards = shards;
  }
  if (!shard_by.empty()) f.shard_by = shard_by == "year" ? ShardBy::kYear : ShardBy::kMonth;
  if (app.count("--partition")) {
    const size_t slash = partition.find('/');
    auto number = [](const std::string& s, uint32_t& v) {
      if (s.empty() || s.size() > 4 || s.find_first_not_of("0123456789") != std::string::npos)
        return false;
      v = static_cast<uint32_t>(std::stoul(s));
      return true;
    };
    uint32_t i = 0, n = 0;
    if (slash == std::string::npos || !number(partition.substr(0, slash), i) ||
        !number(partition.substr(slash + 1), n) || n < 1 || n > kMaxShards || i >= n)
      return Status::InvalidArgument("--partition must be I/N with 0 <= I < N <= " +
                                     std::to_string(kMaxShards) + " (e.g. 0/2), not '" +
                                     partition + "'");
    f.partition = {i, n};
  }
  if (f.extract_only && (f.shard_by != ShardBy::kNone || app.count("--partition")))
    return Status::InvalidArgument("--shards, --shard-by and --partition go with indexing, not "
                                   "--extract-only");
  if (f.inputs.empty() && (f.shard_by != ShardBy::kNone || app.count("--partition") ||
                           app.count("--writers")))
    return Status::InvalidArgument("--shards, --shard-by, --partition and --writers go "
                                   "with indexing: --compact or --prune alone takes none of "
                                   "them");
  f.db = db.empty() ? DefaultIndexPath() : std::filesystem::path(db);
  f.progress = !f.quiet && !f.extract_only && isatty(STDERR_FILENO);
  return out;
}

}  // namespace newsarc::indexer
