// .txt files: the news-archive text format of the seed article
//
//   Title
//
//   http://example.com/story.html
//
//   Version 2 of 3.
//
//   First paragraph...
//
// and, for any other .txt, plain text: first non-blank line the title, the
// rest the body.
#ifndef NEWSARC_INDEXER_READERS_ARCHIVE_TEXT_READER_H_
#define NEWSARC_INDEXER_READERS_ARCHIVE_TEXT_READER_H_

#include <memory>
#include <string>
#include <string_view>

#include "newsarc/article.h"
#include "newsarc/status.h"
#include "readers/byte_source.h"
#include "readers/reader.h"

namespace newsarc::indexer {

// True if `text` (UTF-8) starts like the archive format: a title line, a URL
// line and a "Version N of M." line, blank lines between them optional.
bool IsArchiveText(std::string_view text);

// Parses one .txt article from UTF-8 text with "\n" line ends: the archive
// format if IsArchiveText, else plain text. Fills title, body, url, version,
// and date from a dateline. kInvalidArgument "empty file" if there is no
// text at all.
[[nodiscard]] Result<Article> ParseTextArticle(std::string_view text);

// A Reader for one .txt file read from `in` (already gunzipped). `path` is
// used for Article::source_path and in messages.
std::unique_ptr<Reader> NewTextReader(std::string path,
                                      std::unique_ptr<ByteSource> in);

}  // namespace newsarc::indexer

#endif  // NEWSARC_INDEXER_READERS_ARCHIVE_TEXT_READER_H_
