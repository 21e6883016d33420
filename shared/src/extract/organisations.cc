#include "extract/organisations.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "ascii.h"
#include "extract/lexicon.h"
#include "extract/org_cues.h"
#include "stop_words.h"

namespace newsarc::internal {
namespace {


bool IsPlaceOrNever(std::string_view w) { return IsNeverName(w) || IsKnownPlace(w); }

// "XXI", "XIV": a number in Roman numerals of two letters or more, of I, V
// and X only ("CCC", the Commodity Credit Corp, "XL", "MD" are read as they
// are).
bool IsRomanNumeral(std::string_view w) {
  if (w.size() < 2) return false;
  size_t i = 0;
  auto run = [&](char c, size_t most) {
    for (size_t k = 0; i < w.size() && w[i] == c && k < most; ++k) ++i;
  };
  run('X', 3);
  if (i + 1 < w.size() && w[i] == 'I' && (w[i + 1] == 'X' || w[i + 1] == 'V')) {
    i += 2;
  } else {
    run('V', 1);
    run('I', 3);
  }
  return i == w.size();
}

bool Acronym(const Token& t) {
  if (!t.IsWord() || !t.all_caps || t.text.size() > 8 || HasDigit(t.text)) return false;
  if (IsNonOrgAcronym(t.text) || IsKnownPlace(t.text) || IsLegalForm(t.text)) return false;
  if (IsRomanNumeral(t.text)) return false;  // "Division XXI", "Pope Pius XII"
  // Words in capitals ("GREAT", "ZERO", "NOTES") are shouting, not acronyms;
  // so are places ("LONDON", "CANADA") and short words ("OIL", "NEW", "RED"
  // of a table's heading) unless the lists know them as an organisation
  // ("WHO", "ICE").
  const std::string lower = Lower(t.text);
  if (t.text.size() >= 4 && IsCommonWordOrPlural(lower)) return false;
  if (IsKnownOrganisation(t.text)) return true;
  if (IsKnownPlace(TitleCase(lower))) return false;
  return !(t.text.size() <= 3 && IsCommonWord(lower));
}

// "@DrAmyActon", "#LetHerSpeak": a handle or a hashtag, no body's name (a
// body's own handle is its name, "@Reuters", which the lists know); nor is
// the label of a speaker in an interview transcript, "((WSS))", the
// interviewer's initials.
bool IsHandleOrLabel(const std::vector<Token>& tokens, size_t i) {
  if (IsKnownOrganisation(tokens[i].text)) return false;
  if (i > 0 && (tokens[i - 1].Is("@") || tokens[i - 1].Is("#"))) return true;
  // "NG: This study started in 1982": a speaker's initials and a colon that
  // open a paragraph.
  const bool opens_paragraph = i == 0 || tokens[i - 1].para != tokens[i].para;
  if (opens_paragraph && tokens[i].para > 0 && tokens[i].text.size() <= 4 &&
      i + 2 < tokens.size() && tokens[i + 1].Is(":") && tokens[i + 2].para == tokens[i].para) {
    return true;
  }
  return i >= 2 && i + 1 < tokens.size() && tokens[i - 1].Is("(") && tokens[i - 2].Is("(") &&
         tokens[i + 1].Is(")") && (i == 2 || tokens[i - 3].para != tokens[i].para);
}

// "I WON THIS ELECTION", "THE USA IS GREAT": a word in capitals next to a
// common word in capitals is shouted, not an acronym.
bool Shouted(const std::vector<Token>& tokens, size_t i) {
  if (IsKnownOrganisation(tokens[i].text)) return false;
  auto common_caps = [&](size_t j) {
    const Token& t = tokens[j];
    if (!t.IsWord() || !t.all_caps || t.text.size() < 2 || t.para != tokens[i].para) return false;
    const std::string lower = Lower(t.text);
    return IsStopWord(lower) || IsCommonWordOrPlural(lower);
  };
  return (i > 0 && common_caps(i - 1)) || (i + 1 < tokens.size() && common_caps(i + 1));
}

// A word that is a sentence on its own: a wire service's sign-off at the
// end of a story ("REUTER"), a label, not a mention. So is the last word of
// an article with no full stop after it ("... 8.7 mln REUTER", the lines
// run together), and the last of a paragraph after punctuation or a quote
// ("... TDK Corp <TDK.T> REUTER").
bool WholeSentence(const std::vector<Token>& tokens, size_t i) {
  if (i + 1 == tokens.size()) return true;
  if (tokens[i + 1].para != tokens[i].para && i > 0 && tokens[i - 1].para == tokens[i].para &&
      (tokens[i - 1].kind == TokenKind::kPunct || tokens[i - 1].kind == TokenKind::kCloseQuote)) {
    return true;
  }
  if (!tokens[i].sentence_start) return false;
  size_t j = i + 1;
  while (j < tokens.size() && tokens[j].kind == TokenKind::kPunct &&
         tokens[j].para == tokens[i].para && !tokens[j].sentence_start) {
    ++j;
  }
  return j == tokens.size() || tokens[j].sentence_start || tokens[j].para != tokens[i].para;
}

// Connectors that may stand inside an organisation name after a keyword:
// "University of California", "Court for the Western District".
bool OfConnector(const Token& t) {
  return t.Is("of") || t.Is("for") || t.Is("on") || t.Is("de") || t.Is("du") || t.Is("des") ||
         t.Is("del") || t.Is("della") || t.Is("di") || t.Is("against");
}

}  // namespace

bool StartsPerson(const std::vector<Token>& tokens, size_t m, size_t end) {
  if (m + 1 >= end || !tokens[m].IsWord() || !tokens[m + 1].IsWord()) return false;
  // A word that may be part of a person's name (not "Board", "Sciences").
  auto name_word = [&](size_t i) {
    const Token& t = tokens[i];
    return i < end && t.IsWord() && t.cap && !IsOrgKeyword(t.text) &&
           !IsCommonWordOrPlural(Lower(t.text)) && !IsGenerationSuffix(t.text);
  };
  auto place = [&](size_t i, size_t words) {
    return i + words <= end && IsKnownPlace(SpanText(tokens, {i, i + words}));
  };
  const Token& t = tokens[m];
  // A role, not a domain that names bodies too ("Health", "Home", "Regional"),
  // except "Speaker".
  if (IsPersonalTitle(t.text) ||
      (IsRoleWord(t.text) && (!IsRoleDomain(t.text) || t.Is("Speaker")))) {
    // "Speaker Nancy Pelosi" ("Nancy" is also a place), "Speaker Pelosi" at
    // the end of the name.
    return IsFirstName(tokens[m + 1].text) || (name_word(m + 1) && name_word(m + 2)) ||
           (m + 2 == end && name_word(m + 1) && !place(m + 1, 1));
  }
  // "Darin LaHood", not "Sri Lanka", "Beverly Hills" or the "Kong" of "Hong Kong".
  return IsFirstName(t.text) && !place(m, 1) && !place(m, 2) &&
         !(m > 0 && tokens[m - 1].IsWord() && IsKnownPlace(SpanText(tokens, {m - 1, m + 1}))) &&
         name_word(m + 1) && !place(m + 1, 1);
}

namespace {

// The start of the person at `m` (StartsPerson), with the roles before it:
// "Prime Minister Kalevi Sorsa", "Premier Prince Souvanna Phouma".
size_t PersonStart(const std::vector<Token>& tokens, size_t from, size_t m) {
  while (m > from && tokens[m - 1].IsWord() &&
         (IsRoleHead(tokens[m - 1].text) || tokens[m - 1].Is("Prime"))) {
    --m;
  }
  return m;
}

}  // namespace

// Heads of the names of bodies that say what they are for with "to":
// "Committee to Protect Journalists".
bool StatesAim(const Token& t) {
  static constexpr std::string_view kHeads[] = {
      "Committee", "Campaign", "Coalition", "Alliance", "Movement", "Society",  "Foundation",
      "Fund",      "League",   "Association", "Union",  "Council", "Network"};
  return std::ranges::find(kHeads, t.text) != std::end(kHeads);
}

// The verb of such an aim: a common word, not the start of a place or a
// body ("sold Brooklyn Union to New York Public Utility Commission").
bool IsAimVerb(std::string_view w) {
  return IsCommonWord(Lower(w)) && !IsRoleWord(w) && !IsNeverName(w) && !IsKnownPlace(w) &&
         !IsOrgKeyword(w) && !IsOrgHeadKeyword(w) && w != "New";
}

size_t ExtendRight(const std::vector<Token>& tokens, size_t b, size_t e) {
  const size_t n = tokens.size();
  bool in_of = false;
  for (size_t i = b; i < e; ++i) in_of = in_of || OfConnector(tokens[i]);
  auto name_word = [&](size_t i) {
    const Token& t = tokens[i];
    return t.IsWord() && (t.cap || t.all_caps) && !t.sentence_start &&
           (!IsNeverName(t.text) || IsNationality(t.text)) &&
           t.para == tokens[e - 1].para && t.in_quote == tokens[e - 1].in_quote;
  };
  // Inside a name, a noun the lists keep from opening one ("Centre for
  // Global Infectious Disease Analysis") and an ordinal before a name's word
  // ("Court of Appeals for the Third Circuit").
  auto inner_word = [&](size_t i, bool after_name, bool ordinal) {
    const Token& t = tokens[i];
    if (!t.IsWord() || !t.cap || t.all_caps || t.sentence_start ||
        t.para != tokens[e - 1].para || t.in_quote != tokens[e - 1].in_quote) {
      return false;
    }
    if (IsOrdinalWord(t.text)) return ordinal && i + 1 < n && name_word(i + 1);
    return after_name && (t.Is("Analysis") || t.Is("News") || t.Is("Internet") ||
                          t.Is("Web") || t.Is("Online") || t.Is("Video"));
  };
  size_t best = e;
  while (best < n && inner_word(best, true, false)) ++best;
  while (best < n && best < e + 12) {
    size_t j = best;
    bool conj = false;
    if (OfConnector(tokens[j])) {
      // "Cigra Inc of Chicago": a firm's name ends at its legal form.
      if (j > b && tokens[j - 1].IsWord() && IsClosingLegalForm(tokens[j - 1].text)) break;
      ++j;
      if (j < n && tokens[j].Is("the")) ++j;
      in_of = true;
    } else if (tokens[j].Is("to") && best == e && j + 2 < n && StatesAim(tokens[e - 1]) &&
               name_word(j + 1) && name_word(j + 2) && IsAimVerb(tokens[j + 1].text)) {
      // "Committee to Protect Journalists", "Campaign to Stop Killer Robots".
      ++j;
    } else if (tokens[j].Is("and") && in_of) {
      ++j;
      if (j < n && tokens[j].Is("the")) ++j;
      conj = true;
    } else {
      break;
    }
    size_t k = j;
    while (k < n && (name_word(k) || inner_word(k, k > j, true))) ++k;
    // A person after the name is not part of it: "House of Representatives
    // Darin LaHood", "House of Representatives Speaker Nancy Pelosi", and
    // after the connector itself, "Senate against Ted Cruz" (but "University
    // of Mary Washington", a place).
    for (size_t m = j; m < k; ++m) {
      if (StartsPerson(tokens, m, k)) {
        k = PersonStart(tokens, j, m);
        break;
      }
    }
    if (k == j) break;
    // "Y and Z Services" is another body, unless the gazetteer knows the
    // whole ("Department of Health and Human Services").
    auto known_whole = [&] {
      for (size_t t = b; t < best; ++t) {
        if (IsKnownOrganisation(SpanText(tokens, {t, k}))) return true;
      }
      return false;
    };
    if (conj && (tokens[j].all_caps || IsOrgHeadKeyword(tokens[j].text) ||
                 IsOrgKeyword(tokens[k - 1].text) ||
                 IsKnownOrganisation(std::string(tokens[j].text)) ||
                 IsFirstName(tokens[j].text)) &&
        !known_whole()) {
      break;
    }
    best = k;
  }
  // "National Radio Hall of Fame".
  if (best + 2 < n && tokens[best].Is("Hall") && tokens[best + 1].Is("of") &&
      tokens[best + 2].Is("Fame") && tokens[best].para == tokens[e - 1].para) {
    best += 3;
  }
  return best;
}

namespace {

// "University of California, Los Angeles": a campus place after a comma.
size_t ExtendCampus(const std::vector<Token>& tokens, size_t b, size_t e) {
  if (e + 1 >= tokens.size() || !tokens[b].Is("University") || b + 1 >= e ||
      !tokens[b + 1].Is("of")) {
    return e;
  }
  // "University of Texas at Austin", "University of Hawaii at Mānoa": a
  // campus after "at" (not "at Christmas", "at Monday's meeting").
  if (tokens[e].Is("at")) {
    size_t k = e + 1;
    while (k < tokens.size() && k < e + 4 && tokens[k].IsWord() && tokens[k].cap &&
           !tokens[k].sentence_start && tokens[k].para == tokens[e].para &&
           !IsNeverName(tokens[k].text)) {
      ++k;
    }
    const bool possessive = k < tokens.size() && tokens[k].kind == TokenKind::kPossessive;
    return k > e + 1 && !possessive ? k : e;
  }
  if (!tokens[e].Is(",")) return e;
  size_t k = e + 1;
  while (k < tokens.size() && k < e + 4 && tokens[k].IsWord() && tokens[k].cap &&
         tokens[k].para == tokens[e].para) {
    ++k;
  }
  if (k == e + 1 || !IsKnownPlace(SpanText(tokens, {e + 1, k}))) return e;
  // A place that closes the clause, not the first of a list of places.
  if (k < tokens.size() && tokens[k].Is(",") && k + 1 < tokens.size() && tokens[k + 1].cap) {
    return e;
  }
  return k;
}

// "Growers", "Bishops", "Analysts": a plural of people, as the endings of
// agent nouns and roles tell.
bool PeopleInThePlural(std::string_view w) {
  if (w.size() < 4 || w.back() != 's') return false;
  const std::string one = Lower(w.substr(0, w.size() - 1));
  return one.ends_with("er") || one.ends_with("or") || one.ends_with("ist") ||
         one.ends_with("an") || IsRoleWord(one);
}

}  // namespace

size_t ExtendLeft(const std::vector<Token>& tokens, size_t s, size_t k) {
  const Token& first = tokens[s];
  auto same = [&](size_t i) {
    return tokens[i].para == first.para && tokens[i].in_quote == first.in_quote;
  };
  if (first.sentence_start) return s;
  const Token& p = tokens[s - 1];
  // (Before a keyword after the first word, or a legislature's "House of":
  // "the Libyan House of Representatives".)
  const bool house_of = first.Is("House") && s + 1 < tokens.size() && tokens[s + 1].Is("of");
  if (p.IsWord() && p.cap && IsNationality(p.text) && same(s - 1) && (k > s || house_of)) {
    // ... over each: "British American Drama Academy".
    size_t b = s - 1;
    while (b > 0 && !tokens[b].sentence_start && tokens[b - 1].IsWord() && tokens[b - 1].cap &&
           IsNationality(tokens[b - 1].text) && same(b - 1)) {
      --b;
    }
    // "Native American Rights Fund"; "First Philippine Capital Fund" (not in
    // a headline's capitals).
    if (b > 0 && !tokens[b].sentence_start && same(b - 1) &&
        ((tokens[b].Is("American") && tokens[b - 1].Is("Native")) ||
         (tokens[b - 1].Is("First") && first.para != 0))) {
      --b;
    }
    return b;
  }
  // "the 101st Airborne Division", "1st Fleet Command": a unit's number.
  if (IsOrdinal(p.text) && same(s - 1) && k > s) return s - 1;
  // "the Bill and Melinda Gates Foundation": a couple's first names, the
  // second before its surname.
  if ((p.Is("and") || p.Is("&")) && s >= 2 && same(s - 2) && tokens[s - 2].cap &&
      IsLikelyFirstName(tokens[s - 2].text) &&
      IsLikelyFirstName(first.text) && s + 1 < k && tokens[s + 1].IsWord() &&
      tokens[s + 1].cap && !IsOrgKeyword(tokens[s + 1].text)) {
    return s - 2;
  }
  if (p.Is("and") && s >= 2 && same(s - 2)) {
    const Token& w = tokens[s - 2];
    // "Merck and Co Inc", "Baring Brothers and Co Ltd": a firm named "X and
    // Co" even when X alone is one.
    const bool and_co = first.Is("Co") || first.Is("Co.") || first.Is("Company");
    if (w.IsWord() && w.cap && !w.all_caps && !IsNeverName(w.text) && !IsFirstName(w.text) &&
        !IsKnownPlace(w.text) &&
        (and_co || (!IsKnownOrganisation(std::string(w.text)) && !IsOrgKeyword(w.text))) &&
        !IsRoleWord(w.text)) {
      size_t b = s - 2;
      while (b > 0 && same(b - 1) && !tokens[b].sentence_start && tokens[b - 1].IsWord() &&
             tokens[b - 1].cap && !IsNeverName(tokens[b - 1].text) && s - b < 5) {
        --b;
      }
      // ("Treasury Secretary James Baker and Office of Management and
      // Budget": a person and a body, not one name.)
      for (size_t i = b; i + 2 < s; ++i) {
        if (IsPersonalTitle(tokens[i].text) ||
            (IsRoleWord(tokens[i].text) && i + 3 < s && IsLikelyFirstName(tokens[i + 1].text))) {
          return s;
        }
      }
      // "Center for Biological Diversity and Center for Food Safety": X is
      // the end of another body's name, after its keyword and "of" or "for"
      // (not "director of the National Oceanic and Atmospheric ...").
      const size_t c = b > 1 && tokens[b - 1].Is("the") ? b - 1 : b;
      if (!and_co && c > 1 && same(c - 2) && OfConnector(tokens[c - 1]) &&
          tokens[c - 2].IsWord() && tokens[c - 2].cap &&
          (IsOrgKeyword(tokens[c - 2].text) || IsOrgHeadKeyword(tokens[c - 2].text))) {
        return s;
      }
      // "Goldman, Sachs and Co": a comma between the partners' names.
      if (and_co && b >= 2 && b == s - 2 && tokens[b - 1].Is(",") && same(b - 2) &&
          !tokens[b].sentence_start && tokens[b - 2].IsWord() && tokens[b - 2].cap &&
          !tokens[b - 2].all_caps && !IsNeverName(tokens[b - 2].text) &&
          !IsKnownPlace(tokens[b - 2].text) && !IsFirstName(tokens[b - 2].text) &&
          !IsRoleWord(tokens[b - 2].text) && !IsLegalForm(tokens[b - 2].text) &&
          !IsOrgKeyword(tokens[b - 2].text) &&
          // (Not the last of a list, nor a person's surname: "said Thomas
          // McKiernan, McKiernan and Co".)
          (b < 3 || !(tokens[b - 3].Is(",") || tokens[b - 3].Is("and") ||
                      IsFirstName(tokens[b - 3].text)))) {
        b -= 2;
      }
      // "American Telephone and Telegraph Co": a nationality opens it.
      if (b > 0 && same(b - 1) && !tokens[b].sentence_start && tokens[b - 1].IsWord() &&
          tokens[b - 1].cap && IsNationality(tokens[b - 1].text)) {
        --b;
      }
      return b;
    }
  }
  if (p.kind == TokenKind::kPossessive && s >= 2 && same(s - 2)) {
    const Token& w = tokens[s - 2];
    static constexpr std::string_view kPlural[] = {"People", "Children", "Women", "Men",
                                                   "Workers", "Veterans", "Farmers"};
    // Or the bare apostrophe of people in the plural: "Catholic Bishops'
    // Conference of the Philippines", "Doctors' Hospital", "Coffee Growers'
    // Federation"; not a firm's or a place's ("Litton Industries' Applied
    // Technology Division", "Buenos Aires' City Council"), nor "House of
    // Representatives' Committee".
    const bool plural_apostrophe = w.IsWord() && w.cap && !w.all_caps &&
                                   !p.text.ends_with("s") && !p.text.ends_with("S") &&
                                   PeopleInThePlural(w.text) && !IsOrgKeyword(w.text) &&
                                   !(s >= 3 && OfConnector(tokens[s - 3]));
    if (plural_apostrophe || std::ranges::find(kPlural, w.text) != std::end(kPlural)) {
      size_t b = s - 2;  // "Kurdistan Workers' Party"
      while (b > 0 && s - b < 5 && same(b - 1) && !tokens[b].sentence_start &&
             tokens[b - 1].IsWord() && tokens[b - 1].cap &&
             (!IsNeverName(tokens[b - 1].text) || IsNationality(tokens[b - 1].text)) &&
             !IsRoleWord(tokens[b - 1].text) && !IsPersonalTitle(tokens[b - 1].text)) {
        --b;
      }
      // (A place's name is none: "the United States' National Institute".)
      if (IsKnownPlace(SpanText(tokens, {b, s - 1}))) return s;
      return b;
    }
  }
  return s;
}

namespace {

// The words that follow a first name in the article: the surnames of the
// people it names ("told MSNBC Cummings" after "Elijah Cummings").
std::unordered_set<std::string_view> Surnames(const std::vector<Token>& tokens) {
  std::unordered_set<std::string_view> out;
  for (size_t j = 1; j < tokens.size(); ++j) {
    if (tokens[j].IsWord() && tokens[j].cap && tokens[j - 1].IsWord() && tokens[j - 1].cap &&
        IsFirstName(tokens[j - 1].text)) {
      out.insert(tokens[j].text);
    }
  }
  return out;
}

// The words that follow a first name in a run of two ("Michael Bloomberg"):
// a first name that is no common word or place ("The Guardian", "Jordan
// Times" are not people), and no firm's name ("Eli Lilly and Co").
std::unordered_set<std::string_view> PersonSurnames(const std::vector<Token>& tokens) {
  std::unordered_set<std::string_view> out;
  const size_t n = tokens.size();
  auto name_word = [&](size_t j) {
    return j < n && tokens[j].IsWord() && tokens[j].cap && !tokens[j].all_caps;
  };
  for (size_t j = 1; j < n; ++j) {
    const Token& first = tokens[j - 1];
    // (After a title: "Mayor Michael Bloomberg".)
    const bool opens = j < 2 || first.sentence_start || tokens[j - 2].para != first.para ||
                       !name_word(j - 2) || IsPersonalTitle(tokens[j - 2].text) ||
                       IsRoleWord(tokens[j - 2].text);
    if (!name_word(j) || !name_word(j - 1) || !opens || name_word(j + 1) ||
        !IsFirstName(first.text) || IsStopWord(Lower(first.text)) ||
        IsCommonWord(Lower(first.text)) || IsNeverName(first.text) ||
        IsKnownPlace(first.text) || IsKnownOrganisation(first.text)) {
      continue;
    }
    if (j + 2 < n && (tokens[j + 1].Is("and") || tokens[j + 1].Is("&")) &&
        tokens[j + 2].IsWord() && (IsLegalForm(tokens[j + 2].text) ||
                                   IsOrgKeyword(tokens[j + 2].text))) {
      continue;
    }
    out.insert(tokens[j].text);
  }
  return out;
}

// "Denmark-based", "Hassan-side", "B-minus", "I'm": a word that names
// nothing, for all its capital.
bool IsCompoundAdjectiveOrContraction(std::string_view w) {
  const size_t cut = w.find_last_of("-'");
  if (cut == std::string_view::npos) return false;
  const std::string_view tail = w.substr(cut + 1);
  if (w[cut] == '\'') {
    return tail == "m" || tail == "re" || tail == "ve" || tail == "ll" || tail == "d" ||
           tail == "t";
  }
  static constexpr std::string_view kTails[] = {
      "based", "side", "born", "owned", "led", "backed", "run", "controlled", "funded",
      "rated", "related", "style", "minus", "plus", "compatible", "date", "linked", "made"};
  for (std::string_view t : kTails) {
    if (tail == t) return true;
  }
  return false;
}

// "House of Representatives", "Embassy of Japan": heads that name an
// organisation only with an "of"-phrase; so do the plurals of keywords with
// "of" or "for" ("Centers for Disease Control and Prevention", where
// "Shopping Centers" in a headline names none).
bool OfHead(const std::vector<Token>& tokens, Span run, size_t k) {
  const Token& t = tokens[k];
  if (k + 1 >= run.end) return false;
  if (t.Is("Centers") || t.Is("Centres") || t.Is("Institutes")) {
    return tokens[k + 1].Is("of") || tokens[k + 1].Is("for");
  }
  // A federal court's district: "the Southern District of New York".
  if (t.Is("District") && k > run.begin) return IsCourtDistrict(tokens, k);
  if (!(t.Is("House") || t.Is("Embassy") || t.Is("Consulate"))) return false;
  return tokens[k + 1].Is("of");
}

// Initials of the capitalised words of a span: "Federal Security Service" -> "FSS".
std::string Initials(const std::vector<Token>& tokens, Span s) {
  std::string out;
  for (size_t i = s.begin; i < s.end; ++i) {
    if (tokens[i].IsWord() && tokens[i].cap) out.push_back(tokens[i].text[0]);
  }
  return out;
}

// "the Los Angeles Lakers", "the Manila Bulletin": after "the", in the
// body, a known place and one word more that is a team's plural or a
// newspaper's title word names a club or a paper ("the Cook Islands", "the
// Golan Heights", "the Sydney Olympics" name none).
bool PlaceNamedBody(const std::vector<Token>& tokens, Span run) {
  if (run.size() < 2 || run.size() > 4 || run.begin == 0) return false;
  const Token& first = tokens[run.begin];
  const Token& before = tokens[run.begin - 1];
  if (first.para == 0 || first.in_quote || !(before.Is("the") || before.Is("The"))) return false;
  const Token& w = tokens[run.end - 1];
  if (!w.IsWord() || !w.cap || w.all_caps || w.text.size() < 3) return false;
  bool place = false;
  for (size_t e = run.begin + 1; e < run.end; ++e) {
    if (!tokens[e - 1].IsWord() || !tokens[e - 1].cap) return false;
    place = e + 1 == run.end && IsKnownPlace(SpanText(tokens, {run.begin, e}));
  }
  if (!place || IsKnownPlace(SpanText(tokens, run))) return false;
  // Not part of a longer name ("the U.S. Securities and Exchange
  // Commission", "the Kurdistan Workers' Party"), nor a headline's words in
  // a body ("the U.S. Has ..."); no abbreviated place ("U.S.").
  if (run.end < tokens.size() && tokens[run.end].para == first.para) {
    const Token& next = tokens[run.end];
    const bool and_name = next.Is("and") && run.end + 1 < tokens.size() &&
                          tokens[run.end + 1].IsWord() && tokens[run.end + 1].cap;
    if ((next.IsWord() && (next.cap || IsNameConnector(next.text) || and_name)) ||
        next.kind == TokenKind::kPossessive || next.Is("'") || next.Is("&")) {
      return false;
    }
  }
  for (size_t k = run.begin; k + 1 < run.end; ++k) {
    if (tokens[k].text.find('.') != std::string_view::npos) return false;
  }
  if (IsNewspaperTitleWord(w.text)) return true;
  if (w.text.back() != 's' || w.text.ends_with("ss") || w.text.ends_with("ics")) return false;
  if (IsPluralOfNoTeam(w.text)) return false;
  return !IsOrgKeyword(w.text) && !IsNationality(w.text);
}

void Mark(std::vector<bool>* is_org, Span s) {
  for (size_t i = s.begin; i < s.end; ++i) (*is_org)[i] = true;
}

// Last words of capitalised names of things that are not organisations:
// "Automatic Identification System (AIS)", treaties.
bool IsThingHead(std::string_view w) {
  static constexpr std::string_view kThings[] = {
      "System", "Station", "Programme", "Program", "Act", "Disease", "Syndrome",
      "Telescope", "Mission", "Project", "Index", "State", "Bill"};
  for (auto t : kThings) {
    if (w == t) return true;
  }
  return IsTreatyWord(w);
}

// Acronyms that the article defines as terms: "Ebola virus disease (EVD)".
// Without `named_things`, not those whose only sign is a name that ends in
// a thing's head word other than a law's, a treaty's or an illness's: a
// "System" may be a body ("Scandinavian Airlines System (SAS)").
std::unordered_set<std::string_view> DefinedTerms(const std::vector<Token>& tokens,
                                                  bool named_things = true) {
  std::unordered_set<std::string_view> out;
  for (size_t p = 1; p + 2 < tokens.size(); ++p) {
    if (!tokens[p].Is("(") || !tokens[p + 1].all_caps || !tokens[p + 2].Is(")")) continue;
    std::string_view acr = tokens[p + 1].text;
    // "British Columbia (B.C.)", "New South Wales (NSW)": a place's initials.
    const std::string letters = WithoutDots(acr);
    if (letters.size() >= 2 && letters.size() <= 4 && letters.size() <= p) {
      const Span place{p - letters.size(), p};
      if (Initials(tokens, place) == letters && IsKnownPlace(SpanText(tokens, place))) {
        out.insert(acr);
        continue;
      }
    }
    if (acr.size() > 6 || acr.size() > p) continue;
    // The words before it spell it, over an "and", "of" or "for" that it
    // leaves out ("Long Range Identification and Tracking (LRIT)"; "letter
    // of credit (LOC)" keeps its "of"), and no body's keyword ends it or a
    // part of it in a name with a capital ("Monetary authority of Singapore
    // (MAS)", "Congress of South African Trade Unions (COSATU)"; "local area
    // network (LAN)", "goods and services Tax (GST)" and "Conservation
    // Reserve Program (CRP)" are terms).
    bool lower = false, match = true, keyword = false, capital = false;
    size_t w = p;
    for (size_t k = acr.size(); k-- > 0 && match;) {
      while (k + 1 < acr.size() && w > 1 && tokens[w - 1].IsWord() && !tokens[w - 1].cap &&
             (tokens[w - 1].Is("and") || tokens[w - 1].Is("of") || tokens[w - 1].Is("for")) &&
             (tokens[w - 1].text[0] | 0x20) != (acr[k] | 0x20)) {
        --w;
      }
      const Token& t = tokens[--w];
      match = t.IsWord() && (t.text[0] | 0x20) == (acr[k] | 0x20) && (k == 0 || w > 0);
      // (A role in lower case names a body's head: "deputy minister of
      // International Trade and Industry (MITI)".)
      lower = lower || (!t.cap && !IsRoleWord(t.text));
      keyword = keyword || (IsOrgKeyword(t.text) &&
                            (w + 1 == p || tokens[w + 1].Is("of") || tokens[w + 1].Is("for") ||
                             tokens[w + 1].Is("and") || tokens[w + 1].Is("on")));
      capital = capital || t.cap;
    }
    // (Or a thing's name before it: "Long Range Identification and Tracking
    // (LRIT) system".)
    const bool thing_after = p + 3 < tokens.size() && tokens[p + 3].IsWord() &&
                             !tokens[p + 3].cap &&
                             IsThingHead(TitleCase(Lower(tokens[p + 3].text)));
    const std::string_view head = tokens[p - 1].text;
    const bool named_thing =
        named_things ? IsThingHead(head)
                     : head == "Act" || head == "Bill" || head == "Disease" ||
                           head == "Syndrome" || IsTreatyWord(head);
    // (Or a role's or a title's name: "Chief Medical Officer (CMO)",
    // "International Master (IM)".)
    const bool title = IsRoleHead(head) || head == "Master";
    if (match && !(keyword && capital) && (lower || thing_after || named_thing || title)) {
      out.insert(acr);
    }
  }
  return out;
}

// Acronyms that the article uses as common nouns, whoever else names them.
std::unordered_set<std::string_view> AcronymsAsNouns(const std::vector<Token>& tokens) {
  std::unordered_set<std::string_view> out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (!t.IsWord()) continue;
    // "the two PIs", "NGOs": an acronym in the plural is a common noun.
    if (!t.all_caps && t.text.size() >= 3 && t.text.size() <= 7 && t.text.back() == 's') {
      const std::string_view stem = t.text.substr(0, t.text.size() - 1);
      if (std::ranges::all_of(stem, [](char c) { return c >= 'A' && c <= 'Z'; })) {
        out.insert(stem);
      }
      continue;
    }
    if (!t.all_caps || t.text.size() > 6 || HasDigit(t.text)) continue;
    // "PI: principal investigator", "BPL card [below poverty line]": the
    // acronym, perhaps a noun, then what it stands for in lower case.
    size_t g = i + 1;
    if (g < tokens.size() && tokens[g].IsWord() && !tokens[g].cap) ++g;
    if (g + 1 < tokens.size() && tokens[g].para == t.para &&
        (tokens[g].Is("[") || tokens[g].Is("(") || tokens[g].Is(":"))) {
      size_t w = g + 1;
      bool lower = false, match = true;
      for (size_t k = 0; k < t.text.size() && match; ++k) {
        while (k > 0 && w < tokens.size() && tokens[w].IsWord() &&
               (tokens[w].Is("and") || tokens[w].Is("of") || tokens[w].Is("for")) &&
               (tokens[w].text[0] | 0x20) != (t.text[k] | 0x20)) {
          ++w;
        }
        match = w < tokens.size() && tokens[w].IsWord() && tokens[w].para == t.para &&
                (tokens[w].text[0] | 0x20) == (t.text[k] | 0x20);
        lower = lower || (match && !tokens[w].cap && !IsRoleWord(tokens[w].text));
        ++w;
      }
      if (match && lower) out.insert(t.text);
    }
    // "an SAT, in fifth grade", "no ETA on release", "a SPHERE [...]": an
    // acronym after "a", "an", "any" or "no" that ends its noun phrase is a
    // common noun ("a CBS reporter" and "an NGO official" say nothing).
    if (i > 0) {
      size_t d = i - 1;
      if (d > 0 && (tokens[d].Is("other") || tokens[d].Is("single"))) --d;
      const bool indefinite = tokens[d].Is("a") || tokens[d].Is("an") || tokens[d].Is("any") ||
                              tokens[d].Is("no") || tokens[d].Is("another") ||
                              tokens[d].Is("every") || tokens[d].Is("each");
      // (Not before its expansion, "a GATT (General Agreement ...)", a
      // relative clause, "an SPD that was ...", or "and" and "or" that may
      // join it to another noun's modifier, "a NASA or Ariane launch
      // vehicle", where the lists know it.)
      const Token* next = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
      const bool ends_phrase =
          next == nullptr || next->para != t.para ||
          (next->kind == TokenKind::kPunct && !next->Is("-") && !next->Is("/") &&
           !next->Is("(")) ||
          (next->IsWord() && !next->cap && IsStopWord(next->text) && !next->Is("that") &&
           !next->Is("which") && !next->Is("who") &&
           !((next->Is("and") || next->Is("or")) && IsKnownOrganisation(t.text)));
      if (indefinite && ends_phrase) out.insert(t.text);
    }
  }
  return out;
}

// "United Nations Educational, Scientific and Cultural Organization
// (UNESCO)": the organisation found in `run` is the end of a name that
// starts before a comma. Renames `entity` to the whole name.
bool WiderName(const std::vector<Token>& tokens, Span run, const std::string& acr,
               OrgTable* orgs, int entity, std::vector<bool>* is_org) {
  std::string tail = Initials(tokens, run);
  if (tail.empty() || acr.size() <= tail.size() ||
      acr.compare(acr.size() - tail.size(), tail.size(), tail) != 0) {
    return false;
  }
  if (run.begin < 2 || !tokens[run.begin - 1].Is(",")) return false;
  size_t e = run.begin - 1;
  size_t b = e;
  while (b > 0 && tokens[b - 1].IsWord() && tokens[b - 1].cap && e - b < 6 &&
         tokens[b - 1].para == tokens[e].para && !tokens[b].sentence_start) {
    --b;
  }
  if (b == e || Initials(tokens, {b, e}) + tail != acr) return false;
  // "United Nations", found on its own in "United Nations Educational".
  for (size_t k = e; k > b; --k) {
    int part = orgs->Find(SpanText(tokens, {b, k}));
    if (part >= 0 && part != entity) {
      orgs->Unmention(part);
      break;
    }
  }
  Span whole{b, run.end};
  orgs->Rename(entity, SpanText(tokens, whole), b);
  Mark(is_org, whole);
  return true;
}

// "Open Source Program Office (OSPO)": capitalised words right before the
// organisation found in `name` that the acronym spells too ("Open" and
// "Source" open no name on their own) are part of it. Renames `entity` to
// the whole name.
bool NameGrowsToAcronym(const std::vector<Token>& tokens, Span name, const std::string& acr,
                        OrgTable* orgs, int entity, std::vector<bool>* is_org) {
  const std::string tail = Initials(tokens, name);
  if (tail.empty() || acr.size() <= tail.size() || !acr.ends_with(tail)) return false;
  size_t b = name.begin;
  size_t capitals = tail.size();
  while (b > 0 && capitals < acr.size() && !tokens[b].sentence_start) {
    const Token& t = tokens[b - 1];
    if (!t.IsWord() || !t.cap || t.all_caps || t.para != tokens[name.begin].para ||
        t.in_quote != tokens[name.begin].in_quote) {
      break;
    }
    --b;
    ++capitals;
  }
  if (b == name.begin || Initials(tokens, {b, name.end}) != acr) return false;
  const Span whole{b, name.end};
  orgs->Rename(entity, SpanText(tokens, whole), b);
  Mark(is_org, whole);
  return true;
}

// "Cooperative Institute for Research in Environmental Sciences (CIRES)":
// the capitalised words of `run`, right before the acronym, end a name whose
// other words stand before it, joined by "in", "of", "the", "and" or commas; the
// acronym spells the capitals of all of them. The name is an organisation
// if one of its words is a body's keyword, or if its first words already
// were one ("Cooperative Institute for Research"), which it replaces.
// Returns the entity, or -1.
int NameBeforeAcronym(const std::vector<Token>& tokens, Span run, const std::string& acr,
                      OrgTable* orgs, std::vector<bool>* is_org) {
  const std::string tail = Initials(tokens, run);
  if (tail.empty() || acr.size() <= tail.size() || !acr.ends_with(tail)) return -1;
  size_t b = run.begin;
  size_t capitals = tail.size();
  while (b > 0 && run.begin - b < 16 && !tokens[b].sentence_start) {
    const Token& t = tokens[b - 1];
    if (t.para != tokens[run.begin].para || t.in_quote != tokens[run.begin].in_quote) break;
    const bool joiner = t.Is(",") || (t.IsWord() && !t.cap && IsNameConnector(t.text)) ||
                        t.Is("in") || t.Is("and") || t.Is("the");
    if (!joiner && !(t.IsWord() && t.cap && !t.all_caps)) break;
    --b;
    if (!joiner && ++capitals == acr.size()) break;
  }
  if (capitals != acr.size() || !tokens[b].cap || Initials(tokens, {b, run.end}) != acr) {
    return -1;
  }
  const Span whole{b, run.end};
  int entity = -1;
  for (size_t k = run.begin; k > b + 1 && entity < 0; --k) {
    if (!(*is_org)[k - 1] || !(*is_org)[b]) continue;
    entity = orgs->Find(SpanText(tokens, {b, k}));
  }
  bool keyword = false;
  for (size_t k = b; k < run.end; ++k) keyword = keyword || IsOrgKeyword(tokens[k].text);
  if (entity >= 0) {
    orgs->Rename(entity, SpanText(tokens, whole), b);
  } else if (keyword) {
    entity = orgs->Add(SpanText(tokens, whole), b);
  } else {
    return -1;
  }
  Mark(is_org, whole);
  return entity;
}

bool IsLegislature(std::string_view w) {
  static constexpr std::string_view kWords[] = {"Senate",   "House",       "Congress",
                                                "Assembly", "Legislature", "Parliament"};
  return std::ranges::find(kWords, w) != std::end(kWords);
}

// Words that make a body's name a building's: "Police Headquarters",
// "Legislative Council Complex", "Senate Caucus Room".
bool IsFacilityWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"Headquarters", "Complex", "Building",
                                                "Buildings",    "Tower",   "Towers",
                                                "Stadium",      "Arena",   "Compound",
                                                "Room"};
  return std::ranges::find(kWords, w) != std::end(kWords);
}

