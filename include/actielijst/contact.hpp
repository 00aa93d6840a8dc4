/// \file
/// actielijst — contact persons per municipality and role.
///
/// PERSONAL DATA: contacts never appear in an export or report unless the caller
/// explicitly opts in (Store::export_json and Store::dump with `include_contacts`,
/// ReportOptions::include_contacts).
#pragma once

#include <string>

namespace actielijst {

/// A contact person (contactpersoon) of one municipality for one role. Personal
/// data (personal_data): never part of an export, dump or report unless the caller
/// asks for contacts explicitly.
class Contact {
public:
    /// `email` may be empty; when given it must look like `local@domain`. Throws
    /// Error(Errc::invalid) naming the field (`municipality`, `role`, `name`, `email`)
    /// that is empty or not valid text; the message never repeats the address.
    Contact(std::string municipality, std::string role, std::string name, std::string email = {});
    /// The municipality the person is the contact for: its code (or, before the store
    /// resolved it, an alias).
    const std::string& municipality() const noexcept { return municipality_; }
    /// The role the person is the contact for (free text).
    const std::string& role() const noexcept { return role_; }
    /// The person's name.
    const std::string& name() const noexcept { return name_; }
    /// E-mail address; empty when not given.
    const std::string& email() const noexcept { return email_; }
    /// Marks a contact as personal data, for code that must not pass it on without the
    /// caller opting in.
    static constexpr bool personal_data = true;
    /// Equal when every field is equal.
    friend bool operator==(const Contact&, const Contact&) = default;

private:
    std::string municipality_;
    std::string role_;
    std::string name_;
    std::string email_;
};

}  // namespace actielijst
