#include "document_builder.h"

#include <string>
#include <vector>

#include "collapse_key.h"
#include "initialisms.h"
#include "keys.h"
#include "language.h"
#include "newsarc/extract.h"
#include "newsarc/index_writer.h"
#include "newsarc/normalizer.h"
#include "ranking.h"
#include "schema.h"
#include "segment.h"
#include "stored_fields.h"

namespace newsarc::internal {
namespace {

std::string Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

// The stored date: the source's own ISO form when it has one, else the
// calendar date rebuilt from the key ("29 Mar 2017" -> "2017-03-29").
std::string DisplayDate(const std::string& given, const std::string& key) {
  if (key.empty()) return "";
  const std::string iso = key.substr(0, 4) + "-" + key.substr(4, 2) + "-" + key.substr(6, 2);
  return given.compare(0, iso.size(), iso) == 0 ? given : iso;
}

std::string JoinLines(const std::vector<Entity>& entities) {
  std::string out;
  for (const auto& e : entities) {
    if (!out.empty()) out += '\n';
    out += e.name;
  }
  return out;
}

void AddEntityTerms(Xapian::Document& doc, const std::vector<Entity>& entities,
                    std::string_view name_prefix, std::string_view word_prefix) {
  for (const Entity& e : entities) {
    // wdf 0 (a boolean term) keeps entities out of the BM25 length: ranking.h
    const Xapian::termcount wdf = !Ranking().entity_wdf ? 0 : e.mentions ? e.mentions : 1;
    auto add_name = [&](const std::string& name) {
      if (std::string t = EntityNameTerm(name_prefix, name); !t.empty())
        doc.add_term(t, wdf);
      for (const std::string& t : EntityWordTerms(word_prefix, name)) doc.add_term(t, wdf);
    };
    add_name(e.name);
    for (const std::string& alias : e.aliases) add_name(alias);
  }
}

// The joined words of a text's hyphenated compounds ("e-mail" -> "email",
// JoinedCompounds in initialisms.h), as the term generator adds a word,
// with its prefix and wdf, but without a position: the parts hold the
// compound's positions (a phrase of the joined word does not match the
// parts).
void AddCompounds(Xapian::Document& doc, const std::vector<std::string>& compounds,
                  const Xapian::Stem& stemmer, Xapian::termcount wdf,
                  std::string_view prefix = {}) {
  const bool stem_all = Ranking().stem_all;
  for (const std::string& joined : compounds) {
    if (!stem_all || stemmer.is_none()) doc.add_term(std::string(prefix) + joined, wdf);
    if (stemmer.is_none()) continue;
    if (stem_all) {
      doc.add_term(std::string(prefix) + stemmer(joined), wdf);
    } else {
      doc.add_term("Z" + std::string(prefix) + stemmer(joined), wdf);
    }
  }
}

}  // namespace

std::string FileKey(std::string_view path) { return ShortKey(path); }

BuiltDocument BuildDocument(const Article& input) {
  Article a;
  a.title = Trim(CleanText(input.title));
  a.body = Trim(CleanText(input.body));
  a.url = Trim(CleanText(input.url));
  a.date = Trim(CleanText(input.date));
  a.version = input.version;
  a.byline = Trim(CleanText(input.byline));
  a.site = Trim(CleanText(input.site));
  a.source_path = input.source_path;
  a.record = input.record;
  a.id = Trim(CleanText(input.id));
  a.language = LanguageCode(Trim(CleanText(input.language)));
  if (a.language.empty()) a.language = DetectLanguage(a.title + "\n" + a.body);

  BuiltDocument out;
  out.id = IndexWriter::ArticleId(a);
  out.id_term = std::string(schema::kId) + ShortKey(out.id);
  out.file_key = FileKey(a.source_path);
  out.version = a.version;
  out.extraction = Extract(a);

  Xapian::Document& doc = out.document;
  Xapian::TermGenerator tg;
  tg.set_document(doc);
  // Text whose language is unknown (often a short article) is stemmed as the
  // queries are, by default: otherwise "zebras" would not find "Zebras".
  const Xapian::Stem stemmer =
      StemmerOf(a.language.empty() ? kDefaultLanguage : a.language, Ranking().stemmer);
  tg.set_stemmer(stemmer);
  // STEM_SOME (README "Ranking"); stem=all is an evaluation knob, and the
  // query side (query_parser.cc) follows it.
  tg.set_stemming_strategy(Ranking().stem_all ? Xapian::TermGenerator::STEM_ALL
                                              : Xapian::TermGenerator::STEM_SOME);
  tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  const std::string title = FoldText(a.title);
  // Thai and its neighbours word by word (segment.h), as queries are;
  // "U.S." as "us" (initialisms.h), as queries have it; "e-mail" as "e",
  // "mail" and "email".
  const std::string title_words = SpaceOutWords(JoinInitialisms(title));
  const std::vector<std::string> title_compounds = JoinedCompounds(title_words);
  tg.index_text(title_words, 1, std::string(schema::kTitle));
  AddCompounds(doc, title_compounds, stemmer, 1, schema::kTitle);
  tg.increase_termpos(schema::kFieldGap);
  tg.index_text(title_words, Ranking().title_wdf);  // ranking.h
  AddCompounds(doc, title_compounds, stemmer, Ranking().title_wdf);
  tg.increase_termpos(schema::kFieldGap);
  const std::string folded_body = FoldText(a.body);
  const std::string body_words = SpaceOutWords(JoinInitialisms(folded_body));
  tg.index_text(body_words);
  AddCompounds(doc, JoinedCompounds(body_words), stemmer, 1);
  if (std::string key = CollapseKey(title, folded_body); !key.empty())
    doc.add_value(schema::kSlotCollapse, key);

  AddEntityTerms(doc, out.extraction.speakers, schema::kSpeaker, schema::kSpeakerWord);
  AddEntityTerms(doc, out.extraction.organisations, schema::kOrg, schema::kOrgWord);

  const std::string host = HostOf(a.site.empty() ? a.url : a.site);
  for (const std::string& t : SiteTerms(host)) doc.add_boolean_term(t);
  if (!a.language.empty()) {
    doc.add_boolean_term(std::string(schema::kLanguage) + a.language);
    doc.add_value(schema::kSlotLanguage, a.language);
  }
  const std::string date_key = DateKey(a.date);
  if (!date_key.empty()) {
    doc.add_value(schema::kSlotDate, date_key);
    doc.add_boolean_term(std::string(schema::kYear) + date_key.substr(0, 4));
  }
  doc.add_boolean_term(out.id_term);
  doc.add_boolean_term(std::string(schema::kFile) + out.file_key);
  doc.add_value(schema::kSlotVersion, Xapian::sortable_serialise(a.version));
  if (!host.empty()) doc.add_value(schema::kSlotSite, host);
  if (!out.extraction.speakers.empty())
    doc.add_value(schema::kSlotSpeakers, JoinLines(out.extraction.speakers));
  if (!out.extraction.organisations.empty())
    doc.add_value(schema::kSlotOrgs, JoinLines(out.extraction.organisations));

  StoredFields f;
  f.id = out.id;
  f.title = a.title;
  f.body = a.body;
  f.url = a.url;
  f.site = host;
  f.date = DisplayDate(a.date, date_key);
  f.language = a.language;
  f.byline = a.byline;
  f.path = a.source_path;
  f.version = a.version;
  for (const auto& e : out.extraction.speakers) f.speakers.push_back(e.name);
  for (const auto& e : out.extraction.organisations) f.organisations.push_back(e.name);
  // Quote words are body words already: they are found through the body
  // terms, and the searcher matches each stored quote against the query
  // (SearchRequest::quotes), so they need no terms of their own.
  f.quotes = out.extraction.quotes;
  auto [hit_fields, text] = SerializeStoredParts(f);
  doc.add_value(schema::kSlotHitFields, std::move(hit_fields));
  doc.set_data(std::move(text));
  return out;
}

}  // namespace newsarc::internal
