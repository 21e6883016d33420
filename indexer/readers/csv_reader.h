// .csv with a header row naming the columns (any order; the names of
// json_reader.h: url, date, title, text/body/content, authors, ...).
// RFC 4180 quoting: quoted fields may span lines and hold doubled quotes.
// The delimiter is ',' unless the header has more ';' or tabs.
#ifndef NEWSARC_INDEXER_READERS_CSV_READER_H_
#define NEWSARC_INDEXER_READERS_CSV_READER_H_

#include <memory>
#include <string>

#include "readers/byte_source.h"
#include "readers/reader.h"

namespace newsarc::indexer {

// Reads rows one at a time from `in` (already gunzipped). Article::record
// and messages give the line where a row starts. A row with broken quoting
// or the wrong number of fields is an error; reading goes on at the next
// line (for an unclosed quote, the line after the row's first).
std::unique_ptr<Reader> NewCsvReader(std::string path,
                                     std::unique_ptr<ByteSource> in);

}  // namespace newsarc::indexer

#endif  // NEWSARC_INDEXER_READERS_CSV_READER_H_
