#!/usr/bin/env bash
# End-to-end test of the `actielijst` command-line tool: every command, every exit
# code (0 ok, 1 findings, 2 usage, 3 data error), --json parsed by Python, errors on
# stderr, --help per command, standard output that cannot be written, a store
# locked by another writer (--busy-timeout), no personal data in error messages.
#   test_cli.sh <path to actielijst> <source dir>
set -euo pipefail

PROGRAM=$1
SOURCE_DIR=$2
DATA=$SOURCE_DIR/examples/data/limburg.json
WORK=$(mktemp -d)
holder=""  # a process holding the store's write lock, stopped whatever happens
trap '[[ -z $holder ]] || kill "$holder" 2>/dev/null; rm -rf "$WORK"' EXIT
unset ACTIELIJST_DB
DB=$WORK/limburg.db

# shellcheck source=examples/cli/test_helpers.sh
source "$SOURCE_DIR/examples/cli/test_helpers.sh"

# ---- help and usage (exit 0 / 2) ---------------------------------------------
run 0 --help
out_has "Exit codes"
for cmd in init import export regions list status history propose decide observe check report snapshot \
    "snapshot save" "snapshot info" "snapshot diff" meeting "meeting add" "meeting list" proposal "proposal history" uitvraag verwerk; do
    # shellcheck disable=SC2086
    run 0 $cmd --help
    out_has "Usage: actielijst $cmd"
done
run 0 --version
run 2
err_has "A subcommand is required"
out_empty
run 2 frobnicate
err_has 'unknown command "frobnicate"'
run 2 list --bogus
err_has "--bogus"
run 2 list                          # no --db and no ACTIELIJST_DB
err_has "actielijst: no store given"
run 2 --db "$DB" status a b c       # a missing positional
run 2 --db "$DB" list --as-of 2023-02-30
err_has "expected a date YYYY-MM-DD"
run 2 --db "$DB" decide P1 maybe
run 2 --db "$DB" check --fail-on severe
run 2 --db "$DB" regions --kind gemeente
run 2 --db "$DB" observe short_stay_policy CR37
err_has "--level,--value"
run 2 --db "$DB" observe short_stay_policy CR37 --level adopted --value 3
run 2 --db "$DB" observe short_stay_policy CR37 --count 3
# --busy-timeout (and ACTIELIJST_BUSY_TIMEOUT) takes a whole number of milliseconds, 0 or more.
for bad in -1 abc 1.5 2147483648; do
    run 2 --db "$DB" --busy-timeout="$bad" list
    err_has "--busy-timeout: expected a whole number of milliseconds"
    ACTIELIJST_BUSY_TIMEOUT=$bad run 2 --db "$DB" list
    err_has "--busy-timeout: expected a whole number of milliseconds"
done

# ---- init --------------------------------------------------------------------
run 3 --db "$DB" list                 # a store must exist before anything but init
err_has "actielijst: cannot open store"
[[ ! -e $DB ]] || fail "a read command created the store"
run 0 --db "$DB" init
out_has "Created $DB"
out_has "without progress states"       # and how to get them
out_has "init --default-states"
run 3 --db "$DB" init
err_has "already exists"
# A new store holds no progress states: a list brings its own, or init --default-states installs the default set.
printf '{"format": "actielijst", "format_version": 1, "themes": [{"key": "wonen", "label": {"nl": "Wonen"}}],
  "regions": [{"code": "PV20", "name": "Groningen", "kind": "province"}],
  "actions": [{"key": "a1", "theme": "wonen", "title": "T", "goal": "G", "scope": ["PV20"]}]}' >"$WORK/no-states.json"
run 0 --db "$WORK/bare.db" init
run 0 --db "$WORK/bare.db" import "$WORK/no-states.json"
run 3 --db "$WORK/bare.db" status a1 PV20 in_progress "Gestart." --date 2023-03-01
err_has 'unknown state "in_progress"'
run 0 --db "$WORK/defaults.db" init --default-states
out_has "with the 8 default progress states"
run 0 --db "$WORK/defaults.db" import "$WORK/no-states.json"
run 0 --db "$WORK/defaults.db" status a1 PV20 in_progress "Gestart." --date 2023-03-01
out_has "Recorded a1"
run 3 --db "$WORK/defaults.db" init --default-states   # still never touches an existing store
err_has "already exists"
run 3 --db "$WORK/no/such/dir/x.db" init
err_has "actielijst:"
echo "not a database, not at all, no" >"$WORK/junk.db"
run 3 --db "$WORK/junk.db" list
err_has "actielijst:"

# ---- import (ACTIELIJST_DB from here on) ---------------------------------------
export ACTIELIJST_DB=$DB
run 0 import "$DATA"
out_has "71 new definitions, 27 new states of affairs"
out_has "1 decisions"                  # the consensus P1, adopted as of the list's date
err_empty                              # not a terminal: no progress line
run 0 import "$DATA" --json
json_check 'd["updates_added"] == 0 and d["updates_unchanged"] == 27 and d["decisions_added"] == 0'
run 3 import "$WORK/missing.json"
err_has "missing.json: cannot read"
printf '{"format": "actielijst", "format_version": 1, "regions": [{"code": "X1", "name": "X", "kind": "gemeente"}]}' \
    >"$WORK/bad.json"
run 3 import "$WORK/bad.json"
err_has "bad.json: regions[0].kind"
printf '{"format": "actielijst", ' >"$WORK/truncated.json"
run 3 import "$WORK/truncated.json"
err_has "truncated.json:"
# A contact is personal data: an error says what is wrong and where, never the name or the address.
contact='{"municipality": "GM0983", "role": "Beleidsmedewerker", "name": "Johanna Jansen", "email": %s}'
# shellcheck disable=SC2059  # the format is ours
printf "{\"format\": \"actielijst\", \"format_version\": 1, \"contacts\": [$contact]}" '"johanna.jansen.venlo.nl"' \
    >"$WORK/contact-email.json"
