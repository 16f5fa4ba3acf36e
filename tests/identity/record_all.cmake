cmake_minimum_required(VERSION 3.25)
# Records the digests of every identity case (tests/identity/README.md).
# Run from the source tree: cmake -DCCSIM=build/src/cli/ccsim -P tests/identity/record_all.cmake
include(${CMAKE_CURRENT_LIST_DIR}/cases.cmake)
get_filename_component(source_dir "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
get_filename_component(ccsim "${CCSIM}" ABSOLUTE BASE_DIR "${source_dir}")
if(NOT WORK_DIR)
  set(WORK_DIR "${source_dir}/build/identity-record")
endif()
foreach(entry IN LISTS identity_cases)
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 name)
  execute_process(COMMAND ${CMAKE_COMMAND} -DCCSIM=${ccsim} -DSOURCE_DIR=${source_dir} -DWORK_DIR=${WORK_DIR}
                          -DCASE=${name} -DMODE=record -P ${CMAKE_CURRENT_LIST_DIR}/check_case.cmake
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "recording ${name} failed")
  endif()
endforeach()
