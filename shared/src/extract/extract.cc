#include "newsarc/extract.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "extract/lexicon.h"
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

// The one person of `people` (full names) whose initials are `label`
// ("WSS": "William S. Saturn"), or "".
std::string PersonWithInitials(std::string_view label, const std::vector<std::string>& people) {
  std::string found;
  for (const std::string& name : people) {
    if (internal::NameInitials(name) != label || name == found) continue;
    if (!found.empty()) return "";
    found = name;
  }
  return found;
}

// Interview transcripts: a body paragraph that opens with a person's name
// in double brackets, "((Zara Kay)) I was born in Tanzania. ...", is that
// person's answer, a direct quote of the whole paragraph. A label in
// capitals is the interviewer: a person only when its letters are the
// initials of one person the article names in full ("((WSS))" after
// "reporter William S. Saturn"; "((WN))" is Wikinews). A label that names
// an organisation or a place is no person; a one-word label counts only as
// the name or an alias of a speaker found otherwise. `shown` gives the
// quotes' text (the article as written, when `tokens` are a recased copy).
void AddTranscriptQuotes(const std::vector<Token>& tokens, const std::vector<Token>& shown,
                         const internal::OrgTable& orgs, const std::vector<std::string>& people,
                         Extraction* out) {
  const size_t n = tokens.size();
  for (size_t i = 0; i + 5 < n; ++i) {
    if (tokens[i].para == 0 || (i > 0 && tokens[i - 1].para == tokens[i].para)) continue;
    if (!tokens[i].Is("(") || !tokens[i + 1].Is("(")) continue;
    size_t e = i + 2;
    bool name_like = true;
    while (e < n && e < i + 7 && tokens[e].IsWord() && tokens[e].para == tokens[i].para) {
      name_like = name_like && tokens[e].cap && !tokens[e].all_caps;
      ++e;
    }
    const size_t words = e - (i + 2);
    if (words == 0 || words > 4 || e + 2 >= n || !tokens[e].Is(")") || !tokens[e + 1].Is(")")) {
      continue;
    }
    std::string label = internal::SpanText(tokens, {i + 2, e});
    const bool initials = !name_like && words == 1 && tokens[i + 2].all_caps;
    if (initials) {
      label = PersonWithInitials(label, people);
      name_like = !label.empty();
    }
    if (!name_like) continue;
    if (orgs.Find(label) >= 0 || internal::IsKnownPlace(label) ||
        internal::IsKnownOrganisation(label)) {
      continue;
    }
    Entity* speaker = nullptr;
    for (Entity& s : out->speakers) {
      if (s.name == label || std::ranges::find(s.aliases, label) != s.aliases.end()) {
        speaker = &s;
        break;
      }
    }
    if (speaker == nullptr && words == 1 && !initials) continue;
    // The answer: the rest of the paragraph, three words at least.
    size_t b = e + 2;
    while (b < n && tokens[b].para == tokens[i].para && (tokens[b].Is(")") || tokens[b].Is(":"))) {
      ++b;  // "((Zara Kay)):", "((Zara Kay)))"
    }
    size_t end = b, answer_words = 0;
    while (end < n && tokens[end].para == tokens[i].para) answer_words += tokens[end++].IsWord();
    if (answer_words < 3) continue;
    if (speaker == nullptr) {
      Entity person;
      person.name = label;
      person.aliases.push_back(label.substr(label.rfind(' ') + 1));  // the surname
      person.mentions = 0;
      out->speakers.push_back(std::move(person));
      speaker = &out->speakers.back();
    }
    Quote q;
    q.speaker = speaker->name;
    q.text = internal::SpanText(shown, {b, end});
    q.direct = true;
    q.paragraph = tokens[i].para;
    out->quotes.push_back(std::move(q));
    ++speaker->mentions;
    i = end - 1;
  }
  std::ranges::stable_sort(out->quotes, {}, &Quote::paragraph);
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
  AddTranscriptQuotes(tokens, caseless ? shown : tokens, orgs, speakers.full_names, &out);
  out.organisations = orgs.Take();
  return out;
}

}  // namespace newsarc
