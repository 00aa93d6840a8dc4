"""Python bindings of actielijst: a ctypes package over the C API
(include/actielijst.h).

    import datetime, actielijst
    with actielijst.Store.open("lijst.db") as store:
        store.import_json(open("limburg.json", "rb").read())
        with store.view(datetime.date(2023, 3, 1)) as view:
            for status in view.statuses():
                print(status.action, status.scope, status.state)

The library is loaded from $ACTIELIJST_LIBRARY (a full path), else a
libactielijst.so* in this package's folder, else the system.

Threads: one Store, View or iterator is used by one thread at a time; different
ones may be used from different threads at once; records are immutable values.
"""

from ._api import RecordIterator, Store, View, debug_raise, error_name, version, version_number
from ._native import lib as _lib
from .errors import (
    ActielijstError,
    ConflictError,
    ExistsError,
    FileError,
    InternalError,
    InvalidError,
    NotFoundError,
    OutOfMemoryError,
    SnapshotError,
    StorageError,
    VersionError,
)
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
    ProposalKind,
    ProposalState,
    Region,
    RegionKind,
    Rollup,
    State,
    Status,
    Theme,
)

#: The path of the loaded shared library.
library_path: str = _lib.path

__all__ = [
    "ActielijstError",
    "Action",
    "Category",
    "ConflictError",
    "Contact",
    "ExistsError",
    "FileError",
    "Indicator",
    "IndicatorKind",
    "InternalError",
    "InvalidError",
    "Level",
    "Meeting",
    "NotFoundError",
    "Observation",
    "OutOfMemoryError",
    "Owner",
    "OwnerRole",
    "Proposal",
    "ProposalKind",
    "ProposalState",
    "RecordIterator",
    "Region",
    "RegionKind",
    "Rollup",
    "SnapshotError",
    "State",
    "Status",
    "Store",
    "StorageError",
    "Theme",
    "VersionError",
    "View",
    "debug_raise",
    "error_name",
    "library_path",
    "version",
    "version_number",
]
