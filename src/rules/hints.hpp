// What the type check adds to an error about an unknown name: the names it may
// have meant and where the list is (docs/rules.md, "Errors that suggest"). Only
// called once a name is known to be wrong, so loading costs nothing more.
#pragma once

#include "rules/ast.hpp"

#include <actielijst/view.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace actielijst::rules {

/// After `unknown field "x" in a filter`: `; did you mean "action"? (actielijst
/// fields lists them; docs/rules.md)`, from the fields valid in the contexts `ctx`
/// (bits of Context; the message-only fields too when `message`).
std::string field_hint(std::string_view name, std::uint8_t ctx, bool message);
/// After `unknown function "x"`, the same from the functions.
std::string function_hint(std::string_view name, std::uint8_t ctx);
/// After `unknown state category "x" (expected ...)` or `unknown region kind "x"
/// (expected ...)` (kind Vocab::category or Vocab::region_kind): `; did you mean
/// "blocked"?`, or nothing.
std::string fixed_value_hint(Vocab kind, std::string_view name);
/// After `unknown state "x"` (theme, region, indicator, level of ref.indicator):
/// the close names `view` has, or all of them when it has few.
std::string vocabulary_hint(const VocabRef& ref, const View& view);

}  // namespace actielijst::rules
