"""The ctypes layer: finding the shared library, the C types of
include/actielijst.h, and one declarative table from which every function is
bound. Nothing here is public API; see the package for that."""

from __future__ import annotations

import ctypes
import os
import sysconfig
from ctypes import (
    POINTER,
    Structure,
    c_char,
    c_char_p,
    c_double,
    c_int,
    c_int32,
    c_int64,
    c_size_t,
    c_uint32,
    c_uint64,
    c_void_p,
)

from . import errors

# ---- Finding the library ------------------------------------------------------

#: The environment variable naming the full path of the library to load.
LIBRARY_ENV = "ACTIELIJST_LIBRARY"
#: The major version of the C API these bindings are written for: only a library of
#: this major version is loaded from a system directory (a newer major may have
#: changed what a function takes).
ABI_MAJOR = 1
_SONAME = f"libactielijst.so.{ABI_MAJOR}"


def _beside_the_package(here: str) -> list[str]:
    """The library installed into the same prefix as the package: the package is in
    <prefix>/lib/python3*/{site,dist}-packages/actielijst (a venv, `pip install
    --prefix`, `cmake --install`), the library in <prefix>/lib/<multiarch>,
    <prefix>/lib64 or <prefix>/lib."""
    site = os.path.dirname(here)
    if os.path.basename(site) not in ("site-packages", "dist-packages"):
        return []
    prefix = os.path.dirname(os.path.dirname(os.path.dirname(site)))
    multiarch = sysconfig.get_config_var("MULTIARCH") or ""
    dirs = [os.path.join(prefix, "lib", multiarch)] if multiarch else []
    dirs += [os.path.join(prefix, "lib64"), os.path.join(prefix, "lib")]
    return [os.path.join(d, _SONAME) for d in dirs if os.path.isfile(os.path.join(d, _SONAME))]


def _candidates() -> list[str]:
    explicit = os.environ.get(LIBRARY_ENV)
    if explicit:
        return [explicit]  # asked for this one: never silently load another
    here = os.path.dirname(os.path.abspath(__file__))
    bundled = os.path.join(here, _SONAME)  # a copy shipped inside the package
    beside = [bundled] if os.path.isfile(bundled) else []
    # Last, the dynamic linker's own search (ld.so.cache: the .deb's multiarch
    # directory, /usr/local/lib after ldconfig, LD_LIBRARY_PATH) by the soname.
    return beside + _beside_the_package(here) + [_SONAME]


def _load() -> tuple[ctypes.CDLL, str]:
    failures = []
    for candidate in _candidates():
        try:
            return ctypes.CDLL(candidate), candidate
        except OSError as exc:
            failures.append(f"{candidate}: {exc}")
    raise ImportError(
        "cannot load the actielijst C library (set " + LIBRARY_ENV + " to its full path): " + "; ".join(failures)
    )


# ---- Handles: each its own type, used through POINTER ------------------------


class _Handle(Structure):
    _fields_: list = []


class Store(_Handle):
    """struct actielijst_store"""


class View(_Handle):
    """struct actielijst_view"""


class ThemeIter(_Handle):
    """struct actielijst_theme_iter"""


class RegionIter(_Handle):
    """struct actielijst_region_iter"""


class StateIter(_Handle):
    """struct actielijst_state_iter"""


class MeetingIter(_Handle):
    """struct actielijst_meeting_iter"""


class ActionIter(_Handle):
    """struct actielijst_action_iter"""


class StatusIter(_Handle):
    """struct actielijst_status_iter"""


class ProposalIter(_Handle):
    """struct actielijst_proposal_iter"""


class IndicatorIter(_Handle):
    """struct actielijst_indicator_iter"""


class ObservationIter(_Handle):
    """struct actielijst_observation_iter"""


class ContactIter(_Handle):
    """struct actielijst_contact_iter"""


class Rules(_Handle):
    """struct actielijst_rules"""


class RuleIter(_Handle):
    """struct actielijst_rule_iter"""


class Evaluation(_Handle):
    """struct actielijst_evaluation"""


class FindingIter(_Handle):
    """struct actielijst_finding_iter"""


class ActionStatusIter(_Handle):
    """struct actielijst_action_status_iter"""


