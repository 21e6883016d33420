// libFuzzer target for the query parser. Properties checked:
//  - ParseQuery never crashes and either succeeds or returns kInvalidArgument,
//    in keyword (AND) and in --any (OR) mode;
//  - folding is idempotent: FoldQuery(FoldQuery(q)) == FoldQuery(q);
//  - so the folded query parses exactly like the original (same description
//    or the same error code);
//  - snippets built from the query's terms stay inside the text (the query
//    itself, and whatever follows a first NUL byte in the input: any text
//    against any query);
//  - joining initialisms (initialisms.h) only takes full stops out of any
//    text, and joining twice is joining once;
//  - a hyphenated compound (initialisms.h) found anywhere is letters and
//    single hyphens inside the text, and its joined word those letters in
//    lower case; Compounds() finds those compounds in order, and their
//    parts (two to four) are those letters;
//  - on an index of articles in English, Hungarian and Thai, the query
//    parses as on an index of no words and no languages (or fails the same
//    way), once per language, the English parse first; there a hyphenated
//    word is the phrase of its parts only (no article has its letters
//    together), as without an index it is that phrase or the joined word.
// Run with -detect_leaks=0: Xapian 1.4.22's parser itself leaks on some
// syntax errors (e.g. "-a NEAR/3 i ADJ/2 (a 7"), reproduced with bare
// libxapian. Seeds: tests/testdata/search/query_parser_seeds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "newsarc/normalizer.h"
#include "initialisms.h"
#include "language.h"
#include "query_parser.h"
#include "schema.h"
#include "snippets.h"

using newsarc::StatusCode;
using namespace newsarc::internal;

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

// An in-memory index whose articles are in three languages, each with a
// branch of its own in a query's parse (ParsedQuery::parses). Their
// language terms and values only, no word: Xapian's parser looks a word
// written with a suffix of `+` or `#` up in the index ("c++", "c#") and
// drops the suffix when the index has the word without it and not with it,
// so that "word+#" would parse as "word" here and not without an index.
const Xapian::Database& ThreeLanguages() {
  static const Xapian::Database db = [] {
    Xapian::WritableDatabase w(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const char* language : {"en", "hu", "th"}) {
      Xapian::Document doc;  // an article's language, as document_builder.cc writes it
      doc.add_boolean_term(std::string(newsarc::internal::schema::kLanguage) + language);
      doc.add_value(newsarc::internal::schema::kSlotLanguage, language);
      w.add_document(doc);
    }
    return Xapian::Database(w);
  }();
  return db;
}

