// The layout of a form sheet, shared by the writers and the checker so that what
// is written is exactly what is read back:
//
//   row 1   marker: A "actielijst-uitvraag/1", B meeting key, C meeting date,
//           D region code, E the list's title, F the as-of date of the current states
//   row 2   a heading for people (region, meeting, deadline)
//   row 3   empty
//   row 4   column headers (nl or en)
//   row 5.. one row per (action, area)
//
// Columns A-H are the list's (locked in XLSX), I-K are the region's to fill in.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace actielijst::forms {

/// The first cell of every form sheet; the number is the layout's version.
inline constexpr std::string_view marker = "actielijst-uitvraag/1";

inline constexpr std::uint32_t marker_row = 1;
inline constexpr std::uint32_t heading_row = 2;
inline constexpr std::uint32_t header_row = 4;
inline constexpr std::uint32_t first_data_row = 5;

/// Marker row cells (1-based columns).
enum MarkerColumn : std::uint32_t {
    marker_tag = 1,
    marker_meeting = 2,
    marker_meeting_date = 3,
    marker_region = 4,
    marker_list = 5,
    marker_as_of = 6,
};

/// Data columns (1-based).
enum Column : std::uint32_t {
    col_action = 1,
    col_theme,
    col_title,
    col_area_name,
    col_area,
    col_state,
    col_text,
    col_date,
    col_new_state,
    col_new_text,
    col_author,
};
inline constexpr std::uint32_t column_count = col_author;
inline constexpr std::uint32_t last_locked_column = col_date;

/// The header of a column in a language ("nl" or "en").
std::string_view header(Column column, std::string_view language);
/// The column a header names, in either language (case and surrounding space
/// ignored); 0 when none.
std::uint32_t column_of_header(std::string_view text);

}  // namespace actielijst::forms
