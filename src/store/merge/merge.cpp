// Store::merge: one transaction that upserts definitions and appends history; and
// the vocabulary of a list (meta, themes, states) and its meetings.
#include "store/merge/merger.hpp"

#include <SQLiteCpp/Transaction.h>

namespace actielijst::detail::merging {

using detail::quote;

/// The dated history of a definition (`sql` gives the earliest and latest date
/// for its id) must lie within its period: the list cannot have recorded
/// something about it while it was not part of the list.
void Merger::check_history_within(const char* sql, std::int64_t id, const Period& p, const std::string& where,
                          const std::string& what) {
    SQLite::Statement q(db_, sql);
    q.bind(1, id);
    if (!q.executeStep() || q.getColumn(0).isNull()) return;
    const auto first = q.getColumn(0).getString(), last = q.getColumn(1).getString();
    if ((p.since && first < p.since->iso()) || (p.until && last >= p.until->iso()))
        fail_at(where, p.since && first < p.since->iso() ? "since" : "until",
                what + " are dated " + first + (first == last ? "" : " to " + last) +
                    ", outside its time on the list (" + describe(p) + ")",
                Errc::conflict);
}

/// The period of a stored (or just merged) state.
const Period& Merger::state_period(std::int64_t id) {
    if (const auto it = state_periods_.find(id); it != state_periods_.end()) return it->second;
    SQLite::Statement q(db_, "SELECT since, until FROM states WHERE id = ?");
    q.bind(1, id);
    q.executeStep();
    return state_periods_[id] = Period{optional_date_column(q, 0), optional_date_column(q, 1)};
}

/// Inserts a row keyed by `key` or updates it in place; counts new keys.
std::int64_t Merger::upsert(KeyIndex& index, const std::string& key, SQLite::Statement& insert,
                    SQLite::Statement& update) {
    // Whether the key is new must be decided before the write: afterwards the
    // lookup would find the row just inserted.
    const auto existing = index.find(key);
    auto& q = existing ? update : insert;
    q.exec();
    q.reset();
    q.clearBindings();
    if (existing) return *existing;
    const auto id = db_.getLastInsertRowid();
    index.add(key, id);
    ++summary_.definitions_added;
    return id;
}

void Merger::merge_meta(const std::vector<MetaEntry>& meta) {
    auto position = NextPosition::of(db_, "meta");
    SQLite::Statement q(db_,
                        "INSERT INTO meta(position, key, text_value, bool_value) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET text_value = excluded.text_value, "
                        "bool_value = excluded.bool_value");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < meta.size(); ++i) {
        const auto& m = meta[i];
        detail::check_key(m.key, "meta." + m.key);
        if (!seen.insert(m.key).second) fail_at("meta", m.key.c_str(), "duplicate entry");
        q.bind(1, position.take());
        q.bind(2, m.key);
        if (const auto* text = std::get_if<std::string>(&m.value)) {
            detail::check_text(*text, "meta." + m.key, false);
            q.bind(3, *text);
            q.bind(4);
        } else {
            q.bind(3);
            q.bind(4, std::get<bool>(m.value) ? 1 : 0);
        }
        q.exec();
        q.reset();
    }
}

void Merger::merge_themes(const std::vector<Theme>& themes) {
    auto position = NextPosition::of(db_, "themes");
    SQLite::Statement ins(db_, "INSERT INTO themes(key, label_nl, label_en, position) VALUES (?1, ?2, ?3, ?4)");
    SQLite::Statement upd(db_, "UPDATE themes SET label_nl = ?2, label_en = ?3 WHERE key = ?1");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < themes.size(); ++i) {
        const auto& t = themes[i];
        if (!seen.insert(t.key()).second) fail_at(at("themes", i), "key", "duplicate theme " + quote(t.key()));
        for (auto* q : {&ins, &upd}) {
            q->bind(1, t.key());
            q->bind(2, t.label().nl());
            q->bind(3, t.label().en());
        }
        if (!themes_.find(t.key())) ins.bind(4, position.take());
        upsert(themes_, t.key(), ins, upd);
    }
}

void Merger::merge_states(const std::vector<ProgressState>& states) {
    auto position = NextPosition::of(db_, "states");
    SQLite::Statement ins(db_,
                          "INSERT INTO states(key, category, label_nl, label_en, since, until, position) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    SQLite::Statement upd(db_,
                          "UPDATE states SET category = ?2, label_nl = ?3, label_en = ?4, since = ?5, until = ?6 "
                          "WHERE key = ?1");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < states.size(); ++i) {
        const auto& s = states[i];
        if (!seen.insert(s.key()).second) fail_at(at("states", i), "key", "duplicate state " + quote(s.key()));
        for (auto* q : {&ins, &upd}) {
            q->bind(1, s.key());
            q->bind(2, static_cast<int>(s.category()));
            q->bind(3, s.label().nl());
            q->bind(4, s.label().en());
            bind_period(*q, 5, s.period());
        }
        if (!states_.find(s.key())) ins.bind(7, position.take());
        const auto id = upsert(states_, s.key(), ins, upd);
        state_periods_[id] = s.period();
        if (s.period() != Period{})
            check_history_within("SELECT min(as_of), max(as_of) FROM status_updates WHERE state_id = ?", id,
                                 s.period(), at("states", i), "states of affairs in state " + s.key());
    }
}

/// Meetings are upserted by key, but a stored meeting keeps its date: what was
/// recorded at it is dated by it, so a second meeting under the same key on
/// another date is a conflict, not a move.
void Merger::merge_meetings(const std::vector<Meeting>& meetings) {
    SQLite::Statement ins(db_, "INSERT INTO meetings(key, date, title) VALUES (?1, ?2, ?3)");
    SQLite::Statement upd(db_, "UPDATE meetings SET date = ?2, title = ?3 WHERE key = ?1");
    SQLite::Statement stored(db_, "SELECT date FROM meetings WHERE key = ?");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < meetings.size(); ++i) {
        const auto& m = meetings[i];
        const auto where = at("meetings", i);
        if (!seen.insert(m.key()).second) fail_at(where, "key", "duplicate meeting " + quote(m.key()));
        stored.bind(1, m.key());
        if (stored.executeStep() && stored.getColumn(0).getString() != m.date().iso())
            fail_at(where, "date",
                    "meeting " + quote(m.key()) + " is already stored on " + stored.getColumn(0).getString() +
                        ", not " + m.date().iso() + ": a meeting key is used once",
                    Errc::exists);
        stored.reset();
        for (auto* q : {&ins, &upd}) {
            q->bind(1, m.key());
            q->bind(2, m.date().iso());
            q->bind(3, m.title());
        }
        upsert(meetings_, m.key(), ins, upd);
    }
}

/// The date of a stored (or just merged) meeting.
std::string Merger::meeting_date(std::int64_t id) {
    if (!meeting_date_) meeting_date_.emplace(db_, "SELECT date FROM meetings WHERE id = ?");
    auto& q = *meeting_date_;
    q.bind(1, id);
    q.executeStep();
    auto date = q.getColumn(0).getString();
    q.reset();
    return date;
}

}  // namespace actielijst::detail::merging

namespace actielijst {

MergeSummary Store::merge(const Dataset& data) {
    detail::require_writable(*impl_, "merge");
    return detail::translate_storage_errors(*impl_, "merge", [&] {
        SQLite::Transaction tx(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
        auto summary = detail::merging::Merger(impl_->db).run(data);
        tx.commit();
        return summary;
    });
}

}  // namespace actielijst
