"""View: an immutable picture of the list as of one date, and the records it yields."""

from __future__ import annotations

import ctypes
import datetime
import os
from ctypes import byref
from typing import TYPE_CHECKING, Iterable

from . import _native as n
from ._convert import _bytes, _day, _enum, _int32, _opt, _opt_day, _path, _str, lib
from ._handles import RecordIterator, _Owned, _iterator
from .records import (
    Action,
    Category,
    Contact,
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
    Region,
    RegionKind,
    ReportFormat,
    Rollup,
    SnapshotFormat,
    State,
    Status,
    Theme,
)

if TYPE_CHECKING:  # only in annotations; importing them here would be circular
    from ._rules import Rules
    from ._store import Store

# ---- Records out ---------------------------------------------------------------------


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


def _indicator(r: n.IndicatorRec) -> Indicator:
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



# ---- View ----------------------------------------------------------------------------------


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
            "indicator", n.IndicatorIter, n.IndicatorRec, _indicator, lib.actielijst_indicator_iter_new, self._h()
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
        lib.actielijst_view_save_snapshot(self._h(), _int32(format, "format"), _path(path))

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
        (the message has the place; ``line`` and ``column`` when the library
        gives it, as it does for rules and filters);
        NotFoundError for a name the view lacks or an unknown meeting.

        With ``file`` the report is written there as it is rendered and None is
        returned: a path is replaced atomically (on failure the previous file is
        kept and FileError names the path and the reason); a file object gets
        str (a text file) or bytes (otherwise) through its write()."""
        from . import _report

        return _report.render_report(
            self, format, language, rules, sections, where, title, compare, meeting, contacts, file
        )
