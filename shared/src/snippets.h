// Snippets: the stretch of an article's text that best shows why it matched,
// with the words that match a query term marked.
#ifndef NEWSARC_SRC_SNIPPETS_H_
#define NEWSARC_SRC_SNIPPETS_H_

#include <xapian.h>

#include <bitset>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsarc/searcher.h"

namespace newsarc::internal {

// What a text word must look like to match the query. Built from the
// query's free-text terms with the field prefixes stripped, plus the words
// of speaker: and org: names. Words of a phrase ("amber rudd", also
// end-to-end) match only as the whole phrase, as in Xapian's own
// MSet::snippet.
class SnippetTerms {
 public:
  SnippetTerms() = default;
  // `stemmer`: the Xapian stemmer name the query was parsed with ("" = none).
  // `entity_words`: also match the words of speaker: and org: names (false:
  // free text only, as when matching quotes).
  SnippetTerms(const Xapian::Query& query, const std::string& stemmer,
               bool entity_words = true);

  // The query term a text word matches, or "" if none. The word is folded
  // (FoldText) and compared exactly, then by stem, then with wildcards.
  // Remembers the stems it computed: not for several threads at once.
  std::string Match(std::string_view word) const;

  // The query's phrases, each as its folded words in order.
  const std::vector<std::vector<std::string>>& phrases() const { return phrases_; }

  // `word` as Match compares it: FoldText()ed (a fast path for ASCII).
  static std::string Fold(std::string_view word);

  // Number of distinct terms a text can match (a phrase counts as one).
  size_t size() const {
    return words_.size() + stems_.size() + wildcards_.size() + phrases_.size();
  }

  bool empty() const {
    return words_.empty() && stems_.empty() && wildcards_.empty() &&
           phrases_.empty();
  }

 private:
  void AddTerm(const std::string& term);

  std::set<std::string, std::less<>> words_;  // "rudd"
  std::set<std::string, std::less<>> stems_;  // "encrypt"
  // First bytes a matching word can start with: those of words_, stems_
  // and wildcards_ (a stem starts as the word it comes from, see
  // stem_starts_). Most words of a text start with none of them and are
  // turned away before they are folded or looked up.
  std::bitset<256> starts_;
  // First bytes of stems_: Snowball stemmers strip and rewrite endings
  // only, so a word whose first byte starts no stem is not stemmed at all
  // (stemming every word of ten bodies was a tenth of a search's time).
  std::bitset<256> stem_starts_;
  // With the English stemmer (Porter2), more: a stem without its last byte
  // begins the word it comes from, but for three words of its exception
  // list (dying, lying, tying -> die, lie, tie). So a word that starts with
  // none of these keys (a stem's first bytes, at most 3, its last byte
  // left out) is not stemmed at all. Checked on every distinct word of the
  // Reuters and sample indexes (67,955 and 17,166).
  std::vector<std::string> stem_keys_;  // empty: another stemmer, or none
  bool MayStemToAQueryStem(std::string_view folded) const;
  // Match for a word already folded.
  std::string MatchFolded(std::string_view folded) const;

  // Hash and equality that take a std::string_view too (no copy to look up).
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // Folded word -> the stem of stems_ it has, or "" (Match).
  mutable std::unordered_map<std::string, std::string, Hash, std::equal_to<>> stem_memo_;
  std::vector<std::string> wildcards_;        // "encrypt" for encrypt*
  std::vector<std::vector<std::string>> phrases_;  // {"amber", "rudd"}
  Xapian::Stem stemmer_;
  bool entity_words_ = true;
};

struct Snippet {
  std::string text;  // one line: white space collapsed, '…' where cut
  std::vector<Highlight> highlights;  // byte ranges of matching words in `text`
  size_t matched_terms = 0;  // distinct terms of SnippetTerms matched in `text`
};

// The window of about `max_chars` characters of `text` in which the most
// distinct query terms match (then the most matches), centred on them and cut
// at word boundaries. Without any match: the start of the text. A phrase
// counts as one term and is highlighted as one run, from its first word to
// its last. Control characters (escape sequences included) never reach the
// snippet.
Snippet MakeSnippet(std::string_view text, const SnippetTerms& terms,
                    size_t max_chars);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_SNIPPETS_H_
