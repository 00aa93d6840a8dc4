// The parts of the report a steering group reads first: the overview of actions ×
// regions, the overall state in words (true across regions), the coverage chart
// stacked by level, and references that stay unambiguous where titles repeat.
#include "support.hpp"

#include <actielijst/report.hpp>

#include <algorithm>
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

Report limburg_report(const std::string& language, std::vector<std::string> sections = {}) {
    ReportOptions options;
    options.language = language;
    options.sections = std::move(sections);
    return build_report(limburg(), RuleSet::defaults(&limburg()).evaluate(limburg()), options);
}

const ReportAction& action(const Report& r, const std::string& key) {
    for (const auto& t : r.themes)
        for (const auto& a : t.actions)
            if (a.key == key) return a;
    throw std::runtime_error("no action " + key);
}

const ReportCoverage& coverage(const Report& r, const std::string& region) {
    for (const auto& c : r.coverage)
        if (c.region == region) return c;
    throw std::runtime_error("no coverage for " + region);
}

/// A View of one action over three regions (and two municipalities of the first), in
/// the given states; "" leaves a scope without a state of affairs.
View three_regions(const std::string& noord, const std::string& midden, const std::string& zuid,
                   const std::string& municipality = {}) {
    ViewData d;
    d.as_of = data_date;
    d.themes = {Theme("wonen", Label("Wonen", "Housing"))};
    d.regions = {Region("PV31", "Limburg", RegionKind::province),
                 Region("CR37", "Noord-Limburg", RegionKind::corop, "PV31"),
                 Region("CR38", "Midden-Limburg", RegionKind::corop, "PV31"),
                 Region("CR39", "Zuid-Limburg", RegionKind::corop, "PV31"),
                 Region("GM0983", "Venlo", RegionKind::municipality, "CR37")};
    d.states = {ProgressState("todo", StateCategory::todo, Label("Niet gestart", "Not started")),
                ProgressState("busy", StateCategory::active, Label("In uitvoering", "In progress")),
                ProgressState("stuck", StateCategory::blocked, Label("Stagneert", "Stalled")),
                ProgressState("done", StateCategory::done, Label("Gereed", "Done")),
                ProgressState("skip", StateCategory::dropped, Label("Geen actie nodig", "No action needed"))};
    d.actions = {ActionPoint("a", "wonen", "Huisvesting", "Beleid.", {}, {"CR37", "CR38", "CR39"})};
    const auto add = [&](const std::string& scope, const std::string& state) {
        if (!state.empty()) d.statuses.emplace_back("a", scope, state, "Tekst.", data_date);
    };
    add("CR37", noord);
    add("CR38", midden);
    add("CR39", zuid);
    add("GM0983", municipality);
    return View(std::move(d));
}

ReportAction overall(const std::string& noord, const std::string& midden, const std::string& zuid,
                     const std::string& language = "nl", const std::string& municipality = {}) {
    const View v = three_regions(noord, midden, zuid, municipality);
    ReportOptions options;
    options.language = language;
    const Report r = build_report(v, RuleSet::defaults(&v).evaluate(v), options);
    return r.themes.at(0).actions.at(0);
}

}  // namespace

TEST_CASE("report overview: Limburg has one row per action and a column per region in scope") {
    const Report r = limburg_report("nl");
    REQUIRE(r.columns.size() == 4);
    CHECK(r.columns[0].region_name == "Limburg");
    CHECK(r.columns[1].region_name == "Noord-Limburg");
    CHECK(r.columns[3].region_name == "Zuid-Limburg");
    std::size_t rows = 0;
    for (const auto& t : r.themes)
        for (const auto& a : t.actions) {
            ++rows;
            CHECK(a.cells.size() == r.columns.size());
        }
    CHECK(rows == 19);
    // Registration: stalled in Midden and Zuid, in progress in Noord, outside the province column.
    const auto& reg = action(r, "wonen-registratie");
    CHECK_FALSE(reg.cells[0].in_scope);
    CHECK(reg.cells[0].label.empty());
    CHECK(reg.cells[1].label == "In uitvoering");
    CHECK(reg.cells[2].category == "blocked");
    CHECK(reg.cells[3].label == "Stagneert");
    CHECK(reg.cells[3].as_of == data_date);
    // A province-wide action has its state in the province column only.
    const auto& monitoring = action(r, "algemeen-monitoring");
    CHECK(monitoring.cells[0].in_scope);
    CHECK_FALSE(monitoring.cells[1].in_scope);

    const auto html = render_html(r);
    CHECK(test::contains(html, "<section id=\"overview\">"));
    CHECK(test::contains(html, "<td class=\"cell cat-blocked\">Stagneert</td>"));
    const auto md = render_markdown(r);
    CHECK(test::contains(md, "## Overzicht"));
    CHECK(test::contains(md, "| Wonen | Registratie | | In uitvoering | Stagneert | Stagneert | rood |"));
    const auto json = render_json(r);
    CHECK(test::contains(json, "\"overview\": {"));
}

