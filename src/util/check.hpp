// Field checks shared by the model constructors. Every failure throws
// Error(Errc::invalid) whose message starts with the field name, so callers that
// know the place (e.g. the JSON reader) can prefix it: `regions[5].` + `code: ...`.
#pragma once

#include <actielijst/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace actielijst::detail {

/// Longest text the library accepts in one field (1 MiB): bounds memory on bad input.
inline constexpr std::size_t max_text_bytes = std::size_t{1} << 20;
inline constexpr std::size_t max_key_bytes = 64;

/// Offset of the first invalid UTF-8 byte, or npos when `text` is valid UTF-8
/// (no overlongs, no surrogates, nothing above U+10FFFF).
std::size_t utf8_error_offset(std::string_view text) noexcept;

[[noreturn]] void fail(std::string_view field, const std::string& what);

/// A stable identifier: 1-64 characters from A-Z a-z 0-9 _ - .
void check_key(std::string_view value, std::string_view field);
/// Valid UTF-8 of at most max_text_bytes without NUL or other control characters
/// (tab, line feed and carriage return excepted); `required` also forbids blank text.
void check_text(std::string_view value, std::string_view field, bool required);

/// `value` in double quotes with control characters and quotes escaped, cut at 80
/// bytes: for quoting user input inside an error message.
std::string quote(std::string_view value);

/// `text` cut to at most `max_bytes` (on a UTF-8 character boundary) with "..." added
/// when anything was cut.
std::string shorten(std::string_view text, std::size_t max_bytes);

/// ASCII lower-case copy, for case-insensitive comparison of names and aliases.
std::string fold_case(std::string_view value);

}  // namespace actielijst::detail
