#include "huge_heap.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>

#if defined(__linux__) && defined(__GLIBC__) && \
    (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#define NEWSARC_GLIBC_HEAP 1
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace newsarc::cli {

HugeHeap HeapOnHugePage() {
  HugeHeap heap;
  if (const char* v = std::getenv("NEWSARC_HUGE_HEAP"); v != nullptr && std::strcmp(v, "0") == 0) {
    heap.skipped = "NEWSARC_HUGE_HEAP=0";
    return heap;
  }
#ifndef NEWSARC_GLIBC_HEAP
  heap.skipped = "not glibc 2.33 or later on Linux";
  return heap;
#else
  if (kSanitizedBuild) {
    heap.skipped = "a sanitizer's allocator";
    return heap;
  }
  constexpr std::uintptr_t kPage = 4096;
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;  // one PMD of 4 KB pages
  if (sysconf(_SC_PAGESIZE) != static_cast<long>(kPage)) {
    heap.skipped = "pages are not 4 KB";
    return heap;
  }
  // The heap only grows from here, and blocks of up to 8 MB come from it
  // too, so that what lies below the range stays below it.
  if (mallopt(M_MMAP_THRESHOLD, static_cast<int>(4 * kHuge)) != 1 ||
      mallopt(M_TRIM_THRESHOLD, static_cast<int>(16 * kHuge)) != 1) {
    heap.skipped = "mallopt refused";
    return heap;
  }
  std::free(std::malloc(1));  // the arena and its thread cache set up
  // malloc carves a new block from the start of its top chunk, which ends at
  // the program break. A block's 16-byte header, and the top chunk's after
  // it, are written when it is carved; so the spacer ends a page before the
  // boundary, and the block after it reaches past the range: both headers
  // land outside, and nothing inside is touched before the advice.
  const auto brk_end = reinterpret_cast<std::uintptr_t>(sbrk(0));
  const std::uintptr_t top = brk_end - mallinfo2().keepcost;
  const std::uintptr_t begin = (top + kPage + 64 + kHuge - 1) & ~(kHuge - 1);
  void* spacer = std::malloc(begin - kPage - top - 16);
  void* span = std::malloc(kHuge + 2 * kPage);
  if (reinterpret_cast<std::uintptr_t>(spacer) != top + 16 ||
      reinterpret_cast<std::uintptr_t>(span) != begin - kPage + 16) {
    std::free(span);
    std::free(spacer);
    heap.skipped = "malloc placed the blocks elsewhere";
    return heap;
  }
  const int advised = madvise(reinterpret_cast<void*>(begin), kHuge, MADV_HUGEPAGE);
  std::free(span);  // back into the top chunk, which now starts a page below `begin`
  if (advised != 0) {
    heap.skipped = std::string("madvise: ") + std::strerror(errno);
    return heap;
  }
  heap.begin = begin;
  heap.end = begin + kHuge;
  return heap;
#endif
}

}  // namespace newsarc::cli
