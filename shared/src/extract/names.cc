#include "extract/names.h"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "ascii.h"
#include "stop_words.h"

namespace newsarc::internal {
namespace {

bool IsPostNominal(std::string_view w) {
  static constexpr std::string_view kPost[] = {"QC", "KC", "MP", "MSP", "MEP", "OBE", "MBE",
                                               "CBE", "KBE", "PhD", "MD", "Esq"};
  for (auto p : kPost) {
    if (w == p) return true;
  }
  return false;
}

// Kinds of storm, as they stand before a storm's name (not "Storm" alone,
// which is also a first name: "Storm Reid").
bool IsStormWord(const std::vector<Token>& tokens, size_t i) {
  static constexpr std::string_view kWords[] = {"Typhoon", "Hurricane", "Cyclone",
                                                "TYPHOON", "HURRICANE", "CYCLONE"};
  if (std::ranges::find(kWords, tokens[i].text) != std::end(kWords)) return true;
  return tokens[i].Is("Storm") && i > 0 &&
         (tokens[i - 1].Is("Tropical") || tokens[i - 1].Is("Winter"));
}

// Last words of place and building names: "Santa Cruz Island".
bool IsPlaceNoun(std::string_view w) {
  static constexpr std::string_view kPlace[] = {
      "Island", "Islands", "Bay", "River", "Lake", "Mount", "Mountain", "Mountains", "Valley",
      "County", "Street", "Road", "Avenue", "Square", "Station", "Airport",
      "Beach", "Peninsula", "Province", "District", "Region", "Oceanography", "Sea",
      "Ocean", "Gulf", "Strait", "Canyon", "Desert", "Forest", "Cathedral", "Mosque", "Stadium",
      "Arena", "Hotel", "Palace", "Center", "Centre", "Museum", "Market", "Plaza", "Harbour",
      "Harbor", "Refuge", "Reserve", "Park", "Summit"};
  for (auto p : kPlace) {
    if (w == p) return true;
  }
  return false;
}

bool IsRunWord(const std::vector<Token>& tokens, size_t i) {
  const Token& t = tokens[i];
  if (!t.IsWord() || !(t.cap || t.all_caps)) return false;
  // "Eugene A. Gordon", "Thomas I. Smith": an initial, not the article or
  // the pronoun, when a capitalised word follows its full stop.
  if (t.text.size() == 1 && i + 2 < tokens.size() && tokens[i + 1].Is(".") &&
      tokens[i + 2].IsWord() && tokens[i + 2].cap) {
    return true;
  }
  // "WHO" in capitals is the World Health Organization, not the pronoun.
  if (t.all_caps && IsKnownOrganisation(t.text)) return true;
  if (IsNeverName(t.text)) {
    // "British Airways": a nationality opens an organisation name.
    if (IsNationality(t.text) && i + 1 < tokens.size() && tokens[i + 1].IsWord() &&
        IsOrgKeyword(tokens[i + 1].text)) {
      return true;
    }
    // ... and goes on in the name after a keyword's "of" when a name's word
    // follows, or "and" and one: "Congress of South African Trade Unions",
    // "League of United Latin American Citizens", "Group of Latin American
    // and Caribbean Sugar Exporting Countries" (not past a possessive: "the
    // Bank of Japan's Japanese staff").
    size_t next = i + 1;
    if (next + 1 < tokens.size() && (tokens[next].Is("and") || tokens[next].Is("&"))) ++next;
    if (IsNationality(t.text) && next < tokens.size() && tokens[next].IsWord() &&
        tokens[next].cap && !tokens[next].all_caps && !tokens[next].sentence_start &&
        tokens[next].para == t.para &&
        (!IsNeverName(tokens[next].text) || IsNationality(tokens[next].text))) {
      size_t of = i;
      while (of >= 2 && i - of < 3 && tokens[of - 1].IsWord() && tokens[of - 1].cap &&
             !tokens[of - 1].sentence_start && tokens[of - 1].para == t.para &&
             (!IsNeverName(tokens[of - 1].text) || IsNationality(tokens[of - 1].text))) {
        --of;
      }
      if (of >= 2 && tokens[of - 1].Is("of") && tokens[of - 2].IsWord() && tokens[of - 2].cap &&
          tokens[of - 2].para == t.para && IsOrgKeyword(tokens[of - 2].text)) {
        return true;
      }
    }
    // ... and a court's district: "the Western District of Texas".
    if (IsCourtDistrict(tokens, i + 1)) return true;
    // ... and goes on one after "Royal": "Royal Saudi Air Force".
    if (IsNationality(t.text) && i > 0 && tokens[i - 1].Is("Royal") && i + 1 < tokens.size() &&
        tokens[i + 1].IsWord() && tokens[i + 1].cap) {
      return true;
    }
    // "Amazon Web Services": between a name and a keyword, a word such as
    // "Web" is part of the name.
    // (Not a function word of a headline: "Sell Another Bank", "Tokyo Via
    // Bank".)
    static constexpr std::string_view kFunctionWords[] = {
        "another", "despite", "via", "related", "upon", "onto", "per", "among", "however",
        "although", "though", "meanwhile", "according", "following", "without", "since"};
    if (i > 0 && i + 1 < tokens.size() && tokens[i - 1].IsWord() && tokens[i - 1].cap &&
        !IsNeverName(tokens[i - 1].text) && tokens[i + 1].IsWord() && tokens[i + 1].cap &&
        IsOrgKeyword(tokens[i + 1].text) && t.text.size() > 2) {
      const std::string lower = Lower(t.text);
      if (!IsStopWord(lower) &&
          std::ranges::find(kFunctionWords, lower) == std::end(kFunctionWords)) {
        return true;
      }
    }
    // "First Boston Corp", "First National Bank": so does an ordinal.
    // ("First Philippine Capital Fund"; not in a headline's capitals: "Danske
    // Bank Is First Danish Bank To Issue CDs".)
    if (t.Is("First") || t.Is("Second") || t.Is("Third")) {
      for (size_t j = i + 1; j < tokens.size() && j <= i + 3 && tokens[j].IsWord() &&
                             tokens[j].cap &&
                             (!IsNeverName(tokens[j].text) ||
                              (IsNationality(tokens[j].text) && t.para != 0));
           ++j) {
        if (IsOrgKeyword(tokens[j].text)) return true;
      }
    }
    return false;
  }
  return true;
}

// "Stephen King", "John Major", "Erik Prince": a first name of the lists
// (not a common word opening a sentence: "Will", "Bill") and a role or
// title as its surname, the two a run of their own.
bool RoleAsSurname(const std::vector<Token>& tokens, Span name) {
  if (name.size() != 2) return false;
  const Token& first = tokens[name.begin];
  const Token& last = tokens[name.end - 1];
  return first.IsWord() && last.IsWord() && !first.all_caps && !last.all_caps &&
         IsFirstName(first.text) &&
         (!WeakCapital(tokens, name.begin) || !IsCommonWord(Lower(first.text))) &&
         (IsRoleWord(last.text) || IsPersonalTitle(last.text)) && !IsOrgKeyword(last.text) &&
         (name.begin == 0 || !tokens[name.begin - 1].IsWord() || !tokens[name.begin - 1].cap) &&
         (name.end == tokens.size() || !tokens[name.end].IsWord() || !tokens[name.end].cap);
}

// "of", "for", "on", "upon", "&": a connector that joins a person to a body
// or a place ("Hassan Rouhani of Iran"), or the words of a body's name.
bool IsBodyConnector(std::string_view w) {
  return w == "of" || w == "for" || w == "on" || w == "upon" || w == "&";
}

// True if token `i` of the name [b, e) is a particle of its surname, before
// a capitalised word: a connector of names that is not one of bodies (nor
// "und"); if firms' names use it too ("de", "du", "del", "la", ...), after a
// first name of the lists only.
bool IsSurnameParticle(const std::vector<Token>& tokens, size_t b, size_t i, size_t e) {
  const std::string_view w = tokens[i].text;
  if (!IsNameConnector(w) || IsBodyConnector(w) || w == "und") return false;
  static constexpr std::string_view kPeopleOnly[] = {"van", "von", "der", "den", "ter", "vom",
                                                     "zu",  "dela", "bin", "ibn", "al",  "el"};
  if (std::ranges::find(kPeopleOnly, w) == std::end(kPeopleOnly) &&
      !IsLikelyFirstName(tokens[b].text)) {
    return false;
  }
  size_t rest = i + 1;
  while (rest < e && !tokens[rest].cap) ++rest;  // "de la"
  return rest < e;
}

// "al-Assad", "el-Sisi", "bin-Salman": a lower-case particle joined to a
// capitalised name continues a person's name.
bool IsParticleName(const Token& t) {
  if (!t.IsWord() || t.cap) return false;
  std::string_view w = t.text;
  size_t h = w.find('-');
  if (h == 0 || h > 3 || h + 1 >= w.size()) return false;
  return w[h + 1] >= 'A' && w[h + 1] <= 'Z';
}

// True if no capitalised word follows token `e`: a word capitalised inside a
// sentence is then no part of a title in title case ("Ask Martin How To
// Win", "Trump One Step Closer").
bool NoCapitalAfter(const std::vector<Token>& tokens, size_t e) {
  return e + 1 == tokens.size() || !tokens[e + 1].IsWord() || !tokens[e + 1].cap;
}

// "said Royal Society Research Fellow Martin How.": a function word that is
// never a name on its own ends a person's name right after a first name,
// when it is capitalised inside a sentence and no capitalised word follows
// (in title case, "Ask Martin How To Win", every word is capitalised).
bool FunctionWordSurname(const std::vector<Token>& tokens, size_t e) {
  const Token& t = tokens[e];
  if (e == 0 || !t.IsWord() || !t.cap || t.all_caps || t.sentence_start || t.text.size() < 3 ||
      !tokens[e - 1].IsWord() || !IsFirstName(tokens[e - 1].text) || !IsNeverName(t.text) ||
      !IsStopWord(Lower(t.text))) {
    return false;
  }
  return NoCapitalAfter(tokens, e);
}

// A lower-case noun for a person: a role, a relation or one of the common
// nouns news uses for people ("a student named Wong").
bool IsPersonNoun(const Token& t) {
  static constexpr std::string_view kNouns[] = {
      "man", "woman", "boy", "girl", "person", "child", "student", "resident", "protester",
      "protestor", "teenager", "victim", "worker", "witness", "passenger", "survivor", "pilot",
      "driver", "soldier", "refugee", "farmer", "doctor", "nurse", "user", "fan", "villager",
      "citizen", "teacher", "volunteer", "neighbour", "neighbor", "supporter", "voter",
      "customer", "patient"};
  return t.IsWord() && !t.cap &&
         (IsRoleWord(t.text) || IsKinNoun(t.text) ||
          std::ranges::find(kNouns, t.text) != std::end(kNouns));
}

// "15-year-old", "Fourteen-year-old": an age before a person's name.
bool IsAgeWord(const Token& t) {
  constexpr std::string_view kAge = "-year-old";
  return t.IsWord() && t.text.size() > kAge.size() && t.text.ends_with(kAge);
}

// A lower-case noun that heads a description of the person named right after
// it: a role that is only a noun ("president", not "official", "lead" or
// "first"), a relation or another noun for a person ("student"), or an agent
// noun of six letters or more in -ist or -ian ("scientist", "historian").
bool DescribesPerson(const Token& t) {
  if (!t.IsWord() || t.cap) return false;
  if (IsDescriptionHead(t.text) || (IsPersonNoun(t) && !IsRoleWord(t.text))) return true;
  if (t.text.size() < 6) return false;
  return t.text.ends_with("ist") || t.text.ends_with("ian");
}

// "PLOS One", "Formula One", "Air Force One": "One" capitalised inside a
// sentence of the body ends the name before it, unless a capitalised word
// follows ("Trump One Step Closer" of a headline in title case).
bool NameEndingOne(const std::vector<Token>& tokens, size_t e) {
  const Token& t = tokens[e];
  return t.Is("One") && !t.sentence_start && t.para != 0 && NoCapitalAfter(tokens, e);
}

bool SameContext(const Token& a, const Token& b) {
  return a.para == b.para && a.in_quote == b.in_quote;
}

// A role in lower case that heads a description of one person ("the Turkish
// president Erdoğan").
bool IsLowerCaseHeadRole(const Token& t) {
  return t.IsWord() && !t.cap && IsDescriptionHead(t.text);
}

// (An abbreviated title only: "Dr.", "Gen.", "Mrs."; "Justice." and
// "Father." end a sentence: "... the Department of Justice. Kerri Kupec".)
bool IsTitleDot(const std::vector<Token>& tokens, size_t i) {
  if (i == 0 || i + 1 >= tokens.size() || !tokens[i].Is(".")) return false;
  const Token& prev = tokens[i - 1];
  return prev.IsWord() &&
         (IsAbbreviatedTitle(prev.text) || (prev.text.size() == 1 && prev.cap));
}

}  // namespace

bool IsCourtDistrict(const std::vector<Token>& tokens, size_t k) {
  if (k == 0 || k + 1 >= tokens.size() || !tokens[k].Is("District")) return false;
  const Token& p = tokens[k - 1];
  return (p.Is("Eastern") || p.Is("Western") || p.Is("Northern") || p.Is("Southern") ||
          p.Is("Middle") || p.Is("Central")) &&
         tokens[k + 1].Is("of");
}

bool IsGenerationSuffix(std::string_view w) {
  return w == "Jr" || w == "Sr" || w == "II" || w == "III" || w == "IV";
}

bool WeakCapital(const std::vector<Token>& tokens, size_t i) {
  if (tokens[i].sentence_start) return true;
  // (Also an interview's answer after its speaker's label: "((Akram Pasha))
  // Regarding Ashodaya?".)
  if (i > 1 && tokens[i - 1].Is(")") && tokens[i - 2].Is(")")) return true;
  return i > 0 && tokens[i - 1].kind == TokenKind::kOpenQuote;
}

bool OpensSentenceOnly(const std::vector<Token>& tokens, size_t i, bool verb_forms) {
  if (!tokens[i].IsWord() || !WeakCapital(tokens, i) || IsFirstName(tokens[i].text)) return false;
  const std::string lower = Lower(tokens[i].text);
  if (IsStopWord(lower) || IsFiniteVerbWord(lower) || SpeechVerbKind(lower) != SpeechVerb::kNone) {
    return true;
  }
  return verb_forms && (IsIrregularWordForm(lower) || IsVerbFormOfCommonWord(lower));
}

std::vector<Span> CapitalisedRuns(const std::vector<Token>& tokens) {
  std::vector<Span> runs;
  size_t i = 0;
  const size_t n = tokens.size();
  while (i < n) {
    // Months are names only inside a run ("Theresa May").
    if (!IsRunWord(tokens, i) || tokens[i].Is("May") || tokens[i].Is("March")) {
      ++i;
      continue;
    }
    size_t e = i + 1;
    for (;;) {
      if (e < n && SameContext(tokens[e], tokens[i]) && !tokens[e].sentence_start &&
          (IsRunWord(tokens, e) || (tokens[e].IsWord() && tokens[e].cap &&
                                    (tokens[e].Is("May") || tokens[e].Is("March") ||
                                     tokens[e].Is("News"))) ||  // "Sky News"
           // "Sandra Day O'Connor", "James Day": a surname after a first name.
           (tokens[e].Is("Day") && IsLikelyFirstName(tokens[e - 1].text)) ||
           IsParticleName(tokens[e]) || FunctionWordSurname(tokens, e) ||
           NameEndingOne(tokens, e))) {
        ++e;
        continue;
      }
      // Connectors and title dots only between run words.
      size_t k = e;
      while (k < n && k < e + 3 && SameContext(tokens[k], tokens[i]) &&
             ((tokens[k].IsWord() && IsNameConnector(tokens[k].text)) || IsTitleDot(tokens, k))) {
        ++k;
      }
      if (k > e && k < n && SameContext(tokens[k], tokens[i]) && IsRunWord(tokens, k) &&
          !tokens[k].sentence_start) {
        e = k + 1;
        continue;
      }
      break;
    }
    runs.push_back({i, e});
    i = e;
  }
  return runs;
}

std::string SpanText(const std::vector<Token>& tokens, Span span) {
  std::string out;
  if (span.empty()) return out;
  const char* b = tokens[span.begin].text.data();
  const char* e = tokens[span.end - 1].text.data() + tokens[span.end - 1].text.size();
  std::string_view raw(b, static_cast<size_t>(e - b));
  bool space = false;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    if (raw.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’ -> '
      out.push_back('\'');
      i += 2;
      continue;
    }
    out.push_back(c);
  }
  return out;
}

