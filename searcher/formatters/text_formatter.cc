#include "formatters/text_formatter.h"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace newsarc::cli {
namespace {

constexpr const char* kReset = "\x1b[0m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kMatch = "\x1b[1;31m";  // bold red, as grep --color
constexpr const char* kNumber = "\x1b[32m";

// `names` separated by ", ", each between `quote`s.
std::string Join(const std::vector<std::string>& names, std::string_view quote = "") {
  std::string out;
  for (const std::string& n : names) {
    if (!out.empty()) out += ", ";
    out += quote;
    out += n;
    out += quote;
  }
  return out;
}

// `text` without control characters, its highlights wrapped in `on`/`off`
// (nothing without colour). Highlights are byte ranges into `text`;
// StripControls keeps byte offsets, so they still apply.
std::string Highlighted(const std::string& text,
                        const std::vector<Highlight>& highlights, bool color) {
  const std::string clean = StripControls(text);
  std::string line;
  size_t pos = 0;
  for (const Highlight& h : highlights) {
    if (h.begin < pos || h.end > clean.size() || h.begin > h.end) continue;
    line.append(clean, pos, h.begin - pos);
    if (color) line += kMatch;
    line.append(clean, h.begin, h.end - h.begin);
    if (color) line += kReset;
    pos = h.end;
  }
  line.append(clean, pos, std::string::npos);
  return line;
}

}  // namespace

std::string StripControls(std::string_view text) {
  // Copied whole, then the controls overwritten in place: the same length.
  std::string out(text);
  for (size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c < 0x20 || c == 0x7F) {
      out[i] = ' ';
    } else if (c == 0xC2 && i + 1 < out.size() &&
               static_cast<unsigned char>(out[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(out[i + 1]) <= 0x9F) {
      out[i] = out[i + 1] = ' ';  // C1 control (CSI is U+009B); same length keeps offsets
      ++i;
    }
  }
  return out;
}

void TextFormatter::Write(const SearchResults& results, std::ostream& out) {
  const bool color = options_.color;
  auto styled = [&](const char* style, const std::string& s) {
    return color ? style + s + kReset : s;
  };
  if (!results.suggestion.empty()) {
    out << "Did you mean: " << styled(kBold, StripControls(results.suggestion))
        << "\n\n";
  }
  for (const Hit& hit : results.hits) {
    std::string title =
        hit.title.empty() ? "(untitled)" : StripControls(hit.title);
    out << styled(kNumber, std::to_string(hit.rank) + ".") << ' '
        << styled(kBold, title);
    if (!hit.date.empty()) out << "  " << styled(kDim, StripControls(hit.date));
    if (hit.duplicates > 0) {
      out << "  " << styled(kDim, "(+" + std::to_string(hit.duplicates) +
                                      (hit.duplicates == 1 ? " copy)" : " copies)"));
    }
    out << '\n';
    std::string where = !hit.url.empty() ? hit.url : hit.path;
    if (!hit.site.empty() && hit.url.find(hit.site) == std::string::npos) {
      where = hit.site + (where.empty() ? "" : "  " + where);
    }
    if (!where.empty())
      out << "   " << styled(kDim, StripControls(where)) << '\n';
    if (!hit.speakers.empty()) {
      out << "   speakers: " << StripControls(Join(hit.speakers)) << '\n';
    }
    if (!hit.organisations.empty()) {
      out << "   organisations: " << StripControls(Join(hit.organisations))
          << '\n';
    }
    if (!hit.snippet.empty()) {
      out << "   " << Highlighted(hit.snippet, hit.highlights, color) << '\n';
    }
    out << '\n';
  }
  if (options_.quotes) {
    WriteQuotes(results, out);
  } else {
    uint64_t total = results.estimated_total;
    uint64_t shown = results.hits.size();
    if (!results.hits.empty()) {
      uint64_t last = results.hits.back().rank;
      if (total < last) total = last;
    }
    out << shown << (results.total_exact ? " of " : " of about ") << total
        << (total == 1 ? " result" : " results");
  }
  if (!results.missing.empty()) {
    out << " (no article has " << StripControls(Join(results.missing, "\""))
        << "; showing those with the other words)";
  } else if (results.relaxed) {
    out << " (no article has every word; showing any)";
  }
  out << '\n';
  if (!results.facets.empty()) {
    out << '\n' << "Facets over " << results.facet_articles
        << (results.facets_exact ? "" : " (first checked)")
        << (results.facet_articles == 1 ? " article:\n" : " articles:\n");
    for (const Facet& facet : results.facets) {
      if (facet.values.empty()) continue;
      std::string line;
      for (const FacetValue& v : facet.values) {
        if (!line.empty()) line += ", ";
        line += v.value + " (" + std::to_string(v.count) + ")";
      }
      out << "   " << facet.name << ": " << StripControls(line) << '\n';
    }
  }
}

// --quotes: "1. Amber Rudd: “...”" (reported speech without quote marks,
// marked "(reported)"), then the article: title, date, URL or path; then
// "N of M quotes from K matching articles" ("from about K" when K is
// Xapian's estimate; no newline).
void TextFormatter::WriteQuotes(const SearchResults& results,
                                std::ostream& out) {
  const bool color = options_.color;
  auto styled = [&](const char* style, const std::string& s) {
    return color ? style + s + kReset : s;
  };
  for (const QuoteHit& q : results.quotes) {
    out << styled(kNumber, std::to_string(q.rank) + ".") << ' '
        << styled(kBold, StripControls(q.speaker.empty() ? "(unknown)" : q.speaker));
    const std::string text = Highlighted(q.text, q.highlights, color);
    if (q.direct) {
      out << ": \u201C" << text << "\u201D\n";
    } else {
      out << " (reported): " << text << '\n';
    }
    std::string article = q.title.empty() ? "(untitled)" : q.title;
    if (!q.date.empty()) article += "  " + q.date;
    const std::string& where = !q.url.empty() ? q.url : q.path;
    if (!where.empty()) article += "  " + where;
    out << "   " << styled(kDim, StripControls(article)) << "\n\n";
  }
  out << results.quotes.size() << " of " << results.quote_total
      << (results.quote_total == 1 ? " quote" : " quotes")
      << (results.total_exact ? " from " : " from about ") << results.estimated_total
      << (results.estimated_total == 1 ? " matching article"
                                        : " matching articles");
}

}  // namespace newsarc::cli
