#include "extract/speakers.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "ascii.h"
#include "extract/lexicon.h"
#include "extract/organisations.h"
#include "newsarc/normalizer.h"
#include "stop_words.h"

namespace newsarc::internal {
namespace {

struct Person {
  std::string name;  // fullest form
  std::string surname;
  std::vector<std::string> aliases;
  Gender gender = Gender::kUnknown;
  // The text says otherwise of the person ("Darcy Richardson ... Richardson
  // had his own opinion", where the lists hold Darcy as a woman's name): a
  // pronoun of either gender may refer to them.
  bool gender_in_doubt = false;
  bool full = false;
  int quotes = 0;
  int first_quote = -1;  // order of first attribution
};

// Words that open a sentence's adverbial phrase or clause before its
// subject: "In a briefing ..., Trump denied", "After the vote, ...".
bool OpensAdverbial(const Token& t) {
  static constexpr std::string_view kWords[] = {
      "In",     "At",     "On",        "After",    "Before", "During", "While", "When",
      "As",     "Since",  "Although",  "Though",   "If",     "Because", "Despite", "Following",
      "Amid",   "Asked",  "Speaking",  "Responding", "Unlike", "Like",  "Earlier", "Later",
      "Ahead",  "Prior",  "Upon",      "Over",     "Under",  "With",   "Without", "Within",
      "Through", "Throughout", "Across", "Among",  "Around", "Until",  "Once",    "Having",
      "Given",  "Unless", "Shortly",   "Soon",     "Hours",  "Days",   "Weeks",   "Months"};
  if (!t.IsWord()) return false;
  if (std::ranges::find(kWords, t.text) != std::end(kWords)) return true;
  // "Talking about the attention Rocky Linux has received, Kurtzer said": a
  // participle of a common verb.
  return t.cap && t.text.size() > 5 && t.text.ends_with("ing") &&
         IsVerbFormOfCommonWord(Lower(t.text));
}

// A role in lower case, hyphenated too: "researcher", "co-author".
bool IsRoleNoun(const Token& t) {
  if (!t.IsWord() || t.cap) return false;
  const size_t h = t.text.rfind('-');
  return IsRoleWord(t.text) || (h != std::string_view::npos && IsRoleWord(t.text.substr(h + 1)));
}

bool IsPreposition(std::string_view w) {
  static constexpr std::string_view kPreps[] = {
      "to", "with", "by", "for", "from", "about", "against", "of", "on", "at", "in",
      "after", "before", "like", "including", "than", "and", "or", "into", "toward",
      "towards", "behind", "over", "under", "as", "between", "among", "told", "asked"};
  for (auto p : kPreps) {
    if (w == p) return true;
  }
  return false;
}

// The form under which names are compared: case and diacritics folded
// ("Erdoğan" = "Erdogan"). ICU only for the few names that need it.
std::string NameKey(std::string_view name) {
  for (char c : name) {
    if (static_cast<unsigned char>(c) >= 0x80) return FoldKey(name);
  }
  return Lower(name);
}

// The words of a name, split at spaces.
std::vector<std::string_view> NameWords(std::string_view name) {
  std::vector<std::string_view> words;
  for (size_t b = name.find_first_not_of(' '); b != std::string_view::npos;) {
    const size_t e = std::min(name.find(' ', b), name.size());
    words.push_back(name.substr(b, e - b));
    b = name.find_first_not_of(' ', e);
  }
  return words;
}

// "De Blasio", "Van der Vorm": a surname with its particles, capitalised
// as a sentence's first words are.
bool SurnameWithParticles(const std::vector<std::string_view>& w) {
  bool particles = w.size() >= 2;
  for (size_t i = 0; i + 1 < w.size(); ++i) particles &= IsNameConnector(Lower(w[i]));
  return particles;
}

// True if two full names with the same last word name one person: the
// shorter's words are the longer's in order and both start alike ("Robert
// Mugabe", "Robert Gabriel Mugabe"; "Pedro Pierluisi", "Pedro R. Pierluisi"),
// or the shorter is the longer's surname with its particle ("De Blasio",
// "Bill de Blasio").
bool OneFullName(std::string_view a, std::string_view b) {
  std::vector<std::string_view> x = NameWords(a), y = NameWords(b);
  if (x.size() > y.size()) std::swap(x, y);
  if (x.size() < 2 || x.size() == y.size()) return false;
  auto same = [](std::string_view u, std::string_view v) { return NameKey(u) == NameKey(v); };
  if (!same(x.back(), y.back())) return false;
  if (SurnameWithParticles(x)) {
    for (size_t i = 0; i < x.size(); ++i) {
      if (!same(x[x.size() - 1 - i], y[y.size() - 1 - i])) return false;
    }
    return true;
  }
  if (!same(x.front(), y.front())) return false;
  size_t j = 0;
  for (std::string_view w : y) {
    if (j < x.size() && same(w, x[j])) ++j;
  }
  return j == x.size();
}

// "quickly", "widely": adverbs between an auxiliary and a participle.
bool IsLyAdverb(const Token& t) {
  return t.IsWord() && !t.cap && t.text.size() > 4 && t.text.substr(t.text.size() - 2) == "ly";
}

// A speech verb that says no speech before the word `next`: "declared a
// state of emergency" (an act), "who continues as chairman" (a post kept),
// "an aide who asked not to be identified said" (a request).
bool NoSpeech(const Token& verb, const Token& next) {
  if (verb.Is("declared")) return next.Is("a") || next.Is("an") || next.Is("the");
  // "posted a podcast dedicated to Conway": a thing put online.
  if (verb.Is("posted")) return next.Is("a") || next.Is("an");
  // (Nor "riots over the death of George Floyd continued across the
  // nation": speech goes on before a quote, a colon or "that", or at the
  // clause's end; "continued Smith".)
  if (verb.Is("continues") || verb.Is("continued")) {
    return next.IsWord() && !next.cap && !next.Is("that");
  }
  // "Manafort agreed to help with the investigation": a deal, not words.
  if (verb.Is("agreed")) return next.Is("to");
  return verb.Is("asked") && next.Is("not");
}

// A word after which a speech verb's form is a noun or an adjective: "the
// accused", "his alleged affairs", "about alleged affairs", "from five
// different states", "other states" (not "that", which also opens a clause:
// "the firm that said").
bool IsNounPosition(const Token& before) {
  static constexpr std::string_view kWords[] = {
      "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "about", "of", "for",
      "over", "with", "in", "on", "other", "many", "several", "some", "both", "these", "those",
      "different", "two", "three", "four", "five", "all", "member",
      // "won ten states", "most states": numbers and quantifiers.
      "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty",
      "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens",
      "most", "few", "fewer", "more", "various", "numerous", "multiple", "every", "any",
      "no", "such"};
  return before.IsWord() && !before.cap &&
         (std::ranges::find(kWords, before.text) != std::end(kWords) ||
          IsDigits(before.text));
}

bool IsClauseBreak(const Token& t) {
  return t.kind == TokenKind::kOpenQuote || t.kind == TokenKind::kCloseQuote || t.in_quote ||
         t.Is(";") || t.Is(":") || t.Is("\xE2\x80\x94") /* — */;
}

class Resolver {
 public:
  Resolver(const std::vector<Token>& tokens, const std::vector<Span>& runs,
           const std::vector<bool>& is_org)
      : tokens_(tokens), runs_(runs), is_org_(is_org) {
    run_at_.assign(tokens.size(), -1);
    sentence_.assign(tokens.size(), 0);
    sentence_begin_.assign(tokens.size(), 0);
    for (size_t i = 1; i < tokens.size(); ++i) {
      sentence_[i] = sentence_[i - 1] + (tokens[i].sentence_start ? 1 : 0);
      sentence_begin_[i] = sentence_[i] == sentence_[i - 1] ? sentence_begin_[i - 1] : i;
    }
    for (size_t r = 0; r < runs.size(); ++r) {
      for (size_t i = runs[r].begin; i < runs[r].end; ++i) run_at_[i] = static_cast<int>(r);
    }
  }

