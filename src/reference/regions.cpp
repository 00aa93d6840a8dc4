// The CBS region reference: the compiled-in CSV read once into Regions, and the
// regions of one province as a list starting on a given 1 January needs them.
#include <actielijst/error.hpp>
#include <actielijst/region_reference.hpp>

#include "forms/sheet.hpp"
#include "reference/cbs_regions.hpp"
#include "util/check.hpp"

#include <set>

namespace actielijst {
namespace {

std::optional<Date> optional_date(const std::string& text, const std::string& where) {
    if (text.empty()) return std::nullopt;
    return Date::parse(text, where);
}

/// Parses the compiled-in CSV into regions with their full periods (since/until as
/// CBS gives them, not yet cut to a list's start). A mistake in it is a build defect (the data is
/// checked by tests/regions/check_reference.py); it still ends in a clear Error.
std::vector<Region> parse_reference() {
    const auto book = forms::read_csv(detail::cbs_regions_csv(), "cbs-regions.csv");
    const auto& rows = book.sheets.at(0).rows;
    std::vector<Region> out;
    out.reserve(rows.size());
    for (std::size_t i = 1; i < rows.size(); ++i) {  // row 0 is the header
        const auto& r = rows[i];
        const auto where = "cbs-regions.csv:" + std::to_string(r.number);
        const auto cell = [&](std::uint32_t column) -> const std::string& { return r.at(column).text; };
        Period period{optional_date(cell(5), where + ": since"), optional_date(cell(6), where + ": until")};
        out.emplace_back(cell(1), cell(2), parse_region_kind(cell(3), where + ": kind"), cell(4), std::vector<std::string>{},
                         period);
    }
    return out;
}

const std::vector<Region>& reference() {
    static const std::vector<Region> regions = parse_reference();
    return regions;
}

const Region& find_province(std::string_view wanted) {
    const auto folded = detail::fold_case(wanted);
    std::string known;
    for (const auto& r : reference()) {
        if (r.kind() != RegionKind::province) continue;
        if (detail::fold_case(r.code()) == folded || detail::fold_case(r.name()) == folded) return r;
        known += (known.empty() ? "" : ", ") + r.code() + " " + r.name();
    }
    throw Error(Errc::not_found, "province", "" + detail::quote(wanted) +
                                     " is not a province of the CBS region reference; the provinces are " + known);
}

}  // namespace

const RegionReferenceInfo& region_reference_info() {
    static const RegionReferenceInfo info{detail::cbs_first_year, detail::cbs_last_year,
                                          std::string(detail::cbs_source)};
    return info;
}

std::vector<Region> reference_provinces() {
    std::vector<Region> out;
    for (const auto& r : reference())
        if (r.kind() == RegionKind::province) out.push_back(r);
    return out;
}

std::vector<Region> reference_regions(std::string_view province, std::optional<int> year) {
    const auto& info = region_reference_info();
    const int y = year.value_or(info.last_year);
    if (y < info.first_year || y > info.last_year)
        throw Error(Errc::invalid, "year", "the CBS region reference holds the municipal divisions of " +
                                       std::to_string(info.first_year) + " to " + std::to_string(info.last_year) +
                                       ", not " + std::to_string(y));
    const Region& root = find_province(province);
    const Date start(y, 1, 1);
    // Parents come before their children in the CSV, so one pass finds every
    // region under the province by its parent's membership.
    std::set<std::string, std::less<>> inside{root.code()};
    std::vector<Region> out;
    for (const auto& r : reference()) {
        if (r.code() != root.code() && inside.count(r.parent()) == 0) continue;
        Period period = r.period();
        if (period.until && *period.until <= start) continue;  // gone before the list starts
        if (period.since && *period.since <= start) period.since.reset();  // there from the start
        inside.insert(r.code());
        out.emplace_back(r.code(), r.name(), r.kind(), r.parent(), std::vector<std::string>{}, period);
    }
    return out;
}

}  // namespace actielijst
