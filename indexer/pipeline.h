// The indexing run: walk, remove what vanished or changed, read and prepare
// in parallel, write from one thread. Only wiring: every stage has its own
// unit.
#ifndef NEWSARC_INDEXER_PIPELINE_H_
#define NEWSARC_INDEXER_PIPELINE_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "flags.h"
#include "newsarc/status.h"

namespace newsarc::indexer {

struct RunSummary {
  uint64_t files_found = 0;
  uint64_t files_new = 0;        // read for the first time
  uint64_t files_changed = 0;    // read again because they changed
  uint64_t files_reread = 0;     // read again to restore an article version
  uint64_t files_reextracted = 0;  // unchanged, read again for --reextract
  uint64_t files_unchanged = 0;  // skipped: same size and mtime as last time
  uint64_t files_removed = 0;    // gone from disk: their articles removed
  uint64_t files_pruned = 0;     // of those, outside the inputs (--prune)
  uint64_t files_kept = 0;       // not found, but whether they exist cannot be told: kept
  uint64_t files_in_gone_folders = 0;  // outside the inputs, in a folder that is gone (no --prune)
  std::string kept_example;      // "path: reason" of the first kept file
  std::string gone_folder_example;  // the first such folder
  // Files holding another version of an article whose best file was
  // removed, that could not be reached to read it again (not "no such
  // file", which counts as removed): forgotten, so that a later run reads
  // them.
  uint64_t files_unreachable_copies = 0;
  std::string unreachable_copy_example;  // "path: reason" of the first
  uint64_t files_failed = 0;     // could not be read at all
  uint64_t articles_indexed = 0; // articles read and written
  uint64_t bad_records = 0;      // records skipped inside files that were read
  uint64_t index_articles = 0;   // articles in the index at the end
  uint64_t links_skipped = 0;    // symbolic links not followed
  // Files of the index (after the run) that an older extractor may have
  // read (IndexWriter::FilesFromOlderExtractor), and its recorded version.
  uint64_t files_older_extractor = 0;
  int extractor_version = 0;
  uint64_t articles_elsewhere = 0;  // --partition: articles read but left to other partitions
  std::string partition;         // "I/N" if the index holds one partition, else empty
  std::string layout;            // sharded: "4 shards by key hash (--shards 4)", else empty
  double seconds = 0;
  bool interrupted = false;      // SIGINT/SIGTERM: stopped after committing what was done
  std::vector<std::string> problems;  // "path:line: reason", in order

  bool skipped_anything() const { return files_failed > 0 || bad_records > 0 || !problems.empty(); }
};

// Indexes flags.inputs into flags.db. A non-OK status is fatal (exit 2);
// skipped input is in the summary. SIGINT and SIGTERM (once the index is
// open) stop the run cleanly: what was read is committed and the summary
// says `interrupted`; a second signal kills the process at once.
[[nodiscard]] Result<RunSummary> RunIndex(const IndexFlags& flags);

// --compact: compacts flags.db in place (IndexWriter::Compact), waiting
// for another writer if flags.wait.
[[nodiscard]] Result<CompactStats> RunCompact(const IndexFlags& flags);

// "compacted DB: 1 database, 812.4 MiB -> 655.0 MiB in 12.3 s".
std::string FormatCompact(const CompactStats& stats, double seconds, const std::string& db);

// --extract-only: one JSON line per article to `out`; problems (path:line:
// reason) are collected in the summary. Touches no index.
[[nodiscard]] Result<RunSummary> RunExtractOnly(const IndexFlags& flags, std::ostream& out);

// The human summary printed at the end of a run.
std::string FormatSummary(const RunSummary& summary, const std::string& db);

// `text` made safe for a terminal or a log: control characters (C0, DEL,
// C1: escape sequences, newlines in file names) and bytes that are not
// UTF-8 are written as \n, \t, \xNN or \u{NN}; everything else is kept.
std::string Printable(std::string_view text);

}  // namespace newsarc::indexer

#endif  // NEWSARC_INDEXER_PIPELINE_H_
