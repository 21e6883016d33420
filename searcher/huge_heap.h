// The heap of a newsarc-search process on one transparent huge page.
//
// A search touches ~340 KB of fresh heap, mostly Xapian's 8 KB B-tree block
// buffers (a few per table and per posting list cursor). Each first touch of
// a 4 KB page is a page fault, and on a virtual machine a fault is a trap to
// the hypervisor: ~14 us each on the machines newsarc is measured on, about a
// tenth of a search's process. One 2 MB transparent huge page takes one fault
// (~0.2-0.3 ms there, most of it zeroing the page). README "Speed".
#ifndef NEWSARC_SEARCHER_HUGE_HEAP_H_
#define NEWSARC_SEARCHER_HUGE_HEAP_H_

#include <cstdint>
#include <string>

namespace newsarc::cli {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kSanitizedBuild = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
inline constexpr bool kSanitizedBuild = true;
#else
inline constexpr bool kSanitizedBuild = false;
#endif
#else
inline constexpr bool kSanitizedBuild = false;
#endif

struct HugeHeap {
  // The 2 MB-aligned range that malloc hands out next, advised
  // MADV_HUGEPAGE; empty when the heap was left as it was.
  std::uintptr_t begin = 0;
  std::uintptr_t end = 0;
  std::string skipped;  // why it was left, when it was
  bool done() const { return begin != end; }
};

// Makes glibc's main heap continue at the next 2 MB boundary (the address
// space below it is held by one block that is never touched, nor freed),
// advises the 2 MB from there MADV_HUGEPAGE before anything touches them, and
// keeps malloc from giving memory back to the system or serving blocks
// below 8 MB with mmap. Whether the kernel then backs the range with a huge
// page is its choice (/sys/kernel/mm/transparent_hugepage/enabled: "never"
// keeps 4 KB pages; nothing else changes). Only for a short-lived process
// on glibc and Linux with 4 KB pages; a no-op under the address and thread
// sanitizers (their own allocators), elsewhere, and when NEWSARC_HUGE_HEAP
// is "0". Call it early in main, before other threads exist and before
// the heap has grown much (newsarc-search: once its flags are read).
HugeHeap HeapOnHugePage();

}  // namespace newsarc::cli

#endif  // NEWSARC_SEARCHER_HUGE_HEAP_H_
