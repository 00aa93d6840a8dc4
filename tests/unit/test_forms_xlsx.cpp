// Forms as XLSX: what the library writes reads back unchanged, a workbook saved by
// another program (made here with libxlsxwriter, cell by cell) is checked like a CSV,
// and the Limburg round trip: forms out for the province and its three regions, the
// returns in, and the store then equals one that got the same states one by one.
#include <doctest/doctest.h>

#include <actielijst/error.hpp>

#include <xlsxwriter.h>

#include <functional>
#include <map>

#include "forms/texts.hpp"
#include "forms_support.hpp"

using namespace actielijst;

namespace {

using CellFill = std::function<void(lxw_worksheet*, const FormRow&, lxw_row_t)>;
using AddRows = std::function<void(lxw_worksheet*, const Form&, lxw_row_t&)>;

// A returned workbook as another spreadsheet program would save it: the form's own
// cells, then whatever `fill` puts in a row.
std::string returned_xlsx(const test::TempDir& dir, const FormSet& set, const CellFill& fill,
                          const AddRows& add = {}) {
    const std::string path = dir.file("returned.xlsx");
    lxw_workbook* wb = workbook_new(path.c_str());
    REQUIRE(wb);
    workbook_add_worksheet(wb, "Toelichting");  // not a form sheet: skipped
    for (const auto& form : set.forms) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, forms::sheet_name(form).c_str());
        const auto marker = forms::marker_cells(set, form);
        for (std::size_t c = 0; c < marker.size(); ++c) worksheet_write_string(ws, 0, lxw_col_t(c), marker[c].c_str(), nullptr);
        for (std::uint32_t c = 1; c <= forms::column_count; ++c)
            worksheet_write_string(ws, forms::header_row - 1, lxw_col_t(c - 1),
                                   std::string(forms::header(forms::Column(c), set.language)).c_str(), nullptr);
        lxw_row_t row = forms::first_data_row - 1;
        for (const auto& r : form.rows) {
            const auto cells = forms::locked_cells(r);
            for (std::size_t c = 0; c < cells.size(); ++c)
                if (!cells[c].empty()) worksheet_write_string(ws, row, lxw_col_t(c), cells[c].c_str(), nullptr);
            fill(ws, r, row);
            ++row;
        }
        if (add) add(ws, form, row);
    }
    REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
    return test::read_file(path);
}

}  // namespace

TEST_CASE("the XLSX the library writes reads back as the same form") {
    test::TempDir dir;
    auto store = test::limburg_store(dir);
    const auto set = test::forms_for(store, {"PV31", "Noord", "Midden", "Zuid"});
    const std::string bytes = test::written(set, FormFormat::xlsx);
    REQUIRE(bytes.substr(0, 2) == "PK");
    // The same forms give the same bytes: nothing in the file depends on the clock.
    CHECK(test::written(set, FormFormat::xlsx) == bytes);

    const auto book = forms::read_xlsx(bytes, "forms.xlsx");
    // Explanation, then four regions; the drop-down's 8 labels fit inline (no choices sheet).
    REQUIRE(book.sheets.size() == 5);
    CHECK(book.sheets[0].name == "Toelichting");
    CHECK(book.sheets[4].name == "Zuid-Limburg");
    const auto& zuid = book.sheets[4];
    CHECK(zuid.rows.front().at(1).text == "actielijst-uitvraag/1");
    CHECK(zuid.rows.front().at(4).text == "CR39");

    const auto before = store.export_json();
    const auto out = process_form_bytes(store, bytes, "forms.xlsx");
    INFO(test::problems_of(out));
    CHECK(out.ok());
    CHECK(out.format == FormFormat::xlsx);
    CHECK(out.regions == std::vector<std::string>{"PV31", "CR37", "CR38", "CR39"});
    CHECK(out.rows == 26);
    CHECK(out.unchanged == 26);  // nothing filled in: nothing changes
    CHECK(before == store.export_json());
}

