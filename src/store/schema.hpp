// The database schema and its migrations (PRAGMA user_version).
#pragma once

namespace SQLite {
class Database;
}

namespace actielijst::detail {

/// What a database holds: nothing yet (a new or empty file), or an actielijst
/// schema of `version`.
struct SchemaState {
    bool empty = false;
    int version = 0;
};

/// Reads the schema's identity without writing. Throws Error(Errc::storage) for a
/// database that is not ours and Error(Errc::version) for a newer schema.
SchemaState inspect_schema(SQLite::Database& db);

/// Brings a database to Store::schema_version inside one transaction, from any
/// older version (0 = new, empty file). Throws Error(Errc::version) for a newer
/// schema and Error(Errc::storage) for a database that is not ours.
void migrate(SQLite::Database& db);

}  // namespace actielijst::detail
