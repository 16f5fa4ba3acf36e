# ccsim report --pdf (docs/report.md):
#   MODE=print: the PDF is written and starts with %PDF, next to the HTML page;
#   MODE=no-chromium: with no Chromium on PATH, exit 2 naming --pdf, and neither file written.
#   -DCCSIM=... -DRESULT=<a run folder> -DWORK_DIR=... -DMODE=print|no-chromium
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
if(MODE STREQUAL "print")
  execute_process(COMMAND "${CCSIM}" report "${RESULT}" --quiet -o "${WORK_DIR}/report.html"
                          --pdf "${WORK_DIR}/out/report.pdf"
                  RESULT_VARIABLE code ERROR_VARIABLE err TIMEOUT 110)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "ccsim report --pdf: exit ${code}\n${err}")
  endif()
  file(READ "${WORK_DIR}/out/report.pdf" head LIMIT 4 HEX)
  if(NOT head STREQUAL "25504446")  # %PDF
    message(FATAL_ERROR "report.pdf does not start with %PDF: '${head}'")
  endif()
  file(SIZE "${WORK_DIR}/out/report.pdf" size)
  if(size LESS 20000)
    message(FATAL_ERROR "report.pdf is only ${size} bytes: the charts are not in it")
  endif()
  file(GLOB left "${WORK_DIR}/out/.*")
  if(left)
    message(FATAL_ERROR "temporary files left behind: ${left}")
  endif()
else()
  execute_process(COMMAND ${CMAKE_COMMAND} -E env PATH=${WORK_DIR}/empty-path
                          "${CCSIM}" report "${RESULT}" --quiet -o "${WORK_DIR}/out/report.html"
                          --pdf "${WORK_DIR}/out/report.pdf"
                  RESULT_VARIABLE code ERROR_VARIABLE err)
  if(NOT code EQUAL 2)
    message(FATAL_ERROR "expected exit 2 without Chromium, got ${code}\n${err}")
  endif()
  string(FIND "${err}" "--pdf" at)
  string(FIND "${err}" "chromium" at2)
  if(at EQUAL -1 OR at2 EQUAL -1)
    message(FATAL_ERROR "the message does not name --pdf and chromium:\n${err}")
  endif()
  if(EXISTS "${WORK_DIR}/out")
    message(FATAL_ERROR "the refused command wrote ${WORK_DIR}/out")
  endif()
endif()
