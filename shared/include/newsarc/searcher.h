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
  uint32_t limit = 10;   // hits to return; 0: a count (estimated_total, counted up to 2,000)
  SortOrder sort = SortOrder::kRelevance;
  // Match articles with any of the free-text words (OR), ranked by how many
  // and how rare, instead of all of them (AND; when nothing has them all,
  // of the words some article has, else OR: SearchResults::relaxed). For
  // long natural-language queries.
  bool any = false;
  // Build a snippet for each hit (costs a read of the stored body).
  bool snippets = true;
  uint32_t snippet_chars = 240;  // approximate snippet length

  // Fold copies of one story into one hit (Hit::duplicates counts the
  // others): wire stories republished under other URLs or files share a
  // near-duplicate key computed at index time (README, "Duplicates").
  // Versions of one URL are one article anyway (IndexWriter::Add).
  bool collapse_duplicates = true;
  // Blend relevance with recency (relevance order only): an article gets a
  // bonus of at most recent_share times the best match's weight, halved for
  // every recent_half_life_days it is older than the newest article in the
  // index. A newer article thus overtakes an older one only when it is
  // nearly as relevant; strong older matches stay on top.
  bool recent = false;
  double recent_share = 0.25;
  uint32_t recent_half_life_days = 30;
  // More like this: the path of an indexed source file (its articles), an
  // article id or URL. Finds articles that share its most telling words;
  // `query`, if not empty, then only filters them. kNotFound if nothing in
  // the index matches `like`.
  std::string like;
  // Count facets (speakers, organisations, site, year, language) over the
  // matching articles; counts are exact when the query matches at most
  // facet_sample articles, else over the first facet_sample checked.
  bool facets = false;
  uint32_t facet_values = 10;     // most frequent values kept per facet
  uint32_t facet_sample = 10000;  // articles checked at least
  // Suggest a spelling ("did you mean") when a query word is not in the
  // index, or is rare and the query finds little. See
  // SearchResults::suggestion.
  bool suggest = true;
  // Quotes as results: answer with the quotes of the matching articles
  // (SearchResults::quotes) instead of the articles (`hits` stays empty).
  // The article query runs as usual; then each quote of the best
  // max(100, 10 * (offset + limit)) articles is matched against the
  // query's free-text words, with the folding and stemming of snippets:
  //  - when the query has free-text words, a quote must contain at least
  //    one of them;
  //  - when it has speaker: filters, a quote must be by a speaker whose
  //    name (or a word of it) one of them names (`speaker:rudd
  //    speaker:mackey` gives the quotes of either, from articles quoting
  //    both).
  // With relevance order a quote scores its article's weight times (1 +
  // the share of the query's distinct free-text terms it contains), ties
  // in article order then text order; sorted by date, quotes keep their
  // articles' order, then text order. `offset` and `limit` count quotes.
  // Indexes built before quotes were stored have none: index them again.
  bool quotes = false;
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
  // Other copies of this story folded into this hit (a lower bound; 0 with
  // SearchRequest::collapse_duplicates off).
  uint32_t duplicates = 0;
};

// A quote found with SearchRequest::quotes, with the article it is from.
struct QuoteHit {
  uint32_t rank = 0;    // 1-based, counting the offset
  double score = 0;     // see SearchRequest::quotes
  std::string speaker;  // display name, as in Hit::speakers
  // The quoted words on one line (white space collapsed, control
  // characters dropped), without the quote marks around it (reported speech
  // keeps those of a few words within it); a quote longer than about 800
  // characters is cut around its matches, with '…' where cut.
  std::string text;
  std::vector<Highlight> highlights;  // matched words inside `text`
  bool direct = true;      // false: reported speech ("X said that ...")
  uint32_t paragraph = 0;  // where it starts: 0 the title, 1 the first paragraph
  // The article it is from.
  uint32_t docid = 0;
  double article_score = 0;  // the article's BM25 weight
  std::string id;
  std::string title;
  std::string url;
  std::string site;
  std::string date;  // ISO date as stored, "" if unknown
  std::string path;  // absolute path of the source file
};

struct FacetValue {
  std::string value;   // a display name, host, year ("2017") or language code
  uint64_t count = 0;  // matching articles with it
};

// One facet: the most frequent values, by count, then value.
struct Facet {
  std::string name;  // "speakers", "organisations", "site", "year", "language"
  std::vector<FacetValue> values;
};

