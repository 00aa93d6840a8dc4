"""Store, View and iterators over the C handles."""

from __future__ import annotations

import codecs
import ctypes
import datetime
import enum
import errno
import io
import os
import weakref
from ctypes import POINTER, byref
from typing import Callable, Iterable, Iterator, TypeVar

from . import _native as n
from . import errors
from .records import (
    Action,
    ActionStatus,
    Change,
    ChangeKind,
    ChangeWhat,
    Category,
    Contact,
    Finding,
    FormFormat,
    FormReturn,
    Indicator,
    IndicatorKind,
    Level,
    Meeting,
    Observation,
    Owner,
    OwnerRole,
    Proposal,
    ProposalEvent,
    ProposalKind,
    ProposalState,
    Rag,
    Reason,
    Region,
    RegionKind,
    ReportFormat,
    Rollup,
    RuleInfo,
    RuleTarget,
    Severity,
    SnapshotFormat,
    SnapshotInfo,
    State,
    Status,
    Theme,
)

lib = n.lib
T = TypeVar("T")
E = TypeVar("E", bound=enum.IntEnum)

# ---- Values in ------------------------------------------------------------------------


def _bytes(value: str | bytes | None, what: str) -> bytes | None:
    """A text argument as the NUL-terminated UTF-8 the library takes. bytes pass
    unchanged (so the library itself judges their UTF-8); None stays NULL."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise errors.InvalidError(f"{what}: not encodable as UTF-8: {exc.reason}") from exc
    elif isinstance(value, (bytearray, memoryview)):
        value = bytes(value)
    elif not isinstance(value, bytes):
        raise TypeError(f"{what}: expected str or bytes, not {type(value).__name__}")
    if b"\0" in value:
        # A C string would silently end there.
        raise errors.InvalidError(f"{what}: contains a NUL character")
    return value


def _date(value: datetime.date | str | bytes | None, what: str) -> bytes | None:
    """A date argument as "YYYY-MM-DD". A str/bytes passes to the library as is."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat().encode("ascii")
    return _bytes(value, what)


def _optional_date(value: datetime.date | str | bytes | None, what: str) -> bytes | None:
    """A date argument that may be left out: None passes NULL (the library's default)."""
    return None if value is None else _date(value, what)


def _sequence(values, what: str) -> list:
    """`values` (any iterable but a text) as a list of at most 2**32 - 1 items, the
    range of the C count."""
    if isinstance(values, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"{what}: expected a sequence, not {type(values).__name__}")
    items = list(values)
    if len(items) >= 2**32:
        raise errors.InvalidError(f"{what}: {len(items)} items do not fit a 32-bit count")
    return items


def _text_array(values: Iterable[str], what: str):
    """`values` as (count, C array of char* or None). The array holds its bytes;
    the caller keeps it alive for the duration of the call."""
    items = [_bytes(v, f"{what}[{i}]") for i, v in enumerate(_sequence(values, what))]
    if not items:
        return 0, None
    return len(items), (ctypes.c_char_p * len(items))(*items)


def _path(value: str | bytes | os.PathLike) -> bytes:
    raw = os.fsencode(value)
    if b"\0" in raw:
        raise errors.InvalidError("path: contains a NUL character")
    return raw


# ---- Values out (copied at once from borrowed C memory) --------------------------------


def _str(raw: bytes | None) -> str:
    return "" if raw is None else raw.decode("utf-8", errors="replace")


def _opt(raw: bytes | None) -> str | None:
    return _str(raw) or None


def _day(raw: bytes | None) -> datetime.date:
    return datetime.date.fromisoformat(_str(raw))


def _opt_day(raw: bytes | None) -> datetime.date | None:
    return datetime.date.fromisoformat(raw.decode("ascii")) if raw else None


def _enum(cls: type[E], value: int) -> E | int:
    try:
        return cls(value)
    except ValueError:  # a value from a newer library: keep the number
        return value


def _strings(array, count: int) -> tuple[str, ...]:
    return tuple(_str(array[i]) for i in range(count))


def _theme(r: n.ThemeRec) -> Theme:
    return Theme(_str(r.key), _str(r.label_nl), _opt(r.label_en))


def _region(r: n.RegionRec) -> Region:
    return Region(
        _str(r.code), _str(r.name), _enum(RegionKind, r.kind), _opt(r.parent), _strings(r.aliases, r.alias_count)
    )


def _state(r: n.StateRec) -> State:
    return State(_str(r.key), _enum(Category, r.category), _str(r.label_nl), _opt(r.label_en))


def _meeting(r: n.MeetingRec) -> Meeting:
    return Meeting(_str(r.key), _day(r.date), _opt(r.title))


def _action(r: n.ActionRec) -> Action:
    owners = tuple(
        Owner(_str(r.owners[i].name), _enum(OwnerRole, r.owners[i].role)) for i in range(r.owner_count)
    )
    return Action(
        _str(r.key),
        _str(r.theme),
        _str(r.title),
        _str(r.goal),
        _opt_day(r.due),
        owners,
        _strings(r.scope, r.scope_count),
        _strings(r.see_also, r.see_also_count),
    )


def _status(r: n.StatusRec) -> Status:
    return Status(
        _str(r.action),
        _str(r.scope),
        _str(r.state),
        None if r.category < 0 else _enum(Category, r.category),
        _str(r.text),
        _day(r.as_of),
        _opt(r.author),
        _opt(r.meeting),
    )


def _proposal(r: n.ProposalRec) -> Proposal:
    return Proposal(
        _str(r.key),
        _str(r.action),
        _str(r.text),
        _enum(ProposalState, r.state),
        _enum(ProposalKind, r.kind),
        _opt(r.meeting),
        _opt_day(r.decided),
    )


def _proposal_event(r: n.ProposalEventRec) -> ProposalEvent:
    return ProposalEvent(_str(r.proposal), _enum(ProposalState, r.state), _day(r.date), _opt(r.meeting), _opt(r.text))


def _indicator(r: n.IndicatorRecV2) -> Indicator:
    levels = tuple(
        Level(_str(lv.key), _str(lv.label_nl), _opt(lv.label_en))
        for lv in (r.levels[i] for i in range(r.level_count))
    )
    return Indicator(
        _str(r.key),
        _str(r.label_nl),
        _opt(r.label_en),
        _enum(IndicatorKind, r.kind),
        _opt(r.unit),
        levels,
        _strings(r.actions, r.action_count),
    )


def _observation(r: n.ObservationRec) -> Observation:
    return Observation(
        _str(r.indicator),
        _str(r.region),
        _day(r.as_of),
        _opt(r.level),
        float(r.value) if r.has_value else None,
        int(r.count) if r.has_count else None,
        bool(r.at_least),
        _opt(r.source),
        _opt(r.note),
    )


def _contact(r: n.ContactRec) -> Contact:
    return Contact(_str(r.municipality), _str(r.role), _str(r.name), _opt(r.email))