namespace {

// "Kanye West", "Cornel West": common words that are also common surnames.
// Last in a name of two words whose first is a name but on no list of first
// names, they make a person's name all the same. Not the words of this kind
// that end firms' names as often ("Nippon Steel", "General Mills", "Kansai
// Power", "Homestake Gold", "Forstmann Little"), nor those that end the names
// of buildings, streets and days ("Bontddu Hall", "Drury Lane", "Anzac Day").
bool IsCommonWordSurname(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "West", "Brown", "Green", "White", "Black", "Young", "Long", "Rice", "Bush", "Gray", "Grey",
      "Bell", "Cook", "Hunt", "Ward", "Fox", "Strong", "Sharp", "Swift", "Wise", "Knight", "Lamb",
      "Nash", "Reed", "Wolf", "Moss", "Brooks", "Walker", "Baker", "Carter", "Cooper", "Turner",
      "Parker", "Porter", "Potter", "Mason", "Miller", "Fisher", "Hunter", "Taylor", "Butler",
      "Foster", "Harper", "Gardner", "Weaver", "Singer", "Glover", "Tanner", "Booth", "Page",
      "Rose", "Hope", "Peace", "Rich", "Cash", "Bishop", "Shepherd"};
  return std::ranges::find(kWords, w) != std::end(kWords);
}