// "Proroguing Parliament is ...", "Entering Parliament": a word in -ing
// that opens a sentence before "Parliament", "Congress" or the like, and
// that the lists know as no name (a place, a body, a first name), is a verb
// ("Carling O'Keefe Ltd", "Banking Center" stay).
bool GerundBeforeInstitution(const std::vector<Token>& tokens, size_t i) {
  const Token& t = tokens[i];
  return t.IsWord() && !t.all_caps && WeakCapital(tokens, i) && t.text.size() >= 6 &&
         t.text.ends_with("ing") && t.text.find('-') == std::string_view::npos &&
         i + 1 < tokens.size() && IsInstitution(tokens[i + 1].text) && !IsKnownPlace(t.text) &&
         !MayStartOrganisation(t.text) && !IsFirstName(t.text);
}

// "City University Student Union", "Columbia University Medical Center": a
// body's name `s` that ends at a keyword inside `run`, and one or two
// capitalised words and another keyword right after it, are one name (not
// with a person's, a place's or a role's words or a verb between). Returns
// the end of the name: s.end when nothing joins.
size_t JoinNextBody(const std::vector<Token>& tokens, Span run, Span s) {
  // (Not in a headline, whose verbs are capitalised: "Senate Committee
  // Issues Revised Bank".)
  if (s.end >= run.end || tokens[s.begin].para == 0 || !IsOrgKeyword(tokens[s.end - 1].text)) {
    return s.end;
  }
  size_t j = s.end;
  while (j < run.end && j - s.end < 2 && tokens[j].IsWord() && !tokens[j].all_caps &&
         !IsOrgKeyword(tokens[j].text) && !IsRoleHead(tokens[j].text) &&
         !IsNameConnector(tokens[j].text) && !IsKnownPlace(tokens[j].text) &&
         !IsPersonalTitle(tokens[j].text) && !StartsPerson(tokens, j, run.end) &&
         !IsFiniteVerbWord(Lower(tokens[j].text))) {
    ++j;
  }
  if (j == s.end || j >= run.end || !tokens[j].IsWord() || tokens[j].all_caps ||
      !IsOrgKeyword(tokens[j].text) || IsLegalForm(tokens[j].text)) {
    return s.end;
  }
  size_t e = j + 1;
  while (e < run.end && tokens[e].IsWord() && IsOrgKeyword(tokens[e].text)) ++e;
  return ExtendRight(tokens, s.begin, e);
}

