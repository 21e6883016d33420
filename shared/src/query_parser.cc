#include "query_parser.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ascii.h"
#include "initialisms.h"
#include "keys.h"
#include "language.h"
#include "newsarc/normalizer.h"
#include "ranking.h"
#include "schema.h"
#include "segment.h"

namespace newsarc::internal {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// ---- date: ------------------------------------------------------------------

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30,
                                                31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// One end of a date range as "YYYYMMDD": the first day of a year or month
// for a lower bound, the last day for an upper bound.
std::optional<std::string> DateEnd(std::string_view s, bool upper) {
  std::string y, m, d;
  if (s.size() == 8 && IsDigits(s)) {  // 20170301
    y = s.substr(0, 4);
    m = s.substr(4, 2);
    d = s.substr(6, 2);
  } else {
    if (s.size() < 4 || !IsDigits(s.substr(0, 4))) return std::nullopt;
    y = s.substr(0, 4);
    s.remove_prefix(4);
    if (!s.empty()) {
      if (s.size() < 3 || s[0] != '-' || !IsDigits(s.substr(1, 2))) {
        return std::nullopt;
      }
      m = s.substr(1, 2);
      s.remove_prefix(3);
      if (!s.empty()) {
        if (s.size() != 3 || s[0] != '-' || !IsDigits(s.substr(1, 2))) {
          return std::nullopt;
        }
        d = s.substr(1, 2);
      }
    }
  }
  int year = std::stoi(y);
  if (!m.empty()) {
    int month = std::stoi(m);
    if (month < 1 || month > 12) return std::nullopt;
    if (!d.empty()) {
      int day = std::stoi(d);
      if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
    }
  }
  if (m.empty()) m = upper ? "12" : "01";
  if (d.empty()) {
    d = upper ? std::to_string(DaysInMonth(year, std::stoi(m))) : "01";
  }
  return y + m + d;
}

Status BadDate(std::string_view value) {
  return Status::InvalidArgument(
      "bad date \"" + std::string(value) +
      "\" (use YYYY, YYYY-MM or YYYY-MM-DD, or a range A..B, A.. or ..B)");
}

// ---- field processors
// ---------------------------------------------------------

// Field processors do not throw: Xapian 1.4's parser leaks its parse stack
// when an exception comes out of a field processor (found by the fuzzer).
// They note the first error here and return a stand-in; ParseQuery reports
// the error and never runs the query.
class ProcessorErrors {
 public:
  Xapian::Query Fail(const std::string& message) {
    if (first_.empty()) first_ = message;
    // Not an empty query: in a hated group after a hated word
    // ("x (-a (-((-date:zz"), Xapian 1.4.22's parser takes an empty one for
    // a missing group and dereferences a null pointer.
    return Xapian::Query::MatchAll;
  }
  const std::string& first() const { return first_; }

 private:
  std::string first_;
};

// speaker: and org:. One word matches any word of a name or alias; several
// words (quoted) match a whole name or alias.
class EntityProcessor : public Xapian::FieldProcessor {
 public:
  EntityProcessor(std::string_view field, std::string_view word_prefix,
                  std::string_view name_prefix, ProcessorErrors* errors)
      : field_(field),
        word_prefix_(word_prefix),
        name_prefix_(name_prefix),
        errors_(errors) {}

  Xapian::Query operator()(const std::string& value) override {
    std::string key = EntityKey(value);
    if (key.empty()) return errors_->Fail(field_ + ": needs a name");
    if (key.find(' ') == std::string::npos) {
      return Xapian::Query(word_prefix_ + ShortKey(key));
    }
    return Xapian::Query(EntityNameTerm(name_prefix_, value));
  }

 private:
  std::string field_, word_prefix_, name_prefix_;
  ProcessorErrors* errors_;
};

// site: a host or a parent domain; a URL is accepted too.
class SiteProcessor : public Xapian::FieldProcessor {
 public:
  explicit SiteProcessor(ProcessorErrors* errors) : errors_(errors) {}
  Xapian::Query operator()(const std::string& value) override {
    // The host as the indexer takes it from an article's URL (HostOf), so
    // both sides agree; a bare name ("localhost") is a host too.
    const std::string host =
        HostOf(value.find("://") == std::string::npos ? "http://" + value : value);
    if (host.empty()) return errors_->Fail("site: needs a host name");
    return Xapian::Query(SiteTerm(host));
  }

 private:
  ProcessorErrors* errors_;
};

// lang: as the indexer keeps an article's language (`lang:en-GB` and
// `lang:english` are `lang:en`).
class LangProcessor : public Xapian::FieldProcessor {
 public:
  explicit LangProcessor(ProcessorErrors* errors) : errors_(errors) {}
  Xapian::Query operator()(const std::string& value) override {
    if (value.empty()) return errors_->Fail("lang: needs a language code (en, fr, ...)");
    const std::string code = LanguageCode(value);
    if (code.empty()) {
      return errors_->Fail("lang: '" + value +
                           "' is neither a language code (en, fr, ...) nor a language's name "
                           "(English, French, Deutsch, ...)");
    }
    return Xapian::Query(std::string(schema::kLanguage) + code);
  }

 private:
  ProcessorErrors* errors_;
};

class DateProcessor : public Xapian::FieldProcessor {
 public:
  explicit DateProcessor(ProcessorErrors* errors) : errors_(errors) {}
  Xapian::Query operator()(const std::string& value) override {
    auto bounds = ParseDateRange(value);
    if (!bounds.ok()) return errors_->Fail(bounds.status().message());
    const DateBounds& b = bounds.value();
    if (b.from && b.to) {
      // Whole years ("2018", "2017..2018") are their year terms, which the
      // same articles carry (both come from the article's date): an exact
      // count for Xapian and a posting list to read instead of every
      // article's date.
      const int first = std::stoi(b.from->substr(0, 4));
      const int last = std::stoi(b.to->substr(0, 4));
      if (b.from->ends_with("0101") && b.to->ends_with("1231") && first <= last &&
          last - first < 100) {
        std::vector<Xapian::Query> years;
        for (int y = first; y <= last; ++y)
          years.emplace_back(std::string(schema::kYear) + std::to_string(y));
        return Xapian::Query(Xapian::Query::OP_OR, years.begin(), years.end());
      }
      return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, *b.from, *b.to);
    }
    if (b.from) {
      return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate,
                           *b.from);
    }
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, *b.to);
  }

 private:
  ProcessorErrors* errors_;
};

// The language code of the first `lang:` in a folded query, "" if none
// (or not a language).
std::string QueryLanguage(std::string_view folded) {
  for (size_t p = folded.find("lang:"); p != std::string_view::npos;
       p = folded.find("lang:", p + 1)) {
    if (p > 0 && !IsAsciiSpace(folded[p - 1]) && folded[p - 1] != '(' &&
        folded[p - 1] != '+') {
      continue;  // part of another word, e.g. "xlang:"
    }
    size_t b = p + 5, e = b;
    while (e < folded.size() && !IsAsciiSpace(folded[e]) && folded[e] != ')') ++e;
    if (e > b) return LanguageCode(folded.substr(b, e - b));
  }
  return "";
}

bool IsFreeTextTerm(const std::string& term) {
  // Unprefixed, stemmed ("Z") and title ("S", "ZS") terms; entity, site and
  // other boolean terms carry other prefixes.
  size_t i = 0;
  while (i < term.size() && term[i] >= 'A' && term[i] <= 'Z') ++i;
  std::string_view prefix(term.data(), i);
  return prefix.empty() || prefix == "Z" || prefix == "S" || prefix == "ZS";
}

