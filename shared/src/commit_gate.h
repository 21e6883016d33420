// Keeps a writer's commits off a search that keeps losing the race against
// them.
//
// Glass keeps the revision a reader opened readable only until the writer
// commits twice more; Searcher::Search then reopens on the newest revision
// and tries again. A search that takes longer than a commit or two (a big
// facet count, a loaded machine, a writer that commits every few articles)
// loses every try. So a search that has lost once takes this gate shared
// for its next tries, and each commit of an IndexWriter takes it exclusive:
// the writer waits for that one search, the search waits for at most one
// commit. A search that wins at once never touches the gate.
//
// The gate is an flock on DIR/.commit.lock, which every IndexWriter of DIR
// creates. A reader that cannot open it (an index written before it
// existed, a folder that is not an index directory) retries without it.
#ifndef NEWSARC_SRC_COMMIT_GATE_H_
#define NEWSARC_SRC_COMMIT_GATE_H_

#include <filesystem>
#include <optional>
#include <string_view>
#include <utility>

#include "newsarc/status.h"

namespace newsarc::internal {

inline constexpr std::string_view kCommitGateFile = ".commit.lock";

class CommitGate {
 public:
  // The gate's flock, released when destroyed (the gate must outlive it).
  class Hold {
   public:
    Hold(Hold&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
    Hold& operator=(Hold&& o) noexcept {
      std::swap(fd_, o.fd_);
      return *this;
    }
    ~Hold();

   private:
    friend class CommitGate;
    explicit Hold(int fd) : fd_(fd) {}
    int fd_;
  };

  // A writer's gate of the index in DIR (created if need be).
  static Result<CommitGate> ForWriter(const std::filesystem::path& dir);
  // A reader's, opened read-only; nullopt if there is none to open.
  static std::optional<CommitGate> ForReader(const std::filesystem::path& dir);

  CommitGate(CommitGate&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  CommitGate& operator=(CommitGate&& o) noexcept {
    std::swap(fd_, o.fd_);
    return *this;
  }
  ~CommitGate();

  // Waits for the gate: exclusive (a commit) or shared (a search). The lock
  // belongs to this CommitGate's open file: two gates of one process (a
  // writer's and a searcher's) exclude each other as two processes do, but
  // one gate holds one lock at a time. nullopt if the lock cannot be taken
  // (a file system without flock): the caller goes on unguarded.
  std::optional<Hold> Exclusive() const { return Take(true); }
  std::optional<Hold> Shared() const { return Take(false); }

 private:
  explicit CommitGate(int fd) : fd_(fd) {}
  std::optional<Hold> Take(bool exclusive) const;
  int fd_;
};

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_COMMIT_GATE_H_
