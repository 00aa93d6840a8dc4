// The store's own dates: the latest date anything was recorded, and the date a
// picture defaults to when its caller names none.
#include "store/impl.hpp"

#include <actielijst/error.hpp>

#include <variant>

namespace actielijst {

std::optional<Date> Store::latest_date() const {
    return detail::translate_storage_errors(*impl_, "latest date", [&]() -> std::optional<Date> {
        // Each max() is one descent of an index on the date (schema version 6; the
        // action points' since/until are partial indexes of version 4). ISO dates
        // order as text; the outer max() skips the NULL of an empty table.
        SQLite::Statement q(impl_->db,
                            "SELECT max(d) FROM ("
                            "SELECT max(as_of) AS d FROM status_updates "
                            "UNION ALL SELECT max(as_of) FROM observations "
                            "UNION ALL SELECT max(tabled) FROM proposals "
                            "UNION ALL SELECT max(date) FROM proposal_events "
                            "UNION ALL SELECT max(date) FROM meetings "
                            "UNION ALL SELECT max(noted) FROM due_changes "
                            "UNION ALL SELECT max(since) FROM actions WHERE since IS NOT NULL "
                            "UNION ALL SELECT max(until) FROM actions WHERE until IS NOT NULL)");
        q.executeStep();
        if (q.getColumn(0).isNull()) return std::nullopt;
        return Date::parse(q.getColumn(0).getString(), "stored date");
    });
}

Date Store::default_date() const {
    if (auto latest = latest_date()) return *latest;
    for (const auto& m : meta()) {
        const auto* text = std::get_if<std::string>(&m.value);
        if (m.key != "as_of" || !text) continue;
        try {
            return Date::parse(*text, "meta.as_of");
        } catch (const Error&) {
            // a meta.as_of that is not a date says nothing about the list's date
        }
    }
    return Date::today();
}

}  // namespace actielijst
