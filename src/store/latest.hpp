// Which observations stand on a date.
#pragma once

#include <actielijst/indicator.hpp>

#include <vector>

namespace actielijst::detail {

/// Of the latest observations per (indicator, region, level), those that stand: per
/// indicator and region the latest without a count (a later level supersedes an
/// earlier one), and every count (a statement per level). Order is kept.
std::vector<Observation> latest_per_region(std::vector<Observation> all);

}  // namespace actielijst::detail