// A headline's verb, which no name before a keyword takes in: "United
// Medical Corp Sells Unit", "Texas American Bancshares To Sell Unit",
// "Rockwell Gets Navy Contract", "Versar Has U.S. Air Force Contract".
// Headlines only (the title, paragraph 0), where every word is capitalised;
// a closed list of the verbs of business headlines, in the present or after
// "To" ("New Plan Realty Trust", "Canada Post" and "Best Buy" are names),
// and the finite verbs that are no modals ("May Department Stores").
bool IsHeadlineVerb(const std::vector<Token>& tokens, size_t i) {
  static constexpr std::string_view kVerbs[] = {
      "sell", "buy", "get", "win", "form", "complete", "set", "sign", "add", "offer", "make",
      "join", "sue", "reject", "open", "close", "acquire", "seek", "oppose", "take", "see",
      "file", "raise", "name", "plan", "extend", "declare", "cut", "vote", "increase", "end",
      "start", "expect", "agree", "begin", "introduce", "hike", "receive", "change", "elect",
      "call", "launch", "unveil", "announce", "split", "cite", "expand", "adopt", "settle",
      "decline", "revise", "propose", "enter", "redeem", "register", "suspend", "repurchase",
      "approve", "warn", "request", "urge", "lift", "lower"};
  // Finite verbs that are no headline's: modals ("May Department Stores")
  // and "AM International Inc <Am>".
  static constexpr std::string_view kNotVerbs[] = {
      "may", "might", "can", "could", "will", "would", "shall", "should", "must", "am"};
  const Token& t = tokens[i];
  // (A verb that ends the headline is not one of the body's name:
  // "..., Banker Says" before "Swiss National Bank said".)
  if (t.para != 0 || !t.IsWord() || !t.cap || t.all_caps || i + 1 == tokens.size() ||
      tokens[i + 1].para != 0) {
    return false;
  }
  const std::string w = Lower(t.text);
  for (std::string_view v : kVerbs) {
    if (w == v) return i > 0 && tokens[i - 1].Is("To");
    if (w.starts_with(v) && (w.substr(v.size()) == "s" || w.substr(v.size()) == "es")) {
      return true;
    }
  }
  return w == "says" ||
         (IsFiniteVerbWord(w) && std::ranges::find(kNotVerbs, w) == std::end(kNotVerbs));
}

