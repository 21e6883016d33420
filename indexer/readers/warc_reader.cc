#include "readers/warc_reader.h"

#include <brotli/decode.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "readers/archive_text_reader.h"
#include "readers/article_text.h"
#include "readers/dates.h"
#include "readers/decode.h"
#include "readers/html_reader.h"

namespace newsarc::indexer {
namespace {

// A header line longer than this is broken (real ones are a few hundred
// bytes; a URL of a few KB at most).
constexpr size_t kMaxHeaderLine = size_t{64} << 10;
// Fields in one record's header, and in an HTTP response's head.
constexpr int kMaxHeaderFields = 1000;
// How much of a response record is read before its HTTP head says whether it
// is a page: a head longer than this is no page.
constexpr size_t kMaxHttpHead = size_t{64} << 10;

// A limit above, as the messages give it ("64 KiB").
std::string KiB(size_t bytes) { return std::to_string(bytes >> 10) + " KiB"; }

// Spaces and tabs around a header's value (and a line's CR).
std::string_view TrimHeaderValue(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         LowerAscii(s.substr(0, prefix.size())) == prefix;
}

// An http:// or https:// URL: what an HTTP response answers.
bool IsHttpUrl(std::string_view url) {
  return StartsWithNoCase(url, "http://") || StartsWithNoCase(url, "https://");
}

// A decimal number of digits only (a Content-Length), or nullopt.
std::optional<uint64_t> ParseLength(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  return n;
}

// The media type of a Content-Type value, lower case, without parameters.
std::string MediaType(std::string_view content_type) {
  return LowerAscii(TrimHeaderValue(content_type.substr(0, content_type.find(';'))));
}

// The charset parameter of a Content-Type value ("" if none), unquoted.
std::string CharsetOf(std::string_view content_type) {
  const std::string lower = LowerAscii(content_type);
  size_t at = lower.find("charset=");
  if (at == std::string::npos) return "";
  std::string_view v = TrimHeaderValue(std::string_view(content_type).substr(at + 8));
  v = v.substr(0, v.find(';'));
  v = TrimHeaderValue(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') &&
      v.back() == v.front())
    v = v.substr(1, v.size() - 2);
  return std::string(TrimHeaderValue(v));
}

bool IsHtmlType(std::string_view media_type) {
  return media_type == "text/html" || media_type == "application/xhtml+xml";
}

// True if `body` opens as an HTML page does (for a response that gives no
// Content-Type): a doctype or an <html> tag after white space and a BOM.
bool LooksLikeHtml(std::string_view body) {
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  while (!body.empty() && (body.front() == ' ' || body.front() == '\t' ||
                           body.front() == '\r' || body.front() == '\n'))
    body.remove_prefix(1);
  return StartsWithNoCase(body, "<!doctype html") ||
         StartsWithNoCase(body, "<html");
}

// Undoes chunked transfer coding. nullopt when `body` is not chunked from
// its start; a body cut short keeps the chunks that are whole.
std::optional<std::string> Dechunk(std::string_view body) {
  std::string out;
  size_t at = 0;
  bool first = true;
  while (at < body.size()) {
    const size_t eol = body.find('\n', at);
    if (eol == std::string_view::npos) break;
    std::string_view size_line = TrimHeaderValue(body.substr(at, eol - at));
    size_line =
        TrimHeaderValue(size_line.substr(0, size_line.find(';')));  // chunk extensions
    uint64_t size = 0;
    bool ok = !size_line.empty() && size_line.size() <= 15;
    for (char c : size_line) {
      const int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                               : -1;
      if (digit < 0) {
        ok = false;
        break;
      }
      size = size * 16 + static_cast<uint64_t>(digit);
    }
    if (!ok) {
      if (first) return std::nullopt;
      break;
    }
    first = false;
    at = eol + 1;
    if (size == 0) break;  // the last chunk (trailers follow)
    const size_t take =
        static_cast<size_t>(std::min<uint64_t>(size, body.size() - at));
    out.append(body.substr(at, take));
    at += take;
    if (take < size) break;
    // The chunk's own line end.
    if (at < body.size() && body[at] == '\r') ++at;
    if (at < body.size() && body[at] == '\n') ++at;
  }
  if (first) return std::nullopt;
  return out;
}

std::string TooLong(size_t limit) {
  return "longer than " + std::to_string(limit >> 20) + " MiB: not read";
}

// Inflates `in` (`window_bits` as zlib takes them: 15 + 32 for gzip or zlib,
// -15 for raw deflate) into at most `limit` bytes.
Result<std::string> Inflate(std::string_view in, int window_bits,
                            size_t limit) {
  z_stream z{};
  if (inflateInit2(&z, window_bits) != Z_OK)
    return Status::Internal("zlib: inflateInit2 failed");
  std::string out;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  bool ended = false;  // a whole stream came out
  char buf[64 * 1024];
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
    if (out.size() > limit) {
      inflateEnd(&z);
      return Status::InvalidArgument(TooLong(limit));
    }
    if (rc == Z_STREAM_END) {
      ended = true;
      // Another gzip member after the first (as gunzip reads them).
      if (z.avail_in > 0 && window_bits > 0) rc = inflateReset(&z);
    }
  }
  // Z_BUF_ERROR: the body was cut short, and what came out is kept; bytes
  // that are no stream after a whole one are ignored, as gunzip does.
  const bool failed = rc != Z_STREAM_END && rc != Z_BUF_ERROR && !ended;
  std::string why = z.msg ? z.msg : "zlib error";
  inflateEnd(&z);
  if (failed)
    return Status::InvalidArgument("corrupt compressed body (" + why + ")");
  return out;
}

// Decompresses Brotli (`br`) into at most `limit` bytes; a body cut short
// keeps what came out.
Result<std::string> Unbrotli(std::string_view in, size_t limit) {
  BrotliDecoderState* state =
      BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (state == nullptr) return Status::Internal("brotli: out of memory");
  std::string out;
  size_t avail_in = in.size();
  const auto* next_in = reinterpret_cast<const uint8_t*>(in.data());
  BrotliDecoderResult rc = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
  uint8_t buf[64 * 1024];
  while (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
    size_t avail_out = sizeof buf;
    uint8_t* next_out = buf;
    rc = BrotliDecoderDecompressStream(state, &avail_in, &next_in, &avail_out,
                                       &next_out, nullptr);
    out.append(reinterpret_cast<const char*>(buf), sizeof buf - avail_out);
    if (out.size() > limit) {
      BrotliDecoderDestroyInstance(state);
      return Status::InvalidArgument(TooLong(limit));
    }
  }
  const std::string why =
      BrotliDecoderErrorString(BrotliDecoderGetErrorCode(state));
  BrotliDecoderDestroyInstance(state);
  if (rc == BROTLI_DECODER_RESULT_ERROR)
    return Status::InvalidArgument("corrupt compressed body (brotli: " + why +
                                   ")");
  return out;
}

// Decompresses Zstandard frames into at most `limit` bytes; a body cut short
// keeps what came out.
Result<std::string> Unzstd(std::string_view in, size_t limit) {
  ZSTD_DStream* stream = ZSTD_createDStream();
  if (stream == nullptr) return Status::Internal("zstd: out of memory");
  std::string out;
  ZSTD_inBuffer input{in.data(), in.size(), 0};
  char buf[64 * 1024];
  while (input.pos < input.size) {
    ZSTD_outBuffer output{buf, sizeof buf, 0};
    const size_t rc = ZSTD_decompressStream(stream, &output, &input);
    if (ZSTD_isError(rc)) {
      const std::string why = ZSTD_getErrorName(rc);
      ZSTD_freeDStream(stream);
      return Status::InvalidArgument("corrupt compressed body (zstd: " + why +
                                     ")");
    }
    out.append(buf, output.pos);
    if (out.size() > limit) {
      ZSTD_freeDStream(stream);
      return Status::InvalidArgument(TooLong(limit));
    }
  }
  // What is still buffered once the input has run out.
  for (;;) {
    ZSTD_outBuffer output{buf, sizeof buf, 0};
    const size_t rc = ZSTD_decompressStream(stream, &output, &input);
    if (ZSTD_isError(rc) || output.pos == 0) break;
    out.append(buf, output.pos);
    if (out.size() > limit) {
      ZSTD_freeDStream(stream);
      return Status::InvalidArgument(TooLong(limit));
    }
  }
  ZSTD_freeDStream(stream);
  return out;
}

// True if `body` starts as text markup does: '<' after white space. A body
// stored decoded under the headers of a compressed response (as some
// archiving tools store it) starts so; compressed data almost never does.
bool StartsAsMarkup(std::string_view body) {
  const size_t first = body.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && body[first] == '<';
}

// Undoes one content coding (lower case).
Result<std::string> Undo(const std::string& coding, const std::string& body,
                         size_t limit) {
  Result<std::string> out = std::string();
  if (coding == "gzip" || coding == "x-gzip") {
    out = Inflate(body, 15 + 32, limit);
  } else if (coding == "deflate") {
    // zlib's wrapper, as the standard says; raw deflate, as some servers send.
    const bool wrapped = body.size() >= 2 && (body[0] & 0x0F) == 8 &&
                         ((static_cast<unsigned char>(body[0]) << 8) |
                          static_cast<unsigned char>(body[1])) %
                                 31 ==
                             0;
    out = Inflate(body, wrapped ? 15 : -15, limit);
  } else if (coding == "br") {
    out = Unbrotli(body, limit);
  } else if (coding == "zstd") {
    out = Unzstd(body, limit);
  } else {
    return Status::InvalidArgument("body compressed with \"" + coding +
                                   "\", which newsarc does not read");
  }
  // Not compressed after all: stored decoded.
  if (!out.ok() && out.status().message().rfind("corrupt", 0) == 0 &&
      StartsAsMarkup(body))
    return body;
  return out;
}

}  // namespace

