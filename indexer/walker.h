// Finds the article files under the paths given on the command line.
#ifndef NEWSARC_INDEXER_WALKER_H_
#define NEWSARC_INDEXER_WALKER_H_

#include <sys/stat.h>

#include <cstdint>
#include <string>
#include <vector>

#include "newsarc/index_writer.h"

namespace newsarc::indexer {

struct FoundFile {
  std::string path;     // absolute, lexically normal: the key in the index
  std::string display;  // as given, or the given folder joined with the rest
  FileStamp stamp;
};

struct WalkResult {
  std::vector<FoundFile> files;      // sorted by path, no duplicates
  std::vector<std::string> roots;    // absolute form of each input (a folder ends in '/')
  std::vector<std::string> errors;   // "PATH: reason" for what could not be walked or read
  uint64_t links_skipped = 0;        // symbolic links not followed (no follow_symlinks)
};

struct WalkOptions {
  // Follow symbolic links found inside the folders, to files and folders,
  // wherever they point. Without it, links inside the folders are skipped,
  // so nothing outside the given folders is read. Paths named on the
  // command line are always followed: the user asked for them.
  bool follow_symlinks = false;
};

// Walks each input: a folder recursively (hidden entries skipped; each real
// folder and file visited once, so link loops end), a file as it is. Files
// that are not articles (IsArticleFile) are left out when found in a folder
// and reported when named directly. Folders that cannot be listed and
// special files (FIFOs, devices) with an article name are reported.
WalkResult Walk(const std::vector<std::string>& inputs, const WalkOptions& options = {});

// The stamp of a file from its stat().
FileStamp StampOf(const struct stat& st);

}  // namespace newsarc::indexer

#endif  // NEWSARC_INDEXER_WALKER_H_