// "General Electric Co said", "First Boston Corp said", "Computer Horizons
// Corp said": at a sentence's start, the common word that opens a firm's
// name (another word and the keyword at `k` after it, a legal form at `k`
// or just after) is the name's, not the sentence's (not a word that opens
// sentences: "The Du Pont Co", "Today Exxon Corp", "Separately Exxon Corp",
// "Analysts Salomon Brothers Inc"). A role's word is a firm's here
// ("General Motors Corp"), and so is an ordinal.
bool OpensFirmName(const std::vector<Token>& tokens, Span run, size_t s, size_t k) {
  if (s + 1 >= k) return false;
  bool legal = false;
  for (size_t j = k; j < run.end && j <= k + 2 && tokens[j].IsWord(); ++j) {
    legal = legal || IsLegalForm(tokens[j].text);
  }
  if (!legal) return false;
  static constexpr std::string_view kOpeners[] = {
      "today", "yesterday", "tomorrow", "meanwhile", "earlier", "later", "also", "however",
      "still", "now", "then", "here", "there", "instead", "elsewhere", "overall", "former",
      "rival", "parent", "troubled", "ailing", "struggling", "embattled", "bankrupt", "called",
      "last", "next", "separately", "similarly", "additionally", "currently", "previously",
      "recently", "finally", "subsequently", "consequently", "initially", "officially", "unit",
      "subsidiary", "partner", "shareholder"};
  const std::string w = Lower(tokens[s].text);
  if (w == "first" || w == "second" || w == "third") return true;
  return !IsStopWord(w) && !IsFiniteVerbWord(w) && SpeechVerbKind(w) == SpeechVerb::kNone &&
         std::ranges::find(kOpeners, w) == std::end(kOpeners) &&
         !PeopleInThePlural(tokens[s].text);
}

