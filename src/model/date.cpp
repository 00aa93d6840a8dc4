#include <actielijst/date.hpp>

#include "util/check.hpp"

#include <chrono>
#include <cstdio>

namespace actielijst {
namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

}  // namespace

Date::Date(int year, int month, int day, std::string_view field) : year_(year), month_(month), day_(day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
        detail::fail(field, std::string("no such date ") + buf);
    }
}

Date Date::parse(std::string_view text, std::string_view field) {
    const auto digits = [&](std::size_t from, std::size_t count) {
        int v = 0;
        for (std::size_t i = from; i < from + count; ++i) v = v * 10 + (text[i] - '0');
        return v;
    };
    bool shape = text.size() == 10 && text[4] == '-' && text[7] == '-';
    for (std::size_t i = 0; shape && i < text.size(); ++i)
        if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9')) shape = false;
    if (!shape) detail::fail(field, "expected a date YYYY-MM-DD, got " + detail::quote(text));
    return Date(digits(0, 4), digits(5, 2), digits(8, 2), field);
}

Date Date::today() {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return from_days(now.time_since_epoch().count());
}

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t Date::days() const noexcept {
    const int y = month_ <= 2 ? year_ - 1 : year_;
    const int era = y / 400;
    const int yoe = y - era * 400;
    const int mp = (month_ + 9) % 12;
    const int doy = (153 * mp + 2) / 5 + day_ - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return std::int64_t{era} * 146097 + doe - 719468;
}

Date Date::from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<int>(z - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    const auto y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
    return Date(y, m, d);
}

std::string Date::iso() const {
    // Digit by digit rather than snprintf: reports and rule reasons print many dates.
    std::string out(10, '-');
    out[0] = static_cast<char>('0' + year_ / 1000);
    out[1] = static_cast<char>('0' + year_ / 100 % 10);
    out[2] = static_cast<char>('0' + year_ / 10 % 10);
    out[3] = static_cast<char>('0' + year_ % 10);
    out[5] = static_cast<char>('0' + month_ / 10);
    out[6] = static_cast<char>('0' + month_ % 10);
    out[8] = static_cast<char>('0' + day_ / 10);
    out[9] = static_cast<char>('0' + day_ % 10);
    return out;
}

}  // namespace actielijst
