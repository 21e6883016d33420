#include "readers/archive_text_reader.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "readers/article_text.h"
#include "readers/decode.h"

namespace newsarc::indexer {
namespace {

struct Line {
  std::string_view text;  // trimmed
  size_t end;             // offset just past the line's "\n"
};

// Trims spaces, tabs and no-break spaces.
std::string_view Trim(std::string_view s) {
  auto space_front = [&] {
    if (s.empty()) return size_t{0};
    if (s.front() == ' ' || s.front() == '\t') return size_t{1};
    if (s.substr(0, 2) == "\xC2\xA0") return size_t{2};
    return size_t{0};
  };
  auto space_back = [&] {
    if (s.empty()) return size_t{0};
    if (s.back() == ' ' || s.back() == '\t') return size_t{1};
    if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") return size_t{2};
    return size_t{0};
  };
  for (size_t n; (n = space_front()) > 0;) s.remove_prefix(n);
  for (size_t n; (n = space_back()) > 0;) s.remove_suffix(n);
  return s;
}

// The first `max` non-blank lines of `text`.
std::vector<Line> LeadingLines(std::string_view text, size_t max) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start < text.size() && lines.size() < max) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    std::string_view line = Trim(text.substr(
        start, end - start - (nl == std::string_view::npos ? 0 : 1)));
    if (!line.empty()) lines.push_back({line, end});
    start = end;
  }
  return lines;
}

bool IsUrlLine(std::string_view s) {
  if (s.find_first_of(" \t") != std::string_view::npos) return false;
  return s.find("://") != std::string_view::npos || s.substr(0, 4) == "www.";
}

// Parses a decimal number of at most 9 digits at `*s`, advancing it.
bool ParseNumber(std::string_view* s, int* out) {
  size_t n = 0;
  while (n < s->size() && std::isdigit(static_cast<unsigned char>((*s)[n])))
    ++n;
  if (n == 0 || n > 9) return false;
  *out = 0;
  for (size_t i = 0; i < n; ++i) *out = *out * 10 + ((*s)[i] - '0');
  s->remove_prefix(n);
  return true;
}

// "Version N of M." (the final '.' optional) -> N.
bool ParseVersionLine(std::string_view s, int* version) {
  constexpr std::string_view kVersion = "Version ";
  if (s.substr(0, kVersion.size()) != kVersion) return false;
  s.remove_prefix(kVersion.size());
  int of;
  if (!ParseNumber(&s, version)) return false;
  if (s.substr(0, 4) != " of ") return false;
  s.remove_prefix(4);
  if (!ParseNumber(&s, &of)) return false;
  return s.empty() || s == ".";
}

// Where to cut `bytes` to at most `max` bytes: after the last line break in
// the last 4 KB before `max`, else after the last space there, so that no
// word or character is split (in any ASCII-compatible encoding); else at
// `max`.
size_t CutPoint(std::string_view bytes, size_t max) {
  if (bytes.size() <= max) return bytes.size();
  const size_t floor = max > 4096 ? max - 4096 : 0;
  for (char at : {'\n', ' '}) {
    for (size_t i = max; i > floor; --i) {
      if (bytes[i - 1] == at) return i;
    }
  }
  return max;
}

class TextReader : public Reader {
 public:
  TextReader(std::string path, std::unique_ptr<ByteSource> in)
      : path_(std::move(path)), in_(std::move(in)) {}

  Result<std::optional<Article>> Next() override {
    if (too_long_) {
      // After the article itself: say that it was cut.
      too_long_ = false;
      return Status::InvalidArgument(path_ + ":1: longer than " +
                                     std::to_string(kMaxArticleBytes >> 20) +
                                     " MiB: only the first " +
                                     std::to_string(kMaxArticleBytes >> 20) +
                                     " MiB were indexed");
    }
    if (done_) return std::optional<Article>();
    done_ = true;
    Status error;
    // Never more than the limit in memory, however large the file.
    std::string bytes = ReadUpTo(*in_, kMaxArticleBytes + 1, &error);
    if (!error.ok()) {
      size_t line = 1 + std::count(bytes.begin(), bytes.end(), '\n');
      return Status(error.code(),
                    path_ + ":" + std::to_string(line) + ": " + error.message());
    }
    if (bytes.size() > kMaxArticleBytes) {
      too_long_ = true;
      bytes.resize(CutPoint(bytes, kMaxArticleBytes));
    }
    auto article = ParseTextArticle(DecodeToUtf8(bytes));
    if (!article.ok()) {
      return Status::InvalidArgument(path_ +
                                     ":1: " + article.status().message());
    }
    Article a = std::move(article).value();
    a.source_path = path_;
    FinishArticle(&a);
    return std::optional<Article>(std::move(a));
  }

 private:
  std::string path_;
  std::unique_ptr<ByteSource> in_;
  bool done_ = false;
  bool too_long_ = false;
};

}  // namespace

bool IsArchiveText(std::string_view text) {
  std::vector<Line> lines = LeadingLines(text, 3);
  int version;
  return lines.size() == 3 && IsUrlLine(lines[1].text) &&
         ParseVersionLine(lines[2].text, &version);
}

Result<Article> ParseTextArticle(std::string_view text) {
  Article a;
  std::string body;
  std::vector<Line> lines = LeadingLines(text, 3);
  if (lines.empty()) return Status::InvalidArgument("empty file");
  if (lines.size() == 3 && IsUrlLine(lines[1].text) &&
      ParseVersionLine(lines[2].text, &a.version)) {
    a.url = std::string(lines[1].text);
    body = std::string(text.substr(lines[2].end));
  } else {
    body = std::string(text.substr(lines[0].end));
  }
  a.title = std::string(lines[0].text);
  a.date = TakeDateline(&body);
  a.body = NormalizeBody(body);
  return a;
}

std::unique_ptr<Reader> NewTextReader(std::string path,
                                      std::unique_ptr<ByteSource> in) {
  return std::make_unique<TextReader>(std::move(path), std::move(in));
}

}  // namespace newsarc::indexer
