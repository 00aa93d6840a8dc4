// The state of one Store::merge: indexes of what is stored plus what the dataset
// brings, and the Merger that writes a Dataset entity by entity. Its methods live
// with their entity: merge.cpp (the transaction, vocabulary, meetings), regions.cpp,
// actions.cpp (action points and due dates), history.cpp (states of affairs,
// proposals and decisions), monitoring.cpp (indicators, observations, contacts).
#pragma once

#include "store/hints.hpp"
#include "store/impl.hpp"
#include "util/check.hpp"

#include <actielijst/period.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace actielijst::detail::merging {

inline std::string at(const char* list, std::size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; }

[[noreturn]] inline void fail_at(const std::string& where, const char* field, const std::string& what,
                                 Errc code = Errc::invalid) {
    throw Error(code, where + "." + field, what);
}

/// The list positions of the rows a merge inserts into a table, after the stored
/// ones. The store is asked only when the first row is inserted, so a merge that
/// inserts none (one state of affairs, one meeting) never reads the table.
class NextPosition {
public:
    /// `sql` gives the largest stored position (NULL for an empty table).
    NextPosition(SQLite::Database& db, std::string sql) : db_(db), sql_(std::move(sql)) {}
    /// For a small table (meta, themes, regions, states, indicators): max() over it.
    static NextPosition of(SQLite::Database& db, const char* table) {
        return NextPosition(db, std::string("SELECT max(position) FROM ") + table);
    }
    /// Actions are many: the largest position is found per theme, each one descent of
    /// actions_in_order (theme_id, position), so the cost follows the number of themes.
    static NextPosition of_actions(SQLite::Database& db) {
        return NextPosition(db, "SELECT max((SELECT a.position FROM actions a WHERE a.theme_id = t.id "
                                "ORDER BY a.position DESC LIMIT 1)) FROM themes t");
    }
    std::int64_t take() {
        if (!next_) {
            SQLite::Statement q(db_, sql_);
            q.executeStep();
            next_ = q.getColumn(0).isNull() ? 0 : q.getColumn(0).getInt64() + 1;
        }
        return (*next_)++;
    }

private:
    SQLite::Database& db_;
    std::string sql_;
    std::optional<std::int64_t> next_;
};

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

inline std::optional<Date> optional_date_column(SQLite::Statement& q, int column) {
    if (q.getColumn(column).isNull()) return std::nullopt;
    return Date::parse(q.getColumn(column).getString(), "date");
}

/// The words for "on the list from .. until ..", for errors.
inline std::string describe(const Period& p) {
    if (p.since && p.until) return "from " + p.since->iso() + " until " + p.until->iso();
    if (p.since) return "from " + p.since->iso();
    if (p.until) return "until " + p.until->iso();
    return "always";
}

