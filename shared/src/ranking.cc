#include "ranking.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ascii.h"
#include "initialisms.h"
#include "keys.h"
#include "language.h"
#include "passage_feedback.h"
#include "query_parser.h"
#include "regularise.h"
#include "schema.h"
#include "stop_words.h"
#include "stored_fields.h"

namespace newsarc::internal {
namespace {

// At most this many proximity pairs and entity terms per query: a pasted
// paragraph must not turn into thousands of phrase lookups.
constexpr size_t kMaxBoosts = 32;

// Xapian's QueryParser asks this stopper, which needs no construction.
class EnglishStopper final : public Xapian::Stopper {
 public:
  bool operator()(const std::string& term) const override { return IsStopWord(term); }
  std::string get_description() const override { return "newsarc::EnglishStopper()"; }
};

bool ParseBool(const std::string& v, bool fallback) {
  if (v == "1" || v == "on" || v == "true" || v == "yes") return true;
  if (v == "0" || v == "off" || v == "false" || v == "no") return false;
  return fallback;
}

template <typename T>
void ParseNumber(const std::string& v, T& out) {
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  if (end != v.c_str() && *end == '\0' && d >= 0) out = static_cast<T>(d);
}

// The words of `text` in order, as an unstemmed TermGenerator splits them.
std::vector<std::string> Words(const std::string& text) {
  Xapian::Document scratch;
  Xapian::TermGenerator tg;
  tg.set_document(scratch);
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
  tg.index_text(text);
  std::map<Xapian::termpos, std::string> by_pos;
  for (auto t = scratch.termlist_begin(); t != scratch.termlist_end(); ++t) {
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
      by_pos[*p] = *t;
    }
  }
  std::vector<std::string> out;
  for (auto& [pos, word] : by_pos) out.push_back(std::move(word));
  return out;
}

}  // namespace

bool IsFeedbackWord(const std::string& term, bool stem_all) {
  // Stemmed free-text terms only ("Zpolici", or "polici" when the index
  // holds only stems): no title, entity or boolean terms, no numbers,
  // nothing shorter than three letters.
  const size_t skip = stem_all ? 0 : 1;
  if (term.size() < 3 + skip || (!stem_all && term[0] != 'Z')) return false;
  unsigned char c = static_cast<unsigned char>(term[skip]);
  if (!(c >= 'a' && c <= 'z') && c < 0x80) return false;
  return !IsStopWord(std::string_view(term).substr(skip));
}

