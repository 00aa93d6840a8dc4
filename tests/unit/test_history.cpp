// "The list as it stood on any date": a three-meeting list replayed meeting by
// meeting. View(D) of the store that holds everything must equal the View of a store
// that only ever received the data up to D, for every entity that changes: states of
// affairs, proposals and decisions, due dates, membership of the list, observations,
// meetings. And the diff between two meetings must name every change.
#include "support.hpp"

#include <actielijst/changes.hpp>
#include <actielijst/rules.hpp>
#include <actielijst/snapshot.hpp>

#include <SQLiteCpp/Database.h>

#include <algorithm>

using namespace actielijst;

namespace {

Date day(const char* iso) { return Date::parse(iso, "date"); }

const char* const meeting_dates[] = {"2024-02-07", "2024-04-17", "2024-06-26"};

std::string meeting_doc(int n) { return test::fixture("history/meeting-" + std::to_string(n) + ".json"); }

/// A store that received the documents of meetings 1..last, in order.
Store store_up_to(const test::TempDir& dir, int last) {
    auto store = Store::open(dir.file("tot-" + std::to_string(last) + ".db"));
    for (int n = 1; n <= last; ++n) store.import_json(meeting_doc(n));
    return store;
}

std::vector<std::string> action_keys(const View& v) {
    std::vector<std::string> out;
    for (const auto& a : v.actions()) out.push_back(a.key());
    return out;
}

const Proposal* proposal(const View& v, const std::string& key) {
    const auto it = std::find_if(v.proposals().begin(), v.proposals().end(),
                                 [&](const Proposal& p) { return p.key() == key; });
    return it == v.proposals().end() ? nullptr : &*it;
}

std::vector<const Observation*> observations_of(const View& v, const std::string& indicator, const std::string& region) {
    std::vector<const Observation*> out;
    for (const auto& o : v.observations())
        if (o.indicator() == indicator && o.region() == region) out.push_back(&o);
    return out;
}

}  // namespace

TEST_CASE("history: the view at each meeting equals the view of a store that only received the data up to it") {
    test::TempDir dir;
    const auto full = store_up_to(dir, 3);
    for (int n = 1; n <= 3; ++n) {
        CAPTURE(n);
        const auto partial = store_up_to(dir, n);
        const auto date = day(meeting_dates[n - 1]);
        test::check_same_picture(full.view(date), partial.view(date));  // all but meta, which is no history
        // And on a day between meetings, which no document is dated on.
        const auto between = Date::from_days(date.days() + 20);
        test::check_same_picture(full.view(between), partial.view(between));
    }
}