# shellcheck disable=SC2059
printf "{\"format\": \"actielijst\", \"format_version\": 1, \"contacts\": [$contact, $contact]}" \
    '"johanna.jansen@venlo.nl"' '"johanna.jansen@venlo.nl"' >"$WORK/contact-twice.json"
printf '{"format": "actielijst", "format_version": 1, "contacts": ["johanna.jansen@venlo.nl"]}' >"$WORK/contact-text.json"
run 3 import "$WORK/contact-email.json"
err_has 'contact-email.json: contacts[0].email: not an e-mail address (no "@")'
run 3 import "$WORK/contact-twice.json"
err_has 'contacts[1].name: duplicate contact: the same municipality (GM0983), role and name as contacts[0]'
run 3 import "$WORK/contact-text.json"
err_has 'contacts[0]: expected an object, got a string'
for file in contact-email contact-twice contact-text; do
    run 3 import "$WORK/$file.json"
    err_lacks "johanna"
    err_lacks "jansen"
    err_lacks "venlo.nl"
done
# On a terminal (a pseudo-terminal from script(1), where available) the phases show on stderr.
if command -v script >/dev/null; then
    script -qec "$(printf '%q ' "$PROGRAM" import "$DATA")" /dev/null >"$WORK/tty" </dev/null
    grep -qF "validating $DATA" "$WORK/tty" || { cat -v "$WORK/tty"; fail "no progress line on a terminal"; }
fi
# The global option may follow the command too.
run 0 list --db "$DB" --theme werken
out_has "2 of 19 action points"

# ---- export ------------------------------------------------------------------
run 0 export
json_check 'd["format"] == "actielijst" and len(d["actions"]) == 19 and "contacts" not in d'
run 0 export --contacts -o "$WORK/export.json"
out_empty
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/export.json"
run 3 export -o "$WORK/no/such/dir/export.json"
err_has "$WORK/no/such/dir/export.json: cannot create a temporary file in its directory: No such file or directory"
[[ ! -e $WORK/no ]] || fail "a failed export created something"
# Output files are replaced atomically: a second export replaces the first whole.
cp "$WORK/export.json" "$WORK/export.first.json"
run 0 export -o "$WORK/export.json"
python3 -c 'import json,sys; assert "contacts" not in json.load(open(sys.argv[1]))' "$WORK/export.json"
# A write that fails half-way (the file size limit stands in for a full disk) says
# why, keeps the previous file as it was and leaves no temporary file behind. The
# limit is 32 KiB, what SQLite's WAL index needs to open the store; the reports of
# the Limburg list are larger (HTML about 50 KB, JSON about 60 KB).
mkdir "$WORK/keep"
cp "$WORK/export.first.json" "$WORK/keep/out.json"
printf 'the previous report\n' >"$WORK/keep/report.html"
for args in "report --format json -o $WORK/keep/out.json" "report -o $WORK/keep/report.html"; do
    rc=0
    # shellcheck disable=SC2086  # the words of $args are the arguments
    (ulimit -f 32 && trap '' XFSZ && exec "$PROGRAM" $args) >"$WORK/out" 2>"$WORK/err" || rc=$?
    [[ $rc -eq 3 ]] || { cat "$WORK/err"; fail "actielijst $args over the file size limit exited $rc, expected 3"; }
    err_has "$WORK/keep/"
    err_has ": cannot write: File too large"
done
cmp -s "$WORK/keep/out.json" "$WORK/export.first.json" || fail "a failed write changed the previous file"
[[ $(cat "$WORK/keep/report.html") == "the previous report" ]] || fail "a failed report changed the previous file"
[[ $(ls -A "$WORK/keep" | sort | tr '\n' ' ') == "out.json report.html " ]] ||
    { ls -A "$WORK/keep"; fail "a failed write left a file behind"; }
# A directory the program may not write to: the message names the path, no file appears.
if [[ $(id -u) -ne 0 ]]; then
    mkdir "$WORK/readonly"
    chmod 555 "$WORK/readonly"
    run 3 export -o "$WORK/readonly/export.json"
    err_has "$WORK/readonly/export.json: cannot create a temporary file in its directory: Permission denied"
    [[ -z $(ls -A "$WORK/readonly") ]] || fail "a failed export left a file in a read-only directory"
    chmod 755 "$WORK/readonly"
else
    echo "note: running as root, which may write anywhere: the read-only directory case is skipped"
fi
# (Standard output that cannot be written: every command, at the end.)

# ---- regions -----------------------------------------------------------------
run 0 regions
out_has "CR37  COROP-regio  Noord-Limburg  (in Limburg)  aka Noord, Regio Noord"
run 0 regions --kind municipality --json
json_check 'len(d) == 31 and all(r["kind"] == "municipality" for r in d)'

# ---- list --------------------------------------------------------------------
run 0 list
out_has "As of 2023-03-01: 19 of 19 action points."
out_has "Zuid-Limburg: Stagneert (2023-03-01)"
run 0 list --where 'theme = "wonen" and "stalled" in states'
out_has "wonen-registratie"
out_lacks "algemeen-in-gesprek"
run 0 list --theme samenleven --json
json_check 'd["as_of"] == "2023-03-01" and len(d["actions"]) == 6 and all(a["theme"] == "samenleven" for a in d["actions"])'
run 0 list --as-of 2022-01-01 --json
json_check 'all(a["statuses"] == [] for a in d["actions"])'
run 3 list --theme bouwen
err_has 'unknown theme "bouwen"'
run 3 list --where 'theme = '
err_has "--where:1:8"
# The state in one region, answered from the store's indexes; --explain says how.
run 0 list --where 'state_at("CR39") = "stalled" and statuses > 1' --explain
out_has "As of 2023-03-01: 2 of 19 action points."
out_has "wonen-registratie"
out_lacks "algemeen-in-gesprek"
err_has 'answered by the store'"'"'s indexes: state_at("CR39") = "stalled"'
err_has "evaluated in memory on those rows: statuses > 1"
run 3 list --where 'state_at("CR99") = "stalled"'
err_has '--where:1:10: unknown region "CR99"'

