#include "newsarc/index_writer.h"

#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "document_builder.h"
#include "keys.h"
#include "schema.h"
#include "stored_fields.h"
#include "xapian_error.h"

namespace newsarc {

using internal::BuiltDocument;
namespace schema = internal::schema;

std::filesystem::path DefaultIndexPath() {
  if (const char* env = std::getenv("NEWSARC_DB"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "newsarc" / "index";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home && *home ? home : ".") / ".local" / "share" /
         "newsarc" / "index";
}

// ---- PreparedArticle ------------------------------------------------------

struct PreparedArticle::Impl {
  BuiltDocument built;
  std::string path;
};

PreparedArticle::PreparedArticle(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PreparedArticle::PreparedArticle(PreparedArticle&&) noexcept = default;
PreparedArticle& PreparedArticle::operator=(PreparedArticle&&) noexcept = default;
PreparedArticle::~PreparedArticle() = default;

PreparedArticle PreparedArticle::Prepare(const Article& article) {
  auto impl = std::make_unique<Impl>();
  impl->built = internal::BuildDocument(article);
  impl->path = article.source_path;
  return PreparedArticle(std::move(impl));
}

const std::string& PreparedArticle::id() const { return impl_->built.id; }
int PreparedArticle::version() const { return impl_->built.version; }
const Extraction& PreparedArticle::extraction() const { return impl_->built.extraction; }

// ---- File records and claims ------------------------------------------------
// A file record ("F" + file key) says which file was read completely, when,
// and which articles it holds. A claim list ("C" + id key) says which files
// hold a version of an article, so that removing the winning file brings the
// next best version back.

namespace {

// Records are fields separated by NUL, the one byte no path or id holds
// (file names may contain newlines and tabs).
constexpr char kSep = '\0';

std::vector<std::string> SplitFields(const std::string& s) {
  std::vector<std::string> fields;
  if (s.empty()) return fields;
  size_t start = 0;
  for (;;) {
    const size_t end = s.find(kSep, start);
    fields.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return fields;
    start = end + 1;
  }
}

struct FileRecord {
  std::string path;
  FileStamp stamp;
  std::vector<std::string> ids;
};

std::string SerializeRecord(const FileRecord& r) {
  std::string out = r.path + kSep + std::to_string(r.stamp.mtime_ns) + kSep +
                    std::to_string(r.stamp.size);
  for (const auto& id : r.ids) out += kSep + id;
  return out;
}

std::optional<FileRecord> ParseRecord(const std::string& s) {
  std::vector<std::string> fields = SplitFields(s);
  if (fields.size() < 3) return std::nullopt;
  FileRecord r;
  r.path = fields[0];
  try {
    r.stamp.mtime_ns = std::stoll(fields[1]);
    r.stamp.size = std::stoull(fields[2]);
  } catch (...) {
    return std::nullopt;
  }
  r.ids.assign(fields.begin() + 3, fields.end());
  return r;
}

// Claims: (file key, version, path) per file holding the article.
struct Claim {
  std::string file_key;
  int version = 0;
  std::string path;
};

std::vector<Claim> ParseClaims(const std::string& s) {
  std::vector<Claim> claims;
  const std::vector<std::string> fields = SplitFields(s);
  for (size_t i = 0; i + 2 < fields.size(); i += 3) {
    Claim c;
    c.file_key = fields[i];
    try {
      c.version = std::stoi(fields[i + 1]);
    } catch (...) {
      continue;
    }
    c.path = fields[i + 2];
    claims.push_back(std::move(c));
  }
  return claims;
}

std::string SerializeClaims(const std::vector<Claim>& claims) {
  std::string out;
  for (const auto& c : claims) {
    if (!out.empty()) out += kSep;
    out += c.file_key + kSep + std::to_string(c.version) + kSep + c.path;
  }
  return out;
}

std::string FileMetaKey(const std::string& path) {
  return std::string(schema::kMetaFile) + internal::FileKey(path);
}
std::string ClaimMetaKey(const std::string& id) {
  return std::string(schema::kMetaClaims) + internal::ShortKey(id);
}

}  // namespace

// ---- IndexWriter -----------------------------------------------------------

struct IndexWriter::Impl {
  Xapian::WritableDatabase db;
  WriterOptions options;
  uint32_t pending = 0;  // changes since the last commit
  // Ids added per file since its RemoveFile, written by FinishFile.
  std::map<std::string, std::set<std::string>> file_ids;

  Status MaybeCommit() {
    if (++pending < options.commit_every) return Status::Ok();
    return internal::GuardXapian("committing", [&] {
      db.commit();
      pending = 0;
    });
  }
};

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;
IndexWriter::~IndexWriter() {
  if (impl_) (void)Commit();
}

Result<IndexWriter> IndexWriter::Open(const std::filesystem::path& dir,
                                      const WriterOptions& options) {
  const std::string where = "index " + dir.string();
  std::error_code ec;
  if (options.create) {
    std::filesystem::create_directories(dir, ec);
    if (ec) return Status::IOError("cannot create " + where + ": " + ec.message());
  } else if (!std::filesystem::exists(dir, ec)) {
    return Status::NotFound("no " + where);
  }
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (impl->options.commit_every == 0) impl->options.commit_every = 1;
  Status s = internal::GuardXapian(where, [&]() -> Status {
    const int flags = (options.create ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN) |
                      Xapian::DB_BACKEND_GLASS |
                      (options.wait_for_lock ? Xapian::DB_RETRY_LOCK : 0);
    impl->db = Xapian::WritableDatabase(dir.string(), flags);
    const std::string version = impl->db.get_metadata(std::string(schema::kMetaSchemaVersion));
    if (version.empty()) {
      if (impl->db.get_doccount() != 0)
        return Status::InvalidArgument(where + " is a Xapian database but not a newsarc index");
      impl->db.set_metadata(std::string(schema::kMetaSchemaVersion),
                            std::string(schema::kSchemaVersion));
      impl->db.commit();
    } else if (version != schema::kSchemaVersion) {
      return Status::InvalidArgument(where + " has schema version " + version +
                                     "; this newsarc writes version " +
                                     std::string(schema::kSchemaVersion) +
                                     ": index into a new directory");
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return IndexWriter(std::move(impl));
}

std::string IndexWriter::ArticleId(const Article& article) {
  if (!article.id.empty()) return article.id;
  if (!article.url.empty()) {
    std::string url = internal::CanonicalUrl(article.url);
    if (!url.empty()) return url;
  }
  return "file:" + article.source_path + "#" + std::to_string(article.record);
}

Status IndexWriter::Add(const Article& article) {
  Status s = internal::GuardXapian("indexing " + article.source_path, [&] {
    return Add(PreparedArticle::Prepare(article));
  });
  return s;
}

Status IndexWriter::Add(PreparedArticle prepared) {
  Impl& w = *impl_;
  BuiltDocument& b = prepared.impl_->built;
  const std::string& path = prepared.impl_->path;
  Status s = internal::GuardXapian("indexing " + path, [&]() -> Status {
    w.file_ids[path].insert(b.id);
    // One lookup serves both the version rule and the write: most articles
    // are new, and for them this is the only index read.
    Xapian::PostingIterator it = w.db.postlist_begin(b.id_term);
    if (it == w.db.postlist_end(b.id_term)) {
      w.db.add_document(b.document);
      return Status::Ok();
    }
    const Xapian::docid old_id = *it;
    const Xapian::Document old = w.db.get_document(old_id);
    const int old_version =
        static_cast<int>(Xapian::sortable_unserialise(old.get_value(schema::kSlotVersion)));
    const std::string old_file_key = old.get_value(schema::kSlotFile);
    if (old_file_key != b.file_key) {
      // Two files hold this article: record both claims, so that removing
      // the winner later brings the other version back. Claims exist only
      // for such ids.
      const std::string claim_key = ClaimMetaKey(b.id);
      std::vector<Claim> claims = ParseClaims(w.db.get_metadata(claim_key));
      if (std::none_of(claims.begin(), claims.end(),
                       [&](const Claim& c) { return c.file_key == old_file_key; })) {
        const auto fields = internal::ParseFields(old.get_data());
        claims.push_back({old_file_key, old_version, fields ? fields->path : std::string()});
      }
      std::erase_if(claims, [&](const Claim& c) { return c.file_key == b.file_key; });
      claims.push_back({b.file_key, b.version, path});
      w.db.set_metadata(claim_key, SerializeClaims(claims));
    }
    // Keep a stored version that is higher, or as high and from another file.
    if (old_version > b.version || (old_version == b.version && old_file_key != b.file_key))
      return Status::Ok();
    w.db.replace_document(old_id, b.document);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return w.MaybeCommit();
}

Status IndexWriter::Delete(const std::string& id) {
  Impl& w = *impl_;
  const std::string id_term = std::string(schema::kId) + internal::ShortKey(id);
  bool found = false;
  Status s = internal::GuardXapian("deleting " + id, [&] {
    found = w.db.term_exists(id_term);
    if (!found) return;
    w.db.delete_document(id_term);
    w.db.set_metadata(ClaimMetaKey(id), std::string());
  });
  if (!s.ok()) return s;
  if (!found) return Status::NotFound("no article with id " + id);
  return w.MaybeCommit();
}

std::optional<FileStamp> IndexWriter::StampOf(const std::string& path) const {
  try {
    auto record = ParseRecord(impl_->db.get_metadata(FileMetaKey(path)));
    if (record && record->path == path) return record->stamp;
  } catch (const Xapian::Error&) {
  }
  return std::nullopt;
}

Result<std::vector<std::string>> IndexWriter::RemoveFile(const std::string& path) {
  Impl& w = *impl_;
  std::vector<std::string> reread;
  const std::string file_key = internal::FileKey(path);
  Status s = internal::GuardXapian("removing " + path, [&] {
    std::set<std::string> ids;
    if (auto record = ParseRecord(w.db.get_metadata(FileMetaKey(path))))
      ids.insert(record->ids.begin(), record->ids.end());
    auto added = w.file_ids.find(path);
    if (added != w.file_ids.end()) {
      ids.insert(added->second.begin(), added->second.end());
      w.file_ids.erase(added);
    }
    // The articles this file won: their ids come from the documents.
    std::set<std::string> won;
    const std::string file_term = std::string(schema::kFile) + file_key;
    for (auto it = w.db.postlist_begin(file_term); it != w.db.postlist_end(file_term); ++it) {
      if (auto f = internal::ParseFields(w.db.get_document(*it).get_data())) {
        won.insert(f->id);
        ids.insert(f->id);
      }
    }
    w.db.delete_document(file_term);
    for (const std::string& id : ids) {
      const std::string claim_key = ClaimMetaKey(id);
      std::vector<Claim> claims = ParseClaims(w.db.get_metadata(claim_key));
      if (claims.empty()) continue;  // no other file ever held this article
      std::erase_if(claims, [&](const Claim& c) { return c.file_key == file_key; });
      // A single claim left needs no record: that file simply holds the article.
      w.db.set_metadata(claim_key, claims.size() < 2 ? std::string() : SerializeClaims(claims));
      if (won.count(id))
        for (const Claim& c : claims) reread.push_back(c.path);
    }
    w.db.set_metadata(FileMetaKey(path), std::string());
    w.pending += static_cast<uint32_t>(won.size());
  });
  if (!s.ok()) return s;
  std::sort(reread.begin(), reread.end());
  reread.erase(std::unique(reread.begin(), reread.end()), reread.end());
  return reread;
}

Status IndexWriter::FinishFile(const std::string& path, const FileStamp& stamp) {
  Impl& w = *impl_;
  FileRecord record{path, stamp, {}};
  if (auto it = w.file_ids.find(path); it != w.file_ids.end()) {
    record.ids.assign(it->second.begin(), it->second.end());
    w.file_ids.erase(it);
  }
  Status s = internal::GuardXapian("recording " + path, [&] {
    w.db.set_metadata(FileMetaKey(path), SerializeRecord(record));
  });
  if (!s.ok()) return s;
  return w.MaybeCommit();
}

std::vector<std::string> IndexWriter::KnownFiles(const std::string& prefix) const {
  std::vector<std::string> files;
  try {
    const std::string meta_prefix(schema::kMetaFile);
    for (auto it = impl_->db.metadata_keys_begin(meta_prefix);
         it != impl_->db.metadata_keys_end(meta_prefix); ++it) {
      auto record = ParseRecord(impl_->db.get_metadata(*it));
      if (record && record->path.compare(0, prefix.size(), prefix) == 0)
        files.push_back(record->path);
    }
  } catch (const Xapian::Error&) {
  }
  return files;
}

Status IndexWriter::Commit() {
  return internal::GuardXapian("committing", [&] {
    impl_->db.commit();
    impl_->pending = 0;
  });
}

uint64_t IndexWriter::ArticleCount() const {
  try {
    return impl_->db.get_doccount();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

}  // namespace newsarc
