// Reasons in words and messages with labels and plurals (issue 12, item 2).
#include "support.hpp"

#include "report/reasons.hpp"

#include <actielijst/rules.hpp>

#include <algorithm>
#include <string>
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

/// A hand-made list (as in test_rules_eval.cpp), as of 2023-04-01:
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


const View& hand_view() {
    static const View v(hand_made());
    return v;
}

View limburg_view(const Date& as_of) {
    test::TempDir dir;
    auto store = Store::open(dir.file("limburg.db"));
    store.import_json(test::limburg_json());
    return store.view(as_of);
}


const Finding& the(const Evaluation& e, std::string_view rule, std::string_view action, std::string_view region) {
    const auto it = std::find_if(e.findings.begin(), e.findings.end(), [&](const Finding& f) {
        return f.rule == rule && f.action == action && f.region == region;
    });
    REQUIRE_MESSAGE(it != e.findings.end(), "rule " << rule << " on (" << action << ", " << region << ")");
    return *it;
}

/// The reasons of a finding in words.
std::vector<std::string> words(const Finding& f, const View& view, std::string_view language) {
    std::vector<std::string> out;
    for (const auto& r : f.reasons) out.push_back(report::describe_reason(r, view, language));
    return out;
}

using Texts = std::vector<std::string>;

Evaluation evaluate(const RuleSet& rules, const View& view, std::string_view language) {
    EvaluateOptions options;
    options.language = std::string(language);
    return rules.evaluate(view, options);
}

std::string rule(std::string_view when, std::string_view per, std::string_view message) {
    return "rule r\n  severity info\n  per " + std::string(per) + "\n  when " + std::string(when) + "\n  message \"" +
           std::string(message) + "\"\n";
}

/// The messages of a one-rule file on the hand-made list.
Texts messages(std::string_view when, std::string_view per, std::string_view message, std::string_view language = "nl") {
    Texts out;
    const auto rules = RuleSet::parse(rule(when, per, message), "rules", &hand_view());
    for (const auto& f : evaluate(rules, hand_view(), language).findings) out.push_back(f.message);
    return out;
}

/// The message of the RuleError that loading `text` throws.
std::string load_error(const std::string& text) {
    try {
        (void)RuleSet::parse(text, "rules", &hand_view());
    } catch (const RuleError& e) {
        CHECK(e.code() == Errc::invalid);
        return e.what();
    }
    FAIL("the rules loaded");
    return {};
}

Reason structured(std::string field, std::string op, std::string value) {
    Reason r;
    r.expression = field + " " + op;
    r.field = std::move(field);
    r.op = std::move(op);
    r.value = std::move(value);
    return r;
}

}  // namespace

// ---- Reasons in words ------------------------------------------------------------

