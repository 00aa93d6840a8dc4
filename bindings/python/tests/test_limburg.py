"""The success paths on the Limburg data (examples/data/limburg.json)."""

import datetime
import json
import os

import actielijst
from actielijst import Category, IndicatorKind, ProposalKind, ProposalState, RegionKind

from support import MARCH_2023, TempDirCase, document, limburg_bytes


class LimburgViewTest(TempDirCase):
    def setUp(self):
        super().setUp()
        self.store = self.limburg_store()
        self.view = self.store.view(MARCH_2023)
        self.addCleanup(self.view.close)

    def test_counts(self):
        self.assertEqual(self.view.as_of, MARCH_2023)
        self.assertEqual(len(self.view.actions()), 19)
        self.assertEqual(len(self.view.regions()), 35)
        self.assertEqual(len(self.view.statuses()), 26)
        self.assertEqual(len(self.view.themes()), 4)
        self.assertEqual(len(self.view.states()), 8)
        self.assertEqual(len(self.view.indicators()), 2)
        self.assertEqual(self.view.meetings(), [])

    def test_themes_in_display_order_with_labels(self):
        themes = self.view.themes()
        self.assertEqual([t.key for t in themes], ["wonen", "werken", "samenleven", "algemeen"])
        self.assertEqual(themes[0], actielijst.Theme("wonen", "Wonen", "Housing"))

    def test_states_carry_their_category(self):
        states = {s.key: s for s in self.view.states()}
        self.assertIs(states["stalled"].category, Category.BLOCKED)
        self.assertIs(states["done"].category, Category.DONE)
        self.assertEqual(states["in_progress"].label_nl, "In uitvoering")
        self.assertEqual(states["in_progress"].label_en, "In progress")

    def test_regions_parents_first_and_lookup(self):
        regions = self.view.regions()
        seen = set()
        for r in regions:
            if r.parent is not None:
                self.assertIn(r.parent, seen, r.code)
            seen.add(r.code)
        limburg = self.view.region("PV31")
        self.assertEqual(limburg.kind, RegionKind.PROVINCE)
        self.assertIsNone(limburg.parent)
        noord = self.view.region("CR37")
        self.assertEqual(noord.name, "Noord-Limburg")
        self.assertIs(noord.kind, RegionKind.COROP)
        self.assertEqual(noord.parent, "PV31")
        self.assertEqual(noord.aliases, ("Noord", "Regio Noord"))
        kinds = [r.kind for r in regions]
        self.assertEqual(kinds.count(RegionKind.MUNICIPALITY), 31)

    def test_action_lookup_and_tuples(self):
        action = self.view.action("wonen-regionaal-beleid")
        self.assertEqual(action.theme, "wonen")
        self.assertEqual(action.title, "Huisvesting")
        self.assertEqual(action.scope, ("CR37", "CR38", "CR39"))
        self.assertEqual(action.see_also, ("samenleven-participatie-taal", "samenleven-participatie-onderwijs"))
        self.assertEqual(action.owners, ())
        self.assertIsNone(action.due)
        with self.assertRaises(AttributeError):  # frozen
            action.title = "x"

    def test_actions_by_theme(self):
        all_actions = self.view.actions()
        wonen = self.view.actions("wonen")
        self.assertTrue(wonen)
        self.assertTrue(all(a.theme == "wonen" for a in wonen))
        total = sum(len(self.view.actions(t.key)) for t in self.view.themes())
        self.assertEqual(total, len(all_actions))

    def test_status_lookup(self):
        status = self.view.status("wonen-regionaal-beleid", "CR39")
        self.assertEqual(status.state, "not_started")
        self.assertIs(status.category, Category.TODO)
        self.assertEqual(status.as_of, MARCH_2023)
        self.assertEqual(status.author, "Stuurgroep Internationale Werknemers")
        self.assertIsNone(status.meeting)
        statuses = self.view.statuses("wonen-regionaal-beleid")
        self.assertIn(status, statuses)
        self.assertTrue(all(s.action == "wonen-regionaal-beleid" for s in statuses))
        blocked = [s for s in self.view.statuses() if s.category == Category.BLOCKED]
        self.assertEqual(len(blocked), 4)

    def test_proposals(self):
        proposals = {p.key: p for p in self.view.proposals()}
        self.assertEqual(sorted(proposals), ["P1", "P2", "P3"])
        self.assertIs(proposals["P1"].state, ProposalState.ADOPTED)
        self.assertIs(proposals["P1"].kind, ProposalKind.CONSENSUS)
        self.assertIs(proposals["P2"].state, ProposalState.OPEN)
        self.assertIs(proposals["P3"].kind, ProposalKind.PROPOSAL)
        self.assertIsNone(proposals["P2"].decided)
        self.assertIsNone(proposals["P2"].meeting)
        self.assertIn("Oekraïense", proposals["P1"].text)  # UTF-8 comes back as text

    def test_indicators(self):
        indicators = {i.key: i for i in self.view.indicators()}
        policy = indicators["short_stay_policy"]
        self.assertIs(policy.kind, IndicatorKind.ORDINAL)
        self.assertEqual([lv.key for lv in policy.levels], ["none", "in_preparation", "adopted"])
        self.assertEqual(policy.levels[2].label_en, "Policy adopted")
        self.assertIsNone(policy.unit)
        workers = indicators["international_workers_count"]
        self.assertIs(workers.kind, IndicatorKind.COUNT)
        self.assertEqual(workers.unit, "personen")
        self.assertEqual(workers.levels, ())

    def test_observations(self):
        observations = self.view.observations()
        self.assertTrue(observations)
        policy = self.view.observations("short_stay_policy")
        self.assertTrue(all(o.indicator == "short_stay_policy" for o in policy))
        adopted_cr37 = [o for o in policy if o.region == "CR37" and o.level == "adopted"]
        self.assertEqual(len(adopted_cr37), 1)
        self.assertEqual(adopted_cr37[0].count, 4)
        self.assertIsNone(adopted_cr37[0].value)
        self.assertFalse(adopted_cr37[0].at_least)
        self.assertEqual(adopted_cr37[0].as_of, MARCH_2023)
        venlo = [o for o in policy if o.region == "GM0983"]
        self.assertTrue(venlo and venlo[0].at_least)
        self.assertIsNone(venlo[0].count)

    def test_rollup(self):
        rollup = self.view.rollup("short_stay_policy", "CR37", "adopted")
        self.assertEqual(rollup.municipalities, 8)
        self.assertEqual(rollup.reported, 4)
        self.assertEqual(rollup.reported_as_of, MARCH_2023)
        self.assertLessEqual(rollup.known_at_or_above, rollup.known)
        self.assertLessEqual(rollup.known, rollup.municipalities)

    def test_a_view_before_the_data_has_definitions_but_no_statuses(self):
        with self.store.view(datetime.date(2020, 1, 1)) as early:
            self.assertEqual(early.as_of, datetime.date(2020, 1, 1))
            self.assertEqual(early.statuses(), [])
            self.assertEqual(len(early.actions()), 19)

    def test_view_accepts_a_datetime_and_an_iso_string(self):
        with self.store.view(datetime.datetime(2023, 3, 1, 12, 30)) as v:
            self.assertEqual(v.as_of, MARCH_2023)
        with self.store.view("2023-03-01") as v:
            self.assertEqual(len(v.statuses()), 26)


