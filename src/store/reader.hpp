// Reading the store's tables into model values: the definitions, the history
// (whole, for a dump or an export) and what is current at a date (for a View), for
// the whole list or for the actions of a scoped View's selection.
#pragma once

#include "store/impl.hpp"
#include "store/latest.hpp"
#include "store/selection.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace actielijst::detail::reading {

using detail::column_text;

inline Date date_of(SQLite::Statement& q, int column) { return Date::parse(q.getColumn(column).getString(), "date"); }
inline std::optional<Date> optional_date(SQLite::Statement& q, int column) {
    if (q.getColumn(column).isNull()) return std::nullopt;
    return date_of(q, column);
}

using detail::on_list_at;
inline const std::string on_list = on_list_at("a");

inline void bind_date(SQLite::Statement& q, int index, const std::optional<Date>& date) {
    if (date)
        q.bind(index, date->iso());
    else
        q.bind(index);
}

/// A due date column: empty text is "no due date".
inline std::optional<Date> due_text(SQLite::Statement& q, int column) {
    const auto text = q.getColumn(column).getString();
    if (text.empty()) return std::nullopt;
    return Date::parse(text, "due");
}

/// A cursor over rows in the same order as a main query, whose first column is the
/// main row's id: take(id, f) passes its rows for that id to f and moves past them,
/// so a one-to-many relation is read in step, without holding it.
class Follower {
public:
    Follower(SQLite::Database& db, const std::string& sql) : q_(db, sql) { more_ = q_.executeStep(); }
    template <class F>
    void take(std::int64_t id, F&& f) {
        while (more_ && q_.getColumn(0).getInt64() == id) {
            f(q_);
            more_ = q_.executeStep();
        }
    }

private:
    SQLite::Statement q_;
    bool more_ = false;
};

class Reader {
public:
    /// `scoped`: read only the actions in detail::selection_table (and their history).
    explicit Reader(SQLite::Database& db, bool scoped = false) : db_(db), scoped_(scoped) {}

    /// The list's definitions into `d`: meta, themes, regions, states, meetings and
    /// indicators, all of them (no date), as dump() and Store::definitions() give them.
    void definitions(Dataset& d) {
        d.meta = meta();
        d.themes = themes();
        d.regions = regions(std::nullopt);
        d.states = states(std::nullopt);
        d.meetings = meetings(std::nullopt);
        d.indicators = indicators(std::nullopt);
    }

    std::vector<MetaEntry> meta() {
        std::vector<MetaEntry> out;
        SQLite::Statement q(db_, "SELECT key, text_value, bool_value FROM meta ORDER BY position");
        while (q.executeStep()) {
            if (q.getColumn(1).isNull())
                out.push_back({q.getColumn(0).getString(), q.getColumn(2).getInt() != 0});
            else
                out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
        }
        return out;
    }

    std::vector<Theme> themes() {
        std::vector<Theme> out;
        SQLite::Statement q(db_, "SELECT key, label_nl, label_en FROM themes ORDER BY position");
        while (q.executeStep())
            out.emplace_back(q.getColumn(0).getString(), Label(q.getColumn(1).getString(), q.getColumn(2).getString()));
        return out;
    }

    /// Regions by kind, then list order: a parent's kind is always one step up, so
    /// parents come before children even after a municipality moved to a newer region.
    /// With `as_of`, only those on the list then, and without an `until` (which a
    /// store that only knew the list up to then could not know).
    std::vector<Region> regions(const std::optional<Date>& as_of) {
        std::map<std::int64_t, std::vector<std::string>> aliases;
        SQLite::Statement a(db_, "SELECT region_id, alias FROM region_names WHERE alias IS NOT NULL ORDER BY region_id, position");
        while (a.executeStep()) aliases[a.getColumn(0).getInt64()].push_back(a.getColumn(1).getString());
        std::vector<Region> out;
        SQLite::Statement q(db_, "SELECT r.id, r.code, r.name, r.kind, p.code, r.since, CASE WHEN ?1 IS NULL THEN r.until END "
                                 "FROM regions r LEFT JOIN regions p ON p.id = r.parent_id WHERE " +
                                     on_list_at("r") + " ORDER BY r.kind, r.position");
        bind_date(q, 1, as_of);
        while (q.executeStep())
            out.emplace_back(q.getColumn(1).getString(), q.getColumn(2).getString(),
                             static_cast<RegionKind>(q.getColumn(3).getInt()), column_text(q, 4),
                             std::move(aliases[q.getColumn(0).getInt64()]),
                             Period{optional_date(q, 5), optional_date(q, 6)});
        return out;
    }

