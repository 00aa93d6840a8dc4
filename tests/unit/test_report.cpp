// The steering-group report on the bundled Limburg list: golden files in every
// format and both languages, reproducibility, options and the changes section.
//
// Regenerate the golden files after an intended change with
//   ACTIELIJST_UPDATE_GOLDEN=1 ctest -L report
// and review the diff (git diff tests/golden) before committing it.
#include "support.hpp"

#include <actielijst/changes.hpp>
#include <actielijst/report.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>

using namespace actielijst;

namespace {

const Date data_date{2023, 3, 1};

const View& limburg() {
    static const View view = [] {
        test::TempDir dir;
        auto store = Store::open(dir.file("limburg.db"));
        store.import_json(test::limburg_json());
        return store.view(data_date);
    }();
    return view;
}

/// The default rules in a language: labels and messages as the report pipelines
/// give them (EvaluateOptions::language follows the report's).
const Evaluation& limburg_evaluation(const std::string& language = "nl") {
    static const auto evaluate = [](const std::string& lang) {
        EvaluateOptions options;
        options.language = lang;
        return RuleSet::defaults(&limburg()).evaluate(limburg(), options);
    };
    static const Evaluation nl = evaluate("nl");
    static const Evaluation en = evaluate("en");
    return language == "en" ? en : nl;
}

std::string golden_path(const std::string& name) {
    return std::string(ACTIELIJST_SOURCE_DIR) + "/tests/golden/report/" + name;
}

/// Compares `actual` with the golden file byte for byte, or rewrites the file when
/// ACTIELIJST_UPDATE_GOLDEN is set.
void golden(const std::string& name, const std::string& actual) {
    const char* update = std::getenv("ACTIELIJST_UPDATE_GOLDEN");
    if (update && *update && std::string(update) != "0") {
        test::write_file(golden_path(name), actual);
        return;
    }
    const std::string expected = test::read_file(golden_path(name));
    if (expected == actual) return;
    std::size_t at = 0;
    while (at < expected.size() && at < actual.size() && expected[at] == actual[at]) ++at;
    FAIL("golden file " << name << " differs at byte " << at << ": expected \"" << expected.substr(at, 60)
                        << "\", got \"" << actual.substr(at, 60)
                        << "\" (regenerate with ACTIELIJST_UPDATE_GOLDEN=1 after checking the change)");
}

Report limburg_report(const std::string& language) {
    ReportOptions options;
    options.language = language;
    return build_report(limburg(), limburg_evaluation(language), options);
}

}  // namespace

TEST_CASE("report: Limburg as of 2023-03-01 matches the golden files in every format and language") {
    for (const std::string language : {"nl", "en"}) {
        CAPTURE(language);
        const Report report = limburg_report(language);
        golden("limburg." + language + ".html", render_html(report));
        golden("limburg." + language + ".md", render_markdown(report));
        golden("limburg." + language + ".csv", render_csv(report));
        golden("limburg." + language + ".json", render_json(report));
    }
}

TEST_CASE("report: the same data and options give byte-identical output") {
    for (const auto format : {ReportFormat::html, ReportFormat::markdown, ReportFormat::csv, ReportFormat::json}) {
        CAPTURE(to_string(format));
        const auto first = render(limburg_report("nl"), format);
        const auto second = render(limburg_report("nl"), format);
        CHECK(first == second);
    }
}

TEST_CASE("report: Limburg content — counts, rollups in words, monitoring age, dates for the language") {
    const Report nl = limburg_report("nl");
    CHECK(nl.summary.actions == 19);
    CHECK(nl.summary.open_proposals == 2);
    CHECK(nl.summary.findings[static_cast<int>(Severity::alert)] == 4);
    CHECK(nl.as_of_text == "1 maart 2023");
    CHECK(limburg_report("en").as_of_text == "1 March 2023");
    const std::string md = render_markdown(nl);
    CHECK(test::contains(md, "4 van de 8 gemeenten: Beleid vastgesteld of hoger"));
    CHECK(test::contains(md, "## Besluitvorming gevraagd"));
    const std::string en = render_markdown(limburg_report("en"));
    CHECK(test::contains(en, "4 of 8 municipalities: Policy adopted or higher"));
    CHECK(test::contains(en, "## Decisions requested"));
    bool old_figure = false;
    for (const auto& o : nl.monitoring)
        if (o.indicator == "international_workers_count") old_figure = o.age_days == 790;
    CHECK(old_figure);
    // The monitoring figures of 2020 are flagged, and their age is in the appendix.
    CHECK(test::contains(md, "790 dagen"));
}

