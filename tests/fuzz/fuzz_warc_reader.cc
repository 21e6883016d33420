// libFuzzer target: the web archive readers (.warc, .arc), and the HTTP body
// decoding it uses (chunked, gzip, deflate, br, zstd) on the raw input. Properties:
// see fuzz_reader_util.h; a decoded body never exceeds its limit.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_reader_util.h"
#include "readers/warc_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Not through gzip: records inflated from a small input could outnumber
  // its bytes, which the reader-ends check counts on.
  newsarc::fuzz::ReadAndCheck("in.warc", data, size);
  newsarc::fuzz::ReadAndCheck("in.arc", data, size);
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  constexpr size_t kLimit = 4096;
  for (std::string_view transfer : {"", "chunked"}) {
    for (std::string_view coding :
         {"", "gzip", "deflate", "br", "zstd", "gzip, br"}) {
      auto decoded =
          newsarc::indexer::DecodeHttpBody(body, transfer, coding, kLimit);
      if (decoded.ok())
        newsarc::fuzz::Check(decoded.value().size() <= kLimit,
                             "body over its limit", decoded.value());
    }
  }
  return 0;
}