Result<std::string> DecodeHttpBody(std::string_view body,
                                   std::string_view transfer,
                                   std::string_view encoding, size_t limit) {
  std::optional<std::string> dechunked;
  if (LowerAscii(transfer).find("chunked") != std::string::npos)
    dechunked = Dechunk(body);
  std::string decoded = dechunked ? std::move(*dechunked) : std::string(body);
  // Codings listed in the order they were applied: undone from the last.
  std::vector<std::string> codings;
  for (std::string_view rest = encoding; !rest.empty();) {
    const size_t comma = rest.find(',');
    const std::string coding = LowerAscii(TrimHeaderValue(rest.substr(0, comma)));
    if (!coding.empty() && coding != "identity") codings.push_back(coding);
    rest = comma == std::string_view::npos ? std::string_view()
                                           : rest.substr(comma + 1);
  }
  for (auto it = codings.rbegin(); it != codings.rend(); ++it) {
    auto undone = Undo(*it, decoded, limit);
    if (!undone.ok()) return undone.status();
    decoded = std::move(undone).value();
  }
  if (decoded.size() > limit) return Status::InvalidArgument(TooLong(limit));
  return decoded;
}

namespace {

// Buffered input that reads lines and counted blocks and counts the lines it
// has passed.
class Input {
 public:
  explicit Input(std::unique_ptr<ByteSource> in) : in_(std::move(in)) {}

