# Install rules, package config, pkg-config file and the Debian packages (see
# packaging/debian/ and the packaging tests in tests/packaging/), the ABI guard
# (abi/) and the `docs` target.
#
# What is installed:
#   - the C API: libactielijst.so.<major> with its symlinks, include/actielijst.h,
#     the CMake package (actielijst::actielijst) and actielijst.pc;
#   - the C++ API: include/actielijst.hpp and include/actielijst/*.hpp with the
#     static core libactielijst_core.a, as the CMake package's component `core`
#     (actielijst::core) and actielijst-core.pc. The C++ API is source compatible
#     within a major version and makes no binary promise (docs/versioning.md,
#     docs/cpp-api.md), which is why it is only ever a static library: a program
#     links the core it was compiled against and is rebuilt with each release.
#
# The two stay apart in the package config: find_package(actielijst) without
# components loads the C target alone and looks for no dependency; only
# COMPONENTS core loads actielijstCoreTargets.cmake and the core's own
# dependencies (SQLiteCpp, nlohmann_json, Boost.Serialization, expat,
# libxlsxwriter, minizip), which a static library cannot hide.
#
# Every rule names its install component, one per Debian package
# (packaging/debian/packages.cmake): runtime (the shared library), development
# (headers, .so link, static core, CMake package, pkg-config files, data
# files), python.

# The multiarch library directory (lib/<tuple>, e.g. lib/x86_64-linux-gnu) for
# every prefix. GNUInstallDirs chooses it only for the prefix /usr, but a build
# is configured for /usr/local while CPack installs it into /usr, which would
# put the packaged library in /usr/lib. CMAKE_LIBRARY_ARCHITECTURE is the
# compiler's multiarch tuple, empty where there is no multiarch layout.
if(CMAKE_LIBRARY_ARCHITECTURE)
  set(_multiarch_libdir "lib/${CMAKE_LIBRARY_ARCHITECTURE}")
  # A build directory configured before this rule holds GNUInstallDirs' old
  # default "lib" (and the CMake package directory below it); move them once
  # (ACTIELIJST_MULTIARCH_LIBDIR marks that), never a value chosen after that.
  if(DEFINED _GNUInstallDirs_LAST_CMAKE_INSTALL_PREFIX AND NOT DEFINED ACTIELIJST_MULTIARCH_LIBDIR
     AND "${CMAKE_INSTALL_LIBDIR}" STREQUAL "lib")
    unset(CMAKE_INSTALL_LIBDIR CACHE)
    if("${ACTIELIJST_INSTALL_CMAKEDIR}" STREQUAL "lib/cmake/actielijst")
      unset(ACTIELIJST_INSTALL_CMAKEDIR CACHE)
    endif()
  endif()
  set(ACTIELIJST_MULTIARCH_LIBDIR "${_multiarch_libdir}" CACHE INTERNAL "The multiarch libdir default was applied")
  set(CMAKE_INSTALL_LIBDIR "${_multiarch_libdir}" CACHE PATH "Object code libraries (${_multiarch_libdir})")
endif()
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(ACTIELIJST_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/actielijst"
    CACHE STRING "Where the CMake package files go (relative to the prefix)")
# Debian's directory for pure Python modules is lib/python3/dist-packages even on
# a multiarch libdir, so this does not follow CMAKE_INSTALL_LIBDIR.
set(ACTIELIJST_INSTALL_PYTHONDIR "lib/python3/dist-packages"
    CACHE STRING "Where the Python package goes (relative to the prefix)")

# The shared library's own header is the C header; the C++ headers are installed
# with the core below. The build-tree include directory (the whole of include/)
# stays a BUILD_INTERFACE set in capi/; the installed target gets the installed
# include directory through INCLUDES DESTINATION below.
set_target_properties(actielijst PROPERTIES PUBLIC_HEADER "${PROJECT_SOURCE_DIR}/include/actielijst.h")

# actielijst_core, actielijst_settings and SQLiteCpp are linked PRIVATE into the
# shared library, so they are not part of its exported link interface:
# actielijst::actielijst needs neither SQLiteCpp nor nlohmann_json.
#
# The versioned files are the runtime; the unversioned libactielijst.so link is
# only for linking new programs, so it goes with the development files. Shared
# libraries are 0644, as Debian requires (lintian: shared-library-is-executable).
install(TARGETS actielijst EXPORT actielijstTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
    COMPONENT runtime
    NAMELINK_COMPONENT development
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime
  PUBLIC_HEADER DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT development
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

install(EXPORT actielijstTargets
  NAMESPACE actielijst::
  FILE actielijstTargets.cmake
  DESTINATION ${ACTIELIJST_INSTALL_CMAKEDIR}
  COMPONENT development)

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
  DESTINATION ${ACTIELIJST_INSTALL_CMAKEDIR}
  COMPONENT development)

