#include "extract/text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstddef>

#include "ascii.h"
#include "extract/lexicon.h"
#include "stop_words.h"

namespace newsarc::internal {
namespace {

constexpr UChar32 kLeftDouble = 0x201C, kRightDouble = 0x201D, kLowDouble = 0x201E;
constexpr UChar32 kLeftGuillemet = 0x00AB, kRightGuillemet = 0x00BB;
constexpr UChar32 kRightSingle = 0x2019;

// Decodes the code point at `i`; invalid bytes decode to a negative value
// and advance by at least one byte.
UChar32 Peek(std::string_view s, size_t i, size_t* next) {
  if (i >= s.size()) {
    *next = i;
    return -1;
  }
  int32_t pos = static_cast<int32_t>(i);
  const int32_t len = static_cast<int32_t>(s.size());
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, len, c);
  *next = static_cast<size_t>(pos);
  return c;
}

bool IsWordChar(UChar32 c) {
  if (c < 0) return false;
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

bool IsSpace(UChar32 c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || (c > 0x7f && u_isUWhiteSpace(c)); }

bool IsApostrophe(UChar32 c) { return c == '\'' || c == kRightSingle; }

void SetCaseFlags(Token* t) {
  size_t i = 0, next = 0;
  int letters = 0, upper = 0, lower = 0;
  bool first = true, prev_lower = false;
  while (i < t->text.size()) {
    UChar32 c = Peek(t->text, i, &next);
    i = next;
    if (c < 0) continue;
    // ASCII, most of any English text, without ICU's property lookups
    // (which give the same: no ASCII character is titlecase).
    const bool ascii = c < 0x80;
    const bool is_upper =
        ascii ? IsUpperAscii(static_cast<char>(c)) : (u_isupper(c) || u_istitle(c));
    const bool is_lower = ascii ? IsLowerAscii(static_cast<char>(c)) : u_islower(c);
    if (first) {
      t->cap = is_upper;
      first = false;
    }
    if (is_upper || is_lower) ++letters;
    if (is_upper) {
      ++upper;
      if (prev_lower) t->camel = true;
    }
    if (is_lower) ++lower;
    prev_lower = is_lower;
  }
  t->all_caps = letters >= 2 && lower == 0;
  if (t->camel && t->text.size() >= 3 &&
      (t->text.substr(0, 2) == "Mc" || t->text.substr(0, 3) == "Mac" ||
       t->text.substr(0, 2) == "De" || t->text.substr(0, 2) == "La" ||
       t->text.substr(0, 2) == "Di")) {
    t->camel = false;
  }
}

bool IsAbbreviation(const Token& t) {
  if (!t.IsWord()) return false;
  if (t.text.size() == 1 && t.cap) return true;  // initials: "J. Smith"
  if (IsAbbreviatedTitle(t.text)) return true;  // "Dr.", not "Justice." (lexicon.h)
  static constexpr std::string_view kAbbr[] = {"St", "No", "Gen", "Lt", "Col", "Sgt", "Jr",
                                               "Sr", "Inc", "Corp", "Co", "Ltd", "vs", "Gov",
                                               "Sen", "Rep", "Capt", "Maj", "Cmdr", "Supt",
                                               "Det", "Insp", "Prof", "Rev", "Mt", "Ft"};
  for (auto a : kAbbr) {
    if (t.text == a) return true;
  }
  return false;
}

}  // namespace

void Tokenize(std::string_view text, uint32_t first_para, std::vector<Token>* out) {
  const size_t begin_index = out->size();
  uint32_t para = first_para;
  bool in_quote = false;
  bool para_has_tokens = false;
  int newlines = 0;
  size_t i = 0;
  UChar32 prev_char = ' ';

  auto emit = [&](size_t b, size_t e, TokenKind kind) {
    if (newlines >= 2 && para_has_tokens) {
      ++para;
      in_quote = false;
      para_has_tokens = false;
    }
    newlines = 0;
    Token t;
    t.text = text.substr(b, e - b);
    t.kind = kind;
    t.para = para;
    if (kind == TokenKind::kOpenQuote) {
      in_quote = true;
    } else if (kind == TokenKind::kCloseQuote) {
      in_quote = false;
    } else {
      t.in_quote = in_quote;
    }
    if (kind == TokenKind::kWord) SetCaseFlags(&t);
    t.sentence_start = !para_has_tokens;
    para_has_tokens = true;
    out->push_back(t);
  };

  while (i < text.size()) {
    size_t next;
    UChar32 c = Peek(text, i, &next);
    if (IsSpace(c)) {
      if (c == '\n') ++newlines;
      prev_char = c;
      i = next;
      continue;
    }
    if (IsWordChar(c)) {
      size_t b = i, e = next;
      bool has_dot = false;
      for (;;) {
        size_t n1;
        UChar32 d = Peek(text, e, &n1);
        if (IsWordChar(d)) {
          e = n1;
          continue;
        }
        size_t n2;
        UChar32 d2 = Peek(text, n1, &n2);
        if (IsApostrophe(d) && IsWordChar(d2)) {
          size_t n3;
          UChar32 d3 = Peek(text, n2, &n3);
          if ((d2 == 's' || d2 == 'S') && !IsWordChar(d3)) break;  // possessive
          e = n2;
          continue;
        }
        if ((d == '-' || d == '&' || d == 0x2013) && IsWordChar(d2)) {  // en dash: "Export–Import"
          e = n2;
          continue;
        }
        if (d == '.' && d2 >= '0' && d2 <= '9' && text[e - 1] >= '0' && text[e - 1] <= '9') {
          e = n2;  // a decimal point ("48.4 percent"), which ends no sentence
          continue;
        }
        if (d == '.' && IsWordChar(d2) && !u_isdigit(d2)) {
          has_dot = true;
          e = n2;
          continue;
        }
        if (d == '.' && has_dot && e >= 2 && text[e - 2] == '.') e = n1;  // "U.S."
        break;
      }
      emit(b, e, TokenKind::kWord);
      i = e;
      prev_char = 'a';
      // Possessive or plural possessive marker.
      size_t n1;
      UChar32 d = Peek(text, i, &n1);
      if (IsApostrophe(d)) {
        size_t n2;
        UChar32 d2 = Peek(text, n1, &n2);
        if (d2 == 's' || d2 == 'S') {
          emit(i, n2, TokenKind::kPossessive);
          i = n2;
        } else if (!IsWordChar(d2) && i > 0 && (text[i - 1] == 's')) {
          emit(i, n1, TokenKind::kPossessive);  // "officers'"
          i = n1;
        }
      }
      continue;
    }
    TokenKind kind = TokenKind::kPunct;
    if (c == kLeftDouble || c == kLowDouble || c == kLeftGuillemet) {
      kind = TokenKind::kOpenQuote;
    } else if (c == kRightDouble || c == kRightGuillemet) {
      kind = TokenKind::kCloseQuote;
    } else if (c == '"') {
      bool new_para = newlines >= 2;
      if (in_quote && !new_para) {
        kind = TokenKind::kCloseQuote;
      } else {
        kind = TokenKind::kOpenQuote;
      }
    }
    emit(i, next, kind);
    prev_char = c;
    i = next;
  }
  (void)prev_char;

  // Sentence starts after ., ! and ? that do not end an abbreviation.
  for (size_t k = begin_index; k + 1 < out->size(); ++k) {
    Token& t = (*out)[k];
    if (t.kind != TokenKind::kPunct || t.text.size() != 1) continue;
    char p = t.text[0];
    if (p != '.' && p != '!' && p != '?') continue;
    if (p == '.' && k > begin_index && IsAbbreviation((*out)[k - 1])) {
      // "No. 10" is an abbreviation; '"No." Yesterday' ends a sentence.
      const Token& after = (*out)[k + 1];  // the loop leaves a token after k
      const char next = after.text[0];
      const bool number_follows = next >= '0' && next <= '9';
      // So does a letter before a function word in capitals: "from
      // Pech-de-l'Azé I. These tools were ..." (an initial comes before a
      // name: "John I. Smith").
      const bool letter_ends = (*out)[k - 1].text.size() == 1 && after.IsWord() && after.cap &&
                               !after.all_caps && !after.Is("I") &&
                               IsStopWord(Lower(after.text));
      if (!letter_ends && (!(*out)[k - 1].Is("No") || number_follows)) continue;
    }
    size_t n = k + 1;
    while (n < out->size() && (*out)[n].kind == TokenKind::kCloseQuote) ++n;
    // No sentence opens with a comma: "Fremont, Calif., investor".
    if (n < out->size() && ((*out)[n].Is(",") || (*out)[n].Is(";"))) continue;
    if (n < out->size()) (*out)[n].sentence_start = true;
  }
}

}  // namespace newsarc::internal
