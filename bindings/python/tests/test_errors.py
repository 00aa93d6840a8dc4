"""Every error class, from the Python side."""

import ctypes
import datetime
import errno
import os
import pickle
import sqlite3
import unittest

import actielijst
from actielijst import _native, errors
from actielijst import (
    ActielijstError,
    ConflictError,
    ExistsError,
    FileError,
    InternalError,
    InvalidError,
    NotFoundError,
    OutOfMemoryError,
    StorageError,
    VersionError,
)

from support import MARCH_2023, TempDirCase, document, limburg_bytes

DAY = datetime.date(2023, 6, 1)

#: The environment variable naming the test library actielijst_testhooks (never
#: installed): the C API plus actielijst_debug_raise. ctest sets it
#: (bindings/python/CMakeLists.txt).
TESTHOOKS_ENV = "ACTIELIJST_TESTHOOKS_LIBRARY"


def load_testhooks() -> ctypes.CDLL:
    """The test library, with the functions the firewall tests call declared."""
    hooks = ctypes.CDLL(os.environ[TESTHOOKS_ENV])
    for name, restype, argtypes in (
        ("actielijst_debug_raise", ctypes.c_int, [ctypes.c_int32]),
        ("actielijst_error_message", ctypes.c_char_p, []),
        ("actielijst_error_where", ctypes.c_char_p, []),
        ("actielijst_error_errno", ctypes.c_int, []),
        ("actielijst_error_position", _native.TextPosition, []),
        ("actielijst_error_name", ctypes.c_char_p, [ctypes.c_int]),
        ("actielijst_version_string", ctypes.c_char_p, []),
    ):
        func = getattr(hooks, name)
        func.restype, func.argtypes = restype, argtypes
    return hooks


class HierarchyTest(TempDirCase):
    def test_classes_subclass_the_fitting_builtin(self):
        for cls in (InvalidError, NotFoundError, ExistsError, ConflictError, OutOfMemoryError, FileError,
                    StorageError, VersionError, InternalError):
            self.assertTrue(issubclass(cls, ActielijstError), cls)
            self.assertTrue(issubclass(cls, Exception), cls)
        self.assertTrue(issubclass(InvalidError, ValueError))
        self.assertTrue(issubclass(NotFoundError, KeyError))
        self.assertTrue(issubclass(OutOfMemoryError, MemoryError))
        self.assertTrue(issubclass(FileError, OSError))

    def test_each_code_maps_to_its_class(self):
        expected = {
            -1: InvalidError, -2: NotFoundError, -3: ExistsError, -4: ConflictError, -5: OutOfMemoryError,
            -6: FileError, -7: StorageError, -9: VersionError, -11: InternalError,
        }
        for code, cls in expected.items():
            self.assertIs(errors.error_class(code), cls)
            self.assertEqual(cls.default_code, code)
        self.assertIs(errors.error_class(-99), ActielijstError)  # a code from a newer library
        names = {-1: "EINVALID", -2: "ENOTFOUND", -3: "EEXISTS", -4: "ECONFLICT", -5: "ENOMEM", -6: "EIO",
                 -7: "ESTORAGE", -9: "EVERSION", -11: "EINTERNAL"}
        for code, name in names.items():
            self.assertEqual(actielijst.error_name(code), name)

    def test_the_unused_code_8_has_no_class(self):
        # ACTIELIJST_ESNAPSHOT (-8), never returned, was removed at 1.0, and with it
        # SnapshotError: a bad snapshot is an InvalidError, an unreadable one a FileError.
        self.assertEqual(actielijst.error_name(-8), "unknown")
        self.assertIs(errors.error_class(-8), ActielijstError)
        self.assertFalse(hasattr(errors, "ESNAPSHOT"))
        self.assertFalse(hasattr(actielijst, "SnapshotError"))

    def test_an_error_carries_code_and_message_and_pickles(self):
        err = NotFoundError("action: unknown action \"x\"", -2)
        self.assertEqual(str(err), 'action: unknown action "x"')  # not KeyError's repr
        again = pickle.loads(pickle.dumps(err))
        self.assertIs(type(again), NotFoundError)
        self.assertEqual((again.code, again.message), (err.code, err.message))
        self.assertIsNone(again.line)
        self.assertIsNone(again.column)

    def test_line_and_column_survive_pickling(self):
        made = errors.make_error(-1, "rules:3:28: syntax error", None, 0, 3, 28)
        self.assertIs(type(made), InvalidError)
        self.assertEqual((made.line, made.column), (3, 28))
        for err in (made, errors.make_error(-2, "m", "state", 0, 4, 18),
                    errors.make_error(-6, "m", "x.rules", errno.ENOENT, 1, 2)):
            again = pickle.loads(pickle.dumps(err))
            self.assertIs(type(again), type(err))
            self.assertEqual((again.message, again.code, again.where, again.line, again.column),
                             (err.message, err.code, err.where, err.line, err.column))
        self.assertEqual(pickle.loads(pickle.dumps(made)).line, 3)
        unplaced = errors.make_error(-1, "m")
        self.assertEqual((unplaced.line, unplaced.column), (None, None))

    def test_a_load_failure_pickles_with_its_place(self):
        with self.assertRaises(InvalidError) as ctx:
            actielijst.Filter("theme = )")
        self.assertEqual((ctx.exception.line, ctx.exception.column), (1, 9))
        again = pickle.loads(pickle.dumps(ctx.exception))
        self.assertEqual((again.line, again.column, again.message), (1, 9, ctx.exception.message))