def _rollup(r: n.RollupRec) -> Rollup:
    return Rollup(
        int(r.municipalities),
        int(r.known_at_or_above),
        int(r.known),
        int(r.reported) if r.has_reported else None,
        _opt_day(r.reported_as_of),
    )


def _take(buf: n.Buf) -> str:
    """The text of an owned buffer, which is disposed of."""
    try:
        return ctypes.string_at(buf.data, buf.size).decode("utf-8", errors="replace") if buf.data else ""
    finally:
        lib.actielijst_buf_dispose(byref(buf))


def _is_text_file(file) -> bool:
    """Whether write() of `file` takes str: a text file (io.TextIOBase, or anything
    with an ``encoding``); otherwise it is given bytes."""
    if isinstance(file, io.TextIOBase):
        return True
    if isinstance(file, (io.RawIOBase, io.BufferedIOBase)):
        return False
    return hasattr(file, "encoding")


def _write_output(file, to_stream: Callable, to_path: Callable) -> None:
    """Writes an output to `file` through the library's sinks. A path (str, bytes,
    os.PathLike) is written by the library, atomically. An object with write() is
    given the output as it is produced: str for a text file, bytes otherwise. An
    exception raised by write() stops the output and is re-raised as the cause of
    the library's FileError (which is also an OSError)."""
    if isinstance(file, (str, bytes, os.PathLike)):
        to_path(_path(file))
        return
    write = getattr(file, "write", None)
    if not callable(write):
        raise TypeError(f"file: expected a path or an object with write(), not {type(file).__name__}")
    decoder = codecs.getincrementaldecoder("utf-8")() if _is_text_file(file) else None
    raw = isinstance(file, io.RawIOBase)
    failures: list[BaseException] = []

    def take(_ctx, data, size):
        try:
            chunk = ctypes.string_at(data, size)
            if decoder is not None:
                write(decoder.decode(chunk))
                return 0
            view = memoryview(chunk)
            while view:  # a raw file may take fewer bytes than given
                written = write(view)
                if raw and written is None:
                    raise BlockingIOError(errno.EAGAIN, "file: the file would block, and the output cannot wait")
                if not isinstance(written, int) or written >= len(view):
                    break  # a file-like object's write() may return None or the length
                view = view[written:]
            return 0
        except BaseException as exc:  # noqa: BLE001 - re-raised below, after the C call returned
            failures.append(exc)
            return -1

    callback = n.WriteFn(take)  # kept alive until the call returns
    try:
        to_stream(callback, None)
    except errors.FileError as exc:
        if failures:
            raise exc from failures[0]
        raise
    if decoder is not None:
        rest = decoder.decode(b"", final=True)
        if rest:
            write(rest)


def _closed(what: str) -> errors.InvalidError:
    return errors.InvalidError(f"{what} is closed", errors.EINVALID)


# ---- Iterators ---------------------------------------------------------------------------


class RecordIterator(Iterator[T]):
    """An iterator over a C iterator handle, yielding copied records.

    The C iterator keeps what it iterates alive, so it may outlive the View or
    Store it came from. It is released when exhausted, on close(), at the end of
    a ``with`` block, or when garbage collected.
    """

    def __init__(self, handle, next_fn: Callable, free_fn: Callable, rec_type: type, convert: Callable[..., T]):
        self._handle = handle
        self._next = next_fn
        self._rec = rec_type()
        self._convert = convert
        self._finalizer = weakref.finalize(self, free_fn, handle)

    def __iter__(self) -> "RecordIterator[T]":
        return self

    def __next__(self) -> T:
        if not self._finalizer.alive:
            raise StopIteration
        if not self._next(byref(self._rec), self._handle):
            self.close()
            raise StopIteration
        return self._convert(self._rec)

    def close(self) -> None:
        """Releases the C iterator; further iteration stops. Safe to call twice."""
        self._finalizer()

    def __enter__(self) -> "RecordIterator[T]":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _iterator(
    noun: str, handle_type: type, rec_type: type, convert: Callable, new_fn: Callable, *args, next_suffix: str = ""
):
    handle = POINTER(handle_type)()
    new_fn(*args, byref(handle))
    return RecordIterator(
        handle,
        getattr(lib, f"actielijst_{noun}_iter_next{next_suffix}"),
        getattr(lib, f"actielijst_{noun}_iter_free"),
        rec_type,
        convert,
    )


# ---- View ----------------------------------------------------------------------------------


def _fixed(value, bits: int, name: str) -> int:
    """`value` as an int that fits a signed C integer of `bits` bits. ctypes would
    silently wrap a larger one, so the library's own range check would never see it."""
    number = int(value)
    if not -(2 ** (bits - 1)) <= number < 2 ** (bits - 1):
        raise errors.InvalidError(f"{name}: {number} does not fit in {bits} bits")
    return number


def _int32(value, name: str) -> int:
    return _fixed(value, 32, name)


def _int64(value, name: str) -> int:
    return _fixed(value, 64, name)


