#include "stub.h"

#include <fstream>
#include <system_error>

namespace newsarc::internal {
namespace {

constexpr int kMaxDepth = 8;
constexpr size_t kMaxStubBytes = 1 << 20;

std::string_view Trim(std::string_view s) {
  const char* ws = " \t\r\n\f\v";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

// The line as shown in an error: at most 80 bytes, control characters as '?'.
std::string Shown(std::string_view line) {
  std::string out(line.substr(0, 80));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  }
  if (line.size() > 80) out += "...";
  return out;
}

bool ParsePort(std::string_view s, unsigned& port) {
  if (s.empty() || s.size() > 5) return false;
  unsigned v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  if (v == 0 || v > 65535) return false;
  port = v;
  return true;
}

// A regular file is a stub when it reads as text; a single-file Xapian
// database is binary.
bool LooksLikeStubFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  char buf[512];
  in.read(buf, sizeof buf);
  const auto n = static_cast<size_t>(in.gcount());
  for (size_t i = 0; i < n; ++i) {
    if (buf[i] == '\0') return false;
  }
  return true;
}

Result<std::vector<ShardSpec>> Resolve(const std::filesystem::path& db, int depth);

// The stub's text, read up to one byte past the limit (no more is needed
// to refuse it).
Result<std::string> ReadStubText(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::IOError("cannot read the stub " + file.string());
  std::string text(kMaxStubBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  if (text.size() > kMaxStubBytes) {
    return Status::InvalidArgument("the stub " + file.string() +
                                   " is too big (over 1 MiB) to be a stub");
  }
  return text;
}

Result<std::vector<ShardSpec>> ReadStub(const std::filesystem::path& file, int depth) {
  auto text = ReadStubText(file);
  if (!text.ok()) return text.status();
  auto specs = ParseStub(text.value(), file.parent_path(), file.string());
  if (!specs.ok()) return specs.status();
  std::vector<ShardSpec> out;
  for (ShardSpec& s : specs.value()) {
    if (s.kind == ShardSpec::Kind::kLocal && IsStub(s.path)) {
      if (depth >= kMaxDepth) {
        return Status::InvalidArgument("stubs nested more than " +
                                       std::to_string(kMaxDepth) +
                                       " deep at " + s.path.string());
      }
      auto nested = Resolve(s.path, depth + 1);
      if (!nested.ok()) return nested.status();
      for (ShardSpec& n : nested.value()) out.push_back(std::move(n));
    } else {
      out.push_back(std::move(s));
    }
  }
  return out;
}

Result<std::vector<ShardSpec>> Resolve(const std::filesystem::path& db, int depth) {
  std::error_code ec;
  if (db.empty() || !std::filesystem::exists(db, ec)) {
    return Status::NotFound("no index at " + db.string());
  }
  if (std::filesystem::is_directory(db, ec)) {
    if (std::filesystem::is_regular_file(db / "XAPIANDB", ec)) {
      return ReadStub(db / "XAPIANDB", depth);
    }
  } else if (LooksLikeStubFile(db)) {
    return ReadStub(db, depth);
  }
  ShardSpec local;
  local.kind = ShardSpec::Kind::kLocal;
  local.path = db;
  local.name = db.string();
  return std::vector<ShardSpec>{std::move(local)};
}

}  // namespace

std::string WhyNotAnIndexDirectory(const std::filesystem::path& path) {
  std::string why = " is a file, not an index directory";
  if (!LooksLikeStubFile(path)) return why;
  auto text = ReadStubText(path);
  if (!text.ok()) return why;
  auto shards = ParseStub(text.value(), path.parent_path(), path.string());
  if (!shards.ok()) return why;
  const std::vector<ShardSpec>& list = shards.value();
  why = " is a stub file listing " + std::to_string(list.size()) +
        (list.size() == 1 ? " database (" : " databases (");
  for (size_t i = 0; i < list.size() && i < 3; ++i) why += (i ? ", " : "") + list[i].name;
  if (list.size() > 3) why += ", ...";
  return why + ") for newsarc-search to read together; newsarc-index writes and compacts one "
               "index directory at a time: give it --db with one of those indexes, or a new "
               "directory";
}

bool IsStub(const std::filesystem::path& db) {
  std::error_code ec;
  if (std::filesystem::is_directory(db, ec)) {
    return std::filesystem::is_regular_file(db / "XAPIANDB", ec);
  }
  return std::filesystem::is_regular_file(db, ec) && LooksLikeStubFile(db);
}

Result<std::vector<ShardSpec>> ParseStub(std::string_view text,
                                         const std::filesystem::path& base,
                                         const std::string& source) {
  std::vector<ShardSpec> shards;
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    const std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#') continue;
    auto bad = [&](const std::string& why) {
      return Status::InvalidArgument(source + " line " + std::to_string(line_no) +
                                     ": \"" + Shown(line) + "\": " + why);
    };
    const size_t space = line.find_first_of(" \t");
    const std::string_view type = line.substr(0, space);
    const std::string_view rest =
        space == std::string_view::npos ? std::string_view() : Trim(line.substr(space));
    ShardSpec spec;
    if (type == "auto" || type == "glass" || type == "chert") {
      if (rest.empty()) return bad("expected \"" + std::string(type) + " PATH\"");
      std::filesystem::path p{std::string(rest)};
      spec.kind = ShardSpec::Kind::kLocal;
      spec.path = p.is_absolute() ? p : (base / p).lexically_normal();
      spec.name = spec.path.string();
    } else if (type == "remote") {
      if (rest.empty()) {
        return bad("expected \"remote HOST:PORT\" or \"remote :PROGRAM ARGS\"");
      }
      if (rest[0] == ':') {
        const std::string_view prog = rest.substr(1);
        const size_t sp = prog.find_first_of(" \t");
        spec.kind = ShardSpec::Kind::kProg;
        spec.program = std::string(prog.substr(0, sp));
        if (sp != std::string_view::npos) spec.args = std::string(Trim(prog.substr(sp)));
        if (spec.program.empty()) return bad("no program after \"remote :\"");
        spec.name = spec.args.empty() ? spec.program : spec.program + " " + spec.args;
      } else {
        const size_t colon = rest.rfind(':');
        if (colon == std::string_view::npos) {
          return bad("expected \"remote HOST:PORT\" (no port) or \"remote :PROGRAM ARGS\"");
        }
        spec.kind = ShardSpec::Kind::kTcp;
        spec.host = std::string(rest.substr(0, colon));
        if (spec.host.empty()) return bad("no host before the port");
        if (spec.host.find_first_of(" \t:[]") != std::string::npos) {
          return bad("bad host \"" + Shown(spec.host) +
                     "\" (a name or IPv4 address; Xapian 1.4 stubs take no IPv6)");
        }
        if (!ParsePort(rest.substr(colon + 1), spec.port)) {
          return bad("bad port \"" + Shown(rest.substr(colon + 1)) +
                     "\" (a number from 1 to 65535)");
        }
        spec.name = spec.host + ":" + std::to_string(spec.port);
      }
    } else if (type == "inmemory") {
      return bad("an inmemory database holds no articles");
    } else {
      return bad("unknown database type \"" + Shown(type) +
                 "\" (expected auto, glass, chert or remote)");
    }
    shards.push_back(std::move(spec));
  }
  if (shards.empty()) {
    return Status::InvalidArgument(source + ": the stub lists no database");
  }
  return shards;
}

Result<std::vector<ShardSpec>> ResolveShards(const std::filesystem::path& db) {
  return Resolve(db, 0);
}

}  // namespace newsarc::internal
