#include "document_builder.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
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

// The joined words of a field's compounds (Compounds in initialisms.h),
// whose text is folded (the parts in lower case), as the term
// generator adds a word, with its prefix and wdf, after the field's text
// (from position `first` on) has been indexed. The word that carries
// positions (the exact word, or with stem=all the stem) stands where the
// first part and where the last part stand, wherever the parts stand in a
// row, so that the phrases "email address" and "send email" match "send
// e-mail address"; those positions add no wdf.
void AddCompounds(Xapian::Document& doc, const std::vector<Compound>& compounds,
                  const Xapian::Stem& stemmer, Xapian::termcount wdf, std::string_view prefix,
                  Xapian::termpos first) {
  const bool stem_all = Ranking().stem_all && !stemmer.is_none();
  const std::string p(prefix);
  for (const Compound& c : compounds) {
    if (!stem_all) doc.add_term(p + c.joined, wdf);
    if (stemmer.is_none()) continue;
    if (stem_all) {
      doc.add_term(p + stemmer(c.joined), wdf);
    } else {
      doc.add_term("Z" + p + stemmer(c.joined), wdf);
    }
  }
  if (compounds.empty()) return;
  // The positions of every part, from one walk over the document's terms
  // (a document's term list finds a term by stepping through it).
  auto part_term = [&](const std::string& part) {
    return p + (stem_all ? stemmer(part) : part);
  };
  std::map<std::string, std::vector<Xapian::termpos>> at;
  for (const Compound& c : compounds)
    for (const std::string& part : c.parts) at[part_term(part)];
  auto t = doc.termlist_begin();
  for (auto& [term, positions] : at) {  // in order: each skip goes on from the last
    t.skip_to(term);
    if (t == doc.termlist_end()) break;
    if (*t == term) positions.assign(t.positionlist_begin(), t.positionlist_end());
  }
  std::set<std::vector<std::string>> done;
  for (const Compound& c : compounds) {
    if (!done.insert(c.parts).second) continue;
    const std::vector<Xapian::termpos>& starts = at[part_term(c.parts[0])];
    const std::string positional = p + (stem_all ? stemmer(c.joined) : c.joined);
    const auto last = static_cast<Xapian::termpos>(c.parts.size() - 1);
    for (const Xapian::termpos k : starts) {
      if (k < first) continue;
      bool in_a_row = true;
      for (size_t i = 1; i < c.parts.size() && in_a_row; ++i) {
        const std::vector<Xapian::termpos>& next = at[part_term(c.parts[i])];
        in_a_row = std::binary_search(next.begin(), next.end(), k + i);
      }
      if (!in_a_row) continue;
      doc.add_posting(positional, k, 0);
      doc.add_posting(positional, k + last, 0);
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
  const std::vector<Compound> title_compounds = Compounds(title_words);
  Xapian::termpos first = tg.get_termpos() + 1;
  tg.index_text(title_words, 1, std::string(schema::kTitle));
  AddCompounds(doc, title_compounds, stemmer, 1, schema::kTitle, first);
  tg.increase_termpos(schema::kFieldGap);
  first = tg.get_termpos() + 1;
  tg.index_text(title_words, Ranking().title_wdf);  // ranking.h
  AddCompounds(doc, title_compounds, stemmer, Ranking().title_wdf, {}, first);
  tg.increase_termpos(schema::kFieldGap);
  const std::string folded_body = FoldText(a.body);
  const std::string body_words = SpaceOutWords(JoinInitialisms(folded_body));
  first = tg.get_termpos() + 1;
  tg.index_text(body_words);
  AddCompounds(doc, Compounds(body_words), stemmer, 1, {}, first);
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
