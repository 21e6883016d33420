// Searcher: query parsing, BM25 matching, stored fields and snippets.
#include "newsarc/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include "collapse_key.h"
#include "commit_gate.h"
#include "facets.h"
#include "initialisms.h"
#include "mapped_reads.h"
#include "more_like_this.h"
#include "query_parser.h"
#include "quote_search.h"
#include "ranking.h"
#include "regularise.h"
#include "recency.h"
#include "schema.h"
#include "snippets.h"
#include "spelling.h"
#include "stored_fields.h"
#include "staged_build.h"
#include "stub.h"
#include "xapian_error.h"

namespace newsarc {
namespace {

using internal::DefaultOp;
using internal::ParsedQuery;
using internal::ShardSpec;

// How often a search is retried when a writer commits meanwhile. Each retry
// reopens on the newest revision, which stays readable until the writer
// commits twice more. After a first loss the search holds the index's
// commits off (commit_gate.h): a search slower than the writer's commits
// then loses only to a commit that takes no gate (Xapian's own, every
// XAPIAN_FLUSH_THRESHOLD articles, or a writer older than the gate).
constexpr int kMaxAttempts = 10;

// Matches a query of filters only checks to give an exact total (a second
// match, where Xapian stopped early and its count is only an estimate). On
// 1,000,000 articles a date filter costs ~3 ms for 2,000 (~14 for 10,000,
// mostly reading the near-duplicate keys); beyond it the total is about
// that many, a lower bound.
constexpr Xapian::doccount kFilterCount = 2000;
// ... and the largest index where it does so for a filter that reads
// values (a date range within a year), which may read every article's
// date: ~1.3 ms per 100,000 articles.
constexpr Xapian::doccount kScanCount = 200000;

// Whether `query` has a value range (a date range that is not whole years).
bool ReadsValues(const Xapian::Query& query) {
  switch (query.get_type()) {
    case Xapian::Query::OP_VALUE_RANGE:
    case Xapian::Query::OP_VALUE_GE:
    case Xapian::Query::OP_VALUE_LE:
      return true;
    default:
      break;
  }
  for (size_t i = 0; i < query.get_num_subqueries(); ++i)
    if (ReadsValues(query.get_subquery(i))) return true;
  return false;
}

// Whether the match saw every matching article: it did when fewer matched
// than it had to check (`checked`: the check_at_least given, or the hits
// asked for). Then the collapsed lower bound is the count, copies folded;
// Xapian 1.4 leaves the upper bound, and so its estimate, where it was
// when it collapses copies, even then (a month of 15 articles: "about 20",
// bounds 15 and 295). (The uncollapsed bounds may meet without it: one
// term's frequency is exact, while its copies were not all seen.)
bool SawEveryMatch(const Xapian::MSet& mset, Xapian::doccount checked) {
  return mset.get_uncollapsed_matches_lower_bound() < checked;
}

// `query` without the words that no article has (each parsed on its own
// finds no term of the index), when it is only words (SimpleQueryWords)
// and some of them, not all, are missing; std::nullopt otherwise.
// `missing`: those words, folded.
std::optional<std::string> WithoutMissingWords(std::string_view query,
                                               const Xapian::Database& db,
                                               std::vector<std::string>* missing) {
  const std::string folded = internal::FoldQuery(query);
  std::string kept;
  std::vector<std::string> gone;
  for (std::string_view word : internal::SimpleQueryWords(folded)) {
    auto parsed = internal::ParseQuery(word, internal::DefaultOp::kAnd, &db);
    bool absent = parsed.ok() && !parsed.value().query.empty();
    // In no language's form (ParsedQuery::parses).
    for (size_t k = 0; absent && k < parsed.value().parses.size(); ++k) {
      const Xapian::Query& q = parsed.value().parses[k].query;
      for (auto t = q.get_unique_terms_begin(); absent && t != q.get_unique_terms_end(); ++t)
        absent = db.get_termfreq(*t) == 0;
    }
    if (absent) {
      gone.emplace_back(word);
    } else {
      if (!kept.empty()) kept += ' ';
      kept += word;
    }
  }
  if (gone.empty() || kept.empty()) return std::nullopt;
  *missing = std::move(gone);
  return kept;
}

// `query` with each word that no article has in its stemmed form but some
// have as written quoted ("word": the exact form); std::nullopt if there is
// no such word, or the query has operators, phrases or brackets. Words
// with a sign (`+word`, `-word`) and title words (`title:word`) are looked
// at too; other fields' values and wildcards stay as they are; a colon
// after a word that names no field ("Presentation:" in a pasted title) is
// dropped. Queries stem in English, and in each other language of 1% of
// the articles as well (ParsedQuery::parses), or in the one `lang:` names,
// so a word of an article in a rarer language (Greek, Thai: no stemmer;
// Russian, Hungarian: another) is found only as written.
std::optional<std::string> WithExactForms(std::string_view query, const Xapian::Database& db) {
  const std::string folded = internal::FoldQuery(query);
  std::vector<std::string_view> tokens;
  for (size_t i = 0; i < folded.size();) {
    const size_t end = std::min(folded.find_first_of(" \t", i), folded.size());
    if (end > i) tokens.push_back(std::string_view(folded).substr(i, end - i));
    i = end + 1;
  }
  for (std::string_view t : tokens) {
    if (internal::IsOperator(t) || t.find_first_of("\"()") != std::string_view::npos)
      return std::nullopt;
  }
  // Every term of one of `parsed`'s languages' parses in some article (a
  // word that segment.h splits is several terms, all needed).
  auto found = [&db](const internal::ParsedQuery& parsed) {
    for (const internal::ParsedQuery::Parse& p : parsed.parses) {
      bool all = true;
      for (auto t = p.query.get_unique_terms_begin(); all && t != p.query.get_unique_terms_end();
           ++t)
        all = db.get_termfreq(*t) != 0;
      if (all) return true;
    }
    return false;
  };
  std::string out;
  bool changed = false, field_value = false;
  for (std::string_view token : tokens) {
    std::string w(token);
    std::string_view word = token;
    while (!word.empty() && word.back() == ':') word.remove_suffix(1);
    // What stays in front of the word: a sign, or the title field, whose
    // words are stemmed as the others are.
    std::string_view before;
    if (word.starts_with('+') || word.starts_with('-')) before = word.substr(0, 1);
    else if (word.starts_with("title:")) before = word.substr(0, 6);
    word.remove_prefix(before.size());
    const bool bare_field = internal::IsBareField(token);
    const bool plain = !field_value && !bare_field && !word.empty() && word.front() != '+' &&
                       word.front() != '-' && word.find_first_of(":*") == std::string_view::npos;
    field_value = bare_field;  // `speaker: rudd`: the next token is its value
    if (plain) {
      auto stemmed = internal::ParseQuery(std::string(before) + std::string(word),
                                          internal::DefaultOp::kAnd, &db);
      if (stemmed.ok() && !stemmed.value().query.empty() && !found(stemmed.value())) {
        const std::string quoted = std::string(before) + "\"" + std::string(word) + "\"";
        auto exact = internal::ParseQuery(quoted, internal::DefaultOp::kAnd, &db);
        if (exact.ok() && !exact.value().query.empty() && found(exact.value())) {
          w = quoted;
          changed = true;
        }
      }
    }
    if (!out.empty()) out += ' ';
    out += w;
  }
  if (!changed) return std::nullopt;
  return out;
}

// `query` with its words OR'd, if that is another query than `parsed`.
std::optional<ParsedQuery> OrQuery(std::string_view query, const ParsedQuery& parsed,
                                   const Xapian::Database& db) {
  auto relaxed = internal::ParseQuery(query, DefaultOp::kOr, &db);
  if (!relaxed.ok() || relaxed.value().query.get_description() == parsed.query.get_description())
    return std::nullopt;
  return std::move(relaxed.value());
}

// `with_body`: hit.snippet gets the body (reading the document data).
void FillHit(const Xapian::Document& doc, bool with_body, Hit& hit) {
  std::optional<internal::StoredFields> f = internal::LoadFields(doc, with_body);
  if (!f) {
    hit.title =
        "(document " + std::to_string(hit.docid) + " has no readable data)";
    return;
  }
  hit.id = std::move(f->id);
  hit.title = std::move(f->title);
  hit.url = std::move(f->url);
  hit.site = std::move(f->site);
  hit.date = std::move(f->date);
  hit.version = f->version;
  hit.language = std::move(f->language);
  hit.byline = std::move(f->byline);
  hit.path = std::move(f->path);
  hit.speakers = std::move(f->speakers);
  hit.organisations = std::move(f->organisations);
  hit.snippet = std::move(f->body);  // turned into a snippet by the caller
}

// A failed network call gets this many fresh connections before the
// search gives up (or leaves the shard out with allow_partial).
constexpr int kMaxNetworkAttempts = 3;

unsigned TimeoutMs(double seconds) {
  if (!(seconds > 0)) return 0;  // no bound
  const double ms = std::ceil(seconds * 1000);
  return ms > 4e9 ? 4000000000u : static_cast<unsigned>(ms);
}

std::string Seconds(double seconds) {
  std::string s = std::to_string(seconds);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s + " s";
}

bool IsRemote(const ShardSpec& spec) {
  return spec.kind != ShardSpec::Kind::kLocal;
}

// How Xapian names a remote shard in Error::get_context(): the failing
// link's "remote:tcp(host:port)" or "remote:prog(program args)".
bool ContextNames(const std::string& context, const ShardSpec& spec) {
  switch (spec.kind) {
    case ShardSpec::Kind::kTcp:
      return context == "remote:tcp(" + spec.name + ")";
    case ShardSpec::Kind::kProg:
      return context.starts_with("remote:prog(" + spec.program);
    case ShardSpec::Kind::kLocal:
      break;
  }
  return false;
}

// No database in `dir`: not yet, if a first indexing run is building it.
Status NoIndex(const std::filesystem::path& dir) {
  if (internal::HasStaging(dir))
    return Status::NotFound("the index at " + dir.string() +
                            " is being built: a new index can be searched once the "
                            "newsarc-index run that builds it has finished");
  return Status::NotFound("no index at " + dir.string());
}

// The shards `dir` lists now (a database or a stub listing some), or
// nothing when it holds no index or its stub cannot be read.
std::optional<std::vector<ShardSpec>> ListedShards(const std::filesystem::path& dir) {
  try {
    auto resolved = internal::ResolveShards(dir);
    if (resolved.ok()) return std::move(resolved.value());
  } catch (...) {
  }
  return std::nullopt;
}

// Opens one shard; throws Xapian::Error. A local one can race a writer's
// commit: the caller retries (Searcher::Open).
Xapian::Database OpenShard(const ShardSpec& spec, double timeout_seconds) {
  const unsigned ms = TimeoutMs(timeout_seconds);
  switch (spec.kind) {
    case ShardSpec::Kind::kTcp:
      return Xapian::Remote::open(spec.host, spec.port, ms, ms);
    case ShardSpec::Kind::kProg:
      return Xapian::Remote::open(spec.program, spec.args, ms);
    case ShardSpec::Kind::kLocal:
      break;
  }
  return Xapian::Database(spec.path.string());
}

// Why a shard failed, for the exception in flight (call inside a catch).
std::string ShardProblem(double timeout_seconds) {
  try {
    throw;
  } catch (const Xapian::NetworkTimeoutError& e) {
    return "no answer within " + Seconds(timeout_seconds) + " (" + e.get_msg() + ")";
  } catch (const Xapian::NetworkError& e) {
    std::string why = e.get_msg();
    if (const char* err = e.get_error_string(); err != nullptr && *err != '\0') {
      why += std::string(" (") + err + ")";
    }
    return "cannot reach it: " + why;
  } catch (const Xapian::DatabaseNotFoundError&) {
    return "no index there";
  } catch (const Xapian::DatabaseOpeningError& e) {
    return "cannot open it: " + e.get_msg();
  } catch (const Xapian::Error& e) {
    return e.get_description();
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown error";
  }
}

// The schema version check of one shard: "" when fine.
std::string SchemaProblem(const Xapian::Database& db, const std::string& name) {
  std::string schema =
      db.get_metadata(std::string(internal::schema::kMetaSchemaVersion));
  if (!schema.empty() && !internal::schema::SchemaReadable(schema)) {
    return "the index at " + name + " has schema version " + schema +
           ", this newsarc reads versions 1 to " +
           std::string(internal::schema::kSchemaVersion) + ": index again";
  }
  return {};
}

}  // namespace

struct Searcher::Impl {
  OpenOptions options;
  std::filesystem::path dir;
  std::vector<ShardSpec> shards;  // all the shards listed
  // The shards searched (indexes into `shards`), their databases, and
  // `db`, all of them combined.
  std::vector<size_t> live;
  std::vector<Xapian::Database> live_dbs;
  Xapian::Database db;
  // Each local shard's UUID as opened (indexes into `shards`; "" for a
  // remote one): a compacted copy put in its place has another.
  std::vector<std::string> uuids;
  bool remote = false;                // some live shard is remote
  std::vector<std::string> left_out;  // a warning per shard left out
  // The facet counter of the last Run, when the request asks for facets.
  std::unique_ptr<internal::FacetCounter> facets;
  // The slot copies are collapsed on, for this search (collapse_key.h):
  // databases whose marks of copies are complete (and made together)
  // collapse on those.
  Xapian::valueno collapse_slot = internal::schema::kSlotCollapse;
  // The revisions whose marks were looked up last, and whether they were
  // complete: a search of the same revisions does not read them again.
  std::vector<Xapian::rev> marks_checked;
  bool marks_complete = false;
  // Block reads from maps (mapped_reads.h), from the second search on: a
  // process that searches once would only pay for mapping.
  internal::MappedReads reads;
  uint64_t searches = 0;
  // "Did you mean"'s lists of words, for the revisions searched.
  internal::Vocabulary vocabulary;

