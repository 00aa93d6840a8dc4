// Deterministic generator of a national-scale action list for the store benchmark.
// Same arguments, same Dataset, on every machine: a fixed seed and a counter-based
// PRNG (splitmix64), no clock, no file input. The shape is described in
// docs/benchmarks.md ("Data shape").
#pragma once

#include <actielijst/dataset.hpp>
#include <actielijst/date.hpp>

#include <cstddef>
#include <cstdint>
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

}  // namespace bench
