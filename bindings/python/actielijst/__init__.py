"""Python bindings of actielijst: a ctypes package over the C API
(include/actielijst.h).

    import datetime, actielijst
    with actielijst.Store.open("lijst.db") as store:
        store.import_json(open("limburg.json", "rb").read())
        with store.view(datetime.date(2023, 3, 1)) as view:
            for status in view.statuses():
                print(status.action, status.scope, status.state)
            for finding in actielijst.Rules.default(view).evaluate(view).findings:
                print(finding.severity.name, finding.message)

The library is loaded from $ACTIELIJST_LIBRARY (a full path), else a
libactielijst.so* in this package's folder, else the system.

Threads: one Store, View or iterator is used by one thread at a time; different
ones may be used from different threads at once; records are immutable values.
"""

from ._handles import RecordIterator
from ._library import error_name, version, version_number
from ._rules import Evaluation, Filter, Rules
from ._snapshot import diff, load_snapshot, load_snapshot_bytes, snapshot_info
from ._store import Store
from ._view import View
from ._native import lib as _lib
from .errors import (
    ActielijstError,
    BusyError,
    ConflictError,
    DirectoryError,
    DiskFullError,
    ExistsError,
    FileError,
    FilePermissionError,
    FormError,
    InternalError,
    InvalidError,
    MissingFileError,
    NotADirectoryFileError,
    NotFoundError,
    OutOfMemoryError,
    ReadOnlyError,
    StorageError,
    VersionError,
)
from .records import (
    Action,
    ActionStatus,
    Category,
    Change,
    ChangeKind,
    ChangeWhat,
    Contact,
    Finding,
    FormChange,
    FormFormat,
    FormProblem,
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

#: The path of the loaded shared library.
library_path: str = _lib.path
#: The version of these bindings (the C API version they are written for; the
#: library loaded may be a newer minor version: see version()).
__version__ = "1.0.0"

__all__ = [
    "ActielijstError",
    "BusyError",
    "Action",
    "ActionStatus",
    "Category",
    "Change",
    "ChangeKind",
    "ChangeWhat",
    "ConflictError",
    "DiskFullError",
    "Contact",
    "Evaluation",
    "ExistsError",
    "FileError",
    "FilePermissionError",
    "MissingFileError",
    "DirectoryError",
    "NotADirectoryFileError",
    "Filter",
    "Finding",
    "FormChange",
    "FormError",
    "FormFormat",
    "FormProblem",
    "FormReturn",
    "Indicator",
    "IndicatorKind",
    "InternalError",
    "InvalidError",
    "Level",
    "Meeting",
    "NotFoundError",
    "Observation",
    "OutOfMemoryError",
    "ReadOnlyError",
    "Owner",
    "OwnerRole",
    "Proposal",
    "ProposalEvent",
    "ProposalKind",
    "ProposalState",
    "Rag",
    "Reason",
    "RecordIterator",
    "Region",
    "RegionKind",
    "ReportFormat",
    "Rollup",
    "RuleInfo",
    "RuleTarget",
    "Rules",
    "Severity",
    "SnapshotFormat",
    "SnapshotInfo",
    "State",
    "Status",
    "StorageError",
    "Store",
    "Theme",
    "VersionError",
    "View",
    "diff",
    "error_name",
    "library_path",
    "load_snapshot",
    "load_snapshot_bytes",
    "snapshot_info",
    "version",
    "version_number",
]
