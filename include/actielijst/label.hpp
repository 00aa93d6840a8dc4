/// \file
/// actielijst — labels are data: Dutch by default, English where given.
#pragma once

#include <string>
#include <string_view>

namespace actielijst {

/// A display label in Dutch (required) and English (optional).
class Label {
public:
    /// An empty label, to be assigned to; not valid as the label of a definition.
    Label() = default;
    /// Throws Error(Errc::invalid) naming `field` when `nl` is empty or either text is not valid UTF-8.
    Label(std::string nl, std::string en = {}, std::string_view field = "label");

    /// Dutch text; empty only for a default-constructed label.
    const std::string& nl() const noexcept { return nl_; }
    /// English text; empty when none is given.
    const std::string& en() const noexcept { return en_; }
    /// The text for `language` ("nl" or "en"), falling back to Dutch when no English label exists.
    const std::string& in(std::string_view language) const noexcept;

    /// Equal when both texts are equal.
    friend bool operator==(const Label&, const Label&) = default;

private:
    std::string nl_;
    std::string en_;
};

}  // namespace actielijst
