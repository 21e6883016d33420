#include "readers/article_text.h"

#include <cctype>
#include <initializer_list>
#include <string>

#include "readers/dates.h"
#include "readers/decode.h"

namespace newsarc::indexer {
namespace {

constexpr std::string_view kNbsp = "\xC2\xA0";

// Trims ASCII white space and no-break spaces (pasted text often ends lines
// with U+00A0).
std::string_view TrimLine(std::string_view s) {
  for (;;) {
    if (!s.empty() &&
        (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) {
      s.remove_prefix(1);
    } else if (s.substr(0, 2) == kNbsp) {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() &&
        (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == kNbsp) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

// The first non-empty value among `names`.
std::string First(const RecordFields& fields,
                  std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    for (const auto& [key, value] : fields) {
      if (key == name && !TrimLine(value).empty()) return value;
    }
  }
  return "";
}

// "['A', 'B']" (a Python list written into a CSV cell) -> "A, B".
std::string Byline(std::string_view s) {
  std::string_view t = TrimLine(s);
  if (t.size() < 2 || t.front() != '[' || t.back() != ']') return OneLine(t);
  std::string out;
  std::string name;
  auto flush = [&] {
    std::string n = OneLine(name);
    if (!n.empty()) out += (out.empty() ? "" : ", ") + n;
    name.clear();
  };
  for (char c : t.substr(1, t.size() - 2)) {
    if (c == '\'' || c == '"') continue;
    if (c == ',') {
      flush();
    } else {
      name += c;
    }
  }
  flush();
  return out;
}

// "www.BBC.co.uk" stays a host name; "https://bbc.co.uk/news" gives its host.
std::string SiteName(std::string_view s) {
  std::string l = LowerAscii(OneLine(s));
  if (size_t scheme = l.find("://"); scheme != std::string::npos) {
    l.erase(0, scheme + 3);
    l.resize(std::min(l.size(), l.find_first_of("/?#")));
  }
  return l;
}

}  // namespace

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// One line: white space runs (including newlines) become one space.
std::string OneLine(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : TrimLine(s)) {
    if (c == ' ' || c == '\t' || c == '\n') {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string NormalizeBody(std::string_view text) {
  std::string out;
  std::string para;
  auto flush = [&] {
    if (para.empty()) return;
    if (!out.empty()) out += "\n\n";
    out += para;
    para.clear();
  };
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = TrimLine(text.substr(start, nl - start));
    if (line.empty()) {
      flush();
    } else {
      if (!para.empty()) para += ' ';
      para += line;
    }
    start = nl + 1;
  }
  flush();
  return out;
}

std::string TakeDateline(std::string* text) {
  size_t start = 0;
  while (start < text->size()) {
    size_t nl = text->find('\n', start);
    if (nl == std::string::npos) nl = text->size();
    std::string_view line =
        TrimLine(std::string_view(*text).substr(start, nl - start));
    if (!line.empty()) {
      std::string date = ParseDateline(line);
      if (!date.empty()) text->erase(0, std::min(nl + 1, text->size()));
      return date;
    }
    start = nl + 1;
  }
  return "";
}

std::string TitleFromText(std::string_view body) {
  constexpr size_t kMinSentence = 10, kLong = 150, kSentence = 300;
  std::string_view first = body.substr(0, body.find('\n'));
  // The first sentence, if it ends at a reasonable length ("Mr. X" is too
  // short to be one).
  for (size_t i = kMinSentence; i + 1 < first.size() && i < kSentence; ++i) {
    if ((first[i] == '.' || first[i] == '?' || first[i] == '!') &&
        first[i + 1] == ' ') {
      return std::string(first.substr(0, i + 1));
    }
  }
  if (first.size() <= kLong) return std::string(first);
  // Cut at a space, which is never inside a UTF-8 sequence; failing that
  // (one enormous word), before a character's lead byte.
  size_t cut = first.rfind(' ', kLong);
  if (cut == std::string_view::npos || cut < 20) {
    cut = kLong;
    while (cut > 0 && (static_cast<unsigned char>(first[cut]) & 0xC0) == 0x80)
      --cut;
  }
  return std::string(first.substr(0, cut)) + "\u2026";
}

void FinishArticle(Article* a) {
  for (std::string* s : {&a->id, &a->title, &a->url, &a->date, &a->language,
                         &a->byline, &a->site}) {
    *s = OneLine(SanitizeUtf8(*s));
  }
  a->body = SanitizeUtf8(a->body);
  if (!IsUtf8(a->source_path)) a->source_path = SanitizeUtf8(a->source_path);
}

Result<Article> ArticleFromFields(const RecordFields& raw) {
  // JSON escapes ("\u0000", a lone "\udc00") can smuggle in what decoding
  // removed from the bytes; clean before deciding what is empty.
  RecordFields fields = raw;
  for (auto& field : fields) field.second = SanitizeUtf8(field.second);
  Article a;
  a.title = OneLine(First(fields, {"title", "headline"}));
  // The longest real text field: crawlers fill several, some truncated
  // (NewsAPI's "content" stops at 200 characters).
  std::string text;
  for (std::string_view name :
       {"text", "body", "maintext", "content", "article", "articlebody"}) {
    std::string v = First(fields, {name});
    if (v.size() > text.size()) text = std::move(v);
  }
  if (TrimLine(text).empty()) text = First(fields, {"description"});
  std::string dateline = TakeDateline(&text);
  a.body = NormalizeBody(text);
  if (a.title.empty() && a.body.empty()) {
    return Status::InvalidArgument("no \"title\" or \"text\" field");
  }
  if (a.title.empty()) a.title = TitleFromText(a.body);
  a.url = OneLine(First(fields, {"url", "link"}));
  std::string date =
      First(fields, {"date", "date_publish", "published", "publishedat",
                     "pubdate", "date_published", "datepublished", "datecreated"});
  a.date = NormalizeDate(date);
  if (a.date.empty()) {
    std::string d = OneLine(date);
    bool digits = d.size() >= 9 && d.size() <= 13 &&
                  d.find_first_not_of("0123456789") == std::string::npos;
    if (digits) a.date = UnixTimeToIso(std::stod(d));
  }
  if (a.date.empty()) a.date = dateline;
  a.byline = Byline(First(fields, {"authors", "byline", "author"}));
  a.site = SiteName(First(fields, {"source_domain", "site", "domain"}));
  // As given ("en-GB", "English"): the index keeps its code, or detects the
  // language when it is neither a code nor a name (LanguageCode).
  a.language = OneLine(First(fields, {"language", "lang", "inlanguage"}));
  a.id = OneLine(First(fields, {"id"}));
  return a;
}

}  // namespace newsarc::indexer
