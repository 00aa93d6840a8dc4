"""Module functions about the loaded library: version, error names."""

from __future__ import annotations

from ._convert import _str, lib

# ---- Module functions ----------------------------------------------------------------------


def version() -> str:
    """The loaded library's version, "MAJOR.MINOR.PATCH"."""
    return _str(lib.actielijst_version_string())


def version_number() -> int:
    """The loaded library's version as MAJOR*10000 + MINOR*100 + PATCH."""
    return int(lib.actielijst_version_number())


def error_name(code: int) -> str:
    """A short name for a result code ("EINVALID")."""
    return _str(lib.actielijst_error_name(code))
