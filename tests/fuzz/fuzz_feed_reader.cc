// libFuzzer target: the feed reader (.rss; also through gzip when the input
// starts with the gzip magic). Property: see fuzz_reader_util.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_reader_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  bool gzip = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
  newsarc::fuzz::ReadAndCheck(gzip ? "in.rss.gz" : "in.rss", data, size);
  return 0;
}