  // The next line without its line end ("\r\n" or "\n"); at most `max`
  // bytes are kept (`*cut` set if there were more). false at the end.
  Result<bool> Line(std::string* line, size_t max, bool* cut) {
    line->clear();
    *cut = false;
    bool any = false;
    for (;;) {
      if (pos_ == buf_.size()) {
        if (Status s = Fill(); !s.ok()) return s;
        if (eof_ && !any) return false;
        if (eof_) break;  // a last line without its line end
      }
      any = true;
      const char* start = buf_.data() + pos_;
      const size_t avail = buf_.size() - pos_;
      const auto* nl =
          static_cast<const char*>(std::memchr(start, '\n', avail));
      const size_t n = nl ? static_cast<size_t>(nl - start) : avail;
      const size_t room = max > line->size() ? max - line->size() : 0;
      line->append(start, std::min(n, room));
      if (n > room) *cut = true;
      pos_ += n;
      if (nl) {
        ++pos_;
        ++lines_;
        break;
      }
    }
    if (!line->empty() && line->back() == '\r') line->pop_back();
    return true;
  }

  // Passes `n` bytes, appending up to `keep` of them to `*out` (may be
  // null). Returns how many there were (fewer than `n` at the end).
  Result<uint64_t> Take(uint64_t n, size_t keep, std::string* out) {
    uint64_t done = 0;
    while (done < n) {
      if (pos_ == buf_.size()) {
        if (Status s = Fill(); !s.ok()) return s;
        if (eof_) break;
      }
      const size_t avail =
          static_cast<size_t>(std::min<uint64_t>(buf_.size() - pos_, n - done));
      const char* start = buf_.data() + pos_;
      lines_ += static_cast<uint64_t>(std::count(start, start + avail, '\n'));
      if (out != nullptr && out->size() < keep)
        out->append(start, std::min(avail, keep - out->size()));
      pos_ += avail;
      done += avail;
    }
    return done;
  }

