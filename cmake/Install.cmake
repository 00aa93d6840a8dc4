# Install rules, package config, pkg-config file and CPack (see the packaging tests
# in tests/packaging/), the ABI guard (abi/) and the `docs` target.
#
# What is installed is the C API only: libactielijst.so.<major> with its symlinks,
# include/actielijst.h, the CMake package (actielijst::actielijst) and actielijst.pc.
# The C++ core headers in include/actielijst/ are NOT part of the installed
# interface for now: the core is an implementation detail linked statically into
# the shared library, and its C++ API makes no ABI promise.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(ACTIELIJST_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/actielijst"
    CACHE STRING "Where the CMake package files go (relative to the prefix)")
# Debian's directory for pure Python modules is lib/python3/dist-packages even on
# a multiarch libdir, so this does not follow CMAKE_INSTALL_LIBDIR.
set(ACTIELIJST_INSTALL_PYTHONDIR "lib/python3/dist-packages"
    CACHE STRING "Where the Python package goes (relative to the prefix)")

# Only the C header is public. The build-tree include directory (the whole of
# include/) stays a BUILD_INTERFACE set in capi/; the installed target gets the
# installed include directory through INCLUDES DESTINATION below.
set_target_properties(actielijst PROPERTIES PUBLIC_HEADER "${PROJECT_SOURCE_DIR}/include/actielijst.h")

# actielijst_core, actielijst_settings and SQLiteCpp are linked PRIVATE into the
# shared library, so they are not part of the exported link interface: the
# installed package needs neither SQLiteCpp nor nlohmann_json.
install(TARGETS actielijst EXPORT actielijstTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  PUBLIC_HEADER DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

install(EXPORT actielijstTargets
  NAMESPACE actielijst::
  FILE actielijstTargets.cmake
  DESTINATION ${ACTIELIJST_INSTALL_CMAKEDIR})

configure_package_config_file(
  ${CMAKE_CURRENT_LIST_DIR}/actielijstConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/actielijstConfig.cmake
  INSTALL_DESTINATION ${ACTIELIJST_INSTALL_CMAKEDIR})
# SameMajorVersion: SOVERSION is the major version, and within one major version
# functions are only ever added.
write_basic_package_version_file(
  ${CMAKE_CURRENT_BINARY_DIR}/actielijstConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMajorVersion)
install(FILES
  ${CMAKE_CURRENT_BINARY_DIR}/actielijstConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/actielijstConfigVersion.cmake
  DESTINATION ${ACTIELIJST_INSTALL_CMAKEDIR})

# pkg-config: relocatable, the prefix is found from the .pc file's own place
# (${pcfiledir} is <prefix>/<libdir>/pkgconfig; libdir may be lib or
# lib/<multiarch>, so the way up is computed).
file(RELATIVE_PATH ACTIELIJST_PC_UP
     "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" ACTIELIJST_PC_UP "${ACTIELIJST_PC_UP}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/actielijst.pc.in ${CMAKE_CURRENT_BINARY_DIR}/actielijst.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/actielijst.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The default rules, as a file to copy and edit (the library embeds the same text).
install(FILES ${PROJECT_SOURCE_DIR}/rules/default.rules DESTINATION ${CMAKE_INSTALL_DATADIR}/actielijst)
# The CBS region reference with its sources (the library embeds the same data).
install(FILES ${PROJECT_SOURCE_DIR}/data/regions/cbs-regions.csv ${PROJECT_SOURCE_DIR}/data/regions/README.md
        DESTINATION ${CMAKE_INSTALL_DATADIR}/actielijst/regions)

# The Python package (ctypes bindings) is installed when its directory exists at
# configure time. It finds the library as libactielijst.so.0 through the dynamic
# linker (or ACTIELIJST_LIBRARY), which works once the .deb is installed.
set(ACTIELIJST_PYTHON_PACKAGE_DIR ${PROJECT_SOURCE_DIR}/bindings/python/actielijst)
if(EXISTS ${ACTIELIJST_PYTHON_PACKAGE_DIR}/__init__.py)
  install(DIRECTORY ${ACTIELIJST_PYTHON_PACKAGE_DIR}
    DESTINATION ${ACTIELIJST_INSTALL_PYTHONDIR}
    PATTERN "__pycache__" EXCLUDE
    PATTERN "*.pyc" EXCLUDE)
  set(ACTIELIJST_INSTALLS_PYTHON ON)
else()
  set(ACTIELIJST_INSTALLS_PYTHON OFF)
endif()

# ---- CPack: a Debian package --------------------------------------------------
# cpack -G DEB in the build directory writes actielijst_<version>_<arch>.deb.
set(CPACK_PACKAGE_NAME actielijst)
set(CPACK_PACKAGE_VENDOR "actielijst")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# The maintainer is a placeholder until the project has a real address.
set(ACTIELIJST_DEB_MAINTAINER "actielijst maintainers <maintainers@actielijst.invalid>"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${ACTIELIJST_DEB_MAINTAINER}")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The synopsis line is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the body.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "actielijst models a steering group's action list (action points per theme, a\n\
state of affairs per region, proposals, monitoring), stores it in SQLite and\n\
reports on it. This package holds the shared C library, its header, the CMake\n\
package and pkg-config file, and the Python ctypes bindings.")
# Runtime dependencies from the library's DT_NEEDED entries (dpkg-shlibdeps, in
# dpkg-dev): libc6, libgcc-s1, libsqlite3-0, libstdc++6, with version floors.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Packaged binaries are stripped (the build tree keeps its debug info for the ABI guard).
set(CPACK_STRIP_FILES ON)
# A shlibs file and the ldconfig trigger, so the dynamic linker cache is updated.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
if(ACTIELIJST_INSTALLS_PYTHON)
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "python3")
endif()
include(CPack)

# ---- ABI baseline -------------------------------------------------------------
# abi/actielijst.abi is the committed ABI of the C API, checked by the `abi` test
# (tests/packaging/). Regenerate it with `cmake --build <dir> --target abi-baseline`
# from a build with debug info (Debug or RelWithDebInfo):
#   - at each release, so the next release is compared with what was shipped;
#   - after an intentional ABI change together with a major version bump.
# Review `git diff abi/` before committing: every line is a promise to users.
find_program(ACTIELIJST_ABIDW abidw)
add_custom_target(abi-baseline
  COMMAND ${CMAKE_COMMAND}
          -DMODE=baseline
          -DABIDW=${ACTIELIJST_ABIDW}
          -DLIBRARY=$<TARGET_FILE:actielijst>
          -DHEADER=${PROJECT_SOURCE_DIR}/include/actielijst.h
          -DOUT=${PROJECT_SOURCE_DIR}/abi/actielijst.abi
          -P ${PROJECT_SOURCE_DIR}/abi/check_abi.cmake
  DEPENDS actielijst
  COMMENT "Regenerating abi/actielijst.abi from $<TARGET_FILE_NAME:actielijst>"
  VERBATIM)

# ---- API reference ----------------------------------------------------------------
include(${CMAKE_CURRENT_LIST_DIR}/Doxygen.cmake)
