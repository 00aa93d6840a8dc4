// Merging action points and the history of their due dates.
#include "store/merge/merger.hpp"

namespace actielijst::detail::merging {

using detail::quote;

void Merger::merge_actions(const std::vector<ActionPoint>& actions, const Dataset& d) {
    // Actions that bring their own due-date history get that, not an automatic change.
    std::set<std::string, std::less<>> listed;
    for (const auto& c : d.due_changes) listed.insert(c.action);
    SQLite::Statement stored_due(db_, "SELECT coalesce(due, '') FROM actions WHERE id = ?");
    auto position = NextPosition::of_actions(db_);
    SQLite::Statement ins(db_,
                          "INSERT INTO actions(key, theme_id, title, goal, due, since, until, position) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    SQLite::Statement upd(db_,
                          "UPDATE actions SET theme_id = ?2, title = ?3, goal = ?4, due = ?5, since = ?6, until = ?7 "
                          "WHERE key = ?1");
    SQLite::Statement clear_owners(db_, "DELETE FROM action_owners WHERE action_id = ?");
    SQLite::Statement clear_scope(db_, "DELETE FROM action_scope WHERE action_id = ?");
    SQLite::Statement clear_refs(db_, "DELETE FROM action_refs WHERE action_id = ?");
    SQLite::Statement owner(db_, "INSERT INTO action_owners(action_id, position, name, role) VALUES (?, ?, ?, ?)");
    SQLite::Statement scope(db_, "INSERT INTO action_scope(action_id, position, region_id) VALUES (?, ?, ?)");
    SQLite::Statement ref(db_, "INSERT INTO action_refs(action_id, position, target_id) VALUES (?, ?, ?)");
    std::set<std::string> seen;
    std::vector<std::int64_t> ids;
    ids.reserve(actions.size());
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const auto& a = actions[i];
        const auto where = at("actions", i);
        if (!seen.insert(a.key()).second) fail_at(where, "key", "duplicate action " + quote(a.key()));
        const auto theme = require(themes_, a.theme(), where, "theme", "theme");
        std::vector<std::int64_t> scope_ids;
        for (std::size_t k = 0; k < a.scope().size(); ++k) {
            const auto field = at("scope", k);
            scope_ids.push_back(regions_.resolve(a.scope()[k], where, field.c_str()).id);
        }
        if (std::set<std::int64_t>(scope_ids.begin(), scope_ids.end()).size() != scope_ids.size())
            fail_at(where, "scope", "names the same region twice");
        for (auto* q : {&ins, &upd}) {
            q->bind(1, a.key());
            q->bind(2, theme);
            q->bind(3, a.title());
            q->bind(4, a.goal());
            if (a.due())
                q->bind(5, a.due()->iso());
            else
                q->bind(5);
            bind_period(*q, 6, a.period());
        }
        const auto existing = actions_.find(a.key());
        const bool existed = existing.has_value();
        if (!existed) ins.bind(8, position.take());
        // The due date before this merge, when a move of it is to be recorded.
        std::optional<std::string> due_before;
        if (existed && !listed.contains(a.key())) {
            stored_due.bind(1, *existing);
            if (stored_due.executeStep()) due_before = stored_due.getColumn(0).getString();
            stored_due.reset();
        }
        const auto id = upsert(actions_, a.key(), ins, upd);
        if (const auto due_after = a.due() ? a.due()->iso() : std::string(); due_before && *due_before != due_after)
            append_due_change(id, *due_before, due_after, auto_noted(d.meta));
        ids.push_back(id);
        // A new action has no child rows; skipping the DELETEs matters because with
        // foreign keys on each one costs SQLite a temporary table (a third of an import).
        if (existed) {
            for (auto* q : {&clear_owners, &clear_scope, &clear_refs}) {
                q->bind(1, id);
                q->exec();
                q->reset();
            }
        }
        for (std::size_t k = 0; k < a.owners().size(); ++k) {
            owner.bind(1, id);
            owner.bind(2, static_cast<std::int64_t>(k));
            owner.bind(3, a.owners()[k].name());
            owner.bind(4, static_cast<int>(a.owners()[k].role()));
            owner.exec();
            owner.reset();
        }
        for (std::size_t k = 0; k < scope_ids.size(); ++k) {
            scope.bind(1, id);
            scope.bind(2, static_cast<std::int64_t>(k));
            scope.bind(3, scope_ids[k]);
            scope.exec();
            scope.reset();
        }
    }
    // Cross references may point forward in the document, so they are resolved
    // once every action of the dataset has an id.
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const auto& refs = actions[i].see_also();
        for (std::size_t k = 0; k < refs.size(); ++k) {
            const auto field = at("see_also", k);
            const auto target = actions_.find(refs[k]);
            if (!target)
                fail_at(at("actions", i), field.c_str(),
                        "dangling reference: unknown action " + quote(refs[k]) +
                            key_hint(db_, KeyTable::actions, refs[k]));
            ref.bind(1, ids[i]);
            ref.bind(2, static_cast<std::int64_t>(k));
            ref.bind(3, *target);
            ref.exec();
            ref.reset();
        }
    }
}

/// The date an automatic due-date change is noted on: the dataset's `meta.as_of`
/// when it is a valid date, otherwise today (UTC).
const std::string& Merger::auto_noted(const std::vector<MetaEntry>& meta) {
    if (auto_noted_.empty()) {
        for (const auto& m : meta) {
            const auto* text = std::get_if<std::string>(&m.value);
            if (m.key != "as_of" || !text) continue;
            try {
                auto_noted_ = Date::parse(*text, "meta.as_of").iso();
            } catch (const Error&) {
                // not a date: fall back to today
            }
        }
        if (auto_noted_.empty()) auto_noted_ = Date::today().iso();
    }
    return auto_noted_;
}

void Merger::append_due_change(std::int64_t action, const std::string& from, const std::string& to,
                       const std::string& noted) {
    if (!insert_due_change_)
        insert_due_change_.emplace(db_,
                                   "INSERT OR IGNORE INTO due_changes(action_id, from_due, to_due, noted) "
                                   "VALUES (?, ?, ?, ?)");
    auto& q = *insert_due_change_;
    q.bind(1, action);
    q.bind(2, from);
    q.bind(3, to);
    q.bind(4, noted);
    summary_.due_changes_written += static_cast<std::size_t>(q.exec());
    q.reset();
}

/// Listed due-date changes, after the actions so that they may belong to an
/// action the same dataset creates. A set union: identical stored ones are skipped.
void Merger::merge_due_changes(const std::vector<DueChange>& changes) {
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const auto& c = changes[i];
        const auto where = at("due_changes", i);
        const auto action = require(actions_, c.action, where, "action", "action");
        if (!c.from && !c.to) fail_at(where, "to", "from and to are both unset: that is no change");
        if (c.from == c.to) fail_at(where, "to", "the same as from (" + c.to->iso() + "): that is no change");
        append_due_change(action, c.from ? c.from->iso() : std::string(), c.to ? c.to->iso() : std::string(),
                          c.noted.iso());
    }
}

}  // namespace actielijst::detail::merging