TEST_CASE("history: each meeting's view shows exactly what was true then") {
    test::TempDir dir;
    const auto store = store_up_to(dir, 3);

    const auto m1 = store.view(day("2024-02-07"));
    CHECK(m1.states().size() == 4);  // the province's own states, no defaults beside them
    CHECK(action_keys(m1) == std::vector<std::string>{"huisvesting", "registratie", "voorlichting"});
    CHECK(m1.action("huisvesting")->due() == day("2024-06-30"));
    CHECK(m1.due_moves("huisvesting") == 0);
    CHECK(m1.meetings().size() == 1);
    REQUIRE(proposal(m1, "V1"));
    CHECK(proposal(m1, "V1")->state() == ProposalState::open);
    CHECK_FALSE(proposal(m1, "V1")->decided());
    CHECK(proposal(m1, "V1")->tabled() == day("2024-02-07"));
    CHECK(proposal(m1, "V1")->meeting() == "sg-1");
    CHECK(proposal(m1, "V3") == nullptr);  // tabled at meeting 2
    CHECK(m1.proposals().size() == 2);
    REQUIRE(observations_of(m1, "huisvestingsbeleid", "GM0200").size() == 1);
    CHECK(observations_of(m1, "huisvestingsbeleid", "GM0200")[0]->value().level == "geen");

    CHECK(m1.region("GM0274") == nullptr);  // joins the list at meeting 2
    CHECK(m1.state("gepauzeerd") == nullptr);
    CHECK(m1.indicator("arbeidsmigranten") != nullptr);

    const auto m2 = store.view(day("2024-04-17"));
    CHECK(m2.states().size() == 5);
    REQUIRE(m2.region("GM0274") != nullptr);
    CHECK(m2.region("GM0274")->period().since == day("2024-04-17"));
    CHECK(m2.municipalities_in("CR12").size() == 3);
    CHECK(action_keys(m2) == std::vector<std::string>{"huisvesting", "registratie", "voorlichting", "handhaving"});
    CHECK(m2.action("huisvesting")->due() == day("2024-09-30"));
    CHECK(m2.due_moves("huisvesting") == 1);
    CHECK(m2.action("handhaving")->since() == day("2024-04-17"));
    const auto* v1 = proposal(m2, "V1");
    REQUIRE(v1);
    CHECK(v1->state() == ProposalState::adopted);
    CHECK(v1->decided() == day("2024-04-17"));
    CHECK(v1->meeting() == "sg-1");  // tabled there; the decision did not move it
    CHECK(v1->decided_meeting() == "sg-2");
    CHECK(v1->decision() == "Aangenomen; de regio's werken de norm uit.");
    CHECK(proposal(m2, "V3")->state() == ProposalState::open);
    REQUIRE(observations_of(m2, "huisvestingsbeleid", "GM0200").size() == 1);  // the superseded level is history
    CHECK(observations_of(m2, "huisvestingsbeleid", "GM0200")[0]->value().level == "in_voorbereiding");

    const auto m3 = store.view(day("2024-06-26"));
    CHECK(action_keys(m3) == std::vector<std::string>{"huisvesting", "registratie", "handhaving"});
    CHECK(m3.action("huisvesting")->see_also().empty());  // voorlichting is off the list
    CHECK(m3.statuses_of("voorlichting").empty());
    CHECK(proposal(m3, "V2")->state() == ProposalState::withdrawn);
    CHECK(proposal(m3, "V3")->state() == ProposalState::rejected);
    CHECK(m3.meetings().size() == 3);
    CHECK(m3.indicator("arbeidsmigranten") == nullptr);  // no longer monitored from meeting 3
    CHECK(observations_of(m3, "arbeidsmigranten", "CR12").empty());
    CHECK(m3.status("registratie", "PV25")->state() == "gepauzeerd");

    // Before the list began: nothing of it but its vocabulary.
    const auto before = store.view(day("2024-01-01"));
    CHECK(before.statuses().empty());
    CHECK(before.proposals().empty());
    CHECK(before.meetings().empty());
    CHECK(before.observations().empty());
    CHECK(before.actions().size() == 3);  // on the list from the start: no `since`
    CHECK(before.action("huisvesting")->due() == std::nullopt);  // set on 2024-02-07
}