  // Lines passed so far: the next line is number lines() + 1.
  uint64_t lines() const { return lines_; }

 private:
  Status Fill() {
    buf_.resize(kChunk);
    pos_ = 0;
    auto got = in_->Read(buf_.data(), kChunk);
    if (!got.ok()) {
      buf_.clear();
      return got.status();
    }
    buf_.resize(got.value());
    if (got.value() == 0) eof_ = true;
    return Status::Ok();
  }

  static constexpr size_t kChunk = size_t{64} << 10;
  std::unique_ptr<ByteSource> in_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  uint64_t lines_ = 0;
};

// The fields of a record's header that the reader uses.
struct RecordHead {
  uint64_t line = 0;   // of its first line ("WARC/...", or an ARC header)
  std::string type;    // WARC-Type, lower case
  std::string target;  // WARC-Target-URI
  std::string date;    // WARC-Date
  std::string content_type;
  std::optional<uint64_t> length;
};

// An HTTP response's head, parsed from the start of a record's block.
struct HttpHead {
  int status = 0;
  size_t size = 0;  // bytes up to the body
  std::string content_type, transfer_encoding, content_encoding;
};

// The head of the HTTP response at the start of `block`, or nullopt if the
// block does not start with one that ends within it.
std::optional<HttpHead> ParseHttpHead(std::string_view block) {
  if (block.substr(0, 5) != "HTTP/") return std::nullopt;
  HttpHead h;
  size_t at = 0;
  for (int n = 0; n <= kMaxHeaderFields; ++n) {
    const size_t eol = block.find('\n', at);
    if (eol == std::string_view::npos) return std::nullopt;
    const std::string_view line = TrimHeaderValue(block.substr(at, eol - at));
    at = eol + 1;
    if (n == 0) {  // "HTTP/1.1 200 OK"
      const size_t sp = line.find(' ');
      if (sp == std::string_view::npos) return std::nullopt;
      const std::string_view code = line.substr(sp + 1, 3);
      if (code.size() != 3 ||
          !std::all_of(code.begin(), code.end(),
                       [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
      h.status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
      continue;
    }
    if (line.empty()) {
      h.size = at;
      return h;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string name = LowerAscii(TrimHeaderValue(line.substr(0, colon)));
    const std::string_view value = TrimHeaderValue(line.substr(colon + 1));
    if (name == "content-type")
      h.content_type = value;
    else if (name == "transfer-encoding")
      h.transfer_encoding = value;
    else if (name == "content-encoding")
      h.content_encoding = value;
  }
  return std::nullopt;
}

// `url` made absolute against `base` when it is a path ("/news/a",
// "//host/a"); `base` itself when `url` is empty or neither.
std::string Absolute(const std::string& url, std::string_view base) {
  if (url.find("://") != std::string::npos) return url;
  const size_t scheme_end = base.find("://");
  if (url.empty() || scheme_end == std::string_view::npos)
    return std::string(base);
  if (url.rfind("//", 0) == 0)
    return std::string(base.substr(0, scheme_end + 1)) + url;
  if (url.front() == '/') {
    const size_t host_end = base.find('/', scheme_end + 3);
    return std::string(base.substr(0, host_end)) + url;
  }
  return std::string(base);
}

// An ARC record's header line: "URL IP-address Archive-date Content-type
// Archive-length" (version 1), or the same with result code, checksum,
// location, offset and file name before the length (version 2). Read from
// the right, since crawlers wrote URLs with spaces in them. nullopt if
// `line` is not one: no archive date of 8 to 14 digits where either
// version has it, a URL without a scheme, or a length that is not a number.
std::optional<RecordHead> ParseArcHead(std::string_view line) {
  std::vector<std::string_view> fields;
  for (size_t at = 0; at < line.size();) {
    const size_t sp = line.find(' ', at);
    const size_t end = sp == std::string_view::npos ? line.size() : sp;
    if (end > at) fields.push_back(line.substr(at, end - at));
    at = end + 1;
  }
  const auto is_date = [](std::string_view s) {
    return s.size() >= 8 && s.size() <= 14 && ParseLength(s);
  };
  // The fields after the URL: 9 in version 2 (its offset, a number that
  // could pass for a date, is where version 1 has the date), else 4.
  const size_t count = fields.size();
  size_t after = 0;
  if (count >= 10 && is_date(fields[count - 8]) && ParseLength(fields[count - 3]))
    after = 9;
  else if (count >= 5 && is_date(fields[count - 3]))
    after = 4;
  if (after == 0) return std::nullopt;
  const size_t n = fields.size() - after;  // fields of the URL
  const std::string_view url(fields[0].data(),
                             static_cast<size_t>(fields[n - 1].data() + fields[n - 1].size() -
                                                 fields[0].data()));
  if (url.find(':') == std::string_view::npos) return std::nullopt;
  RecordHead h;
  h.length = ParseLength(fields.back());
  if (!h.length) return std::nullopt;
  // Only pages are articles: the file's own description (filedesc://),
  // DNS lookups and the like are passed over.
  h.type = IsHttpUrl(url) ? "response" : "other";
  h.target = std::string(url);
  const std::string_view date = fields[n + 1];
  h.content_type = std::string(fields[n + 2]);
  // "20190704123456" as WARC-Date writes it: "2019-07-04T12:34:56Z".
  std::string iso = std::string(date.substr(0, 4)) + "-" + std::string(date.substr(4, 2)) +
                    "-" + std::string(date.substr(6, 2));
  if (date.size() >= 12)
    iso += "T" + std::string(date.substr(8, 2)) + ":" + std::string(date.substr(10, 2)) + ":" +
           (date.size() >= 14 ? std::string(date.substr(12, 2)) : std::string("00")) + "Z";
  h.date = std::move(iso);
  return h;
}

class WarcReader : public Reader {
 public:
  // `arc`: the file is in the older ARC format (ParseArcHead) instead of WARC.
  WarcReader(std::string path, std::unique_ptr<ByteSource> in, bool arc)
      : path_(std::move(path)), in_(std::move(in)), arc_(arc) {}

  Result<std::optional<Article>> Next() override {
    for (;;) {
      if (done_) return std::optional<Article>();
      auto head = NextHead();
      if (!head.ok()) return head.status();
      if (!head.value()) {
        done_ = true;
        return std::optional<Article>();
      }
      auto article = ReadRecord(*head.value());
      if (!article.ok() || article.value()) return article;
    }
  }

 private:
  Status Error(uint64_t line, const std::string& reason) const {
    return Status::InvalidArgument(path_ + ":" + std::to_string(line) + ": " +
                                   reason);
  }
  // A failure of the stream itself (corrupt gzip, I/O): nothing more can be
  // read.
  Status Fatal(uint64_t line, const Status& s) {
    done_ = true;
    return Status(s.code(),
                  path_ + ":" + std::to_string(line) + ": " + s.message());
  }

  // The header of the next record; nullopt at the end of the file.
  Result<std::optional<RecordHead>> NextHead() {
    if (arc_) return NextArcHead();
    std::string line;
    bool cut = false;
    RecordHead h;
    for (;;) {
      h.line = in_.lines() + 1;
      auto got = in_.Line(&line, kMaxHeaderLine, &cut);
      if (!got.ok()) return Fatal(h.line, got.status());
      if (!got.value()) return std::optional<RecordHead>();
      if (line.rfind("WARC/", 0) == 0) break;
      if (TrimHeaderValue(line).empty() || lost_)
        continue;  // between records, or looking for one
      if (!seen_record_) {
        done_ = true;
        return Error(h.line,
                     "not a WARC file (it does not start with a WARC/1.0 or "
                     "WARC/1.1 line)");
      }
      lost_ = true;
      return Error(
          h.line,
          "no record starts here (the previous record's Content-Length is "
          "wrong?): skipped to the next record");
    }
    seen_record_ = true;
    lost_ = false;
    for (int n = 0;; ++n) {
      const uint64_t at = in_.lines() + 1;
      auto got = in_.Line(&line, kMaxHeaderLine, &cut);
      if (!got.ok()) return Fatal(at, got.status());
      if (!got.value()) {
        done_ = true;
        return Error(h.line, "the file ends inside this record's header");
      }
      if (line.empty()) break;
      if (cut || n >= kMaxHeaderFields) {
        lost_ = true;
        return Error(
            h.line,
            "broken record header (a line over " + KiB(kMaxHeaderLine) + " or over " +
                std::to_string(kMaxHeaderFields) + " fields): skipped to the next record");
      }
      const size_t colon = line.find(':');
      if (colon == std::string::npos) continue;  // a folded line
      const std::string name =
          LowerAscii(TrimHeaderValue(std::string_view(line).substr(0, colon)));
      std::string value(TrimHeaderValue(std::string_view(line).substr(colon + 1)));
      if (name == "warc-type")
        h.type = LowerAscii(value);
      else if (name == "warc-target-uri")
        h.target = std::move(value);
      else if (name == "warc-date")
        h.date = std::move(value);
      else if (name == "content-type")
        h.content_type = std::move(value);
      else if (name == "content-length")
        h.length = ParseLength(value);
    }
    if (!h.length) {
      lost_ = true;
      return Error(
          h.line,
          "record without a valid Content-Length: skipped to the next record");
    }
    // WARC 1.0 wrote the URI in angle brackets.
    if (h.target.size() >= 2 && h.target.front() == '<' &&
        h.target.back() == '>')
      h.target = h.target.substr(1, h.target.size() - 2);
    return std::optional<RecordHead>(std::move(h));
  }

  // The same in an ARC file: one header line per record, the first record
  // the file's own description ("filedesc://..."). After a broken header,
  // the next line that reads as a header starts the next record.
  Result<std::optional<RecordHead>> NextArcHead() {
    std::string line;
    bool cut = false;
    for (;;) {
      const uint64_t at = in_.lines() + 1;
      auto got = in_.Line(&line, kMaxHeaderLine, &cut);
      if (!got.ok()) return Fatal(at, got.status());
      if (!got.value()) return std::optional<RecordHead>();
      if (TrimHeaderValue(line).empty()) continue;  // between records
      std::optional<RecordHead> h = cut ? std::nullopt : ParseArcHead(TrimHeaderValue(line));
      if (h && (seen_record_ || StartsWithNoCase(h->target, "filedesc://"))) {
        h->line = at;
        seen_record_ = true;
        lost_ = false;
        return h;
      }
      if (lost_) continue;  // looking for a record
      if (!seen_record_) {
        done_ = true;
        return Error(at, "not an ARC file (it does not start with a filedesc:// record)");
      }
      lost_ = true;
      return Error(at,
                   "not an ARC record header (the previous record's length is wrong?): "
                   "skipped to the next record");
    }
  }

  // Passes the rest of a block; an error if the file ends first.
  Status Skip(const RecordHead& h, uint64_t n) {
    auto got = in_.Take(n, 0, nullptr);
    if (!got.ok()) return Fatal(in_.lines() + 1, got.status());
    if (got.value() < n) return Ends(h);
    return Status::Ok();
  }
  Status Ends(const RecordHead& h) {
    done_ = true;
    return Error(h.line, std::string("the file ends inside this record (") +
                             (arc_ ? "length " : "Content-Length ") +
                             std::to_string(*h.length) + ")");
  }

  // The article in the record whose header is `h`, nullopt if it holds none.
  Result<std::optional<Article>> ReadRecord(const RecordHead& h) {
    const uint64_t length = *h.length;
    const std::string media = MediaType(h.content_type);
    const bool response = h.type == "response";
    const bool page_resource = h.type == "resource" && IsHtmlType(media);
    const bool text = h.type == "conversion" && media == "text/plain";
    if (!response && !page_resource && !text) {
      if (Status s = Skip(h, length); !s.ok()) return s;
      return std::optional<Article>();
    }
    // The HTTP head first: most responses are not pages.
    std::string block;
    const uint64_t first = std::min<uint64_t>(length, kMaxHttpHead);
    auto got = in_.Take(first, first, &block);
    if (!got.ok()) return Fatal(in_.lines() + 1, got.status());
    if (got.value() < first) return Ends(h);
    uint64_t rest = length - first;
    HttpHead http;
    if (response) {
      std::optional<HttpHead> parsed = ParseHttpHead(block);
      if (!parsed && arc_) {
        // Some ARC writers kept a page without its HTTP head: the body is
        // then of the header line's type (what is not a page is passed
        // over below, as a response of that type would be), and of none
        // when that says it is unknown ("no-type", "unk", "-"), so that a
        // body that opens as HTML is a page.
        parsed.emplace();
        parsed->status = 200;
        if (h.content_type.find('/') != std::string::npos) parsed->content_type = h.content_type;
      } else if (!parsed && IsHttpUrl(h.target)) {
        // (A response for another scheme, dns: above all, holds no HTTP.)
        if (Status s = Skip(h, rest); !s.ok()) return s;
        return Error(h.line, Where(h) +
                                 "the record holds no HTTP response (no status line, or a "
                                 "head that does not end within " +
                                 KiB(kMaxHttpHead) + "): passed over");
      }
      const std::string http_media =
          parsed ? MediaType(parsed->content_type) : "";
      const bool page =
          parsed && parsed->status >= 200 && parsed->status < 300 &&
          parsed->status != 204 && parsed->status != 206 &&
          (IsHtmlType(http_media) ||
           (http_media.empty() &&
            LooksLikeHtml(std::string_view(block).substr(parsed->size))));
      if (!page) {
        if (Status s = Skip(h, rest); !s.ok()) return s;
        return std::optional<Article>();
      }
      http = std::move(*parsed);
    }
    // The rest of the block, unless the page is too long to read.
    const uint64_t payload = length - http.size;
    if (payload > kMaxArticleBytes) {
      if (Status s = Skip(h, rest); !s.ok()) return s;
      return Error(h.line, Where(h) + TooLong(kMaxArticleBytes));
    }
    got = in_.Take(rest, static_cast<size_t>(length), &block);
    if (!got.ok()) return Fatal(in_.lines() + 1, got.status());
    if (got.value() < rest) return Ends(h);

    Article a;
    if (text) {
      auto parsed = ParseTextArticle(DecodeToUtf8(block));
      if (!parsed.ok())
        return Error(h.line, Where(h) + parsed.status().message());
      a = std::move(parsed).value();
    } else {
      auto body = DecodeHttpBody(std::string_view(block).substr(http.size),
                                 http.transfer_encoding, http.content_encoding,
                                 kMaxArticleBytes);
      if (!body.ok()) return Error(h.line, Where(h) + body.status().message());
      const std::string charset =
          CharsetOf(response ? http.content_type : h.content_type);
      auto parsed = ParseHtmlArticle(body.value(), charset);
      if (!parsed.ok())
        return Error(h.line, Where(h) + parsed.status().message());
      a = std::move(parsed).value();
    }
    a.url = Absolute(OneLine(a.url), OneLine(SanitizeUtf8(h.target)));
    if (OneLine(a.date).empty())
      a.date = NormalizeDate(OneLine(SanitizeUtf8(h.date)));
    a.source_path = path_;
    a.record = h.line;
    FinishArticle(&a);
    return std::optional<Article>(std::move(a));
  }

  // "URL: " for messages about a record, or "" if it names none.
  static std::string Where(const RecordHead& h) {
    const std::string url = OneLine(SanitizeUtf8(h.target));
    return url.empty() ? std::string() : url + ": ";
  }

  std::string path_;
  Input in_;
  const bool arc_;
  bool done_ = false;
  bool seen_record_ = false;  // a record's header has been read
  bool lost_ = false;         // looking for the next record after a broken one
};

}  // namespace

std::unique_ptr<Reader> NewWarcReader(std::string path,
                                      std::unique_ptr<ByteSource> in) {
  return std::make_unique<WarcReader>(std::move(path), std::move(in), false);
}

std::unique_ptr<Reader> NewArcReader(std::string path, std::unique_ptr<ByteSource> in) {
  return std::make_unique<WarcReader>(std::move(path), std::move(in), true);
}

}  // namespace newsarc::indexer