  void Combine();
  // Lists the shards of `dir` and opens them (Searcher::Open's work): fills
  // `shards`, `live`, `live_dbs`, `uuids`, `left_out` and `db`.
  Status OpenShards();
  // Brings the databases to their newest revision, before a search (outside
  // any scope of `reads`); may throw Xapian::Error.
  void CatchUp();
  // After a database was replaced or removed: when `dir` now lists other
  // shards (the index built again with another layout), opens those in
  // place of the old ones and returns true; false, changing nothing, when
  // the list is the same or cannot be read or opened.
  bool FollowLayout();
  // After a network error during a search: reconnects every remote shard
  // (their links may hold unread replies) and leaves out those that fail,
  // or the one `context` names (allow_partial), else fails naming them.
  Status RecoverFromNetworkError(const std::string& context,
                                 const std::string& problem, bool last_try);
  void AddWarnings(const SearchRequest& request, SearchResults& results) const;
  Result<SearchResults> SearchOnce(const SearchRequest& request);
  // The hits of a search, and how many articles match (from `mset`, or
  // from the pass without the proximity boost when it reordered a window).
  struct Matches {
    Xapian::MSet mset;
    Xapian::doccount estimated = 0;
    Xapian::doccount upper_bound = 0;
    // With a window: each hit's copies, those in the window and those the
    // first pass folded (the second pass sees only the window's).
    std::optional<std::unordered_map<Xapian::docid, Xapian::doccount>> copies;
    bool saw_every_match = false;  // so a matchspy counted every match
    bool exact = false;            // `estimated` is the count
  };
  Matches Run(const Xapian::Query& query, const SearchRequest& request,
              std::string_view folded = {});
  // The proximity boost over a window (RankingOptions::prox_rescore), or
  // std::nullopt when every match is to get it.
  std::optional<Matches> RunWindowed(Xapian::Enquire& enquire, const Xapian::Query& query,
                                     const SearchRequest& request, std::string_view folded,
                                     const internal::RankingOptions& ranking);
};

std::optional<Searcher::Impl::Matches> Searcher::Impl::RunWindowed(
    Xapian::Enquire& enquire, const Xapian::Query& query, const SearchRequest& request,
    std::string_view folded, const internal::RankingOptions& ranking) {
  // Only where the window gives the same kind of answer: ranked by
  // relevance, no feedback or regularisation passes, no facets (they count
  // every match), no recency (it wraps the query), local databases (the
  // window is a posting source).
  if (ranking.prox <= 0 || ranking.prox_rescore == 0 || request.sort != SortOrder::kRelevance ||
      folded.empty() || ranking.prf_docs > 0 || ranking.reg > 0 || request.facets ||
      request.recent || remote)
    return std::nullopt;
  // Cheapest first: no pair (one word) needs no window and no lookup.
  const std::vector<Xapian::Query> pairs = internal::ProximityPairs(folded, ranking);
  if (pairs.empty()) return std::nullopt;
  const Xapian::doccount matches = internal::MatchUpperBound(db, query);
  if (matches <= ranking.prox_rescore_over) return std::nullopt;
  uint64_t together = 0;
  for (const Xapian::Query& pair : pairs)
    together += std::min(matches, internal::MatchUpperBound(db, pair));
  if (together <= ranking.prox_rescore_pairs) return std::nullopt;
  const Xapian::Query reweighted = internal::ReweightTerms(db, query, ranking);
  // The first pass: every boost but proximity, the best `window` articles,
  // at most 3 copies of a story among them (so that copies cannot fill the
  // window, while with the boost another copy of a story may come out its
  // best: the one whose title is the query); the second pass folds them.
  internal::RankingOptions plain = ranking;
  plain.prox = 0;
  const uint64_t wide = ranking.prox_rescore_per ? matches / ranking.prox_rescore_per : 0;
  const uint64_t stories = std::max<uint64_t>(ranking.prox_rescore, wide);
  const bool fold = request.collapse_duplicates;
  constexpr Xapian::doccount kCopiesKept = 3;
  const uint64_t wanted = uint64_t{request.offset} + request.limit + stories;
  const auto window = static_cast<Xapian::doccount>(std::min<uint64_t>(wanted, 1u << 30));
  Xapian::Enquire first(db);
  first.set_query(internal::AddBoosts(db, reweighted, folded, plain));
  first.set_weighting_scheme(*internal::MakeWeight(ranking));
  if (fold) first.set_collapse_key(collapse_slot, kCopiesKept);
  // (When every match fits in the window, the second pass is exact.)
  const Xapian::MSet top = first.get_mset(0, window);
  Matches m;
  std::vector<Xapian::docid> ids;
  // Each story's articles: those in the window, and those the first pass
  // folded (Xapian counts them on each copy it keeps).
  struct Story {
    Xapian::doccount kept = 0, folded = 0;
  };
  std::unordered_map<std::string, Story> stories_seen;
  Xapian::doccount extra_copies = 0;  // kept copies beyond a story's first
  for (auto it = top.begin(); it != top.end(); ++it) {
    ids.push_back(*it);
    const std::string key = fold ? it.get_collapse_key() : std::string();
    if (key.empty()) continue;  // never folded
    Story& story = stories_seen[key];
    if (story.kept++ > 0) ++extra_copies;
    story.folded = std::max(story.folded, it.get_collapse_count());
  }
  const auto stories_in_window = static_cast<Xapian::doccount>(ids.size() - extra_copies);
  std::optional<Xapian::Query> only = internal::DocidWindow(db, std::move(ids));
  if (!only) return std::nullopt;
  // The second pass: the whole ranking over the window, built as the one
  // pass builds it (not from the first pass's query plus the pairs, whose
  // sums could differ in the last bits), the same weights (collection
  // statistics do not depend on the filter).
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                  internal::AddBoosts(db, reweighted, folded, ranking), *only));
  enquire.set_weighting_scheme(*internal::MakeWeight(ranking));
  if (fold) enquire.set_collapse_key(collapse_slot);
  m.mset = enquire.get_mset(request.offset, request.limit);
  m.copies.emplace();
  for (auto it = m.mset.begin(); it != m.mset.end(); ++it) {
    auto story = fold ? stories_seen.find(it.get_collapse_key()) : stories_seen.end();
    (*m.copies)[*it] =
        story == stories_seen.end() ? 0 : story->second.kept - 1 + story->second.folded;
  }
  const Xapian::doccount estimated = top.get_matches_estimated();
  m.estimated = estimated > extra_copies ? estimated - extra_copies : stories_in_window;
  m.upper_bound = top.get_matches_upper_bound();
  return m;
}