// A space-separated token of a folded query, and whether it starts inside
// quotes (a word of a phrase, not an operator or a field).
struct QueryToken {
  std::string_view text;
  bool quoted = false;
};

// The tokens of `folded` (FoldQuery's output).
std::vector<QueryToken> Tokens(std::string_view folded) {
  std::vector<QueryToken> tokens;
  bool in_quotes = false;
  for (size_t i = 0; i < folded.size();) {
    size_t e = folded.find(' ', i);
    if (e == std::string_view::npos) e = folded.size();
    if (e > i) {
      tokens.push_back({folded.substr(i, e - i), in_quotes});
      for (char c : tokens.back().text)
        if (c == '"') in_quotes = !in_quotes;
    }
    i = e + 1;
  }
  return tokens;
}

// Xapian 1.4's parser, when it cannot make sense of the operators (`"a b"
// NEAR c`: NEAR takes words; `-a OR b`), parses the query again as plain
// words, operators included (`near`, `or`), and says nothing. This stopper
// (wrapping the query's own, if any) notes every word the parser weighs as
// free text, so that FellBack can tell.
class WordsSeen : public Xapian::Stopper {
 public:
  // `note`: whether to note the words (only a query with operators can
  // fall back).
  WordsSeen(const Xapian::Stopper* inner, bool note) : inner_(inner), note_(note) {}
  bool operator()(const std::string& word) const override {
    if (note_) seen_.insert(word);
    return inner_ != nullptr && (*inner_)(word);
  }
  // Whether an operator among `tokens` (of FoldQuery's output: the
  // operators in capitals, every other word folded) was parsed as a word:
  // weighed as free text, or a term of `query` (NEAR/3 becomes the phrase
  // "near 3").
  bool FellBack(const std::vector<QueryToken>& tokens, const Xapian::Query& query) const {
    if (!note_) return false;
    std::set<std::string> words, operators;
    for (const QueryToken& t : tokens) {
      std::string_view token = t.text;
      if (!IsOperator(token)) {
        words.emplace(token);
        continue;
      }
      while (!token.empty() && token.front() == '(') token.remove_prefix(1);
      std::string op(token.substr(0, token.find_first_of("/)")));
      for (char& c : op) c = LowerAscii(c);
      operators.insert(std::move(op));
    }
    std::set<std::string> parsed = seen_;
    for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t) parsed.insert(*t);
    for (const std::string& op : operators)
      if (parsed.count(op) && !words.count(op)) return true;
    return false;
  }

 private:
  const Xapian::Stopper* inner_;
  const bool note_;
  mutable std::set<std::string> seen_;
};

// The query's field names (those the parser below is told about).
constexpr std::string_view kFieldNames[] = {"title", "speaker", "org", "site", "lang", "date"};

bool IsFieldName(std::string_view name) {
  return std::find(std::begin(kFieldNames), std::end(kFieldNames), name) != std::end(kFieldNames);
}

// Where the field name that ends before text[colon] starts ("title" of
// "-title:("), or npos when the letters there are no field name.
size_t FieldBefore(std::string_view text, size_t colon) {
  size_t b = colon;
  while (b > 0 && IsAsciiLetter(text[b - 1])) --b;
  return IsFieldName(text.substr(b, colon - b)) ? b : std::string_view::npos;
}

// The character that ends at text[end - 1] (0 < end), as Xapian reads it:
// a byte of a sequence that is not UTF-8 is a character of its own.
unsigned CharBefore(std::string_view text, size_t end) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = static_cast<int32_t>(end);
  UChar32 c;
  U8_PREV(s, 0, i, c);
  return c >= 0 ? static_cast<unsigned>(c) : s[end - 1];
}

// Whether a field name and its colon start at text[i], followed by a value
// (a character above U+0020 but a closing bracket), and are no part of a
// longer word: where Xapian's parser sees a field when a term starts there.
// A word character beyond ASCII before the name may end a term of its own
// (Xapian splits Chinese, Japanese and Korean characters off, "中speaker:x"
// is a field) or not ("éspeaker:x"): TextForXapian spaces the name out, so
// that it is a field either way.
bool IsFieldAt(std::string_view text, size_t i) {
  if (!IsAsciiLetter(text[i])) return false;
  if (i > 0) {
    const unsigned before = CharBefore(text, i);
    if (before < 0x80 && Xapian::Unicode::is_wordchar(before)) return false;
  }
  size_t colon = i;
  while (colon < text.size() && IsAsciiLetter(text[colon])) ++colon;
  return colon + 1 < text.size() && text[colon] == ':' &&
         static_cast<unsigned char>(text[colon + 1]) > ' ' && text[colon + 1] != ')' &&
         IsFieldName(text.substr(i, colon - i));
}

// Whether Xapian's lexer starts a term at text[i] whatever came before: at
// the start, after an ASCII space, a bracket, a quote or a sign (a + or -
// at the start or after one of those).
bool StartsTerm(std::string_view text, size_t i) {
  auto opens = [&](size_t k) {
    return IsAsciiSpace(text[k]) || text[k] == '(' || text[k] == '"';
  };
  return i == 0 || opens(i - 1) ||
         ((text[i - 1] == '-' || text[i - 1] == '+') && (i == 1 || opens(i - 2)));
}

// Where the run of signs and opening brackets from token[i] on ends ("-("
// of "-(speaker:x").
size_t AfterSignsAndOpenings(std::string_view token, size_t i = 0) {
  while (i < token.size() && (token[i] == '+' || token[i] == '-' || token[i] == '(')) ++i;
  return i;
}

// "speaker:" for a token that is a field name and its colon with nothing
// after it (after any of `+`, `-` and opening brackets), else "".
std::string_view BareField(std::string_view token) {
  token.remove_prefix(AfterSignsAndOpenings(token));
  if (token.size() < 2 || token.back() != ':') return {};
  return IsFieldName(token.substr(0, token.size() - 1)) ? token : std::string_view();
}

// `speaker: rudd` as `speaker:rudd`: a field name written with a space
// before its value would otherwise be searched as a word ("speaker") and
// the value as another. A field name with no value after it (at the end,
// or before an operator or a closing bracket) is an error, as `speaker:""`
// is. `folded`: FoldQuery's output (words separated by single spaces).
Result<std::string> GlueFieldValues(std::string_view folded) {
  const std::vector<QueryToken> tokens = Tokens(folded);
  std::string out;
  bool glue = false;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const std::string_view token = tokens[k].text;
    const std::string_view field = tokens[k].quoted ? std::string_view() : BareField(token);
    if (!out.empty() && !glue) out += ' ';
    out += token;
    glue = !field.empty();
    if (glue && (k + 1 == tokens.size() || IsOperator(tokens[k + 1].text) ||
                 tokens[k + 1].text.front() == ')'))
      return Status::InvalidArgument(std::string(field) + " needs a value after it");
  }
  return out;
}

// Whether `core` (a token without its signs and brackets) starts with a
// field name and its colon.
bool StartsWithField(std::string_view core) {
  const size_t colon = core.find(':');
  return colon != std::string_view::npos && IsFieldName(core.substr(0, colon));
}

