"""The list as it stood on any date, through Python: a three-meeting list
(tests/fixtures/history, a second province with its own four states) replayed
meeting by meeting, then the meeting cycle: meetings, decisions and a proposal's
history."""

from __future__ import annotations

import ctypes
import datetime
import os
import unittest

import actielijst
from actielijst import Meeting, ProposalEvent, ProposalState, _native

from support import REPO, TempDirCase

HISTORY = os.path.join(REPO, "tests", "fixtures", "history")
MEETING_DATES = [datetime.date(2024, 2, 7), datetime.date(2024, 4, 17), datetime.date(2024, 6, 26)]
D = datetime.date


def meeting_doc(n: int) -> bytes:
    with open(os.path.join(HISTORY, f"meeting-{n}.json"), "rb") as f:
        return f.read()


def by_key(records) -> dict:
    return {r.key: r for r in records}


class HistoryCase(TempDirCase):
    def store_up_to(self, last: int) -> actielijst.Store:
        """A store that received the documents of meetings 1..last, in order."""
        store = self.open_store(f"tot-{last}.db")
        for n in range(1, last + 1):
            store.import_json(meeting_doc(n))
        return store

    def view(self, store: actielijst.Store, day: datetime.date) -> actielijst.View:
        view = store.view(day)
        self.addCleanup(view.close)
        return view


class ReplayTest(HistoryCase):
    def assert_same_picture(self, a: actielijst.View, b: actielijst.View) -> None:
        self.assertEqual(a.as_of, b.as_of)
        self.assertEqual(
            [(x.key, x.due, x.scope, x.see_also) for x in a.actions()],
            [(x.key, x.due, x.scope, x.see_also) for x in b.actions()],
        )
        self.assertEqual(a.actions(), b.actions())  # titles, goals, owners too
        self.assertEqual(a.statuses(), b.statuses())
        self.assertEqual(
            [(p.key, p.state, p.decided, p.meeting) for p in a.proposals()],
            [(p.key, p.state, p.decided, p.meeting) for p in b.proposals()],
        )
        self.assertEqual(a.proposals(), b.proposals())
        self.assertEqual(a.meetings(), b.meetings())
        self.assertEqual(a.observations(), b.observations())
        self.assertEqual(a.states(), b.states())
        self.assertEqual(a.themes(), b.themes())
        self.assertEqual(a.regions(), b.regions())
        self.assertEqual(a.indicators(), b.indicators())

    def test_the_view_at_each_meeting_equals_a_store_that_only_received_the_data_up_to_it(self):
        full = self.store_up_to(3)
        for n in (1, 2, 3):
            partial = self.store_up_to(n)
            # On the meeting's date, and on a day between meetings no document is dated on.
            for day in (MEETING_DATES[n - 1], MEETING_DATES[n - 1] + datetime.timedelta(days=20)):
                with self.subTest(meeting=n, day=day.isoformat()):
                    self.assert_same_picture(self.view(full, day), self.view(partial, day))

    def test_meeting_1(self):
        m1 = self.view(self.store_up_to(3), D(2024, 2, 7))
        self.assertEqual(len(m1.states()), 4)  # the province's own states, no defaults beside them
        self.assertEqual([a.key for a in m1.actions()], ["huisvesting", "registratie", "voorlichting"])
        self.assertEqual(m1.action("huisvesting").due, D(2024, 6, 30))
        self.assertEqual([m.key for m in m1.meetings()], ["sg-1"])
        proposals = by_key(m1.proposals())
        self.assertEqual(sorted(proposals), ["V1", "V2"])  # V3 is tabled at meeting 2
        self.assertNotIn("V3", proposals)
        self.assertEqual(proposals["V1"].state, ProposalState.OPEN)
        self.assertIsNone(proposals["V1"].decided)
        self.assertEqual(proposals["V1"].meeting, "sg-1")

    def test_meeting_2(self):
        m2 = self.view(self.store_up_to(3), D(2024, 4, 17))
        self.assertEqual(
            [a.key for a in m2.actions()], ["huisvesting", "registratie", "voorlichting", "handhaving"]
        )
        self.assertEqual(m2.action("huisvesting").due, D(2024, 9, 30))
        self.assertEqual(m2.action("handhaving").scope, ("CR10",))
        proposals = by_key(m2.proposals())
        v1 = proposals["V1"]
        self.assertEqual(v1.state, ProposalState.ADOPTED)
        self.assertEqual(v1.decided, D(2024, 4, 17))
        self.assertEqual(v1.meeting, "sg-1")  # tabled there; the decision did not move it
        self.assertEqual(proposals["V3"].state, ProposalState.OPEN)
        self.assertEqual(proposals["V3"].meeting, "sg-2")
        self.assertEqual([m.key for m in m2.meetings()], ["sg-1", "sg-2"])

    def test_meeting_3(self):
        m3 = self.view(self.store_up_to(3), D(2024, 6, 26))
        self.assertEqual([a.key for a in m3.actions()], ["huisvesting", "registratie", "handhaving"])
        self.assertNotIn("voorlichting", {s.action for s in m3.statuses()})
        with self.assertRaises(actielijst.NotFoundError):  # off the list: not an action of the view
            m3.action("voorlichting")
        self.assertEqual(m3.action("huisvesting").see_also, ())  # voorlichting is off the list
        proposals = by_key(m3.proposals())
        self.assertEqual(proposals["V2"].state, ProposalState.WITHDRAWN)
        self.assertEqual(proposals["V2"].decided, D(2024, 6, 26))
        self.assertEqual(proposals["V3"].state, ProposalState.REJECTED)
        self.assertEqual(proposals["V3"].meeting, "sg-2")
        self.assertEqual([m.key for m in m3.meetings()], ["sg-1", "sg-2", "sg-3"])

    def test_one_observation_per_region_at_each_meeting_with_the_level_of_then(self):
        store = self.store_up_to(3)
        for day, level in zip(MEETING_DATES, ["geen", "in_voorbereiding", "vastgesteld"]):
            with self.subTest(day=day.isoformat()):
                found = [
                    o for o in self.view(store, day).observations("huisvestingsbeleid") if o.region == "GM0200"
                ]
                self.assertEqual(len(found), 1)  # a superseded level is history
                self.assertEqual(found[0].level, level)
                self.assertEqual(found[0].as_of, day)

    def test_before_the_list_began_only_its_vocabulary(self):
        before = self.view(self.store_up_to(3), D(2024, 1, 1))
        self.assertEqual(before.statuses(), [])
        self.assertEqual(before.proposals(), [])
        self.assertEqual(before.meetings(), [])
        self.assertEqual(before.observations(), [])
        self.assertEqual(len(before.states()), 4)

    def test_proposal_history_from_the_documents(self):
        store = self.store_up_to(3)
        self.assertEqual(
            store.proposal_history("V1"),
            [
                ProposalEvent("V1", ProposalState.OPEN, D(2024, 2, 7), "sg-1", None),
                ProposalEvent(
                    "V1", ProposalState.ADOPTED, D(2024, 4, 17), "sg-2", "Aangenomen; de regio's werken de norm uit."
                ),
            ],
        )
        v3 = store.proposal_history("V3")
        self.assertEqual([(e.state, e.date, e.meeting) for e in v3], [
            (ProposalState.OPEN, D(2024, 4, 17), "sg-2"),
            (ProposalState.REJECTED, D(2024, 6, 26), "sg-3"),
        ])
        self.assertEqual(v3[1].text, "Afgewezen: het landelijke meldpunt volstaat.")
        self.assertIsNone(store.proposal_history("V2")[-1].text)  # withdrawn without words
        # Read from the store: decisions after a view's date are in it, and the
        # records are values that outlive the store.
        store.close()
        self.assertIsInstance(v3[0].state, ProposalState)

    def test_store_meetings_lists_every_meeting_by_date(self):
        store = self.store_up_to(3)
        self.assertEqual(
            store.meetings(),
            [
                Meeting("sg-1", D(2024, 2, 7), "Stuurgroep februari"),
                Meeting("sg-2", D(2024, 4, 17), "Stuurgroep april"),
                Meeting("sg-3", D(2024, 6, 26), "Stuurgroep juni"),
            ],
        )


