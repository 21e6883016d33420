// libFuzzer target for the ICU normaliser (shared/src/normalizer.cc), which
// both indexing and searching run on every text. Properties checked, on any
// bytes:
//  - CleanText, FoldText and FoldKey return valid UTF-8 (checked by an
//    independent validator) and IsValidUtf8 agrees with that validator;
//  - FoldText is idempotent: FoldText(FoldText(x)) == FoldText(x), or a
//    query folded twice would miss what the index folded once;
//  - FoldKey is idempotent and has no leading, trailing or double spaces;
//  - FoldKey's ASCII path (no ICU) gives what the ICU path gives: for ASCII
//    input, the same key as for the input with a bullet appended (which
//    the key drops, and which takes it down the ICU path);
//  - CleanText keeps valid input valid and is idempotent.
// Seeds: tests/testdata/fuzz/normalizer.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_reader_util.h"
#include "newsarc/normalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using newsarc::fuzz::Check;
  using newsarc::fuzz::ValidUtf8;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  Check(newsarc::IsValidUtf8(in) == ValidUtf8(in), "IsValidUtf8 disagrees", in);

  const std::string clean = newsarc::CleanText(in);
  Check(ValidUtf8(clean), "CleanText output is not UTF-8", clean);
  Check(newsarc::CleanText(clean) == clean, "CleanText is not idempotent", clean);

  const std::string folded = newsarc::FoldText(in);
  Check(ValidUtf8(folded), "FoldText output is not UTF-8", folded);
  Check(newsarc::FoldText(folded) == folded, "FoldText is not idempotent", folded);

  const std::string key = newsarc::FoldKey(in);
  Check(ValidUtf8(key), "FoldKey output is not UTF-8", key);
  Check(newsarc::FoldKey(key) == key, "FoldKey is not idempotent", key);
  Check(key.empty() || (key.front() != ' ' && key.back() != ' '),
        "FoldKey has an outer space", key);
  Check(key.find("  ") == std::string::npos, "FoldKey has a double space", key);
  bool ascii = true;
  for (const char c : in) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii)
    Check(newsarc::FoldKey(std::string(in) + "\u2022") == key,
          "FoldKey's ASCII path differs from ICU's", in);
  return 0;
}
