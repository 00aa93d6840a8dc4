#include <actielijst/period.hpp>

#include "util/check.hpp"

namespace actielijst {

void check_period(const Period& period, std::string_view what) {
    if (period.since && period.until && *period.until <= *period.since)
        detail::fail("until", std::string(what) + " leaves the list on " + period.until->iso() +
                                  ", which is not after it joined on " + period.since->iso());
}

}  // namespace actielijst
