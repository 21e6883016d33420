#include "extract/organisations.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <utility>

#include "extract/lexicon.h"

namespace newsarc::internal {
namespace {

std::string StripThe(std::string s) {
  if (s.rfind("The ", 0) == 0 || s.rfind("the ", 0) == 0) s.erase(0, 4);
  return s;
}

// One key for the forms of a country that qualify its bodies' names:
// "U.S.", "US", "USA" and "United States"; "UK" and "United Kingdom". Any
// other place is its name lowered.
std::string PlaceKey(std::string_view place) {
  std::string p = Lower(place);
  std::erase(p, '.');
  if (p == "us" || p == "usa" || p == "united states" || p == "united states of america") {
    return "united states";
  }
  if (p == "uk" || p == "united kingdom" || p == "great britain") return "united kingdom";
  return p;
}

bool IsPlaceWord(std::string_view words) {
  if (IsKnownPlace(words)) return true;
  const std::string key = PlaceKey(words);
  return key == "united states" || key == "united kingdom";
}

// True if a word of `words` says that they name a body ("Department",
// "Court", "Congress").
bool HasBodyWord(std::string_view words) {
  for (size_t b = 0; b < words.size();) {
    size_t e = words.find(' ', b);
    if (e == std::string_view::npos) e = words.size();
    const std::string_view w = words.substr(b, e - b);
    if (IsOrgKeyword(w) || IsInstitution(w)) return true;
    b = e + 1;
  }
  return false;
}

// The place that qualifies a body's name and the rest of it, as one key
// ("united kingdom|supreme court") shared by "Supreme Court of the United
// Kingdom", "UK Supreme Court" and "United Kingdom Supreme Court"; "" when
// no place qualifies the name.
std::string PlaceQualifiedKey(std::string_view name) {
  // "116th U.S. Congress" and "116th United States Congress": a number
  // before the place belongs to the body.
  std::string number;
  if (const size_t sp = name.find(' '); sp != std::string_view::npos &&
                                        IsOrdinal(name.substr(0, sp))) {
    number = std::string(name.substr(0, sp + 1));
    name.remove_prefix(sp + 1);
  }
  const size_t of = name.rfind(" of ");
  if (of != std::string_view::npos) {
    std::string_view place = name.substr(of + 4);
    if (place.starts_with("the ")) place.remove_prefix(4);
    const std::string_view body = name.substr(0, of);
    if (IsPlaceWord(place) && HasBodyWord(body)) {
      return PlaceKey(place) + "|" + number + Lower(body);
    }
  }
  // The longest place of up to three words that opens the name.
  size_t end = 0;
  std::string key;
  for (int words = 0; words < 3; ++words) {
    end = name.find(' ', end + (words > 0));
    if (end == std::string_view::npos) break;
    const std::string_view place = name.substr(0, end);
    const std::string_view body = name.substr(end + 1);
    if (IsPlaceWord(place) && HasBodyWord(body)) {
      key = PlaceKey(place) + "|" + number + Lower(body);
    }
  }
  return key;
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
    forms_of_.emplace_back();
    SetForm(Lower(name), id);
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
    for (std::string& form : forms_of_[other]) {
      by_form_[form] = entity;
      forms_of_[entity].push_back(std::move(form));
    }
    forms_of_[other].clear();
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
    SetForm(key, entity);
  }
}

void OrgTable::SetForm(const std::string& form, int entity) {
  auto [it, added] = by_form_.try_emplace(form, entity);
  if (!added) {
    if (it->second == entity) return;
    std::erase(forms_of_[it->second], form);
    it->second = entity;
  }
  forms_of_[entity].push_back(form);
}

void OrgTable::DropForm(const std::string& form, int entity) {
  auto it = by_form_.find(form);
  if (it == by_form_.end() || it->second != entity) return;
  by_form_.erase(it);
  std::erase(forms_of_[entity], form);
}

void OrgTable::Rename(int entity, const std::string& raw, size_t position) {
  std::string name = StripThe(raw);
  if (entity < 0 || name.empty()) return;
  Entity& e = entities_[entity];
  DropForm(Lower(e.name), entity);
  e.name = name;
  SetForm(Lower(name), entity);
  first_[entity] = std::min(first_[entity], position);
}

void OrgTable::Unmention(int entity) {
  if (entity < 0 || entities_[entity].mentions == 0) return;
  if (--entities_[entity].mentions == 0) {
    dead_[entity] = true;
    for (const std::string& form : forms_of_[entity]) by_form_.erase(form);
    forms_of_[entity].clear();
    // Its group of the lists too: a later mention ("United Nations" after
    // "United Nations Educational, Scientific and Cultural Organization
    // (UNESCO)") starts the group again instead of joining the dead entity.
    std::erase_if(by_group_, [entity](const auto& group) { return group.second == entity; });
  }
}

// (organisations.h) "Organisation for Economic Co-operation and
// Development": "OECD"; not "EC Commission", whose letters would not all
// count.
std::string NameInitials(std::string_view name) {
  std::string out;
  size_t words = 0;
  size_t capitals_in_part = 0;
  bool at_start = true;
  for (char c : name) {
    if (c == ' ' || c == '-') {
      words += c == ' ';
      at_start = true;
      capitals_in_part = 0;
      continue;
    }
    const bool capital = c >= 'A' && c <= 'Z';
    if (capital && ++capitals_in_part == 2) return {};
    if (at_start && capital) out.push_back(c);
    at_start = false;
  }
  if (words == 0) out.clear();
  return out;
}

void OrgTable::MergeShortForms() {
  // "UK Supreme Court" and "Supreme Court of the United Kingdom", "U.S.
  // Congress" and "United States Congress": one body, its country named
  // before or after it.
  std::unordered_map<std::string, int> by_place;
  for (size_t a = 0; a < entities_.size(); ++a) {
    if (dead_[a]) continue;
    std::string key = PlaceQualifiedKey(entities_[a].name);
    if (key.empty()) continue;
    const auto [it, added] = by_place.try_emplace(std::move(key), static_cast<int>(a));
    if (!added) AddAlias(it->second, entities_[a].name);
  }
  // "Merrill Lynch" (a gazetteer name, found as itself) of "Merrill Lynch
  // and Co Inc" earlier or later in the article. (Merging keeps the full
  // names as they are, so the map stays right; a merged entity is dead.)
  const auto before_form = ByNameBeforeLegalForm();
  for (size_t a = 0; a < entities_.size(); ++a) {
    if (dead_[a]) continue;
    const auto full = before_form.find(BeforeLegalFormKey(entities_[a].name));
    if (full != before_form.end() && full->second != static_cast<int>(a) &&
        !dead_[full->second]) {
      AddAlias(full->second, entities_[a].name);
    }
  }
  // "MIT" of "Massachusetts Institute of Technology", "EFF" of "Electronic
  // Frontier Foundation", named apart in one article: an acronym and the one
  // longer name whose capitalised words (and capitalised parts of hyphenated
  // ones: "Council of Ex-Muslims of Britain", "CEMB") it abbreviates.
  std::unordered_map<std::string, std::vector<int>> by_initials;
  for (size_t b = 0; b < entities_.size(); ++b) {
    if (dead_[b]) continue;
    std::string initials = NameInitials(entities_[b].name);
    if (initials.size() >= 2) by_initials[std::move(initials)].push_back(static_cast<int>(b));
  }
  for (size_t a = 0; a < entities_.size(); ++a) {
    if (dead_[a]) continue;
    const std::string& acronym = entities_[a].name;
    if (acronym.size() < 2 || acronym.size() > 6 ||
        !std::ranges::all_of(acronym, [](char c) { return c >= 'A' && c <= 'Z'; })) {
      continue;
    }
    const auto named = by_initials.find(acronym);
    if (named == by_initials.end()) continue;
    int target = -1;
    int live = 0;
    for (int b : named->second) {
      if (b == static_cast<int>(a) || dead_[b]) continue;
      target = b;
      ++live;
    }
    if (live == 1) AddAlias(target, acronym);
  }
  // "Republican" (a party's member or an adjective) of "Republicans": one
  // word and its plural.
  for (size_t a = 0; a < entities_.size(); ++a) {
    if (dead_[a]) continue;
    const std::string& word = entities_[a].name;
    if (word.size() < 3 || word.find(' ') != std::string::npos || word.back() == 's') continue;
    const int plural = Find(word + "s");
    if (plural >= 0 && plural != static_cast<int>(a) && !dead_[plural] &&
        entities_[plural].name.find(' ') == std::string::npos) {
      AddAlias(plural, word);
    }
  }
  // The longer names that hold a short one: "Tunisian Parliament" (after a
  // space), "Supreme Court of Puerto Rico" (before " of " or " for "); not
  // "Senate Judiciary Committee". Indexed by those parts, so that an article
  // naming thousands of bodies is not a walk over all of them per name. (The
  // merges below change no name but the short one's, which is merged away.)
  std::unordered_map<std::string, std::vector<int>> holders;
  for (size_t b = 0; b < entities_.size(); ++b) {
    if (dead_[b]) continue;
    const std::string& full = entities_[b].name;
    for (size_t sp = full.find(' '); sp != std::string::npos; sp = full.find(' ', sp + 1)) {
      holders[full.substr(sp + 1)].push_back(static_cast<int>(b));
      if (full.compare(sp, 4, " of ") == 0 || full.compare(sp, 5, " for ") == 0) {
        holders[full.substr(0, sp)].push_back(static_cast<int>(b));
      }
    }
  }
  auto words_of = [](const std::string& s) { return 1 + std::count(s.begin(), s.end(), ' '); };
  for (size_t a = 0; a < entities_.size(); ++a) {
    if (dead_[a]) continue;
    const std::string short_name = entities_[a].name;
    if (words_of(short_name) > 3) continue;
    size_t sp = short_name.rfind(' ');
    std::string_view head = sp == std::string::npos ? std::string_view(short_name)
                                                    : std::string_view(short_name).substr(sp + 1);
    // ("House" of "House of Representatives", "House of Commons" too.)
    if (!IsOrgKeyword(head) && !IsInstitution(head) && short_name != "House") continue;
    const auto held = holders.find(short_name);
    if (held == holders.end()) continue;
    int target = -1;
    bool ambiguous = false;
    for (int b : held->second) {
      if (b == static_cast<int>(a) || dead_[b]) continue;
      if (target >= 0 && target != b) ambiguous = true;
      target = b;
    }
    if (target >= 0 && !ambiguous) AddAlias(target, short_name);
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

std::string OrgTable::BeforeLegalFormKey(const std::string& name) {
  std::string key = Lower(StripThe(name));
  if (key.find(' ') == std::string::npos) key.clear();
  return key;
}

std::unordered_map<std::string, int> OrgTable::ByNameBeforeLegalForm() const {
  std::unordered_map<std::string, int> out;
  for (size_t i = 0; i < entities_.size(); ++i) {
    if (dead_[i]) continue;
    std::string_view rest = entities_[i].name;
    bool form = false;
    for (;;) {
      while (!rest.empty() && (rest.back() == ' ' || rest.back() == ',')) rest.remove_suffix(1);
      const size_t space = rest.rfind(' ');
      if (space == std::string_view::npos) break;
      const std::string_view last = rest.substr(space + 1);
      const bool legal = IsLegalForm(last);
      if (!legal && !(form && (last == "and" || last == "&"))) break;
      form = form || legal;
      rest.remove_suffix(last.size());
    }
    if (!form) continue;
    // "Mark IV Industries Inc", then "Mark IV said": a firm's name before a
    // word for what it does is its short name too.
    for (std::string_view generic : {"Industries", "Enterprises", "Holdings", "Group"}) {
      if (rest.size() > generic.size() + 1 && rest.ends_with(generic) &&
          rest[rest.size() - generic.size() - 1] == ' ') {
        std::string shorter = BeforeLegalFormKey(
            std::string(rest.substr(0, rest.size() - generic.size() - 1)));
        if (!shorter.empty()) out.try_emplace(std::move(shorter), static_cast<int>(i));
      }
    }
    std::string key = BeforeLegalFormKey(std::string(rest));
    if (!key.empty()) out.try_emplace(std::move(key), static_cast<int>(i));
  }
  return out;
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

}  // namespace newsarc::internal
