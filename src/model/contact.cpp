#include <actielijst/contact.hpp>

#include "util/check.hpp"

#include <string>
#include <string_view>

namespace actielijst {
namespace {

/// What keeps `email` from looking like local@domain, or nullptr when nothing does
/// (an empty address is no address, and allowed).
const char* email_problem(std::string_view email) {
    if (email.empty()) return nullptr;
    const auto at = email.find('@');
    if (at == std::string_view::npos) return "no \"@\"";
    if (email.find('@', at + 1) != std::string_view::npos) return "more than one \"@\"";
    if (at == 0) return "nothing before the \"@\"";
    if (at + 1 == email.size()) return "nothing after the \"@\"";
    if (email.find_first_of(" \t\r\n") != std::string_view::npos) return "contains white space";
    if (email.find_first_of("<>") != std::string_view::npos) return "contains \"<\" or \">\"";
    return nullptr;
}

}  // namespace

Contact::Contact(std::string municipality, std::string role, std::string name, std::string email)
    : municipality_(std::move(municipality)), role_(std::move(role)), name_(std::move(name)), email_(std::move(email)) {
    detail::check_text(municipality_, "municipality", true);
    detail::check_text(role_, "role", true);
    detail::check_text(name_, "name", true);
    detail::check_text(email_, "email", false);
    if (const char* why = email_problem(email_))
        // A contact is personal data: the message says what is wrong, never the address.
        detail::fail("email", std::string("not an e-mail address (") + why + ")");
}

}  // namespace actielijst
