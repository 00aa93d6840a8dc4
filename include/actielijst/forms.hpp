/// \file
/// actielijst — collecting the states of affairs ("uitvraag"): a fill-in form per
/// region out, the returned forms read, checked row by row and recorded.
///
/// A form asks one region (a province, a COROP region or a municipality) for the
/// new state of each action point in its scope, for one meeting: one row per
/// (action, area), where the area is the region itself or, for a COROP region, a
/// municipality in it that the list tracks. A workbook holds one sheet per region
/// and a first sheet that explains what to fill in and by when; a CSV holds one
/// region. The layout and the checks are documented in docs/forms.md.
///
/// Reading is bounded: XLSX is read from memory with limits on the entries, the
/// uncompressed size, the cells and the length of a cell, without entities or
/// formulas. A returned file is recorded in one transaction or not at all.
#pragma once

#include <actielijst/changes.hpp>
#include <actielijst/date.hpp>
#include <actielijst/meeting.hpp>
#include <actielijst/progress_state.hpp>
#include <actielijst/status_update.hpp>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace actielijst {

class Store;

/// The file format of a set of fill-in forms.
enum class FormFormat : int { xlsx = 0, csv = 1 };
/// \var FormFormat::xlsx
/// An Excel workbook: an explanation sheet, then one sheet per region.
/// \var FormFormat::csv
/// A CSV file holding the form of one region.

/// "xlsx" or "csv".
std::string_view to_string(FormFormat format) noexcept;
/// Throws Error(Errc::invalid) `<field>: unknown form format "x" (expected xlsx or csv)`.
FormFormat parse_form_format(std::string_view text, std::string_view field = "format");

/// What build_forms() asks: for which meeting, of which regions, as of which date.
struct FormOptions {
    /// Key of the meeting the states are asked for; required, must be in the store.
    std::string meeting;
    /// Region codes or aliases, one form (sheet) each, in this order. Empty: every
    /// COROP region of the list, in the list's region order.
    std::vector<std::string> regions;
    /// The states shown as current; must be before the meeting, whose date the returns
    /// are recorded at. Unset: the day before the meeting.
    std::optional<Date> as_of;
    /// "Graag terug vóór": unset means 7 days before the meeting.
    std::optional<Date> deadline;
    /// "nl" (default) or "en": the labels, the headers and the explanation.
    std::string language = "nl";
};

/// One row of a form: an action point in one area, with its state then.
struct FormRow {
    std::string action;                   ///< key of the action point
    std::string theme_label;              ///< its theme's label in the form's language
    std::string title;                    ///< title of the action point
    std::string area;                     ///< region code: the form's region or a municipality in it
    std::string area_name;                ///< name of `area`
    std::optional<StatusUpdate> current;  ///< unset when the area has no state of affairs yet
    std::string current_label;            ///< the current state's label in the form's language
};

/// The form for one region.
struct Form {
    std::string region;         ///< code of the region the form asks
    std::string region_name;    ///< the region's name
    std::vector<FormRow> rows;  ///< the rows asked: one per (action point, area)
    /// Empty rows after the asked ones (XLSX), where a COROP region adds a
    /// municipality the list does not track yet for one of its action points: the
    /// action's key in A, the municipality's code in E, then the new state. 0 for
    /// other regions. A CSV takes added lines without them.
    std::size_t spare_rows = 0;
};

/// Everything a set of forms says, computed from the store; written as XLSX or CSV.
struct FormSet {
    /// A set for the meeting `for_meeting`, everything else empty (build_forms() fills it).
    explicit FormSet(Meeting for_meeting) : meeting(std::move(for_meeting)) {}

    std::string list_title;             ///< the list's meta.title; a returned form must name the same list
    Meeting meeting;                    ///< the meeting the states are asked for; returns are recorded at its date
    Date as_of{1970, 1, 1};             ///< the date the current states on the forms are as of
    Date deadline{1970, 1, 1};          ///< the date the forms are asked back by ("Graag terug vóór")
    std::string language = "nl";        ///< language of labels, headers and explanation: "nl" or "en"
    std::vector<ProgressState> states;  ///< the choices of the new-state column, in list order
    std::vector<Form> forms;            ///< one form per region, in the order asked
};