    /// States in display order. With `as_of`, those in use by then (a state whose
    /// `until` has passed stays: states of affairs recorded before keep their meaning).
    std::vector<ProgressState> states(const std::optional<Date>& as_of) {
        std::vector<ProgressState> out;
        SQLite::Statement q(db_,
                            "SELECT key, category, label_nl, label_en, since, CASE WHEN ?1 IS NULL THEN until END "
                            "FROM states WHERE ?1 IS NULL OR since IS NULL OR since <= ?1 ORDER BY position");
        bind_date(q, 1, as_of);
        while (q.executeStep())
            out.emplace_back(q.getColumn(0).getString(), static_cast<StateCategory>(q.getColumn(1).getInt()),
                             Label(q.getColumn(2).getString(), q.getColumn(3).getString()),
                             Period{optional_date(q, 4), optional_date(q, 5)});
        return out;
    }

    /// Meetings by date; with `as_of` only those held on or before it.
    std::vector<Meeting> meetings(const std::optional<Date>& as_of) {
        std::vector<Meeting> out;
        SQLite::Statement q(db_, "SELECT key, date, title FROM meetings WHERE ?1 IS NULL OR date <= ?1 ORDER BY date, key");
        bind_date(q, 1, as_of);
        while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), date_of(q, 1), q.getColumn(2).getString());
        return out;
    }

    /// The actions on the list at `as_of` with the due date valid then and only the
    /// cross references to actions also on it (a View's; the selection's when scoped).
    std::vector<ActionPoint> actions(const Date& as_of_date) {
        const std::optional<Date> as_of = as_of_date;
        std::map<std::int64_t, std::vector<Owner>> owners;
        SQLite::Statement o(db_, "SELECT action_id, name, role FROM action_owners WHERE 1" + selected("action_id") +
                                     " ORDER BY action_id, position");
        while (o.executeStep())
            owners[o.getColumn(0).getInt64()].emplace_back(o.getColumn(1).getString(),
                                                           static_cast<OwnerRole>(o.getColumn(2).getInt()));
        std::map<std::int64_t, std::vector<std::string>> scope;
        SQLite::Statement s(db_, "SELECT s.action_id, r.code FROM action_scope s JOIN regions r ON r.id = s.region_id "
                                 "WHERE " + on_list_at("r") + selected("s.action_id") + " ORDER BY s.action_id, s.position");
        bind_date(s, 1, as_of);
        while (s.executeStep()) scope[s.getColumn(0).getInt64()].push_back(s.getColumn(1).getString());
        std::map<std::int64_t, std::vector<std::string>> refs;
        SQLite::Statement r(db_,
                            std::string("SELECT f.action_id, a.key FROM action_refs f JOIN actions a ON a.id = f.target_id "
                                        "WHERE ") + on_list + selected("f.action_id") + " ORDER BY f.action_id, f.position");
        bind_date(r, 1, as_of);
        while (r.executeStep()) refs[r.getColumn(0).getInt64()].push_back(r.getColumn(1).getString());
        // The due date on a date is the one its history says: the `to` of the latest
        // change noted by then, else the `from` of the first change, else (no history)
        // the stored one. Two descents of the history's index per action.
        std::vector<ActionPoint> out;
        SQLite::Statement q(
            db_, std::string("SELECT a.id, a.key, t.key, a.title, a.goal, ") +
                     "CASE WHEN ?1 IS NULL THEN a.due ELSE " + detail::due_on("a") + " END, a.since, CASE WHEN ?1 IS NULL THEN a.until END "
                     "FROM actions a JOIN themes t ON t.id = a.theme_id WHERE " +
                     on_list + selected("a.id") + " ORDER BY t.position, a.position");
        bind_date(q, 1, as_of);
        while (q.executeStep()) {
            const auto id = q.getColumn(0).getInt64();
            out.emplace_back(q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString(),
                             q.getColumn(4).getString(), std::move(owners[id]), std::move(scope[id]),
                             optional_date(q, 5), std::move(refs[id]), Period{optional_date(q, 6), optional_date(q, 7)});
        }
        return out;
    }

    /// Every action in export order with its due-date history (noted order), one at a
    /// time: the actions and their owners, scope, references and due-date changes are
    /// read by five cursors in the same order, so only the current action is held.
    void each_action(const std::function<void(ActionPoint&&, std::vector<DueChange>&&)>& f) {
        static constexpr const char* from_actions =
            " JOIN actions a ON a.id = x.action_id JOIN themes t ON t.id = a.theme_id ";
        static constexpr const char* in_order = " ORDER BY t.position, a.position, a.id";
        Follower owners(db_, std::string("SELECT x.action_id, x.name, x.role FROM action_owners x") + from_actions +
                                 in_order + ", x.position");
        Follower scope(db_, std::string("SELECT x.action_id, r.code FROM action_scope x") + from_actions +
                                "JOIN regions r ON r.id = x.region_id" + in_order + ", x.position");
        Follower refs(db_, std::string("SELECT x.action_id, target.key FROM action_refs x") + from_actions +
                               "JOIN actions target ON target.id = x.target_id" + in_order + ", x.position");
        Follower changes(db_, std::string("SELECT x.action_id, x.from_due, x.to_due, x.noted FROM due_changes x") +
                                  from_actions + in_order + ", x.noted, x.id");
        SQLite::Statement q(db_, std::string("SELECT a.id, a.key, t.key, a.title, a.goal, a.due, a.since, a.until "
                                             "FROM actions a JOIN themes t ON t.id = a.theme_id") + in_order);
        while (q.executeStep()) {
            const auto id = q.getColumn(0).getInt64();
            std::vector<Owner> o;
            owners.take(id, [&](SQLite::Statement& r) {
                o.emplace_back(r.getColumn(1).getString(), static_cast<OwnerRole>(r.getColumn(2).getInt()));
            });
            std::vector<std::string> in_scope, see_also;
            scope.take(id, [&](SQLite::Statement& r) { in_scope.push_back(r.getColumn(1).getString()); });
            refs.take(id, [&](SQLite::Statement& r) { see_also.push_back(r.getColumn(1).getString()); });
            std::string key = q.getColumn(1).getString();
            std::vector<DueChange> due;
            changes.take(id, [&](SQLite::Statement& r) {
                due.push_back({key, due_text(r, 1), due_text(r, 2), date_of(r, 3)});
            });
            f(ActionPoint(std::move(key), q.getColumn(2).getString(), q.getColumn(3).getString(),
                          q.getColumn(4).getString(), std::move(o), std::move(in_scope), optional_date(q, 5),
                          std::move(see_also), Period{optional_date(q, 6), optional_date(q, 7)}),
              std::move(due));
        }
    }

    /// The whole history in export order: action order, then date, then entry order.
    void each_update(const std::function<void(StatusUpdate&&)>& f) {
        SQLite::Statement q(db_,
                            "SELECT a.key, r.code, s.key, u.text, u.as_of, u.author, m.key FROM status_updates u "
                            "JOIN actions a ON a.id = u.action_id JOIN themes t ON t.id = a.theme_id "
                            "JOIN regions r ON r.id = u.scope_id JOIN states s ON s.id = u.state_id "
                            "LEFT JOIN meetings m ON m.id = u.meeting_id "
                            "ORDER BY t.position, a.position, u.as_of, u.id");
        while (q.executeStep()) f(update(q));
    }

    /// The latest update of every (action, scope) pair at or before `as_of`: one
    /// index descent per pair, so the cost does not grow with the length of history.
    std::vector<StatusUpdate> current(const Date& as_of) {
        std::vector<StatusUpdate> out;
        SQLite::Statement q(db_,
                            "SELECT a.key, r.code, s.key, u.text, u.as_of, u.author, m.key FROM status_pairs p "
                            "JOIN status_updates u ON u.id = (SELECT x.id FROM status_updates x "
                            "  WHERE x.action_id = p.action_id AND x.scope_id = p.scope_id AND x.as_of <= ?1 "
                            "  ORDER BY x.as_of DESC, x.id DESC LIMIT 1) "
                            "JOIN actions a ON a.id = p.action_id JOIN themes t ON t.id = a.theme_id "
                            "JOIN regions r ON r.id = p.scope_id JOIN states s ON s.id = u.state_id "
                            "LEFT JOIN meetings m ON m.id = u.meeting_id WHERE " +
                                on_list + " AND " + on_list_at("r") + selected("p.action_id") +
                                " ORDER BY t.position, a.position, r.kind, r.position");
        q.bind(1, as_of.iso());
        while (q.executeStep()) out.push_back(update(q));
        return out;
    }

    /// Every proposal in its latest state (as_of unset), or the proposals tabled by
    /// `as_of` for actions on the list then, each in its state on that date: the
    /// latest decision at or before it, one index descent per proposal.
    std::vector<Proposal> proposals(const Date& as_of) {
        std::vector<Proposal> out;
        each_proposal_at(as_of, [&](std::int64_t, Proposal&& p) { out.push_back(std::move(p)); });
        return out;
    }

    /// Every proposal in its latest state with all its decisions (by date), one at a
    /// time, in export order; the decisions are read by a second cursor in step.
    void each_proposal(const std::function<void(Proposal&&, std::vector<ProposalEvent>&&)>& f) {
        Follower events(db_, "SELECT e.proposal_id, p.key, e.state, e.date, m.key, e.text FROM proposal_events e "
                             "JOIN proposals p ON p.id = e.proposal_id JOIN actions a ON a.id = p.action_id "
                             "JOIN themes t ON t.id = a.theme_id LEFT JOIN meetings m ON m.id = e.meeting_id "
                             "ORDER BY t.position, a.position, p.id, e.date, e.id");
        each_proposal_at(std::nullopt, [&](std::int64_t id, Proposal&& p) {
            std::vector<ProposalEvent> decisions;
            events.take(id, [&](SQLite::Statement& r) {
                decisions.push_back({r.getColumn(1).getString(), static_cast<ProposalState>(r.getColumn(2).getInt()),
                                     date_of(r, 3), column_text(r, 4), r.getColumn(5).getString()});
            });
            f(std::move(p), std::move(decisions));
        });
    }

    /// One proposal by key, in its latest state; nullopt for an unknown key.
    std::optional<Proposal> proposal(std::string_view key) {
        std::optional<Proposal> out;
        each_proposal_at(std::nullopt, [&](std::int64_t, Proposal&& p) { out = std::move(p); }, key);
        return out;
    }

    /// Proposals (with their ids) as proposals(), each_proposal() and proposal() read
    /// them; only the one with `key` when that is given.
    void each_proposal_at(const std::optional<Date>& as_of, const std::function<void(std::int64_t, Proposal&&)>& f,
                          std::optional<std::string_view> key = std::nullopt) {
        SQLite::Statement q(
            db_, std::string("SELECT p.id, p.key, a.key, p.text, coalesce(e.state, 0), p.kind, m.key, e.date, p.tabled, "
                             "em.key, e.text FROM proposals p "
                             "JOIN actions a ON a.id = p.action_id JOIN themes t ON t.id = a.theme_id "
                             "LEFT JOIN proposal_events e ON e.id = (SELECT x.id FROM proposal_events x "
                             "  WHERE x.proposal_id = p.id AND (?1 IS NULL OR x.date <= ?1) "
                             "  ORDER BY x.date DESC, x.id DESC LIMIT 1) "
                             "LEFT JOIN meetings m ON m.id = p.meeting_id LEFT JOIN meetings em ON em.id = e.meeting_id "
                             "WHERE (?1 IS NULL OR p.tabled <= ?1) AND ") +
                     on_list + selected("a.id") + (key ? " AND p.key = ?2" : "") +
                     " ORDER BY t.position, a.position, p.id");
        bind_date(q, 1, as_of);
        if (key) q.bind(2, std::string(*key));
        while (q.executeStep()) {
            const auto state = static_cast<ProposalState>(q.getColumn(4).getInt());
            const bool open = state == ProposalState::open;  // re-opened: no decision to show
            f(q.getColumn(0).getInt64(),
              Proposal(q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString(), state,
                       static_cast<ProposalKind>(q.getColumn(5).getInt()), column_text(q, 6),
                       open ? std::nullopt : optional_date(q, 7), date_of(q, 8), open ? std::string() : column_text(q, 9),
                       open ? std::string() : column_text(q, 10)));
        }
    }

    /// Indicators in display order; with `as_of`, those monitored then (without an
    /// `until`), each with only the actions it measures that are on the list then (as
    /// an action's cross references).
    std::vector<Indicator> indicators(const std::optional<Date>& as_of) {
        std::map<std::int64_t, std::vector<Level>> levels;
        SQLite::Statement l(db_,
                            "SELECT indicator_id, key, label_nl, label_en FROM indicator_levels "
                            "ORDER BY indicator_id, position");
        while (l.executeStep())
            levels[l.getColumn(0).getInt64()].emplace_back(l.getColumn(1).getString(),
                                                           Label(l.getColumn(2).getString(), l.getColumn(3).getString()));
        std::map<std::int64_t, std::vector<std::string>> actions;
        SQLite::Statement m(db_, "SELECT x.indicator_id, a.key FROM indicator_actions x JOIN actions a ON a.id = x.action_id "
                                 "WHERE " + on_list + " ORDER BY x.indicator_id, x.position");
        bind_date(m, 1, as_of);
        while (m.executeStep()) actions[m.getColumn(0).getInt64()].push_back(m.getColumn(1).getString());
        std::vector<Indicator> out;
        SQLite::Statement q(db_, "SELECT i.id, i.key, i.label_nl, i.label_en, i.kind, i.unit, i.since, "
                                 "CASE WHEN ?1 IS NULL THEN i.until END FROM indicators i WHERE " +
                                     on_list_at("i") + " ORDER BY i.position");
        bind_date(q, 1, as_of);
        while (q.executeStep())
            out.emplace_back(q.getColumn(1).getString(), Label(q.getColumn(2).getString(), q.getColumn(3).getString()),
                             static_cast<IndicatorKind>(q.getColumn(4).getInt()),
                             std::move(levels[q.getColumn(0).getInt64()]), q.getColumn(5).getString(),
                             Period{optional_date(q, 6), optional_date(q, 7)},
                             std::move(actions[q.getColumn(0).getInt64()]));
        return out;
    }

    /// All observations (for export), or with `as_of` the latest per (indicator,
    /// region, level) at that date: one index descent per series, so the cost
    /// follows the number of series, not the length of the monitoring history.
    std::vector<Observation> observations(const Date& as_of) {
        std::vector<Observation> out;
        each_observation_at(as_of, [&](Observation&& o) { out.push_back(std::move(o)); });
        return detail::latest_per_region(std::move(out));
    }

    /// Every observation in export order, one at a time.
    void each_observation(const std::function<void(Observation&&)>& f) { each_observation_at(std::nullopt, f); }

