// A one-line progress bar on stderr: files, articles/s and ETA. Drawn only
// when stderr is a terminal (the caller decides), at most ten times a second.
#ifndef NEWSARC_INDEXER_PROGRESS_H_
#define NEWSARC_INDEXER_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <cstdio>

namespace newsarc::indexer {

class Progress {
 public:
  // `enabled` false makes every call a no-op.
  Progress(bool enabled, uint64_t total_files, uint64_t total_bytes, std::FILE* out = stderr);

  // Called by the writer thread after each file and article.
  void Update(uint64_t files_done, uint64_t bytes_done, uint64_t articles);
  // Clears the line.
  void Finish();

 private:
  void Draw(uint64_t files_done, uint64_t bytes_done, uint64_t articles);

  bool enabled_;
  uint64_t total_files_;
  uint64_t total_bytes_;
  std::FILE* out_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;
};

}  // namespace newsarc::indexer

#endif  // NEWSARC_INDEXER_PROGRESS_H_