namespace {

struct FeedbackDoc {
  Xapian::docid id;
  double weight;
};

// The best n documents of `enquire`'s query, for feedback. Xapian orders
// equal weights by document id, and document ids depend on the order the
// articles were indexed in (writer threads, shards): where the n-th weight
// ties with the next ones, the tied documents are chosen by their article
// id instead, so that the same articles give the same feedback however
// they were indexed. The wider passes that collect the tied documents run
// with the n-th weight as a cutoff, so that Xapian can skip every lighter
// document: they find the same documents, as none lighter is kept.
std::vector<FeedbackDoc> FeedbackDocs(const Xapian::Database& db, Xapian::Enquire& enquire,
                                      Xapian::doccount n) {
  constexpr Xapian::doccount kMaxTied = 1000;
  struct NoCutoffAfter {
    Xapian::Enquire& e;
    ~NoCutoffAfter() { e.set_cutoff(0, 0); }
  } restore{enquire};
  // A few past the n-th from the start: copies of a story weigh the same,
  // and a tie with the n-th that ends within them needs no second pass.
  for (Xapian::doccount want = n + 4;; want *= 4) {
    const Xapian::MSet m = enquire.get_mset(0, want);
    std::vector<FeedbackDoc> all;
    for (auto it = m.begin(); it != m.end(); ++it) all.push_back({*it, it.get_weight()});
    if (all.size() <= n) return all;
    const double last = all[n - 1].weight;
    // Wait until the window holds every document tied with the n-th.
    if (all.back().weight == last && all.size() == want && want < kMaxTied) {
      enquire.set_cutoff(0, last);
      continue;
    }
    std::vector<FeedbackDoc> out, tied;
    for (const FeedbackDoc& d : all) {
      if (d.weight > last) out.push_back(d);
      else if (d.weight == last) tied.push_back(d);
    }
    if (out.size() + tied.size() > n) {
      std::vector<std::pair<std::string, FeedbackDoc>> keyed;
      for (const FeedbackDoc& d : tied) keyed.emplace_back(ArticleIdTerm(db, d.id), d);
      std::stable_sort(keyed.begin(), keyed.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      tied.clear();
      for (size_t i = 0; out.size() + tied.size() < n; ++i) tied.push_back(keyed[i].second);
    }
    out.insert(out.end(), tied.begin(), tied.end());
    return out;
  }
}

class FeedbackTerms : public Xapian::ExpandDecider {
 public:
  explicit FeedbackTerms(bool stem_all) : stem_all_(stem_all) {}
  bool operator()(const std::string& term) const override {
    if (!IsFeedbackWord(term, stem_all_)) return false;
    if (min_docs_ > 1) {
      auto it = docs_.find(term);
      if (it == docs_.end() || it->second < min_docs_) return false;
    }
    return true;
  }
  // Count, for each term, the feedback documents holding it; terms in fewer
  // than `min_docs` of them are then refused.
  void RequireDocs(const Xapian::Database& db,
                   const std::vector<FeedbackDoc>& top, unsigned min_docs) {
    min_docs_ = min_docs;
    if (min_docs_ <= 1) return;
    for (const FeedbackDoc& d : top) {
      for (auto t = db.termlist_begin(d.id); t != db.termlist_end(d.id); ++t) {
        ++docs_[*t];
      }
    }
  }

 private:
  bool stem_all_;
  unsigned min_docs_ = 1;
  std::map<std::string, unsigned> docs_;
};

// The order in which Xapian's expand set adds up each term's statistics
// over the feedback documents: it merges their term lists in a tree built
// like a Huffman code (the two smallest lists joined first, by number of
// terms) and adds the left branch before the right. Returns indexes into
// `sizes`, whose documents are in ascending document id order as in an RSet.
std::vector<size_t> ExpandSumOrder(const std::vector<size_t>& sizes) {
  struct Node {
    size_t size;
    int left, right;  // child nodes, or -1 for a leaf
    size_t leaf;
  };
  std::vector<Node> nodes;
  std::vector<int> heap;
  for (size_t i = 0; i < sizes.size(); ++i) {
    nodes.push_back({sizes[i], -1, -1, i});
    heap.push_back(static_cast<int>(i));
  }
  if (heap.empty()) return {};
  auto larger = [&](int a, int b) { return nodes[a].size > nodes[b].size; };
  std::make_heap(heap.begin(), heap.end(), larger);
  while (heap.size() > 1) {
    const int right = heap.front();
    std::pop_heap(heap.begin(), heap.end(), larger);
    heap.pop_back();
    const int left = heap.front();
    nodes.push_back({nodes[left].size + nodes[right].size, left, right, 0});
    std::pop_heap(heap.begin(), heap.end(), larger);
    heap.back() = static_cast<int>(nodes.size() - 1);
    std::push_heap(heap.begin(), heap.end(), larger);
  }
  std::vector<size_t> order;
  std::vector<int> todo = {heap.front()};
  while (!todo.empty()) {
    const Node& n = nodes[todo.back()];
    todo.pop_back();
    if (n.left < 0) {
      order.push_back(n.leaf);
    } else {
      todo.push_back(n.right);
      todo.push_back(n.left);
    }
  }
  return order;
}

}  // namespace

RankingOptions ParseRankingSpec(std::string_view spec, RankingOptions o) {
  size_t start = 0;
  while (start <= spec.size()) {
    size_t end = spec.find(',', start);
    if (end == std::string_view::npos) end = spec.size();
    std::string_view item = spec.substr(start, end - start);
    start = end + 1;
    size_t eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    std::string key(item.substr(0, eq)), v(item.substr(eq + 1));
    if (key == "weight") o.weight = v;
    else if (key == "k1") ParseNumber(v, o.k1);
    else if (key == "idf_power") {
      char* stop = nullptr;  // may be negative: a flatter idf
      double d = std::strtod(v.c_str(), &stop);
      if (stop != v.c_str() && *stop == '\0') o.idf_power = d;
    }
    else if (key == "b") ParseNumber(v, o.b);
    else if (key == "k2") ParseNumber(v, o.k2);
    else if (key == "qtf") ParseNumber(v, o.qtf);
    else if (key == "idf") {
      if (v.empty() || v == "lucene" || v == "plain") o.idf = v;
    }
    else if (key == "k3") ParseNumber(v, o.k3);
    else if (key == "min_normlen") ParseNumber(v, o.min_normlen);
    else if (key == "prf_min_docs") ParseNumber(v, o.prf_min_docs);
    else if (key == "prf_min_words") ParseNumber(v, o.prf_min_words);
    else if (key == "reg") ParseNumber(v, o.reg);
    else if (key == "reg_top") ParseNumber(v, o.reg_top);
    else if (key == "reg_k") ParseNumber(v, o.reg_k);
    else if (key == "prf_reg") o.prf_reg = ParseBool(v, o.prf_reg);
    else if (key == "prf_idf") o.prf_idf = ParseBool(v, o.prf_idf);
    else if (key == "prf_cap") ParseNumber(v, o.prf_cap);
    else if (key == "prf_prox") ParseNumber(v, o.prf_prox);
    else if (key == "prf_passage") ParseNumber(v, o.prf_passage);
    else if (key == "prf_window") ParseNumber(v, o.prf_window);
    else if (key == "prf_prox_window") ParseNumber(v, o.prf_prox_window);
    else if (key == "stop") o.stop_words = ParseBool(v, o.stop_words);
    else if (key == "prox") ParseNumber(v, o.prox);
    else if (key == "prox_window") ParseNumber(v, o.prox_window);
    else if (key == "prox_rescore") ParseNumber(v, o.prox_rescore);
    else if (key == "prox_rescore_over") ParseNumber(v, o.prox_rescore_over);
    else if (key == "prox_rescore_pairs") ParseNumber(v, o.prox_rescore_pairs);
    else if (key == "prox_rescore_per") ParseNumber(v, o.prox_rescore_per);
    else if (key == "any_prox") ParseNumber(v, o.any_prox);
    else if (key == "entity") ParseNumber(v, o.entity);
    else if (key == "exact") ParseNumber(v, o.exact);
    else if (key == "prf") ParseNumber(v, o.prf_docs);
    else if (key == "prf_terms") ParseNumber(v, o.prf_terms);
    else if (key == "prf_weight") ParseNumber(v, o.prf_weight);
    else if (key == "prf_scheme") o.prf_scheme = v;
    else if (key == "prf_query") o.prf_query = ParseBool(v, o.prf_query);
    else if (key == "prf_flat") o.prf_flat = ParseBool(v, o.prf_flat);

    else if (key == "stemmer") o.stemmer = v;
    else if (key == "title_wdf") ParseNumber(v, o.title_wdf);
    else if (key == "any_entity") ParseNumber(v, o.any_entity);
    else if (key == "entity_orgs") o.entity_orgs = ParseBool(v, o.entity_orgs);
    else if (key == "entity_wdf") o.entity_wdf = ParseBool(v, o.entity_wdf);
    else if (key == "stem") o.stem_all = v == "all" ? true : v == "some" ? false : o.stem_all;
  }
  return o;
}

const RankingOptions& Ranking() {
  static const RankingOptions options = [] {
    const char* spec = std::getenv("NEWSARC_RANKING");
    return ParseRankingSpec(spec ? spec : "", RankingOptions());
  }();
  return options;
}

RankingOptions ForMode(const RankingOptions& options, bool any) {
  RankingOptions o = options;
  if (any) {
    o.prox = o.any_prox;
    o.entity = o.any_entity;
  } else {
    o.prf_docs = 0;
    o.reg = 0;
  }
  return o;
}

std::unique_ptr<Xapian::Weight> MakeWeight(const RankingOptions& o) {
  if (o.weight == "bm25+") {
    return std::make_unique<Xapian::BM25PlusWeight>(o.k1, 0, 1, o.b, 0.5, 1.0);
  }
  if (o.weight == "pl2") return std::make_unique<Xapian::PL2Weight>();
  if (o.weight == "dlh") return std::make_unique<Xapian::DLHWeight>();
  if (o.weight == "lm") return std::make_unique<Xapian::LMWeight>();
  if (o.weight == "lmd") {
    return std::make_unique<Xapian::LMWeight>(
        0.0, Xapian::Weight::DIRICHLET_SMOOTHING, o.k1 * 1000, -1.0);
  }
  if (o.weight == "lmd+") {
    return std::make_unique<Xapian::LMWeight>(
        0.0, Xapian::Weight::DIRICHLET_PLUS_SMOOTHING, o.k1 * 1000, -1.0);
  }
  if (o.weight == "tfidf") return std::make_unique<Xapian::TfIdfWeight>();
  if (o.weight == "inl2") return std::make_unique<Xapian::InL2Weight>();
  if (o.weight == "ineb2") return std::make_unique<Xapian::IneB2Weight>();
  if (o.weight == "bb2") return std::make_unique<Xapian::BB2Weight>();
  if (o.weight == "dph") return std::make_unique<Xapian::DPHWeight>();
  if (o.weight == "ifb2") return std::make_unique<Xapian::IfB2Weight>();
  if (o.weight == "trad") return std::make_unique<Xapian::TradWeight>(o.k1);
  // k2=0, k3=1 and min_normlen=0.5 are Xapian's defaults.
  return std::make_unique<Xapian::BM25Weight>(o.k1, o.k2, o.k3, o.b,
                                              o.min_normlen);
}

const Xapian::Stopper* QueryStopper(const RankingOptions& options) {
  static const EnglishStopper stopper;
  return options.stop_words ? &stopper : nullptr;
}

std::vector<std::vector<std::string>> PlainWords(std::string_view folded) {
  std::vector<std::vector<std::string>> runs;
  std::string run;
  auto flush = [&] {
    if (!run.empty()) {
      auto words = Words(run);
      if (!words.empty()) runs.push_back(std::move(words));
    }
    run.clear();
  };
  bool in_quotes = false;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && folded[i] == ' ') ++i;
    size_t b = i;
    while (i < folded.size() && folded[i] != ' ') ++i;
    if (b == i) break;
    std::string_view tok = folded.substr(b, i - b);
    size_t quotes = std::count(tok.begin(), tok.end(), '"');
    bool plain = !in_quotes && quotes == 0 && !IsOperator(tok) &&
                 tok.find_first_of(":()*") == std::string_view::npos &&
                 tok.front() != '+' && tok.front() != '-';
    if (quotes % 2 == 1) in_quotes = !in_quotes;
    if (plain) {
      if (!run.empty()) run += ' ';
      run += tok;
    } else {
      flush();
    }
  }
  flush();
  return runs;
}

