// actielijst — steering-group meetings (vergaderingen).
#pragma once

#include <actielijst/date.hpp>

#include <string>

namespace actielijst {

class Meeting {
public:
    Meeting(std::string key, Date date, std::string title = {});
    const std::string& key() const noexcept { return key_; }
    const Date& date() const noexcept { return date_; }
    const std::string& title() const noexcept { return title_; }
    friend bool operator==(const Meeting&, const Meeting&) = default;

private:
    std::string key_;
    Date date_;
    std::string title_;
};

}  // namespace actielijst
