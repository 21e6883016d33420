// libFuzzer target: the .html reader (also through gzip when the input starts
// with the gzip magic), and the input as a page's JSON-LD block on its own.
// Property: see fuzz_reader_util.h; JSON-LD: no crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_reader_util.h"
#include "readers/json_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  bool gzip = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
  newsarc::fuzz::ReadAndCheck(gzip ? "in.html.gz" : "in.html", data, size);
  (void)newsarc::indexer::ParseJsonLdArticle(
      std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
