// Checking a returned form against the list: the marker row names the list, the
// meeting and the region; the header row fixes the columns; each data row must be
// an (action, area) of that region's form with its list columns as written, and a
// new state that is one of the list's states.
#pragma once

#include <actielijst/forms.hpp>

#include "forms/sheet.hpp"

namespace actielijst {
class Store;
}

namespace actielijst::forms {

struct CheckResult {
    std::vector<std::string> regions;
    std::size_t rows = 0;
    std::size_t unchanged = 0;
    std::vector<StatusUpdate> updates;
    std::vector<StatusChange> changes;
    std::vector<FormProblem> problems;
    /// A problem with the file or a whole sheet: nothing may be stored, even when
    /// bad rows may be skipped.
    bool fatal = false;
};

/// Checks every form sheet of the workbook for `meeting`. Reads the store (views at
/// the forms' date and at the meeting's date), never writes it.
CheckResult check_workbook(const Workbook& workbook, const Store& store, const Meeting& meeting);

}  // namespace actielijst::forms
