// The cells of a returned form (sheet.hpp): row access, column letters, and the choice
// between the two readers.
#include "forms/sheet.hpp"

namespace actielijst::forms {

const Cell& SheetRow::at(std::uint32_t column) const {
    static const Cell empty_cell;
    if (column == 0 || column > cells.size()) return empty_cell;
    return cells[column - 1];
}

std::string size_text(std::size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " bytes";
}

std::string column_letters(std::uint32_t column) {
    // Bijective base 26: A..Z, AA..ZZ, AAA... (no zero digit).
    std::string letters;
    while (column > 0) {
        --column;
        letters.insert(letters.begin(), static_cast<char>('A' + column % 26));
        column /= 26;
    }
    return letters;
}

Workbook read_workbook(std::string_view bytes, const std::string& name, const ReadLimits& limits) {
    // Every XLSX file is a zip archive, and a zip archive starts with a local file header.
    static constexpr std::string_view zip_magic("PK\x03\x04", 4);
    if (bytes.substr(0, zip_magic.size()) == zip_magic) return read_xlsx(bytes, name, limits);
    return read_csv(bytes, name, limits);
}

}  // namespace actielijst::forms
