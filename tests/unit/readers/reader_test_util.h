// Helpers for the reader tests: run a reader to the end and gzip bytes.
#ifndef NEWSARC_TESTS_UNIT_READERS_READER_TEST_UTIL_H_
#define NEWSARC_TESTS_UNIT_READERS_READER_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "readers/reader.h"

namespace newsarc::indexer::testing {

// One result of Reader::Next: an article or an error message.
struct Item {
  bool ok = false;
  Article article;
  std::string error;
};

inline std::vector<Item> Drain(Reader& reader) {
  std::vector<Item> items;
  for (int guard = 0; guard < 10000; ++guard) {
    auto next = reader.Next();
    if (!next.ok()) {
      items.push_back({false, {}, next.status().message()});
      continue;
    }
    if (!next.value()) return items;
    items.push_back({true, std::move(*next.value()), ""});
  }
  ADD_FAILURE() << "reader does not end";
  return items;
}

// Reads `bytes` as the content of a file called `name`.
inline std::vector<Item> ReadAs(const std::string& name, std::string bytes) {
  auto reader = OpenReaderFromMemory(name, std::move(bytes));
  if (!reader.ok()) {
    ADD_FAILURE() << reader.status().message();
    return {};
  }
  return Drain(*reader.value());
}

// Reads `bytes` as a single-article file and returns its one article.
inline Article ReadOne(const std::string& name, std::string bytes) {
  std::vector<Item> items = ReadAs(name, std::move(bytes));
  if (items.size() != 1 || !items[0].ok) {
    ADD_FAILURE() << name << ": expected one article, got " << items.size()
                  << (items.empty() ? "" : " first error: " + items[0].error);
    return {};
  }
  return items[0].article;
}

// `bytes` compressed with zlib's `window_bits`: 15 + 16 gzip, 15 zlib's
// wrapper, -15 raw deflate.
inline std::string Deflate(const std::string& bytes, int window_bits) {
  z_stream z{};
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, window_bits, 8,
               Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, bytes.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

inline std::string Gzip(const std::string& bytes) { return Deflate(bytes, 15 + 16); }

inline std::string TestData(const std::string& name) {
  return std::string(NEWSARC_TESTDATA) + "/readers/" + name;
}

}  // namespace newsarc::indexer::testing

#endif  // NEWSARC_TESTS_UNIT_READERS_READER_TEST_UTIL_H_