private:
    void each_observation_at(const std::optional<Date>& as_of, const std::function<void(Observation&&)>& f) {
        static constexpr const char* columns =
            "SELECT i.key, r.code, o.as_of, o.level, o.value, o.count, o.at_least, o.source, o.note ";
        SQLite::Statement q(
            db_, as_of ? std::string(columns) +
                             "FROM observation_series s "
                             "JOIN observations o ON o.id = (SELECT x.id FROM observations x "
                             "  WHERE x.indicator_id = s.indicator_id AND x.region_id = s.region_id "
                             "  AND x.level = s.level AND x.as_of <= ?1 ORDER BY x.as_of DESC LIMIT 1) "
                             "JOIN indicators i ON i.id = s.indicator_id JOIN regions r ON r.id = s.region_id "
                             "WHERE " + on_list_at("i") + " AND " + on_list_at("r") +
                             " ORDER BY i.position, r.kind, r.position, o.level"
                       : std::string(columns) +
                             "FROM observations o JOIN indicators i ON i.id = o.indicator_id "
                             "JOIN regions r ON r.id = o.region_id ORDER BY i.position, r.kind, r.position, o.as_of, o.level");
        if (as_of) q.bind(1, as_of->iso());
        while (q.executeStep()) {
            ObservationValue v;
            v.level = q.getColumn(3).getString();
            if (!q.getColumn(4).isNull()) v.value = q.getColumn(4).getDouble();
            if (!q.getColumn(5).isNull()) v.count = q.getColumn(5).getInt64();
            v.at_least = q.getColumn(6).getInt() != 0;
            f(Observation(q.getColumn(0).getString(), q.getColumn(1).getString(), date_of(q, 2), std::move(v),
                          q.getColumn(7).getString(), q.getColumn(8).getString()));
        }
    }

