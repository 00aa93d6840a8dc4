#include "store/hints.hpp"

#include "util/check.hpp"
#include "util/suggest.hpp"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <vector>

namespace actielijst::detail {

namespace {

/// `read` run so that a store that cannot be read now gives no hint rather than a
/// second error that hides the first: the hint is a courtesy, the error the answer.
template <class Read>
std::string quietly(Read read) {
    try {
        return read();
    } catch (const SQLite::Exception&) {
        return {};
    }
}

std::string read_key_hint(SQLite::Database& db, KeyTable table, std::string_view word) {
    // Themes and states are listed in their order when nothing is close; the long
    // lists are read in key order, through their unique index.
    const char* sql = "";
    const char* plural = "";
    bool few = false;
    switch (table) {
        case KeyTable::themes: sql = "SELECT key FROM themes ORDER BY position"; plural = "themes"; few = true; break;
        case KeyTable::states: sql = "SELECT key FROM states ORDER BY position"; plural = "states"; few = true; break;
        case KeyTable::meetings: sql = "SELECT key FROM meetings ORDER BY key"; plural = "meetings"; break;
        case KeyTable::actions: sql = "SELECT key FROM actions ORDER BY key"; plural = "actions"; break;
        case KeyTable::proposals: sql = "SELECT key FROM proposals ORDER BY key"; plural = "proposals"; break;
    }
    std::vector<std::string> keys;
    SQLite::Statement q(db, sql);
    while (q.executeStep()) keys.push_back(q.getColumn(0).getString());
    return unknown_hint(word, keys, plural, few ? 12 : 0);
}

std::string read_region_hint(SQLite::Database& db, std::string_view word) {
    std::vector<std::string> names, codes;
    SQLite::Statement q(db,
                        "SELECT r.code, r.name, n.alias FROM regions r "
                        "LEFT JOIN region_names n ON n.region_id = r.id AND n.alias IS NOT NULL "
                        "ORDER BY r.position, n.position");
    std::string last;
    while (q.executeStep()) {
        const std::string code = q.getColumn(0).getString();
        if (code != last) {  // a region's first row: its code and name
            names.push_back(code);
            codes.push_back(code);
            names.push_back(q.getColumn(1).getString());
            codes.push_back(code);
            last = code;
        }
        if (!q.getColumn(2).isNull()) {
            names.push_back(q.getColumn(2).getString());
            codes.push_back(code);
        }
    }
    std::vector<std::string> items, seen;
    for (const auto k : closest_indexes(word, names, names.size())) {
        if (std::find(seen.begin(), seen.end(), codes[k]) != seen.end()) continue;
        seen.push_back(codes[k]);
        items.push_back(quote(names[k]) + (names[k] == codes[k] ? "" : " (" + codes[k] + ")"));
        if (items.size() == 3) break;
    }
    return items.empty() ? std::string() : "; did you mean " + one_of(items) + "?";
}

}  // namespace

std::string key_hint(SQLite::Database& db, KeyTable table, std::string_view word) {
    return quietly([&] { return read_key_hint(db, table, word); });
}

std::string region_hint(SQLite::Database& db, std::string_view word) {
    return quietly([&] { return read_region_hint(db, word); });
}

}  // namespace actielijst::detail
