#include "xapian_error.h"

#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <new>
#include <string>

namespace newsarc::internal {
namespace {

// Whether Xapian failed for want of space: a full disk or an exhausted
// quota. Xapian gives out the errno only as its text.
bool OutOfSpace(const Xapian::Error& e) {
  const char* why = e.get_error_string();
  return why != nullptr &&
         (std::strcmp(why, std::strerror(ENOSPC)) == 0 ||
          std::strcmp(why, std::strerror(EDQUOT)) == 0);
}

}  // namespace

Status StatusFromCurrentException(std::string_view what) {
  const std::string prefix = what.empty() ? "" : std::string(what) + ": ";
  try {
    throw;
  } catch (const Xapian::DatabaseLockError& e) {
    return Status::Locked(prefix + "another newsarc-index is writing to this index (" +
                          e.get_msg() + ")");
  } catch (const Xapian::DatabaseNotFoundError& e) {
    return Status::NotFound(prefix + "no index here");
  } catch (const Xapian::DatabaseCorruptError& e) {
    return Status::Corruption(prefix + "the index is damaged: " + e.get_msg());
  } catch (const Xapian::DatabaseVersionError& e) {
    return Status::Corruption(prefix + "not an index this version can read: " + e.get_msg());
  } catch (const Xapian::DatabaseOpeningError& e) {
    return Status::NotFound(prefix + e.get_msg());
  } catch (const Xapian::QueryParserError& e) {
    return Status::InvalidArgument(prefix + e.get_msg());
  } catch (const Xapian::InvalidArgumentError& e) {
    return Status::InvalidArgument(prefix + e.get_msg());
  } catch (const Xapian::DatabaseError& e) {
    if (OutOfSpace(e)) {
      // A failed commit leaves the index as the last one did: say so, and
      // what to do, rather than only which block could not be written.
      return Status::IOError(prefix + "no space left for the index (" + e.get_msg() + ": " +
                             e.get_error_string() +
                             "); it keeps what its last commit held: free some space and "
                             "try again");
    }
    return Status::IOError(prefix + e.get_description());
  } catch (const Xapian::Error& e) {
    return Status::Internal(prefix + e.get_description());
  } catch (const std::bad_alloc&) {
    return Status::Internal(prefix + "out of memory");
  } catch (const std::exception& e) {
    return Status::Internal(prefix + e.what());
  } catch (...) {
    return Status::Internal(prefix + "unknown error");
  }
}

}  // namespace newsarc::internal