TEST_CASE("describe_reason: the default rules' reasons on the Limburg list, in Dutch and English") {
    const auto view = limburg_view(Date(2023, 3, 1));
    const auto rules = RuleSet::defaults(&view);
    const auto nl = evaluate(rules, view, "nl");
    const auto en = evaluate(rules, view, "en");

    const auto& stalled = the(nl, "stalled", "algemeen-in-gesprek", "PV31");
    CHECK(words(stalled, view, "nl") == Texts{"stand van zaken Stagneert sinds 1 maart 2023"});
    CHECK(words(stalled, view, "en") == Texts{"state of affairs Stalled since 1 March 2023"});

    const auto& decision = the(nl, "decision_needed", "wonen-regionaal-beleid", "");
    CHECK(words(decision, view, "nl") == Texts{"1 open voorstel"});
    CHECK(words(decision, view, "en") == Texts{"1 open proposal"});

    const auto& monitoring = the(nl, "stale_monitoring", "", "PV31");
    CHECK(words(monitoring, view, "nl") == Texts{"monitoringscijfers ouder dan 1 jaar (van 31 december 2020)"});
    CHECK(words(monitoring, view, "en") == Texts{"monitoring figures older than 1 year (from 31 December 2020)"});

    const auto& progress = the(nl, "progress_unknown", "", "CR39");
    CHECK(words(progress, view, "nl") == Texts{"COROP-regio", "geen voortgang bekend voor Short-stay beleid"});
    CHECK(words(progress, view, "en") == Texts{"COROP region", "no progress known for Short-stay policy"});

    const auto& dropped = the(nl, "closed_without_decision", "werken-goed-werkgeverschap", "PV31");
    CHECK(words(dropped, view, "nl") ==
          Texts{"stand van zaken Geen actie nodig sinds 1 maart 2023", "geen aangenomen voorstel"});
    CHECK(words(dropped, view, "en") ==
          Texts{"state of affairs No action needed since 1 March 2023", "no adopted proposal"});

    const auto& ref = the(nl, "reference_to_closed", "samenleven-inburgeringscursussen", "");
    CHECK(words(ref, view, "nl") ==
          Texts{"nog niet overal afgesloten", "verwijst naar een afgesloten actiepunt: Goed werkgeverschap"});
    CHECK(words(ref, view, "en") ==
          Texts{"not closed everywhere", "refers to a closed action: Goed werkgeverschap"});

    // Every reason of every finding and grey status has words, in both languages.
    for (const auto* e : {&nl, &en}) {
        for (const auto& f : e->findings)
            for (const auto& r : f.reasons)
                for (const char* language : {"nl", "en"})
                    CHECK_MESSAGE(!report::describe_reason(r, view, language).empty(), f.rule << ": " << r.expression);
        for (const auto& s : e->statuses)
            for (const auto& r : s.reasons)
                for (const char* language : {"nl", "en"})
                    CHECK_MESSAGE(!report::describe_reason(r, view, language).empty(), s.action << ": " << r.expression);
    }
    const auto grey = std::find_if(nl.statuses.begin(), nl.statuses.end(),
                                   [](const ActionStatus& s) { return s.action == "werken-goed-werkgeverschap"; });
    REQUIRE(grey != nl.statuses.end());
    REQUIRE(grey->reasons.size() == 1);
    CHECK(report::describe_reason(grey->reasons[0], view, "nl") == "overal afgesloten");
    CHECK(report::describe_reason(grey->reasons[0], view, "en") == "closed everywhere");
}

TEST_CASE("describe_reason: a year later, states of affairs gone quiet") {
    const auto view = limburg_view(Date(2024, 3, 18));
    const auto e = evaluate(RuleSet::defaults(&view), view, "nl");
    const auto& f = the(e, "stale_state_of_affairs", "wonen-registratie", "CR39");
    CHECK(words(f, view, "nl") == Texts{"nog open (stand van zaken Stagneert sinds 1 maart 2023)",
                                        "meer dan 180 dagen geen nieuwe stand van zaken (laatste: 1 maart 2023)"});
    CHECK(words(f, view, "en") ==
          Texts{"still open (state of affairs Stalled since 1 March 2023)",
                "no new state of affairs for more than 180 days (last: 1 March 2023)"});
}

TEST_CASE("describe_reason: the default rules the Limburg list does not trigger, on a hand-made list") {
    const auto& view = hand_view();
    const auto e = evaluate(RuleSet::defaults(&view), view, "nl");
    CHECK(words(the(e, "overdue", "a1", ""), view, "nl") ==
          Texts{"nog niet overal afgesloten", "deadline 1 maart 2023 verstreken (31 dagen)"});
    CHECK(words(the(e, "overdue", "a1", ""), view, "en") ==
          Texts{"not closed everywhere", "due date 1 March 2023 passed (31 days ago)"});
    CHECK(words(the(e, "decision_postponed", "a1", ""), view, "nl") ==
          Texts{"een voorstel staat al 3 vergaderingen op de agenda (sinds 10 januari 2023)"});
    CHECK(words(the(e, "decision_postponed", "a1", ""), view, "en") ==
          Texts{"a proposal on the agenda for 3 meetings (since 10 January 2023)"});
    CHECK(words(the(e, "deadline_moved", "a1", ""), view, "nl") == Texts{"deadline 2 keer verschoven"});
    CHECK(words(the(e, "deadline_moved", "a1", ""), view, "en") == Texts{"due date moved 2 times"});
    CHECK(words(the(e, "dangling_reference", "a1", ""), view, "nl") ==
          Texts{"verwijst naar een onbekend actiepunt: gone"});
    CHECK(words(the(e, "unchanged_for_meetings", "a1", "CR37"), view, "nl") ==
          Texts{"nog open (stand van zaken Stagneert sinds 5 januari 2023)", "3 vergaderingen ongewijzigd"});
    CHECK(words(the(e, "unchanged_for_meetings", "a1", "CR37"), view, "en") ==
          Texts{"still open (state of affairs Stalled since 5 January 2023)", "unchanged for 3 meetings"});
    CHECK(words(the(e, "missing_state_of_affairs", "a1", "GM4"), view, "nl") ==
          Texts{"regio valt onder het actiepunt", "geen stand van zaken"});
    CHECK(words(the(e, "missing_state_of_affairs", "a1", "GM4"), view, "en") ==
          Texts{"region in the action's scope", "no state of affairs"});
    const auto a3 = std::find_if(e.statuses.begin(), e.statuses.end(),
                                 [](const ActionStatus& s) { return s.action == "a3"; });
    REQUIRE(a3 != e.statuses.end());
    REQUIRE(a3->reasons.size() == 1);
    CHECK(report::describe_reason(a3->reasons[0], view, "nl") == "nog niet gestart");
}

