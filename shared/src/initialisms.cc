#include "initialisms.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

#include "ascii.h"

namespace newsarc::internal {
namespace {

bool IsWordCodePoint(UChar32 c) {
  if (c < 0) return false;
  if (c < 0x80) {
    const char a = static_cast<char>(c);
    return IsAsciiLetter(a) || (a >= '0' && a <= '9') || a == '_';
  }
  const int8_t type = u_charType(c);
  return u_isalnum(c) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

// The code point that ends right before text[end] (-1 at the start).
UChar32 CodePointBefore(std::string_view text, size_t end) {
  if (end == 0) return -1;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  if (s[end - 1] < 0x80) return s[end - 1];
  auto i = static_cast<int32_t>(end);
  UChar32 c;
  U8_PREV(s, 0, i, c);
  return c;
}

// The code point at text[i] (-1 past the end).
UChar32 CodePointAt(std::string_view text, size_t i) {
  if (i >= text.size()) return -1;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  if (s[i] < 0x80) return s[i];
  auto k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(s, k, static_cast<int32_t>(text.size()), c);
  return c;
}

// Whether a word character (or a full stop) ends right before text[end].
bool WordOrStopBefore(std::string_view text, size_t end) {
  const UChar32 c = CodePointBefore(text, end);
  return c == '.' || IsWordCodePoint(c);
}

// Whether a word character starts at text[i].
bool WordAt(std::string_view text, size_t i) { return IsWordCodePoint(CodePointAt(text, i)); }

bool IsApostropheCodePoint(UChar32 c) { return c == '\'' || c == 0x2019; }

// Characters that join what stands on either side of them into one token,
// for Xapian's term generator or for a reader (an address, a path).
bool Joins(UChar32 c) { return c == '-' || c == '&' || c == '@' || c == '/'; }

}  // namespace

size_t CompoundAt(std::string_view text, size_t i, std::string* joined) {
  const size_t n = text.size();
  if (i >= n || !IsAsciiLetter(text[i])) return 0;
  const UChar32 before = CodePointBefore(text, i);
  if (IsWordCodePoint(before) || Joins(before) || before == '.') return 0;
  // An apostrophe after a letter makes one word of both sides ("rock'n");
  // one after anything else opens a quote ('cease-fire').
  if (IsApostropheCodePoint(before) &&
      IsWordCodePoint(CodePointBefore(text, i - U8_LENGTH(before))))
    return 0;
  size_t j = i, parts = 0, letters = 0;
  while (true) {
    const size_t part = j;
    while (j < n && IsAsciiLetter(text[j])) ++j;
    if (j == part) return 0;  // a hyphen not followed by a letter
    ++parts;
    letters += j - part;
    if (j + 1 < n && text[j] == '-' && IsAsciiLetter(text[j + 1]) && parts < 4) {
      ++j;
      continue;
    }
    break;
  }
  if (parts < 2 || letters > kMaxCompound) return 0;
  const UChar32 after = CodePointAt(text, j);
  if (IsWordCodePoint(after) || Joins(after) || after == '+' || after == '#') return 0;
  if ((after == '.' || IsApostropheCodePoint(after)) &&
      IsWordCodePoint(CodePointAt(text, j + (after == '.' ? 1 : U8_LENGTH(after)))))
    return 0;
  if (joined) {
    joined->clear();
    for (size_t k = i; k < j; ++k)
      if (text[k] != '-') *joined += LowerAscii(text[k]);
  }
  return j - i;
}

std::vector<std::string> CompoundParts(std::string_view compound) {
  std::vector<std::string> parts;
  for (size_t b = 0;;) {
    const size_t e = std::min(compound.find('-', b), compound.size());
    parts.emplace_back(compound.substr(b, e - b));
    if (e == compound.size()) return parts;
    b = e + 1;
  }
}

std::vector<Compound> Compounds(std::string_view text) {
  std::vector<Compound> out;
  size_t done = 0;  // text[0, done) holds no more compounds
  // A compound's first hyphen follows its first part. The parts of a
  // longer chain ("a-b-c-d-e") make none: each has a hyphen before it or
  // after its fourth part (CompoundAt).
  for (size_t hyphen = text.find('-', 1); hyphen != std::string_view::npos;
       hyphen = text.find('-', hyphen + 1)) {
    size_t start = hyphen;
    while (start > done && IsAsciiLetter(text[start - 1])) --start;
    if (start == hyphen) continue;
    Compound c;
    if (const size_t length = CompoundAt(text, start, &c.joined)) {
      c.parts = CompoundParts(text.substr(start, length));
      out.push_back(std::move(c));
      done = start + length;
      hyphen = done - 1;
    }
  }
  return out;
}

size_t InitialismAt(std::string_view text, size_t i) {
  const size_t n = text.size();
  if (i + 1 >= n || text[i + 1] != '.' || !IsAsciiLetter(text[i]) || WordOrStopBefore(text, i))
    return 0;
  size_t j = i, letters = 0, end = 0;
  while (j < n && IsAsciiLetter(text[j])) {
    ++letters;
    end = j + 1;
    if (j + 1 < n && text[j + 1] == '.') {
      j += 2;
      continue;
    }
    // A letter that starts a longer word ("u.sa", "u.s.gov") makes the
    // whole a dotted name; a single one ends the initialism ("U.S").
    if (WordAt(text, j + 1)) return 0;
    j = n;
  }
  // After the last full stop: no digit or other letter ("U.S.1").
  if (j < n && WordAt(text, j)) return 0;
  return letters >= 2 ? end - i : 0;
}

std::string JoinInitialisms(std::string text) {
  std::string out;
  size_t copied = 0;  // text[0, copied) is in `out`
  // An initialism's first full stop follows its first letter.
  for (size_t stop = text.find('.', 1); stop != std::string::npos;
       stop = text.find('.', stop + 1)) {
    const size_t start = stop - 1;
    if (start < copied) continue;
    const size_t length = InitialismAt(text, start);
    if (length == 0) continue;
    if (out.empty()) out.reserve(text.size());
    out.append(text, copied, start - copied);
    for (size_t k = start; k < start + length; ++k)
      if (text[k] != '.') out += text[k];
    copied = start + length;
    stop = copied - 1;
  }
  if (copied == 0) return text;
  out.append(text, copied, std::string::npos);
  return out;
}

}  // namespace newsarc::internal
