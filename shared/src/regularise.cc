#include "regularise.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "schema.h"

namespace newsarc::internal {
namespace {

// A hit of a first pass and its regularisation bonus.
struct RegHit {
  Xapian::docid docid;
  double weight;
  double bonus = 0;
  std::string id_term;  // the article's unique key term, "" if none
};

// The top `top` hits of `query` with their regularisation bonuses
// (RankingOptions::reg), in the first pass's order.
std::vector<RegHit> RegulariseHits(const Xapian::Database& db,
                                   const Xapian::Query& query,
                                   const RankingOptions& o, unsigned top) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  auto weight = MakeWeight(o);
  enquire.set_weighting_scheme(*weight);
  Xapian::MSet mset = enquire.get_mset(0, top);
  std::vector<RegHit> hits;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    hits.push_back({*it, it.get_weight(), 0, {}});
  }
  if (hits.size() < 2 || o.reg <= 0 || o.reg_k == 0) return hits;
  // Unit tf-idf vectors over the stemmed words (the feedback terms'
  // selection), sorted by term as the term lists are.
  const double docs = db.get_doccount();
  std::map<std::string, double> idf;
  std::vector<std::vector<std::pair<std::string, double>>> vecs(hits.size());
  for (size_t i = 0; i < hits.size(); ++i) {
    double norm = 0;
    for (auto t = db.termlist_begin(hits[i].docid);
         t != db.termlist_end(hits[i].docid); ++t) {
      const std::string& term = *t;
      if (term.starts_with(schema::kId) && hits[i].id_term.empty()) {
        hits[i].id_term = term;
        continue;
      }
      if (!IsFeedbackWord(term, o.stem_all)) continue;
      auto [f, fresh] = idf.try_emplace(term, 0.0);
      if (fresh) {
        const double df = std::max<double>(1, db.get_termfreq(term));
        f->second = std::log(std::max(1.0, docs / df));
      }
      const double w =
          (1 + std::log(std::max<double>(1, t.get_wdf()))) * f->second;
      if (w <= 0) continue;
      vecs[i].emplace_back(term, w);
      norm += w * w;
    }
    norm = std::sqrt(norm);
    for (auto& [term, w] : vecs[i]) w /= norm > 0 ? norm : 1;
  }
  std::vector<std::vector<double>> sim(hits.size(),
                                       std::vector<double>(hits.size(), 0.0));
  for (size_t i = 0; i < hits.size(); ++i) {
    for (size_t j = i + 1; j < hits.size(); ++j) {
      double dot = 0;
      auto a = vecs[i].begin(), b = vecs[j].begin();
      while (a != vecs[i].end() && b != vecs[j].end()) {
        if (a->first < b->first)
          ++a;
        else if (b->first < a->first)
          ++b;
        else
          dot += (a++)->second * (b++)->second;
      }
      sim[i][j] = sim[j][i] = dot;
    }
  }
  for (size_t i = 0; i < hits.size(); ++i) {
    // The reg_k most similar other hits (ties: the better ranked).
    std::vector<size_t> others;
    for (size_t j = 0; j < hits.size(); ++j) {
      if (j != i && sim[i][j] > 0) others.push_back(j);
    }
    const size_t k = std::min<size_t>(o.reg_k, others.size());
    std::partial_sort(others.begin(), others.begin() + k, others.end(),
                      [&](size_t a, size_t b) {
                        return sim[i][a] != sim[i][b] ? sim[i][a] > sim[i][b]
                                                      : a < b;
                      });
    double num = 0, den = 0;
    for (size_t n = 0; n < k; ++n) {
      num += sim[i][others[n]] * hits[others[n]].weight;
      den += sim[i][others[n]];
    }
    if (den > 0) hits[i].bonus = o.reg * num / den;
  }
  return hits;
}

}  // namespace

Xapian::Query Regularise(const Xapian::Database& db, const Xapian::Query& query,
                         const RankingOptions& o) {
  if (o.reg <= 0 || o.reg_top < 2 || o.reg_k == 0 || query.empty())
    return query;
  std::vector<Xapian::Query> bonuses;
  for (const RegHit& h : RegulariseHits(db, query, o, o.reg_top)) {
    if (h.bonus <= 0 || h.id_term.empty()) continue;
    bonuses.emplace_back(
        Xapian::Query::OP_FILTER,
        Xapian::Query(
            (new Xapian::FixedWeightPostingSource(h.bonus))->release()),
        Xapian::Query(h.id_term));
  }
  if (bonuses.empty()) return query;
  return Xapian::Query(
      Xapian::Query::OP_AND_MAYBE, query,
      Xapian::Query(Xapian::Query::OP_OR, bonuses.begin(), bonuses.end()));
}

}  // namespace newsarc::internal
