// Escaping data text for each output format: the one place that decides what a
// text from the data may become in HTML, Markdown and CSV (report and besluitenlijst).
#pragma once

#include <string>
#include <string_view>

namespace actielijst::report {

/// Text for HTML element content and quoted attributes: & < > " ' escaped, control
/// characters that XML forbids replaced by U+FFFD.
std::string esc(std::string_view text);
/// As esc(), with each line break kept visible as <br/>.
std::string esc_lines(std::string_view text);
/// Text for CommonMark: the characters Markdown reads as inline markup, links, raw HTML
/// or entities are escaped, and a newline becomes an HTML line break, so data text
/// never starts a block (list, heading, quote) of its own.
std::string md(std::string_view text);
/// One RFC 4180 cell: quoted when needed, and with a leading apostrophe when a
/// spreadsheet could read it as a formula (= + - @, also after leading white space
/// that spreadsheets trim, or a leading tab or CR).
std::string csv_cell(std::string_view text);

}  // namespace actielijst::report
