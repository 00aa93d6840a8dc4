// actielijst — regions with official CBS codes: province (PVxx) → COROP region
// (CRxx) → municipality (GMxxxx). Other provinces fit without code changes.
#pragma once

#include <actielijst/period.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst {

enum class RegionKind : int { province = 0, corop = 1, municipality = 2 };

std::string_view to_string(RegionKind kind) noexcept;
/// Throws Error(Errc::invalid) naming `field` for an unknown name.
RegionKind parse_region_kind(std::string_view text, std::string_view field = "kind");

class Region {
public:
    /// Checks that `code` is a key, `name` is non-empty UTF-8, a province has no
    /// parent and every other kind has one, and aliases are non-empty and distinct
    /// from the name and each other (case-insensitively). Throws Error(Errc::invalid)
    /// naming the field.
    Region(std::string code, std::string name, RegionKind kind, std::string parent = {},
           std::vector<std::string> aliases = {}, Period period = {});

    const std::string& code() const noexcept { return code_; }
    const std::string& name() const noexcept { return name_; }
    RegionKind kind() const noexcept { return kind_; }
    /// The parent's code (or, before the store resolved it, a code or alias); empty for a province.
    const std::string& parent() const noexcept { return parent_; }
    const std::vector<std::string>& aliases() const noexcept { return aliases_; }
    /// When it is part of the list (a municipality merged into another leaves it);
    /// a region's period lies within its parent's.
    const Period& period() const noexcept { return period_; }

    friend bool operator==(const Region&, const Region&) = default;

private:
    std::string code_;
    std::string name_;
    RegionKind kind_;
    std::string parent_;
    std::vector<std::string> aliases_;
    Period period_;
};

/// The kind a parent of `kind` must have, or nullopt for a province.
std::optional<RegionKind> parent_kind_of(RegionKind kind) noexcept;

}  // namespace actielijst
