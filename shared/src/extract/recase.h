// Case for text set in capitals. Wire copy and old archives often are
// ("PRESIDENT NASSER HAS GIVEN EVERY INDICATION ..."), and the extractors
// read names from case: in capitals every word looks like a name, so such
// an article used to give dozens of "organisations" (HAS, GIVEN, ...) and
// speakers such as "NASSER HAS GIVEN". The extractor reads such an article
// through a copy with the case an editor would have set, guessed from word
// lists: English words in lower case (except at a sentence start), other
// words capitalised, acronyms and the gazetteer's names as they are spelled
// there ("President Nasser has given every indication ...").
#ifndef NEWSARC_EXTRACT_RECASE_H_
#define NEWSARC_EXTRACT_RECASE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace newsarc::internal {

// True if `text` has at least `min_letters` letters and fewer than one in
// twenty of them is lower case.
bool IsCaseless(std::string_view text, size_t min_letters);

// A copy of `text` with its words in capitals recased as above. The copy has
// the same length and the same bytes apart from the case of letters (a
// letter whose other case takes more or fewer UTF-8 bytes is left as it
// is), so a position in one is the same place in the other. Words that
// already hold a lower-case letter are copied as they are.
std::string Recase(std::string_view text);

}  // namespace newsarc::internal

#endif  // NEWSARC_EXTRACT_RECASE_H_