Searcher::Impl::Matches Searcher::Impl::Run(const Xapian::Query& query,
                                            const SearchRequest& request,
                                            std::string_view folded) {
  Xapian::Enquire enquire(db);
  // Weighting, boosts and feedback: see ranking.h. They reorder the
  // matches of `query`, never add or drop any.
  const internal::RankingOptions ranking =
      internal::ForMode(internal::Ranking(), request.any);
  facets.reset();
  // A count (no hits asked for, no facets): boosts, feedback, recency and
  // the order only rank the matches, so the count runs `query` itself and
  // checks up to kFilterCount matches, where Xapian would stop at the first
  // and guess the rest from the words' frequencies (an AND of words that
  // go together: "about 200" for 143).
  const bool count_only = request.limit == 0 && !request.facets;
  if (!count_only) {
    if (auto windowed = RunWindowed(enquire, query, request, folded, ranking)) return *windowed;
  }
  if (count_only) {
    enquire.set_query(query);
  } else if (request.sort == SortOrder::kRelevance && !folded.empty()) {
    enquire.set_query(internal::Regularise(
        db,
        internal::Expand(
            db, internal::AddBoosts(
                     db, internal::ReweightTerms(db, query, ranking), folded,
                     ranking), ranking, folded),
        ranking));
  } else {
    enquire.set_query(query);
  }
  enquire.set_weighting_scheme(*internal::MakeWeight(ranking));
  switch (count_only ? SortOrder::kRelevance : request.sort) {
    case SortOrder::kRelevance:
      break;  // ties by ascending docid, Xapian's default
    case SortOrder::kDate:
      enquire.set_sort_by_value_then_relevance(internal::schema::kSlotDate,
                                               /*reverse=*/false);
      break;
    case SortOrder::kDateDesc:
      enquire.set_sort_by_value_then_relevance(internal::schema::kSlotDate,
                                               /*reverse=*/true);
      break;
  }
  // Recency, near-duplicates and facets (recency.h, collapse_key.h,
  // facets.h). Recency needs the best weight first, to bound its bonus.
  if (request.recent && request.sort == SortOrder::kRelevance && !count_only) {
    const double top = enquire.get_mset(0, 1).get_max_attained();
    enquire.set_query(internal::WithRecency(
        enquire.get_query(), db, top * request.recent_share,
        request.recent_half_life_days));
  }
  if (request.collapse_duplicates) {
    enquire.set_collapse_key(collapse_slot);
  }
  // No hits asked for: check past the offset, so that a query nothing
  // matches says 0 (and relaxes), not Xapian's estimate from term
  // frequencies; a count checks up to kFilterCount matches (as a filter's
  // total below, and not for a date range within a year on a large index).
  Xapian::doccount check_at_least = 0;
  if (request.limit == 0) {
    check_at_least = std::max<Xapian::doccount>(request.offset, request.offset + 1);
    if (count_only && (db.get_doccount() <= kScanCount || !ReadsValues(query)))
      check_at_least = std::max(check_at_least, kFilterCount);
  }
  if (request.facets) {
    facets = std::make_unique<internal::FacetCounter>();
    facets->Attach(enquire);
    check_at_least = std::max<Xapian::doccount>(check_at_least, request.facet_sample);
  }
  Matches m;
  m.mset = enquire.get_mset(request.offset, request.limit, check_at_least);
  // A query that weighs nothing (filters only: date:, site:, speaker:, ...)
  // lets Xapian stop at the hits asked for, and its estimate is then about
  // that many ("5 of about 5" for a month of 15 articles). Such a match is
  // cheap to go on with: count up to kFilterCount matches. Not when
  // - sorted by date: Xapian's collapsed lower bound is not the count then,
  //   even when it saw every match;
  // - with facets: their counter would see the articles again;
  // - a date range within a year on a large index: it reads every
  //   article's date until enough match (a day of 1,000,000 articles: 28 ms
  //   a search against 5).
  const bool by_relevance = request.sort == SortOrder::kRelevance || count_only;
  if (by_relevance && !request.facets && m.mset.get_max_possible() == 0 &&
      check_at_least < kFilterCount &&
      m.mset.get_matches_lower_bound() < m.mset.get_matches_upper_bound() &&
      (db.get_doccount() <= kScanCount || !ReadsValues(enquire.get_query()))) {
    check_at_least = kFilterCount;
    m.mset = enquire.get_mset(request.offset, request.limit, check_at_least);
  }
  m.saw_every_match = SawEveryMatch(
      m.mset, std::max<Xapian::doccount>(check_at_least, request.offset + request.limit));
  m.exact = (by_relevance && m.saw_every_match) ||
            m.mset.get_matches_lower_bound() == m.mset.get_matches_upper_bound();
  m.estimated = m.exact ? m.mset.get_matches_lower_bound() : m.mset.get_matches_estimated();
  m.upper_bound = m.mset.get_matches_upper_bound();
  return m;
}

