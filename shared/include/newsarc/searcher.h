// Searcher: runs queries against a newsarc index.
#ifndef NEWSARC_SEARCHER_H_
#define NEWSARC_SEARCHER_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "newsarc/newsarc_export.h"
#include "newsarc/status.h"

namespace newsarc {

enum class SortOrder {
  kRelevance,  // BM25, ties broken by docid
  kDate,       // oldest first
  kDateDesc,   // newest first
};

struct SearchRequest {
  // The query in newsarc's query language (see README, "Query language").
  std::string query;
  uint32_t offset = 0;   // hits to skip
  uint32_t limit = 10;   // hits to return
  SortOrder sort = SortOrder::kRelevance;
  // Build a snippet for each hit (costs a read of the stored body).
  bool snippets = true;
  uint32_t snippet_chars = 240;  // approximate snippet length
};

// A stretch of a snippet that matched a query term: [begin, end) in bytes.
struct Highlight {
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct Hit {
  uint32_t rank = 0;      // 1-based, counting the offset
  uint32_t docid = 0;
  double score = 0;       // BM25 weight; 0 when sorted by date alone
  std::string id;         // the article's key (see IndexWriter::ArticleId)
  std::string title;
  std::string url;
  std::string site;
  std::string date;       // ISO date as stored, "" if unknown
  int version = 0;
  std::string language;
  std::string byline;
  std::string path;       // absolute path of the source file
  std::vector<std::string> speakers;
  std::vector<std::string> organisations;
  std::string snippet;    // plain text
  std::vector<Highlight> highlights;  // matched words inside `snippet`
};

struct SearchResults {
  std::string query;                // as given
  uint64_t estimated_total = 0;     // Xapian's estimate of all matches
  // True when no article had every word and the words were OR'd instead.
  bool relaxed = false;
  uint32_t offset = 0;              // request.offset: hits skipped
  std::vector<Hit> hits;
};

// Answers queries against one index directory.
// Not thread-safe (neither is Xapian::Database): open one per thread.
class NEWSARC_EXPORT Searcher {
 public:
  // Opens the index at `dir`. kNotFound if there is no index there.
  [[nodiscard]] static Result<Searcher> Open(const std::filesystem::path& dir);

  // kInvalidArgument if request.query does not parse.
  [[nodiscard]] Result<SearchResults> Search(const SearchRequest& request) const;

  // Number of articles in the index.
  uint64_t ArticleCount() const;

  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;
  ~Searcher();

 private:
  struct Impl;  // owns the Xapian::Database; lives in src/
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsarc

#endif  // NEWSARC_SEARCHER_H_
