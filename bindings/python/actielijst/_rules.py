"""Reporting rules, their evaluation and filters (docs/rules.md): Rules, Evaluation, Filter."""

from __future__ import annotations

import ctypes
import os
from ctypes import POINTER, byref

from . import _native as n
from . import errors
from ._convert import _bytes, _enum, _opt, _path, _str, _text_bytes, lib
from ._handles import RecordIterator, _Owned, _iterator
from ._view import View, _action
from .records import (
    Action,
    ActionStatus,
    Finding,
    Rag,
    Reason,
    RuleInfo,
    RuleTarget,
    Severity,
)

# ---- Reporting rules and filters (docs/rules.md) -------------------------------------------


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
        # a failure raises with line and column: _native reads actielijst_error_position()
        lib.actielijst_rules_load(raw, len(raw), _bytes(origin, "origin"), _vocabulary(vocabulary), byref(handle))
        return cls(handle)

    @classmethod
    def load_file(cls, path: str | bytes | os.PathLike, vocabulary: View | None = None) -> "Rules":
        """Reads and parses a rules file (FileError when it cannot be read)."""
        handle = POINTER(n.Rules)()
        lib.actielijst_rules_load_file(_path(path), _vocabulary(vocabulary), byref(handle))
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
        lib.actielijst_filter_new(_bytes(text, "text"), _vocabulary(vocabulary), byref(handle))
        self._own(handle, lib.actielijst_filter_free)
        self.text: str = text if isinstance(text, str) else _str(text)

    def __repr__(self) -> str:
        return f"<actielijst.Filter {self.text!r}{' closed' if self.closed else ''}>"

    def matches(self, view: View, action: str) -> bool:
        """Whether the filter holds for `action` in `view` (unknown counts as false)."""
        match = ctypes.c_int32(0)
        lib.actielijst_filter_matches(self._h(), _view(view), _bytes(action, "action"), byref(match))
        return bool(match.value)

    def iter_select(self, view: View) -> RecordIterator[Action]:
        """The action points of `view` the filter selects, in display order."""
        return _iterator("action", n.ActionIter, n.ActionRec, _action, lib.actielijst_filter_select, self._h(), _view(view))

    def select(self, view: View) -> list[Action]:
        return list(self.iter_select(view))
