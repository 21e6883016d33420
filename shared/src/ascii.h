// ASCII tests and case mapping for the fast paths that skip ICU (folding,
// snippets): locale-free, unlike <cctype>.
#ifndef NEWSARC_SRC_ASCII_H_
#define NEWSARC_SRC_ASCII_H_

#include <string>
#include <string_view>

namespace newsarc::internal {

inline bool IsAscii(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

inline bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

inline bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }

inline bool IsAsciiLetter(char c) { return IsUpperAscii(c) || IsLowerAscii(c); }

inline bool HasDigit(std::string_view text) {
  for (const char c : text) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

// True if `text` is one or more ASCII digits and nothing else.
inline bool IsDigits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

inline char LowerAscii(char c) {
  return IsUpperAscii(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

// A copy of a lower-case word with its first letter in capitals if that is
// ASCII: "london" -> "London", the form the word lists hold names in.
inline std::string TitleCase(std::string_view lower) {
  std::string s(lower);
  if (!s.empty() && IsLowerAscii(s[0])) s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_ASCII_H_
