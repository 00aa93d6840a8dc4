/// \file
/// actielijst — the dates between which something is part of an action list: an
/// action point, a region, a progress state or an indicator.
#pragma once

#include <actielijst/date.hpp>

#include <optional>
#include <string_view>

namespace actielijst {

/// From `since` (unset: from the start) up to, not including, `until` (unset: still).
struct Period {
    std::optional<Date> since;  ///< first day inside; unset: from the start
    std::optional<Date> until;  ///< first day no longer inside; unset: still

    /// Whether `date` lies in the period.
    bool contains(const Date& date) const noexcept {
        return (!since || *since <= date) && (!until || date < *until);
    }
    /// Whether `other` lies wholly inside this period.
    bool covers(const Period& other) const noexcept {
        const bool starts_inside = !since || (other.since && *since <= *other.since);
        const bool ends_inside = !until || (other.until && *other.until <= *until);
        return starts_inside && ends_inside;
    }
    /// Equal when both bounds are equal.
    friend bool operator==(const Period&, const Period&) = default;
};

/// Throws Error(Errc::invalid) naming `field` ("until") when `until` is not after `since`.
void check_period(const Period& period, std::string_view what);

}  // namespace actielijst
