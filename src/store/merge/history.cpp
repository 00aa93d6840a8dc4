// Merging states of affairs, proposals and the decisions on them.
#include "store/merge/merger.hpp"

namespace actielijst::detail::merging {

using detail::quote;

void Merger::merge_updates(const std::vector<StatusUpdate>& updates) {
    SQLite::Statement same(db_,
                           "SELECT 1 FROM status_updates WHERE action_id = ?1 AND scope_id = ?2 AND as_of = ?3 "
                           "AND state_id = ?4 AND text = ?5 AND author = ?6 AND meeting_id IS ?7 LIMIT 1");
    SQLite::Statement ins(db_,
                          "INSERT INTO status_updates(action_id, scope_id, as_of, state_id, text, author, meeting_id) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    SQLite::Statement pair(db_, "INSERT OR IGNORE INTO status_pairs(action_id, scope_id) VALUES (?, ?)");
    for (std::size_t i = 0; i < updates.size(); ++i) {
        const auto& u = updates[i];
        const auto where = at("updates", i);
        const auto action = require(actions_, u.action(), where, "action", "action");
        const auto& region = regions_.resolve(u.scope(), where, "scope");
        const auto scope = region.id;
        const auto state = require(states_, u.state(), where, "state", "state");
        check_dated(region.period, u.as_of(), where, "as_of", "region " + region.code);
        check_dated(state_period(state), u.as_of(), where, "as_of", "state " + u.state());
        const auto meeting = optional_meeting(u.meeting(), where);
        for (auto* q : {&same, &ins}) {
            q->bind(1, action);
            q->bind(2, scope);
            q->bind(3, u.as_of().iso());
            q->bind(4, state);
            q->bind(5, u.text());
            q->bind(6, u.author());
            bind_id(*q, 7, meeting);
        }
        const bool exists = same.executeStep();
        same.reset();
        if (exists) {
            ++summary_.updates_unchanged;
            continue;
        }
        ins.exec();
        ins.reset();
        pair.bind(1, action);
        pair.bind(2, scope);
        pair.exec();
        pair.reset();
        ++summary_.updates_added;
    }
}

/// The state of a stored proposal after all its decisions, with the date of the
/// latest; open (and no date) when it has none.
std::pair<ProposalState, std::string> Merger::latest_decision(std::int64_t proposal) {
    if (!latest_decision_)
        latest_decision_.emplace(db_,
                                 "SELECT state, date FROM proposal_events WHERE proposal_id = ? "
                                 "ORDER BY date DESC, id DESC LIMIT 1");
    auto& q = *latest_decision_;
    q.bind(1, proposal);
    std::pair<ProposalState, std::string> out{ProposalState::open, {}};
    if (q.executeStep()) out = {static_cast<ProposalState>(q.getColumn(0).getInt()), q.getColumn(1).getString()};
    q.reset();
    return out;
}

/// Appends one decision unless an identical one is stored; checks that it is not
/// dated before the proposal was tabled. Returns whether it was appended.
bool Merger::append_decision(std::int64_t proposal, const std::string& key, ProposalState state, const std::string& date,
                     std::optional<std::int64_t> meeting, const std::string& text, const std::string& where) {
    if (!tabled_of_) tabled_of_.emplace(db_, "SELECT tabled FROM proposals WHERE id = ?");
    tabled_of_->bind(1, proposal);
    tabled_of_->executeStep();
    const auto tabled = tabled_of_->getColumn(0).getString();
    tabled_of_->reset();
    if (date < tabled)
        fail_at(where, "date",
                "decided on " + date + ", before proposal " + key + " was tabled (" + tabled + ")");
    if (!insert_decision_)
        insert_decision_.emplace(db_,
                                 "INSERT INTO proposal_events(proposal_id, state, date, meeting_id, text) "
                                 "SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM proposal_events "
                                 "WHERE proposal_id = ?1 AND state = ?2 AND date = ?3 AND meeting_id IS ?4 "
                                 "AND text = ?5)");
    auto& q = *insert_decision_;
    q.bind(1, proposal);
    q.bind(2, static_cast<int>(state));
    q.bind(3, date);
    bind_id(q, 4, meeting);
    q.bind(5, text);
    const bool added = q.exec() == 1;
    q.reset();
    if (added) ++summary_.decisions_added;
    return added;
}

/// Proposals are upserted by key: action, text and kind are definitions, the date
/// and meeting it was tabled at are kept once known. Its state is history: a
/// proposal whose decisions are not listed in the dataset gets one decision
/// appended when its `state` differs from the stored one, dated `decided` (or the
/// date the document is known from).
void Merger::merge_proposals(const std::vector<Proposal>& proposals, const Dataset& d) {
    std::set<std::string, std::less<>> listed;
    for (const auto& e : d.proposal_events) listed.insert(e.proposal);
    SQLite::Statement ins(db_,
                          "INSERT INTO proposals(key, action_id, text, kind, tabled, meeting_id) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    SQLite::Statement upd(db_,
                          "UPDATE proposals SET action_id = ?2, text = ?3, kind = ?4, tabled = ?5, "
                          "meeting_id = ?6 WHERE key = ?1");
    SQLite::Statement stored(db_,
                             "SELECT tabled, meeting_id, (SELECT min(date) FROM proposal_events e "
                             "WHERE e.proposal_id = p.id) FROM proposals p WHERE id = ?");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < proposals.size(); ++i) {
        const auto& p = proposals[i];
        const auto where = at("proposals", i);
        if (!seen.insert(p.key()).second) fail_at(where, "key", "duplicate proposal " + quote(p.key()));
        const auto action = require(actions_, p.action(), where, "action", "action");
        auto meeting = optional_meeting(p.meeting(), where);
        const auto decided_meeting = optional_meeting(p.decided_meeting(), where);
        const auto existing = proposals_.find(p.key());
        std::string tabled;
        if (existing) {
            stored.bind(1, *existing);
            stored.executeStep();
            tabled = stored.getColumn(0).getString();
            if (!meeting && !stored.getColumn(1).isNull()) meeting = stored.getColumn(1).getInt64();
            const auto first_decision = detail::column_text(stored, 2);
            stored.reset();
            if (p.tabled() && p.tabled()->iso() != tabled) {
                if (!first_decision.empty() && first_decision < p.tabled()->iso())
                    fail_at(where, "tabled",
                            "proposal " + p.key() + " has a decision on " + first_decision +
                                ", so it cannot have been tabled on " + p.tabled()->iso(),
                            Errc::conflict);
                tabled = p.tabled()->iso();
            }
        } else if (p.tabled()) {
            tabled = p.tabled()->iso();
        } else if (meeting) {
            tabled = meeting_date(*meeting);
        } else if (p.decided()) {
            tabled = p.decided()->iso();
        } else {
            tabled = auto_noted(d.meta);
        }
        for (auto* q : {&ins, &upd}) {
            q->bind(1, p.key());
            q->bind(2, action);
            q->bind(3, p.text());
            q->bind(4, static_cast<int>(p.kind()));
            q->bind(5, tabled);
            bind_id(*q, 6, meeting);
        }
        const auto id = upsert(proposals_, p.key(), ins, upd);
        if (listed.contains(p.key())) continue;  // its decisions are listed: check_proposal_states
        if (latest_decision(id).first == p.state()) continue;
        const auto date = p.decided() ? p.decided()->iso()
                          : decided_meeting ? meeting_date(*decided_meeting)
                                            : std::max(tabled, auto_noted(d.meta));
        append_decision(id, p.key(), p.state(), date, decided_meeting, p.decision(), where);
    }
}

/// Listed decisions, after the proposals so that they may belong to one the same
/// dataset creates. A set union: identical stored ones are skipped.
void Merger::merge_proposal_events(const Dataset& d) {
    // Named as in JSON, inside their proposal, when the dataset has it.
    std::map<std::string_view, std::size_t> proposal_at;
    for (std::size_t i = 0; i < d.proposals.size(); ++i) proposal_at.emplace(d.proposals[i].key(), i);
    std::map<std::string_view, std::size_t> nth;
    const auto& events = d.proposal_events;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto& e = events[i];
        const auto p = proposal_at.find(e.proposal);
        const auto where = p == proposal_at.end()
                               ? at("proposal_events", i)
                               : at("proposals", p->second) + "." + at("decisions", nth[e.proposal]++);
        const auto proposal = require(proposals_, e.proposal, where, "proposal", "proposal");
        if (static_cast<int>(e.state) < 0 || static_cast<int>(e.state) > 3)
            fail_at(where, "state", "unknown proposal state " + std::to_string(static_cast<int>(e.state)));
        detail::check_text(e.text, where + ".text", false);
        const auto meeting = optional_meeting(e.meeting, where);
        append_decision(proposal, e.proposal, e.state, e.date.iso(), meeting, e.text, where);
    }
}

/// A proposal that lists its decisions must agree with them: its `state` is the
/// state of its latest decision (stored ones included).
void Merger::check_proposal_states(const std::vector<Proposal>& proposals, const std::vector<ProposalEvent>& events) {
    if (events.empty()) return;
    std::set<std::string, std::less<>> listed;
    for (const auto& e : events) listed.insert(e.proposal);
    for (std::size_t i = 0; i < proposals.size(); ++i) {
        const auto& p = proposals[i];
        if (!listed.contains(p.key())) continue;
        const auto [state, date] = latest_decision(*proposals_.find(p.key()));
        if (state != p.state())
            fail_at(at("proposals", i), "state",
                    "is " + std::string(to_string(p.state())) + ", but its latest decision" +
                        (date.empty() ? "" : " (" + date + ")") + " makes it " + std::string(to_string(state)),
                    Errc::conflict);
    }
}

}  // namespace actielijst::detail::merging
