// Document data: a version byte, then each field as a length-prefixed
// string in a fixed order. Compact, and no JSON parser in the hot path.
// Format 2 appends the quotes (a count, then speaker, text, "d" or "i" for
// direct or indirect, paragraph per quote); format 1 ends before them and
// is still read, so an index built before quotes were stored keeps working.
// Since schema 2 the id of an article named after its file is written
// without the path it repeats (PackFileId); whole ids read as before.
#include "stored_fields.h"

#include <xapian.h>

#include <cstdint>
#include <string>
#include <utility>

#include "keys.h"
#include "schema.h"

namespace newsarc::internal {
namespace {

constexpr char kFormatVersion = '\x02';
constexpr char kFormatVersionNoQuotes = '\x01';

}  // namespace

std::string SerializeFields(const StoredFields& f) {
  std::string out(1, kFormatVersion);
  auto put = [&out](const std::string& s) {
    // Length as a little varint, then the bytes.
    size_t n = s.size();
    do {
      unsigned char byte = n & 0x7F;
      n >>= 7;
      if (n) byte |= 0x80;
      out += static_cast<char>(byte);
    } while (n);
    out += s;
  };
  // An id named after the file is packed against the path (keys.h): in
  // the hit fields of Reuters' 19,043 stories, 1.6 of 5.4 MB.
  const std::string id = PackFileId(f.id, f.path);
  for (const std::string* s : {&id, &f.title, &f.body, &f.url, &f.site, &f.date,
                               &f.language, &f.byline, &f.path})
    put(*s);
  put(std::to_string(f.version));
  put(std::to_string(f.speakers.size()));
  for (const auto& s : f.speakers) put(s);
  put(std::to_string(f.organisations.size()));
  for (const auto& s : f.organisations) put(s);
  put(std::to_string(f.quotes.size()));
  for (const Quote& q : f.quotes) {
    put(q.speaker);
    put(q.text);
    put(q.direct ? "d" : "i");
    put(std::to_string(q.paragraph));
  }
  return out;
}

std::optional<StoredFields> ParseFields(std::string_view data) {
  if (data.empty() ||
      (data[0] != kFormatVersion && data[0] != kFormatVersionNoQuotes))
    return std::nullopt;
  size_t pos = 1;
  bool ok = true;
  auto get = [&]() -> std::string {
    size_t n = 0;
    int shift = 0;
    for (;;) {
      if (pos >= data.size() || shift > 56) {
        ok = false;
        return {};
      }
      const auto byte = static_cast<unsigned char>(data[pos++]);
      n |= static_cast<size_t>(byte & 0x7F) << shift;
      shift += 7;
      if (!(byte & 0x80)) break;
    }
    if (n > data.size() - pos) {
      ok = false;
      return {};
    }
    std::string s(data.substr(pos, n));
    pos += n;
    return s;
  };
  auto get_count = [&]() -> size_t {
    const std::string s = get();
    if (!ok || s.empty() || s.size() > 9) {
      ok = false;
      return 0;
    }
    for (char c : s)
      if (c < '0' || c > '9') {
        ok = false;
        return 0;
      }
    return std::stoul(s);
  };
  StoredFields f;
  for (std::string* s : {&f.id, &f.title, &f.body, &f.url, &f.site, &f.date,
                         &f.language, &f.byline, &f.path})
    *s = get();
  const std::string version = get();
  if (ok) {
    try {
      f.version = std::stoi(version);
    } catch (...) {
      ok = false;
    }
  }
  for (auto* list : {&f.speakers, &f.organisations}) {
    const size_t n = ok ? get_count() : 0;
    for (size_t i = 0; ok && i < n; ++i) list->push_back(get());
  }
  if (data[0] == kFormatVersion) {
    const size_t n = ok ? get_count() : 0;
    for (size_t i = 0; ok && i < n; ++i) {
      Quote q;
      q.speaker = get();
      q.text = get();
      const std::string kind = get();
      q.direct = kind == "d";
      ok = ok && (kind == "d" || kind == "i");
      q.paragraph = static_cast<uint32_t>(ok ? get_count() : 0);
      f.quotes.push_back(std::move(q));
    }
  }
  if (!ok || pos != data.size()) return std::nullopt;
  f.id = UnpackFileId(std::move(f.id), f.path);
  return f;
}

std::pair<std::string, std::string> SerializeStoredParts(const StoredFields& fields) {
  StoredFields text;
  text.body = fields.body;
  text.quotes = fields.quotes;
  StoredFields rest = fields;
  rest.body.clear();
  rest.quotes.clear();
  return {SerializeFields(rest), SerializeFields(text)};
}

std::optional<StoredFields> LoadFields(const Xapian::Document& doc, bool with_text) {
  const std::string hit = doc.get_value(schema::kSlotHitFields);
  if (hit.empty()) return ParseFields(doc.get_data());
  std::optional<StoredFields> f = ParseFields(hit);
  if (!f || !with_text) return f;
  std::optional<StoredFields> text = ParseFields(doc.get_data());
  if (!text) return std::nullopt;
  f->body = std::move(text->body);
  f->quotes = std::move(text->quotes);
  return f;
}

}  // namespace newsarc::internal
