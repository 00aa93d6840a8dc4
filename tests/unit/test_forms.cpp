// Forms out and returns in: which rows a region is asked for, and every check a
// returned form goes through, with the Limburg list. The XLSX side and the Limburg
// round trip are in test_forms_xlsx.cpp.
#include <doctest/doctest.h>

#include <actielijst/error.hpp>

#include <functional>
#include <map>

#include "forms_support.hpp"

using namespace actielijst;
using test::CsvForm;

namespace {

std::vector<std::string> areas(const Form& form) {
    std::vector<std::string> out;
    for (const auto& row : form.rows) out.push_back(row.action + "@" + row.area);
    return out;
}

// Processes a CSV text; the store's export before and after tells whether anything was stored.
struct Outcome {
    FormReturn result;
    bool store_unchanged;
};

Outcome process(Store& store, const std::string& csv, ProcessOptions options = {}) {
    const auto before = store.export_json();
    auto result = process_form_bytes(store, csv, "zuid.csv", options);
    return {std::move(result), before == store.export_json()};
}

}  // namespace

TEST_CASE("a form asks a region for the action points in its scope, and its municipalities") {
    test::TempDir dir;
    auto store = test::limburg_store(dir);

    const auto set = test::forms_for(store, {"PV31", "Noord", "Midden", "Zuid"});
    REQUIRE(set.forms.size() == 4);
    CHECK(set.meeting.key() == "sg-2023-04");
    CHECK(set.as_of == Date(2023, 4, 11));     // the list as it stood before the meeting
    CHECK(set.deadline == Date(2023, 4, 5));   // a week before it
    CHECK(set.list_title == "Actielijst — Stuurgroep Internationale Werknemers");
    CHECK(set.states.size() == 8);

    CHECK(set.forms[0].region == "PV31");
    CHECK(set.forms[0].rows.size() == 15);  // the province's own action points only
    CHECK(set.forms[1].region == "CR37");
    CHECK(areas(set.forms[1]) == std::vector<std::string>{"wonen-regionaal-beleid@CR37", "wonen-lokaal-beleid@CR37",
                                                          "wonen-registratie@CR37", "werken-aanpak-excessen@CR37"});
    // Zuid-Limburg answers for Sittard-Geleen too, where the list tracks local policy.
    CHECK(areas(set.forms[3]) == std::vector<std::string>{"wonen-regionaal-beleid@CR39", "wonen-lokaal-beleid@CR39",
                                                          "wonen-lokaal-beleid@GM1883", "wonen-registratie@CR39"});
    const auto& registration = set.forms[3].rows[3];
    REQUIRE(registration.current);
    CHECK(registration.current->state() == "stalled");
    CHECK(registration.current_label == "Stagneert");
    CHECK(registration.theme_label == "Wonen");

    // No regions named: every COROP region. A municipality: its own rows.
    CHECK(test::forms_for(store, {}).forms.size() == 3);
    CHECK(areas(test::forms_for(store, {"GM1883"}).forms.at(0)) ==
          std::vector<std::string>{"wonen-lokaal-beleid@GM1883"});
    CHECK(test::forms_for(store, {"Zuid"}, "en").forms[0].rows[3].current_label == "Stalled");
}

TEST_CASE("a form cannot be asked for a meeting, region or date that does not fit") {
    test::TempDir dir;
    auto store = test::limburg_store(dir);
    FormOptions o;
    o.meeting = "sg-2099";
    CHECK_MESSAGE(test::contains(test::error_of([&] { build_forms(store, o); }, Errc::not_found),
                                 "meeting: unknown meeting \"sg-2099\""), "");
    o.meeting = test::next_meeting;
    o.regions = {"Zuid", "Atlantis"};
    CHECK(test::contains(test::error_of([&] { build_forms(store, o); }, Errc::not_found),
                         "regions[1]: unknown region \"Atlantis\""));
    o.regions = {"Zuid", "CR39"};
    CHECK(test::contains(test::error_of([&] { build_forms(store, o); }), "regions[1]: region CR39 is named twice"));
    o.regions = {"Zuid"};
    o.deadline = Date(2023, 4, 13);
    CHECK(test::contains(test::error_of([&] { build_forms(store, o); }), "deadline: 2023-04-13 is after the meeting"));
    o.deadline.reset();
    o.as_of = Date(2023, 4, 12);
    CHECK(test::contains(test::error_of([&] { build_forms(store, o); }), "as_of: 2023-04-12 is not before the meeting"));
    o.as_of.reset();
    o.language = "fr";
    CHECK(test::contains(test::error_of([&] { build_forms(store, o); }), "language: unknown language \"fr\""));
    // One CSV file holds one region.
    const auto two = test::forms_for(store, {"Noord", "Zuid"});
    CHECK(test::contains(test::error_of([&] { test::written(two, FormFormat::csv); }),
                         "a CSV file holds the form of one region, not 2"));
}

