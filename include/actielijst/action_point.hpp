/// \file
/// actielijst — action points (actiepunten).
#pragma once

#include <actielijst/date.hpp>
#include <actielijst/period.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst {

/// How an owner takes part in an action point.
enum class OwnerRole : int { lead = 0, support = 1 };
/// \var OwnerRole::lead
/// Carries the action: answers for it and reports its state of affairs.
/// \var OwnerRole::support
/// Helps the lead carry the action out.

/// The name of `role` in the JSON format: "lead" or "support".
std::string_view to_string(OwnerRole role) noexcept;
/// The role named `text` ("lead" or "support"); anything else throws
/// Error(Errc::invalid) naming `field`.
OwnerRole parse_owner_role(std::string_view text, std::string_view field = "role");

/// An organisation or role that carries (lead) or helps (support) an action.
class Owner {
public:
    /// Throws Error(Errc::invalid) naming `name` when the name is empty or not valid
    /// UTF-8 text, or `role` for a value outside OwnerRole.
    Owner(std::string name, OwnerRole role);
    /// The organisation or role as the list names it (e.g. a municipality or "UWV").
    const std::string& name() const noexcept { return name_; }
    /// Whether it carries the action or helps with it.
    OwnerRole role() const noexcept { return role_; }
    /// Equal when every field is equal.
    friend bool operator==(const Owner&, const Owner&) = default;

private:
    std::string name_;
    OwnerRole role_;
};

/// An action point (actiepunt) of the list: a task of the steering group under one
/// theme, with a goal, the organisations that own it, the regions it concerns, an
/// optional due date and references to related action points. Its progress is not
/// part of it: that is the append-only history of StatusUpdate values per scope.
class ActionPoint {
public:
    /// Checks keys, non-empty UTF-8 title and goal, no duplicate scope regions or
    /// cross references, and no reference to itself. Throws Error(Errc::invalid)
    /// naming the field (e.g. `see_also[1]`). References to themes, regions and other
    /// actions are resolved by the store.
    ActionPoint(std::string key, std::string theme, std::string title, std::string goal,
                std::vector<Owner> owners = {}, std::vector<std::string> scope = {},
                std::optional<Date> due = std::nullopt, std::vector<std::string> see_also = {}, Period period = {});

    /// Stable key that identifies the action across imports, views and snapshots
    /// (A-Z a-z 0-9 _ - .).
    const std::string& key() const noexcept { return key_; }
    /// Key of the Theme it belongs to.
    const std::string& theme() const noexcept { return theme_; }
    /// Short title, as reports and forms show it.
    const std::string& title() const noexcept { return title_; }
    /// What the action is to achieve (doel).
    const std::string& goal() const noexcept { return goal_; }
    /// Who carries it (OwnerRole::lead) and who helps (OwnerRole::support), in the
    /// order given.
    const std::vector<Owner>& owners() const noexcept { return owners_; }
    /// Region codes the action concerns; empty means the whole list.
    const std::vector<std::string>& scope() const noexcept { return scope_; }
    /// The deadline, if any. In a View, the due date valid on its as-of date (its
    /// history: View::due_changes()).
    const std::optional<Date>& due() const noexcept { return due_; }
    /// Keys of related action points ("zie ook").
    const std::vector<std::string>& see_also() const noexcept { return see_also_; }
    /// When it is part of the list: `until` is the date it was closed or taken off it.
    const Period& period() const noexcept { return period_; }
    /// The date it joined the list (period().since); unset: from the start.
    const std::optional<Date>& since() const noexcept { return period_.since; }
    /// The date it was closed or taken off the list (period().until); unset: still on it.
    const std::optional<Date>& until() const noexcept { return period_.until; }

    /// Equal when every field is equal.
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
