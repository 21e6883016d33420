// Compaction of an index in place (IndexWriter::Compact).
//
// Each database of the index (the one database in DIR, or every shard and
// the metadata database of a sharded index) is compacted into a scratch
// folder beside it, which then trades places with it in one
// renameat2(RENAME_EXCHANGE): a search opening the index sees the old
// database or the new one, never a mix, and a crash at any moment leaves
// one of them complete in place. The scratch folder (the new database
// before the exchange, the old one after it) is removed last; a later
// writer or compaction removes one that a crash left behind.
//
// Locks: the Xapian write lock of every database while it is compacted
// (and of the metadata database throughout, which keeps a sharded writer
// out); for one database, first the lock a first build holds until it has
// opened the database it merged (StagingLock). A writer waiting for a lock waits on the lock file's inode, so the
// lock files are hard-linked into the new database before the exchange:
// the waiter then gets the lock of the database that is in place.
#ifndef NEWSARC_SRC_COMPACT_H_
#define NEWSARC_SRC_COMPACT_H_

#include <filesystem>

#include "newsarc/index_writer.h"
#include "newsarc/status.h"

namespace newsarc::internal {

// `threads`: shards compacted at once (0: one per core).
Result<CompactStats> CompactIndex(const std::filesystem::path& dir, bool wait_for_lock,
                                  unsigned threads = 0);

// The scratch folder of database `db` ("PARENT/.NAME.compacting").
std::filesystem::path CompactScratch(const std::filesystem::path& db);

// Removes the scratch folder a killed compaction left beside `db`. Call
// only while holding `db`'s write lock.
Status RemoveCompactScratch(const std::filesystem::path& db);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_COMPACT_H_