class Filter(_Handle):
    """struct actielijst_filter"""


class Diff(_Handle):
    """struct actielijst_diff"""


class ChangeIter(_Handle):
    """struct actielijst_change_iter"""


class ProposalHistoryIter(_Handle):
    """struct actielijst_proposal_history_iter"""


class FormResult(_Handle):
    """struct actielijst_form_result"""


# ---- Plain structs ------------------------------------------------------------


class Buf(Structure):
    _fields_ = [("data", c_void_p), ("size", c_size_t)]


#: actielijst_write_fn: int (*)(void *ctx, const char *data, size_t len); 0 when taken.
WriteFn = ctypes.CFUNCTYPE(c_int, c_void_p, POINTER(c_char), c_size_t)


class ThemeRec(Structure):
    _fields_ = [("key", c_char_p), ("label_nl", c_char_p), ("label_en", c_char_p)]


class RegionRec(Structure):
    _fields_ = [
        ("code", c_char_p),
        ("name", c_char_p),
        ("kind", c_int32),
        ("parent", c_char_p),
        ("alias_count", c_uint32),
        ("aliases", POINTER(c_char_p)),
    ]


class StateRec(Structure):
    _fields_ = [("key", c_char_p), ("category", c_int32), ("label_nl", c_char_p), ("label_en", c_char_p)]


class MeetingRec(Structure):
    _fields_ = [("key", c_char_p), ("date", c_char_p), ("title", c_char_p)]


class OwnerRec(Structure):
    _fields_ = [("name", c_char_p), ("role", c_int32)]


class ActionRec(Structure):
    _fields_ = [
        ("key", c_char_p),
        ("theme", c_char_p),
        ("title", c_char_p),
        ("goal", c_char_p),
        ("due", c_char_p),
        ("owner_count", c_uint32),
        ("owners", POINTER(OwnerRec)),
        ("scope_count", c_uint32),
        ("scope", POINTER(c_char_p)),
        ("see_also_count", c_uint32),
        ("see_also", POINTER(c_char_p)),
    ]


class StatusRec(Structure):
    _fields_ = [
        ("action", c_char_p),
        ("scope", c_char_p),
        ("state", c_char_p),
        ("category", c_int32),
        ("text", c_char_p),
        ("as_of", c_char_p),
        ("author", c_char_p),
        ("meeting", c_char_p),
    ]


class ProposalRec(Structure):
    _fields_ = [
        ("key", c_char_p),
        ("action", c_char_p),
        ("text", c_char_p),
        ("state", c_int32),
        ("kind", c_int32),
        ("meeting", c_char_p),
        ("decided", c_char_p),
    ]


class LevelRec(Structure):
    _fields_ = [("key", c_char_p), ("label_nl", c_char_p), ("label_en", c_char_p)]


class IndicatorRec(Structure):
    _fields_ = [
        ("key", c_char_p),
        ("label_nl", c_char_p),
        ("label_en", c_char_p),
        ("kind", c_int32),
        ("unit", c_char_p),
        ("level_count", c_uint32),
        ("levels", POINTER(LevelRec)),
        ("action_count", c_uint32),
        ("actions", POINTER(c_char_p)),
    ]


class ObservationRec(Structure):
    _fields_ = [
        ("indicator", c_char_p),
        ("region", c_char_p),
        ("as_of", c_char_p),
        ("level", c_char_p),
        ("has_value", c_int32),
        ("value", c_double),
        ("has_count", c_int32),
        ("count", c_int64),
        ("at_least", c_int32),
        ("source", c_char_p),
        ("note", c_char_p),
    ]


class ContactRec(Structure):
    _fields_ = [("municipality", c_char_p), ("role", c_char_p), ("name", c_char_p), ("email", c_char_p)]


class RollupRec(Structure):
    _fields_ = [
        ("municipalities", c_int64),
        ("known_at_or_above", c_int64),
        ("known", c_int64),
        ("has_reported", c_int32),
        ("reported", c_int64),
        ("reported_as_of", c_char_p),
    ]


class TextPosition(Structure):
    """actielijst_text_position, returned by value by actielijst_error_position()."""

    _fields_ = [("line", c_int32), ("column", c_int32)]