@unittest.skipUnless(
    os.environ.get(TESTHOOKS_ENV),
    f"{TESTHOOKS_ENV} is not set: these tests need the test library actielijst_testhooks "
    "(build/<preset>/capi/libactielijst_testhooks.so; ctest sets the variable)",
)
class DebugRaiseTest(TempDirCase):
    """actielijst_debug_raise: every kind of exception becomes its documented code.

    The hook is not in libactielijst: it is called in the test library
    actielijst_testhooks (the same sources), whose own error state is read, and
    the exception is made by the package's error factory, as for any failed call."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hooks = load_testhooks()

    def debug_raise(self, what):
        """Calls the hook and, for a failure, raises what _native raises for any
        failed call (the message as the library gave it: no fallback)."""
        code = self.hooks.actielijst_debug_raise(what)
        if code < 0:
            message = self.hooks.actielijst_error_message().decode("utf-8", errors="replace")
            where = self.hooks.actielijst_error_where().decode("utf-8", errors="replace") or None
            position = self.hooks.actielijst_error_position()
            raise errors.make_error(code, message, where, self.hooks.actielijst_error_errno(),
                                    position.line or None, position.column or None)

    def test_the_hooks_are_built_from_the_same_version(self):
        self.assertEqual(self.hooks.actielijst_version_string().decode(), actielijst.version())

    def check(self, what, cls, code, builtin=None):
        with self.assertRaises(cls) as ctx:
            self.debug_raise(what)
        self.assertIs(type(ctx.exception), cls)
        self.assertEqual(ctx.exception.code, code)
        self.assertTrue(ctx.exception.message)
        if builtin is not None:
            self.assertIsInstance(ctx.exception, builtin)

    def test_actielijst_error(self):
        self.check(1, InvalidError, -1, ValueError)

    def test_bad_alloc(self):
        self.check(2, OutOfMemoryError, -5, MemoryError)

    def test_runtime_error(self):
        self.check(3, InternalError, -11)

    def test_non_standard_exception(self):
        self.check(4, InternalError, -11)

    def test_sqlite_error(self):
        self.check(5, StorageError, -7)

    def test_other_values(self):
        for what in (0, 6, -1, 2**31 - 1):
            self.check(what, InvalidError, -1)

    def test_the_library_keeps_working_after(self):
        for what in range(1, 6):
            with self.assertRaises(ActielijstError):
                self.debug_raise(what)
        self.assertEqual(self.hooks.actielijst_error_name(-1), b"EINVALID")
        store = self.limburg_store()
        with store.view(MARCH_2023) as v:
            self.assertEqual(len(v.statuses()), 26)


class ErrorPathTest(TempDirCase):
    def setUp(self):
        super().setUp()
        self.store = self.limburg_store()

    def assertUnchanged(self, before):
        self.assertEqual(self.store.export_json(include_contacts=True), before)

    # EINVALID
    def test_malformed_json_names_the_place(self):
        with self.assertRaises(InvalidError) as ctx:
            self.store.import_json('{"format": "actielijst", "format_version": 1, "themes": [')
        self.assertEqual(ctx.exception.code, -1)
        self.assertIsInstance(ctx.exception, ValueError)

    def test_integers_that_do_not_fit_the_c_types_are_refused_not_wrapped(self):
        before = self.store.export_json(include_contacts=True)
        with self.assertRaises(InvalidError):
            self.store.propose("PX", "wonen-regionaal-beleid", "x", state=2**32, kind=2**32 + 1)
        with self.assertRaises(InvalidError):
            self.store.decide("P2", 2**32 + 1, DAY)
        with self.assertRaises(InvalidError):
            self.store.observe("short_stay_policy", "CR37", DAY, level="adopted", count=2**64 + 3)
        self.assertUnchanged(before)

    def test_unknown_reference_names_the_place(self):
        doc = document(updates=[{"action": "wonen-regionaal-beleid", "scope": "CR37", "state": "klaar",
                                 "text": "x", "as_of": "2023-06-01"}])
        with self.assertRaises(InvalidError) as ctx:
            self.store.import_json(doc)
        self.assertIn("updates[0].state", ctx.exception.message)
        self.assertIn("klaar", str(ctx.exception))
        self.assertEqual(ctx.exception.where, "updates[0].state")  # the place on its own

    def test_the_place_of_a_single_write_and_of_an_argument(self):
        with self.assertRaises(InvalidError) as ctx:
            self.store.record("wonen-regionaal-beleid", "CR37", "klaar", "x", DAY)
        self.assertEqual(ctx.exception.where, "in->state")
        with self.assertRaises(InvalidError) as ctx:
            self.store.record("wonen-regionaal-beleid", "CR37", "done", "x", "2023-13-45")
        self.assertEqual(ctx.exception.where, "in->as_of")
        with self.assertRaises(NotFoundError) as ctx:
            self.store.decide("P2", actielijst.ProposalState.ADOPTED, meeting="geen-vergadering")
        self.assertEqual(ctx.exception.where, "in->meeting")
        self.assertIsNone(NotFoundError("x").where)

    def test_bad_arguments(self):
        with self.assertRaises(InvalidError):
            self.store.record("wonen-regionaal-beleid", "CR37", "done", "x", "2023-13-45")
        with self.assertRaises(InvalidError):
            self.store.view("gisteren")
        with self.assertRaises(InvalidError):
            self.store.add_contact("CR37", "Rol", "Naam")  # not a municipality
        with self.assertRaises(InvalidError):
            self.store.add_contact("GM0983", "Rol", "Naam", "geen-e-mail")
        with self.assertRaises(InvalidError):
            self.store.propose("P9", "wonen-regionaal-beleid", "x", decided=DAY)  # open with a decision date
        with self.assertRaises(InvalidError):
            self.store.observe("short_stay_policy", "CR37", DAY)  # ordinal without level
        with self.assertRaises(InvalidError):
            self.store.observe("short_stay_policy", "CR37", DAY, level="heel-goed")
        with self.assertRaises(InvalidError):
            self.store.add_meeting("m1", "1 juni")
        with self.assertRaises(InvalidError):
            self.store.decide("P2", 42, DAY)
        with self.assertRaises(InvalidError):
            actielijst.Store.open(self.path("neg.db"), busy_timeout_ms=-1)
        with self.store.view(MARCH_2023) as v:
            with self.assertRaises(InvalidError):
                v.rollup("international_workers_count", "CR37", "adopted")  # not ordinal

    def test_only_a_failure_in_a_text_has_line_and_column(self):
        with self.assertRaises(InvalidError) as ctx:
            actielijst.Filter("theme = )")
        self.assertEqual((ctx.exception.line, ctx.exception.column), (1, 9))
        with self.assertRaises(InvalidError) as ctx:  # the next failure has no place in a text
            self.store.view("gisteren")
        self.assertEqual((ctx.exception.line, ctx.exception.column), (None, None))
        with self.assertRaises(InvalidError) as ctx:
            actielijst.Rules.load("rule x\n  severity urgent\n")
        self.assertIsNotNone(ctx.exception.line)
        actielijst.Filter("all_closed").close()  # a success in between
        with self.assertRaises(NotFoundError) as ctx:
            self.store.history("geen-actie")
        self.assertIsNone(ctx.exception.line)

    def test_ambiguous_region_name(self):
        self.store.import_json(document(regions=[
            {"code": "GMX1", "name": "Dubbel", "kind": "municipality", "parent": "CR37"},
            {"code": "GMX2", "name": "Dubbel", "kind": "municipality", "parent": "CR38"},
        ]))
        with self.assertRaises(InvalidError):
            self.store.resolve_region("Dubbel")

    def test_invalid_utf8_as_bytes(self):
        bad = b"\xc3\x28"
        with self.assertRaises(InvalidError) as ctx:
            self.store.import_json(b'{"format": "actielijst", "format_version": 1, "meta": {"title": "' + bad + b'"}}')
        self.assertTrue(ctx.exception.message)
        with self.assertRaises(InvalidError):
            self.store.resolve_region(b"Noord" + bad)
        with self.assertRaises(InvalidError):
            self.store.record("wonen-regionaal-beleid", "CR37", "done", b"tekst " + bad, DAY)
        with self.assertRaises(InvalidError):
            self.store.add_meeting(b"m" + bad, DAY)
        with self.assertRaises(InvalidError):
            self.store.history(b"\xff")
        with self.store.view(MARCH_2023) as v:
            with self.assertRaises(InvalidError):
                v.action(b"\xff\xfe")
            with self.assertRaises(InvalidError):
                v.status("wonen-regionaal-beleid", b"\x80")
            with self.assertRaises(InvalidError):
                v.rollup("short_stay_policy", b"CR37\xff", "adopted")
        with self.assertRaises(InvalidError):
            actielijst.Store.open(os.fsencode(self.dir) + b"/\xff.db")
        self.assertFalse(os.path.exists(os.fsencode(self.dir) + b"/\xff.db"))

    def test_nul_and_unencodable_text_is_refused_before_the_call(self):
        with self.assertRaises(InvalidError):
            self.store.resolve_region("Noord\0Limburg")
        with self.assertRaises(InvalidError):
            self.store.record("wonen-regionaal-beleid", "CR37", "done", "a\ud800b", DAY)
        with self.assertRaises(InvalidError):
            actielijst.Store.open(self.path("a\0b.db"))
        with self.assertRaises(TypeError):
            self.store.resolve_region(37)

    def test_store_options_init_rejects_an_unknown_version(self):
        opts = _native.StoreOptions()
        with self.assertRaises(VersionError):
            _native.lib.actielijst_store_options_init(ctypes.byref(opts), 999)
        with self.assertRaises(InvalidError):
            _native.lib.actielijst_store_options_init(None, 1)
        _native.lib.actielijst_store_options_init(ctypes.byref(opts), 1)
        self.assertEqual(opts.version, 1)
        self.assertGreater(opts.busy_timeout_ms, 0)
        self.assertEqual(opts.must_exist, 0)

    # ENOTFOUND
    def test_not_found_is_a_key_error(self):
        with self.store.view(MARCH_2023) as v:
            with self.assertRaises(KeyError) as ctx:
                v.action("geen-actie")
            self.assertIsInstance(ctx.exception, NotFoundError)
            self.assertEqual(ctx.exception.code, -2)
            self.assertIn("geen-actie", str(ctx.exception))
            with self.assertRaises(NotFoundError):
                v.region("GM9999")
            with self.assertRaises(NotFoundError):
                v.status("wonen-regionaal-beleid", "GM0983")  # no status for that scope
            with self.assertRaises(NotFoundError):
                v.rollup("short_stay_policy", "CR37", "heel-goed")
            with self.assertRaises(NotFoundError):
                v.rollup("geen-indicator", "CR37", "adopted")
            with self.assertRaises(NotFoundError):
                v.actions("geen-thema")
            with self.assertRaises(NotFoundError):
                v.statuses("geen-actie")
            with self.assertRaises(NotFoundError):
                v.observations("geen-indicator")
        with self.assertRaises(NotFoundError):
            self.store.resolve_region("Atlantis")
        with self.assertRaises(NotFoundError):
            self.store.history("geen-actie")
        with self.assertRaises(NotFoundError):
            self.store.history("wonen-regionaal-beleid", "Atlantis")
        with self.assertRaises(NotFoundError):
            self.store.decide("P99", actielijst.ProposalState.ADOPTED, DAY)
        with self.assertRaises(NotFoundError):
            self.store.decide("P2", actielijst.ProposalState.ADOPTED, DAY, "geen-vergadering")

    # ECONFLICT
    def test_conflict_with_stored_data(self):
        before = self.store.export_json(include_contacts=True)
        with self.assertRaises(ConflictError) as ctx:
            self.store.import_json(document(regions=[{"code": "CR37", "name": "Noord-Limburg", "kind": "municipality",
                                                      "parent": "CR38"}]))
        self.assertEqual(ctx.exception.code, -4)
        self.assertIn("regions[0]", ctx.exception.message)
        self.assertUnchanged(before)

    # EIO
    def test_file_errors_are_os_errors(self):
        with self.assertRaises(FileError) as ctx:
            actielijst.Store.open(os.path.join(self.dir, "missing-dir", "x.db"))
        self.assertIsInstance(ctx.exception, OSError)
        self.assertEqual(ctx.exception.code, -6)
        self.assertEqual(ctx.exception.errno, errno.ENOENT)
        with self.assertRaises(IsADirectoryError) as ctx:
            actielijst.Store.open(self.dir)  # a directory
        self.assertIsInstance(ctx.exception, FileError)
        with self.assertRaises(FileNotFoundError) as ctx:
            actielijst.Store.open(self.path("nieuw.db"), must_exist=True)
        self.assertIsInstance(ctx.exception, FileError)
        self.assertEqual((ctx.exception.errno, ctx.exception.code), (errno.ENOENT, -6))
        self.assertEqual(ctx.exception.strerror, ctx.exception.message)
        self.assertFalse(os.path.exists(self.path("nieuw.db")))

    def test_a_missing_file_is_file_not_found_with_its_name(self):
        missing = self.path("weg.rules")
        with self.assertRaises(FileNotFoundError) as ctx:
            actielijst.Rules.load_file(missing)
        self.assertIsInstance(ctx.exception, FileError)
        self.assertEqual(ctx.exception.errno, errno.ENOENT)
        self.assertEqual(ctx.exception.filename, missing)
        self.assertEqual(ctx.exception.where, missing)
        again = pickle.loads(pickle.dumps(ctx.exception))
        self.assertIs(type(again), type(ctx.exception))
        self.assertEqual((again.errno, again.filename, again.code), (errno.ENOENT, missing, -6))

    # ESTORAGE
    def test_not_an_actielijst_database(self):
        with open(self.path("tekst.db"), "w") as f:
            f.write("Dit is geen database, maar een tekstbestand dat lang genoeg is. " * 20)
        with self.assertRaises(StorageError) as ctx:
            actielijst.Store.open(self.path("tekst.db"))
        self.assertEqual(ctx.exception.code, -7)
        con = sqlite3.connect(self.path("ander.db"))
        con.execute("CREATE TABLE t(x)")
        con.commit()
        con.close()
        with self.assertRaises(StorageError):
            actielijst.Store.open(self.path("ander.db"))

    # EVERSION
    def test_newer_versions(self):
        doc = '{"format": "actielijst", "format_version": 2}'
        with self.assertRaises(VersionError) as ctx:
            self.store.import_json(doc)
        self.assertEqual(ctx.exception.code, -9)
        self.store.close()
        con = sqlite3.connect(self.path())
        con.execute("PRAGMA user_version = 9999")
        con.commit()
        con.close()
        with self.assertRaises(VersionError):
            actielijst.Store.open(self.path())

    # Using a closed handle
    def test_closed_handles(self):
        view = self.store.view(MARCH_2023)
        view.close()
        with self.assertRaises(InvalidError):
            view.statuses()
        self.store.close()
        for call in (lambda: self.store.export_json(), lambda: self.store.view(MARCH_2023),
                     lambda: self.store.history("wonen-regionaal-beleid"), lambda: self.store.import_json("{}")):
            with self.assertRaises(InvalidError):
                call()


class UnchangedAfterFailureTest(TempDirCase):
    """Each write is one transaction: after a failure nothing of it is stored."""

    def setUp(self):
        super().setUp()
        self.store = self.limburg_store()
        self.store.add_contact("GM0983", "Rol", "Naam", "naam@venlo.nl")
        self.before = self.store.export_json(include_contacts=True)

    def tearDown(self):
        self.assertEqual(self.store.export_json(include_contacts=True), self.before)
        with self.store.view(DAY) as v:
            self.assertEqual(len(v.statuses()), 26)

    def test_import_failing_late_in_the_document(self):
        doc = document(
            themes=[{"key": "nieuw", "label": {"nl": "Nieuw"}}],
            updates=[
                {"action": "wonen-regionaal-beleid", "scope": "CR38", "state": "done", "text": "Goed.", "as_of": "2023-06-01"},
                {"action": "wonen-regionaal-beleid", "scope": "CR38", "state": "klaar", "text": "Fout.", "as_of": "2023-06-02"},
            ],
        )
        with self.assertRaises(InvalidError):
            self.store.import_json(doc)

    def test_import_with_a_nul_byte_inside_the_document(self):
        # import_json takes `len` bytes: what follows a NUL byte is part of the
        # document and must not be silently dropped.
        doc = document(themes=[{"key": "nieuw", "label": {"nl": "Nieuw"}}]).encode("utf-8")
        with self.assertRaises(InvalidError):
            self.store.import_json(doc + b"\0" + b"{\"rest\": true}")

    def test_import_of_invalid_utf8(self):
        with self.assertRaises(InvalidError):
            self.store.import_json(limburg_bytes().replace(b"Noord-Limburg", b"Noord-\xffLimburg", 1))

    def test_record(self):
        with self.assertRaises(InvalidError):
            self.store.record("wonen-regionaal-beleid", "CR38", "klaar", "x", DAY)
        with self.assertRaises(InvalidError):
            self.store.record("wonen-regionaal-beleid", "CR38", "done", "x", DAY, meeting="geen-vergadering")

    def test_propose_decide_observe(self):
        with self.assertRaises(InvalidError):
            self.store.propose("P9", "geen-actie", "x")
        with self.assertRaises(NotFoundError):
            self.store.decide("P99", actielijst.ProposalState.REJECTED, DAY)
        with self.assertRaises(InvalidError):
            self.store.observe("short_stay_policy", "Atlantis", DAY, level="adopted")

    def test_contact_and_meeting(self):
        with self.assertRaises(InvalidError):
            self.store.add_contact("GM0983", "Rol", "Naam", "geen e-mail")
        with self.assertRaises(InvalidError):
            self.store.add_meeting("m", "2023-02-30")