namespace {

Xapian::Query Reweight(const Xapian::Database& db, const Xapian::Query& q,
                       double docs, double power, const std::string& formula = {}) {
  switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      auto t = q.get_terms_begin();
      if (t == q.get_terms_end()) return q;
      const double tf = db.get_termfreq(*t);
      if (tf == 0) return q;
      const double idf = std::log(1.0 + (docs - tf + 0.5) / (tf + 0.5));
      if (!formula.empty()) {
        double ratio = (docs - tf + 0.5) / (tf + 0.5);
        if (ratio < 2) ratio = ratio * 0.5 + 1;  // Xapian's BM25Weight
        const double xapian = std::log(ratio);
        const double want = formula == "plain" ? std::log(docs / tf) : idf;
        if (xapian <= 0) return q;
        return Xapian::Query(std::max(0.0, want) / xapian, q);
      }
      return Xapian::Query(std::pow(idf, power), q);
    }
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_XOR: {
      std::vector<Xapian::Query> subs;
      for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
        subs.push_back(Reweight(db, q.get_subquery(i), docs, power, formula));
      }
      return Xapian::Query(q.get_type(), subs.begin(), subs.end());
    }
    default:
      return q;
  }
}

// OR nodes with the same term twice or more: one leaf with the count as
// its wqf (qtf 1) or with wqf 1 (qtf 2), after the node's other subqueries.
Xapian::Query MergeRepeats(const Xapian::Query& q, unsigned mode) {
  switch (q.get_type()) {
    case Xapian::Query::OP_OR: {
      std::vector<Xapian::Query> subs;
      std::map<std::string, Xapian::termcount> count;
      std::vector<std::string> order;  // the terms in query order
      for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
        Xapian::Query sub = q.get_subquery(i);
        if (sub.get_type() == Xapian::Query::LEAF_TERM &&
            sub.get_terms_begin() != sub.get_terms_end()) {
          const std::string term = *sub.get_terms_begin();
          if (count[term]++ == 0) order.push_back(term);
        } else {
          subs.push_back(MergeRepeats(sub, mode));
        }
      }
      for (const std::string& t : order) {
        subs.emplace_back(t, mode == 1 ? count[t] : 1);
      }
      return Xapian::Query(Xapian::Query::OP_OR, subs.begin(), subs.end());
    }
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_FILTER: {
      std::vector<Xapian::Query> subs;
      for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
        subs.push_back(MergeRepeats(q.get_subquery(i), mode));
      }
      return Xapian::Query(q.get_type(), subs.begin(), subs.end());
    }
    default:
      return q;
  }
}

}  // namespace

