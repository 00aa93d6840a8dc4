// Reading a returned form saved as CSV (sheet.hpp): the encoding a spreadsheet may have
// used (UTF-8 with or without BOM, else Windows-1252), the delimiter its locale chose
// (comma or semicolon), RFC 4180 quoting, and the limits.
#include "forms/sheet.hpp"

#include "report/escape.hpp"

#include <actielijst/error.hpp>

#include <array>
#include <optional>

namespace actielijst::forms {
namespace {

/// A problem at `where` (the file, a part of it, a row or a cell).
[[noreturn]] void fail(const std::string& where, const std::string& message) {
    throw Error(Errc::invalid, where, message);
}


std::string hex_byte(unsigned char byte) {
    static constexpr char digits[] = "0123456789ABCDEF";
    return std::string("0x") + digits[byte >> 4] + digits[byte & 15];
}

/// The line (1-based, counting CRLF, LF and CR) that the byte at `offset` is on.
std::size_t line_at(std::string_view bytes, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < bytes.size(); ++i)
        if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) ++line;
    return line;
}

/// Offset of the first byte that is not part of well-formed UTF-8 (no overlong forms,
/// no surrogates, nothing past U+10FFFF), or nothing when all of it is.
std::optional<std::size_t> invalid_utf8(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        std::size_t n = 0;
        unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
        if (b >= 0xC2 && b <= 0xDF) {
            n = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            n = 2;
            if (b == 0xE0) low = 0xA0;
            if (b == 0xED) high = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            n = 3;
            if (b == 0xF0) low = 0x90;
            if (b == 0xF4) high = 0x8F;
        } else {
            return i;
        }
        if (i + n >= bytes.size()) return i;
        for (std::size_t k = 1; k <= n; ++k) {
            const auto c = static_cast<unsigned char>(bytes[i + k]);
            if (k == 1 ? (c < low || c > high) : (c < 0x80 || c > 0xBF)) return i;
        }
        i += n + 1;
    }
    return std::nullopt;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

/// Windows-1252 to UTF-8. 0x80-0x9F are Microsoft's own characters (the euro sign,
/// curly quotes, ...); five of them are undefined and refused rather than guessed.
std::string from_windows_1252(std::string_view bytes, const std::string& name) {
    static constexpr std::array<char32_t, 32> high_controls = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        char32_t c = b;
        if (b >= 0x80 && b <= 0x9F) {
            c = high_controls[b - 0x80];
            if (c == 0)
                fail(name, "line " + std::to_string(line_at(bytes, i)) + ", byte offset " + std::to_string(i) +
                     ": byte " + hex_byte(b) +
                     " is a character neither in UTF-8 nor in Windows-1252 (save the file as \"CSV UTF-8\")");
        }
        append_utf8(out, c);
    }
    return out;
}

/// UTF-16 has a byte order mark, and without one, a NUL byte next to nearly every ASCII
/// character; neither happens in a CSV file in an 8-bit encoding.
bool looks_like_utf16(std::string_view bytes) {
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") return true;
    const auto head = bytes.substr(0, 4096);
    std::size_t nuls = 0;
    for (const char c : head)
        if (c == '\0') ++nuls;
    return head.size() >= 2 && nuls * 4 >= head.size();
}

/// Whether the first line (the header or the form's marker line) has more semicolons
/// than commas outside quotes; a tie goes to the semicolon, the Dutch spreadsheet default.
char detect_delimiter(std::string_view text) {
    std::size_t semicolons = 0, commas = 0;
    bool quoted = false;
    for (const char c : text) {
        if (c == '"') {
            quoted = !quoted;  // a doubled quote toggles twice: no harm
        } else if (!quoted && (c == '\n' || c == '\r')) {
            break;
        } else if (!quoted && c == ';') {
            ++semicolons;
        } else if (!quoted && c == ',') {
            ++commas;
        }
    }
    return commas > semicolons ? ',' : ';';
}

/// The report writer puts an apostrophe before a text a spreadsheet could take for a
/// formula (report::csv_cell); the apostrophe is removed again exactly when csv_cell
/// would have added it, so a text survives the round trip unchanged.
void remove_formula_guard(std::string& field) {
    if (field.size() < 2 || field.front() != '\'' || field[1] == '\'') return;
    const std::string_view rest = std::string_view(field).substr(1);
    const auto written = report::csv_cell(rest);
    const bool guarded = written.starts_with('\'') || written.starts_with("\"'");
    if (guarded) field.erase(0, 1);
}

class CsvParser {
public:
    CsvParser(std::string_view text, const std::string& name, const ReadLimits& limits, Sheet& sheet)
        : text_(text), name_(name), limits_(limits), sheet_(sheet), delimiter_(detect_delimiter(text)) {}