  SpeakerResult Run() {
    RegisterPeople();
    for (size_t v = 0; v < tokens_.size(); ++v) {
      const Token& t = tokens_[v];
      if (ColonOpensQuote(v) || CommaOpensQuote(v)) {
        // "Donald Trump took a parting shot on Twitter: "...": a colon that
        // opens a quote (or a comma before a whole sentence quoted), in a
        // sentence without a speech verb, speaks for the sentence's subject.
        verb_ = v;
        according_ = false;
        // (A sentence that opens with "he" or "she" is theirs: "He provided
        // Wikinews with a message he sent to AIP vice chairman Mark
        // Seidenberg: "...".)
        const size_t first = sentence_begin_[v];
        Gender g = Gender::kUnknown;
        if (tokens_[first].IsWord() && IsPersonPronoun(tokens_[first].text, &g)) {
          if (const int id = PronounAt(first, g); id >= 0) Attribute(id);
        } else {
          Before(v);
        }
        continue;
      }
      if (!t.IsWord() || t.in_quote || t.para == 0) continue;
      verb_ = v;
      according_ = false;
      if ((t.Is("according") || t.Is("According")) && v + 1 < tokens_.size() &&
          tokens_[v + 1].Is("to")) {
        according_ = true;
        // "according to a tweet on Monday by Secretary of State Mike Pompeo".
        size_t by = v + 2;
        if (by < tokens_.size() && (tokens_[by].Is("a") || tokens_[by].Is("an"))) {
          while (by < tokens_.size() && by < v + 10 && !tokens_[by].Is("by") &&
                 (tokens_[by].IsWord() && !tokens_[by].in_quote)) {
            ++by;
          }
          if (by < tokens_.size() && tokens_[by].Is("by")) {
            After(by, /*strict=*/false);
            continue;
          }
        }
        After(v + 1, /*strict=*/false);
        continue;
      }
      SpeechVerb kind = SpeechVerbKind(t.text);
      if (kind == SpeechVerb::kNone) continue;
      if (v + 1 < tokens_.size() && NoSpeech(t, tokens_[v + 1])) continue;
      // "the United States", "Kurt Volker, the United States special envoy":
      // a capital inside a sentence makes the word a name's, not a verb.
      if ((t.cap || t.all_caps) && !WeakCapital(tokens_, v)) continue;
      // "the accused", "about alleged affairs": after a determiner or a
      // preposition the word is a noun or an adjective.
      if (v > 0 && IsNounPosition(tokens_[v - 1])) continue;
      // "a publicly accessible area called the Ellipse": a name given.
      if (t.Is("called") && NamesAThing(v)) continue;
      size_t aux = v;
      while (aux > 0 && IsLyAdverb(tokens_[aux - 1]) && v - aux < 2) --aux;  // "was quickly reported"
      if (aux > 0 && (tokens_[aux - 1].Is("was") || tokens_[aux - 1].Is("were") ||
                      tokens_[aux - 1].Is("been") || tokens_[aux - 1].Is("being") ||
                      tokens_[aux - 1].Is("be") || tokens_[aux - 1].Is("is") ||
                      tokens_[aux - 1].Is("are"))) {
        if (v + 1 < tokens_.size() && tokens_[v + 1].Is("by")) After(v + 1, false);
        continue;  // passive: the subject was spoken to or about
      }
      if (v + 2 < tokens_.size() && tokens_[v + 1].Is("on") && run_at_[v + 2] >= 0) {
        Span run = runs_[run_at_[v + 2]];
        if (run.begin == v + 2 && run.size() == 1 && !is_org_[run.begin] &&
            CouldBeOrganisation(tokens_, run) && !tokens_[run.begin].all_caps) {
          org_subjects_.push_back(run);  // "wrote on Twitter"
        }
      }
      if (Before(v)) continue;
      if (kind == SpeechVerb::kEither) After(v, true);
    }
    SpeakerResult out;
    std::vector<std::pair<int, size_t>> order;
    for (size_t p = 0; p < people_.size(); ++p) {
      if (people_[p].quotes > 0 && people_[p].full) order.push_back({people_[p].first_quote, p});
    }
    // People known only by title and surname ("Mr Masood") when no full name exists.
    for (size_t p = 0; p < people_.size(); ++p) {
      if (people_[p].quotes > 0 && !people_[p].full) order.push_back({people_[p].first_quote, p});
    }
    std::sort(order.begin(), order.end());
    for (auto& [q, p] : order) {
      Person& person = people_[p];
      Entity e;
      e.name = person.name;
      e.aliases = person.aliases;
      e.mentions = static_cast<uint32_t>(person.quotes);
      out.speakers.push_back(std::move(e));
    }
    out.org_subjects = std::move(org_subjects_);
    out.events = std::move(events_);
    out.person_names.resize(people_.size());
    for (size_t p = 0; p < people_.size(); ++p) {
      if (people_[p].quotes > 0) out.person_names[p] = people_[p].name;
    }
    for (const Person& p : people_) {
      for (std::string_view w : NameWords(p.name)) out.person_words.emplace_back(w);
      if (p.full) out.full_names.push_back(p.name);
    }
    return out;
  }

 private:
  void AddAlias(Person& p, const std::string& alias) {
    if (alias.empty() || alias == p.name) return;
    for (const auto& a : p.aliases) {
      if (a == alias) return;
    }
    p.aliases.push_back(alias);
  }

