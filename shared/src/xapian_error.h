// Xapian errors become Status here, where they first appear, and nowhere
// else: no Xapian::Error crosses the library's public API.
#ifndef NEWSARC_SRC_XAPIAN_ERROR_H_
#define NEWSARC_SRC_XAPIAN_ERROR_H_

#include <exception>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "newsarc/status.h"

namespace newsarc::internal {

// The Status for the exception in flight. `what` says what was being done
// ("opening /x/index"). Call only inside a catch block.
Status StatusFromCurrentException(std::string_view what);

// Runs fn() and turns any exception it throws into a Status.
// fn returns Status or void.
template <typename Fn>
Status GuardXapian(std::string_view what, Fn&& fn) {
  try {
    if constexpr (std::is_void_v<decltype(fn())>) {
      std::forward<Fn>(fn)();
      return Status::Ok();
    } else {
      return std::forward<Fn>(fn)();
    }
  } catch (...) {
    return StatusFromCurrentException(what);
  }
}

}  // namespace newsarc::internal

#endif  // NEWSARC_SRC_XAPIAN_ERROR_H_
