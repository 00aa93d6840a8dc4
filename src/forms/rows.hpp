// The rows of one region's form, shared by the writer (what to ask) and the
// checker (what may come back).
#pragma once

#include <actielijst/forms.hpp>
#include <actielijst/view.hpp>

namespace actielijst::forms {

/// The areas of `action` on `region`'s form: the region itself when the list tracks
/// the action there (its scope or a state of affairs), and for a COROP region each
/// municipality in it that the list tracks. A province's form holds the province's
/// own rows: its regions answer on their own forms.
std::vector<std::string> areas_on_form(const View& view, const ActionPoint& action, const Region& region);

/// The form of `region` from the list as `view` shows it, labels in `language`.
Form build_form(const View& view, const Region& region, const std::string& language);

}  // namespace actielijst::forms
