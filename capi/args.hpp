// Argument checks, run before any core code: each failure throws Error naming the
// function and the argument (`actielijst_store_record: in->action is NULL`), which
// the guard turns into the code and the thread's message.
#pragma once

#include <actielijst/date.hpp>
#include <actielijst/error.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace actielijst::capi {

/// Longest NUL-terminated text accepted in one argument (1 MiB), as the core does per field.
inline constexpr std::size_t max_text_bytes = std::size_t{1} << 20;

[[noreturn]] void fail_arg(const char* function, std::string_view argument, std::string_view what,
                           Errc code = Errc::invalid);

/// `p` is not NULL.
inline void require(const void* p, const char* function, std::string_view argument) {
    if (!p) fail_arg(function, argument, "is NULL");
}

/// `value` in double quotes, cut at about 80 bytes on a character boundary: for
/// quoting (already checked) caller input inside a message.
std::string quote(std::string_view value);

/// A required text argument: not NULL, valid UTF-8, at most max_text_bytes.
std::string text(const char* function, std::string_view argument, const char* value);
/// The same check, borrowing the caller's text instead of copying it (for hot reads).
std::string_view text_view(const char* function, std::string_view argument, const char* value);
/// An optional text argument: NULL reads as "".
std::string optional_text(const char* function, std::string_view argument, const char* value);

/// A required ISO date argument.
Date date(const char* function, std::string_view argument, const char* value);
/// An optional ISO date argument: NULL or "" reads as none.
std::optional<Date> optional_date(const char* function, std::string_view argument, const char* value);

/// A required array of `count` required text arguments (`argument[i]` each). NULL
/// is accepted only when `count` is 0; the message then names `count_name`.
std::vector<std::string> text_array(const char* function, std::string_view argument, std::string_view count_name,
                                    std::uint32_t count, const char* const* values);

/// An input array pointer: NULL is accepted only when `count` is 0.
void require_array(const void* values, const char* function, std::string_view argument, std::string_view count_name,
                   std::uint32_t count);

/// An options or input struct version this library knows (EVERSION otherwise).
void check_version(const char* function, std::string_view argument, std::uint32_t got, std::uint32_t known);

/// An enumeration value within [low, high] (EINVALID otherwise).
void check_enum(const char* function, std::string_view argument, std::int32_t value, std::int32_t low,
                std::int32_t high);

/// A handle argument: not NULL, and carrying its type's magic number (a foreign
/// pointer usually does not; a freed one may not be detectable).
template <class H>
H* handle(const char* function, std::string_view argument, H* h) {
    require(h, function, argument);
    if (h->magic != H::kMagic) fail_arg(function, argument, std::string("is not a valid ") + H::kName + " handle");
    return h;
}

/// Runs `body`, replacing `from` by `to` at the start of an Error's message (the
/// first pair that matches), e.g. the core's `label.nl` by the C field `label_nl`.
template <class F>
decltype(auto) renaming(std::initializer_list<std::pair<std::string_view, std::string_view>> names, F&& body) {
    try {
        return body();
    } catch (const Error& e) {
        std::string message = e.what();
        for (const auto& [from, to] : names) {
            if (message.rfind(from, 0) != 0) continue;
            message.replace(0, from.size(), to);
            throw Error(e.code(), message);
        }
        throw;
    }
}

/// Runs `body`, putting `prefix` (e.g. "owners[2].") before an Error's message: for
/// a value built on its own that belongs to one element of a list.
template <class F>
decltype(auto) with_prefix(const std::string& prefix, F&& body) {
    try {
        return body();
    } catch (const Error& e) {
        throw Error(e.code(), prefix + e.what());
    }
}

/// Runs `body`, removing `prefix` (e.g. "meetings[0].") from the start of an Error's
/// message: for a one-entry write the list position is noise.
template <class F>
decltype(auto) without_prefix(std::string_view prefix, F&& body) {
    try {
        return body();
    } catch (const Error& e) {
        std::string message = e.what();
        if (message.rfind(prefix, 0) != 0) throw;
        message.erase(0, prefix.size());
        throw Error(e.code(), message);
    }
}

}  // namespace actielijst::capi
