# Builds the Debian packages with CPack and checks each one: its files (names,
# modes, root ownership), its control fields, its control files (shlibs,
# triggers, maintainer scripts), /usr/share/doc, and lintian.
#
#   cmake -DBUILD_DIR=<build> -DWORK=<dir> -DSOURCE_DIR=<repo> -DVERSION=<x.y.z>
#         -DDEB_VERSION=<x.y.z-r> -DLIBDIR=<CMAKE_INSTALL_LIBDIR> -DCONFIG=<build type>
#         -DPYTHON=<ON|OFF> -DLINTIAN=<ON|OFF> -P deb_test.cmake
#
# LINTIAN=OFF (sanitized builds, whose packages are never shipped) leaves lintian
# out. Without lintian installed the test is skipped at the end, after every other
# check passed, unless ACTIELIJST_REQUIRE_LINTIAN is set; the skip is the line
# "SKIPPED: ..." (SKIP_REGULAR_EXPRESSION), as a cmake -P script has no exit code of
# its own to give.
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/deb_inspect.cmake)

find_program(DPKG_ARCHITECTURE dpkg-architecture)
if(NOT DPKG_ARCHITECTURE)
  message(FATAL_ERROR "dpkg-architecture not found (Debian package dpkg-dev), which packaging needs as well")
endif()
execute_process(COMMAND ${DPKG_ARCHITECTURE} -qDEB_HOST_MULTIARCH OUTPUT_VARIABLE multiarch OUTPUT_STRIP_TRAILING_WHITESPACE)
execute_process(COMMAND ${DPKG_ARCHITECTURE} -qDEB_HOST_ARCH OUTPUT_VARIABLE arch OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT LIBDIR STREQUAL "lib/${multiarch}")
  message(FATAL_ERROR "CMAKE_INSTALL_LIBDIR is '${LIBDIR}', not Debian's multiarch directory lib/${multiarch}")
endif()
string(REGEX MATCH "^[0-9]+" major "${VERSION}")
string(TOLOWER "${CONFIG}" config)
if(config STREQUAL "")
  set(config noconfig)
endif()

# ---- Build ----------------------------------------------------------------------
deb_build_packages(${BUILD_DIR} ${WORK})
set(lib libactielijst${major})
set(packages ${lib} libactielijst-dev)
set(deb_${lib} ${WORK}/${lib}_${DEB_VERSION}_${arch}.deb)
set(deb_libactielijst-dev ${WORK}/libactielijst-dev_${DEB_VERSION}_${arch}.deb)
if(PYTHON)
  list(APPEND packages python3-actielijst)
  set(deb_python3-actielijst ${WORK}/python3-actielijst_${DEB_VERSION}_all.deb)
endif()
set(expected_debs "")
foreach(p IN LISTS packages)
  list(APPEND expected_debs ${deb_${p}})