  // Entity for a person name; creates it if new.
  int Resolve(const PersonName& pn) {
    std::string text = SpanText(tokens_, pn.name);
    // (The key leaves out the full stop shown after "Jr.", below, so that
    // "Robert Downey Jr." and "Robert Downey Jr" are one person.)
    const std::string key = NameKey(text);
    size_t last = pn.name.end - 1;
    if (last > pn.name.begin && IsGenerationSuffix(tokens_[last].text)) {
      // "Jr." with its full stop, as written.
      if ((tokens_[last].Is("Jr") || tokens_[last].Is("Sr")) && last + 1 < tokens_.size() &&
          tokens_[last + 1].Is(".") &&
          tokens_[last + 1].text.data() == tokens_[last].text.data() + tokens_[last].text.size()) {
        text += '.';
      }
      --last;
    }
    std::string surname(tokens_[last].text);
    int id = -1;
    if (pn.full) {
      auto it = by_full_.find(key);
      if (it != by_full_.end()) {
        id = it->second;
      } else {
        auto s = by_surname_.find(NameKey(surname));
        // A single-word entity becomes this full name.
        if (s != by_surname_.end() && !people_[s->second].full) {
          id = s->second;
          Person& p = people_[id];
          AddAlias(p, p.name);
          p.name = text;
          p.full = true;
        } else if (s != by_surname_.end() && OneFullName(people_[s->second].name, text)) {
          // "Robert Mugabe" after "Robert Gabriel Mugabe", "De Blasio"
          // after "Bill de Blasio": one person, under the form met first,
          // unless that was the surname alone ("Van Halen", then "Eddie Van
          // Halen").
          id = s->second;
          Person& p = people_[id];
          if (SurnameWithParticles(NameWords(p.name))) std::swap(p.name, text);
          AddAlias(p, text);
        } else {
          id = static_cast<int>(people_.size());
          Person p;
          p.name = text;
          p.full = true;
          p.surname = surname;
          people_.push_back(std::move(p));
          if (s == by_surname_.end() || first_of_two_surnames_.erase(s->first) > 0) {
            by_surname_[NameKey(surname)] = id;
          }
          // "Wanda Vázquez Garced" is also "Vázquez": the first of two
          // surnames (not a middle name the lists hold, "John Paul Stevens",
          // nor an initial; nor before a common word, "Rudolf Dassler
          // Sport", which a person's name does not end with). Another's own
          // surname takes the place of such a one.
          if (pn.name.size() >= 3 && !IsCommonWordOrPlural(Lower(surname))) {
            const Token& w = tokens_[pn.name.end - 2];
            if (w.IsWord() && w.cap && w.text.size() > 2 && !IsLikelyFirstName(w.text) &&
                !IsNameConnector(Lower(w.text)) && w.text.find('.') == std::string_view::npos &&
                by_surname_.emplace(NameKey(w.text), id).second) {
              first_of_two_surnames_.insert(NameKey(w.text));
            }
          }
        }
        by_full_[key] = id;
      }
      AddAlias(people_[id], surname);
    } else {
      auto s = by_surname_.find(NameKey(surname));
      if (s != by_surname_.end()) {
        id = s->second;
      } else {
        id = static_cast<int>(people_.size());
        Person p;
        p.name = surname;
        p.surname = surname;
        people_.push_back(std::move(p));
        by_surname_[NameKey(surname)] = id;
      }
    }
    Person& p = people_[id];
    if (!pn.title.empty()) AddAlias(p, pn.title + " " + surname);
    if (pn.gender != Gender::kUnknown) p.gender = pn.gender;
    if (!pn.role.empty()) by_role_[pn.role] = id;
    return id;
  }

  bool ParseAt(size_t r, PersonName* pn) {
    Span run = runs_[r];
    // "Peter Hall on Twitter": only the part before a connector counts.
    size_t end = run.begin + 1;
    while (end < run.end && !tokens_[end].Is("of") && !tokens_[end].Is("on") &&
           !tokens_[end].Is("for") && !tokens_[end].Is("&")) {
      ++end;
    }
    if (is_org_[end - 1]) {
      // "Bank of England Governor Mark Carney": a person after the body's role.
      return end < run.end && ParsePersonName(tokens_, run, pn) && pn->name.begin > end;
    }
    if (ParsePersonName(tokens_, run, pn)) return true;
    // A lone known surname: "Rudd said".
    if (run.size() == 1) {
      auto s = by_surname_.find(NameKey(tokens_[run.begin].text));
      if (s != by_surname_.end() && people_[s->second].full) {
        *pn = PersonName();
        pn->name = run;
        return true;
      }
    }
    return false;
  }

  void RegisterPeople() {
    for (size_t r = 0; r < runs_.size(); ++r) {
      const Span& run = runs_[r];
      if (tokens_[run.begin].in_quote || tokens_[run.begin].para == 0) continue;
      PersonName pn;
      if (!ParseAt(r, &pn)) continue;
      // Role + single word ("President Trump") needs a known surname, unless
      // the role is in lower case right before it ("Turkish president
      // Erdoğan called for ...", a later "he" his).
      const bool lower_role = !pn.role.empty() && pn.name.begin == run.begin &&
                              run.begin > 0 && tokens_[run.begin - 1].IsWord() &&
                              !tokens_[run.begin - 1].cap;
      if (!pn.full && pn.title.empty() && !pn.kin && !lower_role) {
        if (by_surname_.find(NameKey(tokens_[pn.name.begin].text)) == by_surname_.end())
          continue;
      }
      int id = Resolve(pn);
      // (One known by a relation, "whose brother Jose", is a side figure: a
      // later "he" is someone else until that one has spoken.)
      mentions_.push_back({pn.name.begin, id, Salient(run) && !pn.kin, IsSubject(run)});
    }
    DoubtGenders();
  }

  // A subject followed in its sentence, before anyone else is named, by
  // "his" or "himself" is a man, by "herself" a woman ("her" may be
  // someone else's object): where the lists said otherwise, both fit.
  void DoubtGenders() {
    constexpr size_t kLookAhead = 20;
    for (size_t m = 0; m < mentions_.size(); ++m) {
      if (!mentions_[m].subject) continue;
      Person& p = people_[mentions_[m].person];
      if (p.gender == Gender::kUnknown || p.gender_in_doubt) continue;
      const size_t begin = mentions_[m].token;
      const int r = run_at_[begin];
      size_t t = r >= 0 ? runs_[r].end : begin + 1;
      const size_t stop = m + 1 < mentions_.size() ? mentions_[m + 1].token : tokens_.size();
      for (; t < stop && t < tokens_.size() && t < begin + kLookAhead &&
             sentence_[t] == sentence_[begin];
           ++t) {
        const Token& w = tokens_[t];
        if (!w.IsWord() || w.in_quote) continue;
        const bool male = w.Is("his") || w.Is("himself");
        if (male || w.Is("herself")) {
          if (p.gender != (male ? Gender::kMale : Gender::kFemale)) p.gender_in_doubt = true;
          break;
        }
      }
    }
  }

