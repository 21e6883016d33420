// The article model: what a reader produces and what the index stores.
#ifndef NEWSARC_ARTICLE_H_
#define NEWSARC_ARTICLE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace newsarc {

// One article as read from a file, before indexing. All strings are valid
// UTF-8 (readers convert other encodings before filling this in).
struct Article {
  // Unique key. Empty: derived from `url`, else from `source_path` and
  // `record` (see IndexWriter::ArticleId).
  std::string id;
  std::string title;
  std::string body;       // paragraphs separated by "\n\n"
  std::string url;        // empty if unknown
  std::string date;       // ISO 8601 ("2017-03-29" or "2017-03-29T10:00:00Z"); empty if unknown
  int version = 0;        // "Version N of M." in the archive format; higher wins
  std::string language;   // a code ("en", "en-GB", "eng") or a name ("English",
                          // "Deutsch"), indexed as its ISO 639 code; empty or
                          // neither: detected when indexed
  std::string byline;     // authors, comma separated
  std::string site;       // host name; empty: taken from `url`
  std::string source_path;  // the file the article came from
  uint64_t record = 0;      // 1-based line of the record in a multi-record file, 0 otherwise
};

// A named entity with the other names it goes by in one article.
// `name` is the fullest form ("Amber Rudd", "Metropolitan Police").
struct Entity {
  std::string name;
  std::vector<std::string> aliases;  // e.g. "Rudd", "Ms Rudd"; "Met"
  uint32_t mentions = 1;             // how often the article cites or names it
};

// Something a person said, as the article reports it.
struct Quote {
  std::string speaker;  // display name of the resolved speaker, as in Extraction::speakers
  // The quoted words (direct) or the reported clause (indirect), which may
  // hold a few words in quote marks ('he remained "cautiously optimistic"').
  std::string text;
  bool direct = true;   // false: indirect speech ("X said that ...", "according to X, ...")
  uint32_t paragraph = 0;  // where the quote starts: 0 is the title, 1 the first body paragraph
};

// What the extractors found in one article.
struct Extraction {
  std::vector<Entity> speakers;       // people quoted, in order of first quote
  std::vector<Entity> organisations;  // organisations named, in order of first mention
  std::vector<Quote> quotes;          // quotes of the speakers, in text order
};

}  // namespace newsarc

#endif  // NEWSARC_ARTICLE_H_
