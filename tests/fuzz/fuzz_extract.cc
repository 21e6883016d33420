// libFuzzer target for Extract(): never crashes, every name it returns is
// non-empty, valid text taken from the input (no invented names; from an
// input in capitals, its recased copy, which has the input's length), and
// every quote belongs to a listed speaker.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "extract/recase.h"
#include "newsarc/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string in(reinterpret_cast<const char*>(data), size);
  size_t cut = in.find('\n');
  newsarc::Article article;
  article.title = cut == std::string::npos ? "" : in.substr(0, cut);
  article.body = cut == std::string::npos ? in : in.substr(cut + 1);
  newsarc::Extraction x = newsarc::Extract(article);
  // What the names may come from: the input, or its recased copy.
  const std::string recased =
      newsarc::internal::Recase(article.title) + "\n" + newsarc::internal::Recase(article.body);
  if (recased.size() != article.title.size() + 1 + article.body.size()) std::abort();
  for (const auto* list : {&x.speakers, &x.organisations}) {
    for (const auto& e : *list) {
      if (e.name.empty() || e.mentions == 0) std::abort();
      // Names are copied from the text (white space collapsed, curly
      // apostrophes made straight): each word occurs in the input.
      if (e.name.find('\'') != std::string::npos) continue;
      size_t b = 0;
      while (b < e.name.size()) {
        size_t end = e.name.find(' ', b);
        if (end == std::string::npos) end = e.name.size();
        const std::string word = e.name.substr(b, end - b);
        if (end == b ||
            (in.find(word) == std::string::npos && recased.find(word) == std::string::npos)) {
          std::abort();
        }
        b = end + 1;
      }
    }
  }
  // Every quote is credited to a listed speaker and holds some text.
  for (const auto& q : x.quotes) {
    bool known = false;
    for (const auto& s : x.speakers) known = known || s.name == q.speaker;
    if (!known || q.text.empty()) std::abort();
  }
  return 0;
}
