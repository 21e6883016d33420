// More like this: a query for articles similar to given ones, from
// Xapian's expand set (get_eset) over their terms. Prefixed terms (titles,
// stems, entities, sites, ids...) are left out: the unprefixed words carry
// the text, and entities would only repeat it.
#ifndef NEWSARC_SRC_MORE_LIKE_THIS_H_
#define NEWSARC_SRC_MORE_LIKE_THIS_H_

#include <xapian.h>

#include <string_view>
#include <vector>

#include "newsarc/status.h"

namespace newsarc::internal {

// Words of the expand set used for the query.
inline constexpr Xapian::termcount kLikeTerms = 40;

// The articles `like` names: the articles of an indexed source file (a
// path, made absolute), else the article with that id, else the article
// whose URL that is. Empty if none.
// May throw Xapian::Error (the caller guards it).
std::vector<Xapian::docid> ResolveLike(const Xapian::Database& db,
                                       std::string_view like);

// OR of the kLikeTerms best expand-set words of `sources`, excluding
// `sources` themselves. kNotFound if `like` names nothing.
// May throw Xapian::Error (the caller guards it).
Result<Xapian::Query> MoreLikeThis(const Xapian::Database& db,
                                   std::string_view like);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_MORE_LIKE_THIS_H_