// "Broadcaster Piers Morgan", "Ecologist Ryan Norris", "Philosopher Cornel
// West", "Rapper Kanye West", "Pianist Zorvan Quillet": a sentence that
// opens with an agent noun (-er, -or, -ist, -ian, of six letters or more)
// before exactly two more words, capitalised, neither of them a common word
// (but a common surname last), a keyword or a place, when the first names
// the lists hold do not tell ("Piers", "Ryan", "Cornel"). Not a first name
// or a surname of its own ("Spencer", "Julian", "Miller", "Porter").
bool AgentNounOpening(const std::vector<Token>& tokens, size_t i, size_t end) {
  if (i + 3 != end || !WeakCapital(tokens, i)) return false;
  const std::string lower = Lower(tokens[i].text);
  bool agent = false;
  for (std::string_view suffix : {"er", "or", "ist", "ian"}) {
    agent = agent || (lower.size() >= 6 && lower.ends_with(suffix));
  }
  if (!agent || IsKnownPlace(tokens[i].text) || IsFirstName(tokens[i].text) ||
      IsCommonWordSurname(tokens[i].text))
    return false;
  for (size_t k = i + 1; k < end; ++k) {
    const Token& t = tokens[k];
    if (!t.IsWord() || !t.cap || t.all_caps ||
        (IsCommonWord(Lower(t.text)) && !(k + 1 == end && IsCommonWordSurname(t.text))) ||
        IsOrgKeyword(t.text) || IsKnownPlace(t.text)) {
      return false;
    }
  }
  return true;
}

