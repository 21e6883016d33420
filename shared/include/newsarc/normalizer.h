// Text normalisation shared by indexing and searching. Both sides must call
// these same functions, or searches quietly miss documents.
#ifndef NEWSARC_NORMALIZER_H_
#define NEWSARC_NORMALIZER_H_

#include <string>
#include <string_view>

#include "newsarc/newsarc_export.h"

namespace newsarc {

// Returns `text` as valid UTF-8 in NFC, with typographic quotes, apostrophes
// and dashes kept as they are. Invalid UTF-8 sequences become U+FFFD.
// Use for stored, displayed text.
NEWSARC_EXPORT std::string CleanText(std::string_view text);

// The search form of text: NFKC, case folded, diacritics removed
// ("Zürich" -> "zurich", "café" -> "cafe", "ß" -> "ss", "ø" -> "o"),
// curly quotes and apostrophes made straight ("Masood’s" -> "masood's").
// Word boundaries are kept, so the result can be tokenised like the input.
NEWSARC_EXPORT std::string FoldText(std::string_view text);

// The key form of a name (speakers, organisations, sites): FoldText, then
// punctuation other than '&' and inner '.'/'-' dropped and white space
// collapsed to single spaces ("  Amber  Rudd " -> "amber rudd").
NEWSARC_EXPORT std::string FoldKey(std::string_view name);

// True if `text` is valid UTF-8.
NEWSARC_EXPORT bool IsValidUtf8(std::string_view text);

}  // namespace newsarc

#endif  // NEWSARC_NORMALIZER_H_