TEST_CASE("cells of other types in a returned XLSX are named, and nothing is stored") {
    test::TempDir dir;
    auto store = test::limburg_store(dir);
    const auto set = test::forms_for(store, {"Zuid"});
    const auto fill_row = [](const std::string& action, const std::string& area, const CellFill& f) -> CellFill {
        return [=](lxw_worksheet* ws, const FormRow& r, lxw_row_t row) {
            if (r.action == action && r.area == area) f(ws, r, row);
        };
    };
    const auto before = store.export_json();

    SUBCASE("a formula") {
        const auto bytes = returned_xlsx(dir, set, fill_row("wonen-registratie", "CR39", [](lxw_worksheet* ws, const FormRow&, lxw_row_t row) {
            worksheet_write_formula(ws, row, forms::col_new_state - 1, "=F8", nullptr);
            worksheet_write_string(ws, row, forms::col_new_text - 1, "Zie boven.", nullptr);
        }));
        const auto out = process_form_bytes(store, bytes, "zuid.xlsx");
        REQUIRE(out.problems.size() == 1);
        CHECK(out.problems[0].to_string() == "sheet \"Zuid-Limburg\", row 8, column I: a formula \"=F8\" where text is expected; type it as text");
    }
    SUBCASE("a number") {
        const auto bytes = returned_xlsx(dir, set, fill_row("wonen-registratie", "CR39", [](lxw_worksheet* ws, const FormRow&, lxw_row_t row) {
            worksheet_write_string(ws, row, forms::col_new_state - 1, "Gereed", nullptr);
            worksheet_write_number(ws, row, forms::col_new_text - 1, 2024, nullptr);
        }));
        const auto out = process_form_bytes(store, bytes, "zuid.xlsx");
        REQUIRE(out.problems.size() == 1);
        CHECK(out.problems[0].column == forms::col_new_text);
        CHECK(test::contains(out.problems[0].message, "a number or date \"2024\" where text is expected"));
    }
    SUBCASE("text that looks like a formula is text") {
        const auto bytes = returned_xlsx(dir, set, fill_row("wonen-registratie", "CR39", [](lxw_worksheet* ws, const FormRow&, lxw_row_t row) {
            worksheet_write_string(ws, row, forms::col_new_state - 1, "Gereed", nullptr);
            worksheet_write_string(ws, row, forms::col_new_text - 1, "=SUM(A1:A9) is geen formule hier.", nullptr);
        }));
        const auto out = process_form_bytes(store, bytes, "zuid.xlsx");
        INFO(test::problems_of(out));
        CHECK(out.ok());
        CHECK(store.history("wonen-registratie", "CR39").back().text() == "=SUM(A1:A9) is geen formule hier.");
        return;
    }
    CHECK(before == store.export_json());
}

TEST_CASE("the Limburg round trip: forms out, returns in, the same store as states recorded one by one") {
    test::TempDir dir;
    // The list without its states of affairs, and the meeting they are asked for.
    Dataset base;
    {
        auto full = Store::open(dir.file("full.db"));
        full.import_json(test::limburg_json());
        base = full.dump();
    }
    const Meeting meeting("sg-2023-03", Date(2023, 3, 1), "Stuurgroep maart");
    const auto reference = [&] {
        auto full = Store::open(dir.file("full.db"), {5000, true, true});
        return full.view(meeting.date()).statuses();  // the states the document reports
    }();
    REQUIRE(reference.size() == 26);
    base.updates.clear();
    base.meetings.push_back(meeting);

    auto by_forms = Store::open(dir.file("forms.db"));
    by_forms.merge(base);
    auto by_hand = Store::open(dir.file("hand.db"));
    by_hand.merge(base);

    std::map<std::pair<std::string, std::string>, const StatusUpdate*> wanted;
    for (const auto& s : reference) wanted[{s.action(), s.scope()}] = &s;

    FormOptions options;
    options.meeting = meeting.key();
    options.regions = {"PV31", "CR37", "CR38", "CR39"};
    const auto set = build_forms(by_forms, options);
    std::size_t asked = 0;
    for (const auto& f : set.forms) asked += f.rows.size();
    CHECK(asked == reference.size() - 1);  // all but Sittard-Geleen's, which the list does not track yet

    const View view = by_forms.view(meeting.date());
    const auto bytes = returned_xlsx(dir, set, [&](lxw_worksheet* ws, const FormRow& r, lxw_row_t row) {
        const auto it = wanted.find({r.action, r.area});
        if (it == wanted.end()) return;
        const auto& s = *it->second;
        worksheet_write_string(ws, row, forms::col_new_state - 1, view.state(s.state())->label().nl().c_str(), nullptr);
        worksheet_write_string(ws, row, forms::col_new_text - 1, s.text().c_str(), nullptr);
        worksheet_write_string(ws, row, forms::col_author - 1, "Secretariaat", nullptr);
    }, [&](lxw_worksheet* ws, const Form& form, lxw_row_t& row) {
        // Sittard-Geleen is not on Zuid-Limburg's form (the list did not track it
        // before): the region adds it in a spare row.
        for (const auto& s : reference) {
            const auto* area = view.region(s.scope());
            if (area->kind() != RegionKind::municipality || area->parent() != form.region) continue;
            bool asked_already = false;
            for (const auto& r : form.rows) asked_already |= r.action == s.action() && r.area == s.scope();
            if (asked_already) continue;
            worksheet_write_string(ws, row, forms::col_action - 1, s.action().c_str(), nullptr);
            worksheet_write_string(ws, row, forms::col_area - 1, s.scope().c_str(), nullptr);
            worksheet_write_string(ws, row, forms::col_new_state - 1, view.state(s.state())->label().nl().c_str(), nullptr);
            worksheet_write_string(ws, row, forms::col_new_text - 1, s.text().c_str(), nullptr);
            worksheet_write_string(ws, row, forms::col_author - 1, "Secretariaat", nullptr);
            ++row;
        }
    });
    const auto out = process_form_bytes(by_forms, bytes, "returned.xlsx");
    INFO(test::problems_of(out));
    REQUIRE(out.ok());
    CHECK(out.changes.size() == reference.size());

    for (const auto& s : reference)
        by_hand.record(StatusUpdate(s.action(), s.scope(), s.state(), s.text(), meeting.date(), "Secretariaat",
                                    meeting.key()));
    test::check_same_picture(by_forms.view(meeting.date()), by_hand.view(meeting.date()));
    CHECK(by_forms.export_json() == by_hand.export_json());
}
