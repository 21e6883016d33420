// The near-duplicate key stored in schema::kSlotCollapse. The searcher
// collapses hits that share it (Xapian::Enquire::set_collapse_key), so a
// wire story republished by several sites, or saved in several files, is one
// hit with a count of the copies folded into it.
#ifndef NEWSARC_SRC_COLLAPSE_KEY_H_
#define NEWSARC_SRC_COLLAPSE_KEY_H_

#include <string>
#include <string_view>

namespace newsarc::internal {

// Words that decide whether two articles are copies of one story.
inline constexpr size_t kCollapseLeadWords = 40;
// Articles with fewer words in title and body together get no key.
inline constexpr size_t kCollapseMinWords = 8;

// 16 hex digits of a 64-bit FNV-1a hash over words of FoldText()ed text:
// the first kCollapseLeadWords words of the body when it has that many
// (headlines are rewritten when a story is republished, the lead is not),
// else the words of the title and the whole body. Case, diacritics,
// punctuation and white space do not count. "" when there are fewer than
// kCollapseMinWords words. Both arguments must already be FoldText()ed.
std::string CollapseKey(std::string_view folded_title,
                        std::string_view folded_body);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_COLLAPSE_KEY_H_
