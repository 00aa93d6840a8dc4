#include "util/check.hpp"

#include <cstdio>

namespace actielijst::detail {

std::size_t utf8_error_offset(std::string_view text) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;      // no overlongs
            if (c == 0xED) hi = 0x9F;      // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;      // no overlongs
            if (c == 0xF4) hi = 0x8F;      // nothing above U+10FFFF
        } else {
            return i;
        }
        if (i + len > n) return i;
        if (s[i + 1] < lo || s[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF) return i;
        i += len;
    }
    return std::string_view::npos;
}

void fail(std::string_view field, const std::string& what) {
    throw Error(Errc::invalid, std::string(field), what);
}

void check_key(std::string_view value, std::string_view field) {
    if (value.empty()) fail(field, "must not be empty");
    if (value.size() > max_key_bytes)
        fail(field, "longer than " + std::to_string(max_key_bytes) + " characters");
    for (char c : value) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                        c == '-' || c == '.';
        if (!ok) fail(field, "invalid key " + quote(value) + " (allowed: A-Z a-z 0-9 _ - .)");
    }
}

void check_text(std::string_view value, std::string_view field, bool required) {
    if (value.size() > max_text_bytes)
        fail(field, "text of " + std::to_string(value.size()) + " bytes exceeds the limit of " +
                        std::to_string(max_text_bytes) + " bytes");
    if (const auto bad = utf8_error_offset(value); bad != std::string_view::npos)
        fail(field, "invalid UTF-8 at byte " + std::to_string(bad));
    // A NUL would end the text at the C boundary; other control characters have no
    // place in an action list and would garble every report format.
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto c = static_cast<unsigned char>(value[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
            fail(field, "control character " + quote(value.substr(i, 1)) + " at byte " + std::to_string(i));
    }
    if (required && value.find_first_not_of(" \t\r\n") == std::string_view::npos) fail(field, "must not be empty");
}

std::string quote(std::string_view value) {
    std::string out = "\"";
    std::size_t shown = 0;
    for (char ch : value) {
        // Stop after 80 bytes, but never inside a UTF-8 character (continuation bytes
        // are 10xxxxxx), so the message stays valid UTF-8.
        if (shown >= 80 && (static_cast<unsigned char>(ch) & 0xC0) != 0x80) {
            out += "...";
            break;
        }
        ++shown;
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

std::string shorten(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return std::string(text.substr(0, end)) + "...";
}

std::string fold_case(std::string_view value) {
    std::string out(value);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace actielijst::detail