TEST_CASE("report: sections, filter and title options select what is shown") {
    ReportOptions options;
    options.sections = {"actions"};
    options.filter = "theme = \"wonen\"";
    options.title = "Stuurgroep 12 maart";
    const Report r = build_report(limburg(), limburg_evaluation(), options);
    CHECK(r.sections == std::vector<std::string>{"actions"});
    CHECK(r.title == "Stuurgroep 12 maart");
    CHECK(r.summary.actions == 6);
    const auto md = render_markdown(r);
    CHECK_FALSE(test::contains(md, "## Signalen"));
    CHECK_FALSE(test::contains(md, "algemeen-in-gesprek"));
    CHECK(test::contains(md, "wonen-registratie"));
    const auto html = render_html(r);
    CHECK_FALSE(test::contains(html, "id=\"summary\""));
    CHECK(test::contains(html, "id=\"a-wonen-registratie\""));
}

TEST_CASE("report: bad options fail with clear errors") {
    ReportOptions bad_language;
    bad_language.language = "de";
    CHECK(test::contains(test::error_of([&] { build_report(limburg(), limburg_evaluation(), bad_language); }),
                         "expected \"nl\" or \"en\", got \"de\""));
    ReportOptions bad_section;
    bad_section.sections = {"summary", "appendix"};
    CHECK(test::contains(test::error_of([&] { build_report(limburg(), limburg_evaluation(), bad_section); }),
                         "unknown section \"appendix\""));
    ReportOptions bad_filter;
    bad_filter.filter = "theme = ";
    CHECK_THROWS_AS(build_report(limburg(), limburg_evaluation(), bad_filter), RuleError);
    ReportOptions bad_meeting;
    bad_meeting.meeting = "nope";
    CHECK(test::contains(
        test::error_of([&] { build_report(limburg(), limburg_evaluation(), bad_meeting); }, Errc::not_found),
        "unknown meeting \"nope\""));
    CHECK(parse_report_format("markdown") == ReportFormat::markdown);
    CHECK(test::contains(test::error_of([] { parse_report_format("pdf"); }), "got \"pdf\""));
}

TEST_CASE("report: the changes section shows new, closed and decided items from a Changes") {
    const View& view = limburg();
    Changes changes;
    changes.from = Date(2023, 1, 15);
    changes.to = data_date;
    StatusChange closed;
    closed.kind = ChangeKind::changed;
    closed.action = "wonen-registratie";
    closed.scope = "CR37";
    closed.before = StatusUpdate("wonen-registratie", "CR37", "in_progress", "Loopt.", Date(2023, 1, 10));
    closed.after = StatusUpdate("wonen-registratie", "CR37", "done", "Klaar.", data_date);
    closed.closed = true;
    changes.statuses.push_back(closed);
    ProposalChange decided;
    decided.key = "P1";
    decided.before = Proposal("P1", "wonen-regionaal-beleid", "Voorstel.", ProposalState::open);
    decided.after = Proposal("P1", "wonen-regionaal-beleid", "Voorstel.", ProposalState::adopted,
                             ProposalKind::proposal, {}, data_date);
    decided.decided = true;
    changes.proposals.push_back(decided);
    ActionChange added;
    added.kind = ChangeKind::added;
    added.key = "algemeen-monitoring";
    added.after = *view.action("algemeen-monitoring");
    changes.actions.push_back(added);

    const Report r = build_report(view, limburg_evaluation(), {}, &changes);
    REQUIRE(r.changes.size() == 3);
    CHECK(r.changes[0].kind == "added");
    CHECK(r.changes[1].kind == "closed");
    CHECK(r.changes[1].region_name == "Noord-Limburg");
    CHECK(r.changes[2].kind == "decided");
    const auto md = render_markdown(r);
    CHECK(test::contains(md, "Wijzigingen van 15 januari 2023 tot 1 maart 2023."));
    CHECK(test::contains(md, "afgesloten"));
    CHECK(test::contains(md, "Was: In uitvoering (10 januari 2023): Loopt."));
    const auto html = render_html(r);
    CHECK(test::contains(html, "<td>besloten</td>"));

    Changes none;
    none.from = Date(2023, 2, 1);
    none.to = data_date;
    CHECK(test::contains(render_markdown(build_report(view, limburg_evaluation(), {}, &none)),
                         "Geen wijzigingen sinds 1 februari 2023."));
    CHECK(test::contains(render_markdown(limburg_report("nl")), "Er is geen vergelijking gemaakt."));
}

