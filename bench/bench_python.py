#!/usr/bin/python3
"""Python overhead benchmark: the reads of bench_capi through the ctypes bindings.

See docs/benchmarks.md, "C API and Python overhead". Standard library only.

    bench_capi --db /tmp/bench-capi.db --c-figures /tmp/bench-capi.txt
    ACTIELIJST_LIBRARY=<build>/capi/libactielijst.so PYTHONPATH=bindings/python \\
        /usr/bin/python3 bench/bench_python.py --db /tmp/bench-capi.db --c-figures /tmp/bench-capi.txt

It reads the store bench_capi generated (it never writes one), times with
time.perf_counter and prints the median of --reps repetitions of:

- view build: Store.view(date) (actielijst_store_view underneath);
- iterate: View.statuses(), every current status copied into a Status dataclass;
- lookups: View.status(action, scope) once per pair, in a shuffled order;

plus two diagnostics: the same iteration and lookups calling the C functions through
ctypes directly, without the dataclasses (how much is ctypes, how much the binding).
With --c-figures (written by bench_capi) the table gets the C and C++ columns.
"""

from __future__ import annotations

import argparse
import ctypes
import datetime
import gc
import random
import statistics
import sys
import time

import actielijst
from actielijst import _native as n
from actielijst._native import lib

AS_OF = datetime.date(2023, 4, 25)  # bench::after_all(): every pair's last update is current


def timed(fn) -> float:
    """Milliseconds for one call of fn, with the garbage collector held off."""
    gc.collect()
    gc.disable()
    try:
        t0 = time.perf_counter()
        fn()
        return (time.perf_counter() - t0) * 1000.0
    finally:
        gc.enable()


def digest_status(s) -> int:
    """What the reader does with a Status: the length of every text, the day, the category."""
    return (
        len(s.action) + len(s.scope) + len(s.state) + len(s.text) + len(s.author or "") + len(s.meeting or "")
        + s.as_of.day + int(s.category)
    )


def raw_iterate(view_handle) -> int:
    """The C iteration through ctypes only: bytes out of the record, no dataclass."""
    it = ctypes.POINTER(n.StatusIter)()
    lib.actielijst_status_iter_new(view_handle, None, ctypes.byref(it))
    rec = n.StatusRec()
    ref = ctypes.byref(rec)
    nxt = lib.actielijst_status_iter_next
    total = 0
    try:
        while nxt(it, ref):
            total += len(rec.action) + len(rec.scope) + len(rec.state) + len(rec.text) + len(rec.author)
            total += len(rec.meeting) + len(rec.as_of) + rec.category
    finally:
        lib.actielijst_status_iter_free(it)
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="the store bench_capi generated (--db of bench_capi)")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--c-figures", help="the --c-figures file of bench_capi, for the C and C++ columns")
    args = ap.parse_args()

    c_fig: dict[str, float] = {}
    if args.c_figures:
        with open(args.c_figures, encoding="utf-8") as f:
            for line in f:
                key, value = line.split()
                c_fig[key] = float(value)

    print(f"bench_python: library {actielijst.library_path}, Python {sys.version.split()[0]}", file=sys.stderr)
    store = actielijst.Store.open(args.db, must_exist=True)
    view = store.view(AS_OF)  # warm-up, and the keys
    statuses = view.statuses()
    pairs = len(statuses)
    expected = sum(map(digest_status, statuses))
    keys = [(s.action, s.scope) for s in statuses]
    random.Random(0x5EED).shuffle(keys)
    keys_b = [(a.encode(), sc.encode()) for a, sc in keys]
    del statuses
    if c_fig and int(c_fig.get("pairs", pairs)) != pairs:
        raise SystemExit(f"--c-figures is for {int(c_fig['pairs'])} statuses, the store has {pairs}")

    build, iterate, lookup, raw_iter, raw_look = [], [], [], [], []
    for rep in range(args.reps):
        view.close()
        holder = {}
        build.append(timed(lambda: holder.setdefault("v", store.view(AS_OF))))
        view = holder["v"]

        out = {}
        iterate.append(timed(lambda: out.setdefault("s", view.statuses())))
        got = sum(map(digest_status, out.pop("s")))  # untimed: the check
        if got != expected:
            raise SystemExit("bench_python: iteration read different statuses")

        def look() -> int:
            status = view.status
            return sum(digest_status(status(a, sc)) for a, sc in keys)

        looked = {}
        lookup.append(timed(lambda: looked.setdefault("d", look())))
        if looked["d"] != expected:
            raise SystemExit("bench_python: lookups read different statuses")

        handle = view._h()
        raw = {}
        raw_iter.append(timed(lambda: raw.setdefault("d", raw_iterate(handle))))

        def raw_lookups() -> int:
            rec = n.StatusRec()
            ref = ctypes.byref(rec)
            fn = lib.actielijst_view_status
            total = 0
            for a, sc in keys_b:
                fn(handle, a, sc, ref)
                total += len(rec.text)
            return total

        raw_look.append(timed(raw_lookups))
        print(
            f"bench_python: rep {rep + 1}/{args.reps}: view {build[-1]:.1f} ms, statuses() {iterate[-1]:.1f} ms, "
            f"lookups {lookup[-1]:.1f} ms",
            file=sys.stderr,
        )
    view.close()
    store.close()

    med = statistics.median
    rows = [
        ("View build", "view_build", med(build)),
        ("iterate all statuses into `Status` dataclasses (`View.statuses()`)", "iterate", med(iterate)),
        ("one point lookup per pair (`View.status`)", "lookup", med(lookup)),
    ]
    print(f"## Python against C (N = {pairs} current statuses, median of {args.reps} repetitions)\n")
    print(f"Python {sys.version.split()[0]}, ctypes bindings, library {actielijst.library_path}.\n")
    if c_fig:
        print("| operation | C++ ms | C ms | Python ms | Python / C | Python µs/item |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for what, key, ms in rows:
            c = c_fig[f"c_{key}_ms"]
            cpp = c_fig[f"cpp_{key}_ms"]
            print(f"| {what} | {cpp:.2f} | {c:.2f} | {ms:.1f} | {ms / c:.1f} | {ms * 1000 / pairs:.2f} |")
    else:
        print("| operation | Python ms | Python µs/item |")
        print("| --- | ---: | ---: |")
        for what, _, ms in rows:
            print(f"| {what} | {ms:.1f} | {ms * 1000 / pairs:.2f} |")
    print(
        f"\nDiagnostics, ctypes calls without the bindings' dataclasses: iteration {med(raw_iter):.1f} ms, "
        f"lookups {med(raw_look):.1f} ms."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
