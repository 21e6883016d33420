// Byte sources: where a reader's bytes come from (a file, memory), optionally
// through gzip or a charset converter, and a line splitter on top. Streaming,
// so that jsonl and csv readers use memory bounded by the longest record, not
// by the file size.
#ifndef NEWSARC_INDEXER_READERS_BYTE_SOURCE_H_
#define NEWSARC_INDEXER_READERS_BYTE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "newsarc/status.h"

namespace newsarc::indexer {

// A forward-only stream of bytes. Not thread-safe.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buf`; returns 0 only at the end. An error
  // (e.g. kCorruption "corrupt gzip data (...)") carries the reason only; the
  // reader adds the path and line. After an error, Read keeps returning it.
  [[nodiscard]] virtual Result<size_t> Read(char* buf, size_t n) = 0;
};

// kIOError "PATH: reason" if the file cannot be opened.
[[nodiscard]] Result<std::unique_ptr<ByteSource>> NewFileSource(
    const std::filesystem::path& path);
std::unique_ptr<ByteSource> NewMemorySource(std::string bytes);
// Inflates gzip (several members in a row are one stream, as gunzip does).
std::unique_ptr<ByteSource> NewGzipSource(std::unique_ptr<ByteSource> in);
// Converts bytes in ICU charset `charset` (e.g. "UTF-16") to UTF-8.
// Unconvertible bytes become U+FFFD.
std::unique_ptr<ByteSource> NewUtf8ConvertingSource(
    std::unique_ptr<ByteSource> in, const std::string& charset);

// Yields `prefix`, then `error` if it is not OK, then the rest of `in`
// (nullptr: nothing more). Lets a reader sniff the first bytes of a stream
// and still pass every byte, and any error, on in order.
std::unique_ptr<ByteSource> NewPrefixedSource(std::string prefix, Status error,
                                              std::unique_ptr<ByteSource> in);
// Reads up to `n` bytes (fewer only at the end or on an error, which is
// stored in `*error`).
std::string ReadUpTo(ByteSource& in, size_t n, Status* error);

// True for names ending in ".gz" (case-insensitive).
bool IsGzipName(const std::filesystem::path& path);

// Reads everything that is left. Stops at the first error; `*out` then holds
// the bytes read before it.
[[nodiscard]] Status ReadAll(ByteSource& in, std::string* out);

// Splits a ByteSource into lines. Not thread-safe.
class LineReader {
 public:
  // A line longer than `max_line` bytes (0: no limit) is cut: Next returns
  // its first `max_line` bytes with truncated() true and skips the rest
  // without holding it, so memory stays bounded whatever the input.
  explicit LineReader(std::unique_ptr<ByteSource> in, size_t max_line = 0);

  // Stores the next line in `*line` including its "\n" (absent on the last
  // line if the file does not end with one). Returns false at the end.
  [[nodiscard]] Result<bool> Next(std::string* line);
  // 1-based number of the line that Next returned last (0 before the first).
  uint64_t line_number() const { return line_number_; }
  // True if the line Next returned last was longer than max_line.
  bool truncated() const { return truncated_; }

 private:
  [[nodiscard]] Status Fill();

  // Drops input up to and including the next "\n".
  [[nodiscard]] Status SkipRestOfLine();

  std::unique_ptr<ByteSource> in_;
  size_t max_line_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  bool truncated_ = false;
  uint64_t line_number_ = 0;
};

}  // namespace newsarc::indexer

#endif  // NEWSARC_INDEXER_READERS_BYTE_SOURCE_H_
