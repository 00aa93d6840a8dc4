// The list after the meeting (besluitenlijst): the Limburg list with its illustrative
// follow-up meeting (tests/fixtures/limburg-next-meeting.json) as golden files in
// every format and both languages, its content, the meeting choice and its errors,
// and hostile text in every field.
//
// Regenerate the golden files after an intended change with
//   ACTIELIJST_UPDATE_GOLDEN=1 ctest -L decision_list
// and review the diff (git diff tests/golden/decision-list) before committing it.
#include "support.hpp"

#include <actielijst/decision_list.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>

using namespace actielijst;

namespace {

Date day(const char* text) { return Date::parse(text); }

/// The Limburg list followed by the illustrative next meeting, in a store that lives
/// as long as the test program.
const Store& limburg() {
    static test::TempDir dir;
    static const Store store = [] {
        auto s = Store::open(dir.file("limburg.db"));
        s.import_json(test::limburg_json());
        s.import_json(test::fixture("limburg-next-meeting.json"));
        return s;
    }();
    return store;
}

DecisionList limburg_list(const std::string& language = "nl", const std::string& meeting = "sg-2023-04") {
    DecisionListOptions options;
    options.language = language;
    return build_decision_list(limburg(), meeting, options);
}

std::string golden_path(const std::string& name) {
    return std::string(ACTIELIJST_SOURCE_DIR) + "/tests/golden/decision-list/" + name;
}

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

template <class T>
const T* find_key(const std::vector<T>& items, const std::string& key) {
    for (const auto& i : items)
        if (i.key == key) return &i;
    return nullptr;
}

const DecisionListOpenItem* find_item(const DecisionList& l, const std::string& kind, const std::string& key) {
    for (const auto& i : l.open_items)
        if (i.kind == kind && i.key == key) return &i;
    return nullptr;
}

/// RFC 4180 rows (quoted cells with "" for a quote; CRLF row ends).
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false, in_cell = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"' && !in_cell) {
            quoted = in_cell = true;
        } else if (c == ',') {
            rows.back().push_back(cell);
            cell.clear();
            in_cell = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(cell);
            cell.clear();
            in_cell = false;
            rows.emplace_back();
            ++i;
        } else {
            cell += c;
            in_cell = true;
        }
    }
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

const std::string xss = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>' javascript:alert(2) &amp;";
std::string p(std::string_view field) { return std::string(field) + " " + xss; }

