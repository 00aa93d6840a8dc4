#!/usr/bin/env python3
"""The forms' round trip through a real spreadsheet program.

`actielijst uitvraag` writes the fill-in forms of the Limburg list (XLSX), LibreOffice
Calc fills them in as a region would (headless, through Python-UNO: libreoffice_fill.py)
and saves them as XLSX, as semicolon CSV in UTF-8 and as CSV in Windows-1252 and with
commas, and
`actielijst verwerk` reads them back. The states of affairs it records must be exactly
those recorded by hand with `actielijst status` in a reference store:

  store B  base list + `status` for every current state of affairs of limburg.json
  store A  base list + `verwerk` of the XLSX LibreOffice saved          == B
  store C  base list + `verwerk` of the UTF-8 CSVs, one per region       == B
  store D  base list + `verwerk` of one region's semicolon CSV in Windows-1252 and
           another's comma CSV in UTF-8                               == B for those regions

  store E  B + the forms for the next meeting, which show B's states as current,
           filled in (a third new, a third the same state and text again, a third
           left empty) and returned as XLSX: B + the new third only
  store F  the same from the UTF-8 CSVs of those forms                   == E

and on store A, before the real run: `verwerk --dry-run` stores nothing, and a form
with one unknown state label ("Klaar") is refused whole, naming the row and column I.
It also checks what the form promises, as LibreOffice shows it: a protected sheet per
region with A-H locked and I-K open, and the current state, text and date in F-H.

Usage: test_libreoffice.py ACTIELIJST LIMBURG_JSON
Needs soffice (libreoffice-calc-nogui) and a Python with the uno module (python3-uno),
which `./build.sh test` installs. Without them the test is skipped (exit 77), unless
ACTIELIJST_REQUIRE_OFFICE is set, as `./build.sh test` does.
"""
import difflib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77
MEETING = {"key": "sg-2023-03", "date": "2023-03-01", "title": "Stuurgroep Internationale Werknemers, maart 2023"}
NEXT_MEETING = {"key": "sg-2023-06", "date": "2023-06-01", "title": "Stuurgroep Internationale Werknemers, juni 2023"}
REGIONS = ["PV31", "CR37", "CR38", "CR39"]
# The region whose sheet is also saved as Windows-1252: none of its texts may hold a
# character that code page lacks (checked below), so all of its states can be compared.
CP1252_REGION = "CR39"
# The region whose sheet is also saved with commas: its texts hold commas and the
# line break of EXTRA_TEXT, so the comma CSV must quote them.
COMMA_REGION = "CR38"
# The "ingevuld door" of every filled row, and so the --author of the reference.
AUTHOR = "Secretariaat Stuurgroep"
BAD_LABEL = "Klaar"
# Limburg's texts hold ï ’ “ ” and ';' but no é, ë, – or €, nor anything outside
# Windows-1252, nor a line break or an ASCII quote. These are added to one text of a
# region each, so the round trip carries them too (the reference gets the same texts).
EXTRA_TEXT = {
    "CR39": " [café, reëel – € 5, zgn. \"flexwonen\"]",  # all in Windows-1252
    "CR38": " [eerste regel\ntweede regel]",              # a line break inside a cell
    "PV31": " [Łódź, ≥ 2]",                              # not in Windows-1252: UTF-8 only
}
HERE = os.path.dirname(os.path.abspath(__file__))
CLI_TIMEOUT = 120


class Failure(Exception):
    """A failed check; the message says what was expected and what was found."""


def step(message):
    print("== " + message, flush=True)


def run(args, expect=0, **kw):
    """Runs a command; fails unless its exit status is `expect` (None: any)."""
    started = time.monotonic()
    p = subprocess.run(args, capture_output=True, text=True, timeout=CLI_TIMEOUT, **kw)
    took = time.monotonic() - started
    if expect is not None and p.returncode != expect:
        raise Failure(f"`{' '.join(args)}` exited with {p.returncode}, expected {expect} ({took:.1f} s)\n"
                      f"--- stdout\n{p.stdout}--- stderr\n{p.stderr}")
    return p


