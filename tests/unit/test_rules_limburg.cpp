// The default rule set on the bundled Limburg action list, as of fixed dates: what
// the steering group must see flagged, and why (issue: reporting rules).
#include "support.hpp"

#include <actielijst/rules.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace actielijst;

namespace {

View limburg_view(const Date& as_of) {
    test::TempDir dir;
    auto store = Store::open(dir.file("limburg.db"));
    store.import_json(test::limburg_json());
    return store.view(as_of);
}

const Date data_date{2023, 3, 1};

std::vector<const Finding*> find(const Evaluation& e, std::string_view rule, std::string_view action,
                                 std::string_view region) {
    std::vector<const Finding*> out;
    for (const auto& f : e.findings)
        if (f.rule == rule && f.action == action && f.region == region) out.push_back(&f);
    return out;
}

const Finding& the(const Evaluation& e, std::string_view rule, std::string_view action, std::string_view region) {
    const auto found = find(e, rule, action, region);
    REQUIRE_MESSAGE(found.size() == 1, "rule " << rule << " on (" << action << ", " << region << ")");
    return *found.front();
}

bool any_reason_has(const Finding& f, std::string_view part) {
    return std::any_of(f.reasons.begin(), f.reasons.end(),
                       [&](const Reason& r) { return test::contains(r.expression + " " + r.detail, part); });
}

const ActionStatus& status_of(const Evaluation& e, std::string_view action) {
    const auto it = std::find_if(e.statuses.begin(), e.statuses.end(),
                                 [&](const ActionStatus& s) { return s.action == action; });
    REQUIRE(it != e.statuses.end());
    return *it;
}

}  // namespace

TEST_CASE("the default rules load against the Limburg vocabulary") {
    const auto view = limburg_view(data_date);
    const auto rules = RuleSet::defaults(&view);
    CHECK(rules.rules().size() >= 12);
    CHECK(RuleSet::default_text().find("rule stalled") != std::string_view::npos);
}

TEST_CASE("Limburg: the conversation with international workers stalls for lack of capacity") {
    const auto view = limburg_view(data_date);
    const auto e = RuleSet::defaults(&view).evaluate(view);
    const auto& f = the(e, "stalled", "algemeen-in-gesprek", "PV31");
    CHECK(f.severity == Severity::alert);
    CHECK(f.section == "signals");
    CHECK_HAS(f.message, "gebrek aan capaciteit");
    CHECK(any_reason_has(f, "blocked"));
    CHECK(any_reason_has(f, "stalled"));
    const auto& s = status_of(e, "algemeen-in-gesprek");
    CHECK(s.rag == Rag::red);
    REQUIRE_FALSE(s.findings.empty());
    CHECK(e.findings.at(s.findings.front()).rule == "stalled");
}

TEST_CASE("Limburg: monitoring figures from 2020 are flagged as stale") {
    const auto view = limburg_view(data_date);
    const auto e = RuleSet::defaults(&view).evaluate(view);
    const auto& f = the(e, "stale_monitoring", "", "PV31");
    CHECK(f.severity == Severity::warning);
    CHECK_HAS(f.message, "2020-12-31");
    // 2020-12-31 to 2023-03-01 is 790 days.
    CHECK(any_reason_has(f, "790"));
    CHECK(any_reason_has(f, "2020-12-31"));
    // The short-stay counts of 2023 are current: no region with only those is flagged.
    CHECK(find(e, "stale_monitoring", "", "CR37").empty());
    CHECK(find(e, "stale_monitoring", "", "CR38").empty());
}

TEST_CASE("Limburg: the open proposals ask for a decision") {
    const auto view = limburg_view(data_date);
    const auto e = RuleSet::defaults(&view).evaluate(view);
    // P2: put regional housing policy before the aldermen; P3: the steering group's position.
    for (const char* action : {"wonen-regionaal-beleid", "samenleven-beeldvorming"}) {
        CAPTURE(action);
        const auto& f = the(e, "decision_needed", action, "");
        CHECK(f.section == "decisions");
        CHECK(f.severity == Severity::warning);
        CHECK(any_reason_has(f, "open_proposals"));
        CHECK(status_of(e, action).rag != Rag::green);
    }
    // P1 is an adopted consensus: nothing to decide for an action with only that.
    std::size_t decisions = 0;
    for (const auto& f : e.findings) decisions += f.section == "decisions";
    CHECK(decisions == 2);
}