TEST_CASE("history: the diff between two meetings lists every change, also through snapshots") {
    test::TempDir dir;
    const auto store = store_up_to(dir, 3);
    save_snapshot(store.view(day("2024-02-07")), dir.file("m1.snapshot"));
    save_snapshot(store.view(day("2024-04-17")), dir.file("m2.snapshot"));
    const auto m1 = load_snapshot(dir.file("m1.snapshot"));
    const auto m2 = load_snapshot(dir.file("m2.snapshot"));
    const auto m3 = store.view(day("2024-06-26"));

    const auto c12 = diff(m1, m2);
    REQUIRE(c12.actions.size() == 2);
    CHECK(c12.actions[0].key == "huisvesting");
    CHECK(c12.actions[0].kind == ChangeKind::changed);
    CHECK(c12.actions[0].before->due() == day("2024-06-30"));
    CHECK(c12.actions[0].after->due() == day("2024-09-30"));
    CHECK(c12.actions[1].key == "handhaving");
    CHECK(c12.actions[1].kind == ChangeKind::added);
    CHECK(c12.statuses.size() == 3);
    REQUIRE(c12.proposals.size() == 2);
    CHECK(c12.proposals[0].key == "V1");
    CHECK(c12.proposals[0].decided);
    CHECK(c12.proposals[0].before->state() == ProposalState::open);
    CHECK(c12.proposals[0].after->state() == ProposalState::adopted);
    CHECK(c12.proposals[1].key == "V3");
    CHECK(c12.proposals[1].kind == ChangeKind::added);
    REQUIRE(c12.observations.size() == 3);
    // A new level is a change of the region's level, not a new observation.
    CHECK(c12.observations[0].kind == ChangeKind::changed);
    CHECK(c12.observations[0].before->value().level == "geen");
    CHECK(c12.observations[0].after->value().level == "in_voorbereiding");
    CHECK(c12.observations[1].kind == ChangeKind::added);  // Renkum joined the list
    CHECK(c12.observations[1].after->region() == "GM0274");
    CHECK(c12.observations[2].kind == ChangeKind::changed);
    CHECK(c12.observations[2].after->value().value == 5400);

    const auto c23 = diff(m2, m3);
    REQUIRE(c23.actions.size() == 2);
    // Huisvesting's "zie ook" named voorlichting, which left the list.
    CHECK(c23.actions[0].key == "huisvesting");
    CHECK(c23.actions[0].kind == ChangeKind::changed);
    CHECK(c23.actions[0].before->see_also() == std::vector<std::string>{"voorlichting"});
    CHECK(c23.actions[0].after->see_also().empty());
    CHECK(c23.actions[1].key == "voorlichting");
    CHECK(c23.actions[1].kind == ChangeKind::removed);
    CHECK(c23.statuses.size() == 4);  // three new states of affairs, and voorlichting's gone with it
    REQUIRE(c23.proposals.size() == 2);
    CHECK(c23.proposals[0].key == "V2");
    CHECK(c23.proposals[0].after->state() == ProposalState::withdrawn);
    CHECK(c23.proposals[0].decided);
    CHECK(c23.proposals[1].key == "V3");
    CHECK(c23.proposals[1].after->state() == ProposalState::rejected);
    CHECK(c23.proposals[1].after->decision() == "Afgewezen: het landelijke meldpunt volstaat.");
    REQUIRE(c23.observations.size() == 2);
    CHECK(c23.observations[0].after->value().level == "vastgesteld");
    CHECK(c23.observations[1].kind == ChangeKind::removed);  // the count is no longer monitored
    CHECK(c23.observations[1].before->indicator() == "arbeidsmigranten");
}

TEST_CASE("history: rule fields that depend on time follow the view's date") {
    test::TempDir dir;
    const auto store = store_up_to(dir, 3);
    const auto rules = RuleSet::parse(
        "rule waiting\n    severity warning\n    per action\n    when open_proposals > 0\n"
        "    message \"{action} {open_proposals} {agenda_count} {due_moves}\"\n");
    const auto messages = [&](const char* date) {
        std::vector<std::string> out;
        for (const auto& f : rules.evaluate(store.view(day(date))).findings) out.push_back(f.message);
        return out;
    };
    // V1 and V2 open at meeting 1; V1 decided at meeting 2, when V3 is tabled; at
    // meeting 3 all are decided. agenda_count counts meetings from the tabling one.
    CHECK(messages("2024-02-07") == std::vector<std::string>{"huisvesting 1 1 0", "registratie 1 1 0"});
    CHECK(messages("2024-04-17") == std::vector<std::string>{"registratie 1 2 0", "handhaving 1 1 0"});
    CHECK(messages("2024-06-26").empty());
}

TEST_CASE("history: a past view costs no extra reads of history: one view per date, each complete") {
    // The same store gives the same picture for a date however often it is asked,
    // and a view for a date between two meetings equals the view at the earlier one
    // (apart from its date): nothing is interpolated.
    test::TempDir dir;
    const auto store = store_up_to(dir, 3);
    const auto at = store.view(day("2024-04-17"));
    const auto later = store.view(day("2024-05-01"));
    CHECK(at.actions() == later.actions());
    CHECK(at.statuses() == later.statuses());
    CHECK(at.proposals() == later.proposals());
    CHECK(at.observations() == later.observations());
}

