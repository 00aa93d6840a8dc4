"""Loading the library and the binding table."""

import ctypes
import os
import re
import tomllib
import unittest

import actielijst
from actielijst import _native

from support import HEADER


class LibraryTest(unittest.TestCase):
    def test_loads_the_library_named_by_the_environment(self):
        wanted = os.environ.get("ACTIELIJST_LIBRARY")
        if not wanted:
            self.skipTest("ACTIELIJST_LIBRARY not set")
        self.assertEqual(actielijst.library_path, wanted)

    def test_every_function_of_the_table_is_exported(self):
        self.assertEqual(_native.lib.missing, [])

    def test_every_declared_function_is_in_the_table(self):
        with open(HEADER, encoding="utf-8") as f:
            declared = set(re.findall(r"ACTIELIJST_API\s+[^;(]*?\b(actielijst_\w+)\s*\(", f.read()))
        bound = {name for name, *_ in _native.SIGNATURES}
        self.assertEqual(declared - bound, set())
        self.assertEqual(bound - declared, set())

    def test_version_matches_the_header(self):
        with open(HEADER, encoding="utf-8") as f:
            header = f.read()
        parts = [int(re.search(rf"#define ACTIELIJST_VERSION_{p} (\d+)", header).group(1)) for p in ("MAJOR", "MINOR", "PATCH")]
        self.assertEqual(actielijst.version(), "%d.%d.%d" % tuple(parts))
        self.assertEqual(actielijst.version_number(), parts[0] * 10000 + parts[1] * 100 + parts[2])
        # The bindings load only a library of the major version they were written for,
        # and their package says the same version.
        self.assertEqual(_native.ABI_MAJOR, parts[0])
        with open(os.path.join(os.path.dirname(HEADER), "..", "bindings", "python", "pyproject.toml"), "rb") as f:
            project = tomllib.load(f)["project"]
        self.assertEqual(project["version"], "%d.%d.%d" % tuple(parts))
        self.assertEqual(actielijst.__version__, project["version"])

    def test_the_test_hook_is_not_in_the_library_or_the_package(self):
        # actielijst_debug_raise lives in the test library actielijst_testhooks
        # (see test_errors.DebugRaiseTest), never in libactielijst.
        self.assertFalse(hasattr(_native.lib.cdll, "actielijst_debug_raise"))
        self.assertNotIn("actielijst_debug_raise", {name for name, *_ in _native.SIGNATURES})
        self.assertFalse(hasattr(actielijst, "debug_raise"))
        self.assertNotIn("debug_raise", actielijst.__all__)

    def test_error_names(self):
        self.assertEqual(actielijst.error_name(-1), "EINVALID")
        self.assertEqual(actielijst.error_name(-2), "ENOTFOUND")
        self.assertEqual(actielijst.error_name(-10), "ITEROVER")
        self.assertIsInstance(actielijst.error_name(-999), str)

    def test_each_handle_is_its_own_structure_type(self):
        handles = [
            _native.Store, _native.View, _native.ThemeIter, _native.RegionIter, _native.StateIter,
            _native.MeetingIter, _native.ActionIter, _native.StatusIter, _native.ProposalIter,
            _native.IndicatorIter, _native.ObservationIter, _native.ContactIter,
        ]
        self.assertEqual(len(set(handles)), len(handles))
        for h in handles:
            self.assertTrue(issubclass(h, ctypes.Structure))
        # A view pointer is not accepted where a store pointer is expected.
        with self.assertRaises(ctypes.ArgumentError):
            _native.lib.actielijst_store_free(ctypes.POINTER(_native.View)())

    @unittest.skipUnless(ctypes.sizeof(ctypes.c_void_p) == 8, "sizes below are for LP64")
    def test_struct_sizes_follow_the_lp64_c_layout(self):
        expected = {
            _native.Buf: 16, _native.StoreOptions: 16, _native.ThemeRec: 24, _native.RegionRec: 48,
            _native.StateRec: 32, _native.MeetingRec: 24, _native.OwnerRec: 16, _native.ActionRec: 88,
            _native.StatusRec: 64, _native.ProposalRec: 48, _native.LevelRec: 24, _native.IndicatorRec: 72,
            _native.ObservationRec: 88, _native.ContactRec: 32, _native.RollupRec: 48,
            _native.UpdateInput: 64, _native.ProposalInput: 56, _native.ObservationInput: 96,
            _native.MeetingInput: 32, _native.ContactInput: 40, _native.ExportOptions: 8,
        }
        for struct, size in expected.items():
            self.assertEqual(ctypes.sizeof(struct), size, struct.__name__)

if __name__ == "__main__":
    unittest.main()