class RuleRec(Structure):
    _fields_ = [
        ("key", c_char_p),
        ("severity", c_int32),
        ("target", c_int32),
        ("section", c_char_p),
        ("condition", c_char_p),
        ("message", c_char_p),
        ("line", c_int32),
    ]


class ReasonRec(Structure):
    _fields_ = [("expression", c_char_p), ("detail", c_char_p)]


class FindingRec(Structure):
    _fields_ = [
        ("rule", c_char_p),
        ("severity", c_int32),
        ("section", c_char_p),
        ("target", c_int32),
        ("action", c_char_p),
        ("region", c_char_p),
        ("message", c_char_p),
        ("reason_count", c_uint32),
        ("reasons", POINTER(ReasonRec)),
    ]


class ActionStatusRec(Structure):
    _fields_ = [
        ("action", c_char_p),
        ("rag", c_int32),
        ("finding_count", c_uint32),
        ("findings", POINTER(c_uint32)),
        ("reason_count", c_uint32),
        ("reasons", POINTER(ReasonRec)),
    ]


class SnapshotInfo(Structure):
    _fields_ = [
        ("format", c_int32),
        ("envelope_version", c_uint32),
        ("payload_size", c_uint64),
        ("as_of", c_char * 11),
    ]


class ReportOptions(Structure):
    _fields_ = [
        ("version", c_uint32),
        ("format", c_int32),
        ("language", c_char_p),
        ("title", c_char_p),
        ("sections", c_char_p),
        ("filter", c_char_p),
        ("meeting", c_char_p),
        ("include_contacts", c_int32),
        ("contact_store", POINTER(Store)),
    ]


REPORT_OPTIONS_VERSION = 1


class StoreReportOptions(Structure):
    _fields_ = [
        ("version", c_uint32),
        ("format", c_int32),
        ("language", c_char_p),
        ("title", c_char_p),
        ("sections", c_char_p),
        ("filter", c_char_p),
        ("meeting", c_char_p),
        ("include_contacts", c_int32),
        ("as_of", c_char_p),
        ("compare_snapshot", c_char_p),
        ("compare_date", c_char_p),
        ("rules", POINTER(Rules)),
    ]


STORE_REPORT_OPTIONS_VERSION = 1


class DecisionListOptions(Structure):
    _fields_ = [
        ("version", c_uint32),
        ("format", c_int32),
        ("language", c_char_p),
        ("title", c_char_p),
        ("meeting", c_char_p),
        ("as_of", c_char_p),
        ("due_within_days", c_int32),
    ]


DECISION_LIST_OPTIONS_VERSION = 1


class ChangeRec(Structure):
    _fields_ = [
        ("subject", c_int32),
        ("kind", c_int32),
        ("key", c_char_p),
        ("action", c_char_p),
        ("region", c_char_p),
        ("level", c_char_p),
        ("before_state", c_char_p),
        ("after_state", c_char_p),
        ("before_date", c_char_p),
        ("after_date", c_char_p),
        ("before_text", c_char_p),
        ("after_text", c_char_p),
        ("closed", c_int32),
        ("decided", c_int32),
    ]


class StoreOptions(Structure):
    _fields_ = [
        ("version", c_uint32),
        ("busy_timeout_ms", c_int32),
        ("must_exist", c_int32),
        ("read_only", c_int32),
    ]


STORE_OPTIONS_VERSION = 2


class ExportOptions(Structure):
    _fields_ = [("version", c_uint32), ("include_contacts", c_int32)]


EXPORT_OPTIONS_VERSION = 1


class UpdateInput(Structure):
    _fields_ = [
        ("version", c_uint32),
        ("action", c_char_p),
        ("scope", c_char_p),
        ("state", c_char_p),
        ("text", c_char_p),
        ("as_of", c_char_p),
        ("author", c_char_p),
        ("meeting", c_char_p),
    ]


UPDATE_INPUT_VERSION = 1


class ProposalInput(Structure):
    _fields_ = [
        ("version", c_uint32),
        ("key", c_char_p),
        ("action", c_char_p),
        ("text", c_char_p),
        ("state", c_int32),
        ("kind", c_int32),
        ("meeting", c_char_p),
        ("decided", c_char_p),
    ]