    void run() {
        while (position_ < text_.size()) read_record();
    }

private:
    std::string here() const { return name_ + ": row " + std::to_string(row_) + ", column " + column_letters(column_); }

    void read_record() {
        ++row_;
        column_ = 0;
        cells_.clear();
        for (;;) {
            ++column_;
            const bool more = read_field();
            if (!more) break;
        }
        while (!cells_.empty() && cells_.back().type == CellType::empty) cells_.pop_back();
        if (!cells_.empty()) sheet_.rows.push_back(SheetRow{row_, std::move(cells_)});
    }

    /// Reads one field; true when a delimiter follows (another field in this record).
    bool read_field() {
        field_.clear();
        bool more = false;
        if (position_ < text_.size() && text_[position_] == '"') {
            const auto start_row = row_;
            const auto start_column = column_;
            ++position_;
            for (;;) {
                if (position_ >= text_.size())
                    fail(name_, "row " + std::to_string(start_row) + ", column " + column_letters(start_column) +
                         ": a quoted field starts here and is never closed");
                const char c = text_[position_++];
                if (c == '"') {
                    if (position_ < text_.size() && text_[position_] == '"') {
                        add('"');
                        ++position_;
                    } else {
                        break;
                    }
                } else if (c == '\r') {
                    if (position_ < text_.size() && text_[position_] == '\n') ++position_;
                    add('\n');
                } else {
                    add(c);
                }
            }
        }
        // Unquoted text, or anything after a closing quote (kept as is, as spreadsheets do).
        while (position_ < text_.size()) {
            const char c = text_[position_++];
            if (c == delimiter_) {
                more = true;
                break;
            }
            if (c == '\n') break;
            if (c == '\r') {
                if (position_ < text_.size() && text_[position_] == '\n') ++position_;
                break;
            }
            add(c);
        }
        finish_field();
        return more;
    }

    void add(char c) {
        if (field_.size() >= limits_.max_cell_chars) {
            fail(here(), "a text of more than " + std::to_string(limits_.max_cell_chars) + " bytes (the limit is " +
                 std::to_string(limits_.max_cell_chars) + ")");
        }
        field_ += c;
    }

    void finish_field() {
        if (field_.empty()) {
            if (column_ <= limits_.max_columns) cells_.emplace_back();
            return;
        }
        if (++cells_used_ > limits_.max_cells)
            fail(here(), "more than " + std::to_string(limits_.max_cells) + " non-empty cells (the limit is " +
                 std::to_string(limits_.max_cells) + ")");
        if (column_ > limits_.max_columns)
            fail(here(), "past the last column this form reads (" + column_letters(limits_.max_columns) + ")");
        if (row_ > limits_.max_rows)
            fail(here(), "past the last row this form reads (" + std::to_string(limits_.max_rows) + ")");
        remove_formula_guard(field_);
        cells_.push_back(Cell{CellType::text, field_});
    }

    std::string_view text_;
    const std::string& name_;
    const ReadLimits& limits_;
    Sheet& sheet_;
    char delimiter_;
    std::size_t position_ = 0;
    std::uint32_t row_ = 0, column_ = 0;
    std::size_t cells_used_ = 0;
    std::vector<Cell> cells_;
    std::string field_;
};

}  // namespace

Workbook read_csv(std::string_view bytes, const std::string& name, const ReadLimits& limits) {
    if (bytes.size() > limits.max_file_bytes)
        fail(name, "the file is " + std::to_string(bytes.size()) + " bytes (the limit is " +
             size_text(limits.max_file_bytes) + ")");
    if (looks_like_utf16(bytes))
        fail(name, "this file is UTF-16 (\"Unicode text\"); save it as \"CSV UTF-8 (comma delimited)\" or "
                    "\"CSV (semicolon delimited)\"");
    Workbook workbook;
    std::string converted;
    std::string_view text = bytes;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
        workbook.encoding = "UTF-8 with BOM";
        if (const auto bad = invalid_utf8(text))
            fail(name, "line " + std::to_string(line_at(text, *bad)) + ", byte offset " + std::to_string(*bad + 3) +
                 ": the file starts as UTF-8 but byte " + hex_byte(static_cast<unsigned char>(text[*bad])) +
                 " is not UTF-8");
    } else if (!invalid_utf8(text)) {
        workbook.encoding = "UTF-8";
    } else {
        converted = from_windows_1252(bytes, name);
        text = converted;
        workbook.encoding = "Windows-1252";
    }
    if (text.empty()) fail(name, "the file is empty");
    workbook.sheets.emplace_back();
    CsvParser(text, name, limits, workbook.sheets.back()).run();
    return workbook;
}

}  // namespace actielijst::forms
