#include "snippets.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "ascii.h"
#include "initialisms.h"
#include "newsarc/normalizer.h"
#include "schema.h"
#include "segment.h"

namespace newsarc::internal {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …

// Scripts Xapian splits into n-grams (FLAG_CJK_NGRAM): every character is a
// word of its own here.
bool IsCjk(UChar32 c) {
  if (c < 0x80) return false;
  if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return true;
  UErrorCode unused = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &unused);
  return script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
         script == USCRIPT_HANGUL;
}

// IsWordChar for ASCII: letters, digits and the connector '_' (a table:
// SplitWords asks it of every byte of a text).
constexpr std::array<bool, 128> kAsciiWordChars = [] {
  std::array<bool, 128> t{};
  for (int c = 0; c < 128; ++c)
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_';
  return t;
}();

bool IsAsciiWordChar(UChar32 c) { return c >= 0 && c < 128 && kAsciiWordChars[c]; }

bool IsWordChar(UChar32 c) {
  if (c < 0) return false;
  if (c < 0x80) return IsAsciiWordChar(c);
  if (u_isalnum(c)) return true;
  int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
         type == U_ENCLOSING_MARK || type == U_CONNECTOR_PUNCTUATION;
}

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

struct Word {
  size_t begin = 0, end = 0;  // bytes
  size_t cp = 0, cp_end = 0;  // code points
  int term = -1;              // index of the matched query term, -1 if none
  // A phrase match starts here and ends at word run_end (inclusive).
  size_t run_end = SIZE_MAX;
  bool in_run = false;        // inside a phrase match, after its first word
};

// Whether the character at byte i of s[0, n) is a letter that lets an
// apostrophe before it join a word ("Masood’s").
bool LetterAt(const uint8_t* s, int32_t i, int32_t n) {
  if (i >= n) return false;
  if (s[i] < 0x80) return IsAsciiLetter(static_cast<char>(s[i]));
  UChar32 c;
  U8_NEXT(s, i, n, c);
  return c >= 0 && u_isalpha(c) && !IsCjk(c);
}

std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  words.reserve(text.size() / 6 + 1);  // about a word per six bytes of news
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  size_t cp = 0;
  bool in_word = false;
  auto extend = [&](int32_t start, int32_t end, size_t cps) {
    if (!in_word) words.push_back({static_cast<size_t>(start), 0, cp, 0});
    in_word = true;
    cp += cps;
    words.back().end = static_cast<size_t>(end);
    words.back().cp_end = cp;
  };
  while (i < n) {
    if (s[i] < 0x80) {  // ASCII, most of most texts: whole runs, no ICU call
      if (kAsciiWordChars[s[i]]) {
        int32_t j = i + 1;
        while (j < n && s[j] < 0x80 && kAsciiWordChars[s[j]]) ++j;
        // "U.S." is one word, "us" to Match (initialisms.h), as indexed.
        if (j == i + 1 && j < n && s[j] == '.' && !in_word) {
          if (const size_t length = InitialismAt(text, static_cast<size_t>(i)))
            j = i + static_cast<int32_t>(length);
        }
        extend(i, j, static_cast<size_t>(j - i));
        i = j;
      } else if (in_word && s[i] == '\'' && LetterAt(s, i + 1, n)) {
        extend(i, i + 1, 1);  // an inner apostrophe
        ++i;
      } else {
        in_word = false;
        ++i;
        ++cp;
      }
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0x2E80 && IsCjk(c)) {  // a word of its own
      words.push_back({static_cast<size_t>(start), static_cast<size_t>(i), cp, cp + 1});
      in_word = false;
      ++cp;
    } else if (IsWordChar(c) || (in_word && IsApostrophe(c) && LetterAt(s, i, n))) {
      extend(start, i, 1);
    } else {
      in_word = false;
      ++cp;
    }
  }
  return words;
}

