# Runs doxygen on the check's Doxyfile and fails on any warning (the warnings are
# printed): `cmake -DDOXYGEN=<exe> -DDIR=<dir> -P check_doxygen.cmake`.
cmake_minimum_required(VERSION 3.25)
file(REMOVE ${DIR}/warnings.log)
execute_process(COMMAND ${DOXYGEN} ${DIR}/Doxyfile WORKING_DIRECTORY ${DIR}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "doxygen failed (${rc}):\n${out}${err}")
endif()
file(READ ${DIR}/warnings.log warnings)
string(STRIP "${warnings}" warnings)
if(NOT warnings STREQUAL "")
  string(REGEX MATCHALL "warning:" found "${warnings}")
  list(LENGTH found n)
  message(FATAL_ERROR "doxygen: ${n} warning(s) in the public C++ headers:\n${warnings}")
endif()
message(STATUS "doxygen: 0 warnings, undocumented members reported")
