"""Store: an open actielijst database, its writes, histories and views."""

from __future__ import annotations

import ctypes
import datetime
import os
from ctypes import POINTER, byref
from typing import Iterable

from . import _native as n
from . import errors
from ._convert import (
    _bytes,
    _date,
    _int32,
    _int64,
    _optional_date,
    _path,
    _sequence,
    _take,
    _text_array,
    _write_output,
    lib,
)
from ._handles import RecordIterator, _Owned, _iterator
from ._rules import Filter
from ._view import View, _contact, _meeting, _proposal_event, _status
from .records import (
    Category,
    Contact,
    FormFormat,
    FormReturn,
    IndicatorKind,
    Level,
    Meeting,
    Owner,
    OwnerRole,
    ProposalEvent,
    ProposalKind,
    ProposalState,
    RegionKind,
    ReportFormat,
    Status,
)

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
        lib.actielijst_store_open(raw, byref(opts), byref(handle))
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
        lib.actielijst_store_import_default_states(self._h(), byref(added))
        return added.value

    def export_json(self, include_contacts: bool = False, file=None) -> str | None:
        """The whole store as a JSON document; contacts (personal data) only when asked for.

        With ``file`` the document is written there as it is produced and None is
        returned: a path is replaced atomically (on failure the previous file is
        kept and FileError names the path and the reason); a file object gets str
        (a text file) or bytes (otherwise) through its write()."""
        opts = n.ExportOptions()
        lib.actielijst_export_options_init(byref(opts), n.EXPORT_OPTIONS_VERSION)
        opts.include_contacts = 1 if include_contacts else 0
        if file is not None:
            _write_output(
                file,
                lambda fn, ctx: lib.actielijst_store_export_json_stream(self._h(), byref(opts), fn, ctx),
                lambda path: lib.actielijst_store_export_json_file(self._h(), byref(opts), path),
            )
            return None
        buf = n.Buf()
        lib.actielijst_store_export_json(self._h(), byref(opts), byref(buf))
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
        lib.actielijst_store_import_regions(self._h(), _bytes(province, "province"), year or 0, byref(added))
        return added.value

    def default_date(self) -> datetime.date:
        """The date a picture is taken at when none is named (view(), and so the
        report, rules and snapshots of it): the latest date anything was recorded up
        to today (UTC; a meeting planned ahead does not move it), else the list's
        meta "as_of" when that is a date, else today."""
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
        added = ctypes.c_int32(0)
        lib.actielijst_store_record_update(self._h(), byref(inp), byref(added))
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
        lib.actielijst_store_put_proposal(self._h(), byref(inp))

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
        lib.actielijst_store_record_decision(self._h(), byref(inp), byref(added))
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
        lib.actielijst_store_put_observation(self._h(), byref(inp))

    def add_meeting(self, key: str, date: datetime.date, title: str | None = None) -> None:
        """Stores a meeting, or updates the one with `key`."""
        inp = n.MeetingInput()
        lib.actielijst_meeting_input_init(byref(inp), n.MEETING_INPUT_VERSION)
        inp.key = _bytes(key, "key")
        inp.date = _date(date, "date")
        inp.title = _bytes(title, "title")
        lib.actielijst_store_put_meeting(self._h(), byref(inp))

    def add_contact(self, municipality: str, role: str, name: str, email: str | None = None) -> None:
        """Stores a contact person (personal data), or updates its e-mail."""
        inp = n.ContactInput()
        lib.actielijst_contact_input_init(byref(inp), n.CONTACT_INPUT_VERSION)
        inp.municipality = _bytes(municipality, "municipality")
        inp.role = _bytes(role, "role")
        inp.name = _bytes(name, "name")
        inp.email = _bytes(email, "email")
        lib.actielijst_store_put_contact(self._h(), byref(inp))

    # Reads
    def iter_history(self, action: str, scope: str | None = None) -> RecordIterator[Status]:
        """The history of `action` (all scopes when `scope` is None), oldest first."""
        handle = POINTER(n.StatusIter)()
        lib.actielijst_status_history_iter_new(
            self._h(), _bytes(action, "action"), _bytes(scope, "scope"), byref(handle)
        )
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
        return _iterator(
            "proposal_history",
            n.ProposalHistoryIter,
            n.ProposalEventRec,
            _proposal_event,
            lib.actielijst_proposal_history_iter_new,
            self._h(),
            _bytes(key, "key"),
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
        from . import _report

        return _report.render_decision_list(self, meeting, format, language, title, as_of, due_within_days, file)

    def report(
        self,
        format: ReportFormat | str | int = ReportFormat.HTML,
        language: str | None = None,
        rules: "Rules | None" = None,
        sections: Iterable[str] | str | None = None,
        where: str | None = None,
        title: str | None = None,
        meeting: str | None = None,
        contacts: bool = False,
        as_of: datetime.date | str | None = None,
        since: str | bytes | os.PathLike | None = None,
        since_date: datetime.date | str | None = None,
        file=None,
    ) -> str | None:
        """The steering-group report of this store as text, made as the command-line
        tool and stuurgroep-rapport make it (docs/report.md, "One pipeline"): the list
        as of ``as_of`` (None: the date of ``meeting`` when one is given, else
        default_date()), the changes since the snapshot file ``since`` or since the
        store's list on ``since_date`` (at most one of the two), the store's contacts
        when ``contacts`` is true (personal data). ``format``, ``language``,
        ``rules``, ``sections``, ``where``, ``title``, ``meeting`` and ``file`` (a
        path or a binary file object to write the report to instead of returning it;
        then None is returned) as in View.report. InvalidError for a bad option or both
        comparisons; NotFoundError for an unknown meeting or a name the list lacks;
        FileError when the snapshot file cannot be read or the file written."""
        from . import _report

        return _report.render_store_report(
            self, format, language, rules, sections, where, title, meeting, contacts, as_of, since, since_date, file
        )

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