Result<SearchResults> Searcher::Impl::SearchOnce(const SearchRequest& request) {
  collapse_slot = internal::schema::kSlotCollapse;
  if (!remote) {
    // After Search's reopen, each database's revision is its newest.
    std::vector<Xapian::rev> revisions;
    try {
      for (const Xapian::Database& d : live_dbs) revisions.push_back(d.get_revision());
    } catch (const Xapian::InvalidOperationError&) {
      revisions.clear();  // a shard that is itself several databases: no marks
    }
    vocabulary.Revise(revisions);
    if (revisions != marks_checked) {
      marks_complete = !revisions.empty() && internal::CopiesMarked(live_dbs);
      marks_checked = std::move(revisions);
    }
    if (marks_complete) collapse_slot = internal::schema::kSlotCopies;
  } else {
    vocabulary.Revise({});
  }
  SearchResults results;
  results.query = request.query;
  results.offset = request.offset;
  auto parsed = internal::ParseQuery(
      request.query, request.any ? DefaultOp::kOr : DefaultOp::kAnd, &db);
  if (!parsed.ok()) return parsed.status();
  ParsedQuery& pq = parsed.value();
  // An empty query lists every article (useful with --sort -date).
  Xapian::Query query = pq.folded.empty() ? Xapian::Query::MatchAll : pq.query;

  std::string_view folded = pq.folded;
  if (!request.like.empty()) {
    // More like this; the query, if any, only filters.
    auto like = internal::MoreLikeThis(db, request.like);
    if (!like.ok()) return like.status();
    query = pq.folded.empty()
                ? like.value()
                : Xapian::Query(Xapian::Query::OP_FILTER, like.value(), pq.query);
    folded = {};
  }
  // --quotes reads the quotes of the best articles; offset and limit then
  // count quotes (quote_search.h).
  SearchRequest article_request;
  if (request.quotes) {
    article_request = request;
    article_request.offset = 0;
    article_request.limit = internal::QuoteArticles(request);
  }
  const SearchRequest& run = request.quotes ? article_request : request;
  Matches matches = Run(query, run, folded);
  auto none = [](const Matches& m) { return m.upper_bound == 0 || (m.exact && m.estimated == 0); };
  // The words as the query gives them, or with some in their exact form.
  std::string words = request.query;
  if (request.like.empty() && none(matches)) {
    if (auto exact = WithExactForms(words, db)) {
      auto parsed_exact = internal::ParseQuery(*exact, request.any ? DefaultOp::kOr
                                                                   : DefaultOp::kAnd, &db);
      if (parsed_exact.ok()) {
        words = std::move(*exact);
        Matches m = Run(parsed_exact.value().query, run, parsed_exact.value().folded);
        if (!none(m)) {
          pq = std::move(parsed_exact.value());
          matches = std::move(m);
        }
      }
    }
  }
  if (request.like.empty() && none(matches) && pq.free_terms > 1) {
    // No article has every word. First every word but those no article
    // has at all; if that finds nothing either, articles with any of the
    // words, ranked by how many and how rare.
    std::vector<std::string> missing;
    if (auto fewer = WithoutMissingWords(words, db, &missing)) {
      auto parsed_fewer = internal::ParseQuery(*fewer, DefaultOp::kAnd, &db);
      if (parsed_fewer.ok()) {
        Matches m = Run(parsed_fewer.value().query, run, parsed_fewer.value().folded);
        if (!none(m)) {
          pq = std::move(parsed_fewer.value());
          matches = std::move(m);
          results.relaxed = true;
          results.missing = std::move(missing);
        }
      }
    }
    auto relaxed = results.relaxed ? std::nullopt : OrQuery(words, pq, db);
    if (relaxed) {
      pq = std::move(*relaxed);
      matches = Run(pq.query, run, pq.folded);
      results.relaxed = true;
    }
  }
  Xapian::MSet& mset = matches.mset;
  results.estimated_total = matches.estimated;
  results.total_exact = matches.exact;
  if (request.suggest && request.like.empty() && !pq.folded.empty()) {
    // Unknown words always get a suggestion; rare ones when the query
    // finds little.
    const bool few = results.relaxed || matches.estimated <= 3;
    std::vector<std::string> stemmers;
    for (const auto& p : pq.parses) stemmers.push_back(p.stemmer);
    results.suggestion =
        internal::SuggestQuery(request.query, db, stemmers, few, &matches.mset, &vocabulary);
  }
  if (facets) {
    results.facets = facets->Top(request.facet_values);
    results.facet_articles = facets->articles();
    results.facets_exact = matches.saw_every_match ||
                           facets->articles() >= mset.get_uncollapsed_matches_upper_bound();
  }

  // Ask for every document at once: over remote shards the requests are
  // pipelined instead of one round trip per hit (locally the same reads).
  // Not with an offset: Xapian 1.4's MSet::fetch() then indexes past its
  // items (it mixes ranks and positions).
  if (mset.get_firstitem() == 0) mset.fetch();
  // An article's words are matched against the parse of the query that
  // searched its language (ParsedQuery::parses), the first for the others.
  const std::vector<internal::ParsedQuery::Parse>& parses = pq.parses;
  auto parse_of = [&parses](std::string_view language) {
    for (size_t k = 1; k < parses.size(); ++k)
      if (parses[k].language == language) return k;
    return size_t{0};
  };
  if (request.quotes) {
    std::vector<internal::QuoteMatcher> matchers;
    for (const auto& p : parses) matchers.emplace_back(p.query, p.stemmer);
    internal::CollectQuotes(
        mset,
        [&](std::string_view language) -> const internal::QuoteMatcher& {
          return matchers[parse_of(language)];
        },
        request, results);
    return results;
  }

  std::vector<internal::SnippetTerms> terms;
  if (request.snippets)
    for (const auto& p : parses) terms.emplace_back(p.query, p.stemmer);
  std::vector<Hit> hits(mset.size());
  std::vector<std::pair<Xapian::docid, Xapian::doccount>> by_docid;
  by_docid.reserve(hits.size());
  uint32_t rank = request.offset;
  Xapian::doccount k = 0;
  for (auto it = mset.begin(); it != mset.end(); ++it, ++k) {
    Hit& hit = hits[k];
    hit.rank = ++rank;
    hit.docid = *it;
    hit.score = it.get_weight();
    hit.duplicates = it.get_collapse_count();
    if (matches.copies) {
      auto copies = matches.copies->find(*it);
      hit.duplicates = copies == matches.copies->end() ? 0 : copies->second;
    }
    by_docid.emplace_back(*it, k);
  }
  // The stored fields in document id order, not rank order: the values and
  // data of articles written one after the other share B-tree blocks.
  std::sort(by_docid.begin(), by_docid.end());
  for (const auto& [id, i] : by_docid) FillHit(mset[i].get_document(), request.snippets, hits[i]);
  for (Hit& hit : hits) {
    std::string body = std::move(hit.snippet);
    hit.snippet.clear();
    if (request.snippets) {
      auto s = internal::MakeSnippet(body.empty() ? hit.title : body,
                                     terms[parse_of(hit.language)], request.snippet_chars);
      hit.snippet = std::move(s.text);
      hit.highlights = std::move(s.highlights);
    }
    results.hits.push_back(std::move(hit));
  }
  return results;
}

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

