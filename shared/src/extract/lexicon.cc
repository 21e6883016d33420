#include "extract/lexicon.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "ascii.h"

namespace newsarc::internal {
namespace {

// A sorted list of names stored as one string of the names back to back
// plus each name's end offset: no pointer per name, hence no load-time
// relocations for the ~25,000 gazetteer entries.
struct PackedNames {
  const char* text;
  const uint32_t* end;
  size_t size;

  std::string_view operator[](size_t i) const {
    uint32_t begin = i == 0 ? 0 : end[i - 1];
    return std::string_view(text + begin, end[i] - begin);
  }
  // The first index whose name is not less than `s` (size if none).
  size_t LowerBound(std::string_view s) const {
    size_t lo = 0, hi = size;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if ((*this)[mid] < s) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
  bool Contains(std::string_view s) const {
    size_t i = LowerBound(s);
    return i < size && (*this)[i] == s;
  }
};

// kGazetteerOrganisations (with kGazetteerOrganisationsGroup: names of one
// group name one organisation, and kGazetteerOrganisationsFlags: 1 when the
// name is also an English word), kGazetteerPlaces, kGazetteerFirstNames,
// kGazetteerCensusFirstNames, kGazetteerMaleFirstNames,
// kGazetteerFemaleFirstNames, kGazetteerCommonWords.
#include "extract/data/lexicons.inc"

// A fixed set of words looked up by a word of the text, most often one that
// is not in it: every token of an article passes through several of these.
// Open addressing over a power-of-two table, the hash and the comparison
// taken over the word's ASCII-lowered bytes (what `Lower` gives) without
// building the lowered copy, and a mask of the lengths in the set that turns
// most words away before they are hashed.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) {
    size_t size = 16;
    while (size < 2 * words.size()) size *= 2;
    slots_.assign(size, std::string_view());
    for (std::string_view w : words) {
      if (w.empty() || w.size() > kMaxLength) continue;  // never matched: see Has
      lengths_ |= uint64_t{1} << w.size();
      size_t i = Hash(w, /*lower=*/false) & (size - 1);
      while (!slots_[i].empty() && slots_[i] != w) i = (i + 1) & (size - 1);
      slots_[i] = w;
    }
  }

  // True if the set holds `word`, compared as it is (lower = false) or with
  // its ASCII capitals lowered (lower = true: the set holds lower case).
  bool Has(std::string_view word, bool lower = true) const {
    if (word.size() > kMaxLength || !(lengths_ >> word.size() & 1)) return false;
    const size_t mask = slots_.size() - 1;
    for (size_t i = Hash(word, lower) & mask; !slots_[i].empty(); i = (i + 1) & mask) {
      if (Equal(slots_[i], word, lower)) return true;
    }
    return false;
  }

 private:
  // Longer words are in no set and never looked up; the mask holds 0 to 40.
  static constexpr size_t kMaxLength = 40;

  static size_t Hash(std::string_view w, bool lower) {
    uint64_t h = 14695981039346656037ull;  // FNV-1a
    for (char c : w) {
      h ^= static_cast<unsigned char>(lower ? LowerAscii(c) : c);
      h *= 1099511628211ull;
    }
    return static_cast<size_t>(h ^ (h >> 29));
  }

  static bool Equal(std::string_view entry, std::string_view word, bool lower) {
    if (entry.size() != word.size()) return false;
    for (size_t i = 0; i < word.size(); ++i) {
      if (entry[i] != (lower ? LowerAscii(word[i]) : word[i])) return false;
    }
    return true;
  }

  std::vector<std::string_view> slots_;
  uint64_t lengths_ = 0;
};

// Orders names by their ASCII-lowered bytes.
bool LessLowered(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    const unsigned char x = static_cast<unsigned char>(LowerAscii(a[i]));
    const unsigned char y = static_cast<unsigned char>(LowerAscii(b[i]));
    if (x != y) return x < y;
  }
  return a.size() < b.size();
}

std::string_view StripDot(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return w;
}

}  // namespace

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

SpeechVerb SpeechVerbKind(std::string_view word) {
  static const WordSet either({
      "said", "says", "added", "adds", "stated", "states", "explained", "explains",
      "wrote", "writes", "tweeted", "tweets", "announced", "announces", "insisted",
      "insists", "claimed", "claims", "argued", "argues", "noted", "notes", "confirmed",
      "confirms", "commented", "replied", "replies", "responded", "continued",
      "concluded", "remarked", "recalled", "observed", "declared", "acknowledged",
      "conceded", "asserted", "maintained", "emphasised", "emphasized", "stressed",
      "reported", "posted", "admitted", "admits", "cautioned", "predicted", "suggested",
      "indicated", "testified", "revealed", "alleged", "warned", "warns", "denied",
      "denies", "wondered", "joked", "agreed", "disagreed", "objected", "complained",
      "boasted", "speculated", "estimated", "vowed", "promised", "pledged", "urged",
      "demanded", "proclaimed", "blogged", "texted", "mentioned", "clarified",
      "quipped", "retorted", "exclaimed", "shouted", "recounted", "reiterated",
      "elaborated", "lamented", "remarks", "answered", "wrote", "countered", "opined",
      "reckoned", "assured", "continues", "concedes", "explained", "acknowledges"});
  static const WordSet subject_only({
      "told", "tells", "telling", "asked", "informed", "assured", "reminded",
      "say", "tweet", "write", "saying", "described", "describes", "called",
      "criticised", "criticized", "praised", "condemned", "blamed", "accused",
      "adding", "noting", "explaining", "stating", "writing", "tweeting", "arguing",
      "commenting", "remarking", "warning", "insisting", "claiming", "asking", "calling",
      "urging", "talked", "spoke", "speaks", "questioned", "advised", "welcomed", "apologised",
      "apologized", "hailed", "slammed", "defended", "expressed", "dismissed", "underlined",
      "underscored", "recommended", "characterized", "characterised", "characterizes",
      "characterises"});
  if (either.Has(word)) return SpeechVerb::kEither;
  if (subject_only.Has(word)) return SpeechVerb::kSubjectOnly;
  return SpeechVerb::kNone;
}

