// Command-line flags of newsarc-index, parsed into a plain struct.
#ifndef NEWSARC_INDEXER_FLAGS_H_
#define NEWSARC_INDEXER_FLAGS_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "newsarc/index_writer.h"
#include "newsarc/status.h"

namespace newsarc::indexer {

struct IndexFlags {
  std::filesystem::path db;           // --db, else DefaultIndexPath()
  std::vector<std::string> inputs;    // files and folders, as given
  unsigned jobs = 0;                  // --jobs; 0: one per core
  uint32_t writers = 0;               // --writers (new index); 0: one per core
  bool extract_only = false;          // --extract-only: print, touch no index
  bool json = false;                  // --json (the extract-only output)
  bool text = false;                  // --text: the extract-only output has each article's text
  bool quiet = false;                 // --quiet: no progress, no summary
  bool strict = false;                // --strict: a skipped input is fatal
  bool progress = false;              // derived: stderr is a terminal and !quiet
  bool follow_symlinks = false;       // --follow-symlinks: follow links inside the folders
  bool wait = false;                  // --wait: wait for another indexer's lock
  bool compact = false;               // --compact: compact the index in place (after the run, if any)
  bool prune = false;                 // --prune: also remove indexed files gone from outside the inputs
  bool reextract = false;             // --reextract: read unchanged files again too
  uint32_t commit_every = 0;          // hidden --commit-every (tests); 0: the writer's default
  ShardBy shard_by = ShardBy::kNone;  // --shards N (kHash) or --shard-by year|month; kNone: as the index is
  uint32_t shards = 0;                // --shards N
  Partition partition;                // --partition I/N; {0, 1}: as the index is (all if new)
};

// Parses argv. On --help/--version the Result holds a kOk-coded message
// to print; see `help_text`.
struct ParsedIndexFlags {
  IndexFlags flags;
  bool exit_now = false;  // --help or --version was given
  std::string text;       // what to print then
};

[[nodiscard]] Result<ParsedIndexFlags> ParseIndexFlags(int argc, char** argv);

}  // namespace newsarc::indexer

#endif  // NEWSARC_INDEXER_FLAGS_H_
