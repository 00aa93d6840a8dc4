# Asserts that the shared library's dynamic symbol table exports exactly the
# functions declared in include/actielijst.h: no C++ core symbol, no SQLiteCpp
# symbol, and no declared function missing.
#   cmake -DLIBRARY=<libactielijst.so> -DHEADER=<actielijst.h> [-DEXTRA=<names>] [-DABSENT=<names>]
#         [-DNODE=<version node>] -P check_exports.cmake
# NODE: the ELF symbol version every export must carry (ACTIELIJST_<major>), so that a
# program linked against this major never binds to another major's symbols.
# EXTRA: functions the library exports beyond the header (the test hooks library's
# hooks). ABSENT: functions that must not be exported (the hooks, by libactielijst),
# checked by name so that the failure says so even if the header declared them.
cmake_minimum_required(VERSION 3.16) # a script has no policies of its own: IN_LIST needs CMP0057
find_program(NM nm REQUIRED)
execute_process(COMMAND ${NM} -D --defined-only --format=posix ${LIBRARY}
                OUTPUT_VARIABLE nm_out RESULT_VARIABLE nm_rc)
if(NOT nm_rc EQUAL 0)
  message(FATAL_ERROR "nm failed on ${LIBRARY}")
endif()
string(REPLACE "\n" ";" lines "${nm_out}")
set(exported "")
foreach(line IN LISTS lines)
  if(line MATCHES "^([^ ]+) ([A-Za-z]) ")
    set(name "${CMAKE_MATCH_1}")
    set(type "${CMAKE_MATCH_2}")
    # The version node itself (type A) is not a symbol of ours.
    if(type STREQUAL "A")
      continue()
    endif()
    if(DEFINED NODE AND NOT name MATCHES "@@?${NODE}$")
      message(FATAL_ERROR "${LIBRARY}: ${name} is not in the symbol version ${NODE}")
    endif()
    string(REGEX REPLACE "@.*" "" name "${name}")
    list(APPEND exported "${name}")
  endif()
endforeach()
list(REMOVE_DUPLICATES exported)
list(SORT exported)

foreach(fn IN LISTS ABSENT)
  if(fn IN_LIST exported)
    message(FATAL_ERROR "${LIBRARY} exports ${fn}, which must not be exported")
  endif()
endforeach()

file(READ ${HEADER} header)
string(REGEX MATCHALL "ACTIELIJST_API[^;(]*[ *](actielijst_[a-z0-9_]+)\\(" decls "${header}")
set(declared "")
foreach(decl IN LISTS decls)
  string(REGEX REPLACE ".*[ *](actielijst_[a-z0-9_]+)\\($" "\\1" fn "${decl}")
  list(APPEND declared "${fn}")
endforeach()

list(LENGTH declared n_declared)
if(n_declared EQUAL 0)
  message(FATAL_ERROR "no ACTIELIJST_API declarations found in ${HEADER}")
endif()
foreach(fn IN LISTS ABSENT)
  if(fn IN_LIST declared)
    message(FATAL_ERROR "${HEADER} declares ${fn}, which must not be part of the C API")
  endif()
endforeach()
list(APPEND declared ${EXTRA})
list(SORT declared)
if(NOT exported STREQUAL declared)
  set(extra ${exported})
  list(REMOVE_ITEM extra ${declared})
  set(missing ${declared})
  list(REMOVE_ITEM missing ${exported})
  message(FATAL_ERROR "exports differ from the header\n  exported but not declared: ${extra}\n  declared but not exported: ${missing}")
endif()
if(EXTRA)
  message(STATUS "${n_declared} functions exported, exactly those declared in the header, and ${EXTRA}")
else()
  message(STATUS "${n_declared} functions exported, exactly those declared in the header")
endif()
