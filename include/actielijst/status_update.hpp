/// \file
/// actielijst — status updates (stand van zaken): append-only history.
#pragma once

#include <actielijst/date.hpp>

#include <string>

namespace actielijst {

/// One state of affairs of an action for one scope (province, region or
/// municipality) as of a date. The current status of an (action, scope) at a date
/// D is the latest update with as_of <= D; later updates never overwrite earlier ones.
class StatusUpdate {
public:
    /// Throws Error(Errc::invalid) naming the field.
    StatusUpdate(std::string action, std::string scope, std::string state, std::string text, Date as_of,
                 std::string author = {}, std::string meeting = {});

    /// Key of the action point.
    const std::string& action() const noexcept { return action_; }
    /// Code of the region it is about: the province, a COROP region or a municipality
    /// (or, before the store resolved it, an alias).
    const std::string& scope() const noexcept { return scope_; }
    /// Key of the progress state the action is in, in that scope.
    const std::string& state() const noexcept { return state_; }
    /// The state of affairs in words, as reported.
    const std::string& text() const noexcept { return text_; }
    /// The date it describes: it is the current status from this date until a later
    /// update for the same (action, scope).
    const Date& as_of() const noexcept { return as_of_; }
    /// Empty when unknown.
    const std::string& author() const noexcept { return author_; }
    /// Key of the meeting it was reported in; empty when none.
    const std::string& meeting() const noexcept { return meeting_; }

    /// Equal when every field is equal.
    friend bool operator==(const StatusUpdate&, const StatusUpdate&) = default;

private:
    std::string action_;
    std::string scope_;
    std::string state_;
    std::string text_;
    Date as_of_;
    std::string author_;
    std::string meeting_;
};

}  // namespace actielijst