TEST_CASE("decide: a decision keeps the meeting the proposal was tabled at and records its own") {
    test::TempDir dir;
    auto store = store_up_to(dir, 1);
    store.add_meeting(Meeting("sg-2", day("2024-04-17"), "Stuurgroep april"));
    // By meeting only: the decision is dated on the meeting's date.
    CHECK(store.decide("V2", ProposalState::adopted, std::nullopt, "sg-2", "Loket komt er."));
    CHECK_FALSE(store.decide("V2", ProposalState::adopted, std::nullopt, "sg-2", "Loket komt er."));  // identical
    const auto v = store.view(day("2024-04-17"));
    const auto* p = proposal(v, "V2");
    REQUIRE(p);
    CHECK(p->meeting() == "sg-1");
    CHECK(p->decided_meeting() == "sg-2");
    CHECK(p->decided() == day("2024-04-17"));
    CHECK(p->decision() == "Loket komt er.");
    CHECK(proposal(store.view(day("2024-04-16")), "V2")->state() == ProposalState::open);

    // By date, later: re-opened, then withdrawn. History keeps all of it.
    CHECK(store.decide("V2", ProposalState::open, day("2024-05-02"), {}, "Heropend."));
    CHECK(store.decide("V2", ProposalState::withdrawn, day("2024-05-20")));
    const auto history = store.proposal_history("V2");
    REQUIRE(history.size() == 4);
    CHECK(history[0] == ProposalEvent{"V2", ProposalState::open, day("2024-02-07"), "sg-1", ""});
    CHECK(history[1] == ProposalEvent{"V2", ProposalState::adopted, day("2024-04-17"), "sg-2", "Loket komt er."});
    CHECK(history[2] == ProposalEvent{"V2", ProposalState::open, day("2024-05-02"), "", "Heropend."});
    CHECK(history[3] == ProposalEvent{"V2", ProposalState::withdrawn, day("2024-05-20"), "", ""});
    const auto may = store.view(day("2024-05-10"));
    const auto* reopened = proposal(may, "V2");
    REQUIRE(reopened);
    CHECK(reopened->state() == ProposalState::open);
    CHECK_FALSE(reopened->decided());
    CHECK(reopened->decision().empty());

    // The export carries the decisions, and imports back to the same history.
    const auto exported = store.export_json();
    auto copy = Store::open(dir.file("kopie.db"));
    copy.import_json(exported);
    CHECK(copy.proposal_history("V2") == history);
    CHECK(copy.export_json() == exported);
}

