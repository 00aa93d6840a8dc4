"""Shared fixtures of the binding tests (not a test module itself)."""

from __future__ import annotations

import datetime
import os
import shutil
import tempfile
import unittest

import actielijst

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
LIMBURG_JSON = os.path.join(REPO, "examples", "data", "limburg.json")
HEADER = os.path.join(REPO, "include", "actielijst.h")
MARCH_2023 = datetime.date(2023, 3, 1)


def limburg_bytes() -> bytes:
    with open(LIMBURG_JSON, "rb") as f:
        return f.read()


def document(**members) -> str:
    """A small JSON document with the given top-level members."""
    import json

    return json.dumps({"format": "actielijst", "format_version": 1, **members})


class TempDirCase(unittest.TestCase):
    """A test case with a fresh temporary directory, `self.dir`."""

    def setUp(self) -> None:
        self.dir = tempfile.mkdtemp(prefix="actielijst-py-")
        self.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)

    def path(self, name: str = "lijst.db") -> str:
        return os.path.join(self.dir, name)

    def open_store(self, name: str = "lijst.db", **kwargs) -> actielijst.Store:
        store = actielijst.Store.open(self.path(name), **kwargs)
        self.addCleanup(store.close)
        return store

    def limburg_store(self, name: str = "lijst.db") -> actielijst.Store:
        store = self.open_store(name)
        store.import_json(limburg_bytes())
        return store