TEST_CASE("report overview: as CSV, one row per action when only the overview is asked for") {
    const Report r = limburg_report("nl", {"overview"});
    const auto csv = render_csv(r);
    CHECK(csv.substr(0, csv.find("\r\n")) ==
          "thema,actiepunt,titel,Limburg,Noord-Limburg,Midden-Limburg,Zuid-Limburg,status,stand actiepunt");
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 20);
    CHECK(test::contains(csv, "Wonen,wonen-registratie,Registratie,,In uitvoering,Stagneert,Stagneert,rood,"));
    // With the action points, the CSV stays one row per action × scope.
    const auto full = render_csv(limburg_report("nl"));
    CHECK(test::contains(full.substr(0, full.find("\r\n")), "regiocode"));
}

TEST_CASE("report overall state: says what is true across the regions") {
    SUBCASE("all in one state: that state's label") {
        const auto a = overall("done", "done", "done");
        CHECK(a.category == "done");
        CHECK(a.overall == "Gereed");
    }
    SUBCASE("one region done, two not started: partly done, in words") {
        const auto a = overall("done", "todo", "todo");
        CHECK(a.category == "partial");
        CHECK(a.category_label == "Deels gereed");
        CHECK(a.overall == "Deels gereed: 1 van 3 regio's afgerond, 2 niet gestart");
        CHECK(overall("done", "todo", "todo", "en").overall == "Partly done: 1 of 3 regions done, 2 not started");
    }
    SUBCASE("closed in different ways: done") {
        const auto a = overall("done", "skip", "done");
        CHECK(a.category == "done");
        CHECK(a.overall == "Afgerond: 2 van 3 regio's afgerond, 1 vervallen");
    }
    SUBCASE("open in different ways: the most pressing, with the rest in words") {
        const auto a = overall("stuck", "busy", "busy");
        CHECK(a.category == "blocked");
        CHECK(a.overall == "Vastgelopen: 1 van 3 regio's vastgelopen, 2 actief");
    }
    SUBCASE("a region without a state of affairs is unknown, and keeps the action open") {
        const auto a = overall("done", "", "done");
        CHECK(a.category == "partial");
        CHECK(a.overall == "Deels gereed: 2 van 3 regio's afgerond, 1 onbekend");
    }
    SUBCASE("nothing known") {
        const auto a = overall("", "", "");
        CHECK(a.category.empty());
        CHECK(a.overall == "Onbekend");
    }
    SUBCASE("a municipality's state counts in its region's cell and in the whole") {
        const View v = three_regions("busy", "busy", "busy", "done");
        const Report r = build_report(v, RuleSet::defaults(&v).evaluate(v));
        const auto& a = r.themes.at(0).actions.at(0);
        CHECK(a.overall == "Deels gereed: 1 van 4 gebieden afgerond, 3 actief");
        REQUIRE(r.columns.size() == 3);
        CHECK(a.cells[0].label == "Deels gereed: 1 van 2 gebieden afgerond, 1 actief");
        CHECK(a.cells[1].label == "In uitvoering");
    }
}

TEST_CASE("report overall state: Limburg's regional housing policy is partly done, not 'not started'") {
    const Report r = limburg_report("nl");
    const auto& a = action(r, "wonen-regionaal-beleid");
    CHECK(a.category == "partial");
    CHECK(a.overall == "Deels gereed: 1 van 3 regio's afgerond, 2 niet gestart");
    // The summary counts it as partly done.
    const auto partial = std::find(r.summary.categories.begin(), r.summary.categories.end(), "partial");
    REQUIRE(partial != r.summary.categories.end());
    std::size_t counted = 0;
    for (const auto& row : r.summary.themes) counted += row.counts[static_cast<std::size_t>(partial - r.summary.categories.begin())];
    CHECK(counted >= 1);
}

