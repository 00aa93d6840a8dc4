// The shipped CBS region reference as text (data/regions/cbs-regions.csv, compiled in).
#pragma once

#include <string_view>

namespace actielijst::detail {

/// The CSV `code,name,kind,parent,since,until`, one row per region, parents first.
std::string_view cbs_regions_csv() noexcept;

/// The years whose 1 January division the CSV holds, and its source in words.
inline constexpr int cbs_first_year = 2018;
inline constexpr int cbs_last_year = 2026;
inline constexpr std::string_view cbs_source =
    "CBS, Gebieden in Nederland 2018-2026 (gemeentelijke indeling per 1 januari 2026; mergers since "
    "1 January 2018), CC BY 4.0";

}  // namespace actielijst::detail
