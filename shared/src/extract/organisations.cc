#include "extract/organisations.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "extract/lexicon.h"

namespace newsarc::internal {
namespace {

std::string StripThe(std::string s) {
  if (s.rfind("The ", 0) == 0 || s.rfind("the ", 0) == 0) s.erase(0, 4);
  return s;
}

bool IsPlaceOrNever(std::string_view w) { return IsNeverName(w) || IsKnownPlace(w); }

bool HasDigit(std::string_view w) {
  for (char c : w) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

bool Acronym(const Token& t) {
  if (!t.IsWord() || !t.all_caps || t.text.size() > 8 || HasDigit(t.text)) return false;
  if (IsNonOrgAcronym(t.text) || IsKnownPlace(t.text)) return false;
  // Words in capitals ("GREAT", "ZERO") are shouting, not acronyms.
  if (t.text.size() >= 4 && IsCommonWord(Lower(t.text))) return false;
  return true;
}

// Connectors that may stand inside an organisation name after a keyword:
// "University of California", "Court for the Western District".
bool OfConnector(const Token& t) {
  return t.Is("of") || t.Is("for") || t.Is("on") || t.Is("de") || t.Is("du") || t.Is("des") ||
         t.Is("del") || t.Is("della") || t.Is("di") || t.Is("against");
}

// Extends an organisation span [b, e) over "of the X" and "and Y"
// continuations ("Court for the Western District", "Committee on Ways and
// Means", "High Court of England and Wales"), across run boundaries, within
// one paragraph and quote state.
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
  size_t best = e;
  while (best < n && best < e + 12) {
    size_t j = best;
    bool conj = false;
    if (OfConnector(tokens[j])) {
      ++j;
      if (j < n && tokens[j].Is("the")) ++j;
      in_of = true;
    } else if (tokens[j].Is("and") && in_of) {
      ++j;
      conj = true;
    } else {
      break;
    }
    size_t k = j;
    while (k < n && name_word(k)) ++k;
    if (k == j) break;
    if (conj && (IsOrgHeadKeyword(tokens[j].text) || IsOrgKeyword(tokens[k - 1].text) ||
                 IsKnownOrganisation(std::string(tokens[j].text)) ||
                 IsFirstName(tokens[j].text))) {
      break;
    }
    best = k;
  }
  return best;
}

// Extends an organisation span that starts at run start `s` (keyword at
// `k`) to the left over a nationality ("American Civil Liberties Union"),
// "X and" ("Securities and Exchange Commission") and a plural possessive
// ("People's Liberation Army").
size_t ExtendLeft(const std::vector<Token>& tokens, size_t s, size_t k) {
  const Token& first = tokens[s];
  auto same = [&](size_t i) {
    return tokens[i].para == first.para && tokens[i].in_quote == first.in_quote;
  };
  if (first.sentence_start) return s;
  const Token& p = tokens[s - 1];
  if (p.IsWord() && p.cap && IsNationality(p.text) && same(s - 1) && k > s) return s - 1;
  if (p.Is("and") && s >= 2 && same(s - 2)) {
    const Token& w = tokens[s - 2];
    if (w.IsWord() && w.cap && !w.all_caps && !IsNeverName(w.text) && !IsFirstName(w.text) &&
        !IsKnownPlace(w.text) && !IsKnownOrganisation(std::string(w.text)) &&
        !IsOrgKeyword(w.text) && !IsRoleWord(w.text)) {
      size_t b = s - 2;
      while (b > 0 && same(b - 1) && !tokens[b].sentence_start && tokens[b - 1].IsWord() &&
             tokens[b - 1].cap && !IsNeverName(tokens[b - 1].text) && s - b < 4) {
        --b;
      }
      return b;
    }
  }
  if (p.kind == TokenKind::kPossessive && s >= 2 && same(s - 2)) {
    const Token& w = tokens[s - 2];
    static constexpr std::string_view kPlural[] = {"People", "Children", "Women", "Men",
                                                   "Workers", "Veterans", "Farmers"};
    for (auto pl : kPlural) {
      if (w.text == pl) return s - 2;
    }
  }
  return s;
}

// "House of Representatives", "Embassy of Japan": heads that name an
// organisation only with an "of"-phrase.
bool OfHead(const std::vector<Token>& tokens, Span run, size_t k) {
  const Token& t = tokens[k];
  if (!(t.Is("House") || t.Is("Embassy") || t.Is("Consulate"))) return false;
  return k + 1 < run.end && tokens[k + 1].Is("of");
}

// Initials of the capitalised words of a span: "Federal Security Service" -> "FSS".
std::string Initials(const std::vector<Token>& tokens, Span s) {
  std::string out;
  for (size_t i = s.begin; i < s.end; ++i) {
    if (tokens[i].IsWord() && tokens[i].cap) out.push_back(tokens[i].text[0]);
  }
  return out;
}

void Mark(std::vector<bool>* is_org, Span s) {
  for (size_t i = s.begin; i < s.end; ++i) (*is_org)[i] = true;
}

// The organisation ending at keyword `k` (and any "of Y" after it) in `run`.
Span KeywordSpan(const std::vector<Token>& tokens, Span run, size_t from, size_t k) {
  size_t s = k;
  while (s > from && tokens[s - 1].IsWord() && !IsRoleHead(tokens[s - 1].text) &&
         !(IsNationality(tokens[s - 1].text) && s != k)) {
    // "Tristan Smith of University College": an "of" belongs to the name
    // only after a keyword ("Bank of", "Organisation of").
    if (OfConnector(tokens[s - 1]) && s - 1 > from &&
        !IsOrgKeyword(tokens[s - 2].text) && !IsOrgHeadKeyword(tokens[s - 2].text)) {
      break;
    }
    --s;
  }
  while (s < k && (IsNameConnector(tokens[s].text) ||
                   (WeakCapital(tokens, s) && IsCommonWord(Lower(tokens[s].text)) &&
                    !IsOrgHeadKeyword(tokens[s].text)))) {
    ++s;
  }
  size_t e = k + 1;
  if (e + 1 < run.end && tokens[e].IsWord() && IsNameConnector(tokens[e].text)) {
    size_t f = e + 1;
    while (f < run.end && tokens[f].IsWord() &&
           (!IsRoleHead(tokens[f].text) || IsRoleDomain(tokens[f].text))) {
      ++f;
    }
    if (f > e + 1) e = f;
  }
  while (e < run.end && tokens[e].IsWord() && IsOrgKeyword(tokens[e].text)) ++e;
  // "University College London": a place right after the keyword.
  if (e + 1 == run.end && IsKnownPlace(tokens[e].text) && IsOrgKeyword(tokens[e - 1].text)) ++e;
  e = ExtendRight(tokens, s, e);
  // Left: "American Civil Liberties Union", "Securities and Exchange
  // Commission", "People's Liberation Army".
  if (s == run.begin && s > 0) s = ExtendLeft(tokens, s, k);
  return {s, e};
}

// Legislatures named by one word: "the Senate", "Congress".
bool IsInstitution(std::string_view w) {
  return w == "Senate" || w == "Congress" || w == "Parliament" || w == "Knesset" ||
         w == "Duma" || w == "Bundestag" || w == "Reichstag" || w == "Politburo";
}

}  // namespace

int OrgTable::Add(const std::string& raw, size_t position) {
  std::string name = StripThe(raw);
  if (name.empty()) return -1;
  int id = Find(name);
  if (id < 0) {
    id = static_cast<int>(entities_.size());
    Entity e;
    e.name = name;
    e.mentions = 0;
    entities_.push_back(std::move(e));
    dead_.push_back(false);
    first_.push_back(position);
    by_form_[Lower(name)] = id;
  }
  first_[id] = std::min(first_[id], position);
  ++entities_[id].mentions;
  return id;
}

void OrgTable::AddAlias(int entity, const std::string& raw) {
  std::string alias = StripThe(raw);
  if (entity < 0 || alias.empty()) return;
  std::string key = Lower(alias);
  auto it = by_form_.find(key);
  if (it != by_form_.end() && it->second == entity) return;
  Entity& target = entities_[entity];
  if (it != by_form_.end()) {  // merge the entity of that name into `entity`
    int other = it->second;
    Entity& o = entities_[other];
    target.mentions += o.mentions;
    o.mentions = 0;
    dead_[other] = true;
    first_[entity] = std::min(first_[entity], first_[other]);
    for (auto& [form, id] : by_form_) {
      if (id == other) id = entity;
    }
    for (auto& [group, id] : by_group_) {
      if (id == other) id = entity;
    }
    if (o.name.size() > target.name.size() && o.name.find(' ') != std::string::npos) {
      std::swap(o.name, target.name);
    }
    if (o.name != target.name) target.aliases.push_back(o.name);
    for (auto& a : o.aliases) target.aliases.push_back(a);
  } else {
    target.aliases.push_back(alias);
    by_form_[key] = entity;
  }
}

int OrgTable::JoinGroup(int entity, int group) {
  if (entity < 0 || group < 0) return entity;
  auto it = by_group_.find(group);
  if (it == by_group_.end()) {
    by_group_[group] = entity;
    return entity;
  }
  int target = it->second;
  if (target == entity) return target;
  AddAlias(target, entities_[entity].name);
  return target;
}

int OrgTable::Find(const std::string& form) const {
  auto it = by_form_.find(Lower(StripThe(form)));
  return it == by_form_.end() ? -1 : it->second;
}

std::vector<Entity> OrgTable::Take() {
  std::vector<size_t> order;
  for (size_t i = 0; i < entities_.size(); ++i) {
    if (!dead_[i]) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return first_[a] < first_[b]; });
  std::vector<Entity> out;
  for (size_t i : order) out.push_back(std::move(entities_[i]));
  first_.clear();
  entities_.clear();
  dead_.clear();
  by_form_.clear();
  by_group_.clear();
  return out;
}