TEST_CASE("decide: bad decisions are refused with the place named, and nothing is stored") {
    test::TempDir dir;
    auto store = store_up_to(dir, 1);
    const auto before = store.export_json(true);
    CHECK_HAS(test::error_of([&] { store.decide("V9", ProposalState::adopted, day("2024-03-01")); }, Errc::not_found),
              "proposal: unknown proposal \"V9\"");
    CHECK_HAS(test::error_of([&] { store.decide("V1", ProposalState::adopted, day("2024-01-31")); }),
              "decided: 2024-01-31 is before proposal V1 was tabled (2024-02-07)");
    CHECK_HAS(test::error_of([&] { store.decide("V1", ProposalState::adopted, std::nullopt, "sg-9"); }, Errc::not_found),
              "meeting: unknown meeting \"sg-9\"");
    CHECK_HAS(test::error_of([&] { store.decide("V1", ProposalState::adopted, std::nullopt); }),
              "decided: a decision needs a date or a meeting");
    CHECK_HAS(test::error_of([&] { store.decide("V1", static_cast<ProposalState>(7), day("2024-03-01")); }), "state");
    CHECK_HAS(test::error_of([&] { store.decide("V1", ProposalState::adopted, day("2024-03-01"), {}, "\xff"); }),
              "text");
    // In a document: a decision before the tabling, a summary that contradicts the
    // listed decisions, a decision on an unknown proposal.
    const auto doc = [](const std::string& proposals) {
        return R"({"format": "actielijst", "format_version": 1, "proposals": [)" + proposals + "]}";
    };
    CHECK_HAS(test::error_of([&] {
                  store.import_json(doc(R"({"key": "V1", "action": "huisvesting", "text": "Regionale norm voor huisvesting vaststellen.", "state": "adopted", "decisions": [{"state": "adopted", "date": "2024-01-02"}]})"));
              }),
              "proposals[0].decisions[0].date: decided on 2024-01-02, before proposal V1 was tabled (2024-02-07)");
    CHECK_HAS(test::error_of(
                  [&] {
                      store.import_json(doc(R"({"key": "V1", "action": "huisvesting", "text": "Regionale norm voor huisvesting vaststellen.", "state": "rejected", "decisions": [{"state": "adopted", "date": "2024-03-02"}]})"));
                  },
                  Errc::conflict),
              "proposals[0].state: is rejected, but its latest decision (2024-03-02) makes it adopted");
    CHECK_HAS(test::error_of([&] {
                  store.import_json(doc(R"({"key": "V1", "action": "huisvesting", "text": "T", "state": "open", "tabled": "2024-03-01", "decided": "2024-02-01"})"));
              }),
              "decided");
    CHECK(store.export_json(true) == before);
}

TEST_CASE("meetings: a key is used once; the same meeting again changes nothing") {
    test::TempDir dir;
    auto store = store_up_to(dir, 1);
    store.add_meeting(Meeting("sg-1", day("2024-02-07"), "Stuurgroep februari"));
    store.add_meeting(Meeting("sg-1", day("2024-02-07"), "Stuurgroep februari (verzet)"));  // a new title is fine
    const auto before = store.export_json(true);
    const auto msg = test::error_of([&] { store.add_meeting(Meeting("sg-1", day("2024-02-08"))); }, Errc::exists);
    CHECK_HAS(msg, "meeting \"sg-1\" is already stored on 2024-02-07, not 2024-02-08");
    CHECK(store.export_json(true) == before);
    REQUIRE(store.meetings().size() == 1);
    CHECK(store.meetings()[0].title() == "Stuurgroep februari (verzet)");
}

TEST_CASE("view: nothing in a view may be dated after the view's date") {
    const auto base = [] {
        ViewData d;
        d.as_of = Date(2024, 3, 1);
        d.themes = {Theme("wonen", Label("Wonen"))};
        d.actions = {ActionPoint("a", "wonen", "T", "G")};
        return d;
    };
    auto d = base();
    d.proposals = {Proposal("P", "a", "t", ProposalState::open, ProposalKind::proposal, {}, std::nullopt, Date(2024, 3, 2))};
    CHECK_HAS(test::error_of([&] { View v(std::move(d)); }), "proposals[0].tabled: 2024-03-02 is after the view date");
    d = base();
    d.proposals = {Proposal("P", "a", "t", ProposalState::adopted, ProposalKind::proposal, {}, Date(2024, 4, 1))};
    CHECK_HAS(test::error_of([&] { View v(std::move(d)); }), "proposals[0].decided: 2024-04-01 is after");
    d = base();
    d.meetings = {Meeting("m", Date(2024, 3, 8))};
    CHECK_HAS(test::error_of([&] { View v(std::move(d)); }), "meetings[0].date");
    d = base();
    d.actions = {ActionPoint("a", "wonen", "T", "G", {}, {}, std::nullopt, {}, Period{Date(2024, 3, 5), std::nullopt})};
    CHECK_HAS(test::error_of([&] { View v(std::move(d)); }), "actions[0].since");
    d = base();
    d.actions = {ActionPoint("a", "wonen", "T", "G", {}, {}, std::nullopt, {}, Period{std::nullopt, Date(2024, 3, 1)})};
    CHECK_HAS(test::error_of([&] { View v(std::move(d)); }), "actions[0].until");
}