// An index of one article with no word and no language.
const Xapian::Database& NoWords() {
  static const Xapian::Database db = [] {
    Xapian::WritableDatabase w(std::string(), Xapian::DB_BACKEND_INMEMORY);
    w.add_document(Xapian::Document());
    return Xapian::Database(w);
  }();
  return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t split = input.find('\0');
  const std::string query = input.substr(0, split);
  const std::string other =
      split == std::string::npos ? std::string() : input.substr(split + 1);
  const std::string joined = JoinInitialisms(input);
  Check(JoinInitialisms(joined) == joined);
  auto without_stops = [](std::string s) {
    std::erase(s, '.');
    return s;
  };
  Check(without_stops(joined) == without_stops(input));
  std::vector<std::string> compounds;
  for (size_t i = 0; i < input.size(); ++i) {
    std::string word;
    const size_t length = CompoundAt(input, i, &word);
    if (length == 0) continue;
    Check(i + length <= input.size() && input[i + length - 1] != '-');
    std::string letters;
    for (size_t k = i; k < i + length; ++k) {
      const char c = input[k];
      Check(c == '-' ? input[k + 1] != '-' : (c | 0x20) >= 'a' && (c | 0x20) <= 'z');
      if (c != '-') letters += static_cast<char>(c | 0x20);
    }
    Check(letters == word && word.size() <= kMaxCompound && word.size() < length);
    compounds.push_back(word);
    i += length - 1;
  }
  // Compounds() finds those, with their parts: two to four, whose letters
  // in lower case are the word.
  const std::vector<Compound> found = Compounds(input);
  Check(found.size() == compounds.size());
  for (size_t k = 0; k < found.size(); ++k) {
    Check(found[k].joined == compounds[k] && found[k].parts.size() >= 2 &&
          found[k].parts.size() <= 4);
    std::string letters;
    for (const std::string& part : found[k].parts) {
      Check(!part.empty());
      for (char c : part) letters += static_cast<char>(c | 0x20);
    }
    Check(letters == compounds[k]);
  }
  auto parsed = ParseQuery(query);
  Check(parsed.ok() || parsed.status().code() == StatusCode::kInvalidArgument);
  // `--any` (OR) mode: Xapian's parser takes + and - other ways there.
  auto any = ParseQuery(query, newsarc::internal::DefaultOp::kOr);
  Check(any.ok() || any.status().code() == StatusCode::kInvalidArgument);

  std::string folded = FoldQuery(query);
  Check(FoldQuery(folded) == folded);
  auto again = ParseQuery(folded);
  Check(parsed.ok() == again.ok());
  if (parsed.ok()) {
    Check(parsed.value().query.get_description() ==
          again.value().query.get_description());
    SnippetTerms terms(parsed.value().query, parsed.value().stemmer);
    // The query as text, then the rest of the input: highlights in order
    // and in bounds.
    for (const std::string& raw : {query, other}) {
      const std::string text = newsarc::CleanText(raw);
      for (size_t chars : {size_t{40}, size_t{300}}) {
        Snippet s = MakeSnippet(text, terms, chars);
        size_t pos = 0;
        for (const auto& h : s.highlights) {
          Check(pos <= h.begin && h.begin < h.end && h.end <= s.text.size());
          pos = h.end;
        }
      }
    }
  } else {
    Check(parsed.status().code() == again.status().code());
  }
  auto languages = ParseQuery(query, DefaultOp::kAnd, &ThreeLanguages());
  auto no_words = ParseQuery(query, DefaultOp::kAnd, &NoWords());
  Check(languages.ok() == parsed.ok() && no_words.ok() == parsed.ok());
  if (languages.ok()) {
    const auto& parses = languages.value().parses;
    Check(!parses.empty() && parses.size() <= 3 && parses[0].language.empty());
    Check(QueryLanguages(ThreeLanguages()).size() == 2);  // the index is as meant
    Check(no_words.value().parses.size() == 1);
    Check(parses[0].query.get_description() == no_words.value().query.get_description());
    // Without an index, the same terms and the joined words: letters (a
    // stem, or as written where the language has no stemmer), in the text
    // or the title.
    const Xapian::Query& without = parsed.value().query;
    const Xapian::Query& with = no_words.value().query;
    const std::set<std::string> without_terms(without.get_unique_terms_begin(),
                                              without.get_unique_terms_end());
    for (auto t = with.get_unique_terms_begin(); t != with.get_unique_terms_end(); ++t)
      Check(without_terms.count(*t) == 1);
    for (const std::string& term : without_terms) {
      auto t = with.get_unique_terms_begin();
      while (t != with.get_unique_terms_end() && *t != term) ++t;
      if (t != with.get_unique_terms_end()) continue;
      size_t prefix = 0;
      while (prefix < term.size() && term[prefix] >= 'A' && term[prefix] <= 'Z') ++prefix;
      const std::string_view p(term.data(), prefix);
      Check(p.empty() || p == "Z" || p == "S" || p == "ZS");
      Check(term.size() > prefix);
      for (size_t k = prefix; k < term.size(); ++k) Check(term[k] >= 'a' && term[k] <= 'z');
    }
    for (const auto& p : parses) {
      SnippetTerms terms(p.query, p.stemmer);
      for (const auto& h : MakeSnippet(newsarc::CleanText(other), terms, 100).highlights)
        Check(h.begin < h.end);
    }
  }
  return 0;
}
