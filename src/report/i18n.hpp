// Report texts in Dutch and English, and dates and numbers written for a language.
#pragma once

#include <actielijst/date.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace actielijst::report {

/// The text for `key` in `language` ("nl" or "en"); the key itself when unknown,
/// so a missing translation shows up in the golden files rather than as a crash.
std::string_view tr(std::string_view language, std::string_view key) noexcept;
/// "1 maart 2023" / "1 March 2023".
std::string long_date(std::string_view language, const Date& date);
/// Integers with thousands separators (nl "12.345", en "12,345"); other numbers
/// with at most two decimals and the language's decimal separator.
std::string number(std::string_view language, double value);
std::string integer(std::string_view language, std::int64_t value);
/// Replaces every "{}" in `pattern` in turn by the arguments.
std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args);

}  // namespace actielijst::report
