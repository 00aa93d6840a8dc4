// A form workbook with libxlsxwriter: an explanation sheet, one sheet per region
// whose list columns are locked and whose new-state column is a drop-down of the
// list's own labels (inline, or from a hidden sheet when they are too long for that).
//
// libxlsxwriter writes to a file name only, so the workbook is made in a private
// temporary file and then copied into the caller's stream (which may be an atomic
// file, standard output or a C callback).
#include "forms/write.hpp"

#include <actielijst/error.hpp>

#include <xlsxwriter.h>

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <memory>
#include <ostream>
#include <set>

#include "forms/texts.hpp"

namespace actielijst::forms {
namespace {

constexpr const char* choices_sheet_nl = "Keuzelijst";
constexpr const char* choices_sheet_en = "Choices";

// Column widths in characters: keys and codes narrow, texts wide.
constexpr double column_widths[column_count] = {22, 12, 28, 16, 12, 14, 48, 11, 18, 48, 18};

// How many lines a text takes in a column of `width` characters, wrapped.
std::size_t wrapped_lines(const std::string& text, double width) {
    std::size_t lines = 0;
    std::size_t chars = 0;
    const auto per_line = static_cast<std::size_t>(width * 1.1);
    const auto end_line = [&] { lines += std::max<std::size_t>(1, (chars + per_line - 1) / per_line); chars = 0; };
    for (const unsigned char c : text) {
        if (c == '\n')
            end_line();
        else if ((c & 0xC0) != 0x80)
            ++chars;  // count characters, not UTF-8 bytes
    }
    end_line();
    return lines;
}

class TempFile {
public:
    TempFile() {
        std::string pattern = (std::filesystem::temp_directory_path() / "actielijst-form.XXXXXX").string();
        const int fd = ::mkstemp(pattern.data());
        if (fd < 0) {
            const int error = errno;  // before anything that may allocate
            throw Error(Errc::io, pattern,
                        std::string("cannot create a temporary file for the form: ") + std::strerror(error), error);
        }
        ::close(fd);
        path_ = pattern;
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() { ::unlink(path_.c_str()); }
    const std::string& path() const noexcept { return path_; }

private:
    std::string path_;
};

void check(lxw_error err, const std::string& what) {
    if (err != LXW_NO_ERROR) throw Error(Errc::invalid, "form", "" + what + ": " + lxw_strerror(err));
}

struct WorkbookCloser {
    void operator()(lxw_workbook* wb) const noexcept { workbook_close(wb); }
};

struct Formats {
    lxw_format* marker;
    lxw_format* heading;
    lxw_format* header;
    lxw_format* locked;
    lxw_format* input;
    lxw_format* title;
    lxw_format* paragraph;
};

Formats make_formats(lxw_workbook* wb) {
    Formats f{};
    f.marker = workbook_add_format(wb);
    format_set_font_color(f.marker, 0x808080);
    format_set_font_size(f.marker, 8);
    f.heading = workbook_add_format(wb);
    format_set_bold(f.heading);
    format_set_font_size(f.heading, 13);
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_text_wrap(f.header);
    format_set_bg_color(f.header, 0xD9E2F3);
    format_set_border(f.header, LXW_BORDER_THIN);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
    f.locked = workbook_add_format(wb);
    format_set_text_wrap(f.locked);
    format_set_align(f.locked, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(f.locked, 0xF2F2F2);
    format_set_border(f.locked, LXW_BORDER_THIN);
    format_set_border_color(f.locked, 0xBFBFBF);
    f.input = workbook_add_format(wb);
    format_set_unlocked(f.input);
    format_set_num_format(f.input, "@");  // text: "12" or "2023-06-01" typed in J stays text
    format_set_text_wrap(f.input);
    format_set_align(f.input, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(f.input, 0xFFF2CC);
    format_set_border(f.input, LXW_BORDER_THIN);
    format_set_border_color(f.input, 0xBFBFBF);
    f.title = workbook_add_format(wb);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    f.paragraph = workbook_add_format(wb);
    format_set_text_wrap(f.paragraph);
    format_set_align(f.paragraph, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

void text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& value, lxw_format* format,
          const std::string& where) {
    // worksheet_write_string never makes a formula: a text that starts with "=" stays text.
    check(worksheet_write_string(ws, row, col, value.c_str(), format), where);
}

void write_explanation(lxw_workbook* wb, const FormSet& set, const Formats& f) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, set.language == "en" ? "Explanation" : "Toelichting");
    check(worksheet_set_column(ws, 0, 0, 80, f.paragraph), "explanation");
    worksheet_fit_to_pages(ws, 1, 0);
    const auto paragraphs = explanation(set);
    lxw_row_t row = 0;
    for (std::size_t i = 0; i < paragraphs.size(); ++i, row += 2) {
        text(ws, row, 0, paragraphs[i], i == 0 ? f.title : f.paragraph, "explanation");
        check(worksheet_set_row(ws, row, LXW_DEF_ROW_HEIGHT * static_cast<double>(wrapped_lines(paragraphs[i], 80) + (i == 0)),
                                nullptr),
              "explanation");
    }
    // The regions with their number of rows, so the secretary sees the whole request.
    for (const auto& form : set.forms) {
        const std::string line = form.region_name + " (" + form.region + "): " + std::to_string(form.rows.size()) +
                                 (set.language == "en" ? " rows" : " rijen");
        text(ws, row++, 0, line, f.paragraph, "explanation");
    }
}

const char* choices_sheet(const FormSet& set) { return set.language == "en" ? choices_sheet_en : choices_sheet_nl; }

// The drop-down lists the labels inline when they fit Excel's 255 characters and hold
// no comma or quote (an inline list is comma-separated); otherwise it refers to the
// hidden choices sheet. (libxlsxwriter 1.1.4 does not free a validation's formula:
// the inline list also avoids that leak in the common case.)
bool choices_inline(const FormSet& set) {
    std::size_t length = 0;
    for (const auto& label : state_choices(set)) {
        if (label.find_first_of(",\"") != std::string::npos) return false;
        length += label.size() + 1;
    }
    return length <= 256;
}

std::string choices_range(const FormSet& set) {
    const auto n = std::max<std::size_t>(set.states.size(), 1);
    return "='" + std::string(choices_sheet(set)) + "'!$A$1:$A$" + std::to_string(n);
}

void write_choices(lxw_workbook* wb, const FormSet& set) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, choices_sheet(set));
    const auto choices = state_choices(set);
    for (std::size_t i = 0; i < choices.size(); ++i)
        text(ws, static_cast<lxw_row_t>(i), 0, choices[i], nullptr, "choices");
    worksheet_hide(ws);
}

void write_form_sheet(lxw_workbook* wb, const FormSet& set, const Form& form, const std::string& name,
                      const std::string& choices /* empty: inline */, const Formats& f) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    if (!ws) throw Error(Errc::invalid, "form", "cannot add a sheet named \"" + name + "\"");
    const std::string where = "sheet \"" + name + "\"";
    const auto marker = marker_cells(set, form);
    for (std::size_t c = 0; c < marker.size(); ++c)
        text(ws, marker_row - 1, static_cast<lxw_col_t>(c), marker[c], f.marker, where);
    text(ws, heading_row - 1, 0, heading(set, form), f.heading, where);
    for (std::uint32_t c = 1; c <= column_count; ++c)
        text(ws, header_row - 1, static_cast<lxw_col_t>(c - 1), std::string(header(static_cast<Column>(c), set.language)),
             f.header, where);

