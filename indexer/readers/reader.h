// Readers turn one input file into Articles. One reader per format; the
// format is chosen from the file name and, for .txt, the content.
#ifndef NEWSARC_INDEXER_READERS_READER_H_
#define NEWSARC_INDEXER_READERS_READER_H_

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "newsarc/article.h"
#include "newsarc/status.h"

namespace newsarc::indexer {

// The most text one article may have: a text file is indexed up to here
// (and reported), a JSON line or CSV row longer than this is skipped (and
// reported). Real articles are a few KB; preparing one for the index takes
// ten times its size in memory, so this bounds the indexer's memory.
inline constexpr size_t kMaxArticleBytes = size_t{16} << 20;
// The largest .json file (parsed whole, unlike .jsonl, which streams).
inline constexpr size_t kMaxJsonFileBytes = size_t{64} << 20;

class Reader {
 public:
  virtual ~Reader() = default;
  // Returns the next article, std::nullopt at the end, or an error for a
  // malformed record ("path:line: reason"). After an error the reader has
  // moved past that record, so the caller logs it and calls Next() again.
  // Every string in a returned Article is valid UTF-8; source_path is the
  // path given to OpenReader and record the 1-based line of the record in
  // multi-record files (0 for single-article files).
  [[nodiscard]] virtual Result<std::optional<Article>> Next() = 0;
};

// True if the walker should read this file: .txt .json .jsonl .ndjson .csv
// .html .htm .rss .atom .xml .warc .wet .arc, each optionally followed by .gz
// (case-insensitive).
bool IsArticleFile(const std::filesystem::path& path);

// Opens `path` with the reader its name and content call for.
// kInvalidArgument "PATH: unsupported file type" if !IsArticleFile(path);
// kIOError "PATH: reason" if it cannot be opened;
// kInvalidArgument "PATH: a binary file, not text" if its first bytes (after
// gunzip) are not text (LooksBinary in decode.h).
[[nodiscard]] Result<std::unique_ptr<Reader>> OpenReader(
    const std::filesystem::path& path);

// The input formats, chosen by extension (after removing ".gz").
enum class Format { kText, kJson, kJsonLines, kCsv, kHtml, kFeed, kWarc, kArc };

// The format of `path` by its extension (case-insensitive, ".gz" unwrapped
// first), or nullopt if it is not an article file.
std::optional<Format> FormatOf(const std::filesystem::path& path);

// Like OpenReader, but reads `bytes` as if they were the content of a file
// called `name` (tests and fuzz targets). Never reads the file system.
[[nodiscard]] Result<std::unique_ptr<Reader>> OpenReaderFromMemory(
    const std::filesystem::path& name, std::string bytes);

}  // namespace newsarc::indexer

#endif  // NEWSARC_INDEXER_READERS_READER_H_
