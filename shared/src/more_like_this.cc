#include "more_like_this.h"

#include <filesystem>
#include <string>
#include <system_error>

#include "document_builder.h"
#include "keys.h"
#include "ranking.h"
#include "schema.h"

namespace newsarc::internal {
namespace {

// At most this many articles of one file are taken as the example.
constexpr size_t kMaxSources = 100;

// Unprefixed words of two letters or more that are not just digits nor
// stop words (the query side's list, ranking.h).
class WordsOnly : public Xapian::ExpandDecider {
 public:
  WordsOnly() {
    RankingOptions options;
    options.stop_words = true;
    stopper_ = QueryStopper(options);
  }
  bool operator()(const std::string& term) const override {
    if (term.size() < 2) return false;
    auto c = static_cast<unsigned char>(term[0]);
    if (c >= 'A' && c <= 'Z') return false;  // a prefix
    if (stopper_ != nullptr && (*stopper_)(term)) return false;
    return term.find_first_not_of("0123456789.,") != std::string::npos;
  }

 private:
  const Xapian::Stopper* stopper_ = nullptr;
};

void AddPostings(const Xapian::Database& db, const std::string& term,
                 std::vector<Xapian::docid>& out) {
  for (auto it = db.postlist_begin(term);
       it != db.postlist_end(term) && out.size() < kMaxSources; ++it) {
    out.push_back(*it);
  }
}

}  // namespace

std::vector<Xapian::docid> ResolveLike(const Xapian::Database& db,
                                       std::string_view like) {
  std::vector<Xapian::docid> docs;
  const std::string value(like);
  std::error_code ec;
  std::filesystem::path path(value);
  std::vector<std::string> paths = {value};
  if (std::filesystem::is_regular_file(path, ec)) {
    paths.push_back(std::filesystem::absolute(path, ec).lexically_normal().string());
    paths.push_back(std::filesystem::weakly_canonical(path, ec).string());
  }
  for (const std::string& p : paths) {
    if (p.empty()) continue;
    AddPostings(db, std::string(schema::kFile) + FileKey(p), docs);
    if (!docs.empty()) return docs;
  }
  AddPostings(db, std::string(schema::kId) + ShortKey(value), docs);
  if (docs.empty()) {
    std::string url = CanonicalUrl(value);
    if (!url.empty()) AddPostings(db, std::string(schema::kId) + ShortKey(url), docs);
  }
  return docs;
}

Result<Xapian::Query> MoreLikeThis(const Xapian::Database& db,
                                   std::string_view like) {
  std::vector<Xapian::docid> sources = ResolveLike(db, like);
  if (sources.empty()) {
    return Status::NotFound("--like " + std::string(like) +
                            ": no indexed file, article id or URL");
  }
  // Xapian's expand set, with exact term frequencies (over several shards
  // Xapian otherwise estimates a word's frequency from the shards holding
  // the examples, and the words chosen would differ from one database's).
  WordsOnly decider;
  const auto expansion = TradExpandSet(db, sources, decider, {}, kLikeTerms);
  if (expansion.empty()) return Xapian::Query::MatchNothing;
  std::vector<Xapian::Query> words;
  for (const auto& [term, weight] : expansion) words.emplace_back(term);
  Xapian::Query similar(Xapian::Query::OP_OR, words.begin(), words.end());
  // Leave the examples out: they would be the best matches.
  std::vector<Xapian::Query> ids;
  for (Xapian::docid d : sources) {
    if (std::string id = ArticleIdTerm(db, d); !id.empty()) ids.emplace_back(id);
  }
  if (ids.empty()) return similar;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, similar,
                       Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end()));
}

}  // namespace newsarc::internal
