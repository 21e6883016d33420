#include "passage_feedback.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "language.h"
#include "schema.h"

namespace newsarc::internal {
namespace {

// LCA's floor for a query word that a candidate never meets: the product
// over the query words then still ranks candidates that meet the others.
constexpr double kDelta = 0.1;

// A word of a feedback document at its position: `key` indexes the keys of
// a Passages object; `query` the query word it is, or -1.
struct FeedbackWord {
  Xapian::termpos pos;
  int key;
  int query;
};

// The words of the feedback documents, as feedback keys (stem terms) with
// small ids, and their passages.
class Passages {
 public:
  Passages(const Xapian::Database& db, const Xapian::Query& query,
           const RankingOptions& o)
      : db_(db), o_(o) {
    for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t) {
      if (query_index_.try_emplace(*t, static_cast<int>(query_.size())).second) {
        query_.push_back(*t);
      }
    }
  }

  // Reads one document's words and adds its passages.
  void Add(Xapian::docid did) {
    std::vector<FeedbackWord> words = Read(did);
    if (o_.prf_window > 0) {
      const Xapian::termpos w = o_.prf_window;
      for (const FeedbackWord& word : words) {
        if (word.query < 0) continue;
        const Xapian::termpos from = word.pos > w ? word.pos - w : 0;
        auto b = std::lower_bound(
            words.begin(), words.end(), from,
            [](const FeedbackWord& x, Xapian::termpos p) { return x.pos < p; });
        auto e = std::upper_bound(
            words.begin(), words.end(), word.pos + w,
            [](Xapian::termpos p, const FeedbackWord& x) { return p < x.pos; });
        passages_.emplace_back(b, e);
      }
    } else {
      const size_t size = std::max<unsigned>(1, o_.prf_passage);
      for (size_t b = 0; b < words.size(); b += size) {
        const size_t e = std::min(words.size(), b + size);
        if (std::any_of(words.begin() + b, words.begin() + e,
                        [](const FeedbackWord& x) { return x.query >= 0; })) {
          passages_.emplace_back(words.begin() + b, words.begin() + e);
        }
      }
    }
  }

  const std::vector<std::vector<FeedbackWord>>& passages() const { return passages_; }
  const std::vector<std::string>& query() const { return query_; }
  const std::string& key(int id) const { return keys_[id]; }
  size_t keys() const { return keys_.size(); }

 private:
  Xapian::Stem DocumentStemmer(Xapian::docid did) {
    std::string language = db_.get_document(did).get_value(schema::kSlotLanguage);
    if (language.empty()) language = kDefaultLanguage;
    auto it = stemmers_.find(language);
    if (it != stemmers_.end()) return it->second;
    // As the document builder stems.
    return stemmers_.emplace(language, StemmerOf(language, o_.stemmer)).first->second;
  }

  int KeyId(const std::string& key) {
    auto [it, fresh] = ids_.try_emplace(key, static_cast<int>(keys_.size()));
    if (fresh) keys_.push_back(key);
    return it->second;
  }

  int QueryIndex(const std::string& term) const {
    auto it = query_index_.find(term);
    return it == query_index_.end() ? -1 : it->second;
  }

  // The document's words in position order. Only the unprefixed terms
  // carry positions: exact words (keyed by their "Z" stem) under STEM_SOME,
  // stems under STEM_ALL.
  std::vector<FeedbackWord> Read(Xapian::docid did) {
    std::vector<FeedbackWord> words;
    Xapian::Stem stem;
    if (!o_.stem_all) stem = DocumentStemmer(did);
    for (auto t = db_.termlist_begin(did); t != db_.termlist_end(did); ++t) {
      const std::string& term = *t;
      if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;
      std::string key;
      if (o_.stem_all) {
        key = term;
      } else {
        key.push_back('Z');  // (GCC 12's -Wrestrict is wrong about "Z" + ...)
        key.append(stem(term));
      }
      int q = QueryIndex(key);
      if (q < 0) q = QueryIndex(term);  // an unstemmed query word
      const int id = KeyId(key);
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
        words.push_back({*p, id, q});
      }
    }
    std::sort(words.begin(), words.end(),
              [](const FeedbackWord& a, const FeedbackWord& b) { return a.pos < b.pos; });
    return words;
  }

