"""Forms: collecting the states of affairs (uitvraag) through the C API.

Store.write_forms writes a fill-in form per region (XLSX, or CSV for one region);
Store.process_form reads a returned form, checks it and records its new states of
affairs. Store's two methods delegate here (see _store.py)."""

from __future__ import annotations

import datetime
import os
from ctypes import POINTER, byref

from . import _native as n
from . import errors
from ._convert import (
    _bytes,
    _date,
    _enum,
    _int32,
    _is_text_file,
    _opt,
    _opt_day,
    _path,
    _str,
    _text_array,
    _write_output,
)
from ._view import _status
from .records import ChangeKind, FormChange, FormFormat, FormProblem, FormReturn

lib = n.lib

_FORMATS = {"xlsx": FormFormat.XLSX, "csv": FormFormat.CSV}


def _format(value: FormFormat | str | int | None, file) -> int:
    """The format asked for; None: from the file name's extension (.csv, else XLSX)."""
    if value is None:
        name = file if isinstance(file, (str, bytes, os.PathLike)) else getattr(file, "name", None)
        if isinstance(name, (str, bytes, os.PathLike)):
            extension = os.path.splitext(os.fsdecode(name))[1].lower()
            if extension == ".csv":
                return int(FormFormat.CSV)
        return int(FormFormat.XLSX)
    if isinstance(value, str):
        try:
            return int(_FORMATS[value.lower().lstrip(".")])
        except KeyError:
            raise errors.InvalidError(f"format: {value!r} is not one of xlsx, csv", errors.EINVALID) from None
    return _int32(value, "format")  # an unknown number is left for the library to refuse


def write_forms(store, file, meeting, regions, as_of, deadline, language, format) -> None:
    fmt = _format(format, file)
    if fmt == FormFormat.XLSX and not isinstance(file, (str, bytes, os.PathLike)) and _is_text_file(file):
        raise TypeError("file: an XLSX workbook is binary: open the file in binary mode ('wb')")
    if isinstance(regions, (str, bytes)):
        regions = [regions]
    count, array = _text_array(regions if regions is not None else (), "regions")
    opts = n.FormOptions()
    lib.actielijst_form_options_init(byref(opts), n.FORM_OPTIONS_VERSION)
    opts.format = fmt
    opts.language = _bytes(language, "language")
    opts.meeting = _bytes(meeting, "meeting")
    opts.region_count = count
    opts.regions = array
    opts.as_of = _date(as_of, "as_of")
    opts.deadline = _date(deadline, "deadline")
    _write_output(
        file,
        lambda fn, ctx: lib.actielijst_forms_write_stream(store._h(), byref(opts), fn, ctx),
        lambda path: lib.actielijst_forms_write_file(store._h(), byref(opts), path),
    )


def _problem(r: n.FormProblemRec) -> FormProblem:
    return FormProblem(_opt(r.sheet), r.row or None, r.column or None, _str(r.message), _opt(r.where))


def _change(r: n.ChangeRec) -> FormChange:
    return FormChange(
        _enum(ChangeKind, r.kind),
        _str(r.action),
        _str(r.region),
        _opt(r.before_state),
        _opt(r.before_text),
        _opt_day(r.before_date),
        _str(r.after_state),
        _opt(r.after_text),
        datetime.date.fromisoformat(_str(r.after_date)),
        bool(r.closed),
    )


def _records(count: int, get, rec_type: type, convert) -> tuple:
    out = []
    rec = rec_type()
    for i in range(count):
        get(i, byref(rec))
        out.append(convert(rec))
    return tuple(out)


def _form_return(handle) -> FormReturn:
    s = n.FormSummary()
    lib.actielijst_form_result_summary(handle, byref(s))
    return FormReturn(
        file=_str(s.file),
        format=_enum(FormFormat, s.format),
        encoding=_opt(s.encoding),
        meeting=_str(s.meeting),
        regions=tuple(_str(s.regions[i]) for i in range(s.region_count)),
        rows=int(s.rows),
        unchanged=int(s.unchanged),
        updates=_records(
            s.update_count, lambda i, rec: lib.actielijst_form_result_update(handle, i, rec), n.StatusRec, _status
        ),
        changes=_records(
            s.change_count, lambda i, rec: lib.actielijst_form_result_change(handle, i, rec), n.ChangeRec, _change
        ),
        problems=_records(
            s.problem_count, lambda i, rec: lib.actielijst_form_result_problem(handle, i, rec), n.FormProblemRec,
            _problem,
        ),
        stored=bool(s.stored),
        ok=bool(s.ok),
    )


def process_form(store, path, meeting, dry_run: bool, skip_bad_rows: bool) -> FormReturn:
    opts = n.FormProcessOptions()
    lib.actielijst_form_process_options_init(byref(opts), n.FORM_PROCESS_OPTIONS_VERSION)
    opts.meeting = _bytes(meeting, "meeting")
    opts.dry_run = 1 if dry_run else 0
    opts.skip_bad_rows = 1 if skip_bad_rows else 0
    handle = POINTER(n.FormResult)()
    rc = lib.actielijst_form_process(store._h(), _path(path), byref(opts), byref(handle))
    # The message first: the calls that read the result replace it.
    failure = lib.error(rc) if rc < 0 else None
    if not handle:
        if failure is None:
            raise errors.InternalError("actielijst_form_process: no result and no error", errors.EINTERNAL)
        raise failure
    try:
        result = _form_return(handle)
    finally:
        lib.actielijst_form_result_free(handle)
    if failure is None:
        return result
    if rc == errors.EINVALID:
        raise errors.FormError(failure.message, rc, result, failure.where)
    raise failure
