// Private parts of Store shared by its source files.
#pragma once

#include <actielijst/error.hpp>
#include <actielijst/store.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>
#include <string_view>

namespace actielijst {

struct Store::Impl {
    SQLite::Database db;
    std::string path;
    Impl(const std::string& p, int flags) : db(p, flags), path(p) {}
};

namespace detail {

/// Runs `body`, turning SQLiteCpp's exceptions into Error(Errc::storage) with the
/// operation named, so no third-party exception type leaves the library.
template <class F>
decltype(auto) translate_storage_errors(const char* operation, F&& body) {
    try {
        return body();
    } catch (const SQLite::Exception& e) {
        throw Error(Errc::storage, std::string(operation) + ": database error: " + e.what());
    }
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
}  // namespace actielijst
