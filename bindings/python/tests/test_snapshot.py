"""Meeting snapshots and diffs through the bindings: save and load in both
archive kinds, bytes, the envelope info, damaged files, and the changes since a
snapshot."""

from __future__ import annotations

import datetime
import os

import actielijst
from support import LIMBURG_JSON, MARCH_2023, TempDirCase, limburg_bytes

JUNE_2023 = datetime.date(2023, 6, 30)


class SnapshotTest(TempDirCase):
    def setUp(self) -> None:
        super().setUp()
        self.store = actielijst.Store.open(self.path())
        self.addCleanup(self.store.close)
        self.store.import_json(limburg_bytes())
        self.view = self.store.view(MARCH_2023)
        self.addCleanup(self.view.close)

    def test_round_trip_both_formats(self) -> None:
        for fmt in actielijst.SnapshotFormat:
            with self.subTest(format=fmt.name):
                path = self.path(f"sg.{fmt.name.lower()}")
                self.view.save_snapshot(path, fmt)
                with actielijst.load_snapshot(path) as loaded:
                    self.assertEqual(loaded.as_of, MARCH_2023)
                    self.assertEqual(loaded.actions(), self.view.actions())
                    self.assertEqual(loaded.statuses(), self.view.statuses())
                    self.assertEqual(loaded.proposals(), self.view.proposals())
                    self.assertEqual(loaded.observations(), self.view.observations())
                    self.assertEqual(loaded.regions(), self.view.regions())
                    self.assertEqual(actielijst.diff(self.view, loaded), [])
                info = actielijst.snapshot_info(path)
                self.assertEqual(info.format, fmt)
                self.assertEqual(info.envelope_version, 1)
                self.assertEqual(info.as_of, MARCH_2023)
                self.assertEqual(info.payload_size + 40, os.path.getsize(path))
                data = self.view.snapshot_bytes(fmt)
                with open(path, "rb") as f:
                    self.assertEqual(f.read(), data)
                with actielijst.load_snapshot_bytes(data) as loaded:
                    self.assertEqual(loaded.statuses(), self.view.statuses())

    def test_damaged_and_foreign_files(self) -> None:
        data = self.view.snapshot_bytes()
        with self.assertRaisesRegex(actielijst.InvalidError, r"^mem: truncated: header says"):
            actielijst.load_snapshot_bytes(data[:-1], "mem")
        flipped = bytearray(data)
        flipped[len(data) // 2] ^= 0x01
        with self.assertRaisesRegex(actielijst.InvalidError, "checksum mismatch"):
            actielijst.load_snapshot_bytes(flipped)
        with self.assertRaisesRegex(actielijst.InvalidError, r"limburg\.json: not an actielijst snapshot \(bad magic\)"):
            actielijst.load_snapshot(LIMBURG_JSON)
        newer = bytearray(data)
        newer[8] = 2  # the envelope version
        with self.assertRaises(actielijst.VersionError):
            actielijst.load_snapshot_bytes(newer)
        with self.assertRaises(actielijst.FileError):
            actielijst.load_snapshot(self.path("missing.snap"))
        with self.assertRaises(actielijst.FileError):
            self.view.save_snapshot(self.path("no/such/dir/x.snap"))
        with self.assertRaises(actielijst.InvalidError):
            self.view.save_snapshot(self.path("x.snap"), 7)
        with self.assertRaises(TypeError):
            actielijst.load_snapshot_bytes("not bytes")  # type: ignore[arg-type]

    def test_diff_since_the_last_meeting(self) -> None:
        path = self.path("meeting.snap")
        self.view.save_snapshot(path)
        self.store.record("wonen-registratie", "Noord", "done", "Overal.", datetime.date(2023, 6, 1))
        self.store.decide("P2", actielijst.ProposalState.ADOPTED, datetime.date(2023, 6, 1))
        with actielijst.load_snapshot(path) as before, self.store.view(JUNE_2023) as after:
            changes = actielijst.diff(before, after)
        self.assertEqual(len(changes), 2)
        status, proposal = changes
        self.assertEqual(status.what, actielijst.ChangeWhat.STATUS)
        self.assertEqual(status.kind, actielijst.ChangeKind.CHANGED)
        self.assertEqual((status.action, status.region), ("wonen-registratie", "CR37"))
        self.assertEqual(status.after_state, "done")
        self.assertEqual(status.after_date, datetime.date(2023, 6, 1))
        self.assertTrue(status.closed)
        self.assertEqual(proposal.what, actielijst.ChangeWhat.PROPOSAL)
        self.assertEqual(proposal.subject, proposal.what)  # the C field's name (actielijst_change_rec.subject)
        self.assertEqual(proposal.key, "P2")
        self.assertEqual((proposal.before_state, proposal.after_state), ("open", "adopted"))
        self.assertIsNone(proposal.before_date)
        self.assertTrue(proposal.decided)
        self.assertIsNone(proposal.region)
