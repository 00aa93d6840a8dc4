"""The base of the owned C handles (_Owned) and the RecordIterator over C iterators."""

from __future__ import annotations

import weakref
from ctypes import POINTER, byref
from typing import Callable, Iterator, TypeVar

from ._convert import _closed, lib

T = TypeVar("T")

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
        if not self._next(self._handle, byref(self._rec)):
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


def _iterator(noun: str, handle_type: type, rec_type: type, convert: Callable, new_fn: Callable, *args):
    handle = POINTER(handle_type)()
    new_fn(*args, byref(handle))
    return RecordIterator(
        handle,
        getattr(lib, f"actielijst_{noun}_iter_next"),
        getattr(lib, f"actielijst_{noun}_iter_free"),
        rec_type,
        convert,
    )



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
