#!/usr/bin/python3
"""Fills in actielijst forms the way a region would: in LibreOffice Calc.

Run by test_libreoffice.py with a Python that can `import uno` (on Debian the
system /usr/bin/python3 with python3-uno; the suite's own Python may be another).

Usage: libreoffice_fill.py SPEC.json

SPEC.json (written by test_libreoffice.py): {"soffice": the soffice program,
"work": a scratch directory (the LibreOffice profile goes there), "result": where
to write what was done (JSON: {"documents": [per document, see fill_document],
"timings": {...}}), "documents": [one object per form workbook, all handled by
one soffice]}, and per document:
  form        the XLSX written by `actielijst uitvraag`
  fill        {"ACTION|AREA": {"label": "In uitvoering", "text": "..."}}: what to fill
              in on the row of that action and area; rows not named stay empty
  current     (optional) {"ACTION|AREA": {"label", "text", "date"}}: what columns F-H
              must show; a row not named must show nothing there
  author      the "filled in by" of every filled row
  out_xlsx    the filled-in workbook, saved as XLSX
  csv_dir     (optional) each form sheet as a semicolon CSV in UTF-8:
              <csv_dir>/<region>.csv
  extra_csv   (optional) [{"region": CODE, "path": FILE, "separator": 44, "charset": 1}]:
              that region's sheet also as CSV with that separator (a character code)
              and character set (a token of the CSV filter: 76 UTF-8, 1 Windows-1252)
  bad         (optional) {"path": FILE, "label": "Klaar"}: the filled-in workbook with
              one new state replaced by a label that is not one of the list's

Every step is printed; any problem raises, and soffice is ended in every case.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

MARKER = "actielijst-uitvraag/1"
FIRST_DATA_ROW = 4  # 0-based: row 5 of the sheet
# 0-based columns (src/forms/layout.hpp)
COL_ACTION, COL_AREA, COL_STATE, COL_TEXT, COL_DATE, COL_NEW_STATE, COL_NEW_TEXT, COL_AUTHOR = 0, 4, 5, 6, 7, 8, 9, 10
LOCKED_COLUMNS = range(0, 8)      # A-H: the list's
UNLOCKED_COLUMNS = range(8, 11)   # I-K: the region's
COLUMN_NAMES = "ABCDEFGHIJK"
START_TIMEOUT = 90  # seconds; a cold start on a loaded machine takes 5-20 s
# A UNO call can hang (a dialog nobody sees, a dead bridge): past this, soffice is
# killed and this script exits, so nothing outlives the test (ctest's TIMEOUT is 600
# and would end only the test's own process, not soffice's session).
WATCHDOG = 300
PID_FILE = "soffice.pid"  # in `work`: test_libreoffice.py ends that group if it is left

XLSX_FILTER = "Calc MS Excel 2007 XML"
CSV_FILTER = "Text - txt - csv (StarCalc)"
# CSV filter options, comma-separated tokens: 1 field separator (59 = ';'),
# 2 text delimiter (34 = '"'), 3 character set (76 = UTF-8, 1 = Windows-1252),
# 4 first line (import only), 5 column formats (import only), 6 language,
# 7 quote all text cells, 8 detect special numbers (import only), 9 save cell
# contents as shown, 10 export formulas, 11 remove spaces, 12 the sheet to export
# (1-based; LibreOffice 7.2 and later). "As shown" keeps dates as the form shows them.
CSV_UTF8, CSV_CP1252 = 76, 1


def log(message):
    print("  [libreoffice] " + message, flush=True)


def props(**values):
    """A tuple of PropertyValue, as the UNO load and store calls take them."""
    return tuple(PropertyValue(Name=k, Value=v) for k, v in values.items())


def csv_options(charset, sheet_number, separator=59):
    return f"{separator},34,{charset},1,,0,false,true,true,false,false,{sheet_number}"


class Office:
    """A private headless soffice: its own profile and pipe, so it never meets a
    LibreOffice the user runs, and always ended (its whole process group)."""

    def __init__(self, soffice, work):
        self.soffice = soffice
        self.profile = os.path.join(work, "lo-profile")
        self.pipe = "actielijst-" + uuid.uuid4().hex
        self.pid_file = os.path.join(work, PID_FILE)
        self.process = None
        self.desktop = None
        self.watchdog = None

    def __enter__(self):
        started = time.monotonic()
        # A new session: soffice is a script that starts oosplash and soffice.bin, and
        # the process group lets the finally block end all of them, and only them.
        self.process = subprocess.Popen(
            [self.soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
             "--nolockcheck", f"--accept=pipe,name={self.pipe};urp;",
             "-env:UserInstallation=" + uno.systemPathToFileUrl(self.profile)],
            stdin=subprocess.DEVNULL, start_new_session=True)
        with open(self.pid_file, "w") as f:
            f.write(str(self.process.pid))
        self.watchdog = threading.Timer(WATCHDOG, self._watchdog)
        self.watchdog.daemon = True
        self.watchdog.start()
        try:
            self.desktop = self._connect(started)
        except BaseException:
            self._end()
            raise
        log(f"soffice {self.process.pid} answered after {time.monotonic() - started:.1f} s")
        return self

    def _connect(self, started):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        url = f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext"
        while True:
            try:
                context = resolver.resolve(url)
                return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            except NoConnectException:
                pass
            if self.process.poll() is not None:
                raise RuntimeError(f"soffice exited with status {self.process.returncode} before it answered")
            if time.monotonic() - started > START_TIMEOUT:
                raise RuntimeError(f"soffice did not answer on its pipe within {START_TIMEOUT} s")
            time.sleep(0.25)

    def __exit__(self, *exc):
        self._end()
        return False

    def _watchdog(self):
        log(f"still running after {WATCHDOG} s: killing soffice {self.process.pid} and exiting")
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os._exit(3)

    def _end(self):
        """Asks soffice to quit, then ends what is left of its process group."""
        if self.watchdog is not None:
            self.watchdog.cancel()
        if self.desktop is not None:
            try:
                self.desktop.terminate()
            except Exception:  # the bridge goes away while terminate() returns
                pass
            self.desktop = None
        if self.process is None:
            return
        try:
            self.process.wait(timeout=30)
            log(f"soffice ended (status {self.process.returncode})")
        except subprocess.TimeoutExpired:
            log("soffice did not quit within 30 s: ending it")
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.process.pid, sig)  # the group we created, children included
            except ProcessLookupError:
                break
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                continue
            time.sleep(0.5)  # let soffice.bin, if it outlived the script, go too
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        try:  # the group is gone: nothing for test_libreoffice.py to end
            os.killpg(self.process.pid, 0)
        except ProcessLookupError:
            os.remove(self.pid_file)

    def load(self, path):
        doc = self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0,
                                                props(Hidden=True, ReadOnly=False))
        if doc is None or not hasattr(doc, "Sheets"):
            raise RuntimeError(f"LibreOffice did not open {path} as a spreadsheet")
        return doc


def store(doc, path, filter_name, options=None, check=True):
    values = {"FilterName": filter_name, "Overwrite": True}
    if options is not None:
        values["FilterOptions"] = options
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)), props(**values))
    if check and (not os.path.isfile(path) or os.path.getsize(path) == 0):
        raise RuntimeError(f"LibreOffice wrote nothing to {path}")


def store_sheet_csv(doc, sheet_number, path, charset, separator=59):
    """One sheet as CSV at `path`. With a sheet number, LibreOffice 7.4 appends
    "-<sheet name>" to the file name it is given (later versions may not), so it
    writes into an empty directory of its own and the one file found there is moved."""
    scratch = path + ".d"
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    store(doc, os.path.join(scratch, "sheet.csv"), CSV_FILTER, csv_options(charset, sheet_number, separator),
          check=False)
    written = os.listdir(scratch)
    if len(written) != 1:
        raise RuntimeError(f"LibreOffice wrote {written} for sheet {sheet_number}, expected one CSV file")
    os.replace(os.path.join(scratch, written[0]), path)
    os.rmdir(scratch)
    if os.path.getsize(path) == 0:
        raise RuntimeError(f"LibreOffice wrote an empty {path}")


def form_sheets(doc):
    """(1-based sheet number, sheet) of each sheet whose A1 is the form marker."""
    sheets = doc.Sheets
    found = []
    for i in range(sheets.Count):
        sheet = sheets.getByIndex(i)
        if sheet.getCellByPosition(0, 0).getString() == MARKER:
            found.append((i + 1, sheet))
    return found


def check_protection(sheet, row, problems):
    """The form promises that the list's columns cannot be changed and the region's
    can: A-H locked, I-K not (the sheet's protection is checked in fill_document)."""
    for col in list(LOCKED_COLUMNS) + list(UNLOCKED_COLUMNS):
        locked = sheet.getCellByPosition(col, row).CellProtection.IsLocked
        if locked != (col in LOCKED_COLUMNS):
            problems.append(f"sheet {sheet.Name!r} {COLUMN_NAMES[col]}{row + 1}: "
                            f"{'locked' if locked else 'not locked'}, expected "
                            f"{'locked' if col in LOCKED_COLUMNS else 'unlocked'}")


def check_current(sheet, row, want, problems):
    """Columns F-H show the current state as a person reads it (getString: the text
    as displayed), or nothing where the area has no state of affairs yet."""
    want = want or {"label": "", "text": "", "date": ""}
    for col, field in ((COL_STATE, "label"), (COL_TEXT, "text"), (COL_DATE, "date")):
        shown = sheet.getCellByPosition(col, row).getString()
        if shown != want[field]:
            problems.append(f"sheet {sheet.Name!r} {COLUMN_NAMES[col]}{row + 1}: shows {shown!r}, "
                            f"expected {want[field]!r}")


def fill_document(doc, spec):
    """Fills every data row of every form sheet from spec["fill"], checking the
    protection (and, with spec["current"], columns F-H) on the way. Returns what was
    seen and done: {"all": [sheet names], "hidden": [names], "problems": [...],
    "sheets": [{"name", "number" (1-based), "region", "rows", "protected",
                "filled": [{"key": "ACTION|AREA", "row": 1-based row}]}]}."""
    fill, author = spec["fill"], spec["author"]
    result = {"sheets": [], "hidden": [], "problems": []}
    sheets_by_region = {}
    problems = result["problems"]
    all_sheets = doc.Sheets
    result["all"] = [all_sheets.getByIndex(i).Name for i in range(all_sheets.Count)]
    result["hidden"] = [all_sheets.getByIndex(i).Name for i in range(all_sheets.Count)
                        if not all_sheets.getByIndex(i).IsVisible]
    for number, sheet in form_sheets(doc):
        region = sheet.getCellByPosition(3, 0).getString()
        entry = {"name": sheet.Name, "number": number, "region": region, "rows": 0, "filled": [],
                 "protected": bool(sheet.isProtected())}
        if not sheet.isProtected():
            problems.append(f"sheet {sheet.Name!r} is not protected")
        row = FIRST_DATA_ROW
        while sheet.getCellByPosition(COL_ACTION, row).getString():
            action = sheet.getCellByPosition(COL_ACTION, row).getString()
            area = sheet.getCellByPosition(COL_AREA, row).getString()
            check_protection(sheet, row, problems)
            if "current" in spec:
                check_current(sheet, row, spec["current"].get(action + "|" + area), problems)
            entry["rows"] += 1
            want = fill.get(action + "|" + area)
            if want:
                # setString: text cells, as a person typing into a text-formatted cell.
                sheet.getCellByPosition(COL_NEW_STATE, row).setString(want["label"])
                sheet.getCellByPosition(COL_NEW_TEXT, row).setString(want["text"])
                sheet.getCellByPosition(COL_AUTHOR, row).setString(author)
                entry["filled"].append({"key": action + "|" + area, "row": row + 1})
            row += 1
        log(f"sheet {number} {sheet.Name!r} (region {region}): {entry['rows']} rows, "
            f"{len(entry['filled'])} filled in, protected: {entry['protected']}")
        entry["spare"] = row  # the first spare row (0-based), right after the asked ones
        result["sheets"].append(entry)
        sheets_by_region[region] = (sheet, entry)
    add_municipalities(fill, spec.get("parents", {}), author, sheets_by_region, problems)
    if not result["sheets"]:
        problems.append(f"no sheet has the marker {MARKER!r} in A1 (sheets: {result['all']})")
    return result


def add_municipalities(fill, parents, author, sheets_by_region, problems):
    """A state for a municipality that no form asks about goes into a spare row of its
    region's sheet, as a region officer adds it: the action's key in A, the
    municipality's code in E, then the answer. The spare rows promise A-E and I-K
    open, F-H locked."""
    asked = {f["key"] for _, entry in sheets_by_region.values() for f in entry["filled"]}
    for key in sorted(set(fill) - asked):
        action, area = key.split("|")
        region = parents.get(area)
        if region not in sheets_by_region:
            continue  # reported by the caller as a pair on no form
        sheet, entry = sheets_by_region[region]
        row = entry["spare"]
        for col in range(0, 11):
            locked = sheet.getCellByPosition(col, row).CellProtection.IsLocked
            if locked != (5 <= col <= 7):
                problems.append(f"sheet {sheet.Name!r} spare row {row + 1}, column {col + 1}: "
                                f"{'locked' if locked else 'open'}, expected {'locked' if 5 <= col <= 7 else 'open'}")
        want = fill[key]
        sheet.getCellByPosition(COL_ACTION, row).setString(action)
        sheet.getCellByPosition(COL_AREA, row).setString(area)
        sheet.getCellByPosition(COL_NEW_STATE, row).setString(want["label"])
        sheet.getCellByPosition(COL_NEW_TEXT, row).setString(want["text"])
        sheet.getCellByPosition(COL_AUTHOR, row).setString(author)
        entry["filled"].append({"key": key, "row": row + 1, "added": True})
        entry["spare"] = row + 1
        log(f"sheet {sheet.Name!r}: {action} / {area} added in spare row {row + 1}")


def handle(office, spec):
    """Loads one workbook, fills it in and saves it in every form asked for."""
    log("loading " + spec["form"])
    doc = office.load(spec["form"])
    try:
        result = fill_document(doc, spec)
        log("saving as XLSX: " + spec["out_xlsx"])
        store(doc, spec["out_xlsx"], XLSX_FILTER)
        result["csv"] = {}
        if "csv_dir" in spec:
            os.makedirs(spec["csv_dir"], exist_ok=True)
            for entry in result["sheets"]:
                path = os.path.join(spec["csv_dir"], entry["region"] + ".csv")
                store_sheet_csv(doc, entry["number"], path, CSV_UTF8)
                result["csv"][entry["region"]] = path
            log(f"{len(result['csv'])} sheets saved as UTF-8 CSV in {spec['csv_dir']}")
        for extra in spec.get("extra_csv", []):
            entry = next((e for e in result["sheets"] if e["region"] == extra["region"]), None)
            if entry is None:
                raise RuntimeError(f"no form sheet for region {extra['region']}")
            store_sheet_csv(doc, entry["number"], extra["path"], extra["charset"], extra["separator"])
            log(f"sheet {entry['name']!r} also as CSV with {chr(extra['separator'])!r} in "
                f"{ {CSV_UTF8: 'UTF-8', CSV_CP1252: 'Windows-1252'}.get(extra['charset'])}: {extra['path']}")
        if "bad" in spec:
            # The returned form with one mistake, for the test of a refused file: the
            # third filled row of the first form sheet (any filled row would do).
            bad = spec["bad"]
            first = result["sheets"][0] if result["sheets"] else None
            if first and first["filled"]:
                target = first["filled"][min(2, len(first["filled"]) - 1)]
                sheet = doc.Sheets.getByName(first["name"])
                sheet.getCellByPosition(COL_NEW_STATE, target["row"] - 1).setString(bad["label"])
                store(doc, bad["path"], XLSX_FILTER)
                result["bad"] = {"sheet": first["name"], "row": target["row"], "key": target["key"]}
                log(f"bad form: {bad['label']!r} in sheet {first['name']!r} I{target['row']}: {bad['path']}")
        return result
    finally:
        doc.close(True)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    started = time.monotonic()
    with Office(spec["soffice"], spec["work"]) as office:
        timings = {"start": time.monotonic() - started}
        results = [handle(office, document) for document in spec["documents"]]
        timings["fill_and_save"] = time.monotonic() - started - timings["start"]
    timings["total"] = time.monotonic() - started
    with open(spec["result"], "w", encoding="utf-8") as f:
        json.dump({"documents": results, "timings": timings}, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