# ---- The C++ API: headers and the static core (component core) -------------------
# The archive keeps its target's name, libactielijst_core.a; the exported target is
# actielijst::core (EXPORT_NAME in src/CMakeLists.txt), in an export file of its
# own so that the C-only package loads none of it.
install(TARGETS actielijst_core EXPORT actielijstCoreTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT actielijstCoreTargets
  NAMESPACE actielijst::
  FILE actielijstCoreTargets.cmake
  DESTINATION ${ACTIELIJST_INSTALL_CMAKEDIR}
  COMPONENT development)
# `cmake --install --strip` and CPack's CPACK_STRIP_FILES strip executables and
# shared libraries but never an archive; the archive is stripped here as Debian's
# dh_strip does it: debug information and the .comment and .note sections go,
# the symbol table stays (lintian: unstripped-static-library,
# static-library-has-unneeded-sections).
install(CODE "
  if(CMAKE_INSTALL_DO_STRIP)
    set(_archive \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/$<TARGET_FILE_NAME:actielijst_core>\")
    execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-debug --remove-section=.comment --remove-section=.note
                            --enable-deterministic-archives \"\${_archive}\" RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
      message(FATAL_ERROR \"strip failed on \${_archive}\")
    endif()
  endif()"
  COMPONENT development)
install(FILES ${PROJECT_SOURCE_DIR}/include/actielijst.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT development)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/actielijst
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT development
        FILES_MATCHING PATTERN "*.hpp")

# pkg-config: relocatable, the prefix is found from the .pc file's own place
# (${pcfiledir} is <prefix>/<libdir>/pkgconfig; libdir may be lib or
# lib/<multiarch>, so the way up is computed).
file(RELATIVE_PATH ACTIELIJST_PC_UP
     "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" ACTIELIJST_PC_UP "${ACTIELIJST_PC_UP}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/actielijst.pc.in ${CMAKE_CURRENT_BINARY_DIR}/actielijst.pc @ONLY)
configure_file(${CMAKE_CURRENT_LIST_DIR}/actielijst-core.pc.in ${CMAKE_CURRENT_BINARY_DIR}/actielijst-core.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/actielijst.pc ${CMAKE_CURRENT_BINARY_DIR}/actielijst-core.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
        COMPONENT development)

# The default rules, as a file to copy and edit (the library embeds the same text).
install(FILES ${PROJECT_SOURCE_DIR}/rules/default.rules DESTINATION ${CMAKE_INSTALL_DATADIR}/actielijst
        COMPONENT development)
# The CBS region reference with its sources (the library embeds the same data).
install(FILES ${PROJECT_SOURCE_DIR}/data/regions/cbs-regions.csv ${PROJECT_SOURCE_DIR}/data/regions/README.md
        DESTINATION ${CMAKE_INSTALL_DATADIR}/actielijst/regions
        COMPONENT development)

# The Python package (ctypes bindings) is installed when its directory exists at
# configure time. It finds the library as libactielijst.so.<major> through the
# dynamic linker (or ACTIELIJST_LIBRARY), which works once the packages are
# installed. No byte code is installed: the Debian package compiles it on
# installation and removes it again (packaging/debian/python3-actielijst.*).
set(ACTIELIJST_PYTHON_PACKAGE_DIR ${PROJECT_SOURCE_DIR}/bindings/python/actielijst)
if(EXISTS ${ACTIELIJST_PYTHON_PACKAGE_DIR}/__init__.py)
  install(DIRECTORY ${ACTIELIJST_PYTHON_PACKAGE_DIR}
    DESTINATION ${ACTIELIJST_INSTALL_PYTHONDIR}
    COMPONENT python
    PATTERN "__pycache__" EXCLUDE
    PATTERN "*.pyc" EXCLUDE)
  set(ACTIELIJST_INSTALLS_PYTHON ON)
else()
  set(ACTIELIJST_INSTALLS_PYTHON OFF)
endif()

# ---- Debian packages (CPack) ----------------------------------------------------
include(${PROJECT_SOURCE_DIR}/packaging/debian/packages.cmake)

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
