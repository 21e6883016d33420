// Words of scripts written without spaces between them (Thai, Lao, Khmer,
// Myanmar): Xapian's term generator and query parser take a whole run of
// such letters for one word, so an article in Thai had one term per
// phrase. Indexing and searching both put spaces between their words,
// found by ICU's dictionary-based word breaking, before Xapian reads the
// text. (Chinese, Japanese and Korean are Xapian's: FLAG_CJK_NGRAM.)
#ifndef NEWSARC_SRC_SEGMENT_H_
#define NEWSARC_SRC_SEGMENT_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsarc::internal {

// Whether `text` (UTF-8) may hold letters of those scripts: it has a byte
// that leads their code points (0xE0 or 0xE1). Two memchr scans; the
// callers' fast path for the text of every other script.
bool MayHoldUnspaced(std::string_view text);

// `text` (UTF-8) with a space between each two words of every run of Thai,
// Lao, Khmer or Myanmar letters; everything else as it is. Text without
// those scripts comes back unchanged at the cost of MayHoldUnspaced.
std::string SpaceOutWords(std::string_view text);

// Where SpaceOutWords puts its spaces in `text`: byte offsets into `text`,
// ascending; none for text without those scripts. Snippets split a word of
// them at these, to find the words the query has.
std::vector<size_t> WordBreaks(std::string_view text);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_SEGMENT_H_
