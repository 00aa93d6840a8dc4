// Per-evaluation indexes over a View: everything the rules read, by integer index,
// built once per evaluate() in time linear in the View (and only the parts the
// rules need), so that evaluating an item never searches the View.
#pragma once

#include "rules/ast.hpp"

#include <actielijst/view.hpp>

#include <cstdint>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace actielijst::rules {

inline constexpr std::int64_t no_date = std::numeric_limits<std::int64_t>::min();

/// One current status, resolved to indexes.
struct StatusRow {
    std::int32_t region = -1;
    std::int32_t state = -1;
    std::int64_t days = 0;      // its as-of date
    std::uint32_t status = 0;   // index into View::statuses()
};

struct ActionStats {
    std::int64_t last_update = no_date;
    std::uint32_t count = 0;
    std::uint32_t todo = 0;
    std::uint32_t closed = 0;
};

/// What the functions of one indicator read, per region (View order).
struct IndicatorTable {
    const Indicator* indicator = nullptr;
    std::vector<std::int64_t> last_own;  // latest date of the region's own observations
    std::vector<std::uint8_t> observed;  // the region or a municipality in it observed
    std::vector<std::int32_t> rank;      // municipalities: level rank at the latest date, -1 none
    std::vector<std::uint8_t> data;      // the region's own count, or a municipality in it observed
    bool anywhere = false;               // observed in some region of the View
};

/// coverage / at_or_above of one (indicator, level), per region.
struct LevelTable {
    std::int32_t rank = -1;
    std::vector<std::uint32_t> known;        // municipalities with any level observation
    std::vector<std::uint32_t> at_or_above;  // of those, at the level or higher
    std::vector<std::int64_t> reported;      // the region's own count at the level, -1 none
    std::vector<std::int64_t> reported_on;
};

class Index {
public:
    /// `view` must pass the program's vocabulary check (RuleSet::check) first.
    Index(const View& view, const Program& prog);

    const View& view;
    const std::int64_t as_of;

    std::int32_t region_of(std::string_view code) const noexcept { return find(regions_, code); }
    std::int32_t action_of(std::string_view key) const noexcept { return find(actions_, key); }

    // Regions, in View order.
    std::vector<std::int32_t> parent;           // -1 for a province
    std::vector<std::uint32_t> municipalities;  // municipalities inside (1 for a municipality)

    // Statuses grouped by action: rows[row_begin[a], row_begin[a + 1]).
    std::vector<StatusRow> rows;
    std::vector<std::uint32_t> row_begin;
    std::vector<ActionStats> stats;
    std::vector<std::uint8_t> closed_state;  // per state: done or dropped

    // Proposals per action.
    std::vector<std::uint32_t> open;
    std::vector<std::uint32_t> adopted;
    std::vector<std::uint32_t> agenda;
    std::vector<std::int32_t> agenda_proposal;  // the proposal that decided `agenda`, -1 none

    // A region's own current observations.
    std::vector<std::uint32_t> own_observations;
    std::vector<std::int64_t> stalest;

    std::vector<IndicatorTable> indicators;  // per Program::indicators slot
    std::vector<LevelTable> levels;          // per Program::levels slot

    // lowest_progress and progress_unknown per region.
    struct Progress {
        std::int64_t top = -1;  // the lowest coverage's numerator; -1: unset
        std::uint32_t of = 0;   // and its denominator
        const Indicator* indicator = nullptr;
        std::int64_t reported_on = no_date;  // when the numerator is a reported count
    };
    std::vector<Progress> lowest;
    std::vector<std::uint32_t> unknown_begin;  // progress_unknown of region r: unknown[unknown_begin[r], ...[r + 1])
    std::vector<std::string_view> unknown;

    /// Meetings dated after `after` up to as_of.
    std::uint32_t meetings_after(std::int64_t after) const noexcept;
    /// Meetings dated from `from` (inclusive) up to as_of.
    std::uint32_t meetings_from(std::int64_t from) const noexcept;

private:
    using Map = std::unordered_map<std::string_view, std::int32_t>;
    static std::int32_t find(const Map& map, std::string_view key) noexcept {
        const auto it = map.find(key);
        return it == map.end() ? -1 : it->second;
    }
    void index_actions();
    void group_statuses();
    void count_proposals();
    void count_observations();
    void build_indicators(const Program& prog);
    void build_progress();
    IndicatorTable indicator_table(const Indicator* indicator) const;
    LevelTable level_table(const IndicatorTable& table, std::string_view level) const;

    Map regions_;
    Map actions_;
    std::vector<std::int64_t> meeting_days_;  // sorted
};

}  // namespace actielijst::rules
