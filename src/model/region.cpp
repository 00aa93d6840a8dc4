#include <actielijst/region.hpp>

#include "util/enum_names.hpp"

#include <set>

namespace actielijst {
namespace {
constexpr std::array<std::string_view, 3> kind_names{"province", "corop", "municipality"};
}

std::string_view to_string(RegionKind kind) noexcept { return detail::enum_name(kind_names, kind); }

RegionKind parse_region_kind(std::string_view text, std::string_view field) {
    return detail::enum_parse<RegionKind>(kind_names, text, field);
}

std::optional<RegionKind> parent_kind_of(RegionKind kind) noexcept {
    switch (kind) {
        case RegionKind::province: return std::nullopt;
        case RegionKind::corop: return RegionKind::province;
        case RegionKind::municipality: return RegionKind::corop;
    }
    return std::nullopt;
}

Region::Region(std::string code, std::string name, RegionKind kind, std::string parent,
               std::vector<std::string> aliases, Period period)
    : code_(std::move(code)), name_(std::move(name)), kind_(kind), parent_(std::move(parent)),
      aliases_(std::move(aliases)), period_(period) {
    detail::check_key(code_, "code");
    check_period(period_, "the region");
    detail::check_text(name_, "name", true);
    if (kind_ != RegionKind::province && kind_ != RegionKind::corop && kind_ != RegionKind::municipality)
        detail::fail("kind", "unknown region kind " + std::to_string(static_cast<int>(kind_)));
    if (kind_ == RegionKind::province && !parent_.empty())
        detail::fail("parent", "a province has no parent, got " + detail::quote(parent_));
    if (kind_ != RegionKind::province && parent_.empty())
        detail::fail("parent", "a " + std::string(to_string(kind_)) + " needs a parent region");
    // A parent is a reference: a code or an alias ("Regio Noord"), resolved by the store.
    detail::check_text(parent_, "parent", false);
    if (parent_ == code_) detail::fail("parent", "a region cannot be its own parent");
    std::set<std::string> seen{detail::fold_case(name_), detail::fold_case(code_)};
    for (std::size_t i = 0; i < aliases_.size(); ++i) {
        const std::string field = "aliases[" + std::to_string(i) + "]";
        detail::check_text(aliases_[i], field, true);
        if (!seen.insert(detail::fold_case(aliases_[i])).second)
            detail::fail(field, "alias " + detail::quote(aliases_[i]) + " repeats the code, name or another alias");
    }
}

}  // namespace actielijst