  void Attribute(int id) {
    events_.push_back({verb_, id, according_, subject_after_});
    CountSpeech(id);
  }

  // One more thing person `id` said; the first puts them in the speakers'
  // order.
  void CountSpeech(int id) {
    Person& p = people_[id];
    if (p.quotes++ == 0) p.first_quote = next_order_++;
  }

  // People named as objects ("speaking to Martin Smith", "fiancée of
  // journalist Jamal Khashoggi", "married to X and Barry Comden") are rarely
  // what a later "he"/"she" refers to.
  bool Salient(Span run) const {
    size_t i = run.begin;
    for (int lower = 0; i > 0 && lower < 3; ++lower) {
      const Token& t = tokens_[i - 1];
      if (!t.IsWord() || t.cap || t.para != tokens_[run.begin].para) break;
      if (IsPreposition(t.text) && !t.Is("told") && !t.Is("asked")) return false;
      if (SpeechVerbKind(t.text) != SpeechVerb::kNone) break;
      if (!(t.Is("the") || IsRoleWord(t.text) || IsRoleModifier(t.text) ||
            IsCommonWord(std::string(t.text)))) {
        break;
      }
      --i;
    }
    return true;
  }

  // True if mention `m` is the only person named in its sentence, and that
  // sentence is before the one of token `v` ("... spoke with Anne Sacoolas.
  // She informed police ...").
  bool OnlyPersonOfSentence(size_t m, size_t v) const {
    const uint32_t sent = sentence_[mentions_[m].token];
    if (sent == sentence_[v]) return false;
    if (m > 0 && sentence_[mentions_[m - 1].token] == sent) return false;
    if (m + 1 < mentions_.size() && sentence_[mentions_[m + 1].token] == sent) return false;
    return true;
  }

  // True if the name that starts at token `i` is the object of a
  // preposition: right after it, or after "the" and lower-case role words
  // ("of the general Qasem Soleimani", "with former minister X").
  bool AfterPreposition(size_t i) const {
    size_t k = i;
    for (int skipped = 0; k > 0 && skipped < 4; ++skipped) {
      const Token& t = tokens_[k - 1];
      if (!t.IsWord() || t.cap || t.para != tokens_[i].para) break;
      if (!(t.Is("the") || IsRoleWord(t.text) || IsRoleModifier(t.text))) break;
      --k;
    }
    if (k == 0 || !tokens_[k - 1].IsWord() || !IsPreposition(tokens_[k - 1].text)) return false;
    if (k == i) return true;
    // (Not "chairman and chief executive William Schreyer", two roles of
    // one person, nor "Chancellor of the Exchequer Nigel Lawson", a role's
    // own "of".)
    const Token& p = tokens_[k - 1];
    if (p.Is("and") || p.Is("or")) return false;
    return !(k >= 2 && tokens_[k - 2].IsWord() && tokens_[k - 2].cap);
  }

  // True if the name `run` is the subject of its sentence or of a clause
  // joined to it: nothing but an opening phrase ended by a comma before it
  // ("Wednesday, the same day that he dropped out, Bloomberg endorsed ..."),
  // or a conjunction ("..., while Interior Minister Joachim Brudziński
  // wrote"), and a finite verb right after it.
  bool IsSubject(Span run) const {
    const size_t first = sentence_begin_[run.begin];
    size_t b = run.begin;
    if (b > first && (tokens_[b - 1].Is("the") || tokens_[b - 1].Is("The"))) --b;
    if (b != first && !tokens_[b - 1].Is(",") && !tokens_[b - 1].Is("while") &&
        !tokens_[b - 1].Is("whereas") && !tokens_[b - 1].Is("but") && !tokens_[b - 1].Is("and")) {
      return false;
    }
    if (run.end >= tokens_.size()) return false;
    const Token& t = tokens_[run.end];
    if (!t.IsWord() || t.cap || t.para != tokens_[run.begin].para) return false;
    return t.text.ends_with("ed") || IsFiniteVerbWord(t.text) ||
           SpeechVerbKind(t.text) != SpeechVerb::kNone;
  }

  // The person named after "and" (and roles in lower case) right after the
  // run `r`, in a name that ends right before the verb at `v` (a full name,
  // or the surname of one named before), or -1.
  int JoinedSubject(size_t r, size_t v) {
    size_t k = runs_[r].end;
    if (k >= v || !tokens_[k].Is("and")) return -1;
    ++k;
    while (k < v && tokens_[k].IsWord() && !tokens_[k].cap &&
           (IsRoleWord(tokens_[k].text) || IsRoleModifier(tokens_[k].text))) {
      ++k;
    }
    const int r2 = run_at_[k];
    if (r2 < 0 || runs_[r2].begin != k || runs_[r2].end != v) return -1;
    PersonName pn;
    if (!ParseAt(static_cast<size_t>(r2), &pn)) return -1;
    return Resolve(pn);
  }

  // True if person `id` was made the speaker of a verb in sentence `sent`
  // ("..., according to Russell, who proposed ...": he speaks there, not
  // the subject before him).
  bool SpokeIn(int id, uint32_t sent) const {
    for (size_t e = events_.size(); e-- > 0 && sentence_[events_[e].verb] >= sent;) {
      if (events_[e].person == id && sentence_[events_[e].verb] == sent) return true;
    }
    return false;
  }

  bool Fits(const Person& p, Gender g) const {
    return p.gender == Gender::kUnknown || g == Gender::kUnknown || p.gender == g ||
           p.gender_in_doubt;
  }

  // Nearest earlier person mention before token `v` whose gender fits;
  // from a later sentence, the subject of the sentence that named it
  // rather than a person named after the subject's verb ("Bloomberg
  // endorsed his former rival, Joe Biden. "...," he said": Bloomberg).
  int PronounAt(size_t v, Gender g) {
    for (size_t m = mentions_.size(); m-- > 0;) {
      if (mentions_[m].token >= v) continue;
      const Person& p = people_[mentions_[m].person];
      if (!mentions_[m].salient && p.quotes == 0 && !OnlyPersonOfSentence(m, v)) continue;
      if (!Fits(p, g)) continue;
      const uint32_t sent = sentence_[mentions_[m].token];
      if (sent != sentence_[v] && !mentions_[m].subject && !SpokeIn(mentions_[m].person, sent)) {
        for (size_t k = m; k-- > 0 && sentence_[mentions_[k].token] == sent;) {
          const Person& q = people_[mentions_[k].person];
          if (mentions_[k].subject && (mentions_[k].salient || q.quotes > 0) && Fits(q, g)) {
            return mentions_[k].person;
          }
        }
      }
      return mentions_[m].person;
    }
    return -1;
  }

