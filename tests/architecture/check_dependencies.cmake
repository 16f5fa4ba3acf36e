cmake_minimum_required(VERSION 3.25)
# Checks that every module includes only the modules it may depend on
# (docs/architecture.md): dependencies point down, nothing points up.
# Run as: cmake -DSOURCE_DIR=<repo> -P check_dependencies.cmake

set(allowed_engine engine)
set(allowed_random random)
set(allowed_analytic analytic)
set(allowed_model model engine random)
set(allowed_experiment experiment model engine random)
set(allowed_planning planning experiment model engine random analytic)
set(allowed_io io planning experiment model engine random)
set(allowed_report report io planning experiment model engine random analytic)
set(allowed_cli cli report io planning experiment model engine random analytic)

# What the simulation core must never touch: files, JSON, logging.
set(forbidden_in_core "nlohmann/" "spdlog/" "<fstream>" "<filesystem>" "<iostream>" "CLI/")
set(core_modules engine random model)
# JSON is read and written at the edges only: nlohmann/ headers in io, cli and report
# (which reads results and writes its page data), nowhere else
# (experiment's sweeps take values as opaque text; docs/architecture.md).
set(json_modules io cli report)
# The integer-programming solver is the planning module's private business
# (docs/planning.md): glpk.h in src/planning only.
set(glpk_modules planning)

set(problems "")
foreach(module engine random analytic model experiment planning io report cli)
  # A module publishes headers of its own name only.
  file(GLOB published RELATIVE "${SOURCE_DIR}/include/${module}/ccsim" "${SOURCE_DIR}/include/${module}/ccsim/*")
  foreach(p IN LISTS published)
    if(NOT p STREQUAL module)
      string(APPEND problems "\n  include/${module}/ccsim/${p}: module '${module}' publishes headers under another name")
    endif()
  endforeach()
  file(GLOB_RECURSE files
       "${SOURCE_DIR}/include/${module}/ccsim/${module}/*.hpp"
       "${SOURCE_DIR}/src/${module}/*.cpp" "${SOURCE_DIR}/src/${module}/*.hpp")
  foreach(f IN LISTS files)
    file(STRINGS "${f}" includes REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS includes)
      if(line MATCHES "ccsim/([a-z_]+)/")
        set(target "${CMAKE_MATCH_1}")
        if(NOT target IN_LIST allowed_${module})
          string(APPEND problems "\n  ${f}: module '${module}' includes '${target}' (${line})")
        endif()
      endif()
      if(NOT module IN_LIST json_modules)
        string(FIND "${line}" "nlohmann/" pos)
        if(NOT pos EQUAL -1)
          string(APPEND problems "\n  ${f}: module '${module}' includes nlohmann/ (JSON belongs to io, cli and report)")
        endif()
      endif()
      if(NOT module IN_LIST glpk_modules OR f MATCHES "/include/")
        string(FIND "${line}" "glpk.h" pos)
        if(NOT pos EQUAL -1)
          string(APPEND problems "\n  ${f}: glpk.h outside src/planning (the solver stays private to planning)")
        endif()
      endif()
      if(module IN_LIST core_modules)
        foreach(bad IN LISTS forbidden_in_core)
          string(FIND "${line}" "${bad}" pos)
          if(NOT pos EQUAL -1)
            string(APPEND problems "\n  ${f}: core module '${module}' includes ${bad}")
          endif()
        endforeach()
      endif()
    endforeach()
  endforeach()
endforeach()

if(problems)
  message(FATAL_ERROR "dependency rule broken:${problems}")
endif()
message(STATUS "module dependencies follow the architecture")