class Cli:
    """The actielijst program on one store."""

    def __init__(self, program, db):
        self.program, self.db = program, db

    def __call__(self, *args, expect=0):
        return run([self.program, "--db", self.db, *args], expect=expect)

    def export(self):
        return json.loads(self("export").stdout)


# ---- the data ---------------------------------------------------------------

def base_document(limburg):
    """limburg.json without its states of affairs, plus the meeting the forms are for.

    Without states the list does not track Sittard-Geleen (GM1883) for
    wonen-lokaal-beleid yet, so Zuid-Limburg's form has no row for it: the region adds
    it in one of the form's spare rows, as docs/forms.md describes."""
    base = json.loads(json.dumps(limburg))
    base.pop("updates")
    base.setdefault("meetings", []).append(dict(MEETING))
    return base


def reference_states(limburg):
    """{(action, scope): {"state", "text"}}: the current state of affairs of each pair
    on the meeting's date, i.e. its latest update dated on or before it (ties: the
    later one in the file, as the store appends), with EXTRA_TEXT added to the first
    text of each region's own area."""
    regions = {r["code"]: r for r in limburg["regions"]}
    current = {}
    for u in limburg["updates"]:
        if u["as_of"] <= MEETING["date"]:
            key = (u["action"], u["scope"])
            if key not in current or u["as_of"] >= current[key]["as_of"]:
                current[key] = u
    reference = {}
    extra = dict(EXTRA_TEXT)
    for key in sorted(current):
        u = current[key]
        text = u["text"]
        if u["scope"] in extra and region_of(u["scope"], regions) == u["scope"]:
            text += extra.pop(u["scope"])
        reference[key] = {"state": u["state"], "text": text}
    if extra:
        raise Failure(f"no state of affairs of region(s) {sorted(extra)} to carry the extra characters")
    return reference


def region_of(area, regions):
    """The form region (one of REGIONS) an area is asked on."""
    return area if area in REGIONS else regions[area].get("parent")


# ---- comparing stores ---------------------------------------------------------

def states_of(export):
    """{(action, scope, as_of): (state, text, meeting, author)} of an export; fails on
    two states of affairs of one pair on one date (none of these stores has them)."""
    found = {}
    for u in export.get("updates", []):
        key = (u["action"], u["scope"], u["as_of"])
        if key in found:
            raise Failure(f"two states of affairs for {key}: {found[key]} and {u}")
        found[key] = (u["state"], u["text"], u.get("meeting"), u.get("author"))
    return found


FIELDS = ("state", "text", "meeting", "author")


def compare(name, got, want, only=None):
    """Problems where store `name`'s states differ from the reference's, with a diff
    of each differing field; `only` limits both to the keys it accepts."""
    if only:
        got = {k: v for k, v in got.items() if only(k)}
        want = {k: v for k, v in want.items() if only(k)}
    problems = []
    for key in sorted(set(want) - set(got)):
        problems.append(f"{name}: {' / '.join(key)} missing (reference: {want[key]})")
    for key in sorted(set(got) - set(want)):
        problems.append(f"{name}: {' / '.join(key)} not in the reference: {got[key]}")
    for key in sorted(set(got) & set(want)):
        for field, g, w in zip(FIELDS, got[key], want[key]):
            if g == w:
                continue
            if isinstance(g, str) and isinstance(w, str) and len(w) > 40:
                diff = "\n".join(difflib.unified_diff(w.splitlines(), g.splitlines(), "reference", name,
                                                      lineterm="", n=0))
                diff += f"\n      reference: {w!r}\n      {name}: {g!r}"
            else:
                diff = f"reference {w!r}, {name} {g!r}"
            problems.append(f"{name}: {' / '.join(key)} {field} differs: {diff}")
    return problems


