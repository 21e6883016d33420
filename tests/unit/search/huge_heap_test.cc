// newsarc-search's heap on a transparent huge page (searcher/huge_heap.h).
// ctest runs each test in a process of its own.
#include "huge_heap.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

namespace newsarc::cli {
namespace {

constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;

// The VmFlags line of the mapping in /proc/self/smaps that starts at `start`
// ("" when no mapping starts there).
std::string VmFlagsOfMappingAt(std::uintptr_t start) {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool in_it = false;
  while (std::getline(smaps, line)) {
    const auto dash = line.find('-');
    const auto space = line.find(' ');
    if (dash != std::string::npos && space != std::string::npos && dash < space &&
        line.find(':') > space) {  // a mapping's first line: "start-end perms ..."
      in_it = std::stoull(line.substr(0, dash), nullptr, 16) == start;
    } else if (in_it && line.starts_with("VmFlags:")) {
      return line;
    }
  }
  return "";
}

TEST(HugeHeap, MallocContinuesInTheAdvisedRange) {
  const HugeHeap heap = HeapOnHugePage();
  if (kSanitizedBuild) {
    EXPECT_FALSE(heap.done());
    EXPECT_EQ(heap.skipped, "a sanitizer's allocator");
    return;
  }
#if !defined(__linux__) || !defined(__GLIBC__)
  GTEST_SKIP() << heap.skipped;
#endif
  ASSERT_TRUE(heap.done()) << heap.skipped;
  EXPECT_EQ(heap.begin % kHuge, 0u);
  EXPECT_EQ(heap.end - heap.begin, kHuge);
  // A block larger than anything freed so far comes from the top of the
  // heap, which starts a page below the range (the headers' page); below
  // 8 MB it is not an mmap of its own.
  void* block = std::malloc(std::size_t{1} << 20);
  ASSERT_NE(block, nullptr);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(block), heap.begin - 4096 + 16);
  static_cast<char*>(block)[4096] = 1;  // the first touch inside the range
  std::free(block);
  // The advice is on the range itself (the kernel split the heap's mapping).
  const std::string flags = VmFlagsOfMappingAt(heap.begin);
  EXPECT_NE(flags.find(" hg"), std::string::npos) << flags;
}

TEST(HugeHeap, LeftAsItWasWhenTurnedOff) {
  ASSERT_EQ(setenv("NEWSARC_HUGE_HEAP", "0", 1), 0);
  const HugeHeap heap = HeapOnHugePage();
  EXPECT_FALSE(heap.done());
  EXPECT_EQ(heap.skipped, "NEWSARC_HUGE_HEAP=0");
  unsetenv("NEWSARC_HUGE_HEAP");
}

}  // namespace
}  // namespace newsarc::cli
