// Reading the store back: Store::dump (everything, for export) and Store::view
// (definitions plus what is current at a date).
#include "store/impl.hpp"
#include "store/latest.hpp"
#include "store/selection.hpp"
#include "rules/impl.hpp"

#include <map>

namespace actielijst {
namespace {

using detail::column_text;

Date date_of(SQLite::Statement& q, int column) { return Date::parse(q.getColumn(column).getString(), "date"); }
std::optional<Date> optional_date(SQLite::Statement& q, int column) {
    if (q.getColumn(column).isNull()) return std::nullopt;
    return date_of(q, column);
}

using detail::on_list_at;
const std::string on_list = on_list_at("a");

void bind_date(SQLite::Statement& q, int index, const std::optional<Date>& date) {
    if (date)
        q.bind(index, date->iso());
    else
        q.bind(index);
}

class Reader {
public:
    /// `scoped`: read only the actions in detail::selection_table (and their history).
    explicit Reader(SQLite::Database& db, bool scoped = false) : db_(db), scoped_(scoped) {}

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

    /// Every action (as_of unset), or the actions on the list at `as_of` with the
    /// due date valid then and only the cross references to actions also on it.
    std::vector<ActionPoint> actions(const std::optional<Date>& as_of) {
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

    /// The whole history in export order: action order, then date, then entry order.
    std::vector<StatusUpdate> updates() {
        std::vector<StatusUpdate> out;
        SQLite::Statement q(db_,
                            "SELECT a.key, r.code, s.key, u.text, u.as_of, u.author, m.key FROM status_updates u "
                            "JOIN actions a ON a.id = u.action_id JOIN themes t ON t.id = a.theme_id "
                            "JOIN regions r ON r.id = u.scope_id JOIN states s ON s.id = u.state_id "
                            "LEFT JOIN meetings m ON m.id = u.meeting_id "
                            "ORDER BY t.position, a.position, u.as_of, u.id");
        while (q.executeStep()) out.push_back(update(q));
        return out;
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
    std::vector<Proposal> proposals(const std::optional<Date>& as_of) {
        std::vector<Proposal> out;
        SQLite::Statement q(
            db_, std::string("SELECT p.key, a.key, p.text, coalesce(e.state, 0), p.kind, m.key, e.date, p.tabled, "
                             "em.key, e.text FROM proposals p "
                             "JOIN actions a ON a.id = p.action_id JOIN themes t ON t.id = a.theme_id "
                             "LEFT JOIN proposal_events e ON e.id = (SELECT x.id FROM proposal_events x "
                             "  WHERE x.proposal_id = p.id AND (?1 IS NULL OR x.date <= ?1) "
                             "  ORDER BY x.date DESC, x.id DESC LIMIT 1) "
                             "LEFT JOIN meetings m ON m.id = p.meeting_id LEFT JOIN meetings em ON em.id = e.meeting_id "
                             "WHERE (?1 IS NULL OR p.tabled <= ?1) AND ") +
                     on_list + selected("a.id") + " ORDER BY t.position, a.position, p.id");
        bind_date(q, 1, as_of);
        while (q.executeStep()) {
            const auto state = static_cast<ProposalState>(q.getColumn(3).getInt());
            const bool open = state == ProposalState::open;  // re-opened: no decision to show
            out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(), state,
                             static_cast<ProposalKind>(q.getColumn(4).getInt()), column_text(q, 5),
                             open ? std::nullopt : optional_date(q, 6), date_of(q, 7),
                             open ? std::string() : column_text(q, 8), open ? std::string() : column_text(q, 9));
        }
        return out;
    }

    /// Every decision, in the order of proposals(), then by date.
    std::vector<ProposalEvent> proposal_events() {
        std::vector<ProposalEvent> out;
        SQLite::Statement q(db_,
                            "SELECT p.key, e.state, e.date, m.key, e.text FROM proposal_events e "
                            "JOIN proposals p ON p.id = e.proposal_id JOIN actions a ON a.id = p.action_id "
                            "JOIN themes t ON t.id = a.theme_id LEFT JOIN meetings m ON m.id = e.meeting_id "
                            "ORDER BY t.position, a.position, p.id, e.date, e.id");
        while (q.executeStep())
            out.push_back({q.getColumn(0).getString(), static_cast<ProposalState>(q.getColumn(1).getInt()),
                           date_of(q, 2), column_text(q, 3), q.getColumn(4).getString()});
        return out;
    }

    /// Indicators in display order; with `as_of`, those monitored then (without an `until`).
    std::vector<Indicator> indicators(const std::optional<Date>& as_of) {
        std::map<std::int64_t, std::vector<Level>> levels;
        SQLite::Statement l(db_,
                            "SELECT indicator_id, key, label_nl, label_en FROM indicator_levels "
                            "ORDER BY indicator_id, position");
        while (l.executeStep())
            levels[l.getColumn(0).getInt64()].emplace_back(l.getColumn(1).getString(),
                                                           Label(l.getColumn(2).getString(), l.getColumn(3).getString()));
        std::vector<Indicator> out;
        SQLite::Statement q(db_, "SELECT i.id, i.key, i.label_nl, i.label_en, i.kind, i.unit, i.since, "
                                 "CASE WHEN ?1 IS NULL THEN i.until END FROM indicators i WHERE " +
                                     on_list_at("i") + " ORDER BY i.position");
        bind_date(q, 1, as_of);
        while (q.executeStep())
            out.emplace_back(q.getColumn(1).getString(), Label(q.getColumn(2).getString(), q.getColumn(3).getString()),
                             static_cast<IndicatorKind>(q.getColumn(4).getInt()),
                             std::move(levels[q.getColumn(0).getInt64()]), q.getColumn(5).getString(),
                             Period{optional_date(q, 6), optional_date(q, 7)});
        return out;
    }

    /// All observations (for export), or with `as_of` the latest per (indicator,
    /// region, level) at that date: one index descent per series, so the cost
    /// follows the number of series, not the length of the monitoring history.
    std::vector<Observation> observations(const std::optional<Date>& as_of) {
        std::vector<Observation> out;
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
            out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString(), date_of(q, 2), std::move(v),
                             q.getColumn(7).getString(), q.getColumn(8).getString());
        }
        return as_of ? detail::latest_per_region(std::move(out)) : out;
    }