PROPOSAL_INPUT_VERSION = 1


class ObservationInput(Structure):
    _fields_ = [
        ("version", c_uint32),
        ("indicator", c_char_p),
        ("region", c_char_p),
        ("as_of", c_char_p),
        ("level", c_char_p),
        ("has_value", c_int32),
        ("value", c_double),
        ("has_count", c_int32),
        ("count", c_int64),
        ("at_least", c_int32),
        ("source", c_char_p),
        ("note", c_char_p),
    ]


OBSERVATION_INPUT_VERSION = 1


class MeetingInput(Structure):
    _fields_ = [("version", c_uint32), ("key", c_char_p), ("date", c_char_p), ("title", c_char_p)]


MEETING_INPUT_VERSION = 1


class ContactInput(Structure):
    _fields_ = [
        ("version", c_uint32),
        ("municipality", c_char_p),
        ("role", c_char_p),
        ("name", c_char_p),
        ("email", c_char_p),
    ]


CONTACT_INPUT_VERSION = 1


class ThemeInput(Structure):
    _fields_ = [("version", c_uint32), ("key", c_char_p), ("label_nl", c_char_p), ("label_en", c_char_p)]


THEME_INPUT_VERSION = 1


class RegionInput(Structure):
    _fields_ = [
        ("version", c_uint32),
        ("code", c_char_p),
        ("name", c_char_p),
        ("kind", c_int32),
        ("parent", c_char_p),
        ("alias_count", c_uint32),
        ("aliases", POINTER(c_char_p)),
    ]


REGION_INPUT_VERSION = 1


class StateInput(Structure):
    _fields_ = [
        ("version", c_uint32),
        ("key", c_char_p),
        ("category", c_int32),
        ("label_nl", c_char_p),
        ("label_en", c_char_p),
    ]


STATE_INPUT_VERSION = 1


class OwnerInput(Structure):
    _fields_ = [("name", c_char_p), ("role", c_int32)]


class ActionInput(Structure):
    _fields_ = [
        ("version", c_uint32),
        ("key", c_char_p),
        ("theme", c_char_p),
        ("title", c_char_p),
        ("goal", c_char_p),
        ("due", c_char_p),
        ("owner_count", c_uint32),
        ("owners", POINTER(OwnerInput)),
        ("scope_count", c_uint32),
        ("scope", POINTER(c_char_p)),
        ("see_also_count", c_uint32),
        ("see_also", POINTER(c_char_p)),
    ]


ACTION_INPUT_VERSION = 1


class LevelInput(Structure):
    _fields_ = [("key", c_char_p), ("label_nl", c_char_p), ("label_en", c_char_p)]


class IndicatorInput(Structure):
    _fields_ = [
        ("version", c_uint32),
        ("key", c_char_p),
        ("label_nl", c_char_p),
        ("label_en", c_char_p),
        ("kind", c_int32),
        ("unit", c_char_p),
        ("level_count", c_uint32),
        ("levels", POINTER(LevelInput)),
        # since version 2
        ("action_count", c_uint32),
        ("actions", POINTER(c_char_p)),
    ]


INDICATOR_INPUT_VERSION = 2


class DecisionInput(Structure):
    _fields_ = [
        ("version", c_uint32),
        ("proposal", c_char_p),
        ("state", c_int32),
        ("date", c_char_p),
        ("meeting", c_char_p),
        ("text", c_char_p),
    ]


DECISION_INPUT_VERSION = 1


class ProposalEventRec(Structure):
    _fields_ = [
        ("proposal", c_char_p),
        ("state", c_int32),
        ("date", c_char_p),
        ("meeting", c_char_p),
        ("text", c_char_p),
    ]


class FormOptions(Structure):
    _fields_ = [
        ("version", c_uint32),
        ("format", c_int32),
        ("language", c_char_p),
        ("meeting", c_char_p),
        ("region_count", c_uint32),
        ("regions", POINTER(c_char_p)),
        ("as_of", c_char_p),
        ("deadline", c_char_p),
    ]


FORM_OPTIONS_VERSION = 1


class FormProcessOptions(Structure):
    _fields_ = [
        ("version", c_uint32),
        ("meeting", c_char_p),
        ("dry_run", c_int32),
        ("skip_bad_rows", c_int32),
    ]