TEST_CASE("report: changes between two dates from diff") {
    test::TempDir dir;
    auto store = Store::open(dir.file("limburg.db"));
    store.import_json(test::limburg_json());
    const View before = store.view(Date(2023, 2, 1));
    const View after = store.view(data_date);
    const Changes changes = diff(before, after);
    const Report r = build_report(after, limburg_evaluation(), {}, &changes);
    REQUIRE(r.changes_from);
    CHECK(*r.changes_from == Date(2023, 2, 1));
    std::size_t statuses = 0;
    for (const auto& c : r.changes) statuses += c.what == "status" && (c.kind == "added" || c.kind == "closed");
    // Every state of affairs is dated 2023-03-01 (all new, some closed at once), except
    // the Omgevingsverordening, published on 2023-01-18 and only restated in March.
    CHECK(statuses == 25);
}

TEST_CASE("report: a changed action point shows what changed, such as a moved deadline") {
    test::TempDir dir;
    auto store = Store::open(dir.file("g.db"));
    for (int n = 1; n <= 2; ++n) store.import_json(test::fixture("history/meeting-" + std::to_string(n) + ".json"));
    const View before = store.view(Date(2024, 2, 7));
    const View after = store.view(Date(2024, 4, 17));
    const Changes changes = diff(before, after);
    const Evaluation evaluation = RuleSet::defaults(&after).evaluate(after);
    const Report r = build_report(after, evaluation, {}, &changes);
    const auto row = std::find_if(r.changes.begin(), r.changes.end(), [](const ReportChange& c) {
        return c.what == "action" && c.subject == "Huisvesting";
    });
    REQUIRE(row != r.changes.end());
    CHECK(row->kind == "changed");
    CHECK(row->before == "Gereed: 30 juni 2024");
    CHECK(row->after == "Gereed: 30 september 2024");
}

TEST_CASE("report: contacts appear only when the caller opts in") {
    const std::vector<Contact> contacts = {Contact("GM0983", "beleidsmedewerker", "J. Jansen", "j.jansen@example.nl")};
    const Report without = build_report(limburg(), limburg_evaluation(), {}, nullptr, contacts);
    CHECK(without.contacts.empty());
    CHECK_FALSE(test::contains(render_html(without), "J. Jansen"));
    ReportOptions opt_in;
    opt_in.include_contacts = true;
    const Report with = build_report(limburg(), limburg_evaluation(), opt_in, nullptr, contacts);
    REQUIRE(with.contacts.size() == 1);
    CHECK(with.contacts[0].municipality_name == "Venlo");
    for (const auto format : {ReportFormat::html, ReportFormat::markdown, ReportFormat::json})
        CHECK(test::contains(render(with, format), "Jansen"));
}

TEST_CASE("report: numbers follow the language") {
    // Through a count observation's value: thousands separators and decimals.
    ViewData d;
    d.as_of = data_date;
    d.themes = {Theme("wonen", Label("Wonen"))};
    d.regions = {Region("PV31", "Limburg", RegionKind::province)};
    d.states = default_progress_states();
    d.indicators = {Indicator("n", Label("Aantal", "Number"), IndicatorKind::number, {}, "uur")};
    ObservationValue v;
    v.value = 12345.5;
    d.observations = {Observation("n", "PV31", data_date, v)};
    const View view(std::move(d));
    const Evaluation e;
    ReportOptions en;
    en.language = "en";
    CHECK(build_report(view, e).monitoring.at(0).value == "12.345,5 uur");
    CHECK(build_report(view, e, en).monitoring.at(0).value == "12,345.5 uur");
}