class LimburgStoreTest(TempDirCase):
    def setUp(self):
        super().setUp()
        self.store = self.limburg_store()

    def test_import_accepts_str_and_is_idempotent(self):
        before = self.store.export_json()
        self.store.import_json(limburg_bytes().decode("utf-8"))
        self.assertEqual(self.store.export_json(), before)

    def test_export_round_trips(self):
        exported = self.store.export_json()
        self.assertIsInstance(exported, str)
        self.assertTrue(exported.endswith("\n"))
        data = json.loads(exported)
        self.assertEqual(len(data["actions"]), 19)
        other = self.open_store("other.db")
        other.import_json(exported)
        self.assertEqual(other.export_json(), exported)

    def test_contacts_only_exported_when_asked(self):
        self.store.add_contact("GM0983", "Beleidsmedewerker wonen", "J. Jansen", "j.jansen@venlo.nl")
        self.store.add_contact("Venray", "Wethouder", "P. Pieters")
        contacts = self.store.contacts()
        self.assertEqual(len(contacts), 2)
        jansen = [c for c in contacts if c.name == "J. Jansen"][0]
        self.assertEqual(jansen, actielijst.Contact("GM0983", "Beleidsmedewerker wonen", "J. Jansen", "j.jansen@venlo.nl"))
        pieters = [c for c in contacts if c.name == "P. Pieters"][0]
        self.assertEqual(pieters.municipality, "GM0984")
        self.assertIsNone(pieters.email)
        self.assertNotIn("J. Jansen", self.store.export_json())
        self.assertNotIn("contacts", json.loads(self.store.export_json()))
        self.assertNotIn("J. Jansen", self.store.export_json(include_contacts=False))
        self.assertEqual(len(json.loads(self.store.export_json(include_contacts=True))["contacts"]), 2)

    def test_resolve_region(self):
        self.assertEqual(self.store.resolve_region("CR37"), "CR37")
        self.assertEqual(self.store.resolve_region("regio noord"), "CR37")
        self.assertEqual(self.store.resolve_region("Noord-Limburg"), "CR37")
        self.assertEqual(self.store.resolve_region("PROVINCIE LIMBURG"), "PV31")

    def test_record_appends_and_skips_identical(self):
        day = datetime.date(2023, 6, 1)
        args = ("wonen-regionaal-beleid", "Regio Noord", "stalled", "Geen voortgang.", day)
        self.assertTrue(self.store.record(*args, author="Secretaris"))
        self.assertFalse(self.store.record(*args, author="Secretaris"))
        with self.store.view(day) as later:
            status = later.status("wonen-regionaal-beleid", "CR37")
            self.assertEqual(status.state, "stalled")
            self.assertIs(status.category, Category.BLOCKED)
            self.assertEqual(status.author, "Secretaris")
            self.assertEqual(len(later.statuses()), 26)
        with self.store.view(MARCH_2023) as earlier:
            self.assertEqual(earlier.status("wonen-regionaal-beleid", "CR37").state, "done")

    def test_a_view_is_a_snapshot(self):
        with self.store.view(datetime.date(2024, 1, 1)) as v:
            self.store.record("wonen-regionaal-beleid", "CR37", "stalled", "Toch niet.", datetime.date(2023, 12, 1))
            self.assertEqual(v.status("wonen-regionaal-beleid", "CR37").state, "done")
        with self.store.view(datetime.date(2024, 1, 1)) as v:
            self.assertEqual(v.status("wonen-regionaal-beleid", "CR37").state, "stalled")

    def test_history(self):
        action = "wonen-regionaal-beleid"
        first = self.store.history(action)
        self.assertEqual({h.scope for h in first}, {"CR37", "CR38", "CR39"})
        self.assertTrue(all(h.category is None for h in first))
        self.store.record(action, "CR37", "almost_done", "Bijna.", datetime.date(2023, 9, 1), meeting=None)
        self.store.record(action, "CR37", "in_progress", "Weer open.", datetime.date(2023, 12, 1), author="Stuurgroep")
        noord = self.store.history(action, "CR37")
        self.assertEqual([h.state for h in noord], ["done", "almost_done", "in_progress"])
        self.assertEqual([h.as_of for h in noord], sorted(h.as_of for h in noord))
        self.assertTrue(all(h.scope == "CR37" for h in noord))
        self.assertIsNone(noord[1].author)
        self.assertEqual(noord[2].author, "Stuurgroep")
        self.assertEqual(self.store.history(action, "Regio Noord"), noord)  # an alias works too
        self.assertEqual(len(self.store.history(action)), len(first) + 2)
        self.assertEqual(self.store.history(action, ""), self.store.history(action))

    def test_meetings(self):
        self.store.add_meeting("sg-2023-06", datetime.date(2023, 6, 12), "Stuurgroep juni")
        self.store.add_meeting("sg-2023-09", datetime.date(2023, 9, 11))
        self.store.record(
            "wonen-regionaal-beleid", "CR38", "in_progress", "Besproken.", datetime.date(2023, 6, 12), meeting="sg-2023-06"
        )
        with self.store.view(datetime.date(2023, 12, 31)) as v:
            meetings = {m.key: m for m in v.meetings()}
            self.assertEqual(meetings["sg-2023-06"], actielijst.Meeting("sg-2023-06", datetime.date(2023, 6, 12), "Stuurgroep juni"))
            self.assertIsNone(meetings["sg-2023-09"].title)
            self.assertEqual(v.status("wonen-regionaal-beleid", "CR38").meeting, "sg-2023-06")

    def test_propose_and_decide(self):
        # Proposals are history: P4 is tabled on its meeting's date, so a view
        # before it does not show it, and a decision shows from its own date on.
        june = datetime.date(2023, 6, 12)
        self.store.add_meeting("sg-2023-05", datetime.date(2023, 5, 8))
        self.store.add_meeting("sg-2023-06", june)
        self.store.propose("P4", "wonen-regionaal-beleid", "Een nieuw voorstel.", meeting="sg-2023-05")
        with self.store.view(MARCH_2023) as v:
            self.assertNotIn("P4", [p.key for p in v.proposals()])
        with self.store.view(datetime.date(2023, 5, 8)) as v:
            p4 = [p for p in v.proposals() if p.key == "P4"][0]
        self.assertIs(p4.state, ProposalState.OPEN)  # the library's default
        self.assertIs(p4.kind, ProposalKind.PROPOSAL)
        self.assertIsNone(p4.decided)
        self.store.decide("P4", ProposalState.ADOPTED, june, "sg-2023-06")
        self.store.propose("P5", "samenleven-beeldvorming", "Consensus.", ProposalState.ADOPTED, ProposalKind.CONSENSUS,
                           decided=june)
        with self.store.view(june) as v:
            proposals = {p.key: p for p in v.proposals()}
        self.assertIs(proposals["P4"].state, ProposalState.ADOPTED)
        self.assertEqual(proposals["P4"].decided, datetime.date(2023, 6, 12))
        self.assertEqual(proposals["P4"].meeting, "sg-2023-05")  # tabled there; the decision does not move it
        self.assertEqual(self.store.proposal_history("P4")[-1].meeting, "sg-2023-06")
        self.assertIs(proposals["P5"].kind, ProposalKind.CONSENSUS)
        self.assertEqual(len(proposals), 5)

    def test_observe(self):
        day = datetime.date(2023, 6, 1)
        self.store.observe("international_workers_count", "Noord", day, value=12500, source="CBS", note="schatting")
        self.store.observe("short_stay_policy", "GM0983", day, level="adopted")
        with self.store.view(day) as v:
            workers = [o for o in v.observations("international_workers_count") if o.region == "CR37" and o.as_of == day]
            self.assertEqual(len(workers), 1)
            self.assertEqual(workers[0].value, 12500.0)
            self.assertIsNone(workers[0].level)
            self.assertEqual(workers[0].source, "CBS")
            self.assertEqual(workers[0].note, "schatting")
            venlo = [o for o in v.observations("short_stay_policy") if o.region == "GM0983"]
            self.assertIn(("adopted", False, day), [(o.level, o.at_least, o.as_of) for o in venlo])
            rollup = v.rollup("short_stay_policy", "CR37", "adopted")
            self.assertGreaterEqual(rollup.known_at_or_above, 1)

    def test_reopen_keeps_the_data(self):
        self.store.close()
        with actielijst.Store.open(self.path(), must_exist=True, busy_timeout_ms=100) as again:
            with again.view(MARCH_2023) as v:
                self.assertEqual(len(v.statuses()), 26)

    def test_open_accepts_path_like_and_bytes(self):
        import pathlib

        with actielijst.Store.open(pathlib.Path(self.dir) / "p.db") as s:
            self.assertEqual(s.path, os.path.join(self.dir, "p.db"))
        with actielijst.Store.open(os.fsencode(self.path("b.db"))) as s:
            s.import_json(document(themes=[{"key": "t", "label": {"nl": "T"}}]))
            with s.view(MARCH_2023) as v:
                self.assertEqual(v.themes(), [actielijst.Theme("t", "T", None)])