class _Owned:
    """A library handle released by close(), a ``with`` block or garbage collection
    (weakref.finalize), whichever comes first; closing twice is harmless."""

    _noun = "handle"

    def _own(self, handle, free) -> None:
        self._handle = handle
        self._finalizer = weakref.finalize(self, free, handle)

    def _h(self):
        if not self._finalizer.alive:
            raise _closed(self._noun)
        return self._handle

    @property
    def closed(self) -> bool:
        return not self._finalizer.alive

    def close(self) -> None:
        """Releases the handle (views and iterators made from it stay valid). Safe to call twice."""
        self._finalizer()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class View(_Owned):
    """An immutable picture of the list as of one date (see Store.view).

    Independent of the store it came from: it may outlive it. Iterators and
    records made from it stay valid after it is closed.
    """

    _noun = "view"

    def __init__(self, handle) -> None:
        self._own(handle, lib.actielijst_view_free)
        self.as_of: datetime.date = _day(lib.actielijst_view_as_of(handle))
        #: The filter text of a scoped view (Store.view(as_of, where=...)); "" for the whole list.
        self.selection: str = _str(lib.actielijst_view_selection(handle))


    def __repr__(self) -> str:
        return f"<actielijst.View as_of={self.as_of.isoformat()}{' closed' if self.closed else ''}>"

    # Lazy iterators
    def iter_themes(self) -> RecordIterator[Theme]:
        return _iterator("theme", n.ThemeIter, n.ThemeRec, _theme, lib.actielijst_theme_iter_new, self._h())

    def iter_regions(self) -> RecordIterator[Region]:
        """Regions, parents before children."""
        return _iterator("region", n.RegionIter, n.RegionRec, _region, lib.actielijst_region_iter_new, self._h())

    def iter_states(self) -> RecordIterator[State]:
        return _iterator("state", n.StateIter, n.StateRec, _state, lib.actielijst_state_iter_new, self._h())

    def iter_meetings(self) -> RecordIterator[Meeting]:
        return _iterator("meeting", n.MeetingIter, n.MeetingRec, _meeting, lib.actielijst_meeting_iter_new, self._h())

    def iter_actions(self, theme: str | None = None) -> RecordIterator[Action]:
        """Action points in display order; all themes when `theme` is None."""
        return _iterator(
            "action", n.ActionIter, n.ActionRec, _action, lib.actielijst_action_iter_new, self._h(), _bytes(theme, "theme")
        )

    def iter_statuses(self, action: str | None = None) -> RecordIterator[Status]:
        """Current statuses in action order; all actions when `action` is None."""
        return _iterator(
            "status", n.StatusIter, n.StatusRec, _status, lib.actielijst_status_iter_new, self._h(), _bytes(action, "action")
        )

    def iter_proposals(self) -> RecordIterator[Proposal]:
        return _iterator(
            "proposal", n.ProposalIter, n.ProposalRec, _proposal, lib.actielijst_proposal_iter_new, self._h()
        )

    def iter_indicators(self) -> RecordIterator[Indicator]:
        return _iterator(
            "indicator",
            n.IndicatorIter,
            n.IndicatorRecV2,
            _indicator,
            lib.actielijst_indicator_iter_new,
            self._h(),
            next_suffix="_v2",
        )

    def iter_observations(self, indicator: str | None = None) -> RecordIterator[Observation]:
        """The latest observations at the view's date; all indicators when None."""
        return _iterator(
            "observation",
            n.ObservationIter,
            n.ObservationRec,
            _observation,
            lib.actielijst_observation_iter_new,
            self._h(),
            _bytes(indicator, "indicator"),
        )

    # Lists
    def themes(self) -> list[Theme]:
        return list(self.iter_themes())

    def regions(self) -> list[Region]:
        return list(self.iter_regions())

    def states(self) -> list[State]:
        return list(self.iter_states())

    def meetings(self) -> list[Meeting]:
        return list(self.iter_meetings())

    def actions(self, theme: str | None = None) -> list[Action]:
        return list(self.iter_actions(theme))

    def statuses(self, action: str | None = None) -> list[Status]:
        return list(self.iter_statuses(action))

    def proposals(self) -> list[Proposal]:
        return list(self.iter_proposals())

    def indicators(self) -> list[Indicator]:
        return list(self.iter_indicators())

    def observations(self, indicator: str | None = None) -> list[Observation]:
        return list(self.iter_observations(indicator))

    # Lookups
    def action(self, key: str) -> Action:
        rec = n.ActionRec()
        lib.actielijst_view_action(self._h(), _bytes(key, "key"), byref(rec))
        return _action(rec)

    def region(self, code: str) -> Region:
        rec = n.RegionRec()
        lib.actielijst_view_region(self._h(), _bytes(code, "code"), byref(rec))
        return _region(rec)

    def status(self, action: str, scope: str) -> Status:
        rec = n.StatusRec()
        lib.actielijst_view_status(self._h(), _bytes(action, "action"), _bytes(scope, "scope"), byref(rec))
        return _status(rec)

    def rollup(self, indicator: str, region: str, level: str) -> Rollup:
        rec = n.RollupRec()
        lib.actielijst_view_rollup(
            self._h(), _bytes(indicator, "indicator"), _bytes(region, "region"), _bytes(level, "level"), byref(rec)
        )
        return _rollup(rec)

    # Meeting snapshots (docs/snapshots.md)
    def save_snapshot(self, path: str | bytes | os.PathLike, format: SnapshotFormat | int = SnapshotFormat.BINARY) -> None:
        """Saves this view as a snapshot file (atomically: a temporary file in the
        same directory, then renamed). FileError when it cannot be written."""
        lib.actielijst_view_save_snapshot(self._h(), _path(path), _int32(format, "format"))

    def snapshot_bytes(self, format: SnapshotFormat | int = SnapshotFormat.BINARY) -> bytes:
        """The snapshot of this view as bytes (what save_snapshot writes)."""
        buf = n.Buf()
        lib.actielijst_view_snapshot_bytes(self._h(), _int32(format, "format"), byref(buf))
        try:
            return ctypes.string_at(buf.data, buf.size) if buf.data else b""
        finally:
            lib.actielijst_buf_dispose(byref(buf))

    # The steering-group report (docs/report.md)
    def report(
        self,
        format: ReportFormat | str | int = ReportFormat.HTML,
        language: str | None = None,
        rules: "Rules | None" = None,
        sections: Iterable[str] | str | None = None,
        where: str | None = None,
        title: str | None = None,
        compare: "View | None" = None,
        meeting: str | None = None,
        contacts: "Store | None" = None,
        file=None,
    ) -> str | None:
        """The report of this view as text: ``format`` "html", "markdown" (or
        "md"), "csv" or "json" (or a ReportFormat); ``language`` "nl" or "en"
        (None: the library's default); the signals of ``rules`` (None: the default
        rules); only ``sections`` (names, or one comma-separated string; None: all);
        only the actions the filter expression ``where`` selects; the changes since
        the ``compare`` view; the contacts of the ``contacts`` store (personal data)
        when given. The same arguments give the same text. InvalidError for an
        unknown format, language or section or a filter that does not parse
        (``line`` and ``column`` are not set: the message has the place);
        NotFoundError for a name the view lacks or an unknown meeting.

        With ``file`` the report is written there as it is rendered and None is
        returned: a path is replaced atomically (on failure the previous file is
        kept and FileError names the path and the reason); a file object gets
        str (a text file) or bytes (otherwise) through its write()."""
        opts = n.ReportOptions()
        lib.actielijst_report_options_init(byref(opts), n.REPORT_OPTIONS_VERSION)
        opts.format = _report_format(format)
        opts.language = _bytes(language, "language")
        opts.title = _bytes(title, "title")
        if sections is not None:
            if isinstance(sections, (str, bytes)):
                opts.sections = _bytes(sections, "sections")
            else:
                names = [_bytes(s, "sections") for s in _sequence(sections, "sections")]
                if any(b"," in name for name in names):
                    raise errors.InvalidError("sections: a name contains a comma", errors.EINVALID)
                # an empty list means no sections given, which the library reads as all
                opts.sections = b",".join(names)
        opts.filter = _bytes(where, "where")
        opts.meeting = _bytes(meeting, "meeting")
        if contacts is not None:
            if not isinstance(contacts, Store):
                raise TypeError(f"contacts: expected a Store or None, not {type(contacts).__name__}")
            opts.include_contacts = 1
            opts.contact_store = contacts._h()
        if rules is not None and not isinstance(rules, Rules):
            raise TypeError(f"rules: expected Rules or None, not {type(rules).__name__}")
        if compare is not None and not isinstance(compare, View):
            raise TypeError(f"compare: expected a View or None, not {type(compare).__name__}")
        rules_h = rules._h() if rules is not None else None
        compare_h = compare._h() if compare is not None else None
        if file is not None:
            _write_output(
                file,
                lambda fn, ctx: lib.actielijst_report_render_stream(self._h(), rules_h, byref(opts), compare_h, fn, ctx),
                lambda path: lib.actielijst_report_render_file(self._h(), rules_h, byref(opts), compare_h, path),
            )
            return None
        buf = n.Buf()
        lib.actielijst_report_render(self._h(), rules_h, byref(opts), compare_h, byref(buf))
        return _take(buf)


