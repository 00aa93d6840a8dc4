// What a form says to the person filling it in, in Dutch or English, and the cells
// of a form sheet as text; shared by the XLSX and the CSV writer.
#pragma once

#include <actielijst/forms.hpp>

#include <array>
#include <string>
#include <vector>

#include "forms/layout.hpp"

namespace actielijst::forms {

/// The marker row (A-F): what the checker reads back to know the form.
std::array<std::string, 6> marker_cells(const FormSet& set, const Form& form);
/// "Stand van zaken Zuid-Limburg voor de vergadering van 12 april 2023 — graag terug vóór 5 april 2023".
std::string heading(const FormSet& set, const Form& form);
/// The list's columns A-H of a row, as written.
std::array<std::string, last_locked_column> locked_cells(const FormRow& row);
/// The state labels a person may choose, in the form's language, in list order.
std::vector<std::string> state_choices(const FormSet& set);
/// The explanation sheet, one paragraph per entry (the first is its title).
std::vector<std::string> explanation(const FormSet& set);
/// A sheet name for a region: its name without the characters sheet names forbid,
/// at most 31 characters.
std::string sheet_name(const Form& form);

}  // namespace actielijst::forms
