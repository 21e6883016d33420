// Finds the article files under the paths given on the command line.
#ifndef NEWSARC_INDEXER_WALKER_H_
#define NEWSARC_INDEXER_WALKER_H_

#include <filesystem>
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
  std::vector<std::string> errors;   // "PATH: reason" for inputs that could not be walked
};

// Walks each input: a folder recursively (hidden entries skipped, symbolic
// links to files followed, links to folders not), a file as it is. Files
// that are not articles (IsArticleFile) are left out when found in a folder
// and reported when named directly.
WalkResult Walk(const std::vector<std::string>& inputs);

// The stamp of a file on disk.
FileStamp StampFor(const std::filesystem::directory_entry& entry);

}  // namespace newsarc::indexer

#endif  // NEWSARC_INDEXER_WALKER_H_
