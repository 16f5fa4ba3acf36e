# The browser check (check_report.mjs) must fail, not pass, on pages that break what it
# checks: each case is the run's page with one defect put in.
#   -DNODE=... -DCHROMIUM=... -DCHECK=check_report.mjs -DPAGE=<a good page> -DWORK_DIR=...
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(READ "${PAGE}" page)

# The good page passes (else the cases below would prove nothing).
execute_process(COMMAND "${NODE}" "${CHECK}" "${PAGE}" --chromium "${CHROMIUM}"
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 100)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "the good page fails the check:\n${out}${err}")
endif()

set(marker "<script type=\"application/json\" id=\"ccsim-data\">")
# name|what to insert right before the page data|text the failure must name
set(cases
    "remote-request|<img src=\"http://example.invalid/x.png\">|request leaves the file"
    "console-error|<script>console.error('broken')</script>|console error"
    "page-error|<script>undefinedFunction()</script>|page error")
foreach(entry IN LISTS cases)
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 name)
  list(GET parts 1 insert)
  list(GET parts 2 expect)
  string(REPLACE "${marker}" "${insert}${marker}" broken "${page}")
  file(WRITE "${WORK_DIR}/${name}.html" "${broken}")
  execute_process(COMMAND "${NODE}" "${CHECK}" "${WORK_DIR}/${name}.html" --chromium "${CHROMIUM}"
                  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 100)
  if(code EQUAL 0)
    message(FATAL_ERROR "the check passed a page with a defect (${name})")
  endif()
  string(FIND "${err}" "${expect}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the check of ${name} does not say '${expect}':\n${err}")
  endif()
endforeach()

# A chart that cannot be drawn: an unknown mark type in the first chart's spec builder.
string(REPLACE "mark: { type: \"line\", strokeWidth: 1.6" "mark: { type: \"no-such-mark\", strokeWidth: 1.6" broken "${page}")
if(broken STREQUAL page)
  message(FATAL_ERROR "the band chart's line mark is not in the page: update this test")
endif()
file(WRITE "${WORK_DIR}/chart.html" "${broken}")
execute_process(COMMAND "${NODE}" "${CHECK}" "${WORK_DIR}/chart.html" --chromium "${CHROMIUM}"
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 100)
if(code EQUAL 0)
  message(FATAL_ERROR "the check passed a page whose charts cannot be drawn")
endif()
string(FIND "${err}" "chart" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the check of an undrawable chart does not name it:\n${err}")
endif()