bool IsPersonalTitle(std::string_view word, Gender* gender) {
  static const WordSet male({"mr", "sir", "lord", "mister", "monsieur", "señor", "monsignor",
                             "monseñor", "monsenor"});
  static const WordSet female(
      {"ms", "mrs", "miss", "lady", "dame", "baroness", "madam", "mme", "madame"});
  static const WordSet neutral({"dr", "prof", "professor", "rev", "reverend",
                                "det", "supt", "sgt", "insp", "cllr", "hon",
                                "judge", "justice", "father", "rabbi", "imam", "ayatollah",
                                "pastor", "mufti"});
  const std::string_view w = StripDot(word);
  Gender g = Gender::kUnknown;
  bool is = false;
  if (male.Has(w)) {
    g = Gender::kMale;
    is = true;
  } else if (female.Has(w)) {
    g = Gender::kFemale;
    is = true;
  } else if (neutral.Has(w)) {
    is = true;
  }
  if (is && gender) *gender = g;
  return is;
}

bool IsAbbreviatedTitle(std::string_view word) {
  return IsPersonalTitle(word) && StripDot(word).size() <= 4 &&
         !IsCommonWord(Lower(StripDot(word)));
}

bool IsRoleWord(std::string_view word) {
  static const WordSet roles({
      "president", "minister", "secretary", "chancellor", "governor", "mayor",
      "commissioner", "chairman", "chairwoman", "chair", "chairperson", "director",
      "spokesman", "spokeswoman", "spokesperson", "senator", "sen", "rep",
      "representative", "congressman", "congresswoman", "councillor", "councilor",
      "leader", "premier", "king", "queen", "prince", "princess", "emperor", "pope",
      "ambassador", "general", "gen", "colonel", "col", "captain", "capt", "lieutenant",
      "lt", "major", "admiral", "sergeant", "officer", "inspector", "superintendent",
      "constable", "detective", "chief", "head", "ceo", "cfo", "coo", "cto", "founder",
      "co-founder", "executive", "manager", "coach", "editor", "correspondent",
      "reporter", "analyst", "economist", "attorney", "lawyer", "prosecutor", "judge",
      "justice", "speaker", "mp", "mep", "msp", "am", "envoy", "official", "adviser",
      "advisor", "professor", "researcher", "fellow", "scientist", "author", "writer", "actor",
      "actress", "singer", "player", "striker", "goalkeeper", "midfielder", "defender",
      "manager", "boss", "owner", "archbishop", "bishop", "cardinal", "deputy",
      "vice", "acting", "former", "interim", "shadow", "general-secretary", "dean",
      "principal", "provost", "sheriff", "marshal", "commander", "prime", "foreign",
      "home", "health", "defence", "defense", "finance", "justice", "interior",
      "emergencies", "agriculture", "education", "transport", "trade", "energy",
      "environment", "culture", "state", "attorney-general", "solicitor", "barrister",
      "candidate", "nominee", "vice-president", "mr", "chief-executive", "astronaut",
      "administrator", "presenter", "host", "anchor", "activist", "campaigner",
      "member", "politician", "lawmaker", "legislator", "diplomat", "regional",
      "federal", "national", "party", "opposition", "junior", "senior", "lead",
      "co-chair", "first", "lady", "crown", "grand", "supreme", "whip", "assemblyman",
      "assemblywoman", "assemblymember", "alderman", "councilman", "councilwoman", "selectman",
      "selectwoman", "undersecretary", "under-secretary"});
  if (roles.Has(StripDot(word))) return true;
  // "Vice-Premier", "Deputy-Governor": a modifier or role joined to a role.
  const size_t h = word.find('-');
  return h != std::string_view::npos && h > 0 && h + 1 < word.size() &&
         word.find('-', h + 1) == std::string_view::npos &&
         (roles.Has(word.substr(0, h)) || IsRoleModifier(word.substr(0, h))) &&
         roles.Has(word.substr(h + 1));
}