void Searcher::Impl::Combine() {
  db = Xapian::Database();
  marks_checked.clear();
  remote = false;
  for (size_t i = 0; i < live.size(); ++i) {
    db.add_database(live_dbs[i]);
    remote = remote || IsRemote(shards[live[i]]);
  }
}

// Xapian's reopen compares revision numbers only, and a compacted copy that
// IndexWriter::Compact puts in a database's place starts its revisions
// again: at the same number as the revision open here, the Searcher went on
// reading the old copy (its files deleted, their space still held) and
// missed what was added since; at a higher one, a reopen that fell within
// the exchange read one copy's version file and the other's tables, and
// every later try failed the same way. The reopen reads the version file,
// and with it the UUID, whatever the revision, and each copy has a UUID of
// its own: a local shard whose UUID changed is opened afresh.
void Searcher::Impl::CatchUp() {
  // A shard's folder removed (the index deleted, or built again with fewer
  // shards or as one database): its reopen finds no database there.
  try {
    db.reopen();
  } catch (const Xapian::DatabaseOpeningError&) {
    if (FollowLayout()) return;
    throw;
  }
  struct Fresh {
    size_t k;  // index into live
    Xapian::Database db;
    std::string uuid;
  };
  std::vector<Fresh> fresh;  // all opened before any is put in (an open may throw)
  for (size_t k = 0; k < live.size(); ++k) {
    const size_t i = live[k];
    if (IsRemote(shards[i]) || live_dbs[k].get_uuid() == uuids[i]) continue;
    // Another database in its place: compacted, or the index built again,
    // perhaps with more shards than before.
    if (fresh.empty() && FollowLayout()) return;
    Xapian::Database opened = OpenShard(shards[i], options.timeout_seconds);
    std::string uuid = opened.get_uuid();
    fresh.push_back({k, std::move(opened), std::move(uuid)});
  }
  if (fresh.empty()) return;
  for (Fresh& f : fresh) {
    live_dbs[f.k] = std::move(f.db);
    uuids[live[f.k]] = std::move(f.uuid);
  }
  Combine();
  vocabulary = internal::Vocabulary();  // its lists are of revisions of the old copy
  reads.Forget();                       // maps of the old copy's files
}