FORM_PROCESS_OPTIONS_VERSION = 1


class FormSummary(Structure):
    _fields_ = [
        ("file", c_char_p),
        ("format", c_int32),
        ("encoding", c_char_p),
        ("meeting", c_char_p),
        ("region_count", c_uint32),
        ("regions", POINTER(c_char_p)),
        ("rows", c_uint64),
        ("unchanged", c_uint64),
        ("update_count", c_uint64),
        ("change_count", c_uint64),
        ("problem_count", c_uint64),
        ("stored", c_int32),
        ("ok", c_int32),
    ]


class FormProblemRec(Structure):
    _fields_ = [
        ("sheet", c_char_p),
        ("row", c_uint32),
        ("column", c_uint32),
        ("message", c_char_p),
        ("where", c_char_p),
    ]

# ---- The signature table ----------------------------------------------------------
#
# (name, restype, argtypes, check). check is one of
#   CODE  the int is a result code: negative raises, 0 is returned;
#   NEXT  an _iter_next: True for an item, False for ITEROVER, negative raises;
#   None  no result code (void, or a value that is not a code).

CODE = "code"
NEXT = "next"

P = POINTER


def _iterator(noun: str, handle: type, rec: type) -> list:
    return [
        (f"actielijst_{noun}_iter_next", c_int, [P(handle), P(rec)], NEXT),
        (f"actielijst_{noun}_iter_free", None, [P(handle)], None),
    ]