# ---- status and history --------------------------------------------------------
run 0 status wonen-registratie Zuid in_progress "Handhavingscapaciteit gevonden." --date 2023-04-01 --author Secretariaat
out_has "Recorded wonen-registratie / Zuid-Limburg: In uitvoering as of 2023-04-01."
run 0 status wonen-registratie Zuid in_progress "Handhavingscapaciteit gevonden." --date 2023-04-01 --author Secretariaat
out_has "Already stored"
run 3 status wonen-registratie Zuid klaar "x" --date 2023-04-01
err_has 'unknown state "klaar"'
run 3 status wonen-bestaat-niet Zuid done "x" --date 2023-04-01
err_has "actielijst:"
run 3 status wonen-registratie Atlantis done "x" --date 2023-04-01
err_has "Atlantis"
run 0 history wonen-registratie CR39
out_has "2023-04-01  Zuid-Limburg  In uitvoering  (Secretariaat)"
run 0 history wonen-registratie --json
json_check 'len(d) == 4 and d[-1]["state"] == "in_progress" and d[-1]["scope"] == "CR39"'
run 3 history wonen-registratie Atlantis
run 0 list --as-of 2023-04-01 --json
json_check '[s["state"] for a in d["actions"] if a["key"] == "wonen-registratie" for s in a["statuses"] if s["scope"] == "CR39"] == ["in_progress"]'

# ---- propose and decide ---------------------------------------------------------
run 0 propose P4 wonen-registratie "Handhaving regionaal bundelen." --date 2023-03-20
out_has "Proposed P4 for wonen-registratie (open), tabled on 2023-03-20."
run 3 propose P4 wonen-registratie "Nog eens."
err_has 'proposal "P4" already exists'
run 3 propose P5 geen-actie "x"
err_has "actielijst:"
run 3 propose P5 wonen-registratie "x" --meeting nope
err_has 'unknown meeting "nope"'
run 0 decide P4 adopted --date 2023-04-01
out_has "Recorded: P4 aangenomen on 2023-04-01."
run 3 decide P99 rejected --date 2023-04-01
err_has "P99"
run 0 export
json_check '[p for p in d["proposals"] if p["key"] == "P4"][0]["state"] == "adopted"'

# ---- observe ------------------------------------------------------------------
run 0 observe short_stay_policy Zuid --level adopted --count 2 --date 2023-04-01 --note "twee van de zestien"
out_has "Observed Short-stay beleid in Zuid-Limburg as of 2023-04-01."
run 0 observe short_stay_policy GM0935 --level in_preparation --at-least --date 2023-04-01
run 0 observe international_workers_count PV31 --value 51000 --date 2023-04-01 --source CBS
run 3 observe short_stay_policy CR39 --level bogus --date 2023-04-01
err_has 'unknown level "bogus"'
run 3 observe no_such_indicator CR39 --value 1 --date 2023-04-01
err_has "no_such_indicator"
run 0 export
json_check 'any(o["region"] == "CR39" and o.get("count") == 2 for o in d["observations"])'

# ---- check (exit 0 / 1 / 3) -----------------------------------------------------
# A picture defaults to the store's latest date: the state of affairs and the figure
# recorded for 2023-04-01 above are in it (Zuid is no longer stalled: one alarm fewer).
run 0 check
out_has "Checked as of 2023-04-01: 3 alarm"
out_lacks "alarm  stalled  wonen-registratie  Zuid-Limburg"
run 0 check --as-of 2023-03-01
out_has "Checked as of 2023-03-01: 4 alarm"
out_has "alarm  stalled  wonen-registratie  Zuid-Limburg"
# Reasons in words, in the chosen language; the rule's expression with --explain.
out_has "omdat stand van zaken Stagneert sinds 1 maart 2023"
out_lacks "state_category"
run 0 check --explain
out_has "omdat stand van zaken Stagneert sinds 1 maart 2023"
out_has "rule: state_category = \"blocked\""
run 0 check --language en
out_has "because state of affairs Stalled since 1 March 2023"
run 2 check --language de
run 1 check --fail-on alert
run 1 check --fail-on info --where 'theme = "werken"'
run 0 check --fail-on alert --where 'theme = "werken"'
out_lacks "alarm  stalled"
run 0 check --json --as-of 2023-03-01
json_check 'd["counts"]["alert"] == 4 and all(f["reasons"] for f in d["findings"]) and len(d["statuses"]) == 19'
run 1 check --json --fail-on warning
json_check 'd["findings"][0]["severity"] == "alert"'
# On 2023-04-01 Zuid is no longer stalled in registration: one alert fewer.
run 0 check --as-of 2023-04-01 --json
json_check 'd["counts"]["alert"] == 3'
printf 'rule late\n    severity alert\n    when since_update > "180"\n    message "x"\n' >"$WORK/bad.rules"
run 3 check --rules "$WORK/bad.rules"
err_has "bad.rules:3:"
run 3 check --rules "$WORK/missing.rules"
err_has "missing.rules"
printf 'rule quiet\n    severity info\n    when false\n    message "never"\n' >"$WORK/quiet.rules"
run 0 check --rules "$WORK/quiet.rules" --fail-on info
out_has "0 alarm, 0 waarschuwing, 0 info"

