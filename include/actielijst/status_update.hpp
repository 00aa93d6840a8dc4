// actielijst — status updates (stand van zaken): append-only history.
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

    const std::string& action() const noexcept { return action_; }
    const std::string& scope() const noexcept { return scope_; }
    const std::string& state() const noexcept { return state_; }
    const std::string& text() const noexcept { return text_; }
    const Date& as_of() const noexcept { return as_of_; }
    /// Empty when unknown.
    const std::string& author() const noexcept { return author_; }
    /// Key of the meeting it was reported in; empty when none.
    const std::string& meeting() const noexcept { return meeting_; }

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