TEST_CASE("vocabulary: a store holds exactly the list's own states; another state is refused everywhere") {
    test::TempDir dir;
    auto store = store_up_to(dir, 1);
    CHECK(store.view(day("2024-02-07")).states().size() == 4);
    const auto before = store.export_json(true);
    CHECK_HAS(test::error_of([&] {
                  store.record(StatusUpdate("huisvesting", "CR10", "stalled", "Stagneert.", day("2024-03-01")));
              }),
              "state: unknown state \"stalled\"");
    CHECK(store.export_json(true) == before);
    const auto view = store.view(day("2024-02-07"));
    const auto rules = [](const char* state) {
        return std::string("rule r\n    severity warning\n    per scope\n    when state = \"") + state +
               "\"\n    message \"x\"\n";
    };
    (void)RuleSet::parse(rules("vastgelopen"), "r.rules", &view);
    try {
        (void)RuleSet::parse(rules("stalled"), "r.rules", &view);
        FAIL("a rule naming a state the list does not have loaded");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::not_found);
        CHECK_HAS(e.what(), "stalled");
    }
}

TEST_CASE("periods: nothing is recorded about a region, state or indicator outside its time on the list") {
    test::TempDir dir;
    auto store = store_up_to(dir, 3);
    const auto before = store.export_json(true);
    // Renkum joined on 2024-04-17; "gepauzeerd" is in use from then; the count ended on 2024-06-26.
    CHECK_HAS(test::error_of([&] {
                  store.record(StatusUpdate("huisvesting", "GM0274", "loopt", "Te vroeg.", day("2024-04-16")));
              }),
              "as_of: region GM0274 is part of the list from 2024-04-17, not on 2024-04-16");
    CHECK_HAS(test::error_of([&] {
                  store.record(StatusUpdate("huisvesting", "CR10", "gepauzeerd", "Te vroeg.", day("2024-03-01")));
              }),
              "as_of: state gepauzeerd is part of the list from 2024-04-17, not on 2024-03-01");
    const auto doc = [](const std::string& body) {
        return R"({"format": "actielijst", "format_version": 1, )" + body + "}";
    };
    CHECK_HAS(test::error_of([&] {
                  store.import_json(doc(R"("observations": [{"indicator": "arbeidsmigranten", "region": "CR12", "as_of": "2024-07-01", "value": 1}])"));
              }),
              "observations[0].as_of: indicator arbeidsmigranten is part of the list until 2024-06-26");
    // A period that would leave stored history outside it is a conflict.
    CHECK_HAS(test::error_of(
                  [&] {
                      store.import_json(doc(R"("regions": [{"code": "GM0200", "name": "Apeldoorn", "kind": "municipality", "parent": "CR10", "until": "2024-03-01"}])"));
                  },
                  Errc::conflict),
              "regions[0].until: observations of region GM0200 are dated 2024-02-07 to 2024-06-26");
    // A municipality cannot be on the list while its region is not.
    CHECK_HAS(test::error_of(
                  [&] {
                      store.import_json(doc(R"("regions": [{"code": "CR10", "name": "Veluwe", "kind": "corop", "parent": "PV25", "aliases": ["Regio Veluwe"], "since": "2024-01-01"}])"));
                  },
                  Errc::conflict),
              "GM0200 is on the list always, outside the time of its parent CR10 (from 2024-01-01)");
    CHECK(store.export_json(true) == before);
}

TEST_CASE("actions: since and until are checked, and a closed action leaves the list on its until date") {
    CHECK_HAS(test::error_of([] {
                  ActionPoint("a", "wonen", "T", "G", {}, {}, std::nullopt, {}, Period{Date(2024, 3, 1), Date(2024, 3, 1)});
              }),
              "until");
    const ActionPoint a("a", "wonen", "T", "G", {}, {}, std::nullopt, {}, Period{Date(2024, 3, 1), Date(2024, 6, 1)});
    CHECK_FALSE(a.period().contains(Date(2024, 2, 29)));
    CHECK(a.period().contains(Date(2024, 3, 1)));
    CHECK(a.period().contains(Date(2024, 5, 31)));
    CHECK_FALSE(a.period().contains(Date(2024, 6, 1)));
}

