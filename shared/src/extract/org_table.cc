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

void OrgTable::Rename(int entity, const std::string& raw, size_t position) {
  std::string name = StripThe(raw);
  if (entity < 0 || name.empty()) return;
  Entity& e = entities_[entity];
  for (auto it = by_form_.begin(); it != by_form_.end();) {
    if (it->second == entity && it->first == Lower(e.name)) {
      it = by_form_.erase(it);
    } else {
      ++it;
    }
  }
  e.name = name;
  by_form_[Lower(name)] = entity;
  first_[entity] = std::min(first_[entity], position);
}

void OrgTable::Unmention(int entity) {
  if (entity < 0 || entities_[entity].mentions == 0) return;
  if (--entities_[entity].mentions == 0) {
    dead_[entity] = true;
    for (auto it = by_form_.begin(); it != by_form_.end();) {
      it = it->second == entity ? by_form_.erase(it) : std::next(it);
    }
  }
}

void OrgTable::MergeShortForms() {
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
  auto words_of = [](const std::string& s) { return 1 + std::count(s.begin(), s.end(), ' '); };
  for (size_t a = 0; a < entities_.size(); ++a) {
    if (dead_[a]) continue;
    const std::string short_name = entities_[a].name;
    if (words_of(short_name) > 3) continue;
    size_t sp = short_name.rfind(' ');
    std::string_view head = sp == std::string::npos ? std::string_view(short_name)
                                                    : std::string_view(short_name).substr(sp + 1);
    if (!IsOrgKeyword(head) && !IsInstitution(head)) continue;
    int target = -1;
    bool ambiguous = false;
    for (size_t b = 0; b < entities_.size() && !ambiguous; ++b) {
      const std::string& full = entities_[b].name;
      if (b == a || dead_[b] || full.size() <= short_name.size() + 1) continue;
      // "Tunisian Parliament", "Supreme Court of Puerto Rico"; not "Senate
      // Judiciary Committee".
      bool suffix = full.compare(full.size() - short_name.size(), short_name.size(),
                                 short_name) == 0 &&
                    full[full.size() - short_name.size() - 1] == ' ';
      bool prefix = full.compare(0, short_name.size() + 4, short_name + " of ") == 0 ||
                    full.compare(0, short_name.size() + 5, short_name + " for ") == 0;
      if (!suffix && !prefix) continue;
      if (target >= 0 && target != static_cast<int>(b)) ambiguous = true;
      target = static_cast<int>(b);
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
