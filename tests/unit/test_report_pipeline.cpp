// The report pipeline (report_request.hpp) on the bundled Limburg list: the report
// date, the comparison picture, the rules, the checks of a request, and that the
// pipeline gives the bytes of the golden files, which the command-line tool, the
// report generator and the C API are held to as well (test_cli.sh,
// check_report.cmake, test_capi_report.c).
#include "support.hpp"

#include <actielijst/changes.hpp>
#include <actielijst/report.hpp>
#include <actielijst/report_request.hpp>
#include <actielijst/rules.hpp>
#include <actielijst/snapshot.hpp>

#include <sstream>
#include <string>

using namespace actielijst;

namespace {

const Date data_date{2023, 3, 1};

/// A store with the Limburg list and, for the meeting tests, one meeting.
struct Limburg {
    test::TempDir dir;
    Store store = Store::open(dir.file("limburg.db"));
    Limburg() { store.import_json(test::limburg_json()); }
};

Limburg& limburg() {
    static Limburg l;
    return l;
}

std::string golden(const std::string& name) {
    return test::read_file(std::string(ACTIELIJST_SOURCE_DIR) + "/tests/golden/report/" + name);
}

ReportRequest from_store() {
    ReportRequest request;
    request.store = &limburg().store;
    return request;
}

}  // namespace

TEST_CASE("report pipeline: a request for the Limburg list as of 2023-03-01 gives the golden files") {
    auto request = from_store();
    request.as_of = data_date;
    for (const std::string language : {"nl", "en"}) {
        CAPTURE(language);
        request.options.language = language;
        CHECK(render_report(request, ReportFormat::markdown) == golden("limburg." + language + ".md"));
        CHECK(render_report(request, ReportFormat::json) == golden("limburg." + language + ".json"));
        CHECK(render_report(request, ReportFormat::csv) == golden("limburg." + language + ".csv"));
        std::ostringstream html;
        render_report(request, ReportFormat::html, html);
        CHECK(html.str() == golden("limburg." + language + ".html"));
    }
}

TEST_CASE("report pipeline: a view given and a store given give the same report") {
    const View view = limburg().store.view(data_date);
    ReportRequest by_view;
    by_view.view = &view;
    auto by_store = from_store();
    by_store.as_of = data_date;
    CHECK(render_report(by_view, ReportFormat::json) == render_report(by_store, ReportFormat::json));
}

TEST_CASE("report pipeline: without a date the report is as of the store's default date") {
    const Report report = build_report(from_store());
    CHECK(report.as_of == limburg().store.default_date());
}

TEST_CASE("report pipeline: an explicit date is the report's date") {
    auto request = from_store();
    request.as_of = Date(2022, 6, 1);
    CHECK(build_report(request).as_of == Date(2022, 6, 1));
}

TEST_CASE("report pipeline: a report for a meeting without a date is as of the meeting's date") {
    test::TempDir dir;
    auto store = Store::open(dir.file("meeting.db"));
    store.import_json(test::limburg_json());
    store.add_meeting(Meeting("sg-test", Date(2023, 2, 1), "Test"));
    ReportRequest request;
    request.store = &store;
    request.options.meeting = "sg-test";
    const Report report = build_report(request);
    CHECK(report.as_of == Date(2023, 2, 1));
    CHECK(report.meeting == "sg-test");
    request.as_of = data_date;  // an explicit date still wins
    CHECK(build_report(request).as_of == data_date);
}

TEST_CASE("report pipeline: compare against a snapshot file, a date and a view alike") {
    const View before = limburg().store.view(Date(2022, 6, 1));
    test::TempDir dir;
    save_snapshot(before, dir.file("before.snap"));

    auto by_view = from_store();
    by_view.as_of = data_date;
    by_view.options.language = "en";
    by_view.compare_view = &before;
    const Report from_view = build_report(by_view);
    REQUIRE(from_view.changes_from);
    CHECK(*from_view.changes_from == Date(2022, 6, 1));
    CHECK_FALSE(from_view.changes.empty());
    const std::string expected = render(from_view, ReportFormat::json);

    auto by_snapshot = by_view;
    by_snapshot.compare_view = nullptr;
    by_snapshot.compare_snapshot = dir.file("before.snap");
    CHECK(render_report(by_snapshot, ReportFormat::json) == expected);

    auto by_date = by_view;
    by_date.compare_view = nullptr;
    by_date.compare_date = Date(2022, 6, 1);
    CHECK(render_report(by_date, ReportFormat::json) == expected);

    auto none = by_view;
    none.compare_view = nullptr;
    CHECK_FALSE(build_report(none).changes_from);
}