// ---------------------------------------------------------------------------------
// Schema version 3 and the migration from a real version-2 store
// ---------------------------------------------------------------------------------

TEST_CASE("history schema: a real version-2 store is migrated in place with nothing lost") {
    test::TempDir dir;
    const auto path = dir.file("v2.db");
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec(test::fixture("store-v2.sql"));
        REQUIRE(raw.execAndGet("PRAGMA user_version").getInt() == 2);
    }
    auto store = Store::open(path);
    {
        SQLite::Database raw(path, SQLite::OPEN_READONLY);
        CHECK(raw.execAndGet("PRAGMA user_version").getInt() == Store::schema_version);
        CHECK(raw.execAndGet("PRAGMA integrity_check").getString() == "ok");
        SQLite::Statement dangling(raw, "PRAGMA foreign_key_check");
        CHECK_FALSE(dangling.executeStep());
    }
    // Everything the version-2 build exported is still there: the same document,
    // with each proposal's tabling and its one decision spelled out.
    const auto old = parse_json(test::fixture("store-v2.export.json"));
    const auto now = store.dump();
    CHECK(now.meta == old.meta);
    CHECK(now.regions == old.regions);
    CHECK(now.states == old.states);  // a version-2 store kept its installed defaults
    CHECK(now.meetings == old.meetings);
    CHECK(now.updates == old.updates);
    CHECK(now.due_changes == old.due_changes);
    CHECK(now.observations == old.observations);
    CHECK(now.actions == old.actions);
    REQUIRE(now.proposals.size() == old.proposals.size());
    for (std::size_t i = 0; i < old.proposals.size(); ++i) {
        CAPTURE(old.proposals[i].key());
        CHECK(now.proposals[i].key() == old.proposals[i].key());
        CHECK(now.proposals[i].state() == old.proposals[i].state());
        CHECK(now.proposals[i].text() == old.proposals[i].text());
        CHECK(now.proposals[i].kind() == old.proposals[i].kind());
    }
    // An open proposal keeps its meeting as the one it was tabled at, on that date;
    // a decided one's meeting is the meeting of its decision; without a date it is
    // known from the list's as-of date.
    const auto p = [&](const char* key) {
        return *std::find_if(now.proposals.begin(), now.proposals.end(), [&](const Proposal& x) { return x.key() == key; });
    };
    CHECK(p("P1").tabled() == day("2023-01-18"));
    CHECK(p("P1").meeting() == "m2");
    CHECK(p("P2").decided() == day("2023-01-18"));
    CHECK(p("P2").decided_meeting() == "m2");
    CHECK(p("P3").decided() == day("2023-03-01"));
    CHECK(p("P3").tabled() == day("2023-03-01"));
    CHECK(p("P4").decided() == day("2022-11-01"));
    CHECK(p("P5").tabled() == day("2023-03-01"));
    CHECK(p("P5").state() == ProposalState::open);
    CHECK(now.proposal_events.size() == 3);
    // The withdrawn proposal was not there yet in October 2022; in November it was.
    CHECK(proposal(store.view(day("2022-10-31")), "P4") == nullptr);
    CHECK(proposal(store.view(day("2022-11-01")), "P4")->state() == ProposalState::withdrawn);

    // And the new history works on the migrated store.
    CHECK(store.decide("P1", ProposalState::adopted, day("2023-04-01")));
    CHECK(proposal(store.view(day("2023-04-01")), "P1")->state() == ProposalState::adopted);
    CHECK_THROWS_AS(SQLite::Database(path, SQLite::OPEN_READWRITE).exec("DELETE FROM proposal_events"),
                    SQLite::Exception);
}
