#!/usr/bin/env python3
"""Check data/regions/cbs-regions.csv (CBS region reference data).

Usage: python3 tests/regions/check_reference.py <repo-root>

Exit 0 when every check passes; exit 1 after printing every mismatch found.
Standard library only.

Checks:
  * the CSV is UTF-8 without BOM, parses, has the exact header, and is written with
    minimal RFC 4180 quoting (a field is quoted only if it contains a comma, quote or newline);
  * codes are unique and well formed per kind (PV\\d\\d, CR\\d\\d, GM\\d{4});
  * every parent exists and has the right kind (province: none; corop: province;
    municipality: corop); rows are ordered provinces, COROP, municipalities, each by code;
  * dates are ISO YYYY-MM-DD and since < until;
  * counts: 12 provinces, 40 COROP regions, and the number of municipalities valid on the
    latest division date;
  * every dissolved municipality is a documented merger (MERGERS below): its `until` is the
    merger date, its successors exist and are valid on that date, a successor with a `since`
    has exactly that date, and the date is the `since` of some municipality formed by a
    merger (exceptions with reasons in ABSORPTION_ONLY_DATES);
  * every municipality code and name agrees with the second source
    (tests/fixtures/regions/second-source.csv), after the normalisation in norm_name();
    exceptions with reasons in SECOND_SOURCE_NAME_EXCEPTIONS;
  * the Limburg part (PV31 and everything under it valid on the as_of date of
    examples/data/limburg.json) equals the regions of that file on code, name, kind and
    parent (aliases ignored); exceptions with reasons in LIMBURG_NAME_EXCEPTIONS.
"""

import csv
import datetime
import io
import json
import os
import re
import sys
import unicodedata

CSV_PATH = os.path.join("data", "regions", "cbs-regions.csv")
SECOND_SOURCE_PATH = os.path.join("tests", "fixtures", "regions", "second-source.csv")
LIMBURG_JSON_PATH = os.path.join("examples", "data", "limburg.json")

HEADER = ["code", "name", "kind", "parent", "since", "until"]
CODE_RE = {
    "province": re.compile(r"^PV\d\d$"),
    "corop": re.compile(r"^CR\d\d$"),
    "municipality": re.compile(r"^GM\d{4}$"),
}
PARENT_KIND = {"province": None, "corop": "province", "municipality": "corop"}
KIND_ORDER = {"province": 0, "corop": 1, "municipality": 2}

# Gemeentelijke indeling per 1 januari 2026 (CBS "Gebieden in Nederland 2026").
LATEST_DIVISION_DATE = "2026-01-01"
EXPECTED_COUNTS = {"province": 12, "corop": 40, "municipality": 342}

# The second source (Ministerie van VWS, Coronadashboard, gm.ts) is the municipal
# division of 1 January 2023; per the primary source no merger took effect between
# 2023-01-01 and 2026-01-01, so the same 342 codes are compared.
SECOND_SOURCE_DATE = "2023-01-01"

