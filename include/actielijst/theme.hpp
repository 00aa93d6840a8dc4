/// \file
/// actielijst — themes (thema): Wonen, Werken, Samenleven, Algemeen, ordered.
#pragma once

#include <actielijst/label.hpp>

#include <string>

namespace actielijst {

/// A theme (thema) that groups action points: Wonen, Werken, Samenleven, Algemeen.
/// The list orders its themes, and reports show actions theme by theme.
class Theme {
public:
    /// Throws Error(Errc::invalid) naming the field (`key`, `label`) that is invalid.
    Theme(std::string key, Label label);

    /// Stable key that action points name the theme by.
    const std::string& key() const noexcept { return key_; }
    /// Display label (e.g. "Wonen").
    const Label& label() const noexcept { return label_; }

    /// Equal when every field is equal.
    friend bool operator==(const Theme&, const Theme&) = default;

private:
    std::string key_;
    Label label_;
};

}  // namespace actielijst
