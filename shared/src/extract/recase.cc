#include "extract/recase.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "ascii.h"
#include "extract/lexicon.h"
#include "extract/text.h"
#include "stop_words.h"

namespace newsarc::internal {
namespace {

// Endings of English nouns and adjectives that names hardly have
// ("oceanographer" aside, "geologist", "specialising", "predation"); the
// word list holds only lemmas counted in a tagged corpus. A first name is
// checked before this.
bool HasEnglishEnding(std::string_view w) {
  static constexpr std::string_view kEndings[] = {
      "ologist", "ologists", "ist", "ists", "ism", "isms", "tion", "tions", "sion", "sions", "ment",
      "ments", "ness", "ity", "ities", "ship", "ships", "able", "ible", "ous", "ful", "less", "ize",
      "izes", "ized", "izing", "ise", "ises", "ised", "ising", "ization", "isation", "ical",
      "ically", "ative", "atives", "ency", "ancy", "logy", "graphy", "grapher", "graphers",
      "ologies",
      // Adverbs ("dutifully", "prudently"), not names in -ly ("Donnelly").
      "fully", "ously", "ively", "ably", "ibly", "ingly", "edly", "ently", "antly"};
  for (std::string_view e : kEndings) {
    if (w.size() >= e.size() + 3 && w.substr(w.size() - e.size()) == e) return true;
  }
  return false;
}

// No vowel (y counts): "BBC", "NHS", "KGB" are read letter by letter.
bool Unpronounceable(std::string_view lower) {
  return std::none_of(lower.begin(), lower.end(), [](char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' ||
           static_cast<unsigned char>(c) >= 0x80;
  });
}

bool HasLowerCase(std::string_view w) {
  for (size_t i = 0; i < w.size();) {
    UChar32 c;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(w.data()), pos, static_cast<int32_t>(w.size()), c);
    i = static_cast<size_t>(pos);
    if (c >= 0 && (c < 0x80 ? IsLowerAscii(static_cast<char>(c)) : u_islower(c))) return true;
  }
  return false;
}

// A word of the text without case: English or not. Every part of a
// hyphenated word is ("co-author", "tree-dwelling", "eight-year").
bool IsEnglish(std::string_view w) {
  if (IsStopWord(w) || IsEnglishWordForm(w)) return true;
  if (IsWordPrefix(w)) return true;  // "co-author", "ex-minister"
  if (const size_t dash = w.find('-'); dash != std::string_view::npos) {
    return dash > 0 && dash + 1 < w.size() && IsEnglish(w.substr(0, dash)) &&
           IsEnglish(w.substr(dash + 1));
  }
  if (IsFirstName(TitleCase(w))) return false;
  if (HasEnglishEnding(w)) return true;
  // Verb forms of words the list lacks ("encrypted", "ploughing"); not the
  // syllables of Chinese names ("Jinping", "Xiaoping").
  const auto ends = [&](std::string_view e) {
    return w.size() > e.size() && w.compare(w.size() - e.size(), e.size(), e) == 0;
  };
  if (w.size() >= 6 && ends("ed")) return true;
  return w.size() >= 7 && ends("ing") && !ends("jing") && !ends("qing") && !ends("xing") &&
         !ends("ping") && !ends("ming");
}

bool IsHyphenated(std::string_view w) {
  const size_t dash = w.find('-');
  return dash != std::string_view::npos && dash > 0 && dash + 1 < w.size();
}

enum class Case : uint8_t {
  kKeep,      // as written: not a word, an acronym, a number
  kLower,     // an English word
  kTitle,     // a name: first letter upper case, the others lower
  kSentence,  // an English word opening a sentence: its first letter upper case
  kParts,     // hyphenated, some parts English: each part on its own
              // ("Yemen-based")
  kAsGazetteer,
};

enum class Letters : uint8_t {
  kLower,
  kFirst,  // the first upper case, the others lower: "I'm"
  kName,   // the same after an apostrophe or a hyphen too: "O'Neill", "El-Bitar"
};

// Writes the letters of text[begin, end) into out at the same place, in the
// case `how` gives them.
void SetCase(std::string_view text, size_t begin, size_t end, Letters how, std::string* out) {
  bool first = how != Letters::kLower;
  for (size_t i = begin; i < end;) {
    UChar32 c;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, static_cast<int32_t>(end), c);
    const size_t next = static_cast<size_t>(pos);
    if (c < 0) {
      i = next;
      continue;
    }
    const bool letter = c < 0x80 ? IsAsciiLetter(static_cast<char>(c)) : u_isalpha(c) != 0;
    if (!letter) {
      i = next;
      // "O'NEILL", "EL-BITAR": each part after an apostrophe or hyphen starts
      // afresh in a name.
      if (how == Letters::kName && (c == '\'' || c == '-' || c == 0x2013)) first = true;
      continue;
    }
    const UChar32 want = first ? u_toupper(c) : u_tolower(c);
    first = false;
    if (want != c && U8_LENGTH(want) == static_cast<int32_t>(next - i)) {
      uint8_t* dst = reinterpret_cast<uint8_t*>(out->data());
      int32_t at = static_cast<int32_t>(i);
      UBool error = false;
      U8_APPEND(dst, at, static_cast<int32_t>(next), want, error);
      (void)error;
    }
    i = next;
  }
}