Xapian::Query ReweightTerms(const Xapian::Database& db,
                            const Xapian::Query& query,
                            const RankingOptions& o) {
  if (query.empty()) return query;
  Xapian::Query q = o.qtf ? MergeRepeats(query, o.qtf) : query;
  if (!o.idf.empty()) q = Reweight(db, q, db.get_doccount(), 1, o.idf);
  if (o.idf_power == 0) return q;
  return Reweight(db, q, db.get_doccount(), o.idf_power);
}

std::vector<Xapian::Query> ProximityPairs(std::string_view folded,
                                          const RankingOptions& o) {
  std::vector<Xapian::Query> prox;
  // Phrases are matched on the terms that carry positions: the exact
  // words (STEM_SOME) or the stems (STEM_ALL).
  Xapian::Stem stem;
  if (o.stem_all) {
    try {
      stem = Xapian::Stem(o.stemmer.empty() ? StemmerFor(kDefaultLanguage)
                                            : o.stemmer);
    } catch (const Xapian::Error&) {
    }
  }
  // Two parts of a hyphenated word (initialisms.h) are no pair: the word is
  // one, its phrase or its letters together (JoinCompoundPhrases in
  // query_parser.cc), and a boost for its parts standing together would
  // rank the articles that write `e-mail` above those that write `email`.
  std::set<std::pair<std::string, std::string>> compound_parts;
  for (const Compound& c : Compounds(folded)) {  // folded: the parts in lower case
    for (size_t k = 0; k + 1 < c.parts.size(); ++k)
      compound_parts.emplace(c.parts[k], c.parts[k + 1]);
  }
  for (const auto& run : PlainWords(folded)) {
    // Each pair of consecutive content words, allowing the stop words
    // between them ("bank of england").
    size_t prev = std::string::npos;
    for (size_t k = 0; k < run.size(); ++k) {
      if (prox.size() >= kMaxBoosts) return prox;
      if (IsStopWord(run[k])) continue;
      if (prev != std::string::npos && k == prev + 1 &&
          compound_parts.count({run[prev], run[k]})) {
        prev = k;
        continue;
      }
      if (prev != std::string::npos && k - prev <= 2) {
        Xapian::Query pair[] = {Xapian::Query(stem(run[prev])),
                                Xapian::Query(stem(run[k]))};
        unsigned gap = static_cast<unsigned>(k - prev);
        if (o.prox_window <= 2) {
          prox.emplace_back(Xapian::Query::OP_PHRASE, pair, pair + 2, gap + 1);
        } else {
          prox.emplace_back(Xapian::Query::OP_NEAR, pair, pair + 2,
                            std::max<unsigned>(o.prox_window, gap + 1));
        }
      }
      prev = k;
    }
  }
  return prox;
}