/// Regions by id, code and folded name, kept current as the merge writes regions.
class RegionIndex {
public:
    explicit RegionIndex(SQLite::Database& db) : db_(db) {
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
        if (it == names_.end() || it->second.empty())
            fail_at(where, field, "unknown region " + detail::quote(ref) + region_hint(db_, ref));
        if (it->second.size() > 1) {
            std::string codes;
            for (auto id : it->second) codes += (codes.empty() ? "" : ", ") + by_id(id)->code;
            fail_at(where, field, "region name " + detail::quote(ref) + " is ambiguous (" + codes + "): use the code");
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
    SQLite::Database& db_;  // for the hint of an unknown region only
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
        if (!id) fail_at(where, field, std::string("unknown ") + what + " " + detail::quote(key) + hint(index, key));
        return *id;
    }
    /// The stored keys of `index`'s table close to `key`, for an unknown key's error.
    std::string hint(const KeyIndex& index, const std::string& key) {
        const std::pair<const KeyIndex*, KeyTable> tables[] = {{&themes_, KeyTable::themes},
                                                               {&states_, KeyTable::states},
                                                               {&meetings_, KeyTable::meetings},
                                                               {&actions_, KeyTable::actions},
                                                               {&proposals_, KeyTable::proposals}};
        for (const auto& [of, table] : tables)
            if (of == &index) return key_hint(db_, table, key);
        return {};
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
                              const std::string& what);

    /// A record dated `date` about a definition that is on the list during `p`.
    static void check_dated(const Period& p, const Date& date, const std::string& where, const char* field,
                            const std::string& what) {
        if (!p.contains(date))
            fail_at(where, field, what + " is part of the list " + describe(p) + ", not on " + date.iso());
    }

    /// A region is part of the list only while its parent is.
    void check_region_periods();

    /// The period of a stored (or just merged) state.
    const Period& state_period(std::int64_t id);

    static void bind_id(SQLite::Statement& q, int index, std::optional<std::int64_t> id) {
        if (id)
            q.bind(index, *id);
        else
            q.bind(index);
    }
    /// Inserts a row keyed by `key` or updates it in place; counts new keys.
    std::int64_t upsert(KeyIndex& index, const std::string& key, SQLite::Statement& insert,
                        SQLite::Statement& update);

    void merge_meta(const std::vector<MetaEntry>& meta);

    void merge_themes(const std::vector<Theme>& themes);

    void merge_regions(const std::vector<Region>& regions);

    /// A stored "count of municipalities at a level" must still fit its region once
    /// the region's municipalities are known: moving or re-kinding municipalities may
    /// not make an earlier statement impossible (an export could not be imported back).
    void check_stored_counts();

    /// A region's kind may change only when nothing stored depends on the old kind.
    void check_kind_change(const RegionInfo& old, RegionKind kind, const std::string& where);

    void merge_states(const std::vector<ProgressState>& states);

    /// Meetings are upserted by key, but a stored meeting keeps its date: what was
    /// recorded at it is dated by it, so a second meeting under the same key on
    /// another date is a conflict, not a move.
    void merge_meetings(const std::vector<Meeting>& meetings);

    /// The date of a stored (or just merged) meeting.
    std::string meeting_date(std::int64_t id);

    void merge_actions(const std::vector<ActionPoint>& actions, const Dataset& d);

    /// The date an automatic due-date change is noted on: the dataset's `meta.as_of`
    /// when it is a valid date, otherwise today (UTC).
    const std::string& auto_noted(const std::vector<MetaEntry>& meta);

    void append_due_change(std::int64_t action, const std::string& from, const std::string& to,
                           const std::string& noted);

    /// Listed due-date changes, after the actions so that they may belong to an
    /// action the same dataset creates. A set union: identical stored ones are skipped.
    void merge_due_changes(const std::vector<DueChange>& changes);

    void merge_updates(const std::vector<StatusUpdate>& updates);

    /// The state of a stored proposal after all its decisions, with the date of the
    /// latest; open (and no date) when it has none.
    std::pair<ProposalState, std::string> latest_decision(std::int64_t proposal);

    /// Appends one decision unless an identical one is stored; checks that it is not
    /// dated before the proposal was tabled. Returns whether it was appended.
    bool append_decision(std::int64_t proposal, const std::string& key, ProposalState state, const std::string& date,
                         std::optional<std::int64_t> meeting, const std::string& text, const std::string& where);

    /// Proposals are upserted by key: action, text and kind are definitions, the date
    /// and meeting it was tabled at are kept once known. Its state is history: a
    /// proposal whose decisions are not listed in the dataset gets one decision
    /// appended when its `state` differs from the stored one, dated `decided` (or the
    /// date the document is known from).
    void merge_proposals(const std::vector<Proposal>& proposals, const Dataset& d);

    /// Listed decisions, after the proposals so that they may belong to one the same
    /// dataset creates. A set union: identical stored ones are skipped.
    void merge_proposal_events(const Dataset& d);

    /// A proposal that lists its decisions must agree with them: its `state` is the
    /// state of its latest decision (stored ones included).
    void check_proposal_states(const std::vector<Proposal>& proposals, const std::vector<ProposalEvent>& events);

    void merge_indicators(const std::vector<Indicator>& indicators);

    void merge_observations(const std::vector<Observation>& observations);

    void merge_contacts(const std::vector<Contact>& contacts);

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

}  // namespace actielijst::detail::merging