bool IsKinNoun(std::string_view word, Gender* gender) {
  static constexpr std::string_view kFemale[] = {
      "mother", "daughter", "sister", "wife", "widow", "aunt", "grandmother", "niece", "fiancee"};
  static constexpr std::string_view kMale[] = {
      "father", "son", "brother", "husband", "widower", "uncle", "grandfather", "nephew", "fiance"};
  static constexpr std::string_view kEither[] = {"parent", "parents", "cousin",
                                                 "friend", "partner", "relative"};
  Gender g = Gender::kUnknown;
  if (std::ranges::find(kFemale, word) != std::end(kFemale)) {
    g = Gender::kFemale;
  } else if (std::ranges::find(kMale, word) != std::end(kMale)) {
    g = Gender::kMale;
  } else if (std::ranges::find(kEither, word) == std::end(kEither)) {
    return false;
  }
  if (gender != nullptr) *gender = g;
  return true;
}

bool IsDescriptionHead(std::string_view word) {
  static const WordSet heads(
      {"president", "minister", "secretary", "chancellor", "governor", "mayor", "commissioner",
       "chairman", "chairwoman", "chairperson", "director", "spokesman", "spokeswoman",
       "spokesperson", "senator", "representative", "congressman", "congresswoman",
       "councillor", "councilor", "leader", "premier", "ambassador", "envoy", "prosecutor",
       "judge", "coach", "professor", "archbishop", "bishop", "cardinal", "sheriff",
       "commander", "inspector", "detective", "superintendent", "lawmaker", "legislator",
       "diplomat", "undersecretary", "colonel", "admiral", "sergeant", "ceo"});
  return heads.Has(word);
}

bool IsNewspaperTitleWord(std::string_view word) {
  static const WordSet words({
      "bulletin", "observer", "chronicle", "courier", "inquirer", "examiner", "dispatch",
      "sentinel", "mail", "sun", "star", "mirror", "express", "standard", "independent", "globe",
      "enquirer", "advertiser", "recorder", "statesman"});
  return words.Has(word);
}

bool IsPluralOfNoTeam(std::string_view word) {
  static const WordSet words({
      "islands", "isles", "mountains", "hills", "heights", "falls", "springs", "lakes", "keys",
      "plains", "highlands", "alps", "rapids", "woods", "gardens", "olympics", "games",
      "championships", "awards", "elections", "primaries", "caucuses", "talks", "accords",
      "protests", "riots", "trials", "affairs", "authorities", "officials", "leaders", "ministers",
      "lawmakers", "residents", "citizens", "voters", "rioters", "protesters", "demonstrators",
      "workers", "students", "farmers", "veterans", "fans", "supporters", "conventions",
      "treaties", "agreements", "works", "meadows", "markets", "stocks", "shares", "bonds",
      "futures", "prices", "rates", "banks", "exports", "imports", "sales", "earnings", "results",
      "reserves", "troops", "forces", "democrats", "republicans", "conservatives", "liberals",
      "socialists", "communists", "muslims", "christians", "jews", "catholics", "protestants",
      "chinese", "japanese", "news", "times"});
  return words.Has(word);
}

bool IsRoleModifier(std::string_view word) {
  static const WordSet mods({"acting", "deputy", "former", "chief", "vice",
                             "interim", "shadow", "assistant", "junior", "senior",
                             "regional", "then", "late", "retired", "outgoing",
                             "incoming", "new", "ex", "executive", "associate"});
  return mods.Has(word);
}

bool IsRoleDomain(std::string_view word) {
  static const WordSet domain({
      "home", "foreign", "health", "defence", "defense", "finance", "justice", "interior",
      "emergencies", "agriculture", "education", "transport", "trade", "energy",
      "environment", "culture", "state", "federal", "national", "regional", "party",
      "supreme", "crown", "grand", "first", "prime", "general", "opposition", "member",
      "lead", "junior", "senior", "major", "head", "host", "anchor", "speaker", "treasury",
      "exchequer", "commerce", "labor", "labour", "industry", "economy", "information",
      "communications", "telecommunications", "tourism", "housing", "immigration",
      "transportation", "fisheries", "planning", "infrastructure", "sport", "sports",
      "science", "technology", "security", "youth", "aviation", "veterans", "mines"});
  return domain.Has(word);
}

bool IsRoleHead(std::string_view word) {
  // ("Justice", a title, also names a domain: "Law and Justice Party".)
  if ((IsPersonalTitle(word) && !IsRoleDomain(word)) || IsRoleModifier(word)) return true;
  return IsRoleWord(word) && !IsOrgKeyword(word) && !IsRoleDomain(word);
}