# ---- snapshot ------------------------------------------------------------------
run 0 snapshot save "$WORK/latest.snap"
out_has "Saved the picture as of 2023-04-01"
run 0 snapshot save "$WORK/2023-03.snap" --as-of 2023-03-01
out_has "Saved the picture as of 2023-03-01"
run 0 snapshot info "$WORK/2023-03.snap" --json
json_check 'd["as_of"] == "2023-03-01" and d["format"] == "binary"'
run 0 snapshot save "$WORK/2023-04.snap" --as-of 2023-04-01 --format text
run 0 snapshot info "$WORK/2023-04.snap"
out_has "snapshot as of 2023-04-01, text"
run 0 snapshot diff "$WORK/2023-03.snap" "$WORK/2023-04.snap"
out_has "status changed  wonen-registratie / Zuid-Limburg: Stagneert -> In uitvoering"
out_has "observation added  Short-stay beleid / Zuid-Limburg as of 2023-04-01"
run 0 snapshot diff "$WORK/2023-03.snap" --as-of 2023-04-01 --json
json_check 'd["from"] == "2023-03-01" and d["to"] == "2023-04-01" and any(s["scope"] == "CR39" and s["after"]["state"] == "in_progress" for s in d["statuses"])'
run 0 snapshot diff "$WORK/2023-03.snap" --json --as-of 2023-03-01
json_check 'd["statuses"] == [] and d["to"] == "2023-03-01"'
run 0 snapshot diff "$WORK/2023-03.snap" --json
json_check 'd["to"] == "2023-04-01" and len(d["statuses"]) == 1'
run 2 snapshot
run 2 snapshot diff "$WORK/2023-03.snap" "$WORK/2023-04.snap" --as-of 2023-04-01
run 2 snapshot save "$WORK/x.snap" --format zip
echo "not a snapshot" >"$WORK/junk.snap"
run 3 snapshot diff "$WORK/junk.snap"
err_has "junk.snap"
run 3 snapshot info "$WORK/missing.snap"
err_has "missing.snap"
run 3 snapshot save "$WORK/no/such/dir/x.snap"
err_has "actielijst:"

# ---- report --------------------------------------------------------------------
run 0 report --format md -o "$WORK/report.md"
out_has "written to $WORK/report.md"
grep -qF "## Signalen" "$WORK/report.md" || fail "no signals section in the Markdown report"
run 0 report --format json --language en
json_check 'd["language"] == "en" and d["as_of"] == "2023-04-01" and d["summary"]["findings"]'
run 0 report --format html --section summary,signals
out_has "<html"
run 0 report --format csv --where 'theme = "werken"'
out_has "werken"
run 0 report --format md --since "$WORK/2023-03.snap" --as-of 2023-04-01
out_has "Wijzigingen"
run 2 report --format pdf
run 2 report --section bogus
run 2 report --language fr
run 3 report --where 'theme = '
err_has "--where:1:8"
run 3 report --meeting nope
err_has "nope"
run 3 report -o "$WORK/no/such/dir/report.html"
err_has "$WORK/no/such/dir/report.html: cannot create a temporary file in its directory: No such file or directory"

# The same request gives the same bytes as the library's report pipeline, the C API
# and stuurgroep-rapport: the golden report of the Limburg list as of 2023-03-01.
run 0 --db "$WORK/golden.db" init
run 0 --db "$WORK/golden.db" import "$DATA"
for format in md json; do
    run 0 --db "$WORK/golden.db" report --format "$format" --as-of 2023-03-01
    cmp -s "$WORK/out" "$SOURCE_DIR/tests/golden/report/limburg.nl.$format" ||
        fail "report --format $format differs from tests/golden/report/limburg.nl.$format"
done

# ---- report --kind besluitenlijst: the list after a meeting ------------------------
# The Limburg list and its illustrative follow-up meeting, in a store of their own.
BL=$WORK/besluiten.db
run 0 --db "$BL" init
run 0 --db "$BL" import "$DATA"
run 3 --db "$BL" report --kind besluitenlijst          # the list has no meetings yet
err_has "no meeting held on or before 2023-03-01"
run 0 --db "$BL" import "$SOURCE_DIR/tests/fixtures/limburg-next-meeting.json"
run 0 --db "$BL" report --kind besluitenlijst --meeting sg-2023-04 --format md
out_has "# Besluitenlijst"
out_has "## Genomen besluiten"
out_has "vóór de zomer"
out_has "## Openstaand voor de volgende vergadering"
run 0 --db "$BL" report --kind besluitenlijst --meeting sg-2023-04 --format json --language en
json_check 'd["format"] == "actielijst-decision-list" and d["language"] == "en" and d["meeting"] == "sg-2023-04" and d["previous_meeting"] == "sg-2023-03" and [p["key"] for p in d["decisions"]] == ["P2"] and [a["key"] for a in d["actions_closed"]] == ["wonen-afspraken-huisvesting"]'
# Without --meeting: the last meeting on or before the picture's date (the store's latest date, or --as-of).
run 0 --db "$BL" report --kind besluitenlijst --format json
json_check 'd["meeting"] == "sg-2023-04" and d["previous_meeting"] == "sg-2023-03"'
run 0 --db "$BL" report --kind besluitenlijst --format json --as-of 2023-03-01
json_check 'd["meeting"] == "sg-2023-03" and d["previous_meeting"] == "" and d["from"] is None and len(d["actions_added"]) == 19'
run 0 --db "$BL" report --kind besluitenlijst --as-of 2023-05-01 --format csv
out_has "P2"
[[ $(head -c 10 "$WORK/out") == "onderdeel," ]] || fail "the besluitenlijst CSV has no Dutch header"
run 0 --db "$BL" report --kind report --format json --as-of 2023-04-12
json_check 'd["format"] == "actielijst-report" and d["meeting"] == "sg-2023-04"'
run 0 --db "$BL" report --kind besluitenlijst --meeting sg-2023-04 -o "$WORK/besluiten.html"
out_has "Decision list of meeting sg-2023-04 (2023-04-12, html) written to $WORK/besluiten.html."
grep -qF "Openstaand voor de volgende vergadering" "$WORK/besluiten.html" || fail "no open items in the besluitenlijst"
run 2 --db "$BL" report --kind notulen
err_has "--kind"
run 2 --db "$BL" report --kind besluitenlijst --section summary
err_has "--section does not apply to --kind besluitenlijst"
run 2 --db "$BL" report --kind besluitenlijst --language fr
run 3 --db "$BL" report --kind besluitenlijst --meeting nope
err_has 'unknown meeting "nope"'
run 3 --db "$BL" report --kind besluitenlijst --meeting sg-2023-04 -o "$WORK/no/such/dir/besluiten.html"
err_has "$WORK/no/such/dir/besluiten.html"

