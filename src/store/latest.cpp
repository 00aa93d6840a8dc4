// Which observations stand on a date, shared by the store's views and by snapshots
// of the format before a region held one level at a time.
#include "store/latest.hpp"

#include <map>
#include <string_view>

namespace actielijst::detail {

/// A region is at one level at a time: of its own observations (those without a
/// count) only the latest stands, whatever its level; a superseded level is history.
/// Counts ("4 of 8 at adopted or higher") are statements per level and all stand.
/// Two levels on one date contradict each other; the one whose key sorts last is
/// kept, so the choice is at least deterministic.
std::vector<Observation> latest_per_region(std::vector<Observation> all) {
    std::map<std::pair<std::string_view, std::string_view>, std::size_t> latest;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto& o = all[i];
        if (o.value().count) continue;
        const auto [it, fresh] = latest.try_emplace({o.indicator(), o.region()}, i);
        if (!fresh && all[it->second].as_of() <= o.as_of()) it->second = i;
    }
    // Decided before anything moves: the keys above view the strings of `all`.
    std::vector<bool> keep(all.size(), true);
    for (std::size_t i = 0; i < all.size(); ++i)
        if (!all[i].value().count) keep[i] = latest.at({all[i].indicator(), all[i].region()}) == i;
    std::vector<Observation> out;
    out.reserve(all.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        if (keep[i]) out.push_back(std::move(all[i]));
    return out;
}

}  // namespace actielijst::detail
