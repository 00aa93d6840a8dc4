#include <actielijst/label.hpp>
#include <actielijst/theme.hpp>

#include "util/check.hpp"

namespace actielijst {

Label::Label(std::string nl, std::string en, std::string_view field) : nl_(std::move(nl)), en_(std::move(en)) {
    detail::check_text(nl_, std::string(field) + ".nl", true);
    detail::check_text(en_, std::string(field) + ".en", false);
}

const std::string& Label::in(std::string_view language) const noexcept {
    return language == "en" && !en_.empty() ? en_ : nl_;
}

Theme::Theme(std::string key, Label label) : key_(std::move(key)), label_(std::move(label)) {
    detail::check_key(key_, "key");
    if (label_.nl().empty()) detail::fail("label.nl", "must not be empty");
}

}  // namespace actielijst