// Role words that only qualify a role ("Federal Judge", "First Lady",
// "National Security Adviser"): alone before a name they make no role.
bool QualifiesRoleOnly(std::string_view w) {
  static constexpr std::string_view kWords[] = {"Federal", "National", "First", "Grand",
                                                "Supreme", "Regional", "Crown", "State"};
  return std::ranges::find(kWords, w) != std::end(kWords);
}

// "Vice Presidents": a role's plural.
bool IsRolePlural(std::string_view w) {
  return w.size() > 3 && w.back() == 's' && IsRoleWord(w.substr(0, w.size() - 1));
}

// Words that end a firm's name but, unlike the organisation keywords, also
// stand in names of other things ("Baghdad International" airport, the
// "Securities and Exchange Commission"): no person's name ends with them
// ("lead manager Warburg Securities said", "Morgan Stanley International",
// "Phillips Petroleum said"). Not words that are also surnames (Steel,
// Mills).
bool EndsFirmName(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "Securities", "International", "Capital", "Markets", "Financial", "Finance", "Guaranty",
      "Petroleum", "Oil", "Chemical", "Chemicals", "Electric", "Resources", "Insurance",
      "Savings", "Commodities", "Products", "Foods", "Realty", "Properties", "Shipping",
      "Mining", "Hydro", "Exploration", "Healthcare", "Automation", "Acquisition", "Seaway",
      "Index", "Bancshares", "Bankshares", "Equities", "Futures", "Brokerage", "Co-op",
      "Semiconductor", "Management", "Manufacturing", "Cement", "Motors",
      "Airlines", "Airways", "Pharmaceuticals", "Pharmaceutical", "Electronics", "Textiles",
      "Utilities", "Telecommunications", "Computers", "Software", "Bancorp", "Bancorporation",
      "Associates", "Brands", "Gas", "Works", "Trucks", "Storage", "Investors", "Credit",
      "RentCorp", "Guaranteed", "Mines", "Chemie"};
  return std::ranges::find(kWords, w) != std::end(kWords);
}

// Words of firms' names in other languages, and legal forms in mixed case,
// that no person's name holds anywhere ("Westdeutsche Landesbank
// Girozentrale", "Banca Commerciale Italiana", "Outokumpu Oy", "Henkel
// KGaA").
bool IsFirmWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "Banca", "Banco", "Gruppo", "Caisse", "Regie", "Cie", "Compagnie", "Landesbank",
      "Girozentrale", "Societe", "Société", "Norske", "Oy", "Oyj", "KGaA", "SpA", "Ltda",
      "Aktiengesellschaft", "Kabushiki", "Kaisha", "Deutsche", "Nationale", "Nazionale",
      "Generale", "Centrale", "Financiere", "Spa", "Industria",
      // Courts, parliaments and ministries: "Oberster Gerichtshof".
      "Gerichtshof", "Bundesgerichtshof", "Verfassungsgericht", "Bundesverfassungsgericht",
      "Gericht", "Bundestag", "Bundesrat", "Landtag", "Ministerium", "Bundesministerium",
      "Ministerio", "Tribunale", "Tribunal", "Cour", "Corte", "Conseil", "Consejo", "Consiglio",
      "Assemblée", "Asamblea", "Cámara", "Sejm", "Knesset", "Verkhovna", "Rada",
      // Newspapers: "Gazeta Wyborcza", "Corriere della Sera".
      "Gazeta", "Gazzetta", "Zeitung", "Corriere", "Diario", "Jornal", "Folha", "Dagblad",
      "Kurier", "Nachrichten", "Rundschau", "Izvestia", "Quotidien", "Wyborcza",
      // "Ente Nazionali Idrocarburi", "Schweizerischer Hypothekarinstitute".
      "Ente", "Nazionali", "Idrocarburi", "Schweizerischer", "Schweizerische", "Industriale",
      "Raffinerie", "Bankasi", "Banken", "Fondkommission", "Finanziaria", "Meridionale",
      "Centrais", "Eletricas", "Electricas", "Mexicana", "Siderurgica", "Kogyo", "Kagaku",
      "Sangyo", "Seiyaku", "Ginko", "Shoken", "Denki", "Jidosha", "Seisakusho",
      "Kensetsu", "Boeki", "Kaiun", "Tekko"};
  return std::ranges::find(kWords, w) != std::end(kWords);
}

