#include "commit_gate.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace newsarc::internal {

Result<CommitGate> CommitGate::ForWriter(const std::filesystem::path& dir) {
  const std::filesystem::path path = dir / kCommitGateFile;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    return Status::IOError("cannot open " + path.string() + ": " + std::strerror(errno));
  return CommitGate(fd);
}

std::optional<CommitGate> CommitGate::ForReader(const std::filesystem::path& dir) {
  const std::filesystem::path path = dir / kCommitGateFile;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  return CommitGate(fd);
}

CommitGate::~CommitGate() {
  if (fd_ >= 0) ::close(fd_);
}

std::optional<CommitGate::Hold> CommitGate::Take(bool exclusive) const {
  if (fd_ < 0) return std::nullopt;
  int rc;
  do {
    rc = ::flock(fd_, exclusive ? LOCK_EX : LOCK_SH);
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) return std::nullopt;
  return Hold(fd_);
}

CommitGate::Hold::~Hold() {
  if (fd_ >= 0) ::flock(fd_, LOCK_UN);
}

}  // namespace newsarc::internal
