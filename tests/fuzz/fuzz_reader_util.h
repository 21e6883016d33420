// Shared by the reader fuzz targets: run a reader on the fuzz input and check
// the readers' promise that every string of every Article is valid UTF-8 and
// that the reader ends.
#ifndef NEWSARC_TESTS_FUZZ_FUZZ_READER_UTIL_H_
#define NEWSARC_TESTS_FUZZ_FUZZ_READER_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "readers/reader.h"

namespace newsarc::fuzz {

// An independent UTF-8 validator, so the property does not depend on the
// code under test (readers/decode.cc) being right.
inline bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80         ? 1
               : (c >> 5) == 6  ? 2
               : (c >> 4) == 14 ? 3
               : (c >> 3) == 30 ? 4
                                : 0;
    if (n == 0 || i + n > s.size()) return false;
    uint32_t cp = n == 1   ? c
                  : n == 2 ? (c & 0x1F)
                  : n == 3 ? (c & 0x0F)
                           : (c & 0x07);
    for (size_t k = 1; k < n; ++k) {
      auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += n;
  }
  return true;
}

inline void Check(bool ok, const char* what, std::string_view value) {
  if (ok) return;
  std::fprintf(stderr, "property violated: %s (%zu bytes)\n", what,
               value.size());
  std::abort();
}

// Reads `data` as the content of a file called `name` and checks every
// result. An input of N bytes can hold at most N+1 records, so more calls
// than that mean the reader does not end.
inline void ReadAndCheck(const char* name, const uint8_t* data, size_t size) {
  auto reader = indexer::OpenReaderFromMemory(
      name, std::string(reinterpret_cast<const char*>(data), size));
  if (!reader.ok()) {
    // Only binary input may be refused, and with the path first.
    Check(reader.status().message() == std::string(name) + ": a binary file, not text",
          "OpenReaderFromMemory failed", reader.status().message());
    return;
  }
  for (size_t calls = 0;; ++calls) {
    Check(calls <= size + 2, "reader does not end", name);
    auto next = reader.value()->Next();
    if (!next.ok()) {
      Check(next.status().message().rfind(std::string(name) + ":", 0) == 0,
            "error message does not start with the path",
            next.status().message());
      continue;
    }
    if (!next.value()) break;
    const Article& a = *next.value();
    for (const std::string* s :
         {&a.id, &a.title, &a.body, &a.url, &a.date, &a.language, &a.byline,
          &a.site, &a.source_path}) {
      Check(ValidUtf8(*s), "Article string is not valid UTF-8", *s);
    }
    Check(!a.title.empty() || !a.body.empty(), "article without title and body",
          a.title);
    Check(a.source_path == name, "source_path differs from the name",
          a.source_path);
    Check(a.body.find("\n\n\n") == std::string::npos,
          "body has a triple newline", a.body);
  }
}

}  // namespace newsarc::fuzz

#endif  // NEWSARC_TESTS_FUZZ_FUZZ_READER_UTIL_H_