bool IsOrgKeyword(std::string_view word) {
  static const WordSet kw({
      "police", "constabulary", "ministry", "council", "plc", "inc", "ltd", "llc", "llp",
      "corp", "co", "gmbh", "ag", "sa", "party", "bank", "commission", "agency",
      "university", "college", "school", "academy", "institute", "institution",
      "assembly", "committee", "court", "office", "authority", "trust", "service",
      "services", "fc", "afc", "corporation", "group", "department", "board", "bureau",
      "union", "association", "federation", "foundation", "society", "league", "club",
      "organisation", "organization", "parliament", "congress", "senate",
      "army", "navy", "force", "forces", "guard", "brigade", "regiment", "fund", "network",
      "hospital", "clinic", "church", "airlines", "airline", "airways", "railway",
      "railways", "company", "companies", "industries", "holdings", "partners",
      "laboratories", "labs", "motors", "bancorp", "inquiry", "tribunal",
      "directorate", "secretariat", "chamber", "alliance",
      "coalition", "movement", "front", "network", "times", "post", "news", "press",
      "herald", "journal", "gazette", "tribune", "telegraph", "guardian", "broadcasting",
      "television", "radio", "media", "magazine", "review", "institute", "center",
      "centre", "observatory", "museum", "library", "zoo", "team", "squad", "orchestra",
      "commission", "exchange", "reserve", "taskforce", "unit", "division", "command",
      "prosecutors", "prosecution", "prefecture", "conference", "nations", "communications", "technologies",
      "technology", "systems", "solutions", "pharmaceuticals", "energy", "entertainment",
      "studios", "records", "publishing", "publishers",
      "rovers", "wanderers", "athletic", "forum", "brothers", "bros", "investments",
      "banque", "industrie", "bourse", "cos", "administration", "patrol", "tribe",
      "confederation", "caucus", "sabha"});
  return kw.Has(StripDot(word));
}

std::string WithoutDots(std::string_view word) {
  std::string bare;
  for (char c : word)
    if (c != '.') bare += c;
  return bare;
}

bool IsLegalForm(std::string_view word) {
  static const WordSet forms({"ag", "plc", "inc", "ltd", "llc", "llp", "corp", "co", "cos",
                              "gmbh", "sa", "nv", "bv", "na", "lp", "spa", "ab",
                              "asa", "oyj", "kk", "pty", "sarl", "srl", "se"});
  return forms.Has(WithoutDots(word));
}

bool IsClosingLegalForm(std::string_view word) {
  // (A name may go on after these: "Aluminum Co of America".)
  static const WordSet open({"corp", "co", "cos", "na", "pty", "se"});
  return IsLegalForm(word) && !open.Has(WithoutDots(word));
}

bool IsOrgHeadKeyword(std::string_view word) {
  static const WordSet kw({
      "bank", "university", "ministry", "department", "court", "house", "church",
      "college", "institute", "office", "council", "commission", "committee", "board",
      "bureau", "league", "union", "association", "federation", "society", "academy",
      "school", "agency", "museum", "chamber", "federal", "organisation", "organization",
      "order", "party", "royal", "national", "central", "supreme", "state", "hospital",
      "foundation", "fund", "army", "police", "secretariat", "parliament", "congress",
      "senate", "assembly", "government", "cabinet", "embassy", "consulate", "guild",
      "confederation"});
  return kw.Has(word);
}

bool IsOrgClassNoun(std::string_view word) {
  static const WordSet nouns({
      "companies", "company", "firms", "firm", "organisations", "organizations",
      "groups", "platforms", "services", "agencies", "newspapers", "broadcasters",
      "networks", "banks", "carriers", "airlines", "giants", "outlets", "retailers",
      "brands", "businesses", "charities", "universities", "parties", "operators",
      "providers", "manufacturers", "clubs", "teams", "startups", "publications",
      "insurers", "lenders", "automakers", "carmakers", "rivals", "competitors"});
  return nouns.Has(word);
}

bool OpensSubordinateClause(std::string_view word) {
  static constexpr std::string_view kWords[] = {"After", "When", "As", "While", "Although",
                                                "Though", "Because", "Since", "If", "Before",
                                                "Once", "Until", "Unless", "Whereas"};
  return std::ranges::find(kWords, word) != std::end(kWords);
}

bool IsTreatyWord(std::string_view word) {
  static const WordSet treaties(
      {"agreement", "treaty", "accord", "convention", "pact", "protocol", "charter"});
  return treaties.Has(word);
}

