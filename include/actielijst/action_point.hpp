// actielijst — action points (actiepunten).
#pragma once

#include <actielijst/date.hpp>
#include <actielijst/period.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst {

enum class OwnerRole : int { lead = 0, support = 1 };

std::string_view to_string(OwnerRole role) noexcept;
OwnerRole parse_owner_role(std::string_view text, std::string_view field = "role");

/// An organisation or role that carries (lead) or helps (support) an action.
class Owner {
public:
    Owner(std::string name, OwnerRole role);
    const std::string& name() const noexcept { return name_; }
    OwnerRole role() const noexcept { return role_; }
    friend bool operator==(const Owner&, const Owner&) = default;

private:
    std::string name_;
    OwnerRole role_;
};

class ActionPoint {
public:
    /// Checks keys, non-empty UTF-8 title and goal, no duplicate scope regions or
    /// cross references, and no reference to itself. Throws Error(Errc::invalid)
    /// naming the field (e.g. `see_also[1]`). References to themes, regions and other
    /// actions are resolved by the store.
    ActionPoint(std::string key, std::string theme, std::string title, std::string goal,
                std::vector<Owner> owners = {}, std::vector<std::string> scope = {},
                std::optional<Date> due = std::nullopt, std::vector<std::string> see_also = {}, Period period = {});

    const std::string& key() const noexcept { return key_; }
    const std::string& theme() const noexcept { return theme_; }
    const std::string& title() const noexcept { return title_; }
    const std::string& goal() const noexcept { return goal_; }
    const std::vector<Owner>& owners() const noexcept { return owners_; }
    /// Region codes the action concerns; empty means the whole list.
    const std::vector<std::string>& scope() const noexcept { return scope_; }
    const std::optional<Date>& due() const noexcept { return due_; }
    /// Keys of related action points ("zie ook").
    const std::vector<std::string>& see_also() const noexcept { return see_also_; }
    /// When it is part of the list: `until` is the date it was closed or taken off it.
    const Period& period() const noexcept { return period_; }
    const std::optional<Date>& since() const noexcept { return period_.since; }
    const std::optional<Date>& until() const noexcept { return period_.until; }

    friend bool operator==(const ActionPoint&, const ActionPoint&) = default;

private:
    std::string key_;
    std::string theme_;
    std::string title_;
    std::string goal_;
    std::vector<Owner> owners_;
    std::vector<std::string> scope_;
    std::optional<Date> due_;
    std::vector<std::string> see_also_;
    Period period_;
};

}  // namespace actielijst
