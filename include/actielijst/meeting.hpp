/// \file
/// actielijst — steering-group meetings (vergaderingen).
#pragma once

#include <actielijst/date.hpp>

#include <string>

namespace actielijst {

/// A dated steering-group meeting (vergadering): the unit for "what changed since
/// last time", for snapshots, forms and the list after the meeting.
class Meeting {
public:
    /// Throws Error(Errc::invalid) naming `key` for an invalid key, or `title` for a
    /// title that is not valid text.
    Meeting(std::string key, Date date, std::string title = {});
    /// Stable key that states of affairs, proposals and forms name the meeting by.
    const std::string& key() const noexcept { return key_; }
    /// The date it is held on.
    const Date& date() const noexcept { return date_; }
    /// Display title; empty when none.
    const std::string& title() const noexcept { return title_; }
    /// Equal when every field is equal.
    friend bool operator==(const Meeting&, const Meeting&) = default;

private:
    std::string key_;
    Date date_;
    std::string title_;
};

}  // namespace actielijst
