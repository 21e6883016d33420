// Article -> Xapian::Document, following schema.h. The searcher's query
// parser expects exactly the terms written here.
#ifndef NEWSARC_SRC_DOCUMENT_BUILDER_H_
#define NEWSARC_SRC_DOCUMENT_BUILDER_H_

#include <xapian.h>

#include <string>

#include "newsarc/article.h"

namespace newsarc::internal {

struct BuiltDocument {
  Xapian::Document document;
  std::string id;        // IndexWriter::ArticleId
  std::string id_term;   // schema::kId + ShortKey(id)
  std::string file_key;  // ShortKey(source_path)
  int version = 0;
  Extraction extraction;
};

// Cleans the article's text, extracts entities and builds the document.
// Thread-safe. May throw Xapian::Error (callers guard it).
BuiltDocument BuildDocument(const Article& article);

// The key under which a source file's articles and record are stored.
std::string FileKey(std::string_view path);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_DOCUMENT_BUILDER_H_