class Recaser {
 public:
  explicit Recaser(std::string_view text) : text_(text) {
    Tokenize(text, 0, &tokens_);
    cls_.assign(tokens_.size(), Case::kKeep);
    gazetteer_.assign(tokens_.size(), std::string_view());
    lower_.reserve(tokens_.size());
    for (const Token& t : tokens_) {
      std::string w;
      w.reserve(t.text.size());
      for (size_t i = 0; i < t.text.size(); ++i) {
        if (t.text.compare(i, 3, "\xE2\x80\x99") == 0) {
          w += '\'';
          i += 2;
        } else {
          w += LowerAscii(t.text[i]);
        }
      }
      lower_.push_back(std::move(w));
    }
  }

  std::string Run() {
    Classify();
    Names();
    FirstNamesAfterRoles();
    Roles();
    Organisations();
    SentenceStarts();
    std::string out(text_);
    for (size_t k = 0; k < tokens_.size(); ++k) Write(k, &out);
    return out;
  }

 private:
  size_t Begin(size_t k) const {
    return static_cast<size_t>(tokens_[k].text.data() - text_.data());
  }
  size_t End(size_t k) const { return Begin(k) + tokens_[k].text.size(); }
  bool Word(size_t k) const { return k < tokens_.size() && tokens_[k].IsWord(); }
  // The word in lower case, a right single quote read as an apostrophe
  // ("I’M" -> "i'm"), for the word lists; every pass asks.
  const std::string& LowerOf(size_t k) const { return lower_[k]; }

  // Words k .. k + n - 1 are one gazetteer name: a single space between
  // each; returns its spelling there, or empty.
  std::string_view GazetteerAt(size_t k, size_t n) const {
    for (size_t j = k; j < k + n; ++j) {
      // Words in mixed case are left as written, inside a name too.
      if (!Word(j) || HasLowerCase(tokens_[j].text)) return {};
      if (j > k && (Begin(j) != End(j - 1) + 1 || text_[End(j - 1)] != ' ')) return {};
    }
    const std::string lowered = Lower(text_.substr(Begin(k), End(k + n - 1) - Begin(k)));
    return CasedGazetteerName(lowered);
  }

  void Classify() {
    for (size_t k = 0; k < tokens_.size(); ++k) {
      const Token& t = tokens_[k];
      if (t.kind == TokenKind::kPossessive) cls_[k] = Case::kLower;  // "ZURICH'S"
      if (!t.IsWord()) continue;
      if (HasLowerCase(t.text) || HasDigit(t.text)) continue;  // as written
      if (IsLowerCaseAbbreviation(LowerOf(k))) {               // before "FT", the newspaper
        cls_[k] = Case::kLower;
        continue;
      }
      // The longest gazetteer name from here: "UNITED NATIONS", "NATO".
      bool named = false;
      for (size_t n = std::min<size_t>(kMaxGazetteerWords, tokens_.size() - k); n >= 1; --n) {
        std::string_view name = GazetteerAt(k, n);
        if (name.empty()) continue;
        // One word: an acronym ("NATO", not "IT") or a name spelled in mixed
        // case that is no English word ("WhatsApp"; "Paris" needs no list).
        if (n == 1 && (IsStopWord(LowerOf(k)) || IsNameConnector(LowerOf(k)) ||
                       (HasLowerCase(name) && IsEnglish(LowerOf(k))))) {
          break;
        }
        for (size_t j = k; j < k + n; ++j) cls_[j] = Case::kAsGazetteer;
        gazetteer_[k] = name;
        k += n - 1;
        named = true;
        break;
      }
      if (named) continue;
      const std::string& w = LowerOf(k);
      if (w.find('.') != std::string::npos) {
        continue;  // "U.S.", "U.A.R."
      } else if (w.size() == 1) {
        cls_[k] = w == "a" ? Case::kLower : Case::kKeep;  // "A" an article; "I", "J."
      } else if (IsEnglish(w) || IsNameConnector(w)) {    // "de Gaulle", "bin Laden"
        cls_[k] = Case::kLower;
      } else if ((w == "jr" || w == "sr") && k > 0 && Word(k - 1) &&
                 cls_[k - 1] == Case::kTitle) {
        cls_[k] = Case::kTitle;  // "ROBERT DOWNEY JR.", not the acronym "JR"
      } else if (Unpronounceable(w) && w.size() <= 5) {
        cls_[k] = Case::kKeep;
      } else if (IsHyphenated(w)) {
        cls_[k] = Case::kParts;
      } else {
        cls_[k] = Case::kTitle;
      }
    }
  }