// The organisation ending at keyword `k` (and any "of Y" after it) in `run`.
Span KeywordSpan(const std::vector<Token>& tokens, Span run, size_t from, size_t k) {
  size_t s = k;
  // An initial: a capital letter and its full stop, before the keyword.
  auto initial_at = [&](size_t i) {
    return i + 1 < k && tokens[i].IsWord() && tokens[i].text.size() == 1 && tokens[i].cap &&
           tokens[i + 1].Is(".");
  };
  // "George L. Pennock Trust": an initial's full stop inside the name.
  // (Not a compass point's, "S. African Reserve Bank", nor after "S and":
  // "rated A by S and P. Salomon Brothers Inc" ends a sentence.)
  auto initial_dot = [&](size_t i) {
    return i > from && i + 1 < k && initial_at(i - 1) && !IsNationality(tokens[i + 1].text) &&
           !IsKnownPlace(tokens[i + 1].text) &&
           !(i >= 3 && (tokens[i - 2].Is("and") || tokens[i - 2].Is("&")) &&
             tokens[i - 3].text.size() == 1);
  };
  while (s > from && (tokens[s - 1].IsWord() || initial_dot(s - 1)) &&
         (!IsRoleHead(tokens[s - 1].text) || tokens[s - 1].Is("New")) &&
         !IsCompoundAdjectiveOrContraction(tokens[s - 1].text) &&
         !(IsNationality(tokens[s - 1].text) && s != k) && !IsHeadlineVerb(tokens, s - 1)) {
    // "Tristan Smith of University College": an "of" belongs to the name
    // only after a keyword ("Bank of", "Organisation of").
    // (Nor does "for" after a common word in capitals inside a sentence:
    // "Cinema for Peace Foundation"; "Lawyers for Morton Thiokol Inc".)
    if (OfConnector(tokens[s - 1]) && s - 1 > from &&
        !IsOrgKeyword(tokens[s - 2].text) && !IsOrgHeadKeyword(tokens[s - 2].text) &&
        !(tokens[s - 1].Is("for") && tokens[s - 2].IsWord() && tokens[s - 2].cap &&
          !tokens[s - 2].sentence_start &&
          !tokens[s - 2].all_caps && IsCommonWordOrPlural(Lower(tokens[s - 2].text)) &&
          !IsRoleWord(tokens[s - 2].text) && !IsPersonalTitle(tokens[s - 2].text) &&
          !IsFirstName(tokens[s - 2].text))) {
      break;
    }
    --s;
  }
  // "Royal Saudi Air Force", "Royal Malaysian Air Force": a nationality
  // after "Royal" (one right before the keyword is taken above: "Royal Thai
  // Army").
  if (s >= from + 2 && s != k && IsNationality(tokens[s - 1].text) && tokens[s - 2].Is("Royal")) {
    s -= 2;
  }
  const size_t untrimmed = s;
  // A name with an initial in it is a person's: the initial and a word
  // before one stay ("A. H. Robins Co", "Guy F. Atkinson Co"), and the name
  // reaches no further left (below).
  bool initial = false;
  for (size_t i = s; i < k && !initial; ++i) initial = initial_at(i);
  while (s < k && !(initial && (initial_at(s) || initial_at(s + 1))) &&
         (IsNameConnector(tokens[s].text) ||
          ((OpensSentenceOnly(tokens, s, false) || GerundBeforeInstitution(tokens, s) ||
            (WeakCapital(tokens, s) && IsCommonWord(Lower(tokens[s].text)))) &&
           !(WeakCapital(tokens, s) && OpensFirmName(tokens, run, s, k)) &&
           !IsOrgHeadKeyword(tokens[s].text) &&
           // ("Mark IV Industries Inc" opening a sentence.)
           !(s + 1 < k && IsGenerationSuffix(tokens[s + 1].text))))) {
    ++s;
  }
  size_t e = k + 1;
  // (Not "of" after a legal form: "Cigra Inc of Chicago"; "GmbH und Co"
  // goes on.)
  if (e + 1 < run.end && tokens[e].IsWord() && IsNameConnector(tokens[e].text) &&
      !(IsClosingLegalForm(tokens[k].text) && OfConnector(tokens[e]))) {
    size_t f = e + 1;
    while (f < run.end && tokens[f].IsWord() &&
           (!IsRoleHead(tokens[f].text) || IsRoleDomain(tokens[f].text)) &&
           !(f > e + 1 && StartsPerson(tokens, f, run.end))) {
      ++f;
    }
    if (f < run.end && StartsPerson(tokens, f, run.end)) f = PersonStart(tokens, e + 1, f);
    if (f > e + 1) e = f;
  }
  while (e < run.end && tokens[e].IsWord() && IsOrgKeyword(tokens[e].text)) ++e;
  // A legal form further on ends the name: "Salomon Brothers International
  // Ltd", "Swiss Bank Corp International Ltd".
  for (size_t f = e; f < run.end && tokens[f].IsWord(); ++f) {
    if (IsLegalForm(tokens[f].text)) {
      e = f + 1;
      while (e < run.end && tokens[e].IsWord() && IsLegalForm(tokens[e].text)) ++e;
      f = e - 1;
    }
  }
  // Two or more keywords alone name nothing ("Industries Inc"): the
  // capitalised common words before them are the name ("Excel Industries
  // Inc" in a headline). (One keyword alone is not taken: "Maker Club" at
  // the start of a caption stays out.)
  auto keywords_only = [&](size_t first_word) {
    for (size_t j = first_word; j < e; ++j) {
      if (tokens[j].IsWord() && !IsOrgKeyword(tokens[j].text) && !IsNameConnector(tokens[j].text))
        return false;
    }
    return true;
  };
  if (s > untrimmed && e - s >= 2 && keywords_only(s)) {
    while (s > untrimmed && keywords_only(s)) --s;
  }
  // "University College London": a place right after the keyword.
  if (e + 1 == run.end && IsKnownPlace(tokens[e].text) && IsOrgKeyword(tokens[e - 1].text)) ++e;
  e = ExtendRight(tokens, s, e);
  e = ExtendCampus(tokens, s, e);
  // Left: "American Civil Liberties Union", "Securities and Exchange
  // Commission", "People's Liberation Army".
  if (s == run.begin && s > 0 && !(initial && tokens[s].text.size() == 1)) {
    s = ExtendLeft(tokens, s, k);
  }
  return {s, e};
}