/// Two pictures whose every free text holds the payloads, and whose texts also start
/// formulas; between them a decision, a tabling, an added, a closed, a removed and a
/// re-dated action.
std::pair<View, View> hostile_views() {
    const auto common = [](ViewData& d) {
        d.meta = {MetaEntry{"title", p("=list title")}};
        d.themes = {Theme("wonen", Label(p("=theme nl"), p("@theme en")))};
        d.regions = {Region("PV31", p("+province"), RegionKind::province),
                     Region("CR37", p("-corop"), RegionKind::corop, "PV31")};
        d.states = {ProgressState("busy", StateCategory::active, Label(p("state nl"), p("state en"))),
                    ProgressState("stuck", StateCategory::blocked, Label(p("=stuck nl"), p("=stuck en"))),
                    ProgressState("ready", StateCategory::done, Label(p("@ready nl"), p("@ready en")))};
    };
    ViewData b;
    b.as_of = day("2023-02-01");
    common(b);
    b.meetings = {Meeting("M1", day("2023-02-01"), p("=first meeting"))};
    b.actions = {ActionPoint("a1", "wonen", p("=HYPERLINK(\"http://x\",\"y\")"), p("goal\nsecond line"),
                             {Owner(p("-lead owner"), OwnerRole::lead)}, {"CR37"}, day("2023-03-01")),
                 ActionPoint("a2", "wonen", p("@closing title"), p("closing goal")),
                 ActionPoint("a4", "wonen", p("\tremoved title"), p("removed goal"))};
    b.statuses = {StatusUpdate("a1", "CR37", "busy", p("status text"), day("2023-01-15")),
                  StatusUpdate("a2", "PV31", "busy", p("busy text"), day("2023-01-15"))};
    b.proposals = {Proposal("P1", "a1", p("=proposal text"), ProposalState::open, ProposalKind::proposal, "M1",
                            std::nullopt, day("2023-02-01"))};
    ViewData a;
    a.as_of = day("2023-03-01");
    common(a);
    a.meetings = {Meeting("M1", day("2023-02-01"), p("=first meeting")), Meeting("M2", day("2023-03-01"), p("@meeting"))};
    a.actions = {ActionPoint("a1", "wonen", p("=HYPERLINK(\"http://x\",\"y\")"), p("goal\nsecond line"),
                             {Owner(p("-lead owner"), OwnerRole::lead)}, {"CR37"}, day("2023-03-20")),
                 ActionPoint("a2", "wonen", p("@closing title"), p("closing goal")),
                 ActionPoint("a3", "wonen", p("+new title"), p("-new goal"), {Owner(p("=support"), OwnerRole::support)},
                             {"PV31"}, day("2023-02-20"))};
    a.statuses = {StatusUpdate("a1", "CR37", "stuck", p("-stuck text"), day("2023-02-15")),
                  StatusUpdate("a2", "PV31", "ready", p("=done text"), day("2023-03-01")),
                  StatusUpdate("a3", "PV31", "busy", p("new text"), day("2023-03-01"))};
    a.proposals = {Proposal("P1", "a1", p("=proposal text"), ProposalState::adopted, ProposalKind::proposal, "M1",
                            day("2023-03-01"), day("2023-02-01"), "M2", p("=decision text")),
                   Proposal("P2", "a3", p("@tabled text"), ProposalState::open, ProposalKind::consensus, "M2",
                            std::nullopt, day("2023-03-01"))};
    return {View(std::move(b)), View(std::move(a))};
}

const DecisionList& hostile_list(const std::string& language = "nl") {
    static const auto views = hostile_views();
    static std::map<std::string, DecisionList> lists;
    auto it = lists.find(language);
    if (it == lists.end()) {
        DecisionListOptions options;
        options.language = language;
        it = lists.emplace(language, build_decision_list(views.first, views.second, "M2", options)).first;
    }
    return it->second;
}

}  // namespace

TEST_CASE("decision_list: Limburg after sg-2023-04 matches the golden files in every format and language") {
    for (const std::string language : {"nl", "en"}) {
        CAPTURE(language);
        const DecisionList list = limburg_list(language);
        golden("limburg." + language + ".html", render_decision_list_html(list));
        golden("limburg." + language + ".md", render_decision_list_markdown(list));
        golden("limburg." + language + ".csv", render_decision_list_csv(list));
        golden("limburg." + language + ".json", render_decision_list_json(list));
    }
}

