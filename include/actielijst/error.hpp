// actielijst — the one exception type of the C++ API.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

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

/// Thrown by every fallible call of the C++ API.
///
/// An error has three parts, kept apart so that a program never has to take a
/// message apart: its code(), its place where() and its message(). The place is
/// a path into the input (`updates[3].state`, `regions[5].code`), the name of an
/// argument or option (`as_of`), or a file for a file error; it is empty when
/// the error has no place. what() joins them for people: `where: message`, e.g.
/// `updates[3].state: unknown state "klaar"`. Codes never depend on the text:
/// rewording a message changes neither code() nor where().
///
/// A file error (Errc::io, Errc::read_only, Errc::full) may also carry the
/// operating system's errno value (system_errno(), 0 when there is none).
class Error : public std::runtime_error {
public:
    /// An error without a place.
    Error(Errc code, const std::string& message) : Error(code, std::string{}, message) {}
    /// An error at `where` (a path, an argument name or a file; may be empty).
    Error(Errc code, std::string where, std::string message, int system_errno = 0)
        : std::runtime_error(join(where, message)),
          code_(code),
          where_(std::move(where)),
          message_(std::move(message)),
          system_errno_(system_errno) {}

    /// The category, one to one with the C API's result codes.
    Errc code() const noexcept { return code_; }
    /// Where the error is: a path such as `updates[3].state`, an argument name or a
    /// file; empty when it has no place.
    const std::string& where() const noexcept { return where_; }
    /// What is wrong, without the place.
    const std::string& message() const noexcept { return message_; }
    /// The operating system's errno behind a file error; 0 when there is none.
    int system_errno() const noexcept { return system_errno_; }

    /// The same error one level further out: `outer` is put in front of the place as
    /// a path (`updates[3]` + `state` gives `updates[3].state`; an index such as
    /// `[2]` joins without a dot).
    Error within(std::string_view outer) const {
        std::string place(outer);
        if (!where_.empty()) {
            if (!place.empty() && where_.front() != '[') place += '.';
            place += where_;
        }
        return Error(code_, std::move(place), message_, system_errno_);
    }

    /// The same error with the leading path component `outer` taken off its place
    /// (`meetings[0].date` without `meetings[0]` is `date`), for a call that wrote a
    /// single entry and whose caller does not think in lists. Unchanged when the
    /// place does not start with that component.
    Error without(std::string_view outer) const {
        if (!inside(outer)) return *this;
        std::string_view rest = std::string_view(where_).substr(outer.size());
        if (!rest.empty() && rest.front() == '.') rest.remove_prefix(1);
        return Error(code_, std::string(rest), message_, system_errno_);
    }

    /// Whether the place is `outer` or a path inside it (`regions[1]` and
    /// `regions.code` are inside `regions`; `regions_x` is not).
    bool inside(std::string_view outer) const noexcept {
        const std::string_view place = where_;
        if (outer.empty() || place.substr(0, outer.size()) != outer) return false;
        return place.size() == outer.size() || place[outer.size()] == '.' || place[outer.size()] == '[';
    }

    /// The same error with another place (an argument's public name for the name
    /// used inside).
    Error placed(std::string where) const { return Error(code_, std::move(where), message_, system_errno_); }

private:
    static std::string join(const std::string& where, const std::string& message) {
        return where.empty() ? message : where + ": " + message;
    }

    Errc code_;
    std::string where_;
    std::string message_;
    int system_errno_ = 0;
};

}  // namespace actielijst
