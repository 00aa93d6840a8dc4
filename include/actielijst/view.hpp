/// \file
/// actielijst — an immutable, in-memory picture of an action list exactly as it
/// stood on one date: the definitions on the list then, the current status of every
/// (action, scope), the proposals in their state on that date, the meetings held by
/// then, and each region's latest observations. Rules and reports read a View, never
/// the store. A View may be shared between threads.
#pragma once

#include <actielijst/dataset.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst {

/// How far an ordinal indicator has got in a region, for "4 van de 8 gemeenten".
/// Municipal detail and region-level statements are kept apart, because a source
/// may give one without the other; nothing is inferred from one for the other.
struct Rollup {
    std::size_t municipalities = 0;   ///< municipalities in the region
    std::size_t known_at_or_above = 0;  ///< of those, observed at `level` or higher
    std::size_t known = 0;            ///< of those, with any observation
    /// The region's own latest statement "count municipalities at level or higher", if any.
    std::optional<std::int64_t> reported;
    std::optional<Date> reported_as_of;  ///< the date of that statement; unset when there is none
    /// Equal when every field is equal.
    friend bool operator==(const Rollup&, const Rollup&) = default;
};

/// An action on the list that a scoped View's actions refer to ("see also") but that
/// its selection left out: enough to name it and to tell whether it is closed.
struct ReferencedAction {
    std::string key;          ///< key of the action point
    std::string title;        ///< its title
    bool all_closed = false;  ///< it has states of affairs, all in a done or dropped state
    /// Equal when every field is equal.
    friend bool operator==(const ReferencedAction&, const ReferencedAction&) = default;
};

// DueChange (one change of an action's due date) is defined in dataset.hpp, which
// also carries it for JSON exchange and Store::merge.

/// The raw contents of a View. Store::view fills it from the database; tests and
/// other tools may fill it by hand.
struct ViewData {
    Date as_of{1970, 1, 1};              ///< the date the View describes
    std::vector<MetaEntry> meta;         ///< free-form description of the list
    std::vector<Theme> themes;           ///< display order
    std::vector<Region> regions;         ///< parents before children
    std::vector<ProgressState> states;   ///< display order
    std::vector<Meeting> meetings;       ///< held on or before as_of, by date
    std::vector<ActionPoint> actions;    ///< display order: theme order, then list order
    std::vector<StatusUpdate> statuses;  ///< current per (action, scope), in action order
    std::vector<Proposal> proposals;     ///< tabled on or before as_of, in their state then
    std::vector<Indicator> indicators;   ///< the monitoring indicators on the list on as_of
    /// Per indicator and region the latest observation without a count (its level or
    /// figure), and the latest count per level.
    std::vector<Observation> observations;
    /// Due-date changes noted at or before as_of, by action, then date. Store::view
    /// gives each action only its latest one (the change that set the due date valid
    /// on as_of), so a view does not grow with the length of history; a hand-made
    /// ViewData may list them all.
    std::vector<DueChange> due_changes;
    /// How often each action's due date moved up to as_of (actions without moves may
    /// be absent). Unset: counted from `due_changes`.
    std::optional<std::map<std::string, int, std::less<>>> due_moves;
    /// The filter that selected `actions` (Store::view(date, filter)); empty for the
    /// whole list.
    std::string selection;
    /// Actions outside the selection that the selected ones refer to, by key.
    std::vector<ReferencedAction> referenced;
};

/// The list exactly as it stood on one date (as_of()): an immutable, in-memory picture
/// holding what a question needs — the definitions on the list then, the current
/// state of affairs of every (action, scope), the proposals in their state on that
/// date, the due dates valid then, the meetings held by then and each region's
/// latest observations. Store::view() makes one, load_snapshot() reads one back;
/// one from Store::view() equals the View of a store that only ever received the
/// data up to that date. Rules, reports, diff() and the decision list read a View,
/// never the store. A scoped View (Store::view(date, filter)) holds only the
/// selected action points. Immutable, so it may be shared between threads.
class View {
public:
    /// Checks that every reference inside `data` resolves (theme, region, state,
    /// action, indicator), that nothing is dated after `as_of` (statuses, meetings,
    /// tablings, decisions, observations, due-date changes, the `since` of
    /// definitions) and that no definition left the list by then; throws
    /// Error(Errc::invalid) naming the entry otherwise.
    explicit View(ViewData data);

