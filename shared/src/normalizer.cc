// ICU normalisation. UErrorCode is checked here and nowhere else.
#include "newsarc/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cassert>
#include <string>

#include "ascii.h"

namespace newsarc {
namespace {

// Invalid sequences become U+FFFD, as ICU's own UTF-8 conversion does; doing
// it here keeps ICU's behaviour out of the contract.
icu::UnicodeString ToUnicode(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

const icu::Normalizer2& Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  assert(U_SUCCESS(status) && n);
  return *n;
}
const icu::Normalizer2& Nfd() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  assert(U_SUCCESS(status) && n);
  return *n;
}
const icu::Normalizer2& NfkcCasefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  assert(U_SUCCESS(status) && n);
  return *n;
}

icu::UnicodeString Normalize(const icu::Normalizer2& n,
                             const icu::UnicodeString& s) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = n.normalize(s, status);
  return U_SUCCESS(status) ? out : s;
}

// Letters that NFD does not decompose but that readers of Latin scripts
// treat as a plain letter with a mark ("Ø" is typed as "O"). Input is
// already case folded.
const char16_t* LatinSpecial(UChar32 c) {
  switch (c) {
    case 0x00F8: return u"o";   // ø
    case 0x0111: return u"d";   // đ
    case 0x00F0: return u"d";   // ð
    case 0x0142: return u"l";   // ł
    case 0x00E6: return u"ae";  // æ
    case 0x0153: return u"oe";  // œ
    case 0x00FE: return u"th";  // þ
    case 0x0131: return u"i";   // dotless ı
    case 0x0127: return u"h";   // ħ
    default: return nullptr;
  }
}

// Quotes, apostrophes and primes in all their typographic forms.
char16_t QuoteReplacement(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x02BC: case 0x2032: case 0x0060: case 0x00B4:
    case 0xFF07:
      return u'\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x00AB: case 0x00BB: case 0x2033: case 0x301D:
    case 0x301E: case 0xFF02:
      return u'"';
    default:
      return 0;
  }
}

// Diacritics are only dropped from scripts where they are accents on a
// base letter; in Devanagari or Hebrew the same class of mark is part of
// the spelling.
bool MarksAreAccents(UScriptCode script) {
  return script == USCRIPT_LATIN || script == USCRIPT_GREEK ||
         script == USCRIPT_CYRILLIC || script == USCRIPT_COMMON ||
         script == USCRIPT_INHERITED;
}

// FoldKey's loop below for ASCII text, without ICU: no marks, and the word
// characters are the letters and digits.
std::string FoldKeyAscii(std::string_view s) {
  auto is_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  bool kept_previous = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool joiner = c == '.' || c == '-' || c == '\'';
    const bool keep = is_word(c) || c == '&' ||
                      (joiner && kept_previous && i + 1 < s.size() && is_word(s[i - 1]) &&
                       is_word(s[i + 1]));
    kept_previous = keep;
    if (keep) {
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      out += c;
    } else {
      pending_space = true;
    }
  }
  return out;
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0;
  const auto n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string CleanText(std::string_view text) {
  bool needs_work = !internal::IsAscii(text);
  if (!needs_work) {
    for (unsigned char c : text)
      if (c < 0x20 && c != '\n' && c != '\t') needs_work = true;
    if (!needs_work) return std::string(text);
  }
  icu::UnicodeString u = ToUnicode(text);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (c == '\r') continue;
    if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c < 0xA0)) {
      kept.append(static_cast<UChar32>(' '));
      continue;
    }
    kept.append(c);
  }
  return ToUtf8(Normalize(Nfc(), kept));
}

std::string FoldText(std::string_view text) {
  if (internal::IsAscii(text)) {
    std::string out(text);
    for (char& c : out) {
      c = c == '`' ? '\'' : internal::LowerAscii(c);
    }
    return out;
  }
  icu::UnicodeString folded = Normalize(NfkcCasefold(), ToUnicode(text));
  icu::UnicodeString decomposed = Normalize(Nfd(), folded);
  icu::UnicodeString out;
  UScriptCode base_script = USCRIPT_COMMON;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) {
      if (!MarksAreAccents(base_script)) out.append(c);
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    base_script = uscript_getScript(c, &status);
    if (U_FAILURE(status)) base_script = USCRIPT_UNKNOWN;
    if (char16_t q = QuoteReplacement(c)) {
      out.append(q);
    } else if (const char16_t* special = LatinSpecial(c)) {
      out.append(icu::UnicodeString(special));
    } else {
      out.append(c);
    }
  }
  return ToUtf8(Normalize(Nfc(), out));
}

std::string FoldKey(std::string_view name) {
  const std::string folded = FoldText(name);
  if (internal::IsAscii(folded)) return FoldKeyAscii(folded);
  icu::UnicodeString u = ToUnicode(folded);
  icu::UnicodeString out;
  auto is_mark = [](UChar32 c) {
    return u_charType(c) == U_NON_SPACING_MARK || u_charType(c) == U_COMBINING_SPACING_MARK;
  };
  auto is_word = [](UChar32 c) {
    return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK ||
           u_charType(c) == U_COMBINING_SPACING_MARK;
  };
  bool pending_space = false;
  bool kept_previous = false;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    const int32_t next = i + U16_LENGTH(c);
    const bool joiner = c == '.' || c == '-' || c == '\'';
    // A mark stays only with the character it belongs to, and a joiner only
    // between two kept word characters: else FoldText would drop the mark,
    // or the joiner would lead, in FoldKey(FoldKey(x)).
    const bool keep =
        is_mark(c) ? kept_previous
                   : is_word(c) || c == '&' ||
                         (joiner && kept_previous && next < u.length() &&
                          is_word(u.char32At(i - 1)) && is_word(u.char32At(next)) &&
                          !is_mark(u.char32At(next)));
    kept_previous = keep;
    if (keep) {
      if (pending_space && !out.isEmpty()) out.append(static_cast<UChar32>(' '));
      pending_space = false;
      out.append(c);
    } else {
      pending_space = true;
    }
    i = next;
  }
  return ToUtf8(out);
}

}  // namespace newsarc
