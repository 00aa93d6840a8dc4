// A form as CSV, for those who cannot open XLSX: UTF-8 with a byte order mark (so
// Excel reads the accents right) and semicolons (what Dutch Excel writes), in the
// same rows and columns as the XLSX sheet.
#include "forms/write.hpp"

#include <actielijst/error.hpp>

#include <ostream>

#include "forms/texts.hpp"

namespace actielijst::forms {
namespace {

constexpr char delimiter = ';';

// One field: quoted when it holds a delimiter, quote or line break, and with an
// apostrophe in front when a spreadsheet could take it for a formula. The reader
// drops that apostrophe again.
std::string field(std::string_view text) {
    std::string out;
    if (!text.empty() && std::string_view("=+-@").find(text.front()) != std::string_view::npos) out += '\'';
    out += text;
    if (out.find_first_of(";,\"\r\n") == std::string::npos && (out.empty() || (out.front() != ' ' && out.back() != ' ')))
        return out;
    std::string quoted = "\"";
    for (const char c : out) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

template <class Cells>
void line(std::ostream& out, const Cells& cells) {
    bool first = true;
    for (const auto& cell : cells) {
        if (!first) out << delimiter;
        out << field(cell);
        first = false;
    }
    out << "\r\n";
}

}  // namespace

void write_csv(std::ostream& out, const FormSet& set) {
    if (set.forms.size() != 1)
        throw Error(Errc::invalid, "format", "a CSV file holds the form of one region, not " +
                                       std::to_string(set.forms.size()) + ": write XLSX, or one CSV per region");
    const Form& form = set.forms.front();
    out << "\xEF\xBB\xBF";
    line(out, marker_cells(set, form));
    const std::string choices = set.language == "en" ? "Choose the new state from: " : "Kies de nieuwe stand uit: ";
    std::string states;
    for (const auto& s : state_choices(set)) states += (states.empty() ? "" : ", ") + s;
    line(out, std::array<std::string, 2>{heading(set, form), choices + states});
    out << "\r\n";
    std::array<std::string, column_count> headers;
    for (std::uint32_t c = 1; c <= column_count; ++c) headers[c - 1] = header(static_cast<Column>(c), set.language);
    line(out, headers);
    for (const auto& row : form.rows) {
        std::array<std::string, column_count> cells;
        const auto locked = locked_cells(row);
        std::copy(locked.begin(), locked.end(), cells.begin());
        line(out, cells);
    }
}

}  // namespace actielijst::forms
