# The ABI guard of libactielijst, driven by the `abi` test and the `abi-baseline`
# target (see cmake/Install.cmake and tests/packaging/CMakeLists.txt).
#
#   cmake -DMODE=baseline -DABIDW=<abidw> -DLIBRARY=<libactielijst.so> -DHEADER=<actielijst.h>
#         -DOUT=<abi/actielijst.abi> -P check_abi.cmake
#       writes the ABI of LIBRARY, restricted to what HEADER declares, to OUT.
#   cmake -DMODE=check -DABIDW=<abidw> -DABIDIFF=<abidiff> -DREADELF=<readelf> -DLIBRARY=...
#         -DHEADER=... -DBASELINE=<abi/actielijst.abi> -DSUPPRESSIONS=<abi/actielijst.suppr>
#         -DWORK=<dir> -P check_abi.cmake
#       compares LIBRARY with BASELINE and fails on an incompatible change, unless
#       the major version (the SONAME) moved. Added functions are fine.
#
# abidw reads DWARF: the library must be built with debug info (-g).
cmake_minimum_required(VERSION 3.25)

foreach(var MODE ABIDW LIBRARY HEADER)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "check_abi.cmake: ${var} is not set")
  endif()
endforeach()
if(NOT EXISTS "${ABIDW}")
  message(FATAL_ERROR "abidw not found: install the Debian package abigail-tools (build.sh does)")
endif()

# Options that keep the baseline about the interface and stable under review:
# only the exported functions and the types the public header defines (the
# header path must be absolute, as in the DWARF), no build paths, no line
# numbers, type ids that do not renumber when a type is added, no DT_NEEDED list
# (the sanitizer build needs libasan, which is no part of the ABI).
get_filename_component(HEADER "${HEADER}" ABSOLUTE)
get_filename_component(source_dir "${HEADER}" DIRECTORY)
get_filename_component(source_dir "${source_dir}" DIRECTORY)
set(ABIDW_OPTIONS
  --header-file ${HEADER} --drop-private-types --exported-interfaces-only
  --no-corpus-path --no-comp-dir-path --no-show-locs --no-elf-needed
  --type-id-style hash)

function(read_debug_info_guard)
  if(NOT DEFINED READELF OR NOT EXISTS "${READELF}")
    find_program(READELF readelf REQUIRED)
  endif()
  execute_process(COMMAND ${READELF} --sections --wide ${LIBRARY}
                  OUTPUT_VARIABLE sections RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "readelf failed on ${LIBRARY}")
  endif()
  if(NOT sections MATCHES "\\.debug_info")
    message(FATAL_ERROR
      "${LIBRARY} has no debug info (.debug_info), so abidw cannot see its types.\n"
      "The ABI guard needs a build with -g: CMAKE_BUILD_TYPE Debug or RelWithDebInfo "
      "(the dev, asan and release presets all are).")
  endif()
endfunction()

function(abidw_to out)
  execute_process(COMMAND ${ABIDW} ${ABIDW_OPTIONS} --out-file ${out} ${LIBRARY}
                  RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_VARIABLE outp)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "abidw failed (${rc}) on ${LIBRARY}:\n${outp}${err}")
  endif()
  # The translation units keep their absolute source paths; make them relative
  # to the source tree so the baseline does not depend on the checkout.
  file(READ ${out} abi)
  string(REPLACE "path='${source_dir}/" "path='" abi "${abi}")
  file(WRITE ${out} "${abi}")
endfunction()

function(soname_of abi_file var)
  file(STRINGS ${abi_file} corpus REGEX "<abi-corpus[ >]" LIMIT_COUNT 1)
  if(corpus MATCHES "soname='([^']*)'")
    set(${var} "${CMAKE_MATCH_1}" PARENT_SCOPE)
  else()
    message(FATAL_ERROR "no SONAME in ${abi_file}")
  endif()
endfunction()

if(MODE STREQUAL "baseline")
  read_debug_info_guard()
  abidw_to(${OUT})
  soname_of(${OUT} soname)
  message(STATUS "ABI baseline of ${soname} written to ${OUT}; review `git diff` on it before committing")
  return()
endif()

if(NOT MODE STREQUAL "check")
  message(FATAL_ERROR "check_abi.cmake: MODE must be baseline or check, not '${MODE}'")
endif()
foreach(var ABIDIFF BASELINE WORK)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "check_abi.cmake: ${var} is not set")
  endif()