bool IsNonOrgAcronym(std::string_view word) {
  static const WordSet stop({
      "uk", "us", "usa", "u.s", "u.k", "u.s.", "u.k.", "tv", "ceo", "cfo", "coo", "cto",
      "mp", "mps", "mep", "meps", "msp", "pm", "am", "gmt", "utc", "bst", "est", "edt",
      "pst", "pdt", "cet", "id", "ok", "dna", "rna", "gdp", "hiv", "aids", "lgbt",
      "lgbtq", "phd", "mba", "bbq", "diy", "faq", "ceos", "ii", "iii", "iv", "vi", "vii",
      "viii", "ix", "xi", "xii", "uae", "drc", "prc", "dprk", "ussr", "gps", "sms", "pc",
      "it", "ai", "vr", "ar", "ip", "url", "www", "html", "pdf", "usb", "cd", "dvd",
      "lcd", "led", "suv", "atm", "vip", "rip", "ps", "pr", "hr", "qc", "kc", "obe",
      "mbe", "cbe", "kbe", "dj", "mc", "md", "rn", "bc", "ad", "bce", "ce", "no", "yes",
      "covid", "covid-19", "sars", "mers", "ebola", "ptsd", "adhd", "ivf", "icu", "er",
      "cctv", "4g", "5g", "3g", "lte", "wifi", "vs", "etc", "ie", "eg", "a", "i",
      "km", "mph", "kg", "lb", "ft", "mm", "cm", "ml", "mw", "gw", "kw", "kwh", "ghz",
      "ppm", "co2", "nox", "hq", "ufo", "sos", "ceo's", "jr", "sr", "st", "wwii", "wwi",
      "ww2", "ww1", "dc", "la", "nyc", "ny", "nsw", "qld", "vic", "wa", "sa", "nt", "act",
      "tas", "bce", "iq", "eu's", "mvp", "nba's", "nfl's", "rbi", "era", "hiv/aids",
      "the", "and", "of", "for", "mr", "ms", "dr", "x", "q", "ok", "ko", "mv", "uss", "hms",
      "cest", "cet", "eva", "et", "pet", "q&a", "a.m", "p.m", "a.m.", "p.m.", "nsw", "usd", "gbp", "hm",
      // Economic figures and credit ratings ("a percentage of GNP", "rated AA").
      "gnp", "cpi", "ppi", "vat", "aa", "aaa", "bbb", "bb",
      // Terms of money markets, trade and accounts ("three-month LIBOR", "FOB
      // Gulf", "LIFO"), units of account and the abbreviations of a wire's
      // tables.
      "libor", "fob", "cif", "c&f", "ecu", "ecus", "sdr", "sdrs", "lifo", "fifo", "lbo",
      "lbos", "ipo", "ipos", "eps", "adr", "adrs", "psbr", "pct", "cts", "qtr", "nil",
      "mln", "bln", "dlrs",
      // Time zones.
      "cst", "cdt", "mst", "mdt", "ast", "adt", "hst", "jst", "ist", "aest", "aedt", "acst",
      "awst", "nzst", "nzdt", "sast", "msk", "wib",
      // Computing and medicine: things, not bodies.
      "cpu", "gpu", "ram", "rom", "os", "dos", "ms-dos", "unix", "irc", "sql",
      "xml", "json", "http", "https", "ssl", "tls", "vpn", "cve", "jit", "vps", "gpl", "lgpl",
      "drm", "eula", "irl", "ppe", "mri", "ecg", "std", "stds", "tb", "vcr", "ci", "qa",
      "hpc", "rpg", "dmca", "floss", "uv", "ev", "evs", "fm", "cbd", "fgm", "prep", "cv",
      // Titles, degrees and slogans ("the VP", "an MLA", "a BA").
      "vp", "potus", "vpotus", "flotus", "mla", "mlas", "ba", "maga",
      // U.S. states abbreviated with full stops ("Albany, N.Y.,").
      "n.y", "n.y.", "n.j", "n.j.", "n.c", "n.c.", "s.c", "s.c.", "n.h", "n.h.", "n.m", "n.m.",
      "n.d", "n.d.", "s.d", "s.d.", "r.i", "r.i.", "d.c", "d.c."});
  if (stop.Has(word)) return true;
  // "HIV-AIDS", "CPU/GPU": terms joined are a term (not two-letter ones:
  // the TV company TV-AM).
  const size_t join = word.find_first_of("-/");
  if (join == std::string_view::npos || join == 0) return false;
  for (size_t b = 0; b <= word.size();) {
    size_t e = word.find_first_of("-/", b);
    if (e == std::string_view::npos) e = word.size();
    if (e < b + 3 || !stop.Has(word.substr(b, e - b))) return false;
    b = e + 1;
  }
  return true;
}

bool IsNationality(std::string_view word) {
  static const WordSet nat({
      "american", "americans", "british", "briton", "britons", "english", "scottish",
      "welsh", "irish", "french", "german", "germans", "italian", "spanish", "portuguese",
      "dutch", "belgian", "swiss", "austrian", "swedish", "norwegian", "danish",
      "finnish", "icelandic", "polish", "czech", "slovak", "hungarian", "romanian",
      "bulgarian", "greek", "turkish", "russian", "russians", "ukrainian", "belarusian",
      "serbian", "croatian", "bosnian", "albanian", "chinese", "japanese", "korean",
      "indian", "pakistani", "afghan", "iranian", "iraqi", "syrian", "israeli",
      "israelis", "palestinian", "palestinians", "lebanese", "jordanian", "saudi",
      "egyptian", "libyan", "tunisian", "algerian", "moroccan", "nigerian", "kenyan",
      "ethiopian", "somali", "sudanese", "african", "european", "europeans", "asian",
      "canadian", "mexican", "brazilian", "argentine", "argentinian", "chilean",
      "colombian", "venezuelan", "peruvian", "cuban", "australian", "australians",
      "zealander", "filipino", "philippine", "indonesian", "malaysian", "thai",
      "vietnamese",
      "burmese", "bangladeshi", "sri", "nepalese", "tibetan", "mongolian", "kazakh",
      "uzbek", "georgian", "armenian", "azerbaijani", "yemeni", "qatari", "emirati",
      "kuwaiti", "bahraini", "omani", "kurdish", "kurds", "arab", "arabs", "jewish",
      "muslim", "muslims", "christian", "christians", "catholic", "catholics",
      "protestant", "sunni", "shia", "shiite", "hindu", "buddhist", "western",
      "eastern", "northern", "southern", "latin", "nordic", "scandinavian", "baltic",
      "soviet", "yugoslav", "taiwanese", "singaporean", "zimbabwean", "ugandan",
      "ghanaian", "congolese", "rwandan", "tanzanian", "malian", "senegalese",
      "cameroonian", "haitian", "jamaican", "bolivian", "ecuadorian", "uruguayan",
      "paraguayan", "estonian", "latvian", "lithuanian", "slovenian", "maltese",
      "cypriot", "luxembourgish", "macedonian", "montenegrin", "moldovan"});
  return nat.Has(word);
}