# ---- the meeting cycle: meetings, a proposal tabled at one and decided at the next --
# A store of its own (the Limburg list brings its states), so the dates are only these.
export ACTIELIJST_DB=$WORK/cycle.db
run 0 init
run 0 import "$DATA"
run 0 meeting list
out_has "No meetings stored."
run 0 meeting add sg-1 2023-03-15 --title "Stuurgroep maart"
out_has "Added meeting sg-1 on 2023-03-15."
run 0 meeting add sg-2 2023-04-19 --title "Stuurgroep april"
run 0 meeting add sg-2 2023-04-19          # again, without --title: the title stays
out_has "Already stored: meeting sg-2 on 2023-04-19 (nothing written)."
run 0 meeting list
out_has "sg-1  2023-03-15  Stuurgroep maart"
out_has "sg-2  2023-04-19  Stuurgroep april"
run 0 meeting list --json
json_check 'd == [{"key": "sg-1", "date": "2023-03-15", "title": "Stuurgroep maart"}, {"key": "sg-2", "date": "2023-04-19", "title": "Stuurgroep april"}]'
# States of affairs reported at a meeting are dated by it; --date still wins.
run 0 status wonen-registratie Zuid in_progress "Handhavingscapaciteit gevonden." --meeting sg-1
out_has "Recorded wonen-registratie / Zuid-Limburg: In uitvoering as of 2023-03-15."
run 0 status wonen-registratie Noord done "Registratie ter plekke loopt." --meeting sg-2
out_has "as of 2023-04-19."
run 0 status wonen-registratie Midden in_progress "Gestart." --meeting sg-2 --date 2023-04-18
out_has "as of 2023-04-18."
run 0 history wonen-registratie Zuid --json
json_check 'd[-1]["as_of"] == "2023-03-15" and d[-1]["meeting"] == "sg-1"'
# Tabled at meeting 1 (on its date, or on --date), decided at meeting 2 with the words.
run 0 propose V1 wonen-registratie "Handhaving regionaal bundelen." --meeting sg-1
out_has "Proposed V1 for wonen-registratie (open), tabled on 2023-03-15 at sg-1."
run 0 propose V2 wonen-registratie "Eerst de wethouders horen." --date 2023-03-20
out_has "tabled on 2023-03-20."
run 0 decide V1 adopted --meeting sg-2 --text "Akkoord, evaluatie na een jaar."
out_has "Recorded: V1 aangenomen on 2023-04-19 at sg-2."
run 0 decide V1 adopted --meeting sg-2 --text "Akkoord, evaluatie na een jaar."
out_has "Already recorded: V1 aangenomen on 2023-04-19 at sg-2 (nothing written)."
run 0 decide V2 withdrawn --date 2023-04-01
out_has "Recorded: V2 ingetrokken on 2023-04-01."
run 0 proposal history V1
out_has "V1 (wonen-registratie): Handhaving regionaal bundelen."
out_has "2023-03-15  tabled   open         at sg-1"
out_has "2023-04-19  decided  aangenomen   at sg-2"
out_has "Akkoord, evaluatie na een jaar."
run 0 proposal history V1 --json
json_check '[(e["event"], e["state"], e["date"], e["meeting"], e["text"]) for e in d] == [("tabled", "open", "2023-03-15", "sg-1", None), ("decision", "adopted", "2023-04-19", "sg-2", "Akkoord, evaluatie na een jaar.")]'
run 0 proposal history V2 --json
json_check '[(e["state"], e["date"], e["meeting"]) for e in d] == [("open", "2023-03-20", None), ("withdrawn", "2023-04-01", None)]'
# The list as it stood at each meeting: not yet tabled, open, adopted; tabled at sg-1 throughout.
V1='[p for a in d["actions"] for p in a["proposals"] if p["key"] == "V1"]'
run 0 list --json --as-of 2023-03-14
json_check "$V1 == []"
run 0 list --json --as-of 2023-03-15
json_check "[(p['state'], p['meeting'], p['tabled'], p['decided']) for p in $V1] == [('open', 'sg-1', '2023-03-15', None)]"
run 0 list --json --as-of 2023-04-19
json_check "[(p['state'], p['meeting'], p['decided'], p['decided_meeting'], p['decision']) for p in $V1] == [('adopted', 'sg-1', '2023-04-19', 'sg-2', 'Akkoord, evaluatie na een jaar.')]"
run 0 list --as-of 2023-04-19 --theme wonen
out_has "proposal V1: aangenomen on 2023-04-19 at sg-2 (tabled 2023-03-15 at sg-1)"
R='[p for t in d["themes"] for a in t["actions"] for p in a["proposals"] if p["key"] == "V1"]'
run 0 report --format json --meeting sg-1        # as of the meeting's date
json_check "d['as_of'] == '2023-03-15' and d['meeting'] == 'sg-1' and [(p['state'], p['meeting']) for p in $R] == [('open', 'sg-1')] and 'V1' in [p['key'] for p in d['decisions']]"
run 0 report --format json --as-of 2023-04-19
json_check "d['meeting'] == 'sg-2' and [(p['state'], p['meeting'], p['decided']) for p in $R] == [('adopted', 'sg-1', '2023-04-19')] and 'V1' not in [p['key'] for p in d['decisions']]"
run 0 snapshot save "$WORK/sg-1.snap" --as-of 2023-03-15
run 0 snapshot diff "$WORK/sg-1.snap" --as-of 2023-04-19
out_has "proposal changed  V1: open -> aangenomen  (decided)"
out_has "status changed  wonen-registratie / Noord-Limburg: In uitvoering -> Gereed  (closed)"
# Bad input: the exit code, a message naming what is wrong, and nothing written.
run 0 export
cp "$WORK/out" "$WORK/cycle.json"
unchanged() { run 0 export; cmp -s "$WORK/out" "$WORK/cycle.json" || fail "the store changed after: $1"; }
run 3 decide V9 adopted --meeting sg-2
err_has 'unknown proposal "V9"'
unchanged "decide on an unknown proposal"
run 3 decide V1 rejected --date 2023-03-01
err_has "2023-03-01 is before proposal V1 was tabled (2023-03-15)"
unchanged "a decision dated before the tabling"
run 2 decide V1 rejected
err_has "a decision needs --date DATE or --meeting KEY"
unchanged "a decision without a date or a meeting"
run 3 decide V1 rejected --meeting sg-9
err_has 'unknown meeting "sg-9"'
unchanged "a decision at an unknown meeting"
run 3 meeting add sg-1 2023-03-16
err_has 'meeting "sg-1" is already stored on 2023-03-15, not 2023-03-16'
unchanged "a meeting key reused on another date"
run 2 meeting add sg-3 2023-02-30
err_has "expected a date YYYY-MM-DD"
unchanged "a meeting on a date that does not exist"
run 3 propose V3 wonen-registratie "x" --meeting sg-9
err_has 'unknown meeting "sg-9"'
unchanged "a proposal at an unknown meeting"
run 3 status wonen-registratie Zuid done "x" --meeting sg-9
err_has 'unknown meeting "sg-9"'
unchanged "a state of affairs at an unknown meeting"
run 3 proposal history V9
err_has 'unknown proposal "V9"'
run 2 meeting
run 2 proposal
export ACTIELIJST_DB=$DB

