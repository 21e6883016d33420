// The near-duplicate key stored in schema::kSlotCollapse. The searcher
// collapses hits that share it (Xapian::Enquire::set_collapse_key), so a
// wire story republished by several sites, or saved in several files, is one
// hit with a count of the copies folded into it.
#ifndef NEWSARC_SRC_COLLAPSE_KEY_H_
#define NEWSARC_SRC_COLLAPSE_KEY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

namespace newsarc::internal {

// Words that decide whether two articles are copies of one story.
inline constexpr size_t kCollapseLeadWords = 40;
// Articles with fewer words in title and body together get no key.
inline constexpr size_t kCollapseMinWords = 8;

// 16 hex digits of a 64-bit FNV-1a hash over words of FoldText()ed text:
// the first kCollapseLeadWords words of the body when it has that many
// (headlines are rewritten when a story is republished, the lead is not),
// else the words of the title and the whole body. Case, diacritics,
// punctuation and white space do not count. "" when there are fewer than
// kCollapseMinWords words. Both arguments must already be FoldText()ed.
std::string CollapseKey(std::string_view folded_title,
                        std::string_view folded_body);

// Copies within one database (schema::kSlotCopies). Xapian reads the
// collapse key of every candidate of a search; with a key on every article
// those reads touch most blocks of the slot, while the articles that have a
// copy are few (1,097 of the 19,043 Reuters stories). So the key is stored
// a second time on those only, and a search of one database whose marks are
// complete collapses on that slot: the same hits, far fewer reads. The
// shards of one index are marked together (a copy in another shard counts);
// a search of several databases marked apart (a stub of separately built
// indexes) collapses on kSlotCollapse, since their copies may lie in
// different databases unmarked.

// A 64-bit hash of a kSlotCollapse key, by which the writer pairs copies:
// two keys that collide only add marks, and a mark on an article without a
// copy changes no search.
uint64_t KeyHash(std::string_view key);

// Every article of `db` with a kSlotCollapse key, and the key's hash.
std::vector<std::pair<Xapian::docid, uint64_t>> KeyedArticles(const Xapian::Database& db);

// Marks the articles `ids` of `db` (copies of another article, as the
// caller paired them by KeyHash) with their own kSlotCollapse key, when
// they lack that mark; ids of articles deleted since are skipped. Returns
// the number of articles changed.
Xapian::doccount MarkCopies(Xapian::WritableDatabase& db, const std::vector<Xapian::docid>& ids);

// Records that the marks of `db` are complete as of its next commit (the
// metadata schema::kMetaCopies: that revision, then `group` if any). The
// shards of one index are marked together and share a group name
// (NewMarkGroup); one database has none.
void RecordCopiesMarked(Xapian::WritableDatabase& db, const std::string& group = {});
std::string NewMarkGroup();
// The group of the marks of `db` if they are complete at its revision, else
// std::nullopt ("" for marks of one database).
std::optional<std::string> CompleteMarks(const Xapian::Database& db);
// Whether the CompleteMarks of several databases were made together: all
// complete, in one group (not "": one database's own marks). False for none.
bool MarkedTogether(const std::vector<std::optional<std::string>>& marks);

// Whether a search of `db`, one database, may collapse on kSlotCopies: its
// marks are complete at its revision.
bool CopiesMarked(const Xapian::Database& db);
// The same for a search of several databases together: those holding
// articles all have complete marks made together (one group), so that
// copies in different databases are marked too.
bool CopiesMarked(const std::vector<Xapian::Database>& dbs);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_COLLAPSE_KEY_H_
