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

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_INITIALISMS_H_
