// .json (one article object, an array of them, or NewsAPI's
// {"articles": [...]}) and .jsonl / .ndjson (one object per line; blank
// lines ignored).
//
// Field names are the ones news crawlers (news-please, newspaper, NewsAPI,
// RSS converters) write, matched case-insensitively:
//   title      title, headline
//   body       the longest of text, body, maintext, content, article,
//              articleBody; description if none of them is present
//   url        url, link
//   date       date, date_publish, published, publishedAt, pubDate,
//              date_published, datePublished, dateCreated (strings or Unix
//              times)
//   byline     authors, byline, author (a string, a {"name": ...} object or
//              an array of strings or of such objects)
//   site       source_domain, site, domain
//   language   language, lang, inLanguage
//   id         id (a string or a number)
// Numbers where text is expected are written as text; nulls count as absent.
#ifndef NEWSARC_INDEXER_READERS_JSON_READER_H_
#define NEWSARC_INDEXER_READERS_JSON_READER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

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

// A news article as schema.org describes it in a page's JSON-LD (the text of
// a <script type="application/ld+json">). Each field is its text, "" when
// absent: headline (else name), articleBody (else text, as written: plain
// text or HTML), datePublished (else dateCreated), the authors' names
// joined with ", " (authors given as {"@id": ...} named by the objects of
// the block with those ids), url (else mainEntityOfPage, a URL or {"@id": ...}),
// inLanguage (a code, or a Language's name), description, and the
// publisher's name.
struct JsonLdArticle {
  std::string headline;
  std::string body;
  std::string date;
  std::string author;
  std::string url;
  std::string language;
  std::string description;
  std::string publisher;
};

// The first object, in document order, in `script` (a JSON-LD block) whose
// "@type" is an article type (Article, NewsArticle and its kinds,
// BlogPosting, LiveBlogPosting, Report) and which has a headline or a body:
// looked for at the top, in arrays, in "@graph" and in any member. What
// pages write is read leniently: control characters inside strings (raw
// line breaks), trailing commas, comments and an HTML comment around it
// all. std::nullopt when there is none, or the text is no JSON.
std::optional<JsonLdArticle> ParseJsonLdArticle(std::string_view script);

}  // namespace newsarc::indexer

#endif  // NEWSARC_INDEXER_READERS_JSON_READER_H_