bool CouldBeOrganisation(const std::vector<Token>& tokens, Span run) {
  if (run.empty() || run.size() > 4) return false;
  const Token& first = tokens[run.begin];
  if (IsPlaceOrNever(first.text) || IsUnnamedSource(first.text) || IsRoleWord(first.text) ||
      IsPersonalTitle(first.text) || IsFirstName(first.text)) {
    return false;
  }
  std::string text = SpanText(tokens, run);
  if (IsKnownPlace(text)) return false;
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
  for (const Span& run : runs) {
    size_t i = run.begin;
    int last_entity = -1;
    size_t last_end = 0;
    while (i < run.end) {
      if (!tokens[i].IsWord() || IsNameConnector(tokens[i].text) || (*is_org)[i]) {
        ++i;
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
      if (best > 0) {
        Span s{i, i + best};
        // A keyword right after extends it ("Reuters News Agency" stays whole).
        while (s.end < run.end && IsOrgKeyword(tokens[s.end].text)) ++s.end;
        // "University College London".
        if (s.end + 1 == run.end && IsOrgKeyword(tokens[s.end - 1].text) &&
            IsKnownPlace(tokens[s.end].text)) {
          ++s.end;
        }
        last_entity = orgs->Add(SpanText(tokens, s), s.begin);
        if (s.size() == best) last_entity = orgs->JoinGroup(last_entity, entry.group);
        last_end = s.end;
        Mark(is_org, s);
        i = s.end;
        continue;
      }
      // Keyword patterns.
      size_t k = i;
      while (k < run.end && !(tokens[k].IsWord() && !tokens[k].all_caps &&
                              (IsOrgKeyword(tokens[k].text) || OfHead(tokens, run, k)))) {
        ++k;
      }
      if (k < run.end) {
        Span s = KeywordSpan(tokens, run, i, k);
        size_t words = 0;
        for (size_t j = s.begin; j < s.end; ++j) words += tokens[j].IsWord();
        if (words >= 2) {
          // Acronyms inside the name are part of it only at its start.
          for (size_t j = i; j < s.begin; ++j) {
            if (Acronym(tokens[j])) {
              orgs->Add(std::string(tokens[j].text), j);
              (*is_org)[j] = true;
            }
          }
          last_entity = orgs->Add(SpanText(tokens, s), s.begin);
          last_end = s.end;
          Mark(is_org, s);
          i = s.end;
          continue;
        }
      }
      if (!WeakCapital(tokens, i) && run.size() == 1 && IsInstitution(tokens[i].text)) {
        last_entity = orgs->Add(std::string(tokens[i].text), i);
        last_end = i + 1;
        (*is_org)[i] = true;
        ++i;
        continue;
      }
      if (Acronym(tokens[i]) || (tokens[i].camel && run.size() == 1)) {
        last_entity = orgs->Add(std::string(tokens[i].text), i);
        last_end = i + 1;
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
        orgs->AddAlias(last_entity, acr);
        (*is_org)[p + 1] = true;
      } else if (run.size() >= 2 && Initials(tokens, run) == acr) {
        int id = orgs->Add(SpanText(tokens, run), run.begin);
        Mark(is_org, run);
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
  auto is_person_word = [&](std::string_view w) {
    return std::find(person_words.begin(), person_words.end(), w) != person_words.end();
  };
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
  const std::vector<Entity>& ents = orgs->entities();
  for (const Span& r : runs) {
    if (r.size() < 2 || (*is_org)[r.begin]) continue;
    const Token& t = tokens[r.begin];
    const Token& n = tokens[r.begin + 1];
    if (t.text.size() < 3 || t.all_caps || !(IsRoleWord(n.text) || IsOrgKeyword(n.text))) continue;
    for (size_t e = 0; e < ents.size(); ++e) {
      const std::string& name = ents[e].name;
      size_t sp = name.find(' ');
      if (sp == std::string::npos || sp <= t.text.size()) continue;
      if (name.compare(0, t.text.size(), t.text) == 0) {
        int id = static_cast<int>(e);
        if (IsOrgKeyword(n.text)) {  // "Met Police"
          orgs->AddAlias(id, SpanText(tokens, {r.begin, r.begin + 2}));
        }
        orgs->AddAlias(id, std::string(t.text));
        orgs->Add(std::string(t.text), r.begin);
        (*is_org)[r.begin] = true;
        break;
      }
    }
  }
  count_known();
}

}  // namespace newsarc::internal