endforeach()
if(NOT EXISTS "${BASELINE}")
  message(FATAL_ERROR "no ABI baseline at ${BASELINE}: generate one with `cmake --build <dir> --target abi-baseline`")
endif()

read_debug_info_guard()
file(MAKE_DIRECTORY ${WORK})
set(current ${WORK}/actielijst.current.abi)
abidw_to(${current})

soname_of(${BASELINE} baseline_soname)
soname_of(${current} current_soname)
string(REGEX MATCH "[0-9]+$" baseline_major "${baseline_soname}")
string(REGEX MATCH "[0-9]+$" current_major "${current_soname}")

set(suppr "")
if(DEFINED SUPPRESSIONS AND EXISTS "${SUPPRESSIONS}")
  set(suppr --suppressions ${SUPPRESSIONS})
endif()
execute_process(COMMAND ${ABIDIFF} ${suppr} ${BASELINE} ${current}
                RESULT_VARIABLE rc OUTPUT_VARIABLE report ERROR_VARIABLE err)
file(WRITE ${WORK}/abidiff.txt "${report}${err}")
if(NOT rc MATCHES "^[0-9]+$")
  message(FATAL_ERROR "abidiff did not run: ${rc}\n${err}")
endif()

# abidiff's exit status is a bit field: 1 error, 2 usage error,
# 4 ABIDIFF_ABI_CHANGE, 8 ABIDIFF_ABI_INCOMPATIBLE_CHANGE.
math(EXPR tool_error "${rc} & 3")
math(EXPR changed "${rc} & 4")
math(EXPR incompatible "${rc} & 8")
if(tool_error)
  message(FATAL_ERROR "abidiff failed (exit ${rc}):\n${report}${err}")
endif()
if(rc EQUAL 0)
  message(STATUS "ABI of ${current_soname} is identical to the baseline")
  return()
endif()

if(NOT baseline_major STREQUAL current_major)
  message(STATUS
    "ABI changed, and the major version moved (${baseline_soname} -> ${current_soname}): allowed.\n"
    "Regenerate the baseline for the new major version: cmake --build <dir> --target abi-baseline\n${report}")
  return()
endif()

# Libabigail counts only removals as 'incompatible' (bit 8); a function whose
# parameter or return type changed, or a struct whose layout changed, sets only
# bit 4, as an addition does. So with bit 4 alone the summary decides: anything
# Removed or Changed breaks callers built against the baseline; only Added
# functions or variables are compatible. (abi/actielijst.suppr lets the
# versioned input structs grow at the end, as the conventions allow.)
set(breaking "")
message(STATUS "abidiff exit status ${rc}")
if(incompatible)
  list(APPEND breaking "abidiff reports an incompatible change (exit bit 8)")
endif()
string(REGEX MATCHALL "(Functions|Variables) changes summary: [0-9]+ Removed[^,]*, [0-9]+ Changed[^,]*, [0-9]+ Added"
       summaries "${report}")
string(REGEX MATCHALL "Function symbols changes summary: [0-9]+ Removed|Variable symbols changes summary: [0-9]+ Removed"
       sym_summaries "${report}")
foreach(line IN LISTS summaries)
  if(line MATCHES "summary: ([0-9]+) Removed[^,]*, ([0-9]+) Changed")
    if(NOT CMAKE_MATCH_1 EQUAL 0 OR NOT CMAKE_MATCH_2 EQUAL 0)
      list(APPEND breaking "${line}")
    endif()
  endif()
endforeach()
foreach(line IN LISTS sym_summaries)
  if(line MATCHES "summary: ([1-9][0-9]*) Removed")
    list(APPEND breaking "${line}")
  endif()
endforeach()
if(changed AND summaries STREQUAL "" AND sym_summaries STREQUAL "")
  list(APPEND breaking "abidiff reports a change this script cannot classify (exit ${rc})")
endif()

if(breaking)
  list(JOIN breaking "\n  " why)
  message(FATAL_ERROR
    "Incompatible ABI change in ${current_soname} against abi/actielijst.abi:\n  ${why}\n\n"
    "${report}\n"
    "Callers built against the baseline would break. Either restore the old signature/layout "
    "(new behaviour gets a new function, e.g. _v2), or make it a new major version "
    "(ACTIELIJST_VERSION_MAJOR in include/actielijst.h) and regenerate the baseline "
    "with the abi-baseline target.")
endif()
message(STATUS "ABI of ${current_soname} is compatible with the baseline; additions only:\n${report}")