TEST_CASE("decision_list: Limburg content — P2 adopted with its words, P4 tabled, actions added, closed, re-dated") {
    const DecisionList l = limburg_list();
    CHECK(l.meeting == "sg-2023-04");
    CHECK(l.meeting_date == day("2023-04-12"));
    CHECK(l.meeting_date_text == "12 april 2023");
    CHECK(l.previous_meeting == "sg-2023-03");
    CHECK(l.previous_meeting_date == day("2023-03-01"));
    CHECK(l.from == day("2023-03-01"));
    CHECK(l.to == day("2023-04-12"));
    CHECK(l.title == "Besluitenlijst");
    CHECK(l.list_title == "Actielijst — Stuurgroep Internationale Werknemers");

    REQUIRE(l.decisions.size() == 1);
    const auto& p2 = l.decisions[0];
    CHECK(p2.key == "P2");
    CHECK(p2.state == "adopted");
    CHECK(p2.state_label == "aangenomen");
    CHECK(p2.at_meeting);
    CHECK(p2.date == day("2023-04-12"));
    CHECK(test::contains(p2.decision, "regionale bestuurlijke overleggen Wonen"));
    CHECK(test::contains(p2.text, "wethouders Wonen"));

    REQUIRE(l.tabled.size() == 1);
    CHECK(l.tabled[0].key == "P4");
    CHECK(l.tabled[0].action == "algemeen-in-gesprek");
    CHECK(l.tabled[0].at_meeting);

    REQUIRE(l.actions_added.size() == 1);
    CHECK(l.actions_added[0].key == "werken-voorlichting-werkgevers");
    CHECK(l.actions_added[0].due == day("2023-10-01"));
    CHECK(l.actions_added[0].leads == std::vector<std::string>{"Provincie Limburg"});

    REQUIRE(l.actions_closed.size() == 1);
    CHECK(l.actions_closed[0].key == "wonen-afspraken-huisvesting");
    CHECK(l.actions_closed[0].reason == "closed");
    CHECK(l.actions_closed[0].state_label == "Gereed");
    CHECK(l.actions_closed[0].as_of == day("2023-04-12"));

    REQUIRE(l.deadlines_moved.size() == 1);
    CHECK(l.deadlines_moved[0].key == "algemeen-kennis-delen");
    CHECK_FALSE(l.deadlines_moved[0].from.has_value());
    CHECK(l.deadlines_moved[0].to == day("2023-06-30"));

    // Open: P3 and P4 (not the adopted P2), and the stalled actions (not the closed one).
    CHECK(find_item(l, "proposal", "P3"));
    CHECK(find_item(l, "proposal", "P4"));
    CHECK_FALSE(find_item(l, "proposal", "P2"));
    const auto* registratie = find_item(l, "stalled", "wonen-registratie");
    REQUIRE(registratie);
    CHECK(registratie->regions == std::vector<std::string>{"Midden-Limburg", "Zuid-Limburg"});
    CHECK(find_item(l, "stalled", "algemeen-in-gesprek"));
    CHECK_FALSE(find_item(l, "stalled", "wonen-afspraken-huisvesting"));
    // The new deadlines are further away than six weeks.
    CHECK_FALSE(find_item(l, "due", "algemeen-kennis-delen"));

    const std::string html = render_decision_list_html(l);
    for (const char* heading : {"Besluitenlijst", "Genomen besluiten", "Nieuwe actiepunten", "Afgesloten actiepunten",
                                "Nieuwe deadlines", "Openstaand voor de volgende vergadering"})
        CHECK(test::contains(html, heading));
    CHECK(test::contains(html, "vóór de zomer"));
    const std::string en = render_decision_list_markdown(limburg_list("en"));
    CHECK(test::contains(en, "## Decisions taken"));
    CHECK(test::contains(en, "12 April 2023"));
}

TEST_CASE("decision_list: a longer horizon makes a deadline due; a due date before the meeting is overdue") {
    DecisionListOptions options;
    options.due_within_days = 90;
    const DecisionList l = build_decision_list(limburg(), "sg-2023-04", options);
    const auto* due = find_item(l, "due", "algemeen-kennis-delen");
    REQUIRE(due);
    CHECK(due->due == day("2023-06-30"));

    const auto& h = hostile_list();
    CHECK(find_item(h, "overdue", "a3"));  // due 2023-02-20, meeting 2023-03-01
    CHECK(find_item(h, "due", "a1"));      // due 2023-03-20
    CHECK(find_item(h, "stalled", "a1"));
}

