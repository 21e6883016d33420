#include "newsarc/extract.h"

#include <string>
#include <string_view>
#include <vector>

#include "extract/names.h"
#include "extract/organisations.h"
#include "extract/quotes.h"
#include "extract/recase.h"
#include "extract/speakers.h"
#include "extract/text.h"

namespace newsarc {

using internal::Span;
using internal::Token;

namespace {

// Below this many letters a body's case says too little to go by.
constexpr size_t kMinCaselessLetters = 20;

// `view` points into `from`; the same bytes of `to`, which has its length.
std::string_view Same(std::string_view view, const std::string& from, std::string_view to) {
  if (view.data() < from.data() || view.data() > from.data() + from.size()) return view;
  return to.substr(static_cast<size_t>(view.data() - from.data()), view.size());
}

}  // namespace

Extraction Extract(const Article& article) {
  // A body in capitals is read through a recased copy (recase.h); its names
  // then come out as recased ("Gamal Abdel Nasser"), its quotes as written.
  std::string title_recased, body_recased;
  std::string_view title = article.title, body = article.body;
  const bool caseless = internal::IsCaseless(body, kMinCaselessLetters);
  if (caseless) {
    body_recased = internal::Recase(body);
    body = body_recased;
    if (internal::IsCaseless(title, 1)) {
      title_recased = internal::Recase(title);
      title = title_recased;
    }
  }
  std::vector<Token> tokens;
  internal::Tokenize(title, 0, &tokens);
  internal::Tokenize(body, 1, &tokens);
  std::vector<Span> runs = internal::CapitalisedRuns(tokens);
  std::vector<bool> is_org(tokens.size(), false);
  internal::OrgTable orgs;
  internal::FindOrganisations(tokens, runs, &orgs, &is_org);
  internal::SpeakerResult speakers = internal::FindSpeakers(tokens, runs, is_org);
  internal::CompleteOrganisations(tokens, runs, speakers.org_subjects, speakers.person_words,
                                  &orgs, &is_org);
  // A name the article gives an organisation before its legal form is that
  // organisation speaking: "McDonnell Douglas said", after "McDonnell
  // Douglas Corp".
  const auto before_form = orgs.ByNameBeforeLegalForm();
  for (const Entity& e : speakers.speakers) {
    if (orgs.Find(e.name) >= 0) continue;
    const auto id = before_form.find(internal::OrgTable::BeforeLegalFormKey(e.name));
    if (id != before_form.end()) orgs.AddAlias(id->second, e.name);
  }
  // A name the article also uses for an organisation ("Deutsche Telekom")
  // is no person: one decision per name.
  for (std::string& name : speakers.person_names) {
    if (!name.empty() && orgs.Find(name) >= 0) name.clear();
  }
  Extraction out;
  std::vector<Token> shown;
  if (caseless) {
    shown = tokens;
    for (Token& t : shown) {
      t.text = Same(Same(t.text, body_recased, article.body), title_recased, article.title);
    }
  }
  out.quotes = internal::FindQuotes(tokens, speakers.events, speakers.person_names,
                                    caseless ? &shown : nullptr);
  for (Entity& e : speakers.speakers) {
    if (orgs.Find(e.name) < 0) out.speakers.push_back(std::move(e));
  }
  out.organisations = orgs.Take();
  return out;
}

}  // namespace newsarc
