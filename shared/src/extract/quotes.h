// Quotes of the speakers: direct quotes (all quote marks; a quote left open
// at a paragraph end goes on where the next paragraph opens with a quote
// mark) and indirect speech ("X said that ...", "according to X, ..."), each
// credited to the speaker the resolver found for its speech verb.
#ifndef NEWSARC_EXTRACT_QUOTES_H_
#define NEWSARC_EXTRACT_QUOTES_H_

#include <string>
#include <vector>

#include "extract/speakers.h"
#include "extract/text.h"
#include "newsarc/article.h"

namespace newsarc::internal {

// `events` and `person_names` come from FindSpeakers; quotes whose person
// has no name there (not a speaker) are dropped. Returns quotes in text order.
// A quote's words are copied from `shown` (the same tokens as written, for an
// article read through a recased copy: recase.h), or from `tokens` if null.
std::vector<Quote> FindQuotes(const std::vector<Token>& tokens,
                              const std::vector<SpeechEvent>& events,
                              const std::vector<std::string>& person_names,
                              const std::vector<Token>* shown = nullptr);

}  // namespace newsarc::internal

#endif  // NEWSARC_EXTRACT_QUOTES_H_