TEST_CASE("decision_list: deadlines from one date to another, closed and removed actions, between two Views") {
    const auto& h = hostile_list();
    REQUIRE(h.deadlines_moved.size() == 1);
    CHECK(h.deadlines_moved[0].from == day("2023-03-01"));
    CHECK(h.deadlines_moved[0].to == day("2023-03-20"));
    REQUIRE(h.actions_closed.size() == 2);
    CHECK(h.actions_closed[0].key == "a2");
    CHECK(h.actions_closed[0].reason == "closed");
    CHECK(h.actions_closed[1].key == "a4");
    CHECK(h.actions_closed[1].reason == "removed");
    REQUIRE(h.actions_added.size() == 1);
    CHECK(h.actions_added[0].key == "a3");
    REQUIRE(h.decisions.size() == 1);
    CHECK(h.decisions[0].key == "P1");
    REQUIRE(h.tabled.size() == 1);
    CHECK(h.tabled[0].key == "P2");
    CHECK(h.tabled[0].kind == "consensus");
}

TEST_CASE("decision_list: with no earlier meeting everything up to the meeting counts") {
    const DecisionList l = limburg_list("nl", "sg-2023-03");
    CHECK(l.previous_meeting.empty());
    CHECK_FALSE(l.previous_meeting_date.has_value());
    CHECK_FALSE(l.from.has_value());
    CHECK(l.actions_added.size() == 19);  // the whole list as of 2023-03-01
    CHECK(find_key(l.actions_closed, "wonen-omgevingsverordening"));
    CHECK(find_key(l.decisions, "P1"));  // the consensus taken before the list was written
    CHECK(find_item(l, "proposal", "P2"));
    CHECK(l.deadlines_moved.empty());
    CHECK(test::contains(render_decision_list_html(l), "Geen eerdere vergadering"));

    // The same from two Views: an empty one stands for "no earlier meeting".
    const View after = limburg().view(day("2023-03-01"));
    const DecisionList direct = build_decision_list(View(ViewData{}), after, "sg-2023-03");
    CHECK(render_decision_list_json(direct) == render_decision_list_json(l));
}

TEST_CASE("decision_list: the meeting defaults to the last one on or before the date") {
    CHECK(build_decision_list(limburg(), "").meeting == "sg-2023-04");
    CHECK(build_decision_list(limburg(), "", {}, day("2023-04-01")).meeting == "sg-2023-03");
    CHECK(build_decision_list(limburg(), "", {}, day("2023-04-12")).meeting == "sg-2023-04");
    const View after = limburg().view(day("2023-04-12"));
    CHECK(build_decision_list(limburg().view(day("2023-03-01")), after, "").meeting == "sg-2023-04");
}

TEST_CASE("decision_list: an unknown meeting is not_found naming it; no meeting at all too") {
    CHECK(test::contains(test::error_of([] { build_decision_list(limburg(), "sg-2099-01"); }, Errc::not_found),
                         "\"sg-2099-01\""));
    const View after = limburg().view(day("2023-04-12"));
    CHECK(test::contains(
        test::error_of([&] { build_decision_list(View(ViewData{}), after, "nope"); }, Errc::not_found), "\"nope\""));
    // A meeting after the View's date is not one it knows.
    const View early = limburg().view(day("2023-03-01"));
    CHECK(test::contains(
        test::error_of([&] { build_decision_list(View(ViewData{}), early, "sg-2023-04"); }, Errc::not_found),
        "sg-2023-04"));
    CHECK(test::contains(
        test::error_of([] { build_decision_list(limburg(), "", {}, day("2023-01-01")); }, Errc::not_found),
        "2023-01-01"));
    test::TempDir dir;
    auto empty = Store::open(dir.file("empty.db"));
    empty.import_json(test::limburg_json());
    test::error_of([&] { build_decision_list(empty, ""); }, Errc::not_found);
}

TEST_CASE("decision_list: a bad language or horizon is invalid") {
    DecisionListOptions bad;
    bad.language = "de";
    CHECK(test::contains(test::error_of([&] { build_decision_list(limburg(), "sg-2023-04", bad); }), "\"de\""));
    const View after = limburg().view(day("2023-04-12"));
    test::error_of([&] { build_decision_list(after, after, "sg-2023-04", bad); });
    DecisionListOptions negative;
    negative.due_within_days = -1;
    test::error_of([&] { build_decision_list(limburg(), "sg-2023-04", negative); });
}