  // Attributes the speech verb at `v` to a subject before it. Returns true
  // if a subject (person, organisation, unnamed source) was found.
  bool Before(size_t v) {
    subject_after_ = false;
    // A clause is searched back at most kMaxClauseTokens (below): subjects
    // sit near their verb, and an unbounded walk made text without full
    // stops (a hard-wrapped file, a table) quadratic in its length.
    // (", while" and ", whereas" open a clause of its own: "Andrzej Duda
    // said ..., while Interior Minister Joachim Brudziński wrote"; not
    // before a participle, "James Baker, while defending ..., conceded".
    // So do ", and" and ", but" before a possessive and words in lower
    // case up to the verb: "Navalny is a critic of Putin, and his
    // associates had alleged ..."; not a list, "The firm, its president,
    // Thomas DePetrillo, and its vice president, Vincent DiGuilio, said".)
    auto opens_clause = [&](size_t b) {
      if (b < 2 || !tokens_[b - 2].Is(",")) return false;
      const Token& c = tokens_[b - 1];
      if (c.Is("and") || c.Is("but")) {
        if (!(tokens_[b].Is("his") || tokens_[b].Is("her") || tokens_[b].Is("their") ||
              tokens_[b].Is("its") || tokens_[b].Is("our") || tokens_[b].Is("my"))) {
          return false;
        }
        for (size_t i = b + 1; i < v; ++i) {
          if (!tokens_[i].IsWord() || tokens_[i].cap) return false;
        }
        return true;
      }
      return (c.Is("while") || c.Is("whereas")) &&
             !(tokens_[b].IsWord() && tokens_[b].text.ends_with("ing"));
    };
    size_t s = v;
    while (s > 0 && v - s < kMaxClauseTokens && !tokens_[s].sentence_start &&
           !IsClauseBreak(tokens_[s - 1]) && tokens_[s - 1].para == tokens_[v].para &&
           !opens_clause(s)) {
      --s;
    }
    if (WhoSpeaks(v, s)) return true;
    // "..., which NASA said might take place": the verb of a relative clause
    // on "which" has its subject after it.
    for (size_t i = v; i-- > s + 1;) {
      if (tokens_[i].Is(",")) break;
      if (tokens_[i].Is("which") && tokens_[i - 1].Is(",")) {
        s = i + 1;
        break;
      }
    }
    // First person-like name in the clause that is not the object of a preposition.
    std::optional<PersonName> first;
    size_t first_run = 0;
    for (size_t i = s; i < v && !first; ++i) {
      // "The United States, which has retreated from a goal of ousting
      // President Bashar al-Assad, has stated": a relative clause on
      // "which" is about what comes before it.
      if (tokens_[i].Is("which") && i > s && tokens_[i - 1].Is(",")) {
        size_t close = i + 1;
        while (close < v && !tokens_[close].Is(",")) ++close;
        if (close < v) {
          i = close;
          continue;
        }
      }
      int r = run_at_[i];
      if (r < 0 || runs_[r].begin != i || runs_[r].end > v) continue;
      // The object of a preposition is not the subject, unless the name
      // runs up to the verb ("Ambassador to Germany Richard Grenell said").
      // (Also over a description in lower case: "the assassination of the
      // general Qasem Soleimani".)
      if (runs_[r].end != v && AfterPreposition(i)) continue;
      // (A name before a possessive is an owner, not a subject, unless the
      // possessive belongs to the body after its "of": "Sam Wilson of UH
      // Manoa's Center said".)
      if (runs_[r].end < tokens_.size() &&
          tokens_[runs_[r].end].kind == TokenKind::kPossessive && !HasConnector(runs_[r])) {
        continue;
      }
      PersonName pn;
      // (Nor a name after an article with no role or title in it: "at the
      // Punta Tombo breeding site", "The Bernie Sanders campaign said".)
      if (ParseAt(static_cast<size_t>(r), &pn) &&
          !(i > 0 && (tokens_[i - 1].Is("the") || tokens_[i - 1].Is("The") ||
                      tokens_[i - 1].Is("a") || tokens_[i - 1].Is("an")) &&
            pn.role.empty() && pn.title.empty() && pn.name.begin == i)) {
        first = pn;
        first_run = static_cast<size_t>(r);
      }
    }
    // Unless that is a name only by its capitals ("Longtime Imus in the
    // Morning writer and performer Rob Bartlett said"): then a full name
    // right before the verb, after a lower-case description, is the head of
    // the subject. Not the object of a preposition ("an analyst with
    // Prudential Bache said"), nor the second of two people ("UAW president
    // Owen Bieber and vice president Marc Stepp said").
    if (int r = v > s ? run_at_[v - 1] : -1;
        r >= 0 && runs_[r].end == v && runs_[r].begin > s &&
        (!first || (!first->strong && first_run != static_cast<size_t>(r)))) {
      const size_t b = runs_[r].begin;
      bool second = false;
      for (size_t i = s + 1; i < b && !second; ++i) {
        second = (tokens_[i].Is("and") || tokens_[i].Is("or")) && tokens_[i - 1].cap;
      }
      const Token& before = tokens_[b - 1];
      PersonName pn;
      // (Nor after an article: "the El Nacional reported" names a paper.)
      if (!second && before.IsWord() && !before.cap && !before.Is("and") && !before.Is("or") &&
          !before.Is("nor") && !before.Is("but") && !before.Is("the") && !before.Is("a") &&
          !before.Is("an") && !IsPreposition(before.text) &&
          ParseAt(static_cast<size_t>(r), &pn) && pn.full) {
        Attribute(Resolve(pn));
        return true;
      }
    }
    // "It also credited Leonov with making the spacewalk possible, noting
    // ...": a participle after a comma speaks for the sentence's subject,
    // and after "it" (a body, a paper) a name right after a lower-case word
    // is an object. (Not "It quoted Khomeini as saying ...".)
    if (first && (tokens_[s].Is("It") || tokens_[s].Is("it")) && v > s + 1 &&
        tokens_[v - 1].Is(",") && tokens_[v].text.ends_with("ing")) {
      const Token& before = tokens_[runs_[first_run].begin - 1];
      if (before.IsWord() && !before.cap) return true;
    }
    // "..., The Guardian reported.": a body's name right before the verb,
    // after a comma, is the subject, not a person named before it (unless
    // the comma is inside that name, "University of California, Los
    // Angeles", or the body is a person's, "Sheldon Yett of UNICEF").
    if (first && v > s) {
      if (const int r = run_at_[v - 1];
          r >= 0 && runs_[r].end == v && is_org_[runs_[r].begin] && is_org_[v - 1]) {
        size_t b = runs_[r].begin;
        // (After "the" it is a name of its own: "... of the National
        // Association of Wheat Growers, the State Department said".)
        const bool article = b > s && (tokens_[b - 1].Is("the") || tokens_[b - 1].Is("The"));
        if (article) --b;
        if (b > s + 1 && tokens_[b - 1].Is(",") && (article || !is_org_[b - 2])) return true;
      }
    }
    // "In a public briefing that included California governor Gavin Newsom,
    // Trump denied ...": after an opening adverbial phrase and its comma, a
    // name right before the verb is the subject, not one in that phrase.
    if (first && v > s + 2 && OpensAdverbial(tokens_[s])) {
      if (const int r = run_at_[v - 1];
          r >= 0 && runs_[r].end == v && static_cast<size_t>(r) != first_run &&
          runs_[r].begin > s + 1 && tokens_[runs_[r].begin - 1].Is(",") &&
          runs_[first_run].end < runs_[r].begin) {
        PersonName pn;
        if (ParseAt(static_cast<size_t>(r), &pn)) {
          first = pn;
          first_run = static_cast<size_t>(r);
        }
      }
    }
    // "Mir-Mohammadi died of COVID-19, the government announced": a noun
    // phrase in lower case after a comma, right before the verb, is the
    // subject, not a person named before it; a role there is the person
    // who holds it, if the article named one.
    if (first && v > s + 2) {
      size_t j = v;
      while (j > s && v - j < 5 &&
             ((tokens_[j - 1].IsWord() && !tokens_[j - 1].cap) ||
              tokens_[j - 1].kind == TokenKind::kPossessive)) {
        --j;
      }
      if (j < v && j > s + 1 && tokens_[j - 1].Is(",") && runs_[first_run].end < j &&
          (tokens_[j].Is("the") || tokens_[j].Is("a") || tokens_[j].Is("an")) && j + 1 < v &&
          tokens_[v - 1].IsWord()) {
        Gender g = Gender::kUnknown;
        bool pronoun = false;
        for (size_t k = j; k < v; ++k) pronoun = pronoun || IsPersonPronoun(tokens_[k].text, &g);
        if (!pronoun) {
          RoleBefore(v);
          return true;
        }
      }
    }
    // "..., Trump denied the effect of climate change, arguing ...": so is a
    // name right after that comma before a verb of its own, for a verb
    // further on.
    if (first && OpensAdverbial(tokens_[s])) {
      size_t comma = s + 1;
      while (comma < v && !tokens_[comma].Is(",")) ++comma;
      const int r = comma + 1 < v ? run_at_[comma + 1] : -1;
      PersonName pn;
      if (r >= 0 && runs_[first_run].end <= comma && runs_[r].begin == comma + 1 &&
          runs_[r].end < v && tokens_[runs_[r].end].IsWord() && !tokens_[runs_[r].end].cap &&
          (SpeechVerbKind(tokens_[runs_[r].end].text) != SpeechVerb::kNone ||
           IsFiniteVerbWord(tokens_[runs_[r].end].text)) &&
          ParseAt(static_cast<size_t>(r), &pn)) {
        first = pn;
        first_run = static_cast<size_t>(r);
      } else if (comma < v && runs_[first_run].end < comma && tokens_[s].IsWord() &&
                 OpensSubordinateClause(tokens_[s].text) &&
                 tokens_[runs_[first_run].end].IsWord() && !tokens_[runs_[first_run].end].cap) {
        // ("As Kamala Harris visited the state, Biden campaign officials
        // expressed concern": the subject of a clause of its own does not
        // speak; not "Although Jonathan Wolff, ..., noted".)
        first.reset();
      }
    }
    // "Sustainable Australia describes itself as ...": what speaks of itself
    // so is a body; what it says is no person's (an event without one).
    if (first && v + 1 < tokens_.size() && tokens_[v + 1].Is("itself")) {
      const Span run = runs_[first_run];
      if (!is_org_[run.end - 1] && CouldBeOrganisation(tokens_, run)) org_subjects_.push_back(run);
      events_.push_back({verb_, -1, according_, subject_after_});
      return true;
    }
    if (first) {
      Attribute(Resolve(*first));
      // "Both Robert Mugabe and Morgan Tsvangirai claimed victory", "UAW
      // president Owen Bieber and vice president Marc Stepp said": a second
      // person joined by "and", right before the verb, speaks too (a
      // speaker without an event of their own: two events for one verb
      // read as a doubt about who spoke, and the quote would go).
      if (const int second = JoinedSubject(first_run, v); second >= 0) CountSpeech(second);
      return true;
    }
    // Nearest subject right before the verb, over adverbs and auxiliaries.
    size_t j = v;
    int skipped = 0;
    while (j > s && skipped < 3 && tokens_[j - 1].IsWord() && !tokens_[j - 1].cap &&
           !IsUnnamedSource(tokens_[j - 1].text) && !IsRoleWord(tokens_[j - 1].text)) {
      Gender g;
      if (IsPersonPronoun(tokens_[j - 1].text, &g)) break;
      --j;
      ++skipped;
    }
    if (j == s) return false;
    const Token& w = tokens_[j - 1];
    Gender g = Gender::kUnknown;
    if (w.IsWord() && IsPersonPronoun(w.text, &g)) {
      int id = PronounAt(j - 1, g);
      if (id >= 0) Attribute(id);
      return true;
    }
    if (w.IsWord() && IsUnnamedSource(w.text)) {
      // "the Home Secretary said" / "the minister said": a role seen before.
      return RoleBefore(j) || true;
    }
    if (w.IsWord() && IsRoleWord(w.text)) return RoleBefore(j) || true;
    int r = run_at_[j - 1];
    if (r >= 0 && runs_[r].end == j) {
      Span run = runs_[r];
      if (RoleBefore(j)) return true;
      if (is_org_[run.end - 1]) return true;
      if (CouldBeOrganisation(tokens_, run)) {
        // An unknown single word that speaks is as likely a person known by
        // surname only: only acronyms and "WhatsApp" forms count; and the
        // surname of a person the article names is theirs ("the Gabelli
        // group said it", after "Mario Gabelli").
        if ((run.size() > 1 || tokens_[run.begin].all_caps || tokens_[run.begin].camel ||
             ItFollows(v)) &&
            !(run.size() == 1 && by_surname_.contains(NameKey(tokens_[run.begin].text)))) {
          org_subjects_.push_back(run);
        }
        return true;
      }
    }
    return false;
  }

