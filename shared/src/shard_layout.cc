#include "shard_layout.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace newsarc::internal {

uint64_t Fnv1a64(std::string_view key) {
  uint64_t h = 14695981039346656037ull;  // offset basis
  for (const char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;  // FNV prime
  }
  return h;
}

std::string LayoutToString(ShardBy by, uint32_t shards) {
  switch (by) {
    case ShardBy::kHash: return "hash " + std::to_string(shards);
    case ShardBy::kYear: return "year";
    case ShardBy::kMonth: return "month";
    case ShardBy::kNone: break;
  }
  return "single";
}

bool LayoutFromString(std::string_view text, ShardBy& by, uint32_t& shards) {
  shards = 0;
  if (text == "year") {
    by = ShardBy::kYear;
    return true;
  }
  if (text == "month") {
    by = ShardBy::kMonth;
    return true;
  }
  if (text.substr(0, 5) != "hash ") return false;
  const std::string n(text.substr(5));
  if (n.empty() || n.size() > 4 || n.find_first_not_of("0123456789") != std::string::npos)
    return false;
  shards = static_cast<uint32_t>(std::stoul(n));
  by = ShardBy::kHash;
  return shards >= 1 && shards <= kMaxShards;
}

std::string DescribeLayout(ShardBy by, uint32_t shards) {
  switch (by) {
    case ShardBy::kHash: return std::to_string(shards) + " shards by key hash (--shards " +
                                std::to_string(shards) + ")";
    case ShardBy::kYear: return "one shard per year (--shard-by year)";
    case ShardBy::kMonth: return "one shard per month (--shard-by month)";
    case ShardBy::kNone: break;
  }
  return "one database";
}

std::string PartitionToString(const Partition& p) {
  return std::to_string(p.index) + "/" + std::to_string(p.count);
}

std::optional<Partition> PartitionFromString(std::string_view text) {
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto number = [](std::string_view s) -> std::optional<uint32_t> {
    if (s.empty() || s.size() > 4 || s.find_first_not_of("0123456789") != std::string_view::npos)
      return std::nullopt;
    return static_cast<uint32_t>(std::stoul(std::string(s)));
  };
  const auto i = number(text.substr(0, slash));
  const auto n = number(text.substr(slash + 1));
  if (!i || !n || *n < 1 || *n > kMaxShards || *i >= *n) return std::nullopt;
  return Partition{*i, *n};
}

std::string HashShardName(uint32_t i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%03u", i);
  return buf;
}

std::string TimeShardName(ShardBy by, std::string_view date) {
  const bool digits =
      date.size() >= 6 && date.substr(0, 6).find_first_not_of("0123456789") == std::string::npos;
  if (!digits) return std::string(kUndatedShard);
  const std::string_view month = date.substr(4, 2);
  if (by == ShardBy::kYear) return std::string(date.substr(0, 4));
  if (month < "01" || month > "12") return std::string(date.substr(0, 4)) + "-00";
  return std::string(date.substr(0, 4)) + "-" + std::string(month);
}

bool IsTimeShardName(ShardBy by, std::string_view name) {
  if (name == kUndatedShard) return true;
  auto digits = [](std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (by == ShardBy::kYear) return name.size() == 4 && digits(name);
  return name.size() == 7 && digits(name.substr(0, 4)) && name[4] == '-' &&
         digits(name.substr(5));
}

Status SyncPath(const std::filesystem::path& p, int flags) {
  const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return Status::IOError("cannot open " + p.string() + ": " + std::strerror(errno));
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0) return Status::IOError("cannot sync " + p.string() + ": " + std::strerror(err));
  return Status::Ok();
}

Status WriteStub(const std::filesystem::path& dir, const std::vector<std::string>& shards) {
  std::string text =
      "# newsarc sharded index: written by newsarc-index, do not edit.\n"
      "# The first database holds the file records and the layout.\n";
  text += "auto " + std::string(kShardsDir) + "/" + std::string(kMetaShard) + "\n";
  for (const std::string& s : shards) text += "auto " + std::string(kShardsDir) + "/" + s + "\n";

  const std::filesystem::path stub = dir / kStubFile;
  {
    std::ifstream in(stub, std::ios::binary);
    if (in) {
      std::ostringstream old;
      old << in.rdbuf();
      if (old.str() == text) return Status::Ok();
    }
  }
  return WriteFileDurably(stub, text);
}

Status WriteFileDurably(const std::filesystem::path& file, std::string_view text) {
  std::filesystem::path tmp = file;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) return Status::IOError("cannot write " + tmp.string());
  }
  if (Status s = SyncPath(tmp, O_RDONLY); !s.ok()) return s;
  std::error_code ec;
  std::filesystem::rename(tmp, file, ec);
  if (ec) return Status::IOError("cannot rename " + tmp.string() + ": " + ec.message());
  const std::filesystem::path folder = file.parent_path();
  return SyncPath(folder.empty() ? "." : folder, O_RDONLY | O_DIRECTORY);
}

}  // namespace newsarc::internal
