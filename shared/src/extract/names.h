// Capitalised runs ("Acting Metropolitan Police Chief Commissioner Craig
// Mackey") and the person names inside them.
#ifndef NEWSARC_EXTRACT_NAMES_H_
#define NEWSARC_EXTRACT_NAMES_H_

#include <cstddef>
#include <string>
#include <vector>

#include "extract/lexicon.h"
#include "extract/text.h"

namespace newsarc::internal {

// Token indices [begin, end).
struct Span {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
};

// Maximal runs of capitalised words in one paragraph and quote state, joined
// by connectors ("of", "de", "&") and by the dot of an abbreviated title.
std::vector<Span> CapitalisedRuns(const std::vector<Token>& tokens);

// The text of tokens [span.begin, span.end) as written, with white space
// collapsed and curly apostrophes made straight.
std::string SpanText(const std::vector<Token>& tokens, Span span);

// True if the token is capitalised only because it opens a sentence or quote.
bool WeakCapital(const std::vector<Token>& tokens, size_t i);
// True if the token is such a capital and a word of the sentence rather than
// the first of a name after it, not a first name: a stop word, a finite verb
// ("Does Rubenwardy") or a speech verb ("Remarked Center for Biological
// Diversity scientist"); with `verb_forms`, also any past or participle of
// a common word ("Regarding Ashodaya", "Plunging Tokyo") or another function
// word ("Whereas Pierce"). Not for organisations, whose names open with such
// participles ("Sealed Air Corp", "Distributed Logic Corp").
bool OpensSentenceOnly(const std::vector<Token>& tokens, size_t i, bool verb_forms);

// "District" at `k` as a federal court's: a compass word before it and "of"
// after it ("the Western District of Texas", "the Middle District of
// Florida").
bool IsCourtDistrict(const std::vector<Token>& tokens, size_t k);

// "Jr", "Sr", "II", "III", "IV": a word after a surname, as in "Robert Downey
// Jr", "Henry Ford II".
bool IsGenerationSuffix(std::string_view w);

// A person name found in a capitalised run.
struct PersonName {
  Span name;                 // "Craig Mackey", "Rudd"
  std::string role;          // lower-case role before the name: "home secretary"
  std::string title;         // "Ms", "Dr": personal title right before the name
  Gender gender = Gender::kUnknown;
  bool full = false;         // two or more name words
  bool strong = false;       // titled, role-prefixed or with a known first name
  bool kin = false;          // one word after a relation or "named": "his wife Mary"
};

// Finds the person name at the end of `run`, if the run ends in one: titles
// and roles before it are split off; organisations and places are rejected.
bool ParsePersonName(const std::vector<Token>& tokens, Span run, PersonName* out);

}  // namespace newsarc::internal

#endif  // NEWSARC_EXTRACT_NAMES_H_