TEST_CASE("describe_reason: low progress, functions and list fields") {
    const auto& view = hand_view();
    const std::string text =
        "rule low\n  severity info\n  per region\n  when lowest_progress < 90%\n  message \"m\"\n"
        "rule cov\n  severity info\n  per scope\n  when coverage('policy', 'adopted') < 90% and "
        "at_or_above('policy', 'prep') >= 1 and observed('policy')\n  message \"m\"\n"
        "rule where\n  severity info\n  when state_at('CR37') = 'stalled' and 'Gemeenten' in owners and "
        "'CR37' in regions and 'stalled' in states and theme in ['wonen'] and scopes >= 2\n  message \"m\"\n"
        "rule age\n  severity info\n  per region\n  when observation_age('workers') > 300d and "
        "stalest_observation < 2022-01-01\n  message \"m\"\n";
    const auto e = evaluate(RuleSet::parse(text, "rules", &view), view, "nl");
    CHECK(words(the(e, "low", "", "CR37"), view, "nl") ==
          Texts{"Beleid: voortgang bij 66,67% van de gemeenten (minder dan 90%)"});
    CHECK(words(the(e, "low", "", "CR37"), view, "en") ==
          Texts{"Beleid: progress in 66.67% of the municipalities (less than 90%)"});
    CHECK(words(the(e, "cov", "a1", "CR37"), view, "nl") ==
          Texts{"Beleid: Vastgesteld bij 66,67% van de gemeenten (minder dan 90%)",
                "Beleid: In voorbereiding bij 2 gemeenten", "cijfers over Beleid bekend"});
    CHECK(words(the(e, "where", "a1", ""), view, "nl") ==
          Texts{"Noord-Limburg: stand van zaken Stagneert sinds 5 januari 2023", "Gemeenten is betrokken",
                "Noord-Limburg valt onder het actiepunt", "stand van zaken Stagneert in ten minste één regio",
                "thema Wonen", "2 regio's"});
    CHECK(words(the(e, "where", "a1", ""), view, "en") ==
          Texts{"Noord-Limburg: state of affairs Stalled since 5 January 2023", "Gemeenten is involved",
                "Noord-Limburg is in the action's scope", "state of affairs Stalled in at least one region",
                "theme Wonen", "2 regions"});
    CHECK(words(the(e, "age", "", "PV31"), view, "nl") ==
          Texts{"cijfers over Werknemers ouder dan 300 dagen (van 31 december 2020)",
                "oudste monitoringscijfer van 31 december 2020"});
}

