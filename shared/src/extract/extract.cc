#include "newsarc/extract.h"

#include <vector>

#include "extract/names.h"
#include "extract/organisations.h"
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
  Extraction out;
  out.speakers = std::move(speakers.speakers);
  out.organisations = orgs.Take();
  return out;
}

}  // namespace newsarc
