#!/usr/bin/env bash
# What an operator must be able to count on, tested with the real tool on real file
# systems: a full disk, read-only media, a store owned by another user, and kill -9
# in the middle of an import. The parts that mount a file system or change user run
# only as root (as CI does); elsewhere they say they were skipped.
#   test_operations.sh <path to actielijst> <source dir>
set -euo pipefail

PROGRAM=$1
SOURCE_DIR=$2
DATA=$SOURCE_DIR/examples/data/limburg.json
WORK=$(mktemp -d)
MOUNTS=()
cleanup() {
    for m in "${MOUNTS[@]}"; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT
unset ACTIELIJST_DB

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIPPED: $*"; }

# run RC ARGS...: runs the program, requires exit code RC; stdout in $WORK/out, stderr in $WORK/err.
run() {
    local expected=$1 rc=0
    shift
    "$PROGRAM" "$@" >"$WORK/out" 2>"$WORK/err" || rc=$?
    if [[ $rc -ne $expected ]]; then
        echo "--- stdout"; head -c 2000 "$WORK/out"; echo "--- stderr"; cat "$WORK/err"
        fail "actielijst $* exited $rc, expected $expected"
    fi
}
err_has() { grep -qF -- "$1" "$WORK/err" || { cat "$WORK/err"; fail "stderr lacks: $1"; }; }

# sql DB QUERY: one value, read with Python's own SQLite module (no actielijst code).
sql() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$1" "$2"; }
# write_locked DB: another connection holds the store's write lock right now.
write_locked() {
    python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)
try:
    db.execute("BEGIN IMMEDIATE")
    db.execute("ROLLBACK")
    sys.exit(1)
except sqlite3.OperationalError as e:
    sys.exit(0 if "locked" in str(e) else 1)
PY
}
integrity_ok() { [[ $(sql "$1" "PRAGMA integrity_check") == ok ]] || fail "$1 fails integrity_check"; }

