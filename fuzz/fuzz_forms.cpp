// libFuzzer target for the readers of returned forms (src/forms/sheet.hpp, docs/fuzzing.md).
//
// Every input goes to read_workbook, read_xlsx and read_csv, with small limits so that
// a zip bomb or a huge sheet is refused quickly. Only actielijst::Error may escape, with
// a message that starts with the file name; anything else aborts. A workbook that is
// read must keep the promises of sheet.hpp and the limits: rows in order and 1-based,
// every row with a non-empty cell, no cell past the limits, texts in UTF-8 with LF line
// ends only, and CSV cells are always text.
#include "forms/sheet.hpp"

#include <actielijst/error.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using namespace actielijst;
using namespace actielijst::forms;

[[noreturn]] void die(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_forms: %s: %s\n", what, detail.c_str());
    std::abort();
}

/// Lead bytes and continuation bytes in place (the readers' own check is stricter).
bool valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        std::size_t n = 0;
        if (b >= 0xC2 && b <= 0xDF)
            n = 1;
        else if (b >= 0xE0 && b <= 0xEF)
            n = 2;
        else if (b >= 0xF0 && b <= 0xF4)
            n = 3;
        else if (b >= 0x80)
            return false;
        if (i + n >= text.size()) return false;
        for (std::size_t k = 1; k <= n; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
        i += n + 1;
    }
    return true;
}

void check(const Workbook& book, const ReadLimits& limits, bool csv) {
    if (csv && book.sheets.size() != 1) die("csv", "not one sheet");
    std::size_t cells = 0;
    for (const auto& sheet : book.sheets) {
        std::uint32_t previous = 0;
        for (const auto& row : sheet.rows) {
            if (row.number <= previous || row.number > limits.max_rows) die("row numbers", std::to_string(row.number));
            previous = row.number;
            if (row.cells.size() > limits.max_columns) die("columns", std::to_string(row.cells.size()));
            bool any = false;
            for (const auto& cell : row.cells) {
                if (cell.type == CellType::empty) {
                    if (!cell.text.empty()) die("empty cell with text", cell.text);
                    continue;
                }
                any = true;
                ++cells;
                if (csv && cell.type != CellType::text) die("csv cell that is not text", cell.text);
                if (cell.text.size() > limits.max_cell_chars)
                    die("cell text too long", std::to_string(cell.text.size()));
                if (cell.text.find('\r') != std::string::npos) die("CR in a text", cell.text);
                if (!valid_utf8(cell.text)) die("text is not UTF-8", cell.text);
            }
            if (!any) die("row without a non-empty cell", std::to_string(row.number));
        }
    }
    if (cells > limits.max_cells) die("cells", std::to_string(cells));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ReadLimits limits;
    limits.max_file_bytes = 1u << 20;
    limits.max_entries = 64;
    limits.max_entry_bytes = 1u << 20;
    limits.max_total_bytes = 2u << 20;
    limits.max_cells = 10'000;
    limits.max_cell_chars = 4096;
    limits.max_columns = 64;
    limits.max_rows = 100'000;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const std::string name = "fuzz.form";

    using Reader = Workbook (*)(std::string_view, const std::string&, const ReadLimits&);
    const struct {
        Reader read;
        bool csv;
    } readers[] = {{&read_workbook, !bytes.starts_with(std::string_view("PK\x03\x04", 4))},
                   {&read_xlsx, false},
                   {&read_csv, true}};
    for (const auto& reader : readers) {
        try {
            check(reader.read(bytes, name, limits), limits, reader.csv);
        } catch (const Error& e) {
            if (!std::string_view(e.what()).starts_with(name + ": ")) die("message does not name the file", e.what());
        }
    }
    return 0;
}