def expect_equal(name, cli, reference, only=None):
    """Store `name` holds exactly the reference's states of affairs (those `only` accepts)."""
    problems = compare(name, states_of(cli.export()), reference, only)
    if problems:
        raise Failure(f"store {name} differs from the reference:\n  " + "\n  ".join(problems))
    count = len([k for k in reference if not only or only(k)])
    print(f"   store {name}: the {count} states of affairs equal the reference's")


def expect_unchanged(name, cli, before, why):
    """Store `name` exports exactly what it did before `why`."""
    after = cli.export()
    if after != before:
        problems = compare(name + " after", states_of(after), states_of(before))
        raise Failure(f"{why} changed store {name}:\n  " + "\n  ".join(problems or ["(outside the updates)"]))


# ---- LibreOffice -----------------------------------------------------------------

def find_office():
    """(soffice, a Python that imports uno), or the reason they are missing."""
    soffice = shutil.which("soffice") or next(
        (p for p in ("/usr/lib/libreoffice/program/soffice",) if os.access(p, os.X_OK)), None)
    # The suite may run under another Python (a pyenv, a venv) than Debian's, which
    # alone has python3-uno; ACTIELIJST_UNO_PYTHON names another one.
    candidates = [os.environ.get("ACTIELIJST_UNO_PYTHON"), sys.executable, "/usr/bin/python3"]
    python = None
    for c in filter(None, candidates):
        if os.access(c, os.X_OK) and subprocess.run([c, "-c", "import uno"], capture_output=True).returncode == 0:
            python = c
            break
    missing = []
    if not soffice:
        missing.append("soffice (Debian package libreoffice-calc-nogui)")
    if not python:
        missing.append("a Python with the uno module (python3-uno; tried " + ", ".join(filter(None, candidates)) + ")")
    return soffice, python, missing


def end_left_soffice(work):
    """Kills the soffice that libreoffice_fill.py started, if it is still there (it
    leads a process group of its own, whose id it wrote into soffice.pid)."""
    pid_file = os.path.join(work, "soffice.pid")
    if not os.path.exists(pid_file):
        return
    pid = int(open(pid_file).read())
    os.remove(pid_file)
    try:
        os.killpg(pid, signal.SIGKILL)
        print(f"   soffice {pid} was left running: killed", file=sys.stderr)
    except ProcessLookupError:
        pass


def run_libreoffice(soffice, python, work, documents):
    """Runs libreoffice_fill.py on the documents (one soffice for all); returns its
    result per document (see there), each with the spec it was given."""
    spec = {"soffice": soffice, "work": work, "result": os.path.join(work, "fill-result.json"),
            "documents": documents}
    with open(os.path.join(work, "fill-spec.json"), "w", encoding="utf-8") as f:
        json.dump(spec, f, ensure_ascii=False)
    # libreoffice_fill.py ends soffice itself, also on errors and hangs (its watchdog);
    # this timeout and end_left_soffice are the last resort.
    try:
        p = subprocess.run([python, os.path.join(HERE, "libreoffice_fill.py"), os.path.join(work, "fill-spec.json")],
                           timeout=400)
    finally:
        end_left_soffice(work)
    if p.returncode != 0:
        raise Failure(f"libreoffice_fill.py exited with {p.returncode} (its output is above)")
    with open(spec["result"], encoding="utf-8") as f:
        result = json.load(f)
    for r, d in zip(result["documents"], documents):
        r["spec"] = d
    return result


def fill_of(states, labels):
    """What libreoffice_fill.py puts in I and J for {(action, area): {state, text}}."""
    return {f"{a}|{s}": {"label": labels[v["state"]], "text": v["text"]} for (a, s), v in states.items()}


def next_round(reference, labels):
    """How the forms for the next meeting are filled in, pair by pair in turn: a new
    state and text; the current state and text again (not a change: nothing may be
    recorded); nothing (unchanged). Returns (fill, the new states by pair)."""
    fill, new = {}, {}
    for i, ((action, area), v) in enumerate(sorted(reference.items())):
        if i % 3 == 0:
            new[(action, area)] = {"state": "done" if v["state"] != "done" else "in_progress",
                                   "text": f"Stand juni 2023 ({action}, {area}): afgerond – zie notitie."}
        elif i % 3 == 1:
            fill.update(fill_of({(action, area): v}, labels))
    fill.update(fill_of(new, labels))
    return fill, new


