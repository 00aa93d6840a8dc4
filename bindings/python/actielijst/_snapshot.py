"""Meeting snapshots (load_snapshot, snapshot_info) and diffs between views."""

from __future__ import annotations

import os
from ctypes import POINTER, byref

from . import _native as n
from ._convert import _bytes, _day, _enum, _opt, _opt_day, _path, _str, lib
from ._handles import _iterator
from ._view import View
from .records import (
    Change,
    ChangeKind,
    ChangeWhat,
    SnapshotFormat,
    SnapshotInfo,
)

# ---- Meeting snapshots and diffs -----------------------------------------------------------


def load_snapshot(path: str | bytes | os.PathLike) -> View:
    """Loads a snapshot file as a View. InvalidError for a file that is not a
    snapshot, truncated, corrupt or too large; VersionError when a newer
    actielijst wrote it; FileError when it cannot be read."""
    handle = POINTER(n.View)()
    lib.actielijst_snapshot_load(_path(path), byref(handle))
    return View(handle)


def load_snapshot_bytes(data: bytes | bytearray | memoryview, origin: str | None = None) -> View:
    """Loads a snapshot from bytes; `origin` names it in error messages."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"data: expected bytes, not {type(data).__name__}")
    raw = bytes(data)
    handle = POINTER(n.View)()
    lib.actielijst_snapshot_load_bytes(raw, len(raw), _bytes(origin, "origin"), byref(handle))
    return View(handle)


def snapshot_info(path: str | bytes | os.PathLike) -> SnapshotInfo:
    """Reads and checks a snapshot's envelope without loading it."""
    rec = n.SnapshotInfo()
    lib.actielijst_snapshot_info_read(_path(path), byref(rec))
    return SnapshotInfo(
        _enum(SnapshotFormat, rec.format), int(rec.envelope_version), int(rec.payload_size), _day(rec.as_of)
    )


def _change(r: n.ChangeRec) -> Change:
    return Change(
        _enum(ChangeWhat, r.subject),
        _enum(ChangeKind, r.kind),
        _str(r.key),
        _opt(r.action),
        _opt(r.region),
        _opt(r.level),
        _opt(r.before_state),
        _opt(r.after_state),
        _opt_day(r.before_date),
        _opt_day(r.after_date),
        _opt(r.before_text),
        _opt(r.after_text),
        bool(r.closed),
        bool(r.decided),
    )


def diff(before: View, after: View) -> list[Change]:
    """What changed from `before` to `after` (two snapshots, or a snapshot and
    the store at a date): actions, then statuses, proposals and observations,
    each in the library's fixed order."""
    if not isinstance(before, View) or not isinstance(after, View):
        raise TypeError("before, after: expected two View objects")
    handle = POINTER(n.Diff)()
    lib.actielijst_diff_new(before._h(), after._h(), byref(handle))
    try:
        return list(_iterator("change", n.ChangeIter, n.ChangeRec, _change, lib.actielijst_change_iter_new, handle))
    finally:
        lib.actielijst_diff_free(handle)
