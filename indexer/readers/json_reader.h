// .json (one article object, an array of them, or NewsAPI's
// {"articles": [...]}) and .jsonl / .ndjson (one object per line; blank
// lines ignored).
//
// Field names are the ones news crawlers (news-please, newspaper, NewsAPI,
// RSS converters) write, matched case-insensitively:
//   title      title, headline
//   body       the longest of text, body, maintext, content, article;
//              description if none of them is present
//   url        url, link
//   date       date, date_publish, published, publishedAt, pubDate,
//              date_published (strings or Unix times)
//   byline     authors, byline, author (a string or an array of strings or
//              of {"name": ...} objects)
//   site       source_domain, site, domain
//   language   language, lang
//   id         id (a string or a number)
// Numbers where text is expected are written as text; nulls count as absent.
#ifndef NEWSARC_INDEXER_READERS_JSON_READER_H_
#define NEWSARC_INDEXER_READERS_JSON_READER_H_

#include <memory>
#include <string>

#include "readers/byte_source.h"
#include "readers/reader.h"

namespace newsarc::indexer {

// Reads a .json file from `in` (already gunzipped). Article::record is 0 for
// a single object and the 1-based element number in an array; messages use
// the same number ("x.json:3: no \"title\" or \"text\" field"), or the line
// of the syntax error. A file of several objects one per line is read as
// JSON lines.
std::unique_ptr<Reader> NewJsonReader(std::string path,
                                      std::unique_ptr<ByteSource> in);

// Reads .jsonl/.ndjson from `in` (already gunzipped), one line at a time.
// Article::record and messages give the line number.
std::unique_ptr<Reader> NewJsonLinesReader(std::string path,
                                           std::unique_ptr<ByteSource> in);

}  // namespace newsarc::indexer

#endif  // NEWSARC_INDEXER_READERS_JSON_READER_H_