TEST_CASE("describe_reason: singular and plural, days and dates") {
    const auto& view = hand_view();
    const auto nl = [&](const Reason& r) { return report::describe_reason(r, view, "nl"); };
    const auto en = [&](const Reason& r) { return report::describe_reason(r, view, "en"); };
    CHECK(nl(structured("open_proposals", ">", "1")) == "1 open voorstel");
    CHECK(nl(structured("open_proposals", ">", "2")) == "2 open voorstellen");
    CHECK(en(structured("open_proposals", ">", "2")) == "2 open proposals");
    CHECK(nl(structured("meetings_unchanged", ">=", "1")) == "1 vergadering ongewijzigd");
    CHECK(nl(structured("meetings_unchanged", ">=", "3")) == "3 vergaderingen ongewijzigd");
    CHECK(en(structured("meetings_unchanged", ">=", "1")) == "unchanged for 1 meeting");
    CHECK(nl(structured("due_moves", ">=", "1")) == "deadline 1 keer verschoven");
    CHECK(en(structured("due_moves", ">=", "1")) == "due date moved once");
    CHECK(nl(structured("adopted_proposals", ">", "2")) == "2 aangenomen voorstellen");

    Reason late = structured("past_due", ">", "1");
    late.date = Date(2023, 4, 1);
    CHECK(nl(late) == "deadline 1 april 2023 verstreken (1 dag)");
    CHECK(en(late) == "due date 1 April 2023 passed (1 day ago)");
    late.value = "31";
    CHECK(nl(late) == "deadline 1 april 2023 verstreken (31 dagen)");
    Reason soon = structured("until_due", "<=", "1");
    soon.date = Date(2023, 4, 1);
    CHECK(nl(soon) == "deadline 1 april 2023 over 1 dag");
    CHECK(en(soon) == "due on 1 April 2023, in 1 day");
    soon.value = "0";
    CHECK(nl(soon) == "deadline vandaag (1 april 2023)");
    soon.value = "10";
    CHECK(nl(soon) == "deadline 1 april 2023 over 10 dagen");

    // A duration as the rule wrote it.
    Reason quiet = structured("since_update", ">", "400");
    quiet.date = Date(2023, 3, 1);
    quiet.state = "stalled";
    quiet.threshold = "6w";
    quiet.threshold_value = "42";
    CHECK(nl(quiet) == "meer dan 6 weken geen nieuwe stand van zaken (laatste: 1 maart 2023)");
    quiet.threshold = "1w";
    quiet.threshold_value = "7";
    CHECK(nl(quiet) == "meer dan 1 week geen nieuwe stand van zaken (laatste: 1 maart 2023)");
    quiet.threshold = "2y";
    quiet.threshold_value = "730";
    CHECK(nl(quiet) == "meer dan 2 jaar geen nieuwe stand van zaken (laatste: 1 maart 2023)");
    CHECK(en(quiet) == "no new state of affairs for more than 2 years (last: 1 March 2023)");
    quiet.op = ">=";
    quiet.threshold = "1d";
    quiet.threshold_value = "1";
    CHECK(nl(quiet) == "1 dag of langer geen nieuwe stand van zaken (laatste: 1 maart 2023)");
    quiet.threshold = "as_of - 2023-01-01";  // not a plain duration: its days
    quiet.threshold_value = "59";
    CHECK(nl(quiet) == "59 dagen of langer geen nieuwe stand van zaken (laatste: 1 maart 2023)");
}

TEST_CASE("describe_reason: no phrase, no words") {
    const auto& view = hand_view();
    Reason r;
    r.expression = "as_of - due > 30d";
    r.detail = "as_of - due is 31 days";
    CHECK(report::describe_reason(r, view, "nl").empty());  // not about one field
    CHECK(report::describe_reason(structured("title", "=", "Huisvesting"), view, "nl").empty());
    CHECK(report::describe_reason(structured("status_text", "=", "Loopt vast."), view, "en").empty());
    CHECK(report::describe_reason(structured("open_proposals", ">", "2"), view, "de").empty());
}

