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
# Every declaration appears, documented or not; plain /* */ comments (the result
# codes, the record fields) are not picked up by doxygen, so undocumented-member
# warnings are expected and switched off rather than fixed in the header here.
set(DOXYGEN_EXTRACT_ALL YES)
set(DOXYGEN_WARN_IF_UNDOCUMENTED NO)
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
# Doxygen over the C++ headers with undocumented members reported: every class,
# member, enumerator and function a team reads there has its documentation, and
# the test fails on any warning. (The C header's record fields are documented in
# plain comments that doxygen does not read; it joins this check when they are
# converted.)
set(ACTIELIJST_DOXYGEN_CHECK_DIR ${CMAKE_BINARY_DIR}/docs-check)
file(GLOB ACTIELIJST_CPP_HEADERS ${PROJECT_SOURCE_DIR}/include/actielijst/*.hpp)
list(JOIN ACTIELIJST_CPP_HEADERS " " _cpp_headers)
file(MAKE_DIRECTORY ${ACTIELIJST_DOXYGEN_CHECK_DIR})
file(WRITE ${ACTIELIJST_DOXYGEN_CHECK_DIR}/Doxyfile
  "PROJECT_NAME = actielijst\n"
  "INPUT = ${_cpp_headers} ${PROJECT_SOURCE_DIR}/include/actielijst.hpp\n"
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
  "WARN_LOGFILE = ${ACTIELIJST_DOXYGEN_CHECK_DIR}/warnings.log\n"
  "GENERATE_HTML = NO\n"
  "GENERATE_LATEX = NO\n"
  "GENERATE_XML = NO\n"
  "STRIP_FROM_PATH = ${PROJECT_SOURCE_DIR}/include\n"
  "HAVE_DOT = NO\n"
  "OUTPUT_DIRECTORY = ${ACTIELIJST_DOXYGEN_CHECK_DIR}/out\n")