bool IsNeverName(std::string_view word) {
  static const WordSet never({
      "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
      "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday",
      "thursday", "friday", "saturday", "sunday", "the", "a", "an", "in", "on", "at",
      "but", "and", "or", "if", "as", "so", "he", "she", "it", "they", "we", "i", "you",
      "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
      "those", "there", "here", "when", "while", "after", "before", "since", "during",
      "with", "without", "from", "to", "by", "for", "of", "about", "according",
      "however", "although", "though", "also", "meanwhile", "speaking", "asked", "last",
      "next", "earlier", "later", "today", "yesterday", "tomorrow", "tonight", "some",
      "many", "most", "all", "both", "each", "every", "other", "another", "such", "what",
      "which", "who", "whom", "whose", "where", "why", "how", "not", "no", "yes", "one",
      "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first",
      "second", "third", "then", "now", "image",
      "photo", "picture", "video", "source", "sources", "related", "news", "see",
      "christmas", "easter", "ramadan", "year", "day", "week", "following",
      "under", "over", "between", "against", "among", "because", "despite", "until",
      "upon", "into", "onto", "per", "via", "internet", "web", "online",
      "god", "lord", "allah", "jesus", "interview", "update", "updated", "breaking",
      "live", "exclusive", "opinion", "analysis", "editorial", "comment"});
  return never.Has(word) || IsNationality(word);
}

bool IsPersonPronoun(std::string_view word, Gender* gender) {
  std::string w = Lower(word);
  if (w == "he") {
    *gender = Gender::kMale;
    return true;
  }
  if (w == "she") {
    *gender = Gender::kFemale;
    return true;
  }
  return false;
}

bool IsUnnamedSource(std::string_view word) {
  static const WordSet unnamed({
      "spokesman", "spokeswoman", "spokesperson", "spokespeople", "official", "officials",
      "police", "officers", "authorities", "sources", "source", "witnesses", "witness",
      "residents", "experts", "analysts", "critics", "reports", "statement", "aide",
      "aides", "insiders", "insider", "people", "someone", "government", "ministry",
      "company", "firm", "report", "researchers", "scientists", "doctors", "lawyers",
      "prosecutors", "investigators", "observers", "diplomats", "they", "we", "i", "you",
      "it", "who", "which", "that", "this", "one", "others", "many", "some"});
  return unnamed.Has(word);
}

bool IsNameConnector(std::string_view word) {
  static const WordSet conn({"of", "for", "de", "du", "da", "dos", "das", "del",
                             "della", "di", "la", "le", "van", "von", "der",
                             "den", "bin", "al", "el", "ibn", "&", "y", "on",
                             "upon", "und", "dela", "dei", "vom", "zu", "ter", "des"});
  return conn.Has(word, /*lower=*/false);  // case-sensitive: "Of" in titles stays a name word
}

bool IsFiniteVerbWord(std::string_view word) {
  static const WordSet words({
      "am", "is", "are", "was", "were", "cannot", "has", "have", "had", "do", "does", "did", "can",
      "could", "may", "might", "must", "shall", "should", "will", "would", "ate", "became",
      "began", "blew", "bought", "brought", "built", "came", "caught", "chose", "dealt", "drew",
      "drank", "drove", "fell", "felt", "fled", "flew", "fought", "forgot", "found", "gave",
      "got", "grew", "heard", "held", "hid", "kept", "knew", "laid", "led", "lost", "made",
      "meant", "met", "paid", "ran", "rose", "said", "sank", "sat", "saw", "sent", "shook",
      "shot", "sold", "sought", "spent", "spoke", "stole", "stood", "struck", "swore", "taught",
      "thought", "threw", "told", "took", "understood", "went", "withdrew", "won", "wore",
      "wrote"});
  return words.Has(word);
}