bool Searcher::Impl::FollowLayout() {
  // Unreadable now: the search reports what the reopen found.
  const std::optional<std::vector<ShardSpec>> listed = ListedShards(dir);
  if (!listed) return false;
  auto same = [](const ShardSpec& a, const ShardSpec& b) {
    return a.kind == b.kind && a.path == b.path && a.host == b.host && a.port == b.port &&
           a.program == b.program && a.args == b.args;
  };
  if (std::equal(listed->begin(), listed->end(), shards.begin(), shards.end(), same)) {
    return false;
  }
  Impl next;
  next.dir = dir;
  next.options = options;
  if (!next.OpenShards().ok()) return false;
  shards = std::move(next.shards);
  live = std::move(next.live);
  live_dbs = std::move(next.live_dbs);
  uuids = std::move(next.uuids);
  left_out = std::move(next.left_out);
  Combine();
  vocabulary = internal::Vocabulary();
  reads.Forget();
  return true;
}

Status Searcher::Impl::RecoverFromNetworkError(const std::string& context,
                                               const std::string& problem,
                                               bool last_try) {
  std::vector<size_t> keep;
  std::vector<Xapian::Database> keep_dbs;
  std::vector<std::string> failed;  // "NAME: why"
  for (size_t i = 0; i < live.size(); ++i) {
    const ShardSpec& spec = shards[live[i]];
    if (!IsRemote(spec)) {
      keep.push_back(live[i]);
      keep_dbs.push_back(live_dbs[i]);
      continue;
    }
    std::string why;
    try {
      Xapian::Database fresh = OpenShard(spec, options.timeout_seconds);
      if (ContextNames(context, spec) && last_try) {
        why = problem;  // reachable, but failed the search every time
      } else {
        keep.push_back(live[i]);
        keep_dbs.push_back(std::move(fresh));
        continue;
      }
    } catch (...) {
      why = ShardProblem(options.timeout_seconds);
    }
    failed.push_back("shard " + spec.name + " failed during the search: " + why);
  }
  if (failed.empty()) {
    if (last_try) {
      return Status::IOError("a remote shard failed during the search: " + problem);
    }
  } else if (!options.allow_partial) {
    std::string message;
    for (const std::string& f : failed) message += (message.empty() ? "" : "; ") + f;
    return Status::IOError(message + " (--allow-partial searches the other shards)");
  } else if (keep.empty()) {
    std::string message;
    for (const std::string& f : failed) message += (message.empty() ? "" : "; ") + f;
    return Status::IOError("no shard left to search: " + message);
  } else {
    for (const std::string& f : failed) {
      left_out.push_back(f + "; its articles are left out");
    }
  }
  live = std::move(keep);
  live_dbs = std::move(keep_dbs);
  Combine();
  return Status::Ok();
}

