#include "spelling.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <vector>

#include "newsarc/normalizer.h"
#include "query_parser.h"

namespace newsarc::internal {
namespace {

// A word this rare (articles) counts as a possible misspelling when the
// query finds little; the suggestion must then be this many times as common.
constexpr Xapian::doccount kRare = 2;
constexpr Xapian::doccount kRareFactor = 20;
// Closest candidates tried against the rest of the query.
constexpr size_t kMaxCandidates = 50;
// Bounds on the work for one query: longer queries get no suggestion, and
// at most this many words are corrected (each scans part of the term list).
constexpr size_t kMaxQueryWords = 64;
constexpr size_t kMaxCorrections = 8;
// Articles counted exactly for a candidate with the other words.
constexpr Xapian::doccount kContextCheck = 1000;

// A folded word we can correct: letters only (ASCII a-z or non-ASCII).
bool IsPlainWord(std::string_view w) {
  if (w.size() < 3) return false;
  for (char c : w) {
    auto u = static_cast<unsigned char>(c);
    if (!((u >= 'a' && u <= 'z') || u >= 0x80)) return false;
  }
  return true;
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Gives `word` the capitalisation of `like`: all capitals, or a capital
// first letter (ASCII; other letters stay as folded).
std::string MatchCase(std::string word, std::string_view like) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  bool all = like.size() > 1 && std::none_of(like.begin(), like.end(), lower) &&
             std::any_of(like.begin(), like.end(), upper);
  if (all) {
    for (char& c : word)
      if (lower(c)) c = static_cast<char>(c - 'a' + 'A');
  } else if (!like.empty() && upper(like[0]) && !word.empty() && lower(word[0])) {
    word[0] = static_cast<char>(word[0] - 'a' + 'A');
  }
  return word;
}

// Articles with a term: from the search's own statistics when it searched
// the term, else from the index.
class TermFrequencies {
 public:
  TermFrequencies(const Xapian::Database& db, const Xapian::MSet* searched)
      : db_(db), searched_(searched) {}
  Xapian::doccount operator()(const std::string& term) const {
    return searched_ ? searched_->get_termfreq(term) : db_.get_termfreq(term);
  }

 private:
  const Xapian::Database& db_;
  const Xapian::MSet* searched_;
};

// Articles with `word` as it is, else with its stem (by the first of
// `stems` that some article has). When only whether the word is known
// matters (`known_only`), the stems, which queries search and the search's
// statistics therefore hold, are asked first, and any count above 0 may
// come back.
Xapian::doccount Frequency(const TermFrequencies& freq, const std::vector<Xapian::Stem>& stems,
                           const std::string& word, bool known_only) {
  Xapian::doccount f = known_only ? 0 : freq(word);
  for (size_t k = 0; f == 0 && k < stems.size(); ++k) f = freq("Z" + stems[k](word));
  if (f == 0 && known_only) f = freq(word);
  return f;
}

// How strongly a candidate goes with the query's other words: articles
// with both, times the share of the candidate's articles that have them.
double Affinity(Xapian::doccount with_context, Xapian::doccount freq) {
  return freq == 0 ? 0.0
                   : static_cast<double>(with_context) * with_context / freq;
}

}  // namespace

size_t UnreachablePrefix(std::string_view word, std::string_view term, size_t max,
                         size_t* distance) {
  // The table of EditDistance with a row per byte of `term`: row i holds
  // the distances from term[0, i) to each prefix of `word`. A row whose
  // every entry exceeds `max` stays beyond reach for every longer prefix of
  // the term (each entry of the next row adds at least one edit to an entry
  // of this row, or, through a transposition, to one of the row before,
  // which is within one edit of an entry of this row). PrefixDistance
  // computes it; a walk keeps one for all its terms.
  return PrefixDistance(word, max).Reach(term, distance);
}

size_t EditDistance(std::string_view a, std::string_view b, size_t max) {
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > max) return max + 1;
  size_t d = 0;
  UnreachablePrefix(a, b, max, &d);
  return d;
}