def check_filled(result, keys, regions, what):
    """The workbook was what uitvraag promises (checked by libreoffice_fill.py, and
    here the sheets), and each key of `keys` ("ACTION|AREA") had exactly one row."""
    problems = list(result["problems"])
    names = {c: r["name"] for c, r in regions.items()}
    sheets = result["sheets"]
    if result["all"][:1] != ["Toelichting"]:
        problems.append(f"the first sheet is {result['all'][:1]}, expected 'Toelichting'")
    if [s["region"] for s in sheets] != REGIONS:
        problems.append(f"form sheets for {[s['region'] for s in sheets]}, expected {REGIONS}")
    for s in sheets:
        if s["name"] != names.get(s["region"]):
            problems.append(f"sheet {s['name']!r} of region {s['region']}: expected the name {names.get(s['region'])!r}")
    filled = [f["key"] for s in sheets for f in s["filled"]]
    for key in sorted(set(keys) - set(filled)):
        problems.append(f"no row for {key.replace('|', ' / ')} on any form: its state could not be filled in")
    for key in sorted(set(k for k in filled if filled.count(k) > 1)):
        problems.append(f"{key.replace('|', ' / ')} is on more than one row")
    if problems:
        raise Failure(what + " as LibreOffice read them:\n  " + "\n  ".join(problems))
    print(f"   {what}: {len(sheets)} form sheets ({', '.join(s['name'] for s in sheets)}), "
          f"{sum(s['rows'] for s in sheets)} rows, {len(filled)} filled in; hidden sheets: {result['hidden']}")


def check_csv_files(result):
    """LibreOffice wrote what was asked: UTF-8 and Windows-1252 with the marker, and the
    extra characters encoded as each code page has them."""
    for region, path in result["csv"].items():
        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise Failure(f"{path}: not UTF-8 ({e})")
        if not text.lstrip("\ufeff").startswith("actielijst-uitvraag/1;"):
            raise Failure(f"{path}: does not start with the marker and a ';': {text[:80]!r}")
    extra = {e["charset"]: e for e in result["spec"].get("extra_csv", [])}
    if not extra:
        return
    comma = extra[76]["path"]
    if not open(comma, encoding="utf-8").read().startswith("actielijst-uitvraag/1,"):
        raise Failure(f"{comma}: does not start with the marker and a ','")
    cp = extra[1]["path"]
    raw = open(cp, "rb").read()
    try:
        raw.decode("utf-8")
        raise Failure(f"{cp}: is valid UTF-8; expected Windows-1252 (it has é, ë, – and €)")
    except UnicodeDecodeError:
        pass
    if "café, reëel – € 5" not in raw.decode("cp1252"):
        raise Failure(f"{cp}: 'café, reëel – € 5' is not in it as Windows-1252")
    print(f"   {len(result['csv'])} UTF-8 CSVs, one in Windows-1252 and one with commas, as asked")


# ---- the steps ---------------------------------------------------------------------

def new_store(program, work, name, document):
    """A fresh store with a JSON document imported."""
    cli = Cli(program, os.path.join(work, name + ".db"))
    cli("init")
    cli("import", document)
    return cli


def show(p):
    """verwerk's report, indented under the step."""
    print("   " + (p.stdout + p.stderr).strip().replace("\n", "\n   "))