# Dissolved municipality -> (date the merger took effect, successor codes).
# Sources: see data/regions/README.md (CBS "Gebieden in Nederland" yearly tables for the
# last year a municipality existed; RIVM COVID-19 dataset metadata for the 2021, 2022,
# 24 March 2022 and 2023 mergers; a published herindeling table for 2018 and 2019).
MERGERS = {
    # 2018-01-01
    "GM0007": ("2018-01-01", ["GM1950"]),  # Bellingwedde -> Westerwolde
    "GM0048": ("2018-01-01", ["GM1950"]),  # Vlagtwedde -> Westerwolde
    "GM0018": ("2018-01-01", ["GM1952"]),  # Hoogezand-Sappemeer -> Midden-Groningen
    "GM1987": ("2018-01-01", ["GM1952"]),  # Menterwolde -> Midden-Groningen
    "GM0040": ("2018-01-01", ["GM1952"]),  # Slochteren -> Midden-Groningen
    "GM0070": ("2018-01-01", ["GM1949"]),  # Franekeradeel -> Waadhoeke
    "GM0063": ("2018-01-01", ["GM1949"]),  # het Bildt -> Waadhoeke
    "GM1908": ("2018-01-01", ["GM1949"]),  # Menameradiel -> Waadhoeke
    "GM0081": ("2018-01-01", ["GM0080"]),  # Leeuwarderadeel -> Leeuwarden
    "GM0140": ("2018-01-01", ["GM0080", "GM1949"]),  # Littenseradiel (split; see README)
    "GM0196": ("2018-01-01", ["GM0299"]),  # Rijnwaarden -> Zevenaar
    # 2019-01-01
    "GM0017": ("2019-01-01", ["GM0014"]),  # Haren -> Groningen
    "GM0009": ("2019-01-01", ["GM0014"]),  # Ten Boer -> Groningen
    "GM0005": ("2019-01-01", ["GM1966"]),  # Bedum -> Het Hogeland
    "GM1663": ("2019-01-01", ["GM1966"]),  # De Marne -> Het Hogeland
    "GM1651": ("2019-01-01", ["GM1966"]),  # Eemsmond -> Het Hogeland
    "GM0053": ("2019-01-01", ["GM1966", "GM1969"]),  # Winsum (split)
    "GM0015": ("2019-01-01", ["GM1969"]),  # Grootegast -> Westerkwartier
    "GM0022": ("2019-01-01", ["GM1969"]),  # Leek -> Westerkwartier
    "GM0025": ("2019-01-01", ["GM1969"]),  # Marum -> Westerkwartier
    "GM0056": ("2019-01-01", ["GM1969"]),  # Zuidhorn -> Westerkwartier
    "GM0738": ("2019-01-01", ["GM1959"]),  # Aalburg -> Altena
    "GM0870": ("2019-01-01", ["GM1959"]),  # Werkendam -> Altena
    "GM0874": ("2019-01-01", ["GM1959"]),  # Woudrichem -> Altena
    "GM0951": ("2019-01-01", ["GM1954"]),  # Nuth -> Beekdaelen
    "GM0881": ("2019-01-01", ["GM1954"]),  # Onderbanken -> Beekdaelen
    "GM0962": ("2019-01-01", ["GM1954"]),  # Schinnen -> Beekdaelen
    "GM0393": ("2019-01-01", ["GM0394"]),  # Haarlemmerliede en Spaarnwoude -> Haarlemmermeer
    "GM0585": ("2019-01-01", ["GM1963"]),  # Binnenmaas -> Hoeksche Waard
    "GM0611": ("2019-01-01", ["GM1963"]),  # Cromstrijen -> Hoeksche Waard
    "GM0588": ("2019-01-01", ["GM1963"]),  # Korendijk -> Hoeksche Waard
    "GM0584": ("2019-01-01", ["GM1963"]),  # Oud-Beijerland -> Hoeksche Waard
    "GM0617": ("2019-01-01", ["GM1963"]),  # Strijen -> Hoeksche Waard
    "GM0058": ("2019-01-01", ["GM1970"]),  # Dongeradeel -> Noardeast-Fryslân
    "GM1722": ("2019-01-01", ["GM1970"]),  # Ferwerderadiel -> Noardeast-Fryslân
    "GM0079": ("2019-01-01", ["GM1970"]),  # Kollumerland en Nieuwkruisland -> Noardeast-Fryslân
    "GM0689": ("2019-01-01", ["GM1978"]),  # Giessenlanden -> Molenlanden
    "GM1927": ("2019-01-01", ["GM1978"]),  # Molenwaard -> Molenlanden
    "GM0576": ("2019-01-01", ["GM0575"]),  # Noordwijkerhout -> Noordwijk
    "GM0545": ("2019-01-01", ["GM1961"]),  # Leerdam -> Vijfheerenlanden
    "GM0707": ("2019-01-01", ["GM1961"]),  # Zederik -> Vijfheerenlanden
    "GM0620": ("2019-01-01", ["GM1961"]),  # Vianen -> Vijfheerenlanden
    "GM0236": ("2019-01-01", ["GM1960"]),  # Geldermalsen -> West Betuwe
    "GM0733": ("2019-01-01", ["GM1960"]),  # Lingewaal -> West Betuwe
    "GM0304": ("2019-01-01", ["GM1960"]),  # Neerijnen -> West Betuwe
    # 2021-01-01
    "GM0003": ("2021-01-01", ["GM1979"]),  # Appingedam -> Eemsdelta
    "GM0010": ("2021-01-01", ["GM1979"]),  # Delfzijl -> Eemsdelta
    "GM0024": ("2021-01-01", ["GM1979"]),  # Loppersum -> Eemsdelta
    "GM0788": ("2021-01-01", ["GM0824", "GM0855", "GM0865", "GM0757"]),  # Haaren (split)
    # 2022-01-01
    "GM0370": ("2022-01-01", ["GM0439"]),  # Beemster -> Purmerend
    "GM0398": ("2022-01-01", ["GM1980"]),  # Heerhugowaard -> Dijk en Waard
    "GM0416": ("2022-01-01", ["GM1980"]),  # Langedijk -> Dijk en Waard
    "GM1685": ("2022-01-01", ["GM1991"]),  # Landerd -> Maashorst
    "GM0856": ("2022-01-01", ["GM1991"]),  # Uden -> Maashorst
    "GM0756": ("2022-01-01", ["GM1982"]),  # Boxmeer -> Land van Cuijk
    "GM1684": ("2022-01-01", ["GM1982"]),  # Cuijk -> Land van Cuijk
    "GM0786": ("2022-01-01", ["GM1982"]),  # Grave -> Land van Cuijk
    "GM0815": ("2022-01-01", ["GM1982"]),  # Mill en Sint Hubert -> Land van Cuijk
    "GM1702": ("2022-01-01", ["GM1982"]),  # Sint Anthonis -> Land van Cuijk
    # 2022-03-24 (not a 1 January merger)
    "GM0457": ("2022-03-24", ["GM0363"]),  # Weesp -> Amsterdam
    # 2023-01-01
    "GM0501": ("2023-01-01", ["GM1992"]),  # Brielle -> Voorne aan Zee
    "GM0530": ("2023-01-01", ["GM1992"]),  # Hellevoetsluis -> Voorne aan Zee
    "GM0614": ("2023-01-01", ["GM1992"]),  # Westvoorne -> Voorne aan Zee
}