// The end of the longest known place of up to three words that starts at
// `begin` and ends before `end`, or `begin` if none does.
size_t PlaceEnd(const std::vector<Token>& tokens, size_t begin, size_t end) {
  for (size_t e = std::min(end, begin + 3); e > begin; --e) {
    bool words = true;
    for (size_t k = begin; k < e; ++k) words &= tokens[k].IsWord() && tokens[k].cap;
    if (words && IsKnownPlace(SpanText(tokens, {begin, e}))) return e;
  }
  return begin;
}

}  // namespace

// "Amber Rudd", "Crystal Smith", "Chase Elliott": a first name of the
// census's lists of men's or women's names that is also an English word (so
// on neither list of first names that tell a name by themselves), before
// exactly one more word, a surname: capitalised, no common word (but a
// common surname), keyword, place or organisation ("Crystal Palace", "Chase
// Manhattan", "Ruby Tuesday" are no people).
bool WordFirstNameAndSurname(const std::vector<Token>& tokens, size_t given, size_t end) {
  if (given + 2 != end) return false;
  const Token& first = tokens[given];
  const Token& last = tokens[given + 1];
  if (!first.IsWord() || !first.cap || first.all_caps || !IsCommonWord(Lower(first.text)) ||
      FirstNameGender(first.text) == Gender::kUnknown) {
    return false;
  }
  if (!last.IsWord() || !last.cap || last.all_caps || last.text.size() < 2 ||
      HasDigit(last.text) || IsOrgKeyword(last.text) || EndsFirmName(last.text) ||
      IsFirmWord(last.text) || IsKnownPlace(last.text) || IsKnownOrganisation(last.text) ||
      IsRoleWord(last.text) || IsPersonalTitle(last.text) || last.text.ends_with("ics") ||
      last.text.find('-') != std::string_view::npos) {
    return false;  // (nor "Summer Olympics", "Chase Trans-Info")
  }
  return !IsCommonWordOrPlural(Lower(last.text)) || IsCommonWordSurname(last.text);
}

