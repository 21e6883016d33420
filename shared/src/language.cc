// Language guess from function words. Cheap, and right for the question it
// answers: which stemmer to use. A text of unknown language is not stemmed.
#include "language.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "ascii.h"
#include "newsarc/normalizer.h"
#include "schema.h"

namespace newsarc::internal {
namespace {

struct LanguageWords {
  std::string_view code;
  std::array<std::string_view, 12> words;
};

// Frequent words that are rare in the other languages listed.
constexpr std::array<LanguageWords, 10> kLanguages = {{
    {"en", {"the", "and", "of", "to", "is", "was", "that", "with", "for", "it", "he", "said"}},
    {"fr", {"le", "les", "des", "est", "et", "une", "dans", "du", "pour", "pas", "qui", "sur"}},
    {"de", {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "sich", "auch", "auf"}},
    {"es", {"el", "los", "las", "del", "que", "y", "por", "una", "con", "para", "es", "se"}},
    {"it", {"il", "di", "che", "della", "per", "non", "una", "sono", "gli", "del", "con", "nel"}},
    {"pt", {"o", "os", "do", "da", "que", "não", "uma", "para", "com", "em", "dos", "foi"}},
    {"nl", {"de", "het", "een", "van", "en", "niet", "is", "dat", "op", "zijn", "voor", "met"}},
    {"sv", {"och", "att", "det", "som", "en", "på", "är", "av", "för", "med", "inte", "till"}},
    {"da", {"og", "at", "det", "som", "en", "på", "er", "af", "for", "med", "ikke", "til"}},
    {"fi", {"ja", "on", "ei", "että", "se", "oli", "kun", "mutta", "hän", "myös", "tai", "ovat"}},
}};

// Each word of kLanguages -> the languages listing it (bit i: kLanguages[i]).
const std::unordered_map<std::string_view, uint16_t>& WordLanguages() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string_view, uint16_t>();
    for (size_t i = 0; i < kLanguages.size(); ++i)
      for (std::string_view w : kLanguages[i].words) (*m)[w] |= static_cast<uint16_t>(1u << i);
    return m;
  }();
  return *map;
}

}  // namespace

std::string DetectLanguage(std::string_view text) {
  // Look at the first few thousand bytes: enough to decide, and bounded.
  const std::string folded = FoldText(text.substr(0, 6000));
  std::array<int, kLanguages.size()> hits{};
  int words = 0, cyrillic = 0, arabic = 0, han = 0, kana = 0, hangul = 0, letters = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(folded.data());
  const auto n = static_cast<int32_t>(folded.size());
  std::string word;
  const auto& word_languages = WordLanguages();
  auto flush = [&] {
    if (word.empty()) return;
    ++words;
    if (auto it = word_languages.find(word); it != word_languages.end()) {
      for (size_t i = 0; i < kLanguages.size(); ++i)
        if (it->second & (1u << i)) ++hits[i];
    }
    word.clear();
  };
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && c < 0x80) {
      // ASCII, most of most texts: a Latin letter or no letter, no ICU call.
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        flush();
        continue;
      }
      ++letters;
    } else {
      if (c < 0 || !u_isalpha(c)) {
        flush();
        continue;
      }
      ++letters;
      UErrorCode status = U_ZERO_ERROR;
      switch (uscript_getScript(c, &status)) {
        case USCRIPT_CYRILLIC: ++cyrillic; break;
        case USCRIPT_ARABIC: ++arabic; break;
        case USCRIPT_HAN: ++han; break;
        case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: ++kana; break;
        case USCRIPT_HANGUL: ++hangul; break;
        default: break;
      }
    }
    word.append(folded, static_cast<size_t>(start), static_cast<size_t>(i - start));
  }
  flush();
  if (letters == 0) return "";
  if (kana * 10 > letters) return "ja";
  if (hangul * 2 > letters) return "ko";
  if (han * 2 > letters) return "zh";
  if (cyrillic * 2 > letters) return "ru";
  if (arabic * 2 > letters) return "ar";
  if (words < 5) return "";
  size_t best = 0;
  for (size_t i = 1; i < hits.size(); ++i)
    if (hits[i] > hits[best]) best = i;
  // Function words make up a third or more of running text; a tenth is
  // already a clear signal, below that it is a list of names or numbers.
  if (hits[best] * 10 < words) return "";
  return std::string(kLanguages[best].code);
}

namespace {

// Folded language names (FoldText) -> two-letter code: every language ICU
// has a two-letter code and a name for, named in English and in itself
// (the English name wins where the two collide).
const std::unordered_map<std::string, std::string>& LanguageNames() {
  static const auto* const names = [] {
    auto* m = new std::unordered_map<std::string, std::string>;
    std::vector<const char*> codes;
    for (const char* const* c = uloc_getISOLanguages(); *c != nullptr; ++c)
      if (std::strlen(*c) == 2) codes.push_back(*c);
    for (const bool english : {true, false}) {
      for (const char* code : codes) {
        const icu::Locale locale(code);
        icu::UnicodeString name;
        locale.getDisplayLanguage(english ? icu::Locale::getEnglish() : locale, name);
        std::string utf8;
        name.toUTF8String(utf8);
        if (utf8.empty() || utf8 == code) continue;  // ICU has no name for it
        m->emplace(FoldText(utf8), code);
      }
    }
    return m;
  }();
  return *names;
}

}  // namespace