# Merger dates on which no new municipality (no new code) was formed, so no row has
# that date as `since`.
ABSORPTION_ONLY_DATES = {
    "2022-03-24": "Weesp (GM0457) was added to Amsterdam (GM0363), which kept its code "
    "and existed before; no municipality starts on that date.",
}

# code -> (name in our CSV, name in the second source, reason). None needed at present.
SECOND_SOURCE_NAME_EXCEPTIONS = {}

# code -> (name in our CSV, name in examples/data/limburg.json, reason).
LIMBURG_NAME_EXCEPTIONS = {
    "GM0888": (
        "Beek (L.)",
        "Beek",
        "CBS renamed it: 'Beek' in Gebieden in Nederland up to 2023, 'Beek (L.)' from 2024; "
        "the CSV holds the name of the latest division, limburg.json the 2023 name.",
    ),
    "GM0971": (
        "Stein (L.)",
        "Stein",
        "CBS renamed it: 'Stein' in Gebieden in Nederland up to 2023, 'Stein (L.)' from 2024; "
        "the CSV holds the name of the latest division, limburg.json the 2023 name.",
    ),
}


def norm_name(name):
    """Documented normalisation for name comparison: Unicode NFC, trim, collapse
    runs of whitespace to one space. Nothing else (case, accents, suffixes count)."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def parse_date(value):
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def valid_on(row, day):
    """True when the row's [since, until) interval contains `day` (ISO strings)."""
    return (not row["since"] or row["since"] <= day) and (not row["until"] or day < row["until"])


