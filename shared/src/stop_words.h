// The English stop list that the query side leaves out of rankings and that
// the extractors' recasing keeps in lower case.
#ifndef NEWSARC_STOP_WORDS_H_
#define NEWSARC_STOP_WORDS_H_

#include <string_view>

namespace newsarc::internal {

// True if `word`, as given (lower case; no case folding), is on Snowball's
// English stop list.
bool IsStopWord(std::string_view word);

}  // namespace newsarc::internal

#endif  // NEWSARC_STOP_WORDS_H_