endforeach()
file(GLOB debs ${WORK}/*.deb)
list(SORT debs)
list(SORT expected_debs)
if(NOT debs STREQUAL expected_debs)
  message(FATAL_ERROR "cpack wrote:\n  ${debs}\nexpected:\n  ${expected_debs}")
endif()

# ---- Files ------------------------------------------------------------------------
set(L ./usr/${LIBDIR})
set(files_${lib}
  "${L}/libactielijst.so.${VERSION}"
  "${L}/libactielijst.so.${major} -> libactielijst.so.${VERSION}")
set(files_libactielijst-dev
  "./usr/include/actielijst.h"
  "${L}/libactielijst.so -> libactielijst.so.${major}"
  "${L}/cmake/actielijst/actielijstConfig.cmake"
  "${L}/cmake/actielijst/actielijstConfigVersion.cmake"
  "${L}/cmake/actielijst/actielijstTargets-${config}.cmake"
  "${L}/cmake/actielijst/actielijstTargets.cmake"
  "${L}/pkgconfig/actielijst.pc"
  "${L}/libactielijst_core.a"
  "${L}/cmake/actielijst/actielijstCoreTargets-${config}.cmake"
  "${L}/cmake/actielijst/actielijstCoreTargets.cmake"
  "${L}/pkgconfig/actielijst-core.pc"
  "./usr/include/actielijst.hpp"
  "./usr/share/actielijst/default.rules"
  "./usr/share/actielijst/regions/README.md"
  "./usr/share/actielijst/regions/cbs-regions.csv")
# Exactly the C++ headers of the source tree.
file(GLOB cpp_headers RELATIVE ${SOURCE_DIR}/include/actielijst ${SOURCE_DIR}/include/actielijst/*.hpp)
foreach(h IN LISTS cpp_headers)
  list(APPEND files_libactielijst-dev "./usr/include/actielijst/${h}")
endforeach()
# Exactly the modules of the source tree: no byte code (postinst makes it).
file(GLOB modules RELATIVE ${SOURCE_DIR}/bindings/python/actielijst ${SOURCE_DIR}/bindings/python/actielijst/*.py)
set(files_python3-actielijst "")
foreach(m IN LISTS modules)
  list(APPEND files_python3-actielijst "./usr/lib/python3/dist-packages/actielijst/${m}")
endforeach()

foreach(p IN LISTS packages)
  list(APPEND files_${p} "./usr/share/doc/${p}/changelog.Debian.gz" "./usr/share/doc/${p}/copyright"
                         "./usr/share/lintian/overrides/${p}")
  deb_check_files(${deb_${p}} "${files_${p}}")
endforeach()

# ---- Control fields -------------------------------------------------------------
# The Maintainer is the one who signs the changelog.
file(READ ${SOURCE_DIR}/packaging/debian/changelog changelog)
if(NOT changelog MATCHES "\n -- ([^\n]+>)  [^\n]+\n")
  message(FATAL_ERROR "packaging/debian/changelog has no signature line")
endif()
set(maintainer "${CMAKE_MATCH_1}")
set(strict "${lib} (= ${DEB_VERSION})")
set(fields_${lib} Section=libs Architecture=${arch})
# The static core's dependencies: the development packages of what it links
# (packaging/debian/packages.cmake says why each).
set(core_depends "libsqlitecpp-dev, libsqlite3-dev, nlohmann-json3-dev, libboost-serialization-dev, libexpat1-dev, \
libxlsxwriter-dev, libminizip-dev, zlib1g-dev, pkg-config")
set(fields_libactielijst-dev Section=libdevel Architecture=${arch} "Depends=${strict}, ${core_depends}")
set(fields_python3-actielijst Section=python Architecture=all "Depends=${strict}, python3")
foreach(p IN LISTS packages)
  deb_check_fields(${deb_${p}} Package=${p} Version=${DEB_VERSION} Source=actielijst Priority=optional
                   "Maintainer=${maintainer}" ${fields_${p}})
endforeach()
# The library's own dependencies come from dpkg-shlibdeps, each with a version floor.
deb_field(${deb_${lib}} Depends depends)
foreach(dep libc6 libstdc\\+\\+6 libsqlite3-0)
  if(NOT depends MATCHES "(^|, )${dep} \\(>= [^)]+\\)")
    message(FATAL_ERROR "${lib}: Depends does not declare ${dep} with a version: '${depends}'")
  endif()
endforeach()
foreach(p IN LISTS packages)
  deb_field(${deb_${p}} Description description)
  if(NOT description MATCHES "^steering-group action lists - [^\n]+\n .+")
    message(FATAL_ERROR "${p}: Description lacks its own synopsis or the long description:\n${description}")
  endif()
endforeach()

# ---- Control files ----------------------------------------------------------------
# The runtime package: a shlibs file and the ldconfig trigger, no maintainer scripts
# (Debian runs ldconfig through the trigger). Python: byte code made and removed
# exactly as dh_python3 does.
deb_check_control(${deb_${lib}} "control;md5sums;shlibs;triggers")
deb_check_control(${deb_libactielijst-dev} "control;md5sums")
if(PYTHON)
  deb_check_control(${deb_python3-actielijst} "control;md5sums;postinst;prerm")
endif()
set(ctrl ${WORK}/control/${lib})
file(STRINGS ${ctrl}/shlibs shlibs REGEX "^[^#]")
if(NOT shlibs STREQUAL "libactielijst ${major} ${lib} (>= ${VERSION})")
  message(FATAL_ERROR "${lib}: shlibs is '${shlibs}', expected 'libactielijst ${major} ${lib} (>= ${VERSION})'")
endif()
file(STRINGS ${ctrl}/triggers triggers REGEX "^[^#]")
if(NOT triggers STREQUAL "activate-noawait ldconfig")
  message(FATAL_ERROR "${lib}: triggers is '${triggers}', expected 'activate-noawait ldconfig'")
endif()
if(PYTHON)
  set(ctrl ${WORK}/control/python3-actielijst)
  file(READ ${ctrl}/postinst postinst)
  file(READ ${ctrl}/prerm prerm)
  if(NOT postinst MATCHES "\n[ \t]*py3compile -p python3-actielijst\n" OR NOT prerm MATCHES "\n[ \t]*py3clean -p python3-actielijst\n")
    message(FATAL_ERROR "python3-actielijst: postinst must run 'py3compile -p python3-actielijst' and prerm "
                        "'py3clean -p python3-actielijst':\n--- postinst\n${postinst}--- prerm\n${prerm}")
  endif()
endif()

# ---- /usr/share/doc/<package> -------------------------------------------------
foreach(p IN LISTS packages)
  deb_check_doc(${deb_${p}} ${p} ${SOURCE_DIR}/packaging/debian "${DEB_VERSION}")
endforeach()

# ---- lintian ------------------------------------------------------------------------
if(NOT LINTIAN)
  message(STATUS "lintian not run: a sanitized build's packages are never shipped (the dev and release builds run it)")
  return()
endif()
find_program(LINTIAN_PROGRAM lintian)
if(NOT LINTIAN_PROGRAM)
  if(DEFINED ENV{ACTIELIJST_REQUIRE_LINTIAN} AND NOT "$ENV{ACTIELIJST_REQUIRE_LINTIAN}" STREQUAL "")
    message(FATAL_ERROR "lintian is not installed (apt-get install lintian) and ACTIELIJST_REQUIRE_LINTIAN is set")
  endif()
  message("SKIPPED: every package check passed but lintian, which is not installed "
          "(apt-get install lintian; set ACTIELIJST_REQUIRE_LINTIAN=1 to make this a failure)")
  return()
endif()
deb_lintian(${LINTIAN_PROGRAM} ${debs})
message(STATUS "the Debian packages ${packages} hold what they should, declare it, and pass lintian")