_REPORT_FORMATS = {
    "html": ReportFormat.HTML,
    "markdown": ReportFormat.MARKDOWN,
    "md": ReportFormat.MARKDOWN,
    "csv": ReportFormat.CSV,
    "json": ReportFormat.JSON,
}


def _report_format(value: ReportFormat | str | int) -> int:
    """A format name or number; an unknown number is left for the library to refuse."""
    if isinstance(value, str):
        try:
            return int(_REPORT_FORMATS[value.lower()])
        except KeyError:
            raise errors.InvalidError(
                f"format: {value!r} is not one of html, markdown, md, csv, json", errors.EINVALID
            ) from None
    return _int32(value, "format")


# ---- Store ----------------------------------------------------------------------------------


class Store(_Owned):
    """An open actielijst database. Use Store.open(); close with close() or a
    ``with`` block (garbage collection closes it too)."""

    _noun = "store"

    def __init__(self, handle, path: str) -> None:
        self._own(handle, lib.actielijst_store_free)
        self.path = path

    @classmethod
    def open(
        cls,
        path: str | bytes | os.PathLike,
        busy_timeout_ms: int | None = None,
        must_exist: bool | None = None,
        read_only: bool = False,
    ) -> "Store":
        """Opens the database at `path`, creating it unless `must_exist`.

        `busy_timeout_ms`: how long a call waits for another connection's write lock
        before raising BusyError (nothing written, retrying is safe); None keeps the
        library's default (5000). `read_only`: open an existing store for reading
        only; it is never written, so it can be read on read-only media and by other
        users, and every write raises ReadOnlyError."""
        opts = n.StoreOptions()
        lib.actielijst_store_options_init(byref(opts), n.STORE_OPTIONS_VERSION)
        if busy_timeout_ms is not None:
            if not -(2**31) <= busy_timeout_ms < 2**31:
                raise errors.InvalidError(f"busy_timeout_ms: out of range: {busy_timeout_ms}")
            opts.busy_timeout_ms = busy_timeout_ms
        if must_exist is not None:
            opts.must_exist = 1 if must_exist else 0
        opts.read_only = 1 if read_only else 0
        handle = POINTER(n.Store)()
        raw = _path(path)
        lib.actielijst_store_open_ext(raw, byref(opts), byref(handle))
        return cls(handle, os.fsdecode(raw))


    def __repr__(self) -> str:
        return f"<actielijst.Store {self.path!r}{' closed' if self.closed else ''}>"

    # Documents
    def import_json(self, document: str | bytes) -> None:
        """Merges a JSON document (docs/json-format.md) into the store; all or nothing."""
        if isinstance(document, str):
            try:
                document = document.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise errors.InvalidError(f"document: not encodable as UTF-8: {exc.reason}") from exc
        elif isinstance(document, (bytearray, memoryview)):
            document = bytes(document)
        elif not isinstance(document, bytes):
            raise TypeError(f"document: expected str or bytes, not {type(document).__name__}")
        lib.actielijst_store_import_json(self._h(), document, len(document))

    def install_default_states(self) -> int:
        """Adds those of the library's default progress states whose key the store
        does not hold yet (one transaction) and returns how many were added: 8 on a
        store without states, 0 when all were there. Stored states stay as they are.
        A new store holds no states; a list brings its own or takes these."""
        added = ctypes.c_uint32(0)
        lib.actielijst_store_install_default_states(self._h(), byref(added))
        return added.value

    def export_json(self, include_contacts: bool = False, file=None) -> str | None:
        """The whole store as a JSON document; contacts (personal data) only when asked for.

        With ``file`` the document is written there as it is produced and None is
        returned: a path is replaced atomically (on failure the previous file is
        kept and FileError names the path and the reason); a file object gets str
        (a text file) or bytes (otherwise) through its write()."""
        if file is not None:
            contacts = 1 if include_contacts else 0
            _write_output(
                file,
                lambda fn, ctx: lib.actielijst_store_export_json_stream(self._h(), contacts, fn, ctx),
                lambda path: lib.actielijst_store_export_json_file(self._h(), contacts, path),
            )
            return None
        buf = n.Buf()
        lib.actielijst_store_export_json_contacts(self._h(), 1 if include_contacts else 0, byref(buf))
        return _take(buf)

    def resolve_region(self, name: str) -> str:
        """The code of the region with this code, name or alias (case-insensitive)."""
        buf = n.Buf()
        lib.actielijst_store_resolve_region(self._h(), _bytes(name, "name"), byref(buf))
        return _take(buf)

    def latest_date(self) -> datetime.date | None:
        """The latest date at which anything was recorded (a state of affairs, a
        figure, a proposal or decision, a meeting, a due date moved, an action point
        put on or taken off the list); None for a store with nothing dated."""
        buf = n.Buf()
        try:
            lib.actielijst_store_latest_date(self._h(), byref(buf))
        except errors.NotFoundError:
            return None
        return datetime.date.fromisoformat(_take(buf))

    def add_province_regions(self, province: str, year: int | None = None) -> int:
        """Sets up a province's regions (code such as "PV30", or its name) from the
        CBS region reference shipped with the library, as a list starting on 1
        January of `year` (None: the latest the reference holds) needs them; later
        mergers carry their dates. Regions already stored keep their names and
        aliases. Returns how many regions were new. NotFoundError for an unknown
        province, InvalidError for a year outside the reference, ConflictError when
        a merger would leave states of affairs outside a municipality's period."""
        if year is not None and (not isinstance(year, int) or isinstance(year, bool) or not 0 < year <= 9999):
            raise errors.InvalidError(f"year: expected a year such as 2026, got {year!r}")
        added = ctypes.c_uint32(0)
        lib.actielijst_store_add_province_regions(self._h(), _bytes(province, "province"), year or 0, byref(added))
        return added.value

    def default_date(self) -> datetime.date:
        """The date a picture is taken at when none is named (view(), and so the
        report, rules and snapshots of it): latest_date(), else the list's meta
        "as_of" when that is a date, else today (UTC)."""
        buf = n.Buf()
        lib.actielijst_store_default_date(self._h(), byref(buf))
        return datetime.date.fromisoformat(_take(buf))

    # Definitions: each put stores a new key or replaces the stored definition
    # (one transaction; on error nothing is stored)
    def put_theme(self, key: str, label_nl: str, label_en: str | None = None) -> None:
        """Stores a theme, or replaces the one with `key` (keeping its position)."""
        inp = n.ThemeInput()
        lib.actielijst_theme_input_init(byref(inp), n.THEME_INPUT_VERSION)
        inp.key = _bytes(key, "key")
        inp.label_nl = _bytes(label_nl, "label_nl")
        inp.label_en = _bytes(label_en, "label_en")
        lib.actielijst_store_put_theme(self._h(), byref(inp))

    def put_region(
        self,
        code: str,
        name: str,
        kind: RegionKind | int,
        parent: str | None = None,
        aliases: Iterable[str] = (),
    ) -> None:
        """Stores a region, or replaces the one with `code`. `parent` is a code or
        alias (None for a province)."""
        inp = n.RegionInput()
        lib.actielijst_region_input_init(byref(inp), n.REGION_INPUT_VERSION)
        inp.code = _bytes(code, "code")
        inp.name = _bytes(name, "name")
        inp.kind = _int32(kind, "kind")
        inp.parent = _bytes(parent, "parent")
        count, array = _text_array(aliases, "aliases")
        if array is not None:
            inp.alias_count, inp.aliases = count, array
        lib.actielijst_store_put_region(self._h(), byref(inp))

    def put_state(self, key: str, category: Category | int, label_nl: str, label_en: str | None = None) -> None:
        """Stores a progress state, or replaces the one with `key`."""
        inp = n.StateInput()
        lib.actielijst_state_input_init(byref(inp), n.STATE_INPUT_VERSION)
        inp.key = _bytes(key, "key")
        inp.category = _int32(category, "category")
        inp.label_nl = _bytes(label_nl, "label_nl")
        inp.label_en = _bytes(label_en, "label_en")
        lib.actielijst_store_put_state(self._h(), byref(inp))

    def put_action(
        self,
        key: str,
        theme: str,
        title: str,
        goal: str,
        due: datetime.date | None = None,
        owners: Iterable[Owner | tuple[str, OwnerRole | int]] = (),
        scope: Iterable[str] = (),
        see_also: Iterable[str] = (),
    ) -> None:
        """Stores an action point, or replaces the one with `key` (keeping its
        position). `owners` are Owner records or (name, role) pairs; `scope` region
        codes or aliases; `see_also` keys of stored action points."""
        inp = n.ActionInput()
        lib.actielijst_action_input_init(byref(inp), n.ACTION_INPUT_VERSION)
        inp.key = _bytes(key, "key")
        inp.theme = _bytes(theme, "theme")
        inp.title = _bytes(title, "title")
        inp.goal = _bytes(goal, "goal")
        inp.due = _date(due, "due")
        people = []
        for i, owner in enumerate(_sequence(owners, "owners")):
            if isinstance(owner, Owner):
                name, role = owner.name, owner.role
            else:
                pair = tuple(owner)
                if len(pair) != 2:
                    raise TypeError(f"owners[{i}]: expected (name, role), got {len(pair)} items")
                name, role = pair
            people.append(n.OwnerInput(_bytes(name, f"owners[{i}].name"), _int32(role, f"owners[{i}].role")))
        owner_array = (n.OwnerInput * len(people))(*people) if people else None
        if owner_array is not None:
            inp.owner_count, inp.owners = len(people), owner_array
        scope_count, scope_array = _text_array(scope, "scope")
        if scope_array is not None:
            inp.scope_count, inp.scope = scope_count, scope_array
        see_count, see_array = _text_array(see_also, "see_also")
        if see_array is not None:
            inp.see_also_count, inp.see_also = see_count, see_array
        lib.actielijst_store_put_action(self._h(), byref(inp))

    def put_indicator(
        self,
        key: str,
        label_nl: str,
        kind: IndicatorKind | int,
        label_en: str | None = None,
        unit: str | None = None,
        levels: Iterable[Level | tuple[str, str] | tuple[str, str, str | None]] = (),
        actions: Iterable[str] = (),
    ) -> None:
        """Stores an indicator, or replaces the one with `key`. `levels` (ordinal
        only, lowest first) are Level records or (key, label_nl[, label_en]) tuples.
        `actions` are the keys of the stored action points it measures; none makes
        it a list-wide indicator."""
        inp = n.IndicatorInput()
        lib.actielijst_indicator_input_init(byref(inp), n.INDICATOR_INPUT_VERSION)
        inp.key = _bytes(key, "key")
        inp.label_nl = _bytes(label_nl, "label_nl")
        inp.label_en = _bytes(label_en, "label_en")
        inp.kind = _int32(kind, "kind")
        inp.unit = _bytes(unit, "unit")
        steps = []
        for i, level in enumerate(_sequence(levels, "levels")):
            if isinstance(level, Level):
                parts = (level.key, level.label_nl, level.label_en)
            else:
                parts = tuple(level)
                if len(parts) not in (2, 3):
                    raise TypeError(f"levels[{i}]: expected (key, label_nl[, label_en]), got {len(parts)} items")
                if len(parts) == 2:
                    parts += (None,)
            steps.append(
                n.LevelInput(
                    _bytes(parts[0], f"levels[{i}].key"),
                    _bytes(parts[1], f"levels[{i}].label_nl"),
                    _bytes(parts[2], f"levels[{i}].label_en"),
                )
            )
        level_array = (n.LevelInput * len(steps))(*steps) if steps else None
        if level_array is not None:
            inp.level_count, inp.levels = len(steps), level_array
        action_count, action_array = _text_array(actions, "actions")
        if action_array is not None:
            inp.action_count, inp.actions = action_count, action_array
        lib.actielijst_store_put_indicator(self._h(), byref(inp))

    # Writes: each one transaction; on error nothing is stored
    def record(
        self,
        action: str,
        scope: str,
        state: str,
        text: str,
        as_of: datetime.date,
        author: str | None = None,
        meeting: str | None = None,
    ) -> bool:
        """Appends a state of affairs; False when an identical one was already stored."""
        inp = n.UpdateInput()
        lib.actielijst_update_input_init(byref(inp), n.UPDATE_INPUT_VERSION)
        inp.action = _bytes(action, "action")
        inp.scope = _bytes(scope, "scope")
        inp.state = _bytes(state, "state")
        inp.text = _bytes(text, "text")
        inp.as_of = _date(as_of, "as_of")
        inp.author = _bytes(author, "author")
        inp.meeting = _bytes(meeting, "meeting")
        added = ctypes.c_int(0)
        lib.actielijst_store_record(self._h(), byref(inp), byref(added))
        return bool(added.value)

    def propose(
        self,
        key: str,
        action: str,
        text: str,
        state: ProposalState | int | None = None,
        kind: ProposalKind | int | None = None,
        meeting: str | None = None,
        decided: datetime.date | None = None,
    ) -> None:
        """Stores a proposal (new key) or replaces the stored one. `state` and
        `kind` None keep the library's defaults (an open proposal)."""
        inp = n.ProposalInput()
        lib.actielijst_proposal_input_init(byref(inp), n.PROPOSAL_INPUT_VERSION)
        inp.key = _bytes(key, "key")
        inp.action = _bytes(action, "action")
        inp.text = _bytes(text, "text")
        if state is not None:
            inp.state = _int32(state, "state")
        if kind is not None:
            inp.kind = _int32(kind, "kind")
        inp.meeting = _bytes(meeting, "meeting")
        inp.decided = _date(decided, "decided")
        lib.actielijst_store_propose(self._h(), byref(inp))

    def decide(
        self,
        key: str,
        state: ProposalState | int,
        date: datetime.date | None = None,
        meeting: str | None = None,
        *,
        text: str | None = None,
        decided: datetime.date | None = None,
    ) -> bool:
        """Appends a decision to the history of stored proposal `key`: `state` (OPEN
        re-opens a decided proposal) on `date`, or on the date of `meeting` when only
        that is given; `meeting` is the meeting that took it, `text` the decision as
        recorded. The meeting the proposal was tabled at stays. False when an
        identical decision was already stored. NotFoundError for an unknown proposal
        or meeting; InvalidError for neither a date nor a meeting, or a date before
        the proposal was tabled. `decided` is the former name of `date`."""
        if decided is not None:
            if date is not None:
                raise TypeError("decide: give date or decided (its former name), not both")
            date = decided
        inp = n.DecisionInput()
        lib.actielijst_decision_input_init(byref(inp), n.DECISION_INPUT_VERSION)
        inp.proposal = _bytes(key, "key")
        inp.state = _int32(state, "state")
        inp.date = _date(date, "date")
        inp.meeting = _bytes(meeting, "meeting")
        inp.text = _bytes(text, "text")
        added = ctypes.c_int32(0)
        lib.actielijst_store_decide_v2(self._h(), byref(inp), byref(added))
        return bool(added.value)

    def observe(
        self,
        indicator: str,
        region: str,
        as_of: datetime.date,
        level: str | None = None,
        value: float | None = None,
        count: int | None = None,
        at_least: bool | None = None,
        source: str | None = None,
        note: str | None = None,
    ) -> None:
        """Stores a monitoring figure, or replaces the one for the same
        (indicator, region, level, date)."""
        inp = n.ObservationInput()
        lib.actielijst_observation_input_init(byref(inp), n.OBSERVATION_INPUT_VERSION)
        inp.indicator = _bytes(indicator, "indicator")
        inp.region = _bytes(region, "region")
        inp.as_of = _date(as_of, "as_of")
        inp.level = _bytes(level, "level")
        if value is not None:
            inp.has_value, inp.value = 1, float(value)
        if count is not None:
            inp.has_count, inp.count = 1, _int64(count, "count")
        if at_least is not None:
            inp.at_least = 1 if at_least else 0
        inp.source = _bytes(source, "source")
        inp.note = _bytes(note, "note")
        lib.actielijst_store_observe(self._h(), byref(inp))

    def add_meeting(self, key: str, date: datetime.date, title: str | None = None) -> None:
        """Stores a meeting, or updates the one with `key`."""
        lib.actielijst_store_add_meeting(self._h(), _bytes(key, "key"), _date(date, "date"), _bytes(title, "title"))

    def add_contact(self, municipality: str, role: str, name: str, email: str | None = None) -> None:
        """Stores a contact person (personal data), or updates its e-mail."""
        lib.actielijst_store_add_contact(
            self._h(),
            _bytes(municipality, "municipality"),
            _bytes(role, "role"),
            _bytes(name, "name"),
            _bytes(email, "email"),
        )

    # Reads
    def iter_history(self, action: str, scope: str | None = None) -> RecordIterator[Status]:
        """The history of `action` (all scopes when `scope` is None), oldest first."""
        handle = POINTER(n.StatusIter)()
        lib.actielijst_history_iter_new(self._h(), _bytes(action, "action"), _bytes(scope, "scope"), byref(handle))
        return RecordIterator(
            handle, lib.actielijst_status_iter_next, lib.actielijst_status_iter_free, n.StatusRec, _status
        )

    def history(self, action: str, scope: str | None = None) -> list[Status]:
        return list(self.iter_history(action, scope))

    def iter_contacts(self) -> RecordIterator[Contact]:
        return _iterator("contact", n.ContactIter, n.ContactRec, _contact, lib.actielijst_contact_iter_new, self._h())

    def contacts(self) -> list[Contact]:
        """The contacts (personal data), by municipality."""
        return list(self.iter_contacts())

    def iter_meetings(self) -> RecordIterator[Meeting]:
        return _iterator(
            "meeting", n.MeetingIter, n.MeetingRec, _meeting, lib.actielijst_store_meeting_iter_new, self._h()
        )

    def meetings(self) -> list[Meeting]:
        """Every meeting of the store by date, also those after any view's date
        (View.meetings() lists only those held by the view's date)."""
        return list(self.iter_meetings())

    def iter_proposal_history(self, key: str) -> RecordIterator[ProposalEvent]:
        handle = POINTER(n.ProposalHistoryIter)()
        lib.actielijst_proposal_history_iter_new(self._h(), _bytes(key, "key"), byref(handle))
        next_fn = lib.actielijst_proposal_history_iter_next  # iterator first, record second
        return RecordIterator(
            handle,
            lambda rec, it: next_fn(it, rec),
            lib.actielijst_proposal_history_iter_free,
            n.ProposalEventRec,
            _proposal_event,
        )

    def proposal_history(self, key: str) -> list[ProposalEvent]:
        """The history of stored proposal `key`, oldest first: its tabling (state
        OPEN, no text), then every decision, also those dated after any view's date.
        NotFoundError for an unknown proposal."""
        return list(self.iter_proposal_history(key))

    # The list after a meeting (docs/decision-list.md)
    def decision_list(
        self,
        meeting: str | None = None,
        format: ReportFormat | str | int = ReportFormat.HTML,
        language: str | None = None,
        title: str | None = None,
        as_of: datetime.date | str | None = None,
        due_within_days: int | None = None,
        file=None,
    ) -> str | None:
        """The list after ``meeting`` (besluitenlijst) as text: what it decided,
        the proposals tabled, the action points added, closed or given a new
        deadline since the previous meeting, and what stays open. ``meeting`` None:
        the last meeting on or before ``as_of`` (None: the last of all).
        ``format``, ``language`` and ``file`` as in View.report; ``title`` and
        ``due_within_days`` None: the library's defaults. InvalidError for an
        unknown format or language or a negative horizon; NotFoundError for an
        unknown meeting or when no meeting qualifies."""
        opts = n.DecisionListOptions()
        lib.actielijst_decision_list_options_init(byref(opts), n.DECISION_LIST_OPTIONS_VERSION)
        opts.format = _report_format(format)
        opts.language = _bytes(language, "language")
        opts.title = _bytes(title, "title")
        opts.meeting = _bytes(meeting, "meeting")
        opts.as_of = _date(as_of, "as_of")
        if due_within_days is not None:
            opts.due_within_days = _int32(due_within_days, "due_within_days")
        if file is not None:
            _write_output(
                file,
                lambda fn, ctx: lib.actielijst_decision_list_render_stream(self._h(), byref(opts), fn, ctx),
                lambda path: lib.actielijst_decision_list_render_file(self._h(), byref(opts), path),
            )
            return None
        buf = n.Buf()
        lib.actielijst_decision_list_render(self._h(), byref(opts), byref(buf))
        return _take(buf)

    # Forms: collecting the states of affairs (uitvraag); the work is in _forms.py
    def write_forms(
        self,
        file,
        meeting: str,
        regions: Iterable[str] | str | None = None,
        as_of: datetime.date | str | None = None,
        deadline: datetime.date | str | None = None,
        language: str | None = None,
        format: FormFormat | str | int | None = None,
    ) -> None:
        """Writes the fill-in forms for ``meeting``: one per region of ``regions``
        (codes or aliases; None: every COROP region), showing the states as of
        ``as_of`` (None: the meeting's date), wanted back by ``deadline`` (None: 7
        days before the meeting). ``format`` "xlsx" (a workbook, a sheet per region)
        or "csv" (exactly one region); None: from the file name's extension, else
        XLSX. ``file`` is a path (replaced atomically) or a binary file object (a
        text one only for CSV). NotFoundError for an unknown meeting or region,
        InvalidError for a bad option; FileError when the file cannot be written."""
        from . import _forms

        _forms.write_forms(self, file, meeting, regions, as_of, deadline, language, format)

    def process_form(
        self,
        path: str | bytes | os.PathLike,
        meeting: str | None = None,
        dry_run: bool = False,
        skip_bad_rows: bool = False,
    ) -> FormReturn:
        """Reads a returned form (XLSX or CSV, told apart by content), checks it
        against the list and ``meeting`` (None: the latest stored meeting) and,
        unless ``dry_run``, records its new states of affairs at the meeting's date
        in one transaction. Returns the FormReturn. Raises FormError (an
        InvalidError) with ``.result`` when problems stopped the file: nothing was
        stored (``skip_bad_rows``: store the good rows and list the bad ones as
        problems instead); FileError when the file cannot be read."""
        from . import _forms

        return _forms.process_form(self, path, meeting, dry_run, skip_bad_rows)

    def view(self, as_of: datetime.date | str | None = None, where: "str | Filter | None" = None) -> View:
        """Definitions, current statuses and latest observations as of `as_of`
        (None: default_date(), the latest date anything was recorded).

        With `where` (a filter text or a Filter), a scoped view: only the action
        points the filter selects, with their history, read from the store's
        indexes so the cost follows the selection (docs/rules.md, "Filters")."""
        handle = POINTER(n.View)()
        if where is None:
            lib.actielijst_store_view(self._h(), _optional_date(as_of, "as_of"), byref(handle))
            return View(handle)
        f = where if isinstance(where, Filter) else Filter(where)
        try:
            lib.actielijst_store_view_where(self._h(), _optional_date(as_of, "as_of"), f._h(), byref(handle))
        finally:
            if f is not where:
                f.close()
        return View(handle)