bool IsIrregularWordForm(std::string_view word) {
  static const WordSet forms({
      "ate", "awoke", "beaten", "became", "began", "begun", "bent", "bet", "bitten", "bled",
      "blew", "blown", "bore", "born", "borne", "bought", "bound", "bred", "broke", "broken",
      "brought", "built", "burnt", "caught", "chose", "chosen", "clung", "came", "crept",
      "dealt", "did", "done", "drew", "drawn", "dreamt", "drank", "drunk", "drove", "driven",
      "dug", "dwelt", "eaten", "fed", "fell", "fallen", "felt", "fled", "flew", "flown",
      "fought", "forbade", "forgave", "forgiven", "forgot", "forgotten", "froze", "frozen",
      "found", "gave", "given", "gone", "got", "gotten", "grew", "grown", "had", "has", "heard",
      "held", "hid", "hidden", "hung", "kept", "knelt", "knew", "known", "laid", "led", "leapt",
      "left", "lent", "lit", "lost", "made", "meant", "met", "mistook", "paid", "ran", "rang",
      "rode", "ridden", "risen", "rose", "rung", "said", "sang", "sank", "sat", "saw", "seen",
      "sent", "shook", "shaken", "shone", "shot", "shown", "shrank", "slept", "slid", "slung",
      "sold", "sought", "spat", "spent", "spoke", "spoken", "sprang", "stole", "stolen", "stood",
      "struck", "stuck", "stung", "strove", "sung", "sunk", "swam", "swept", "swore", "sworn",
      "swung", "taken", "taught", "tore", "torn", "thought", "threw", "thrown", "told", "took",
      "trod", "understood", "undertook", "undertaken", "upheld", "was", "went", "were",
      "withdrew", "withdrawn", "woke", "won", "wore", "worn", "wound", "wove", "woven", "wrote",
      "written", "men", "women", "children", "people", "feet", "teeth", "mice", "geese",
      "better", "best", "worse", "worst", "less", "least", "further", "furthest", "elder",
      "eldest", "can", "could", "may", "might", "must", "shall", "should", "will", "would",
      "ought", "upon", "via", "amid", "amidst", "among", "amongst", "toward", "towards", "onto",
      "unto", "within", "without", "whether", "although", "though", "unless", "whereas", "whose",
      "whom", "whoever", "whatever", "whichever", "whenever", "wherever", "however", "yet",
      "also", "else", "ever", "never", "even", "quite", "rather", "almost", "already", "always",
      "often", "perhaps", "still", "thus", "hence", "indeed", "instead", "meanwhile", "moreover",
      "nevertheless", "nonetheless", "otherwise", "therefore", "anyone", "anybody", "anything",
      "everyone", "everybody", "everything", "someone", "somebody", "something", "nobody",
      "nothing", "none", "mr", "mrs", "ms", "ago", "across", "along", "around", "behind",
      "beside", "besides", "beyond", "despite", "inside", "outside", "since", "throughout",
      "till", "underneath", "unlike", "per", "several", "many", "much", "every", "either",
      "neither", "ones", "yours", "itself"});
  return forms.Has(word);
}

bool IsOrdinal(std::string_view word) {
  size_t d = 0;
  while (d < word.size() && word[d] >= '0' && word[d] <= '9') ++d;
  const std::string_view end = word.substr(d);
  return d > 0 && (end == "st" || end == "nd" || end == "rd" || end == "th");
}

