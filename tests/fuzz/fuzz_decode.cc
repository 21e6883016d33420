// libFuzzer target: encoding detection and conversion. Property: whatever the
// bytes, DecodeToUtf8 and RecordDecoder return valid UTF-8, and valid UTF-8
// without a BOM or control characters comes back unchanged.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_reader_util.h"
#include "readers/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using newsarc::fuzz::Check;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string out = newsarc::indexer::DecodeToUtf8(bytes);
  Check(newsarc::fuzz::ValidUtf8(out), "DecodeToUtf8 output is not UTF-8", out);
  newsarc::indexer::RecordDecoder decoder;
  std::string rec = decoder.Decode(bytes);
  Check(newsarc::fuzz::ValidUtf8(rec), "RecordDecoder output is not UTF-8",
        rec);
  bool plain = newsarc::fuzz::ValidUtf8(bytes) &&
               newsarc::indexer::DetectBom(bytes).length == 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x20 && c != '\n' && c != '\t') plain = false;
    if (c == 0x7f) plain = false;
    // C1 controls (U+0080..U+009F) are dropped too.
    if (c == 0xC2 && i + 1 < bytes.size() &&
        static_cast<unsigned char>(bytes[i + 1]) < 0xA0)
      plain = false;
  }
  if (plain) Check(out == bytes, "valid UTF-8 was changed", out);
  return 0;
}