# ---- Reporting rules and filters (docs/rules.md) -------------------------------------------


def _text_bytes(value: str | bytes | bytearray | memoryview, what: str) -> bytes:
    """A whole text passed with its length: str as UTF-8, bytes unchanged (the
    library judges their UTF-8 and refuses a NUL byte)."""
    if isinstance(value, str):
        try:
            return value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise errors.InvalidError(f"{what}: not encodable as UTF-8: {exc.reason}") from exc
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError(f"{what}: expected str or bytes, not {type(value).__name__}")


def _vocabulary(view: "View | None"):
    """The C view of an optional `vocabulary` argument (None: NULL)."""
    if view is None:
        return None
    if not isinstance(view, View):
        raise TypeError(f"vocabulary: expected a View or None, not {type(view).__name__}")
    return view._h()


def _view(view: "View"):
    if not isinstance(view, View):
        raise TypeError(f"view: expected a View, not {type(view).__name__}")
    return view._h()


def _placed(call: Callable, *args) -> None:
    """Calls a load function whose last argument is an actielijst_text_position;
    a failure raises with ``line`` and ``column`` set (None when it has no place)."""
    where = n.TextPosition()
    try:
        call(*args, byref(where))
    except errors.ActielijstError as exc:
        exc.line = where.line or None
        exc.column = where.column or None
        raise