/// Builds the forms. Throws Error(Errc::not_found) for an unknown meeting or region,
/// Error(Errc::invalid) for a bad language or a deadline after the meeting.
FormSet build_forms(const Store& store, const FormOptions& options);

/// Writes every form of the set: XLSX (an explanation sheet, then one sheet per
/// region) or CSV (exactly one form; more throws Error(Errc::invalid)). The stream
/// gets bytes; output errors throw Error(Errc::io).
void write_forms(std::ostream& out, const FormSet& forms, FormFormat format);
/// Same, to a file replaced atomically.
void write_forms_file(const std::string& path, const FormSet& forms, FormFormat format);

/// A problem found in a returned form. `row` and `column` are 0 when the problem is
/// about the file or a whole sheet; `column` is 1-based (1 = A).
struct FormProblem {
    std::string sheet;         ///< empty for a CSV file, or for the file as a whole
    std::uint32_t row = 0;     ///< row number, 1-based; 0 for the file or a whole sheet
    std::uint32_t column = 0;  ///< column number, 1-based (1 = A); 0 when not about one cell
    std::string message;       ///< what is wrong
    /// "sheet "Zuid-Limburg", row 7, column I: ..." (the parts that are set).
    std::string where() const;
    /// where() and message joined for people (`<where>: <message>`), or the message
    /// alone when nothing of the place is set.
    std::string to_string() const;
};

/// How process_form() treats a returned form.
struct ProcessOptions {
    /// The meeting the returns are for. Empty: the latest meeting in the store. A
    /// form written for another meeting is refused.
    std::string meeting;
    /// Check and report, store nothing.
    bool dry_run = false;
    /// Store the good rows and list each bad row as skipped; without it, one bad
    /// row means nothing of the file is stored. Problems with the file or a sheet
    /// as a whole (not a form, another list or meeting) are never skipped.
    bool skip_bad_rows = false;
};

/// What processing one returned file did.
struct FormReturn {
    std::string file;                      ///< as given
    FormFormat format = FormFormat::xlsx;  ///< the format it was read as (told apart by content)
    std::string encoding;                  ///< CSV: "UTF-8", "UTF-8 with BOM" or "Windows-1252"
    std::string meeting;                   ///< key of the meeting the form was for
    std::vector<std::string> regions;      ///< the regions of the form sheets read
    std::size_t rows = 0;                  ///< data rows read
    std::size_t unchanged = 0;             ///< rows with no new state, or the same state and text
    std::vector<StatusUpdate> updates;     ///< the new states of affairs (stored unless dry run or problems)
    std::vector<StatusChange> changes;     ///< before -> after for each update, as diff() gives them
    std::vector<FormProblem> problems;     ///< errors; with skip_bad_rows the skipped rows
    /// A problem stopped the file: nothing of it is (or, in a dry run, would be) stored.
    bool blocked = false;
    bool stored = false;               ///< the updates are in the store
    /// True when nothing stopped the file (with skip_bad_rows, rows may have been skipped).
    bool ok() const noexcept { return !blocked; }
};

/// Reads a returned form (XLSX or CSV, told apart by content), checks it against the
/// store and the meeting and, unless a problem or dry_run stops it, records its new
/// states of affairs at the meeting's date in one transaction. Problems with the
/// content come back in FormReturn::problems; a file that cannot be read throws
/// Error(Errc::io), a store that cannot be written throws its storage error.
FormReturn process_form(Store& store, const std::string& path, const ProcessOptions& options = {});
/// Same for a form already in memory; `name` is the file name used in messages.
FormReturn process_form_bytes(Store& store, std::string_view bytes, const std::string& name,
                              const ProcessOptions& options = {});

}  // namespace actielijst