// `amber rudd NEAR encryption` as `amber (rudd NEAR encryption)`, what it
// means: Xapian 1.4 takes a chain of NEAR or ADJ only on its own or in
// brackets, and otherwise parses the query again as plain words (NEAR as
// the word "near") without a word of warning. Chains of plain words only;
// a phrase, group or field in one is left to the error in ParseQuery.
// `query`: the Tokens of FoldQuery's output.
std::string BracketProximityChains(const std::vector<QueryToken>& query) {
  std::vector<std::string> tokens;
  std::vector<bool> quoted;  // the token starts inside quotes
  for (const QueryToken& t : query) {
    tokens.emplace_back(t.text);
    quoted.push_back(t.quoted);
  }
  auto proximity = [&](size_t k) {
    return k < tokens.size() && !quoted[k] && IsOperator(tokens[k]) &&
           (tokens[k].starts_with("NEAR") || tokens[k].starts_with("ADJ"));
  };
  // A word (no phrase, group, field, + or -), once the brackets before
  // (`lead`) and after it (`trail`) are set aside.
  auto word = [&](size_t k, size_t& lead, size_t& trail) {
    const std::string& t = tokens[k];
    lead = t.find_first_not_of('(');
    if (quoted[k] || lead == std::string::npos || IsOperator(t)) return false;
    trail = t.size() - 1 - t.find_last_not_of(')');
    if (lead + trail >= t.size()) return false;  // brackets only
    const std::string_view w(t.data() + lead, t.size() - lead - trail);
    return w.find_first_of("\"():") == std::string_view::npos && w.front() != '+' &&
           w.front() != '-';
  };
  for (size_t k = 1; k + 1 < tokens.size(); ++k) {
    if (!proximity(k)) continue;
    const size_t first = k - 1;
    size_t last = k + 1;
    while (last + 2 < tokens.size() && proximity(last + 1)) last += 2;
    k = last;
    // Brackets may stand before the chain's first word and after its last.
    size_t lead_first = 0, trail_last = 0;
    bool words = true;
    for (size_t j = first; j <= last && words; j += 2) {
      size_t lead = 0, trail = 0;
      words = word(j, lead, trail) && (j == first || lead == 0) && (j == last || trail == 0);
      if (j == first) lead_first = lead;
      if (j == last) trail_last = trail;
    }
    if (!words || (first == 0 && last + 1 == tokens.size())) continue;
    tokens[first].insert(lead_first, 1, '(');
    tokens[last].insert(tokens[last].size() - trail_last, 1, ')');
  }
  std::string out;
  for (const std::string& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

// `folded` made of exclusions only (`-x`, `-"a b"`, `-(...)`, stray minus
// signs) as `NOT (x OR ...)`, else std::nullopt. A stop word (of `stop`, if
// any) among them on its own is left out, as Xapian leaves it out, which
// would leave it the exclusions alone: `the -rudd` found the articles
// naming Rudd.
std::optional<std::string> ExclusionItems(std::string_view folded, const Xapian::Stopper* stop) {
  // The items: split at spaces outside quotes and brackets.
  std::vector<std::string_view> items;
  bool in_quotes = false;
  int depth = 0;
  size_t begin = 0;
  for (size_t i = 0; i <= folded.size(); ++i) {
    const bool end = i == folded.size();
    if (!end && folded[i] == '"') in_quotes = !in_quotes;
    if (!end && !in_quotes && folded[i] == '(') ++depth;
    if (!end && !in_quotes && folded[i] == ')' && --depth < 0) return std::nullopt;
    if (!end && (in_quotes || depth > 0 || folded[i] != ' ')) continue;
    if (i > begin) items.push_back(folded.substr(begin, i - begin));
    begin = i + 1;
  }
  if (depth != 0) return std::nullopt;
  std::string out;
  auto excluded = [&](size_t k) { return k >= items.size() || items[k][0] == '-'; };
  for (size_t k = 0; k < items.size(); ++k) {
    const std::string_view item = items[k];
    if (item == "-") continue;  // a stray minus, as Xapian takes it
    // A stop word between exclusions (Xapian keeps two or more side by
    // side: `the who -rudd` is `(the AND who) AND_NOT rudd`).
    if (stop != nullptr && item[0] != '-' && (k == 0 || excluded(k - 1)) && excluded(k + 1) &&
        item.find_first_of("\"():*+") == std::string_view::npos && !IsOperator(item) &&
        (*stop)(std::string(item)))
      continue;
    // "-x" or "-(...)", not "--x" or "-x(y)".
    if (item.size() < 2 || item[0] != '-' || item[1] == '-') return std::nullopt;
    if (item[1] == '(' && item.back() != ')') return std::nullopt;
    if (item[1] != '(') {
      // Brackets only within quotes (a phrase's punctuation).
      bool quoted = false;
      for (char c : item) {
        if (c == '"') quoted = !quoted;
        if (!quoted && (c == '(' || c == ')')) return std::nullopt;
      }
    }
    out += out.empty() ? "NOT (" : " OR ";
    out += item.substr(1);
  }
  if (out.empty()) return std::nullopt;
  // An unclosed quote runs to the end, as Xapian reads it, not over the
  // closing bracket.
  if (in_quotes) out += '"';
  out += ')';
  return out;
}

// A query made of exclusions only (`-rudd`, `-"amber rudd" -speaker:boris`,
// `-(rudd OR boris)`) as Xapian parses what it means: `NOT (rudd OR ...)`.
// Xapian 1.4 drops the minus signs of a query without anything to exclude
// from, so `-rudd` would find the articles naming Rudd and `-rudd -boris`
// those naming both. std::nullopt for any other query. `folded`:
// FoldQuery's output; `stop`: the query's stop words, or null.
std::optional<std::string> ExclusionsOnly(std::string_view folded, const Xapian::Stopper* stop) {
  // The usual query, without a minus sign: cheap.
  if (folded.find('-') == std::string_view::npos) return std::nullopt;
  return ExclusionItems(folded, stop);
}

// The same inside brackets: Xapian drops the minus signs of a group of
// exclusions only, so `x (-rudd)` found the articles naming both and
// `(-rudd -boris)` those naming both. A group standing on its own loses its
// brackets (`x (-rudd)` is `x -rudd`; `(-rudd)` then `NOT (rudd)`, above); one
// that an operator takes (`x OR (-rudd)`, `(-a -b) AND x`) becomes a pure NOT,
// `(NOT (rudd))`: the articles without the word. Groups within groups first;
// stop words as in ExclusionItems. std::nullopt when no group changes.
// `text`: FoldQuery's output. Groups deeper than kMaxRewriteDepth are left
// to Xapian as they are (each level is a call: the stack is not the
// query's to use up; Xapian's own parser is not recursive).
constexpr int kMaxRewriteDepth = 64;
std::optional<std::string> ExclusionGroups(std::string_view text, const Xapian::Stopper* stop,
                                           int level = 0) {
  if (level >= kMaxRewriteDepth) return std::nullopt;
  // Cheap for the usual query, without a group or a minus sign in it.
  const size_t open = text.find('(');
  if (open == std::string_view::npos || text.find('-', open) == std::string_view::npos)
    return std::nullopt;
  std::string out;
  bool changed = false, in_quotes = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes || c != '(') {
      out += c;
      continue;
    }
    // The matching bracket, quotes skipped.
    size_t j = i + 1;
    int depth = 1;
    bool quoted = false;
    for (; j < text.size(); ++j) {
      if (text[j] == '"') quoted = !quoted;
      if (quoted) continue;
      if (text[j] == '(') ++depth;
      if (text[j] == ')' && --depth == 0) break;
    }
    // Unclosed, it runs to the end, as Xapian reads it (and is closed here).
    j = std::min(j, text.size());
    std::string_view inner = text.substr(i + 1, j - i - 1);
    std::optional<std::string> rewritten = ExclusionGroups(inner, stop, level + 1);
    if (rewritten) inner = *rewritten;
    while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
    while (!inner.empty() && inner.back() == ' ') inner.remove_suffix(1);
    std::optional<std::string> pure = inner.find('-') != std::string_view::npos
                                          ? ExclusionItems(inner, stop)
                                          : std::nullopt;
    // Only a group that is an item of its own: not glued to a word or a
    // sign (`-(-x)`, `a(-x)`, `(-x)y`).
    const bool alone = (i == 0 || text[i - 1] == ' ' || text[i - 1] == '(') &&
                       (j + 1 >= text.size() || text[j + 1] == ' ' || text[j + 1] == ')');
    if (!pure || !alone) {
      changed = changed || rewritten.has_value();
      out += '(';
      out.append(inner);
      out += ')';
      i = j;
      continue;
    }
    changed = true;
    // The word before the group and the one after it.
    size_t before_end = out.find_last_not_of(" (");
    std::string_view before;
    if (before_end != std::string::npos) {
      size_t b = out.find_last_of(" (", before_end);
      b = b == std::string::npos ? 0 : b + 1;
      before = std::string_view(out).substr(b, before_end + 1 - b);
    }
    std::string_view after = text.substr(std::min(j + 1, text.size()));
    while (!after.empty() && (after.front() == ' ' || after.front() == ')'))
      after.remove_prefix(1);
    after = after.substr(0, after.find_first_of(" ()"));
    if (IsOperator(before) || IsOperator(after)) {
      out += '(';
      out += *pure;
      out += ')';
    } else {
      out.append(inner);
    }
    i = j;
  }
  if (!changed) return std::nullopt;
  return out;
}

