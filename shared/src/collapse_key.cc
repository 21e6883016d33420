#include "collapse_key.h"

#include <cstdint>
#include <cstdio>
#include <functional>
#include <random>
#include <vector>

#include "schema.h"

namespace newsarc::internal {
namespace {

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Appends up to `max` words of `text` to `words`.
void Words(std::string_view text, size_t max,
           std::vector<std::string_view>& words) {
  size_t i = 0;
  while (i < text.size() && words.size() < max) {
    while (i < text.size() && !IsWordByte(static_cast<unsigned char>(text[i])))
      ++i;
    size_t b = i;
    while (i < text.size() && IsWordByte(static_cast<unsigned char>(text[i])))
      ++i;
    if (i > b) words.push_back(text.substr(b, i - b));
  }
}

}  // namespace

std::string CollapseKey(std::string_view folded_title,
                        std::string_view folded_body) {
  std::vector<std::string_view> words;
  Words(folded_body, kCollapseLeadWords, words);
  if (words.size() < kCollapseLeadWords) {
    words.clear();
    Words(folded_title, SIZE_MAX, words);
    Words(folded_body, SIZE_MAX, words);
  }
  if (words.size() < kCollapseMinWords) return "";
  uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a: stable across builds
  for (std::string_view w : words) {
    for (char c : w) {
      h ^= static_cast<unsigned char>(c);
      h *= 0x100000001b3ULL;
    }
    h ^= ' ';
    h *= 0x100000001b3ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

uint64_t KeyHash(std::string_view key) { return std::hash<std::string_view>{}(key); }

std::vector<std::pair<Xapian::docid, uint64_t>> KeyedArticles(const Xapian::Database& db) {
  std::vector<std::pair<Xapian::docid, uint64_t>> keyed;
  for (auto v = db.valuestream_begin(schema::kSlotCollapse);
       v != db.valuestream_end(schema::kSlotCollapse); ++v) {
    keyed.emplace_back(v.get_docid(), KeyHash(*v));
  }
  return keyed;
}

Xapian::doccount MarkCopies(Xapian::WritableDatabase& db, const std::vector<Xapian::docid>& ids) {
  Xapian::doccount changed = 0;
  for (const Xapian::docid id : ids) {
    Xapian::Document doc;
    try {
      doc = db.get_document(id);
    } catch (const Xapian::DocNotFoundError&) {
      continue;  // deleted since it was written
    }
    const std::string key = doc.get_value(schema::kSlotCollapse);
    if (key.empty() || doc.get_value(schema::kSlotCopies) == key) continue;
    // Only a value changes: Xapian rewrites the values, not the terms.
    doc.add_value(schema::kSlotCopies, key);
    db.replace_document(id, doc);
    ++changed;
  }
  return changed;
}

void RecordCopiesMarked(Xapian::WritableDatabase& db, const std::string& group) {
  std::string value = std::to_string(db.get_revision() + 1);
  if (!group.empty()) value += ' ' + group;
  db.set_metadata(std::string(schema::kMetaCopies), value);
}

std::string NewMarkGroup() {
  std::random_device random;
  const uint64_t n = (uint64_t{random()} << 32) | random();
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(n));
  return hex;
}

std::optional<std::string> CompleteMarks(const Xapian::Database& db) {
  const std::string value = db.get_metadata(std::string(schema::kMetaCopies));
  const size_t space = value.find(' ');
  const std::string revision = value.substr(0, space);
  if (revision.empty() || revision != std::to_string(db.get_revision())) return std::nullopt;
  return space == std::string::npos ? std::string() : value.substr(space + 1);
}

bool CopiesMarked(const Xapian::Database& db) { return CompleteMarks(db).has_value(); }

bool MarkedTogether(const std::vector<std::optional<std::string>>& marks) {
  if (marks.empty() || !marks[0] || marks[0]->empty()) return false;
  for (const std::optional<std::string>& m : marks) {
    if (m != marks[0]) return false;
  }
  return true;
}

bool CopiesMarked(const std::vector<Xapian::Database>& dbs) {
  if (dbs.size() == 1) return CopiesMarked(dbs[0]);
  std::vector<std::optional<std::string>> marks;
  for (const Xapian::Database& db : dbs) {
    if (db.get_doccount() == 0) continue;  // no article, no copy (a metadata database)
    marks.push_back(CompleteMarks(db));
    if (!marks.back()) return false;
  }
  return MarkedTogether(marks);
}

}  // namespace newsarc::internal
