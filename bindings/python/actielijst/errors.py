"""The exceptions of actielijst: one class per C result code.

Every class derives from :class:`ActielijstError` and, where one fits, from the
builtin exception a Python caller would expect (a missing key is a
:class:`KeyError`, bad input a :class:`ValueError`, and so on), so that code
written against plain Python idioms keeps working.
"""

from __future__ import annotations

import errno

# Result codes, as in include/actielijst.h (an append-only list).
OK = 0
EINVALID = -1
ENOTFOUND = -2
EEXISTS = -3
ECONFLICT = -4
ENOMEM = -5
EIO = -6
ESTORAGE = -7
ESNAPSHOT = -8
EVERSION = -9
ITEROVER = -10
EINTERNAL = -11
EBUSY = -12
EREADONLY = -13
EFULL = -14


class ActielijstError(Exception):
    """A failed actielijst call.

    ``code`` is the negative ``ACTIELIJST_E*`` result code and ``message`` the
    text of ``actielijst_error_message()`` (what was wrong and where).
    """

    #: The result code this class stands for (None for the base class).
    default_code: int | None = None
    #: Where a rules text or filter failed to load: 1-based line and column (code
    #: points). None when the failure has no place in the text, and for every
    #: other call.
    line: int | None = None
    column: int | None = None

    def __init__(self, message: str = "", code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = self.default_code if code is None else code

    def __str__(self) -> str:  # KeyError would otherwise print the repr
        return self.message

    def __reduce__(self):
        return (type(self), (self.message, self.code))


class InvalidError(ActielijstError, ValueError):
    """EINVALID: a bad argument or bad input data."""

    default_code = EINVALID


class FormError(InvalidError):
    """EINVALID from Store.process_form: problems in a returned form stopped it, so
    nothing of it was stored. ``result`` is the FormReturn, whose ``problems`` say
    what is wrong and where."""

    def __init__(self, message: str = "", code: int | None = None, result=None) -> None:
        super().__init__(message, code)
        #: The FormReturn with the problems (None only when made by hand).
        self.result = result

    def __reduce__(self):
        return (type(self), (self.message, self.code, self.result))


class NotFoundError(ActielijstError, KeyError):
    """ENOTFOUND: an unknown key, code or file."""

    default_code = ENOTFOUND


class ExistsError(ActielijstError):
    """EEXISTS: a key that must be new already exists."""

    default_code = EEXISTS


class ConflictError(ActielijstError):
    """ECONFLICT: the input contradicts stored data."""

    default_code = ECONFLICT


class OutOfMemoryError(ActielijstError, MemoryError):
    """ENOMEM: the library ran out of memory."""

    default_code = ENOMEM


class FileError(ActielijstError, OSError):
    """EIO: a file cannot be read, written or created."""

    default_code = EIO


class StorageError(ActielijstError):
    """ESTORAGE: a database error, or a file that is not an actielijst database."""

    default_code = ESTORAGE


class BusyError(StorageError):
    """EBUSY: another connection held the store's write lock longer than the busy
    timeout. Nothing was written; retrying is safe. (A StorageError, as these
    failures were before they had their own code.)"""

    default_code = EBUSY


class ReadOnlyError(StorageError, PermissionError):
    """EREADONLY: the store is opened read-only, or its file or directory cannot be
    written. Nothing was written."""

    default_code = EREADONLY

    def __init__(self, message: str = "", code: int | None = None) -> None:
        super().__init__(message, code)
        self.errno = errno.EROFS
        self.strerror = message


class DiskFullError(StorageError, OSError):
    """EFULL: the disk or quota is full. Nothing was written."""

    default_code = EFULL

    def __init__(self, message: str = "", code: int | None = None) -> None:
        super().__init__(message, code)
        self.errno = errno.ENOSPC
        self.strerror = message


class SnapshotError(ActielijstError):
    """ESNAPSHOT: reserved for snapshot archives."""

    default_code = ESNAPSHOT


class VersionError(ActielijstError):
    """EVERSION: written by (or asking for) a newer version of actielijst."""

    default_code = EVERSION


class InternalError(ActielijstError):
    """EINTERNAL: a bug in actielijst; please report it."""

    default_code = EINTERNAL


_BY_CODE: dict[int, type[ActielijstError]] = {
    cls.default_code: cls
    for cls in (
        InvalidError,
        NotFoundError,
        ExistsError,
        ConflictError,
        OutOfMemoryError,
        FileError,
        StorageError,
        SnapshotError,
        VersionError,
        InternalError,
        BusyError,
        ReadOnlyError,
        DiskFullError,
    )
}


def error_class(code: int) -> type[ActielijstError]:
    """The exception class for a negative result code (the base class for a code
    this version of the bindings does not know)."""
    return _BY_CODE.get(code, ActielijstError)
