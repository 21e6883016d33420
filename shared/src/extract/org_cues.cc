#include "extract/org_cues.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "extract/lexicon.h"
#include "extract/names.h"
#include "stop_words.h"

namespace newsarc::internal {
namespace {

// In order of strength. kKind: a noun for the kind of body right before the
// name ("the newspaper Magyar Nemzet"), which outweighs a reading of the
// name as a person's.
enum class Cue { kNone, kMedium, kStrong, kKind };

bool OneOf(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Lower-case nouns for kinds of organisation: "the airline X", "X, a charity".
bool IsOrgKindNoun(std::string_view w) {
  return OneOf(w, {"journal", "newspaper", "paper", "magazine", "tabloid", "broadcaster",
                   "channel", "network", "airline", "carrier", "charity", "band", "website",
                   "outlet", "firm", "company", "startup", "start-up", "publisher", "troupe",
                   "group", "organisation", "organization", "nonprofit", "non-profit", "retailer",
                   "manufacturer", "automaker", "carmaker", "label", "studio", "agency", "club",
                   "party", "broadcaster", "operator", "developer", "insurer", "lender",
                   "conglomerate", "subsidiary", "chain", "brewery", "bank", "union",
                   "consultancy", "foundation", "institute", "think-tank"});
}

// Kinds after the name: "the Adult Swim channel", "the Dawn newspaper".
bool IsOrgKindAfter(std::string_view w) {
  return OneOf(w, {"journal", "newspaper", "magazine", "tabloid", "broadcaster", "channel",
                   "airline", "charity", "band", "website", "firm", "company", "startup",
                   "publisher", "troupe", "nonprofit", "conglomerate", "subsidiary"});
}

// The cue right before token `b` (the first token of a name).
Cue CueBefore(const std::vector<Token>& tokens, size_t b) {
  size_t i = b;
  if (i > 0 && (tokens[i - 1].Is("the") || tokens[i - 1].Is("The"))) --i;
  if (i == 0) return Cue::kNone;
  const Token& p1 = tokens[i - 1];
  if (!p1.IsWord() || p1.para != tokens[b].para) return Cue::kNone;
  std::string_view w1 = p1.text;
  std::string_view w2 = i >= 2 && tokens[i - 2].IsWord() ? tokens[i - 2].text : std::string_view();
  // "law firm Sidley Austin" (a "developer" or "broadcaster" may be a person).
  if (i == b && IsOrgKindNoun(w1)) {
    return OneOf(w1, {"developer", "publisher", "operator", "broadcaster"}) ? Cue::kStrong
                                                                            : Cue::kKind;
  }
  // "the Greek daily Kathimerini" (but "a daily Aspirin").
  if (i == b && w1 == "daily" && (IsNationality(w2) || w2 == "the")) return Cue::kKind;
  if (w1 == "told") return Cue::kMedium;
  if (w1 == "by" && OneOf(w2, {"reported", "quoted", "published", "cited", "released",
                               "broadcast", "aired", "conducted", "commissioned"})) {
    return Cue::kStrong;
  }
  // "The plane was operated by Lion Air"; "a recent report by The Atlantic"
  // (a person's name after it is still a person's: kMedium).
  if (w1 == "by" && OneOf(w2, {"operated", "report", "reports", "article", "story", "poll",
                               "survey", "investigation", "analysis", "editorial"})) {
    return Cue::kMedium;
  }
  if (w1 == "with" && OneOf(w2, {"interview", "interviews"})) return Cue::kStrong;
  if (w1 == "to" && OneOf(w2, {"according", "speaking", "spoke", "talking", "talked",
                               "remarks", "statement", "interview"})) {
    return Cue::kMedium;
  }
  if (w1 == "on" && OneOf(w2, {"spoke", "speaking"})) {
    return Cue::kMedium;
  }
  if (w1 == "from" && OneOf(w2, {"data", "figures", "statistics", "report", "statement"})) {
    return Cue::kMedium;
  }
  // "published on Wednesday in Science Advances".
  if (w1 == "in") {
    for (size_t k = i - 1; k-- > 0 && k + 5 > i;) {
      if (tokens[k].Is("published")) return Cue::kStrong;
      if (!tokens[k].IsWord() || tokens[k].para != tokens[b].para) break;
    }
  }
  return Cue::kNone;
}

// "Rappler reported three malls ...", "Gazeta Prawna reports ...": a source
// reporting news, the name from `b` to `e` its subject. (A person who reports
// is someone the speakers know, or has a first name.) Not a noun ("Durable
// Goods reports are"), an adjective ("Amongst reported incidents"), a people
// ("the Saudis reported") or a word that only opens the sentence ("Brokers
// reported").
bool ReportsNews(const std::vector<Token>& tokens, size_t b, size_t e) {
  const size_t n = tokens.size();
  if (e + 1 >= n || !(tokens[e].Is("reported") || tokens[e].Is("reports"))) return false;
  const Token& next = tokens[e + 1];
  // (A passive: "the price of West Texas Intermediate Crude Oil reported for
  // the month".)
  if (next.Is("of") || next.Is("by") || next.Is("for") || next.Is("as") || next.Is("to") ||
      (next.IsWord() && IsFiniteVerbWord(next.text))) {
    return false;
  }
  if (e - b > 1) return true;
  std::string_view w = tokens[b].text;
  if (w.size() > 1 && w.back() == 's') w.remove_suffix(1);
  if (IsNationality(w)) return false;  // "the Saudis reported"
  const std::string lower = Lower(tokens[b].text);
  return !WeakCapital(tokens, b) || !(IsEnglishWordForm(lower) || IsStopWord(lower));
}

// "Pet Patrol, a non-profit rescue organization": a kind noun in an
// apposition after the name that ends at `e` (and starts at `b`), or a verb
// of reporting after it.
Cue CueAfter(const std::vector<Token>& tokens, size_t b, size_t e) {
  const size_t n = tokens.size();
  if (ReportsNews(tokens, b, e)) return Cue::kMedium;
  if (e < n && tokens[e].IsWord() && IsOrgKindAfter(tokens[e].text) &&
      (e + 1 >= n || !tokens[e + 1].IsWord() || !IsRoleWord(tokens[e + 1].text))) {
    return Cue::kMedium;
  }
  if (e + 2 >= n || !tokens[e].Is(",") || !(tokens[e + 1].Is("a") || tokens[e + 1].Is("an"))) {
    return Cue::kNone;
  }
  for (size_t k = e + 2; k < n && k < e + 7; ++k) {
    const Token& t = tokens[k];
    if (!t.IsWord() || t.cap) return Cue::kNone;
    if (IsOrgKindNoun(t.text)) {
      // "a company spokesman", "a charity's founder": the apposition names a person.
      if (k + 1 < n && (tokens[k + 1].kind == TokenKind::kPossessive ||
                        (tokens[k + 1].IsWord() && (IsRoleWord(tokens[k + 1].text) ||
                                                    IsUnnamedSource(tokens[k + 1].text))))) {
        return Cue::kNone;
      }
      return Cue::kMedium;
    }
  }
  return Cue::kNone;
}

}  // namespace

std::string_view PartyStem(std::string_view w) {
  if (w == "Republican" || w == "Republicans") return "Republican";
  if (w == "Democrat" || w == "Democrats" || w == "Democratic") return "Democrat";
  if (w == "Conservative" || w == "Conservatives") return "Conservative";
  if (w == "Tory" || w == "Tories") return "Conservative";
  if (w == "Labour") return "Labour";
  return {};
}

namespace {

bool IsLowerOrgKeyword(std::string_view w) {
  return OneOf(w, {"police", "party", "diocese", "museum"});
}

// Words that may follow "Northamptonshire police" when it is the name.
bool ClauseWord(std::string_view w) {
  return OneOf(w, {"were", "was", "is", "are", "has", "have", "had", "said", "says", "in", "on",
                   "at", "of", "and", "or", "to", "for", "who", "which", "that", "would", "will",
                   "could", "also", "with", "from", "by", "as", "featured", "reported"});
}

}  // namespace

void FindPartyAndLowerKeywordOrganisations(const std::vector<Token>& tokens,
                                           const std::vector<Span>& runs,
                                           const std::vector<std::string>& person_words,
                                           OrgTable* orgs, std::vector<bool>* is_org) {
  const size_t n = tokens.size();
  std::vector<std::pair<std::string_view, int>> parties;  // stem -> entity
  for (const Span& run : runs) {
    const Token& first = tokens[run.begin];
    if (first.in_quote || first.para == 0 || (*is_org)[run.begin]) continue;
    // "Republican Kevin McCarthy", "the Democrats", "Labour said".
    std::string_view stem = PartyStem(first.text);
    // A sentence-initial capital is weak evidence for "Conservative estimates".
    const bool weak = WeakCapital(tokens, run.begin) && IsCommonWord(Lower(first.text));
    const bool role_next = run.begin + 1 < n && tokens[run.begin + 1].IsWord() &&
                           IsRoleWord(tokens[run.begin + 1].text);
    if (!stem.empty() && (!weak || role_next || stem == "Republican" || stem == "Labour") &&
        (run.size() == 1 || IsRoleWord(tokens[run.begin + 1].text) ||
         IsFirstName(tokens[run.begin + 1].text) || (*is_org)[run.begin + 1] ||
         (run.size() == 2 && run.end < n && tokens[run.end].IsWord() &&
          IsRoleWord(tokens[run.end].text)))) {
      int id = -1;
      for (auto& [st, e] : parties) {
        if (st == stem) id = e;
      }
      std::string form(first.text);
      if (id < 0) {
        id = orgs->Add(form, run.begin);
        parties.push_back({stem, id});
        std::string party = stem == "Democrat" ? "Democratic Party" : std::string(stem) + " Party";
        int full = orgs->Find(party);
        if (full >= 0 && full != id) {
          orgs->AddAlias(full, form);
          id = full;
          parties.back().second = id;
        }
      } else {
        orgs->AddAlias(id, form);
        orgs->Add(form, run.begin);
      }
      (*is_org)[run.begin] = true;
      continue;
    }
    // "Northamptonshire police were", "the Houthi movement in Yemen".
    if (run.size() > 3 || run.end >= n || weak) continue;
    const Token& kw = tokens[run.end];
    if (!kw.IsWord() || kw.cap || !IsLowerOrgKeyword(kw.text) || kw.para != first.para) continue;
    if (run.end + 1 < n && tokens[run.end + 1].IsWord() &&
        !ClauseWord(tokens[run.end + 1].text)) {
      continue;
    }
    if (IsNeverName(first.text) || IsRoleWord(first.text) || IsPersonalTitle(first.text) ||
        IsFirstName(first.text) || first.all_caps ||
        std::find(person_words.begin(), person_words.end(), first.text) != person_words.end()) {
      continue;
    }
    if (tokens[run.end - 1].text.find('-') != std::string_view::npos) continue;  // "Iranian-backed"
    Span whole{run.begin, run.end + 1};
    orgs->Add(SpanText(tokens, whole), run.begin);
    for (size_t i = whole.begin; i < whole.end; ++i) (*is_org)[i] = true;
  }
}

void FindCuedOrganisations(const std::vector<Token>& tokens, const std::vector<Span>& runs,
                           const std::vector<std::string>& person_words, OrgTable* orgs,
                           std::vector<bool>* is_org) {
  auto is_person_word = [&](std::string_view w) {
    return std::find(person_words.begin(), person_words.end(), w) != person_words.end();
  };
  // "Brussels-based", "Yemen-born": an adjective, not a name.
  auto adjective = [](std::string_view w) {
    const size_t hyphen = w.rfind('-');
    return hyphen != std::string_view::npos && hyphen + 1 < w.size() && w[hyphen + 1] >= 'a' &&
           w[hyphen + 1] <= 'z';
  };
  for (Span run : runs) {
    if (tokens[run.begin].in_quote || tokens[run.begin].para == 0 || (*is_org)[run.begin] ||
        (*is_org)[run.end - 1]) {
      continue;
    }
    if (run.size() > 5) continue;
    Cue cue = CueBefore(tokens, run.begin);
    if (cue == Cue::kNone) cue = CueAfter(tokens, run.begin, run.end);
    if (cue == Cue::kNone) continue;
    // ("operated by Dallas-based Hunt": the name after the adjective.)
    if (run.size() >= 2 && adjective(tokens[run.begin].text)) ++run.begin;
    const Token& first = tokens[run.begin];
    // (A name the speakers took for a person's stays one, unless a kind of
    // body is named right before it and the name has two words at least:
    // "newspaper Magyar Nemzet revealed", but "the company Pickens' offer".)
    const bool kind = cue == Cue::kKind && run.size() >= 2;
    if (IsNeverName(first.text) || IsRoleWord(first.text) || IsPersonalTitle(first.text) ||
        IsUnnamedSource(first.text) || IsFirstName(first.text) ||
        (is_person_word(first.text) && !kind)) {
      continue;
    }
    if (adjective(tokens[run.end - 1].text)) continue;
    // "Kamloops This Week": the run stops at a word that never starts a name.
    if (run.end < tokens.size() && tokens[run.end].IsWord() && tokens[run.end].cap &&
        tokens[run.end].para == first.para) {
      continue;
    }
    std::string text = SpanText(tokens, run);
    if (IsKnownPlace(text) || IsKnownPlace(first.text)) continue;
    // "according to The Times": an article with a capital inside a sentence
    // is part of a title.
    const bool titled = run.begin > 0 && tokens[run.begin - 1].Is("The") &&
                        !WeakCapital(tokens, run.begin - 1);
    if (run.size() == 1) {
      if (first.all_caps && IsNonOrgAcronym(first.text) && !IsKnownOrganisation(first.text)) {
        continue;
      }
      // A capitalised common word ("Science") needs a strong cue and a
      // capital that is not due to the sentence start, or a title's "The".
      if (!first.all_caps && IsCommonWord(Lower(first.text)) && !titled &&
          (cue < Cue::kStrong || WeakCapital(tokens, run.begin))) {
        continue;
      }
    }
    // A person's name is not an organisation ("told John Smith").
    PersonName pn;
    if (cue < Cue::kStrong && ParsePersonName(tokens, run, &pn)) continue;
    bool person_part = false;
    for (size_t i = run.begin; i < run.end; ++i) {
      if (tokens[i].IsWord() && run.size() > 1 && is_person_word(tokens[i].text)) {
        person_part = true;
      }
    }
    if (person_part && !kind) continue;
    // "Proceedings of the National Academy of Sciences".
    // ... and "Disaster and Emergency Management Presidency reported".
    Span name{run.begin, ExtendRight(tokens, run.begin, run.end)};
    if (run.size() >= 2 && run.begin > 0) name.begin = ExtendLeft(tokens, run.begin, run.end - 1);
    orgs->Add(SpanText(tokens, name), name.begin);
    for (size_t i = name.begin; i < name.end; ++i) (*is_org)[i] = true;
  }
}

}  // namespace newsarc::internal
