#!/usr/bin/env python3
"""Lists the stalled action points per region and records a new state of affairs.

    stalled.py [STORE] [--as-of YYYY-MM-DD] [--record-on YYYY-MM-DD]

Opens STORE (a temporary database when omitted), imports the bundled Limburg
data (examples/data/limburg.json; importing again changes nothing), prints per
region the action points whose current state is in the category "blocked" as of
--as-of, then records that the first of them is in progress again on
--record-on, and shows its history.

Needs the actielijst package on PYTHONPATH (bindings/python) and the library
(ACTIELIJST_LIBRARY=/path/to/libactielijst.so, or installed).
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import tempfile
from collections import defaultdict

import actielijst

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "limburg.json")


def stalled_by_region(view: actielijst.View) -> dict[str, list[actielijst.Status]]:
    blocked = defaultdict(list)
    for status in view.statuses():
        if status.category == actielijst.Category.BLOCKED:
            blocked[status.scope].append(status)
    return blocked


def report(store: actielijst.Store, as_of: datetime.date, record_on: datetime.date) -> int:
    with open(DATA, "rb") as f:
        store.import_json(f.read())

    with store.view(as_of) as view:
        blocked = stalled_by_region(view)
        state_labels = {s.key: s.label_nl for s in view.states()}
        listed = []
        print(f"Stagnerende actiepunten per {as_of.isoformat()}:")
        for region in view.regions():  # parents before children
            for status in blocked.get(region.code, []):
                action = view.action(status.action)
                print(f"  {region.name} ({region.code}): {action.title} [{state_labels[status.state]}]")
                print(f"      {status.text}")
                listed.append(status)
        if not listed:
            print("  (geen)")
            return 0

    first = listed[0]
    added = store.record(
        first.action,
        first.scope,
        "in_progress",
        "Na het stuurgroepoverleg weer opgepakt.",
        record_on,
        author="Secretariaat stuurgroep",
    )
    print(f"recorded: {first.action} in {first.scope} is in progress as of {record_on.isoformat()}"
          + ("" if added else " (already stored)"))

    with store.view(record_on) as later:
        now = later.status(first.action, first.scope)
        if now.state != "in_progress":
            print(f"error: expected in_progress, found {now.state}", file=sys.stderr)
            return 1
        print(f"Nog stagnerend per {record_on.isoformat()}: {sum(map(len, stalled_by_region(later).values()))}")

    print("Geschiedenis:")
    for entry in store.history(first.action, first.scope):
        print(f"  {entry.as_of.isoformat()}  {entry.state:<12} {entry.author or '-'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", nargs="?", help="database file (default: a temporary one)")
    parser.add_argument("--as-of", type=datetime.date.fromisoformat, default=datetime.date(2023, 3, 1))
    parser.add_argument("--record-on", type=datetime.date.fromisoformat, default=datetime.date(2023, 6, 1))
    args = parser.parse_args(argv)
    try:
        if args.store:
            with actielijst.Store.open(args.store) as store:
                return report(store, args.as_of, args.record_on)
        with tempfile.TemporaryDirectory(prefix="actielijst-") as tmp:
            with actielijst.Store.open(os.path.join(tmp, "limburg.db")) as store:
                return report(store, args.as_of, args.record_on)
    except actielijst.ActielijstError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
