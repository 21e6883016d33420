#include "formatters/json_formatter.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <ostream>
#include <string>
#include <vector>

namespace newsarc::cli {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void String(JsonWriter& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void Highlights(JsonWriter& w, const std::vector<Highlight>& highlights) {
  w.Key("highlights");
  w.StartArray();
  for (const Highlight& h : highlights) {
    w.StartArray();
    w.Uint(h.begin);
    w.Uint(h.end);
    w.EndArray();
  }
  w.EndArray();
}

// Fixed precision keeps the output stable across platforms.
void Score(JsonWriter& w, double score) {
  w.Key("score");
  w.Double(std::round(score * 1e4) / 1e4);
}

void Quotes(JsonWriter& w, const SearchResults& results, bool asked) {
  w.Key("quotes");
  if (!asked) {
    w.Null();
  } else {
    w.StartArray();
    for (const QuoteHit& q : results.quotes) {
      w.StartObject();
      w.Key("rank");
      w.Uint(q.rank);
      Score(w, q.score);
      String(w, "speaker", q.speaker);
      String(w, "text", q.text);
      Highlights(w, q.highlights);
      w.Key("direct");
      w.Bool(q.direct);
      w.Key("paragraph");
      w.Uint(q.paragraph);
      w.Key("article");
      w.StartObject();
      String(w, "id", q.id);
      String(w, "title", q.title);
      String(w, "date", q.date);
      String(w, "url", q.url);
      String(w, "site", q.site);
      String(w, "path", q.path);
      Score(w, q.article_score);
      w.EndObject();
      w.EndObject();
    }
    w.EndArray();
  }
  w.Key("quote_total");
  w.Uint64(results.quote_total);
}

void Strings(JsonWriter& w, const char* key,
             const std::vector<std::string>& values) {
  w.Key(key);
  w.StartArray();
  for (const std::string& v : values) {
    w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
  }
  w.EndArray();
}

}  // namespace

void JsonFormatter::Write(const SearchResults& results, std::ostream& out) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("schema_version");
  w.Int(kJsonSchemaVersion);
  String(w, "query", results.query);
  w.Key("total");
  w.Uint64(results.estimated_total);
  w.Key("total_exact");
  w.Bool(results.total_exact);
  w.Key("relaxed");
  w.Bool(results.relaxed);
  Strings(w, "missing", results.missing);
  w.Key("offset");
  w.Uint(results.offset);
  w.Key("hits");
  w.StartArray();
  for (const Hit& hit : results.hits) {
    w.StartObject();
    w.Key("rank");
    w.Uint(hit.rank);
    Score(w, hit.score);
    String(w, "id", hit.id);
    String(w, "title", hit.title);
    String(w, "date", hit.date);
    String(w, "url", hit.url);
    String(w, "site", hit.site);
    String(w, "path", hit.path);
    w.Key("version");
    w.Int(hit.version);
    String(w, "language", hit.language);
    String(w, "byline", hit.byline);
    Strings(w, "speakers", hit.speakers);
    Strings(w, "organisations", hit.organisations);
    String(w, "snippet", hit.snippet);
    Highlights(w, hit.highlights);
    w.Key("duplicates");
    w.Uint(hit.duplicates);
    w.EndObject();
  }
  w.EndArray();
  String(w, "suggestion", results.suggestion);
  w.Key("facets");
  if (results.facets.empty()) {
    w.Null();
  } else {
    w.StartObject();
    w.Key("articles");
    w.Uint64(results.facet_articles);
    w.Key("exact");
    w.Bool(results.facets_exact);
    for (const Facet& facet : results.facets) {
      w.Key(facet.name.data(), static_cast<rapidjson::SizeType>(facet.name.size()));
      w.StartArray();
      for (const FacetValue& v : facet.values) {
        w.StartObject();
        String(w, "value", v.value);
        w.Key("count");
        w.Uint64(v.count);
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
  }
  Quotes(w, results, quotes_);
  Strings(w, "warnings", results.warnings);
  w.EndObject();
  out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
  out << '\n';
}

}  // namespace newsarc::cli
