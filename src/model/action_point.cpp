#include <actielijst/action_point.hpp>

#include "util/enum_names.hpp"

#include <set>

namespace actielijst {
namespace {
constexpr std::array<std::string_view, 2> role_names{"lead", "support"};

std::string at(std::string_view field, std::size_t i) { return std::string(field) + "[" + std::to_string(i) + "]"; }
}  // namespace

std::string_view to_string(OwnerRole role) noexcept { return detail::enum_name(role_names, role); }

OwnerRole parse_owner_role(std::string_view text, std::string_view field) {
    return detail::enum_parse<OwnerRole>(role_names, text, field);
}

Owner::Owner(std::string name, OwnerRole role) : name_(std::move(name)), role_(role) {
    detail::check_text(name_, "name", true);
    if (role_ != OwnerRole::lead && role_ != OwnerRole::support)
        detail::fail("role", "unknown owner role " + std::to_string(static_cast<int>(role_)));
}

ActionPoint::ActionPoint(std::string key, std::string theme, std::string title, std::string goal,
                         std::vector<Owner> owners, std::vector<std::string> scope, std::optional<Date> due,
                         std::vector<std::string> see_also, Period period)
    : key_(std::move(key)), theme_(std::move(theme)), title_(std::move(title)), goal_(std::move(goal)),
      owners_(std::move(owners)), scope_(std::move(scope)), due_(due), see_also_(std::move(see_also)),
      period_(period) {
    detail::check_key(key_, "key");
    detail::check_key(theme_, "theme");
    detail::check_text(title_, "title", true);
    detail::check_text(goal_, "goal", true);
    std::set<std::string> owner_names;
    for (std::size_t i = 0; i < owners_.size(); ++i)
        if (!owner_names.insert(owners_[i].name()).second)
            detail::fail(at("owners", i) + ".name", "duplicate owner " + detail::quote(owners_[i].name()));
    std::set<std::string> seen;
    for (std::size_t i = 0; i < scope_.size(); ++i) {
        detail::check_text(scope_[i], at("scope", i), true);
        if (!seen.insert(scope_[i]).second) detail::fail(at("scope", i), "duplicate region " + detail::quote(scope_[i]));
    }
    seen.clear();
    for (std::size_t i = 0; i < see_also_.size(); ++i) {
        detail::check_key(see_also_[i], at("see_also", i));
        if (see_also_[i] == key_) detail::fail(at("see_also", i), "an action cannot refer to itself");
        if (!seen.insert(see_also_[i]).second)
            detail::fail(at("see_also", i), "duplicate reference " + detail::quote(see_also_[i]));
    }
    check_period(period_, "the action");
}

}  // namespace actielijst
