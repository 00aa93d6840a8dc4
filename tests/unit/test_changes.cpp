// The diff between two pictures: what is added, changed and removed, in a fixed order.
#include "support.hpp"

#include <actielijst/changes.hpp>
#include <actielijst/snapshot.hpp>

#include <string>
#include <vector>

using namespace actielijst;

namespace {

ViewData base() {
    ViewData d;
    d.as_of = Date(2023, 3, 1);
    d.themes = {Theme("wonen", Label("Wonen")), Theme("werken", Label("Werken"))};
    d.regions = {Region("PV31", "Limburg", RegionKind::province), Region("CR37", "Noord", RegionKind::corop, "PV31"),
                 Region("CR38", "Midden", RegionKind::corop, "PV31")};
    d.states = default_progress_states();
    d.actions = {ActionPoint("a1", "wonen", "Een", "G"), ActionPoint("a2", "wonen", "Twee", "G"),
                 ActionPoint("a3", "werken", "Drie", "G")};
    d.statuses = {StatusUpdate("a1", "CR37", "in_progress", "loopt", Date(2023, 1, 1)),
                  StatusUpdate("a1", "CR38", "in_progress", "loopt", Date(2023, 1, 1)),
                  StatusUpdate("a2", "PV31", "stalled", "stil", Date(2023, 1, 1))};
    d.proposals = {Proposal("P2", "a2", "p2", ProposalState::open), Proposal("P1", "a1", "p1", ProposalState::open)};
    d.indicators = {Indicator("beleid", Label("Beleid"), IndicatorKind::ordinal,
                              {Level("none", Label("geen")), Level("adopted", Label("vastgesteld"))})};
    d.observations = {Observation("beleid", "CR37", Date(2023, 1, 1), {"adopted", std::nullopt, 2, false})};
    return d;
}

}  // namespace

TEST_CASE("diff: a view against itself is empty") {
    const View v(base());
    const auto c = diff(v, v);
    CHECK(c.empty());
    CHECK(c.from == Date(2023, 3, 1));
    CHECK(c.to == Date(2023, 3, 1));
    CHECK(to_string(ChangeKind::added) == "added");
    CHECK(to_string(ChangeKind::changed) == "changed");
    CHECK(to_string(ChangeKind::removed) == "removed");
}

TEST_CASE("diff: statuses added, changed, closed and removed, by action then region order") {
    const View before(base());
    auto d = base();
    d.as_of = Date(2023, 6, 1);
    d.statuses = {StatusUpdate("a1", "CR37", "done", "klaar", Date(2023, 5, 1)),           // changed, closed
                  StatusUpdate("a1", "CR38", "in_progress", "loopt", Date(2023, 1, 1), "X"),  // author only: same
                  StatusUpdate("a3", "PV31", "not_started", "nieuw", Date(2023, 5, 2)),    // added
                  StatusUpdate("a1", "PV31", "in_progress", "nieuw", Date(2023, 5, 2))};   // added, sorts before CR37
    const View after(std::move(d));
    const auto c = diff(before, after);
    REQUIRE(c.statuses.size() == 4);
    CHECK(c.from == Date(2023, 3, 1));
    CHECK(c.to == Date(2023, 6, 1));
    CHECK(c.statuses[0].kind == ChangeKind::added);
    CHECK(c.statuses[0].scope == "PV31");
    CHECK(!c.statuses[0].before);
    CHECK(c.statuses[1].kind == ChangeKind::changed);
    CHECK(c.statuses[1].scope == "CR37");
    CHECK(c.statuses[1].closed);
    CHECK(c.statuses[1].before->state() == "in_progress");
    CHECK(c.statuses[1].after->state() == "done");
    CHECK(c.statuses[2].kind == ChangeKind::removed);
    CHECK(c.statuses[2].action == "a2");
    CHECK(!c.statuses[2].after);
    CHECK(!c.statuses[2].closed);
    CHECK(c.statuses[3].action == "a3");
    CHECK(c.statuses[3].kind == ChangeKind::added);
    // Going back describes the reverse.
    const auto back = diff(after, before);
    REQUIRE(back.statuses.size() == 4);
    CHECK(back.statuses[1].kind == ChangeKind::changed);
    CHECK(!back.statuses[1].closed);
}