// Whether Xapian's lexer takes a + or - after `ch` for a sign: after white
// space (control characters among it) or an opening bracket.
bool SpaceOrOpening(unsigned ch) { return ch == '(' || Xapian::Unicode::is_whitespace(ch); }

// Whether the group opening at text[open] is the term of a + or - sign, as
// Xapian's lexer reads it: after the sign, it skips anything but a word or a
// bracket ("-(", "-. (", "-[ . (", '-"" (': pairs of quotes open no phrase)
// and takes a field's group ("-title:(") too. A sign counts at the start,
// after white space (control characters too: "d\x7f+(") or an opening
// bracket, and before anything but a space or a sign; Xapian skips any other
// as a symbol. `sign`: the sign's index. Bytes beyond ASCII count as
// symbols: this may take a group for signed that is not (a sign before an
// accented word hates it), never the reverse.
bool SignedGroup(std::string_view text, size_t open, size_t& sign) {
  size_t i = open;
  if (i > 0 && text[i - 1] == ':') {
    const size_t field = FieldBefore(text, i - 1);  // "-title:(": the sign is before the name
    if (field != std::string_view::npos) i = field;
  }
  bool quoted = false;  // an odd number of quotes since the group
  for (; i > 0; --i) {
    const char c = text[i - 1];
    if ((c == '+' || c == '-') && (i == 1 || SpaceOrOpening(CharBefore(text, i - 1))) &&
        !IsAsciiSpace(text[i]) && text[i] != '+' && text[i] != '-') {
      sign = i - 1;
      return !quoted;
    }
    quoted = quoted != (c == '"');  // "" opens no phrase: Xapian skips it
    if (c == '(' || c == ')' || IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_')
      return false;
  }
  return false;
}

bool IsDoubleQuote(unsigned ch) { return ch == '"' || ch == 0x201c || ch == 0x201d; }

// The fields of the query language, their values turned into queries by
// processors that report bad values to `errors`.
void AddFields(Xapian::QueryParser& qp, ProcessorErrors* errors) {
  qp.add_prefix("title", std::string(schema::kTitle));
  // Boolean prefixes with a field processor are the only ones Xapian 1.4
  // hands a quoted value to (`speaker:"amber rudd"`); a free-text prefix
  // with a processor drops it. An empty grouping gives every filter its
  // own group, so `speaker:a speaker:b` means both.
  const std::string own_group;
  qp.add_boolean_prefix(
      "speaker",
      (new EntityProcessor("speaker", schema::kSpeakerWord, schema::kSpeaker, errors))->release(),
      &own_group);
  qp.add_boolean_prefix(
      "org", (new EntityProcessor("org", schema::kOrgWord, schema::kOrg, errors))->release(),
      &own_group);
  qp.add_boolean_prefix("site", (new SiteProcessor(errors))->release());
  qp.add_boolean_prefix("lang", (new LangProcessor(errors))->release());
  qp.add_boolean_prefix("date", (new DateProcessor(errors))->release());
}

constexpr unsigned kParseFlags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_CJK_NGRAM;

// A bracketed group as Xapian's lexer sees it: text[open] is its opening
// bracket, `end` one past its closing one (the text's end when unclosed),
// `parent` the group it stands in (or npos).
struct Group {
  size_t open, end, parent;
};

// Whether Xapian's lexer takes the bracket at text[i] (outside a phrase) for
// the start of a group: at the start, or after white space or a bracket, + or
// -. After anything else it skips the bracket, and the next closing one
// closes the group around it ('""(a) b)').
bool OpensGroup(std::string_view text, size_t i) {
  if (i == 0) return true;
  const unsigned before = CharBefore(text, i);
  return before == '(' || before == ')' || before == '+' || before == '-' ||
         Xapian::Unicode::is_whitespace(before);
}

// The groups of `text` (TextForXapian's output) outside phrases and filter
// values, in the order they open, reading the text as Xapian's lexer does
// (one pass, however deep the groups): a quote opens a phrase unless only
// spaces follow it, or another quote (Xapian ignores "" and a quote at the
// end), and the next quote closes it; a bracket opens a group where
// OpensGroup says, and after "title:". A filter ("speaker:x", outside a
// phrase, where a term starts) has a value that Xapian reads as one boolean
// term: to the next closing quote when it opens with one ("" within it is a
// quote), else to white space below U+0021 or a closing bracket, so that a
// quote or a bracket in it opens nothing ('speaker:d" t').
std::vector<Group> GroupsLikeXapian(std::string_view text) {
  const Xapian::Utf8Iterator end;
  constexpr size_t kNone = std::string_view::npos;
  std::vector<Group> groups;
  std::vector<size_t> opens;  // indexes into groups
  auto open_group = [&](size_t bracket) {
    groups.push_back({bracket, text.size(), opens.empty() ? kNone : opens.back()});
    opens.push_back(groups.size() - 1);
  };
  bool quoted = false;
  auto at = [&](const Xapian::Utf8Iterator& i) {
    return static_cast<size_t>(i.raw() - text.data());
  };
  Xapian::Utf8Iterator it(text.data(), text.size());
  while (it != end) {
    const size_t here = at(it);
    const unsigned ch = *it;
    Xapian::Utf8Iterator next = it;
    ++next;
    if (!quoted && IsFieldAt(text, here) && StartsTerm(text, here)) {
      const size_t colon = text.find(':', here);
      const bool title = text.substr(here, colon - here) == "title";
      if (title && text[colon + 1] == '(') {
        open_group(colon + 1);  // a title's group ("title:(a b)")
        it = Xapian::Utf8Iterator(text.data() + colon + 2, text.size() - colon - 2);
        continue;
      }
      if (!title) {
        it = Xapian::Utf8Iterator(text.data() + colon + 1, text.size() - colon - 1);
        if (*it == '"') {
          for (++it; it != end;) {
            const bool quote = *it == '"';
            ++it;
            if (quote && (it == end || *it != '"')) break;
            if (quote) ++it;  // "" is a quote within the value
          }
        } else {
          while (it != end && *it > ' ' && *it != ')') ++it;
        }
        continue;
      }
    }
    if (!IsDoubleQuote(ch)) {
      if (!quoted && ch == '(' && OpensGroup(text, here)) {
        open_group(here);
      } else if (!quoted && ch == ')' && !opens.empty()) {
        groups[opens.back()].end = at(next);
        opens.pop_back();
      }
      it = next;
      continue;
    }
    if (quoted) {
      quoted = false;
      it = next;
      continue;
    }
    while (next != end && Xapian::Unicode::is_whitespace(*next)) ++next;
    if (next == end) break;
    if (IsDoubleQuote(*next)) {
      ++next;
    } else {
      quoted = true;
    }
    it = next;
  }
  return groups;
}

// Where the text that goes with the group opening at text[open] starts: its
// sign and any field ("-title:("), else its field, else the bracket.
size_t GroupStart(std::string_view text, size_t open) {
  size_t sign = 0;
  if (SignedGroup(text, open, sign)) return sign;
  if (open > 0 && text[open - 1] == ':') {
    const size_t field = FieldBefore(text, open - 1);
    if (field != std::string_view::npos) return field;
  }
  return open;
}

std::string DropGroups(std::string_view text,
                       const std::function<bool(const std::string&)>& empty) {
  const std::vector<Group> groups = GroupsLikeXapian(text);
  // Innermost first: by where they end, then the later opening first (the
  // unclosed ones all end at the end).
  std::vector<size_t> order(groups.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return groups[a].end != groups[b].end ? groups[a].end < groups[b].end
                                          : groups[a].open > groups[b].open;
  });
  struct Span {
    size_t begin, end;
  };
  std::vector<bool> kept(groups.size(), false);  // found to hold something
  std::vector<std::vector<Span>> dropped_within(groups.size());
  std::vector<Span> dropped;  // every dropped group, with its sign and field
  std::string check;
  for (size_t g : order) {
    const Group& group = groups[g];
    if (!kept[g]) {
      // The group as Xapian would read it alone, without the groups within
      // it that are already dropped (each of them a space): each byte of the
      // text is read once, however deep the groups.
      check.clear();
      size_t from = group.open;
      for (const Span& s : dropped_within[g]) {  // in the order they end: ascending
        check.append(text.substr(from, s.begin - from));
        check += ' ';
        from = s.end;
      }
      check.append(text.substr(from, group.end - from));
      kept[g] = !empty(check);
    }
    if (kept[g]) {
      if (group.parent != std::string_view::npos) kept[group.parent] = true;
      continue;
    }
    const Span span{GroupStart(text, group.open), group.end};
    dropped.push_back(span);
    if (group.parent != std::string_view::npos) dropped_within[group.parent].push_back(span);
  }
  // Each outermost dropped span becomes a space.
  std::sort(dropped.begin(), dropped.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::string out;
  size_t copied = 0;
  for (const Span& s : dropped) {
    if (s.begin < copied) continue;  // within one already dropped
    out.append(text.substr(copied, s.begin - copied));
    out += ' ';
    copied = s.end;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace

Result<std::string> ExpandFilterGroups(std::string_view folded) {
  const std::vector<QueryToken> tokens = Tokens(folded);
  std::string out;
  std::string field;  // "speaker:" within its group, else empty
  int depth = 0;      // brackets open within the group, its own included
  bool values = false;
  bool quoted = false;  // within a quoted value of the group
  for (const QueryToken& token : tokens) {
    std::string_view t = token.text;
    if (!out.empty()) out += ' ';
    size_t i = 0;
    if (field.empty()) {
      i = AfterSignsAndOpenings(t);
      const size_t colon = t.find(':', i);
      const std::string_view name = t.substr(i, colon - i);  // all of it without a colon
      if (token.quoted || colon == std::string_view::npos || colon + 1 >= t.size() ||
          t[colon + 1] != '(' || !IsFieldName(name) || name == "title") {
        out += t;
        continue;
      }
      // The signs and brackets before the field stay; its name goes into
      // the group, before each value.
      out += t.substr(0, i);
      field = std::string(t.substr(i, colon + 1 - i));
      depth = 0;
      values = false;
      quoted = false;
      t.remove_prefix(colon + 1);
      i = 0;
    }
    // Values are read as Xapian reads a filter's: one that opens with a
    // quote runs to the next quote; a quote within one opens nothing.
    if (quoted) {
      const size_t quote = t.find('"');
      quoted = quote == std::string_view::npos;
      i = quoted ? t.size() : quote + 1;
      out += t.substr(0, i);
    } else {
      const size_t lead = AfterSignsAndOpenings(t, i);
      depth += static_cast<int>(std::count(t.begin() + i, t.begin() + lead, '('));
      out += t.substr(i, lead - i);
      i = lead;
      size_t end;
      if (i < t.size() && t[i] == '"') {
        end = t.find('"', i + 1);
        quoted = end == std::string_view::npos;
        end = quoted ? t.size() : end + 1;
      } else {
        end = std::min(t.find(')', i), t.size());
      }
      const std::string_view core = t.substr(i, end - i);
      if (!core.empty() && !IsOperator(core)) {
        if (!StartsWithField(core)) out += field;
        values = true;
      }
      out += core;
      i = end;
    }
    for (; i < t.size(); ++i) {
      out += t[i];
      if (t[i] != ')' || --depth > 0) continue;
      if (!values) return Status::InvalidArgument(field + " needs a value inside its brackets");
      field.clear();
      out += t.substr(i + 1);  // what follows the group in the token
      break;
    }
  }
  if (!field.empty() && !values)
    return Status::InvalidArgument(field + " needs a value inside its brackets");
  return out;
}

std::string DropEmptyGroups(std::string_view text, const Xapian::Stopper* stop) {
  if (stop == nullptr || text.find('(') == std::string_view::npos) return std::string(text);
  ProcessorErrors errors;  // a bad value in a group is reported by the whole query's parse
  Xapian::QueryParser qp;
  qp.set_stopper(stop);
  AddFields(qp, &errors);
  return DropGroups(text, [&](const std::string& group) {
    try {
      return qp.parse_query(group, kParseFlags).empty();
    } catch (const Xapian::Error&) {
      return false;  // a group that is an error stays one
    }
  });
}

std::string TextForXapian(std::string_view text) {
  if (text.find_first_of("(:") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size(); ++i) {
    // Not where a term starts (after a space, a bracket, a quote or the sign
    // of a group: "-(", "+(") nor after a field ("title:(").
    if (text[i] == '(' && !StartsTerm(text, i) &&
        !(text[i - 1] == ':' && FieldBefore(text, i - 1) != std::string_view::npos)) {
      out.push_back(' ');
    }
    // A field glued to what comes before it ("a-speaker:x", "o'speaker:x"):
    // Xapian would read a phrase or a longer word there, or not, depending
    // on what comes before; after a space it is a field.
    if (IsFieldAt(text, i) && !StartsTerm(text, i)) out.push_back(' ');
    out.push_back(text[i]);
  }
  return out;
}

// The operator of a NEAR or ADJ chain ("NEAR", "ADJ/3") that `token` is,
// brackets aside; "" for any other token.
std::string_view ProximityOperator(std::string_view token) {
  while (!token.empty() && token.front() == '(') token.remove_prefix(1);
  while (!token.empty() && token.back() == ')') token.remove_suffix(1);
  return (token.starts_with("NEAR") || token.starts_with("ADJ")) && IsOperator(token)
             ? token
             : std::string_view();
}

// Whether `text` (UTF-8) has a word character (a letter, a digit: Xapian's
// Unicode::is_wordchar) from U+2E80 on, where Chinese, Japanese and Korean
// start (and a few others). Not their punctuation (`、`) nor U+FFFD: a token
// of those and stop words (`or、or`) would be a group of nothing, which
// Xapian 1.4.22's parser crashes on after a sign without a word
// (`h +, (or、or)`).
bool HasWideWordCharacters(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    if (s[i] < 0xE2) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0x2E80 && Xapian::Unicode::is_wordchar(static_cast<unsigned>(c))) return true;
  }
  return false;
}

// The query text as Xapian's parser is to read it. SpaceOutWords (segment.h)
// makes a run of Thai, Lao, Khmer or Myanmar letters several words; the
// operators that bind the one word beside them bind all of them, in the order
// written, as the indexer split the same letters: after a field (`title:`)
// or a sign (`+`, `-`) the words are quoted, a phrase; beside NEAR or ADJ
// they join the chain. A word of Chinese, Japanese or Korean (Xapian's
// n-grams) goes in brackets, the same query: Xapian 1.4.22 fails with "parse
// error" on one followed by another word (`rudd 東京 whatsapp`).
std::string SpaceOutQueryWords(std::string_view text) {
  if (std::none_of(text.begin(), text.end(),
                   [](char c) { return static_cast<unsigned char>(c) >= 0xE0; }))
    return std::string(text);
  std::vector<std::string_view> tokens;
  for (size_t i = 0; i <= text.size();) {
    const size_t end = std::min(text.find(' ', i), text.size());
    tokens.push_back(text.substr(i, end - i));
    i = end + 1;
  }
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  bool in_phrase = false;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const std::string_view token = tokens[k];
    if (k > 0) out += ' ';
    const bool quotes = token.find('"') != std::string_view::npos;
    // Opening brackets, then a sign or a field, then the value.
    const size_t open = std::min(token.find_first_not_of('('), token.size());
    size_t value = open;
    if (value < token.size() && (token[value] == '+' || token[value] == '-')) ++value;
    if (const size_t colon = token.find(':', value);
        colon != std::string_view::npos && IsFieldName(token.substr(value, colon - value)))
      value = colon + 1;
    std::string_view rest = token.substr(value);
    size_t closing = 0;
    while (closing < rest.size() && rest[rest.size() - 1 - closing] == ')') ++closing;
    rest.remove_suffix(closing);
    std::string spaced = SpaceOutWords(rest);
    std::string_view chain = k > 0 ? ProximityOperator(tokens[k - 1]) : std::string_view();
    if (chain.empty() && k + 1 < tokens.size()) chain = ProximityOperator(tokens[k + 1]);
    const bool plain = !in_phrase && !quotes && rest.find_first_of("(*") == std::string_view::npos;
    if (plain && chain.empty() && token.find_first_of("()+-") == std::string_view::npos &&
        HasWideWordCharacters(token)) {
      out += '(' + SpaceOutWords(token) + ')';
    } else if (plain && spaced.find(' ') != std::string::npos &&
               (value > open || !chain.empty())) {
      out.append(token.substr(0, value));
      if (value > open) {
        out += '"' + spaced + '"';
      } else {
        for (char c : spaced) {
          if (c == ' ') out += ' ' + std::string(chain) + ' ';
          else out += c;
        }
      }
      out.append(closing, ')');
    } else {
      out += SpaceOutWords(token);
    }
    if (std::count(token.begin(), token.end(), '"') % 2 == 1) in_phrase = !in_phrase;
  }
  return out;
}