// Words of Thai, Lao, Khmer or Myanmar, written without spaces, split
// where indexing splits them (segment.h), so that the query's words are
// found inside a run of them.
void SplitUnspaced(std::string_view text, std::vector<Word>& words) {
  if (!MayHoldUnspaced(text)) return;
  std::vector<Word> split;
  split.reserve(words.size());
  for (const Word& w : words) {
    const std::string_view word = text.substr(w.begin, w.end - w.begin);
    std::vector<size_t> breaks = WordBreaks(word);
    if (breaks.empty()) {
      split.push_back(w);
      continue;
    }
    breaks.push_back(word.size());
    size_t b = 0, cp = w.cp;
    for (size_t e : breaks) {
      // Code points: the bytes that do not continue one.
      const size_t cps = static_cast<size_t>(
          std::count_if(word.begin() + b, word.begin() + e,
                        [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
      split.push_back({w.begin + b, w.begin + e, cp, cp + cps});
      cp += cps;
      b = e;
    }
  }
  words = std::move(split);
}

bool IsSpaceOrControl(UChar32 c) {
  if (c < 0x80) return c <= 0x20 || c == 0x7F;  // ASCII: no ICU call
  return c <= 0x9F || u_isUWhiteSpace(c) || c == 0x2028 || c == 0x2029;
}

// Appends text[b, e) to `out` with white space and control characters
// collapsed into single spaces.
void AppendClean(std::string_view text, size_t b, size_t e, std::string& out) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = static_cast<int32_t>(b);
  const int32_t n = static_cast<int32_t>(e);
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (IsSpaceOrControl(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out.append(text.substr(start, i - start));
    }
  }
}

// Extends [b, e) over the punctuation glued to its first and last word
// ("(Rudd", "said."), stopping at white space and at other words.
void GlueNeighbours(std::string_view text, size_t& b, size_t& e) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = static_cast<int32_t>(b);
  while (i > 0) {
    int32_t p = i;
    UChar32 c;
    U8_PREV(s, 0, p, c);
    if (IsSpaceOrControl(c) || IsWordChar(c) || IsCjk(c)) break;
    i = p;
  }
  b = static_cast<size_t>(i);
  i = static_cast<int32_t>(e);
  while (i < n) {
    int32_t p = i;
    UChar32 c;
    U8_NEXT(s, p, n, c);
    if (IsSpaceOrControl(c) || IsWordChar(c) || IsCjk(c)) break;
    i = p;
  }
  e = static_cast<size_t>(i);
}

}  // namespace