Xapian::Query AddBoosts(const Xapian::Database& db, const Xapian::Query& query,
                        std::string_view folded, const RankingOptions& o) {
  if (o.prox <= 0 && o.entity <= 0 && o.exact <= 0) return query;
  std::vector<Xapian::Query> prox, entity, exact;
  const double docs = db.get_doccount();
  std::set<std::string> seen;
  // A fixed weight, entity * idf, for the articles carrying `term`; true if
  // any article does.
  std::map<std::string, bool> looked_up;
  auto add_entity = [&](const std::string& term) {
    if (term.empty()) return false;
    auto [it, fresh] = looked_up.try_emplace(term, false);
    if (!fresh) return it->second;
    const Xapian::doccount tf = db.get_termfreq(term);
    if (tf == 0) return false;
    it->second = true;
    double idf = std::log((docs - tf + 0.5) / (tf + 0.5));
    if (idf < 0.1) idf = 0.1;
    entity.emplace_back(
        Xapian::Query::OP_FILTER,
        Xapian::Query((new Xapian::FixedWeightPostingSource(o.entity * idf))
                          ->release()),
        Xapian::Query(term));
    return true;
  };
  // Speakers, and organisations if asked (evaluation only): (word prefix,
  // name prefix). None when the entity boost is off.
  std::vector<std::pair<std::string_view, std::string_view>> kinds;
  if (o.entity > 0) kinds.emplace_back(schema::kSpeakerWord, schema::kSpeaker);
  if (o.entity > 0 && o.entity_orgs) kinds.emplace_back(schema::kOrgWord, schema::kOrg);
  if (o.prox > 0) prox = ProximityPairs(folded, o);
  for (const auto& run : PlainWords(folded)) {
    for (size_t k = 0; o.exact > 0 && !o.stem_all && k < run.size(); ++k) {
      if (exact.size() >= kMaxBoosts) break;
      if (IsStopWord(run[k]) || !seen.insert(run[k]).second) continue;
      if (db.get_termfreq(run[k]) > 0) exact.emplace_back(run[k]);
    }
    // Entities: a content word that is a word of a speaker's name (or an
    // organisation's); 2-4 consecutive words that are a whole name, looked
    // up only when each content word among them is a word of some name.
    for (const auto& [word_prefix, name_prefix] : kinds) {
      std::vector<bool> in_a_name(run.size(), false);
      for (size_t k = 0; k < run.size(); ++k) {
        if (IsStopWord(run[k])) continue;
        for (const std::string& t : EntityWordTerms(word_prefix, run[k]))
          if (entity.size() < kMaxBoosts && add_entity(t)) in_a_name[k] = true;
      }
      for (size_t k = 0; k < run.size(); ++k) {
        if (IsStopWord(run[k]) || !in_a_name[k]) continue;
        std::string name = run[k];
        for (size_t n = k + 1; n < run.size() && n < k + 4; ++n) {
          name += ' ';
          name += run[n];
          if (IsStopWord(run[n])) continue;
          if (!in_a_name[n] || entity.size() >= kMaxBoosts) break;
          add_entity(EntityNameTerm(name_prefix, name));
        }
      }
    }
  }
  Xapian::Query out = query;
  // One AND_MAYBE per pair, not one over their OR: in Xapian 1.4.22 an OR
  // of phrases under AND_MAYBE can add the weight of a phrase whose words
  // the article has but not next to each other, depending on the order of
  // the document ids (the same articles indexed in another order ranked
  // differently). Each pair on its own is tested exactly.
  for (const Xapian::Query& pair : prox) {
    out = Xapian::Query(Xapian::Query::OP_AND_MAYBE, out, Xapian::Query(o.prox, pair));
  }
  if (!exact.empty()) {
    out = Xapian::Query(
        Xapian::Query::OP_AND_MAYBE, out,
        Xapian::Query(o.exact, Xapian::Query(Xapian::Query::OP_OR,
                                             exact.begin(), exact.end())));
  }
  if (o.entity > 0 && !entity.empty()) {
    out = Xapian::Query(
        Xapian::Query::OP_AND_MAYBE, out,
        Xapian::Query(Xapian::Query::OP_OR, entity.begin(), entity.end()));
  }
  return out;
}

Xapian::doccount MatchUpperBound(const Xapian::Database& db, const Xapian::Query& query) {
  const Xapian::doccount all = db.get_doccount();
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      auto t = query.get_terms_begin();
      return t == query.get_terms_end() || (*t).empty() ? all : db.get_termfreq(*t);
    }
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return 0;
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_PHRASE:
    case Xapian::Query::OP_NEAR: {
      Xapian::doccount bound = all;
      for (size_t k = 0; k < query.get_num_subqueries(); ++k)
        bound = std::min(bound, MatchUpperBound(db, query.get_subquery(k)));
      return bound;
    }
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
      return query.get_num_subqueries() ? MatchUpperBound(db, query.get_subquery(0)) : all;
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
    case Xapian::Query::OP_ELITE_SET: {
      uint64_t sum = 0;
      for (size_t k = 0; k < query.get_num_subqueries() && sum < all; ++k)
        sum += MatchUpperBound(db, query.get_subquery(k));
      return static_cast<Xapian::doccount>(std::min<uint64_t>(sum, all));
    }
    default:  // wildcards, value ranges, posting sources, match-all
      return all;
  }
}

namespace {

// DocidWindow: the ids of the window as each database of a combined one
// numbers them (Xapian interleaves them: document d of database i of n is
// (d - 1) * n + i + 1), picked in init() by the database's UUID.
class DocidWindowSource : public Xapian::PostingSource {
 public:
  struct Shared {
    std::vector<std::string> uuids;            // of each database, in order
    std::vector<std::vector<Xapian::docid>> local;  // ascending ids, per database
  };
  explicit DocidWindowSource(std::shared_ptr<const Shared> shared)
      : shared_(std::move(shared)) {}

  DocidWindowSource* clone() const override { return new DocidWindowSource(shared_); }
  void init(const Xapian::Database& db) override {
    ids_ = nullptr;
    pos_ = 0;
    started_ = false;
    const std::string uuid = db.get_uuid();
    for (size_t i = 0; i < shared_->uuids.size(); ++i)
      if (shared_->uuids[i] == uuid) ids_ = &shared_->local[i];
    const Xapian::doccount n = ids_ ? static_cast<Xapian::doccount>(ids_->size()) : 0;
    set_maxweight(0);
    termfreq_ = n;
  }
  Xapian::doccount get_termfreq_min() const override { return termfreq_; }
  Xapian::doccount get_termfreq_est() const override { return termfreq_; }
  Xapian::doccount get_termfreq_max() const override { return termfreq_; }
  void next(double) override {
    if (started_) ++pos_;
    started_ = true;
  }
  void skip_to(Xapian::docid did, double) override {
    started_ = true;
    if (ids_ == nullptr) return;
    pos_ = static_cast<size_t>(std::lower_bound(ids_->begin() + pos_, ids_->end(), did) -
                               ids_->begin());
  }
  bool at_end() const override { return ids_ == nullptr || (started_ && pos_ >= ids_->size()); }
  Xapian::docid get_docid() const override { return (*ids_)[pos_]; }
  std::string get_description() const override { return "DocidWindow"; }