bool ParsePersonName(const std::vector<Token>& tokens, Span run, PersonName* out) {
  // "Hassan Rouhani of Iran", "Tristan Smith of University College": the
  // person is the part before the connector.
  for (size_t i = run.begin; i < run.end; ++i) {
    if (IsBodyConnector(tokens[i].text)) {
      if (i == run.begin) return false;
      // "Secretary of State Mike Pompeo", "Chancellor of the Exchequer Nigel
      // Lawson": a role with its domain before the name.
      if (tokens[i].Is("of") && IsRoleWord(tokens[i - 1].text) && !IsRoleDomain(tokens[i - 1].text)) {
        const size_t d = i + 1 < run.end && tokens[i + 1].Is("the") ? i + 2 : i + 1;
        if (d + 2 < run.end && IsRoleDomain(tokens[d].text)) {
          run.begin = d + 1;
          break;
        }
        // "First Minister of Scotland Nicola Sturgeon", "Mayor of New
        // Orleans LaToya Cantrell": a role with its place; two words at
        // least must follow it.
        if (const size_t p = PlaceEnd(tokens, d, run.end); p != d && p + 2 <= run.end) {
          run.begin = p;
          break;
        }
      }
      // "Bank of England Governor Mark Carney", "House of Commons Speaker
      // John Bercow": a body's name, its role, then a first name and more;
      // not after a person's name ("Bill Sullivan of Dean Witter Reynolds"),
      // nor a role right after the connector ("Party of President Hosni
      // Mubarak" names the party).
      // (Or two words that end the run and name no body nor a thing:
      // "House of Representatives Speaker Nancy Pelosi", "Nancy" being a
      // place and on no list of first names.)
      auto name_word = [&](size_t w) {
        return tokens[w].IsWord() && tokens[w].cap && !tokens[w].all_caps &&
               !IsOrgKeyword(tokens[w].text) && !IsCommonWordOrPlural(Lower(tokens[w].text));
      };
      bool role_after = false;
      for (size_t k = i + 2; k + 2 < run.end && !role_after && !IsFirstName(tokens[run.begin].text);
           ++k) {
        role_after = tokens[k].IsWord() && tokens[k].cap &&
                     (IsRoleWord(tokens[k].text) || IsPersonalTitle(tokens[k].text)) &&
                     (IsLikelyFirstName(tokens[k + 1].text) ||
                      (k + 3 == run.end && name_word(k + 1) && name_word(k + 2)));
      }
      if (role_after) {
        run.begin = i + 1;
        break;
      }
      // "Special Representative for Iran Brian Hook", "Minister for Foreign
      // Affairs Marise Payne": a role's portfolio, then a first name and
      // more.
      if (tokens[i].Is("for") && IsRoleWord(tokens[i - 1].text)) {
        // ("Special Envoy for Syria Geir Pedersen": a place, then two words.)
        if (const size_t p = PlaceEnd(tokens, i + 1, run.end); p != i + 1 && p + 2 <= run.end) {
          run.begin = p;
          break;
        }
        size_t k = i + 1;
        while (k + 1 < run.end && !IsLikelyFirstName(tokens[k].text)) ++k;
        if (k + 1 < run.end && k > i + 1) {
          run.begin = k;
          break;
        }
      }
      run.end = i;
      break;
    }
  }
  // "(Under Secretary of State) for Economic Affairs Allen Wallis": the
  // role's portfolio, up to a first name (else up to a role word, below:
  // "for Finance Damas Mbogoro").
  if (run.begin < run.end && tokens[run.begin].Is("for")) {
    size_t k = run.begin + 1;
    while (k + 1 < run.end && !IsFirstName(tokens[k].text)) ++k;
    if (k + 1 < run.end) run.begin = k;
  }
  // Post-nominals: "Kama Melly QC".
  while (run.end > run.begin + 1 && tokens[run.end - 1].IsWord() &&
         IsPostNominal(tokens[run.end - 1].text)) {
    --run.end;
  }
  // "Robert Downey Jr", "Henry Ford II": a suffix of generation follows the
  // surname. The name is parsed without it and given it back at the end.
  const size_t suffix_end = run.end;
  if (run.end > run.begin && tokens[run.end - 1].IsWord() &&
      IsGenerationSuffix(tokens[run.end - 1].text)) {
    if (run.end == run.begin + 1) return false;
    --run.end;
  }
  // Split at the last title, role or organisation word.
  size_t start = run.begin;
  size_t title_at = run.end;
  bool role_seen = false;
  for (size_t i = run.begin; i < run.end; ++i) {
    const Token& t = tokens[i];
    if (!t.IsWord()) continue;
    Gender g = Gender::kUnknown;
    if (IsPersonalTitle(t.text, &g) || IsRoleWord(t.text) || IsOrgKeyword(t.text) ||
        IsRoleModifier(t.text) || IsNationality(t.text) || IsRolePlural(t.text)) {
      if (i + 1 < run.end) {
        start = i + 1;
        title_at = i;
        role_seen = IsRoleWord(t.text) || IsPersonalTitle(t.text);
      }
    }
  }
  while (start < run.end && !tokens[start].IsWord()) ++start;  // "Mr. Smith"
  // "Fifteen-year-old Robert" opening a sentence: the age is no name.
  if (start + 1 < run.end && IsAgeWord(tokens[start])) ++start;
  // "told Reuters Kampelman was doing well": a known body's one-word name
  // before a surname is not part of the name.
  if (start + 2 == run.end && tokens[start].IsWord() && IsKnownOrganisation(tokens[start].text) &&
      !IsLikelyFirstName(tokens[start].text) && !IsCommonWord(Lower(tokens[start].text)) &&
      tokens[start + 1].IsWord() && !IsOrgKeyword(tokens[start + 1].text) &&
      !EndsFirmName(tokens[start + 1].text) &&
      !IsCommonWordOrPlural(Lower(tokens[start + 1].text))) {
    ++start;
  }
  // "Germany Richard Grenell" (after "Ambassador to"): a place before a
  // first name is not part of the name.
  // (Nor "In Frankfurt F. Wilhelm Christians": after "in" and before an
  // initial; "Eugene A. Gordon" is a name.)
  const bool in_place = start > 0 && (tokens[start - 1].Is("In") || tokens[start - 1].Is("in"));
  if (start + 2 < run.end + 0 && IsKnownPlace(tokens[start].text) &&
      (IsFirstName(tokens[start + 1].text) ||
       (in_place && tokens[start + 1].text.size() == 1 && tokens[start + 1].cap))) {
    ++start;
  }
  // "Ecologist Ryan Norris", "Co-author Jing-Shan Zhao": an unlisted role
  // noun before a first name (not two letters: "Jo Anne Val Tilburg").
  // ("N.J. Nicholas Jr." opening a sentence: the suffix is more of the name.)
  if (start + 2 < suffix_end && tokens[start].IsWord() && !IsFirstName(tokens[start].text) &&
      tokens[start].text.size() > 2 &&
      (IsFirstName(tokens[start + 1].text) || AgentNounOpening(tokens, start, run.end)) &&
      (IsCommonWord(Lower(tokens[start].text)) || WeakCapital(tokens, start) ||
       IsRoleDomain(tokens[start].text) ||  // "(Chancellor of the) Exchequer Nigel Lawson"
       tokens[start].text.find('-') != std::string_view::npos)) {
    ++start;
  }
  Span name{start, run.end};
  // "(Queen) Elizabeth II", "Cray II", "(N.J.) Nicholas Jr.": a suffix after
  // one word is read with it, as before a surname.
  if (suffix_end != run.end &&
      std::ranges::count_if(tokens.begin() + name.begin, tokens.begin() + name.end,
                            [](const Token& t) { return t.IsWord(); }) == 1) {
    run.end = name.end = suffix_end;
  }
  if (name.empty() || tokens[name.begin].Is("for") || tokens[name.begin].Is("des")) return false;
  // "Typhoon Phanfone", "Tropical Storm Humberto": a storm is named as a
  // person is, after the word for what it is.
  for (size_t i = run.begin; i < name.end; ++i) {
    if (IsStormWord(tokens, i)) return false;
  }
  if (IsPlaceNoun(tokens[name.end - 1].text)) return false;
  // "Yemen-based Houthi", "Muslim-majority Mindanao".
  {
    std::string_view w = tokens[name.begin].text;
    size_t h = w.rfind('-');
    if (h != std::string_view::npos && h + 1 < w.size() && w[h + 1] >= 'a' && w[h + 1] <= 'z' &&
        IsCommonWord(std::string(w.substr(h + 1)))) {
      return false;
    }
  }
  const Token& last = tokens[name.end - 1];
  // (Before a suffix of generation, a surname: "Martin Luther King Jr".)
  if ((IsRoleWord(last.text) || IsPersonalTitle(last.text) || IsOrgKeyword(last.text) ||
       EndsFirmName(last.text)) &&
      suffix_end == run.end && !RoleAsSurname(tokens, name)) {
    return false;
  }
  // "(General) Agreement (on Tariffs and Trade)": a treaty is no person.
  if (IsTreatyWord(last.text) || last.Is("Act")) return false;  // "(Credit Reform) Act"
  // "Vice Presidents": a role's plural is no name either.
  if (IsRolePlural(last.text)) return false;
  // "Las Vegas Review-Journal": a keyword after a hyphen names a body too.
  if (const size_t h = last.text.rfind('-');
      h != std::string_view::npos && h + 1 < last.text.size() && last.text[h + 1] >= 'A' &&
      last.text[h + 1] <= 'Z' && IsOrgKeyword(last.text.substr(h + 1))) {
    return false;
  }
  // ("Manufacturers Bank-Wilmington": and one before it.)
  if (const size_t h = last.text.find('-');
      h != std::string_view::npos && h > 0 && IsOrgKeyword(last.text.substr(0, h)) &&
      h + 1 < last.text.size() && last.text[h + 1] >= 'A' && last.text[h + 1] <= 'Z') {
    return false;
  }
  size_t words = 0;
  bool all_plain = true;
  const auto full_words = std::ranges::count_if(
      tokens.begin() + name.begin, tokens.begin() + name.end,
      [](const Token& t) { return t.IsWord() && t.text.size() > 1; });
  for (size_t i = name.begin; i < name.end; ++i) {
    const Token& t = tokens[i];
    if (!t.IsWord()) continue;
    // "Arnel dela Vega", "Cor van der Klugt": a surname's particle in lower
    // case inside the name is no word of a body's name; one of French,
    // Spanish or Italian only after a known first name ("Petroleos de
    // Venezuela", "Barclays de Zoete Wedd" are firms).
    if (!t.cap && i > name.begin && i + 1 < name.end &&
        IsSurnameParticle(tokens, name.begin, i, name.end)) {
      continue;
    }
    ++words;
    // "Harris Associates L.P." said: a company. Last only ("William K.K.
    // Wong" has initials), and not "Na" or "Asa", which may be names.
    if (i + 1 == name.end && IsLegalForm(t.text) &&
        (t.all_caps || t.text.find('.') != std::string_view::npos || IsOrgKeyword(t.text))) {
      return false;
    }
    if (IsFirmWord(t.text)) return false;
    if (t.all_caps || IsOrgKeyword(t.text) || IsNameConnector(t.text) || IsRoleWord(t.text))
      all_plain = false;
    // ("B Shiva Parvathi", "Davia B. Temin": an initial is no common word
    // before a first name and a surname; "C Czarnikow", "K Mart", "L M
    // Ericsson", "C. Itoh" are firms.)
    const bool initial = t.text.size() == 1 && i + 1 < name.end && t.cap && !t.Is("A") &&
                         !t.Is("I") && !t.Is("O") && full_words >= 2;
    if (!initial && IsCommonWord(Lower(t.text)) && !IsFirstName(t.text) &&
        !(i + 1 == name.end && i == name.begin + 1 && IsCommonWordSurname(t.text) &&
          !IsKnownPlace(tokens[name.begin].text) &&
          !IsKnownOrganisation(tokens[name.begin].text))) {
      all_plain = false;
    }
    if (i == name.begin && OpensSentenceOnly(tokens, i, true)) all_plain = false;
    // "G-7 Washington (talks)", "F-16 Falcon": no name holds a digit.
    if (HasDigit(t.text)) return false;
  }
  std::string text = SpanText(tokens, name);
  // "Judge Jackson", "Mr Washington": one word right after a personal title
  // is a surname, even one that is also a place's name.
  bool titled = words == 1 && title_at < name.begin && IsPersonalTitle(tokens[title_at].text);
  for (size_t i = title_at + 1; titled && i < name.begin; ++i) titled = !tokens[i].IsWord();
  if (IsKnownOrganisation(text) || (IsKnownPlace(text) && !titled)) return false;
  // "Statistics Canada", "Air France": a common word before a country names
  // a body, not a person.
  if (words == 2 && name.size() == 2 && IsKnownPlace(tokens[name.begin + 1].text) &&
      !IsFirstName(tokens[name.begin].text) &&
      IsCommonWordOrPlural(Lower(tokens[name.begin].text))) {
    return false;
  }
  // "Ford Canada", "Shell Australia": so does a firm's name before one.
  if (words == 2 && name.size() == 2 && IsKnownPlace(tokens[name.begin + 1].text) &&
      IsKnownOrganisation(tokens[name.begin].text)) {
    return false;
  }
  // "Punta Gorda", "Puerto Cortes": a word for a place opens a place's name.
  {
    static constexpr std::string_view kPlaceOpeners[] = {"Punta", "Puerto", "Porto", "Cabo",
                                                         "Isla", "Lago", "Bahia", "Playa"};
    if (words >= 2 && std::ranges::find(kPlaceOpeners, tokens[name.begin].text) !=
                          std::end(kPlaceOpeners)) {
      return false;
    }
  }
  // "St Gallen Kantonalbank", "Westdeutsche Landesbank": a long word that
  // ends in "bank" names one.
  if (last.text.size() >= 10 && last.text.ends_with("bank")) return false;
  if (words == 1 && !titled && IsKnownPlace(tokens[name.begin].text)) return false;
  // "(Banque Nationale) de Paris": a connector and a place.
  if (!tokens[name.begin].cap && IsNameConnector(tokens[name.begin].text) &&
      IsKnownPlace(SpanText(tokens, {name.begin + 1, name.end}))) {
    return false;
  }
  PersonName p;
  p.name = name;
  if (name.end == run.end) p.name.end = suffix_end;
  p.full = words >= 2;
  Gender g = Gender::kUnknown;
  if (title_at < run.end && IsPersonalTitle(tokens[title_at].text, &g)) {
    p.title = std::string(tokens[title_at].text);
    p.gender = g;
  }
  // A first name, after initials too ("A. William Reynolds"), and more after it.
  size_t given = name.begin;
  while (given + 2 < name.end && tokens[given].text.size() == 1 && tokens[given].cap &&
         (tokens[given + 1].Is(".") || tokens[given + 1].IsWord())) {
    given += tokens[given + 1].Is(".") ? 2 : 1;
  }
  bool first_name = p.full && given + 1 < name.end &&
                    (IsLikelyFirstName(tokens[given].text) ||
                     (given == name.begin && WordFirstNameAndSurname(tokens, given, name.end)));
  p.strong = role_seen || first_name;
  // "Frank Sinatra" is a man, "Gloria Vanderbilt" a woman, for the pronouns
  // after them (a title said so already, if any).
  if (p.full && p.gender == Gender::kUnknown && given + 1 < name.end) {
    p.gender = FirstNameGender(tokens[given].text);
  }
  // "his wife Mary said", "Waseem's mother, Anwar, wept": a first name alone
  // right after a relation in lower case (between commas, if after one).
  // "A university student named Wong said": any name after a person "named".
  if (!p.full && name.begin == run.begin && name.size() == 1 && name.begin >= 2 &&
      tokens[name.begin - 1].Is("named") && IsPersonNoun(tokens[name.begin - 2])) {
    p.kin = true;
    p.strong = true;
  } else if (!p.full && name.size() == 1 && name.begin > 0 &&
             IsAgeWord(tokens[name.begin - 1]) && IsFirstName(tokens[name.begin].text) &&
             tokens[name.begin - 1].para == tokens[name.begin].para) {
    // "Fifteen-year-old Robert, on the lower deck, said": a first name of
    // the lists after an age, as the young are named.
    p.kin = true;
    p.strong = true;
  } else if (!p.full && name.begin == run.begin && name.size() == 1 &&
             IsLikelyFirstName(tokens[name.begin].text)) {
    size_t k = name.begin;
    const bool apposition = k > 0 && tokens[k - 1].Is(",");
    if (apposition) --k;
    Gender kin_gender = Gender::kUnknown;
    if (k > 0 && tokens[k - 1].IsWord() && !tokens[k - 1].cap &&
        tokens[k - 1].para == tokens[name.begin].para &&
        IsKinNoun(tokens[k - 1].text, &kin_gender) &&
        (!apposition || (name.end < tokens.size() && tokens[name.end].Is(",")))) {
      p.kin = true;
      p.strong = true;
      if (p.gender == Gender::kUnknown) p.gender = kin_gender;
    }
  }
  // "Turkish president Erdoğan": a role in lower case right before a
  // surname alone names the person, as "President Erdoğan" does.
  if (!p.full && !role_seen && !p.kin && name.begin == run.begin && name.size() == 1 &&
      run.begin > 0 && IsLowerCaseHeadRole(tokens[run.begin - 1]) &&
      tokens[run.begin - 1].para == tokens[run.begin].para) {
    role_seen = true;
    p.strong = true;
  }
  // "political scientist Ma Ngok said": a noun for a person in lower case
  // right before two capitalised words makes them a name, even where the
  // first is also a common word ("Ma") and on no list of first names.
  if (p.full && !p.strong && words == 2 && name.size() == 2 && name.begin == run.begin &&
      run.begin > 0 && DescribesPerson(tokens[run.begin - 1]) &&
      tokens[run.begin - 1].para == tokens[run.begin].para) {
    bool plain_words = true;
    for (size_t i = name.begin; i < name.end; ++i) {
      const Token& t = tokens[i];
      plain_words &= t.IsWord() && t.cap && !t.all_caps && !IsOrgKeyword(t.text) &&
                     !IsRoleWord(t.text) && !IsNameConnector(t.text);
    }
    p.strong = plain_words;
  }
  if (!p.strong && !(p.full && all_plain)) return false;
  if (!p.full && !role_seen && !p.kin) return false;
  // "Federal Express said", "First National Supermarkets said": after a word
  // that only qualifies a role, one common word is a company, not a surname;
  // nor is an acronym ("National LGBT news source").
  if (!p.full && title_at < run.end && QualifiesRoleOnly(tokens[title_at].text) &&
      (IsCommonWordOrPlural(Lower(tokens[name.begin].text)) || tokens[name.begin].all_caps) &&
      !IsFirstName(tokens[name.begin].text)) {
    return false;
  }
  // Role words before the name, in the run or in lower case just before it.
  std::string role;
  size_t rb = run.begin;
  while (rb > 0 && tokens[rb - 1].IsWord() && !tokens[rb - 1].cap &&
         (IsRoleWord(tokens[rb - 1].text) || IsRoleModifier(tokens[rb - 1].text)) &&
         tokens[rb - 1].para == tokens[run.begin].para) {
    --rb;
  }
  for (size_t i = rb; i < name.begin; ++i) {
    if (!tokens[i].IsWord() || IsPersonalTitle(tokens[i].text)) continue;
    if (!IsRoleWord(tokens[i].text) && !IsRoleModifier(tokens[i].text)) {
      role.clear();  // "Microsoft president": keep the role words only
      continue;
    }
    if (!role.empty()) role.push_back(' ');
    role += Lower(tokens[i].text);
  }
  p.role = role;
  *out = p;
  return true;
}

}  // namespace newsarc::internal