    /// The due-date history in action order, then by noted date (then as entered);
    /// with `as_of` only the changes noted at or before it.
    std::vector<DueChange> due_changes(const std::optional<Date>& as_of) {
        std::vector<DueChange> out;
        SQLite::Statement q(db_,
                            "SELECT a.key, c.from_due, c.to_due, c.noted FROM due_changes c "
                            "JOIN actions a ON a.id = c.action_id JOIN themes t ON t.id = a.theme_id "
                            "WHERE (?1 IS NULL OR c.noted <= ?1) AND " +
                                on_list + " ORDER BY t.position, a.position, c.noted, c.id");
        if (as_of)
            q.bind(1, as_of->iso());
        else
            q.bind(1);
        const auto due = [&](int column) -> std::optional<Date> {
            const auto text = q.getColumn(column).getString();
            if (text.empty()) return std::nullopt;
            return Date::parse(text, "due");
        };
        while (q.executeStep()) out.push_back({q.getColumn(0).getString(), due(1), due(2), date_of(q, 3)});
        return out;
    }

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
        const auto due = [&](int column) -> std::optional<Date> {
            const auto text = q.getColumn(column).getString();
            if (text.empty()) return std::nullopt;
            return Date::parse(text, "due");
        };
        while (q.executeStep()) {
            out.first.push_back({q.getColumn(0).getString(), due(1), due(2), date_of(q, 3)});
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

}  // namespace

Dataset Store::dump(bool include_contacts) const {
    return detail::translate_storage_errors("dump", [&] {
        // One read transaction, so the dump is a consistent picture even while
        // another process writes.
        impl_->db.exec("BEGIN");
        try {
            Reader r(impl_->db);
            Dataset d;
            d.meta = r.meta();
            d.themes = r.themes();
            d.regions = r.regions(std::nullopt);
            d.states = r.states(std::nullopt);
            d.meetings = r.meetings(std::nullopt);
            d.actions = r.actions(std::nullopt);
            d.due_changes = r.due_changes(std::nullopt);
            d.updates = r.updates();
            d.proposals = r.proposals(std::nullopt);
            d.proposal_events = r.proposal_events();
            d.indicators = r.indicators(std::nullopt);
            d.observations = r.observations(std::nullopt);
            if (include_contacts) d.contacts = r.contacts();
            impl_->db.exec("COMMIT");
            return d;
        } catch (...) {
            impl_->db.tryExec("ROLLBACK");
            throw;
        }
    });
}

namespace {

/// Everything a View holds at `as_of`, as `r` reads it (the whole list, or a selection).
ViewData read_view(Reader& r, const Date& as_of) {
    ViewData d;
    d.as_of = as_of;
    d.meta = r.meta();
    d.themes = r.themes();
    d.regions = r.regions(as_of);
    d.states = r.states(as_of);
    d.meetings = r.meetings(as_of);
    d.actions = r.actions(as_of);
    d.statuses = r.current(as_of);
    d.proposals = r.proposals(as_of);
    d.indicators = r.indicators(as_of);
    d.observations = r.observations(as_of);
    auto [due_changes, due_moves] = r.latest_due_changes(as_of);
    d.due_changes = std::move(due_changes);
    d.due_moves = std::move(due_moves);
    return d;
}

}  // namespace

View Store::view(const Date& as_of) const {
    return detail::translate_storage_errors("view", [&] {
        impl_->db.exec("BEGIN");
        try {
            Reader r(impl_->db);
            auto d = read_view(r, as_of);
            impl_->db.exec("COMMIT");
            return View(std::move(d));
        } catch (...) {
            impl_->db.tryExec("ROLLBACK");
            throw;
        }
    });
}

View Store::view(const Date& as_of, const Filter& filter) const {
    const Filter::Impl& f = *filter.impl_;
    const auto pushdown = rules::push_down(f.prog, f.root);
    View candidates = detail::translate_storage_errors("view", [&] {
        impl_->db.exec("BEGIN");
        try {
            detail::select_actions(impl_->db, as_of, pushdown.where ? &*pushdown.where : nullptr);
            Reader r(impl_->db, true);
            auto d = read_view(r, as_of);
            d.selection = filter.text();
            d.referenced = detail::referenced_outside(impl_->db, as_of);
            impl_->db.exec(std::string("DELETE FROM ") + detail::selection_table);
            impl_->db.exec("COMMIT");
            return View(std::move(d));
        } catch (...) {
            impl_->db.tryExec("ROLLBACK");
            throw;
        }
    });
    // The store returned a superset: the filter itself decides, on those rows only.
    if (pushdown.exact) {
        rules::check_names(f.prog, candidates, f.origin);
        return candidates;
    }
    const auto keep = filter.select(candidates);
    if (keep.size() == candidates.actions().size()) return candidates;
    return View(detail::keep_actions(candidates, keep));
}

}  // namespace actielijst
