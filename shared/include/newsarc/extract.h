// Speaker and organisation extraction, as the indexer runs it.
#ifndef NEWSARC_EXTRACT_H_
#define NEWSARC_EXTRACT_H_

#include "newsarc/article.h"
#include "newsarc/newsarc_export.h"

namespace newsarc {

// Finds the people quoted in `article` and the organisations it names.
// Pure function of title and body; thread-safe.
NEWSARC_EXPORT Extraction Extract(const Article& article);

}  // namespace newsarc

#endif  // NEWSARC_EXTRACT_H_