bool IsOperator(std::string_view token) {
  while (!token.empty() && token.front() == '(') token.remove_prefix(1);
  while (!token.empty() && token.back() == ')') token.remove_suffix(1);
  if (token == "AND" || token == "OR" || token == "NOT" || token == "XOR" ||
      token == "NEAR" || token == "ADJ") {
    return true;
  }
  for (std::string_view op : {"NEAR/", "ADJ/"}) {
    if (token.starts_with(op)) return IsDigits(token.substr(op.size()));
  }
  return false;
}

std::vector<std::string_view> SimpleQueryWords(std::string_view query) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && (query[i] == ' ' || query[i] == '\t')) ++i;
    const size_t begin = i;
    while (i < query.size() && query[i] != ' ' && query[i] != '\t') ++i;
    if (i == begin) break;
    const std::string_view word = query.substr(begin, i - begin);
    if (IsOperator(word) || word.front() == '+' || word.front() == '-' ||
        word.find_first_of("\"():*") != std::string_view::npos)
      return {};
    words.push_back(word);
  }
  return words;
}

bool IsBareField(std::string_view token) {
  std::string lower(token);
  for (char& c : lower) c = LowerAscii(c);
  return !BareField(lower).empty();
}

// As document_builder.cc indexes words and title words. The values of the
// other fields are left to them: `speaker:` and `org:` join a name's
// initialisms themselves (EntityKey), `site:`, `lang:` and `date:` are keys.
std::string JoinQueryInitialisms(const std::string& folded) {
  if (folded.find('.') == std::string::npos) return folded;
  std::string out;
  out.reserve(folded.size());
  bool value_next = false;  // after a bare field name: `speaker: j.k.`
  bool in_phrase = false;   // inside a field's quoted value
  int depth = 0;            // inside a field's group: `org:(a OR b)`
  for (size_t i = 0; i < folded.size();) {
    const size_t end = std::min(folded.find(' ', i), folded.size());
    const std::string_view token = std::string_view(folded).substr(i, end - i);
    if (!out.empty()) out += ' ';
    i = end + 1;
    const auto quotes = std::count(token.begin(), token.end(), '"');
    if (value_next || in_phrase || depth > 0) {
      out += token;
      if (quotes % 2 == 1) in_phrase = !in_phrase;
      depth += static_cast<int>(std::count(token.begin(), token.end(), '(') -
                                std::count(token.begin(), token.end(), ')'));
      if (depth < 0) depth = 0;
      value_next = false;
      continue;
    }
    const size_t value = AfterSignsAndOpenings(token);
    const size_t colon = token.find(':', value);
    const std::string_view field = colon == std::string_view::npos
                                       ? std::string_view()
                                       : token.substr(value, colon - value);
    if (!IsFieldName(field) || field == "title") {
      out += JoinInitialisms(std::string(token));
      continue;
    }
    out += token;
    const std::string_view rest = token.substr(colon + 1);
    value_next = rest.empty();
    in_phrase = quotes % 2 == 1;
    if (!rest.empty() && rest.front() == '(') {
      depth = static_cast<int>(std::count(rest.begin(), rest.end(), '(') -
                               std::count(rest.begin(), rest.end(), ')'));
      if (depth < 0) depth = 0;
    }
  }
  return out;
}

