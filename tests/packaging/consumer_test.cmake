# Installs the build to a staging prefix and builds consumers against the
# installed package only: a C program with pkg-config and a C++ CMake project
# with find_package(actielijst CONFIG), both over the C API (open, import and
# export a store); then a C++ program over the C++ API with find_package(...
# COMPONENTS core) and with pkg-config (actielijst-core.pc), which imports DATA
# and counts its action points.
#
#   cmake -DBUILD_DIR=<build> -DWORK=<dir> -DSOURCE=<tests/packaging/consumer>
#         -DDATA=<examples/data/limburg.json>
#         -DCC=<c compiler> -DCXX=<c++ compiler> -DGENERATOR=<generator>
#         -DVERSION=<x.y.z> -DLIBDIR=<CMAKE_INSTALL_LIBDIR> -DSANITIZE=<ON|OFF>
#         -P consumer_test.cmake
cmake_minimum_required(VERSION 3.25)

set(stage ${WORK}/stage)
set(out ${WORK}/out)
file(REMOVE_RECURSE ${stage} ${out})
file(MAKE_DIRECTORY ${out})

function(run)
  cmake_parse_arguments(R "" "WORKING_DIRECTORY" "COMMAND" ${ARGN})
  if(NOT R_WORKING_DIRECTORY)
    set(R_WORKING_DIRECTORY ${out})
  endif()
  list(JOIN R_COMMAND " " shown)
  message(STATUS "$ ${shown}")
  execute_process(COMMAND ${R_COMMAND} WORKING_DIRECTORY ${R_WORKING_DIRECTORY}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE o ERROR_VARIABLE e)
  if(NOT "${o}${e}" STREQUAL "")
    message("${o}${e}")
  endif()
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${shown}")
  endif()
endfunction()

# The sanitizer build's library needs the ASan runtime loaded first, so its
# consumers are built with the same instrumentation.
set(san_flags "")
if(SANITIZE)
  set(san_flags -fsanitize=address,undefined -fno-omit-frame-pointer)
endif()

# 1. Install to the staging prefix.
run(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${stage})