    // The machine row stays in the file for the checker, out of a person's sight.
    lxw_row_col_options hidden{};
    hidden.hidden = LXW_TRUE;
    check(worksheet_set_row_opt(ws, marker_row - 1, LXW_DEF_ROW_HEIGHT, nullptr, &hidden), where);
    check(worksheet_set_row(ws, header_row - 1, 2 * LXW_DEF_ROW_HEIGHT, nullptr), where);

    lxw_row_t row = first_data_row - 1;
    for (const auto& r : form.rows) {
        const auto locked = locked_cells(r);
        std::size_t lines = 1;
        for (std::size_t c = 0; c < locked.size(); ++c) {
            text(ws, row, static_cast<lxw_col_t>(c), locked[c], f.locked, where);
            lines = std::max(lines, wrapped_lines(locked[c], column_widths[c]));
        }
        for (lxw_col_t c = col_new_state - 1; c < column_count; ++c) check(worksheet_write_blank(ws, row, c, f.input), where);
        // Spreadsheets do not grow a row for wrapped text written by a program: give
        // it the height its longest text needs (up to 40 lines).
        check(worksheet_set_row(ws, row, LXW_DEF_ROW_HEIGHT * static_cast<double>(std::min<std::size_t>(lines, 40)),
                                nullptr),
              where);
        ++row;
    }