std::string FoldQuery(std::string_view query, bool join_initialisms) {
  std::string out;
  std::string pending;  // non-operator text, folded in one go
  auto flush = [&] {
    if (pending.empty()) return;
    if (!out.empty()) out += ' ';
    out += FoldText(pending);
    pending.clear();
  };
  size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && IsAsciiSpace(query[i])) ++i;
    size_t b = i;
    while (i < query.size() && !IsAsciiSpace(query[i])) ++i;
    if (b == i) break;
    std::string_view token = query.substr(b, i - b);
    if (IsOperator(token)) {
      flush();
      if (!out.empty()) out += ' ';
      out += token;
    } else {
      if (!pending.empty()) pending += ' ';
      pending += token;
    }
  }
  flush();
  // Folding can make white space ("‾" becomes a space and a combining
  // mark, and the mark goes): collapse it, so that folding twice changes
  // nothing.
  std::string collapsed;
  collapsed.reserve(out.size());
  for (char c : out) {
    if (IsAsciiSpace(c)) {
      if (!collapsed.empty() && collapsed.back() != ' ') collapsed += ' ';
    } else {
      collapsed += c;
    }
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return join_initialisms ? JoinQueryInitialisms(collapsed) : collapsed;
}

Result<DateBounds> ParseDateRange(std::string_view value) {
  // `date:""`, or `date:"` at the end: no bound at all.
  if (value.empty()) return BadDate(value);
  DateBounds bounds;
  size_t dots = value.find("..");
  std::string_view from = value, to = value;
  if (dots != std::string_view::npos) {
    from = value.substr(0, dots);
    to = value.substr(dots + 2);
    if (from.empty() && to.empty()) return BadDate(value);
  }
  if (!from.empty()) {
    bounds.from = DateEnd(from, /*upper=*/false);
    if (!bounds.from) return BadDate(value);
  }
  if (!to.empty()) {
    bounds.to = DateEnd(to, /*upper=*/true);
    if (!bounds.to) return BadDate(value);
  }
  if (bounds.from && bounds.to && *bounds.from > *bounds.to) {
    return Status::InvalidArgument("date range \"" + std::string(value) +
                                   "\" ends before it starts");
  }
  return bounds;
}