  bool IsName(size_t k) const {
    return Word(k) && (cls_[k] == Case::kTitle || cls_[k] == Case::kAsGazetteer ||
                       (cls_[k] == Case::kKeep && !HasLowerCase(tokens_[k].text) &&
                        !HasDigit(tokens_[k].text)));  // "NBC", not "42"
  }

  // The word after a personal title or a first name is a name even when it
  // is also a word ("MR BROWN", "GORDON BROWN"), unless it is a function
  // word or a speech verb ("GORDON SAID"). A first name that is also a word
  // ("BILL", "MARK") is a name before a name.
  void Names() {
    for (size_t k = 0; k < tokens_.size(); ++k) {
      if (!Word(k)) continue;
      const std::string& w = LowerOf(k);
      const std::string title = TitleCase(w);
      const bool personal = IsPersonalTitle(w);
      // (The list has "The" and "De".)
      const bool first_name = IsFirstName(title) && !IsStopWord(w) && !IsNameConnector(w);
      if (personal || (first_name && cls_[k] == Case::kTitle)) {
        if (personal) cls_[k] = Case::kTitle;
        size_t n = k + 1;
        if (n < tokens_.size() && tokens_[n].Is(".")) ++n;  // "MR. SMITH"
        // Past a particle: "OSAMA BIN LADEN", "CHARLES DE GAULLE".
        if (Word(n) && IsNameConnector(LowerOf(n)) && !IsStopWord(LowerOf(n))) ++n;
        // After a first name, not a verb or an adverb either ("HUNTER
        // DECLINED", "SAADI DUTIFULLY").
        if (Word(n) && cls_[n] == Case::kLower && !IsStopWord(LowerOf(n)) &&
            SpeechVerbKind(LowerOf(n)) == SpeechVerb::kNone && (personal || NameWord(n))) {
          cls_[n] = Case::kTitle;
        }
      } else if (first_name && cls_[k] == Case::kLower && Word(k + 1) &&
                 cls_[k + 1] == Case::kTitle) {
        cls_[k] = Case::kTitle;
      }
    }
  }

  // A word between a role and a name is a first name even when it is also
  // a word: "SECRETARY AMBER RUDD", "PRESIDENT BILL CLINTON".
  void FirstNamesAfterRoles() {
    for (size_t k = 1; k + 1 < tokens_.size(); ++k) {
      if (!Word(k - 1) || !Word(k) || cls_[k] != Case::kLower || !IsName(k + 1)) continue;
      const std::string& role = LowerOf(k - 1);
      if (!IsRoleWord(role) && !IsPersonalTitle(role)) continue;
      if (NameWord(k)) cls_[k] = Case::kTitle;
    }
  }

  // Role words before a name take capitals as in "President Nasser",
  // "Deputy Prime Minister Smith"; right to left, so a chain of them does.
  void Roles() {
    for (size_t k = tokens_.size(); k-- > 0;) {
      if (!Word(k) || cls_[k] != Case::kLower || !IsName(k + 1)) continue;
      const std::string& w = LowerOf(k);
      if (IsRoleWord(w) || IsRoleModifier(w) || IsPersonalTitle(w) || IsRoleDomain(w)) {
        cls_[k] = Case::kTitle;
      }
    }
  }