def _reasons(array, count: int) -> tuple[Reason, ...]:
    return tuple(Reason(_str(array[i].expression), _str(array[i].detail)) for i in range(count))


def _rule(r: n.RuleRec) -> RuleInfo:
    return RuleInfo(
        _str(r.key),
        _enum(Severity, r.severity),
        _enum(RuleTarget, r.target),
        _str(r.section),
        _str(r.condition),
        _str(r.message),
        int(r.line),
    )


def _finding(r: n.FindingRec) -> Finding:
    return Finding(
        _str(r.rule),
        _enum(Severity, r.severity),
        _str(r.section),
        _enum(RuleTarget, r.target),
        _opt(r.action),
        _opt(r.region),
        _str(r.message),
        _reasons(r.reasons, r.reason_count),
    )


class Rules(_Owned):
    """A loaded rules file: parsed and type-checked once, immutable, evaluated on
    any number of views. Make one with Rules.load(), Rules.load_file() or
    Rules.default(). A load failure raises InvalidError (syntax or type) or
    NotFoundError (a name the vocabulary lacks) with ``line`` and ``column``."""

    _noun = "rules"

    def __init__(self, handle) -> None:
        self._own(handle, lib.actielijst_rules_free)

    def __repr__(self) -> str:
        return f"<actielijst.Rules{' closed' if self.closed else ''}>"

    @classmethod
    def load(
        cls, text: str | bytes, vocabulary: View | None = None, origin: str | None = None
    ) -> "Rules":
        """Parses rules from `text`. `origin` names it in error messages (None:
        "rules"). With a `vocabulary` view, every state, theme, region, indicator
        and level the rules name must exist in it."""
        raw = _text_bytes(text, "text")
        handle = POINTER(n.Rules)()
        _placed(
            lib.actielijst_rules_load, raw, len(raw), _bytes(origin, "origin"), _vocabulary(vocabulary), byref(handle)
        )
        return cls(handle)

    @classmethod
    def load_file(cls, path: str | bytes | os.PathLike, vocabulary: View | None = None) -> "Rules":
        """Reads and parses a rules file (FileError when it cannot be read)."""
        handle = POINTER(n.Rules)()
        _placed(lib.actielijst_rules_load_file, _path(path), _vocabulary(vocabulary), byref(handle))
        return cls(handle)

    @classmethod
    def default(cls, vocabulary: View | None = None) -> "Rules":
        """The default rule set shipped with the library (see default_text())."""
        handle = POINTER(n.Rules)()
        lib.actielijst_rules_load_default(_vocabulary(vocabulary), byref(handle))
        return cls(handle)

    @staticmethod
    def default_text() -> str:
        """The text of the default rule set: a starting point for your own."""
        return _str(lib.actielijst_rules_default_text())

    def iter_rules(self) -> RecordIterator[RuleInfo]:
        return _iterator("rule", n.RuleIter, n.RuleRec, _rule, lib.actielijst_rule_iter_new, self._h())

    def rules(self) -> list[RuleInfo]:
        """The loaded rules in file order."""
        return list(self.iter_rules())

    def evaluate(self, view: View) -> "Evaluation":
        """Evaluates every rule on `view`, then the overall status of every action.
        NotFoundError when the view lacks a name the rules use."""
        handle = POINTER(n.Evaluation)()
        lib.actielijst_rules_evaluate(self._h(), _view(view), byref(handle))
        return Evaluation(handle)