TEST_CASE("reasons: the structured fields the engine fills") {
    const auto& view = hand_view();
    const std::string text =
        "rule q\n  severity info\n  per scope\n  when not closed and since_update > 30d\n  message \"m\"\n"
        "rule p\n  severity info\n  when 0 < open_proposals and 'Gemeenten' in owners and count(dangling_refs) > 0\n"
        "  message \"m\"\n"
        "rule s\n  severity info\n  per scope\n  when state in ['stalled', 'not_started']\n  message \"m\"\n";
    const auto e = RuleSet::parse(text, "rules", &view).evaluate(view);

    const auto& q = the(e, "q", "a1", "CR37").reasons;
    REQUIRE(q.size() == 2);
    CHECK(q[0].expression == "not closed");
    CHECK(q[0].field == "closed");
    CHECK(q[0].op == "=");
    CHECK(q[0].threshold.empty());
    CHECK(q[0].threshold_value == "false");
    CHECK(q[0].value == "false");
    CHECK(q[0].state == "stalled");
    CHECK(q[0].date == Date(2023, 1, 5));
    CHECK(q[1].field == "since_update");
    CHECK(q[1].op == ">");
    CHECK(q[1].threshold == "30d");
    CHECK(q[1].threshold_value == "30");
    CHECK(q[1].value == "86");
    CHECK(q[1].state == "stalled");
    CHECK(q[1].date == Date(2023, 1, 5));
    CHECK(q[1].detail == "since_update is 86 days (last_update 2023-01-05, as_of 2023-04-01)");  // unchanged

    const auto& p = the(e, "p", "a1", "").reasons;
    REQUIRE(p.size() == 3);
    CHECK(p[0].field == "open_proposals");
    CHECK(p[0].op == ">");  // as if the field were on the left
    CHECK(p[0].threshold == "0");
    CHECK(p[0].value == "1");
    CHECK(p[1].field == "owners");
    CHECK(p[1].op == "has");
    CHECK(p[1].threshold == "'Gemeenten'");
    CHECK(p[1].threshold_value == "Gemeenten");
    CHECK(p[1].value == "2");
    CHECK(p[1].items == Texts{"Provincie Limburg", "Gemeenten"});
    CHECK(p[2].field == "count");
    CHECK(p[2].arguments == Texts{"dangling_refs"});
    CHECK(p[2].value == "1");
    CHECK(p[2].items == Texts{"gone"});

    const auto& s = the(e, "s", "a1", "CR37").reasons;
    REQUIRE(s.size() == 1);
    CHECK(s[0].field == "state");
    CHECK(s[0].op == "in");
    CHECK(s[0].items == Texts{"stalled", "not_started"});
    CHECK(s[0].value == "stalled");
}

// ---- Messages with labels and plurals -------------------------------------------------

TEST_CASE("messages: state_label and theme_label in the evaluation's language") {
    CHECK(messages("state = 'stalled'", "scope", "{state_label} ({state}), {theme_label}") ==
          Texts{"Stagneert (stalled), Wonen"});
    // The theme has no English label: Dutch stands in.
    CHECK(messages("state = 'stalled'", "scope", "{state_label}, {theme_label}", "en") == Texts{"Stalled, Wonen"});
    CHECK(messages("action = 'a2'", "action", "{closed_ref_titles}") == Texts{""});
    CHECK(messages("action = 'a1'", "action", "{closed_refs}: {closed_ref_titles}") == Texts{"a2: Registratie"});
    CHECK(messages("region = 'CR39'", "region", "{progress_unknown}: {progress_unknown_labels}") ==
          Texts{"policy: Beleid"});
}

TEST_CASE("messages: the labels are for messages only") {
    CHECK_HAS(load_error(rule("state_label = 'Stagneert'", "scope", "m")),
              "rules:4:8: \"state_label\" is only available in messages");
    CHECK_HAS(load_error(rule("true", "action", "{state_label}")), "unknown field \"state_label\" in a per-action rule");
}

TEST_CASE("messages: plural placeholders pick the singular for 1 and the plural otherwise") {
    CHECK(messages("action in ['a1', 'a3']", "action",
                   "{open_proposals} {open_proposals|voorstel|voorstellen}, {count(refs)} {count(refs)|verwijzing|verwijzingen}") ==
          Texts{"1 voorstel, 2 verwijzingen", "0 voorstellen, 2 verwijzingen"});
    // Spaces around the forms are left out; a form may be empty; durations count days.
    CHECK(messages("action = 'a1'", "action", "{open_proposals} proposal{ open_proposals || s }") ==
          Texts{"1 proposal"});
    CHECK(messages("action = 'a1'", "action", "{past_due} {past_due|dag|dagen}, {past_due - 30d} {past_due - 30d|dag|dagen}") ==
          Texts{"31 dagen, 1 dag"});
    // Unset takes the plural, as "—" is no number.
    CHECK(messages("action = 'a2'", "action", "{due_moves|keer|keren} {until_due|dag|dagen}") == Texts{"keren dagen"});
    // Braces and bars stay literal outside placeholders; quotes inside the expression may hold '|'.
    CHECK(messages("action = 'a1'", "action", "a|b {{n}} {count(['x|y'])|een|twee}") == Texts{"a|b {n} een"});
}

