#include "progress.h"

#include <algorithm>
#include <string>

namespace newsarc::indexer {

Progress::Progress(bool enabled, uint64_t total_files, uint64_t total_bytes, std::FILE* out)
    : enabled_(enabled && total_files > 0),
      total_files_(total_files),
      total_bytes_(total_bytes),
      out_(out),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

void Progress::Update(uint64_t files_done, uint64_t bytes_done, uint64_t articles) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  Draw(files_done, bytes_done, articles);
}

void Progress::Draw(uint64_t files_done, uint64_t bytes_done, uint64_t articles) {
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  // Bytes predict the remaining time better than files: files vary in size.
  const double done = total_bytes_ ? static_cast<double>(bytes_done) / total_bytes_
                                   : static_cast<double>(files_done) / total_files_;
  constexpr int kWidth = 28;
  const int filled = std::clamp(static_cast<int>(done * kWidth), 0, kWidth);
  std::string bar(filled, '=');
  if (filled < kWidth) bar += '>';
  bar.resize(kWidth, ' ');
  const double rate = elapsed > 0 ? articles / elapsed : 0;
  std::string eta = "--:--";
  if (done > 0.01 && elapsed > 0.5) {
    const auto left = static_cast<long>(elapsed / done - elapsed);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%ld:%02ld", left / 60, left % 60);
    eta = buf;
  }
  std::fprintf(out_, "\r[%s] %llu/%llu files  %.0f articles/s  ETA %s \x1b[K", bar.c_str(),
               static_cast<unsigned long long>(files_done),
               static_cast<unsigned long long>(total_files_), rate, eta.c_str());
  std::fflush(out_);
  drawn_ = true;
}

void Progress::Finish() {
  if (!enabled_ || !drawn_) return;
  std::fprintf(out_, "\r\x1b[K");
  std::fflush(out_);
}

}  // namespace newsarc::indexer
