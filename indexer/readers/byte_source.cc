#include "readers/byte_source.h"

#include <unicode/ucnv.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>

namespace newsarc::indexer {
namespace {

constexpr size_t kChunk = 64 * 1024;

class FileSource : public ByteSource {
 public:
  explicit FileSource(std::FILE* f) : f_(f) {}
  ~FileSource() override { std::fclose(f_); }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  Result<size_t> Read(char* buf, size_t n) override {
    size_t got = std::fread(buf, 1, n, f_);
    if (got == 0 && std::ferror(f_)) {
      return Status::IOError(std::strerror(errno));
    }
    return got;
  }

 private:
  std::FILE* f_;
};

class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string bytes) : bytes_(std::move(bytes)) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t got = std::min(n, bytes_.size() - pos_);
    std::memcpy(buf, bytes_.data() + pos_, got);
    pos_ += got;
    return got;
  }

 private:
  std::string bytes_;
  size_t pos_ = 0;
};

class PrefixedSource : public ByteSource {
 public:
  PrefixedSource(std::string prefix, Status error,
                 std::unique_ptr<ByteSource> in)
      : prefix_(std::move(prefix)),
        error_(std::move(error)),
        in_(std::move(in)) {}
  Result<size_t> Read(char* buf, size_t n) override {
    if (pos_ < prefix_.size()) {
      size_t got = std::min(n, prefix_.size() - pos_);
      std::memcpy(buf, prefix_.data() + pos_, got);
      pos_ += got;
      return got;
    }
    if (!error_.ok()) return error_;
    if (!in_) return size_t{0};
    return in_->Read(buf, n);
  }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  Status error_;
  std::unique_ptr<ByteSource> in_;
};

class GzipSource : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> in)
      : in_(std::move(in)), inbuf_(kChunk, '\0') {
    // 15 + 32: accept gzip and zlib headers.
    if (inflateInit2(&z_, 15 + 32) != Z_OK) error_ = Status::Internal("zlib");
  }
  ~GzipSource() override { inflateEnd(&z_); }
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  Result<size_t> Read(char* buf, size_t n) override {
    if (!error_.ok()) return error_;
    if (done_ || n == 0) return size_t{0};
    z_.next_out = reinterpret_cast<Bytef*>(buf);
    z_.avail_out = static_cast<uInt>(std::min<size_t>(n, kChunk));
    while (z_.avail_out == std::min<size_t>(n, kChunk)) {
      if (z_.avail_in == 0) {
        auto got = in_->Read(inbuf_.data(), inbuf_.size());
        if (!got.ok()) return Fail(got.status());
        if (got.value() == 0) {
          // The input ended. Clean only between members.
          if (in_member_) {
            return Fail(Status::Corruption(
                "corrupt gzip data (unexpected end of file)"));
          }
          done_ = true;
          break;
        }
        z_.next_in = reinterpret_cast<Bytef*>(inbuf_.data());
        z_.avail_in = static_cast<uInt>(got.value());
      }
      if (!in_member_) {
        // Several gzip members in a row decompress to one stream (gunzip
        // does the same); anything else after a member is garbage.
        if (started_ && inflateReset(&z_) != Z_OK) {
          return Fail(Status::Internal("zlib reset failed"));
        }
        in_member_ = true;
        started_ = true;
      }
      int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        std::string reason = z_.msg ? z_.msg : "error " + std::to_string(rc);
        return Fail(Status::Corruption("corrupt gzip data (" + reason + ")"));
      }
    }
    return std::min<size_t>(n, kChunk) - z_.avail_out;
  }

 private:
  Status Fail(Status s) {
    error_ = std::move(s);
    return error_;
  }

  std::unique_ptr<ByteSource> in_;
  std::string inbuf_;
  z_stream z_{};
  Status error_;
  bool in_member_ = false;
  bool started_ = false;
  bool done_ = false;
};

// Streams through ucnv_convertEx so that a UTF-16 jsonl or csv file is split
// into lines after conversion, without holding the whole file.
class ConvertingSource : public ByteSource {
 public:
  ConvertingSource(std::unique_ptr<ByteSource> in, const std::string& charset)
      : in_(std::move(in)), inbuf_(kChunk, '\0') {
    UErrorCode err = U_ZERO_ERROR;
    from_ = ucnv_open(charset.c_str(), &err);
    if (U_FAILURE(err)) from_ = nullptr;
    err = U_ZERO_ERROR;
    to_ = ucnv_open("UTF-8", &err);
    if (U_FAILURE(err)) to_ = nullptr;
    if (!from_ || !to_)
      error_ = Status::Internal("no converter for " + charset);
  }
  ~ConvertingSource() override {
    if (from_) ucnv_close(from_);
    if (to_) ucnv_close(to_);
  }
  ConvertingSource(const ConvertingSource&) = delete;
  ConvertingSource& operator=(const ConvertingSource&) = delete;

