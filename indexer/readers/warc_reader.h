// .warc / .wet / .arc (.gz): web archives (WARC 1.0 and 1.1, ISO 28500, and
// the older ARC, below), as crawlers
// and archiving tools write them (Heritrix, wget --warc-file, Browsertrix,
// Common Crawl). Read record by record, so memory is bounded by one page
// whatever the size of the file.
//
// An article is
//   - a web page captured whole: a `response` record holding an HTTP
//     response with a 2xx status (not 204 or 206) and an HTML body
//     (Content-Type text/html or application/xhtml+xml, or none and a body
//     that opens as HTML does), or a `resource` record of such a type. Its
//     body is de-chunked and decompressed (gzip, deflate, br, zstd) as the
//     response says,
//     decoded with the charset of the HTTP Content-Type when it is not
//     UTF-8 (else as the page declares), and read as an .html file is
//     (ParseHtmlArticle);
//   - the plain text of a page (a `conversion` record of type text/plain,
//     as in Common Crawl's WET files): the first line the title, the rest
//     the body, as a .txt file.
// url: the page's own (made absolute against WARC-Target-URI when it is a
// path), else WARC-Target-URI. date: the page's, else WARC-Date (the time of
// capture). record: the line of the record's "WARC/1.x" line in the file
// (after gunzip).
//
// Other records are not articles and are passed over without a word:
// requests, metadata, warcinfo, revisits (a capture identical to an earlier
// one), redirects and errors, scripts, style sheets, images. Reported as
// "path:line: reason" and skipped: a page that cannot be read (no title or
// text, a body compressed in a way newsarc does not read or corrupt, over
// 16 MiB), a
// record whose header is broken (then the reader looks for the next record's
// "WARC/" line). A file that does not start as a WARC file is one error, and
// so is a file that ends inside a record.
#ifndef NEWSARC_INDEXER_READERS_WARC_READER_H_
#define NEWSARC_INDEXER_READERS_WARC_READER_H_

#include <memory>
#include <string>
#include <string_view>

#include "newsarc/status.h"
#include "readers/byte_source.h"
#include "readers/reader.h"

namespace newsarc::indexer {

// The body of an HTTP message after its Transfer-Encoding and
// Content-Encoding (`transfer`, `encoding`: the header values, "" if absent)
// are undone: chunked; gzip, x-gzip, deflate, br, zstd, several in a list
// undone from the last. Never more than `limit` bytes are produced: a longer
// body is kInvalidArgument "longer than ...". kInvalidArgument with the
// reason for a coding newsarc does not read ("compress") or a corrupt
// compressed body. A body cut short keeps what came out of it; a body that
// the headers call chunked or compressed but that is not (as some archiving
// tools store it decoded: it starts with '<') is taken as it is.
[[nodiscard]] Result<std::string> DecodeHttpBody(std::string_view body,
                                                 std::string_view transfer,
                                                 std::string_view encoding,
                                                 size_t limit);

// Reads one .warc file from `in` (already gunzipped).
std::unique_ptr<Reader> NewWarcReader(std::string path,
                                      std::unique_ptr<ByteSource> in);

// Reads one .arc file from `in` (already gunzipped): the Internet Archive's
// format before WARC (its crawls up to 2008, Heritrix's ARC writer). A
// record is one header line, "URL IP-address Archive-date Content-type
// Archive-length" (version 1; version 2 has five more fields before the
// length), then that many bytes: the HTTP response. The first record
// describes the file (filedesc://). Pages are read as from WARC response
// records, with the archive date as the time of capture; the rest is
// passed over. A header line that does not parse is reported, and the
// reader goes on at the next line that does; a file that does not start
// with a filedesc:// record is "not an ARC file".
std::unique_ptr<Reader> NewArcReader(std::string path, std::unique_ptr<ByteSource> in);

}  // namespace newsarc::indexer

#endif  // NEWSARC_INDEXER_READERS_WARC_READER_H_
