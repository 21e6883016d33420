// Initialisms written with full stops ("U.S.", "U.K", "e.g.") are one word,
// the same word as their letters written together ("US", "uk"): indexing,
// queries and snippets all see "us" where the text has "U.S.".
//
// An initialism here is two or more single ASCII letters, each followed by
// a full stop but the last, which may stand without one ("U.S ."), with no
// word character (nor another full stop) right before it or right after
// it: not "www.u.s.gov", "u.sa" or "U.S.1". Lower case counts too (what a
// reader types: "u.s."), so "a.m." is "am" and "p.m." is "pm", as Lucene's
// classic tokenizer has it; Xapian's own joins upper case only, but newsarc
// folds the case before Xapian sees the text.
#ifndef NEWSARC_SRC_INITIALISMS_H_
#define NEWSARC_SRC_INITIALISMS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsarc::internal {

// The extractor version (kExtractorVersion, newsarc/extract.h) from which
// the indexer joins initialisms: a file an older one read has "U.S." as
// the words "u" and "s".
inline constexpr int kInitialismsSinceVersion = 4;

// The length in bytes of the initialism that starts at text[i] (its letters
// and the full stops between them, not a last one), or 0 if none does.
size_t InitialismAt(std::string_view text, size_t i);

// `text` with the full stops inside its initialisms left out.
std::string JoinInitialisms(std::string text);

// Hyphenated compounds ("e-mail", "cease-fire", "co-operation") are also the
// word of their letters written together ("email", "ceasefire"): the
// indexer adds that word beside the parts, which stay words of their own,
// so that "email" finds the articles that write "e-mail" while "mail" and
// the phrase "e-mail" find them as before.
//
// A compound here is two to four runs of ASCII letters joined by single
// hyphens, at most kMaxCompound letters, with nothing against either end that
// would make it part of something longer: no word character, hyphen, '&',
// '@' or '/', no full stop before it, and none after it that a word
// character follows (not "covid-19", "www.e-mail.org"), no apostrophe after
// it that a letter follows ("e-mail's": Xapian's word is "mail's") nor
// before it after a letter ("rock'n-roll"); an opening quote may stand
// before it ('cease-fire').
inline constexpr size_t kMaxCompound = 40;

// The length in bytes of the compound that starts at text[i], or 0 if none
// does; `joined` (if given) gets its letters in lower case.
size_t CompoundAt(std::string_view text, size_t i, std::string* joined = nullptr);

// The parts of `compound` (as CompoundAt delimits one), as written:
// {"E", "mail"} for "E-mail".
std::vector<std::string> CompoundParts(std::string_view compound);

// A compound of a text: its parts as written ({"E", "mail"}) and their
// letters together in lower case ("email").
struct Compound {
  std::vector<std::string> parts;
  std::string joined;
};

// The compounds of `text`, in order, once for each.
std::vector<Compound> Compounds(std::string_view text);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_INITIALISMS_H_
