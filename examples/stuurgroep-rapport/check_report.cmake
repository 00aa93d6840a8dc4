# Runs stuurgroep-rapport on the bundled Limburg data and checks what a secretary
# relies on: the signals with reasons and the overall status per action, the
# --where filter, and a clear error (exit 3, file:line:column) for a bad rules file;
# then the other formats, English, sections and the changes since an earlier date.
#   cmake -DPROGRAM=<exe> -DSOURCE_DIR=<repo> -DWORK=<scratch dir> -P check_report.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

function(run expected_rc out_var)
  execute_process(COMMAND ${PROGRAM} --data ${SOURCE_DIR}/examples/data/limburg.json --db ${WORK}/limburg.db ${ARGN}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL expected_rc)
    message(FATAL_ERROR "expected exit ${expected_rc}, got ${rc}\n${out}\n${err}")
  endif()
  set(${out_var} "${out}${err}" PARENT_SCOPE)
endfunction()

function(require text part)
  string(FIND "${text}" "${part}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "missing: ${part}")
  endif()
endfunction()

function(refuse text part)
  string(FIND "${text}" "${part}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "unexpected: ${part}")
  endif()
endfunction()

run(0 out --out ${WORK}/all.md)
require("${out}" "Signals: 4 alert")
file(READ ${WORK}/all.md all)
require("${all}" "## Signalen")
require("${all}" "### Alarm")
require("${all}" "gebrek aan capaciteit")
# Reasons in words, with the rule's expression beside them.
require("${all}" "stand van zaken Stagneert sinds 1 maart 2023 (`state_category = \"blocked\"`)")
require("${all}" "## Overzicht")
require("${all}" "monitoringscijfers zijn van 2020-12-31")
require("${all}" "**Status:** rood — stalled")
require("${all}" "### In gesprek met internationale werknemers (`algemeen-in-gesprek`)")

run(0 out --out ${WORK}/wonen.md --where "theme = \"wonen\"")
file(READ ${WORK}/wonen.md wonen)
require("${wonen}" "(`wonen-registratie`)")
refuse("${wonen}" "(`algemeen-in-gesprek`)")
refuse("${wonen}" "In gesprek met internationale werknemers stagneert")
# Region signals are not about one action, so a filter keeps them.
require("${wonen}" "monitoringscijfers zijn van 2020-12-31")

file(WRITE ${WORK}/bad.rules "rule late\n    severity alert\n    when since_update > \"180\"\n    message \"x\"\n")
run(3 out --out ${WORK}/bad.md --rules ${WORK}/bad.rules)
require("${out}" "bad.rules:3:")
require("${out}" "type mismatch")
if(EXISTS ${WORK}/bad.md)
  message(FATAL_ERROR "a failed run wrote a report")
endif()

run(3 out --out ${WORK}/bad.md --where "state = \"stalled\"")
require("${out}" "--where:1:1")

# HTML, Markdown, CSV and JSON in one run, each format from its extension.
run(0 out --out ${WORK}/r.html --out ${WORK}/r.md --out ${WORK}/r.csv --out ${WORK}/r.json)
require("${out}" "Report: ${WORK}/r.html")
file(READ ${WORK}/r.html html)
require("${html}" "<!DOCTYPE html>")
require("${html}" "@page{size:A4")
require("${html}" "<svg xmlns=")
refuse("${html}" "<script")
file(READ ${WORK}/r.csv csv)
require("${csv}" "thema,actiepunt,titel")
file(READ ${WORK}/r.json json)
require("${json}" "\"format\": \"actielijst-report\"")

run(0 out --out ${WORK}/en.md --lang en --sections summary,signals)
file(READ ${WORK}/en.md en)
require("${en}" "## Signals")
require("${en}" "As of 1 March 2023.")
refuse("${en}" "## Housing")

run(0 out --out ${WORK}/changes.md --compare-date 2023-02-01 --sections changes)
require("${out}" "Changes since 2023-02-01:")
file(READ ${WORK}/changes.md changes)
require("${changes}" "Wijzigingen van 1 februari 2023 tot 1 maart 2023.")

run(3 out --out ${WORK}/bad.md --sections summary,appendix)
require("${out}" "unknown section \"appendix\"")
run(3 out --out ${WORK}/bad.pdf)
require("${out}" "cannot tell the format")
run(3 out --out ${WORK}/bad.md --lang de)
require("${out}" "expected \"nl\" or \"en\"")

# The besluitenlijst after the (illustrative) next meeting: the decision taken, with its text.
run(0 out --data ${SOURCE_DIR}/tests/fixtures/limburg-next-meeting.json --kind besluitenlijst --meeting sg-2023-04
    --out ${WORK}/besluiten.md)
file(READ ${WORK}/besluiten.md besluiten)
require("${besluiten}" "# Besluitenlijst")
require("${besluiten}" "Huisvesting (wonen-regionaal-beleid)")
require("${besluiten}" "regionale bestuurlijke overleggen Wonen")

# A report for a meeting without --as-of is as of the meeting's date (the library's
# report pipeline, as the command-line tool and the C API make it).
run(0 out --meeting sg-2023-03 --out ${WORK}/meeting.json)
require("${out}" "Report as of 2023-03-01:")
file(READ ${WORK}/meeting.json meeting)
require("${meeting}" "\"meeting\": \"sg-2023-03\"")
run(3 out --meeting no-such-meeting --out ${WORK}/bad.md)
require("${out}" "no-such-meeting")

# The same request gives the same bytes as the pipeline, the command-line tool and
# the C API: the golden report of the Limburg list as of 2023-03-01, from a store
# holding only that list.
execute_process(COMMAND ${PROGRAM} --data ${SOURCE_DIR}/examples/data/limburg.json --db ${WORK}/golden.db
                        --as-of 2023-03-01 --out ${WORK}/golden.md --out ${WORK}/golden.json
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the golden run exited ${rc}\n${out}\n${err}")
endif()
foreach(format md json)
  file(READ ${WORK}/golden.${format} actual)
  file(READ ${SOURCE_DIR}/tests/golden/report/limburg.nl.${format} expected)
  if(NOT actual STREQUAL expected)
    message(FATAL_ERROR "${WORK}/golden.${format} differs from tests/golden/report/limburg.nl.${format}")
  endif()
endforeach()
