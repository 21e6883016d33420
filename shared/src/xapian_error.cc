#include "xapian_error.h"

#include <xapian.h>

#include <new>
#include <string>

namespace newsarc::internal {

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
