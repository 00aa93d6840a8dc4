// actielijst — themes (thema): Wonen, Werken, Samenleven, Algemeen, ordered.
#pragma once

#include <actielijst/label.hpp>

#include <string>

namespace actielijst {

class Theme {
public:
    /// Throws Error(Errc::invalid) naming the field (`key`, `label`) that is invalid.
    Theme(std::string key, Label label);

    const std::string& key() const noexcept { return key_; }
    const Label& label() const noexcept { return label_; }

    friend bool operator==(const Theme&, const Theme&) = default;

private:
    std::string key_;
    Label label_;
};

}  // namespace actielijst
