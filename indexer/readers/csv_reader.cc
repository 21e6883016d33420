#include "readers/csv_reader.h"

#include <cctype>
#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "readers/article_text.h"
#include "readers/decode.h"

namespace newsarc::indexer {
namespace {

// A row may not grow beyond this: an unclosed quote would otherwise read the
// rest of a huge file into one field.
constexpr size_t kMaxRecord = kMaxArticleBytes;

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

char SniffDelimiter(std::string_view header) {
  size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (char c : header) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    comma += c == ',';
    semicolon += c == ';';
    tab += c == '\t';
  }
  if (tab > comma && tab >= semicolon) return '\t';
  if (semicolon > comma) return ';';
  return ',';
}

class CsvReader : public Reader {
 public:
  CsvReader(std::string path, std::unique_ptr<ByteSource> in)
      : path_(std::move(path)), lines_(NewTextStream(std::move(in)), kMaxRecord) {}

  Result<std::optional<Article>> Next() override {
    while (!done_) {
      std::vector<std::string> fields;
      uint64_t start = 0;
      Status s = ReadRecord(&fields, &start);
      if (!s.ok()) return s;
      if (done_) break;
      if (!have_header_) {
        have_header_ = true;
        for (auto& name : fields) {
          std::string n = decoder_.Decode(name);
          std::string lower;
          for (char c : n) {
            if (c != ' ' && c != '\t') {
              lower += static_cast<char>(
                  std::tolower(static_cast<unsigned char>(c)));
            }
          }
          header_.push_back(std::move(lower));
        }
        continue;
      }
      if (fields.size() != header_.size()) {
        return Error(start, std::to_string(fields.size()) +
                                " fields, header has " +
                                std::to_string(header_.size()));
      }
      std::string row;
      for (const auto& f : fields) row += f + '\n';
      decoder_.Prime(row);
      RecordFields record;
      for (size_t i = 0; i < fields.size(); ++i) {
        record.emplace_back(header_[i], decoder_.Decode(fields[i]));
      }
      auto article = ArticleFromFields(record);
      if (!article.ok()) return Error(start, article.status().message());
      Article a = std::move(article).value();
      a.source_path = path_;
      a.record = start;
      FinishArticle(&a);
      return std::optional<Article>(std::move(a));
    }
    return std::optional<Article>();
  }

 private:
  Status Error(uint64_t line, const std::string& reason) {
    return Status::InvalidArgument(path_ + ":" + std::to_string(line) + ": " +
                                   reason);
  }

  // The next physical line and its number; lines given back after an
  // unclosed quote come first. Sets done_ at the end or on a read error.
  // A line longer than kMaxRecord is cut to kMaxRecord bytes, so that the
  // row it belongs to is too long.
  Result<bool> GetLine(std::string* line, uint64_t* number) {
    if (!pending_.empty()) {
      *number = pending_.front().first;
      *line = std::move(pending_.front().second);
      pending_.pop_front();
      return true;
    }
    auto more = lines_.Next(line);
    if (!more.ok()) {
      done_ = true;
      return Status(more.status().code(),
                    path_ + ":" + std::to_string(lines_.line_number() + 1) +
                        ": " + more.status().message());
    }
    *number = lines_.line_number();
    return more.value();
  }

  // Reads one row (skipping blank lines) into `*fields` (raw bytes).
  // Sets done_ if there is none.
  Status ReadRecord(std::vector<std::string>* fields, uint64_t* start) {
    std::string line;
    uint64_t number = 0;
    for (;;) {
      auto got = GetLine(&line, &number);
      if (!got.ok()) return got.status();
      if (!got.value()) {
        done_ = true;
        return Status::Ok();
      }
      if (!IsBlank(line)) break;
    }
    *start = number;
    // A line cut by the LineReader (or given back, as long) is no row.
    if (line.size() >= kMaxRecord) return Error(*start, "row too long");
    if (!have_header_) delimiter_ = SniffDelimiter(line);
    // Lines of this row after the first, given back if a quote never closes.
    std::vector<std::pair<uint64_t, std::string>> taken;
    size_t bytes = line.size();
    std::string field;
    size_t i = 0;
    for (;;) {
      // At the start of a field.
      field.clear();
      if (i < line.size() && line[i] == '"') {
        ++i;
        for (;;) {
          size_t quote = line.find('"', i);
          if (quote == std::string::npos) {
            field.append(line, i, std::string::npos);
            std::string next;
            uint64_t next_number = 0;
            auto got = GetLine(&next, &next_number);
            bytes += next.size();
            if (!got.ok() || !got.value() || bytes > kMaxRecord) {
              if (got.ok() && got.value())
                taken.emplace_back(next_number, std::move(next));
              // Read again from the line after the row's first: the quote
              // was probably a stray one.
              for (auto it = taken.rbegin(); it != taken.rend(); ++it) {
                pending_.push_front(std::move(*it));
              }
              if (!got.ok()) return got.status();
              done_ = false;
              return Error(*start, bytes > kMaxRecord
                                       ? "row too long"
                                       : "unclosed quoted field");
            }
            taken.emplace_back(next_number, next);
            line = std::move(next);
            i = 0;
            continue;
          }
          field.append(line, i, quote - i);
          if (quote + 1 < line.size() && line[quote + 1] == '"') {
            field += '"';
            i = quote + 2;
            continue;
          }
          i = quote + 1;
          break;
        }
        // After the closing quote: a delimiter or the end of the row.
        if (i < line.size() && line[i] != delimiter_ && line[i] != '\r' &&
            line[i] != '\n') {
          return Error(*start, "unexpected character after a closing quote");
        }
      } else {
        size_t end = line.find_first_of(std::string{delimiter_, '\r', '\n'}, i);
        if (end == std::string::npos) end = line.size();
        field.append(line, i, end - i);
        i = end;
      }
      fields->push_back(std::move(field));
      if (i < line.size() && line[i] == delimiter_) {
        ++i;
        continue;
      }
      return Status::Ok();  // "\r\n", "\n" or the end of the last line
    }
  }

  std::string path_;
  LineReader lines_;
  RecordDecoder decoder_;
  std::deque<std::pair<uint64_t, std::string>> pending_;
  std::vector<std::string> header_;
  char delimiter_ = ',';
  bool have_header_ = false;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<Reader> NewCsvReader(std::string path,
                                     std::unique_ptr<ByteSource> in) {
  return std::make_unique<CsvReader>(std::move(path), std::move(in));
}

}  // namespace newsarc::indexer
