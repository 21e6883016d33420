#include "stop_words.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

namespace newsarc::internal {
namespace {

// Snowball's English stop list (snowballstem.org/algorithms/english/stop.txt):
// a general list of function words, not tuned on any test collection.
constexpr const char* kEnglishStopWords[] = {
    "i",        "me",      "my",     "myself",   "we",         "our",       "ours",    "ourselves",
    "you",      "your",    "yours",  "yourself", "yourselves", "he",        "him",     "his",
    "himself",  "she",     "her",    "hers",     "herself",    "it",        "its",     "itself",
    "they",     "them",    "their",  "theirs",   "themselves", "what",      "which",   "who",
    "whom",     "this",    "that",   "these",    "those",      "am",        "is",      "are",
    "was",      "were",    "be",     "been",     "being",      "have",      "has",     "had",
    "having",   "do",      "does",   "did",      "doing",      "would",     "should",  "could",
    "ought",    "i'm",     "you're", "he's",     "she's",      "it's",      "we're",   "they're",
    "i've",     "you've",  "we've",  "they've",  "i'd",        "you'd",     "he'd",    "she'd",
    "we'd",     "they'd",  "i'll",   "you'll",   "he'll",      "she'll",    "we'll",   "they'll",
    "isn't",    "aren't",  "wasn't", "weren't",  "hasn't",     "haven't",   "hadn't",  "doesn't",
    "don't",    "didn't",  "won't",  "wouldn't", "shan't",     "shouldn't", "can't",   "cannot",
    "couldn't", "mustn't", "let's",  "that's",   "who's",      "what's",    "here's",  "there's",
    "when's",   "where's", "why's",  "how's",    "a",          "an",        "the",     "and",
    "but",      "if",      "or",     "because",  "as",         "until",     "while",   "of",
    "at",       "by",      "for",    "with",     "about",      "against",   "between", "into",
    "through",  "during",  "before", "after",    "above",      "below",     "to",      "from",
    "up",       "down",    "in",     "out",      "on",         "off",       "over",    "under",
    "again",    "further", "then",   "once",     "here",       "there",     "when",    "where",
    "why",      "how",     "all",    "any",      "both",       "each",      "few",     "more",
    "most",     "other",   "some",   "such",     "no",         "nor",       "not",     "only",
    "own",      "same",    "so",     "than",     "too",        "very"};

// The stop words as an open-addressing table built by the compiler: a
// search from the shell runs in a fresh process, where building a hash set
// (or Xapian's SimpleStopper, a std::set) of these words cost more
// instructions than parsing the query.
constexpr uint32_t StopHash(std::string_view word) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (char c : word) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

constexpr size_t kStopSlots = 512;  // a power of two, about three times the words

constexpr auto kStopTable = [] {
  std::array<std::string_view, kStopSlots> table{};
  for (const char* w : kEnglishStopWords) {
    size_t i = StopHash(w) & (kStopSlots - 1);
    while (!table[i].empty()) i = (i + 1) & (kStopSlots - 1);
    table[i] = w;
  }
  return table;
}();

constexpr size_t kStopMaxLength = [] {
  size_t longest = 0;
  for (std::string_view w : kEnglishStopWords) longest = std::max(longest, w.size());
  return longest;
}();

}  // namespace

bool IsStopWord(std::string_view word) {
  if (word.empty() || word.size() > kStopMaxLength) return false;
  for (size_t i = StopHash(word) & (kStopSlots - 1);; i = (i + 1) & (kStopSlots - 1)) {
    if (kStopTable[i].empty()) return false;
    if (kStopTable[i] == word) return true;
  }
}

}  // namespace newsarc::internal