PrefixDistance::PrefixDistance(std::string_view word, size_t max) : word_(word), max_(max) {
  // Cells beyond `max` of the diagonal (|i - j| > max) hold at least max + 1
  // and are never computed: they stay max + 1, which decides every
  // comparison with `max` as their own value would (Ukkonen's band).
  rows_.assign(word_.size() + 1, max_ + 1);
  for (size_t j = 0; j <= std::min(word_.size(), max_); ++j) rows_[j] = j;
}

size_t PrefixDistance::Reach(std::string_view term, size_t* distance) {
  // The table's rows (UnreachablePrefix), each row i from rows i - 1 and
  // i - 2 and term[0, i): rows up to the bytes shared with last_ stand.
  const size_t m = word_.size(), width = m + 1;
  size_t shared = 0;
  const size_t most = std::min(held_, term.size());
  while (shared < most && term[shared] == last_[shared]) ++shared;
  if (dead_ && shared == held_) {
    *distance = max_ + 1;
    return held_;
  }
  last_.resize(term.size());
  std::copy(term.begin() + shared, term.end(), last_.begin() + shared);
  dead_ = false;
  if (rows_.size() < (term.size() + 1) * width)
    rows_.resize((term.size() + 1) * width, max_ + 1);
  for (size_t i = shared + 1; i <= term.size(); ++i) {
    const size_t* prev = &rows_[(i - 1) * width];
    const size_t* prev2 = i > 1 ? &rows_[(i - 2) * width] : nullptr;
    size_t* cur = &rows_[i * width];
    size_t row_min = max_ + 1;
    if (i <= max_) row_min = cur[0] = i;
    const size_t last = std::min(m, i + max_);
    for (size_t j = i > max_ ? i - max_ : 1; j <= last; ++j) {
      size_t cost = term[i - 1] == word_[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (prev2 && j > 1 && term[i - 1] == word_[j - 2] && term[i - 2] == word_[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > max_) {
      held_ = i;
      dead_ = true;
      *distance = max_ + 1;
      return i;
    }
  }
  held_ = term.size();
  *distance = std::min(rows_[term.size() * width + m], max_ + 1);
  return 0;
}

void ForTermsWithin(
    const Xapian::Database& db, std::string_view word, const std::string& prefix, size_t max,
    const std::function<void(const std::string&, size_t, Xapian::doccount)>& visit) {
  // The term list is the keys of the posting-list table, so stepping
  // through it term by term reads every posting list under the prefix (on
  // 1,000,000 synthetic articles, some 3,300 more 8 KB blocks a misspelt
  // search than this walk). Instead it jumps past each prefix out of reach,
  // and from a term to the next past the further chunks of its posting list.
  Xapian::TermIterator it = db.allterms_begin(prefix);
  const Xapian::TermIterator end = db.allterms_end(prefix);
  PrefixDistance reach(word, max);
  while (it != end) {
    const std::string term = *it;
    size_t d = 0;
    if (size_t dead = reach.Reach(term, &d); dead != 0) {
      // The first term after those starting with term[0, dead): that
      // prefix with its last byte raised (bytes 0xff dropped first).
      std::string next = term.substr(0, dead);
      while (!next.empty() && static_cast<unsigned char>(next.back()) == 0xff) next.pop_back();
      if (next.size() < prefix.size()) break;  // past the prefix
      next.back() = static_cast<char>(static_cast<unsigned char>(next.back()) + 1);
      it.skip_to(next);
      continue;
    }
    if (d <= max && term != word) visit(term, d, it.get_termfreq());
    // A term's further chunks are keyed by the term, a zero byte and a
    // document id, below the key of the term followed by a zero byte (which
    // glass writes as zero, 0xff) and of any longer term.
    it.skip_to(term + '\0');
  }
}

void ForWordsWithin(
    const std::vector<Vocabulary::Word>& words, std::string_view word, size_t max,
    const std::function<void(const std::string&, size_t, Xapian::doccount)>& visit) {
  // As ForTermsWithin, over a list in memory.
  auto it = words.begin();
  PrefixDistance reach(word, max);
  while (it != words.end()) {
    size_t d = 0;
    if (size_t dead = reach.Reach(it->term, &d); dead != 0) {
      // Every word starting with term[0, dead) is out of reach. They follow
      // this one, usually a few: galloping finds their end in a few probes.
      const std::string_view out = std::string_view(it->term).substr(0, dead);
      auto starts = [out](const Vocabulary::Word& w) {
        return std::string_view(w.term).starts_with(out);
      };
      auto from = it + 1, to = words.end();  // the end lies in [from, to]
      for (ptrdiff_t step = 1; step <= to - from; step *= 2) {
        if (!starts(from[step - 1])) {
          to = from + step - 1;
          break;
        }
        from += step;
      }
      it = std::partition_point(from, to, starts);
      continue;
    }
    if (d <= max && it->term != word) visit(it->term, d, it->freq);
    ++it;
  }
}

void Vocabulary::Revise(const std::vector<Xapian::rev>& revisions) {
  if (revisions == revisions_ && !revisions.empty()) return;
  revisions_ = revisions;
  asked_.clear();
  lists_.clear();
  words_ = 0;
}

const std::vector<Vocabulary::Word>* Vocabulary::Words(const Xapian::Database& db,
                                                       const std::string& initial) {
  if (revisions_.empty()) return nullptr;
  if (auto held = lists_.find(initial); held != lists_.end()) return &held->second;
  if (words_ >= kMaxWords || asked_.insert(initial).second) return nullptr;
  std::vector<Word> words;
  for (auto it = db.allterms_begin(initial); it != db.allterms_end(initial); ++it)
    words.push_back({*it, it.get_termfreq()});
  words_ += words.size();
  return &lists_.emplace(initial, std::move(words)).first->second;
}

std::string ClosestTerm(const Xapian::Database& db, std::string_view word,
                        Xapian::doccount min_freq,
                        const std::vector<std::string>& context,
                        Vocabulary* vocabulary) {
  if (word.empty()) return "";
  // Within one edit for short words, and for known words (min_freq > 1):
  // a rare real word is only taken for a slip of the finger.
  const size_t max = Utf8Length(word) <= 4 || min_freq > 1 ? 1 : 2;
  // The first character, whole (UTF-8).
  size_t first = 1;
  while (first < word.size() &&
         (static_cast<unsigned char>(word[first]) & 0xC0) == 0x80)
    ++first;
  const std::string prefix(word.substr(0, first));
  struct Candidate {
    std::string term;
    size_t distance;
    Xapian::doccount freq;
    Xapian::doccount with_context = 0;
  };
  std::vector<Candidate> candidates;
  const auto keep = [&](const std::string& term, size_t d, Xapian::doccount f) {
    if (f >= min_freq) candidates.push_back({term, d, f});
  };
  if (const auto* words = vocabulary ? vocabulary->Words(db, prefix) : nullptr)
    ForWordsWithin(*words, word, max, keep);
  else
    ForTermsWithin(db, word, prefix, max, keep);
  auto closer = [](const Candidate& a, const Candidate& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    if (a.freq != b.freq) return a.freq > b.freq;
    return a.term < b.term;
  };
  std::sort(candidates.begin(), candidates.end(), closer);
  if (candidates.size() > kMaxCandidates) candidates.resize(kMaxCandidates);
  if (candidates.empty()) return "";
  if (context.empty()) return min_freq > 1 ? "" : candidates.front().term;
  // The candidate that goes best with the other words of the query: one
  // that finds articles with them beats one that does not ("Rud WhatsApp":
  // "rudd", not the more frequent "run"). Candidates come nearest first,
  // and one that goes with them beats every farther one, so once one has,
  // the farther ones are not counted (each count is a search).
  size_t fits_at = SIZE_MAX;  // distance of the nearest candidate found to fit
  for (Candidate& c : candidates) {
    if (c.distance > fits_at) break;
    std::vector<Xapian::Query> words;
    for (const std::string& w : context) words.emplace_back(w);
    words.emplace_back(c.term);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    c.with_context = enquire.get_mset(0, 0, kContextCheck).get_matches_estimated();
    if (c.with_context > 0) fits_at = c.distance;
  }
  auto best = std::min_element(candidates.begin(), candidates.end(),
                               [&](const Candidate& a, const Candidate& b) {
                                 bool ha = a.with_context > 0, hb = b.with_context > 0;
                                 if (ha != hb) return ha;
                                 if (a.distance != b.distance) return a.distance < b.distance;
                                 // Together often, and seldom apart: a
                                 // name the other words go with beats a
                                 // common word that merely meets them.
                                 double sa = Affinity(a.with_context, a.freq);
                                 double sb = Affinity(b.with_context, b.freq);
                                 if (sa != sb) return sa > sb;
                                 return closer(a, b);
                               });
  // A known but rare word is replaced only by one that fits the rest.
  if (min_freq > 1 && best->with_context == 0) return "";
  return best->term;
}

std::string SuggestQuery(std::string_view query, const Xapian::Database& db,
                         const std::vector<std::string>& stemmers, bool few_hits,
                         const Xapian::MSet* searched, Vocabulary* vocabulary) {
  const TermFrequencies freq(db, searched);
  std::vector<Xapian::Stem> stems;
  for (const std::string& name : stemmers) {
    try {
      stems.push_back(name.empty() ? Xapian::Stem() : Xapian::Stem(name));
    } catch (const Xapian::Error&) {
    }
  }
  struct Token {
    std::string_view lead, core, trail, space;
    std::string folded;            // "" if not a correctable word
    Xapian::doccount freq = 0;
    bool suspect = false;
  };
  std::vector<Token> tokens;
  // The value of a field written with a space (`speaker: rud`): left
  // alone, as `speaker:rud` is; a quoted one to its closing quote.
  bool field_value = false, in_value_quotes = false;
  size_t i = 0;
  while (i < query.size()) {
    size_t b = i;
    while (i < query.size() && query[i] != ' ' && query[i] != '\t') ++i;
    std::string_view token = query.substr(b, i - b);
    size_t s = i;
    while (i < query.size() && (query[i] == ' ' || query[i] == '\t')) ++i;
    // Keep the punctuation around a word: quotes, brackets, +/-.
    size_t lead = 0, trail = 0;
    while (lead < token.size() && std::string_view("\"(+-").find(token[lead]) != std::string_view::npos)
      ++lead;
    while (trail + lead < token.size() &&
           std::string_view("\"),.;?!").find(token[token.size() - 1 - trail]) != std::string_view::npos)
      ++trail;
    Token t;
    t.lead = token.substr(0, lead);
    t.core = token.substr(lead, token.size() - lead - trail);
    t.trail = token.substr(token.size() - trail);
    t.space = query.substr(s, i - s);
    const bool odd_quotes = std::count(token.begin(), token.end(), '"') % 2 == 1;
    bool value = false;
    if (field_value) {
      value = true;
      in_value_quotes = token.starts_with('"') && odd_quotes;
    } else if (in_value_quotes) {
      value = true;
      in_value_quotes = !odd_quotes;
    }
    field_value = IsBareField(token);
    if (!value && !t.core.empty() && !IsOperator(t.core) &&
        t.core.find_first_of(":*") == std::string_view::npos) {
      std::string folded = FoldText(t.core);
      if (IsPlainWord(folded)) {
        t.folded = std::move(folded);
        // With enough hits only unknown words are suspect: whether a
        // word is known is all that matters then.
        t.freq = Frequency(freq, stems, t.folded, !few_hits);
        t.suspect = t.freq == 0 || (few_hits && t.freq <= kRare);
      }
    }
    tokens.push_back(std::move(t));
    if (tokens.size() > kMaxQueryWords) return "";
  }
  if (std::none_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.suspect; }))
    return "";
  std::vector<std::string> context;
  for (const Token& t : tokens)
    if (!t.folded.empty() && freq(t.folded) > 0) context.push_back(t.folded);

  std::string out;
  bool changed = false;
  size_t tried = 0;
  for (const Token& t : tokens) {
    std::string replacement;
    if (t.suspect && tried++ < kMaxCorrections) {
      std::vector<std::string> others = context;
      std::erase(others, t.folded);
      replacement = ClosestTerm(db, t.folded, t.freq == 0 ? 1 : t.freq * kRareFactor,
                                others, vocabulary);
    }
    out.append(t.lead);
    if (!replacement.empty()) {
      out += MatchCase(replacement, t.core);
      changed = true;
    } else {
      out.append(t.core);
    }
    out.append(t.trail);
    out.append(t.space);
  }
  return changed ? out : "";
}

}  // namespace newsarc::internal
