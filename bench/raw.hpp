// The raw-SQLite baseline: what a hand-written importer and reader would do with the
// same schema through the sqlite3 C API (prepared statements, one transaction), so
// the library's cost can be compared with the cost of the SQLite work itself.
#pragma once

#include <actielijst/dataset.hpp>

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bench::raw {

/// An open sqlite3 connection; throws std::runtime_error on any SQLite error.
class Db {
public:
    explicit Db(const std::string& path);
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    ~Db();
    sqlite3* get() const noexcept { return db_; }
    void exec(const char* sql);

private:
    sqlite3* db_ = nullptr;
};

/// Writes `data` into the database at `path`, which Store::open created (the schema,
/// nothing else: not even states), with plain prepared statements inside one
/// IMMEDIATE transaction: the same rows the library writes, without its validation
/// and without its duplicate-update check (every update is new in a fresh file).
void import(Db& db, const actielijst::Dataset& data);

// The same information a View holds for this benchmark's data, as plain structs of
// strings (dates stay ISO text).
struct Owner {
    std::string name;
    int role = 0;
};
struct Action {
    std::string key, theme, title, goal, due;
    std::vector<Owner> owners;
    std::vector<std::string> scope, see_also;
};
struct Region {
    std::string code, name, parent;
    int kind = 0;
    std::vector<std::string> aliases;
};
struct Keyed {  // theme, state
    std::string key, label_nl, label_en;
    int category = 0;
};
struct Meeting {
    std::string key, date, title;
};
struct Meta {
    std::string key, text;
    int flag = -1;  // -1: text value; 0/1: boolean value
};
struct Status {
    std::string action, scope, state, text, as_of, author, meeting;
};
struct View {
    std::string as_of;
    std::vector<Meta> meta;
    std::vector<Keyed> themes, states;
    std::vector<Region> regions;
    std::vector<Meeting> meetings;
    std::vector<Action> actions;   ///< theme order, then list order (as View::actions)
    std::vector<Status> statuses;  ///< action order, then region order (as View::statuses)
};

/// Definitions plus the latest status per (action, scope) at `as_of` (ISO date), in one
/// read transaction. The status query asks SQLite for ids only and maps them to
/// strings through the definitions already loaded.
View view(Db& db, const std::string& as_of);

/// The status part only, with the library's own SQL text (joins and ORDER BY in SQL),
/// stepped through the C API: separates the SQL cost from the C++ cost.
std::vector<Status> statuses_library_sql(Db& db, const std::string& as_of);

/// Approximate heap plus inline bytes held by a raw view.
std::size_t approx_bytes(const View& v);

}  // namespace bench::raw
