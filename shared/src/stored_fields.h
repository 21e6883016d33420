// What a document's data holds, and how it is serialised. Written by the
// document builder, read by the searcher.
#ifndef NEWSARC_SRC_STORED_FIELDS_H_
#define NEWSARC_SRC_STORED_FIELDS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsarc/article.h"

namespace newsarc::internal {

struct StoredFields {
  std::string id;
  std::string title;
  std::string body;  // as read (CleanText), for snippets
  std::string url;
  std::string site;
  std::string date;  // as given by the source, ISO form preferred
  std::string language;
  std::string byline;
  std::string path;  // absolute source path
  int version = 0;
  std::vector<std::string> speakers;       // display names
  std::vector<std::string> organisations;  // display names
  // Quotes of the speakers, in text order (Quote::speaker is one of
  // `speakers`). Empty for documents written in format 1.
  std::vector<Quote> quotes;
};

std::string SerializeFields(const StoredFields& fields);
// std::nullopt if `data` is not what SerializeFields wrote (this version's
// format 2, or format 1 of indexes built before quotes were stored).
std::optional<StoredFields> ParseFields(std::string_view data);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_STORED_FIELDS_H_