// Words that open only the names of firms and bodies, in other languages.
bool OpensBodyName(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "Deutsche", "Banca",      "Banco",        "Caisse",     "Regie",       "Societe",
      "Société",  "Compagnie",  "Gruppo",       "Institut",   "Instituto",   "Istituto",
      "Université", "Universidad", "Universidade", "Universität", "Ministerio", "Ministère"};
  return std::ranges::find(kWords, w) != std::end(kWords);
}

// Bodies named by one common word, capitalised after "the": "the House",
// "the Army", "the Cabinet".
bool IsDefiniteInstitution(const std::vector<Token>& tokens, size_t i) {
  const Token& t = tokens[i];
  if (!(t.Is("House") || t.Is("Army") || t.Is("Navy") || t.Is("Cabinet") ||
        t.Is("Assembly") || t.Is("Senate") || t.Is("Parliament") || t.Is("Congress"))) {
    return false;
  }
  // "Senate Minority Leader", "Army colonel", "House Speaker".
  size_t r = i + 1;
  if (r < tokens.size() && (tokens[r].Is("Minority") || tokens[r].Is("Majority"))) ++r;
  if (r < tokens.size() && tokens[r].IsWord() && IsRoleWord(tokens[r].text) &&
      !IsRoleDomain(tokens[r].text)) {
    return true;
  }
  if (i + 1 < tokens.size() &&
      (tokens[i + 1].Is("of") || (tokens[i + 1].IsWord() && tokens[i + 1].cap))) {
    return false;
  }
  return i > 0 && tokens[i - 1].Is("the") && !t.sentence_start;
}

}  // namespace

bool CouldBeOrganisation(const std::vector<Token>& tokens, Span run) {
  if (run.empty() || run.size() > 4) return false;
  const Token& first = tokens[run.begin];
  if (IsPlaceOrNever(first.text) || IsUnnamedSource(first.text) || IsRoleWord(first.text) ||
      IsPersonalTitle(first.text) || IsFirstName(first.text) ||
      (run.size() == 1 && IsLegalForm(first.text))) {
    return false;
  }
  std::string text = SpanText(tokens, run);
  if (IsKnownPlace(text)) return false;
  if (IsCompoundAdjectiveOrContraction(tokens[run.end - 1].text)) return false;
  std::string lower = Lower(first.text);
  if (run.size() == 1 && !first.all_caps &&
      (IsCommonWord(lower) || (WeakCapital(tokens, run.begin) && lower.size() > 3 &&
                               lower.back() == 's' &&
                               IsCommonWord(lower.substr(0, lower.size() - 1))))) {
    return false;
  }
  if (run.size() > 1 && !IsOrgKeyword(tokens[run.end - 1].text)) return false;
  return true;
}