  // True if token `v` is a colon in a body's sentence right before a quote
  // mark that opens a quote, and no speech verb comes before it in its
  // sentence, which starts at most kMaxClauseTokens before it (as a subject
  // is looked for no further back, and a sentence without end is no walk
  // for each of its colons).
  bool ColonOpensQuote(size_t v) const { return tokens_[v].Is(":") && ColonLike(v); }

  // The punctuation at `v` opens a quote right after it, in a sentence
  // (up to `v`) without a speech verb or quote.
  bool ColonLike(size_t v) const {
    const Token& t = tokens_[v];
    if (t.in_quote || t.para == 0 || v + 1 >= tokens_.size() ||
        tokens_[v + 1].kind != TokenKind::kOpenQuote || tokens_[v + 1].para != t.para ||
        v - sentence_begin_[v] > kMaxClauseTokens) {
      return false;
    }
    for (size_t k = v; k-- > sentence_begin_[v];) {
      const Token& w = tokens_[k];
      if (w.in_quote || w.kind == TokenKind::kCloseQuote) return false;
      if (w.IsWord() && (SpeechVerbKind(w.text) != SpeechVerb::kNone || w.Is("according"))) {
        return false;
      }
    }
    return true;
  }

  // "Mick Jagger also reacted on Twitter, "Sad news ... drummer."": a comma
  // before a quote of a sentence or more that ends its own sentence, in a
  // sentence without a speech verb, speaks for the sentence's subject as a
  // colon does (not a title set off by commas: `the single, "Love Me Do",`).
  bool CommaOpensQuote(size_t v) const {
    constexpr size_t kMinWords = 6;
    if (!tokens_[v].Is(",") || !ColonLike(v)) return false;
    size_t words = 0, k = v + 2;
    for (; k < tokens_.size() && tokens_[k].in_quote; ++k) words += tokens_[k].IsWord();
    if (words < kMinWords || k >= tokens_.size() || tokens_[k].kind != TokenKind::kCloseQuote)
      return false;
    return k + 1 == tokens_.size() || tokens_[k + 1].para != tokens_[k].para ||
           tokens_[k + 1].sentence_start;
  }

