# One bad input (tests/bad_inputs/README.md): runs the case's command line and checks that
# ccsim refuses it as the manifest says: the exit code, a message naming the expected JSON
# path or text, no internal error, no crash, no hang (a time limit), and nothing written
# to the output folder.
#   -DCCSIM=... -DSOURCE_DIR=... -DCASE_DIR=... -DWORK_DIR=... -DNAME=... -DEXPECT_EXIT=...
#   -DEXPECT_TEXT=... -DARGS=... (the command line, words separated by spaces)

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(file "${CASE_DIR}/${NAME}.json")

# Special files are made here, in the work folder, never in the source tree.
if(ARGS MATCHES "#fifo$" OR ARGS MATCHES "#huge$")
  configure_file("${file}" "${WORK_DIR}/${NAME}.json" COPYONLY)
  set(file "${WORK_DIR}/${NAME}.json")
endif()
if(ARGS MATCHES "#fifo$")
  find_program(MKFIFO mkfifo)
  if(NOT MKFIFO)
    message(STATUS "no mkfifo on this system: case skipped")
    return()
  endif()
  execute_process(COMMAND ${MKFIFO} "${WORK_DIR}/fifo.json" "${WORK_DIR}/fifo.csv" RESULT_VARIABLE made)
  if(NOT made EQUAL 0)
    message(FATAL_ERROR "mkfifo failed")
  endif()
endif()
if(ARGS MATCHES "#huge$")
  # 17 MiB, one more than the limit for scenario and CSV files: valid content, so that
  # only the size can be the problem.
  string(REPEAT "x" 1048576 mebibyte)
  file(WRITE "${WORK_DIR}/huge.json" "{\"schema\": \"ccsim/1\", \"description\": \"")
  file(WRITE "${WORK_DIR}/huge.csv" "start,rate_per_hour\n#")
  foreach(i RANGE 16)
    file(APPEND "${WORK_DIR}/huge.json" "${mebibyte}")
    file(APPEND "${WORK_DIR}/huge.csv" "${mebibyte}")
  endforeach()
  file(APPEND "${WORK_DIR}/huge.json" "\"}")
  file(APPEND "${WORK_DIR}/huge.csv" "\n08:00,20\n")
endif()
string(REGEX REPLACE " *#(fifo|huge)$" "" ARGS "${ARGS}")

string(REPLACE "{FILE}" "${file}" ARGS "${ARGS}")
string(REPLACE "{DIR}" "${CASE_DIR}" ARGS "${ARGS}")
string(REPLACE "{WORK}" "${WORK_DIR}" ARGS "${ARGS}")
string(REPLACE "{SRC}" "${SOURCE_DIR}" ARGS "${ARGS}")
separate_arguments(args UNIX_COMMAND "${ARGS}")

execute_process(COMMAND "${CCSIM}" ${args} --quiet
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
string(LENGTH "${err}" err_length)
if(err_length GREATER 4000)
  string(SUBSTRING "${err}" 0 4000 err)
  set(err "${err}...")
endif()
set(report "ccsim ${ARGS}\nexit: ${code}\nstderr:\n${err}")
if(NOT code STREQUAL "${EXPECT_EXIT}")
  message(FATAL_ERROR "expected exit ${EXPECT_EXIT}\n${report}")
endif()
if(err MATCHES "internal error")
  message(FATAL_ERROR "an internal error instead of a message about the input\n${report}")
endif()
if(NOT EXPECT_TEXT STREQUAL "")
  string(FIND "${err}" "${EXPECT_TEXT}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the message does not name '${EXPECT_TEXT}'\n${report}")
  endif()
endif()
# Refused before any work: no output folder at all.
if(EXISTS "${WORK_DIR}/out")
  message(FATAL_ERROR "the refused command left ${WORK_DIR}/out behind\n${report}")
endif()