# ---- forms: uitvraag out, verwerk in (docs/forms.md) ----------------------------
export ACTIELIJST_DB=$WORK/forms.db
run 0 init
run 0 import "$DATA"
run 0 meeting add sg-2023-04 2023-04-12 --title "Stuurgroep april"
run 0 uitvraag --meeting sg-2023-04 --region PV31 --region Noord --region Midden --region Zuid --out "$WORK/uitvraag.xlsx"
out_has "Zuid-Limburg (4 rows)"
[[ $(head -c 2 "$WORK/uitvraag.xlsx") == PK ]] || fail "uitvraag.xlsx is not a zip archive"
run 0 uitvraag --meeting sg-2023-04 --out-dir "$WORK/forms"
[[ -f $WORK/forms/sg-2023-04-CR39.xlsx ]] || fail "no per-region file"
run 0 uitvraag --meeting sg-2023-04 --region Zuid --out "$WORK/zuid.csv"
run 2 uitvraag --meeting sg-2023-04 --out "$WORK/all.csv"     # a CSV holds one region
[[ ! -e $WORK/all.csv ]] || fail "a refused CSV was written"
run 3 uitvraag --meeting sg-9 --out "$WORK/x.xlsx"
err_has 'unknown meeting "sg-9"'
run 3 uitvraag --meeting sg-2023-04 --region Atlantis --out "$WORK/x.xlsx"
err_has 'unknown region "Atlantis"'
# Fill in Zuid-Limburg's registration row; the file otherwise as written.
python3 - "$WORK/zuid.csv" "$WORK/zuid-terug.csv" "$WORK/zuid-fout.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
for r in rows:
    if r and r[0] == "wonen-registratie":
        r[8:11] = ["In uitvoering", "Gezamenlijke controles gestart.", "Regio Zuid"]
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), delimiter=";").writerows(rows)
for r in rows:
    if r and r[0] == "wonen-registratie":
        r[8] = "Klaar"
csv.writer(open(sys.argv[3], "w", encoding="cp1252", newline=""), delimiter=",").writerows(rows)
PY
run 0 export
cp "$WORK/out" "$WORK/forms-before.json"
run 0 verwerk "$WORK/zuid-terug.csv" --dry-run
out_has "dry run, nothing stored"
out_has "status changed  wonen-registratie / Zuid-Limburg: Stagneert -> In uitvoering"
run 3 verwerk "$WORK/zuid-fout.csv"
out_has "(CSV, Windows-1252)"
out_has 'row 8, column I: "Klaar" is not a state of this list'
run 0 export
cmp -s "$WORK/out" "$WORK/forms-before.json" || fail "a dry run or a refused form changed the store"
run 0 verwerk "$WORK/zuid-terug.csv" --json
json_check 'd[0]["stored"] and d[0]["changes"][0]["after"]["state"] == "in_progress" and d[0]["changes"][0]["after"]["author"] == "Regio Zuid"'
run 0 verwerk "$WORK/zuid-terug.csv"                         # again: nothing new
out_has "0 new states of affairs"
run 3 verwerk "$WORK/missing.xlsx"
err_has "missing.xlsx: cannot read the file"
export ACTIELIJST_DB=$DB