  // True if `run` holds "of", "for" or "on" ("Sam Wilson of UH Manoa").
  bool HasConnector(Span run) const {
    for (size_t k = run.begin + 1; k < run.end; ++k) {
      if (tokens_[k].Is("of") || tokens_[k].Is("for") || tokens_[k].Is("on")) return true;
    }
    return false;
  }

  // "drafted by Alex Greenwich, who said", "met Jane Doe who later told":
  // the person a "who" right before the verb at `v` (over "also", "later"
  // or an adverb in -ly) follows, within the clause that starts at `s`.
  // Returns true if a speaker was attributed.
  bool WhoSpeaks(size_t v, size_t s) {
    size_t k = v;
    while (k > s && v - k < 2 && (IsLyAdverb(tokens_[k - 1]) || tokens_[k - 1].Is("also") ||
                                  tokens_[k - 1].Is("later") || tokens_[k - 1].Is("then"))) {
      --k;
    }
    if (k <= s || !tokens_[k - 1].Is("who")) return false;
    size_t e = k - 1;
    if (e > s && tokens_[e - 1].Is(",")) --e;
    const int r = e > s ? run_at_[e - 1] : -1;
    if (r < 0 || runs_[r].end != e || runs_[r].begin < s) return false;
    PersonName pn;
    if (!ParseAt(static_cast<size_t>(r), &pn)) return false;
    if (!pn.full && by_surname_.find(NameKey(tokens_[pn.name.begin].text)) == by_surname_.end()) {
      return false;
    }
    Attribute(Resolve(pn));
    return true;
  }

  // "..., said UCL astronomer Angelos Tsiaras", "wrote student protester
  // Joshua Wong", "said his father, Abdullah Kurdi": a full name after a
  // short noun phrase of determiners, lower-case nouns and organisation
  // names. Returns true if a speaker was attributed.
  bool FullNameAfter(size_t i) {
    const size_t para = tokens_[i].para;
    int commas = 0;
    for (size_t k = i; k < tokens_.size() && k < i + 7; ++k) {
      const Token& t = tokens_[k];
      if (t.para != para || t.in_quote) return false;
      if (t.Is(",")) {
        if (++commas > 1) return false;
        continue;
      }
      // "argued the government's lawyer, Richard Keen": an owner's
      // possessive in the description.
      if (t.kind == TokenKind::kPossessive && k > i) continue;
      int r = run_at_[k];
      // "Remarked Center for Biological Diversity scientist Tierra Curry":
      // a sentence-initial verb joined the capitalised run of a body's name
      // that describes the speaker.
      if (r >= 0 && k == i && runs_[r].begin + 1 == k && tokens_[k - 1].sentence_start &&
          SpeechVerbKind(tokens_[k - 1].text) != SpeechVerb::kNone) {
        if (runs_[r].end - k > 4) return false;
        k = runs_[r].end - 1;
        continue;
      }
      if (r >= 0 && runs_[r].begin == k) {
        PersonName pn;
        const size_t end = runs_[r].end;
        const bool owner = end < tokens_.size() && tokens_[end].kind == TokenKind::kPossessive &&
                           !HasConnector(runs_[r]);
        if (!owner && ParseAt(static_cast<size_t>(r), &pn) && pn.full) {
          // "said Societe Generale economist Alain Marais": a name that a
          // lower-case role noun and a full name follow is the employer.
          const size_t e = runs_[r].end;
          PersonName next;
          if (e + 1 < tokens_.size() && tokens_[e].IsWord() && !tokens_[e].cap &&
              tokens_[e].para == para && !tokens_[e].in_quote &&
              SpeechVerbKind(tokens_[e].text) == SpeechVerb::kNone &&
              !IsStopWord(tokens_[e].text) && run_at_[e + 1] >= 0 &&
              runs_[run_at_[e + 1]].begin == e + 1 &&
              ParseAt(static_cast<size_t>(run_at_[e + 1]), &next) && next.full) {
            pn = next;
          }
          Attribute(Resolve(pn));
          return true;
        }
        if (runs_[r].size() > 4) return false;
        k = runs_[r].end - 1;
        continue;
      }
      if (!t.IsWord() || t.cap) return false;
      // (Not "and", unless between roles: "said study co-author and
      // Research Fellow Martin How".)
      if (t.Is("that") || t.Is("to") || t.Is("in") || t.Is("on") || t.Is("at") ||
          (t.Is("and") && !(k > i && IsRoleNoun(tokens_[k - 1]))) || t.Is("was") ||
          t.Is("is") || t.Is("by") || t.Is("with") ||
          SpeechVerbKind(t.text) != SpeechVerb::kNone) {
        return false;
      }
      // "said the head of the agency, ...", "said the father of victim ...";
      // not the object of the verb: "announced the death of cosmonaut
      // Alexei Leonov", "confirmed the arrest of ...".
      if (t.Is("of") && !(IsRoleWord(tokens_[k - 1].text) ||
                           IsPersonalTitle(tokens_[k - 1].text) ||
                           IsKinNoun(tokens_[k - 1].text))) {
        return false;
      }
    }
    return false;
  }

  // True if "called" at `v` follows a noun phrase opened by "a" or "an"
  // ("an area called the Ellipse", "a group called ..."): what is called is
  // named, no one speaks.
  bool NamesAThing(size_t v) const {
    for (size_t k = v; k-- > 0 && v - k <= 4;) {
      const Token& t = tokens_[k];
      if (!t.IsWord() || t.cap) return false;
      if (t.Is("a") || t.Is("an")) return k + 1 < v;
      Gender g;
      if (IsPersonPronoun(t.text, &g)) return false;
    }
    return false;
  }