# LIBDIR is CMAKE_INSTALL_LIBDIR: lib, or lib/<multiarch> for a /usr prefix.
set(libdir ${stage}/${LIBDIR})
set(pc_dir ${libdir}/pkgconfig)
foreach(f ${pc_dir}/actielijst.pc ${pc_dir}/actielijst-core.pc ${libdir}/cmake/actielijst/actielijstConfig.cmake
          ${libdir}/cmake/actielijst/actielijstCoreTargets.cmake ${libdir}/libactielijst_core.a
          ${stage}/include/actielijst.h ${stage}/include/actielijst.hpp ${stage}/include/actielijst/store.hpp)
  if(NOT EXISTS ${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
# The installed C++ headers include only each other and system or dependency
# headers: nothing of src/ (or of the build tree) is installed with them.
file(GLOB cpp_headers ${stage}/include/actielijst.hpp ${stage}/include/actielijst/*.hpp)
foreach(h IN LISTS cpp_headers)
  file(STRINGS ${h} includes REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS includes)
    if(line MATCHES "<(actielijst[/.][^>]+)>")
      if(NOT EXISTS ${stage}/include/${CMAKE_MATCH_1})
        message(FATAL_ERROR "${h}: '${line}' names a header that is not installed")
      endif()
    elseif(NOT line MATCHES "<[^>]+>")
      message(FATAL_ERROR "${h}: '${line}': installed headers include only <...> headers")
    endif()
  endforeach()
endforeach()

# 2. C with pkg-config. The .pc is relocatable: it must yield the stage paths.
find_program(PKG_CONFIG pkg-config REQUIRED)
set(ENV{PKG_CONFIG_PATH} ${pc_dir})
unset(ENV{PKG_CONFIG_LIBDIR})
execute_process(COMMAND ${PKG_CONFIG} --cflags --libs actielijst
                OUTPUT_VARIABLE pc_flags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config does not know actielijst with PKG_CONFIG_PATH=${pc_dir}")
endif()
execute_process(COMMAND ${PKG_CONFIG} --variable=libdir actielijst
                OUTPUT_VARIABLE pc_libdir OUTPUT_STRIP_TRAILING_WHITESPACE)
file(REAL_PATH ${pc_libdir} pc_libdir_real)
file(REAL_PATH ${libdir} libdir_real)
if(NOT pc_libdir_real STREQUAL libdir_real)
  message(FATAL_ERROR "actielijst.pc is not relocatable: libdir ${pc_libdir} is not ${libdir}")
endif()
message(STATUS "pkg-config --cflags --libs actielijst: ${pc_flags}")
separate_arguments(pc_flags UNIX_COMMAND "${pc_flags}")
run(COMMAND ${CC} -std=c99 -Wall -Wextra -pedantic -Werror ${san_flags}
            ${SOURCE}/consumer.c -o ${out}/consumer_c ${pc_flags} -Wl,-rpath,${pc_libdir})
run(COMMAND ${out}/consumer_c ${out})

# 3. C++ with find_package(actielijst CONFIG REQUIRED).
list(JOIN san_flags " " san_string)
run(COMMAND ${CMAKE_COMMAND} -S ${SOURCE} -B ${out}/cmake-consumer -G ${GENERATOR}
            -DCMAKE_BUILD_TYPE=Debug
            -DCMAKE_CXX_COMPILER=${CXX}
            -DCMAKE_CXX_FLAGS=${san_string}
            -DCMAKE_EXE_LINKER_FLAGS=${san_string}
            -DCMAKE_PREFIX_PATH=${stage}
            -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON
            -DACTIELIJST_EXPECTED_VERSION=${VERSION})
run(COMMAND ${CMAKE_COMMAND} --build ${out}/cmake-consumer)
# The imported target gives the executable an rpath to the staged library.
run(COMMAND ${out}/cmake-consumer/consumer_cpp ${out})

# 4. C++ API with find_package(actielijst CONFIG REQUIRED COMPONENTS core), in a
# configure of its own so the one above stays C only.
run(COMMAND ${CMAKE_COMMAND} -S ${SOURCE} -B ${out}/cmake-consumer-core -G ${GENERATOR}
            -DCMAKE_BUILD_TYPE=Debug
            -DCMAKE_CXX_COMPILER=${CXX}
            -DCMAKE_CXX_FLAGS=${san_string}
            -DCMAKE_EXE_LINKER_FLAGS=${san_string}
            -DCMAKE_PREFIX_PATH=${stage}
            -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON
            -DACTIELIJST_EXPECTED_VERSION=${VERSION}
            -DCONSUMER_CORE=ON)
run(COMMAND ${CMAKE_COMMAND} --build ${out}/cmake-consumer-core)
run(COMMAND ${out}/cmake-consumer-core/consumer_core ${out} ${DATA})

# 5. The same program with pkg-config (actielijst-core.pc), which must also be
# relocatable and name every library the static core needs.
execute_process(COMMAND ${PKG_CONFIG} --cflags --libs actielijst-core
                OUTPUT_VARIABLE pc_core_flags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config does not know actielijst-core with PKG_CONFIG_PATH=${pc_dir}")
endif()
message(STATUS "pkg-config --cflags --libs actielijst-core: ${pc_core_flags}")
separate_arguments(pc_core_flags UNIX_COMMAND "${pc_core_flags}")
run(COMMAND ${CXX} -Wall -Wextra -Werror ${san_flags} ${SOURCE}/consumer_core.cpp -o ${out}/consumer_core_pc
            ${pc_core_flags})
run(COMMAND ${out}/consumer_core_pc ${out} ${DATA})

# A newer major version must not satisfy the package (SameMajorVersion).
string(REGEX MATCH "^[0-9]+" major "${VERSION}")
math(EXPR next_major "${major} + 1")
file(WRITE ${out}/next-major/CMakeLists.txt
  "cmake_minimum_required(VERSION 3.16)\nproject(next_major NONE)\n"
  "find_package(actielijst ${next_major}.0 CONFIG QUIET)\n"
  "if(actielijst_FOUND)\n  message(FATAL_ERROR \"actielijst ${VERSION} accepted for ${next_major}.0\")\nendif()\n")
run(COMMAND ${CMAKE_COMMAND} -S ${out}/next-major -B ${out}/next-major/build -DCMAKE_PREFIX_PATH=${stage})

message(STATUS "consumers built and run against ${stage}")