# big_document FILE N: the Limburg list plus N states of affairs for one action,
# each on its own day, so that importing it takes a while and many pages.
big_document() {
    python3 - "$DATA" "$1" "$2" <<'PY'
import datetime, json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
action = doc["actions"][0]["key"]
start = datetime.date(2000, 1, 1)
doc["updates"] = doc.get("updates", []) + [
    {"action": action, "scope": "PV31", "state": "in_progress",
     "text": "Voortgang %d: " % i + "tekst " * 20, "as_of": (start + datetime.timedelta(days=i)).isoformat()}
    for i in range(int(sys.argv[3]))]
json.dump(doc, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
}

is_root() { [[ $(id -u) -eq 0 ]]; }
# mount_tmpfs DIR SIZE: a small file system of our own, or fails.
mount_tmpfs() {
    mkdir -p "$1"
    mount -t tmpfs -o "size=$2,mode=0755" tmpfs "$1" 2>/dev/null || return 1
    MOUNTS+=("$1")
}

# ---- kill -9 during an import: all of it or none of it --------------------------
BASE=$WORK/base.db
run 0 --db "$BASE" init
run 0 --db "$BASE" import "$DATA"
base=$(sql "$BASE" "SELECT count(*) FROM status_updates")
big_document "$WORK/big.json" 20000
# How long a whole import takes on this machine, so that the kills land across it.
DB=$WORK/kill.db
cp "$BASE" "$DB"
started=$(date +%s%N)
run 0 --db "$DB" import "$WORK/big.json"
took_ms=$(( ($(date +%s%N) - started) / 1000000 ))
in_transaction=0 none=0 all=0
for percent in 10 30 50 70 90 0 2 5 10 20; do
    rm -f "$DB" "$DB-wal" "$DB-shm"
    cp "$BASE" "$DB"
    # Starts the import and kills it: the first half after a share of its run
    # time, the second half that long after it is seen holding the write lock
    # (polled every millisecond), so some kills surely land inside the transaction.
    locked=0
    python3 - "$PROGRAM" "$DB" "$WORK/big.json" "$(( took_ms * percent / 100 ))" "$(( none + all >= 5 ))" <<'PY' && locked=1
import os, signal, sqlite3, subprocess, sys, time
program, db, doc, delay_ms, wait_lock = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5] == "1"
child = subprocess.Popen([program, "--db", db, "import", doc], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
def locked():
    con = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE"); con.execute("ROLLBACK"); return False
    except sqlite3.OperationalError as e:
        return "locked" in str(e)
    finally:
        con.close()
if wait_lock:
    while child.poll() is None and not locked():
        time.sleep(0.001)
time.sleep(delay_ms / 1000)
held = child.poll() is None and locked()
child.send_signal(signal.SIGKILL)
child.wait()
sys.exit(0 if held else 1)
PY
    in_transaction=$((in_transaction + locked))
    integrity_ok "$DB"
    count=$(sql "$DB" "SELECT count(*) FROM status_updates")
    if [[ $count -eq $base ]]; then
        none=$((none + 1))
    elif [[ $count -eq $((base + 20000)) ]]; then
        all=$((all + 1))
    else
        fail "kill -9 at ${percent}% of the import left $count states of affairs ($base or $((base + 20000)) expected)"
    fi
    # The store takes the whole import after a kill.
    if (( none + all == 5 )); then
        run 0 --db "$DB" import "$WORK/big.json"
        [[ $(sql "$DB" "SELECT count(*) FROM status_updates") -eq $((base + 20000)) ]] || fail "the import after a kill is incomplete"
    fi
done
echo "kill -9 during a ${took_ms} ms import: $in_transaction inside the write transaction; $none left nothing, $all everything"
[[ $in_transaction -gt 0 ]] || fail "no kill landed inside the import's transaction"
echo "ok: kill -9 during import"

# ---- a full disk --------------------------------------------------------------
if is_root && mount_tmpfs "$WORK/vol" 4m; then
    VOL=$WORK/vol
    DB=$VOL/limburg.db
    run 0 --db "$DB" init
    run 0 --db "$DB" import "$DATA"
    run 0 --db "$DB" export -o "$VOL/export.json"
    run 0 --db "$DB" report -o "$VOL/rapport.html"
    export_sum=$(sha256sum <"$VOL/export.json")
    report_sum=$(sha256sum <"$VOL/rapport.html")
    before=$(sql "$DB" "SELECT count(*) FROM status_updates")
    big_document "$WORK/big-vol.json" 20000
    # Fill the disk to the last block.
    dd if=/dev/zero of="$VOL/vulling" bs=4k >/dev/null 2>&1 || true

    run 3 --db "$DB" export -o "$VOL/export.json"
    err_has "export.json"
    err_has "No space left on device"
    [[ $(sha256sum <"$VOL/export.json") == "$export_sum" ]] || fail "a failed export changed the previous file"
    run 3 --db "$DB" report -o "$VOL/rapport.html"
    err_has "No space left on device"
    [[ $(sha256sum <"$VOL/rapport.html") == "$report_sum" ]] || fail "a failed report changed the previous file"
    ! ls -A "$VOL" | grep -q '\.tmp$' || fail "a failed write left a temporary file: $(ls -A "$VOL")"

    run 3 --db "$DB" import "$WORK/big-vol.json"
    err_has "store \"$DB\""
    err_has "the disk is full"
    err_has "nothing was written"
    # Reading goes on while the disk is full.
    run 0 --db "$DB" list
    run 0 --db "$DB" export

    rm -f "$VOL/vulling"
    integrity_ok "$DB"
    [[ $(sql "$DB" "SELECT count(*) FROM status_updates") -eq $before ]] || fail "a failed import on a full disk wrote something"
    run 0 --db "$DB" export -o "$VOL/export.json"
    echo "ok: full disk"
else
    skip "full disk (needs root and tmpfs)"
fi

# ---- read-only media ----------------------------------------------------------
if is_root && mount_tmpfs "$WORK/ro" 8m; then
    RO=$WORK/ro
    DB=$RO/limburg.db
    run 0 --db "$DB" init
    run 0 --db "$DB" import "$DATA"
    run 0 --db "$DB" snapshot save "$RO/limburg.snapshot"
    ls "$RO"/limburg.db-* >/dev/null 2>&1 && fail "the store left its log behind after closing: $(ls "$RO")"
    mount -o remount,ro "$RO"
    run 0 --db "$DB" list
    run 0 --db "$DB" regions
    run 0 --db "$DB" history wonen-registratie
    run 0 --db "$DB" check
    run 0 --db "$DB" export -o "$WORK/export-ro.json"
    run 0 --db "$DB" report -o "$WORK/rapport-ro.html"
    run 0 --db "$DB" snapshot save "$WORK/ro.snapshot"
    run 0 --db "$DB" list --where 'theme = "wonen"'
    run 3 --db "$DB" status wonen-registratie Zuid done "Klaar."
    err_has "store \"$DB\""
    err_has "read-only"
    run 3 --db "$DB" export -o "$RO/export.json"
    err_has "Read-only file system"
    [[ $(ls -A "$RO" | sort | tr '\n' ' ') == "limburg.db limburg.snapshot " ]] || fail "files appeared on read-only media: $(ls -A "$RO")"
    echo "ok: read-only media"
else
    skip "read-only media (needs root and tmpfs)"
fi

# ---- a store owned by another user --------------------------------------------
if is_root && command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$PROGRAM"; then
    SHARED=$WORK/shared
    mkdir -p "$SHARED"
    chmod 755 "$WORK" "$SHARED"
    DB=$SHARED/limburg.db
    run 0 --db "$DB" init
    run 0 --db "$DB" import "$DATA"
    chmod 644 "$DB"
    as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$PROGRAM" "$@"; }
    rc=0
    as_nobody --db "$DB" list >"$WORK/out" 2>"$WORK/err" || rc=$?
    [[ $rc -eq 0 ]] || { cat "$WORK/err"; fail "another user cannot read the store (exit $rc)"; }
    grep -q "wonen-registratie" "$WORK/out" || fail "another user's list lacks the actions"
    rc=0
    as_nobody --db "$DB" status wonen-registratie Zuid done "Klaar." >"$WORK/out" 2>"$WORK/err" || rc=$?
    [[ $rc -eq 3 ]] || { cat "$WORK/err"; fail "another user's write exited $rc, expected 3"; }
    err_has "store \"$DB\""
    err_has "read-only"
    [[ $(ls -A "$SHARED") == limburg.db ]] || fail "another user's read left files: $(ls -A "$SHARED")"
    echo "ok: another user"
else
    skip "a store owned by another user (needs root and setpriv, and the program readable by nobody)"
fi

echo "operations: all passed"
