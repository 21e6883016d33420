#include "newsarc/extract.h"

#include <vector>

#include "extract/names.h"
#include "extract/organisations.h"
#include "extract/quotes.h"
#include "extract/speakers.h"
#include "extract/text.h"

namespace newsarc {

using internal::Span;
using internal::Token;

Extraction Extract(const Article& article) {
  std::vector<Token> tokens;
  internal::Tokenize(article.title, 0, &tokens);
  internal::Tokenize(article.body, 1, &tokens);
  std::vector<Span> runs = internal::CapitalisedRuns(tokens);
  std::vector<bool> is_org(tokens.size(), false);
  internal::OrgTable orgs;
  internal::FindOrganisations(tokens, runs, &orgs, &is_org);
  internal::SpeakerResult speakers = internal::FindSpeakers(tokens, runs, is_org);
  internal::CompleteOrganisations(tokens, runs, speakers.org_subjects, speakers.person_words,
                                  &orgs, &is_org);
  // A name the article also uses for an organisation ("Deutsche Telekom")
  // is no person: one decision per name.
  for (std::string& name : speakers.person_names) {
    if (!name.empty() && orgs.Find(name) >= 0) name.clear();
  }
  Extraction out;
  out.quotes = internal::FindQuotes(tokens, speakers.events, speakers.person_names);
  for (Entity& e : speakers.speakers) {
    if (orgs.Find(e.name) < 0) out.speakers.push_back(std::move(e));
  }
  out.organisations = orgs.Take();
  return out;
}

}  // namespace newsarc
