"""Conversion of arguments into the C API and of results out of it, shared by every handle."""

from __future__ import annotations

import codecs
import ctypes
import datetime
import enum
import errno
import io
import os
from ctypes import byref
from typing import Callable, Iterable, TypeVar

from . import _native as n
from . import errors

lib = n.lib
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