void FindOrganisations(const std::vector<Token>& tokens, const std::vector<Span>& runs,
                       OrgTable* orgs, std::vector<bool>* is_org) {
  std::unordered_set<std::string_view> terms = DefinedTerms(tokens);
  terms.merge(AcronymsAsNouns(tokens));
  std::optional<std::unordered_set<std::string_view>> surnames_seen;  // when first needed
  auto surnames = [&]() -> const std::unordered_set<std::string_view>& {
    if (!surnames_seen) surnames_seen = Surnames(tokens);
    return *surnames_seen;
  };
  std::optional<std::unordered_set<std::string_view>> person_surnames_seen;
  auto person_surnames = [&]() -> const std::unordered_set<std::string_view>& {
    if (!person_surnames_seen) person_surnames_seen = PersonSurnames(tokens);
    return *person_surnames_seen;
  };
  for (const Span& run : runs) {
    size_t i = run.begin;
    int last_entity = -1;
    size_t last_end = 0;
    size_t last_begin = 0;
    if (PlaceNamedBody(tokens, run)) {
      orgs->Add(SpanText(tokens, run), run.begin);
      Mark(is_org, run);
      continue;
    }
    while (i < run.end) {
      if (!tokens[i].IsWord() || IsNameConnector(tokens[i].text) || (*is_org)[i]) {
        ++i;
        continue;
      }
      // "UC Davis", "BFM TV", "CNN Philippines", "PLOS One": an acronym and
      // one more word.
      if (i == run.begin && run.size() == 2 && tokens[i].all_caps &&
          (Acronym(tokens[i]) || IsKnownOrganisation(tokens[i].text)) &&
          terms.count(tokens[i].text) == 0 && tokens[i + 1].IsWord() &&
          !IsRoleWord(tokens[i + 1].text) && !IsPersonalTitle(tokens[i + 1].text) &&
          !IsOrgKeyword(tokens[i + 1].text) &&
          (!IsNeverName(tokens[i + 1].text) || tokens[i + 1].Is("One")) &&
          !WeakCapital(tokens, i) &&
          // Not "NBA MVP", "FIDE Master", "NBA All-Star", "DRM I'm".
          (tokens[i + 1].Is("TV") || tokens[i + 1].Is("One") ||
           (!tokens[i + 1].all_caps && !IsCommonWord(Lower(tokens[i + 1].text)) &&
            tokens[i + 1].text.find_first_of("-'") == std::string_view::npos &&
            (tokens[i].text.find('.') != std::string_view::npos ||
             !surnames().count(tokens[i + 1].text))))) {
        last_entity = orgs->Add(SpanText(tokens, run), i);
        last_begin = i;
        last_end = run.end;
        Mark(is_org, run);
        i = run.end;
        continue;
      }
      // Longest gazetteer entry.
      size_t best = 0;
      OrgEntry entry;
      const bool may_start = MayStartOrganisation(tokens[i].text);
      for (size_t len = may_start ? std::min<size_t>(kMaxGazetteerWords * 2, run.end - i) : 0;
           len >= 1; --len) {
        if (!tokens[i + len - 1].IsWord()) continue;
        if (LookupOrganisation(SpanText(tokens, {i, i + len}), &entry)) {
          best = len;
          break;
        }
      }
      // A name that is also a word ("Guardian") counts only as a whole run
      // capitalised inside a sentence; one word after a first name is a
      // surname ("Harrison Ford").
      // "Republican Kevin McCarthy": also before a first name.
      bool before_person = best == 1 && i == run.begin && i + 1 < run.end &&
                           IsFirstName(tokens[i + 1].text);
      if (best > 0 && entry.common_word &&
          ((best != run.size() && !before_person) || WeakCapital(tokens, i) || (*is_org)[i])) {
        best = 0;
      }
      if (best == 1 && i > run.begin && IsFirstName(tokens[i - 1].text)) best = 0;
      // "CCTV captured their arrival": a listed name that is also a term in
      // capitals counts only where a cue or a verb of speech makes it a body
      // (FindCuedOrganisations, CompleteOrganisations).
      if (best == 1 && tokens[i].all_caps && IsNonOrgAcronym(tokens[i].text)) best = 0;
      // "Michael Bloomberg ... Bloomberg endorsed Joe Biden": alone, a
      // one-word name of the list that the article gives a person as a
      // surname is that person.
      if (best == 1 && run.size() == 1 && person_surnames().count(tokens[i].text)) best = 0;
      // "Amazon Environmental Research Institute": a keyword further on
      // makes the whole a name that starts with a gazetteer name.
      if (best > 0 && best < run.size()) {
        for (size_t k = i + best; k < run.end; ++k) {
          if (!tokens[k].IsWord() || IsRoleHead(tokens[k].text)) break;
          if (IsOrgKeyword(tokens[k].text) && !tokens[k].all_caps &&
              (k + 1 == run.end || IsRoleHead(tokens[k + 1].text))) {
            best = 0;
            break;
          }
        }
      }
      // "(United Arab) Emirates": the end of a place's name, which may begin
      // before the run ("Arab" is a nationality).
      for (size_t j = i; best > 0 && j > 0 && i - j < 4 && tokens[j - 1].IsWord() &&
                         tokens[j - 1].cap && tokens[j - 1].para == tokens[i].para;
           --j) {
        if (IsKnownPlace(SpanText(tokens, {j - 1, i + best}))) best = 0;
      }
      if (best > 0) {
        Span s{i, i + best};
        // A keyword right after extends it ("Reuters News Agency" stays whole).
        while (s.end < run.end && IsOrgKeyword(tokens[s.end].text)) ++s.end;
        // "Morgan Stanley and Co Inc": its legal form after "and".
        if (s.end == run.end && s.end + 1 < tokens.size() &&
            (tokens[s.end].Is("and") || tokens[s.end].Is("&")) &&
            tokens[s.end + 1].IsWord() && IsLegalForm(tokens[s.end + 1].text) &&
            tokens[s.end + 1].para == tokens[i].para) {
          s.end += 2;
          while (s.end < tokens.size() && tokens[s.end].IsWord() &&
                 IsLegalForm(tokens[s.end].text) && tokens[s.end].para == tokens[i].para) {
            ++s.end;
          }
        }
        // "Supreme Court of the United Kingdom", "Islamic State of Iraq and the Levant".
        if (best >= 2 || s.size() > best) s.end = ExtendRight(tokens, s.begin, s.end);
        // "University College London".
        if (s.end + 1 == run.end && IsOrgKeyword(tokens[s.end - 1].text) &&
            IsKnownPlace(tokens[s.end].text)) {
          ++s.end;
        }
        // "American Red Cross", "Chinese Communist Party": a nationality before
        // a name of two words or more, a country's own body of that name.
        if (best >= 2 && s.begin == run.begin && s.begin > 0) {
          const Token& p = tokens[s.begin - 1];
          if (p.IsWord() && p.cap && IsNationality(p.text) && p.para == tokens[i].para &&
              p.in_quote == tokens[i].in_quote && !(*is_org)[s.begin - 1]) {
            --s.begin;
          }
        }
        last_entity = orgs->Add(SpanText(tokens, s), s.begin);
        if (s.size() == best) last_entity = orgs->JoinGroup(last_entity, entry.group);
        last_end = s.end;
        last_begin = s.begin;
        Mark(is_org, s);
        i = s.end;
        continue;
      }
      // "Deutsche Bahn", "Banco Santander", "Institut National de Recherche
      // Biomédicale": a word that opens only firms' and bodies' names, and
      // the capitalised words after it.
      if (OpensBodyName(tokens[i].text) && i + 1 < run.end && tokens[i + 1].IsWord() &&
          (tokens[i + 1].cap || IsNameConnector(tokens[i + 1].text))) {
        // (Up to a verb of a headline: "Caisse Desjardins Brings Euroyen Bond".)
        auto headline_verb = [&](size_t j) {
          const std::string w = Lower(tokens[j].text);
          return !IsNameConnector(tokens[j - 1].text) && w.size() > 3 && w.back() == 's' &&
                 (IsCommonWord(std::string_view(w).substr(0, w.size() - 1)) ||
                  (w[w.size() - 2] == 'e' &&
                   IsCommonWord(std::string_view(w).substr(0, w.size() - 2))));
        };
        size_t e = i + 1;
        while (e < run.end && tokens[e].IsWord() && !IsRoleHead(tokens[e].text) &&
               !headline_verb(e)) {
          ++e;
        }
        // ... or to a keyword or legal form further on: "Deutsche Bank
        // Capital Markets Ltd".
        for (size_t j = e; j < run.end && tokens[j].IsWord() && !IsRoleHead(tokens[j].text); ++j) {
          if (IsOrgKeyword(tokens[j].text) || IsLegalForm(tokens[j].text)) e = j + 1;
        }
        while (e > i + 1 && IsNameConnector(tokens[e - 1].text)) --e;
        if (e > i + 1) {
          last_entity = orgs->Add(SpanText(tokens, {i, e}), i);
          last_begin = i;
          last_end = e;
          Mark(is_org, {i, e});
          i = e;
          continue;
        }
      }
      // Keyword patterns.
      auto is_keyword = [&](size_t j) {
        return tokens[j].IsWord() && !tokens[j].all_caps &&
               (IsOrgKeyword(tokens[j].text) || OfHead(tokens, run, j));
      };
      size_t k = i;
      while (k < run.end && !is_keyword(k)) ++k;
      Span s;
      size_t words = 0;
      while (k < run.end) {
        s = KeywordSpan(tokens, run, i, k);
        words = 0;
        for (size_t j = s.begin; j < s.end; ++j) words += tokens[j].IsWord();
        // "Energy Information Administration": a keyword alone ("Energy")
        // may start a name that a later keyword ends.
        if (words >= 2 || s.begin != k) break;
        size_t next = s.end;
        while (next < run.end && tokens[next].IsWord() && !IsRoleHead(tokens[next].text) &&
               !is_keyword(next)) {
          ++next;
        }
        if (next == s.end || next >= run.end || !is_keyword(next)) break;
        k = next;
      }
      if (k < run.end) {
        // A place named like a body ("Soviet Union") is not one, nor is a
        // president's or a country's government ("Reagan Administration",
        // "U.S. Administration"; "Veterans Administration" is a body).
        const bool government = words == 2 && s.size() == 2 &&
                                tokens[s.end - 1].Is("Administration") &&
                                !IsCommonWordOrPlural(Lower(tokens[s.begin].text));
        // "the Iowa Caucus", "2020 Nevada Caucuses": a state's vote, not a
        // caucus of members ("Congressional Black Caucus").
        const bool vote = tokens[s.end - 1].text.starts_with("Caucus") &&
                          IsKnownPlace(SpanText(tokens, {s.begin, s.end - 1}));
        // "the Republican Senate": a party's majority in the body, which is
        // named alone (and the party on its own, by
        // FindPartyAndLowerKeywordOrganisations).
        const bool party_majority = s.size() == 2 && !PartyStem(tokens[s.begin].text).empty() &&
                                    IsLegislature(tokens[s.begin + 1].text);
        if (party_majority) ++s.begin;
        // "Forms New Unit", "Sets Up Special Debt Commission", "To Sell
        // South African Unit": after a headline's verb, common words, places
        // and nationalities before a keyword describe a body and name none
        // (a listed name stays one: "Seeks World Bank Loan"; so do one with
        // a name's word, "Buys Nichols Bank", and a firm's with its legal
        // form, "Lowers Beneficial Corp Rating").
        bool described = false;
        if (s.begin > 0 && IsHeadlineVerb(tokens, s.begin - 1)) {
          size_t b = s.begin;
          while (b < s.end && (tokens[b].Is("Up") || tokens[b].Is("Back"))) ++b;
          described = b < s.end && !IsKnownOrganisation(SpanText(tokens, {b, s.end}));
          for (size_t j = b; j < s.end && described; ++j) {
            const Token& t = tokens[j];
            described = t.IsWord() && !IsLegalForm(t.text) &&
                        (IsCommonWordOrPlural(Lower(t.text)) || IsOrgKeyword(t.text) ||
                         IsKnownPlace(t.text) || IsNationality(t.text));
          }
          s.begin = b;
        }
        if (described) {
          i = s.end;
          continue;
        }
        if ((words >= 2 || party_majority) && !government && !vote &&
            (s.size() >= 2 || party_majority) && !IsKnownPlace(SpanText(tokens, s))) {
          // Acronyms inside the name are part of it only at its start.
          for (size_t j = i; j < s.begin; ++j) {
            if (Acronym(tokens[j])) {
              orgs->Add(std::string(tokens[j].text), j);
              (*is_org)[j] = true;
            }
          }
          s.end = JoinNextBody(tokens, run, s);
          // "the Hong Kong Police Headquarters", "the Legislative Council
          // Complex": a building named after the body, not the body.
          if (s.end < run.end && IsFacilityWord(tokens[s.end].text)) {
            i = s.end + 1;
            continue;
          }
          last_entity = orgs->Add(SpanText(tokens, s), s.begin);
          last_end = s.end;
          last_begin = s.begin;
          Mark(is_org, s);
          i = s.end;
          continue;
        }
      }
      if ((i == run.begin && IsDefiniteInstitution(tokens, i)) ||
          (run.size() == 1 && IsInstitution(tokens[i].text))) {
        last_entity = orgs->Add(std::string(tokens[i].text), i);
        last_end = i + 1;
        last_begin = i;
        (*is_org)[i] = true;
        ++i;
        continue;
      }
      // "Exxon Corp <XON>": a stock ticker, not a name.
      const bool ticker = i > 0 && i + 1 < tokens.size() && tokens[i - 1].Is("<") &&
                          tokens[i + 1].Is(">");
      // "C.L. Gammon", "E.F. Hutton": initials before a name are part of
      // it, no organisation of their own.
      const bool initials = tokens[i].text.find('.') != std::string_view::npos &&
                            i + 1 < run.end && tokens[i + 1].IsWord() &&
                            !tokens[i + 1].all_caps;
      if (((Acronym(tokens[i]) && terms.count(tokens[i].text) == 0 &&
            !WholeSentence(tokens, i) && !ticker && !initials && !Shouted(tokens, i)) ||
           (tokens[i].camel && run.size() == 1 && !IsNonOrgAcronym(tokens[i].text) &&
            !HasDigit(tokens[i].text))) &&
          !IsHandleOrLabel(tokens, i)) {
        last_entity = orgs->Add(std::string(tokens[i].text), i);
        last_end = i + 1;
        last_begin = i;
        (*is_org)[i] = true;
      }
      ++i;
    }
    // "Full Name (ACR)".
    size_t p = std::max(run.end, last_end);
    if (p + 2 < tokens.size() && tokens[p].Is("(") && tokens[p + 1].IsWord() &&
        tokens[p + 1].all_caps && tokens[p + 2].Is(")") &&
        !IsNonOrgAcronym(tokens[p + 1].text)) {
      std::string acr(tokens[p + 1].text);
      if (last_entity >= 0 && last_end == p) {
        if (!WiderName(tokens, {last_begin, last_end}, acr, orgs, last_entity, is_org)) {
          NameGrowsToAcronym(tokens, {last_begin, last_end}, acr, orgs, last_entity, is_org);
        }
        orgs->AddAlias(last_entity, acr);
        (*is_org)[p + 1] = true;
      } else if (run.size() >= 2 && Initials(tokens, run) == acr &&
                 !IsThingHead(tokens[run.end - 1].text) &&
                 // "Chief Medical Officer (CMO)", "International Master
                 // (IM)": a role's or a title's name.
                 !IsRoleHead(tokens[run.end - 1].text) && !tokens[run.end - 1].Is("Master")) {
        int id = orgs->Add(SpanText(tokens, run), run.begin);
        Mark(is_org, run);
        orgs->AddAlias(id, acr);
        (*is_org)[p + 1] = true;
      } else if (IsThingHead(tokens[run.end - 1].text)) {
        // "... Extensions (EME)": a thing's name, not a body's.
      } else if (const int id = NameBeforeAcronym(tokens, run, acr, orgs, is_org); id >= 0) {
        orgs->AddAlias(id, acr);
        (*is_org)[p + 1] = true;
      }
    }
  }
}

