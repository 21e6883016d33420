#include "readers/json_reader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/error.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "readers/article_text.h"
#include "readers/decode.h"

namespace newsarc::indexer {
namespace {

// The iterative parser: deeply nested input cannot overflow the stack.
constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag;

std::string ParseErrorReason(rapidjson::ParseErrorCode code) {
  using namespace rapidjson;
  switch (code) {
    case kParseErrorDocumentEmpty:
      return "empty document";
    case kParseErrorDocumentRootNotSingular:
      return "more than one value";
    case kParseErrorValueInvalid:
      return "invalid value";
    case kParseErrorObjectMissName:
      return "missing a member name";
    case kParseErrorObjectMissColon:
      return "missing a colon after a name";
    case kParseErrorObjectMissCommaOrCurlyBracket:
      return "missing a comma or '}'";
    case kParseErrorArrayMissCommaOrSquareBracket:
      return "missing a comma or ']'";
    case kParseErrorStringUnicodeEscapeInvalidHex:
      return "invalid \\u escape";
    case kParseErrorStringUnicodeSurrogateInvalid:
      return "invalid surrogate pair";
    case kParseErrorStringEscapeInvalid:
      return "invalid escape";
    case kParseErrorStringMissQuotationMark:
      return "missing a closing quotation mark";
    case kParseErrorStringInvalidEncoding:
      return "invalid encoding";
    case kParseErrorNumberTooBig:
      return "number too big";
    case kParseErrorNumberMissFraction:
    case kParseErrorNumberMissExponent:
      return "invalid number";
    default:
      return "syntax error";
  }
}

std::string NumberText(const rapidjson::Value& v) {
  if (v.IsInt64()) return std::to_string(v.GetInt64());
  if (v.IsUint64()) return std::to_string(v.GetUint64());
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v.GetDouble());
  return buf;
}

// Text of a scalar; of a {"name": ...} object (an author), its name; for
// arrays (authors), the texts of its strings, numbers and such objects
// joined with ", ". Other objects and nulls: nothing.
std::string ValueText(const rapidjson::Value& v, bool in_array = false) {
  if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
  if (v.IsNumber()) return NumberText(v);
  if (v.IsBool()) return v.GetBool() ? "true" : "false";
  if (v.IsObject()) {
    auto name = v.FindMember("name");
    if (name != v.MemberEnd() && name->value.IsString())
      return ValueText(name->value);
  }
  if (v.IsArray() && !in_array) {
    std::string out;
    for (const auto& item : v.GetArray()) {
      std::string t = ValueText(item, true);
      if (t.empty()) continue;
      if (!out.empty()) out += ", ";
      out += t;
    }
    return out;
  }
  return "";
}

RecordFields FieldsOf(const rapidjson::Value& object) {
  RecordFields fields;
  for (const auto& m : object.GetObject()) {
    std::string text = ValueText(m.value);
    if (text.empty()) continue;
    fields.emplace_back(
        LowerAscii(std::string_view(m.name.GetString(), m.name.GetStringLength())),
        std::move(text));
  }
  return fields;
}

// Turns one JSON value into an Article or a "path:line: reason" error.
Result<std::optional<Article>> MakeArticle(const rapidjson::Value& v,
                                           const std::string& path,
                                           uint64_t line, uint64_t record) {
  auto where = [&] { return path + ":" + std::to_string(line) + ": "; };
  if (!v.IsObject())
    return Status::InvalidArgument(where() + "not a JSON object");
  auto article = ArticleFromFields(FieldsOf(v));
  if (!article.ok())
    return Status::InvalidArgument(where() + article.status().message());
  Article a = std::move(article).value();
  a.source_path = path;
  a.record = record;
  FinishArticle(&a);
  return std::optional<Article>(std::move(a));
}

// {"status": "ok", "articles": [...]}: the articles are in the array.
bool IsNewsApiResponse(const rapidjson::Value& v) {
  if (!v.IsObject() || v.HasMember("title") || v.HasMember("text"))
    return false;
  auto articles = v.FindMember("articles");
  return articles != v.MemberEnd() && articles->value.IsArray();
}

std::string SyntaxError(const rapidjson::Document& doc) {
  return "invalid JSON (" + ParseErrorReason(doc.GetParseError()) +
         " at offset " + std::to_string(doc.GetErrorOffset()) + ")";
}

class JsonLinesReader : public Reader {
 public:
  JsonLinesReader(std::string path, std::unique_ptr<ByteSource> in)
      : path_(std::move(path)), lines_(NewTextStream(std::move(in)), kMaxArticleBytes) {}