TEST_CASE("diff: decided proposals, new ones and gone ones, by action then key") {
    const View before(base());
    auto d = base();
    d.proposals = {Proposal("P2", "a2", "p2", ProposalState::open),
                   Proposal("P1", "a1", "p1", ProposalState::adopted, ProposalKind::proposal, {}, Date(2023, 2, 1)),
                   Proposal("P0", "a1", "p0", ProposalState::rejected, ProposalKind::proposal, {}, Date(2023, 2, 1)),
                   Proposal("P3", "a1", "p3", ProposalState::open)};
    d.proposals.erase(d.proposals.begin());  // P2 removed
    const View after(std::move(d));
    const auto c = diff(before, after);
    REQUIRE(c.proposals.size() == 4);
    CHECK(c.proposals[0].key == "P0");
    CHECK(c.proposals[0].kind == ChangeKind::added);
    CHECK(c.proposals[0].decided);  // new and already decided
    CHECK(c.proposals[1].key == "P1");
    CHECK(c.proposals[1].kind == ChangeKind::changed);
    CHECK(c.proposals[1].decided);
    CHECK(c.proposals[2].key == "P3");
    CHECK(!c.proposals[2].decided);
    CHECK(c.proposals[3].key == "P2");
    CHECK(c.proposals[3].kind == ChangeKind::removed);
    CHECK(!c.proposals[3].decided);
}

TEST_CASE("diff: action field changes, in the later display order with removed ones last") {
    const View before(base());
    auto d = base();
    d.actions = {ActionPoint("a3", "wonen", "Drie", "G"),                                             // theme moved
                 ActionPoint("a1", "wonen", "Een", "G", {}, {}, Date(2024, 1, 1)),                    // due set
                 ActionPoint("a4", "werken", "Vier", "G", {{"Provincie", OwnerRole::lead}}),          // added
                 ActionPoint("a5", "werken", "Vijf", "G")};
    d.statuses = {StatusUpdate("a1", "CR37", "in_progress", "loopt", Date(2023, 1, 1)),
                  StatusUpdate("a1", "CR38", "in_progress", "loopt", Date(2023, 1, 1))};
    d.proposals = {Proposal("P1", "a1", "p1", ProposalState::open)};
    const View after(std::move(d));
    const auto c = diff(before, after);
    REQUIRE(c.actions.size() == 5);
    CHECK(c.actions[0].key == "a3");
    CHECK(c.actions[0].kind == ChangeKind::changed);
    CHECK(c.actions[0].before->theme() == "werken");
    CHECK(c.actions[1].key == "a1");
    CHECK(c.actions[1].after->due() == Date(2024, 1, 1));
    CHECK(c.actions[2].key == "a4");
    CHECK(c.actions[2].kind == ChangeKind::added);
    CHECK(c.actions[3].key == "a5");
    CHECK(c.actions[4].key == "a2");
    CHECK(c.actions[4].kind == ChangeKind::removed);
}

TEST_CASE("diff: observations by indicator, region and level") {
    const View before(base());
    auto d = base();
    d.observations = {Observation("beleid", "CR38", Date(2023, 2, 1), {"none", std::nullopt, std::nullopt, false}),
                      Observation("beleid", "CR37", Date(2023, 2, 1), {"adopted", std::nullopt, 3, false}),
                      Observation("beleid", "CR37", Date(2023, 2, 1), {"none", std::nullopt, 1, false})};
    const View after(std::move(d));
    const auto c = diff(before, after);
    REQUIRE(c.observations.size() == 3);
    CHECK(c.observations[0].after->value().level == "none");
    CHECK(c.observations[0].kind == ChangeKind::added);
    CHECK(c.observations[1].kind == ChangeKind::changed);
    CHECK(c.observations[1].before->value().count == 2);
    CHECK(c.observations[1].after->value().count == 3);
    CHECK(c.observations[2].after->region() == "CR38");
    CHECK(diff(after, before).observations[2].kind == ChangeKind::removed);
}

TEST_CASE("diff: a Limburg snapshot against the store at a later date") {
    test::TempDir dir;
    auto store = Store::open(dir.file("l.db"));
    store.import_json(test::limburg_json());
    const auto path = dir.file("sg.snap");
    save_snapshot(store.view(Date(2023, 3, 1)), path);
    const auto earlier = load_snapshot(path);
    CHECK(diff(earlier, store.view(Date(2023, 3, 1))).empty());
    store.record({"wonen-registratie", "Noord", "almost_done", "Registratie ter plekke uitgebreid.", Date(2023, 6, 1),
                  "Secretariaat"});
    store.decide("P2", ProposalState::adopted, Date(2023, 6, 1));
    const auto c = diff(earlier, store.view(Date(2023, 6, 30)));
    REQUIRE(c.statuses.size() == 1);
    CHECK(c.statuses[0].action == "wonen-registratie");
    CHECK(c.statuses[0].scope == "CR37");
    CHECK(c.statuses[0].after->state() == "almost_done");
    REQUIRE(c.proposals.size() == 1);
    CHECK(c.proposals[0].key == "P2");
    CHECK(c.proposals[0].decided);
    CHECK(c.actions.empty());
    CHECK(c.observations.empty());
}