def main(argv):
    if len(argv) != 2:
        print("usage: python3 tests/regions/check_reference.py <repo-root>", file=sys.stderr)
        return 2
    root = argv[1]
    errors = []
    err = errors.append

    # ---- parse -----------------------------------------------------------------------
    try:
        raw = open(os.path.join(root, CSV_PATH), "rb").read()
    except OSError as exc:
        print("cannot read %s: %s" % (CSV_PATH, exc))
        return 1
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s starts with a UTF-8 BOM" % CSV_PATH)
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        print("%s is not UTF-8: %s" % (CSV_PATH, exc))
        return 1
    try:
        table = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        print("%s does not parse as CSV: %s" % (CSV_PATH, exc))
        return 1
    if not table or table[0] != HEADER:
        err("header is %r, expected %r" % (table[0] if table else None, HEADER))
        for e in errors:
            print(e)
        return 1
    rows = []
    for lineno, fields in enumerate(table[1:], start=2):
        if len(fields) != len(HEADER):
            err("line %d: %d fields, expected %d: %r" % (lineno, len(fields), len(HEADER), fields))
            continue
        row = dict(zip(HEADER, fields))
        row["_line"] = lineno
        rows.append(row)

    # minimal quoting: re-serialising must give the file back byte for byte
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(table)
    if buf.getvalue() != text:
        want = buf.getvalue().splitlines()
        have = text.splitlines()
        for i, (a, b) in enumerate(zip(have, want), start=1):
            if a != b:
                err("line %d: not written with minimal RFC 4180 quoting / LF endings: %r (expected %r)" % (i, a, b))
                break
        else:
            err("file differs from its minimal-quoting re-serialisation (line endings or final newline)")

    # ---- codes, kinds, uniqueness, order ---------------------------------------------
    by_code = {}
    for r in rows:
        kind = r["kind"]
        if kind not in CODE_RE:
            err("line %d: unknown kind %r" % (r["_line"], kind))
            continue
        if not CODE_RE[kind].match(r["code"]):
            err("line %d: code %r is not a well-formed %s code" % (r["_line"], r["code"], kind))
        if r["code"] in by_code:
            err("line %d: duplicate code %s" % (r["_line"], r["code"]))
        else:
            by_code[r["code"]] = r
        if r["name"] != r["name"].strip() or not r["name"]:
            err("line %d: empty name or leading/trailing space: %r" % (r["_line"], r["name"]))
    keys = [(KIND_ORDER.get(r["kind"], 9), r["code"]) for r in rows]
    if keys != sorted(keys):
        err("rows are not ordered provinces, COROP, municipalities, each by code")

    # ---- parents ---------------------------------------------------------------------
    for r in rows:
        want = PARENT_KIND.get(r["kind"])
        if want is None:
            if r["parent"]:
                err("line %d: %s %s has a parent (%s)" % (r["_line"], r["kind"], r["code"], r["parent"]))
            continue
        p = by_code.get(r["parent"])
        if p is None:
            err("line %d: parent %r of %s does not exist" % (r["_line"], r["parent"], r["code"]))
        elif p["kind"] != want:
            err("line %d: parent %s of %s is a %s, expected a %s" % (r["_line"], p["code"], r["code"], p["kind"], want))

    # ---- dates -----------------------------------------------------------------------
    for r in rows:
        for col in ("since", "until"):
            if r[col] and parse_date(r[col]) is None:
                err("line %d: %s %r is not a valid ISO date" % (r["_line"], col, r[col]))
        if r["kind"] != "municipality" and (r["since"] or r["until"]):
            err("line %d: %s %s has since/until (only municipalities are dated here)" % (r["_line"], r["kind"], r["code"]))
        if r["since"] and r["until"] and not r["since"] < r["until"]:
            err("line %d: since %s is not before until %s" % (r["_line"], r["since"], r["until"]))

    # ---- counts ----------------------------------------------------------------------
    for kind, n in EXPECTED_COUNTS.items():
        got = sum(1 for r in rows if r["kind"] == kind and valid_on(r, LATEST_DIVISION_DATE))
        if got != n:
            err("%d %s rows valid on %s, expected %d" % (got, kind, LATEST_DIVISION_DATE, n))

    # ---- mergers ---------------------------------------------------------------------
    starts = {r["since"] for r in rows if r["kind"] == "municipality" and r["since"]}
    dissolved = {r["code"]: r for r in rows if r["kind"] == "municipality" and r["until"]}
    for code, r in sorted(dissolved.items()):
        if code not in MERGERS:
            err("%s %s has until %s but is not a documented merger (MERGERS)" % (code, r["name"], r["until"]))
            continue
        date, successors = MERGERS[code]
        if r["until"] != date:
            err("%s %s: until %s, but the merger took effect on %s" % (code, r["name"], r["until"], date))
        if r["until"] not in starts and r["until"] not in ABSORPTION_ONLY_DATES:
            err("%s %s: until %s is not the since of any municipality formed by a merger" % (code, r["name"], r["until"]))
        for s in successors:
            sr = by_code.get(s)
            if sr is None or sr["kind"] != "municipality":
                err("%s %s: successor %s missing" % (code, r["name"], s))
                continue
            if not valid_on(sr, date):
                err("%s %s: successor %s %s is not valid on %s" % (code, r["name"], s, sr["name"], date))
            if sr["since"] and sr["since"] != date:
                err("%s %s: successor %s %s has since %s, expected %s" % (code, r["name"], s, sr["name"], sr["since"], date))
    for code in sorted(set(MERGERS) - set(dissolved)):
        err("documented merger %s is not in the CSV with an until date" % code)
    for r in rows:
        if r["kind"] == "municipality" and r["since"]:
            if not any(r["code"] in succ and d == r["since"] for d, succ in MERGERS.values()):
                err("%s %s has since %s but no documented merger forms it" % (r["code"], r["name"], r["since"]))

    # ---- second source ---------------------------------------------------------------
    try:
        with open(os.path.join(root, SECOND_SOURCE_PATH), encoding="utf-8", newline="") as fh:
            second = list(csv.DictReader(fh))
    except (OSError, csv.Error) as exc:
        err("cannot read %s: %s" % (SECOND_SOURCE_PATH, exc))
        second = []
    ours = {r["code"]: r for r in rows if r["kind"] == "municipality" and valid_on(r, SECOND_SOURCE_DATE)}
    theirs = {}
    for s in second:
        if s.get("code") in theirs:
            err("second source: duplicate code %s" % s.get("code"))
        theirs[s.get("code")] = s
    if second:
        for code in sorted(set(ours) - set(theirs)):
            err("%s %s valid on %s is missing from the second source" % (code, ours[code]["name"], SECOND_SOURCE_DATE))
        for code in sorted(set(theirs) - set(ours)):
            err("second source has %s %s, which is not valid on %s in the CSV" % (code, theirs[code].get("name"), SECOND_SOURCE_DATE))
        for code in sorted(set(ours) & set(theirs)):
            a, b = ours[code]["name"], theirs[code].get("name", "")
            if theirs[code].get("kind", "municipality") != "municipality":
                err("second source: %s has kind %r" % (code, theirs[code].get("kind")))
            if norm_name(a) == norm_name(b):
                if code in SECOND_SOURCE_NAME_EXCEPTIONS:
                    err("second-source exception for %s is no longer needed" % code)
                continue
            exc = SECOND_SOURCE_NAME_EXCEPTIONS.get(code)
            if exc and exc[0] == a and exc[1] == b:
                continue
            err("%s: name %r differs from second source %r" % (code, a, b))

    # ---- Limburg example -------------------------------------------------------------
    try:
        with open(os.path.join(root, LIMBURG_JSON_PATH), encoding="utf-8") as fh:
            limburg = json.load(fh)
    except (OSError, ValueError) as exc:
        err("cannot read %s: %s" % (LIMBURG_JSON_PATH, exc))
        limburg = None
    if limburg is not None:
        as_of = (limburg.get("meta") or {}).get("as_of") or "2023-03-01"
        expected = {}
        for reg in limburg.get("regions", []):
            expected[reg.get("code")] = (reg.get("name"), reg.get("kind"), reg.get("parent") or "")
        part = {}
        if "PV31" in by_code:
            part["PV31"] = by_code["PV31"]
        corops = {r["code"] for r in rows if r["kind"] == "corop" and r["parent"] == "PV31"}
        for r in rows:
            if r["code"] in corops or (r["kind"] == "municipality" and r["parent"] in corops and valid_on(r, as_of)):
                part[r["code"]] = r
        for code in sorted(set(part) - set(expected)):
            err("Limburg: %s %s (valid on %s) is not in %s" % (code, part[code]["name"], as_of, LIMBURG_JSON_PATH))
        for code in sorted(set(expected) - set(part)):
            err("Limburg: %s %s from %s is not in the CSV part valid on %s" % (code, expected[code][0], LIMBURG_JSON_PATH, as_of))
        for code in sorted(set(part) & set(expected)):
            r = part[code]
            name, kind, parent = expected[code]
            if r["kind"] != kind:
                err("Limburg: %s kind %s vs %s" % (code, r["kind"], kind))
            if r["parent"] != parent:
                err("Limburg: %s parent %r vs %r" % (code, r["parent"], parent))
            if r["name"] != name:
                exc = LIMBURG_NAME_EXCEPTIONS.get(code)
                if not (exc and exc[0] == r["name"] and exc[1] == name):
                    err("Limburg: %s name %r vs %r" % (code, r["name"], name))
            elif code in LIMBURG_NAME_EXCEPTIONS:
                err("Limburg: exception for %s is no longer needed" % code)

    if errors:
        for e in errors:
            print(e)
        print("%d problem(s) in %s" % (len(errors), CSV_PATH))
        return 1
    n = sum(1 for r in rows if r["kind"] == "municipality")
    print("OK: %d rows (%d municipalities, %d dissolved since 2018); all checks passed"
          % (len(rows), n, len(dissolved)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