void CompleteOrganisations(const std::vector<Token>& tokens, const std::vector<Span>& runs,
                           const std::vector<Span>& subjects,
                           const std::vector<std::string>& person_words, OrgTable* orgs,
                           std::vector<bool>* is_org) {
  const std::unordered_set<std::string_view> person_word_set(person_words.begin(),
                                                             person_words.end());
  auto is_person_word = [&](std::string_view w) { return person_word_set.count(w) > 0; };
  for (const Span& s : subjects) {
    if (!(*is_org)[s.begin]) {
      orgs->Add(SpanText(tokens, s), s.begin);
      Mark(is_org, s);
    }
  }
  // Mentions of known organisations and aliases not marked yet.
  auto count_known = [&] {
    for (const Span& r : runs) {
      for (size_t i = r.begin; i < r.end; ++i) {
        if ((*is_org)[i] || !tokens[i].IsWord()) continue;
        if (WeakCapital(tokens, i) && IsCommonWord(Lower(tokens[i].text))) continue;
        if (orgs->Find(std::string(tokens[i].text)) >= 0) {
          orgs->Add(std::string(tokens[i].text), i);
          (*is_org)[i] = true;
        }
      }
    }
  };
  count_known();
  FindCuedOrganisations(tokens, runs, person_words, orgs, is_org);
  FindPartyAndLowerKeywordOrganisations(tokens, runs, person_words, orgs, is_org);
  auto lone = [&](Span r) {
    return r.size() == 1 && !is_person_word(tokens[r.begin].text) &&
           CouldBeOrganisation(tokens, r) && !IsFirstName(tokens[r.begin].text);
  };
  std::vector<Span> by_start(tokens.size(), Span{0, 0});
  std::vector<Span> by_end(tokens.size() + 1, Span{0, 0});
  for (const Span& r : runs) {
    by_start[r.begin] = r;
    by_end[r.end] = r;
  }
  auto add_run = [&](Span r) {
    if ((*is_org)[r.begin] || (*is_org)[r.end - 1]) return;
    orgs->Add(SpanText(tokens, r), r.begin);
    Mark(is_org, r);
  };
  for (size_t j = 1; j + 1 < tokens.size(); ++j) {
    // "Facebook's WhatsApp": both are organisations.
    if (tokens[j].kind == TokenKind::kPossessive) {
      Span x = by_end[j];
      Span y = by_start[j + 1];
      if (x.empty()) continue;
      bool x_org = (*is_org)[x.end - 1];
      // The owner may start a firm's name: no organisation found yet, a
      // short name that is no person's and no place.
      const bool x_may_name_firm = !x_org && x.size() <= 3 &&
                                   !is_person_word(tokens[x.end - 1].text) &&
                                   !IsFirstName(tokens[x.begin].text) &&
                                   !IsKnownPlace(SpanText(tokens, x));
      // "Albertson's Inc": a possessive and a legal form are one company.
      if (!y.empty() && y.size() == 1 && IsLegalForm(tokens[y.begin].text) && x_may_name_firm &&
          !(*is_org)[y.begin]) {
        Span whole{x.begin, y.end};
        // "Standard and Poor's Corp".
        if (x.begin >= 2 && tokens[x.begin - 1].Is("and") && !by_end[x.begin - 1].empty() &&
            by_end[x.begin - 1].size() <= 3 && !(*is_org)[x.begin - 2]) {
          whole.begin = by_end[x.begin - 1].begin;
        }
        add_run(whole);
        continue;
      }
      // "Moody's Investors Service Inc": a name's possessive before a firm
      // named with common words is the start of the firm's name.
      if (!y.empty() && (*is_org)[y.begin] && x_may_name_firm && x.size() == 1 &&
          !IsKnownOrganisation(tokens[x.begin].text) && !tokens[y.begin].all_caps &&
          IsCommonWordOrPlural(Lower(tokens[y.begin].text)) && IsLegalForm(tokens[y.end - 1].text)) {
        if (const int e = orgs->Find(SpanText(tokens, y)); e >= 0) {
          orgs->Rename(e, SpanText(tokens, {x.begin, y.end}), x.begin);
          Mark(is_org, x);
          continue;
        }
      }
      if (!y.empty() && lone(y) && (x_org || lone(x)) && !tokens[y.begin].all_caps) {
        if (!x_org) add_run(x);
        add_run(y);
      }
    }
    // "companies such as X, Y and Z" / "organisations like X".
    if (tokens[j].IsWord() && !tokens[j].cap && IsOrgClassNoun(tokens[j].text)) {
      size_t k = j + 1;
      if (k < tokens.size() && (tokens[k].Is("like") || tokens[k].Is("including"))) {
        ++k;
      } else if (k + 1 < tokens.size() && tokens[k].Is("such") && tokens[k + 1].Is("as")) {
        k += 2;
      } else {
        continue;
      }
      if (k < tokens.size() && !by_start[k].empty() && lone(by_start[k])) add_run(by_start[k]);
    }
  }
  // Lists: "Google, Microsoft, Facebook and Twitter": one organisation makes
  // the lone names around it organisations too.
  for (size_t a = 0; a < runs.size();) {
    size_t b = a;
    while (b + 1 < runs.size()) {
      size_t gap = runs[b].end;
      size_t next = runs[b + 1].begin;
      bool joined = next == gap + 1 &&
                    (tokens[gap].Is(",") || tokens[gap].Is("and") || tokens[gap].Is("or"));
      joined = joined || (next == gap + 2 && tokens[gap].Is(",") &&
                          (tokens[gap + 1].Is("and") || tokens[gap + 1].Is("or")));
      if (!joined) break;
      ++b;
    }
    if (b > a) {
      bool any_org = false, all_ok = true;
      for (size_t r = a; r <= b; ++r) {
        bool org = (*is_org)[runs[r].begin] && (*is_org)[runs[r].end - 1];
        any_org = any_org || org;
        if (!org && !lone(runs[r])) all_ok = false;
      }
      if (any_org && all_ok) {
        for (size_t r = a; r <= b; ++r) add_run(runs[r]);
      }
    }
    a = b + 1;
  }
  // "Met Commissioner" after "Metropolitan Police": a short form of the first
  // word of a known organisation, used with an organisation or role word.
  // The entities' first words (of names of two words or more) in order, so
  // that the names a word begins are found by a binary search, not a walk
  // over all of them per run. (An alias below that merges two entities may
  // swap their names; the index keeps the names they had.)
  const std::vector<Entity>& ents = orgs->entities();
  std::vector<std::pair<std::string, int>> first_words;
  for (size_t e = 0; e < ents.size(); ++e) {
    const size_t sp = ents[e].name.find(' ');
    if (sp != std::string::npos) {
      first_words.emplace_back(ents[e].name.substr(0, sp), static_cast<int>(e));
    }
  }
  std::sort(first_words.begin(), first_words.end());
  for (const Span& r : runs) {
    if (r.size() < 2 || (*is_org)[r.begin]) continue;
    const Token& t = tokens[r.begin];
    const Token& n = tokens[r.begin + 1];
    if (t.text.size() < 3 || t.all_caps || !(IsRoleWord(n.text) || IsOrgKeyword(n.text))) continue;
    // The first entity whose first word is longer than `t` and starts with it.
    int found = -1;
    auto before = [](const auto& fw, std::string_view w) { return fw.first < w; };
    for (auto it = std::lower_bound(first_words.begin(), first_words.end(), t.text, before);
         it != first_words.end() && it->first.starts_with(t.text); ++it) {
      if (it->first.size() > t.text.size() && (found < 0 || it->second < found)) found = it->second;
    }
    if (found < 0) continue;
    if (IsOrgKeyword(n.text)) {  // "Met Police"
      orgs->AddAlias(found, SpanText(tokens, {r.begin, r.begin + 2}));
    }
    orgs->AddAlias(found, std::string(t.text));
    orgs->Add(std::string(t.text), r.begin);
    (*is_org)[r.begin] = true;
  }
  count_known();
  // An acronym that the article defines as a term or a place's initials, or
  // uses as a common noun ("the two PIs"), is no body, whichever cue named
  // it ("the DMCA notice said").
  std::unordered_set<std::string_view> terms = DefinedTerms(tokens, /*named_things=*/false);
  terms.merge(AcronymsAsNouns(tokens));
  for (size_t e = 0; e < ents.size(); ++e) {
    if (!terms.contains(ents[e].name)) continue;
    for (size_t n = ents[e].mentions; n > 0; --n) orgs->Unmention(static_cast<int>(e));
  }
  orgs->MergeShortForms();
}

}  // namespace newsarc::internal
