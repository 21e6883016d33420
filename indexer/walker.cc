#include "walker.h"

#include <sys/stat.h>

#include <algorithm>
#include <system_error>

#include "readers/reader.h"

namespace newsarc::indexer {
namespace fs = std::filesystem;

namespace {

bool Hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

std::string Absolute(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) abs = p;
  std::string s = abs.lexically_normal().string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

}  // namespace

FileStamp StampFor(const fs::directory_entry& entry) {
  struct stat st {};
  FileStamp stamp;
  if (::stat(entry.path().c_str(), &st) == 0) {
    stamp.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    stamp.size = static_cast<uint64_t>(st.st_size);
  }
  return stamp;
}

WalkResult Walk(const std::vector<std::string>& inputs) {
  WalkResult out;
  for (const std::string& input : inputs) {
    std::error_code ec;
    const fs::directory_entry top(input, ec);
    if (ec || !top.exists(ec)) {
      out.errors.push_back(input + ": no such file or folder");
      continue;
    }
    const std::string abs_top = Absolute(input);
    if (top.is_directory(ec)) {
      out.roots.push_back(abs_top == "/" ? abs_top : abs_top + "/");
      fs::recursive_directory_iterator it(
          input, fs::directory_options::skip_permission_denied, ec);
      if (ec) {
        out.errors.push_back(input + ": " + ec.message());
        continue;
      }
      for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
          out.errors.push_back(it->path().string() + ": " + ec.message());
          ec.clear();
          continue;
        }
        const fs::directory_entry& entry = *it;
        if (Hidden(entry.path())) {
          if (entry.is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (!entry.is_regular_file(ec) || !IsArticleFile(entry.path())) continue;
        const fs::path rel = entry.path().lexically_relative(input);
        out.files.push_back({Absolute(entry.path()),
                             (fs::path(input) / rel).lexically_normal().string(),
                             StampFor(entry)});
      }
    } else {
      out.roots.push_back(abs_top);
      if (!IsArticleFile(input)) {
        out.errors.push_back(input +
                             ": unsupported file type (want .txt, .json, .jsonl, .ndjson, "
                             ".csv, or one of them .gz)");
        continue;
      }
      out.files.push_back({abs_top, input, StampFor(top)});
    }
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const FoundFile& a, const FoundFile& b) { return a.path < b.path; });
  out.files.erase(std::unique(out.files.begin(), out.files.end(),
                              [](const FoundFile& a, const FoundFile& b) {
                                return a.path == b.path;
                              }),
                  out.files.end());
  return out;
}

}  // namespace newsarc::indexer
