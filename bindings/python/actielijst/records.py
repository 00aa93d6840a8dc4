"""The records of actielijst as plain, immutable Python values.

Each is a frozen dataclass copied out of the borrowed C record at once, so it
stays valid whatever happens to the handle it came from. Dates are
:class:`datetime.date`; an optional text or date the library reports as ""
(absent) is ``None``; arrays are tuples; enumerations are :class:`enum.IntEnum`.
"""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass


class RegionKind(enum.IntEnum):
    PROVINCE = 0
    COROP = 1
    MUNICIPALITY = 2


class Category(enum.IntEnum):
    """The category of a progress state."""

    TODO = 0
    ACTIVE = 1
    BLOCKED = 2
    DONE = 3
    DROPPED = 4


class OwnerRole(enum.IntEnum):
    LEAD = 0
    SUPPORT = 1


class ProposalState(enum.IntEnum):
    OPEN = 0
    ADOPTED = 1
    REJECTED = 2
    WITHDRAWN = 3


class ProposalKind(enum.IntEnum):
    PROPOSAL = 0
    CONSENSUS = 1


class IndicatorKind(enum.IntEnum):
    ORDINAL = 0
    COUNT = 1
    NUMBER = 2


@dataclass(frozen=True)
class Theme:
    key: str
    label_nl: str
    label_en: str | None


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    kind: RegionKind
    parent: str | None  # None for a province
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class State:
    """A progress state ("in_progress", "stalled", ...)."""

    key: str
    category: Category
    label_nl: str
    label_en: str | None


@dataclass(frozen=True)
class Meeting:
    key: str
    date: datetime.date
    title: str | None


@dataclass(frozen=True)
class Owner:
    name: str
    role: OwnerRole


@dataclass(frozen=True)
class Action:
    """An action point."""

    key: str
    theme: str
    title: str
    goal: str
    due: datetime.date | None
    owners: tuple[Owner, ...]
    scope: tuple[str, ...]  # region codes
    see_also: tuple[str, ...]  # action keys


@dataclass(frozen=True)
class Status:
    """A state of affairs: the current one of an (action, scope) in a view, or
    one entry of an action's history (then ``category`` is None)."""

    action: str
    scope: str
    state: str
    category: Category | None
    text: str
    as_of: datetime.date
    author: str | None
    meeting: str | None


@dataclass(frozen=True)
class Proposal:
    key: str
    action: str
    text: str
    state: ProposalState
    kind: ProposalKind
    meeting: str | None
    decided: datetime.date | None


@dataclass(frozen=True)
class ProposalEvent:
    """One entry of a proposal's history (Store.proposal_history): its tabling
    (state OPEN, the date and meeting it was tabled at, no text) or a decision."""

    proposal: str
    state: ProposalState
    date: datetime.date
    meeting: str | None  # the meeting it was tabled at or decided by
    text: str | None  # the decision as recorded


@dataclass(frozen=True)
class Level:
    key: str
    label_nl: str
    label_en: str | None


@dataclass(frozen=True)
class Indicator:
    key: str
    label_nl: str
    label_en: str | None
    kind: IndicatorKind
    unit: str | None
    levels: tuple[Level, ...]  # lowest first; ordinal indicators only
    # keys of the action points it measures; () for a list-wide indicator
    actions: tuple[str, ...]


@dataclass(frozen=True)
class Observation:
    """A monitoring figure; see docs/json-format.md, "observation"."""

    indicator: str
    region: str
    as_of: datetime.date
    level: str | None  # ordinal indicators
    value: float | None  # count/number indicators, when the figure is known
    count: int | None  # ordinal at a region: municipalities at level or higher
    at_least: bool  # ordinal: level is a lower bound
    source: str | None
    note: str | None


@dataclass(frozen=True)
class Contact:
    """A contact person (personal data)."""

    municipality: str
    role: str
    name: str
    email: str | None


@dataclass(frozen=True)
class Rollup:
    """How far an ordinal indicator has got in a region ("4 van de 8 gemeenten")."""

    municipalities: int  # municipalities in the region
    known_at_or_above: int  # of those, observed at the level or higher
    known: int  # of those, with any observation
    reported: int | None  # the region's own latest count
    reported_as_of: datetime.date | None


# ---- Reporting rules (docs/rules.md) -----------------------------------------------


class Severity(enum.IntEnum):
    """How much a finding asks for attention; compares in that order."""

    INFO = 0
    WARNING = 1
    ALERT = 2


class RuleTarget(enum.IntEnum):
    """What a rule is evaluated for (its ``per`` clause)."""

    ACTION = 0
    SCOPE = 1  # every (action, scope region)
    REGION = 2


class Rag(enum.IntEnum):
    """An action's overall status. GREY: not started, or closed."""

    GREY = 0
    GREEN = 1
    AMBER = 2
    RED = 3


@dataclass(frozen=True)
class RuleInfo:
    """A loaded rule, as written in its rules file."""

    key: str
    severity: Severity
    target: RuleTarget
    section: str
    condition: str  # the source text of `when`
    message: str  # the template as written
    line: int  # where the rule starts in its file


