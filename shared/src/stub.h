// Stub databases: the file (or a directory's XAPIANDB file) that lists the
// shards of a sharded index, one per line, in Xapian's own syntax, so that
// the same file also opens with Xapian's tools (delve, xapian-compact...):
//
//   # a comment; blank lines are skipped
//   auto shards/000                        a local database (relative paths
//   glass /data/shard1                     are relative to the stub's folder)
//   remote 127.0.0.1:7001                  xapian-tcpsrv on host:port
//   remote :ssh host xapian-progsrv /db    a program speaking the protocol on
//                                          stdin/stdout (here over ssh)
//
// newsarc reads the file itself rather than letting Xapian open it, to name
// each shard in errors, bound every remote call by a timeout, and leave out
// shards that are down when the user allows partial results.
#ifndef NEWSARC_SRC_STUB_H_
#define NEWSARC_SRC_STUB_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "newsarc/status.h"

namespace newsarc::internal {

struct ShardSpec {
  enum class Kind {
    kLocal,  // a database directory (or a nested stub) at `path`
    kTcp,    // xapian-tcpsrv at host:port
    kProg,   // `program args`, speaking the remote protocol on stdin/stdout
  };
  Kind kind = Kind::kLocal;
  std::filesystem::path path;  // kLocal: made absolute against the stub's folder
  std::string host;            // kTcp
  unsigned port = 0;           // kTcp
  std::string program;         // kProg
  std::string args;            // kProg: the rest of the line, split by Xapian
  // How messages name the shard: the path, "host:port" or "program args".
  std::string name;
};

// Parses the text of a stub file. `base` is the folder relative paths are
// resolved against; `source` names the file in errors ("cluster.stub line 3:
// ..."). kInvalidArgument for a malformed or unsupported line, and for a stub
// with no database at all.
Result<std::vector<ShardSpec>> ParseStub(std::string_view text,
                                         const std::filesystem::path& base,
                                         const std::string& source);

// What `--db` names, as a list of shards: a database directory (one local
// shard), a directory holding a XAPIANDB stub, or a stub file. Local entries
// that are stubs themselves are expanded (at most 8 levels deep).
// kNotFound if `db` does not exist or holds no database; kInvalidArgument
// for a malformed stub.
Result<std::vector<ShardSpec>> ResolveShards(const std::filesystem::path& db);

// Whether `db` is a stub: a stub file or a directory with a XAPIANDB file.
bool IsStub(const std::filesystem::path& db);

// Why `path`, which exists and is not a directory, cannot be an index that
// newsarc-index writes or compacts, as the end of a message that starts
// with its name: " is a stub file listing 2 databases (a, b) ..." or " is a
// file, not an index directory".
std::string WhyNotAnIndexDirectory(const std::filesystem::path& path);

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_STUB_H_