namespace {

// The hyphenated words (initialisms.h) of `text`, Xapian's query text,
// outside quoted phrases, each as its parts: {"e", "mail"} for `e-mail`,
// `+e-mail`, `-e-mail` and `title:e-mail` alike.
std::vector<std::vector<std::string>> QueryCompounds(std::string_view text) {
  std::vector<std::vector<std::string>> compounds;
  bool quoted = false;
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '"') {
      quoted = !quoted;
      ++i;
      continue;
    }
    if (c >= 0x80) {  // a curly quote also opens or closes a phrase
      const auto* s = reinterpret_cast<const uint8_t*>(text.data());
      int32_t next = static_cast<int32_t>(i);
      UChar32 ch;
      U8_NEXT(s, next, static_cast<int32_t>(text.size()), ch);
      if (IsDoubleQuote(static_cast<unsigned>(ch))) quoted = !quoted;
      i = static_cast<size_t>(next);
      continue;
    }
    if (quoted || !IsAsciiLetter(text[i]) || (i > 0 && IsAsciiLetter(text[i - 1]))) {
      ++i;
      continue;
    }
    // A sign (`-e-mail`) is not a hyphen before the word.
    const bool signed_word =
        i > 0 && (text[i - 1] == '-' || text[i - 1] == '+') &&
        (i == 1 || IsAsciiSpace(text[i - 2]) || text[i - 2] == '(');
    const size_t length = signed_word ? CompoundAt(text.substr(i), 0) : CompoundAt(text, i);
    if (length == 0) {
      ++i;
      continue;
    }
    std::vector<std::string> parts = CompoundParts(text.substr(i, length));
    if (std::find(compounds.begin(), compounds.end(), parts) == compounds.end())
      compounds.push_back(std::move(parts));
    i += length;
  }
  return compounds;
}

// `phrase` (an OP_PHRASE) when it is one of `compounds` as the query parser
// writes it: the parts as terms with one prefix, "" or the title's. Returns
// the prefix and the joined word, or std::nullopt.
std::optional<std::pair<std::string, std::string>> CompoundPhrase(
    const Xapian::Query& phrase, const std::vector<std::vector<std::string>>& compounds,
    const Xapian::Stem& stemmer, bool stem_all) {
  const size_t n = phrase.get_num_subqueries();
  std::vector<std::string> terms;
  for (size_t k = 0; k < n; ++k) {
    const Xapian::Query leaf = phrase.get_subquery(k);
    if (leaf.get_type() != Xapian::Query::LEAF_TERM ||
        leaf.get_terms_begin() == leaf.get_terms_end())
      return std::nullopt;
    terms.push_back(*leaf.get_terms_begin());
  }
  if (terms.empty()) return std::nullopt;
  const std::string prefix =
      terms[0].starts_with(schema::kTitle) ? std::string(schema::kTitle) : std::string();
  const bool stemmed = stem_all && !stemmer.is_none();
  for (const std::vector<std::string>& parts : compounds) {
    if (parts.size() != n) continue;
    bool same = true;
    std::string joined;
    for (size_t k = 0; k < n && same; ++k) {
      same = terms[k] == prefix + (stemmed ? stemmer(parts[k]) : parts[k]);
      joined += parts[k];
    }
    if (same) return std::make_pair(prefix, joined);
  }
  return std::nullopt;
}

// `query` with each of the phrases that stand for `compounds` (a query's
// hyphenated words) also matching the articles that write the compound as
// one word: `e-mail` as the phrase `e mail` OR (`email` AND NOT that
// phrase), so that an article with both (every article that writes
// `e-mail`: the indexer adds `email` there, document_builder.cc) weighs
// what the phrase weighs, as before, and one that writes only `email` what
// that word weighs. The joined word is stemmed as the indexer stems it.
// Only the operators on the way to such a phrase that can be rebuilt from
// their subqueries are (AND, OR, AND NOT, AND MAYBE, FILTER, XOR); a phrase
// under another (a weight scale, NEAR) stays as it is, and so does one
// whose joined word `db` (if given) has in no article.
std::optional<Xapian::Query> JoinCompoundPhrases(
    const Xapian::Query& query, const std::vector<std::vector<std::string>>& compounds,
    const Xapian::Stem& stemmer, bool stem_all, const Xapian::Database* db) {
  const Xapian::Query::op type = query.get_type();
  if (type == Xapian::Query::OP_PHRASE) {
    const auto compound = CompoundPhrase(query, compounds, stemmer, stem_all);
    if (!compound) return std::nullopt;
    const auto& [prefix, joined] = *compound;
    std::string term;
    if (stemmer.is_none()) {
      term = prefix + joined;
    } else {
      term = (stem_all ? "" : "Z") + prefix + stemmer(joined);
    }
    if (db != nullptr && db->get_termfreq(term) == 0) return std::nullopt;
    // The phrase that excludes is checked where the joined word is (an
    // AND of the two: Xapian tests the positions of the AND's matches
    // only), not at every article with the parts (`take`, `over`).
    const Xapian::Query joined_word(term);
    return Xapian::Query(
        Xapian::Query::OP_OR, query,
        Xapian::Query(Xapian::Query::OP_AND_NOT, joined_word,
                      Xapian::Query(Xapian::Query::OP_AND, joined_word, query)));
  }
  switch (type) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_XOR:
      break;
    default:
      return std::nullopt;
  }
  std::vector<Xapian::Query> subqueries;
  bool changed = false;
  for (size_t k = 0; k < query.get_num_subqueries(); ++k) {
    Xapian::Query sub = query.get_subquery(k);
    if (auto joined = JoinCompoundPhrases(sub, compounds, stemmer, stem_all, db)) {
      sub = std::move(*joined);
      changed = true;
    }
    subqueries.push_back(std::move(sub));
  }
  if (!changed) return std::nullopt;
  return Xapian::Query(type, subqueries.begin(), subqueries.end());
}

