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
  w.Key("relaxed");
  w.Bool(results.relaxed);
  w.Key("offset");
  w.Uint(results.offset);
  w.Key("hits");
  w.StartArray();
  for (const Hit& hit : results.hits) {
    w.StartObject();
    w.Key("rank");
    w.Uint(hit.rank);
    w.Key("score");
    // Fixed precision keeps the output stable across platforms.
    w.Double(std::round(hit.score * 1e4) / 1e4);
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
    w.Key("highlights");
    w.StartArray();
    for (const Highlight& h : hit.highlights) {
      w.StartArray();
      w.Uint(h.begin);
      w.Uint(h.end);
      w.EndArray();
    }
    w.EndArray();
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
  w.EndObject();
  out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
  out << '\n';
}

}  // namespace newsarc::cli