  Result<size_t> Read(char* buf, size_t n) override {
    if (!error_.ok()) return error_;
    // A UTF-8 character is at most 4 bytes; ICU needs room to make progress.
    if (n < 8) return Status::Internal("read buffer too small");
    for (;;) {
      if (flushed_) return size_t{0};
      if (in_pos_ == in_len_ && !in_eof_) {
        auto got = in_->Read(inbuf_.data(), inbuf_.size());
        if (!got.ok()) {
          error_ = got.status();
          return error_;
        }
        in_pos_ = 0;
        in_len_ = got.value();
        if (in_len_ == 0) in_eof_ = true;
      }
      char* target = buf;
      const char* source = inbuf_.data() + in_pos_;
      UErrorCode err = U_ZERO_ERROR;
      ucnv_convertEx(to_, from_, &target, buf + n, &source,
                     inbuf_.data() + in_len_, pivot_, &pivot_source_,
                     &pivot_target_, pivot_ + kPivot, first_, in_eof_, &err);
      first_ = false;
      in_pos_ = source - inbuf_.data();
      size_t produced = target - buf;
      if (err == U_BUFFER_OVERFLOW_ERROR) return produced;
      if (U_FAILURE(err)) {
        error_ = Status::Corruption(std::string("cannot convert text (") +
                                    u_errorName(err) + ")");
        return error_;
      }
      if (in_eof_) flushed_ = true;
      if (produced > 0) return produced;
    }
  }

 private:
  static constexpr size_t kPivot = 1024;
  std::unique_ptr<ByteSource> in_;
  std::string inbuf_;
  size_t in_pos_ = 0, in_len_ = 0;
  bool in_eof_ = false, flushed_ = false, first_ = true;
  UConverter* from_ = nullptr;
  UConverter* to_ = nullptr;
  UChar pivot_[kPivot];
  UChar* pivot_source_ = pivot_;
  UChar* pivot_target_ = pivot_;
  Status error_;
};

}  // namespace

Result<std::unique_ptr<ByteSource>> NewFileSource(
    const std::filesystem::path& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    return Status::IOError(path.string() + ": " + std::strerror(errno));
  }
  return std::unique_ptr<ByteSource>(std::make_unique<FileSource>(f));
}

std::unique_ptr<ByteSource> NewMemorySource(std::string bytes) {
  return std::make_unique<MemorySource>(std::move(bytes));
}

std::unique_ptr<ByteSource> NewGzipSource(std::unique_ptr<ByteSource> in) {
  return std::make_unique<GzipSource>(std::move(in));
}

std::unique_ptr<ByteSource> NewUtf8ConvertingSource(
    std::unique_ptr<ByteSource> in, const std::string& charset) {
  return std::make_unique<ConvertingSource>(std::move(in), charset);
}

std::unique_ptr<ByteSource> NewPrefixedSource(std::string prefix, Status error,
                                              std::unique_ptr<ByteSource> in) {
  return std::make_unique<PrefixedSource>(std::move(prefix), std::move(error),
                                          std::move(in));
}

std::string ReadUpTo(ByteSource& in, size_t n, Status* error) {
  // Grow with the data rather than allocating `n` up front: `n` is a cap
  // (16 MiB for an article) and most files are a few KiB; zero-filling the
  // cap for every file once cost a quarter of the indexing time.
  std::string out;
  char buf[kChunk];
  while (out.size() < n) {
    auto got = in.Read(buf, std::min(sizeof buf, n - out.size()));
    if (!got.ok()) {
      *error = got.status();
      break;
    }
    if (got.value() == 0) break;
    out.append(buf, got.value());
  }
  return out;
}

bool IsGzipName(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  return ext.size() == 3 && ext[0] == '.' && (ext[1] | 0x20) == 'g' &&
         (ext[2] | 0x20) == 'z';
}

Status ReadAll(ByteSource& in, std::string* out) {
  char buf[kChunk];
  for (;;) {
    auto got = in.Read(buf, sizeof buf);
    if (!got.ok()) return got.status();
    if (got.value() == 0) return Status::Ok();
    out->append(buf, got.value());
  }
}

LineReader::LineReader(std::unique_ptr<ByteSource> in, size_t max_line)
    : in_(std::move(in)), max_line_(max_line) {}

Status LineReader::Fill() {
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  size_t old = buf_.size();
  buf_.resize(old + kChunk);
  auto got = in_->Read(buf_.data() + old, kChunk);
  if (!got.ok()) {
    buf_.resize(old);
    return got.status();
  }
  buf_.resize(old + got.value());
  if (got.value() == 0) eof_ = true;
  return Status::Ok();
}

Status LineReader::SkipRestOfLine() {
  for (;;) {
    size_t nl = buf_.find('\n', pos_);
    if (nl != std::string::npos) {
      pos_ = nl + 1;
      return Status::Ok();
    }
    buf_.clear();
    pos_ = 0;
    if (eof_) return Status::Ok();
    if (Status s = Fill(); !s.ok()) return s;
  }
}

Result<bool> LineReader::Next(std::string* line) {
  truncated_ = false;
  size_t scanned = pos_;
  for (;;) {
    size_t nl = buf_.find('\n', scanned);
    if (max_line_ > 0 && (nl == std::string::npos ? buf_.size() : nl) - pos_ > max_line_) {
      line->assign(buf_, pos_, max_line_);
      pos_ += max_line_;
      ++line_number_;
      truncated_ = true;
      if (Status s = SkipRestOfLine(); !s.ok()) return s;
      return true;
    }
    if (nl != std::string::npos) {
      line->assign(buf_, pos_, nl + 1 - pos_);
      pos_ = nl + 1;
      ++line_number_;
      return true;
    }
    if (eof_) {
      if (pos_ == buf_.size()) return false;
      line->assign(buf_, pos_, std::string::npos);
      pos_ = buf_.size();
      ++line_number_;
      return true;
    }
    scanned = buf_.size() - pos_;
    if (Status s = Fill(); !s.ok()) return s;
    // Fill moved the unread bytes to the front.
  }
}

}  // namespace newsarc::indexer
