"""Rendering the steering-group report (View.report) and the decision list (Store.decision_list)."""

from __future__ import annotations

from ctypes import byref

from . import _native as n
from . import errors
from ._convert import _bytes, _date, _int32, _path, _sequence, _take, _write_output, lib
from ._view import View
from .records import ReportFormat

_REPORT_FORMATS = {
    "html": ReportFormat.HTML,
    "markdown": ReportFormat.MARKDOWN,
    "md": ReportFormat.MARKDOWN,
    "csv": ReportFormat.CSV,
    "json": ReportFormat.JSON,
}


def _report_format(value: ReportFormat | str | int) -> int:
    """A format name or number; an unknown number is left for the library to refuse."""
    if isinstance(value, str):
        try:
            return int(_REPORT_FORMATS[value.lower()])
        except KeyError:
            raise errors.InvalidError(
                f"format: {value!r} is not one of html, markdown, md, csv, json", errors.EINVALID
            ) from None
    return _int32(value, "format")


def _sections(sections) -> bytes | None:
    """Section names, or one comma-separated string, as the C option's text."""
    if sections is None or isinstance(sections, (str, bytes)):
        return _bytes(sections, "sections")
    names = [_bytes(s, "sections") for s in _sequence(sections, "sections")]
    if any(b"," in name for name in names):
        raise errors.InvalidError("sections: a name contains a comma", errors.EINVALID)
    # an empty list means no sections given, which the library reads as all
    return b",".join(names)


def _fill_shared(opts, format, language, title, sections, where, meeting) -> None:
    """The options a store report and a view report share (their C structs name them alike)."""
    opts.format = _report_format(format)
    opts.language = _bytes(language, "language")
    opts.title = _bytes(title, "title")
    opts.sections = _sections(sections)
    opts.filter = _bytes(where, "where")
    opts.meeting = _bytes(meeting, "meeting")


def render_store_report(
    store, format, language, rules, sections, where, title, meeting, contacts, as_of, since, since_date, file
) -> str | None:
    """Store.report's work (see its docstring)."""
    from ._rules import Rules

    opts = n.StoreReportOptions()
    lib.actielijst_store_report_options_init(byref(opts), n.STORE_REPORT_OPTIONS_VERSION)
    _fill_shared(opts, format, language, title, sections, where, meeting)
    opts.include_contacts = 1 if contacts else 0
    opts.as_of = _date(as_of, "as_of")
    opts.compare_snapshot = _path(since) if since is not None else None
    opts.compare_date = _date(since_date, "since_date")
    if rules is not None and not isinstance(rules, Rules):
        raise TypeError(f"rules: expected Rules or None, not {type(rules).__name__}")
    opts.rules = rules._h() if rules is not None else None
    if file is not None:
        _write_output(
            file,
            lambda fn, ctx: lib.actielijst_store_report_render_stream(store._h(), byref(opts), fn, ctx),
            lambda path: lib.actielijst_store_report_render_file(store._h(), byref(opts), path),
        )
        return None
    buf = n.Buf()
    lib.actielijst_store_report_render(store._h(), byref(opts), byref(buf))
    return _take(buf)


def render_report(
    view, format, language, rules, sections, where, title, compare, meeting, contacts, file
) -> str | None:
    """View.report's work (see its docstring)."""
    from ._rules import Rules
    from ._store import Store

    opts = n.ReportOptions()
    lib.actielijst_report_options_init(byref(opts), n.REPORT_OPTIONS_VERSION)
    _fill_shared(opts, format, language, title, sections, where, meeting)
    if contacts is not None:
        if not isinstance(contacts, Store):
            raise TypeError(f"contacts: expected a Store or None, not {type(contacts).__name__}")
        opts.include_contacts = 1
        opts.contact_store = contacts._h()
    if rules is not None and not isinstance(rules, Rules):
        raise TypeError(f"rules: expected Rules or None, not {type(rules).__name__}")
    if compare is not None and not isinstance(compare, View):
        raise TypeError(f"compare: expected a View or None, not {type(compare).__name__}")
    rules_h = rules._h() if rules is not None else None
    compare_h = compare._h() if compare is not None else None
    if file is not None:
        _write_output(
            file,
            lambda fn, ctx: lib.actielijst_report_render_stream(view._h(), rules_h, byref(opts), compare_h, fn, ctx),
            lambda path: lib.actielijst_report_render_file(view._h(), rules_h, byref(opts), compare_h, path),
        )
        return None
    buf = n.Buf()
    lib.actielijst_report_render(view._h(), rules_h, byref(opts), compare_h, byref(buf))
    return _take(buf)


def render_decision_list(store, meeting, format, language, title, as_of, due_within_days, file) -> str | None:
    """Store.decision_list's work (see its docstring)."""
    opts = n.DecisionListOptions()
    lib.actielijst_decision_list_options_init(byref(opts), n.DECISION_LIST_OPTIONS_VERSION)
    opts.format = _report_format(format)
    opts.language = _bytes(language, "language")
    opts.title = _bytes(title, "title")
    opts.meeting = _bytes(meeting, "meeting")
    opts.as_of = _date(as_of, "as_of")
    if due_within_days is not None:
        opts.due_within_days = _int32(due_within_days, "due_within_days")
    if file is not None:
        _write_output(
            file,
            lambda fn, ctx: lib.actielijst_decision_list_render_stream(store._h(), byref(opts), fn, ctx),
            lambda path: lib.actielijst_decision_list_render_file(store._h(), byref(opts), path),
        )
        return None
    buf = n.Buf()
    lib.actielijst_decision_list_render(store._h(), byref(opts), byref(buf))
    return _take(buf)
