// Organisations that only their context names as such: "told Sky News",
// "published in Nature", "the airline Lion Air", "Pet Patrol, a charity".
// News text cites many small outlets, journals, companies and bands that no
// gazetteer lists and whose names carry no keyword ("Inc", "Party").
#ifndef NEWSARC_EXTRACT_ORG_CUES_H_
#define NEWSARC_EXTRACT_ORG_CUES_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/names.h"
#include "extract/organisations.h"
#include "extract/text.h"

namespace newsarc::internal {

// Adds the capitalised runs that a cue marks as organisations to `orgs` and
// `is_org`. `person_words` are the words of person names in the article
// (never organisations).
void FindCuedOrganisations(const std::vector<Token>& tokens, const std::vector<Span>& runs,
                           const std::vector<std::string>& person_words, OrgTable* orgs,
                           std::vector<bool>* is_org);

// The party that a word names alone ("Republicans", "Republican":
// "Republican"; "Tories": "Conservative"), or "".
std::string_view PartyStem(std::string_view w);

// Parties named by their members' word ("Republican Kevin McCarthy", "the
// Democrats"; merged with "Republican Party" when the article names it) and
// names with a lower-case keyword ("Northamptonshire police").
void FindPartyAndLowerKeywordOrganisations(const std::vector<Token>& tokens,
                                           const std::vector<Span>& runs,
                                           const std::vector<std::string>& person_words,
                                           OrgTable* orgs, std::vector<bool>* is_org);

}  // namespace newsarc::internal

#endif  // NEWSARC_EXTRACT_ORG_CUES_H_