  // A word that can stand in a name after "of" ("Foreign", "Affairs"), not
  // a function word, a verb form or a person's role.
  bool NameWord(size_t k) const {
    if (!Word(k)) return false;
    if (IsName(k)) return true;
    if (cls_[k] != Case::kLower) return false;
    const std::string& w = LowerOf(k);
    const auto ends = [&](std::string_view e) {
      return w.size() > e.size() + 2 && w.compare(w.size() - e.size(), e.size(), e) == 0;
    };
    return !IsStopWord(w) && !IsIrregularWordForm(w) && !ends("ed") && !ends("ing") &&
           !ends("ly") && SpeechVerbKind(w) == SpeechVerb::kNone && !IsUnnamedSource(w) &&
           !IsRoleHead(w);
  }

  // "BAATH PARTY" -> "Baath Party", "NATIONAL POLICE", "CONGRESS", "BANK OF
  // ENGLAND", "MINISTRY OF FOREIGN AFFAIRS", "CENTER FOR FOOD SAFETY".
  void Organisations() {
    for (size_t k = 0; k < tokens_.size(); ++k) {
      if (!Word(k) || cls_[k] != Case::kLower) continue;
      const std::string& w = LowerOf(k);
      if (IsInstitution(TitleCase(w)) || w == "democrats" || w == "republicans") {
        cls_[k] = Case::kTitle;
        continue;
      }
      const bool keyword = IsOrgKeyword(w);
      // Not after a nationality or a place: "French police", "Paris court".
      // (The head of a name goes on with its "of" or "for" below: "JOHNS
      // HOPKINS CENTER FOR SYSTEMS SCIENCE", "NATIONAL CONFERENCE OF STATE
      // LEGISLATURES".)
      if (keyword && k > 0 && IsName(k - 1) && !IsNationality(LowerOf(k - 1)) &&
          !IsKnownPlace(TitleCase(LowerOf(k - 1)))) {
        cls_[k] = Case::kTitle;
        NameAfterHead(k, /*titled=*/true);
        continue;
      }
      if (Word(k + 1) && cls_[k + 1] == Case::kLower && IsOrgKeyword(LowerOf(k + 1)) &&
          IsOrgNameAdjective(w)) {
        cls_[k] = cls_[k + 1] = Case::kTitle;
        NameAfterHead(k + 1, /*titled=*/true);
        continue;
      }
      NameAfterHead(k, /*titled=*/false);
    }
  }

  // The words after the head of a body's name at `k` and its "of" (or
  // "for", after the head of a body named for a purpose) take capitals,
  // and so does the head. A head that already took its capital as part of
  // a name may also be a conference's ("NATIONAL CONFERENCE OF STATE
  // LEGISLATURES"; not "A NEWS CONFERENCE OF THE LEADERS").
  void NameAfterHead(size_t k, bool titled) {
    const std::string& w = LowerOf(k);
    if (!(IsOrgHeadKeyword(w) || IsPurposeHead(w) || (titled && w == "conference")) ||
        !Word(k + 1)) {
      return;
    }
    // "FOR" only after the heads of bodies named for a purpose ("CENTER FOR
    // FOOD SAFETY"), not "ARMY FOR HELP".
    const std::string& connector = LowerOf(k + 1);
    if (connector != "of" && (connector != "for" || !IsPurposeHead(w))) return;
    size_t n = k + 2;
    if (Word(n) && LowerOf(n) == "the") ++n;
    size_t end = n;
    // (A person's calling after the name is no part of it, nor a word
    // that qualifies it: "CENTER FOR HEALTH SECURITY MEDICAL
    // ANTHROPOLOGIST MONICA SCHOCH-SPANA".)
    const auto role = [&](size_t j) {
      if (!Word(j)) return false;
      const std::string& r = LowerOf(j);
      return r.size() > 6 && (r.ends_with("ist") || r.ends_with("ists"));
    };
    while (end < n + 5 && NameWord(end) && !role(end) && !(end > n && role(end + 1))) {
      const std::string& word = LowerOf(end);
      // A plural ends a name ("REPRESENTATIVES", not "REPRESENTATIVES
      // HOLDS"), and right after a name it is a verb ("BAATH RESEMBLES").
      const bool plural = word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's' &&
                          word[word.size() - 2] != 'u' && word[word.size() - 2] != 'i';
      if (plural && end > n && cls_[end] == Case::kLower && IsName(end - 1)) break;
      ++end;
      // "WAYS AND MEANS", "SERVICES AND PUBLIC PROTECTION"
      if (Word(end) && LowerOf(end) == "and" && NameWord(end + 1)) {
        ++end;
        continue;
      }
      if (plural) break;
    }
    if (end == n) return;
    cls_[k] = Case::kTitle;
    for (size_t j = n; j < end; ++j) {
      if (cls_[j] == Case::kLower && LowerOf(j) != "and") cls_[j] = Case::kTitle;
    }
  }

