# Helpers of the CLI test scripts (sourced): run the program, check its exit code,
# standard output and standard error, parse --json. The sourcing script sets
# PROGRAM (the actielijst binary) and WORK (a scratch directory) first.

fail() { echo "FAIL: $*" >&2; exit 1; }

# run RC ARGS...: runs the program, requires exit code RC; stdout in $WORK/out, stderr in $WORK/err.
run() {
    local expected=$1 rc=0
    shift
    "$PROGRAM" "$@" >"$WORK/out" 2>"$WORK/err" || rc=$?
    if [[ $rc -ne $expected ]]; then
        echo "--- stdout"; cat "$WORK/out"; echo "--- stderr"; cat "$WORK/err"
        fail "actielijst $* exited $rc, expected $expected"
    fi
}
out_has() { grep -qF -- "$1" "$WORK/out" || { cat "$WORK/out"; fail "stdout lacks: $1"; }; }
out_lacks() { ! grep -qF -- "$1" "$WORK/out" || { cat "$WORK/out"; fail "stdout has: $1"; }; }
err_has() { grep -qF -- "$1" "$WORK/err" || { cat "$WORK/err"; fail "stderr lacks: $1"; }; }
err_lacks() { ! grep -qiF -- "$1" "$WORK/err" || { cat "$WORK/err"; fail "stderr has: $1"; }; }
err_empty() { [[ ! -s $WORK/err ]] || { cat "$WORK/err"; fail "stderr not empty"; }; }
out_empty() { [[ ! -s $WORK/out ]] || { cat "$WORK/out"; fail "stdout not empty"; }; }
# json_check PYTHON-EXPRESSION: stdout is JSON and the expression (over `d`) holds.
json_check() {
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert eval(sys.argv[2]), sys.argv[2]' \
        "$WORK/out" "$1" || { cat "$WORK/out"; fail "JSON check: $1"; }
}