TEST_CASE("messages: a bad plural placeholder is refused with its line and column") {
    CHECK_HAS(load_error(rule("true", "action", "{open_proposals|voorstel}")),
              "rules:5:36: syntax error: a plural placeholder needs two forms separated by '|'");
    CHECK_HAS(load_error(rule("true", "action", "{open_proposals|a|b|c}")),
              "rules:5:31: syntax error: a plural placeholder has two forms, found a third '|'");
    CHECK_HAS(load_error(rule("true", "action", "{open_proposals|a{b|c}")),
              "rules:5:29: syntax error: '{' in a plural placeholder");
    CHECK_HAS(load_error(rule("true", "action", "{open_proposals|a|b")),
              "rules:5:12: syntax error: unbalanced '{' in the message");
    CHECK_HAS(load_error(rule("true", "action", "{title|a|b}")),
              "rules:5:13: type mismatch: a plural placeholder {count|singular|plural} needs a number or a duration, "
              "found a text (title)");
    CHECK_HAS(load_error(rule("true", "action", "{open_proposals >|a|b}")),
              "rules:5:29: syntax error: expected an expression, found '|'");
}

TEST_CASE("messages: 'message en' is the message of an English evaluation") {
    const std::string text = "rule r\n  severity info\n  when action = 'a1'\n"
                             "  message \"{open_proposals} {open_proposals|voorstel|voorstellen}\"\n"
                             "  message en \"{open_proposals} {open_proposals|proposal|proposals}\"\n";
    const auto rules = RuleSet::parse(text, "rules", &hand_view());
    CHECK(rules.rules()[0].message == "{open_proposals} {open_proposals|voorstel|voorstellen}");
    CHECK(rules.rules()[0].message_en == "{open_proposals} {open_proposals|proposal|proposals}");
    CHECK(evaluate(rules, hand_view(), "nl").findings.at(0).message == "1 voorstel");
    CHECK(evaluate(rules, hand_view(), "en").findings.at(0).message == "1 proposal");
    // Without an English message an English evaluation uses the message, with English labels.
    CHECK(messages("state = 'stalled'", "scope", "afgesloten als '{state_label}'", "en") ==
          Texts{"afgesloten als 'Stalled'"});
    CHECK_HAS(load_error(text + "  message en \"x\"\n"), "rules:6:3: duplicate clause 'message en' in rule \"r\"");
    CHECK_HAS(load_error("rule r\n  severity info\n  when true\n  message en \"x\"\n"),
              "rule \"r\" has no 'message' clause");
    CHECK_HAS(load_error("rule r\n  severity info\n  when true\n  message \"m\"\n  message en 3\n"),
              "expected a message in quotes after 'message en'");
}

TEST_CASE("evaluate: an unknown language is refused") {
    const auto rules = RuleSet::defaults(&hand_view());
    EvaluateOptions options;
    options.language = "de";
    const auto what = test::error_of([&] { (void)rules.evaluate(hand_view(), options); });
    CHECK_HAS(what, "unknown language \"de\"");
    options.language = "";
    test::error_of([&] { (void)rules.evaluate(hand_view(), options); });
}

TEST_CASE("the default rules show labels and plurals, never keys or '(len)'") {
    const auto view = limburg_view(Date(2023, 3, 1));
    const auto rules = RuleSet::defaults(&view);
    for (const char* language : {"nl", "en"}) {
        const auto e = evaluate(rules, view, language);
        REQUIRE_FALSE(e.findings.empty());
        for (const auto& f : e.findings) {
            CHECK_MESSAGE(f.message.find("(len)") == std::string::npos, f.message);
            CHECK_MESSAGE(f.message.find("no_action_needed") == std::string::npos, f.message);
            CHECK_MESSAGE(f.message.find("short_stay_policy") == std::string::npos, f.message);
            CHECK_MESSAGE(f.message.find("werken-goed-werkgeverschap") == std::string::npos, f.message);
        }
    }
    const auto nl = evaluate(rules, view, "nl");
    CHECK(the(nl, "closed_without_decision", "werken-goed-werkgeverschap", "PV31").message ==
          "Goed werkgeverschap is in Limburg afgesloten als 'Geen actie nodig' zonder besluit van de stuurgroep");
    CHECK(the(nl, "decision_needed", "wonen-regionaal-beleid", "").message ==
          "Huisvesting: 1 voorstel ter besluitvorming");
    const auto en = evaluate(rules, view, "en");
    CHECK(the(en, "closed_without_decision", "werken-goed-werkgeverschap", "PV31").message ==
          "Goed werkgeverschap was closed in Limburg as 'No action needed' without a decision of the steering group");
    CHECK(the(en, "decision_needed", "wonen-regionaal-beleid", "").message == "Huisvesting: 1 proposal for decision");
}