  Result<std::optional<Article>> Next() override {
    std::string line;
    while (!done_) {
      auto more = lines_.Next(&line);
      if (!more.ok()) {
        done_ = true;
        return Status(more.status().code(),
                      path_ + ":" + std::to_string(lines_.line_number() + 1) +
                          ": " + more.status().message());
      }
      if (!more.value()) break;
      if (lines_.truncated()) {
        return Status::InvalidArgument(path_ + ":" + std::to_string(lines_.line_number()) +
                                       ": line longer than " +
                                       std::to_string(kMaxArticleBytes >> 20) + " MiB");
      }
      if (line.find_first_not_of(" \t\r\n") == std::string::npos) continue;
      std::string text = decoder_.Decode(line);
      rapidjson::Document doc;
      doc.Parse<kParseFlags>(text.data(), text.size());
      uint64_t n = lines_.line_number();
      if (doc.HasParseError()) {
        return Status::InvalidArgument(path_ + ":" + std::to_string(n) + ": " +
                                       SyntaxError(doc));
      }
      return MakeArticle(doc, path_, n, n);
    }
    done_ = true;
    return std::optional<Article>();
  }

 private:
  std::string path_;
  LineReader lines_;
  RecordDecoder decoder_;
  bool done_ = false;
};

class JsonReader : public Reader {
 public:
  JsonReader(std::string path, std::unique_ptr<ByteSource> in)
      : path_(std::move(path)), in_(std::move(in)) {}

  Result<std::optional<Article>> Next() override {
    if (!loaded_) {
      loaded_ = true;
      if (Status s = Load(); !s.ok()) return s;
    }
    if (lines_) return lines_->Next();
    if (single_) {
      single_ = false;
      return MakeArticle(doc_, path_, 1, 0);
    }
    if (items_ == nullptr || next_ >= items_->Size())
      return std::optional<Article>();
    rapidjson::SizeType i = next_++;
    return MakeArticle((*items_)[i], path_, i + 1, i + 1);
  }

 private:
  Status Load() {
    Status error;
    std::string bytes = ReadUpTo(*in_, kMaxJsonFileBytes + 1, &error);
    if (!error.ok()) {
      size_t line = 1 + std::count(bytes.begin(), bytes.end(), '\n');
      return Status(error.code(),
                    path_ + ":" + std::to_string(line) + ": " + error.message());
    }
    if (bytes.size() > kMaxJsonFileBytes) {
      // Parsed whole, a huge file would take several times its size in
      // memory; JSON lines stream.
      return Status::InvalidArgument(
          path_ + ":1: larger than " + std::to_string(kMaxJsonFileBytes >> 20) +
          " MiB: split it, or write one article per line (.jsonl), which has no limit");
    }
    text_ = DecodeToUtf8(bytes);
    doc_.Parse<kParseFlags>(text_.data(), text_.size());
    if (doc_.HasParseError()) {
      if (doc_.GetParseError() ==
          rapidjson::kParseErrorDocumentRootNotSingular) {
        // Several values: JSON lines in a .json file, which crawlers write.
        lines_ = NewJsonLinesReader(path_, NewMemorySource(std::move(text_)));
        return Status::Ok();
      }
      size_t offset = std::min(doc_.GetErrorOffset(), text_.size());
      size_t line = 1 + std::count(text_.begin(), text_.begin() + offset, '\n');
      return Status::InvalidArgument(path_ + ":" + std::to_string(line) + ": " +
                                     SyntaxError(doc_));
    }
    if (doc_.IsArray()) {
      items_ = &doc_;
    } else if (IsNewsApiResponse(doc_)) {
      items_ = &doc_["articles"];
    } else {
      single_ = true;  // MakeArticle reports a non-object
    }
    return Status::Ok();
  }

  std::string path_;
  std::unique_ptr<ByteSource> in_;
  std::string text_;
  rapidjson::Document doc_;
  const rapidjson::Value* items_ = nullptr;
  rapidjson::SizeType next_ = 0;
  bool single_ = false;
  bool loaded_ = false;
  std::unique_ptr<Reader> lines_;
};

// JSON-LD as pages write it, made JSON that RapidJSON reads: an HTML
// comment around it ("<!-- ... -->") taken off, and control characters
// inside strings escaped (a raw line break as "\n", others as a space).
std::string LenientJson(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  if (s.starts_with("<!--")) s.remove_prefix(4);
  if (s.ends_with("-->")) s.remove_suffix(3);
  std::string out;
  out.reserve(s.size());
  bool in_string = false, escaped = false;
  for (char c : s) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        out += c == '\n' ? "\\n" : " ";
        continue;
      }
    } else if (c == '"') {
      in_string = true;
    }
    out += c;
  }
  return out;
}

// An "@type" (a name or a list of names) naming an article type, with or
// without its vocabulary ("NewsArticle", "schema:NewsArticle",
// "https://schema.org/NewsArticle").
bool IsArticleType(const rapidjson::Value& type) {
  static constexpr std::string_view kTypes[] = {
      "Article", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
      "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle",
      "ReviewNewsArticle", "SatiricalArticle", "BlogPosting", "LiveBlogPosting", "Report"};
  auto one = [](const rapidjson::Value& t) {
    if (!t.IsString()) return false;
    std::string_view name(t.GetString(), t.GetStringLength());
    if (size_t cut = name.find_last_of("/:#"); cut != std::string_view::npos)
      name.remove_prefix(cut + 1);
    return std::find(std::begin(kTypes), std::end(kTypes), name) != std::end(kTypes);
  };
  if (!type.IsArray()) return one(type);
  return std::any_of(type.Begin(), type.End(), one);
}