 private:
  std::shared_ptr<const Shared> shared_;
  const std::vector<Xapian::docid>* ids_ = nullptr;
  size_t pos_ = 0;
  bool started_ = false;
  Xapian::doccount termfreq_ = 0;
};

}  // namespace

std::optional<Xapian::Query> DocidWindow(const Xapian::Database& db,
                                         std::vector<Xapian::docid> docids) {
  auto shared = std::make_shared<DocidWindowSource::Shared>();
  const size_t n = db.size();
  if (n == 0) return std::nullopt;
  // One UUID per database, each distinct (36 characters each, joined by a
  // separator when there are several).
  const std::string all = db.get_uuid();
  constexpr size_t kUuid = 36;
  if (all.size() != n * kUuid + (n - 1)) return std::nullopt;
  for (size_t i = 0; i < n; ++i) shared->uuids.push_back(all.substr(i * (kUuid + 1), kUuid));
  std::vector<std::string> sorted = shared->uuids;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) return std::nullopt;
  shared->local.resize(n);
  std::sort(docids.begin(), docids.end());
  for (Xapian::docid d : docids) {
    if (d == 0) continue;
    shared->local[(d - 1) % n].push_back(static_cast<Xapian::docid>((d - 1) / n + 1));
  }
  return Xapian::Query((new DocidWindowSource(std::move(shared)))->release());
}

std::string ArticleIdTerm(const Xapian::Database& db, Xapian::docid did) {
  // The id in the hit fields is a value lookup, where a term list is
  // inflated whole (10 to 15 us a Reuters story). Documents written
  // before the hit fields existed have only the term list to go by.
  const std::string hit =
      db.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotHitFields);
  if (!hit.empty()) {
    if (const std::optional<StoredFields> f = ParseFields(hit); f && !f->id.empty())
      return std::string(schema::kId) + ShortKey(f->id);
  }
  return schema::TermWithPrefix(db.termlist_begin(did), db.termlist_end(did), schema::kId);
}

