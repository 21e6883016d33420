#include "readers/reader.h"

#include <cctype>
#include <string>
#include <utility>

#include "readers/archive_text_reader.h"
#include "readers/byte_source.h"
#include "readers/csv_reader.h"
#include "readers/decode.h"
#include "readers/feed_reader.h"
#include "readers/html_reader.h"
#include "readers/json_reader.h"
#include "readers/warc_reader.h"

namespace newsarc::indexer {
namespace {

std::string LowerExtension(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace

std::optional<Format> FormatOf(const std::filesystem::path& path) {
  std::filesystem::path inner = path;
  if (IsGzipName(inner)) inner = inner.stem();
  std::string ext = LowerExtension(inner);
  if (ext == ".txt") return Format::kText;
  if (ext == ".json") return Format::kJson;
  if (ext == ".jsonl" || ext == ".ndjson") return Format::kJsonLines;
  if (ext == ".csv") return Format::kCsv;
  if (ext == ".html" || ext == ".htm") return Format::kHtml;
  if (ext == ".rss" || ext == ".atom" || ext == ".xml") return Format::kFeed;
  if (ext == ".warc" || ext == ".wet") return Format::kWarc;  // .wet: Common Crawl's text
  if (ext == ".arc") return Format::kArc;
  return std::nullopt;
}

bool IsArticleFile(const std::filesystem::path& path) {
  return FormatOf(path).has_value();
}

namespace {

std::unique_ptr<Reader> NewReader(Format format, std::string name,
                                  std::unique_ptr<ByteSource> in, bool gzip) {
  if (gzip) in = NewGzipSource(std::move(in));
  switch (format) {
    case Format::kText:
      return NewTextReader(std::move(name), std::move(in));
    case Format::kJson:
      return NewJsonReader(std::move(name), std::move(in));
    case Format::kJsonLines:
      return NewJsonLinesReader(std::move(name), std::move(in));
    case Format::kCsv:
      return NewCsvReader(std::move(name), std::move(in));
    case Format::kHtml:
      return NewHtmlReader(std::move(name), std::move(in));
    case Format::kFeed:
      return NewFeedReader(std::move(name), std::move(in));
    case Format::kWarc:
      return NewWarcReader(std::move(name), std::move(in));
    case Format::kArc:
      return NewArcReader(std::move(name), std::move(in));
  }
  return nullptr;
}

// Opens the reader for `in`, unless its first bytes (after gunzip) show a
// binary file: a picture or a database renamed .txt is no article. Not for a
// web archive, whose first record may hold a picture (its reader checks
// that the file starts as one).
Result<std::unique_ptr<Reader>> OpenChecked(Format format, const std::filesystem::path& path,
                                            std::unique_ptr<ByteSource> in) {
  const bool gzip = IsGzipName(path);
  if (gzip) in = NewGzipSource(std::move(in));
  if (format == Format::kWarc || format == Format::kArc)
    return NewReader(format, path.string(), std::move(in), false);
  Status error;
  std::string head = ReadUpTo(*in, 4096, &error);
  if (error.ok() && LooksBinary(head)) {
    return Status::InvalidArgument(path.string() + ": a binary file, not text");
  }
  in = NewPrefixedSource(std::move(head), std::move(error), std::move(in));
  return NewReader(format, path.string(), std::move(in), false);
}

}  // namespace

Result<std::unique_ptr<Reader>> OpenReader(const std::filesystem::path& path) {
  std::optional<Format> format = FormatOf(path);
  if (!format) {
    return Status::InvalidArgument(path.string() + ": unsupported file type");
  }
  auto in = NewFileSource(path);
  if (!in.ok()) return in.status();
  return OpenChecked(*format, path, std::move(in).value());
}

Result<std::unique_ptr<Reader>> OpenReaderFromMemory(
    const std::filesystem::path& name, std::string bytes) {
  std::optional<Format> format = FormatOf(name);
  if (!format) {
    return Status::InvalidArgument(name.string() + ": unsupported file type");
  }
  return OpenChecked(*format, name, NewMemorySource(std::move(bytes)));
}

}  // namespace newsarc::indexer
