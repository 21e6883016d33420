// Organisations named in an article: gazetteer, keyword patterns ("Bank of
// England", "Metropolitan Police"), acronyms and their expansions,
// possessives ("Facebook's WhatsApp"), lists and organisations that speak.
#ifndef NEWSARC_EXTRACT_ORGANISATIONS_H_
#define NEWSARC_EXTRACT_ORGANISATIONS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/names.h"
#include "extract/text.h"
#include "newsarc/article.h"

namespace newsarc::internal {

// The organisations of one article, with aliases resolved to one entity.
class OrgTable {
 public:
  // Records a mention of `name` (or of an alias of it) at token `position`;
  // returns its entity. Entities are listed in order of first position.
  int Add(const std::string& name, size_t position);
  // Makes `alias` another name of `entity` (merging an entity of that name).
  void AddAlias(int entity, const std::string& alias);
  // Records that `entity` is gazetteer group `group`: merges it into the
  // entity already seen for that group, if any. Returns the entity it is now.
  int JoinGroup(int entity, int group);
  // Gives `entity` a new name (seen at token `position`); the old name is dropped.
  void Rename(int entity, const std::string& name, size_t position);
  // Takes back one mention of `entity`; an entity left without any is dropped.
  void Unmention(int entity);
  // Makes short names the aliases of the one longer name that contains
  // them: "Supreme Court" of "Supreme Court of the United Kingdom", and a
  // name of the one before its legal form ("Merrill Lynch" of "Merrill
  // Lynch and Co").
  void MergeShortForms();
  // Entity called `form` (name or alias), or -1.
  int Find(const std::string& form) const;
  // The entities whose name is a name of two words or more and then a legal
  // form ("McDonnell Douglas Corp", "Merrill Lynch and Co"), the first of
  // each, by that name's key (BeforeLegalFormKey: "mcdonnell douglas").
  // Built once for many lookups (one pass over the entities); it stays
  // right while only aliases are added.
  std::unordered_map<std::string, int> ByNameBeforeLegalForm() const;
  // `name` as a key of that map: lowered, without "The"; "" for one word.
  static std::string BeforeLegalFormKey(const std::string& name);
  const std::vector<Entity>& entities() const { return entities_; }
  std::vector<Entity> Take();

 private:
  std::vector<Entity> entities_;
  std::vector<bool> dead_;  // merged away
  std::vector<size_t> first_;  // first token position
  // Points `form` (lowered) at `entity`, taking it from the entity it named.
  void SetForm(const std::string& form, int entity);
  // Forgets `form` if it names `entity`.
  void DropForm(const std::string& form, int entity);

  std::unordered_map<std::string, int> by_form_;
  std::vector<std::vector<std::string>> forms_of_;  // by_form_ inverted, per entity
  std::unordered_map<int, int> by_group_;  // gazetteer group -> entity
};

// Pass 1: organisations evident from the names alone. Marks the tokens of
// each organisation found in `is_org`.
void FindOrganisations(const std::vector<Token>& tokens, const std::vector<Span>& runs,
                       OrgTable* orgs, std::vector<bool>* is_org);

// Pass 2, after speakers: `subjects` are runs that spoke like organisations.
// Adds possessives, lists, "companies such as X", aliases such as "Met", and
// counts the remaining mentions of known organisations.
void CompleteOrganisations(const std::vector<Token>& tokens, const std::vector<Span>& runs,
                           const std::vector<Span>& subjects,
                           const std::vector<std::string>& person_words, OrgTable* orgs,
                           std::vector<bool>* is_org);

// Extends an organisation span [b, e) over "of the X" and "and Y"
// continuations ("Court for the Western District", "Committee on Ways and
// Means", "High Court of England and Wales"), across run boundaries, within
// one paragraph and quote state. Returns the new end.
size_t ExtendRight(const std::vector<Token>& tokens, size_t b, size_t e);

// Extends an organisation span that starts at run start `s` (its keyword or
// last word at `k`) to the left over a nationality ("American Civil Liberties
// Union"), "X and" ("Securities and Exchange Commission") and a plural
// possessive ("People's Liberation Army"). Returns the new start.
size_t ExtendLeft(const std::vector<Token>& tokens, size_t s, size_t k);

// True if a person's name starts at token `m` of a name that ends before
// `end`: a first name and a surname ("Darin LaHood"), or a role or title
// before a first name ("Speaker Nancy Pelosi"); not a place ("Mary
// Washington") or a name that is a common word ("Jack Straw").
bool StartsPerson(const std::vector<Token>& tokens, size_t m, size_t end);

// The first letters of a name's capitalised words and of the capitalised
// parts of its hyphenated ones ("OECD", "WSS" for "William S. Saturn");
// empty for a name of one word or with two capitals in one word.
std::string NameInitials(std::string_view name);

// True if a lone capitalised run could be an organisation that speaks
// ("Microsoft said"): not a place, person, common word or unnamed source.
bool CouldBeOrganisation(const std::vector<Token>& tokens, Span run);

}  // namespace newsarc::internal

#endif  // NEWSARC_EXTRACT_ORGANISATIONS_H_
