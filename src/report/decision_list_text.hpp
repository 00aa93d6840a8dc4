// The decision list's own texts in Dutch and English (the report's phrase table in
// i18n.cpp is the report's), shared by the model and the renderers.
#pragma once

#include <string_view>

namespace actielijst::decision_list {

/// The text for `key` in `language` ("nl" or "en"); the key itself when unknown, so a
/// missing translation shows up in the golden files rather than as a crash.
std::string_view text(std::string_view language, std::string_view key) noexcept;

}  // namespace actielijst::decision_list