  // A sentence opens with a capital, as in any edited text.
  void SentenceStarts() {
    for (size_t k = 0; k < tokens_.size(); ++k) {
      const bool start =
          tokens_[k].sentence_start ||
          (k > 0 && tokens_[k - 1].kind == TokenKind::kOpenQuote && tokens_[k - 1].sentence_start);
      // '"... ." said Smith': the verb goes on the sentence of the quote.
      // (Either quote mark: the text's quotes may not pair up.)
      const bool after_quote = k > 0 && (tokens_[k - 1].kind == TokenKind::kCloseQuote ||
                                         tokens_[k - 1].kind == TokenKind::kOpenQuote);
      // "SAID POLK." opens no sentence of its own either: "said Polk".
      const SpeechVerb verb = Word(k) ? SpeechVerbKind(LowerOf(k)) : SpeechVerb::kNone;
      if (start && Word(k) && cls_[k] == Case::kLower &&
          !(after_quote && verb != SpeechVerb::kNone) && verb != SpeechVerb::kEither) {
        cls_[k] = Case::kSentence;
      }
    }
  }

  void Write(size_t k, std::string* out) const {
    switch (cls_[k]) {
      case Case::kKeep:
        return;
      case Case::kLower:
        SetCase(text_, Begin(k), End(k), Letters::kLower, out);
        return;
      case Case::kTitle:
        SetCase(text_, Begin(k), End(k), Letters::kName, out);
        return;
      case Case::kSentence:
        SetCase(text_, Begin(k), End(k), Letters::kFirst, out);
        return;
      case Case::kParts:
        for (size_t b = Begin(k), e = End(k); b < e;) {
          size_t d = text_.find('-', b);
          if (d == std::string_view::npos || d > e) d = e;
          const std::string part = Lower(text_.substr(b, d - b));
          SetCase(text_, b, d, IsEnglish(part) ? Letters::kLower : Letters::kName, out);
          b = d + 1;
        }
        return;
      case Case::kAsGazetteer:
        if (!gazetteer_[k].empty()) out->replace(Begin(k), gazetteer_[k].size(), gazetteer_[k]);
        return;
    }
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  std::vector<Case> cls_;
  std::vector<std::string_view> gazetteer_;  // at the first word of a name
  std::vector<std::string> lower_;           // each token in lower case
};

}  // namespace

bool IsCaseless(std::string_view text, size_t min_letters) {
  size_t upper = 0, lower = 0;
  size_t i = 0;
  while (i < text.size()) {
    // Enough lower case that even if every byte left were a capital it
    // would stay: most text is decided within its first lines.
    if (lower * 20 >= upper + lower + (text.size() - i)) return false;
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b == ' ' || b == '\n' || b == '\t' || b == '\r') {
      ++i;
      continue;
    }
    // Addresses keep their case in any text: a URL or an e-mail address in
    // a story in capitals is no sign of lower case.
    size_t end = text.find_first_of(" \n\t\r", i);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view chunk = text.substr(i, end - i);
    if (chunk.find("://") != std::string_view::npos || chunk.find('@') != std::string_view::npos ||
        chunk.substr(0, 4) == "www.") {
      i = end;
      continue;
    }
    for (; i < end; ++i) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        upper += IsUpperAscii(static_cast<char>(c));
        lower += IsLowerAscii(static_cast<char>(c));
        continue;
      }
      UChar32 u;
      int32_t pos = static_cast<int32_t>(i);
      U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, static_cast<int32_t>(end), u);
      i = static_cast<size_t>(pos) - 1;
      if (u < 0) continue;
      if (u_isupper(u) || u_istitle(u)) ++upper;
      if (u_islower(u)) ++lower;
    }
  }
  const size_t letters = upper + lower;
  return letters >= min_letters && letters > 0 && lower * 20 < letters;
}

std::string Recase(std::string_view text) { return Recaser(text).Run(); }

}  // namespace newsarc::internal
