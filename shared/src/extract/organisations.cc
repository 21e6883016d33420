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

bool Acronym(const Token& t) {
  if (!t.IsWord() || !t.all_caps || t.text.size() > 8) return false;
  if (IsNonOrgAcronym(t.text) || IsKnownPlace(t.text)) return false;
  return true;
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
    while (f < run.end && tokens[f].IsWord() && !IsRoleHead(tokens[f].text)) ++f;
    if (f > e + 1) e = f;
  }
  while (e < run.end && tokens[e].IsWord() && IsOrgKeyword(tokens[e].text)) ++e;
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
      for (size_t len = std::min<size_t>(kMaxGazetteerWords * 2, run.end - i); len >= 1; --len) {
        if (!tokens[i + len - 1].IsWord()) continue;
        if (IsKnownOrganisation(SpanText(tokens, {i, i + len}))) {
          best = len;
          break;
        }
      }
      if (best > 0) {
        Span s{i, i + best};
        // A keyword right after extends it ("Reuters News Agency" stays whole).
        while (s.end < run.end && IsOrgKeyword(tokens[s.end].text)) ++s.end;
        last_entity = orgs->Add(SpanText(tokens, s), s.begin);
        last_end = s.end;
        Mark(is_org, s);
        i = s.end;
        continue;
      }
      // Keyword patterns.
      size_t k = i;
      while (k < run.end && !(tokens[k].IsWord() && IsOrgKeyword(tokens[k].text) &&
                              !tokens[k].all_caps)) {
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
    size_t p = run.end;
    if (p + 2 < tokens.size() && tokens[p].Is("(") && tokens[p + 1].IsWord() &&
        tokens[p + 1].all_caps && tokens[p + 2].Is(")") &&
        !IsNonOrgAcronym(tokens[p + 1].text)) {
      std::string acr(tokens[p + 1].text);
      if (last_entity >= 0 && last_end == run.end) {
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
