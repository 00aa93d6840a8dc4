// Store: single-update writes, history and region lookups (opening: open.cpp).
#include "store/hints.hpp"
#include "store/impl.hpp"
#include "store/schema.hpp"
#include "util/check.hpp"

#include <actielijst/json.hpp>

#include <sqlite3.h>

#include <filesystem>
#include <set>
#include <sstream>
#include <system_error>

namespace actielijst {
Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

const std::string& Store::path() const noexcept { return impl_->path; }

bool Store::record(const StatusUpdate& update) {
    Dataset one;
    one.updates.push_back(update);
    try {
        return merge(one).updates_added == 1;
    } catch (const Error& e) {
        // merge places it at `updates[0]`; for a single update the list is noise.
        throw e.without("updates[0]");
    }
}

std::size_t Store::install_default_states() {
    const auto stored = detail::translate_storage_errors(*impl_, "install default states", [&] {
        std::set<std::string> keys;
        SQLite::Statement q(impl_->db, "SELECT key FROM states");
        while (q.executeStep()) keys.insert(q.getColumn(0).getString());
        return keys;
    });
    Dataset missing;
    for (auto& s : default_progress_states())
        if (!stored.contains(s.key())) missing.states.push_back(std::move(s));
    if (missing.states.empty()) return 0;
    return merge(missing).definitions_added;
}

MergeSummary Store::import_json(std::string_view json) { return merge(parse_json(json)); }

MergeSummary Store::import_json(std::istream& in) { return merge(parse_json(in)); }

// One writer: the string is what the stream form (read.cpp) writes.

std::string Store::export_json(bool include_contacts) const {
    std::ostringstream out;
    out.exceptions(std::ios::badbit);  // running out of memory throws bad_alloc instead of cutting the text short
    export_json(out, include_contacts);
    return std::move(out).str();
}

std::optional<std::string> Store::resolve_region(std::string_view code_or_alias) const {
    return detail::translate_storage_errors(*impl_, "resolve region", [&]() -> std::optional<std::string> {
        const auto id = detail::find_region(impl_->db, code_or_alias, "region");
        if (!id) return std::nullopt;
        SQLite::Statement q(impl_->db, "SELECT code FROM regions WHERE id = ?");
        q.bind(1, *id);
        q.executeStep();
        return q.getColumn(0).getString();
    });
}

std::vector<StatusUpdate> Store::history(std::string_view action, std::string_view scope) const {
    return detail::translate_storage_errors(*impl_, "history", [&] {
        auto& db = impl_->db;
        SQLite::Statement find(db, "SELECT id FROM actions WHERE key = ?");
        find.bind(1, std::string(action));
        if (!find.executeStep())
            throw Error(Errc::not_found, "action", "unknown action " + detail::quote(action) +
                                             detail::key_hint(db, detail::KeyTable::actions, action));
        const auto action_id = find.getColumn(0).getInt64();
        std::optional<std::int64_t> scope_id;
        if (!scope.empty()) {
            scope_id = detail::find_region(db, scope, "scope");
            if (!scope_id)
                throw Error(Errc::not_found,
                            "scope: unknown region " + detail::quote(scope) + detail::region_hint(db, scope));
        }
        SQLite::Statement q(db,
                            "SELECT r.code, s.key, u.text, u.as_of, u.author, m.key FROM status_updates u "
                            "JOIN regions r ON r.id = u.scope_id JOIN states s ON s.id = u.state_id "
                            "LEFT JOIN meetings m ON m.id = u.meeting_id "
                            "WHERE u.action_id = ?1 AND (?2 IS NULL OR u.scope_id = ?2) "
                            "ORDER BY u.as_of, r.kind, r.position, u.id");
        q.bind(1, action_id);
        if (scope_id)
            q.bind(2, *scope_id);
        else
            q.bind(2);
        std::vector<StatusUpdate> out;
        const std::string key(action);
        while (q.executeStep())
            out.emplace_back(key, q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                             Date::parse(q.getColumn(3).getString(), "as_of"), q.getColumn(4).getString(),
                             detail::column_text(q, 5));
        return out;
    });
}

namespace detail {

std::optional<std::int64_t> find_region(SQLite::Database& db, std::string_view code_or_alias, std::string_view field) {
    SQLite::Statement by_code(db, "SELECT id FROM regions WHERE code = ?");
    by_code.bind(1, std::string(code_or_alias));
    if (by_code.executeStep()) return by_code.getColumn(0).getInt64();
    SQLite::Statement by_name(db,
                              "SELECT n.region_id, r.code FROM region_names n JOIN regions r ON r.id = n.region_id "
                              "WHERE n.name_folded = ? ORDER BY r.code");
    by_name.bind(1, fold_case(code_or_alias));
    std::optional<std::int64_t> found;
    std::string codes;
    int matches = 0;
    while (by_name.executeStep()) {
        if (matches++ == 0) found = by_name.getColumn(0).getInt64();
        codes += (codes.empty() ? "" : ", ") + by_name.getColumn(1).getString();
    }
    if (matches > 1)
        fail(field, "region name " + quote(code_or_alias) + " is ambiguous (" + codes + "): use the code");
    return found;
}

}  // namespace detail
}  // namespace actielijst
