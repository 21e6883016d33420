#include "walker.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <system_error>
#include <utility>

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

// The identity of a file or folder, whatever path leads to it.
using Identity = std::pair<dev_t, ino_t>;

class Walker {
 public:
  Walker(const WalkOptions& options, WalkResult& out) : options_(options), out_(out) {}

  // Walks the folder `dir` (shown to the user as `display`) and below.
  // Iterative, so that deep trees cannot overflow the stack.
  void WalkFolder(const fs::path& dir, const fs::path& display) {
    std::vector<std::pair<fs::path, fs::path>> pending{{dir, display}};
    while (!pending.empty()) {
      auto [path, shown] = std::move(pending.back());
      pending.pop_back();
      std::error_code ec;
      fs::directory_iterator it(path, ec);
      if (ec) {
        out_.errors.push_back(shown.string() + ": cannot read folder (" + ec.message() + ")");
        continue;
      }
      std::vector<std::pair<fs::path, fs::path>> subfolders;
      for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::path& child = it->path();
        if (Hidden(child)) continue;
        Visit(child, shown / child.filename(), subfolders);
      }
      if (ec) out_.errors.push_back(shown.string() + ": cannot read folder (" + ec.message() + ")");
      // Depth first, in name order.
      std::sort(subfolders.begin(), subfolders.end(), std::greater<>());
      for (auto& s : subfolders) pending.push_back(std::move(s));
    }
  }

  // Records `path` as visited; false if it was visited before.
  bool FirstVisit(const struct stat& st) { return seen_.insert({st.st_dev, st.st_ino}).second; }

 private:
  void Visit(const fs::path& path, const fs::path& shown,
             std::vector<std::pair<fs::path, fs::path>>& subfolders) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
      out_.errors.push_back(shown.string() + ": " + std::strerror(errno));
      return;
    }
    if (S_ISLNK(st.st_mode)) {
      if (!options_.follow_symlinks) {
        ++out_.links_skipped;
        return;
      }
      if (::stat(path.c_str(), &st) != 0) {
        // A dangling link, or a loop of links (ELOOP).
        out_.errors.push_back(shown.string() + ": cannot follow symbolic link (" +
                              std::strerror(errno) + ")");
        return;
      }
    }
    if (S_ISDIR(st.st_mode)) {
      // Folders reached twice (a link to an ancestor: a loop) are walked once.
      if (FirstVisit(st)) subfolders.emplace_back(path, shown);
      return;
    }
    if (!IsArticleFile(path)) return;
    if (!S_ISREG(st.st_mode)) {
      // A FIFO would block the reader forever; a device is no article.
      out_.errors.push_back(shown.string() + ": not a regular file");
      return;
    }
    if (!FirstVisit(st)) return;  // the same file through another link
    out_.files.push_back({Absolute(path), shown.lexically_normal().string(), StampOf(st)});
  }

  const WalkOptions& options_;
  WalkResult& out_;
  std::set<Identity> seen_;
};

}  // namespace

FileStamp StampOf(const struct stat& st) {
  FileStamp stamp;
  stamp.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  stamp.size = static_cast<uint64_t>(st.st_size);
  return stamp;
}

WalkResult Walk(const std::vector<std::string>& inputs, const WalkOptions& options) {
  WalkResult out;
  Walker walker(options, out);
  for (const std::string& input : inputs) {
    struct stat st {};
    if (::stat(input.c_str(), &st) != 0) {
      out.errors.push_back(input + ": " +
                           (errno == ENOENT ? std::string("no such file or folder")
                                            : std::string(std::strerror(errno))));
      continue;
    }
    const std::string abs_top = Absolute(input);
    if (S_ISDIR(st.st_mode)) {
      out.roots.push_back(abs_top == "/" ? abs_top : abs_top + "/");
      if (walker.FirstVisit(st)) walker.WalkFolder(input, input);
      continue;
    }
    out.roots.push_back(abs_top);
    if (!IsArticleFile(input)) {
      out.errors.push_back(input +
                           ": unsupported file type (want .txt, .json, .jsonl, .ndjson, "
                           ".csv, .html, .htm, .rss, .atom, .xml, .warc, .wet, .arc, or one of them "
                           ".gz)");
      continue;
    }
    if (!S_ISREG(st.st_mode)) {
      out.errors.push_back(input + ": not a regular file");
      continue;
    }
    walker.FirstVisit(st);
    out.files.push_back({abs_top, input, StampOf(st)});
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