SnippetTerms::SnippetTerms(const Xapian::Query& query,
                           const std::string& stemmer, bool entity_words)
    : entity_words_(entity_words) {
  if (!stemmer.empty()) {
    try {
      stemmer_ = Xapian::Stem(stemmer);
    } catch (const Xapian::Error&) {
      // Unknown stemmer: match exact words only.
    }
  }
  // Walk the query: leaf terms, phrases, wildcards. Wildcards are expanded
  // only by the matcher; Query shows them only in its description
  // ("WILDCARD SYNONYM encrypt").
  std::vector<Xapian::Query> todo = {query};
  std::vector<std::string> loose;  // leaf terms outside phrases
  while (!todo.empty()) {
    Xapian::Query q = todo.back();
    todo.pop_back();
    const auto type = q.get_type();
    if (type == Xapian::Query::LEAF_TERM) {
      if (q.get_terms_begin() != q.get_terms_end()) loose.push_back(*q.get_terms_begin());
      continue;
    }
    if (type == Xapian::Query::OP_PHRASE) {
      std::vector<std::string> phrase;
      bool plain = true;
      for (size_t k = 0; k < q.get_num_subqueries() && plain; ++k) {
        Xapian::Query sub = q.get_subquery(k);
        if (sub.get_type() != Xapian::Query::LEAF_TERM ||
            sub.get_terms_begin() == sub.get_terms_end()) {
          plain = false;
          break;
        }
        std::string term = *sub.get_terms_begin();
        size_t i = 0;
        while (i < term.size() && IsUpperAscii(term[i])) ++i;
        phrase.push_back(term.substr(i));
      }
      if (plain && phrase.size() > 1) {
        // Once each: a hyphenated word's phrase stands twice in its query
        // (JoinCompoundPhrases in query_parser.cc).
        if (std::find(phrases_.begin(), phrases_.end(), phrase) == phrases_.end())
          phrases_.push_back(std::move(phrase));
        continue;
      }
    }
    if (type == Xapian::Query::OP_WILDCARD) {
      std::string d = q.get_description();
      auto p = d.rfind(' ');
      if (p != std::string::npos && d.size() > p + 2) {
        std::string pattern = d.substr(p + 1, d.size() - p - 2);  // drop ')'
        size_t i = 0;
        while (i < pattern.size() && IsUpperAscii(pattern[i])) ++i;
        if (i == 0 || pattern.compare(0, i, "S") == 0) {
          wildcards_.push_back(pattern.substr(i));
        }
      }
    }
    for (size_t k = 0; k < q.get_num_subqueries(); ++k) {
      todo.push_back(q.get_subquery(k));
    }
  }
  for (const std::string& term : loose) AddTerm(term);
  if (stemmer == "english") {
    for (const std::string& stem : stems_) {
      const size_t key = std::clamp<size_t>(stem.size() - 1, 1, 3);
      stem_keys_.push_back(stem.substr(0, key));
    }
  }
  starts_ = stem_starts_;
  for (const std::string& w : words_) starts_.set(static_cast<unsigned char>(w[0]));
  for (const std::string& w : wildcards_) {
    if (w.empty()) starts_.set();  // "*": any word
    else starts_.set(static_cast<unsigned char>(w[0]));
  }
}

void SnippetTerms::AddTerm(const std::string& term) {
  size_t i = 0;
  while (i < term.size() && IsUpperAscii(term[i])) ++i;
  std::string_view prefix(term.data(), i);
  std::string word = term.substr(i);
  if (word.empty()) return;
  if (prefix.empty() || prefix == "S") {
    words_.insert(word);
  } else if (prefix == "Z" || prefix == "ZS") {
    stems_.insert(word);
    stem_starts_.set(static_cast<unsigned char>(word[0]));
  } else if (entity_words_ &&
             (prefix == schema::kSpeakerWord || prefix == schema::kOrgWord ||
              prefix == schema::kSpeaker || prefix == schema::kOrg)) {
    // speaker:/org: filters: show where the name occurs in the text.
    size_t b = 0;
    while (b < word.size()) {
      size_t e = word.find_first_of(" -", b);
      if (e == std::string::npos) e = word.size();
      if (e > b) words_.insert(word.substr(b, e - b));
      b = e + 1;
    }
  }
}

std::string SnippetTerms::Fold(std::string_view word) {
  if (!IsAscii(word)) return FoldText(word);
  std::string folded;
  folded.reserve(word.size());
  for (char c : word)
    if (c != '.') folded += LowerAscii(c);  // only an initialism's (SplitWords)
  return folded;
}

std::string SnippetTerms::Match(std::string_view word) const {
  // Most words are short and ASCII: folded on the stack, as Fold does.
  char buffer[64];
  // An ASCII first byte folds to itself in lower case (FoldText may change
  // any other: "É" -> "e").
  if (!word.empty() && static_cast<unsigned char>(word[0]) < 0x80 &&
      !starts_.test(static_cast<unsigned char>(LowerAscii(word[0])))) {
    return "";
  }
  if (word.size() <= sizeof(buffer) && IsAscii(word)) {
    size_t length = 0;
    for (char c : word)
      if (c != '.') buffer[length++] = LowerAscii(c);
    return MatchFolded(std::string_view(buffer, length));
  }
  return MatchFolded(Fold(word));
}

