// The database schema and its migrations (PRAGMA user_version).
#pragma once

namespace SQLite {
class Database;
}

namespace actielijst::detail {

/// Brings a database to Store::schema_version inside one transaction, from any
/// older version (0 = new, empty file). Throws Error(Errc::version) for a newer
/// schema and Error(Errc::storage) for a database that is not ours.
void migrate(SQLite::Database& db);

}  // namespace actielijst::detail
