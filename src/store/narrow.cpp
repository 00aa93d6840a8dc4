// Narrow reads: one question, one indexed query — for callers that need the list's
// meta data, its contacts, one proposal or how many actions it holds, not a dump().
#include "store/reader.hpp"

namespace actielijst {

std::vector<MetaEntry> Store::meta() const {
    return detail::translate_storage_errors(*impl_, "meta", [&] { return detail::reading::Reader(impl_->db).meta(); });
}

Dataset Store::definitions() const {
    return detail::translate_storage_errors(*impl_, "definitions", [&] {
        // One read transaction, so the parts agree with each other.
        impl_->db.exec("BEGIN");
        try {
            Dataset d;
            detail::reading::Reader(impl_->db).definitions(d);
            impl_->db.exec("COMMIT");
            return d;
        } catch (...) {
            impl_->db.tryExec("ROLLBACK");
            throw;
        }
    });
}

std::vector<Contact> Store::contacts() const {
    return detail::translate_storage_errors(*impl_, "contacts", [&] { return detail::reading::Reader(impl_->db).contacts(); });
}

std::optional<Proposal> Store::proposal(std::string_view key) const {
    // The proposal by its unique key, then one descent of proposal_events_latest for
    // its latest decision, as dump() gives it.
    return detail::translate_storage_errors(*impl_, "proposal", [&] { return detail::reading::Reader(impl_->db).proposal(key); });
}

std::size_t Store::action_count(std::optional<Date> as_of) const {
    return detail::translate_storage_errors(*impl_, "action count", [&] {
        // All actions (SQLite counts the entries of an index), less those not on the
        // list yet and those that left it, each a range of a partial index that holds
        // only actions with such a date (schema version 4). Unset, ?1 is NULL and the
        // comparisons count nothing.
        SQLite::Statement q(impl_->db,
                            "SELECT (SELECT count(*) FROM actions) "
                            "- (SELECT count(*) FROM actions WHERE since > ?1) "
                            "- (SELECT count(*) FROM actions WHERE until <= ?1 AND (since IS NULL OR since <= ?1))");
        if (as_of)
            q.bind(1, as_of->iso());
        else
            q.bind(1);
        q.executeStep();
        return static_cast<std::size_t>(q.getColumn(0).getInt64());
    });
}

}  // namespace actielijst
