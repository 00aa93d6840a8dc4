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
# -8 is not used: ACTIELIJST_ESNAPSHOT, never returned, was removed at 1.0.
EVERSION = -9
ITEROVER = -10
EINTERNAL = -11
EBUSY = -12
EREADONLY = -13
EFULL = -14


class ActielijstError(Exception):
    """A failed actielijst call.

    ``code`` is the negative ``ACTIELIJST_E*`` result code, ``message`` the
    text of ``actielijst_error_message()`` (what was wrong and where, for people)
    and ``where`` the place alone (``actielijst_error_where()``): a path into the
    input such as ``"updates[3].state"``, the argument of the C call (for an
    argument of an input record the C name, e.g. ``"in->category"``, whose field
    has the same name as the keyword argument), or a file; None when the error
    has no place. A program tests ``code`` (or the class) and ``where``, never the
    message.
    """

    #: The result code this class stands for (None for the base class).
    default_code: int | None = None
    #: Where a rules text or filter failed to load: 1-based line and column (code
    #: points), from ``actielijst_error_position()``, read for every failed call.
    #: None when the failure has no place in a text.
    line: int | None = None
    column: int | None = None

    #: The place of the error (see the class docs); None when it has none.
    where: str | None = None

    def __init__(self, message: str = "", code: int | None = None, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = self.default_code if code is None else code
        self.where = where

    def __str__(self) -> str:  # KeyError and OSError would otherwise print their own form
        return self.message

    def _state(self) -> dict:
        """What the constructor does not take, for pickling: the place in a text."""
        return {name: getattr(self, name) for name in ("line", "column") if getattr(self, name) is not None}

    def __reduce__(self):
        return (type(self), (self.message, self.code, self.where), self._state())


class InvalidError(ActielijstError, ValueError):
    """EINVALID: a bad argument or bad input data."""

    default_code = EINVALID


class FormError(InvalidError):
    """EINVALID from Store.process_form: problems in a returned form stopped it, so
    nothing of it was stored. ``result`` is the FormReturn, whose ``problems`` say
    what is wrong and where."""

    def __init__(self, message: str = "", code: int | None = None, result=None, where: str | None = None) -> None:
        super().__init__(message, code, where)
        #: The FormReturn with the problems (None only when made by hand).
        self.result = result

    def __reduce__(self):
        return (type(self), (self.message, self.code, self.result, self.where), self._state())


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


class _SystemError(ActielijstError, OSError):
    """A failure on a file: an :class:`OSError` whose ``errno``, ``strerror`` and
    ``filename`` are set (``errno`` from ``actielijst_error_errno()``, ``filename``
    the error's place when it is a file), so ``except OSError`` code reads them as
    usual."""

    #: The errno used when the library reports none.
    default_errno: int | None = None

    def __init__(
        self, message: str = "", code: int | None = None, where: str | None = None, os_errno: int | None = None
    ) -> None:
        super().__init__(message, code, where)
        # OSError's own fields, set after the fact: OSError.__init__ took only the message.
        self.errno = os_errno or self.default_errno
        self.strerror = message
        self.filename = where

    def __reduce__(self):
        return (type(self), (self.message, self.code, self.where, self.errno), self._state())


class FileError(_SystemError):
    """EIO: a file cannot be read, written or created.

    When the operating system said why, the exception is also the matching
    builtin: :class:`FileNotFoundError` (ENOENT), :class:`PermissionError`
    (EACCES, EPERM), :class:`IsADirectoryError` (EISDIR),
    :class:`NotADirectoryError` (ENOTDIR), so ``except FileNotFoundError``
    catches a file that is not there."""

    default_code = EIO
    default_errno = errno.EIO


class MissingFileError(FileError, FileNotFoundError):
    """EIO with ENOENT: the file or a directory on its path does not exist."""


class FilePermissionError(FileError, PermissionError):
    """EIO with EACCES or EPERM: the file may not be read or written."""


class DirectoryError(FileError, IsADirectoryError):
    """EIO with EISDIR: a directory where a file was expected."""


class NotADirectoryFileError(FileError, NotADirectoryError):
    """EIO with ENOTDIR: a file where a directory was expected on the path."""


_FILE_ERRORS: dict[int, type[FileError]] = {
    errno.ENOENT: MissingFileError,
    errno.EACCES: FilePermissionError,
    errno.EPERM: FilePermissionError,
    errno.EISDIR: DirectoryError,
    errno.ENOTDIR: NotADirectoryFileError,
}


class StorageError(ActielijstError):
    """ESTORAGE: a database error, or a file that is not an actielijst database."""

    default_code = ESTORAGE


class BusyError(StorageError):
    """EBUSY: another connection held the store's write lock longer than the busy
    timeout. Nothing was written; retrying is safe. (A StorageError, as these
    failures were before they had their own code.)"""

    default_code = EBUSY


class ReadOnlyError(StorageError, _SystemError, PermissionError):
    """EREADONLY: the store is opened read-only, or its file or directory cannot be
    written. Nothing was written."""

    default_code = EREADONLY
    default_errno = errno.EROFS


class DiskFullError(StorageError, _SystemError):
    """EFULL: the disk or quota is full. Nothing was written."""

    default_code = EFULL
    default_errno = errno.ENOSPC


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
        VersionError,
        InternalError,
        BusyError,
        ReadOnlyError,
        DiskFullError,
    )
}


def error_class(code: int, os_errno: int = 0) -> type[ActielijstError]:
    """The exception class for a negative result code (the base class for a code
    this version of the bindings does not know); for EIO, the class that also
    matches the operating system's errno when there is one."""
    if code == EIO and os_errno in _FILE_ERRORS:
        return _FILE_ERRORS[os_errno]
    return _BY_CODE.get(code, ActielijstError)


def make_error(
    code: int,
    message: str,
    where: str | None = None,
    os_errno: int = 0,
    line: int | None = None,
    column: int | None = None,
) -> ActielijstError:
    """The exception for a failed call, with its fields set (``line`` and
    ``column``: its place in a rules text or filter, None for none)."""
    cls = error_class(code, os_errno)
    if issubclass(cls, _SystemError):
        exc = cls(message, code, where, os_errno or None)
    else:
        exc = cls(message, code, where)
    if line is not None:
        exc.line = line
    if column is not None:
        exc.column = column
    return exc
