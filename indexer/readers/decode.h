// Turning bytes of unknown encoding into valid UTF-8. Every string a reader
// puts into an Article goes through here, so nothing invalid reaches the
// index whatever the input.
#ifndef NEWSARC_INDEXER_READERS_DECODE_H_
#define NEWSARC_INDEXER_READERS_DECODE_H_

#include <memory>
#include <string>
#include <string_view>

#include "readers/byte_source.h"

namespace newsarc::indexer {

// True if `bytes` is well-formed UTF-8 (no overlongs, surrogates or code
// points above U+10FFFF).
bool IsUtf8(std::string_view bytes);

// The ICU name of the charset of a byte-order mark at the start of `bytes`
// ("UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE") and its length,
// or {"", 0} if there is none.
struct Bom {
  std::string_view charset;
  size_t length = 0;
};
Bom DetectBom(std::string_view bytes);

// "UTF-16LE" or "UTF-16BE" if `head` (the first bytes of a file, no BOM)
// looks like UTF-16 text without a BOM: ASCII characters leave a NUL in
// every other byte. Else "".
std::string_view SniffUtf16(std::string_view head);

// True if `head` (the first few KB of a file) is not text: after a BOM or
// UTF-16 (see SniffUtf16) nothing is binary; otherwise more than 5% of
// control bytes that text never has (NUL and C0 controls other than tab,
// line and page breaks and ESC) mean a binary file. A few stray NULs or
// escape sequences in text are not enough: SanitizeUtf8 removes those.
bool LooksBinary(std::string_view head);

// Guesses the charset of text that is not UTF-8 (no BOM): ICU charset
// detection when it is confident, else "windows-1252", the usual encoding of
// Western text that is not UTF-8. ISO-8859-1 is reported as windows-1252,
// its superset (as browsers do), so curly quotes in 0x80-0x9F survive.
std::string DetectCharset(std::string_view bytes);

// Converts `bytes` from ICU charset `charset` to UTF-8. Unconvertible bytes
// become U+FFFD; an unknown charset is treated as windows-1252.
std::string ConvertToUtf8(std::string_view bytes, const std::string& charset);

// Returns the text of `bytes` as UTF-8: a BOM decides if present (and is
// dropped), then UTF-16 without a BOM (SniffUtf16); valid UTF-8 is kept as
// is, anything else is detected and converted. The result is always valid
// UTF-8.
std::string DecodeToUtf8(std::string_view bytes);

// The same for a file that names its charset (an HTML page's <meta>, an XML
// declaration): when `bytes` has no BOM, is not UTF-16 and is not valid
// UTF-8, the charset `declared_in` reads from its first 4 KB decides
// ("" or UTF-8: as DecodeToUtf8). Latin-1 and ASCII labels mean
// windows-1252, as browsers and feed readers take them.
std::string DecodeAsDeclared(std::string_view bytes,
                             std::string (*declared_in)(std::string_view head));
// The same with the charset given from outside the bytes (an HTTP
// Content-Type's), lower or upper case: it decides as `declared_in` would.
std::string DecodeWithCharset(std::string_view bytes, std::string_view charset);

// Replaces each invalid UTF-8 sequence with U+FFFD and drops NUL and other
// C0 control characters except tab and newline, DEL, and the C1 controls
// U+0080..U+009F (they are never text: some break the index's term
// generator, ESC and CSI start terminal escape sequences). "\r\n" and "\r"
// become "\n".
std::string SanitizeUtf8(std::string_view text);

// Decodes the records of one file (jsonl lines, csv rows) that are not valid
// UTF-8. The charset is detected on the first such record and kept for the
// file, because detection on one short line is unreliable while a file
// rarely mixes legacy encodings. Not thread-safe.
class RecordDecoder {
 public:
  std::string Decode(std::string_view bytes);
  // Detects the charset on `record` (a whole row, more text than one cell)
  // if it is not UTF-8 and none has been detected yet.
  void Prime(std::string_view record);

 private:
  std::string charset_;
};

// Prepares a line-oriented text stream (jsonl, csv): drops a UTF-8 BOM and
// converts UTF-16/UTF-32 (with a BOM, or UTF-16 recognised by its NUL bytes)
// to UTF-8 as it streams, so that lines can be split on "\n" bytes. Other
// encodings pass through, to be decoded record by record (RecordDecoder).
std::unique_ptr<ByteSource> NewTextStream(std::unique_ptr<ByteSource> in);

}  // namespace newsarc::indexer

#endif  // NEWSARC_INDEXER_READERS_DECODE_H_
