# The Debian packages, built by CPack (`cpack -G DEB` in the build directory)
# from the install components of cmake/Install.cmake, split the way Debian
# splits a C library so that programs linked against major version N keep
# working when a later major version is installed next to it:
#
#   libactielijst<major>  (component runtime)      libactielijst.so.<major> and .so.<version>
#   libactielijst-dev     (component development)  header, libactielijst.so, CMake package,
#                                                  actielijst.pc, default rules, region data;
#                                                  the C++ API: its headers, the static core
#                                                  libactielijst_core.a, actielijst-core.pc
#   python3-actielijst    (component python)       the ctypes bindings, Architecture: all
#
# Every package name follows PROJECT_VERSION_MAJOR (the SOVERSION). Checked by
# the packaging_deb and packaging_apt tests (tests/packaging/).
set(_deb_src ${CMAKE_CURRENT_LIST_DIR})
set(_deb_bin ${PROJECT_BINARY_DIR}/packaging/debian)

set(ACTIELIJST_DEB_RUNTIME_PACKAGE libactielijst${PROJECT_VERSION_MAJOR})
set(ACTIELIJST_DEB_MAINTAINER "actielijst maintainers <maintainers@users.noreply.r-seed-c4ef4e04.example>")

# The Debian revision comes from the latest changelog entry, as dpkg-buildpackage
# takes it; the upstream part must be the project's version.
file(STRINGS ${_deb_src}/changelog _deb_top LIMIT_COUNT 1)
if(NOT _deb_top MATCHES "^actielijst \\(([0-9][A-Za-z0-9.+~]*)-([A-Za-z0-9.+~]+)\\) ")
  message(FATAL_ERROR "packaging/debian/changelog: the first line is not 'actielijst (<version>-<revision>) ...': ${_deb_top}")
endif()
set(ACTIELIJST_DEB_CHANGELOG_VERSION ${CMAKE_MATCH_1})
set(ACTIELIJST_DEB_REVISION ${CMAKE_MATCH_2})
set(ACTIELIJST_DEB_VERSION ${PROJECT_VERSION}-${ACTIELIJST_DEB_REVISION})
if(NOT ACTIELIJST_DEB_CHANGELOG_VERSION STREQUAL PROJECT_VERSION)
  # Not fatal, so that a version bump does not stop every build; packaging_deb fails on it.
  message(WARNING "packaging/debian/changelog: the latest entry is for ${ACTIELIJST_DEB_CHANGELOG_VERSION} "
                  "but the project is ${PROJECT_VERSION}; add an entry for ${PROJECT_VERSION}-1 before packaging.")
endif()
set_property(DIRECTORY ${PROJECT_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_deb_src}/changelog)

# ---- /usr/share/doc/<package>: copyright and changelog.Debian.gz ----------------
# Debian requires both in every package. -n leaves the name and time stamp out
# of the gzip header, so the same changelog always gives the same bytes.
find_program(ACTIELIJST_GZIP gzip REQUIRED)
set(_deb_changelog_gz ${_deb_bin}/changelog.Debian.gz)
add_custom_command(OUTPUT ${_deb_changelog_gz}
  COMMAND ${CMAKE_COMMAND} -E copy ${_deb_src}/changelog ${_deb_bin}/changelog.Debian
  COMMAND ${ACTIELIJST_GZIP} -9nf ${_deb_bin}/changelog.Debian
  DEPENDS ${_deb_src}/changelog
  COMMENT "Compressing packaging/debian/changelog"
  VERBATIM)
# In ALL because cpack only runs the build before installing; it builds no other target.
add_custom_target(actielijst_deb_changelog ALL DEPENDS ${_deb_changelog_gz})

set(_deb_packages "${ACTIELIJST_DEB_RUNTIME_PACKAGE}:runtime" "libactielijst-dev:development")
if(ACTIELIJST_INSTALLS_PYTHON)
  list(APPEND _deb_packages "python3-actielijst:python")
endif()
foreach(_entry IN LISTS _deb_packages)
  string(REPLACE ":" ";" _entry "${_entry}")
  list(GET _entry 0 _package)
  list(GET _entry 1 _component)
  # EXCLUDE_FROM_ALL: only the package build (a per-component install) takes
  # these; `cmake --install` into a prefix does not.
  install(FILES ${_deb_src}/copyright ${_deb_changelog_gz}
          DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${_package}
          COMPONENT ${_component} EXCLUDE_FROM_ALL)
  # The one lintian override; lintian-overrides says why it is expected.
  install(FILES ${_deb_src}/lintian-overrides
          DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/lintian/overrides RENAME ${_package}
          COMPONENT ${_component} EXCLUDE_FROM_ALL)
endforeach()

# ---- Control files ------------------------------------------------------------
# CPACK_DEBIAN_*_CONTROL_EXTRA takes files by their final names (shlibs,
# triggers, postinst, prerm), so the sources are copied under those names.
configure_file(${_deb_src}/libactielijst.shlibs.in ${_deb_bin}/runtime/shlibs @ONLY)
configure_file(${_deb_src}/libactielijst.triggers ${_deb_bin}/runtime/triggers COPYONLY)
configure_file(${_deb_src}/python3-actielijst.postinst ${_deb_bin}/python/postinst COPYONLY)
configure_file(${_deb_src}/python3-actielijst.prerm ${_deb_bin}/python/prerm COPYONLY)

