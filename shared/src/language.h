// Language of an article, and the stemmer that goes with it.
#ifndef NEWSARC_SRC_LANGUAGE_H_
#define NEWSARC_SRC_LANGUAGE_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace newsarc::internal {

// ISO 639-1 code guessed from the text: the language whose most frequent
// function words cover most of the text, or "" if none stands out (short
// texts, scripts without such lists).
std::string DetectLanguage(std::string_view text);

// A language as the index keeps it: its ISO 639 code, two letters where the
// language has them, from a tag ("en-GB", "EN_us", "eng", "fre", "iw" ->
// "en", "en", "en", "fr", "he") or from the language's name in English or
// in the language itself, case and accents ignored ("English", "german",
// "Deutsch", "francais", "English (United States)" -> "en", "de", "de",
// "fr", "en"). "" for anything else.
// Queries' `lang:` values go through it too.
std::string LanguageCode(std::string_view language);

// Xapian stemmer name for an ISO 639-1 code ("en" -> "english"; a region
// after it is ignored), "" for languages Xapian cannot stem.
std::string StemmerFor(std::string_view language);

// The same, with `english` (the evaluation knob RankingOptions::stemmer)
// in place of Porter2 for "en" when it is not empty. Index and queries
// stem alike through it.
std::string StemmerFor(std::string_view language, std::string_view english);

// That stemmer, or none (no stemming) when Xapian cannot stem the language.
Xapian::Stem StemmerOf(std::string_view language, std::string_view english);

// The stemmer queries use for the articles of other languages than those of
// QueryLanguages, and of none known.
inline constexpr std::string_view kDefaultLanguage = "en";

// Languages other than kDefaultLanguage whose articles a query that does not
// say `lang:` searches with their own stemmer (query_parser.h): those of at
// least 1% of `db`'s articles, most articles first, at most 8. One or two
// lookups on an index of English articles and articles of no language, a
// seek to each language term otherwise; may throw Xapian::Error.
std::vector<std::string> QueryLanguages(const Xapian::Database& db);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_LANGUAGE_H_