TEST_CASE("a returned CSV form records its new states at the meeting's date, once") {
    test::TempDir dir;
    auto store = test::limburg_store(dir);
    CsvForm form(test::written(test::forms_for(store, {"Zuid"}), FormFormat::csv));
    CHECK(form.cell(1, 1) == "actielijst-uitvraag/1");
    CHECK(form.cell(4, 9) == "Nieuwe stand");
    const auto row = form.row_of("wonen-registratie", "CR39");
    CHECK(form.cell(row, 6) == "Stagneert");
    form.cell(row, 9) = "In uitvoering";
    form.cell(row, 10) = "Gezamenlijke controles gestart; eerste resultaten in mei.";
    form.cell(row, 11) = "Regio Zuid";

    SUBCASE("a dry run shows the change and stores nothing") {
        ProcessOptions options;
        options.dry_run = true;
        const auto out = process(store, form.text(), options);
        CHECK(out.result.ok());
        CHECK_FALSE(out.result.stored);
        CHECK(out.store_unchanged);
        REQUIRE(out.result.changes.size() == 1);
        CHECK(out.result.changes[0].before->state() == "stalled");
        CHECK(out.result.changes[0].after->state() == "in_progress");
    }
    SUBCASE("stored, and the same file again changes nothing") {
        const auto out = process(store, form.text());
        INFO(test::problems_of(out.result));
        CHECK(out.result.ok());
        CHECK(out.result.stored);
        CHECK(out.result.encoding == "UTF-8");
        CHECK(out.result.regions == std::vector<std::string>{"CR39"});
        CHECK(out.result.rows == 4);
        CHECK(out.result.unchanged == 3);
        REQUIRE(out.result.updates.size() == 1);
        const auto history = store.history("wonen-registratie", "CR39");
        REQUIRE(history.size() == 2);
        CHECK(history.back() == StatusUpdate("wonen-registratie", "CR39", "in_progress",
                                             "Gezamenlijke controles gestart; eerste resultaten in mei.",
                                             Date(2023, 4, 12), "Regio Zuid", "sg-2023-04"));
        const auto again = process(store, form.text());
        CHECK(again.result.ok());
        CHECK(again.result.changes.empty());
        CHECK(again.result.unchanged == 4);
        CHECK(again.store_unchanged);
    }
    SUBCASE("comma-separated, with a BOM, and Windows-1252 as Dutch Excel writes it") {
        CHECK(process(store, "\xEF\xBB\xBF" + form.text(',')).result.encoding == "UTF-8 with BOM");
        form.cell(row, 10) = "Controles gestart in Sittard–Geleen: €5000 extra, café-overleg.";
        std::string cp1252;
        // Encode the form into Windows-1252: Latin-1 as is, and the few others it holds.
        const std::string utf8 = form.text();
        for (std::size_t i = 0; i < utf8.size();) {
            const auto byte = static_cast<unsigned char>(utf8[i]);
            if (byte < 0x80) {
                cp1252 += utf8[i++];
                continue;
            }
            const std::size_t length = byte >= 0xE0 ? 3 : 2;
            const std::string ch = utf8.substr(i, length);
            i += length;
            if (length == 2) {
                cp1252 += static_cast<char>(((byte & 0x1F) << 6) | (static_cast<unsigned char>(ch[1]) & 0x3F));
                continue;
            }
            const std::map<std::string, char> others = {{"€", '\x80'}, {"–", '\x96'}, {"—", '\x97'},
                                                        {"“", '\x93'}, {"”", '\x94'}, {"’", '\x92'}};
            const auto it = others.find(ch);
            if (it == others.end()) FAIL("a character Windows-1252 cannot hold: " << ch);
            cp1252 += it->second;
        }
        const auto out = process(store, cp1252);
        INFO(test::problems_of(out.result));
        CHECK(out.result.encoding == "Windows-1252");
        CHECK(out.result.ok());
        CHECK(store.history("wonen-registratie", "CR39").back().text() ==
              "Controles gestart in Sittard–Geleen: €5000 extra, café-overleg.");
    }
}

