# `docs`: the HTML API reference of the C API, generated from include/actielijst.h
# (the header is the documentation) into <build>/docs/html. Only defined when
# doxygen is found; not built by default. (The documentation check below is a test.)
find_package(Doxygen QUIET)
if(NOT DOXYGEN_FOUND)
  message(STATUS "doxygen not found: no `docs` target")
  return()
endif()

set(DOXYGEN_PROJECT_NAME "actielijst")
set(DOXYGEN_PROJECT_NUMBER "${PROJECT_VERSION}")
set(DOXYGEN_PROJECT_BRIEF "${PROJECT_DESCRIPTION} (C API)")
set(DOXYGEN_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/docs")
set(DOXYGEN_GENERATE_HTML YES)
set(DOXYGEN_GENERATE_LATEX NO)
set(DOXYGEN_OPTIMIZE_OUTPUT_FOR_C YES)
set(DOXYGEN_FULL_PATH_NAMES NO)
set(DOXYGEN_SHOW_INCLUDE_FILES YES)
set(DOXYGEN_SORT_MEMBER_DOCS NO)       # keep the header's order
set(DOXYGEN_TYPEDEF_HIDES_STRUCT YES)  # typedef struct x {..} x; is one entry
set(DOXYGEN_DISTRIBUTE_GROUP_DOC YES)  # the version macros share one comment (@{ ... @})
# Every declaration of the header is documented (fields, codes and constants with
# trailing /**< */ comments; the test docs_doxygen below holds it to that), so the
# reference shows what is documented and doxygen reports anything undocumented.
# (EXTRACT_ALL = YES would switch those warnings off.)
set(DOXYGEN_EXTRACT_ALL NO)
set(DOXYGEN_WARN_IF_UNDOCUMENTED YES)
set(DOXYGEN_QUIET YES)
# ACTIELIJST_API is an attribute, not part of the API's shape.
set(DOXYGEN_ENABLE_PREPROCESSING YES)
set(DOXYGEN_MACRO_EXPANSION YES)
set(DOXYGEN_EXPAND_ONLY_PREDEF YES)
set(DOXYGEN_PREDEFINED "ACTIELIJST_API=")

# A front page that points at the header, which is the reference itself.
set(_mainpage ${CMAKE_BINARY_DIR}/docs/mainpage.dox)
file(WRITE ${_mainpage} "/**\n\\mainpage actielijst ${PROJECT_VERSION}: the C API\n\n"
  "${PROJECT_DESCRIPTION}.\n\n"
  "The whole API is one C99 header, \\ref actielijst.h \"actielijst.h\". The comment that "
  "opens it states the conventions (result codes, ownership, threads, compatibility; see the source listing), "
  "and every function is documented where it is declared.\n*/\n")

doxygen_add_docs(docs ${PROJECT_SOURCE_DIR}/include/actielijst.h ${_mainpage}
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}/include
  COMMENT "API reference (HTML) in ${CMAKE_BINARY_DIR}/docs/html")

# ---- The documentation check (test `docs_doxygen`, label docs) ----------------------
# Doxygen with undocumented members reported over the public headers: every class,
# member, enumerator, function, struct, field and macro a team reads there has its
# documentation, and the test fails on any warning. Two runs, as OPTIMIZE_OUTPUT_FOR_C
# holds for a whole run: Doxyfile over the C++ headers, Doxyfile-c over the C header
# with the settings of `docs` above (C, ACTIELIJST_API expanded to nothing, a typedef'd
# struct as one entry, the version macros' shared comment). check_doxygen.cmake runs
# both; each writes its own log (warnings.log, warnings-c.log).
set(ACTIELIJST_DOXYGEN_CHECK_DIR ${CMAKE_BINARY_DIR}/docs-check)
file(GLOB ACTIELIJST_CPP_HEADERS ${PROJECT_SOURCE_DIR}/include/actielijst/*.hpp)
list(JOIN ACTIELIJST_CPP_HEADERS " " _cpp_headers)
file(MAKE_DIRECTORY ${ACTIELIJST_DOXYGEN_CHECK_DIR})
string(CONCAT _check_common
  "PROJECT_NAME = actielijst\n"
  "RECURSIVE = NO\n"
  "EXTRACT_ALL = NO\n"
  "EXTRACT_PRIVATE = NO\n"
  "EXTRACT_STATIC = YES\n"
  "HIDE_UNDOC_MEMBERS = NO\n"
  "WARN_IF_UNDOCUMENTED = YES\n"
  "WARN_IF_DOC_ERROR = YES\n"
  "WARN_NO_PARAMDOC = NO\n"
  "ENABLE_PREPROCESSING = YES\n"
  "QUIET = YES\n"
  "GENERATE_HTML = NO\n"
  "GENERATE_LATEX = NO\n"
  "GENERATE_XML = NO\n"
  "STRIP_FROM_PATH = ${PROJECT_SOURCE_DIR}/include\n"
  "HAVE_DOT = NO\n")
file(WRITE ${ACTIELIJST_DOXYGEN_CHECK_DIR}/Doxyfile
  "${_check_common}"
  "INPUT = ${_cpp_headers} ${PROJECT_SOURCE_DIR}/include/actielijst.hpp\n"
  "WARN_LOGFILE = ${ACTIELIJST_DOXYGEN_CHECK_DIR}/warnings.log\n"
  "OUTPUT_DIRECTORY = ${ACTIELIJST_DOXYGEN_CHECK_DIR}/out\n")
file(WRITE ${ACTIELIJST_DOXYGEN_CHECK_DIR}/Doxyfile-c
  "${_check_common}"
  "INPUT = ${PROJECT_SOURCE_DIR}/include/actielijst.h\n"
  "OPTIMIZE_OUTPUT_FOR_C = YES\n"
  "TYPEDEF_HIDES_STRUCT = YES\n"
  "DISTRIBUTE_GROUP_DOC = YES\n"
  "MACRO_EXPANSION = YES\n"
  "EXPAND_ONLY_PREDEF = YES\n"
  "PREDEFINED = ACTIELIJST_API=\n"
  "WARN_LOGFILE = ${ACTIELIJST_DOXYGEN_CHECK_DIR}/warnings-c.log\n"
  "OUTPUT_DIRECTORY = ${ACTIELIJST_DOXYGEN_CHECK_DIR}/out-c\n")