std::string LanguageCode(std::string_view language) {
  while (!language.empty() && (language.front() == ' ' || language.front() == '\t'))
    language.remove_prefix(1);
  while (!language.empty() && (language.back() == ' ' || language.back() == '\t'))
    language.remove_suffix(1);
  if (language.empty() || language.size() > 100) return "";
  // A tag: a code of two or three letters, perhaps with subtags after it.
  size_t n = 0;
  while (n < language.size() && IsAsciiLetter(language[n])) ++n;
  if ((n == 2 || n == 3) &&
      (n == language.size() || language[n] == '-' || language[n] == '_')) {
    std::string code(language.substr(0, n));
    for (char& c : code) c = LowerAscii(c);
    // ICU's aliases: three letters to two ("eng", "fre", "deu"), codes
    // withdrawn ("iw" -> "he"). A code ICU does not know stays as it is.
    const icu::Locale canonical = icu::Locale::createCanonical(code.c_str());
    const std::string_view known = canonical.isBogus() ? "" : canonical.getLanguage();
    if (known.size() == 2 || known.size() == 3) return std::string(known);
    return code;
  }
  const auto& names = LanguageNames();
  std::string name = FoldText(language);
  // "English (United States)", as locales are named: the language.
  if (size_t paren = name.find(" ("); paren != std::string::npos && name.back() == ')')
    name.resize(paren);
  auto it = names.find(name);
  return it == names.end() ? "" : it->second;
}

// Only languages that Xapian 1.4.22's Stem knows (Stem::get_available_languages):
// the query parser builds its stemmer from this name, so an unknown one
// would turn `lang:xx` into an error.
std::string StemmerFor(std::string_view language) {
  static const std::unordered_map<std::string_view, std::string_view> kStemmers = {
      {"en", "english"}, {"fr", "french"},    {"de", "german"},  {"es", "spanish"},
      {"it", "italian"}, {"pt", "portuguese"}, {"nl", "dutch"},  {"sv", "swedish"},
      {"da", "danish"},  {"no", "norwegian"}, {"nb", "norwegian"}, {"fi", "finnish"},
      {"ru", "russian"}, {"ar", "arabic"},    {"hu", "hungarian"}, {"ro", "romanian"},
      {"tr", "turkish"}, {"ga", "irish"},     {"id", "indonesian"},
      {"lt", "lithuanian"}, {"ne", "nepali"}, {"ta", "tamil"},   {"hy", "armenian"},
      {"eu", "basque"},  {"ca", "catalan"}};
  std::string code(language.substr(0, language.find_first_of("-_")));
  for (char& c : code) c = LowerAscii(c);
  auto it = kStemmers.find(code);
  return it == kStemmers.end() ? "" : std::string(it->second);
}

std::string StemmerFor(std::string_view language, std::string_view english) {
  if (language == "en" && !english.empty()) return std::string(english);
  return StemmerFor(language);
}

Xapian::Stem StemmerOf(std::string_view language, std::string_view english) {
  const std::string name = StemmerFor(language, english);
  if (name.empty()) return Xapian::Stem();
  try {
    return Xapian::Stem(name);
  } catch (const Xapian::InvalidArgumentError&) {
    return Xapian::Stem();  // a language this Xapian cannot stem
  }
}

std::vector<std::string> QueryLanguages(const Xapian::Database& db) {
  constexpr size_t kMaxLanguages = 8;
  const Xapian::doccount articles = db.get_doccount();
  const std::string prefix(schema::kLanguage);
  // Most indexes are English, with articles of no language the detector is
  // sure of (no language term): the statistics of the language's value slot
  // (one lookup) tell when every article with a language is English, and
  // with the English articles' count (another) when the others are too few
  // to have 1% of the articles.
  const Xapian::doccount known = db.get_value_freq(schema::kSlotLanguage);
  if (known == 0 || (db.get_value_lower_bound(schema::kSlotLanguage) == kDefaultLanguage &&
                     db.get_value_upper_bound(schema::kSlotLanguage) == kDefaultLanguage))
    return {};
  const Xapian::doccount english = db.get_termfreq(prefix + std::string(kDefaultLanguage));
  if (uint64_t{known - std::min(english, known)} * 100 < articles) return {};
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  // Language terms are the prefix and a lower-case code; no other prefix
  // starts with it. From each to the next by a seek: stepping would read
  // the blocks of the term's whole posting list (glass keeps its chunks
  // between the two terms).
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix);) {
    const std::string term = *t;
    const Xapian::doccount n = t.get_termfreq();
    std::string code = term.substr(prefix.size());
    if (n > 0 && uint64_t{n} * 100 >= articles && code != kDefaultLanguage)
      found.emplace_back(n, std::move(code));
    t.skip_to(term + '\0');
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first
                                                                         : a.second < b.second; });
  if (found.size() > kMaxLanguages) found.resize(kMaxLanguages);
  std::vector<std::string> codes;
  for (auto& f : found) codes.push_back(std::move(f.second));
  return codes;
}

}  // namespace newsarc::internal
