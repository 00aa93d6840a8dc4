"""Opening a store read-only, and the errors a caller acts on: BusyError when
another connection holds the lock, ReadOnlyError for a read-only store, and
'not an actielijst store' for an empty file."""

from __future__ import annotations

import datetime
import errno
import os
import sqlite3
import time
import unittest

import actielijst
from actielijst import BusyError, ReadOnlyError, StorageError

from support import MARCH_2023, TempDirCase, limburg_bytes


class ReadOnlyTest(TempDirCase):
    def setUp(self) -> None:
        super().setUp()
        with actielijst.Store.open(self.path()) as store:
            store.import_json(limburg_bytes())

    def test_reads_work_and_writes_raise_read_only_error(self):
        with open(self.path(), "rb") as f:
            before = f.read()
        with actielijst.Store.open(self.path(), read_only=True) as store:
            view = store.view(MARCH_2023)
            self.assertGreater(len(list(view.actions())), 10)
            self.assertIn("wonen-registratie", store.export_json())
            with self.assertRaises(ReadOnlyError) as ctx:
                store.record("wonen-registratie", "CR39", "done", "Klaar.", datetime.date(2023, 6, 1))
            self.assertIn(f'store "{self.path()}" is opened read-only; nothing was written', str(ctx.exception))
            # A StorageError as before, and a PermissionError for code written against OSError.
            self.assertIsInstance(ctx.exception, StorageError)
            self.assertIsInstance(ctx.exception, PermissionError)
            self.assertEqual(ctx.exception.errno, errno.EROFS)
            self.assertEqual(ctx.exception.code, actielijst.errors.EREADONLY)
        with open(self.path(), "rb") as f:
            self.assertEqual(f.read(), before)
        self.assertEqual(sorted(os.listdir(self.dir)), ["lijst.db"])

    def test_read_only_never_creates(self):
        with self.assertRaises(actielijst.FileError):
            actielijst.Store.open(self.path("nieuw.db"), read_only=True)
        self.assertFalse(os.path.exists(self.path("nieuw.db")))

    def test_an_empty_file_is_not_a_store(self):
        open(self.path("leeg.db"), "wb").close()
        for kwargs in ({"read_only": True}, {"must_exist": True}):
            with self.assertRaisesRegex(StorageError, r"not an actielijst store \(the file is empty\)"):
                actielijst.Store.open(self.path("leeg.db"), **kwargs)
            self.assertEqual(os.path.getsize(self.path("leeg.db")), 0)


class BusyTest(TempDirCase):
    def test_a_held_lock_raises_busy_error_after_the_timeout_and_writes_nothing(self):
        with actielijst.Store.open(self.path()) as setup:
            setup.import_json(limburg_bytes())
        holder = sqlite3.connect(self.path(), isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            with actielijst.Store.open(self.path(), busy_timeout_ms=150) as store:
                before = len(store.history("wonen-registratie"))
                started = time.monotonic()
                with self.assertRaises(BusyError) as ctx:
                    store.record("wonen-registratie", "CR39", "done", "Klaar.", datetime.date(2023, 6, 1))
                self.assertGreaterEqual(time.monotonic() - started, 0.15)
                message = str(ctx.exception)
                self.assertIn(f'store "{self.path()}" is locked by another connection', message)
                self.assertIn("the busy timeout is 150 ms", message)
                self.assertIn("retrying is safe", message)
                self.assertIsInstance(ctx.exception, StorageError)  # what these were before EBUSY
                holder.execute("ROLLBACK")
                self.assertEqual(len(store.history("wonen-registratie")), before)
                store.record("wonen-registratie", "CR39", "done", "Klaar.", datetime.date(2023, 6, 1))
                self.assertEqual(len(store.history("wonen-registratie")), before + 1)
        finally:
            holder.close()


if __name__ == "__main__":
    unittest.main()
