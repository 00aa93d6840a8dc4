// The cells of a returned form, as read from an XLSX workbook or a CSV file, before
// anything is checked against the list: which sheet, which row and column, what
// kind of cell, what it holds. The readers (xlsx_read.cpp, csv_read.cpp) enforce the
// limits below and throw Error(Errc::invalid) with the file and the place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst::forms {

enum class CellType {
    empty,
    text,     ///< a string (shared, inline, or any CSV field)
    number,   ///< a number, also a date or time stored as a number
    boolean,
    error,    ///< #N/A, #REF! ...
    formula,  ///< a cell with a formula: `text` holds the formula, never evaluated
};

struct Cell {
    CellType type = CellType::empty;
    std::string text;  ///< the text; a number's or boolean's value as written in the file
};

struct SheetRow {
    std::uint32_t number = 0;  ///< 1-based, as the spreadsheet shows it
    /// Column 1 (A) first; trailing empty cells may be missing.
    std::vector<Cell> cells;
    const Cell& at(std::uint32_t column) const;  ///< 1-based; an empty cell past the end
};

struct Sheet {
    std::string name;  ///< the sheet's name; for CSV empty
    /// Rows that hold at least one non-empty cell, in row order.
    std::vector<SheetRow> rows;
};

struct Workbook {
    std::vector<Sheet> sheets;  ///< workbook order; a CSV file is one sheet
    std::string encoding;       ///< CSV: "UTF-8", "UTF-8 with BOM" or "Windows-1252"; XLSX: empty
};

/// What a reader accepts; every limit exceeded is a clear error, never a partial read.
struct ReadLimits {
    std::size_t max_file_bytes = 64u << 20;          ///< the file as given
    std::size_t max_entries = 1000;                  ///< entries in the zip archive
    std::size_t max_entry_bytes = 64u << 20;         ///< one entry, uncompressed (counted, not trusted)
    std::size_t max_total_bytes = 128u << 20;        ///< all entries read, uncompressed
    std::size_t max_cells = 1'000'000;               ///< non-empty cells in the file
    std::size_t max_cell_chars = 32767;              ///< bytes in one cell (Excel's own limit)
    std::uint32_t max_columns = 64;                  ///< a cell further right is an error
    std::uint32_t max_rows = 1'048'576;              ///< Excel's last row
};

/// An XLSX workbook (Office Open XML, as Excel and LibreOffice save it) from memory.
/// `name` is the file name used in messages. Rejects a DOCTYPE (so no entity of any
/// kind), encrypted or multi-disk archives, and anything past the limits.
Workbook read_xlsx(std::string_view bytes, const std::string& name, const ReadLimits& limits = {});

/// A CSV file from memory: comma or semicolon (the header decides), RFC 4180 quoting,
/// CRLF or LF; UTF-8 with or without BOM, or else Windows-1252 (converted to UTF-8).
/// A UTF-16 file is refused with a message saying how to save it instead.
Workbook read_csv(std::string_view bytes, const std::string& name, const ReadLimits& limits = {});

/// XLSX when the bytes start like a zip archive, else CSV.
Workbook read_workbook(std::string_view bytes, const std::string& name, const ReadLimits& limits = {});

/// A size for a message: "64 MiB", "4 KiB", "1000 bytes".
std::string size_text(std::size_t bytes);

/// "A", "B", ... "Z", "AA": the column's letters (1-based).
std::string column_letters(std::uint32_t column);

}  // namespace actielijst::forms
