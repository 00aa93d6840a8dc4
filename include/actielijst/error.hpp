// actielijst — the one exception type of the C++ API.
#pragma once

#include <stdexcept>
#include <string>

namespace actielijst {

/// What went wrong, in categories that map one to one onto the C API's negative codes.
enum class Errc {
    invalid = 1,   ///< bad input: a value, a reference, a document
    not_found,     ///< a key or code that does not exist
    exists,        ///< a key that must be new already exists
    conflict,      ///< the operation contradicts stored data
    io,            ///< a file cannot be read, written or created
    storage,       ///< the database reported an error or is not a database
    version,       ///< data written by a newer version of actielijst
    busy,          ///< another connection held the store's write lock longer than the busy timeout; nothing was written, retrying is safe
    read_only,     ///< the store was opened read-only, or its file or directory cannot be written
    full,          ///< the disk (or the file system's quota) is full; nothing was written
};

/// Thrown by every fallible call of the C++ API. what() says what was wrong and
/// where, e.g. `updates[3].state: unknown state "klaar"`.
class Error : public std::runtime_error {
public:
    Error(Errc code, const std::string& message) : std::runtime_error(message), code_(code) {}
    Errc code() const noexcept { return code_; }

private:
    Errc code_;
};

}  // namespace actielijst