SIGNATURES = [
    # Version and errors
    ("actielijst_version_string", c_char_p, [], None),
    ("actielijst_version_number", c_int, [], None),
    ("actielijst_error_message", c_char_p, [], None),
    ("actielijst_error_where", c_char_p, [], None),
    ("actielijst_error_errno", c_int, [], None),
    ("actielijst_error_position", TextPosition, [], None),  # the struct by value
    ("actielijst_error_name", c_char_p, [c_int], None),
    ("actielijst_buf_dispose", None, [P(Buf)], None),
    # Options and inputs
    ("actielijst_store_options_init", c_int, [P(StoreOptions), c_uint32], CODE),
    ("actielijst_update_input_init", c_int, [P(UpdateInput), c_uint32], CODE),
    ("actielijst_proposal_input_init", c_int, [P(ProposalInput), c_uint32], CODE),
    ("actielijst_observation_input_init", c_int, [P(ObservationInput), c_uint32], CODE),
    ("actielijst_meeting_input_init", c_int, [P(MeetingInput), c_uint32], CODE),
    ("actielijst_contact_input_init", c_int, [P(ContactInput), c_uint32], CODE),
    ("actielijst_export_options_init", c_int, [P(ExportOptions), c_uint32], CODE),
    ("actielijst_theme_input_init", c_int, [P(ThemeInput), c_uint32], CODE),
    ("actielijst_region_input_init", c_int, [P(RegionInput), c_uint32], CODE),
    ("actielijst_state_input_init", c_int, [P(StateInput), c_uint32], CODE),
    ("actielijst_action_input_init", c_int, [P(ActionInput), c_uint32], CODE),
    ("actielijst_indicator_input_init", c_int, [P(IndicatorInput), c_uint32], CODE),
    # Store
    ("actielijst_store_open", c_int, [c_char_p, P(StoreOptions), P(P(Store))], CODE),
    ("actielijst_store_free", None, [P(Store)], None),
    ("actielijst_store_import_json", c_int, [P(Store), c_char_p, c_size_t], CODE),
    ("actielijst_store_import_default_states", c_int, [P(Store), P(c_uint32)], CODE),
    ("actielijst_store_export_json", c_int, [P(Store), P(ExportOptions), P(Buf)], CODE),
    ("actielijst_store_resolve_region", c_int, [P(Store), c_char_p, P(Buf)], CODE),
    ("actielijst_store_latest_date", c_int, [P(Store), P(Buf)], CODE),
    ("actielijst_store_default_date", c_int, [P(Store), P(Buf)], CODE),
    ("actielijst_store_import_regions", c_int, [P(Store), c_char_p, c_int32, P(c_uint32)], CODE),
    # Definitions
    ("actielijst_store_put_theme", c_int, [P(Store), P(ThemeInput)], CODE),
    ("actielijst_store_put_region", c_int, [P(Store), P(RegionInput)], CODE),
    ("actielijst_store_put_state", c_int, [P(Store), P(StateInput)], CODE),
    ("actielijst_store_put_action", c_int, [P(Store), P(ActionInput)], CODE),
    ("actielijst_store_put_indicator", c_int, [P(Store), P(IndicatorInput)], CODE),
    # Writes
    ("actielijst_store_record_update", c_int, [P(Store), P(UpdateInput), P(c_int32)], CODE),
    ("actielijst_store_put_proposal", c_int, [P(Store), P(ProposalInput)], CODE),
    ("actielijst_decision_input_init", c_int, [P(DecisionInput), c_uint32], CODE),
    ("actielijst_store_record_decision", c_int, [P(Store), P(DecisionInput), P(c_int32)], CODE),
    ("actielijst_store_put_observation", c_int, [P(Store), P(ObservationInput)], CODE),
    ("actielijst_store_put_meeting", c_int, [P(Store), P(MeetingInput)], CODE),
    ("actielijst_store_put_contact", c_int, [P(Store), P(ContactInput)], CODE),
    # Reads from the store
    # (a status iterator: next and free are the view's actielijst_status_iter_*)
    ("actielijst_status_history_iter_new", c_int, [P(Store), c_char_p, c_char_p, P(P(StatusIter))], CODE),
    ("actielijst_contact_iter_new", c_int, [P(Store), P(P(ContactIter))], CODE),
    ("actielijst_store_meeting_iter_new", c_int, [P(Store), P(P(MeetingIter))], CODE),  # next/free: the view's
    ("actielijst_proposal_history_iter_new", c_int, [P(Store), c_char_p, P(P(ProposalHistoryIter))], CODE),
    *_iterator("proposal_history", ProposalHistoryIter, ProposalEventRec),
    *_iterator("contact", ContactIter, ContactRec),
    # Views
    ("actielijst_store_view", c_int, [P(Store), c_char_p, P(P(View))], CODE),
    ("actielijst_view_free", None, [P(View)], None),
    ("actielijst_view_as_of", c_char_p, [P(View)], None),
    ("actielijst_store_view_where", c_int, [P(Store), c_char_p, P(Filter), P(P(View))], CODE),
    ("actielijst_view_selection", c_char_p, [P(View)], None),
    ("actielijst_view_action", c_int, [P(View), c_char_p, P(ActionRec)], CODE),
    ("actielijst_view_region", c_int, [P(View), c_char_p, P(RegionRec)], CODE),
    ("actielijst_view_status", c_int, [P(View), c_char_p, c_char_p, P(StatusRec)], CODE),
    ("actielijst_view_rollup", c_int, [P(View), c_char_p, c_char_p, c_char_p, P(RollupRec)], CODE),
    # Iterators over a view
    ("actielijst_theme_iter_new", c_int, [P(View), P(P(ThemeIter))], CODE),
    *_iterator("theme", ThemeIter, ThemeRec),
    ("actielijst_region_iter_new", c_int, [P(View), P(P(RegionIter))], CODE),
    *_iterator("region", RegionIter, RegionRec),
    ("actielijst_state_iter_new", c_int, [P(View), P(P(StateIter))], CODE),
    *_iterator("state", StateIter, StateRec),
    ("actielijst_meeting_iter_new", c_int, [P(View), P(P(MeetingIter))], CODE),
    *_iterator("meeting", MeetingIter, MeetingRec),
    ("actielijst_action_iter_new", c_int, [P(View), c_char_p, P(P(ActionIter))], CODE),
    *_iterator("action", ActionIter, ActionRec),
    ("actielijst_status_iter_new", c_int, [P(View), c_char_p, P(P(StatusIter))], CODE),
    *_iterator("status", StatusIter, StatusRec),
    ("actielijst_status_iter_next_batch", c_int, [P(StatusIter), P(StatusRec), c_size_t, P(c_size_t)], NEXT),
    ("actielijst_proposal_iter_new", c_int, [P(View), P(P(ProposalIter))], CODE),
    *_iterator("proposal", ProposalIter, ProposalRec),
    ("actielijst_indicator_iter_new", c_int, [P(View), P(P(IndicatorIter))], CODE),
    *_iterator("indicator", IndicatorIter, IndicatorRec),
    ("actielijst_observation_iter_new", c_int, [P(View), c_char_p, P(P(ObservationIter))], CODE),
    *_iterator("observation", ObservationIter, ObservationRec),
    # Reporting rules and filters
    # a failure's place in the text: actielijst_error_position(), read with the message
    ("actielijst_rules_load", c_int, [c_char_p, c_size_t, c_char_p, P(View), P(P(Rules))], CODE),
    ("actielijst_rules_load_file", c_int, [c_char_p, P(View), P(P(Rules))], CODE),
    ("actielijst_rules_load_default", c_int, [P(View), P(P(Rules))], CODE),
    ("actielijst_rules_default_text", c_char_p, [], None),
    ("actielijst_rules_free", None, [P(Rules)], None),
    ("actielijst_rule_iter_new", c_int, [P(Rules), P(P(RuleIter))], CODE),
    *_iterator("rule", RuleIter, RuleRec),
    ("actielijst_rules_evaluate", c_int, [P(Rules), P(View), P(P(Evaluation))], CODE),
    ("actielijst_evaluation_free", None, [P(Evaluation)], None),
    ("actielijst_evaluation_counts", c_int, [P(Evaluation), P(c_size_t), P(c_size_t)], CODE),
    ("actielijst_evaluation_finding", c_int, [P(Evaluation), c_size_t, P(FindingRec)], CODE),
    ("actielijst_evaluation_status", c_int, [P(Evaluation), c_char_p, P(ActionStatusRec)], CODE),
    ("actielijst_finding_iter_new", c_int, [P(Evaluation), P(P(FindingIter))], CODE),
    *_iterator("finding", FindingIter, FindingRec),
    ("actielijst_action_status_iter_new", c_int, [P(Evaluation), P(P(ActionStatusIter))], CODE),
    *_iterator("action_status", ActionStatusIter, ActionStatusRec),
    ("actielijst_filter_new", c_int, [c_char_p, P(View), P(P(Filter))], CODE),
    ("actielijst_filter_free", None, [P(Filter)], None),
    ("actielijst_filter_matches", c_int, [P(Filter), P(View), c_char_p, P(c_int32)], CODE),
    ("actielijst_filter_select", c_int, [P(Filter), P(View), P(P(ActionIter))], CODE),
    # Meeting snapshots and diffs
    ("actielijst_view_save_snapshot", c_int, [P(View), c_int32, c_char_p], CODE),
    ("actielijst_view_snapshot_bytes", c_int, [P(View), c_int32, P(Buf)], CODE),
    ("actielijst_snapshot_load", c_int, [c_char_p, P(P(View))], CODE),
    ("actielijst_snapshot_load_bytes", c_int, [c_void_p, c_size_t, c_char_p, P(P(View))], CODE),
    ("actielijst_snapshot_info_read", c_int, [c_char_p, P(SnapshotInfo)], CODE),
    ("actielijst_diff_new", c_int, [P(View), P(View), P(P(Diff))], CODE),
    ("actielijst_diff_free", None, [P(Diff)], None),
    ("actielijst_diff_count", c_int, [P(Diff), P(c_size_t)], CODE),
    ("actielijst_change_iter_new", c_int, [P(Diff), P(P(ChangeIter))], CODE),
    *_iterator("change", ChangeIter, ChangeRec),
    # Reports
    ("actielijst_report_options_init", c_int, [P(ReportOptions), c_uint32], CODE),
    ("actielijst_report_render", c_int, [P(View), P(Rules), P(ReportOptions), P(View), P(Buf)], CODE),
    ("actielijst_store_report_options_init", c_int, [P(StoreReportOptions), c_uint32], CODE),
    ("actielijst_store_report_render", c_int, [P(Store), P(StoreReportOptions), P(Buf)], CODE),
    # Output sinks
    ("actielijst_store_export_json_stream", c_int, [P(Store), P(ExportOptions), WriteFn, c_void_p], CODE),
    ("actielijst_store_export_json_file", c_int, [P(Store), P(ExportOptions), c_char_p], CODE),
    ("actielijst_report_render_stream", c_int, [P(View), P(Rules), P(ReportOptions), P(View), WriteFn, c_void_p], CODE),
    ("actielijst_report_render_file", c_int, [P(View), P(Rules), P(ReportOptions), P(View), c_char_p], CODE),
    ("actielijst_store_report_render_stream", c_int, [P(Store), P(StoreReportOptions), WriteFn, c_void_p], CODE),
    ("actielijst_store_report_render_file", c_int, [P(Store), P(StoreReportOptions), c_char_p], CODE),
    # The list after a meeting (besluitenlijst)
    ("actielijst_decision_list_options_init", c_int, [P(DecisionListOptions), c_uint32], CODE),
    ("actielijst_decision_list_render", c_int, [P(Store), P(DecisionListOptions), P(Buf)], CODE),
    ("actielijst_decision_list_render_stream", c_int, [P(Store), P(DecisionListOptions), WriteFn, c_void_p], CODE),
    ("actielijst_decision_list_render_file", c_int, [P(Store), P(DecisionListOptions), c_char_p], CODE),
    # Forms (uitvraag)
    ("actielijst_form_options_init", c_int, [P(FormOptions), c_uint32], CODE),
    ("actielijst_forms_write_file", c_int, [P(Store), P(FormOptions), c_char_p], CODE),
    ("actielijst_forms_write_stream", c_int, [P(Store), P(FormOptions), WriteFn, c_void_p], CODE),
    ("actielijst_form_process_options_init", c_int, [P(FormProcessOptions), c_uint32], CODE),
    # not CODE: EINVALID may come with a result that lists the problems (see _forms.py)
    ("actielijst_form_process", c_int, [P(Store), c_char_p, P(FormProcessOptions), P(P(FormResult))], None),
    ("actielijst_form_result_free", None, [P(FormResult)], None),
    ("actielijst_form_result_summary", c_int, [P(FormResult), P(FormSummary)], CODE),
    ("actielijst_form_result_update", c_int, [P(FormResult), c_size_t, P(StatusRec)], CODE),
    ("actielijst_form_result_change", c_int, [P(FormResult), c_size_t, P(ChangeRec)], CODE),
    ("actielijst_form_result_problem", c_int, [P(FormResult), c_size_t, P(FormProblemRec)], CODE),
]