# ---- CPack ----------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME actielijst)
set(CPACK_PACKAGE_VENDOR actielijst)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${ACTIELIJST_DEB_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
string(REGEX REPLACE "[^;]+:" "" CPACK_COMPONENTS_ALL "${_deb_packages}")
# Directories the install creates get 0755 whatever the umask of the user running cpack.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
# Packaged binaries are stripped (the build tree keeps its debug info for the ABI guard).
set(CPACK_STRIP_FILES ON)
# Run by cpack itself: the runtime package's Depends (dpkg-shlibdeps) and each
# package's own synopsis; the file says why these are not plain settings here.
set(CPACK_PROJECT_CONFIG_FILE ${_deb_bin}/cpack_project_config.cmake)
file(GENERATE OUTPUT ${CPACK_PROJECT_CONFIG_FILE} INPUT ${_deb_src}/cpack_project_config.cmake.in)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${ACTIELIJST_DEB_REVISION})
set(CPACK_DEBIAN_PACKAGE_SOURCE actielijst)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${ACTIELIJST_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Maintainer scripts 0755, other control files 0644, as dpkg-deb expects.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Both OFF on purpose: with either, CMake 3.25's CPackDeb adds postinst and
# postrm scripts that run ldconfig, where Debian uses the ldconfig trigger
# (lintian: maintscript-calls-ldconfig). The shlibs file comes from
# libactielijst.shlibs.in, the runtime package's Depends from dpkg-shlibdeps
# in cpack_project_config.cmake.in.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)

set(_deb_about
  "actielijst models a steering group's action list: action points per theme,\n\
a state of affairs per region and municipality, proposals and decisions, and\n\
monitoring figures. It stores the list with its full history in SQLite,\n\
applies reporting rules and renders the report for the next meeting.\n")

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME ${ACTIELIJST_DEB_RUNTIME_PACKAGE})
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_CONTROL_EXTRA ${_deb_bin}/runtime/shlibs ${_deb_bin}/runtime/triggers)
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION "steering-group action lists - shared C library\n${_deb_about}\n\
This package holds the shared library with the stable C API.")

set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME libactielijst-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
# The static core (the C++ API) is linked into each program that uses it, with
# everything it links: those libraries' development packages, the ones whose
# files the package config (find_package COMPONENTS core) and actielijst-core.pc
# look for. zlib: libxlsxwriter's pkg-config file links -lz, and
# libxlsxwriter-dev does not depend on zlib1g-dev. pkg-config: the package config
# finds libxlsxwriter and minizip through it (pkgconf provides it).
set(ACTIELIJST_DEB_CORE_DEPENDS
  libsqlitecpp-dev libsqlite3-dev nlohmann-json3-dev libboost-serialization-dev libexpat1-dev
  libxlsxwriter-dev libminizip-dev zlib1g-dev pkg-config)
list(JOIN ACTIELIJST_DEB_CORE_DEPENDS ", " _deb_core_depends)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
    "${ACTIELIJST_DEB_RUNTIME_PACKAGE} (= ${ACTIELIJST_DEB_VERSION}), ${_deb_core_depends}")
set(CPACK_DEBIAN_DEVELOPMENT_DESCRIPTION "steering-group action lists - development files\n${_deb_about}\n\
This package holds what is needed to build programs against the C API: the\n\
header actielijst.h, the CMake package (find_package(actielijst), target\n\
actielijst::actielijst), the pkg-config file actielijst.pc, and the default\n\
reporting rules and CBS region reference data as files to read or adapt.\n\
.\n\
It also holds the C++ API: the headers actielijst.hpp and actielijst/*.hpp,\n\
the static library libactielijst_core.a (CMake: find_package(actielijst\n\
COMPONENTS core), target actielijst::core; pkg-config: actielijst-core). The\n\
C++ API is source compatible within a major version and makes no binary\n\
promise: programs link it statically and are rebuilt with each release.")

set(CPACK_DEBIAN_PYTHON_PACKAGE_NAME python3-actielijst)
set(CPACK_DEBIAN_PYTHON_PACKAGE_SECTION python)
set(CPACK_DEBIAN_PYTHON_PACKAGE_ARCHITECTURE all)
# python3, not python3:any: ctypes loads the library into the interpreter, so
# the interpreter must be of the library's architecture.
set(CPACK_DEBIAN_PYTHON_PACKAGE_DEPENDS "${ACTIELIJST_DEB_RUNTIME_PACKAGE} (= ${ACTIELIJST_DEB_VERSION}), python3")
set(CPACK_DEBIAN_PYTHON_PACKAGE_CONTROL_EXTRA ${_deb_bin}/python/postinst ${_deb_bin}/python/prerm)
set(CPACK_DEBIAN_PYTHON_DESCRIPTION "steering-group action lists - Python 3 bindings\n${_deb_about}\n\
This package holds the Python 3 module actielijst, a ctypes binding of the\n\
C API in pure Python.")

include(CPack)
