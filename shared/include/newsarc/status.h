// Status and Result<T>: how every public function reports failure.
// No exception crosses the public API (see STYLE.md, "Errors").
#ifndef NEWSARC_STATUS_H_
#define NEWSARC_STATUS_H_

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace newsarc {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad query, bad flag, malformed input record
  kNotFound,         // no index, no such file
  kIOError,          // the operating system said no
  kCorruption,       // the index or a file is damaged
  kLocked,           // another writer holds the index
  kInternal,         // a bug or an unexpected library error
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return Status(StatusCode::kInvalidArgument, std::move(m));
  }
  static Status NotFound(std::string m) {
    return Status(StatusCode::kNotFound, std::move(m));
  }
  static Status IOError(std::string m) {
    return Status(StatusCode::kIOError, std::move(m));
  }
  static Status Corruption(std::string m) {
    return Status(StatusCode::kCorruption, std::move(m));
  }
  static Status Locked(std::string m) {
    return Status(StatusCode::kLocked, std::move(m));
  }
  static Status Internal(std::string m) {
    return Status(StatusCode::kInternal, std::move(m));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // A human-readable message that says what went wrong and where.
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a T or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Status error) : v_(std::move(error)) { assert(!status().ok()); }

  bool ok() const { return std::holds_alternative<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  // REQUIRES: !ok()
  const Status& status() const { return std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace newsarc

#endif  // NEWSARC_STATUS_H_