class Evaluation(_Owned):
    """The findings of a rule set on a view and every action's overall status.
    Immutable and independent of the rules and view it came from.

    ``findings`` and ``statuses`` are read once and kept, so they stay available
    after close(); ``counts()``, ``finding()`` and the lazy iterators need the
    handle open."""

    _noun = "evaluation"

    def __init__(self, handle) -> None:
        self._own(handle, lib.actielijst_evaluation_free)
        self._findings: list[Finding] | None = None
        self._statuses: dict[str, ActionStatus] | None = None

    def __repr__(self) -> str:
        return f"<actielijst.Evaluation{' closed' if self.closed else ''}>"

    def counts(self) -> tuple[int, int]:
        """(number of findings, number of actions)."""
        findings, actions = ctypes.c_size_t(0), ctypes.c_size_t(0)
        lib.actielijst_evaluation_counts(self._h(), byref(findings), byref(actions))
        return findings.value, actions.value

    def iter_findings(self) -> RecordIterator[Finding]:
        """Findings sorted by severity (alert first), theme, action and scope."""
        return _iterator("finding", n.FindingIter, n.FindingRec, _finding, lib.actielijst_finding_iter_new, self._h())

    def _all_findings(self) -> list[Finding]:
        if self._findings is None:
            self._findings = list(self.iter_findings())
        return self._findings

    @property
    def findings(self) -> list[Finding]:
        """Every finding, in the order of iter_findings() (a new list each time)."""
        return list(self._all_findings())

    def finding(self, index: int) -> Finding:
        """Finding number `index` (0-based) in the sorted order; NotFoundError
        (a KeyError) when out of range."""
        if not isinstance(index, int) or isinstance(index, bool):
            raise TypeError(f"index: expected an int, not {type(index).__name__}")
        if not 0 <= index < 2 ** (8 * ctypes.sizeof(ctypes.c_size_t)):
            raise errors.NotFoundError(f"index: {index} is out of range", errors.ENOTFOUND)
        rec = n.FindingRec()
        lib.actielijst_evaluation_finding(self._h(), index, byref(rec))
        return _finding(rec)

    def _status(self, r: n.ActionStatusRec) -> ActionStatus:
        every = self._all_findings() if r.finding_count else []
        decided = tuple(every[int(r.findings[i])] for i in range(r.finding_count))
        return ActionStatus(_str(r.action), _enum(Rag, r.rag), decided, _reasons(r.reasons, r.reason_count))

    def iter_statuses(self) -> RecordIterator[ActionStatus]:
        """Every action's overall status, in display order. A status's findings
        are the Finding values of ``findings``."""
        self._all_findings()  # read while the handle is open, for the statuses to point into
        return _iterator(
            "action_status",
            n.ActionStatusIter,
            n.ActionStatusRec,
            self._status,
            lib.actielijst_action_status_iter_new,
            self._h(),
        )

    def _all_statuses(self) -> dict[str, ActionStatus]:
        if self._statuses is None:
            self._statuses = {s.action: s for s in self.iter_statuses()}
        return self._statuses

    @property
    def statuses(self) -> list[ActionStatus]:
        """Every action's overall status, in display order (a new list each time)."""
        return list(self._all_statuses().values())

    def status(self, action: str) -> ActionStatus:
        """The overall status of `action`; NotFoundError (a KeyError) for an
        action the evaluated view does not have."""
        if self._statuses is not None:
            found = self._statuses.get(action)
            if found is not None or self.closed:
                if found is None:
                    raise errors.NotFoundError(f"action: {action!r} is not an action of the evaluation", errors.ENOTFOUND)
                return found
        rec = n.ActionStatusRec()
        lib.actielijst_evaluation_status(self._h(), _bytes(action, "action"), byref(rec))
        return self._status(rec)


