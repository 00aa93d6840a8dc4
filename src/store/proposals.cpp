// Store: the meeting cycle's own writes — decisions on proposals and meetings —
// and the history of one proposal.
#include "store/impl.hpp"
#include "util/check.hpp"

#include <SQLiteCpp/Transaction.h>

namespace actielijst {

bool Store::decide(std::string_view proposal, ProposalState state, std::optional<Date> decided,
                   std::string_view meeting, std::string_view text) {
    if (static_cast<int>(state) < 0 || static_cast<int>(state) > 3)
        throw Error(Errc::invalid, "state", "unknown proposal state " + std::to_string(static_cast<int>(state)));
    detail::check_text(text, "text", false);
    detail::require_writable(*impl_, "decide");
    return detail::translate_storage_errors(*impl_, "decide", [&] {
        auto& db = impl_->db;
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement p(db, "SELECT id, tabled FROM proposals WHERE key = ?");
        p.bind(1, std::string(proposal));
        if (!p.executeStep()) throw Error(Errc::not_found, "proposal", "unknown proposal " + detail::quote(proposal));
        const auto proposal_id = p.getColumn(0).getInt64();
        const auto tabled = p.getColumn(1).getString();
        std::optional<std::int64_t> meeting_id;
        std::string date = decided ? decided->iso() : std::string();
        if (!meeting.empty()) {
            SQLite::Statement m(db, "SELECT id, date FROM meetings WHERE key = ?");
            m.bind(1, std::string(meeting));
            if (!m.executeStep()) throw Error(Errc::not_found, "meeting", "unknown meeting " + detail::quote(meeting));
            meeting_id = m.getColumn(0).getInt64();
            if (date.empty()) date = m.getColumn(1).getString();
        }
        if (date.empty()) throw Error(Errc::invalid, "decided", "a decision needs a date or a meeting");
        if (date < tabled)
            throw Error(Errc::invalid, "decided", "" + date + " is before proposal " + std::string(proposal) +
                                           " was tabled (" + tabled + ")");
        SQLite::Statement ins(db,
                              "INSERT INTO proposal_events(proposal_id, state, date, meeting_id, text) "
                              "SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM proposal_events "
                              "WHERE proposal_id = ?1 AND state = ?2 AND date = ?3 AND meeting_id IS ?4 AND text = ?5)");
        ins.bind(1, proposal_id);
        ins.bind(2, static_cast<int>(state));
        ins.bind(3, date);
        if (meeting_id)
            ins.bind(4, *meeting_id);
        else
            ins.bind(4);
        ins.bind(5, std::string(text));
        const bool added = ins.exec() == 1;
        tx.commit();
        return added;
    });
}

std::vector<ProposalEvent> Store::proposal_history(std::string_view proposal) const {
    return detail::translate_storage_errors(*impl_, "proposal history", [&] {
        auto& db = impl_->db;
        SQLite::Statement p(db,
                            "SELECT p.id, p.tabled, m.key FROM proposals p LEFT JOIN meetings m ON m.id = p.meeting_id "
                            "WHERE p.key = ?");
        p.bind(1, std::string(proposal));
        if (!p.executeStep()) throw Error(Errc::not_found, "proposal", "unknown proposal " + detail::quote(proposal));
        const std::string key(proposal);
        std::vector<ProposalEvent> out;
        out.push_back({key, ProposalState::open, Date::parse(p.getColumn(1).getString(), "tabled"),
                       detail::column_text(p, 2), {}});
        SQLite::Statement q(db,
                            "SELECT e.state, e.date, m.key, e.text FROM proposal_events e "
                            "LEFT JOIN meetings m ON m.id = e.meeting_id WHERE e.proposal_id = ? ORDER BY e.date, e.id");
        q.bind(1, p.getColumn(0).getInt64());
        while (q.executeStep())
            out.push_back({key, static_cast<ProposalState>(q.getColumn(0).getInt()),
                           Date::parse(q.getColumn(1).getString(), "date"), detail::column_text(q, 2),
                           q.getColumn(3).getString()});
        return out;
    });
}

void Store::add_meeting(const Meeting& meeting) {
    Dataset one;
    one.meetings.push_back(meeting);
    merge(one);
}

std::vector<Meeting> Store::meetings() const {
    return detail::translate_storage_errors(*impl_, "meetings", [&] {
        std::vector<Meeting> out;
        SQLite::Statement q(impl_->db, "SELECT key, date, title FROM meetings ORDER BY date, key");
        while (q.executeStep())
            out.emplace_back(q.getColumn(0).getString(), Date::parse(q.getColumn(1).getString(), "date"),
                             q.getColumn(2).getString());
        return out;
    });
}

}  // namespace actielijst
