// libFuzzer target for the stored fields (shared/src/stored_fields.cc): the
// hit fields value and the document data the searcher parses for every hit,
// from an index that may be damaged. Properties checked, on any bytes:
//  - ParseFields never crashes and either fails or returns fields;
//  - what it returns serialises and parses back to the same fields (the id
//    of an article named after its file included: it is stored without the
//    path, keys.h PackFileId).
// Seeds: tests/testdata/fuzz/stored_fields (hit fields and document data of
// sample-corpus articles).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_reader_util.h"
#include "stored_fields.h"

namespace {

bool Same(const newsarc::internal::StoredFields& a, const newsarc::internal::StoredFields& b) {
  if (a.quotes.size() != b.quotes.size()) return false;
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    if (a.quotes[i].speaker != b.quotes[i].speaker || a.quotes[i].text != b.quotes[i].text ||
        a.quotes[i].direct != b.quotes[i].direct || a.quotes[i].paragraph != b.quotes[i].paragraph)
      return false;
  }
  return a.id == b.id && a.title == b.title && a.body == b.body && a.url == b.url &&
         a.site == b.site && a.date == b.date && a.language == b.language &&
         a.byline == b.byline && a.path == b.path && a.version == b.version &&
         a.speakers == b.speakers && a.organisations == b.organisations;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using newsarc::fuzz::Check;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const auto fields = newsarc::internal::ParseFields(in);
  if (!fields) return 0;
  const std::string again = newsarc::internal::SerializeFields(*fields);
  const auto back = newsarc::internal::ParseFields(again);
  Check(back.has_value(), "serialised fields do not parse", again);
  Check(Same(*fields, *back), "fields change through serialising", again);
  return 0;
}