class Filter(_Owned):
    """An expression over action fields that selects action points, e.g.
    ``Filter('theme = "wonen" and "CR39" in regions')``. A load failure raises as
    Rules.load() does, with ``line`` and ``column``."""

    _noun = "filter"

    def __init__(self, text: str, vocabulary: View | None = None) -> None:
        handle = POINTER(n.Filter)()
        _placed(lib.actielijst_filter_new, _bytes(text, "text"), _vocabulary(vocabulary), byref(handle))
        self._own(handle, lib.actielijst_filter_free)
        self.text: str = text if isinstance(text, str) else _str(text)

    def __repr__(self) -> str:
        return f"<actielijst.Filter {self.text!r}{' closed' if self.closed else ''}>"

    def matches(self, view: View, action: str) -> bool:
        """Whether the filter holds for `action` in `view` (unknown counts as false)."""
        match = ctypes.c_int(0)
        lib.actielijst_filter_matches(self._h(), _view(view), _bytes(action, "action"), byref(match))
        return bool(match.value)

    def iter_select(self, view: View) -> RecordIterator[Action]:
        """The action points of `view` the filter selects, in display order."""
        return _iterator("action", n.ActionIter, n.ActionRec, _action, lib.actielijst_filter_select, self._h(), _view(view))

    def select(self, view: View) -> list[Action]:
        return list(self.iter_select(view))


# ---- Module functions ----------------------------------------------------------------------


def version() -> str:
    """The loaded library's version, "MAJOR.MINOR.PATCH"."""
    return _str(lib.actielijst_version_string())


def version_number() -> int:
    """The loaded library's version as MAJOR*10000 + MINOR*100 + PATCH."""
    return int(lib.actielijst_version_number())


def error_name(code: int) -> str:
    """A short name for a result code ("EINVALID")."""
    return _str(lib.actielijst_error_name(code))


def debug_raise(what: int) -> None:
    """Calls actielijst_debug_raise (for testing the exception firewall)."""
    lib.actielijst_debug_raise(what)


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
        _enum(ChangeWhat, r.what),
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