void Searcher::Impl::AddWarnings(const SearchRequest& request,
                                 SearchResults& results) const {
  results.warnings = left_out;
  // The query's "us" for "U.S." misses the articles of files an older
  // newsarc read, which hold the words "u" and "s" (initialisms.h).
  if (request.query.find('.') != std::string::npos) {
    const std::string folded = internal::FoldQuery(request.query, false);
    if (internal::JoinQueryInitialisms(folded) != folded) {
      int version = internal::kInitialismsSinceVersion;
      try {
        version = internal::schema::RecordedExtractorVersion(
            db.get_metadata(std::string(internal::schema::kMetaExtractor)));
      } catch (const Xapian::Error&) {
        // Not knowing is no reason to warn.
      }
      if (version < internal::kInitialismsSinceVersion) {
        results.warnings.push_back(
            "initialisms such as \"U.S.\" are one word (\"US\") to this newsarc, but some "
            "files of this index were read by an older one, which made them two: their "
            "articles are not found by them until newsarc-index --reextract PATH reads "
            "those files again");
      }
    }
  }
  if (!remote) return;
  if (request.collapse_duplicates && !request.quotes && !results.hits.empty()) {
    results.warnings.push_back(
        "copies of a story are folded into one hit as usual, but a hit's copy "
        "count may be too low: over remote shards Xapian 1.4 counts only the "
        "copies folded across shards, not those within one shard");
  }
}

Result<Searcher> Searcher::Open(const std::filesystem::path& dir,
                                const OpenOptions& options) {
  std::error_code ec;
  if (dir.empty() || !std::filesystem::exists(dir, ec)) {
    return Status::NotFound("no index at " + dir.string());
  }
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  impl->options = options;
  if (Status s = impl->OpenShards(); !s.ok()) return s;
  return Searcher(std::move(impl));
}

