// Reasons in words: a rule's reason (rules.hpp, Reason) as a short phrase in the
// report's language, with the list's own labels, for the report's signals.
#pragma once

#include <actielijst/rules.hpp>
#include <actielijst/view.hpp>

#include <string>
#include <string_view>

namespace actielijst::report {

/// `reason` as a short phrase in `language` ("nl" or "en"), built from its structured
/// fields and the labels of `view`: e.g. "stand van zaken Stagneert sinds 1 maart 2023",
/// "2 open voorstellen", "deadline 1 april 2023 verstreken (31 dagen)". Empty when
/// there is no phrase for the reason's field or shape (the caller then shows the
/// expression), and for any other language.
std::string describe_reason(const Reason& reason, const View& view, std::string_view language);

}  // namespace actielijst::report