public:
    /// For a view: per action on the list, its latest due-date change at `as_of` and
    /// how often the due date moved by then. One descent of the history's index per
    /// action and a count over that action's changes, so the view holds one change per
    /// action however long the history is.
    std::pair<std::vector<DueChange>, std::map<std::string, int, std::less<>>> latest_due_changes(const Date& as_of) {
        std::pair<std::vector<DueChange>, std::map<std::string, int, std::less<>>> out;
        SQLite::Statement q(
            db_, "SELECT a.key, c.from_due, c.to_due, c.noted, (SELECT count(*) FROM due_changes m "
                 "  WHERE m.action_id = a.id AND m.noted <= ?1 AND m.from_due <> '' AND m.to_due <> '') "
                 "FROM actions a JOIN themes t ON t.id = a.theme_id "
                 "JOIN due_changes c ON c.id = (SELECT x.id FROM due_changes x WHERE x.action_id = a.id "
                 "  AND x.noted <= ?1 ORDER BY x.noted DESC, x.id DESC LIMIT 1) "
                 "WHERE " + on_list + selected("a.id") + " ORDER BY t.position, a.position");
        q.bind(1, as_of.iso());
        while (q.executeStep()) {
            out.first.push_back({q.getColumn(0).getString(), due_text(q, 1), due_text(q, 2), date_of(q, 3)});
            if (const int moves = q.getColumn(4).getInt(); moves > 0) out.second.emplace(q.getColumn(0).getString(), moves);
        }
        return out;
    }

    std::vector<Contact> contacts() {
        std::vector<Contact> out;
        SQLite::Statement q(db_,
                            "SELECT r.code, c.role, c.name, c.email FROM contacts c JOIN regions r ON r.id = c.municipality_id "
                            "ORDER BY r.kind, r.position, c.role, c.name");
        while (q.executeStep())
            out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                             q.getColumn(3).getString());
        return out;
    }

private:
    /// " AND <column> IN (the selection)" for a scoped reader, else nothing.
    std::string selected(const char* column) const {
        if (!scoped_) return {};
        return std::string(" AND ") + column + " IN (SELECT id FROM " + detail::selection_table + ")";
    }

    static StatusUpdate update(SQLite::Statement& q) {
        return StatusUpdate(q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                            q.getColumn(3).getString(), date_of(q, 4), q.getColumn(5).getString(), column_text(q, 6));
    }

    SQLite::Database& db_;
    bool scoped_ = false;
};

}  // namespace actielijst::detail::reading
