// Helpers for the forms tests: a Limburg store with a meeting, forms as text, and a
// returned form edited cell by cell (read with the library's own CSV reader, written
// back as a person's spreadsheet would save it).
#pragma once

#include <actielijst/forms.hpp>
#include <actielijst/store.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "forms/sheet.hpp"
#include "support.hpp"

namespace test {

inline constexpr const char* next_meeting = "sg-2023-04";

/// The bundled Limburg list, plus the meeting of 12 April 2023 the forms are for.
inline actielijst::Store limburg_store(const TempDir& dir, const std::string& name = "limburg.db") {
    auto store = actielijst::Store::open(dir.file(name));
    store.import_json(limburg_json());
    store.add_meeting(actielijst::Meeting(next_meeting, actielijst::Date(2023, 4, 12), "Stuurgroep april"));
    return store;
}

inline actielijst::FormSet forms_for(const actielijst::Store& store, std::vector<std::string> regions,
                                     const std::string& language = "nl") {
    actielijst::FormOptions options;
    options.meeting = next_meeting;
    options.regions = std::move(regions);
    options.language = language;
    return actielijst::build_forms(store, options);
}

inline std::string written(const actielijst::FormSet& set, actielijst::FormFormat format) {
    std::ostringstream out;
    actielijst::write_forms(out, set, format);
    return out.str();
}

/// Every problem of a processed form, one per line, for a test's failure message.
inline std::string problems_of(const actielijst::FormReturn& r) {
    std::string out;
    for (const auto& p : r.problems) out += p.to_string() + "\n";
    return out;
}

/// A CSV form as rows of cells, 1-based like the spreadsheet: cell(row, column).
class CsvForm {
public:
    explicit CsvForm(const std::string& csv) {
        const auto book = actielijst::forms::read_csv(csv, "form.csv");
        for (const auto& row : book.sheets.at(0).rows) {
            if (rows_.size() < row.number) rows_.resize(row.number);
            for (const auto& cell : row.cells) rows_[row.number - 1].push_back(cell.text);
        }
    }
    std::string& cell(std::size_t row, std::size_t column) {
        if (rows_.size() < row) rows_.resize(row);
        auto& cells = rows_[row - 1];
        if (cells.size() < column) cells.resize(column);
        return cells[column - 1];
    }
    /// The data row (5, 6, ...) of an action and area.
    std::size_t row_of(const std::string& action, const std::string& area) {
        for (std::size_t r = 5; r <= rows_.size(); ++r)
            if (cell(r, 1) == action && cell(r, 5) == area) return r;
        throw std::runtime_error("no row for " + action + " / " + area);
    }
    void add_row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
    std::size_t size() const { return rows_.size(); }
    /// As a spreadsheet saves it: `delimiter`, quotes where needed, CRLF.
    std::string text(char delimiter = ';') const {
        std::string out;
        for (const auto& row : rows_) {
            for (std::size_t c = 0; c < row.size(); ++c) {
                if (c) out += delimiter;
                const auto& v = row[c];
                if (v.find_first_of(";,\"\r\n") == std::string::npos) {
                    out += v;
                    continue;
                }
                out += '"';
                for (const char ch : v) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
                out += '"';
            }
            out += "\r\n";
        }
        return out;
    }

private:
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace test