bool SnippetTerms::MayStemToAQueryStem(std::string_view folded) const {
  if (folded.empty() || !stem_starts_.test(static_cast<unsigned char>(folded[0]))) return false;
  if (stem_keys_.empty()) return true;
  for (const std::string& key : stem_keys_)
    if (folded.starts_with(key)) return true;
  return folded == "dying" || folded == "lying" || folded == "tying";
}

std::string SnippetTerms::MatchFolded(std::string_view folded) const {
  if (words_.find(folded) != words_.end()) return std::string(folded);
  if (MayStemToAQueryStem(folded)) {
    // A text repeats its words: each is stemmed once.
    auto it = stem_memo_.find(folded);
    if (it == stem_memo_.end()) {
      std::string stem = stemmer_(std::string(folded));
      if (stems_.find(stem) == stems_.end()) stem.clear();
      it = stem_memo_.emplace(std::string(folded), std::move(stem)).first;
    }
    if (!it->second.empty()) return it->second;
  }
  for (const std::string& w : wildcards_) {
    if (folded.starts_with(w)) return w + "*";
  }
  return "";
}

Snippet MakeSnippet(std::string_view text, const SnippetTerms& terms,
                    size_t max_chars) {
  Snippet snippet;
  if (max_chars == 0 || text.empty()) return snippet;
  std::vector<Word> words = SplitWords(text);
  if (words.empty()) return snippet;
  SplitUnspaced(text, words);

  std::map<std::string, int> term_ids;
  if (!terms.empty()) {
    for (Word& w : words) {
      std::string m = terms.Match(text.substr(w.begin, w.end - w.begin));
      if (m.empty()) continue;
      auto id = term_ids.find(m);
      if (id == term_ids.end()) {
        id = term_ids.emplace(std::move(m), static_cast<int>(term_ids.size())).first;
      }
      w.term = id->second;
    }
    // Phrases: each occurrence is one match of one term, and one run.
    if (!terms.phrases().empty()) {
      std::vector<std::string> folded(words.size());
      for (size_t k = 0; k < words.size(); ++k) {
        folded[k] = SnippetTerms::Fold(
            text.substr(words[k].begin, words[k].end - words[k].begin));
      }
      for (const std::vector<std::string>& phrase : terms.phrases()) {
        std::string key = "\"";
        for (const std::string& p : phrase) key += p + " ";
        int id = -1;
        for (size_t k = 0; k + phrase.size() <= words.size(); ++k) {
          if (words[k].in_run || words[k].run_end != SIZE_MAX) continue;
          bool match = true;
          for (size_t m = 0; m < phrase.size() && match; ++m) {
            match = folded[k + m] == phrase[m] && !words[k + m].in_run &&
                    words[k + m].run_end == SIZE_MAX;
          }
          if (!match) continue;
          if (id < 0) id = term_ids.emplace(key, term_ids.size()).first->second;
          words[k].term = id;
          words[k].run_end = k + phrase.size() - 1;
          for (size_t m = 1; m < phrase.size(); ++m) {
            words[k + m].term = -1;
            words[k + m].in_run = true;
          }
          k += phrase.size() - 1;
        }
      }
    }
    // Compounds: "e-mail" is the query's "email" too (initialisms.h), one
    // run from its first part to its last, where no part matched already.
    for (size_t k = 0; k + 1 < words.size(); ++k) {
      const Word& first = words[k];
      if (first.end >= text.size() || text[first.end] != '-') continue;
      std::string joined;
      const size_t length = CompoundAt(text, first.begin, &joined);
      if (length == 0) continue;
      size_t last = k;
      while (last + 1 < words.size() && words[last + 1].end <= first.begin + length) ++last;
      bool free = true;
      for (size_t m = k; m <= last; ++m)
        free = free && words[m].term < 0 && !words[m].in_run && words[m].run_end == SIZE_MAX;
      std::string matched = free ? terms.Match(joined) : std::string();
      if (!matched.empty()) {
        const int id = term_ids.emplace(std::move(matched), term_ids.size()).first->second;
        words[k].term = id;
        words[k].run_end = last;
        for (size_t p = k + 1; p <= last; ++p) words[p].in_run = true;
      }
      k = last;
    }
  }

  // The window [i, j) with the most distinct terms, then the most matches.
  const size_t n = words.size();
  std::vector<int> counts(term_ids.size(), 0);
  size_t best_i = 0, best_distinct = 0, best_total = 0;
  size_t distinct = 0, total = 0, j = 0;
  for (size_t i = 0; i < n; ++i) {
    while (j < n && (j == i || words[j].cp_end - words[i].cp <= max_chars)) {
      if (words[j].term >= 0) {
        if (counts[words[j].term]++ == 0) ++distinct;
        ++total;
      }
      ++j;
    }
    if (distinct > best_distinct ||
        (distinct == best_distinct && total > best_total)) {
      best_i = i;
      best_distinct = distinct;
      best_total = total;
    }
    if (words[i].term >= 0) {
      if (--counts[words[i].term] == 0) --distinct;
      --total;
    }
  }

  // Centre the window on its matches.
  size_t start = 0;
  if (best_total > 0) {
    size_t first = best_i, last = best_i;
    while (words[first].term < 0) ++first;
    for (size_t k = first;
         k < n && words[k].cp_end - words[best_i].cp <= max_chars; ++k) {
      if (words[k].term >= 0) {
        // A phrase ends at its last word.
        last = words[k].run_end != SIZE_MAX ? std::min(words[k].run_end, n - 1) : k;
      }
    }
    if (last < first) last = first;
    size_t span = words[last].cp_end - words[first].cp;
    size_t slack = span < max_chars ? (max_chars - span) / 2 : 0;
    size_t want = words[first].cp > slack ? words[first].cp - slack : 0;
    start = first;
    while (start > 0 && words[start - 1].cp >= want) --start;
  }
  size_t end = start + 1;
  while (end < n && words[end].cp_end - words[start].cp <= max_chars) ++end;

  size_t b = start == 0 ? 0 : words[start].begin;
  size_t e = words[end - 1].end;
  GlueNeighbours(text, b, e);
  if (end == n) e = text.size();

  std::string& out = snippet.text;
  if (start > 0) out += kEllipsis;
  size_t pos = b;
  size_t run_end = SIZE_MAX;  // last word of the phrase being highlighted
  uint32_t hb = 0;
  for (size_t k = start; k < end; ++k) {
    const Word& w = words[k];
    if (w.begin > pos) AppendClean(text, pos, w.begin, out);
    if (w.begin < pos) continue;  // cannot happen; words do not overlap
    if (run_end == SIZE_MAX) hb = static_cast<uint32_t>(out.size());
    out.append(text.substr(w.begin, w.end - w.begin));
    if (w.term >= 0 && w.run_end != SIZE_MAX) run_end = w.run_end;
    if (run_end != SIZE_MAX ? (k == run_end || k + 1 == end) : w.term >= 0) {
      snippet.highlights.push_back({hb, static_cast<uint32_t>(out.size())});
      run_end = SIZE_MAX;
    }
    pos = w.end;
  }
  if (e > pos) AppendClean(text, pos, e, out);
  // Trim the white space that collapsing left at either end.
  while (!out.empty() && out.back() == ' ') out.pop_back();
  size_t lead = 0;
  while (lead < out.size() && out[lead] == ' ') ++lead;
  if (lead > 0) {
    out.erase(0, lead);
    for (Highlight& h : snippet.highlights) {
      h.begin -= static_cast<uint32_t>(lead);
      h.end -= static_cast<uint32_t>(lead);
    }
  }
  if (end < n) out += kEllipsis;
  snippet.matched_terms = best_distinct;
  return snippet;
}

}  // namespace newsarc::internal
