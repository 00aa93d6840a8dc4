// actielijst — contact persons per municipality and role.
//
// PERSONAL DATA: contacts never appear in an export or report unless the caller
// explicitly opts in (see ExportOptions::include_contacts).
#pragma once

#include <string>

namespace actielijst {

class Contact {
public:
    /// `email` may be empty; when given it must look like local@domain.
    Contact(std::string municipality, std::string role, std::string name, std::string email = {});
    const std::string& municipality() const noexcept { return municipality_; }
    const std::string& role() const noexcept { return role_; }
    const std::string& name() const noexcept { return name_; }
    const std::string& email() const noexcept { return email_; }
    static constexpr bool personal_data = true;
    friend bool operator==(const Contact&, const Contact&) = default;

private:
    std::string municipality_;
    std::string role_;
    std::string name_;
    std::string email_;
};

}  // namespace actielijst
