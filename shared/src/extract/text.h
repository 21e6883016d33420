// Tokens of an article: words, punctuation and quote marks, with the
// sentence and quotation structure the extractors need.
#ifndef NEWSARC_EXTRACT_TEXT_H_
#define NEWSARC_EXTRACT_TEXT_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsarc::internal {

enum class TokenKind : uint8_t {
  kWord,
  kPossessive,  // "'s" / "’s" split off a word
  kOpenQuote,
  kCloseQuote,
  kPunct,
};

struct Token {
  std::string_view text;  // view into the tokenised text
  TokenKind kind = TokenKind::kWord;
  uint32_t para = 0;            // paragraph number; 0 is the title
  bool cap = false;             // starts with an upper-case letter
  bool all_caps = false;        // two or more letters, all upper case
  bool camel = false;           // upper case after a lower-case letter ("WhatsApp")
  bool sentence_start = false;  // first token of a sentence
  bool in_quote = false;        // inside a direct quotation (quote marks excluded)

  bool Is(std::string_view s) const { return text == s; }
  bool IsWord() const { return kind == TokenKind::kWord; }
};

// Splits `text` (paragraphs separated by blank lines) into tokens. Paragraph
// numbers start at `first_para`. Robust to invalid UTF-8 (bad bytes become
// punctuation). Views point into `text`, which must outlive the tokens.
void Tokenize(std::string_view text, uint32_t first_para, std::vector<Token>* out);

}  // namespace newsarc::internal

#endif  // NEWSARC_EXTRACT_TEXT_H_
