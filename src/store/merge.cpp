// Store::merge: one transaction that upserts definitions and appends history.
// Every reference is resolved against what is stored plus what the dataset brings,
// and every error names the entry (`updates[3].state: ...`); any error rolls back all.
#include "store/impl.hpp"
#include "util/check.hpp"

#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <tuple>
#include <map>
#include <set>
#include <vector>

namespace actielijst {
namespace {

using detail::quote;

std::string at(const char* list, std::size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; }

[[noreturn]] void fail_at(const std::string& where, const char* field, const std::string& what,
                          Errc code = Errc::invalid) {
    throw Error(code, where + "." + field + ": " + what);
}

std::int64_t next_position(SQLite::Database& db, const char* table) {
    SQLite::Statement q(db, std::string("SELECT coalesce(max(position), -1) + 1 FROM ") + table);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

/// Key -> id of a table with a unique `key` column. Looked up on demand through the
/// unique index and cached, so a single-update merge on a large store stays cheap.
class KeyIndex {
public:
    KeyIndex(SQLite::Database& db, const char* table, const char* key_column = "key")
        : lookup_(db, std::string("SELECT id FROM ") + table + " WHERE " + key_column + " = ?") {}
    std::optional<std::int64_t> find(const std::string& key) {
        if (const auto it = ids_.find(key); it != ids_.end()) return it->second;
        lookup_.bind(1, key);
        std::optional<std::int64_t> id;
        if (lookup_.executeStep()) id = lookup_.getColumn(0).getInt64();
        lookup_.reset();
        if (id) ids_.emplace(key, *id);
        return id;
    }
    void add(const std::string& key, std::int64_t id) { ids_[key] = id; }

private:
    SQLite::Statement lookup_;
    std::map<std::string, std::int64_t, std::less<>> ids_;
};

struct RegionInfo {
    std::int64_t id;
    std::string code;
    RegionKind kind;
    std::int64_t parent;  // 0 for none
    Period period;
};

std::optional<Date> optional_date_column(SQLite::Statement& q, int column) {
    if (q.getColumn(column).isNull()) return std::nullopt;
    return Date::parse(q.getColumn(column).getString(), "date");
}

/// The words for "on the list from .. until ..", for errors.
std::string describe(const Period& p) {
    if (p.since && p.until) return "from " + p.since->iso() + " until " + p.until->iso();
    if (p.since) return "from " + p.since->iso();
    if (p.until) return "until " + p.until->iso();
    return "always";
}

/// Regions by id, code and folded name, kept current as the merge writes regions.
class RegionIndex {
public:
    explicit RegionIndex(SQLite::Database& db) {
        SQLite::Statement q(db, "SELECT id, code, kind, coalesce(parent_id, 0), since, until FROM regions");
        while (q.executeStep())
            put({q.getColumn(0).getInt64(), q.getColumn(1).getString(), static_cast<RegionKind>(q.getColumn(2).getInt()),
                 q.getColumn(3).getInt64(), {optional_date_column(q, 4), optional_date_column(q, 5)}});
        SQLite::Statement n(db, "SELECT name_folded, region_id, alias IS NOT NULL FROM region_names");
        while (n.executeStep()) {
            names_[n.getColumn(0).getString()].insert(n.getColumn(1).getInt64());
            names_of_[n.getColumn(1).getInt64()].push_back(n.getColumn(0).getString());
            if (n.getColumn(2).getInt() != 0) aliases_[n.getColumn(0).getString()].insert(n.getColumn(1).getInt64());
        }
    }

    void put(const RegionInfo& r) {
        by_id_[r.id] = r;
        by_code_[r.code] = r.id;
        by_folded_code_[detail::fold_case(r.code)] = r.id;
    }
    /// The region's folded code and name, then its folded aliases.
    void set_names(std::int64_t id, const std::vector<std::string>& folded) {
        // The reverse index keeps this linear in the region's own names, not in all names.
        for (const auto& old : names_of_[id]) {
            names_[old].erase(id);
            if (const auto it = aliases_.find(old); it != aliases_.end()) it->second.erase(id);
        }
        names_of_[id] = folded;
        for (const auto& f : folded) names_[f].insert(id);
        for (std::size_t k = 2; k < folded.size(); ++k) aliases_[folded[k]].insert(id);
    }
    /// A region other than `self` that has `folded` as an alias; nullptr when none.
    const RegionInfo* alias_holder(const std::string& folded, std::int64_t self) const {
        const auto it = aliases_.find(folded);
        if (it == aliases_.end()) return nullptr;
        for (const auto id : it->second)
            if (id != self) return by_id(id);
        return nullptr;
    }
    /// A region other than `self` that has `folded` as code, name or alias; nullptr when none.
    const RegionInfo* other_holder(const std::string& folded, std::int64_t self) const {
        if (const auto* ids = holders(folded))
            for (const auto id : *ids)
                if (id != self) return by_id(id);
        return nullptr;
    }
    const RegionInfo* by_id(std::int64_t id) const {
        const auto it = by_id_.find(id);
        return it == by_id_.end() ? nullptr : &it->second;
    }
    const RegionInfo* by_code(const std::string& code) const {
        const auto it = by_code_.find(code);
        return it == by_code_.end() ? nullptr : by_id(it->second);
    }
    /// The region whose code folds to `folded`, if any.
    const RegionInfo* by_folded_code(const std::string& folded) const {
        const auto it = by_folded_code_.find(folded);
        return it == by_folded_code_.end() ? nullptr : by_id(it->second);
    }
    /// The regions that have `folded` as code, name or alias; nullptr when none.
    const std::set<std::int64_t>* holders(const std::string& folded) const {
        const auto it = names_.find(folded);
        return it == names_.end() || it->second.empty() ? nullptr : &it->second;
    }
    /// Code or alias -> region; fails naming `where.field` when unknown or ambiguous.
    const RegionInfo& resolve(const std::string& ref, const std::string& where, const char* field) const {
        if (const auto* r = by_code(ref)) return *r;
        const auto it = names_.find(detail::fold_case(ref));
        if (it == names_.end() || it->second.empty()) fail_at(where, field, "unknown region " + quote(ref));
        if (it->second.size() > 1) {
            std::string codes;
            for (auto id : it->second) codes += (codes.empty() ? "" : ", ") + by_id(id)->code;
            fail_at(where, field, "region name " + quote(ref) + " is ambiguous (" + codes + "): use the code");
        }
        return *by_id(*it->second.begin());
    }
    /// Whether `ancestor` is `id` itself or lies above it. Bounded, so even a damaged
    /// hierarchy cannot make it loop.
    bool within(std::int64_t id, std::int64_t ancestor) const {
        std::size_t steps = 0;
        for (std::int64_t p = id; p != 0 && steps <= by_id_.size(); ++steps) {
            if (p == ancestor) return true;
            const auto* r = by_id(p);
            p = r ? r->parent : 0;
        }
        return false;
    }
    std::size_t municipalities_in(std::int64_t region) const {
        std::size_t n = 0;
        for (const auto& [id, r] : by_id_)
            if (r.kind == RegionKind::municipality && within(id, region)) ++n;
        return n;
    }
    const std::map<std::int64_t, RegionInfo>& all() const noexcept { return by_id_; }
    bool has_children(std::int64_t id) const {
        for (const auto& [_, r] : by_id_)
            if (r.parent == id) return true;
        return false;
    }

private:
    std::map<std::int64_t, RegionInfo> by_id_;
    std::map<std::string, std::int64_t, std::less<>> by_code_;
    std::map<std::string, std::int64_t, std::less<>> by_folded_code_;
    std::map<std::string, std::set<std::int64_t>, std::less<>> names_;
    std::map<std::int64_t, std::vector<std::string>> names_of_;
    std::map<std::string, std::set<std::int64_t>, std::less<>> aliases_;  ///< folded alias -> regions
};

struct IndicatorInfo {
    std::int64_t id;
    IndicatorKind kind;
    std::vector<std::string> levels;
    Period period;
};

class Merger {
public:
    Merger(SQLite::Database& db) : db_(db), regions_(db), themes_(db, "themes"), states_(db, "states"),
                                   meetings_(db, "meetings"), actions_(db, "actions"), proposals_(db, "proposals") {
        SQLite::Statement q(db, "SELECT i.id, i.key, i.kind, i.since, i.until FROM indicators i");
        while (q.executeStep()) {
            IndicatorInfo info{q.getColumn(0).getInt64(), static_cast<IndicatorKind>(q.getColumn(2).getInt()), {},
                               {optional_date_column(q, 3), optional_date_column(q, 4)}};
            SQLite::Statement l(db, "SELECT key FROM indicator_levels WHERE indicator_id = ? ORDER BY position");
            l.bind(1, info.id);
            while (l.executeStep()) info.levels.push_back(l.getColumn(0).getString());
            indicators_.emplace(q.getColumn(1).getString(), std::move(info));
        }
    }

    MergeSummary run(const Dataset& d) {
        merge_meta(d.meta);
        merge_themes(d.themes);
        merge_regions(d.regions);
        merge_states(d.states);
        merge_meetings(d.meetings);
        merge_actions(d.actions, d);
        merge_due_changes(d.due_changes);
        merge_updates(d.updates);
        merge_proposals(d.proposals, d);
        merge_proposal_events(d);
        check_proposal_states(d.proposals, d.proposal_events);
        merge_indicators(d.indicators);
        merge_observations(d.observations);
        merge_contacts(d.contacts);
        return summary_;
    }

private:
    std::int64_t require(KeyIndex& index, const std::string& key, const std::string& where, const char* field,
                         const char* what) {
        const auto id = index.find(key);
        if (!id) fail_at(where, field, std::string("unknown ") + what + " " + quote(key));
        return *id;
    }
    std::optional<std::int64_t> optional_meeting(const std::string& key, const std::string& where) {
        if (key.empty()) return std::nullopt;
        return require(meetings_, key, where, "meeting", "meeting");
    }
    static void bind_date(SQLite::Statement& q, int index, const std::optional<Date>& date) {
        if (date)
            q.bind(index, date->iso());
        else
            q.bind(index);
    }
    /// Binds `since` at `index` and `until` at `index + 1`.
    static void bind_period(SQLite::Statement& q, int index, const Period& p) {
        bind_date(q, index, p.since);
        bind_date(q, index + 1, p.until);
    }

    /// The dated history of a definition (`sql` gives the earliest and latest date
    /// for its id) must lie within its period: the list cannot have recorded
    /// something about it while it was not part of the list.
    void check_history_within(const char* sql, std::int64_t id, const Period& p, const std::string& where,
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

    /// A record dated `date` about a definition that is on the list during `p`.
    static void check_dated(const Period& p, const Date& date, const std::string& where, const char* field,
                            const std::string& what) {
        if (!p.contains(date))
            fail_at(where, field, what + " is part of the list " + describe(p) + ", not on " + date.iso());
    }

    /// A region is part of the list only while its parent is.
    void check_region_periods() {
        for (const auto& [id, r] : regions_.all()) {
            if (r.parent == 0) continue;
            const auto* parent = regions_.by_id(r.parent);
            if (parent && !parent->period.covers(r.period))
                throw Error(Errc::conflict, "regions: " + r.code + " is on the list " + describe(r.period) +
                                                ", outside the time of its parent " + parent->code + " (" +
                                                describe(parent->period) + ")");
        }
    }

    /// The period of a stored (or just merged) state.
    const Period& state_period(std::int64_t id) {
        if (const auto it = state_periods_.find(id); it != state_periods_.end()) return it->second;
        SQLite::Statement q(db_, "SELECT since, until FROM states WHERE id = ?");
        q.bind(1, id);
        q.executeStep();
        return state_periods_[id] = Period{optional_date_column(q, 0), optional_date_column(q, 1)};
    }

    static void bind_id(SQLite::Statement& q, int index, std::optional<std::int64_t> id) {
        if (id)
            q.bind(index, *id);
        else
            q.bind(index);
    }
    /// Inserts a row keyed by `key` or updates it in place; counts new keys.
    std::int64_t upsert(KeyIndex& index, const std::string& key, SQLite::Statement& insert,
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

    void merge_meta(const std::vector<MetaEntry>& meta) {
        std::int64_t position = next_position(db_, "meta");
        SQLite::Statement q(db_,
                            "INSERT INTO meta(position, key, text_value, bool_value) VALUES (?, ?, ?, ?) "
                            "ON CONFLICT(key) DO UPDATE SET text_value = excluded.text_value, "
                            "bool_value = excluded.bool_value");
        std::set<std::string> seen;
        for (std::size_t i = 0; i < meta.size(); ++i) {
            const auto& m = meta[i];
            detail::check_key(m.key, "meta." + m.key);
            if (!seen.insert(m.key).second) fail_at("meta", m.key.c_str(), "duplicate entry");
            q.bind(1, position++);
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

    void merge_themes(const std::vector<Theme>& themes) {
        auto position = next_position(db_, "themes");
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
            ins.bind(4, position);
            if (!themes_.find(t.key())) ++position;
            upsert(themes_, t.key(), ins, upd);
        }
    }

    void merge_regions(const std::vector<Region>& regions) {
        auto position = next_position(db_, "regions");
        SQLite::Statement ins(db_,
                              "INSERT INTO regions(code, name, kind, parent_id, since, until, position) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        SQLite::Statement upd(db_,
                              "UPDATE regions SET name = ?2, kind = ?3, parent_id = ?4, since = ?5, until = ?6 "
                              "WHERE code = ?1");
        SQLite::Statement clear(db_, "DELETE FROM region_names WHERE region_id = ?");
        SQLite::Statement name(db_,
                               "INSERT OR IGNORE INTO region_names(name_folded, region_id, alias, position) "
                               "VALUES (?, ?, ?, ?)");
        std::set<std::string> seen;
        KeyIndex codes(db_, "regions", "code");
        for (std::size_t i = 0; i < regions.size(); ++i) {
            const auto& r = regions[i];
            const auto where = at("regions", i);
            if (!seen.insert(r.code()).second) fail_at(where, "code", "duplicate region " + quote(r.code()));
            std::int64_t parent_id = 0;
            if (!r.parent().empty()) {
                const auto& parent = regions_.resolve(r.parent(), where, "parent");
                if (parent.kind != parent_kind_of(r.kind()))
                    fail_at(where, "parent",
                            "a " + std::string(to_string(r.kind())) + " must lie in a " +
                                std::string(to_string(*parent_kind_of(r.kind()))) + ", but " + parent.code + " is a " +
                                std::string(to_string(parent.kind)));
                parent_id = parent.id;
            }
            // A code must not already name another region, or references to it
            // would be ambiguous (and an export listing that region first would not
            // import back).
            if (const auto* others = regions_.holders(detail::fold_case(r.code()))) {
                const auto* self = regions_.by_code(r.code());
                for (const auto other : *others)
                    if (!self || other != self->id)
                        fail_at(where, "code",
                                "code " + quote(r.code()) + " is already a name or alias of region " +
                                    regions_.by_id(other)->code,
                                Errc::conflict);
            }
            if (const auto* old = regions_.by_code(r.code())) {
                if (parent_id != 0 && regions_.within(parent_id, old->id))
                    fail_at(where, "parent", "region " + r.code() + " cannot lie inside itself", Errc::conflict);
                if (old->kind != r.kind()) check_kind_change(*old, r.kind(), where);
            }
            // An alias names one region only: a second region with the same alias (or
            // an alias that is another region's code or name) would make every later
            // reference by it ambiguous. Names alone may be shared ("Bergen").
            const std::int64_t self_id = regions_.by_code(r.code()) ? regions_.by_code(r.code())->id : 0;
            for (std::size_t k = 0; k < r.aliases().size(); ++k) {
                const auto folded = detail::fold_case(r.aliases()[k]);
                const auto field = "aliases[" + std::to_string(k) + "]";
                if (const auto* other = regions_.by_folded_code(folded); other && other->code != r.code())
                    fail_at(where, field.c_str(),
                            "alias " + quote(r.aliases()[k]) + " of region " + r.code() + " is the code of region " +
                                other->code,
                            Errc::conflict);
                if (const auto* other = regions_.other_holder(folded, self_id))
                    fail_at(where, field.c_str(),
                            "alias " + quote(r.aliases()[k]) + " of region " + r.code() +
                                " is already a name or alias of region " + other->code,
                            Errc::conflict);
            }
            if (const auto* other = regions_.alias_holder(detail::fold_case(r.name()), self_id))
                fail_at(where, "name",
                        "name " + quote(r.name()) + " of region " + r.code() + " is already an alias of region " +
                            other->code,
                        Errc::conflict);
            for (auto* q : {&ins, &upd}) {
                q->bind(1, r.code());
                q->bind(2, r.name());
                q->bind(3, static_cast<int>(r.kind()));
                bind_id(*q, 4, parent_id ? std::optional<std::int64_t>(parent_id) : std::nullopt);
                bind_period(*q, 5, r.period());
            }
            ins.bind(7, position);
            if (!codes.find(r.code())) ++position;
            const auto id = upsert(codes, r.code(), ins, upd);
            regions_.put({id, r.code(), r.kind(), parent_id, r.period()});
            if (r.period() != Period{}) {
                check_history_within("SELECT min(as_of), max(as_of) FROM status_updates WHERE scope_id = ?", id,
                                     r.period(), where, "states of affairs of region " + r.code());
                check_history_within("SELECT min(as_of), max(as_of) FROM observations WHERE region_id = ?", id,
                                     r.period(), where, "observations of region " + r.code());
            }
            clear.bind(1, id);
            clear.exec();
            clear.reset();
            std::vector<std::string> folded{detail::fold_case(r.code()), detail::fold_case(r.name())};
            std::vector<const std::string*> alias_of{nullptr, nullptr};
            for (const auto& a : r.aliases()) {
                folded.push_back(detail::fold_case(a));
                alias_of.push_back(&a);
            }
            for (std::size_t k = 0; k < folded.size(); ++k) {
                name.bind(1, folded[k]);
                name.bind(2, id);
                if (alias_of[k])
                    name.bind(3, *alias_of[k]);
                else
                    name.bind(3);
                name.bind(4, static_cast<std::int64_t>(k));
                name.exec();
                name.reset();
            }
            regions_.set_names(id, folded);
        }
        if (!regions.empty()) {
            check_stored_counts();
            check_region_periods();
        }
    }

    /// A stored "count of municipalities at a level" must still fit its region once
    /// the region's municipalities are known: moving or re-kinding municipalities may
    /// not make an earlier statement impossible (an export could not be imported back).
    void check_stored_counts() {
        SQLite::Statement q(db_,
                            "SELECT o.region_id, i.key, o.as_of, o.count FROM observations o "
                            "JOIN indicators i ON i.id = o.indicator_id WHERE o.count IS NOT NULL");
        while (q.executeStep()) {
            const auto region = q.getColumn(0).getInt64();
            const auto total = regions_.municipalities_in(region);
            const auto count = q.getColumn(3).getInt64();
            if (total > 0 && static_cast<std::size_t>(count) > total)
                throw Error(Errc::conflict, "regions: " + regions_.by_id(region)->code + " would have " +
                                                std::to_string(total) + " municipalities, but the observation of " +
                                                q.getColumn(1).getString() + " on " + q.getColumn(2).getString() +
                                                " counts " + std::to_string(count) + " of them");
        }
    }

    /// A region's kind may change only when nothing stored depends on the old kind.
    void check_kind_change(const RegionInfo& old, RegionKind kind, const std::string& where) {
        const auto refuse = [&](const std::string& why) {
            fail_at(where, "kind", "region " + old.code + " " + why + ", so its kind cannot change", Errc::conflict);
        };
        if (regions_.has_children(old.id)) refuse("has subregions");
        const auto used = [&](const char* sql) {
            SQLite::Statement q(db_, sql);
            q.bind(1, old.id);
            return q.executeStep();
        };
        if (kind != RegionKind::municipality && used("SELECT 1 FROM contacts WHERE municipality_id = ? LIMIT 1"))
            refuse("has contacts, which belong to municipalities");
        if (kind == RegionKind::municipality &&
            used("SELECT 1 FROM observations WHERE region_id = ? AND count IS NOT NULL LIMIT 1"))
            refuse("has counts of municipalities");
    }

    void merge_states(const std::vector<ProgressState>& states) {
        auto position = next_position(db_, "states");
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
            ins.bind(7, position);
            if (!states_.find(s.key())) ++position;
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
    void merge_meetings(const std::vector<Meeting>& meetings) {
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
    std::string meeting_date(std::int64_t id) {
        if (!meeting_date_) meeting_date_.emplace(db_, "SELECT date FROM meetings WHERE id = ?");
        auto& q = *meeting_date_;
        q.bind(1, id);
        q.executeStep();
        auto date = q.getColumn(0).getString();
        q.reset();
        return date;
    }

    void merge_actions(const std::vector<ActionPoint>& actions, const Dataset& d) {
        // Actions that bring their own due-date history get that, not an automatic change.
        std::set<std::string, std::less<>> listed;
        for (const auto& c : d.due_changes) listed.insert(c.action);
        SQLite::Statement stored_due(db_, "SELECT coalesce(due, '') FROM actions WHERE id = ?");
        auto position = next_position(db_, "actions");
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
            ins.bind(8, position);
            const auto existing = actions_.find(a.key());
            const bool existed = existing.has_value();
            if (!existed) ++position;
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
                if (!target) fail_at(at("actions", i), field.c_str(), "dangling reference: unknown action " + quote(refs[k]));
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
    const std::string& auto_noted(const std::vector<MetaEntry>& meta) {
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
            if (auto_noted_.empty()) {
                const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
                auto_noted_ = Date::from_days(now.time_since_epoch().count()).iso();
            }
        }
        return auto_noted_;
    }

    void append_due_change(std::int64_t action, const std::string& from, const std::string& to,
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
    void merge_due_changes(const std::vector<DueChange>& changes) {
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

    void merge_updates(const std::vector<StatusUpdate>& updates) {
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
    std::pair<ProposalState, std::string> latest_decision(std::int64_t proposal) {
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
    bool append_decision(std::int64_t proposal, const std::string& key, ProposalState state, const std::string& date,
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
    void merge_proposals(const std::vector<Proposal>& proposals, const Dataset& d) {
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
    void merge_proposal_events(const Dataset& d) {
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
    void check_proposal_states(const std::vector<Proposal>& proposals, const std::vector<ProposalEvent>& events) {
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

    void merge_indicators(const std::vector<Indicator>& indicators) {
        auto position = next_position(db_, "indicators");
        SQLite::Statement ins(db_,
                              "INSERT INTO indicators(key, label_nl, label_en, kind, unit, since, until, position) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        SQLite::Statement upd(db_,
                              "UPDATE indicators SET label_nl = ?2, label_en = ?3, kind = ?4, unit = ?5, since = ?6, "
                              "until = ?7 WHERE key = ?1");
        SQLite::Statement clear(db_, "DELETE FROM indicator_levels WHERE indicator_id = ?");
        SQLite::Statement level(db_,
                                "INSERT INTO indicator_levels(indicator_id, position, key, label_nl, label_en) "
                                "VALUES (?, ?, ?, ?, ?)");
        SQLite::Statement used(db_, "SELECT DISTINCT level FROM observations WHERE indicator_id = ?");
        KeyIndex keys(db_, "indicators");
        std::set<std::string> seen;
        for (std::size_t i = 0; i < indicators.size(); ++i) {
            const auto& ind = indicators[i];
            const auto where = at("indicators", i);
            if (!seen.insert(ind.key()).second) fail_at(where, "key", "duplicate indicator " + quote(ind.key()));
            if (const auto it = indicators_.find(ind.key()); it != indicators_.end()) {
                used.bind(1, it->second.id);
                while (used.executeStep()) {
                    const auto lvl = used.getColumn(0).getString();
                    if (it->second.kind != ind.kind())
                        fail_at(where, "kind", "indicator " + ind.key() + " has observations, so its kind cannot change",
                                Errc::conflict);
                    if (!lvl.empty() && ind.level_rank(lvl) < 0)
                        fail_at(where, "levels",
                                "level " + quote(lvl) + " is used by stored observations and cannot be removed",
                                Errc::conflict);
                }
                used.reset();
            }
            for (auto* q : {&ins, &upd}) {
                q->bind(1, ind.key());
                q->bind(2, ind.label().nl());
                q->bind(3, ind.label().en());
                q->bind(4, static_cast<int>(ind.kind()));
                q->bind(5, ind.unit());
                bind_period(*q, 6, ind.period());
            }
            ins.bind(8, position);
            if (!keys.find(ind.key())) ++position;
            const auto id = upsert(keys, ind.key(), ins, upd);
            if (ind.period() != Period{})
                check_history_within("SELECT min(as_of), max(as_of) FROM observations WHERE indicator_id = ?", id,
                                     ind.period(), where, "observations of " + ind.key());
            clear.bind(1, id);
            clear.exec();
            clear.reset();
            IndicatorInfo info{id, ind.kind(), {}, ind.period()};
            for (std::size_t k = 0; k < ind.levels().size(); ++k) {
                const auto& l = ind.levels()[k];
                level.bind(1, id);
                level.bind(2, static_cast<std::int64_t>(k));
                level.bind(3, l.key());
                level.bind(4, l.label().nl());
                level.bind(5, l.label().en());
                level.exec();
                level.reset();
                info.levels.push_back(l.key());
            }
            indicators_[ind.key()] = std::move(info);
        }
    }

    void merge_observations(const std::vector<Observation>& observations) {
        SQLite::Statement q(db_,
                            "INSERT INTO observations(indicator_id, region_id, as_of, level, value, count, at_least, "
                            "source, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                            "ON CONFLICT(indicator_id, region_id, level, as_of) DO UPDATE SET value = excluded.value, "
                            "count = excluded.count, at_least = excluded.at_least, source = excluded.source, "
                            "note = excluded.note WHERE value IS NOT excluded.value OR count IS NOT excluded.count OR "
                            "at_least IS NOT excluded.at_least OR source IS NOT excluded.source OR "
                            "note IS NOT excluded.note");
        SQLite::Statement series(db_,
                                 "INSERT OR IGNORE INTO observation_series(indicator_id, region_id, level) "
                                 "VALUES (?, ?, ?)");
        std::set<std::tuple<std::string, std::int64_t, std::string, std::string>> seen;
        for (std::size_t i = 0; i < observations.size(); ++i) {
            const auto& o = observations[i];
            const auto where = at("observations", i);
            const auto it = indicators_.find(o.indicator());
            if (it == indicators_.end()) fail_at(where, "indicator", "unknown indicator " + quote(o.indicator()));
            const auto& ind = it->second;
            const auto& region = regions_.resolve(o.region(), where, "region");
            check_dated(ind.period, o.as_of(), where, "as_of", "indicator " + o.indicator());
            check_dated(region.period, o.as_of(), where, "as_of", "region " + region.code);
            const auto& v = o.value();
            if (ind.kind == IndicatorKind::ordinal) {
                if (v.level.empty()) fail_at(where, "level", "indicator " + o.indicator() + " is ordinal: a level is required");
                if (std::find(ind.levels.begin(), ind.levels.end(), v.level) == ind.levels.end())
                    fail_at(where, "level", "unknown level " + quote(v.level) + " of indicator " + o.indicator());
                if (v.count) {
                    if (region.kind == RegionKind::municipality)
                        fail_at(where, "count", "a count of municipalities needs a region above a municipality, got " +
                                                    region.code);
                    const auto total = regions_.municipalities_in(region.id);
                    if (total > 0 && static_cast<std::size_t>(*v.count) > total)
                        fail_at(where, "count", std::to_string(*v.count) + " exceeds the " + std::to_string(total) +
                                                    " municipalities of " + region.code);
                }
            } else {
                if (!v.level.empty())
                    fail_at(where, "level", "indicator " + o.indicator() + " is a " +
                                                std::string(to_string(ind.kind)) + ": use value, not level");
                if (ind.kind == IndicatorKind::count && v.value &&
                    (*v.value < 0 || std::floor(*v.value) != *v.value || *v.value > 9007199254740992.0))
                    fail_at(where, "value", "indicator " + o.indicator() + " counts: expected a whole number from 0 to 2^53");
            }
            if (!seen.emplace(o.indicator(), region.id, v.level, o.as_of().iso()).second)
                fail_at(where, "as_of", "a second observation of " + o.indicator() + " for " + region.code + " on " +
                                            o.as_of().iso());
            q.bind(1, ind.id);
            q.bind(2, region.id);
            q.bind(3, o.as_of().iso());
            q.bind(4, v.level);
            if (v.value) q.bind(5, *v.value); else q.bind(5);
            if (v.count) q.bind(6, *v.count); else q.bind(6);
            q.bind(7, v.at_least ? 1 : 0);
            q.bind(8, o.source());
            q.bind(9, o.note());
            summary_.observations_written += static_cast<std::size_t>(q.exec());
            q.reset();
            series.bind(1, ind.id);
            series.bind(2, region.id);
            series.bind(3, v.level);
            series.exec();
            series.reset();
        }
    }

    void merge_contacts(const std::vector<Contact>& contacts) {
        SQLite::Statement q(db_,
                            "INSERT INTO contacts(municipality_id, role, name, email) VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT(municipality_id, role, name) DO UPDATE SET email = excluded.email "
                            "WHERE email IS NOT excluded.email");
        std::set<std::tuple<std::int64_t, std::string, std::string>> seen;
        for (std::size_t i = 0; i < contacts.size(); ++i) {
            const auto& c = contacts[i];
            const auto where = at("contacts", i);
            const auto& m = regions_.resolve(c.municipality(), where, "municipality");
            if (m.kind != RegionKind::municipality)
                fail_at(where, "municipality", m.code + " is a " + std::string(to_string(m.kind)) + ", not a municipality");
            if (!seen.emplace(m.id, c.role(), c.name()).second)
                fail_at(where, "name", "duplicate contact " + quote(c.name()) + " for " + m.code);
            q.bind(1, m.id);
            q.bind(2, c.role());
            q.bind(3, c.name());
            q.bind(4, c.email());
            summary_.contacts_written += static_cast<std::size_t>(q.exec());
            q.reset();
        }
    }

    SQLite::Database& db_;
    RegionIndex regions_;
    KeyIndex themes_, states_, meetings_, actions_, proposals_;
    std::map<std::string, IndicatorInfo, std::less<>> indicators_;
    std::optional<SQLite::Statement> insert_due_change_;
    std::optional<SQLite::Statement> meeting_date_, latest_decision_, tabled_of_, insert_decision_;
    std::map<std::int64_t, Period> state_periods_;
    std::string auto_noted_;  // computed on first use
    MergeSummary summary_;
};

}  // namespace

MergeSummary Store::merge(const Dataset& data) {
    return detail::translate_storage_errors("merge", [&] {
        SQLite::Transaction tx(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
        auto summary = Merger(impl_->db).run(data);
        tx.commit();
        return summary;
    });
}

}  // namespace actielijst