  // "Zorblax said it had complied": "it"/"its" right after the verb at `v`.
  bool ItFollows(size_t v) const {
    for (size_t i = v + 1; i < tokens_.size() && i <= v + 3; ++i) {
      if (tokens_[i].Is("it") || tokens_[i].Is("its")) return true;
      if (!tokens_[i].IsWord()) return false;
    }
    return false;
  }

  // "the Home Secretary" ending at `j`: the person introduced with that role.
  bool RoleBefore(size_t j) {
    std::string role;
    size_t i = j;
    while (i > 0 && tokens_[i - 1].IsWord() &&
           (IsRoleWord(tokens_[i - 1].text) || IsRoleModifier(tokens_[i - 1].text))) {
      --i;
    }
    if (i == j || i == 0 || !(tokens_[i - 1].Is("the") || tokens_[i - 1].Is("The"))) return false;
    for (size_t k = i; k < j; ++k) {
      if (!role.empty()) role.push_back(' ');
      role += Lower(tokens_[k].text);
    }
    auto it = by_role_.find(role);
    if (it == by_role_.end()) {
      // Head noun alone: "the minister" for "Health Minister X" if only one.
      std::string head = Lower(tokens_[j - 1].text);
      int found = -1;
      for (auto& [key, id] : by_role_) {
        if (key == head || (key.size() > head.size() &&
                            key.compare(key.size() - head.size(), head.size(), head) == 0 &&
                            key[key.size() - head.size() - 1] == ' ')) {
          if (found >= 0 && found != id) return false;
          found = id;
        }
      }
      if (found < 0) return false;
      Attribute(found);
      return true;
    }
    Attribute(it->second);
    return true;
  }

  // Subject after the verb at `v`: "..., said Smith" / "according to Smith".
  void After(size_t v, bool strict) {
    subject_after_ = true;
    size_t i = v + 1;
    if (i >= tokens_.size() || tokens_[i].in_quote) return;
    if (strict && v > 0) {
      // Only right after a quote or a comma closing one, or sentence-initial.
      const Token& p = tokens_[v - 1];
      bool ok = p.kind == TokenKind::kCloseQuote || p.Is(",") || tokens_[v].sentence_start;
      if (!ok) return;
      // ("Saying Rocky Linux is for the community, Kurtzer said": a
      // participle that opens a sentence has its subject after its clause.)
      if (p.kind != TokenKind::kCloseQuote && !p.Is(",") && tokens_[v].text.ends_with("ing")) {
        return;
      }
    }
    Gender g = Gender::kUnknown;
    if (tokens_[i].IsWord() && IsPersonPronoun(tokens_[i].text, &g)) {
      // "The party, in its statement, said he was a "gentleman politician"":
      // a pronoun before a word in lower case is the subject of what was
      // said, not the one who said it ('"...," said he.'). The speaker is
      // then a name that opens the sentence before a comma ("Reagan, in a
      // brief announcement, said he accepted ...").
      if (i + 1 < tokens_.size() && tokens_[i + 1].IsWord() && !tokens_[i + 1].cap) {
        const size_t first = sentence_begin_[v];
        const int r = run_at_[first];
        PersonName pn;
        if (r >= 0 && runs_[r].begin == first && runs_[r].end < v &&
            tokens_[runs_[r].end].Is(",") && ParseAt(static_cast<size_t>(r), &pn)) {
          Attribute(Resolve(pn));
        }
        return;
      }
      int id = PronounAt(v, g);
      if (id >= 0) Attribute(id);
      return;
    }
    if (tokens_[i].Is("the")) ++i;
    while (i < tokens_.size() && tokens_[i].IsWord() && !tokens_[i].cap &&
           (IsRoleWord(tokens_[i].text) || IsRoleModifier(tokens_[i].text))) {
      ++i;
    }
    // "according to Mexican President Andrés Manuel López Obrador": a
    // nationality outside the run of a role and a name, before it (not "the
    // Canadian Public Health Infobase").
    if (i + 1 < tokens_.size() && tokens_[i].IsWord() && tokens_[i].cap && run_at_[i] < 0 &&
        IsNationality(tokens_[i].text) && run_at_[i + 1] >= 0 &&
        runs_[run_at_[i + 1]].begin == i + 1 &&
        (IsRoleWord(tokens_[i + 1].text) || IsPersonalTitle(tokens_[i + 1].text))) {
      ++i;
    }
    if (i >= tokens_.size()) return;
    // "according to Windsor Locks' first selectman, Chris Kervick"; "by
    // Erdogan's office": the possessor is not the speaker.
    if (run_at_[i] >= 0 && runs_[run_at_[i]].begin == i) {
      size_t e = runs_[run_at_[i]].end;
      if (e < tokens_.size() && tokens_[e].kind == TokenKind::kPossessive) {
        if (e + 1 < tokens_.size()) FullNameAfter(e + 1);
        return;
      }
    }
    if (FullNameAfter(i)) return;
    int r = run_at_[i];
    if (r < 0) {
      RoleBefore(i);
      return;
    }
    PersonName pn;
    if (ParseAt(static_cast<size_t>(r), &pn)) {
      Attribute(Resolve(pn));
      return;
    }
    if (RoleBefore(runs_[r].end)) return;
    Span run = runs_[r];
    if (!is_org_[run.end - 1] && CouldBeOrganisation(tokens_, run)) org_subjects_.push_back(run);
  }

  const std::vector<Token>& tokens_;
  const std::vector<Span>& runs_;
  const std::vector<bool>& is_org_;
  std::vector<int> run_at_;
  std::vector<SpeechEvent> events_;
  size_t verb_ = 0;          // the speech verb (or "according") being attributed
  bool according_ = false;
  bool subject_after_ = false;  // the speaker is named after the verb: "..., said X"
  static constexpr size_t kMaxClauseTokens = 60;
  std::vector<uint32_t> sentence_;  // sentence number of each token
  std::vector<size_t> sentence_begin_;  // first token of each token's sentence
  std::vector<Person> people_;
  std::unordered_map<std::string, int> by_full_, by_surname_, by_role_;
  // Keys of by_surname_ that are the first of someone's two surnames.
  std::unordered_set<std::string> first_of_two_surnames_;
  struct Mention {
    size_t token;
    int person;
    bool salient;  // may be what a later pronoun refers to
    bool subject;  // opens its sentence's clause and a verb follows it
  };
  std::vector<Mention> mentions_;
  std::vector<Span> org_subjects_;
  int next_order_ = 0;
};

}  // namespace

SpeakerResult FindSpeakers(const std::vector<Token>& tokens, const std::vector<Span>& runs,
                           const std::vector<bool>& is_org) {
  return Resolver(tokens, runs, is_org).Run();
}

}  // namespace newsarc::internal
