// Private parts of Store shared by its source files.
#pragma once

#include <actielijst/error.hpp>
#include <actielijst/store.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace actielijst {
namespace detail {

/// The state of the busy handler (errors.cpp): how long to wait for another
/// connection's lock, and how long the last wait took, for the message.
struct BusyWait {
    std::chrono::milliseconds timeout{0};
    std::chrono::steady_clock::time_point started{};
    std::chrono::milliseconds last_wait{0};
};

/// Installs the busy handler: waiters poll every 0.1 to 2 ms (with jitter) until
/// `wait.timeout` has passed in wall-clock time. SQLite's own handler sleeps up to
/// 100 ms between tries, so a writer that sleeps while others take turns in
/// milliseconds can starve; polling keeps every waiter in the race.
void install_busy_handler(SQLite::Database& db, BusyWait& wait);

/// An open database and what messages and the busy handler need to know of it.
struct Connection {
    SQLite::Database db;
    std::string path;  ///< as the caller named it, for messages
    bool read_only = false;
    BusyWait busy;
    Connection(const std::string& file, int flags, std::string name, bool read_only_)
        : db(file, flags), path(std::move(name)), read_only(read_only_) {}
};


/// Throws the Error for a database failure during `operation` on the store: the
/// category a caller acts on (busy, read_only, full, io, storage), the store's
/// path and the reason, e.g. `merge: store "x.db" is locked by another
/// connection: ... nothing was written, retrying is safe`.
[[noreturn]] void throw_storage_error(const Connection& impl, std::string_view operation, const SQLite::Exception& e);

/// Runs `body`, turning SQLiteCpp's exceptions into Error (throw_storage_error) with
/// the operation and store named, so no third-party exception type leaves the library.
template <class F>
decltype(auto) translate_storage_errors(const Connection& impl, const char* operation, F&& body) {
    try {
        return body();
    } catch (const SQLite::Exception& e) {
        throw_storage_error(impl, operation, e);
    }
}

/// Refuses a write on a store opened read-only, before anything is attempted. (A
/// read-only store may sit on a connection that could write: see open.cpp.)
inline void require_writable(const Connection& impl, std::string_view operation) {
    if (impl.read_only)
        throw Error(Errc::read_only, std::string(operation) + ": store \"" + impl.path +
                                         "\" is opened read-only; nothing was written");
}

/// An optional text column bound as NULL when empty.
inline void bind_optional(SQLite::Statement& q, int index, const std::string& value) {
    if (value.empty())
        q.bind(index);
    else
        q.bind(index, value);
}

inline std::string column_text(SQLite::Statement& q, int index) {
    auto c = q.getColumn(index);
    return c.isNull() ? std::string() : c.getString();
}

/// Region id of a code or (case-insensitive) name/alias; nullopt when there is none.
/// Throws Error(Errc::invalid) naming `field` when a name is shared by several regions.
std::optional<std::int64_t> find_region(SQLite::Database& db, std::string_view code_or_alias, std::string_view field);

}  // namespace detail

struct Store::Impl : detail::Connection {
    using Connection::Connection;
};

}  // namespace actielijst