def uitvraag(cli, meeting, path):
    args = ["uitvraag", "--meeting", meeting]
    for r in REGIONS:
        args += ["--region", r]
    cli(*args, "--out", path)
    return path


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    program, data = (os.path.abspath(a) for a in sys.argv[1:])
    soffice, python, missing = find_office()
    if missing:
        print("missing: " + "; ".join(missing), file=sys.stderr)
        return 1 if os.environ.get("ACTIELIJST_REQUIRE_OFFICE") == "1" else SKIP
    print(f"soffice: {soffice}; UNO Python: {python}")
    with open(data, encoding="utf-8") as f:
        limburg = json.load(f)
    labels = {s["key"]: s["label"]["nl"] for s in limburg["states"]}
    regions = {r["code"]: r for r in limburg["regions"]}
    started = time.monotonic()
    timings = {}
    with tempfile.TemporaryDirectory(prefix="actielijst-lo-") as work:
        try:
            step("1. base document (limburg.json without states of affairs, plus meeting "
                 f"{MEETING['key']}) into stores A and B")
            base_path = os.path.join(work, "base.json")
            with open(base_path, "w", encoding="utf-8") as f:
                json.dump(base_document(limburg), f, ensure_ascii=False, indent=1)
            a = new_store(program, work, "A", base_path)
            b = new_store(program, work, "B", base_path)

            step("2. store B, the reference: `status` for each current state of affairs on " + MEETING["date"])
            reference = reference_states(limburg)
            for (action, scope), v in reference.items():
                b("status", action, scope, v["state"], v["text"], "--date", MEETING["date"],
                  "--meeting", MEETING["key"], "--author", AUTHOR)
            want = states_of(b.export())
            if len(want) != len(reference):
                raise Failure(f"store B holds {len(want)} states of affairs, expected {len(reference)}")
            print(f"   {len(reference)} pairs ({len(limburg['updates'])} updates in limburg.json; "
                  f"a pair with more than one has its latest)")
            for (action, area), v in reference.items():
                try:  # else the Windows-1252 comparison below could not be exact
                    if region_of(area, regions) == CP1252_REGION:
                        v["text"].encode("cp1252")
                except UnicodeEncodeError as e:
                    raise Failure(f"{action} / {area}: its text has {v['text'][e.start:e.end]!r}, "
                                  f"which Windows-1252 lacks")
            b_path = os.path.join(work, "B.json")
            b("export", "--output", b_path)

            step(f"3. the forms: store A for {MEETING['key']} (nothing current), store E (= B) for "
                 f"{NEXT_MEETING['key']} (B's states current); LibreOffice fills them in")
            forms = uitvraag(a, MEETING["key"], os.path.join(work, "forms.xlsx"))
            e = new_store(program, work, "E", b_path)
            e("meeting", "add", NEXT_MEETING["key"], NEXT_MEETING["date"], "--title", NEXT_MEETING["title"])
            later = uitvraag(e, NEXT_MEETING["key"], os.path.join(work, "later.xlsx"))
            later_fill, later_new = next_round(reference, labels)
            os.makedirs(os.path.join(work, "more-csv"))
            first_doc = {
                "form": forms, "author": AUTHOR, "fill": fill_of(reference, labels), "current": {},
                "parents": {code: r.get("parent") for code, r in regions.items()},
                "out_xlsx": os.path.join(work, "returned.xlsx"), "csv_dir": os.path.join(work, "csv-utf8"),
                "extra_csv": [
                    {"region": CP1252_REGION, "path": os.path.join(work, "more-csv", CP1252_REGION + "-cp1252.csv"),
                     "separator": ord(";"), "charset": 1},
                    {"region": COMMA_REGION, "path": os.path.join(work, "more-csv", COMMA_REGION + "-comma.csv"),
                     "separator": ord(","), "charset": 76}],
                "bad": {"path": os.path.join(work, "bad.xlsx"), "label": BAD_LABEL}}
            later_doc = {
                "form": later, "author": AUTHOR, "fill": later_fill,
                "current": {f"{a_}|{s_}": {"label": labels[v["state"]], "text": v["text"], "date": MEETING["date"]}
                            for (a_, s_), v in reference.items()},
                "out_xlsx": os.path.join(work, "later-returned.xlsx"), "csv_dir": os.path.join(work, "csv-later")}
            t = time.monotonic()
            lo = run_libreoffice(soffice, python, work, [first_doc, later_doc])
            timings["libreoffice"] = time.monotonic() - t
            timings["soffice start"] = lo["timings"]["start"]
            first, second = lo["documents"]
            check_filled(first, first_doc["fill"], regions, f"forms for {MEETING['key']}")
            check_filled(second, later_fill, regions, f"forms for {NEXT_MEETING['key']}")
            check_csv_files(first)
            check_csv_files(second)
            if "bad" not in first:
                raise Failure("no filled row to put the bad label in")
            returned = first_doc["out_xlsx"]

            step("4a. store A: verwerk --dry-run of the returned XLSX stores nothing")
            before = a.export()
            show(a("verwerk", "--meeting", MEETING["key"], "--dry-run", returned))
            expect_unchanged("A", a, before, "verwerk --dry-run")

            step(f"4b. store A: a form with the unknown state {BAD_LABEL!r} is refused whole")
            bad = first["bad"]
            p = a("verwerk", "--meeting", MEETING["key"], first_doc["bad"]["path"], expect=None)
            show(p)
            said = p.stdout + p.stderr
            if p.returncode == 0:
                raise Failure(f"verwerk accepted {BAD_LABEL!r} (exit 0)")
            if f"row {bad['row']}" not in said or "column I" not in said or BAD_LABEL not in said:
                raise Failure(f"verwerk's message does not name the row ({bad['row']}), column I and "
                              f"{BAD_LABEL!r} of sheet {bad['sheet']!r}:\n{said}")
            print(f"   exit {p.returncode}")
            expect_unchanged("A", a, before, "the refused form")

            step("4c. store A: verwerk of the returned XLSX equals the reference")
            show(a("verwerk", "--meeting", MEETING["key"], returned))
            expect_equal("A", a, want)

            step("4d. store A: the same file again records nothing")
            before = a.export()
            show(a("verwerk", "--meeting", MEETING["key"], returned))
            expect_unchanged("A", a, before, "verwerk of a file already recorded")

            step("5a. store C: verwerk of the UTF-8 semicolon CSVs, one per region")
            c = new_store(program, work, "C", base_path)
            show(c("verwerk", "--meeting", MEETING["key"], *[first["csv"][r] for r in REGIONS]))
            expect_equal("C", c, want)

            step(f"5b. store D: verwerk of the Windows-1252 CSV of {CP1252_REGION} and the comma CSV of "
                 f"{COMMA_REGION}")
            d = new_store(program, work, "D", base_path)
            show(d("verwerk", "--meeting", MEETING["key"], *[e["path"] for e in first_doc["extra_csv"]]))
            # Only those regions' states: a CSV holds one sheet.
            expect_equal("D", d, want, only=lambda k: region_of(k[1], regions) in (CP1252_REGION, COMMA_REGION))

            step(f"6. stores E and F (= B): the forms for {NEXT_MEETING['key']} as XLSX and as CSVs")
            want_next = dict(want)
            for (action, area), v in later_new.items():
                want_next[(action, area, NEXT_MEETING["date"])] = (v["state"], v["text"], NEXT_MEETING["key"], AUTHOR)
            print(f"   {len(later_new)} new states, {len(later_fill) - len(later_new)} rows with the current "
                  f"state and text again, {len(reference) - len(later_fill)} rows left empty")
            show(e("verwerk", "--meeting", NEXT_MEETING["key"], later_doc["out_xlsx"]))
            expect_equal("E", e, want_next)
            f_ = new_store(program, work, "F", b_path)
            f_("meeting", "add", NEXT_MEETING["key"], NEXT_MEETING["date"], "--title", NEXT_MEETING["title"])
            show(f_("verwerk", "--meeting", NEXT_MEETING["key"], *[second["csv"][r] for r in REGIONS]))
            expect_equal("F", f_, want_next)
        except Failure as e_:
            print("FAIL " + str(e_), file=sys.stderr)
            return 1
    timings["total"] = time.monotonic() - started
    print("timings: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
    print("OK: the forms went through LibreOffice and back")
    return 0


if __name__ == "__main__":
    sys.exit(main())
