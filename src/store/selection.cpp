#include "store/selection.hpp"

#include "util/check.hpp"

#include <actielijst/error.hpp>

#include <SQLiteCpp/Statement.h>

#include <set>
#include <string_view>
#include <variant>

namespace actielijst::detail {

std::string on_list_at(const char* alias) {
    const std::string a(alias);
    return "(?1 IS NULL OR ((" + a + ".since IS NULL OR " + a + ".since <= ?1) AND (" + a + ".until IS NULL OR " + a +
           ".until > ?1)))";
}

std::string due_on(const char* alias) {
    const std::string a(alias);
    return "nullif(coalesce("
           "(SELECT c.to_due FROM due_changes c WHERE c.action_id = " + a + ".id AND c.noted <= ?1 "
           " ORDER BY c.noted DESC, c.id DESC LIMIT 1),"
           "(SELECT c.from_due FROM due_changes c WHERE c.action_id = " + a + ".id ORDER BY c.noted, c.id LIMIT 1),"
           + a + ".due), '')";
}

namespace {

using rules::Pushed;
using Kind = Pushed::Kind;

/// The SQL condition on actions `a` for a pushed predicate, with its parameters
/// (?1 is the View's date; the others are numbered from ?2 in order).
class Where {
public:
    explicit Where(const Date& as_of) : as_of_(as_of) {}

    std::string sql(const Pushed& p) {
        switch (p.kind) {
            case Kind::all_of: return join(p.kids, " AND ", "1");
            case Kind::any_of: return join(p.kids, " OR ", "0");
            case Kind::negation: return "NOT (" + sql(p.kids.at(0)) + ")";
            case Kind::theme_in: return "a.theme_id IN (SELECT id FROM themes WHERE key IN " + texts(p.values) + ")";
            case Kind::action_in: return "a.key IN " + texts(p.values);
            case Kind::region_in:
                return "EXISTS (SELECT 1 FROM action_scope s JOIN regions r ON r.id = s.region_id "
                       "WHERE s.action_id = a.id AND r.code IN " + texts(p.values) + " AND " + on_list_at("r") + ")";
            case Kind::state_in:
            case Kind::category_in:
                // One of its current states of affairs (the latest per scope at ?1) is in the set.
                return "EXISTS (SELECT 1 FROM status_pairs p JOIN regions r ON r.id = p.scope_id "
                       "JOIN status_updates u ON u.id = (SELECT x.id FROM status_updates x "
                       "  WHERE x.action_id = p.action_id AND x.scope_id = p.scope_id AND x.as_of <= ?1 "
                       "  ORDER BY x.as_of DESC, x.id DESC LIMIT 1) "
                       "JOIN states st ON st.id = u.state_id WHERE p.action_id = a.id AND " + on_list_at("r") +
                       " AND " + state_test("st", p) + ")";
            case Kind::owner_in:
            case Kind::lead_in:
                return std::string("EXISTS (SELECT 1 FROM action_owners o WHERE o.action_id = a.id AND o.name IN ") +
                       texts(p.values) + (p.kind == Kind::lead_in ? " AND o.role = 0)" : ")");
            case Kind::state_at:
            case Kind::category_at: {
                // NULL (unknown) when the action has no state of affairs in the region.
                const std::string column = p.kind == Kind::state_at ? "st.key" : "st.category";
                const std::string latest =
                    "(SELECT " + column + " FROM status_updates u JOIN states st ON st.id = u.state_id "
                    "WHERE u.action_id = a.id AND u.scope_id = (SELECT r.id FROM regions r WHERE r.code = " +
                    text(p.region) + " AND " + on_list_at("r") +
                    ") AND u.as_of <= ?1 ORDER BY u.as_of DESC, u.id DESC LIMIT 1)";
                if (p.any_value) return latest + " IS NOT NULL";
                return latest + " IN " + (p.kind == Kind::state_at ? texts(p.values) : categories(p.values));
            }
            case Kind::due: return "(" + due_on("a") + ") " + op(p.cmp) + " " + date(p);
            case Kind::due_set: return "(" + due_on("a") + ") IS NOT NULL";
            case Kind::last_update:
                // The latest current state of affairs: the latest update by ?1 in a scope on the list.
                return "(SELECT max(u.as_of) FROM status_updates u JOIN regions r ON r.id = u.scope_id "
                       "WHERE u.action_id = a.id AND u.as_of <= ?1 AND " + on_list_at("r") + ") " + op(p.cmp) + " " +
                       date(p);
        }
        return "0";  // not reached: every kind is handled above
    }