# ---- opening: read commands open the store read-only; --busy-timeout -------------
# Another program holds the store's write lock (as a long import would): commands
# that only read go on, commands that write wait --busy-timeout, then fail with exit
# 3 having written nothing.
run 0 export
cp "$WORK/out" "$WORK/before-lock.json"
rm -f "$WORK/locked"
python3 -c 'import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(120)' "$DB" "$WORK/locked" &
holder=$!
for _ in $(seq 200); do [[ -e $WORK/locked ]] && break; sleep 0.05; done
[[ -e $WORK/locked ]] || { kill "$holder"; fail "the lock holder did not start"; }
run 0 --busy-timeout 100 list
out_has "action points"
run 0 --busy-timeout 100 regions --json
run 0 --busy-timeout 100 history wonen-registratie
run 0 --busy-timeout 100 check
run 0 --busy-timeout 100 report --format md
run 0 --busy-timeout 100 snapshot save "$WORK/during-lock.snap"
run 0 --busy-timeout 100 snapshot diff "$WORK/during-lock.snap"
run 0 --busy-timeout 100 meeting list
run 0 --busy-timeout 100 proposal history P4
run 3 --busy-timeout 200 status wonen-registratie Zuid "done" "Klaar." --date 2023-05-01
err_has "200 ms"
ACTIELIJST_BUSY_TIMEOUT=0 run 3 meeting add sg-9 2023-05-01
err_has "0 ms"
run 3 status wonen-registratie Zuid "done" "Klaar." --date 2023-05-01 --busy-timeout 0
kill "$holder"
wait "$holder" 2>/dev/null || true
holder=""
run 0 export
cmp -s "$WORK/out" "$WORK/before-lock.json" || fail "a write that timed out changed the store"
# A store of an older schema (tests/fixtures/store-v2.sql) is migrated by the first
# command that writes; a read command opens it read-only, so it refuses it and leaves
# the file as it was.
python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).executescript(open(sys.argv[2]).read())' \
    "$WORK/v2.db" "$SOURCE_DIR/tests/fixtures/store-v2.sql"
cp "$WORK/v2.db" "$WORK/v2.orig.db"
run 3 --db "$WORK/v2.db" list
err_has "migrated"
cmp -s "$WORK/v2.db" "$WORK/v2.orig.db" || fail "a read command changed a store of an older schema"
run 0 --db "$WORK/v2.db" meeting add sg-1 2023-03-15
run 0 --db "$WORK/v2.db" list
run 0 --db "$WORK/v2.db" meeting list --json
json_check '[m["key"] for m in d] == ["m1", "m2", "sg-1"]'
# A store the program may not write (a read-only file in a read-only directory):
# read commands work, write commands fail with exit 3 and leave it as it was.
if [[ $(id -u) -ne 0 ]]; then
    mkdir "$WORK/ro"
    cp "$DB" "$WORK/ro/list.db"
    chmod 444 "$WORK/ro/list.db"
    chmod 555 "$WORK/ro"
    run 0 --db "$WORK/ro/list.db" list
    out_has "19 of 19 action points"
    run 0 --db "$WORK/ro/list.db" report --format json
    run 3 --db "$WORK/ro/list.db" status wonen-registratie Zuid "done" "Klaar." --date 2023-05-01
    err_has "actielijst:"
    cmp -s "$DB" "$WORK/ro/list.db" || fail "a refused write changed the read-only store"
    chmod 755 "$WORK/ro"
else
    echo "note: running as root, which may write anywhere: the read-only store case is skipped"
fi

# ---- standard output that cannot be written: every command says so, exit 3 -------
# A full device (or a closed descriptor) is an error with its reason, never a silent
# loss; also where the command would have exited 0 or 1. A command that writes to
# the store has written when its message fails (exit 3 says the output was lost).
full() {
    local rc=0
    "$PROGRAM" "$@" >/dev/full 2>"$WORK/err" || rc=$?
    [[ $rc -eq 3 ]] || { cat "$WORK/err"; fail "actielijst $* > /dev/full exited $rc, expected 3"; }
    err_has "actielijst: standard output: No space left on device"
}
if [[ -w /dev/full ]]; then
    full --version
    full --help
    full list --help
    full snapshot diff --help
    export ACTIELIJST_DB=$WORK/full.db
    full init
    [[ -e $WORK/full.db ]] || fail "init > /dev/full did not create the store"
    full import "$DATA"
    full import "$DATA" --json
    for json in "" --json; do
        # shellcheck disable=SC2086  # $json is one word or none
        {
            full regions $json
            full list $json
            full list --where 'theme = "wonen"' $json
            full history wonen-registratie $json
            full check $json
            full check --fail-on info $json       # would exit 1
            full import "$DATA" $json
            full meeting list $json               # "No meetings stored."
        }
    done
    full export
    full export --contacts
    for format in html md csv json; do full report --format "$format"; done
    full report --format md -o "$WORK/full-report.md"   # the file is written, the line saying so is not
    [[ -s $WORK/full-report.md ]] || fail "report -o with a full standard output wrote no file"
    full meeting add sg-1 2023-03-15 --title "Stuurgroep maart"
    full meeting add sg-1 2023-03-15          # already stored
    full status wonen-registratie Zuid in_progress "Gevonden." --meeting sg-1
    full status wonen-registratie Zuid in_progress "Gevonden." --meeting sg-1   # already stored
    full propose V1 wonen-registratie "Bundelen." --meeting sg-1
    full decide V1 adopted --date 2023-03-20 --text "Akkoord."
    full observe short_stay_policy Zuid --level adopted --count 2 --date 2023-04-01
    full snapshot save "$WORK/full-1.snap" --as-of 2023-03-15
    full snapshot save "$WORK/full-2.snap" --as-of 2023-04-01 --format text
    for json in "" --json; do
        # shellcheck disable=SC2086
        {
            full meeting list $json
            full proposal history V1 $json
            full snapshot info "$WORK/full-1.snap" $json
            full snapshot diff "$WORK/full-1.snap" "$WORK/full-2.snap" $json
            full snapshot diff "$WORK/full-1.snap" --as-of 2023-04-01 $json
        }
    done
    # The writes took place; only the messages about them were lost.
    run 0 proposal history V1 --json
    json_check '[(e["state"], e["date"]) for e in d] == [("open", "2023-03-15"), ("adopted", "2023-03-20")]'
    run 0 snapshot info "$WORK/full-2.snap"
    out_has "text"
    export ACTIELIJST_DB=$DB
