/// \file
/// actielijst — calendar dates. Time is always explicit: every "current" question
/// takes a Date, so results are deterministic.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace actielijst {

/// A proleptic Gregorian calendar date, valid from 0001-01-01 to 9999-12-31.
class Date {
public:
    /// Throws Error(Errc::invalid) naming `field` when the date does not exist.
    Date(int year, int month, int day, std::string_view field = "date");

    /// Parses ISO 8601 `YYYY-MM-DD`; anything else throws Error(Errc::invalid) naming `field`.
    static Date parse(std::string_view text, std::string_view field = "date");

    /// From days since 1970-01-01 (negative before).
    static Date from_days(std::int64_t days);

    /// Today's date in UTC, from the system clock.
    static Date today();

    /// Year, 1 to 9999.
    int year() const noexcept { return year_; }
    /// Month, 1 (January) to 12.
    int month() const noexcept { return month_; }
    /// Day of the month, from 1.
    int day() const noexcept { return day_; }

    /// Days since 1970-01-01.
    std::int64_t days() const noexcept;

    /// ISO 8601 `YYYY-MM-DD`.
    std::string iso() const;

    /// Equal when they are the same day.
    friend bool operator==(const Date&, const Date&) = default;
    /// Chronological order: earlier dates compare less.
    friend auto operator<=>(const Date&, const Date&) = default;

private:
    int year_;
    int month_;
    int day_;
};

/// Whole days from `from` to `to` (negative when `to` is earlier).
inline std::int64_t days_between(const Date& from, const Date& to) noexcept { return to.days() - from.days(); }

}  // namespace actielijst
