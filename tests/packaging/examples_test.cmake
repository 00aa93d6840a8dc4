# Builds examples/ as a project of its own against a fresh install of the build,
# the way a team outside the project would, and runs what it built: the command
# line tool (version, init, import, list), the report generator (an HTML report)
# and the C example. The examples see the installed package only: the prefix is
# the one search path given, and no compile line may name the source tree's
# include/ or src/, or the build tree (checked in compile_commands.json).
#
#   cmake -DBUILD_DIR=<build> -DWORK=<dir> -DSOURCE_DIR=<repo>
#         -DCC=<c compiler> -DCXX=<c++ compiler> -DGENERATOR=<generator>
#         -DVERSION=<x.y.z> -DSANITIZE=<ON|OFF> -P examples_test.cmake
cmake_minimum_required(VERSION 3.25)

set(stage ${WORK}/stage)
set(build ${WORK}/build)
set(out ${WORK}/out)
file(REMOVE_RECURSE ${stage} ${build} ${out})
file(MAKE_DIRECTORY ${out})

# Runs a command; its output goes to <out_var> when given, and is shown.
function(run)
  cmake_parse_arguments(R "" "OUTPUT_VARIABLE" "COMMAND" ${ARGN})
  list(JOIN R_COMMAND " " shown)
  message(STATUS "$ ${shown}")
  execute_process(COMMAND ${R_COMMAND} WORKING_DIRECTORY ${out}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE o ERROR_VARIABLE e)
  if(NOT "${o}${e}" STREQUAL "")
    message("${o}${e}")
  endif()
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${shown}")
  endif()
  if(R_OUTPUT_VARIABLE)
    set(${R_OUTPUT_VARIABLE} "${o}" PARENT_SCOPE)
  endif()
endfunction()

function(require text part what)
  string(FIND "${text}" "${part}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${what} lacks '${part}':\n${text}")
  endif()
endfunction()

# The sanitized build installs a sanitized core and library, which need the
# runtime of the same instrumentation in the program.
set(san "")
if(SANITIZE)
  set(san "-fsanitize=address,undefined -fno-omit-frame-pointer")
endif()

# 1. Install: the runtime and development components, as the two packages would.
run(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${stage})

# 2. Configure and build examples/ alone against the prefix. The warnings come
# from the command line here, as a team's own build would set them.
run(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples -B ${build} -G ${GENERATOR}
            -DCMAKE_BUILD_TYPE=Debug
            -DCMAKE_C_COMPILER=${CC}
            -DCMAKE_CXX_COMPILER=${CXX}
            "-DCMAKE_C_FLAGS=-Wall -Wextra -Werror ${san}"
            "-DCMAKE_CXX_FLAGS=-Wall -Wextra -Werror ${san}"
            "-DCMAKE_EXE_LINKER_FLAGS=${san}"
            -DCMAKE_PREFIX_PATH=${stage}
            -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON
            -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
            -DACTIELIJST_VERSION_REQUIRED=${VERSION}
     OUTPUT_VARIABLE configured)
file(REAL_PATH ${stage} stage_real)
string(REGEX MATCH "actielijst [0-9.]+ from ([^\n]+)" found "${configured}")
file(REAL_PATH "${CMAKE_MATCH_1}" found_dir)
string(FIND "${found_dir}" "${stage_real}/" at)
if(NOT at EQUAL 0)
  message(FATAL_ERROR "examples/ found actielijst in '${CMAKE_MATCH_1}', not in the prefix ${stage}")
endif()

# Every include directory of every compile line is the prefix's, the examples'
# own build tree's or the system's (/usr: CLI11, nlohmann_json).
file(READ ${build}/compile_commands.json commands)
string(REGEX MATCHALL "-(I|isystem) ?[^ \"]+" dirs "${commands}")
list(REMOVE_DUPLICATES dirs)
if(NOT dirs)
  message(FATAL_ERROR "no include directory in ${build}/compile_commands.json: the prefix's headers were not used")
endif()
foreach(flag IN LISTS dirs)
  string(REGEX REPLACE "^-(I|isystem) ?" "" dir "${flag}")
  if(NOT dir MATCHES "^(${stage}|${build}|/usr)(/|$)")
    message(FATAL_ERROR "a compile line of the examples uses ${dir}: they must see the installed package only")
  endif()
endforeach()
require("${commands}" "${stage}/include" "the examples' compile lines")

run(COMMAND ${CMAKE_COMMAND} --build ${build} -j 2)

# 3. The command-line tool: its version, and a store made from the bundled list.
set(cli ${build}/cli/actielijst)
set(data ${SOURCE_DIR}/examples/data/limburg.json)
run(COMMAND ${cli} --version OUTPUT_VARIABLE version)
require("${version}" "${VERSION}" "actielijst --version")
run(COMMAND ${cli} --db ${out}/limburg.db init)
run(COMMAND ${cli} --db ${out}/limburg.db import ${data})
run(COMMAND ${cli} --db ${out}/limburg.db list OUTPUT_VARIABLE listed)
require("${listed}" "wonen-registratie" "actielijst list")

# 4. The report generator: the HTML report of the bundled list.
set(report ${out}/rapport.html)
run(COMMAND ${build}/stuurgroep-rapport/stuurgroep-rapport --data ${data} --db ${out}/rapport.db --out ${report})
if(NOT EXISTS ${report})
  message(FATAL_ERROR "stuurgroep-rapport wrote no ${report}")
endif()
file(SIZE ${report} size)
file(READ ${report} head LIMIT 200)
string(TOLOWER "${head}" head)
if(size EQUAL 0 OR NOT head MATCHES "^<!doctype html")
  message(FATAL_ERROR "${report} is not an HTML document (${size} bytes): ${head}")
endif()

# 5. The C example, over the shared library.
run(COMMAND ${build}/c/actielijst-c-example ${out}/c-example.db ${data})

message(STATUS "examples/ built against ${stage} alone; the CLI, the report and the C example ran")