// The text of the first of `names` that `object` has with some text.
std::string MemberText(const rapidjson::Value& object,
                       std::initializer_list<const char*> names) {
  for (const char* name : names) {
    auto m = object.FindMember(name);
    if (m == object.MemberEnd()) continue;
    std::string text = ValueText(m->value);
    if (text.find_first_not_of(" \t\r\n") != std::string::npos) return text;
  }
  return "";
}

// Calls `visit` on each object under `root` (itself included), depth
// first in document order, until it returns true. An explicit stack, as
// JSON nests deep.
template <typename Visit>
void VisitObjects(const rapidjson::Value& root, Visit visit) {
  std::vector<const rapidjson::Value*> stack{&root};
  while (!stack.empty()) {
    const rapidjson::Value* v = stack.back();
    stack.pop_back();
    if (v->IsArray()) {
      for (auto i = v->End(); i != v->Begin(); --i) stack.push_back(i - 1);
      continue;
    }
    if (!v->IsObject()) continue;
    if (visit(*v)) return;
    for (auto m = v->MemberEnd(); m != v->MemberBegin(); --m) stack.push_back(&(m - 1)->value);
  }
}

// The names, joined with ", ", of the objects of `doc` that `refs` points
// to: {"@id": "..."}, or a list of such.
std::string NamesOfReferences(const rapidjson::Value& doc, const rapidjson::Value& refs) {
  std::vector<std::string_view> ids;
  auto add = [&ids](const rapidjson::Value& r) {
    if (!r.IsObject()) return;
    auto id = r.FindMember("@id");
    if (id != r.MemberEnd() && id->value.IsString())
      ids.emplace_back(id->value.GetString(), id->value.GetStringLength());
  };
  if (refs.IsArray()) {
    for (const auto& r : refs.GetArray()) add(r);
  } else {
    add(refs);
  }
  std::vector<std::string> names(ids.size());
  VisitObjects(doc, [&](const rapidjson::Value& v) {
    auto id = v.FindMember("@id");
    auto name = v.FindMember("name");
    if (id == v.MemberEnd() || !id->value.IsString() || name == v.MemberEnd() ||
        !name->value.IsString())
      return false;
    const std::string_view key(id->value.GetString(), id->value.GetStringLength());
    for (size_t i = 0; i < ids.size(); ++i) {
      if (ids[i] == key && names[i].empty()) names[i] = ValueText(name->value);
    }
    return false;
  });
  std::string out;
  for (const std::string& n : names) {
    if (n.empty()) continue;
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

JsonLdArticle JsonLdFields(const rapidjson::Value& object) {
  JsonLdArticle a;
  a.headline = MemberText(object, {"headline", "name"});
  a.body = MemberText(object, {"articleBody", "text"});
  a.date = MemberText(object, {"datePublished", "dateCreated"});
  a.author = MemberText(object, {"author", "creator"});
  a.url = MemberText(object, {"url"});
  if (a.url.empty()) {
    auto page = object.FindMember("mainEntityOfPage");
    if (page != object.MemberEnd()) {
      a.url = page->value.IsObject() ? MemberText(page->value, {"@id", "url"})
                                     : ValueText(page->value);
    }
  }
  if (auto lang = object.FindMember("inLanguage"); lang != object.MemberEnd()) {
    a.language = lang->value.IsObject() ? MemberText(lang->value, {"alternateName", "name"})
                                        : ValueText(lang->value);
  }
  a.description = MemberText(object, {"description"});
  a.publisher = MemberText(object, {"publisher", "sourceOrganization"});
  return a;
}

}  // namespace

std::optional<JsonLdArticle> ParseJsonLdArticle(std::string_view script) {
  const std::string text = LenientJson(script);
  rapidjson::Document doc;
  doc.Parse<kParseFlags | rapidjson::kParseTrailingCommasFlag |
            rapidjson::kParseCommentsFlag>(text.data(), text.size());
  if (doc.HasParseError()) return std::nullopt;
  std::optional<JsonLdArticle> found;
  VisitObjects(doc, [&](const rapidjson::Value& v) {
    auto type = v.FindMember("@type");
    if (type == v.MemberEnd() || !IsArticleType(type->value)) return false;
    JsonLdArticle a = JsonLdFields(v);
    if (a.headline.empty() && a.body.empty()) return false;
    if (a.author.empty()) {
      // Authors given by reference ({"@id": ...}), as WordPress's graphs
      // do: the names of the objects with those ids.
      for (const char* member : {"author", "creator"}) {
        if (auto m = v.FindMember(member); m != v.MemberEnd() && a.author.empty())
          a.author = NamesOfReferences(doc, m->value);
      }
    }
    found = std::move(a);
    return true;
  });
  return found;
}

std::unique_ptr<Reader> NewJsonReader(std::string path,
                                      std::unique_ptr<ByteSource> in) {
  return std::make_unique<JsonReader>(std::move(path), std::move(in));
}

std::unique_ptr<Reader> NewJsonLinesReader(std::string path,
                                           std::unique_ptr<ByteSource> in) {
  return std::make_unique<JsonLinesReader>(std::move(path), std::move(in));
}

}  // namespace newsarc::indexer