TEST_CASE("report coverage: stacked by level, region statements counted, unknown shown as unknown") {
    const Report r = limburg_report("nl");
    const auto& noord = coverage(r, "CR37");
    REQUIRE(noord.levels.size() == 3);
    CHECK(noord.levels[0].level == "adopted");
    CHECK(noord.levels[0].count == 4);  // "vier van de acht gemeenten hebben beleid"
    CHECK(noord.levels[1].count == 1);  // "de vijfde gemeente is bezig"
    CHECK(noord.levels[2].count == 0);
    CHECK(noord.unknown == 3);
    CHECK(noord.words == "4 Beleid vastgesteld, 1 In voorbereiding, 3 onbekend");
    const auto& midden = coverage(r, "CR38");
    CHECK(midden.levels[0].count == 0);
    CHECK(midden.levels[1].count == 4);  // "vier van de zeven ... of zijn er actief mee bezig"
    CHECK(midden.unknown == 3);
    const auto& zuid = coverage(r, "CR39");
    CHECK(zuid.unknown == 16);
    CHECK(zuid.words == "geen cijfers voor de 16 gemeenten");
    const auto html = render_html(r);
    CHECK(test::contains(html, "fill=\"url(#coverage-unknown)\""));
    CHECK(test::contains(html, "geen cijfers voor de 16 gemeenten"));
    CHECK(test::contains(render_markdown(r), "Noord-Limburg, Short-stay beleid: 4 Beleid vastgesteld, 1 In voorbereiding, 3 onbekend"));
}

TEST_CASE("report references: an action is named by title and key where titles repeat") {
    const Report r = limburg_report("nl");
    const auto& a = action(r, "wonen-regionaal-beleid");
    CHECK(a.reference == "Huisvesting (wonen-regionaal-beleid)");
    CHECK(action(r, "wonen-registratie").reference == "Registratie");
    // "Zie ook" of the regional policy names the two participation actions apart.
    REQUIRE(a.see_also.size() == 2);
    CHECK(a.see_also[0].title == "Maatschappelijke participatie (samenleven-participatie-taal)");
    CHECK(a.see_also[1].title == "Maatschappelijke participatie (samenleven-participatie-onderwijs)");
    for (const auto& p : r.decisions)
        if (p.key == "P2") CHECK(p.action_title == "Huisvesting (wonen-regionaal-beleid)");
    CHECK_FALSE(test::contains(render_html(r), "Huisvesting, Huisvesting"));
}

TEST_CASE("report overview: long words, other scripts and hostile text stay inside their cell and inert") {
    ViewData d;
    d.as_of = data_date;
    const std::string long_word(300, 'x');
    const std::string hostile = "<script>alert(1)</script>=HYPERLINK(\"x\") \u05e9\u05dc\u05d5\u05dd \U0001F3E0 " +
                                std::string("Arbeidsmigrantenhuisvestingsbeleidsontwikkelingstraject");
    d.themes = {Theme("t", Label(hostile))};
    d.regions = {Region("PV31", hostile + long_word, RegionKind::province)};
    d.states = {ProgressState("s", StateCategory::active, Label("=1+1 " + hostile))};
    d.actions = {ActionPoint("a", "t", "=cmd|' /C calc'!A0 " + hostile, "Doel.", {}, {"PV31"})};
    d.statuses = {StatusUpdate("a", "PV31", "s", "Tekst.", data_date)};
    const View v(std::move(d));
    ReportOptions only_overview;
    only_overview.sections = {"overview"};
    const Report r = build_report(v, Evaluation{}, only_overview);
    const auto html = render_html(r);
    CHECK_FALSE(test::contains(html, "<script>"));
    CHECK(test::contains(html, "&lt;script&gt;"));
    CHECK(test::contains(html, "overflow-wrap:anywhere"));
    const auto csv = render_csv(r);
    CHECK(test::contains(csv, "'=cmd|"));
    CHECK(test::contains(csv, "'=1+1"));
    CHECK_FALSE(test::contains(csv, ",=") );
    const auto md = render_markdown(r);
    CHECK_FALSE(test::contains(md, "<script>"));
}