    /// The date it describes: everything in it is as it stood on that day.
    const Date& as_of() const noexcept { return data_.as_of; }
    /// Free-form description of the list (title, source, ...).
    const std::vector<MetaEntry>& meta() const noexcept { return data_.meta; }
    /// The themes, in display order.
    const std::vector<Theme>& themes() const noexcept { return data_.themes; }
    /// The regions on the list on as_of(), parents before children.
    const std::vector<Region>& regions() const noexcept { return data_.regions; }
    /// The progress states, in display order.
    const std::vector<ProgressState>& states() const noexcept { return data_.states; }
    /// The meetings held on or before as_of(), by date.
    const std::vector<Meeting>& meetings() const noexcept { return data_.meetings; }
    /// The action points on the list on as_of() (for a scoped View, those selected),
    /// in display order: theme order, then list order.
    const std::vector<ActionPoint>& actions() const noexcept { return data_.actions; }
    /// The current state of affairs of every (action, scope) that has one, in action order.
    const std::vector<StatusUpdate>& statuses() const noexcept { return data_.statuses; }
    /// The proposals tabled on or before as_of(), each in its state on that date.
    const std::vector<Proposal>& proposals() const noexcept { return data_.proposals; }
    /// The monitoring indicators on the list.
    const std::vector<Indicator>& indicators() const noexcept { return data_.indicators; }
    /// Per indicator and region the latest observation on or before as_of() (see
    /// ViewData::observations).
    const std::vector<Observation>& observations() const noexcept { return data_.observations; }
    /// Due-date changes noted on or before as_of(), by action, then date (from
    /// Store::view: only the latest per action).
    const std::vector<DueChange>& due_changes() const noexcept { return data_.due_changes; }
    /// The filter text of a scoped View (Store::view(date, filter)); empty when the View
    /// holds the whole list.
    const std::string& selection() const noexcept { return data_.selection; }
    /// Actions on the list outside a scoped View's selection that its actions refer to.
    const std::vector<ReferencedAction>& referenced() const noexcept { return data_.referenced; }
    /// The action outside the selection with `key`, or nullptr when it is not one of
    /// referenced().
    const ReferencedAction* referenced(std::string_view key) const noexcept;

    /// The theme with `key`, or nullptr when absent. Like the other lookups, the pointer
    /// stays valid as long as the View.
    const Theme* theme(std::string_view key) const noexcept;
    /// The region with `code` (a code, not an alias), or nullptr when absent.
    const Region* region(std::string_view code) const noexcept;
    /// The progress state with `key`, or nullptr when absent.
    const ProgressState* state(std::string_view key) const noexcept;
    /// The action point with `key` among actions(), or nullptr when absent.
    const ActionPoint* action(std::string_view key) const noexcept;
    /// The indicator with `key`, or nullptr when absent.
    const Indicator* indicator(std::string_view key) const noexcept;
    /// The current status of (action, scope), or nullptr when it has none at as_of().
    const StatusUpdate* status(std::string_view action, std::string_view scope) const noexcept;
    /// The current statuses of one action, in the order of statuses().
    std::vector<const StatusUpdate*> statuses_of(std::string_view action) const;
    /// How often the due date of `action` moved: changes from one date to another
    /// (setting a first due date or removing it is not a move); 0 for an unknown action.
    int due_moves(std::string_view action) const noexcept;
    /// How often the due date moved, per action that has moves.
    const std::map<std::string, int, std::less<>>& due_moves() const noexcept { return due_moves_; }
    /// Codes of the municipalities inside `region` (itself when it is one).
    std::vector<std::string> municipalities_in(std::string_view region) const;
    /// The rollup of an ordinal indicator over the municipalities of `region` at
    /// `level`. A municipality counts as at or above `level` when its latest
    /// observation is at a level at least as high; an "at least" observation counts
    /// only when its lower bound already reaches `level`. Throws Error(Errc::not_found)
    /// for an unknown indicator, region or level, Error(Errc::invalid) for a
    /// non-ordinal indicator.
    Rollup rollup(std::string_view indicator, std::string_view region, std::string_view level) const;

private:
    template <class T>
    using Index = std::map<std::string, std::size_t, std::less<>>;

    ViewData data_;
    Index<Theme> themes_;
    Index<Region> regions_;
    Index<ProgressState> states_;
    Index<ActionPoint> actions_;
    Index<Indicator> indicators_;
    /// Orders (action, scope) pairs of strings and of string views alike, so a lookup
    /// needs no allocation.
    struct PairLess {
        using is_transparent = void;  ///< lets the map be searched with string views
        template <class A, class B>
        /// Orders by action, then by scope.
        bool operator()(const A& a, const B& b) const noexcept {
            const std::string_view a1 = a.first, b1 = b.first;
            if (a1 != b1) return a1 < b1;
            return std::string_view(a.second) < std::string_view(b.second);
        }
    };
    std::map<std::pair<std::string, std::string>, std::size_t, PairLess> statuses_;
    std::map<std::string, int, std::less<>> due_moves_;
};

}  // namespace actielijst
