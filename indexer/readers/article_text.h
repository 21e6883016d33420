// Shared by all readers: body clean-up, datelines, titles from text, and the
// mapping of crawler field names (JSON keys, CSV columns) to Article fields.
#ifndef NEWSARC_INDEXER_READERS_ARTICLE_TEXT_H_
#define NEWSARC_INDEXER_READERS_ARTICLE_TEXT_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsarc/article.h"
#include "newsarc/status.h"

namespace newsarc::indexer {

// Returns `text` (UTF-8, "\n" line ends) as paragraphs separated by exactly
// "\n\n": lines are trimmed, the lines of one paragraph (hard-wrapped text)
// are joined with a space, and runs of blank lines become one break.
std::string NormalizeBody(std::string_view text);

// If the first non-blank line of `*text` is a date on its own ("Friday,
// January 4, 2019"), removes that line and returns the date as YYYY-MM-DD;
// else returns "" and leaves `*text` alone.
std::string TakeDateline(std::string* text);

// A title for an article that has none: the first sentence of the first
// paragraph of `body` (a normalised body), shortened at a word boundary
// if it is still long.
std::string TitleFromText(std::string_view body);

// `s` with its ASCII letters in lower case (names of fields, tags, charsets).
std::string LowerAscii(std::string_view s);

// `s` on one line, trimmed: each run of white space (newlines included)
// becomes one space.
std::string OneLine(std::string_view s);

// Makes every string of `*article` valid UTF-8 (belt and braces: readers
// decode first) and puts one-line fields (title, url, ...) on one line.
void FinishArticle(Article* article);

// Field name (lower case) and text of one record: a JSON object's members or
// a CSV row's cells. Lists (authors) arrive already joined with ", ".
using RecordFields = std::vector<std::pair<std::string, std::string>>;

// Builds an Article from crawler field names (see json_reader.h). Fills
// title, body, url, date (normalised; dateline if there is no date field),
// language, byline, site, id. kInvalidArgument with the reason only
// ("no \"title\" or \"text\" field") if the record has neither; the caller
// adds "path:line: ".
[[nodiscard]] Result<Article> ArticleFromFields(const RecordFields& fields);

}  // namespace newsarc::indexer

#endif  // NEWSARC_INDEXER_READERS_ARTICLE_TEXT_H_
