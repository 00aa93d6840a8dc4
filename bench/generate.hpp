// Deterministic generator of a national-scale action list for the store benchmark.
// Same arguments, same Dataset, on every machine: a fixed seed and a counter-based
// PRNG (splitmix64), no clock, no file input. The shape is described in
// docs/benchmarks.md ("Data shape").
#pragma once

#include <actielijst/dataset.hpp>
#include <actielijst/date.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bench {

inline constexpr std::uint64_t default_seed = 0x5EED'AC71'E11A'2023ULL;

/// Scopes an action can have: the 3 COROP regions and the 31 municipalities of Limburg.
inline constexpr std::size_t scope_count = 34;
/// Updates of pair (action, scope) number k fall in block k of `block_days` days
/// starting at `first_day()`; meeting k closes block k.
inline constexpr int block_days = 28;
/// Meetings generated (so history up to this many updates per pair has a meeting each).
inline constexpr std::size_t meeting_count = 30;

actielijst::Date first_day();
/// A date after every generated update (for up to meeting_count updates per pair).
actielijst::Date after_all();
/// The middle of a history of `updates_per_pair` blocks.
actielijst::Date middle(std::size_t updates_per_pair);

/// Definitions only: meta, 4 themes, the 35 Limburg regions, the 8 default states,
/// `meeting_count` meetings and `actions` action points (one scope each).
actielijst::Dataset definitions(std::size_t actions, std::uint64_t seed = default_seed);

/// Status updates number [from, to) of every (action, scope) pair, action by action.
/// Update k of a pair depends only on (seed, action, k), so generating [0, 3) and then
/// [3, 10) gives the same rows as generating [0, 10).
std::vector<actielijst::StatusUpdate> updates(std::size_t actions, std::size_t from, std::size_t to,
                                              std::uint64_t seed = default_seed);

/// definitions(actions) plus updates(actions, 0, updates_per_pair).
actielijst::Dataset generate(std::size_t actions, std::size_t updates_per_pair, std::uint64_t seed = default_seed);

// ---- data for the rules benchmark (bench_rules) ---------------------------------
// An action list on which every default rule (rules/default.rules) has work to do and
// fires now and then. The shape is described in docs/benchmarks.md ("Rules").

/// What rules_data() generates besides the Dataset.
struct RulesData {
    actielijst::Dataset dataset;
    /// The View date the data is shaped for: 2023-03-01 (meetings SG-01 … SG-28 lie
    /// before it, SG-29 and SG-30 after it).
    actielijst::Date as_of{2023, 3, 1};
    /// Due-date changes, by action, then noted date; some are noted after `as_of`.
    /// Kept apart from `dataset`, so that they can be put into a View by hand.
    std::vector<actielijst::DueChange> due_changes;
    /// References to actions that do not exist, per action index (the store refuses
    /// them, so they can only be put into a View by hand); empty for most actions.
    std::vector<std::vector<std::string>> dangling_refs;
};

/// `actions` action points with the same keys, themes, titles, owners, due dates and
/// references as definitions(actions), but each with `scopes` scope regions (1 … 34: the
/// COROP regions and municipalities, a window of them starting at the action's
/// single scope in definitions(); all 34 when `scopes` is 34). Plus at most one
/// status update per (action, scope) pair, dated at or before `as_of`, some status
/// updates for the province outside the scope, proposals, two ordinal indicators and
/// one count indicator with observations per municipality, due-date changes and
/// dangling references.
RulesData rules_data(std::size_t actions, std::size_t scopes = scope_count, std::uint64_t seed = default_seed);

}  // namespace bench