// JoinCompoundPhrases over `query` when `compounds` has any.
Xapian::Query WithCompoundsJoined(const Xapian::Query& query,
                                  const std::vector<std::vector<std::string>>& compounds,
                                  const Xapian::Stem& stemmer, const Xapian::Database* db) {
  if (compounds.empty()) return query;
  auto joined = JoinCompoundPhrases(query, compounds, stemmer, Ranking().stem_all, db);
  return joined ? std::move(*joined) : query;
}

}  // namespace

Result<ParsedQuery> ParseQuery(std::string_view query, DefaultOp op,
                               const Xapian::Database* db) {
  ParsedQuery parsed;
  std::string folded = FoldQuery(query);
  Result<std::string> glued =
      folded.find(':') == std::string::npos ? std::move(folded) : GlueFieldValues(folded);
  if (glued.ok() && glued.value().find(":(") != std::string::npos)
    glued = ExpandFilterGroups(glued.value());
  if (!glued.ok()) {
    return Status::InvalidArgument("bad query \"" + std::string(query) + "\": " +
                                   glued.status().message());
  }
  parsed.folded = std::move(glued.value());
  std::string lang = QueryLanguage(parsed.folded);
  ProcessorErrors errors;  // outlives the QueryParser and its processors
  // Not in the try below: the index's errors are the caller's (a writer's
  // commit to catch up with, a shard gone), not a bad query.
  const std::vector<std::string> languages =
      lang.empty() && db != nullptr ? QueryLanguages(*db) : std::vector<std::string>();
  // Ranking().stemmer: an evaluation knob (ranking.h).
  parsed.stemmer = StemmerFor(lang.empty() ? kDefaultLanguage : lang, Ranking().stemmer);

  try {
    Xapian::QueryParser qp;
    if (!parsed.stemmer.empty()) {
      qp.set_stemmer(Xapian::Stem(parsed.stemmer));
      qp.set_stemming_strategy(Ranking().stem_all ? Xapian::QueryParser::STEM_ALL
                                                  : Xapian::QueryParser::STEM_SOME);
    }
    if (db != nullptr) qp.set_database(*db);
    const std::vector<QueryToken> tokens = Tokens(parsed.folded);
    const bool operators = std::any_of(tokens.begin(), tokens.end(),
                                       [](const QueryToken& t) { return IsOperator(t.text); });
    const Xapian::Stopper* stop_words = QueryStopper(Ranking());  // ranking.h
    const WordsSeen stopper(stop_words, operators);
    qp.set_stopper(&stopper);
    qp.set_default_op(op == DefaultOp::kAnd ? Xapian::Query::OP_AND
                                            : Xapian::Query::OP_OR);
    // Bound wildcard expansion: `a*` over millions of articles would
    // otherwise OR together every term starting with "a".
    qp.set_max_expansion(256, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);

    AddFields(qp, &errors);
    // Empty groups go first, so that `-r -(a + or)` is `-r` to what follows.
    std::string text = DropEmptyGroups(
        TextForXapian(operators ? BracketProximityChains(tokens) : parsed.folded), stop_words);
    if (auto groups = ExclusionGroups(text, stop_words)) text = std::move(*groups);
    if (auto exclusions = ExclusionsOnly(text, stop_words)) text = std::move(*exclusions);
    const std::string for_xapian = SpaceOutQueryWords(text);  // words as indexed
    parsed.query = qp.parse_query(for_xapian, kParseFlags);
    if (!errors.first().empty()) {
      return Status::InvalidArgument("bad query \"" + std::string(query) +
                                     "\": " + errors.first());
    }
    if (stopper.FellBack(tokens, parsed.query)) {
      const bool near = parsed.folded.find("NEAR") != std::string::npos ||
                        parsed.folded.find("ADJ") != std::string::npos;
      return Status::InvalidArgument(
          "bad query \"" + std::string(query) + "\": syntax error: " +
          (near ? "NEAR and ADJ go between single words (not phrases, groups or fields) "
                  "and do not mix in one chain"
                : "the operators do not fit together (+word and -word go beside words, "
                  "not beside AND, OR, NOT or XOR)"));
    }
    // Hyphenated words also as one word (JoinCompoundPhrases).
    const std::vector<std::vector<std::string>> compounds = QueryCompounds(for_xapian);
    parsed.query = WithCompoundsJoined(
        parsed.query, compounds,
        parsed.stemmer.empty() ? Xapian::Stem() : Xapian::Stem(parsed.stemmer), db);
    parsed.parses.push_back({"", parsed.stemmer, parsed.query});
    for (const std::string& language : languages) {
      // As document_builder.cc stems the language's articles.
      const Xapian::Stem language_stemmer = StemmerOf(language, Ranking().stemmer);
      qp.set_stemmer(language_stemmer);
      const std::string stemmer = StemmerFor(language, Ranking().stemmer);
      qp.set_stemming_strategy(Ranking().stem_all ? Xapian::QueryParser::STEM_ALL
                                                  : Xapian::QueryParser::STEM_SOME);
      Xapian::Query q = WithCompoundsJoined(qp.parse_query(for_xapian, kParseFlags), compounds,
                                            language_stemmer, db);
      if (q.get_description() != parsed.query.get_description())
        parsed.parses.push_back({language, stemmer, std::move(q)});
    }
  } catch (const Xapian::Error& e) {
    std::string msg = e.get_msg();
    if (msg.starts_with("Syntax: ")) {
      msg = "syntax error, expected " + msg.substr(8);
    }
    return Status::InvalidArgument("bad query \"" + std::string(query) +
                                   "\": " + msg);
  }
  std::set<std::string> free;
  for (auto t = parsed.query.get_terms_begin();
       t != parsed.query.get_terms_end(); ++t) {
    if (IsFreeTextTerm(*t)) free.insert(*t);
  }
  // Wildcards are expanded only by the matcher; count each pattern once.
  std::vector<Xapian::Query> todo = {parsed.query};
  while (!todo.empty()) {
    Xapian::Query q = todo.back();
    todo.pop_back();
    if (q.get_type() == Xapian::Query::OP_WILDCARD) {
      free.insert(q.get_description());
    }
    for (size_t k = 0; k < q.get_num_subqueries(); ++k) {
      todo.push_back(q.get_subquery(k));
    }
  }
  parsed.free_terms = free.size();
  if (parsed.parses.size() > 1) {
    std::vector<Xapian::Query> branches, languages_seen;
    for (size_t k = 1; k < parsed.parses.size(); ++k) {
      Xapian::Query language(std::string(schema::kLanguage) + parsed.parses[k].language);
      branches.emplace_back(Xapian::Query::OP_FILTER, parsed.parses[k].query, language);
      languages_seen.push_back(std::move(language));
    }
    branches.emplace_back(Xapian::Query::OP_AND_NOT, parsed.query,
                          Xapian::Query(Xapian::Query::OP_OR, languages_seen.begin(),
                                        languages_seen.end()));
    parsed.query = Xapian::Query(Xapian::Query::OP_OR, branches.begin(), branches.end());
  }
  return parsed;
}

}  // namespace newsarc::internal