class MeetingCycleTest(HistoryCase):
    def setUp(self) -> None:
        super().setUp()
        self.store = self.store_up_to(1)

    def test_a_decision_at_a_new_meeting(self):
        store = self.store
        store.add_meeting("sg-2", D(2024, 4, 17), "Stuurgroep april")
        # By meeting only: dated on the meeting's date.
        self.assertTrue(store.decide("V2", ProposalState.ADOPTED, meeting="sg-2", text="Loket komt er."))
        self.assertFalse(store.decide("V2", ProposalState.ADOPTED, meeting="sg-2", text="Loket komt er."))  # identical
        self.assertEqual(
            store.proposal_history("V2"),
            [
                ProposalEvent("V2", ProposalState.OPEN, D(2024, 2, 7), "sg-1", None),
                ProposalEvent("V2", ProposalState.ADOPTED, D(2024, 4, 17), "sg-2", "Loket komt er."),
            ],
        )
        v2 = by_key(self.view(store, D(2024, 4, 17)).proposals())["V2"]
        self.assertEqual((v2.state, v2.decided, v2.meeting), (ProposalState.ADOPTED, D(2024, 4, 17), "sg-1"))
        self.assertEqual(by_key(self.view(store, D(2024, 4, 16)).proposals())["V2"].state, ProposalState.OPEN)

        # By date, later: re-opened, then withdrawn in the older calling styles
        # (meeting positional, the date as `decided`). History keeps all of it.
        self.assertTrue(store.decide("V2", ProposalState.OPEN, D(2024, 5, 2), text="Heropend."))
        self.assertTrue(store.decide("V2", ProposalState.WITHDRAWN, decided=D(2024, 5, 20)))
        store.add_meeting("sg-3", D(2024, 6, 26))
        self.assertTrue(store.decide("V1", ProposalState.REJECTED, D(2024, 6, 26), "sg-3"))
        self.assertEqual(
            store.proposal_history("V2")[2:],
            [
                ProposalEvent("V2", ProposalState.OPEN, D(2024, 5, 2), None, "Heropend."),
                ProposalEvent("V2", ProposalState.WITHDRAWN, D(2024, 5, 20), None, None),
            ],
        )
        reopened = by_key(self.view(store, D(2024, 5, 10)).proposals())["V2"]
        self.assertEqual((reopened.state, reopened.decided), (ProposalState.OPEN, None))
        self.assertEqual(store.proposal_history("V1")[-1].meeting, "sg-3")

        self.assertEqual(
            store.meetings(),
            [
                Meeting("sg-1", D(2024, 2, 7), "Stuurgroep februari"),
                Meeting("sg-2", D(2024, 4, 17), "Stuurgroep april"),
                Meeting("sg-3", D(2024, 6, 26), None),
            ],
        )
        # A view lists only the meetings held by its date; the store all of them.
        self.assertEqual([m.key for m in self.view(store, D(2024, 5, 1)).meetings()], ["sg-1", "sg-2"])

    def test_the_history_iterator_is_lazy_and_outlives_the_store(self):
        it = self.store.iter_proposal_history("V1")
        self.store.close()
        with it:
            first = next(it)
            self.assertEqual((first.proposal, first.state, first.meeting), ("V1", ProposalState.OPEN, "sg-1"))
            self.assertEqual(list(it), [])
        meetings = self.store_up_to(2).iter_meetings()
        self.assertEqual([m.key for m in meetings], ["sg-1", "sg-2"])

    def assert_refused(self, error: type, call, *args, **kwargs) -> actielijst.ActielijstError:
        before = self.store.export_json(include_contacts=True)
        with self.assertRaises(error) as caught:
            call(*args, **kwargs)
        self.assertEqual(self.store.export_json(include_contacts=True), before)  # nothing stored
        return caught.exception

    def test_bad_decisions_are_refused_and_store_nothing(self):
        decide = self.store.decide
        e = self.assert_refused(actielijst.NotFoundError, decide, "V9", ProposalState.ADOPTED, D(2024, 3, 1))
        self.assertIsInstance(e, KeyError)
        self.assertEqual(e.code, -2)
        self.assertIn("V9", e.message)
        e = self.assert_refused(actielijst.InvalidError, decide, "V1", ProposalState.ADOPTED, D(2024, 1, 31))
        self.assertIsInstance(e, ValueError)
        self.assertIn("2024-01-31", e.message)  # before the tabling on 2024-02-07
        self.assert_refused(actielijst.InvalidError, decide, "V1", ProposalState.ADOPTED)  # neither date nor meeting
        self.assert_refused(actielijst.InvalidError, decide, "V1", ProposalState.ADOPTED, text="Zonder datum.")
        self.assert_refused(actielijst.NotFoundError, decide, "V1", ProposalState.ADOPTED, meeting="sg-9")
        self.assert_refused(actielijst.InvalidError, decide, "V1", 7, D(2024, 3, 1))  # no such state
        self.assert_refused(actielijst.InvalidError, decide, "V1", ProposalState.ADOPTED, D(2024, 3, 1), text="a\0b")
        self.assert_refused(
            TypeError, decide, "V1", ProposalState.ADOPTED, D(2024, 3, 1), decided=D(2024, 3, 1)
        )
        self.assert_refused(actielijst.NotFoundError, self.store.proposal_history, "V9")

    def test_a_meeting_key_is_used_once(self):
        self.store.add_meeting("sg-1", D(2024, 2, 7), "Stuurgroep februari (verzet)")  # a new title is fine
        e = self.assert_refused(actielijst.ExistsError, self.store.add_meeting, "sg-1", D(2024, 2, 8))
        self.assertEqual(e.code, -3)
        self.assertIn("sg-1", e.message)
        self.assertEqual(self.store.meetings(), [Meeting("sg-1", D(2024, 2, 7), "Stuurgroep februari (verzet)")])


class NativeTest(unittest.TestCase):
    def test_the_history_handle_is_its_own_type(self):
        self.assertTrue(issubclass(_native.ProposalHistoryIter, ctypes.Structure))
        self.assertIsNot(_native.ProposalHistoryIter, _native.ProposalIter)

    @unittest.skipUnless(ctypes.sizeof(ctypes.c_void_p) == 8, "sizes below are for LP64")
    def test_struct_sizes_follow_the_lp64_c_layout(self):
        self.assertEqual(ctypes.sizeof(_native.DecisionInput), 48)
        self.assertEqual(ctypes.sizeof(_native.ProposalEventRec), 40)


if __name__ == "__main__":
    unittest.main()