struct SearchResults {
  std::string query;                // as given
  uint64_t estimated_total = 0;     // Xapian's estimate of all matches, or their count:
  bool total_exact = false;         // estimated_total counts every match (copies folded)
  // True when no article had every word: the words were AND'd without
  // those no article has at all (`missing`), or, when that found nothing
  // either (or none was missing), OR'd.
  bool relaxed = false;
  // The query's words that no article has, left out of a relaxed search
  // (folded, in query order); empty when the words were OR'd.
  std::vector<std::string> missing;
  uint32_t offset = 0;              // request.offset: hits skipped
  std::vector<Hit> hits;
  // "Did you mean": the query with unknown or rare words replaced by
  // frequent indexed words close in spelling ("Rud WhatsApp" -> "Rudd
  // WhatsApp"); "" when there is nothing to suggest.
  std::string suggestion;
  // With SearchRequest::facets: the facets in the order listed there, and
  // how many matching articles they counted (every one if facets_exact).
  std::vector<Facet> facets;
  uint64_t facet_articles = 0;
  bool facets_exact = false;
  // With SearchRequest::quotes: the quotes, best first, after `offset`, at
  // most `limit`; and how many quotes qualified in all the articles
  // checked (see SearchRequest::quotes).
  std::vector<QuoteHit> quotes;
  uint64_t quote_total = 0;
  // What the user should know about how these results were made, one
  // sentence each: shards left out (OpenOptions::allow_partial), features
  // that degrade over remote shards (see README, "Shards and remote
  // search"). Empty for a local index.
  std::vector<std::string> warnings;
};

// How Searcher::Open reaches the databases of a sharded or remote index.
struct OpenOptions {
  // Bound on each call to a remote shard, in seconds: connecting, and each
  // request and its reply. A shard slower than that counts as down
  // (kIOError, or left out with allow_partial). 0 = no bound.
  double timeout_seconds = 10;
  // When some shards cannot be reached (at Open, or failing during a
  // search), search the others instead of failing; each search's
  // SearchResults::warnings then names the shards left out. Fails anyway
  // when no shard can be reached.
  bool allow_partial = false;
  // From a Searcher's second search on, Xapian's block reads of local
  // shards are copies out of read-only memory maps of their files instead of
  // a pread(2) each (README, "Speed"): the same bytes, from the same page
  // cache, without a system call per block. The maps take address space, not
  // memory. A one-search process (newsarc-search) never maps. false: every
  // block is read with pread, as Xapian does by itself.
  bool map_files = true;
};

// Answers queries against one index: a database directory, or a stub (a
// directory holding a XAPIANDB file, or a stub file such as cluster.stub)
// listing local shards (`auto PATH`) and remote ones served by Xapian's
// xapian-tcpsrv (`remote HOST:PORT`) or xapian-progsrv (`remote :ssh HOST
// xapian-progsrv PATH`); see README, "Shards and remote search".
// Not thread-safe (neither is Xapian::Database): open one per thread; any
// number of Searchers, in threads or processes, may read one index.
// Reading while a writer (newsarc-index, IndexWriter) commits is fine: each
// Search sees the latest commit, and a search overtaken by commits is run
// again on the new revision, never reported as an error. The same holds
// across a compaction (IndexWriter::Compact): the next Search reads the new
// copy of each local database and lets go of the old one's files, and
// across a new index built in the same folder, with another list of shards
// too (read again once a database it searched was replaced or removed).
// For "did you mean" (SearchRequest::suggest), a Searcher keeps the indexed
// words of each initial it needed twice in the same revision in memory
// (about 40 bytes a word, at most about 2^20 words; dropped at the next
// commit): README, "Did you mean".
// No function throws; failures come back as a Status.
class NEWSARC_EXPORT Searcher {
 public:
  // Opens the index at `dir`. kNotFound if there is no index there;
  // kInvalidArgument for a malformed stub (the message names the line);
  // kIOError (naming the shard) when a shard cannot be opened or reached
  // within options.timeout_seconds, unless options.allow_partial.
  [[nodiscard]] static Result<Searcher> Open(const std::filesystem::path& dir,
                                             const OpenOptions& options);
  [[nodiscard]] static Result<Searcher> Open(const std::filesystem::path& dir) {
    return Open(dir, OpenOptions());
  }

  // kInvalidArgument if request.query does not parse. kIOError naming the
  // shard when a remote shard fails during the search, unless
  // OpenOptions::allow_partial: then the search runs again without it and
  // the results' warnings name it.
  [[nodiscard]] Result<SearchResults> Search(const SearchRequest& request) const;

  // Number of articles in the index (in the shards searched).
  uint64_t ArticleCount() const;

  // Shards listed (1 for a database directory) and shards searched.
  size_t ShardCount() const;
  size_t LiveShardCount() const;

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
