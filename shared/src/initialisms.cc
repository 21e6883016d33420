#include "initialisms.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

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

// Whether a word character (or a full stop) ends right before text[end].
bool WordOrStopBefore(std::string_view text, size_t end) {
  if (end == 0) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  if (s[end - 1] < 0x80) return text[end - 1] == '.' || IsWordCodePoint(s[end - 1]);
  auto i = static_cast<int32_t>(end);
  UChar32 c;
  U8_PREV(s, 0, i, c);
  return IsWordCodePoint(c);
}

// Whether a word character starts at text[i].
bool WordAt(std::string_view text, size_t i) {
  if (i >= text.size()) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  if (s[i] < 0x80) return IsWordCodePoint(s[i]);
  auto k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(s, k, static_cast<int32_t>(text.size()), c);
  return IsWordCodePoint(c);
}

}  // namespace

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
