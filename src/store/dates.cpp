// The store's own dates: the latest date anything was recorded, and the date a
// picture defaults to when its caller names none.
#include "store/impl.hpp"

#include <actielijst/error.hpp>

#include <variant>

namespace actielijst {

std::optional<Date> Store::latest_date(std::optional<Date> not_after) const {
    return detail::translate_storage_errors(*impl_, "latest date", [&]() -> std::optional<Date> {
        // Each max() is one descent of an index on the date (schema version 6; the
        // action points' since/until are partial indexes of version 4), also with the
        // bound. ISO dates order as text; the outer max() skips the NULL of an empty
        // table. ?1 is '9999-12-31' when there is no bound.
        SQLite::Statement q(impl_->db,
                            "SELECT max(d) FROM ("
                            "SELECT max(as_of) AS d FROM status_updates WHERE as_of <= ?1 "
                            "UNION ALL SELECT max(as_of) FROM observations WHERE as_of <= ?1 "
                            "UNION ALL SELECT max(tabled) FROM proposals WHERE tabled <= ?1 "
                            "UNION ALL SELECT max(date) FROM proposal_events WHERE date <= ?1 "
                            "UNION ALL SELECT max(date) FROM meetings WHERE date <= ?1 "
                            "UNION ALL SELECT max(noted) FROM due_changes WHERE noted <= ?1 "
                            "UNION ALL SELECT max(since) FROM actions WHERE since IS NOT NULL AND since <= ?1 "
                            "UNION ALL SELECT max(until) FROM actions WHERE until IS NOT NULL AND until <= ?1)");
        q.bind(1, not_after ? not_after->iso() : std::string("9999-12-31"));
        q.executeStep();
        if (q.getColumn(0).isNull()) return std::nullopt;
        return Date::parse(q.getColumn(0).getString(), "stored date");
    });
}

Date Store::default_date() const {
    // Not after today: a meeting planned ahead (or anything dated in advance) is not
    // yet something that happened, and a picture of a future date would call every
    // state of affairs stale by then.
    const auto today = Date::today();
    if (auto latest = latest_date(today)) return *latest;
    for (const auto& m : meta()) {
        const auto* text = std::get_if<std::string>(&m.value);
        if (m.key != "as_of" || !text) continue;
        try {
            return Date::parse(*text, "meta.as_of");
        } catch (const Error&) {
            // a meta.as_of that is not a date says nothing about the list's date
        }
    }
    return today;
}

}  // namespace actielijst
