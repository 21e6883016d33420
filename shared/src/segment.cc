#include "segment.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsarc::internal {
namespace {

// Thai, Lao, Myanmar, Khmer: letters, marks and digits of the blocks.
bool Unspaced(UChar32 c) {
  return (c >= 0x0E00 && c <= 0x0EFF) || (c >= 0x1000 && c <= 0x109F) ||
         (c >= 0x1780 && c <= 0x17FF) || (c >= 0x19E0 && c <= 0x19FF);
}

// ICU's word breaker, one per thread (creating one loads its dictionaries'
// state: too slow per call); nullptr if ICU cannot make one.
icu::BreakIterator* WordBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(
        icu::BreakIterator::createWordInstance(icu::Locale("th"), status));
    if (U_FAILURE(status)) b.reset();
    return b;
  }();
  return breaker.get();
}

// Appends `run` (a run of unspaced-script text) with a space at each word
// boundary ICU finds inside it.
void AppendSpacedOut(std::string_view run, std::string* out) {
  // The breaker keeps a reference to its text: this one is made before the
  // breaker, so it outlives it.
  thread_local icu::UnicodeString u;
  icu::BreakIterator* breaker = WordBreaker();
  if (breaker == nullptr) {
    out->append(run);
    return;
  }
  u = icu::UnicodeString::fromUTF8(icu::StringPiece(run.data(), static_cast<int32_t>(run.size())));
  breaker->setText(u);
  int32_t start = breaker->first();
  for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE;
       start = end, end = breaker->next()) {
    if (start > 0) out->push_back(' ');
    u.tempSubStringBetween(start, end).toUTF8String(*out);
  }
}

}  // namespace

bool MayHoldUnspaced(std::string_view text) {
  // Their code points are all written with lead byte 0xE0 or 0xE1. Not
  // find_first_of, which looks each byte up in the set (a call per byte).
  return !text.empty() && (std::memchr(text.data(), 0xE0, text.size()) != nullptr ||
                           std::memchr(text.data(), 0xE1, text.size()) != nullptr);
}

std::string SpaceOutWords(std::string_view text) {
  if (!MayHoldUnspaced(text) || text.size() > INT32_MAX) return std::string(text);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || !Unspaced(c)) {
      out.append(text.substr(begin, i - begin));
      continue;
    }
    int32_t end = i;
    while (end < length) {
      int32_t next = end;
      U8_NEXT(bytes, next, length, c);
      if (c < 0 || !Unspaced(c)) break;
      end = next;
    }
    AppendSpacedOut(text.substr(begin, end - begin), &out);
    i = end;
  }
  return out;
}

std::vector<size_t> WordBreaks(std::string_view text) {
  std::vector<size_t> breaks;
  if (!MayHoldUnspaced(text)) return breaks;
  const std::string spaced = SpaceOutWords(text);
  // SpaceOutWords adds spaces and changes nothing else: each space it adds
  // stands before the byte of `text` that follows it.
  size_t added = 0;
  for (size_t o = 0, i = 0; o < spaced.size(); ++o) {
    if (i < text.size() && spaced[o] == text[i]) {
      ++i;
    } else {
      breaks.push_back(o - added);
      ++added;
    }
  }
  return breaks;
}

}  // namespace newsarc::internal