    // Spare rows for a municipality the list does not track yet: the key, the area and
    // the answer are open, the current state stays empty.
    for (std::size_t i = 0; i < form.spare_rows; ++i, ++row)
        for (lxw_col_t c = 0; c < column_count; ++c) {
            const bool open = c < col_area || c >= col_new_state - 1;
            check(worksheet_write_blank(ws, row, c, open ? f.input : f.locked), where);
        }

    for (lxw_col_t c = 0; c < column_count; ++c) check(worksheet_set_column(ws, c, c, column_widths[c], nullptr), where);
    worksheet_freeze_panes(ws, header_row, 0);
    // Printed on A4 landscape, all columns on one page width, headers on every page.
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    check(worksheet_repeat_rows(ws, header_row - 1, header_row - 1), where);

    if (row > first_data_row - 1) {
        lxw_data_validation validation{};
        const auto labels = state_choices(set);
        std::vector<char*> list;
        if (choices.empty()) {
            for (const auto& label : labels) list.push_back(const_cast<char*>(label.c_str()));
            list.push_back(nullptr);
            validation.validate = LXW_VALIDATION_TYPE_LIST;
            validation.value_list = list.data();
        } else {
            validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
            validation.value_formula = const_cast<char*>(choices.c_str());
        }
        validation.ignore_blank = LXW_VALIDATION_ON;
        validation.show_error = LXW_VALIDATION_ON;
        validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
        const bool en = set.language == "en";
        std::string error_title = en ? "Not a state of the list" : "Geen stand van de lijst";
        std::string error_message = en ? "Choose one of the states from the list." : "Kies een van de standen uit de lijst.";
        validation.error_title = error_title.data();
        validation.error_message = error_message.data();
        check(worksheet_data_validation_range(ws, first_data_row - 1, col_new_state - 1, row - 1, col_new_state - 1,
                                              &validation),
              where + ": drop-down");
    }

    lxw_protection protection{};
    protection.format_columns = 1;  // widening a column to read a long text is fine
    protection.format_rows = 1;
    worksheet_protect(ws, nullptr, &protection);
}

}  // namespace

void write_xlsx(std::ostream& out, const FormSet& set) {
    TempFile temp;
    {
        lxw_workbook_options options{};
        std::unique_ptr<lxw_workbook, WorkbookCloser> wb(workbook_new_opt(temp.path().c_str(), &options));
        if (!wb) throw Error(Errc::io, "form", "cannot start a workbook");
        // The properties carry the as-of date, not the clock: the same forms give the same file.
        lxw_doc_properties properties{};
        std::string title = set.list_title;
        properties.title = title.data();
        std::tm tm{};
        tm.tm_year = set.as_of.year() - 1900;
        tm.tm_mon = set.as_of.month() - 1;
        tm.tm_mday = set.as_of.day();
        properties.created = timegm(&tm);
        check(workbook_set_properties(wb.get(), &properties), "properties");

        const Formats f = make_formats(wb.get());
        write_explanation(wb.get(), set, f);
        std::set<std::string> names;
        std::vector<std::string> sheet_names;
        for (const auto& form : set.forms) {
            std::string name = sheet_name(form);
            if (names.count(name)) name = form.region;  // two regions with the same name
            if (!names.insert(name).second) throw Error(Errc::invalid, "regions", "two forms for region " + form.region);
            sheet_names.push_back(name);
        }
        const bool inline_list = choices_inline(set);
        const std::string choices = inline_list ? std::string() : choices_range(set);
        for (std::size_t i = 0; i < set.forms.size(); ++i)
            write_form_sheet(wb.get(), set, set.forms[i], sheet_names[i], choices, f);
        if (!inline_list) write_choices(wb.get(), set);
        lxw_error err = workbook_close(wb.release());
        if (err != LXW_NO_ERROR) throw Error(Errc::io, std::string("form: cannot write the workbook: ") + lxw_strerror(err));
    }
    std::ifstream in(temp.path(), std::ios::binary);
    if (!in) throw Error(Errc::io, "form", "cannot read back the workbook");
    out << in.rdbuf();
}

}  // namespace actielijst::forms
