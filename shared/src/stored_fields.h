// What a document's data holds, and how it is serialised. Written by the
// document builder, read by the searcher.
#ifndef NEWSARC_SRC_STORED_FIELDS_H_
#define NEWSARC_SRC_STORED_FIELDS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsarc/article.h"

namespace Xapian {
class Document;
}

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

// A document's stored fields: the value kSlotHitFields holds all but the
// body and the quotes, the document data those two (schema.h). Documents
// written before kSlotHitFields existed hold everything in their data.
// `with_text` false: the body and quotes are left empty and, when the value
// is there, the document data is not read (it is the costly part).
// std::nullopt if either is unreadable.
std::optional<StoredFields> LoadFields(const Xapian::Document& doc, bool with_text = true);

// The two parts for BuildDocument: {value of kSlotHitFields, document data}.
std::pair<std::string, std::string> SerializeStoredParts(const StoredFields& fields);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_STORED_FIELDS_H_