@dataclass(frozen=True)
class Reason:
    """Why a sub-condition held: its source text and the values that made it hold."""

    expression: str  # "since_update > 180d"
    detail: str  # "since_update is 412 days (last_update 2023-01-31, as_of 2024-03-18)"


@dataclass(frozen=True)
class Finding:
    """What one rule found about an action, an (action, scope) or a region."""

    rule: str
    severity: Severity
    section: str
    target: RuleTarget
    action: str | None  # None for per-region rules
    region: str | None  # the scope or region code; None for per-action rules
    message: str
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class ActionStatus:
    """The overall status of one action, with what decided it."""

    action: str
    rag: Rag
    findings: tuple[Finding, ...]  # red/amber: the findings at or above the deciding severity
    reasons: tuple[Reason, ...]  # grey: the reasons of the grey condition


# ---- Meeting snapshots and diffs ---------------------------------------------------------


class SnapshotFormat(enum.IntEnum):
    """The archive inside a snapshot file (ACTIELIJST_SNAPSHOT_*)."""

    TEXT = 0
    BINARY = 1


class ReportFormat(enum.IntEnum):
    """The output of a report (ACTIELIJST_REPORT_*)."""

    HTML = 0
    MARKDOWN = 1
    CSV = 2
    JSON = 3


@dataclass(frozen=True)
class SnapshotInfo:
    """What a snapshot's envelope says."""

    format: SnapshotFormat
    envelope_version: int
    payload_size: int
    as_of: datetime.date


class ChangeWhat(enum.IntEnum):
    """What a change is about (ACTIELIJST_SUBJECT_ACTION ..., actielijst_change_rec.subject)."""

    ACTION = 0
    STATUS = 1
    PROPOSAL = 2
    OBSERVATION = 3


class ChangeKind(enum.IntEnum):
    ADDED = 0
    CHANGED = 1
    REMOVED = 2


@dataclass(frozen=True)
class Change:
    """One difference between two pictures; see actielijst_change_rec. The
    before_* fields are None for an added entry, the after_* ones for a removed one."""

    what: ChangeWhat
    kind: ChangeKind
    key: str  # action, proposal or indicator key
    action: str | None  # the action concerned; None for observations
    region: str | None  # status scope or observation region
    level: str | None  # observation level
    before_state: str | None  # status: state key; proposal: "open", "adopted", ...
    after_state: str | None
    before_date: datetime.date | None  # action: due; status/observation: as_of; proposal: decided
    after_date: datetime.date | None
    before_text: str | None  # action: title; status/proposal: text; observation: note
    after_text: str | None
    closed: bool  # status: went to a done or dropped state
    decided: bool  # proposal: went from open (or absent) to decided

    @property
    def subject(self) -> ChangeWhat:
        """What the change is about: ``what`` under the C field's name
        (actielijst_change_rec.subject)."""
        return self.what


# ---- Forms: collecting the states of affairs (uitvraag) ----------------------------------


class FormFormat(enum.IntEnum):
    """The file of a form (ACTIELIJST_FORM_*)."""

    XLSX = 0
    CSV = 1


@dataclass(frozen=True)
class FormProblem:
    """A problem found in a returned form. ``row`` and ``column`` are None when the
    problem is about the file or a whole sheet; ``column`` is 1-based (1 = A)."""

    sheet: str | None  # None for a CSV file, or for the file as a whole
    row: int | None  # as the spreadsheet shows it
    column: int | None
    message: str
    where: str | None  # 'sheet "Zuid-Limburg", row 7, column I' (the parts that are set)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass(frozen=True)
class FormChange:
    """What one new state of affairs of a returned form does to the current state of
    its (action, scope). The before_* fields are None when the scope had no state yet
    (kind ADDED)."""

    kind: ChangeKind
    action: str
    scope: str
    before_state: str | None
    before_text: str | None
    before_date: datetime.date | None
    after_state: str
    after_text: str | None
    after_date: datetime.date
    closed: bool  # the state's category went to done or dropped


@dataclass(frozen=True)
class FormReturn:
    """What processing one returned form did (Store.process_form)."""

    file: str  # as given
    format: FormFormat  # what the content turned out to be
    encoding: str | None  # CSV: "UTF-8", "UTF-8 with BOM" or "Windows-1252"; None for XLSX
    meeting: str  # the meeting the returns were checked against
    regions: tuple[str, ...]  # the regions of the form sheets read
    rows: int  # data rows read
    unchanged: int  # rows with no new state, or the same state and text
    updates: tuple[Status, ...]  # the new states of affairs (category None)
    changes: tuple[FormChange, ...]  # before -> after for each update
    problems: tuple[FormProblem, ...]  # errors; with skip_bad_rows the skipped rows
    stored: bool  # the updates are in the store
    ok: bool  # nothing was wrong (with skip_bad_rows: only rows were skipped)
