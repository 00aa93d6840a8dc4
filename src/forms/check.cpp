#include "forms/check.hpp"

#include <actielijst/error.hpp>
#include <actielijst/store.hpp>

#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <variant>

#include "forms/layout.hpp"
#include "forms/rows.hpp"
#include "forms/texts.hpp"

namespace actielijst::forms {
namespace {

std::string trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return std::string(text);
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string quoted(std::string_view text) {
    constexpr std::size_t shown = 60;
    if (text.size() <= shown) return "\"" + std::string(text) + "\"";
    std::size_t cut = shown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return "\"" + std::string(text.substr(0, cut)) + "…\"";
}

std::string meta_title(const View& view) {
    for (const auto& m : view.meta())
        if (m.key == "title")
            if (const auto* text = std::get_if<std::string>(&m.value)) return *text;
    return {};
}

// A date as the form wrote it (YYYY-MM-DD) or as a Dutch spreadsheet may show it
// after a round trip through CSV (D-M-YYYY, D/M/YYYY).
std::optional<Date> loose_date(const std::string& text) {
    try {
        return Date::parse(text);
    } catch (const Error&) {
    }
    int d = 0, m = 0, y = 0;
    char s1 = 0, s2 = 0;
    if (std::sscanf(text.c_str(), "%d%c%d%c%d", &d, &s1, &m, &s2, &y) == 5 && s1 == s2 && (s1 == '-' || s1 == '/') &&
        y > 999) {
        try {
            return Date(y, m, d);
        } catch (const Error&) {
        }
    }
    return std::nullopt;
}

std::string cell_kind(CellType type) {
    switch (type) {
        case CellType::number: return "a number or date";
        case CellType::boolean: return "a true/false value";
        case CellType::error: return "an error value";
        case CellType::formula: return "a formula";
        default: return "text";
    }
}

// The view of the list at one date, built once per date the forms name.
class Views {
public:
    explicit Views(const Store& store) : store_(store) {}
    const View& at(const Date& date) {
        auto it = views_.find(date.iso());
        if (it == views_.end()) it = views_.emplace(date.iso(), store_.view(date)).first;
        return it->second;
    }

private:
    const Store& store_;
    std::map<std::string, View> views_;
};

class SheetChecker {
public:
    SheetChecker(CheckResult& result, Views& views, const Meeting& meeting, const Sheet& sheet,
                 std::map<std::pair<std::string, std::string>, std::string>& seen)
        : result_(result), views_(views), meeting_(meeting), sheet_(sheet), seen_(seen) {}

    void run();

private:
    void problem(std::uint32_t row, std::uint32_t column, std::string message) {
        result_.problems.push_back({sheet_.name, row, column, std::move(message)});
    }
    void fatal(std::uint32_t row, std::uint32_t column, std::string message) {
        problem(row, column, std::move(message));
        result_.fatal = true;
    }
    bool read_marker(const SheetRow& marker);
    bool read_headers();
    void check_row(const SheetRow& row);
    bool text_cells(const SheetRow& row);
    bool locked_columns(const SheetRow& row, const FormRow& expected);
    const ProgressState* state_named(const std::string& text) const;

    CheckResult& result_;
    Views& views_;
    const Meeting& meeting_;
    const Sheet& sheet_;
    std::map<std::pair<std::string, std::string>, std::string>& seen_;

