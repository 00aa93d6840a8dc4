// Names of enum values for text formats, with a parser whose error lists the choices.
#pragma once

#include "util/check.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace actielijst::detail {

template <class E, std::size_t N>
std::string_view enum_name(const std::array<std::string_view, N>& names, E value) noexcept {
    const auto i = static_cast<std::size_t>(value);
    return i < N ? names[i] : std::string_view("?");
}

template <class E, std::size_t N>
E enum_parse(const std::array<std::string_view, N>& names, std::string_view text, std::string_view field) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == text) return static_cast<E>(i);
    std::string choices;
    for (std::size_t i = 0; i < N; ++i) choices += (i ? ", " : "") + std::string(names[i]);
    fail(field, "expected one of " + choices + ", got " + quote(text));
}

}  // namespace actielijst::detail
