// What an "unknown ..." error of a store write adds: the stored keys or regions
// nearest to what was written. Read from the store only when the error is raised,
// so that a write that succeeds costs nothing more.
#pragma once

#include <SQLiteCpp/Database.h>

#include <string>
#include <string_view>

namespace actielijst::detail {

/// The tables whose `key` column a write may name.
enum class KeyTable { themes, states, meetings, actions, proposals };

/// `; did you mean "stalled"?` for the keys of `table` close to `word`; for themes
/// and states, which are few, `; known states: "not_started", ...` when none is
/// close; otherwise empty.
std::string key_hint(SQLite::Database& db, KeyTable table, std::string_view word);

/// `; did you mean "Zuid" (CR39)?` for the regions whose code, name or alias is
/// close to `word`: each as written in the store, with its code when that differs
/// (a name or alias may be written instead of the code); empty when none is close.
std::string region_hint(SQLite::Database& db, std::string_view word);

}  // namespace actielijst::detail