TEST_CASE("report pipeline: no rules means the default rules, and given rules replace them") {
    auto request = from_store();
    request.as_of = data_date;
    const std::string plain = render_report(request, ReportFormat::markdown);
    const RuleSet defaults = RuleSet::defaults();
    request.rules = &defaults;
    CHECK(render_report(request, ReportFormat::markdown) == plain);
    const RuleSet own = RuleSet::parse("rule everything\n    severity info\n    when true\n    message \"ZZ-{title}\"\n");
    request.rules = &own;
    const std::string mine = render_report(request, ReportFormat::markdown);
    CHECK(mine.find("ZZ-") != std::string::npos);
    CHECK(plain.find("ZZ-") == std::string::npos);
}

TEST_CASE("report pipeline: a filter without a comparison selects as the report's filter does") {
    auto request = from_store();
    request.as_of = data_date;
    request.options.filter = "theme = \"wonen\"";
    const View whole = limburg().store.view(data_date);
    ReportRequest by_view;
    by_view.view = &whole;
    by_view.options.filter = request.options.filter;
    const Report scoped = build_report(request);
    const Report selected = build_report(by_view);
    REQUIRE(scoped.themes.size() == selected.themes.size());
    CHECK(scoped.summary.actions == selected.summary.actions);
    CHECK(scoped.summary.actions > 0);
    // The action points themselves read the same, byte for byte; only the signals may
    // differ (the scoped report's rules see the selection, not the whole list).
    request.options.sections = by_view.options.sections = {"actions"};
    const std::string scoped_text = render_report(request, ReportFormat::markdown);
    CHECK(scoped_text == render_report(by_view, ReportFormat::markdown));
    CHECK(scoped_text.find("wonen") != std::string::npos);
}

TEST_CASE("report pipeline: an unknown snapshot file is Errc::io naming it") {
    auto request = from_store();
    request.compare_snapshot = "no/such/file.snap";
    CHECK(test::error_of([&] { (void)build_report(request); }, Errc::io).find("no/such/file.snap") !=
          std::string::npos);
}

TEST_CASE("report pipeline: a file that is not a snapshot is Errc::invalid") {
    test::TempDir dir;
    test::write_file(dir.file("junk.snap"), "not a snapshot at all");
    auto request = from_store();
    request.compare_snapshot = dir.file("junk.snap");
    (void)test::error_of([&] { (void)build_report(request); }, Errc::invalid);
}

TEST_CASE("report pipeline: an unknown meeting is Errc::not_found, with and without a date") {
    auto request = from_store();
    request.options.meeting = "no-such-meeting";
    CHECK(test::error_of([&] { (void)build_report(request); }, Errc::not_found).find("no-such-meeting") !=
          std::string::npos);
    request.as_of = data_date;
    CHECK(test::error_of([&] { (void)build_report(request); }, Errc::not_found).find("no-such-meeting") !=
          std::string::npos);
}

TEST_CASE("report pipeline: requests that cannot be made are Errc::invalid") {
    const View view = limburg().store.view(data_date);
    ReportRequest nothing;
    CHECK(test::error_of([&] { (void)build_report(nothing); }).find("store or a view") != std::string::npos);

    ReportRequest dated_view;
    dated_view.view = &view;
    dated_view.as_of = data_date;
    CHECK(test::error_of([&] { (void)build_report(dated_view); }).find("as_of") != std::string::npos);

    auto two = from_store();
    two.compare_view = &view;
    two.compare_date = data_date;
    CHECK(test::error_of([&] { (void)build_report(two); }).find("not several") != std::string::npos);

    ReportRequest storeless;
    storeless.view = &view;
    storeless.compare_date = data_date;
    CHECK(test::error_of([&] { (void)build_report(storeless); }).find("compare_date") != std::string::npos);
    storeless.compare_date.reset();
    storeless.options.include_contacts = true;
    CHECK(test::error_of([&] { (void)build_report(storeless); }).find("include_contacts") != std::string::npos);

    auto language = from_store();
    language.options.language = "de";
    CHECK(test::error_of([&] { (void)build_report(language); }).find("expected \"nl\" or \"en\"") !=
          std::string::npos);
    auto section = from_store();
    section.options.sections = {"summary", "appendix"};
    CHECK(test::error_of([&] { (void)build_report(section); }).find("\"appendix\"") != std::string::npos);
}

TEST_CASE("report pipeline: a bad filter is named by its origin") {
    auto request = from_store();
    request.options.filter = "theme = ";
    request.filter_origin = "--where";
    CHECK(test::error_of([&] { (void)build_report(request); }).find("--where:1:") != std::string::npos);
}

TEST_CASE("report pipeline: a failed file render leaves no file and a good one writes the string's bytes") {
    test::TempDir dir;
    auto request = from_store();
    request.as_of = data_date;
    render_report_file(request, ReportFormat::markdown, dir.file("r.md"));
    CHECK(test::read_file(dir.file("r.md")) == golden("limburg.nl.md"));
    request.options.meeting = "no-such-meeting";
    (void)test::error_of([&] { render_report_file(request, ReportFormat::markdown, dir.file("bad.md")); },
                         Errc::not_found);
    CHECK_FALSE(std::filesystem::exists(dir.file("bad.md")));
}
