// QueryParser: newsarc's query language -> Xapian::Query.
//
// Wraps Xapian::QueryParser. The query string is folded with the same ICU
// normalisation as the index (FoldText) before Xapian sees it, except for
// the operators AND OR NOT XOR NEAR NEAR/n ADJ ADJ/n, which stay upper case.
// Field prefixes come from schema.h:
//   title:word         free text in titles ("S")
//   speaker:rudd       one word of a speaker's name or alias (kSpeakerWord)
//   speaker:"a rudd"   a speaker's whole name or alias (kSpeaker)
//   org:met, org:"metropolitan police"    likewise (kOrgWord, kOrg)
//   site:bbc.co.uk     host or parent domain ("H"), "www." ignored
//   lang:en            language ("L"); also picks the stemmer
//   date:2017 date:2017-03 date:2017-03-01 date:A..B date:A.. date:..B
// Boolean filters of one kind (site:, lang:, date:) are OR'd together;
// speaker: and org: filters are AND'd (an article quoting both). A space
// may follow a field's colon (`speaker: rudd`); a field without a value is
// an error. A query of exclusions only (`-rudd`) means NOT (rudd); a NEAR
// chain binds its own words; operators Xapian cannot place are an error
// (Xapian alone would search them as words).
#ifndef NEWSARC_SRC_QUERY_PARSER_H_
#define NEWSARC_SRC_QUERY_PARSER_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsarc/status.h"

namespace newsarc::internal {

enum class DefaultOp { kAnd, kOr };

struct ParsedQuery {
  Xapian::Query query;
  // The folded query (`speaker: x` glued into `speaker:x`), which Xapian
  // parses as it is, except in two ways that say what Xapian 1.4 alone
  // would get wrong: a query of exclusions only (`-a -b`) as `NOT (a OR
  // b)`, and a NEAR or ADJ chain among other words (`x a NEAR b`) in
  // brackets (`x (a NEAR b)`).
  std::string folded;
  std::string stemmer;  // Xapian stemmer name used ("" = none)
  // The query as each language's articles are searched: without `lang:`,
  // on an index with articles in other languages than English
  // (QueryLanguages), `query` ORs one branch per such language, parsed with
  // its stemmer and filtered to its articles, and one for the other
  // articles, parsed in English, as a query with `lang:` or on an English
  // index is throughout. Each article matches one branch, so that weights
  // are not added up; a branch that would parse as the English one is left
  // out. The English (or `lang:`) parse first, with language "": never
  // empty in a query ParseQuery returns.
  struct Parse {
    std::string language;  // ISO 639-1 code as in the index's language terms
    std::string stemmer;
    Xapian::Query query;
  };
  std::vector<Parse> parses;
  // Distinct free-text terms in the query (after stemming), for the
  // AND -> OR fallback: relaxing makes sense only when this is > 1.
  size_t free_terms = 0;
};

// FoldText()s everything in `query` but the operators, which must stay
// upper case for Xapian, and (unless told not to) writes initialisms
// without their full stops (JoinQueryInitialisms). Idempotent:
// FoldQuery(FoldQuery(q)) == FoldQuery(q).
std::string FoldQuery(std::string_view query, bool join_initialisms = true);

// `folded` (FoldQuery's output) with its initialisms written without their
// full stops ("u.s." as "us", initialisms.h), as the index has them, but in
// the values of fields other than `title:` (which see to their own).
std::string JoinQueryInitialisms(const std::string& folded);

// "YYYYMMDD" bounds of a `date:` value: "2017", "2017-03", "2017-03-01",
// "20170301", or ranges "A..B", "A..", "..B" of these. A year or month as
// an upper bound means its last day. Empty optional for an open end.
struct DateBounds {
  std::optional<std::string> from;
  std::optional<std::string> to;
};
Result<DateBounds> ParseDateRange(std::string_view value);

// A filter's group as the filters it stands for: `speaker:(rudd OR may)` as
// `(speaker:rudd OR speaker:may)`, `-org:(bbc "sky news")` as `-(org:bbc
// org:"sky news")`, each value (a word or a quoted name) with the field
// before it, operators, signs and brackets kept. Xapian would read the
// brackets as part of the value and, after a sign, `-speaker:(rudd)` as
// requiring Rudd. `title:(...)` is Xapian's own field group and stays. A
// group without a value is an error. `folded`: GlueFieldValues's output.
Result<std::string> ExpandFilterGroups(std::string_view folded);

// `text` as newsarc hands it to Xapian's query parser: a space before a
// bracket glued to what comes before it ("r(" to "r (", "r.(" to "r. ("),
// except after a space, a bracket, a quote, the sign of a group ("-(") or a
// field ("title:(a b)", Xapian's field group), and before a field glued to
// what comes before it ("a-speaker:x" to "a- speaker:x": Xapian would read
// the phrase "a speaker x" there, but a field after "中").
// Xapian 1.4.22 read "rudd(whatsapp OR facebook)" as rudd AND whatsapp AND
// the word "or" AND facebook, and crashed on stop words in an exclusion
// nested after such a bracket ("-r(-(a + or", "x -r(-(the - of))",
// "-r.(-(a + or").
std::string TextForXapian(std::string_view text);

// `text` (TextForXapian's output) without the bracketed groups that Xapian's
// parser, set up as ParseQuery sets it up with `stop` (may be null: nothing
// then goes), reads as empty, each with its sign and field: "x -(a + or) y"
// keeps "x" and "y", "-r -[ ((-( a;or;( a;or" keeps "-r". They would exclude or
// require nothing, and Xapian 1.4.22's parser dereferences a null query when
// such a group follows a sign and a word with that sign before it ("-r -(a +
// or", "-o -. (a;or)", groups within groups too). Xapian itself reads each
// group, innermost first, without the groups within it that go (a space
// each): groups with a word that is no stop word, a phrase, a wildcard or a
// filter stay, and so do "(the who)" and others that Xapian reads again
// without its stop words. Where the groups are is read here as Xapian's
// lexer reads it: brackets outside phrases and filter values. Each byte of
// the text is parsed at most once more, however deep the groups.
std::string DropEmptyGroups(std::string_view text, const Xapian::Stopper* stop);

// True for AND OR NOT XOR NEAR NEAR/n ADJ ADJ/n, which Xapian recognises only
// in upper case; `token` may carry parentheses around it.
bool IsOperator(std::string_view token);

// Whether `token`, a word of a query in any case, is a field name and its
// colon with no value after it ("speaker:", "(Title:"): the next word is
// then the field's value (`speaker: rudd`).
bool IsBareField(std::string_view token);

// The words of `query` when it is only words separated by spaces (no
// operator, field, phrase, bracket, +/- or wildcard): each parses on its
// own as it does among the others, so that any of them can be left out of
// the query as text. Empty otherwise.
std::vector<std::string_view> SimpleQueryWords(std::string_view query);

// Parses `query`. `db` (may be null) expands wildcards; without it `foo*`
// is kept as a wildcard query that the matcher expands. Without `lang:`,
// each language of `db` stems in its own way (ParsedQuery::parses); English
// alone without `db`. kInvalidArgument with Xapian's or our message if the
// query is malformed; an error reading `db`'s languages is thrown
// (Xapian::Error).
Result<ParsedQuery> ParseQuery(std::string_view query,
                               DefaultOp op = DefaultOp::kAnd,
                               const Xapian::Database* db = nullptr);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_QUERY_PARSER_H_
