/// \file
/// actielijst — regions with official CBS codes: province (PVxx) → COROP region
/// (CRxx) → municipality (GMxxxx). Other provinces fit without code changes.
#pragma once

#include <actielijst/period.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst {

/// The level of a region in the CBS hierarchy.
enum class RegionKind : int { province = 0, corop = 1, municipality = 2 };
/// \var RegionKind::province
/// A province (PVxx): the top, with no parent.
/// \var RegionKind::corop
/// A COROP region (CRxx) inside a province, e.g. Noord-Limburg.
/// \var RegionKind::municipality
/// A municipality (gemeente, GMxxxx) inside a COROP region.

/// The name of `kind` in JSON: "province", "corop" or "municipality".
std::string_view to_string(RegionKind kind) noexcept;
/// Throws Error(Errc::invalid) naming `field` for an unknown name.
RegionKind parse_region_kind(std::string_view text, std::string_view field = "kind");

/// A region of the list: a province, a COROP region or a municipality, with its
/// official CBS code, its parent and the aliases it may also be named by ("Noord",
/// "Regio Noord"). States of affairs, observations and action scopes name regions.
class Region {
public:
    /// Checks that `code` is a key, `name` is non-empty UTF-8, a province has no
    /// parent and every other kind has one, and aliases are non-empty and distinct
    /// from the name and each other (case-insensitively). Throws Error(Errc::invalid)
    /// naming the field.
    Region(std::string code, std::string name, RegionKind kind, std::string parent = {},
           std::vector<std::string> aliases = {}, Period period = {});

    /// Official CBS code (e.g. `CR37`): the key the list names the region by.
    const std::string& code() const noexcept { return code_; }
    /// Official name (e.g. Noord-Limburg).
    const std::string& name() const noexcept { return name_; }
    /// Province, COROP region or municipality.
    RegionKind kind() const noexcept { return kind_; }
    /// The parent's code (or, before the store resolved it, a code or alias); empty for a province.
    const std::string& parent() const noexcept { return parent_; }
    /// Other names it may be referred to by; they resolve to code() case-insensitively.
    const std::vector<std::string>& aliases() const noexcept { return aliases_; }
    /// When it is part of the list (a municipality merged into another leaves it);
    /// a region's period lies within its parent's.
    const Period& period() const noexcept { return period_; }

    /// Equal when every field is equal.
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
