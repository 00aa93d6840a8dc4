#include <actielijst/contact.hpp>

#include "util/check.hpp"

namespace actielijst {

Contact::Contact(std::string municipality, std::string role, std::string name, std::string email)
    : municipality_(std::move(municipality)), role_(std::move(role)), name_(std::move(name)), email_(std::move(email)) {
    detail::check_text(municipality_, "municipality", true);
    detail::check_text(role_, "role", true);
    detail::check_text(name_, "name", true);
    detail::check_text(email_, "email", false);
    if (!email_.empty()) {
        const auto at = email_.find('@');
        if (at == 0 || at == std::string::npos || at + 1 == email_.size() || email_.find('@', at + 1) != std::string::npos ||
            email_.find_first_of(" \t\r\n<>") != std::string::npos)
            detail::fail("email", "not an e-mail address: " + detail::quote(email_));
    }
}

}  // namespace actielijst