  const Xapian::Database& db_;
  const RankingOptions& o_;
  std::vector<std::string> query_;
  std::map<std::string, int> query_index_;
  std::unordered_map<std::string, int> ids_;
  std::vector<std::string> keys_;
  std::map<std::string, Xapian::Stem> stemmers_;
  std::vector<std::vector<FeedbackWord>> passages_;
};

}  // namespace

std::vector<std::pair<std::string, double>> PassageFeedback(
    const Xapian::Database& db, const std::vector<Xapian::docid>& top,
    const Xapian::Query& query, const RankingOptions& o,
    const Xapian::ExpandDecider& accept) {
  Passages passages(db, query, o);
  for (Xapian::docid did : top) passages.Add(did);
  if (passages.passages().empty()) return {};

  const double docs = std::max<double>(2, db.get_doccount());
  // idf scaled to [0, 1]; 0 for terms the index lacks.
  auto idf = [&](const std::string& term) {
    const double df = db.get_termfreq(term);
    return df > 0 ? std::log(docs / df) / std::log(docs) : 0.0;
  };
  // Per key: -1 not yet known, 0 refused, else 1 + its idf.
  std::vector<double> candidate(passages.keys(), -1);
  auto candidate_idf = [&](int id) {
    if (candidate[id] < 0) {
      const std::string& term = passages.key(id);
      const bool in_query =
          std::find(passages.query().begin(), passages.query().end(), term) !=
          passages.query().end();
      const double f = idf(term);
      candidate[id] = (in_query && !o.prf_query) || f <= 0 || !accept(term)
                          ? 0
                          : 1 + f;
    }
    return candidate[id] - 1;
  };

  const size_t nq = passages.query().size();
  std::unordered_map<int, std::vector<double>> co;  // LCA: co(c, w) per w
  std::unordered_map<int, double> share;            // "passage"
  std::unordered_map<int, unsigned> tf;
  std::vector<unsigned> query_tf(nq);
  for (const std::vector<FeedbackWord>& passage : passages.passages()) {
    tf.clear();
    std::fill(query_tf.begin(), query_tf.end(), 0);
    for (const FeedbackWord& w : passage) {
      ++tf[w.key];
      if (w.query >= 0) ++query_tf[w.query];
    }
    for (const auto& [id, n] : tf) {
      if (candidate_idf(id) <= 0) continue;
      if (o.prf_scheme == "passage") {
        share[id] += static_cast<double>(n) / passage.size();
        continue;
      }
      std::vector<double>& c = co[id];
      c.resize(nq);
      for (size_t q = 0; q < nq; ++q) c[q] += double(n) * query_tf[q];
    }
  }

  std::vector<std::pair<std::string, double>> picked;
  if (o.prf_scheme == "passage") {
    for (const auto& [id, s] : share) {
      picked.emplace_back(passages.key(id), s * candidate_idf(id));
    }
  } else {
    const double log_n =
        std::log10(std::max<double>(2, passages.passages().size()));
    std::vector<double> query_idf(nq);
    for (size_t q = 0; q < nq; ++q) query_idf[q] = idf(passages.query()[q]);
    for (const auto& [id, c] : co) {
      // The belief's logarithm: the ranking is the same.
      double belief = 0;
      for (size_t q = 0; q < nq; ++q) {
        if (query_idf[q] <= 0) continue;
        const double f = std::log10(1 + c[q]) * candidate_idf(id) / log_n;
        belief += query_idf[q] * std::log(kDelta + f);
      }
      picked.emplace_back(passages.key(id), belief);
    }
  }
  std::sort(picked.begin(), picked.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (picked.size() > o.prf_terms) picked.resize(o.prf_terms);
  if (o.prf_scheme != "passage") {
    for (size_t i = 0; i < picked.size(); ++i) {
      picked[i].second = 1 - 0.9 * static_cast<double>(i) / o.prf_terms;
    }
  }
  return picked;
}

}  // namespace newsarc::internal
