// Fortified builds make pread an inline wrapper in <unistd.h>; this file
// defines the function itself.
#undef _FORTIFY_SOURCE

#include "mapped_reads.h"

#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>

// The C library's pread under the name it also exports, so that newsarc's
// pread below can hand reads on. Its offset is 64 bits wide, as pread's is
// where off_t is (every 64-bit Linux).
static_assert(
    sizeof(off_t) == 8,
    "pread and __pread64 take the same offset only with a 64-bit off_t");
extern "C" ssize_t __pread64(int fd, void* buf, size_t n, off_t offset);

namespace newsarc::internal {
namespace {

// Maps kept beyond those the last scope used, at most (files of databases
// that were replaced, tables a search did not need).
constexpr size_t kMaxMaps = 64;

thread_local MappedReads* t_reads = nullptr;
// Set while this thread copies from a map: where a fault goes.
thread_local sigjmp_buf* t_fault = nullptr;

struct sigaction g_previous_bus;

// A SIGBUS during one of our copies (the file was cut shorter than its map)
// ends that copy; any other goes where it went before.
void OnBusError(int signal, siginfo_t* info, void* context) {
  if (sigjmp_buf* fault = t_fault) {
    t_fault = nullptr;
    siglongjmp(*fault, 1);
  }
  if ((g_previous_bus.sa_flags & SA_SIGINFO) != 0 &&
      g_previous_bus.sa_sigaction != nullptr) {
    g_previous_bus.sa_sigaction(signal, info, context);
    return;
  }
  if ((g_previous_bus.sa_flags & SA_SIGINFO) == 0 &&
      g_previous_bus.sa_handler != SIG_DFL &&
      g_previous_bus.sa_handler != SIG_IGN) {
    g_previous_bus.sa_handler(signal);
    return;
  }
  // No handler before ours: put back what there was and return, so that
  // the faulting access runs again and the kernel ends the process as it
  // would have (a fault's SIGBUS cannot be ignored).
  sigaction(SIGBUS, &g_previous_bus, nullptr);
}

void CatchBusErrors() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction action {};
    action.sa_sigaction = OnBusError;
    sigemptyset(&action.sa_mask);
    // SA_NODEFER: the jump out of the handler leaves SIGBUS unblocked.
    action.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK;
    sigaction(SIGBUS, &action, &g_previous_bus);
  });
}

// Copies n bytes, false if the source faulted.
bool GuardedCopy(void* to, const char* from, size_t n) {
  sigjmp_buf fault;
  if (sigsetjmp(fault, 0) != 0) return false;
  t_fault = &fault;
  // The fences keep the compiler from moving the copy out from between the
  // two stores, or dropping the first as overwritten by the second.
  std::atomic_signal_fence(std::memory_order_seq_cst);
  std::memcpy(to, from, n);
  std::atomic_signal_fence(std::memory_order_seq_cst);
  t_fault = nullptr;
  return true;
}

}  // namespace

MappedReads::Map::~Map() { munmap(base, size); }

MappedReads::~MappedReads() = default;

MappedReads::Scope::Scope(MappedReads& reads) : previous_(t_reads) {
  ++reads.scope_;
  reads.descriptors_.clear();
  t_reads = &reads;
}

MappedReads::Scope::~Scope() {
  t_reads->EndScope();
  t_reads = previous_;
}

void MappedReads::EndScope() {
  descriptors_.clear();
  if (maps_.size() <= kMaxMaps) return;
  // The least recently read first; never one this scope read.
  std::sort(maps_.begin(), maps_.end(),
            [](const std::unique_ptr<Map>& a, const std::unique_ptr<Map>& b) {
              return a->used > b->used;
            });
  while (maps_.size() > kMaxMaps && maps_.back()->used != scope_)
    maps_.pop_back();
}

MappedReads::Map* MappedReads::MapFor(int fd) {
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0)
    return nullptr;
  const auto size = static_cast<size_t>(st.st_size);
  auto same = std::find_if(
      maps_.begin(), maps_.end(), [&](const std::unique_ptr<Map>& m) {
        return m->device == st.st_dev && m->inode == st.st_ino;
      });
  if (same != maps_.end() && (*same)->size == size) {
    (*same)->used = scope_;
    return same->get();
  }
  Map* const old = same != maps_.end() ? same->get() : nullptr;
  void* base = mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
  Map* fresh = nullptr;
  if (base != MAP_FAILED) {
    CatchBusErrors();
    fresh =
        new Map{st.st_dev, st.st_ino, static_cast<char*>(base), size, scope_};
    maps_.push_back(std::unique_ptr<Map>(fresh));
  }
  if (old != nullptr) {
    // Longer (a writer added blocks) or shorter than when it was mapped,
    // maybe earlier in this scope through another descriptor: those read
    // the new map too.
    for (Descriptor& d : descriptors_) {
      if (d.map == old) d.map = fresh;
    }
    maps_.erase(std::find_if(
        maps_.begin(), maps_.end(),
        [old](const std::unique_ptr<Map>& m) { return m.get() == old; }));
  }
  return fresh;
}

MappedReads::Descriptor& MappedReads::Look(int fd) {
  auto seen = std::find_if(descriptors_.begin(), descriptors_.end(),
                           [fd](const Descriptor& d) { return d.fd == fd; });
  if (seen != descriptors_.end()) return *seen;
  Map* map = MapFor(fd);
  descriptors_.push_back({fd, map});
  return descriptors_.back();
}

bool MappedReads::Mapped(int fd) { return Look(fd).map != nullptr; }

bool MappedReads::Read(int fd, void* buf, size_t n, off_t offset,
                       ssize_t& result) {
  Descriptor* seen = &Look(fd);
  Map* map = seen->map;
  if (map == nullptr || offset < 0 || n > map->size ||
      static_cast<size_t>(offset) > map->size - n) {
    ++passed_;
    return false;
  }
  if (!GuardedCopy(buf, map->base + offset, n)) {
    seen->map = nullptr;  // cut short: pread from now on in this scope
    ++passed_;
    return false;
  }
  ++served_;
  result = static_cast<ssize_t>(n);
  return true;
}

}  // namespace newsarc::internal

// Advice to read ahead (glass gives it for the next blocks of a long
// posting list) is a system call that a mapped file does without.
extern "C" __attribute__((visibility("default"))) int posix_fadvise(
    int fd, off_t offset, off_t len, int advice) noexcept {
  if (newsarc::internal::MappedReads* reads = newsarc::internal::t_reads) {
    if (advice == POSIX_FADV_WILLNEED && reads->Mapped(fd)) return 0;
  }
  return posix_fadvise64(fd, offset, len, advice);
}

// The pread every caller in the process reaches, libxapian's included.
extern "C" __attribute__((visibility("default"))) ssize_t pread(int fd,
                                                                void* buf,
                                                                size_t n,
                                                                off_t offset) {
  if (newsarc::internal::MappedReads* reads = newsarc::internal::t_reads) {
    ssize_t result = 0;
    if (reads->Read(fd, buf, n, offset, result)) return result;
  }
  return __pread64(fd, buf, n, offset);
}
