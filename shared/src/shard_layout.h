// The on-disk layout of a sharded index, as written by IndexWriter:
//
//   DB/XAPIANDB        Xapian stub: "auto shards/meta", then one "auto" line
//                      per article shard (paths relative to DB)
//   DB/shards/meta     first database of the stub: no articles; the file
//                      records, the schema version, the layout, the
//                      partition, and (time shards) the article -> shard map
//   DB/shards/000 ...  --shards N: shard i holds the articles whose
//                      KeyHash(id) % N == i
//   DB/shards/2017     --shard-by year (or 2017-03 for month): the articles
//   DB/shards/undated  of that period, and those without a date
//
// Xapian reads metadata from the first database of a stub only, hence the
// metadata database first. A single (unsharded) index is one database in DB
// itself, as before: no stub.
#ifndef NEWSARC_SRC_SHARD_LAYOUT_H_
#define NEWSARC_SRC_SHARD_LAYOUT_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsarc/index_writer.h"
#include "newsarc/status.h"

namespace newsarc::internal {

// Folder (under the index directory) holding the shard databases, and the
// name of the metadata database in it.
inline constexpr std::string_view kShardsDir = "shards";
inline constexpr std::string_view kMetaShard = "meta";
inline constexpr std::string_view kUndatedShard = "undated";
inline constexpr std::string_view kStubFile = "XAPIANDB";

// FNV-1a, 64 bits, over the bytes of `key`: fixed by its definition, so the
// same on every machine, compiler and run.
uint64_t Fnv1a64(std::string_view key);

// A layout as stored in the metadata database ("hash 4", "year", "month").
std::string LayoutToString(ShardBy by, uint32_t shards);
bool LayoutFromString(std::string_view text, ShardBy& by, uint32_t& shards);
std::string DescribeLayout(ShardBy by, uint32_t shards);  // "4 shards by key hash"

// "2/4", and back (0 <= index < count, 1 <= count).
std::string PartitionToString(const Partition& p);
std::optional<Partition> PartitionFromString(std::string_view text);

// Name of the hash shard `i` ("000", "017").
std::string HashShardName(uint32_t i);
// Name of the time shard for a date value ("YYYYMMDD", schema::kSlotDate;
// empty or malformed: "undated").
std::string TimeShardName(ShardBy by, std::string_view date_value);
// Whether `name` can be a time shard of `by` (used when listing the folder).
bool IsTimeShardName(ShardBy by, std::string_view name);

// Writes DB/XAPIANDB listing the metadata database then `shards` (names
// under shards/), atomically: a temporary file, fsync, rename, fsync of the
// folder. A reader sees the old stub or the new one, never a part. Does
// nothing if the file already says exactly this.
Status WriteStub(const std::filesystem::path& dir, const std::vector<std::string>& shards);

// fsync of a file (flags O_RDONLY) or a folder (O_RDONLY | O_DIRECTORY).
Status SyncPath(const std::filesystem::path& p, int flags);

// Writes `text` to `file` atomically and durably: a temporary file beside
// it, fsync, rename, fsync of the folder.
Status WriteFileDurably(const std::filesystem::path& file, std::string_view text);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_SHARD_LAYOUT_H_
