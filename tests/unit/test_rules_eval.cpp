// Evaluating rules and filters on a small hand-made View: every field and function,
// unset values and three-valued logic, reasons, sorting, RAG and filters.
#include "support.hpp"

#include <actielijst/rules.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

using namespace actielijst;

namespace {

Date day(const char* iso) { return Date::parse(iso); }

ObservationValue level(std::string key, bool at_least = false) {
    ObservationValue v;
    v.level = std::move(key);
    v.at_least = at_least;
    return v;
}

ObservationValue reported(std::string key, std::int64_t count) {
    ObservationValue v;
    v.level = std::move(key);
    v.count = count;
    return v;
}

ObservationValue figure(double value) {
    ObservationValue v;
    v.value = value;
    return v;
}

/// The hand-made list, as of 2023-04-01:
///  - themes wonen, werken; regions PV31 > CR37 > GM1, GM2, GM3 and PV31 > CR39 > GM4;
///  - a1 (wonen): scope CR37 and GM4, due 2023-03-01 (moved twice), statuses CR37 stalled
///    (2023-01-05) and GM2 in_progress (2023-03-15), proposals P1 open since meeting M1 and
///    P2 adopted, refs a2 and the unknown "gone";
///  - a2 (wonen): scope PV31, done there on 2023-02-01, open proposal P3 without a meeting;
///  - a3 (werken): no scope, no status, due 2023-06-01, refs a1 and a2;
///  - meetings M1..M3, all before as_of (a View holds no meeting after its date);
///  - ordinal indicator policy (none < prep < adopted): GM1 adopted, GM2 prep (latest),
///    CR37 reports 2 municipalities at adopted; a count indicator observed for PV31 in 2020.
ViewData hand_made() {
    ViewData d;
    d.as_of = day("2023-04-01");
    d.themes = {Theme("wonen", Label("Wonen")), Theme("werken", Label("Werken"))};
    d.regions = {Region("PV31", "Limburg", RegionKind::province),
                 Region("CR37", "Noord-Limburg", RegionKind::corop, "PV31"),
                 Region("GM1", "Eendorp", RegionKind::municipality, "CR37"),
                 Region("GM2", "Tweedorp", RegionKind::municipality, "CR37"),
                 Region("GM3", "Driedorp", RegionKind::municipality, "CR37"),
                 Region("CR39", "Zuid-Limburg", RegionKind::corop, "PV31"),
                 Region("GM4", "Vierdorp", RegionKind::municipality, "CR39")};
    d.states = default_progress_states();
    d.meetings = {Meeting("M1", day("2023-01-10")), Meeting("M2", day("2023-02-10")),
                  Meeting("M3", day("2023-03-10"))};
    d.actions = {
        ActionPoint("a1", "wonen", "Huisvesting", "Doel.",
                    {Owner("Provincie Limburg", OwnerRole::lead), Owner("Gemeenten", OwnerRole::support)},
                    {"CR37", "GM4"}, day("2023-03-01"), {"a2", "gone"}),
        ActionPoint("a2", "wonen", "Registratie", "Doel.", {Owner("Gemeenten", OwnerRole::lead)}, {"PV31"}),
        ActionPoint("a3", "werken", "Taal", "Doel.", {}, {}, day("2023-06-01"), {"a1", "a2"}),
    };
    d.statuses = {StatusUpdate("a1", "CR37", "stalled", "Loopt vast.", day("2023-01-05")),
                  StatusUpdate("a1", "GM2", "in_progress", "Bezig.", day("2023-03-15")),
                  StatusUpdate("a2", "PV31", "done", "Klaar.", day("2023-02-01"))};
    d.proposals = {Proposal("P1", "a1", "Besluit nodig.", ProposalState::open, ProposalKind::proposal, "M1"),
                   Proposal("P2", "a1", "Aangenomen.", ProposalState::adopted, ProposalKind::proposal, "M2",
                            day("2023-02-10")),
                   Proposal("P3", "a2", "Nog te agenderen.", ProposalState::open)};
    d.indicators = {Indicator("policy", Label("Beleid"), IndicatorKind::ordinal,
                              {Level("none", Label("Geen")), Level("prep", Label("In voorbereiding")),
                               Level("adopted", Label("Vastgesteld"))}),
                    Indicator("workers", Label("Werknemers"), IndicatorKind::count)};
    d.observations = {Observation("policy", "GM1", day("2023-01-01"), level("adopted")),
                      Observation("policy", "GM2", day("2022-01-01"), level("none")),
                      Observation("policy", "GM2", day("2023-02-01"), level("prep", true)),
                      Observation("policy", "CR37", day("2023-03-01"), reported("adopted", 2)),
                      Observation("workers", "PV31", day("2020-12-31"), figure(1000))};
    d.due_changes = {DueChange{"a1", day("2023-01-01"), day("2023-02-01"), day("2022-12-01")},
                     DueChange{"a1", day("2023-02-01"), day("2023-03-01"), day("2023-01-15")},
                     DueChange{"a3", std::nullopt, day("2023-06-01"), day("2023-01-20")}};
    return d;
}

const View& view() {
    static const View v(hand_made());
    return v;
}

std::string rule(std::string_view when, std::string_view per = "action", std::string_view message = "m",
                 std::string_view key = "r", std::string_view severity = "info") {
    return "rule " + std::string(key) + "\n  severity " + std::string(severity) + "\n  per " + std::string(per) +
           "\n  when " + std::string(when) + "\n  message \"" + std::string(message) + "\"\n";
}

Evaluation run(const std::string& text) { return RuleSet::parse(text, "rules", &view()).evaluate(view()); }

/// "a1" or "a1/CR37" or "/GM1" for every finding, in order.
std::vector<std::string> where(const Evaluation& e) {
    std::vector<std::string> out;
    for (const auto& f : e.findings) out.push_back(f.region.empty() ? f.action : f.action + "/" + f.region);
    return out;
}
std::vector<std::string> where(std::string_view when, std::string_view per = "action") {
    return where(run(rule(when, per)));
}

using Names = std::vector<std::string>;

/// The message `{expr}` renders to for each item a `per` rule applies to.
Names values(std::string_view expr, std::string_view per = "action") {
    Names out;
    for (const auto& f : run(rule("true", per, "{" + std::string(expr) + "}")).findings) out.push_back(f.message);
    return out;
}

/// The reasons of the one finding for `item` ("a1", "a1/CR37", "/CR37").
std::vector<Reason> reasons(std::string_view when, std::string_view per, std::string_view item) {
    const auto e = run(rule(when, per));
    for (const auto& f : e.findings)
        if ((f.region.empty() ? f.action : f.action + "/" + f.region) == item) return f.reasons;
    FAIL("no finding for " << item);
    return {};
}

std::string reason_text(const std::vector<Reason>& rs) {
    std::string out;
    for (const auto& r : rs) out += (out.empty() ? "" : " | ") + r.expression + ": " + r.detail;
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Where rules apply

TEST_CASE("rules eval: per action, per scope and per region rules visit their items in order") {
    CHECK(where("true") == Names{"a1", "a2", "a3"});
    // a1: CR37 and GM4 in scope, GM2 has a status; a2: PV31; a3: nothing.
    CHECK(where("true", "scope") == Names{"a1/CR37", "a1/GM2", "a1/GM4", "a2/PV31"});
    CHECK(where("true", "region") == Names{"/PV31", "/CR37", "/GM1", "/GM2", "/GM3", "/CR39", "/GM4"});
    const auto e = run(rule("true", "scope"));
    CHECK(e.findings[0].target == RuleTarget::scope);
    CHECK(e.findings[0].action == "a1");
    CHECK(e.findings[0].region == "CR37");
    const auto r = run(rule("true", "region"));
    CHECK(r.findings[0].action.empty());
    CHECK(r.findings[0].target == RuleTarget::region);
    CHECK(run(rule("true")).findings[0].region.empty());
}

// ---------------------------------------------------------------------------------------------
// Fields

TEST_CASE("rules eval: action fields") {
    CHECK(values("as_of") == Names{"2023-04-01", "2023-04-01", "2023-04-01"});
    CHECK(values("action") == Names{"a1", "a2", "a3"});
    CHECK(values("title") == Names{"Huisvesting", "Registratie", "Taal"});
    CHECK(values("theme") == Names{"wonen", "wonen", "werken"});
    CHECK(values("owners") == Names{"Provincie Limburg, Gemeenten", "Gemeenten", ""});
    CHECK(values("leads") == Names{"Provincie Limburg", "Gemeenten", ""});
    CHECK(values("regions") == Names{"CR37, GM4", "PV31", ""});
    CHECK(values("scopes") == Names{"2", "1", "0"});
    CHECK(values("due") == Names{"2023-03-01", "\u2014", "2023-06-01"});
    CHECK(values("until_due") == Names{"-31", "\u2014", "61"});
    CHECK(values("past_due") == Names{"31", "\u2014", "-61"});
    CHECK(values("due_moves") == Names{"2", "0", "0"});  // setting a first due date is no move
    CHECK(values("states") == Names{"stalled, in_progress", "done", ""});
    CHECK(values("categories") == Names{"blocked, active", "done", ""});
    CHECK(values("statuses") == Names{"2", "1", "0"});
    CHECK(values("not_started") == Names{"false", "false", "true"});
    CHECK(values("all_closed") == Names{"false", "true", "false"});
    CHECK(values("last_update") == Names{"2023-03-15", "2023-02-01", "\u2014"});
    CHECK(values("since_update") == Names{"17", "59", "\u2014"});
    // Meetings after the last update up to as_of: a1 none, a2 M2 and M3.
    CHECK(values("meetings_unchanged") == Names{"0", "2", "\u2014"});
    CHECK(values("open_proposals") == Names{"1", "1", "0"});
    CHECK(values("adopted_proposals") == Names{"1", "0", "0"});
    // P1 was tabled at M1: M1, M2 and M3 up to as_of; P3 has no meeting.
    CHECK(values("agenda_count") == Names{"3", "0", "0"});
    CHECK(values("refs") == Names{"a2, gone", "", "a1, a2"});
    CHECK(values("dangling_refs") == Names{"gone", "", ""});
    CHECK(values("closed_refs") == Names{"a2", "", "a2"});
}

TEST_CASE("rules eval: scope fields; the scope's own status wins over the action's") {
    CHECK(values("region", "scope") == Names{"CR37", "GM2", "GM4", "PV31"});
    CHECK(values("region_name", "scope") == Names{"Noord-Limburg", "Tweedorp", "Vierdorp", "Limburg"});
    CHECK(values("region_kind", "scope") == Names{"corop", "municipality", "municipality", "province"});
    CHECK(values("region_parent", "scope") == Names{"PV31", "CR37", "CR39", "\u2014"});
    CHECK(values("in_scope", "scope") == Names{"true", "false", "true", "true"});
    CHECK(values("state", "scope") == Names{"stalled", "in_progress", "\u2014", "done"});
    CHECK(values("state_category", "scope") == Names{"blocked", "active", "\u2014", "done"});
    CHECK(values("closed", "scope") == Names{"false", "false", "\u2014", "true"});
    CHECK(values("status_text", "scope") == Names{"Loopt vast.", "Bezig.", "\u2014", "Klaar."});
    CHECK(values("last_update", "scope") == Names{"2023-01-05", "2023-03-15", "\u2014", "2023-02-01"});
    CHECK(values("since_update", "scope") == Names{"86", "17", "\u2014", "59"});
    CHECK(values("meetings_unchanged", "scope") == Names{"3", "0", "\u2014", "2"});
    // Action fields are there too.
    CHECK(values("title", "scope") == Names{"Huisvesting", "Huisvesting", "Huisvesting", "Registratie"});
}

TEST_CASE("rules eval: region fields") {
    CHECK(values("region", "region") == Names{"PV31", "CR37", "GM1", "GM2", "GM3", "CR39", "GM4"});
    CHECK(values("municipalities", "region") == Names{"4", "3", "1", "1", "1", "1", "1"});
    CHECK(values("observations", "region") == Names{"1", "1", "1", "2", "0", "0", "0"});
    CHECK(values("stalest_observation", "region") ==
          Names{"2020-12-31", "2023-03-01", "2023-01-01", "2022-01-01", "\u2014", "\u2014", "\u2014"});
    CHECK(values("observation_age", "region") == Names{"821", "31", "90", "455", "\u2014", "\u2014", "\u2014"});
    CHECK(values("region_parent", "region") == Names{"\u2014", "PV31", "CR37", "CR37", "CR37", "PV31", "CR39"});
}

TEST_CASE("rules eval: progress over every ordinal indicator per region") {
    // At the second level (prep): PV31 GM1 and GM2 of 4; CR37 reports 2 at adopted only, so
    // its own municipalities decide: 2 of 3. CR39 and GM3, GM4 have no data.
    CHECK(values("lowest_progress", "region") ==
          Names{"0.5", "0.6666666666666666", "1", "1", "\u2014", "\u2014", "\u2014"});
    CHECK(values("progress_unknown", "region") == Names{"", "", "", "", "policy", "policy", "policy"});
    CHECK(reason_text(reasons("lowest_progress < 60%", "region", "/PV31")) ==
          "lowest_progress < 60%: lowest_progress is 0.5 (policy at prep or higher: 2 of 4 municipalities)");
}

TEST_CASE("rules eval: functions") {
    CHECK(values("count(owners)") == Names{"2", "1", "0"});
    CHECK(values("count([1, 2, 3])") == Names{"3", "3", "3"});
    CHECK(values("length(title)") == Names{"11", "11", "4"});
    CHECK(values("length(region_parent)", "region") == Names{"\u2014", "4", "4", "4", "4", "4", "4"});
    // coverage: max(known, reported) / municipalities. CR37: known 1 (GM1), reported 2, of 3.
    // PV31 has no count of its own: GM1 of its 4 municipalities is known at adopted.
    CHECK(values("coverage('policy', 'adopted')", "region") ==
          Names{"0.25", "0.6666666666666666", "1", "0", "\u2014", "\u2014", "\u2014"});
    CHECK(values("at_or_above('policy', 'adopted')", "region") == Names{"1", "2", "1", "0", "\u2014", "\u2014", "\u2014"});
    // An "at least prep" observation counts at prep, not at adopted.
    CHECK(values("at_or_above('policy', 'prep')", "region") == Names{"2", "2", "1", "1", "\u2014", "\u2014", "\u2014"});
    CHECK(values("coverage('policy', 'none')", "region") == Names{"0.5", "0.6666666666666666", "1", "1", "\u2014", "\u2014", "\u2014"});
    CHECK(values("observed('policy')", "region") == Names{"true", "true", "true", "true", "false", "false", "false"});
    CHECK(values("observed('workers')", "region") == Names{"true", "false", "false", "false", "false", "false", "false"});
    CHECK(values("last_observed('policy')", "region") ==
          Names{"\u2014", "2023-03-01", "2023-01-01", "2023-02-01", "\u2014", "\u2014", "\u2014"});
    CHECK(values("observation_age('workers')", "region") ==
          Names{"821", "\u2014", "\u2014", "\u2014", "\u2014", "\u2014", "\u2014"});
    // Per scope, the region is the scope region.
    CHECK(values("coverage('policy', 'adopted')", "scope") == Names{"0.6666666666666666", "0", "\u2014", "0.25"});
    // They agree with View::rollup.
    for (const char* region : {"PV31", "CR37", "GM2"}) {
        const auto r = view().rollup("policy", region, "adopted");
        CAPTURE(region);
        const auto top = std::max<std::int64_t>(static_cast<std::int64_t>(r.known_at_or_above), r.reported.value_or(0));
        const auto e = run(rule("region = '" + std::string(region) + "'", "region", "{at_or_above('policy', 'adopted')}"));
        REQUIRE(e.findings.size() == 1);
        CHECK(e.findings[0].message == std::to_string(top));
    }
}

// ---------------------------------------------------------------------------------------------
// Unset values and three-valued logic

TEST_CASE("rules eval: a comparison with an unset value is unknown, and unknown never fires") {
    CHECK(where("due < 2024-01-01") == Names{"a1", "a3"});
    CHECK(where("not (due < 2024-01-01)").empty());
    CHECK(where("not (due > 2024-01-01)") == Names{"a1", "a3"});
    CHECK(where("due = due") == Names{"a1", "a3"});
    CHECK(where("due != 2023-03-01") == Names{"a3"});
    CHECK(where("since_update > 0d or due is not set") == Names{"a1", "a2"});
    // unknown and false is false; unknown or true is true; not unknown is unknown.
    CHECK(where("not (due < as_of and false)") == Names{"a1", "a2", "a3"});
    CHECK(where("due < as_of or true") == Names{"a1", "a2", "a3"});
    CHECK(where("not (due < as_of)") == Names{"a3"});
    CHECK(where("(due < as_of) = (due < as_of)") == Names{"a1", "a3"});
    // is set and is not set are never unknown.
    CHECK(where("due is set") == Names{"a1", "a3"});
    CHECK(where("due + 1d is not set") == Names{"a2"});
    CHECK(where("owners is set") == Names{"a1", "a2", "a3"});
    CHECK(where("closed is not set", "scope") == Names{"a1/GM4"});
    // Lists: an unset element makes a miss unknown, a hit still counts.
    CHECK(where("2023-03-01 in [due]") == Names{"a1"});
    CHECK(where("2023-01-01 not in [due]") == Names{"a1", "a3"});
    CHECK(where("2023-01-01 not in [due, 2023-01-02]") == Names{"a1", "a3"});
    CHECK(where("state in ['stalled', 'done']", "scope") == Names{"a1/CR37", "a2/PV31"});
    CHECK(where("state not in ['stalled', 'done']", "scope") == Names{"a1/GM2"});
    CHECK(where("[due] = [2023-03-01]") == Names{"a1"});
    CHECK(where("[due] != [2023-03-01]") == Names{"a3"});
    // Arithmetic with an unset operand is unset; dates beyond 9999-12-31 too.
    CHECK(values("due + 7d") == Names{"2023-03-08", "\u2014", "2023-06-08"});
    CHECK(values("9999-12-31 + 1d") == Names{"\u2014", "\u2014", "\u2014"});
    CHECK(where("9999-12-31 + 1d is not set") == Names{"a1", "a2", "a3"});
}

// ---------------------------------------------------------------------------------------------
// Messages and reasons

TEST_CASE("rules eval: reasons say which values made each leaf hold") {
    CHECK(reason_text(reasons("state_category = \"blocked\"", "scope", "a1/CR37")) ==
          "state_category = \"blocked\": state_category is \"blocked\" (state \"stalled\", 2023-01-05)");
    CHECK(reason_text(reasons("since_update > 60d", "scope", "a1/CR37")) ==
          "since_update > 60d: since_update is 86 days (last_update 2023-01-05, as_of 2023-04-01)");
    CHECK(reason_text(reasons("since_update > 10d", "action", "a1")) ==
          "since_update > 10d: since_update is 17 days (last_update 2023-03-15, as_of 2023-04-01)");
    CHECK(reason_text(reasons("past_due > 0d", "action", "a1")) ==
          "past_due > 0d: past_due is 31 days (due 2023-03-01, as_of 2023-04-01)");
    CHECK(reason_text(reasons("until_due >= 1d", "action", "a3")) ==
          "until_due >= 1d: until_due is 61 days (due 2023-06-01, as_of 2023-04-01)");
    CHECK(reason_text(reasons("due < as_of", "action", "a1")) == "due < as_of: due is 2023-03-01, as_of is 2023-04-01");
    CHECK(reason_text(reasons("state in ['stalled', 'done']", "scope", "a1/CR37")) ==
          "state in ['stalled', 'done']: state is \"stalled\" (2023-01-05)");
    CHECK(reason_text(reasons("'Gemeenten' in owners", "action", "a1")) ==
          "'Gemeenten' in owners: owners is [\"Provincie Limburg\", \"Gemeenten\"]");
    CHECK(reason_text(reasons("due is not set", "action", "a2")) == "due is not set: due is unset");
    CHECK(reason_text(reasons("due is set", "action", "a1")) == "due is set: due is 2023-03-01");
    CHECK(reason_text(reasons("coverage('policy', 'adopted') < 60%", "region", "/PV31")) ==
          "coverage('policy', 'adopted') < 60%: coverage('policy', 'adopted') is 0.25 (1 of 4 municipalities)");
    CHECK(reason_text(reasons("coverage('policy', 'adopted') < 70%", "region", "/CR37")) ==
          "coverage('policy', 'adopted') < 70%: coverage('policy', 'adopted') is 0.6666666666666666 (2 of 3 "
          "municipalities, as reported on 2023-03-01)");
    CHECK(reason_text(reasons("at_or_above('policy', 'adopted') = 2", "region", "/CR37")) ==
          "at_or_above('policy', 'adopted') = 2: at_or_above('policy', 'adopted') is 2 (of 3 municipalities, as "
          "reported on 2023-03-01)");
    CHECK(reason_text(reasons("observation_age > 1y", "region", "/PV31")) ==
          "observation_age > 1y: observation_age is 821 days (stalest_observation 2020-12-31, as_of 2023-04-01)");
    CHECK(reason_text(reasons("observation_age('workers') > 1y", "region", "/PV31")) ==
          "observation_age('workers') > 1y: observation_age('workers') is 821 days (last_observed 2020-12-31, "
          "as_of 2023-04-01)");
    CHECK(reason_text(reasons("observed('policy')", "region", "/GM1")) == "observed('policy'): observed('policy') is true");
    CHECK(reason_text(reasons("agenda_count >= 3", "action", "a1")) ==
          "agenda_count >= 3: agenda_count is 3 (proposal \"P1\", tabled at M1 on 2023-01-10)");
    CHECK(reason_text(reasons("meetings_unchanged >= 3", "scope", "a1/CR37")) ==
          "meetings_unchanged >= 3: meetings_unchanged is 3 (last_update 2023-01-05, as_of 2023-04-01)");
    CHECK(reason_text(reasons("count(dangling_refs) > 0", "action", "a1")) ==
          "count(dangling_refs) > 0: count(dangling_refs) is 1");
    CHECK(reason_text(reasons("last_update + 30d < as_of", "scope", "a1/CR37")) ==
          "last_update + 30d < as_of: last_update + 30d is 2023-02-04, as_of is 2023-04-01");
    CHECK(reason_text(reasons("1 < 2", "action", "a1")) == "1 < 2: 1 < 2 is true");
}

TEST_CASE("rules eval: reasons of boolean fields, and, or and not") {
    CHECK(reason_text(reasons("not_started", "action", "a3")) == "not_started: not_started is true (no states of affairs)");
    CHECK(reason_text(reasons("all_closed", "action", "a2")) ==
          "all_closed: all_closed is true (1 state of affairs, done or dropped)");
    CHECK(reason_text(reasons("in_scope and closed", "scope", "a2/PV31")) ==
          "in_scope: in_scope is true | closed: closed is true (state \"done\", 2023-02-01)");
    // or: every side that is true.
    CHECK(reason_text(reasons("due is set or scopes > 1 or scopes = 0", "action", "a1")) ==
          "due is set: due is 2023-03-01 | scopes > 1: scopes is 2");
    // not: the negated leaf with its values, under the not's own text.
    CHECK(reason_text(reasons("not all_closed", "action", "a1")) ==
          "not all_closed: all_closed is false (2 states of affairs, 0 done or dropped)");
    CHECK(reason_text(reasons("not closed and since_update > 60d", "scope", "a1/CR37")) ==
          "not closed: closed is false (state \"stalled\", 2023-01-05) | since_update > 60d: since_update is 86 "
          "days (last_update 2023-01-05, as_of 2023-04-01)");
    // not over and: the false sides; not over or: all sides.
    CHECK(reason_text(reasons("not (scopes > 1 and statuses > 5)", "action", "a1")) ==
          "statuses > 5: statuses is 2");
    CHECK(reason_text(reasons("not (scopes > 5 or statuses > 5)", "action", "a1")) ==
          "scopes > 5: scopes is 2 | statuses > 5: statuses is 2");
    CHECK(reason_text(reasons("not not (scopes = 2)", "action", "a1")) == "scopes = 2: scopes is 2");
    // The same leaf twice gives one reason.
    CHECK(reasons("scopes = 2 and scopes = 2", "action", "a1").size() == 1);
    // A constant condition has no leaf to explain.
    CHECK(reasons("true", "action", "a1").empty());
}

TEST_CASE("rules eval: message placeholders") {
    const auto msg = [](std::string_view per, std::string_view message, std::string_view when = "true") {
        const auto e = run(rule(when, per, message));
        REQUIRE_FALSE(e.findings.empty());
        return e.findings[0].message;
    };
    CHECK(msg("action", "{title}: deadline {due}, {past_due} dagen over; {owners}") ==
          "Huisvesting: deadline 2023-03-01, 31 dagen over; Provincie Limburg, Gemeenten");
    CHECK(msg("scope", "{title} in {region_name}: {state} sinds {last_update}", "region = 'GM4'") ==
          "Huisvesting in Vierdorp: \u2014 sinds \u2014");
    CHECK(msg("region", "{at_or_above('policy', 'adopted')} van de {municipalities}", "region = 'CR37'") ==
          "2 van de 3");
    CHECK(msg("region", "{coverage('policy', 'adopted')}") == "0.25");
    CHECK(msg("action", "{50%} {1.25} {[true, false]} {[2023-01-01]} {-2w}") == "0.5 1.25 true, false 2023-01-01 -14");
}

// ---------------------------------------------------------------------------------------------
// Sorting

TEST_CASE("rules eval: findings sort by severity, theme, action, scope, then per-region, then rule order") {
    const auto e = run(rule("true", "region", "m", "reg", "alert") + rule("true", "scope", "m", "scope_info", "info") +
                       rule("action != 'a2'", "action", "m", "act_alert", "alert") +
                       rule("true", "scope", "m", "scope_alert", "alert") +
                       rule("action = 'a3'", "action", "m", "act_warning", "warning") +
                       rule("region = 'CR39'", "region", "m", "reg_info", "info") +
                       rule("action = 'a1'", "action", "m", "act_alert2", "alert"));
    std::vector<std::string> got;
    for (const auto& f : e.findings)
        got.push_back(f.rule + " " + (f.region.empty() ? f.action : f.action + "/" + f.region));
    CHECK(got == Names{
                     // alert: a1 (its action findings, then its scopes in region order), a3 (werken), regions
                     "act_alert a1", "act_alert2 a1", "scope_alert a1/CR37", "scope_alert a1/GM2",
                     "scope_alert a1/GM4", "scope_alert a2/PV31", "act_alert a3", "reg /PV31", "reg /CR37",
                     "reg /GM1", "reg /GM2", "reg /GM3", "reg /CR39", "reg /GM4",
                     // warning
                     "act_warning a3",
                     // info
                     "scope_info a1/CR37", "scope_info a1/GM2", "scope_info a1/GM4", "scope_info a2/PV31",
                     "reg_info /CR39",
                 });
}

TEST_CASE("rules eval: theme order decides before the order of the action list") {
    auto d = hand_made();
    // a3 (werken) listed first, but wonen is the first theme.
    std::rotate(d.actions.begin(), d.actions.begin() + 2, d.actions.end());
    const View v(std::move(d));
    const auto e = RuleSet::parse(rule("true")).evaluate(v);
    CHECK(where(e) == Names{"a1", "a2", "a3"});
    // The statuses follow the View's display order.
    REQUIRE(e.statuses.size() == 3);
    CHECK(e.statuses[0].action == "a3");
}

// ---------------------------------------------------------------------------------------------
// RAG

TEST_CASE("rules eval: RAG by default: grey when not started or all closed, red at alert, amber at warning") {
    const auto e = run(rule("state_category = 'blocked'", "scope", "m", "stalled", "alert") +
                       rule("open_proposals > 0", "action", "m", "open", "warning") +
                       rule("true", "action", "m", "note", "info") + rule("true", "region", "m", "reg", "alert"));
    REQUIRE(e.statuses.size() == 3);
    const auto& a1 = e.statuses[0];
    CHECK(a1.action == "a1");
    CHECK(a1.rag == Rag::red);
    REQUIRE(a1.findings.size() == 1);
    CHECK(e.findings[a1.findings[0]].rule == "stalled");
    CHECK(e.findings[a1.findings[0]].action == "a1");
    CHECK(a1.reasons.empty());
    const auto& a2 = e.statuses[1];
    CHECK(a2.rag == Rag::grey);  // all closed, despite its open proposal
    CHECK(a2.findings.empty());
    CHECK(reason_text(a2.reasons) == "all_closed: all_closed is true (1 state of affairs, done or dropped)");
    const auto& a3 = e.statuses[2];
    CHECK(a3.rag == Rag::grey);
    CHECK(reason_text(a3.reasons) == "not_started: not_started is true (no states of affairs)");
    // Without findings an open action is green; per-region findings count for no action.
    const auto quiet = run(rule("true", "region", "m", "reg", "alert"));
    CHECK(quiet.statuses[0].rag == Rag::green);
}

TEST_CASE("rules eval: a rag block replaces the grey expression and the thresholds") {
    const std::string rules = rule("open_proposals > 0", "action", "m", "open", "warning") +
                              rule("true", "action", "m", "note", "info") +
                              rule("state = 'stalled'", "scope", "m", "stalled", "alert");
    const auto custom = run(rules + "rag\n  grey when action = 'a3'\n  red at warning\n  amber at info\n");
    CHECK(custom.statuses[0].rag == Rag::red);  // alert and warning findings: both at or above warning
    REQUIRE(custom.statuses[0].findings.size() == 2);
    CHECK(custom.findings[custom.statuses[0].findings[0]].rule == "stalled");
    CHECK(custom.findings[custom.statuses[0].findings[1]].rule == "open");
    CHECK(custom.statuses[1].rag == Rag::red);  // a2 is no longer grey: its open proposal is a warning
    CHECK(custom.statuses[2].rag == Rag::grey);
    CHECK(reason_text(custom.statuses[2].reasons) == "action = 'a3': action is \"a3\"");

    const auto amber = run(rules + "rag grey when false amber at info red at alert");
    CHECK(amber.statuses[2].rag == Rag::amber);  // only the info note
    REQUIRE(amber.statuses[2].findings.size() == 1);
    CHECK(amber.findings[amber.statuses[2].findings[0]].rule == "note");
    CHECK(amber.statuses[1].rag == Rag::amber);  // warning and info: both at or above info
    CHECK(amber.statuses[1].findings.size() == 2);
    // Only some settings: the others keep their defaults.
    const auto partial = run(rules + "rag amber at info");
    CHECK(partial.statuses[1].rag == Rag::grey);
    CHECK(partial.statuses[0].rag == Rag::red);
}

// ---------------------------------------------------------------------------------------------
// Determinism, checks against the View, filters

TEST_CASE("rules eval: evaluation is deterministic and names its date") {
    const auto set = RuleSet::parse(rule("true", "scope") + rule("due is set", "action", "{due}", "d", "alert"), "rules",
                                    &view());
    const auto a = set.evaluate(view());
    const auto b = set.evaluate(view());
    CHECK(a.findings == b.findings);
    CHECK(a.statuses == b.statuses);
    CHECK(a.as_of == day("2023-04-01"));
    // Another View of the same rules.
    auto d = hand_made();
    d.as_of = day("2024-01-01");
    const View later(std::move(d));
    CHECK(set.evaluate(later).as_of == day("2024-01-01"));
}

TEST_CASE("rules eval: check() and evaluate() refuse a View that lacks a name the rules use") {
    const auto set = RuleSet::parse(rule("state = 'stalled' or coverage('policy', 'adopted') > 0", "scope"), "rules",
                                    &view());
    CHECK_NOTHROW(set.check(view()));
    auto d = hand_made();
    d.states.erase(std::remove_if(d.states.begin(), d.states.end(),
                                  [](const ProgressState& s) { return s.key() == "stalled"; }),
                   d.states.end());
    d.statuses.erase(d.statuses.begin());  // the stalled status
    const View lacking(std::move(d));
    // The states the View does have, since none is close (docs/rules.md, "Errors that suggest").
    const std::string known = "; known states: \"not_started\", \"in_progress\", \"almost_done\", \"ongoing\", "
                              "\"under_review\", \"done\", \"no_action_needed\"";
    for (const auto& msg : {test::error_of([&] { set.check(lacking); }, Errc::not_found),
                            test::error_of([&] { (void)set.evaluate(lacking); }, Errc::not_found)})
        CHECK(msg == "rules:4:16: unknown state \"stalled\"" + known);
    try {
        set.check(lacking);
    } catch (const RuleError& e) {
        CHECK(e.line() == 4);
        CHECK(e.column() == 16);
    }
    // Levels and indicators too.
    auto e = hand_made();
    e.indicators[0] = Indicator("policy", Label("Beleid"), IndicatorKind::ordinal,
                                {Level("none", Label("Geen")), Level("prep", Label("In voorbereiding"))});
    e.observations.erase(e.observations.begin());                   // GM1 at adopted
    e.observations.erase(e.observations.begin() + 2);               // CR37's count at adopted
    const View fewer_levels(std::move(e));
    CHECK(test::error_of([&] { set.check(fewer_levels); }, Errc::not_found) ==
          "rules:4:48: unknown level \"adopted\" of indicator \"policy\"; known levels: \"none\", \"prep\"");
    // Filters check when used.
    const auto f = Filter::parse("'stalled' in states", "filter", &view());
    CHECK(test::error_of([&] { (void)f.select(lacking); }, Errc::not_found) ==
          "filter:1:1: unknown state \"stalled\"" + known);
    CHECK(test::error_of([&] { (void)f.matches(lacking, "a1"); }, Errc::not_found) ==
          "filter:1:1: unknown state \"stalled\"" + known);
}

TEST_CASE("rules eval: filters select actions in display order; unknown counts as false") {
    const auto select = [](std::string_view text) {
        Names out;
        for (const auto* a : Filter::parse(text, "filter", &view()).select(view())) out.push_back(a->key());
        return out;
    };
    CHECK(select("theme = \"wonen\"") == Names{"a1", "a2"});
    CHECK(select("\"CR37\" in regions and \"stalled\" in states") == Names{"a1"});
    CHECK(select("due < 2023-05-01") == Names{"a1"});
    CHECK(select("not (due < 2023-05-01)") == Names{"a3"});  // a2: unknown
    CHECK(select("not_started or all_closed") == Names{"a2", "a3"});
    CHECK(select("count(closed_refs) > 0 and 'Provincie Limburg' in leads") == Names{"a1"});
    CHECK(select("false").empty());
    const auto f = Filter::parse("open_proposals > 0", "filter", &view());
    CHECK(f.matches(view(), "a1"));
    CHECK_FALSE(f.matches(view(), "a3"));
    CHECK_HAS(test::error_of([&] { (void)f.matches(view(), "a9"); }, Errc::not_found), "\"a9\"");
}

TEST_CASE("rules eval: an empty View") {
    ViewData d;
    d.as_of = day("2023-01-01");
    const View empty(std::move(d));
    const auto e = RuleSet::parse(rule("true") + rule("true", "scope", "m", "s") + rule("true", "region", "m", "g"))
                       .evaluate(empty);
    CHECK(e.findings.empty());
    CHECK(e.statuses.empty());
    CHECK(Filter::parse("true").select(empty).empty());
}

// ---------------------------------------------------------------------------------------------
// Edge cases found in review

TEST_CASE("rules eval: a date that leaves the calendar on the way stays unset, whatever follows") {
    // docs/rules.md: date arithmetic that leaves the calendar gives an unset date; later
    // terms do not bring it back, and a duration between such a date and another is unset too.
    CHECK(values("2023-01-01 + 3000000d - 3000000d") == Names{"\u2014", "\u2014", "\u2014"});
    CHECK(values("0001-01-01 - 1d + 1d") == Names{"\u2014", "\u2014", "\u2014"});
    CHECK(values("2023-01-01 + 3000000d - 2023-01-01") == Names{"\u2014", "\u2014", "\u2014"});
    CHECK(where("9999-12-31 + 1d - 1d is not set") == Names{"a1", "a2", "a3"});
    // Inside the calendar every step is fine; a duration sum may be as large as it likes.
    CHECK(values("9999-12-31 - 1d + 1d") == Names{"9999-12-31", "9999-12-31", "9999-12-31"});
    CHECK(values("2023-01-02 - 2023-01-01 + 999999999y - 999999999y") == Names{"1", "1", "1"});
    CHECK(values("due - 2023-01-01 + 7d") == Names{"66", "\u2014", "158"});
}

TEST_CASE("rules eval: `not` over a constant gives no reason, as the constant itself") {
    CHECK(reasons("not false", "action", "a1").empty());
    CHECK(reason_text(reasons("not false and scopes = 2", "action", "a1")) == "scopes = 2: scopes is 2");
}

TEST_CASE("rules eval: lowest_progress compares huge reported counts exactly and without overflow") {
    auto d = hand_made();
    d.indicators.push_back(Indicator("plan", Label("Plan"), IndicatorKind::ordinal,
                                     {Level("none", Label("Geen")), Level("prep", Label("In voorbereiding"))}));
    // CR37 (3 municipalities) reports absurd counts for both indicators; the cross
    // products of the comparison would overflow 64 bits.
    d.observations.push_back(Observation("policy", "CR37", day("2023-03-02"), reported("prep", INT64_MAX)));
    d.observations.push_back(Observation("plan", "CR37", day("2023-03-01"), reported("prep", INT64_MAX - 1)));
    const View v(std::move(d));
    const auto e = RuleSet::parse(rule("region = 'CR37' and lowest_progress is set", "region")).evaluate(v);
    REQUIRE(e.findings.size() == 1);
    REQUIRE(e.findings[0].reasons.size() == 2);
    CHECK_HAS(e.findings[0].reasons[1].detail, "plan at prep or higher: 9223372036854775806 of 3 municipalities");
}

TEST_CASE("rules eval: one RuleSet and one Filter evaluated from several threads at once") {
    // RuleSet and Filter are immutable after loading; every evaluation builds its own
    // indexes. Run under the sanitizer build, this also checks for races on shared state.
    const auto set = RuleSet::parse(std::string(RuleSet::default_text()) +
                                        rule("coverage('policy', 'adopted') < 1 or not observed('policy')", "scope",
                                             "{coverage('policy', 'adopted')} {since_update}", "cov", "warning"),
                                    "rules", &view());
    const auto filter = Filter::parse("open_proposals > 0 or 'CR37' in regions", "filter", &view());
    const auto expected = set.evaluate(view());
    const auto selected = filter.select(view());
    REQUIRE_FALSE(expected.findings.empty());
    std::vector<int> ok(4, 0);
    {
        std::vector<std::thread> threads;
        for (std::size_t t = 0; t < ok.size(); ++t)
            threads.emplace_back([&, t] {
                int same = 1;
                for (int round = 0; round < 20; ++round) {
                    const auto e = set.evaluate(view());
                    same &= e.findings == expected.findings && e.statuses == expected.statuses;
                    same &= filter.select(view()) == selected && filter.matches(view(), "a1");
                }
                ok[t] = same;
            });
        for (auto& th : threads) th.join();
    }
    CHECK(ok == std::vector<int>(4, 1));
}
