#include "args.hpp"

namespace actielijst::capi {
namespace {

/// Checks UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF) and the
/// length limit in one pass; returns the length.
std::size_t checked_length(const char* function, std::string_view argument, const char* value) {
    const auto* s = reinterpret_cast<const unsigned char*>(value);
    std::size_t i = 0;
    while (s[i] != 0) {
        if (i > max_text_bytes) fail_arg(function, argument, "is longer than 1 MiB");
        const unsigned char c = s[i];
        std::size_t extra = 0;
        unsigned char low = 0x80, high = 0xBF;  // bounds of the second byte
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            if (c == 0xE0) low = 0xA0;
            if (c == 0xED) high = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            if (c == 0xF0) low = 0x90;
            if (c == 0xF4) high = 0x8F;
        } else {
            fail_arg(function, argument, "is not valid UTF-8 (byte " + std::to_string(i) + ")");
        }
        for (std::size_t k = 1; k <= extra; ++k) {
            const unsigned char b = s[i + k];  // a NUL here stops the loop: it is out of range
            const unsigned char lo = k == 1 ? low : 0x80, hi = k == 1 ? high : 0xBF;
            if (b < lo || b > hi)
                fail_arg(function, argument, "is not valid UTF-8 (byte " + std::to_string(i) + ")");
        }
        i += extra + 1;
    }
    if (i > max_text_bytes) fail_arg(function, argument, "is longer than 1 MiB");
    return i;
}

}  // namespace

void fail_arg(const char* function, std::string_view argument, std::string_view what, Errc code) {
    std::string message(function);
    message += ": ";
    message += argument;
    message += ' ';
    message += what;
    throw Error(code, message);
}

std::string quote(std::string_view value) {
    constexpr std::size_t limit = 80;
    std::string out = "\"";
    if (value.size() <= limit) {
        out += value;
    } else {
        std::size_t cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
        out += value.substr(0, cut);
        out += "...";
    }
    return out + "\"";
}

std::string text(const char* function, std::string_view argument, const char* value) {
    require(value, function, argument);
    return std::string(value, checked_length(function, argument, value));
}

std::string_view text_view(const char* function, std::string_view argument, const char* value) {
    require(value, function, argument);
    return std::string_view(value, checked_length(function, argument, value));
}

std::string optional_text(const char* function, std::string_view argument, const char* value) {
    if (!value) return {};
    return std::string(value, checked_length(function, argument, value));
}

Date date(const char* function, std::string_view argument, const char* value) {
    const std::string iso = text(function, argument, value);
    try {
        return Date::parse(iso, argument);
    } catch (const Error& e) {
        throw Error(e.code(), std::string(function) + ": " + e.what());
    }
}

std::optional<Date> optional_date(const char* function, std::string_view argument, const char* value) {
    if (!value || value[0] == '\0') return std::nullopt;
    return date(function, argument, value);
}

void require_array(const void* values, const char* function, std::string_view argument, std::string_view count_name,
                   std::uint32_t count) {
    if (!values && count != 0)
        fail_arg(function, argument, "is NULL but " + std::string(count_name) + " is " + std::to_string(count));
}

std::vector<std::string> text_array(const char* function, std::string_view argument, std::string_view count_name,
                                    std::uint32_t count, const char* const* values) {
    require_array(values, function, argument, count_name, count);
    std::vector<std::string> out;
    out.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i)
        out.push_back(text(function, std::string(argument) + "[" + std::to_string(i) + "]", values[i]));
    return out;
}

void check_version(const char* function, std::string_view argument, std::uint32_t got, std::uint32_t known) {
    if (got != known)
        fail_arg(function, argument,
                 "is " + std::to_string(got) + ", a version this library does not know (it knows " +
                     std::to_string(known) + ")",
                 Errc::version);
}

void check_enum(const char* function, std::string_view argument, std::int32_t value, std::int32_t low,
                std::int32_t high) {
    if (value < low || value > high)
        fail_arg(function, argument,
                 "is " + std::to_string(value) + ", expected " + std::to_string(low) + " to " + std::to_string(high));
}

}  // namespace actielijst::capi