    std::string language_ = "nl";
    const View* form_view_ = nullptr;
    const Region* region_ = nullptr;
    std::map<std::pair<std::string, std::string>, FormRow> expected_;
};

bool SheetChecker::read_marker(const SheetRow& marker) {
    const auto cell = [&](std::uint32_t c) { return trim(marker.at(c).text); };
    const std::string meeting = cell(marker_meeting);
    if (meeting != meeting_.key()) {
        fatal(marker.number, marker_meeting,
              "this form is for the meeting " + quoted(meeting) + (cell(marker_meeting_date).empty() ? "" : " of " + cell(marker_meeting_date)) +
                  ", not for \"" + meeting_.key() + "\" of " + meeting_.date().iso() + ", the meeting being processed");
        return false;
    }
    const auto as_of = loose_date(cell(marker_as_of));
    if (!as_of) {
        fatal(marker.number, marker_as_of, "the form's date " + quoted(cell(marker_as_of)) + " is not a date");
        return false;
    }
    form_view_ = &views_.at(*as_of);
    const std::string list = cell(marker_list);
    const std::string ours = trim(meta_title(*form_view_));
    if (list != ours) {
        fatal(marker.number, marker_list,
              "this form is for the list " + quoted(list) + ", not for this store's list " + quoted(ours));
        return false;
    }
    const std::string region = cell(marker_region);
    region_ = form_view_->region(region);
    if (!region_) {
        fatal(marker.number, marker_region, "unknown region " + quoted(region));
        return false;
    }
    result_.regions.push_back(region_->code());
    return true;
}

// Row 4 must hold the headers in their places, in one language: a column inserted,
// deleted or moved would put every answer in the wrong place.
bool SheetChecker::read_headers() {
    const SheetRow* headers = nullptr;
    for (const auto& r : sheet_.rows)
        if (r.number == header_row) headers = &r;
    if (!headers) {
        fatal(header_row, 0, "the column headers are missing (row " + std::to_string(header_row) + ")");
        return false;
    }
    if (trim(headers->at(col_action).text) == header(col_action, "en")) language_ = "en";
    for (std::uint32_t c = 1; c <= column_count; ++c) {
        const std::string found = trim(headers->at(c).text);
        if (column_of_header(found) != c) {
            fatal(header_row, c,
                  "expected the header \"" + std::string(header(static_cast<Column>(c), language_)) + "\", found " +
                      quoted(found) + ": columns must not be inserted, deleted or moved");
            return false;
        }
    }
    return true;
}

bool SheetChecker::text_cells(const SheetRow& row) {
    bool ok = true;
    for (std::uint32_t c = 1; c <= column_count; ++c) {
        const Cell& cell = row.at(c);
        if (cell.type == CellType::empty || cell.type == CellType::text) continue;
        const bool bare_formula = cell.type == CellType::formula && cell.text.rfind('=', 0) != 0;
        problem(row.number, c,
                cell_kind(cell.type) + " " + quoted(bare_formula ? "=" + cell.text : cell.text) +
                    " where text is expected; type it as text");
        ok = false;
    }
    return ok;
}

bool SheetChecker::locked_columns(const SheetRow& row, const FormRow& expected) {
    const auto written = locked_cells(expected);
    bool ok = true;
    for (std::uint32_t c = col_theme; c <= last_locked_column; ++c) {
        if (c == col_area) continue;  // the key of the row, already matched
        const std::string found = trim(row.at(c).text);
        const std::string& want = written[c - 1];
        bool same = found == trim(want);
        if (!same && c == col_date && !found.empty() && !want.empty()) {
            const auto date = loose_date(found);
            same = date && date->iso() == want;
        }
        if (same) continue;
        problem(row.number, c,
                std::string(header(static_cast<Column>(c), language_)) + " was changed from " + quoted(want) + " to " +
                    quoted(found) + "; columns A to H are the list's and must stay as written: put the new state in column I and its text in column J");
        ok = false;
    }
    return ok;
}

const ProgressState* SheetChecker::state_named(const std::string& text) const {
    const std::string wanted = lower(text);
    const View& view = views_.at(meeting_.date());
    for (const auto& s : view.states())
        if (lower(s.label().nl()) == wanted || lower(s.label().en()) == wanted || lower(s.key()) == wanted) return &s;
    return nullptr;
}

void SheetChecker::check_row(const SheetRow& row) {
    ++result_.rows;
    if (!text_cells(row)) return;
    const std::string action = trim(row.at(col_action).text);
    const std::string area = trim(row.at(col_area).text);
    if (action.empty()) return problem(row.number, col_action, "the action key is missing");
    if (!form_view_->action(action)) return problem(row.number, col_action, "unknown action " + quoted(action));
    if (area.empty()) return problem(row.number, col_area, "the area code is missing");
    const Region* area_region = form_view_->region(area);
    if (!area_region) return problem(row.number, col_area, "unknown area " + quoted(area));
    const bool in_region = area == region_->code() ||
                           (region_->kind() == RegionKind::corop && area_region->parent() == region_->code());
    if (!in_region)
        return problem(row.number, col_area,
                       area + " (" + area_region->name() + ") is not in " + region_->name() +
                           ", the region of this form: send it on that region's form");
    const std::string place = (sheet_.name.empty() ? "" : "sheet \"" + sheet_.name + "\", ") + "row " +
                              std::to_string(row.number);
    const auto [first, added] = seen_.emplace(std::make_pair(action, area), place);
    if (!added)
        return problem(row.number, col_action,
                       "the same action and area as " + first->second + ": give each action and area once");
    const auto expected = expected_.find({action, area});
    if (expected != expected_.end()) {
        if (!locked_columns(row, expected->second)) return;
    } else {
        // A municipality the list does not track yet, for an action its region has:
        // the region may add it in a row of its own (A, E and the new state).
        const bool region_has_action = area != region_->code() && expected_.count({action, region_->code()});
        if (!region_has_action)
            return problem(row.number, col_action,
                           "the action " + quoted(action) + " is not asked of " + area_region->name() +
                               " on this form: it is outside that area's scope");
        for (std::uint32_t c = col_state; c <= last_locked_column; ++c)
            if (!trim(row.at(c).text).empty())
                return problem(row.number, c,
                               "an added row for " + area_region->name() +
                                   " has no current state: leave columns F to H empty");
    }
    const std::string new_state = trim(row.at(col_new_state).text);
    const std::string new_text = trim(row.at(col_new_text).text);
    const std::string author = trim(row.at(col_author).text);
    const View& now = views_.at(meeting_.date());
    const StatusUpdate* current = now.status(action, area);
    if (new_state.empty()) {
        if (!new_text.empty())
            return problem(row.number, col_new_text,
                           "a new text without a new state: choose the state in column I (the current one if only the text changed)");
        ++result_.unchanged;  // an empty row means: unchanged
        return;
    }
    const ProgressState* state = state_named(new_state);
    if (!state) {
        std::string choices;
        for (const auto& s : now.states()) choices += (choices.empty() ? "" : ", ") + s.label().in(language_);
        return problem(row.number, col_new_state, quoted(new_state) + " is not a state of this list; choose one of: " + choices);
    }
    if (new_text.empty()) {
        if (current && current->state() == state->key()) {
            ++result_.unchanged;  // the current state confirmed, nothing to add
            return;
        }
        return problem(row.number, col_new_text, "a new state needs its text: say in column J what happened");
    }
    if (current && current->state() == state->key() && current->text() == new_text) {
        ++result_.unchanged;
        return;
    }
    try {
        StatusUpdate update(action, area, state->key(), new_text, meeting_.date(), author, meeting_.key());
        StatusChange change;
        change.kind = current ? ChangeKind::changed : ChangeKind::added;
        change.action = action;
        change.scope = area;
        if (current) change.before = *current;
        change.after = update;
        const ProgressState* before_state = current ? now.state(current->state()) : nullptr;
        change.closed = state->closed() && !(before_state && before_state->closed());
        result_.updates.push_back(std::move(update));
        result_.changes.push_back(std::move(change));
    } catch (const Error& e) {
        // The model's own checks (text length, UTF-8): the message names the field.
        const std::uint32_t column = e.inside("author") ? col_author : col_new_text;
        problem(row.number, column, e.what());
    }
}

void SheetChecker::run() {
    const SheetRow* first = sheet_.rows.empty() ? nullptr : &sheet_.rows.front();
    if (!first || first->number != marker_row || trim(first->at(marker_tag).text) != marker) return;
    if (!read_marker(*first) || !read_headers()) return;
    for (auto& row : build_form(*form_view_, *region_, language_).rows) {
        auto key = std::make_pair(row.action, row.area);
        expected_.emplace(std::move(key), std::move(row));
    }
    for (const auto& row : sheet_.rows)
        if (row.number >= first_data_row) check_row(row);
}

}  // namespace

CheckResult check_workbook(const Workbook& workbook, const Store& store, const Meeting& meeting) {
    CheckResult result;
    Views views(store);
    std::map<std::pair<std::string, std::string>, std::string> seen;
    for (const auto& sheet : workbook.sheets) SheetChecker(result, views, meeting, sheet, seen).run();
    if (result.regions.empty() && !result.fatal) {
        const bool csv = workbook.sheets.size() == 1 && workbook.sheets.front().name.empty();
        result.problems.push_back({{}, csv ? marker_row : 0, csv ? std::uint32_t{marker_tag} : 0,
                                   std::string("not an actielijst form: ") +
                                       (csv ? "cell A1 must be \"" : "no sheet has \"") + std::string(marker) +
                                       (csv ? "\"" : "\" in cell A1")});
        result.fatal = true;
    }
    return result;
}

}  // namespace actielijst::forms