fi

# ---- a secretary's day: the picture follows the store, labels for people ------------
# Recorded today, seen by the next list and check without --as-of (issue scenario).
DAY=$WORK/day.db
run 0 --db "$DAY" init
run 0 --db "$DAY" import "$DATA"
run 0 --db "$DAY" status wonen-registratie Zuid in_progress "Gezamenlijke controles gestart."
TODAY=$(date -u +%F)
out_has "Recorded wonen-registratie / Zuid-Limburg: In uitvoering as of $TODAY."
run 0 --db "$DAY" list --where 'action = "wonen-registratie"'
out_has "As of $TODAY: 1 of 19 action points."
out_has "Zuid-Limburg: In uitvoering ($TODAY)"
out_has "Midden-Limburg: Stagneert (2023-03-01)"
out_lacks "CR39"
out_lacks "in_progress"
run 0 --db "$DAY" check
out_has "Checked as of $TODAY:"
out_has "alarm  stalled  wonen-registratie  Midden-Limburg"
out_lacks "alarm  stalled  wonen-registratie  Zuid-Limburg"
out_lacks "Registratie stagneert in Zuid-Limburg"
# English labels on request; --json keeps keys and codes.
run 0 --db "$DAY" --language en list --where 'action = "wonen-registratie"'
out_has "wonen-registratie  [Housing]  Registratie"
out_has "Zuid-Limburg: In progress ($TODAY)"
run 0 --db "$DAY" list --where 'action = "wonen-registratie"' --language en
out_has "Midden-Limburg: Stalled (2023-03-01)"
ACTIELIJST_LANGUAGE=en run 0 --db "$DAY" history wonen-registratie Zuid
out_has "Zuid-Limburg  In progress"
run 0 --db "$DAY" list --where 'action = "wonen-registratie"' --json
json_check '[s["state"] for a in d["actions"] for s in a["statuses"] if s["scope"] == "CR39"] == ["in_progress"] and d["as_of"] == "'"$TODAY"'"'
run 2 --db "$DAY" list --language de
run 0 --db "$DAY" regions --kind corop --language en
out_has "CR39  COROP region  Zuid-Limburg  (in Limburg)  aka Zuid, Regio Zuid"

# ---- a new province in minutes: init --province ------------------------------------
NB=$WORK/brabant.db
run 0 --db "$NB" init --province PV30 --default-states
out_has "Regions of Noord-Brabant (PV30) from the municipal division of 1 January 2026: 4 COROP regions, 56 municipalities."
run 0 --db "$NB" regions --json
json_check 'len(d) == 61 and sorted(r["code"] for r in d if r["kind"] == "corop") == ["CR33", "CR34", "CR35", "CR36"] and {r["code"]: r["name"] for r in d}["GM0772"] == "Eindhoven" and {r["code"]: r["parent"] for r in d}["GM1982"] == "CR35"'
# A list that starts before a merger keeps both sides, with the merger's date.
run 0 --db "$WORK/limburg-2018.db" init --province Limburg --year 2018
out_has "34 municipalities (4 of them formed or dissolved by a later merger, with its date)"
run 0 --db "$WORK/limburg-2018.db" regions --kind municipality
out_has "GM0951  gemeente  Nuth  (in Zuid-Limburg)  tot 2019-01-01"
out_has "GM1954  gemeente  Beekdaelen  (in Zuid-Limburg)  vanaf 2019-01-01"
# An empty province, a year without one, an unknown province or year: a clear error, and no store file left behind.
run 2 --db "$WORK/nowhere.db" init --province ""
err_has "--province needs a province's code or name"
run 2 --db "$WORK/nowhere.db" init --year 2020
err_has "--year requires --province"
run 3 --db "$WORK/nowhere.db" init --province PV30 --year 0
err_has "not 0"
run 3 --db "$WORK/nowhere.db" init --province PV40
err_has '"PV40" is not a province of the CBS region reference; the provinces are PV20 Groningen'
[[ ! -e $WORK/nowhere.db ]] || fail "init --province PV40 left a store behind"
run 3 --db "$WORK/nowhere.db" init --province PV30 --year 2017
err_has "holds the municipal divisions of 2018 to 2026, not 2017"
[[ ! -e $WORK/nowhere.db ]] || fail "init --year 2017 left a store behind"
# A closed standard output, likewise.
for args in "list" "check --json" "--version"; do
    rc=0
    # shellcheck disable=SC2086
    "$PROGRAM" $args >&- 2>"$WORK/err" || rc=$?
    [[ $rc -eq 3 ]] || { cat "$WORK/err"; fail "actielijst $args >&- exited $rc, expected 3"; }
    err_has "actielijst: standard output: Bad file descriptor"
done

echo "test_cli: all passed"