std::vector<std::pair<std::string, double>> TradExpandSet(
    const Xapian::Database& db, const std::vector<Xapian::docid>& docs,
    const Xapian::ExpandDecider& decider, const std::set<std::string>& exclude,
    unsigned want) {
  if (want == 0 || docs.empty()) return {};
  struct Candidate {
    std::string term;
    double multiplier = 0;
    Xapian::doccount r = 0;
    double bound = 0;
  };
  const Xapian::doccount dbsize = db.get_doccount();
  // An RSet: each document once, in ascending order.
  std::vector<Xapian::docid> ids = docs;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  const auto rsize = static_cast<Xapian::doccount>(ids.size());
  const double avlen = db.get_avlength();
  constexpr double k = 1.0;  // Xapian's expand_k for "trad"
  // TradEWeight::get_weight, in its order of operations.
  auto weight = [&](double multiplier, Xapian::doccount r, Xapian::doccount n) {
    const double reldocs_without_term = rsize - r;
    const double num = (r + 0.5) * (dbsize - n - reldocs_without_term + 0.5);
    const double denom = (n - r + 0.5) * (reldocs_without_term + 0.5);
    return multiplier * std::log(num / denom);
  };

  std::unordered_map<std::string, size_t> index;  // term -> candidate
  std::vector<Candidate> cands;
  // Per document: (candidate, its share of the candidate's multiplier).
  std::vector<std::vector<std::pair<size_t, double>>> shares(ids.size());
  std::vector<size_t> sizes(ids.size(), 0);
  for (size_t i = 0; i < ids.size(); ++i) {
    const double doclen = db.get_doclength(ids[i]);
    for (auto t = db.termlist_begin(ids[i]); t != db.termlist_end(ids[i]); ++t) {
      ++sizes[i];
      std::string term = *t;
      if (!decider(term) || exclude.count(term)) continue;
      Xapian::termcount wdf = t.get_wdf();
      if (wdf == 0) wdf = 1;  // as Xapian: a boolean term counts once
      auto [it, fresh] = index.try_emplace(term, cands.size());
      if (fresh) cands.push_back({std::move(term)});
      shares[i].emplace_back(it->second, (k + 1) * wdf / (k * doclen / avlen + wdf));
    }
  }
  for (size_t i : ExpandSumOrder(sizes)) {
    for (const auto& [c, share] : shares[i]) {
      cands[c].multiplier += share;
      ++cands[c].r;
    }
  }
  for (Candidate& c : cands) c.bound = weight(c.multiplier, c.r, c.r);
  // Highest bound first (a heap: most candidates are never taken out).
  auto lower_bound_first = [](const Candidate& a, const Candidate& b) {
    return a.bound != b.bound ? a.bound < b.bound : a.term > b.term;
  };
  std::make_heap(cands.begin(), cands.end(), lower_bound_first);

  using Item = std::pair<std::string, double>;
  auto better = [](const Item& a, const Item& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  std::vector<Item> best;  // best first
  std::vector<double> weighed;
  for (auto end = cands.end(); end != cands.begin(); --end) {
    std::pop_heap(cands.begin(), end, lower_bound_first);
    const Candidate& c = *(end - 1);
    if (c.bound <= 0) break;
    if (best.size() == want && c.bound < best.back().second) break;
    const double w = weight(c.multiplier, c.r, db.get_termfreq(c.term));
    weighed.push_back(w);
    if (w <= 0) continue;
    Item item(c.term, w);
    if (best.size() == want) {
      if (!better(item, best.back())) continue;
      best.pop_back();
    }
    best.insert(std::upper_bound(best.begin(), best.end(), item, better), std::move(item));
  }
  // Terms that tie with the last one taken, some in and some out: which
  // Xapian keeps depends on the order it meets every candidate in
  // (alphabetical), so do as it does, over all of them.
  if (best.size() == want && !best.empty()) {
    const double last = best.back().second;
    if (std::count(weighed.begin(), weighed.end(), last) >
        std::count_if(best.begin(), best.end(), [&](const Item& i) { return i.second == last; })) {
      std::sort(cands.begin(), cands.end(),
                [](const Candidate& a, const Candidate& b) { return a.term < b.term; });
      // Xapian's ExpandTerm order: by weight, equal weights by term, last first.
      auto before = [](const Item& a, const Item& b) {
        return a.second != b.second ? a.second > b.second : a.first > b.first;
      };
      best.clear();
      double min_wt = 0;
      bool is_heap = false;
      for (const Candidate& c : cands) {
        const double w = weight(c.multiplier, c.r, db.get_termfreq(c.term));
        if (w <= min_wt) continue;
        best.emplace_back(c.term, w);
        if (best.size() > want) {
          if (!is_heap) {
            is_heap = true;
            std::make_heap(best.begin(), best.end(), before);
          } else {
            std::push_heap(best.begin(), best.end(), before);
          }
          std::pop_heap(best.begin(), best.end(), before);
          best.pop_back();
          min_wt = best.front().second;
        }
      }
      if (is_heap) std::sort_heap(best.begin(), best.end(), before);
      else std::sort(best.begin(), best.end(), before);
      return best;
    }
  }
  // Xapian's order: equal weights by term, last first.
  std::stable_sort(best.begin(), best.end(), [](const Item& a, const Item& b) {
    return a.second != b.second ? a.second > b.second : a.first > b.first;
  });
  return best;
}

namespace {

// A query searched in several languages' ways (ParsedQuery::parses): an OR
// of branches, each filtered by or excluding language terms.
bool LanguageBranches(const Xapian::Query& q) {
  if (q.get_type() != Xapian::Query::OP_OR || q.get_num_subqueries() < 2) return false;
  for (size_t k = 0; k < q.get_num_subqueries(); ++k) {
    const Xapian::Query branch = q.get_subquery(k);
    const auto type = branch.get_type();
    if ((type != Xapian::Query::OP_FILTER && type != Xapian::Query::OP_AND_NOT) ||
        branch.get_num_subqueries() < 2)
      return false;
    const Xapian::Query language = branch.get_subquery(branch.get_num_subqueries() - 1);
    auto t = language.get_unique_terms_begin();
    if (t == language.get_unique_terms_end()) return false;
    for (; t != language.get_unique_terms_end(); ++t)
      if (!(*t).starts_with(schema::kLanguage)) return false;
  }
  return true;
}

// Distinct words of a query: its stems and unstemmed words, not the terms
// of field filters (an upper-case prefix other than the stems' Z); of a
// query searched in several languages' ways, those of its largest branch.
size_t QueryWords(const Xapian::Query& query) {
  Xapian::Query q = query;
  while (q.get_type() == Xapian::Query::OP_AND_MAYBE) q = q.get_subquery(0);  // boosts
  if (LanguageBranches(q)) {
    size_t most = 0;
    for (size_t k = 0; k < q.get_num_subqueries(); ++k)
      most = std::max(most, QueryWords(q.get_subquery(k)));
    return most;
  }
  std::set<std::string, std::less<>> words;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const std::string whole = *t;  // (the iterator gives a temporary)
    std::string_view term = whole;
    if (term.starts_with('Z')) term.remove_prefix(1);  // a stem
    if (term.empty() || IsUpperAscii(term.front())) continue;  // a field's term
    words.emplace(term);
  }
  return words.size();
}

}  // namespace