    void bind(SQLite::Statement& q) const {
        q.bind(1, as_of_.iso());
        for (std::size_t i = 0; i < params_.size(); ++i) {
            const int index = static_cast<int>(i) + 2;
            if (const auto* s = std::get_if<std::string>(&params_[i]))
                q.bind(index, *s);
            else
                q.bind(index, std::get<std::int64_t>(params_[i]));
        }
    }

private:
    std::string join(const std::vector<Pushed>& kids, const char* op, const char* empty) {
        if (kids.empty()) return empty;
        std::string out = "(";
        for (std::size_t i = 0; i < kids.size(); ++i) out += (i ? op : "") + sql(kids[i]);
        return out + ")";
    }
    std::string param(std::variant<std::string, std::int64_t> value) {
        params_.push_back(std::move(value));
        return "?" + std::to_string(params_.size() + 1);
    }
    std::string text(const std::string& value) { return param(value); }
    std::string texts(const std::vector<std::string>& values) {
        std::string out = "(";
        for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + param(values[i]);
        return out + ")";
    }
    /// Category names as the integers the states table stores; an unknown name
    /// matches nothing (the filter's own check refuses it first).
    std::string categories(const std::vector<std::string>& names) {
        std::string out = "(";
        bool first = true;
        for (const auto& name : names)
            for (int c = 0; c <= static_cast<int>(StateCategory::dropped); ++c)
                if (to_string(static_cast<StateCategory>(c)) == name) {
                    out += (first ? "" : ", ") + param(std::int64_t{c});
                    first = false;
                }
        return out + ")";
    }
    std::string state_test(const char* alias, const Pushed& p) {
        const std::string a(alias);
        return p.kind == Kind::state_in ? a + ".key IN " + texts(p.values) : a + ".category IN " + categories(p.values);
    }
    static const char* op(rules::Cmp cmp) {
        switch (cmp) {
            case rules::Cmp::eq: return "=";
            case rules::Cmp::ne: return "<>";
            case rules::Cmp::lt: return "<";
            case rules::Cmp::le: return "<=";
            case rules::Cmp::gt: return ">";
            case rules::Cmp::ge: return ">=";
        }
        return "=";
    }
    /// Dates are stored as ISO text, so a date compares as its text. One beyond the
    /// calendar compares as a text below or above every date.
    std::string date(const Pushed& p) {
        const std::int64_t days = p.from_as_of ? as_of_.days() + p.date : p.date;
        try {
            return param(Date::from_days(days).iso());
        } catch (const Error&) {
            return param(std::string(days < 0 ? "" : "~"));
        }
    }

    Date as_of_;
    std::vector<std::variant<std::string, std::int64_t>> params_;
};

bool all_closed(const View& view, std::string_view action) {
    const auto statuses = view.statuses_of(action);
    if (statuses.empty()) return false;
    for (const auto* s : statuses) {
        const auto* state = view.state(s->state());
        if (!state || !state->closed()) return false;
    }
    return true;
}

}  // namespace

void select_actions(SQLite::Database& db, const Date& as_of, const rules::Pushed* where) {
    db.exec(std::string("CREATE TEMP TABLE IF NOT EXISTS ") + (selection_table + 5) + " (id INTEGER PRIMARY KEY)");
    db.exec(std::string("DELETE FROM ") + selection_table);
    Where w(as_of);
    const std::string condition = where ? w.sql(*where) : "1";
    SQLite::Statement q(db, std::string("INSERT INTO ") + selection_table + " SELECT a.id FROM actions a WHERE " +
                                on_list_at("a") + " AND " + condition);
    w.bind(q);
    q.exec();
}

std::vector<ReferencedAction> referenced_outside(SQLite::Database& db, const Date& as_of) {
    // A referenced action is closed when it has current states of affairs (in
    // scopes on the list) and all of them are in a done or dropped state.
    const std::string current =
        "FROM status_pairs p JOIN regions r ON r.id = p.scope_id "
        "JOIN status_updates u ON u.id = (SELECT x.id FROM status_updates x "
        "  WHERE x.action_id = p.action_id AND x.scope_id = p.scope_id AND x.as_of <= ?1 "
        "  ORDER BY x.as_of DESC, x.id DESC LIMIT 1) "
        "JOIN states st ON st.id = u.state_id WHERE p.action_id = a.id AND " + on_list_at("r");
    SQLite::Statement q(db, std::string("SELECT a.key, a.title, (SELECT count(*) ") + current + "), (SELECT count(*) " +
                                current + " AND st.category IN (3, 4)) FROM actions a WHERE a.id IN "
                                "(SELECT f.target_id FROM action_refs f WHERE f.action_id IN (SELECT id FROM " +
                                selection_table + ")) AND a.id NOT IN (SELECT id FROM " + selection_table + ") AND " +
                                on_list_at("a") + " ORDER BY a.key");
    q.bind(1, as_of.iso());
    std::vector<ReferencedAction> out;
    while (q.executeStep()) {
        const auto count = q.getColumn(2).getInt64();
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(),
                       count > 0 && q.getColumn(3).getInt64() == count});
    }
    return out;
}

ViewData keep_actions(const View& view, const std::vector<const ActionPoint*>& keep) {
    ViewData d;
    d.as_of = view.as_of();
    d.selection = view.selection();
    d.meta = view.meta();
    d.themes = view.themes();
    d.regions = view.regions();
    d.states = view.states();
    d.meetings = view.meetings();
    d.indicators = view.indicators();
    d.observations = view.observations();
    std::set<std::string_view> kept;
    for (const auto* a : keep) kept.insert(a->key());
    std::map<std::string, int, std::less<>> moves;
    std::set<std::string_view> outside;
    for (const auto* a : keep) {
        d.actions.push_back(*a);
        for (const auto* s : view.statuses_of(a->key())) d.statuses.push_back(*s);
        if (const int m = view.due_moves(a->key()); m > 0) moves.emplace(a->key(), m);
        for (const auto& ref : a->see_also())
            if (!kept.count(ref)) outside.insert(ref);
    }
    for (const auto& p : view.proposals())
        if (kept.count(p.action())) d.proposals.push_back(p);
    for (const auto& c : view.due_changes())
        if (kept.count(c.action)) d.due_changes.push_back(c);
    d.due_moves = std::move(moves);
    for (const auto key : outside) {
        if (const auto* a = view.action(key))
            d.referenced.push_back({a->key(), a->title(), all_closed(view, key)});
        else if (const auto* r = view.referenced(key))
            d.referenced.push_back(*r);
    }
    return d;
}

}  // namespace actielijst::detail
