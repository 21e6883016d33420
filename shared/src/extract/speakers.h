// People quoted in an article: speech verbs in every position, "according
// to X", and titles, surnames, roles and pronouns resolved to the full name
// given earlier in the article.
#ifndef NEWSARC_EXTRACT_SPEAKERS_H_
#define NEWSARC_EXTRACT_SPEAKERS_H_

#include <string>
#include <vector>

#include "extract/names.h"
#include "extract/text.h"
#include "newsarc/article.h"

namespace newsarc::internal {

// One attribution: the speech verb (or "according" of "according to") at
// token `verb` was credited to person `person`.
struct SpeechEvent {
  size_t verb = 0;
  int person = -1;
  bool according = false;
  bool subject_after = false;  // named after the verb: "..., said X", "according to X"
};

struct SpeakerResult {
  std::vector<SpeechEvent> events;        // in text order of the verbs
  std::vector<std::string> person_names;  // by person; display name, "" if not a speaker
  std::vector<Entity> speakers;     // in order of first attribution
  std::vector<Span> org_subjects;   // lone names that spoke: "Microsoft said"
  std::vector<std::string> person_words;  // words of person names (not organisations)
  std::vector<std::string> full_names;    // every person named in full, speaker or not
};

// `is_org` marks tokens already known to belong to organisation names.
SpeakerResult FindSpeakers(const std::vector<Token>& tokens, const std::vector<Span>& runs,
                           const std::vector<bool>& is_org);

}  // namespace newsarc::internal

#endif  // NEWSARC_EXTRACT_SPEAKERS_H_
