#include "extract/quotes.h"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "extract/names.h"

namespace newsarc::internal {
namespace {

// A direct quote: its text in one or more paragraphs.
struct Direct {
  size_t open = 0;   // first opening quote mark
  size_t close = 0;  // closing mark, or the end of the last part if none
  std::vector<Span> parts;
};

std::vector<Direct> DirectQuotes(const std::vector<Token>& tokens) {
  std::vector<Direct> out;
  const size_t n = tokens.size();
  size_t i = 0;
  while (i < n) {
    if (tokens[i].kind != TokenKind::kOpenQuote || tokens[i].para == 0) {
      ++i;
      continue;
    }
    Direct q;
    q.open = i;
    size_t at = i;
    for (;;) {
      const uint32_t para = tokens[at].para;
      size_t j = at + 1;
      while (j < n && tokens[j].para == para && tokens[j].kind != TokenKind::kCloseQuote &&
             tokens[j].kind != TokenKind::kOpenQuote) {
        ++j;
      }
      if (j > at + 1) q.parts.push_back({at + 1, j});
      q.close = j;
      // Left open at the paragraph end, and the next paragraph opens with a
      // quote mark: the same quote goes on.
      if (j < n && tokens[j].para != para && tokens[j].kind == TokenKind::kOpenQuote &&
          tokens[j].para == para + 1) {
        at = j;
        continue;
      }
      break;
    }
    const size_t next = std::max(q.close, i + 1);
    if (!q.parts.empty()) out.push_back(std::move(q));
    i = next;
    if (i < n && tokens[i].kind == TokenKind::kCloseQuote) ++i;
  }
  return out;
}

size_t SentenceBegin(const std::vector<Token>& tokens, size_t i) {
  while (i > 0 && !tokens[i].sentence_start && tokens[i - 1].para == tokens[i].para) --i;
  return i;
}

// One past the last token of the sentence of token `i` (final punctuation excluded).
size_t SentenceEnd(const std::vector<Token>& tokens, size_t i) {
  size_t e = i + 1;
  while (e < tokens.size() && !tokens[e].sentence_start && tokens[e].para == tokens[i].para) ++e;
  while (e > i + 1 && tokens[e - 1].kind == TokenKind::kPunct) --e;
  return e;
}

// True if no quote mark and no sentence start lies in (a, b].
bool SameClause(const std::vector<Token>& tokens, size_t a, size_t b) {
  for (size_t k = a + 1; k <= b && k < tokens.size(); ++k) {
    if (tokens[k].sentence_start || tokens[k].kind == TokenKind::kCloseQuote ||
        (k < b && tokens[k].kind == TokenKind::kOpenQuote)) {
      return false;
    }
  }
  return true;
}

// Index of the event that introduces quote `q`, or -1: a speech verb just
// after the closing mark ('"...," Lam said') or before the opening one in
// the same sentence ('Erdogan said on Friday, "..."'); the nearest wins.
int EventFor(const std::vector<Token>& tokens, const std::vector<SpeechEvent>& events,
             const Direct& q) {
  int best = -1;
  size_t best_distance = 0;
  for (size_t e = 0; e < events.size(); ++e) {
    const size_t v = events[e].verb;
    size_t distance;
    if (v > q.close && v <= q.close + 6 && q.close < tokens.size() &&
        tokens[v].para == tokens[q.close].para) {
      bool clear = true;
      for (size_t k = q.close + 1; k < v; ++k) {
        if (tokens[k].kind == TokenKind::kOpenQuote || tokens[k].Is(".")) clear = false;
      }
      if (!clear) continue;
      distance = v - q.close;
    } else if (v < q.open && v + 12 >= q.open && tokens[v].para == tokens[q.open].para &&
               SameClause(tokens, v, q.open)) {
      distance = q.open - v;
    } else {
      continue;
    }
    if (best < 0 || distance < best_distance) {
      best = static_cast<int>(e);
      best_distance = distance;
    }
  }
  return best;
}

// Verbs that report a clause without "that": "X said the bridge was safe".
// Others ("criticised", "praised", "called") take an object, not speech.
bool ReportsClause(std::string_view w) {
  static constexpr std::string_view kVerbs[] = {
      "said", "says", "added", "adds", "stated", "explained", "wrote", "writes", "tweeted",
      "announced", "insisted", "claimed", "argued", "noted", "confirmed", "replied", "responded",
      "concluded", "acknowledged", "conceded", "asserted", "maintained", "stressed", "emphasised",
      "emphasized", "reported", "admitted", "predicted", "suggested", "indicated", "testified",
      "revealed", "alleged", "warned", "denied", "told", "tells", "posted", "believes"};
  for (auto v : kVerbs) {
    if (w == v) return true;
  }
  return false;
}

size_t Words(const std::vector<Token>& tokens, Span s) {
  size_t w = 0;
  for (size_t i = s.begin; i < s.end; ++i) w += tokens[i].IsWord();
  return w;
}

// The reported clause of an attribution without a direct quote, or an
// empty span: "X said [that] <clause>", "<clause>, X said", "according to
// X, <clause>", "<clause>, according to X".
Span ReportedClause(const std::vector<Token>& tokens, const SpeechEvent& ev) {
  const size_t v = ev.verb;
  const size_t sb = SentenceBegin(tokens, v);
  const size_t se = SentenceEnd(tokens, v);
  Span s;
  if (ev.according) {
    if (v == sb) {
      size_t c = v + 2;
      while (c < se && !tokens[c].Is(",")) ++c;
      s = {c + 1, se};
    } else {
      s = {sb, v};
    }
  } else if (ev.subject_after) {
    // "The bomb was placed on a motorcycle, stated the minister".
    if (v <= sb + 1 || !tokens[v - 1].Is(",")) return {};
    s = {sb, v - 1};
  } else {
    size_t b = v + 1;
    bool that = false;
    for (size_t k = v + 1; k < se && k < v + 6; ++k) {
      if (tokens[k].Is("that")) {
        b = k + 1;
        that = true;
        break;
      }
      if (!tokens[k].IsWord()) break;
    }
    if (!that && !ReportsClause(tokens[v].text)) return {};
    if (!that && (tokens[v].Is("told") || tokens[v].Is("tells"))) {
      // "told reporters the bridge was safe", "told the BBC it was safe".
      while (b < se && (tokens[b].Is("the") || tokens[b].cap ||
                        tokens[b].kind == TokenKind::kPossessive)) {
        ++b;
      }
      if (b > v + 1 && tokens[b - 1].Is("the") && b < se && tokens[b].IsWord()) ++b;
      if (b == v + 1 && b < se && tokens[b].IsWord()) ++b;  // "told reporters"
    }
    s = {b, se};
  }
  while (!s.empty() && tokens[s.end - 1].kind == TokenKind::kPunct) --s.end;
  while (!s.empty() && tokens[s.begin].kind == TokenKind::kPunct) ++s.begin;
  if (s.empty() || Words(tokens, s) < 3) return {};
  for (size_t k = s.begin; k < s.end; ++k) {
    if (tokens[k].in_quote || tokens[k].kind == TokenKind::kOpenQuote ||
        tokens[k].kind == TokenKind::kCloseQuote) {
      return {};  // mixed with a direct quote: the direct quote stands for it
    }
  }
  return s;
}

}  // namespace

std::vector<Quote> FindQuotes(const std::vector<Token>& tokens,
                              const std::vector<SpeechEvent>& events,
                              const std::vector<std::string>& person_names,
                              const std::vector<Token>* shown) {
  const std::vector<Token>& as_written = shown != nullptr ? *shown : tokens;
  auto name_of = [&](int person) -> const std::string* {
    if (person < 0 || static_cast<size_t>(person) >= person_names.size() ||
        person_names[person].empty()) {
      return nullptr;
    }
    return &person_names[person];
  };
  std::vector<std::pair<size_t, Quote>> found;  // position, quote
  std::vector<bool> used(events.size(), false);
  int last_person = -1;
  uint32_t last_para = 0;
  for (const Direct& q : DirectQuotes(tokens)) {
    int e = EventFor(tokens, events, q);
    int person = -1;
    const uint32_t para = tokens[q.open].para;
    size_t words = 0;
    for (const Span& part : q.parts) words += Words(tokens, part);
    if (e >= 0) {
      used[e] = true;
      person = events[e].person;
    } else if (last_person >= 0 && (para == last_para || para == last_para + 1) && words >= 5) {
      // A floating quote goes on with the previous speaker, unless its
      // paragraph credits someone else.
      bool other = false;
      for (const SpeechEvent& ev : events) {
        if (tokens[ev.verb].para == para && ev.person != last_person) other = true;
      }
      if (!other) person = last_person;
    }
    const std::string* name = name_of(person);
    if (name == nullptr) continue;
    Quote quote;
    quote.speaker = *name;
    for (Span part : q.parts) {
      // '"..., " she said': the comma belongs to the sentence around the quote.
      while (part.size() > 1 && tokens[part.end - 1].Is(",")) --part.end;
      if (!quote.text.empty()) quote.text.push_back(' ');
      quote.text += SpanText(as_written, part);
    }
    quote.direct = true;
    quote.paragraph = para;
    found.push_back({q.open, std::move(quote)});
    last_person = person;
    last_para = tokens[q.parts.back().begin].para;
  }
  for (size_t e = 0; e < events.size(); ++e) {
    if (used[e]) continue;
    const std::string* name = name_of(events[e].person);
    if (name == nullptr) continue;
    Span s = ReportedClause(tokens, events[e]);
    if (s.empty()) continue;
    bool dup = false;  // two events for one verb, or a verb a direct quote took
    for (size_t k = 0; k < events.size(); ++k) {
      if (k != e && events[k].verb == events[e].verb && (used[k] || k < e)) dup = true;
    }
    if (dup) continue;
    Quote quote;
    quote.speaker = *name;
    quote.text = SpanText(as_written, s);
    quote.direct = false;
    quote.paragraph = tokens[s.begin].para;
    found.push_back({s.begin, std::move(quote)});
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Quote> out;
  out.reserve(found.size());
  for (auto& [pos, quote] : found) out.push_back(std::move(quote));
  return out;
}

}  // namespace newsarc::internal