TEST_CASE("Limburg: Zuid makes hardly any short-stay progress") {
    const auto view = limburg_view(data_date);
    const auto e = RuleSet::defaults(&view).evaluate(view);
    const auto& stalled = the(e, "stalled", "wonen-lokaal-beleid", "CR39");
    CHECK_HAS(stalled.message, "short-stay");
    const auto& region = the(e, "progress_unknown", "", "CR39");
    CHECK_HAS(region.message, "geen voortgang bekend voor Short-stay beleid");
    CHECK(any_reason_has(region, "corop"));
    // Noord and Midden report their short-stay municipalities.
    CHECK(find(e, "progress_unknown", "", "CR37").empty());
    CHECK(find(e, "progress_unknown", "", "CR38").empty());
}

TEST_CASE("Limburg: actions closed without a decision, and references to closed actions") {
    const auto view = limburg_view(data_date);
    const auto e = RuleSet::defaults(&view).evaluate(view);
    CHECK(the(e, "closed_without_decision", "werken-goed-werkgeverschap", "PV31").severity == Severity::info);
    const auto& ref = the(e, "reference_to_closed", "samenleven-inburgeringscursussen", "");
    CHECK_HAS(ref.message, "verwijst naar een afgesloten actiepunt: Goed werkgeverschap");
    CHECK(status_of(e, "werken-goed-werkgeverschap").rag == Rag::grey);
    CHECK_FALSE(status_of(e, "werken-goed-werkgeverschap").reasons.empty());
    CHECK(status_of(e, "wonen-omgevingsverordening").rag == Rag::grey);
    CHECK(status_of(e, "samenleven-participatie-taal").rag == Rag::green);
}

TEST_CASE("Limburg: nothing is stale on the date of the list itself, a year later everything open is") {
    const auto fresh_view = limburg_view(data_date);
    const auto rules = RuleSet::defaults(&fresh_view);
    const auto fresh = rules.evaluate(fresh_view);
    CHECK(std::none_of(fresh.findings.begin(), fresh.findings.end(),
                       [](const Finding& f) { return f.rule == "stale_state_of_affairs"; }));

    const auto later_view = limburg_view(Date(2024, 3, 18));
    const auto later = rules.evaluate(later_view);
    const auto& f = the(later, "stale_state_of_affairs", "algemeen-in-gesprek", "PV31");
    // 2023-03-01 to 2024-03-18 is 383 days.
    CHECK(any_reason_has(f, "383"));
    CHECK(any_reason_has(f, "2023-03-01"));
    CHECK(any_reason_has(f, "2024-03-18"));
    // Closed scopes are not stale.
    CHECK(find(later, "stale_state_of_affairs", "wonen-omgevingsverordening", "PV31").empty());
}

TEST_CASE("Limburg: evaluation is deterministic, sorted and explains every finding") {
    const auto view = limburg_view(data_date);
    const auto rules = RuleSet::defaults(&view);
    const auto a = rules.evaluate(view);
    const auto b = rules.evaluate(view);
    CHECK(a.findings == b.findings);
    CHECK(a.statuses == b.statuses);
    CHECK(a.as_of == data_date);
    REQUIRE_FALSE(a.findings.empty());
    CHECK(a.findings.front().severity == Severity::alert);
    for (std::size_t i = 1; i < a.findings.size(); ++i) CHECK(a.findings[i - 1].severity >= a.findings[i].severity);
    for (const auto& f : a.findings) {
        CAPTURE(f.rule);
        CHECK_FALSE(f.reasons.empty());
        CHECK_FALSE(f.message.empty());
    }
    CHECK(a.statuses.size() == view.actions().size());
}

TEST_CASE("Limburg: filters select action points") {
    const auto view = limburg_view(data_date);
    const auto wonen = Filter::parse("theme = \"wonen\"", "filter", &view).select(view);
    CHECK(wonen.size() == 6);
    const auto zuid = Filter::parse("\"CR39\" in regions and \"stalled\" in states", "filter", &view).select(view);
    REQUIRE(zuid.size() == 2);
    CHECK(zuid[0]->key() == "wonen-lokaal-beleid");
    CHECK(zuid[1]->key() == "wonen-registratie");
    const auto msg = test::error_of([&] { (void)Filter::parse("state = \"klaar\"", "filter", &view); }, Errc::invalid);
    CHECK_HAS(msg, "filter:1:1");
}