bool IsOrdinalWord(std::string_view word) {
  static const WordSet ordinals({"first", "second", "third", "fourth", "fifth", "sixth",
                                 "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
                                 "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                                 "seventeenth", "eighteenth", "nineteenth", "twentieth"});
  return ordinals.Has(word);
}

bool IsLowerCaseAbbreviation(std::string_view word) {
  static const WordSet abbreviations({
      "kph", "mph", "kmh", "km", "kg", "lb", "lbs", "ft", "mm", "cm", "ml", "mg", "kw", "kwh",
      "mw", "hp", "yd", "yds", "hr", "hrs", "pct", "sq", "oz", "bbl", "i.e", "e.g", "a.m", "p.m",
      "etc", "vs", "cf", "approx", "incl"});
  return abbreviations.Has(StripDot(word));
}

bool IsWordPrefix(std::string_view word) {
  static const WordSet prefixes({
      "co", "ex", "non", "pre", "post", "anti", "pro", "vice", "self", "multi", "semi", "mid",
      "re", "sub", "inter", "counter", "over", "under", "ultra", "mini", "micro"});
  return prefixes.Has(word);
}

bool IsPurposeHead(std::string_view word) {
  static const WordSet heads({
      "center", "centre", "institute", "commission", "committee", "council", "foundation",
      "office", "agency", "association", "society", "fund", "academy", "school", "coalition",
      "alliance", "league", "union", "federation", "bureau", "board", "ministry", "department"});
  return heads.Has(word);
}

bool IsOrgNameAdjective(std::string_view word) {
  static const WordSet adjectives({
      "national", "federal", "supreme", "constitutional", "central", "royal", "legislative",
      "armed", "coast", "interior", "international", "democratic", "republican", "communist",
      "socialist", "general", "joint", "metropolitan", "municipal", "provincial"});
  return adjectives.Has(word);
}

bool IsInstitution(std::string_view w) {
  return w == "Senate" || w == "Congress" || w == "Parliament" || w == "Knesset" ||
         w == "Duma" || w == "Bundestag" || w == "Reichstag" || w == "Politburo";
}

bool IsKnownOrganisation(std::string_view name) { return LookupOrganisation(name, nullptr); }

bool MayStartOrganisation(std::string_view word) {
  size_t i = kGazetteerOrganisations.LowerBound(word);
  return i < kGazetteerOrganisations.size &&
         kGazetteerOrganisations[i].substr(0, word.size()) == word;
}

bool LookupOrganisation(std::string_view name, OrgEntry* entry) {
  size_t i = kGazetteerOrganisations.LowerBound(name);
  if (i == kGazetteerOrganisations.size || kGazetteerOrganisations[i] != name) return false;
  if (entry) {
    entry->group = kGazetteerOrganisationsGroup[i];
    entry->common_word = (kGazetteerOrganisationsFlags[i] & 1) != 0;
  }
  return true;
}

std::string_view CasedGazetteerName(std::string_view lower) {
  // Built on first use (only articles in capitals ask): the names sorted by
  // their lowered spelling.
  static const std::vector<std::string_view> by_lowered = [] {
    std::vector<std::string_view> names;
    names.reserve(kGazetteerOrganisations.size + kGazetteerPlaces.size);
    for (size_t i = 0; i < kGazetteerOrganisations.size; ++i) {
      if ((kGazetteerOrganisationsFlags[i] & 1) == 0) names.push_back(kGazetteerOrganisations[i]);
    }
    for (size_t i = 0; i < kGazetteerPlaces.size; ++i) names.push_back(kGazetteerPlaces[i]);
    std::stable_sort(names.begin(), names.end(), LessLowered);
    return names;
  }();
  auto it = std::lower_bound(by_lowered.begin(), by_lowered.end(), lower, LessLowered);
  if (it == by_lowered.end() || LessLowered(lower, *it)) return {};
  return *it;
}

bool IsKnownPlace(std::string_view name) { return kGazetteerPlaces.Contains(name); }
bool IsFirstName(std::string_view word) { return kGazetteerFirstNames.Contains(word); }
bool IsLikelyFirstName(std::string_view word) {
  return IsFirstName(word) || kGazetteerCensusFirstNames.Contains(word);
}

Gender FirstNameGender(std::string_view word) {
  if (kGazetteerMaleFirstNames.Contains(word)) return Gender::kMale;
  if (kGazetteerFemaleFirstNames.Contains(word)) return Gender::kFemale;
  return Gender::kUnknown;
}
bool IsCommonWord(std::string_view lower_word) {
  return kGazetteerCommonWords.Contains(lower_word);
}
bool IsCommonWordOrPlural(std::string_view lower_word) {
  if (IsCommonWord(lower_word)) return true;
  return lower_word.size() > 3 && lower_word.back() == 's' &&
         IsCommonWord(lower_word.substr(0, lower_word.size() - 1));
}

namespace {

// `w` minus `cut` final bytes, plus `add`, is a common word of two letters
// or more.
bool StemIsCommon(std::string_view w, size_t cut, std::string_view add) {
  if (w.size() <= cut) return false;
  std::string s(w.substr(0, w.size() - cut));
  s += add;
  return s.size() >= 2 && IsCommonWord(s);
}

// "stopped" -> "stop": the consonant before the ending doubled.
bool DoubledIsCommon(std::string_view w, size_t cut) {
  if (w.size() < cut + 3) return false;
  const size_t n = w.size() - cut;
  return w[n - 1] == w[n - 2] && StemIsCommon(w, cut + 1, "");
}

// A regular ending of a common word: `w` ends with one whose lemma, cut and
// put back as the table says, is a common word. `verbal`: only the endings
// of the past and the participles.
bool HasCommonLemma(std::string_view w, bool verbal) {
  // The ending, the bytes to cut with it, what to put back: "carried" ->
  // "carry", "used" -> "use", "stopped" -> "stop" (doubled).
  struct Ending {
    std::string_view suffix;
    size_t cut;
    std::string_view add;
    bool doubled;
    bool verbal;
  };
  static constexpr Ending kEndings[] = {
      {"ies", 3, "y", false, false}, {"ied", 3, "y", false, true},
      {"es", 2, "", false, false},   {"ed", 2, "", false, true},
      {"ed", 1, "", false, true},    {"ed", 2, "", true, true},
      {"ing", 3, "", false, true},   {"ing", 3, "e", false, true},
      {"ing", 3, "", true, true},    {"ier", 3, "y", false, false},
      {"iest", 4, "y", false, false}, {"er", 2, "", false, false},
      {"er", 1, "", false, false},   {"er", 2, "", true, false},
      {"est", 3, "", false, false},  {"est", 2, "", false, false},
      {"est", 3, "", true, false},   {"ily", 3, "y", false, false},
      {"ally", 4, "", false, false}, {"ly", 2, "", false, false},
      {"ly", 1, "e", false, false}};
  for (const Ending& e : kEndings) {
    if ((verbal && !e.verbal) || w.size() <= e.suffix.size() + 1 ||
        w.compare(w.size() - e.suffix.size(), e.suffix.size(), e.suffix) != 0) {
      continue;
    }
    if (e.doubled ? DoubledIsCommon(w, e.cut) : StemIsCommon(w, e.cut, e.add)) return true;
  }
  return false;
}

}  // namespace

bool IsEnglishWordForm(std::string_view lower_word) {
  return IsCommonWordOrPlural(lower_word) || IsIrregularWordForm(lower_word) ||
         HasCommonLemma(lower_word, false);
}

bool IsVerbFormOfCommonWord(std::string_view lower_word) {
  return HasCommonLemma(lower_word, true);
}

}  // namespace newsarc::internal