# ---- Errors ------------------------------------------------------------------------


def _text(raw: bytes | None) -> str:
    return "" if raw is None else raw.decode("utf-8", errors="replace")


class _Library:
    """The loaded library with every function of SIGNATURES bound as an attribute."""

    def __init__(self) -> None:
        self.cdll, self.path = _load()
        self.missing: list[str] = []
        for name, restype, argtypes, check in SIGNATURES:
            try:
                func = getattr(self.cdll, name)
            except AttributeError:
                self.missing.append(name)
                setattr(self, name, self._absent(name))
                continue
            func.restype = restype
            func.argtypes = argtypes
            if check == CODE:
                func.errcheck = self._check_code
            elif check == NEXT:
                func.errcheck = self._check_next
            setattr(self, name, func)

    def _absent(self, name: str):
        def absent(*_args):
            raise errors.VersionError(f"{name}: not in the loaded library {self.path}", errors.EVERSION)

        absent.__name__ = name
        return absent

    def error(self, code: int) -> errors.ActielijstError:
        """The exception for `code`, with the calling thread's last message, its
        place, errno and place in a text (line and column: rules and filters)."""
        message = _text(self.actielijst_error_message())
        if not message:
            message = _text(self.actielijst_error_name(code))
        where = _text(self.actielijst_error_where()) or None
        os_errno = int(self.actielijst_error_errno())
        position = self.actielijst_error_position()
        return errors.make_error(code, message, where, os_errno, position.line or None, position.column or None)

    def _check_code(self, result: int, func, args):
        if result < 0:
            raise self.error(result)
        return result

    def _check_next(self, result: int, func, args):
        if result == errors.OK:
            return True
        if result == errors.ITEROVER:
            return False
        raise self.error(result)


lib = _Library()
