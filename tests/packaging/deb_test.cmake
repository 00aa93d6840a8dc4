# Builds the Debian package with CPack and checks what it holds and declares.
#
#   cmake -DBUILD_DIR=<build> -DWORK=<dir> -DVERSION=<x.y.z> -DPYTHON=<ON|OFF> -P deb_test.cmake
cmake_minimum_required(VERSION 3.25)

find_program(DPKG_DEB dpkg-deb REQUIRED)
find_program(DPKG_SHLIBDEPS dpkg-shlibdeps)
if(NOT DPKG_SHLIBDEPS)
  message(FATAL_ERROR "dpkg-shlibdeps not found (Debian package dpkg-dev); the package's dependencies come from it")
endif()
get_filename_component(cmake_bin_dir ${CMAKE_COMMAND} DIRECTORY)
find_program(CPACK cpack HINTS ${cmake_bin_dir} REQUIRED)

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${CPACK} -G DEB --config ${BUILD_DIR}/CPackConfig.cmake -B ${WORK}
                WORKING_DIRECTORY ${BUILD_DIR}
                RESULT_VARIABLE rc OUTPUT_VARIABLE o ERROR_VARIABLE e)
message("${o}${e}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cpack -G DEB failed (${rc})")
endif()
file(GLOB debs ${WORK}/actielijst_${VERSION}_*.deb)
list(LENGTH debs n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected one actielijst_${VERSION}_<arch>.deb in ${WORK}, found: ${debs}")
endif()
message(STATUS "package: ${debs}")

execute_process(COMMAND ${DPKG_DEB} -c ${debs} OUTPUT_VARIABLE contents RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "dpkg-deb -c failed on ${debs}")
endif()
message("${contents}")

set(missing "")
string(REGEX MATCH "^[0-9]+" major "${VERSION}")
foreach(re
    "\\./usr/lib/([^ /]+/)?libactielijst\\.so\\.${VERSION}\n"
    "\\./usr/lib/([^ /]+/)?libactielijst\\.so\\.${major} -> libactielijst\\.so\\.${VERSION}\n"
    "\\./usr/lib/([^ /]+/)?libactielijst\\.so -> libactielijst\\.so\\.${major}\n"
    "\\./usr/include/actielijst\\.h\n"
    "\\./usr/lib/([^ /]+/)?cmake/actielijst/actielijstConfig\\.cmake\n"
    "\\./usr/lib/([^ /]+/)?cmake/actielijst/actielijstConfigVersion\\.cmake\n"
    "\\./usr/lib/([^ /]+/)?cmake/actielijst/actielijstTargets\\.cmake\n"
    "\\./usr/lib/([^ /]+/)?pkgconfig/actielijst\\.pc\n")
  if(NOT contents MATCHES "${re}")
    list(APPEND missing "${re}")
  endif()
endforeach()
if(PYTHON AND NOT contents MATCHES "\\./usr/lib/python3/dist-packages/actielijst/__init__\\.py\n")
  list(APPEND missing "the Python package (usr/lib/python3/dist-packages/actielijst/)")
endif()
if(missing)
  list(JOIN missing "\n  " m)
  message(FATAL_ERROR "the package lacks:\n  ${m}")
endif()
if(contents MATCHES "\\./usr/include/actielijst/")
  message(FATAL_ERROR "the package holds the C++ core headers; only the C API is installed")
endif()

function(field name var)
  execute_process(COMMAND ${DPKG_DEB} -f ${debs} ${name} OUTPUT_VARIABLE v OUTPUT_STRIP_TRAILING_WHITESPACE)
  message(STATUS "${name}: ${v}")
  set(${var} "${v}" PARENT_SCOPE)
endfunction()
field(Depends depends)
field(Section section)
field(Maintainer maintainer)
field(Description description)
foreach(dep libsqlite3-0 libc6 libstdc\\+\\+6 libboost-serialization1\\.74\\.0)
  if(NOT depends MATCHES "(^|, )${dep} \\(>= [^)]+\\)")
    message(FATAL_ERROR "Depends does not declare ${dep} with a version: '${depends}'")
  endif()
endforeach()
if(NOT section STREQUAL "libs" OR maintainer STREQUAL "" OR description STREQUAL "")
  message(FATAL_ERROR "Section, Maintainer or Description missing")
endif()
message(STATUS "the Debian package holds the library, header, CMake package, .pc and declares its dependencies")