Status Searcher::Impl::OpenShards() {
  shards.clear();
  live.clear();
  live_dbs.clear();
  uuids.clear();
  left_out.clear();
  try {
    auto listed = internal::ResolveShards(dir);
    if (!listed.ok()) return listed.status();
    shards = std::move(listed.value());
  } catch (...) {
    return internal::StatusFromCurrentException("reading " + dir.string());
  }
  uuids.resize(shards.size());
  std::error_code ec;
  const bool single = shards.size() == 1 && !IsRemote(shards[0]);
  std::string failures;
  for (size_t i = 0; i < shards.size(); ++i) {
    const ShardSpec& spec = shards[i];
    std::string why;
    try {
      Xapian::Database shard;
      std::string bad;
      // Opening a local shard and reading its schema can race a writer's
      // commit (a table revision vanishing under us, which glass may also
      // report as corruption) or a compaction exchanging the database's
      // folder between the version file and the tables (any read error):
      // try again a few times before reporting it. A missing or unreadable
      // database (an opening error) is reported at once.
      for (int attempt = 1;; ++attempt) {
        try {
          shard = OpenShard(spec, options.timeout_seconds);
          bad = SchemaProblem(shard, spec.name);
          break;
        } catch (const Xapian::DatabaseOpeningError&) {
          throw;
        } catch (const Xapian::DatabaseError&) {
          if (IsRemote(spec) || attempt == kMaxAttempts) throw;
        }
      }
      if (!bad.empty()) return Status::Corruption(bad);
      if (!IsRemote(spec)) uuids[i] = shard.get_uuid();
      live.push_back(i);
      live_dbs.push_back(std::move(shard));
      continue;
    } catch (const Xapian::DatabaseNotFoundError&) {
      if (single) return NoIndex(dir);
      why = ShardProblem(options.timeout_seconds);
    } catch (const Xapian::DatabaseOpeningError&) {
      // Xapian 1.4 reports a directory without an index as an opening error.
      if (single) {
        if (!std::filesystem::exists(spec.path / "iamglass", ec) &&
            !std::filesystem::exists(spec.path / "iamchert", ec) &&
            !std::filesystem::is_regular_file(spec.path, ec)) {
          return NoIndex(dir);
        }
        return internal::StatusFromCurrentException("cannot open the index at " +
                                                    dir.string());
      }
      why = ShardProblem(options.timeout_seconds);
    } catch (...) {
      if (single) {
        return internal::StatusFromCurrentException("cannot open the index at " +
                                                    dir.string());
      }
      why = ShardProblem(options.timeout_seconds);
    }
    // A shard of several: fail, or leave it out and say so.
    const std::string problem =
        "shard " + spec.name + " of " + dir.string() + " is unavailable: " + why;
    if (!options.allow_partial) {
      return Status::IOError(problem + " (--allow-partial searches the other shards)");
    }
    failures += (failures.empty() ? "" : "; ") + problem;
    left_out.push_back(problem + "; its articles are left out");
  }
  if (live.empty()) {
    return Status::IOError("no shard of " + dir.string() + " can be searched: " + failures);
  }
  try {
    Combine();
  } catch (...) {
    return internal::StatusFromCurrentException("cannot open the index at " +
                                                dir.string());
  }
  return Status::Ok();
}

Result<SearchResults> Searcher::Search(const SearchRequest& request) const {
  int network_attempt = 0;
  const bool mapped = impl_->options.map_files && ++impl_->searches > 1;
  // The commit gate, held from the first lost try on (declared before the
  // hold, which must not outlive it).
  std::optional<internal::CommitGate> gate;
  std::optional<internal::CommitGate::Hold> pinned;
  // After a try lost to a commit: false when the tries are used up, else
  // holds the commits off for the next.
  auto catch_up = [&](int attempt) {
    if (attempt >= kMaxAttempts) return false;
    if (!gate && (gate = internal::CommitGate::ForReader(impl_->dir))) pinned = gate->Shared();
    return true;
  };
  for (int attempt = 1;; ++attempt) {
    try {
      // See the latest commit (cheap when there is none) or compacted copy.
      // Inside the try: the reopen itself can race a commit and is retried
      // like the search. Outside the maps' scope: glass closes and opens its
      // table files when it reopens.
      impl_->CatchUp();
      std::optional<internal::MappedReads::Scope> scope;
      if (mapped) scope.emplace(impl_->reads);
      auto results = impl_->SearchOnce(request);
      if (results.ok()) impl_->AddWarnings(request, results.value());
      return results;
    } catch (const Xapian::NetworkError& e) {
      // A remote shard died, stalled beyond the timeout or dropped the
      // link during the search (NetworkTimeoutError is a NetworkError).
      ++network_attempt;
      std::string problem;
      try {
        throw;
      } catch (...) {
        problem = ShardProblem(impl_->options.timeout_seconds);
      }
      Status s = internal::GuardXapian("search", [&] {
        return impl_->RecoverFromNetworkError(e.get_context(), problem,
                                              network_attempt >= kMaxNetworkAttempts);
      });
      if (!s.ok()) return s;
    } catch (const Xapian::DatabaseError&) {
      // A writer committed twice since we opened (DatabaseModifiedError), or
      // a block we read was recycled by a commit in the same instant (glass
      // reports that as corruption): catch up and try again, holding the
      // commits off from now on. Real damage fails every attempt and is
      // reported, and so is an index removed since it was opened.
      if (!catch_up(attempt)) {
        try {
          throw;
        } catch (const Xapian::DatabaseOpeningError&) {
          if (!ListedShards(impl_->dir)) return NoIndex(impl_->dir);
        } catch (...) {
        }
        return internal::StatusFromCurrentException("search");
      }
    } catch (const Xapian::DocNotFoundError&) {
      // The same race, reported as a document of the match that is not
      // there ("Document 1 not found", once, under a writer committing 60
      // times in a row).
      if (!catch_up(attempt)) return internal::StatusFromCurrentException("search");
    } catch (...) {
      return internal::StatusFromCurrentException("search \"" + request.query +
                                                  "\"");
    }
  }
}

size_t Searcher::ShardCount() const { return impl_->shards.size(); }
size_t Searcher::LiveShardCount() const { return impl_->live.size(); }

uint64_t Searcher::ArticleCount() const {
  // As of the latest commit, as a search would see it.
  for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
    try {
      impl_->CatchUp();
      return impl_->db.get_doccount();
    } catch (const Xapian::DatabaseError&) {
      // A commit or a compaction in the same instant: again.
    } catch (const Xapian::Error&) {
      return 0;
    }
  }
  return 0;
}

}  // namespace newsarc
