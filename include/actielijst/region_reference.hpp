/// \file
/// actielijst — the official CBS region reference of the Netherlands, shipped inside
/// the library: every province (PVxx), COROP region (CRxx) and municipality (GMxxxx)
/// with its code and name, and the municipal mergers since 1 January 2018 with the
/// dates they took effect. A new province's list is set up from it in one call
/// (Store::add_province_regions; CLI `init --province PV30`). The data and its
/// sources: data/regions/README.md.
#pragma once

#include <actielijst/region.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst {

/// What the shipped reference covers.
struct RegionReferenceInfo {
    /// The municipal divisions it holds: those of 1 January of each year from
    /// first_year to last_year (mergers between them carry their own dates).
    int first_year = 0;
    int last_year = 0;   ///< the last year whose division it holds (see first_year)
    std::string source;  ///< the publisher and tables, in words
};

/// The shipped reference's coverage and source.
const RegionReferenceInfo& region_reference_info();

/// Every province of the reference, by code (kind province, no parent).
std::vector<Region> reference_provinces();

/// The regions of one province as a list that starts on 1 January of `year` (unset:
/// the reference's last year) needs them: the province, its COROP regions and every
/// municipality that exists on that date or is formed later, parents first, each by
/// code. A municipality that existed on that date has no `since`; one formed later
/// has the date of its merger as `since`; one dissolved later has it as `until`, so a
/// list that spans the merger keeps the history of both. `province` is a code or a
/// name (case-insensitive). Errors: Errc::not_found for a province the reference
/// does not hold (the message names the valid codes); Errc::invalid for a year
/// outside [first_year, last_year].
std::vector<Region> reference_regions(std::string_view province, std::optional<int> year = std::nullopt);

}  // namespace actielijst
