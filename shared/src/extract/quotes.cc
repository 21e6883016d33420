#include "extract/quotes.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include "extract/lexicon.h"
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

// How far, in tokens either way, the sentence of a speech verb is looked
// through for its reported clause. A sentence that runs on further (a list,
// a table, text without punctuation) is not taken for one: the cost of
// reading it, and the clause, would grow with the article for each verb.
constexpr size_t kMaxSentenceReach = 300;
constexpr size_t kTooFar = static_cast<size_t>(-1);

bool SameSentence(const std::vector<Token>& tokens, size_t before, size_t after) {
  return !tokens[after].sentence_start && tokens[before].para == tokens[after].para;
}

// The first token of the sentence of token `i`, or kTooFar.
size_t SentenceBegin(const std::vector<Token>& tokens, size_t i) {
  const size_t stop = i > kMaxSentenceReach ? i - kMaxSentenceReach : 0;
  while (i > stop && SameSentence(tokens, i - 1, i)) --i;
  return i > 0 && SameSentence(tokens, i - 1, i) ? kTooFar : i;
}

// One past the last token of the sentence of token `i` (final punctuation
// excluded), or kTooFar.
size_t SentenceEnd(const std::vector<Token>& tokens, size_t i) {
  const size_t stop = std::min(tokens.size(), i + 1 + kMaxSentenceReach);
  size_t e = i + 1;
  while (e < stop && SameSentence(tokens, e - 1, e)) ++e;
  if (e < tokens.size() && SameSentence(tokens, e - 1, e)) return kTooFar;
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

// The first of `events` (in text order of their verbs) whose verb is token
// `i` or after it. Lookups stay within a window, so that an article's
// quotes and speech verbs are not each checked against all the others.
size_t FirstEventFrom(const std::vector<SpeechEvent>& events, size_t i) {
  return static_cast<size_t>(
      std::partition_point(events.begin(), events.end(),
                           [i](const SpeechEvent& ev) { return ev.verb < i; }) -
      events.begin());
}

// Index of the event that introduces quote `q`, or -1: a speech verb just
// after the closing mark ('"...," Lam said') or before the opening one in
// the same sentence ('Erdogan said on Friday, "..."'); the nearest wins.
int EventFor(const std::vector<Token>& tokens, const std::vector<SpeechEvent>& events,
             const Direct& q) {
  int best = -1;
  size_t best_distance = 0;
  for (size_t e = FirstEventFrom(events, q.open > 12 ? q.open - 12 : 0);
       e < events.size() && events[e].verb <= q.close + 6; ++e) {
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

// Of those, the verbs whose clause needs no sign of being one: after the
// others an object is as common as speech ("denied the allegations",
// "maintained his lead", "posted a video").
bool AlwaysReportsClause(std::string_view w) {
  return w == "said" || w == "says" || w == "told" || w == "tells" || w == "added" ||
         w == "adds" || w == "stated";
}

// A quotation of at most this many words inside a reported clause is part of
// it (the speaker's term for something), not a direct quote of its own.
constexpr size_t kMaxQuotedWordsInClause = 4;
// How far (in tokens) such a quotation is looked for after its speech verb.
constexpr size_t kMaxVerbToQuotedWords = 80;

// "adding", "noting": a speech verb that goes on from another ("said,
// adding that ...").
bool IsSpeechParticiple(const Token& t) {
  return t.Is("adding") || t.Is("noting") || t.Is("saying") || t.Is("explaining") ||
         t.Is("stating") || t.Is("arguing") || t.Is("insisting") || t.Is("stressing");
}

// Prepositions that open a phrase of where, when or how something was said
// ("said in a statement", "told at a news conference"), not a clause.
bool OpensPhrase(const Token& t) {
  static constexpr std::string_view kWords[] = {"in", "on", "at", "during", "after", "before",
                                                "from", "to", "with", "by", "for", "over",
                                                "into", "under", "via", "through", "without"};
  return std::ranges::find(kWords, t.text) != std::end(kWords);
}

// Nouns for those one tells something: "told a news conference", "told a
// meeting of analysts", "told reporters".
bool IsAudienceNoun(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "conference", "briefing", "meeting", "luncheon", "session", "committee", "subcommittee",
      "hearing", "audience", "gathering", "symposium", "seminar", "forum", "panel", "reporters",
      "journalists", "newspaper", "interviewer", "rally", "crowd", "convention", "assembly",
      "delegates", "analysts", "investors", "shareholders", "lawmakers", "parliament",
      "congress", "reporter", "journalist", "newsletter", "magazine", "agency", "radio",
      "television", "broadcaster", "dinner", "lunch", "breakfast", "summit"};
  return std::ranges::find(kWords, w) != std::end(kWords);
}

// Common nouns and adverbs that end in "ed" like a past tense.
bool IsNounInEd(std::string_view w) {
  static constexpr std::string_view kWords[] = {"need", "speed", "feed", "seed", "deed",
                                                "greed", "breed", "creed", "weed", "reed",
                                                "indeed", "hundred", "shed", "sled"};
  for (auto n : kWords) {
    if (w == n) return true;
  }
  return false;
}

// True if word `t` is a finite verb form by itself: "was", "could", "went",
// "didn't", "dropped" (not a name: "Ted").
bool IsFiniteForm(const Token& t) {
  const std::string_view w = t.text;
  if (IsFiniteVerbWord(w) || w.ends_with("n't") || w.ends_with("n\xE2\x80\x99t")) return true;
  return !t.cap && w.size() >= 4 && w.ends_with("ed") && !IsNounInEd(w);
}

// True if span `s` holds a finite verb or a subject pronoun, so reads as a
// clause ("the plan was dropped", "it's over", "they want more") and not as
// an object alone ("his lead over Trump", "ties to the group"). Without a
// tagger a verb in -s is not told from a plural ("Microsoft plans to" from
// "opinion polls"), so neither counts; a past participle after a noun
// ("the charges made against her") passes for a verb.
bool HasFiniteVerb(const std::vector<Token>& tokens, Span s) {
  for (size_t k = s.begin; k < s.end; ++k) {
    const Token& t = tokens[k];
    // ", and", ", but", or either before an auxiliary or a speech verb,
    // starts another part: in "stressed his support for Brexit, and
    // reiterated that ..." or "stressed the importance of the talks and
    // called on Congress to ..." the verb is not the object's ("and related
    // products" goes on).
    if ((t.Is("and") || t.Is("but")) && k + 1 < s.end &&
        ((k > s.begin && tokens[k - 1].Is(",")) ||
         (tokens[k + 1].IsWord() && !tokens[k + 1].in_quote &&
          (IsFiniteVerbWord(tokens[k + 1].text) ||
           SpeechVerbKind(tokens[k + 1].text) != SpeechVerb::kNone)))) {
      return false;
    }
    if (t.kind == TokenKind::kPossessive) {
      // "it's", "he's": is or has after a pronoun.
      if (k > s.begin && (tokens[k - 1].Is("it") || tokens[k - 1].Is("he") ||
                          tokens[k - 1].Is("she") || tokens[k - 1].Is("that") ||
                          tokens[k - 1].Is("there") || tokens[k - 1].Is("what"))) {
        return true;
      }
      continue;
    }
    if (!t.IsWord() || t.in_quote) continue;  // the quoted words are the speaker's
    if (t.Is("he") || t.Is("she") || t.Is("we") || t.Is("they") || t.Is("I")) {
      return true;  // a subject: "they want to stay"
    }
    if (IsFiniteForm(t)) return true;
  }
  return false;
}

size_t Words(const std::vector<Token>& tokens, Span s) {
  size_t w = 0;
  for (size_t i = s.begin; i < s.end; ++i) w += tokens[i].IsWord();
  return w;
}

// The first word of `s`, or s.end if it has none.
size_t FirstWord(const std::vector<Token>& tokens, Span s) {
  size_t first = s.begin;
  while (first < s.end && !tokens[first].IsWord()) ++first;
  return first;
}

// True if `word` is one of the words of `name`.
bool HasWord(std::string_view name, std::string_view word) {
  for (size_t at = name.find(word); at != std::string_view::npos; at = name.find(word, at + 1)) {
    const size_t end = at + word.size();
    if ((at == 0 || name[at - 1] == ' ') && (end == name.size() || name[end] == ' ')) return true;
  }
  return false;
}

// Words that say when something was said: "said on Monday", "said yesterday".
bool SaysWhen(const Token& t) {
  static constexpr std::string_view kWords[] = {
      "yesterday", "today", "tonight", "again", "later", "earlier", "recently", "last",
      "Monday",    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  return std::ranges::find(kWords, t.text) != std::end(kWords);
}

// "<clause>, X said [on Monday]": when nothing follows the verb but where or
// when it was said (`after`, to the sentence's end; `first`, its first
// word), and a comma comes
// before its subject, which names the speaker (a word of their name, or he
// or she), the clause is what comes before that comma. Empty if not so: in
// "<clause>, officials said" the person the speakers' rules found is
// someone the clause is about.
Span ClauseBefore(const std::vector<Token>& tokens, size_t v, Span after, size_t first,
                  std::string_view speaker) {
  const size_t words = Words(tokens, after);
  if (words > 0 && (words > 5 || !(OpensPhrase(tokens[first]) || SaysWhen(tokens[first])) ||
                    HasFiniteVerb(tokens, after))) {
    return {};
  }
  // The subject: a name, a role or a pronoun, back to the comma.
  const size_t stop = v > 12 ? v - 12 : 0;
  size_t c = v;
  bool names = false;
  while (c > stop && !tokens[c - 1].Is(",")) {
    const Token& t = tokens[c - 1];
    if (t.sentence_start || t.in_quote || t.Is("and") || t.Is("but") || t.Is("which") ||
        t.Is("who") || (t.kind != TokenKind::kWord && t.kind != TokenKind::kPossessive &&
                        !t.Is(".")) ||
        (t.IsWord() && IsFiniteForm(t))) {
      return {};
    }
    names |= t.Is("he") || t.Is("she") || (t.cap && HasWord(speaker, t.text));
    --c;
  }
  if (!names || c == 0 || c == v || !tokens[c - 1].Is(",")) return {};
  const size_t sb = SentenceBegin(tokens, v);
  if (sb == kTooFar || sb + 1 >= c) return {};
  return {sb, c - 1};
}

// The reported clause of an attribution without a direct quote, or an
// empty span: "X said [that] <clause>", "<clause>, X said", "according to
// X, <clause>", "<clause>, according to X".
Span ReportedClause(const std::vector<Token>& tokens, const SpeechEvent& ev,
                    std::string_view speaker) {
  const size_t v = ev.verb;
  const size_t se = SentenceEnd(tokens, v);
  if (se == kTooFar) return {};
  size_t sb = v;  // only a clause that may come before the verb needs the sentence's start
  if (ev.according || ev.subject_after) {
    sb = SentenceBegin(tokens, v);
    if (sb == kTooFar) return {};
  }
  Span s;
  if (ev.according) {
    if (v == sb) {
      size_t c = v + 2;
      while (c < se && !tokens[c].Is(",")) ++c;
      // "According to the first selectman, Chris Kervick, there were ...":
      // after a role in lower case, the name set off by commas is not what
      // was said ("According to Chris Kervick, Boston, ..." keeps Boston).
      bool role = false;
      for (size_t k = v + 2; k < c; ++k) role |= tokens[k].IsWord() && !tokens[k].cap;
      size_t name_end = c + 1;
      while (role && name_end < se && name_end < c + 6 && tokens[name_end].IsWord() &&
             tokens[name_end].cap) {
        ++name_end;
      }
      if (name_end > c + 1 && name_end < se && tokens[name_end].Is(",")) c = name_end;
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
    // "told a Georgetown University conference on financial institutions
    // that ...": whom one tells may take more words, but no verb.
    const bool tells = tokens[v].Is("told") || tokens[v].Is("tells");
    auto tells_of = [&](Span c, size_t f) {
      if (!tells || that || f >= c.end) return false;
      if (tokens[f].Is("of")) return true;
      return tokens[f].Is("about") &&
             !(f + 1 < c.end && !tokens[f + 1].text.empty() && tokens[f + 1].text[0] >= '0' &&
               tokens[f + 1].text[0] <= '9');
    };
    for (size_t k = v + 1; k < se && k < v + (tells ? 16 : 6); ++k) {
      if (tokens[k].Is("that")) {
        b = k + 1;
        that = true;
        break;
      }
      if (!tokens[k].IsWord() && !(tells && tokens[k].kind == TokenKind::kPossessive)) break;
      if (tells && IsFiniteForm(tokens[k])) break;
    }
    if (!that && !ReportsClause(tokens[v].text)) return {};
    if (!that) {
      // "he said, adding that most sales were abroad": what was said follows
      // the second verb.
      size_t p = b;
      while (p < se && tokens[p].Is(",")) ++p;
      if (p + 1 < se && p > b && IsSpeechParticiple(tokens[p]) &&
          (tokens[p + 1].Is("that") || tokens[p + 1].Is(","))) {
        b = p + 2;
        that = tokens[p + 1].Is("that");
      }
    }
    if (!that && tells) {
      // Whom, then what: "told reporters the bridge was safe", "told Reuters
      // a harvest of ... was expected", "told the BBC's reporters it was
      // safe", "told a weekend marketing conference the bank would ...".
      auto article = [](const Token& t) { return t.Is("the") || t.Is("a") || t.Is("an"); };
      auto number = [](const Token& t) {
        return !t.text.empty() && t.text[0] >= '0' && t.text[0] <= '9';
      };
      auto opens_clause = [&](const Token& t) {
        static constexpr std::string_view kPronouns[] = {"he", "she", "it", "they", "we",
                                                         "i", "you", "there", "this"};
        return t.IsWord() && (article(t) || t.cap || number(t) ||
                              std::ranges::find(kPronouns, t.text) != std::end(kPronouns));
      };
      // From `k`, past the words that are still whom one tells: lower-case
      // words and phrases of place or belonging ("in Tokyo", "of the
      // Minerals Research Organisation"), up to the clause's subject, a
      // verb or the sentence's end; `head_end` is set after the first noun
      // for an audience. After a preposition an article, a capitalised
      // word or a number belongs to the phrase, as capitalised words and
      // numbers do after those ("in Tokyo the yen would" starts at "the").
      auto audience_end = [&](size_t k, size_t* head_end) {
        bool after_preposition = false, in_phrase = false;
        for (; k < se && (tokens[k].IsWord() || tokens[k].kind == TokenKind::kPossessive) &&
               !tokens[k].in_quote && !IsFiniteForm(tokens[k]);
             ++k) {
          const Token& t = tokens[k];
          if (opens_clause(t)) {
            const bool name_or_number = t.cap || number(t);
            if (!(after_preposition && article(t)) &&
                !((after_preposition || in_phrase) && name_or_number)) {
              break;
            }
            in_phrase = true;
            after_preposition = false;
            continue;
          }
          in_phrase = false;
          after_preposition = OpensPhrase(t) || t.Is("of");
          if (*head_end == 0 && IsAudienceNoun(t.text)) *head_end = k + 1;
        }
        return k;
      };
      const bool had_article = b < se && article(tokens[b]);
      if (had_article) ++b;
      const size_t names = b;
      // ("the Securities and Exchange Commission", "the House of Commons")
      while (b < se && (tokens[b].cap || tokens[b].kind == TokenKind::kPossessive ||
                        (b > v + 1 && tokens[b - 1].cap && b + 1 < se && tokens[b + 1].cap &&
                         (tokens[b].Is("and") || tokens[b].Is("of") || tokens[b].Is("&"))))) {
        ++b;
      }
      if (b == v + 1) {
        if (b < se && tokens[b].IsWord()) ++b;  // "told reporters"
        // "told reporters in Tokyo the yen would fall" (not "told
        // participants at the National Grain and Feed Association's annual
        // convention.": a clause has a verb)
        if (b < se && OpensPhrase(tokens[b])) {
          size_t head_end = 0;
          const size_t k = audience_end(b, &head_end);
          if (k < se && opens_clause(tokens[k]) && HasFiniteVerb(tokens, {k, se})) b = k;
        }
      } else if (had_article || tokens[b - 1].kind == TokenKind::kPossessive) {
        // The clause starts right after a noun for an audience, unless a
        // phrase goes on from it ("a news conference after-tax profit for
        // the year should rise", "a meeting of analysts the firm was ...");
        // else at the subject after the audience's words; if a verb comes
        // first, the first word was the audience ("told a reporter prices
        // were rising"); if the sentence ends, all were ("told a meeting of
        // analysts."). After a name only a noun for an audience is part of
        // whom ("told the House of Commons assets of the firm would be sold").
        size_t head_end = 0;
        const size_t k = audience_end(b, &head_end);
        const bool phrase_after = head_end != 0 && head_end < k &&
                                  (OpensPhrase(tokens[head_end]) ||
                                   tokens[head_end].Is("of") || tokens[head_end].Is("here"));
        if (b == names || head_end != 0) {
          if (head_end != 0 && head_end < k && !phrase_after) {
            b = head_end;
          } else if (k < se && k > b && opens_clause(tokens[k])) {
            b = k;
          } else if (k < se && tokens[k].IsWord() && k > b) {
            b = head_end != 0 ? head_end : b + 1;
          } else {
            b = k;
          }
        }
      }
    }
    s = {b, se};
    // "After Trump tweeted that state plans ... would result in voter
    // fraud, Twitter placed a disclaimer": what is said in a clause that a
    // conjunction opens ends before the main clause, at a comma before a
    // capitalised subject and its verb.
    if (const size_t open = SentenceBegin(tokens, v);
        that && open != kTooFar && open < v && tokens[open].IsWord() &&
        OpensSubordinateClause(tokens[open].text)) {
      for (size_t k = b; k + 1 < se; ++k) {
        if (!tokens[k].Is(",") || !tokens[k + 1].IsWord() || !tokens[k + 1].cap ||
            tokens[k + 1].Is("I")) {
          continue;
        }
        bool verb = false;
        for (size_t j = k + 2; j < se && j < k + 6 && !tokens[j].Is(","); ++j) {
          verb = verb || IsFiniteForm(tokens[j]);
        }
        if (verb) {
          s.end = k;
          break;
        }
      }
    }
    // "... will occur before the annual meeting, he said", "... would
    // discuss the agreement later this year, the sources said": a speech
    // verb and its subject after the last comma are no part of what was said.
    for (size_t k = s.end; k-- > b + 1 && s.end - k <= 5;) {
      if (!tokens[k].Is(",")) continue;
      size_t j = s.end;
      while (j > k + 1 && tokens[j - 1].kind == TokenKind::kPunct) --j;  // the full stop
      if (j > k + 2 && tokens[j - 1].IsWord() && !tokens[j - 1].cap &&
          SpeechVerbKind(tokens[j - 1].text) == SpeechVerb::kEither) {
        // (Not ", would be maintained", nor a plural, "the front-line
        // states": a subject has no auxiliary, and before a verb in -s it
        // is a pronoun or a name.)
        static constexpr std::string_view kAuxiliaries[] = {
            "be", "been", "being", "was", "were", "is", "are", "would", "will", "could",
            "should", "can", "may", "might", "must", "has", "have", "had", "not"};
        bool subject = true;
        for (size_t m = k + 1; m + 1 < j; ++m) {
          subject = subject && tokens[m].IsWord() &&
                    std::ranges::find(kAuxiliaries, tokens[m].text) == std::end(kAuxiliaries);
        }
        Gender g = Gender::kUnknown;
        if (tokens[j - 1].text.ends_with('s') && !tokens[j - 2].cap &&
            !IsPersonPronoun(tokens[j - 2].text, &g)) {
          subject = false;
        }
        if (subject) s.end = k;
      }
      break;
    }
    const size_t first = FirstWord(tokens, s);
    // "told them of its existence", "told reporters about the plan": what
    // one tells of is a thing, not a clause ("told reporters about 100
    // people died" is one).
    if (tells_of(s, first)) return {};
    const Span before = that ? Span{} : ClauseBefore(tokens, v, s, first, speaker);
    if (!before.empty()) {
      s = before;
    } else {
      // "said in a statement": where, not what.
      // "told a news conference in Stockholm." tells nothing: what one
      // tells takes three words or a verb.
      const bool where = first < se && OpensPhrase(tokens[first]);
      if (!that &&
          (where || (tells && Words(tokens, s) < 3) || !AlwaysReportsClause(tokens[v].text)) &&
          !HasFiniteVerb(tokens, s)) {
        return {};
      }
    }
  }
  // "said he backed the plan but not the savings, which Paul Keating claimed
  // were distorted", "..., which analysts said could fetch": a relative
  // clause that runs to the end, whose speech verb has a subject of its own
  // (a name or an unnamed source; "which he said" may be the same
  // speaker's, "which last week declared a moratorium" is the head's act),
  // is that subject's clause, not part of this one.
  for (size_t k = s.begin + 1; k + 2 < s.end; ++k) {
    if (!tokens[k].Is("which") || !tokens[k - 1].Is(",")) continue;
    const Token& subject = tokens[k + 1];
    if (!subject.IsWord() || subject.in_quote ||
        !(subject.cap || IsUnnamedSource(subject.text))) {
      continue;
    }
    size_t verb = 0;
    for (size_t j = k + 2; j < s.end && j <= k + 5 && verb == 0 && tokens[j].IsWord(); ++j) {
      if (!tokens[j].in_quote && SpeechVerbKind(tokens[j].text) != SpeechVerb::kNone &&
          !IsFiniteVerbWord(tokens[j - 1].text) && !tokens[j - 1].Is("the")) {
        verb = j;
      }
    }
    bool to_end = verb != 0;
    for (size_t j = verb + 1; to_end && j < s.end; ++j) to_end = !tokens[j].Is(",");
    if (to_end) {
      s.end = k - 1;
      break;
    }
  }
  while (!s.empty() && tokens[s.end - 1].kind == TokenKind::kPunct) --s.end;
  while (!s.empty() && tokens[s.begin].kind == TokenKind::kPunct) ++s.begin;
  if (s.empty()) return {};
  // Mixed with a direct quote, the clause gives way to it; a few words in
  // quote marks ('the bill was "blatantly protectionist"') are part of it.
  size_t unquoted = 0;
  for (size_t k = s.begin; k < s.end; ++k) {
    if (tokens[k].kind == TokenKind::kCloseQuote || (k == s.begin && tokens[k].in_quote)) {
      return {};
    }
    if (tokens[k].kind != TokenKind::kOpenQuote) {
      unquoted += tokens[k].IsWord();
      continue;
    }
    // A quote that opens the clause or follows a comma or colon ('told the
    // guard, "they raped me"') is a direct quote, not words within the clause.
    if (k == s.begin || tokens[k - 1].Is(",") || tokens[k - 1].Is(":")) return {};
    size_t close = k + 1, quoted = 0;
    for (; close < s.end && tokens[close].kind != TokenKind::kCloseQuote; ++close) {
      quoted += tokens[close].IsWord();
    }
    if (close == s.end || quoted > kMaxQuotedWordsInClause) return {};
    k = close;
  }
  if (unquoted < 3) return {};
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
  std::vector<size_t> direct_opens;  // of the direct quotes kept, in text order
  std::set<std::pair<size_t, size_t>> clauses;  // the reported clauses kept
  // Each event's reported clause, computed once: a verb near several short
  // quotations is asked for it by each of them, and again below.
  std::vector<std::optional<Span>> clause_of_event(events.size());
  auto clause_of = [&](size_t k, const std::string& name) {
    if (!clause_of_event[k]) clause_of_event[k] = ReportedClause(tokens, events[k], name);
    return *clause_of_event[k];
  };
  int last_person = -1;
  uint32_t last_para = 0;
  for (const Direct& q : DirectQuotes(tokens)) {
    int e = EventFor(tokens, events, q);
    int person = -1;
    const uint32_t para = tokens[q.open].para;
    size_t words = 0;
    for (const Span& part : q.parts) words += Words(tokens, part);
    if (words <= kMaxQuotedWordsInClause && q.parts.size() == 1 &&
        (e < 0 || events[e].verb < q.open)) {
      // A few quoted words inside what someone is reported to have said
      // ('said the bill was "blatantly protectionist"'): that clause, below,
      // stands for them. The nearest speech verb before them, in reach, whose
      // clause holds them.
      int around = -1;
      for (size_t k = FirstEventFrom(events, q.open); k-- > 0 && around < 0;) {
        if (events[k].verb + kMaxVerbToQuotedWords < q.open) break;
        if (used[k] || name_of(events[k].person) == nullptr) continue;
        const Span clause = clause_of(k, *name_of(events[k].person));
        if (!clause.empty() && clause.begin <= q.open && q.close < clause.end) {
          around = static_cast<int>(k);
        }
      }
      if (around >= 0) {
        last_person = events[around].person;  // a quote that floats after it is theirs too
        last_para = para;
        continue;
      }
    }
    if (e >= 0) {
      used[e] = true;
      person = events[e].person;
    } else if (last_person >= 0 && (para == last_para || para == last_para + 1) && words >= 5) {
      // A floating quote goes on with the previous speaker, unless its
      // paragraph credits someone else.
      bool other = false;
      const auto in_para = std::partition_point(
          events.begin(), events.end(),
          [&](const SpeechEvent& ev) { return tokens[ev.verb].para < para; });
      for (auto ev = in_para; ev != events.end() && tokens[ev->verb].para == para; ++ev) {
        if (ev->person != last_person) other = true;
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
    direct_opens.push_back(q.open);
    last_person = person;
    last_para = tokens[q.parts.back().begin].para;
  }
  for (size_t e = 0; e < events.size(); ++e) {
    if (used[e]) continue;
    const std::string* name = name_of(events[e].person);
    if (name == nullptr) continue;
    Span s = clause_of(e, *name);
    if (s.empty()) continue;
    // A direct quote of its own stands for the clause.
    const auto direct = std::lower_bound(direct_opens.begin(), direct_opens.end(), s.begin);
    if (direct != direct_opens.end() && *direct < s.end) continue;
    // Two events for one verb (next to each other), or a verb a direct quote took.
    bool dup = e > 0 && events[e - 1].verb == events[e].verb;
    for (size_t k = e + 1; k < events.size() && events[k].verb == events[e].verb; ++k) {
      dup |= used[k];
    }
    if (dup) continue;
    // The same words reported through two verbs ("he said, adding that ...").
    if (!clauses.insert({s.begin, s.end}).second) continue;
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