TEST_CASE("every mistake in a returned form is named by row and column, and nothing of the file is stored") {
    test::TempDir dir;
    auto store = test::limburg_store(dir);
    CsvForm form(test::written(test::forms_for(store, {"Zuid"}), FormFormat::csv));
    const auto reg = form.row_of("wonen-registratie", "CR39");
    const auto local = form.row_of("wonen-lokaal-beleid", "GM1883");
    // One good row in every case: an error anywhere stops it too.
    form.cell(local, 9) = "Gereed";
    form.cell(local, 10) = "Beleid vastgesteld.";

    struct Case {
        std::string name;
        std::function<void(CsvForm&)> edit;
        std::uint32_t row;
        std::uint32_t column;
        std::string message;
    };
    const std::vector<Case> cases = {
        {"unknown action", [&](CsvForm& f) { f.cell(reg, 1) = "wonen-registratie-x"; }, std::uint32_t(reg), 1,
         "unknown action \"wonen-registratie-x\""},
        {"a state that is not one of the list's", [&](CsvForm& f) { f.cell(reg, 9) = "Klaar"; f.cell(reg, 10) = "x"; },
         std::uint32_t(reg), 9, "\"Klaar\" is not a state of this list; choose one of: Niet gestart, In uitvoering"},
        {"an area of another region",
         [&](CsvForm& f) { f.cell(reg, 5) = "GM0983"; }, std::uint32_t(reg), 5,
         "GM0983 (Venlo) is not in Zuid-Limburg, the region of this form"},
        {"an action outside the region's scope",
         [&](CsvForm& f) { f.cell(reg, 1) = "werken-aanpak-excessen"; }, std::uint32_t(reg), 1,
         "the action \"werken-aanpak-excessen\" is not asked of Zuid-Limburg on this form"},
        {"a locked column changed", [&](CsvForm& f) { f.cell(reg, 6) = "In uitvoering"; }, std::uint32_t(reg), 6,
         "Huidige stand was changed from \"Stagneert\" to \"In uitvoering\"; columns A to H are the list's"},
        {"a locked text changed", [&](CsvForm& f) { f.cell(reg, 7) += " (bijgewerkt)"; }, std::uint32_t(reg), 7,
         "Huidige toelichting was changed"},
        {"the same action twice",
         [&](CsvForm& f) {
             auto copy = std::vector<std::string>();
             for (std::size_t c = 1; c <= 11; ++c) copy.push_back(f.cell(reg, c));
             f.add_row(copy);
         },
         std::uint32_t(form.size() + 1), 1, "the same action and area as row 8"},
        {"a new text without a new state", [&](CsvForm& f) { f.cell(reg, 10) = "Geen nieuws."; }, std::uint32_t(reg),
         10, "a new text without a new state"},
        {"a new state without its text", [&](CsvForm& f) { f.cell(reg, 9) = "Gereed"; }, std::uint32_t(reg), 10,
         "a new state needs its text"},
        {"a form for another meeting", [&](CsvForm& f) { f.cell(1, 2) = "sg-2023-03"; }, 1, 2,
         "this form is for the meeting \"sg-2023-03\""},
        {"a form for another list", [&](CsvForm& f) { f.cell(1, 5) = "Actielijst Brabant"; }, 1, 5,
         "this form is for the list \"Actielijst Brabant\", not for this store's list"},
        {"a moved column", [&](CsvForm& f) { std::swap(f.cell(4, 9), f.cell(4, 10)); }, 4, 9,
         "expected the header \"Nieuwe stand\", found \"Nieuwe toelichting\""},
        {"not a form at all", [&](CsvForm& f) { f.cell(1, 1) = "Naam"; }, 1, 1, "not an actielijst form"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        CsvForm edited = form;
        c.edit(edited);
        const auto out = process(store, edited.text());
        CHECK_FALSE(out.result.ok());
        CHECK_FALSE(out.result.stored);
        CHECK(out.store_unchanged);
        REQUIRE(!out.result.problems.empty());
        const auto& p = out.result.problems.front();
        INFO(test::problems_of(out.result));
        CHECK(p.row == c.row);
        CHECK(p.column == c.column);
        CHECK(test::contains(p.message, c.message));
    }

    SUBCASE("an empty new state means unchanged") {
        const auto out = process(store, form.text());
        CHECK(out.result.ok());
        CHECK(out.result.unchanged == 3);
        CHECK(out.result.changes.size() == 1);
    }
    SUBCASE("skipping bad rows stores the good ones and lists the skipped") {
        CsvForm edited = form;
        edited.cell(reg, 9) = "Klaar";
        edited.cell(reg, 10) = "Afgerond.";
        ProcessOptions options;
        options.skip_bad_rows = true;
        const auto out = process(store, edited.text(), options);
        CHECK(out.result.ok());
        CHECK(out.result.stored);
        CHECK(out.result.problems.size() == 1);
        CHECK(store.history("wonen-lokaal-beleid", "GM1883").back().state() == "done");
        CHECK(store.history("wonen-registratie", "CR39").back().state() == "stalled");
        // A problem with the whole form is never skipped.
        edited.cell(1, 2) = "sg-2023-03";
        const auto other = process(store, edited.text(), options);
        CHECK_FALSE(other.result.ok());
        CHECK(other.store_unchanged);
    }
    SUBCASE("a file that is not a spreadsheet is a problem, not a crash") {
        for (const std::string& bytes : {std::string(), std::string("\xFF\xFE\x41\x00", 4), std::string("PK\x03\x04garbage", 11)}) {
            const auto out = process(store, bytes);
            CHECK_FALSE(out.result.ok());
            CHECK(out.store_unchanged);
            CHECK_FALSE(out.result.problems.empty());
        }
    }
    SUBCASE("the meeting must be known") {
        ProcessOptions options;
        options.meeting = "sg-2099";
        CHECK(test::contains(test::error_of([&] { process_form_bytes(store, form.text(), "z.csv", options); },
                                            Errc::not_found),
                             "meeting: unknown meeting \"sg-2099\""));
        CHECK(test::contains(test::error_of([&] { process_form(store, dir.file("missing.csv")); }, Errc::io),
                             "missing.csv: cannot read the file"));
    }
}

TEST_CASE("a region adds a municipality the list does not track yet, for one of its own action points") {
    test::TempDir dir;
    auto store = test::limburg_store(dir);
    CsvForm form(test::written(test::forms_for(store, {"Noord"}), FormFormat::csv));
    const std::size_t next = form.size() + 1;
    form.cell(next, 1) = "wonen-lokaal-beleid";
    form.cell(next, 5) = "GM0983";
    form.cell(next, 9) = "In uitvoering";
    form.cell(next, 10) = "Venlo werkt aan short-stay-beleid.";

    SUBCASE("recorded like any other row") {
        const auto out = process(store, form.text());
        INFO(test::problems_of(out.result));
        CHECK(out.result.ok());
        REQUIRE(out.result.changes.size() == 1);
        CHECK(out.result.changes[0].kind == ChangeKind::added);
        CHECK(store.history("wonen-lokaal-beleid", "GM0983").size() == 1);
        // From now on the list tracks Venlo: the next form asks for it.
        store.add_meeting(Meeting("sg-2023-05", Date(2023, 5, 24)));
        FormOptions o;
        o.meeting = "sg-2023-05";
        o.regions = {"Noord"};
        const auto next_forms = build_forms(store, o);
        bool asked = false;
        for (const auto& r : next_forms.forms[0].rows) asked |= r.area == "GM0983";
        CHECK(asked);
    }
    SUBCASE("an added row has no current state") {
        form.cell(next, 6) = "Stagneert";
        const auto out = process(store, form.text());
        REQUIRE(out.result.problems.size() == 1);
        CHECK(out.result.problems[0].column == 6);
        CHECK(test::contains(out.result.problems[0].message, "an added row for Venlo has no current state"));
        CHECK(out.store_unchanged);
    }
    SUBCASE("only for an action point the region itself is asked about") {
        form.cell(next, 1) = "wonen-omgevingsverordening";
        const auto out = process(store, form.text());
        REQUIRE(out.result.problems.size() == 1);
        CHECK(test::contains(out.result.problems[0].message,
                             "the action \"wonen-omgevingsverordening\" is not asked of Venlo on this form"));
        CHECK(out.store_unchanged);
    }
}

TEST_CASE("an English form is read back like a Dutch one, and a state may be named in either language") {
    test::TempDir dir;
    auto store = test::limburg_store(dir);
    CsvForm form(test::written(test::forms_for(store, {"Zuid"}, "en"), FormFormat::csv));
    CHECK(form.cell(4, 9) == "New state");
    const auto reg = form.row_of("wonen-registratie", "CR39");
    CHECK(form.cell(reg, 6) == "Stalled");
    form.cell(reg, 9) = "in uitvoering";  // the Dutch label, in lower case
    form.cell(reg, 10) = "Joint inspections started.";
    const auto out = process(store, form.text());
    INFO(test::problems_of(out.result));
    CHECK(out.result.ok());
    CHECK(store.history("wonen-registratie", "CR39").back().state() == "in_progress");
}