TEST_CASE("decision_list: the title option, reproducible output, streams and atomic files give the same bytes") {
    DecisionListOptions options;
    options.title = "Besluiten 12 april";
    CHECK(build_decision_list(limburg(), "sg-2023-04", options).title == "Besluiten 12 april");
    const DecisionList l = limburg_list();
    for (const auto format : {ReportFormat::html, ReportFormat::markdown, ReportFormat::csv, ReportFormat::json}) {
        CAPTURE(to_string(format));
        const std::string text = render_decision_list(l, format);
        CHECK(text == render_decision_list(limburg_list(), format));
        std::ostringstream out;
        out.imbue(std::locale::classic());
        render_decision_list(l, format, out);
        CHECK(out.str() == text);
        test::TempDir dir;
        const auto path = dir.file("list.out");
        test::write_file(path, "previous");
        render_decision_list_file(l, format, path);
        CHECK(test::read_file(path) == text);
    }
    test::TempDir dir;
    const auto missing = dir.file("no/such/dir/list.html");
    CHECK(test::contains(test::error_of([&] { render_decision_list_file(l, ReportFormat::html, missing); }, Errc::io),
                         missing));
    std::ostringstream failed;
    failed.setstate(std::ios::badbit);
    test::error_of([&] { render_decision_list_html(l, failed); }, Errc::io);
}

TEST_CASE("decision_list XSS: payloads in every text field stay text in HTML; its golden file is checked as XML") {
    for (const std::string language : {"nl", "en"}) {
        const std::string html = render_decision_list_html(hostile_list(language));
        CHECK_FALSE(test::contains(html, "<script"));
        CHECK_FALSE(test::contains(html, "<img"));
        CHECK_FALSE(test::contains(html, "javascript:alert(2)\""));
        CHECK(test::contains(html, "&lt;script&gt;"));
    }
    golden("xss.html", render_decision_list_html(hostile_list()));
}

TEST_CASE("decision_list XSS: Markdown escapes markup, JSON escapes <, > and & and keeps the text") {
    const std::string md = render_decision_list_markdown(hostile_list());
    for (std::size_t at = md.find('<'); at != std::string::npos; at = md.find('<', at + 1)) {
        CAPTURE(md.substr(at, 20));
        CHECK((md.compare(at, 4, "<br>") == 0 || (at > 0 && md[at - 1] == '\\')));
    }
    CHECK(test::contains(md, "\\<script\\>"));
    CHECK_FALSE(test::contains(md, "](javascript"));
    const std::string json = render_decision_list_json(hostile_list());
    CHECK_FALSE(test::contains(json, "<"));
    CHECK_FALSE(test::contains(json, ">"));
    const auto doc = nlohmann::json::parse(json);
    CHECK(doc["decisions"][0]["decision"] == p("=decision text"));
    CHECK(doc["format"] == "actielijst-decision-list");
}

TEST_CASE("decision_list CSV: one row per item, RFC 4180 with CRLF, formula cells neutralised") {
    const std::string csv = render_decision_list_csv(hostile_list());
    CHECK(test::contains(csv, "\r\n"));
    const auto rows = parse_csv(csv);
    const auto& h = hostile_list();
    REQUIRE(rows.size() == 1 + h.decisions.size() + h.tabled.size() + h.actions_added.size() + h.actions_closed.size() +
                               h.deadlines_moved.size() + h.open_items.size());
    for (const auto& row : rows) {
        CHECK(row.size() == rows[0].size());
        for (const auto& cell : row) {
            CAPTURE(cell);
            CHECK((cell.empty() || std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos));
        }
    }
    const auto decision = std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r[2] == "P1"; });
    REQUIRE(decision != rows.end());
    CHECK((*decision)[6] == "'" + p("=decision text"));
}
