#!/usr/bin/env bash
# Errors that suggest (issue 15): a misspelt command, field, state or region names
# the closest valid ones and where the list is; `actielijst fields` is that list.
# Exit codes stay as they were: 2 for a command, 3 for --where and the store.
#   test_cli_suggest.sh <path to actielijst> <source dir>
set -euo pipefail

PROGRAM=$1
SOURCE_DIR=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export ACTIELIJST_DB=$WORK/limburg.db

# shellcheck source=examples/cli/test_helpers.sh
source "$SOURCE_DIR/examples/cli/test_helpers.sh"

# ---- commands (exit 2) ------------------------------------------------------------
run 2 lsit
err_has 'actielijst: unknown command "lsit"; did you mean "list"?'
err_has 'Run with --help for the list of commands.'
run 2 frobnicate
err_has 'unknown command "frobnicate"'
err_lacks 'did you mean'
run 2 snapshot sav
err_has 'unknown command "snapshot sav"; did you mean "snapshot save"?'
run 2 fields --bogus
err_has "--bogus"

# ---- fields: the list the errors point to (no store needed) -----------------------
ACTIELIJST_DB= run 0 fields
out_has "FIELD"
out_has "action                         text          filter, action, scope"
out_has "state_at(region)"
out_has "docs/rules.md"
run 0 fields --help
out_has "Usage: actielijst fields"
run 0 fields --json
json_check 'any(f["name"] == "action" and f["kind"] == "field" and f["filter"] and not f["region"] for f in d)'
json_check 'any(f["name"] == "state" and f["scope"] and not f["filter"] for f in d)'
json_check 'any(f["name"] == "coverage" and f["kind"] == "function" and f["arity"] == 2 for f in d)'
json_check 'all(not (f["message_only"] and f["filter"]) for f in d)'

# ---- a store -------------------------------------------------------------------------
run 0 init
run 0 import "$SOURCE_DIR/examples/data/limburg.json"

# ---- filters (exit 3, as every --where error) -----------------------------------------
run 3 list --where 'key = "x"'
err_has 'actielijst: --where:1:1: unknown field "key" in a filter; did you mean "action"? (actielijst fields lists them; docs/rules.md)'
run 3 list --where 'state = "stalled"'
err_has 'unknown field "state" in a filter; did you mean "states"'
err_has '"state" is a field of per-scope rules'
run 3 list --where '"stald" in states'
err_has 'unknown state "stald"; did you mean "stalled"?'
run 3 list --where 'theme = "wonn"'
err_has 'unknown theme "wonn"; did you mean "wonen"?'
run 3 list --where 'cont(owners) > 1'
err_has 'unknown function "cont"; did you mean "count"?'

# ---- store writes (exit 3) -----------------------------------------------------------
run 3 status wonen-registratie Zud done x --date 2023-04-01
err_has 'actielijst: scope: unknown region "Zud"; did you mean "Zuid" (CR39)?'
run 3 status wonen-registratie Zuid klaar x --date 2023-04-01
err_has 'actielijst: state: unknown state "klaar"; known states: "not_started"'
run 3 status wonen-registratie Zuid stalld x --date 2023-04-01
err_has 'state: unknown state "stalld"; did you mean "stalled"?'
run 3 status wonen-registraite Zuid done x --date 2023-04-01
err_has 'action: unknown action "wonen-registraite"; did you mean "wonen-registratie"?'

echo "test_cli_suggest.sh: all checks passed"