Xapian::Query Expand(const Xapian::Database& db, const Xapian::Query& query,
                     const RankingOptions& o, std::string_view folded) {
  if (o.prf_docs == 0 || o.prf_terms == 0 || o.prf_weight <= 0 ||
      query.empty() || QueryWords(query) < o.prf_min_words) {
    return query;
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  if (o.prf_prox > 0 && !folded.empty()) {
    RankingOptions first = o;
    first.prox = o.prf_prox;
    first.prox_window = o.prf_prox_window;
    first.entity = 0;
    first.exact = 0;
    enquire.set_query(AddBoosts(db, query, folded, first));
  }
  auto scheme = MakeWeight(o);
  enquire.set_weighting_scheme(*scheme);
  std::vector<FeedbackDoc> top = FeedbackDocs(db, enquire, o.prf_docs);
  if (top.empty()) return query;
  if (o.prf_reg && o.reg > 0) {
    // The feedback documents: the best after regularising the first pass.
    // (RM3 then weighs them alike.)
    RankingOptions first = o;
    first.reg_top = std::max(o.reg_top, o.prf_docs);
    Xapian::Enquire chosen(db);
    chosen.set_query(Regularise(db, query, first));
    chosen.set_weighting_scheme(*scheme);
    top = FeedbackDocs(db, chosen, o.prf_docs);
  }
  FeedbackTerms decider(o.stem_all);
  decider.RequireDocs(db, top, o.prf_min_docs);
  // (term, weight), best first.
  std::vector<std::pair<std::string, double>> picked;
  std::vector<Xapian::docid> ids;
  for (const FeedbackDoc& d : top) ids.push_back(d.id);
  if (o.prf_scheme == "lca" || o.prf_scheme == "passage") {
    picked = PassageFeedback(db, ids, query, o, decider);
  } else if (o.prf_scheme == "rocchio") {
    // Rocchio: the centroid of the feedback documents' unit tf-idf vectors
    // (1 + log wdf) * log(N / df) over their stemmed words.
    std::set<std::string> in_query(query.get_terms_begin(),
                                   query.get_terms_end());
    const double docs = db.get_doccount();
    std::map<std::string, double> centroid;
    for (const FeedbackDoc& d : top) {
      std::vector<std::pair<std::string, double>> vec;
      double norm = 0;
      for (auto t = db.termlist_begin(d.id); t != db.termlist_end(d.id); ++t) {
        if (!decider(*t)) continue;
        const double df = std::max<double>(1, db.get_termfreq(*t));
        const double w = (1 + std::log(std::max<double>(1, t.get_wdf()))) *
                         std::log(std::max(1.0, docs / df));
        vec.emplace_back(*t, w);
        norm += w * w;
      }
      norm = std::sqrt(norm);
      for (const auto& [term, w] : vec) {
        if (!o.prf_query && in_query.count(term)) continue;
        if (norm > 0) centroid[term] += w / norm / top.size();
      }
    }
    picked.assign(centroid.begin(), centroid.end());
    std::sort(picked.begin(), picked.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (picked.size() > o.prf_terms) picked.resize(o.prf_terms);
  } else if (o.prf_scheme == "rm3") {
    // Relevance model (RM3): P(t|R) = sum over the feedback documents of
    // P(t|D) (wdf / length) times the document's share of their weight.
    std::set<std::string> in_query(query.get_terms_begin(),
                                   query.get_terms_end());
    double total = 0;
    for (const FeedbackDoc& d : top) total += d.weight;
    std::map<std::string, double> model;
    for (const FeedbackDoc& d : top) {
      const double share = total > 0 ? d.weight / total : 1.0 / top.size();
      const double len = std::max<double>(1, db.get_doclength(d.id));
      for (auto t = db.termlist_begin(d.id); t != db.termlist_end(d.id); ++t) {
        if (!decider(*t)) continue;
        if (!o.prf_query && in_query.count(*t)) continue;
        model[*t] += share * t.get_wdf() / len;
      }
    }
    picked.assign(model.begin(), model.end());
    std::sort(picked.begin(), picked.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (picked.size() > o.prf_terms) picked.resize(o.prf_terms);
  } else if (o.prf_scheme == "trad" && !o.prf_query) {
    const Xapian::Query& asked = enquire.get_query();
    const std::set<std::string> exclude(asked.get_terms_begin(), asked.get_terms_end());
    picked = TradExpandSet(db, ids, decider, exclude, o.prf_terms);
  } else {
    // Bo1, Xapian's own "trad" (`prf_scheme=xapian-trad`, which the one
    // above is checked against) and expand sets with the query's terms.
    Xapian::RSet rset;
    for (Xapian::docid d : ids) rset.add_document(d);
    enquire.set_expansion_scheme(o.prf_scheme == "bo1" ? "bo1" : "trad");
    // Exact term frequencies: over several databases (shards, remote or
    // local) Xapian would otherwise estimate them, and feedback would rank
    // differently from one database holding the same articles.
    Xapian::ESet eset = enquire.get_eset(
        o.prf_terms, rset,
        Xapian::Enquire::USE_EXACT_TERMFREQ |
            (o.prf_query ? Xapian::Enquire::INCLUDE_QUERY_TERMS : 0),
        &decider);
    for (auto it = eset.begin(); it != eset.end(); ++it) {
      picked.emplace_back(*it, it.get_weight());
    }
  }
  if (picked.empty()) return query;
  if (o.prf_idf) {
    const double docs = db.get_doccount();
    for (auto& [term, weight] : picked) {
      const double tf = std::max<double>(1, db.get_termfreq(term));
      weight *= std::log(1.0 + (docs - tf + 0.5) / (tf + 0.5));
    }
    const double best = std::max_element(picked.begin(), picked.end(),
                                         [](const auto& a, const auto& b) {
                                           return a.second < b.second;
                                         })->second;
    for (auto& [term, weight] : picked) {
      weight = std::min(weight, o.prf_cap * best);
    }
  }
  double top_weight = 0;
  for (const auto& p : picked) top_weight = std::max(top_weight, p.second);
  std::vector<Xapian::Query> terms;
  for (const auto& [term, weight] : picked) {
    double w = o.prf_flat || top_weight <= 0 ? 1.0 : weight / top_weight;
    terms.emplace_back(w, Xapian::Query(term));
  }
  return Xapian::Query(
      Xapian::Query::OP_AND_MAYBE, query,
      Xapian::Query(o.prf_weight, Xapian::Query(Xapian::Query::OP_OR,
                                                terms.begin(), terms.end())));
}

}  // namespace newsarc::internal
